package dev.ferry.converter.sqlite;

import dev.ferry.converter.assess.ConversionResult;
import dev.ferry.converter.assess.ConvertedObject;
import dev.ferry.converter.direction.TargetVerifier;
import dev.ferry.converter.parse.ParsingException;
import dev.ferry.converter.parse.sqlite.SqliteParserFacade;
import dev.ferry.model.schema.Engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The honesty rule for SQLite targets: {@link #reparse} re-parses every converted object with Ferry's SQLite grammar;
 * {@link #deploy} also runs each object that re-parsed, in deploy order, in a scratch SQLite database (an in-memory
 * one is enough), each under its own savepoint, and rolls everything back at the end. Only objects that pass are
 * verified; the others become MANUAL with the parser's or SQLite's message.
 *
 * <p>Threading: not thread-safe; one call at a time per connection.
 */
public final class SqliteTargetVerifier implements TargetVerifier {

    @Override
    public Engine target() {
        return Engine.SQLITE;
    }

    @Override
    public ConversionResult reparse(ConversionResult converted) {
        Map<String, String> errors = reparseErrors(converted);
        return converted.map(o -> o.converted() ? o.withVerification(!errors.containsKey(o.key()), errors.get(o.key())) : o);
    }

    private static Map<String, String> reparseErrors(ConversionResult converted) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConvertedObject o : converted.objects()) {
            if (!o.converted()) {
                continue;
            }
            List<ParsingException> problems = SqliteParserFacade.INSTANCE.verify(o.convertedSql(),
                    o.type().toLowerCase(Locale.ROOT) + " " + o.name());
            if (!problems.isEmpty()) {
                errors.put(o.key(), "the converted SQL does not re-parse with Ferry's SQLite grammar: " + problems.get(0).getMessage());
            }
        }
        return errors;
    }

    @Override
    public ConversionResult deploy(Connection scratch, ConversionResult converted) {
        Map<String, String> errors = reparseErrors(converted);
        try {
            boolean auto = scratch.getAutoCommit();
            scratch.setAutoCommit(false);
            try (Statement st = scratch.createStatement()) {
                int n = 0;
                for (ConvertedObject o : converted.inDeployOrder()) {
                    if (!o.converted() || errors.containsKey(o.key())) {
                        continue;
                    }
                    String sp = "ferry_verify_" + (++n);
                    st.execute("SAVEPOINT " + sp);
                    try {
                        st.executeUpdate(o.convertedSql());
                        st.execute("RELEASE " + sp);
                    } catch (SQLException e) {
                        st.execute("ROLLBACK TO " + sp);
                        st.execute("RELEASE " + sp);
                        errors.put(o.key(), "deploying into a scratch SQLite database failed: " + e.getMessage());
                    }
                }
            } finally {
                scratch.rollback();
                scratch.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the scratch SQLite database failed: " + e.getMessage(), e);
        }
        return converted.map(o -> o.converted() ? o.withVerification(!errors.containsKey(o.key()), errors.get(o.key())) : o);
    }
}
