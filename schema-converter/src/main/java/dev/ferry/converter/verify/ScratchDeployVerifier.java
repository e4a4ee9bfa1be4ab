package dev.ferry.converter.verify;

import dev.ferry.converter.assess.ConversionResult;
import dev.ferry.converter.assess.ConvertedObject;
import dev.ferry.model.util.Redaction;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Verifies a conversion by deploying it: every converted object runs in deploy order inside one transaction, each in
 * its own savepoint so one failure does not hide the others, and the transaction is ROLLED BACK at the end, so the
 * target is left untouched (this also makes it usable against a real target, {@code --verify-against <url>}).
 * Objects that deploy become verified; objects that fail become MANUAL with a {@code VERIFICATION_FAILED} item
 * carrying the server's message; unconverted objects stay MANUAL.
 *
 * <p>Threading: not thread-safe; uses the caller's connection (restoring its auto-commit setting).
 */
public final class ScratchDeployVerifier {

    /** Outcome per object key: {@code null} for success, else the server's message. */
    public record Outcome(ConversionResult result, Map<String, String> errors, int deployed, int failed) {
    }

    private final Connection connection;

    public ScratchDeployVerifier(Connection connection) {
        this.connection = connection;
    }

    public Outcome verify(ConversionResult conversion) throws SQLException {
        return run(conversion, false);
    }

    /**
     * Deploys for real: like {@link #verify} but COMMITs at the end (failed objects are still rolled back to their
     * savepoint). Used by tests that load data into the deployed schema.
     */
    public Outcome deploy(ConversionResult conversion) throws SQLException {
        return run(conversion, true);
    }

    private Outcome run(ConversionResult conversion, boolean commit) throws SQLException {
        boolean auto = connection.getAutoCommit();
        connection.setAutoCommit(false);
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Boolean> ok = new LinkedHashMap<>();
        Map<String, String> reparse = ReparseVerifier.errors(conversion);
        try (Statement st = connection.createStatement()) {
            for (ConvertedObject o : conversion.inDeployOrder()) {
                if (!o.converted()) {
                    continue;
                }
                Savepoint sp = connection.setSavepoint();
                try {
                    st.execute(o.convertedSql());
                    connection.releaseSavepoint(sp);
                    ok.put(o.key(), true);
                } catch (SQLException e) {
                    connection.rollback(sp);
                    ok.put(o.key(), false);
                    String failedDeps = o.dependsOn().stream()
                            .filter(d -> Boolean.FALSE.equals(ok.get(d)) || conversion.object(d).map(x -> !x.converted()).orElse(false))
                            .collect(java.util.stream.Collectors.joining(", "));
                    errors.put(o.key(), (failedDeps.isEmpty() ? "" : "depends on " + failedDeps + ", which did not deploy; ")
                            + Redaction.redact(e.getMessage()));
                }
            }
            if (commit) {
                connection.commit();
            } else {
                connection.rollback();
            }
        } finally {
            connection.setAutoCommit(auto);
        }
        int deployed = (int) ok.values().stream().filter(b -> b).count();
        // AUTO needs both: the text re-parses with our PostgreSQL grammar AND the server accepted it
        reparse.forEach((key, message) -> {
            ok.put(key, false);
            errors.merge(key, message, (server, parse) -> server + "; " + parse);
        });
        ConversionResult verified = conversion.map(o -> o.converted() ? o.withVerification(ok.getOrDefault(o.key(), false),
                errors.getOrDefault(o.key(), "not deployed")) : o);
        return new Outcome(verified, errors, deployed, errors.size());
    }
}
