package dev.ferry.engine.endpoint;

import dev.ferry.engine.endpoint.ConnectionTestResult.Outcome;
import dev.ferry.model.project.EndpointConfig;
import dev.ferry.model.schema.Engine;
import dev.ferry.model.util.Redaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tests whether Ferry can log in to an endpoint and classifies failures into a {@link ConnectionTestResult} whose
 * message a DBA can act on.
 *
 * <p>The attempt runs on its own daemon thread with a hard deadline of the endpoint's connect timeout (default 10 s):
 * {@link #test} returns by then even when the host drops packets or the server accepts the TCP connection but never
 * answers. A connection that arrives after the deadline is closed in the background.
 *
 * <p>Thread-safe; {@link #test} may be called concurrently and blocks the calling thread (call it off the FX thread).
 */
public final class ConnectionTester {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionTester.class);
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final int DETAIL_MAX = 240;

    /**
     * Tries to connect to {@code config} with {@code password} (may be {@code null}; not retained; not cleared).
     * Never throws for connection problems; they become the result's outcome.
     */
    public ConnectionTestResult test(EndpointConfig config, char[] password) {
        long start = System.nanoTime();
        int timeout = config.effectiveConnectTimeoutSeconds();
        char[] pw = password == null ? null : Arrays.copyOf(password, password.length);
        Executor ownThread = r -> {
            Thread t = new Thread(r, "ferry-connection-test-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            t.start();
        };
        CompletableFuture<ConnectionTestResult> attempt = CompletableFuture.supplyAsync(() -> attempt(config, pw, start), ownThread);
        try {
            return attempt.get(timeout * 1000L, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            attempt.cancel(true);
            return result(Outcome.TIMEOUT, config, pw, null, null, start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            attempt.cancel(true);
            return result(Outcome.TIMEOUT, config, pw, "the test was interrupted", null, start);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return result(FailureClassifier.classify(config.engine(), cause), config, pw, detail(cause, pw), null, start);
        } finally {
            // the background attempt may still use pw; it clears its own copy when done
            if (attempt.isDone() && pw != null) {
                Arrays.fill(pw, '\0');
            }
        }
    }

    private ConnectionTestResult attempt(EndpointConfig config, char[] pw, long start) {
        try {
            if (config.engine() == Engine.SQLITE) {
                ConnectionTestResult pre = sqlitePrecheck(config, start);
                if (pre != null) {
                    return pre;
                }
            }
            JdbcUrls.JdbcTarget target = JdbcUrls.forTest(config);
            if (config.engine() == Engine.SQLITE) {
                target.properties().setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY: never create the file
            }
            try (Connection c = ConnectionFactory.connect(config, target, pw)) {
                String version = serverVersion(c, config.engine());
                return result(Outcome.OK, config, pw, null, version, start);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debug("connection test of {} failed: {}", config.describe(), detail(e, pw));
            Outcome o = FailureClassifier.classify(config.engine(), e);
            if (config.engine() == Engine.SQLITE) {
                o = lower(e.getMessage()).contains("not a database") ? Outcome.UNKNOWN_DATABASE : Outcome.INSUFFICIENT_PRIVILEGES;
            }
            return result(o, config, pw, detail(e, pw), null, start);
        } finally {
            if (pw != null) { // the attempt owns this copy of the password
                Arrays.fill(pw, '\0');
            }
        }
    }

    private ConnectionTestResult sqlitePrecheck(EndpointConfig config, long start) {
        if (config.path() == null || config.path().isBlank()) {
            return result(Outcome.UNKNOWN_DATABASE, config, null, "no file path is configured", null, start);
        }
        Path file = Path.of(config.path());
        if (!Files.exists(file)) {
            return result(Outcome.UNKNOWN_DATABASE, config, null, "the file does not exist", null, start);
        }
        if (Files.isDirectory(file)) {
            return result(Outcome.UNKNOWN_DATABASE, config, null, "the path is a directory, not a database file", null, start);
        }
        if (!Files.isReadable(file)) {
            return result(Outcome.INSUFFICIENT_PRIVILEGES, config, null, "the file is not readable by this user", null, start);
        }
        return null;
    }

    static String serverVersion(Connection c, Engine engine) throws SQLException {
        String sql;
        switch (engine) {
            case POSTGRESQL: sql = "SHOW server_version"; break;
            case MYSQL: sql = "SELECT VERSION()"; break;
            case SQLITE: sql = "SELECT sqlite_version() FROM (SELECT count(*) FROM sqlite_master)"; break;
            default: return c.getMetaData().getDatabaseProductVersion();
        }
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            String v = rs.getString(1);
            switch (engine) {
                case POSTGRESQL: return "PostgreSQL " + v;
                case MYSQL: return (lower(v).contains("mariadb") ? "MariaDB " : "MySQL ") + v;
                default: return "SQLite " + v;
            }
        }
    }

    private static ConnectionTestResult result(Outcome o, EndpointConfig c, char[] pw, String detail, String version, long start) {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        String msg = Redaction.redact(message(o, c, detail, version, elapsed), pw);
        return new ConnectionTestResult(o, msg, version, elapsed);
    }

    static String message(Outcome o, EndpointConfig c, String detail, String version, Duration elapsed) {
        String why = detail == null || detail.isBlank() ? "" : " (" + detail + ")";
        if (c.engine() == Engine.SQLITE) {
            String file = "SQLite file " + c.path();
            switch (o) {
                case OK: return "Opened " + file + " with " + version + " in " + elapsed.toMillis() + " ms.";
                case UNKNOWN_DATABASE: return "Cannot use " + file + ": " + (detail == null ? "not a database" : detail) + "; check the path.";
                case INSUFFICIENT_PRIVILEGES: return "Cannot read " + file + ": " + (detail == null ? "permission denied" : detail)
                        + "; check the file permissions.";
                case TIMEOUT: return "Opening " + file + " did not finish within " + c.effectiveConnectTimeoutSeconds()
                        + " s; another process may hold a lock on it.";
                default: return "Cannot open " + file + why + ".";
            }
        }
        String hp = c.host() + ":" + c.effectivePort();
        String db = c.engine() == Engine.ORACLE
                ? (c.properties().containsKey(EndpointUrl.ORACLE_SID_PROPERTY) ? "SID " : "service ") + c.database()
                : "database " + (c.database() == null ? "(default)" : c.database());
        String user = "user " + (c.user() == null ? "(none)" : c.user());
        String engine = c.engine().displayName();
        String said = detail == null || detail.isBlank() ? "" : " (server said: " + detail + ")";
        switch (o) {
            case OK:
                return "Connected to " + version + " at " + hp + ", " + db + " as " + user + " in " + elapsed.toMillis() + " ms.";
            case UNREACHABLE:
                return "Cannot reach the " + engine + " server at " + hp + " for " + db + " as " + user
                        + "; check the host name, the port, firewalls and that the server is running" + said + ".";
            case AUTH_FAILED:
                return "The " + engine + " server at " + hp + " rejected " + user + " for " + db
                        + "; check the user name and password and that this user may log in from this machine" + said + ".";
            case UNKNOWN_DATABASE:
                return "The " + engine + " server at " + hp + " has no " + db + " for " + user + "; check the "
                        + (c.engine() == Engine.ORACLE ? "service name or SID" : "database name") + said + ".";
            case TLS_ERROR:
                return "The TLS connection to " + hp + " for " + db + " as " + user + " failed with tls=" + c.tls().externalName()
                        + "; check the server certificate, the trust store and the tls setting" + said + ".";
            case INSUFFICIENT_PRIVILEGES:
                return "The " + engine + " server at " + hp + " accepted " + user + " but denies it access to " + db
                        + "; grant it CONNECT (PostgreSQL), access to the database (MySQL) or CREATE SESSION (Oracle)" + said + ".";
            case TIMEOUT:
            default:
                return "No answer from the " + engine + " server at " + hp + " for " + db + " as " + user + " within "
                        + c.effectiveConnectTimeoutSeconds() + " s; a firewall may drop the packets or the port may belong to another service"
                        + said + ".";
        }
    }

    /** First line of the innermost useful driver message, redacted and shortened. */
    static String detail(Throwable t, char[] pw) {
        String msg = t.getMessage();
        if ((msg == null || msg.isBlank()) && t.getCause() != null) {
            msg = t.getCause().getMessage();
        }
        if (msg == null || msg.isBlank()) {
            msg = t.getClass().getSimpleName();
        }
        int nl = msg.indexOf('\n');
        if (nl > 0) {
            msg = msg.substring(0, nl);
        }
        msg = msg.trim();
        if (msg.endsWith(".")) {
            msg = msg.substring(0, msg.length() - 1);
        }
        if (msg.length() > DETAIL_MAX) {
            msg = msg.substring(0, DETAIL_MAX) + "...";
        }
        return Redaction.redact(msg, pw);
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
