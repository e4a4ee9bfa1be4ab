package dev.ferry.engine.endpoint;

import dev.ferry.engine.endpoint.ConnectionTestResult.Outcome;
import dev.ferry.engine.secret.PasswordPrompt;
import dev.ferry.engine.secret.SecretResolver;
import dev.ferry.model.project.EndpointConfig;
import dev.ferry.model.schema.Engine;
import dev.ferry.testsupport.TestDatabases;
import dev.ferry.testsupport.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Connection tests against the embedded PostgreSQL. The server trusts every local connection, so for password
 * checks this test puts scram-sha-256 lines for its own role at the top of pg_hba.conf; user postgres stays on trust.
 */
class PostgresConnectionTesterIT {

    static final String PW_USER = "ferry_ct_pw_user";
    static final String RIGHT = "Right-Pa55word!";
    static final String WRONG = "Wr0ng-Pa55word?";

    static TestServer pg;
    static String db;

    @BeforeAll
    static void setUp() throws Exception {
        pg = TestDatabases.postgres();
        db = pg.createDatabase("conntest");
        requirePasswordFor(pg, PW_USER, RIGHT);
    }

    /** Creates {@code role} with {@code password} and makes pg_hba.conf demand scram-sha-256 for it (idempotent). */
    static synchronized void requirePasswordFor(TestServer server, String role, String password) throws Exception {
        try (Connection c = server.connect(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + role + "'")) {
                if (!rs.next()) {
                    st.execute("SET password_encryption = 'scram-sha-256'");
                    st.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "'");
                }
            }
            Path hba;
            try (ResultSet rs = st.executeQuery("SHOW hba_file")) {
                rs.next();
                hba = Path.of(rs.getString(1));
            }
            String content = Files.readString(hba);
            String marker = "# ferry test: " + role;
            if (!content.contains(marker)) {
                String lines = marker + "\n"
                        + "host all " + role + " 127.0.0.1/32 scram-sha-256\n"
                        + "host all " + role + " ::1/128 scram-sha-256\n";
                Files.writeString(hba, lines + content);
                st.execute("SELECT pg_reload_conf()");
            }
        }
        EndpointConfig probe = new EndpointConfig("probe", Engine.POSTGRESQL, server.host(), server.port(), server.defaultDatabase(),
                role, null, null, null, null, 5, null);
        await().atMost(Duration.ofSeconds(20)).until(() -> new ConnectionTester().test(probe, "not-it".toCharArray()).outcome() == Outcome.AUTH_FAILED);
    }

    static EndpointConfig endpoint(String user, String database) {
        return new EndpointConfig("pg-test", Engine.POSTGRESQL, pg.host(), pg.port(), database, user, null, null, null, null, null, null);
    }

    @Test
    void okIncludesServerVersion() {
        ConnectionTestResult r = new ConnectionTester().test(endpoint(pg.user(), db), pg.password().toCharArray());
        assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.OK);
        assertThat(r.serverVersion()).startsWith("PostgreSQL 16");
        assertThat(r.message()).contains(pg.host() + ":" + pg.port()).contains(db).contains(pg.user()).contains(r.serverVersion());
        assertThat(r.elapsed()).isPositive();
    }

    @Test
    void passwordUserWithRightPasswordIsOk() {
        ConnectionTestResult r = new ConnectionTester().test(endpoint(PW_USER, db), RIGHT.toCharArray());
        assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.OK);
        assertThat(r.message()).doesNotContain(RIGHT);
    }

    @Test
    void wrongPasswordIsAuthFailedAndNeverShown() {
        ConnectionTestResult r = new ConnectionTester().test(endpoint(PW_USER, db), WRONG.toCharArray());
        assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.AUTH_FAILED);
        assertThat(r.message()).contains(PW_USER).contains(db).contains(pg.host() + ":" + pg.port())
                .doesNotContain(WRONG).doesNotContain(RIGHT);
        assertThat(r.serverVersion()).isNull();
    }

    @Test
    void connectionFactoryErrorDoesNotLeakThePassword() {
        SecretResolver resolver = new SecretResolver(null, Map.of("PW", WRONG)::get, PasswordPrompt.NONE);
        EndpointConfig c = endpoint(PW_USER, db).withPasswordEnv("PW");
        assertThatThrownBy(() -> new ConnectionFactory(resolver).open(c))
                .isInstanceOf(SQLException.class)
                .satisfies(e -> {
                    for (Throwable t = e; t != null; t = t.getCause()) {
                        assertThat(String.valueOf(t.getMessage())).doesNotContain(WRONG);
                    }
                    assertThat(((SQLException) e).getSQLState()).isEqualTo("28P01");
                });
    }

    @Test
    void connectionFactoryOpensWithResolvedPassword() throws Exception {
        SecretResolver resolver = new SecretResolver(null, Map.of("PW", RIGHT)::get, PasswordPrompt.NONE);
        try (Connection c = new ConnectionFactory(resolver).open(endpoint(PW_USER, db).withPasswordEnv("PW"));
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT current_user, current_database()")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo(PW_USER);
            assertThat(rs.getString(2)).isEqualTo(db);
        }
    }

    @Test
    void loginReadTimeoutDoesNotLimitLongStatements() throws Exception {
        EndpointConfig c = new EndpointConfig("pg-slow", Engine.POSTGRESQL, pg.host(), pg.port(), db, pg.user(), null, null, null, null, 1, null);
        try (Connection conn = ConnectionFactory.open(c, pg.password().toCharArray()); Statement st = conn.createStatement()) {
            assertThat(conn.getNetworkTimeout()).isZero();
            st.execute("SELECT pg_sleep(2.5)");
        }
    }

    @Test
    void unknownDatabase() {
        ConnectionTestResult r = new ConnectionTester().test(endpoint(pg.user(), "no_such_db_4711"), pg.password().toCharArray());
        assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.UNKNOWN_DATABASE);
        assertThat(r.message()).contains("no_such_db_4711").contains("database name");
    }

    @Test
    void unknownRoleIsAuthFailed() {
        ConnectionTestResult r = new ConnectionTester().test(endpoint("nobody_here_4711", db), "x".toCharArray());
        assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.AUTH_FAILED);
        assertThat(r.message()).contains("nobody_here_4711");
    }

    @Test
    void noConnectPrivilegeIsInsufficientPrivileges() {
        String closed = pg.createDatabase("noconnect");
        pg.execute(closed, "REVOKE CONNECT ON DATABASE " + closed + " FROM PUBLIC",
                "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ferry_ct_plain') THEN CREATE ROLE ferry_ct_plain LOGIN; END IF; END $$");
        ConnectionTestResult r = new ConnectionTester().test(endpoint("ferry_ct_plain", closed), new char[0]);
        assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.INSUFFICIENT_PRIVILEGES);
        assertThat(r.message()).contains("ferry_ct_plain").contains(closed);
    }

    @Test
    void tlsRequiredAgainstServerWithoutTls() {
        EndpointConfig c = new EndpointConfig("pg-tls", Engine.POSTGRESQL, pg.host(), pg.port(), db, pg.user(), null, null,
                dev.ferry.model.project.TlsMode.REQUIRE, null, null, null);
        ConnectionTestResult r = new ConnectionTester().test(c, pg.password().toCharArray());
        assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.TLS_ERROR);
        assertThat(r.message()).contains("tls=require");
    }

    @Test
    void parsedUrlConnects() {
        ParsedEndpoint p = EndpointUrl.parse("postgresql://" + PW_USER + ":" + RIGHT.replace("!", "%21") + "@" + pg.host() + ":" + pg.port() + "/" + db);
        ConnectionTestResult r = new ConnectionTester().test(p.config(), p.password());
        assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.OK);
    }
}
