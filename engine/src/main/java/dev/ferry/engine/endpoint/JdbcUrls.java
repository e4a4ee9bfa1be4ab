package dev.ferry.engine.endpoint;

import dev.ferry.model.project.EndpointConfig;
import dev.ferry.model.project.TlsMode;
import dev.ferry.model.schema.Engine;

import java.util.Map;
import java.util.Properties;

/**
 * Turns an {@link EndpointConfig} into the driver's JDBC URL and {@link Properties}, mapping {@link TlsMode} and the
 * connect timeout onto each driver's own options:
 *
 * <table>
 *   <caption>TLS mapping</caption>
 *   <tr><th>TlsMode</th><th>pgjdbc {@code sslmode}</th><th>Connector/J {@code sslMode}</th><th>Oracle thin</th></tr>
 *   <tr><td>DISABLE</td><td>disable</td><td>DISABLED</td><td>tcp</td></tr>
 *   <tr><td>REQUIRE</td><td>require</td><td>REQUIRED</td><td>tcps, ssl_server_dn_match=false</td></tr>
 *   <tr><td>VERIFY_CA</td><td>verify-ca</td><td>VERIFY_CA</td><td>tcps, ssl_server_dn_match=false</td></tr>
 *   <tr><td>VERIFY_FULL</td><td>verify-full</td><td>VERIFY_IDENTITY</td><td>tcps, ssl_server_dn_match=true</td></tr>
 * </table>
 *
 * <p>The returned properties never contain a user or password; {@link ConnectionFactory} adds them. The endpoint's own
 * {@link EndpointConfig#properties() properties} are passed through last, so they override Ferry's defaults (except
 * Ferry-internal keys such as {@value EndpointUrl#ORACLE_SID_PROPERTY}). Oracle over TCPS needs the JVM or
 * {@code javax.net.ssl.trustStore} properties to trust the server certificate, even for REQUIRE.
 *
 * <p>Stateless and thread-safe.
 */
public final class JdbcUrls {

    /** A driver URL and its connection properties (without credentials). */
    public record JdbcTarget(String url, Properties properties) {
        /** A copy of the properties, safe to add credentials to. */
        public Properties copyProperties() {
            Properties p = new Properties();
            p.putAll(properties);
            return p;
        }
    }

    private JdbcUrls() {
    }

    /** URL and properties for normal, long-running work (no socket read timeout). */
    public static JdbcTarget of(EndpointConfig config) {
        return build(config, false);
    }

    /**
     * URL and properties for a connection test: as {@link #of(EndpointConfig)} plus a socket read timeout equal to the
     * connect timeout, so that a server that accepts but never answers fails in time.
     */
    public static JdbcTarget forTest(EndpointConfig config) {
        return build(config, true);
    }

