package dev.ferry.engine.endpoint;

import dev.ferry.model.project.EndpointConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Pre-migration readiness checks for an endpoint in a given {@link Role}, like DMS premigration assessments: server
 * settings for change capture (WAL level, binlog format, replication slots...), the privileges Ferry needs, and tables
 * without a primary or unique key. Each {@link ReadinessCheck} carries the SQL or configuration that fixes it.
 *
 * <p>The checks only read the catalog with light queries; they never change data or settings. A check whose query
 * fails (e.g. missing privilege on a system view) becomes a WARN that says so instead of failing the whole run.
 *
 * <p>Stateless and thread-safe; {@link #check} uses the given connection on the calling thread and leaves its
 * auto-commit setting as it found it.
 */
public final class ReadinessChecker {

    private static final Logger LOG = LoggerFactory.getLogger(ReadinessChecker.class);
    /** At most this many object names are listed in a check's detail. */
    static final int LIST_LIMIT = 25;

    private ReadinessChecker() {
    }

    /**
     * Runs the checks that apply to {@code role} on {@code endpoint}.
     *
     * @param connection an open connection to the endpoint, as the user Ferry will run as
     * @param endpoint   the endpoint (engine, user, database)
     * @param role       how the endpoint will be used
     * @param schemas    the schemas to migrate; empty means every user schema (PostgreSQL, Oracle: the user's own
     *                   schema) or the endpoint's database (MySQL); ignored for SQLite
     * @return the checks in a stable order
     */
    public static List<ReadinessCheck> check(Connection connection, EndpointConfig endpoint, Role role, List<String> schemas) {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(role, "role");
        List<String> s = schemas == null ? List.of() : List.copyOf(schemas);
        boolean autoCommit = true;
        try {
            autoCommit = connection.getAutoCommit();
            if (!autoCommit) {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            LOG.debug("cannot read auto-commit: {}", e.getMessage());
        }
        try {
            switch (endpoint.engine()) {
                case POSTGRESQL: return new PostgresReadiness(connection, endpoint).run(role, s);
                case MYSQL: return new MySqlReadiness(connection, endpoint).run(role, s);
                case ORACLE: return new OracleReadiness(connection, endpoint).run(role, s);
                case SQLITE: return new SqliteReadiness(connection, endpoint).run(role);
                default: throw new IllegalArgumentException("No readiness checks for " + endpoint.engine());
            }
        } finally {
            try {
                if (!autoCommit) {
                    connection.setAutoCommit(false);
                }
            } catch (SQLException e) {
                LOG.debug("cannot restore auto-commit: {}", e.getMessage());
            }
        }
    }

    /** A check body that may fail with SQL. */
    @FunctionalInterface
    interface SqlCheck {
        ReadinessCheck run() throws SQLException;
    }

    /** Runs {@code body}; a SQL failure becomes a WARN naming what could not be checked. */
    static void add(List<ReadinessCheck> out, String id, String title, SqlCheck body) {
        try {
            out.add(body.run());
        } catch (SQLException | RuntimeException e) {
            LOG.debug("readiness check {} failed: {}", id, e.getMessage());
            out.add(ReadinessCheck.warn(id, title, "Could not check: " + dev.ferry.model.util.Redaction.redact(
                    firstLine(e.getMessage())), "Run the readiness check as a user that may read the system views, or verify by hand."));
        }
    }

    /** {@code a, b, c ... and 7 more}. */
    static String list(Collection<String> names) {
        List<String> all = new ArrayList<>(names);
        if (all.size() <= LIST_LIMIT) {
            return String.join(", ", all);
        }
        return String.join(", ", all.subList(0, LIST_LIMIT)) + " ... and " + (all.size() - LIST_LIMIT) + " more";
    }

    /** {@code 1 table has} / {@code 3 tables have}. */
    static String tables(int n) {
        return n == 1 ? "1 table has" : n + " tables have";
    }

    static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl > 0 ? s.substring(0, nl) : s;
    }

    /** {@code "name"} with embedded quotes doubled (PostgreSQL, Oracle, SQLite). */
    static String dq(String ident) {
        return "\"" + ident.replace("\"", "\"\"") + "\"";
    }

    /** {@code `name`} with embedded backticks doubled (MySQL). */
    static String bq(String ident) {
        return "`" + ident.replace("`", "``") + "`";
    }

    /** {@code 'text'} with embedded quotes doubled. */
    static String sq(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
