package dev.ferry.engine.endpoint;

import dev.ferry.model.project.EndpointConfig;
import dev.ferry.model.project.TlsMode;
import dev.ferry.model.schema.Engine;
import dev.ferry.model.util.Redaction;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Parses the connection URLs users paste into an {@link EndpointConfig} plus a separate password.
 *
 * <p>Accepted forms (a leading {@code jdbc:} is optional everywhere):
 * <ul>
 *   <li>{@code postgresql://user:pw@host:5432/db?sslmode=require&x=y} (also {@code postgres://})</li>
 *   <li>{@code mysql://user:pw@host:3306/db?sslMode=REQUIRED} and {@code mariadb://...}</li>
 *   <li>{@code oracle://user:pw@host:1521/SERVICE}, {@code oracle://user:pw@host:1521?sid=XE},
 *       {@code jdbc:oracle:thin:@//host:1521/SERVICE}, {@code jdbc:oracle:thin:@host:1521:SID},
 *       {@code jdbc:oracle:thin:user/pw@//host:1521/SERVICE}, {@code jdbc:oracle:thin:@tcps://host:2484/SERVICE}</li>
 *   <li>{@code sqlite:/path/file.db}, {@code jdbc:sqlite:path}, or a bare path ending in {@code .db}, {@code .sqlite},
 *       {@code .sqlite3}</li>
 * </ul>
 *
 * <p>User and password are percent-decoded (UTF-8). Query parameters: {@code user}/{@code password} set the
 * credentials; {@code sslmode}, {@code sslMode}, {@code ssl}, {@code useSSL} and {@code tls} set the {@link TlsMode};
 * {@code connectTimeout} sets the connect timeout in the URL's own driver unit (seconds for PostgreSQL, milliseconds
 * for MySQL and Oracle), {@code connect_timeout} in seconds for every engine; {@code sid} selects an Oracle SID (kept as
 * property {@value #ORACLE_SID_PROPERTY}); every other parameter becomes a driver property, unchanged.
 *
 * <p>Errors are {@link IllegalArgumentException}s whose message shows the URL with its password masked.
 * Stateless and thread-safe.
 */
public final class EndpointUrl {

    /** Property naming an Oracle SID; when present the endpoint connects by SID instead of by service name. */
    public static final String ORACLE_SID_PROPERTY = "oracle.sid";

    private EndpointUrl() {
    }

    /** Parses {@code url}; the endpoint's name is derived from the database, file or host. */
    public static ParsedEndpoint parse(String url) {
        return parse(null, url);
    }

    /**
     * Parses {@code url} into an endpoint called {@code name} (derived from the database, file or host when
     * {@code null}).
     *
     * @throws IllegalArgumentException for a URL Ferry cannot use; the message never contains the password
     */
    public static ParsedEndpoint parse(String name, String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("Endpoint URL is empty: expected e.g. postgresql://user@host:5432/db");
        }
        String u = url.trim();
        try {
            return doParse(name, u);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid endpoint URL '" + safe(u) + "': " + e.getMessage());
        }
    }

    private static ParsedEndpoint doParse(String name, String url) {
        String rest = url;
        if (rest.regionMatches(true, 0, "jdbc:", 0, 5)) {
            rest = rest.substring(5);
        }
        String lower = rest.toLowerCase(Locale.ROOT);
        if (lower.startsWith("sqlite:")) {
            return sqlite(name, rest.substring("sqlite:".length()));
        }
        if (lower.startsWith("oracle:thin:") || lower.startsWith("oracle:oci:")) {
            return oracleThin(name, rest.substring(rest.indexOf(':', 7) + 1));
        }
        int sep = rest.indexOf("://");
        if (sep < 0) {
            if (looksLikeSqliteFile(url)) {
                return sqlite(name, url);
            }
            throw new IllegalArgumentException("expected <engine>://[user[:password]@]host[:port]/database "
                    + "(postgresql, mysql, mariadb, oracle), sqlite:<path> or a path ending in .db, .sqlite or .sqlite3");
        }
        String scheme = lower.substring(0, sep);
        Engine engine;
        switch (scheme) {
            case "postgresql": case "postgres": case "pgsql": engine = Engine.POSTGRESQL; break;
            case "mysql": case "mariadb": engine = Engine.MYSQL; break;
            case "oracle": engine = Engine.ORACLE; break;
            case "sqlite": return sqlite(name, rest.substring(sep + 1));
            default:
                throw new IllegalArgumentException("unknown scheme '" + scheme
                        + "': expected postgresql, postgres, mysql, mariadb, oracle or sqlite");
        }
        return network(name, engine, rest.substring(sep + 3), null);
    }

    /** host-part parsing shared by all network engines; {@code tlsHint} is set by {@code tcps://}. */
    private static ParsedEndpoint network(String name, Engine engine, String afterScheme, TlsMode tlsHint) {
        // split query: the query begins at the first '?' after the user-info
        int q = afterScheme.indexOf('?');
        int at = afterScheme.lastIndexOf('@', q >= 0 ? q : afterScheme.length() - 1);
        if (at < 0 && q >= 0 && afterScheme.indexOf('@', q) >= 0) {
            // an unencoded '?' inside the password
            at = afterScheme.lastIndexOf('@');
            q = afterScheme.indexOf('?', at);
        }
        String userInfo = at >= 0 ? afterScheme.substring(0, at) : null;
        String hostAndPath = at >= 0 ? afterScheme.substring(at + 1) : afterScheme;
        String query = null;
        int q2 = hostAndPath.indexOf('?');
        if (q2 >= 0) {
            query = hostAndPath.substring(q2 + 1);
            hostAndPath = hostAndPath.substring(0, q2);
        }
        String user = null;
        char[] password = null;
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            if (colon >= 0) {
                user = decode(userInfo.substring(0, colon), "user name");
                password = decode(userInfo.substring(colon + 1), "password").toCharArray();
            } else {
                user = decode(userInfo, "user name");
            }
            if (user.isEmpty()) {
                user = null;
            }
        }
        int slash = hostAndPath.indexOf('/');
        String hostPort = slash >= 0 ? hostAndPath.substring(0, slash) : hostAndPath;
        String database = slash >= 0 ? decode(hostAndPath.substring(slash + 1), "database") : null;
        if (database != null && database.endsWith("/")) {
            database = database.substring(0, database.length() - 1);
        }
        if (database != null && database.isEmpty()) {
            database = null;
        }
        String host;
        Integer port = null;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("unclosed '[' in IPv6 host");
            }
            host = hostPort.substring(1, close);
            String after = hostPort.substring(close + 1);
            if (after.startsWith(":")) {
                port = port(after.substring(1));
            } else if (!after.isEmpty()) {
                throw new IllegalArgumentException("unexpected '" + after + "' after IPv6 host");
            }
        } else {
            int colon = hostPort.lastIndexOf(':');
            if (colon >= 0) {
                host = hostPort.substring(0, colon);
                port = port(hostPort.substring(colon + 1));
            } else {
                host = hostPort;
            }
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("the host is missing");
        }
        if (host.contains(",")) {
            throw new IllegalArgumentException("multiple hosts are not supported; give one host");
        }

        Map<String, String> props = new LinkedHashMap<>();
        TlsMode tls = tlsHint;
        Integer timeout = null;
        if (query != null && !query.isEmpty()) {
            for (String kv : query.split("&")) {
                if (kv.isEmpty()) {
                    continue;
                }
                int eq = kv.indexOf('=');
                String key = decode(eq >= 0 ? kv.substring(0, eq) : kv, "parameter name");
                String value = eq >= 0 ? decode(kv.substring(eq + 1), "parameter " + key) : "";
                switch (key.toLowerCase(Locale.ROOT)) {
                    case "user":
                        user = value;
                        break;
                    case "password":
                        password = value.toCharArray();
                        break;
                    case "sslmode":
                    case "tls":
                        tls = tlsFrom(key, value);
                        break;
                    case "ssl":
                    case "usessl":
                    case "requiressl":
                        if (tls == null || key.equalsIgnoreCase("ssl")) {
                            tls = Boolean.parseBoolean(value) || value.equals("1") ? TlsMode.REQUIRE : TlsMode.DISABLE;
                        }
                        break;
                    case "connect_timeout":
                        timeout = seconds(key, value, false);
                        break;
                    case "connecttimeout":
                        timeout = seconds(key, value, engine != Engine.POSTGRESQL);
                        break;
                    case "sid":
                        if (engine != Engine.ORACLE) {
                            throw new IllegalArgumentException("parameter 'sid' applies to Oracle only");
                        }
                        if (value.isEmpty()) {
                            throw new IllegalArgumentException("parameter 'sid' needs a value, e.g. sid=XE");
                        }
                        props.put(ORACLE_SID_PROPERTY, value);
                        break;
                    default:
                        props.put(key, value);
                }
            }
        }
        if (engine == Engine.ORACLE && props.containsKey(ORACLE_SID_PROPERTY)) {
            String sid = props.get(ORACLE_SID_PROPERTY);
            if (database != null && !database.equals(sid)) {
                throw new IllegalArgumentException("both service name '" + database + "' and sid '" + sid + "' given; use one");
            }
            database = sid;
        }
        String endpointName = name != null ? name : (database != null ? database : host);
        EndpointConfig config = new EndpointConfig(endpointName, engine, host, port, database, user, null, null,
                tls == null ? TlsMode.DISABLE : tls, props, timeout, null);
        return new ParsedEndpoint(config, password);
    }

    /** {@code jdbc:oracle:thin:} followed by {@code [user[/pw]]@//host:port/svc}, {@code @host:port:SID} or {@code @tcps://...}. */
    private static ParsedEndpoint oracleThin(String name, String s) {
        int at = s.lastIndexOf('@');
        if (at < 0) {
            throw new IllegalArgumentException("expected jdbc:oracle:thin:@//host:port/service or jdbc:oracle:thin:@host:port:SID");
        }
        String creds = s.substring(0, at);
        String target = s.substring(at + 1);
        String user = null;
        char[] password = null;
        if (!creds.isEmpty()) {
            int slash = creds.indexOf('/');
            user = decode(slash >= 0 ? creds.substring(0, slash) : creds, "user name");
            if (slash >= 0) {
                password = decode(creds.substring(slash + 1), "password").toCharArray();
            }
        }
        if (target.startsWith("(")) {
            throw new IllegalArgumentException("TNS descriptors are not supported; use jdbc:oracle:thin:@//host:port/service");
        }
        ParsedEndpoint p;
        String lt = target.toLowerCase(Locale.ROOT);
        if (lt.startsWith("//")) {
            p = network(name, Engine.ORACLE, target.substring(2), null);
        } else if (lt.startsWith("tcps://")) {
            p = network(name, Engine.ORACLE, target.substring(7), TlsMode.REQUIRE);
        } else if (lt.startsWith("tcp://")) {
            p = network(name, Engine.ORACLE, target.substring(6), null);
        } else {
            // host:port:SID (old form), or host:port/service (EZConnect without //)
            String[] parts = target.split(":", 3);
            if (parts.length == 3 && !parts[2].contains("/")) {
                int qm = parts[2].indexOf('?');
                String sid = qm >= 0 ? parts[2].substring(0, qm) : parts[2];
                String query = qm >= 0 ? "&" + parts[2].substring(qm + 1) : "";
                p = network(name, Engine.ORACLE, parts[0] + ":" + parts[1] + "?sid=" + sid + query, null);
            } else {
                p = network(name, Engine.ORACLE, target, null);
            }
        }
        EndpointConfig c = p.config();
        if (user != null) {
            c = new EndpointConfig(c.name(), c.engine(), c.host(), c.port(), c.database(), user, null, null, c.tls(),
                    c.properties(), c.connectTimeoutSeconds(), null);
        }
        return new ParsedEndpoint(c, password != null ? password : p.password());
    }

    private static ParsedEndpoint sqlite(String name, String spec) {
        String path = spec;
        Map<String, String> props = new LinkedHashMap<>();
        int q = path.indexOf('?');
        if (q >= 0) {
            for (String kv : path.substring(q + 1).split("&")) {
                if (!kv.isEmpty()) {
                    int eq = kv.indexOf('=');
                    props.put(decode(eq >= 0 ? kv.substring(0, eq) : kv, "parameter name"),
                            eq >= 0 ? decode(kv.substring(eq + 1), "parameter") : "");
                }
            }
            path = path.substring(0, q);
        }
        if (path.startsWith("file:")) {
            path = path.substring(5);
        }
        if (path.startsWith("///")) {
            path = path.substring(2);           // sqlite:///abs/path -> /abs/path
        } else if (path.startsWith("//")) {
            path = path.substring(2);           // sqlite://relative/path
        }
        if (path.isBlank()) {
            throw new IllegalArgumentException("the SQLite file path is missing");
        }
        if (path.equals(":memory:")) {
            throw new IllegalArgumentException("in-memory SQLite databases cannot be migration endpoints; give a file");
        }
        String fileName = Path.of(path).getFileName() == null ? path : Path.of(path).getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        String derived = dot > 0 ? fileName.substring(0, dot) : fileName;
        EndpointConfig config = new EndpointConfig(name != null ? name : derived, Engine.SQLITE, null, null, null, null,
                null, null, TlsMode.DISABLE, props, null, path);
        return new ParsedEndpoint(config, null);
    }

    private static boolean looksLikeSqliteFile(String s) {
        String l = s.toLowerCase(Locale.ROOT);
        return l.endsWith(".db") || l.endsWith(".sqlite") || l.endsWith(".sqlite3");
    }

    private static TlsMode tlsFrom(String key, String value) {
        switch (value.toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "disable": case "disabled": case "allow": case "prefer": case "preferred": case "false": case "off":
                return TlsMode.DISABLE;
            case "require": case "required": case "true": case "on":
                return TlsMode.REQUIRE;
            case "verify-ca":
                return TlsMode.VERIFY_CA;
            case "verify-full": case "verify-identity":
                return TlsMode.VERIFY_FULL;
            default:
                throw new IllegalArgumentException("unknown " + key + " '" + value
                        + "': expected disable, require, verify-ca or verify-full (or the driver's DISABLED, REQUIRED, VERIFY_CA, VERIFY_IDENTITY)");
        }
    }

    private static Integer seconds(String key, String value, boolean millis) {
        try {
            long v = Long.parseLong(value.trim());
            if (v <= 0) {
                throw new IllegalArgumentException("parameter " + key + " must be positive, got '" + value + "'");
            }
            return (int) Math.min(Integer.MAX_VALUE, millis ? (v + 999) / 1000 : v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter " + key + " is not a number: '" + value + "'");
        }
    }

    private static Integer port(String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            int p = Integer.parseInt(text);
            if (p < 1 || p > 65535) {
                throw new IllegalArgumentException("port " + p + " is out of range 1-65535");
            }
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port '" + text + "' is not a number");
        }
    }

    /** RFC 3986 percent-decoding; unlike URLDecoder a '+' stays a '+'. */
    static String decode(String s, String what) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) {
                    throw new IllegalArgumentException("bad percent-encoding in the " + what);
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException("bad percent-encoding in the " + what);
                }
                out.write(hi * 16 + lo);
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * The URL with everything that could be a password masked: the user-info after the first ':' up to the last '@',
     * the Oracle {@code user/password@} form, and password-like query parameters.
     */
    static String safe(String url) {
        String out = url;
        int sep = out.indexOf("://");
        if (sep >= 0) {
            int start = sep + 3;
            int at = out.lastIndexOf('@');
            if (at > start) {
                int colon = out.indexOf(':', start);
                if (colon >= 0 && colon < at) {
                    out = out.substring(0, colon + 1) + Redaction.MASK + out.substring(at);
                }
            }
        }
        String l = out.toLowerCase(Locale.ROOT);
        int thin = l.indexOf("oracle:thin:");
        if (thin >= 0) {
            int credStart = thin + "oracle:thin:".length();
            int at = out.lastIndexOf('@');
            int slash = out.indexOf('/', credStart);
            if (at > credStart && slash >= 0 && slash < at) {
                out = out.substring(0, slash + 1) + Redaction.MASK + out.substring(at);
            }
        }
        return Redaction.redact(out);
    }
}