    private static JdbcTarget build(EndpointConfig c, boolean test) {
        if (c.engine() == null) {
            throw new IllegalArgumentException("Endpoint '" + c.name() + "' has no engine");
        }
        if (c.engine() != Engine.SQLITE && (c.host() == null || c.host().isBlank())) {
            throw new IllegalArgumentException("Endpoint '" + c.name() + "' has no host");
        }
        int timeoutSeconds = c.effectiveConnectTimeoutSeconds();
        Properties p = new Properties();
        String url;
        switch (c.engine()) {
            case POSTGRESQL:
                url = "jdbc:postgresql://" + hostPort(c) + "/" + (c.database() == null ? "postgres" : urlPath(c.database()));
                p.setProperty("sslmode", pgSslMode(c.tls()));
                p.setProperty("connectTimeout", Integer.toString(timeoutSeconds));
                p.setProperty("loginTimeout", Integer.toString(timeoutSeconds));
                p.setProperty("ApplicationName", "Ferry");
                if (test) {
                    p.setProperty("socketTimeout", Integer.toString(timeoutSeconds));
                }
                break;
            case MYSQL:
                url = "jdbc:mysql://" + hostPort(c) + "/" + (c.database() == null ? "" : urlPath(c.database()));
                p.setProperty("sslMode", mysqlSslMode(c.tls()));
                p.setProperty("useSSL", Boolean.toString(c.tls() != TlsMode.DISABLE));
                if (c.tls() == TlsMode.DISABLE) {
                    // caching_sha2_password over plain TCP needs the server's RSA key
                    p.setProperty("allowPublicKeyRetrieval", "true");
                }
                p.setProperty("allowLoadLocalInfile", "true");
                p.setProperty("rewriteBatchedStatements", "true");
                // 0000-00-00 dates become NULL instead of failing the whole read
                p.setProperty("zeroDateTimeBehavior", "CONVERT_TO_NULL");
                p.setProperty("connectTimeout", Integer.toString(timeoutSeconds * 1000));
                p.setProperty("connectionAttributes", "program_name:Ferry");
                if (test) {
                    p.setProperty("socketTimeout", Integer.toString(timeoutSeconds * 1000));
                }
                break;
            case ORACLE:
                url = oracleUrl(c);
                p.setProperty("oracle.net.CONNECT_TIMEOUT", Integer.toString(timeoutSeconds * 1000));
                p.setProperty("v$session.program", "Ferry");
                // the 23ai driver otherwise dumps a diagnostic trace (class path, properties) to the log on a failed connect
                p.setProperty("oracle.jdbc.diagnostic.enableDiagnoseFirstFailure", "false");
                if (c.tls() != TlsMode.DISABLE) {
                    p.setProperty("oracle.net.ssl_server_dn_match", Boolean.toString(c.tls() == TlsMode.VERIFY_FULL));
                }
                if (test) {
                    p.setProperty("oracle.jdbc.ReadTimeout", Integer.toString(timeoutSeconds * 1000));
                }
                break;
            case SQLITE:
                if (c.path() == null || c.path().isBlank()) {
                    throw new IllegalArgumentException("SQLite endpoint '" + c.name() + "' has no file path");
                }
                url = "jdbc:sqlite:" + c.path();
                break;
            default:
                throw new IllegalArgumentException("Unsupported engine " + c.engine());
        }
        for (Map.Entry<String, String> e : c.properties().entrySet()) {
            if (!e.getKey().equals(EndpointUrl.ORACLE_SID_PROPERTY)
                    && !e.getKey().equalsIgnoreCase("user") && !e.getKey().equalsIgnoreCase("password")) {
                p.setProperty(e.getKey(), e.getValue());
            }
        }
        return new JdbcTarget(url, p);
    }

    private static String oracleUrl(EndpointConfig c) {
        boolean tcps = c.tls() != TlsMode.DISABLE;
        String sid = c.properties().get(EndpointUrl.ORACLE_SID_PROPERTY);
        if (sid != null) {
            if (tcps) {
                return "jdbc:oracle:thin:@(DESCRIPTION=(ADDRESS=(PROTOCOL=tcps)(HOST=" + c.host() + ")(PORT="
                        + c.effectivePort() + "))(CONNECT_DATA=(SID=" + sid + ")))";
            }
            return "jdbc:oracle:thin:@" + hostPort(c) + ":" + sid;
        }
        if (c.database() == null || c.database().isBlank()) {
            throw new IllegalArgumentException("Oracle endpoint '" + c.name() + "' needs a service name (or a SID)");
        }
        return "jdbc:oracle:thin:@" + (tcps ? "tcps://" : "//") + hostPort(c) + "/" + c.database();
    }

    private static String hostPort(EndpointConfig c) {
        String h = c.host().contains(":") && !c.host().startsWith("[") ? "[" + c.host() + "]" : c.host();
        return h + ":" + c.effectivePort();
    }

    /** Escapes characters that would end the path part of a URL. */
    private static String urlPath(String db) {
        StringBuilder sb = new StringBuilder();
        for (char ch : db.toCharArray()) {
            if (ch == '?' || ch == '/' || ch == '%' || ch == '#' || ch == ' ' || ch == '&') {
                sb.append('%').append(String.format("%02X", (int) ch));
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    static String pgSslMode(TlsMode tls) {
        switch (tls) {
            case REQUIRE: return "require";
            case VERIFY_CA: return "verify-ca";
            case VERIFY_FULL: return "verify-full";
            default: return "disable";
        }
    }

    static String mysqlSslMode(TlsMode tls) {
        switch (tls) {
            case REQUIRE: return "REQUIRED";
            case VERIFY_CA: return "VERIFY_CA";
            case VERIFY_FULL: return "VERIFY_IDENTITY";
            default: return "DISABLED";
        }
    }
}
