package dev.ferry.converter.target.mysql;

import dev.ferry.converter.assess.ConversionResult;
import dev.ferry.converter.assess.ConvertedObject;
import dev.ferry.converter.direction.TargetVerifier;
import dev.ferry.converter.naming.MySqlIdentifiers;
import dev.ferry.converter.parse.mysql.MySqlParsedStatement;
import dev.ferry.converter.parse.mysql.MySqlParserFacade;
import dev.ferry.model.schema.Engine;
import dev.ferry.model.util.Redaction;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The honesty rule for MySQL / MariaDB targets. {@link #reparse} re-parses every converted object with Ferry's MySQL
 * grammar; {@link #deploy} does that and deploys every object, in deploy order, into a throw-away database
 * ({@code ferry_verify_<random>}) created on the given connection and dropped afterwards (MySQL DDL commits
 * implicitly, so savepoints cannot undo it). An object is verified only when it re-parses AND the server accepted
 * it; a failure keeps it MANUAL with a {@code VERIFICATION_FAILED} item carrying the server's message and the
 * dependencies that did not deploy. {@link #deployInto} deploys for real into the conversion's own database and keeps
 * it (used by tests that compare the deployed catalog with the source).
 *
 * <p>Converted objects are single statements written without a database qualifier: the verifier runs them in the
 * database it created ({@code USE}).
 *
 * <p>Threading: not thread-safe; one call at a time per connection. The connection's current database is restored.
 */
public final class MySqlTargetVerifier implements TargetVerifier {

    /** Outcome of a deploy: the verified result, the server's message per failed object key, and the counts. */
    public record Outcome(ConversionResult result, Map<String, String> errors, int deployed, int failed) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private final MySqlParserFacade facade = new MySqlParserFacade();

    @Override
    public Engine target() {
        return Engine.MYSQL;
    }

    /** Re-parse errors per object key; objects that re-parse are absent. */
    public Map<String, String> reparseErrors(ConversionResult converted) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConvertedObject o : converted.objects()) {
            if (!o.converted()) {
                continue;
            }
            String file = o.type().toLowerCase(Locale.ROOT) + " " + o.name();
            MySqlParsedStatement st = facade.parseStatement(file, o.convertedSql());
            if (!st.isParsed()) {
                errors.put(o.key(), "the converted SQL does not re-parse with Ferry's MySQL grammar: " + st.error().getMessage());
            }
        }
        return errors;
    }

    @Override
    public ConversionResult reparse(ConversionResult converted) {
        Map<String, String> errors = reparseErrors(converted);
        return converted.map(o -> o.converted() ? o.withVerification(!errors.containsKey(o.key()), errors.get(o.key())) : o);
    }

    @Override
    public ConversionResult deploy(Connection scratch, ConversionResult converted) {
        try {
            return verify(scratch, converted).result();
        } catch (SQLException e) {
            throw new IllegalStateException("Scratch deploy into MySQL failed: " + Redaction.redact(e.getMessage()), e);
        }
    }

    /** Deploys into a throw-away database that is dropped afterwards; see the class comment. */
    public Outcome verify(Connection scratch, ConversionResult converted) throws SQLException {
        String db = "ferry_verify_" + Long.toHexString(RANDOM.nextLong() & Long.MAX_VALUE);
        return run(scratch, converted, db, true);
    }

    /** Deploys into the conversion's own database (created if missing) and keeps it. */
    public Outcome deployInto(Connection connection, ConversionResult converted) throws SQLException {
        return run(connection, converted, null, false);
    }

    private Outcome run(Connection c, ConversionResult converted, String scratchDb, boolean drop) throws SQLException {
        String previous = c.getCatalog();
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Boolean> ok = new LinkedHashMap<>();
        Map<String, String> reparse = reparseErrors(converted);
        String database = null;
        try (Statement st = c.createStatement()) {
            for (ConvertedObject o : converted.inDeployOrder()) {
                if (!o.converted()) {
                    continue;
                }
                String sql = o.convertedSql();
                boolean isDatabase = o.type().equals("SCHEMA");
                if (isDatabase) {
                    if (database != null) {
                        ok.put(o.key(), false);
                        errors.put(o.key(), "a conversion deploys into one database; " + database + " came first");
                        continue;
                    }
                    database = scratchDb != null ? scratchDb : o.name();
                    if (scratchDb != null) {
                        String prefix = "CREATE DATABASE IF NOT EXISTS " + MySqlIdentifiers.quote(o.name());
                        sql = "CREATE DATABASE " + MySqlIdentifiers.quote(scratchDb)
                                + (sql.startsWith(prefix) ? sql.substring(prefix.length()) : " CHARACTER SET utf8mb4");
                    }
                }
                try {
                    st.execute(sql);
                    ok.put(o.key(), true);
                    if (isDatabase) {
                        st.execute("USE " + MySqlIdentifiers.quote(database));
                    }
                } catch (SQLException e) {
                    ok.put(o.key(), false);
                    String failedDeps = o.dependsOn().stream()
                            .filter(d -> Boolean.FALSE.equals(ok.get(d)) || converted.object(d).map(x -> !x.converted()).orElse(false))
                            .collect(Collectors.joining(", "));
                    errors.put(o.key(), (failedDeps.isEmpty() ? "" : "depends on " + failedDeps + ", which did not deploy; ")
                            + Redaction.redact(e.getMessage()));
                    if (isDatabase) {
                        throw e;
                    }
                }
            }
        } finally {
            try (Statement st = c.createStatement()) {
                if (drop && database != null) {
                    st.execute("DROP DATABASE IF EXISTS " + MySqlIdentifiers.quote(database));
                }
            } finally {
                if (previous != null && !previous.isEmpty()) {
                    c.setCatalog(previous);
                }
            }
        }
        int deployed = (int) ok.values().stream().filter(b -> b).count();
        reparse.forEach((key, message) -> {
            ok.put(key, false);
            errors.merge(key, message, (server, parse) -> server + "; " + parse);
        });
        ConversionResult verified = converted.map(o -> o.converted() ? o.withVerification(ok.getOrDefault(o.key(), false),
                errors.getOrDefault(o.key(), "not deployed")) : o);
        return new Outcome(verified, errors, deployed, errors.size());
    }
}
