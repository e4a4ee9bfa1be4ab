package dev.ferry.engine.endpoint;

import dev.ferry.engine.endpoint.ConnectionTestResult.Outcome;
import dev.ferry.model.schema.Engine;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps a failed connect attempt onto an {@link Outcome}, from SQLState and vendor codes first, then from the cause
 * chain (socket and TLS exceptions), then from message text.
 *
 * <ul>
 *   <li>PostgreSQL: 28P01/28000 auth, 3D000 unknown database, 42501 privileges, 08xxx + socket causes.</li>
 *   <li>MySQL/MariaDB: 1045 auth, 1049 unknown database, 1044 privileges, 3159 TLS required, communications link
 *       failures by cause.</li>
 *   <li>Oracle: ORA-01017/28000/28001 auth, ORA-12514/12505 unknown service, ORA-12541/12543 unreachable,
 *       ORA-01045 privileges, ORA-12170 timeout.</li>
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
final class FailureClassifier {

    private static final Pattern ORA = Pattern.compile("ORA-(\\d{5})");

    private FailureClassifier() {
    }

    static Outcome classify(Engine engine, Throwable t) {
        Outcome byCode = null;
        if (t instanceof SQLException) {
            SQLException e = (SQLException) t;
            switch (engine) {
                case POSTGRESQL: byCode = postgres(e); break;
                case MYSQL: byCode = mysql(e); break;
                case ORACLE: byCode = oracle(e); break;
                default: break;
            }
        }
        if (byCode != null) {
            return byCode;
        }
        return byCause(t);
    }

    private static Outcome postgres(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        switch (state) {
            case "28P01":
            case "28000":
                return Outcome.AUTH_FAILED;
            case "3D000":
                return Outcome.UNKNOWN_DATABASE;
            case "42501":
                return Outcome.INSUFFICIENT_PRIVILEGES;
            default:
                break;
        }
        String m = lower(e.getMessage());
        if (m.contains("server does not support ssl") || m.contains("ssl error") || m.contains("ssl")
                && (m.contains("certificate") || m.contains("handshake"))) {
            return Outcome.TLS_ERROR;
        }
        if (m.contains("no pg_hba.conf entry") && m.contains("ssl")) {
            return Outcome.TLS_ERROR;
        }
        return null;
    }

    private static Outcome mysql(SQLException e) {
        switch (e.getErrorCode()) {
            case 1045: // access denied (password)
            case 1251: // client does not support authentication protocol
            case 1130: // host not allowed to connect
            case 1862: // password expired
            case 3118: // account locked
                return Outcome.AUTH_FAILED;
            case 1049:
                return Outcome.UNKNOWN_DATABASE;
            case 1044: // access denied for user to database
            case 1227:
                return Outcome.INSUFFICIENT_PRIVILEGES;
            case 3159: // connections using insecure transport are prohibited
                return Outcome.TLS_ERROR;
            case 1040: // too many connections
            case 1129: // host blocked
                return Outcome.UNREACHABLE;
            default:
                break;
        }
        String m = lower(e.getMessage());
        if (m.contains("public key retrieval is not allowed")) {
            return Outcome.AUTH_FAILED;
        }
        if (m.contains("unknown database")) {
            return Outcome.UNKNOWN_DATABASE;
        }
        return null;
    }

    private static Outcome oracle(SQLException e) {
        int code = e.getErrorCode();
        if (code == 0 || code == 17002 || code == 17868) {
            // IO errors wrap the real ORA- code in their message or cause
            for (Throwable x = e; x != null; x = x.getCause()) {
                Matcher m = ORA.matcher(String.valueOf(x.getMessage()));
                if (m.find() && !m.group(1).equals("17002")) {
                    code = Integer.parseInt(m.group(1));
                    break;
                }
                if (x.getCause() == x) {
                    break;
                }
            }
        }
        switch (code) {
            case 1017: case 28000: case 28001: case 1005: case 1004:
                return Outcome.AUTH_FAILED;
            case 12514: case 12505: case 12504:
                return Outcome.UNKNOWN_DATABASE;
            case 1045:
                return Outcome.INSUFFICIENT_PRIVILEGES;
            case 12541: case 12543: case 12545: case 12537: case 12547:
                return Outcome.UNREACHABLE;
            case 12170: case 12535: case 18714:
                return Outcome.TIMEOUT;
            case 29024: case 29002: case 29003: case 29106: case 29113: case 17902:
                return Outcome.TLS_ERROR;
            default:
                return null;
        }
    }

    /** Socket/TLS exceptions anywhere in the chain, then message text. */
    static Outcome byCause(Throwable t) {
        for (Throwable x = t; x != null; x = x.getCause()) {
            if (x instanceof javax.net.ssl.SSLException || x instanceof java.security.cert.CertificateException) {
                return Outcome.TLS_ERROR;
            }
            if (x.getCause() == x) {
                break;
            }
        }
        for (Throwable x = t; x != null; x = x.getCause()) {
            if (x instanceof SocketTimeoutException || x instanceof java.util.concurrent.TimeoutException) {
                return Outcome.TIMEOUT;
            }
            if (x instanceof ConnectException || x instanceof UnknownHostException || x instanceof NoRouteToHostException) {
                return Outcome.UNREACHABLE;
            }
            if (x.getCause() == x) {
                break;
            }
        }
        StringBuilder all = new StringBuilder();
        for (Throwable x = t; x != null && all.length() < 10_000; x = x.getCause()) {
            all.append(' ').append(lower(x.getMessage()));
            if (x.getCause() == x) {
                break;
            }
        }
        String m = all.toString();
        if (m.contains("timed out") || m.contains("timeout")) {
            return Outcome.TIMEOUT;
        }
        if (m.contains("ssl") || m.contains("tls") || m.contains("certificate")) {
            return Outcome.TLS_ERROR;
        }
        if (m.contains("password") || m.contains("authentication")) {
            return Outcome.AUTH_FAILED;
        }
        if (m.contains("permission denied") || m.contains("access denied")) {
            return Outcome.INSUFFICIENT_PRIVILEGES;
        }
        return Outcome.UNREACHABLE;
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
