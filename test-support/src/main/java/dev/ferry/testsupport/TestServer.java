package dev.ferry.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A running database server that tests may use: embedded (started by {@link TestDatabases}) or external
 * (named by a {@code FERRY_TEST_*_URL} variable). Tests never share a database: each asks for a fresh one
 * with {@link #createDatabase(String)}.
 *
 * <p>Thread-safe.
 */
public final class TestServer {

    /** Which kind of server this is. */
    public enum Kind { POSTGRESQL, MYSQL, ORACLE }

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final Kind kind;
    private final String host;
    private final int port;
    private final String defaultDatabase;
    private final String user;
    private final String password;
    private final String version;
    private final boolean embedded;

    TestServer(Kind kind, String host, int port, String defaultDatabase, String user, String password, boolean embedded) {
        this.kind = kind;
        this.host = host;
        this.port = port;
        this.defaultDatabase = defaultDatabase;
        this.user = user;
        this.password = password == null ? "" : password;
        this.embedded = embedded;
        this.version = queryVersion();
    }

    public Kind kind() {
        return kind;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    /** The password of the admin user; tests pass it to Ferry through its secret mechanisms, never in URLs they log. */
    public String password() {
        return password;
    }

    public String defaultDatabase() {
        return defaultDatabase;
    }

    public boolean embedded() {
        return embedded;
    }

    public String version() {
        return version;
    }

    /** JDBC URL of a database on this server, without credentials. */
    public String jdbcUrl(String database) {
        switch (kind) {
            case POSTGRESQL:
                return "jdbc:postgresql://" + host + ":" + port + "/" + database;
            case MYSQL:
                return "jdbc:mysql://" + host + ":" + port + "/" + database
                        + "?allowLoadLocalInfile=true&useSSL=false&allowPublicKeyRetrieval=true";
            default:
                return "jdbc:oracle:thin:@//" + host + ":" + port + "/" + database;
        }
    }

    public String jdbcUrl() {
        return jdbcUrl(defaultDatabase);
    }

    public Connection connect(String database) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        return DriverManager.getConnection(jdbcUrl(database), p);
    }

    public Connection connect() throws SQLException {
        return connect(defaultDatabase);
    }

    /**
     * Creates a fresh, empty database whose name starts with {@code prefix} and returns its name. On MySQL a database
     * is a schema, so the name is also the schema name.
     */
    public String createDatabase(String prefix) {
        String name = (prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_") + "_" + ProcessHandle.current().pid()
                + "_" + COUNTER.incrementAndGet());
        try (Connection c = connect(); Statement st = c.createStatement()) {
            if (kind == Kind.ORACLE) {
                throw new UnsupportedOperationException("create a user/schema on Oracle instead");
            }
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name + ": " + e.getMessage(), e);
        }
        return name;
    }

    /** Runs SQL statements separated by {@code ;} at line ends on the given database. */
    public void execute(String database, String... statements) {
        try (Connection c = connect(database); Statement st = c.createStatement()) {
            for (String s : statements) {
                st.execute(s);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("test SQL failed on " + database + ": " + e.getMessage(), e);
        }
    }

    private String queryVersion() {
        String sql = kind == Kind.ORACLE ? "select banner from v$version where rownum = 1" : "select version()";
        try (Connection c = connect(); Statement st = c.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(kind + " test server at " + host + ":" + port + " is not usable: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return kind + (embedded ? " (embedded) " : " (external) ") + host + ":" + port + " " + version;
    }
}
