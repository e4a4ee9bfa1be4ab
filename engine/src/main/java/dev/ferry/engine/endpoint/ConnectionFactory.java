package dev.ferry.engine.endpoint;

import dev.ferry.engine.secret.SecretResolver;
import dev.ferry.model.project.EndpointConfig;
import dev.ferry.model.schema.Engine;
import dev.ferry.model.util.Redaction;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Properties;

/**
 * Opens JDBC connections to endpoints. The driver is instantiated directly (no {@code DriverManager} lookup), the URL
 * and properties come from {@link JdbcUrls}, and the password from a {@link SecretResolver}; it is cleared after use.
 * A failing connect throws an {@link SQLException} whose message is redacted (and never contains the password); SQL
 * state and vendor code are kept for classification.
 *
 * <p>Thread-safe; each call opens a new connection that belongs to the caller.
 */
public final class ConnectionFactory {

    private final SecretResolver resolver;

    public ConnectionFactory(SecretResolver resolver) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    /** Resolves the endpoint's password and opens a connection for long-running work. */
    public Connection open(EndpointConfig config) throws SQLException {
        char[] password = resolver.resolve(config);
        try {
            return open(config, password);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /**
     * Opens a connection for normal work with an explicit password (may be {@code null} for none). The login is bounded
     * by a socket read timeout equal to the connect timeout (so a server that accepts but never answers cannot hang the
     * caller); once logged in, the read timeout is cleared for long-running statements.
     */
    public static Connection open(EndpointConfig config, char[] password) throws SQLException {
        Connection c = connect(config, JdbcUrls.forTest(config), password);
        if (config.engine() != Engine.SQLITE) {
            try {
                c.setNetworkTimeout(Runnable::run, 0);
            } catch (SQLException | RuntimeException e) {
                c.close();
                throw e;
            }
        }
        return c;
    }

    /** Opens a connection with the given target (e.g. {@link JdbcUrls#forTest(EndpointConfig)}). */
    static Connection connect(EndpointConfig config, JdbcUrls.JdbcTarget target, char[] password) throws SQLException {
        Properties props = target.copyProperties();
        if (config.engine() != Engine.SQLITE) {
            if (config.user() != null) {
                props.setProperty("user", config.user());
            }
            if (password != null) {
                props.setProperty("password", new String(password));
            }
        }
        Driver driver = driver(config.engine());
        try {
            Connection c = driver.connect(target.url(), props);
            if (c == null) {
                throw new SQLException("The " + config.engine().displayName() + " driver did not accept URL " + Redaction.redact(target.url()));
            }
            return c;
        } catch (SQLException e) {
            throw redacted(e, password);
        } catch (RuntimeException e) {
            // some drivers throw unchecked exceptions for bad properties
            SQLException s = new SQLException(Redaction.redact(String.valueOf(e.getMessage()), password), "08001");
            if (!containsSecret(e, password)) {
                s.initCause(e);
            }
            throw s;
        }
    }

    static Driver driver(Engine engine) throws SQLException {
        switch (engine) {
            case POSTGRESQL: return new org.postgresql.Driver();
            case MYSQL: return new com.mysql.cj.jdbc.Driver();
            case ORACLE: return new oracle.jdbc.OracleDriver();
            case SQLITE: return new org.sqlite.JDBC();
            default: throw new SQLException("No driver for " + engine);
        }
    }

    /** The exception itself when it is clean, otherwise a copy with a redacted message and no cause. */
    static SQLException redacted(SQLException e, char[] password) {
        String msg = e.getMessage();
        String clean = Redaction.redact(msg, password);
        if (Objects.equals(msg, clean) && !containsSecret(e, password)) {
            return e;
        }
        SQLException copy = new SQLException(clean, e.getSQLState(), e.getErrorCode());
        copy.setStackTrace(e.getStackTrace());
        // keep the cause types (for classification) but not their text
        Throwable cause = e.getCause();
        while (cause != null) {
            if (!containsSecret(cause, password)) {
                copy.initCause(cause);
                break;
            }
            cause = cause.getCause();
        }
        return copy;
    }

    static boolean containsSecret(Throwable t, char[] password) {
        if (password == null || password.length < 3) {
            return false;
        }
        String pw = new String(password);
        for (Throwable x = t; x != null; x = x.getCause()) {
            if (x.getMessage() != null && x.getMessage().contains(pw)) {
                return true;
            }
            if (x.getCause() == x) {
                break;
            }
        }
        return false;
    }
}
