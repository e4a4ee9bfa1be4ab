package dev.ferry.engine.endpoint;

import dev.ferry.engine.endpoint.ConnectionTestResult.Outcome;
import dev.ferry.model.project.EndpointConfig;
import dev.ferry.model.schema.Engine;
import dev.ferry.testsupport.TestDatabases;
import dev.ferry.testsupport.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Connection tests against the embedded MariaDB. */
class MySqlConnectionTesterIT {

    static final String USER = "ferry_ct_my_user";
    static final String RIGHT = "Right-My5ql-pw";
    static final String WRONG = "Wr0ng-My5ql-pw";

    static TestServer my;
    static String db;
    static String otherDb;

    @BeforeAll
    static void setUp() {
        my = TestDatabases.mysql();
        db = my.createDatabase("myconn");
        otherDb = my.createDatabase("myconn_private");
        MariaDbAccounts.createUser(my, USER, RIGHT, "GRANT SELECT ON `" + db + "`.*");
    }

    static EndpointConfig endpoint(String user, String database) {
        return new EndpointConfig("my-test", Engine.MYSQL, my.host(), my.port(), database, user, null, null, null, null, null, null);
    }

    @Test
    void okIncludesServerVersion() {
        ConnectionTestResult r = new ConnectionTester().test(endpoint(my.user(), db), my.password().toCharArray());
        assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.OK);
        assertThat(r.serverVersion()).startsWith(my.version().toLowerCase().contains("mariadb") ? "MariaDB 10." : "MySQL ");
        assertThat(r.message()).contains(my.host() + ":" + my.port()).contains(db).contains(r.serverVersion());
    }

    @Test
    void userWithRightPasswordIsOk() {
        ConnectionTestResult r = new ConnectionTester().test(endpoint(USER, db), RIGHT.toCharArray());
        assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.OK);
        assertThat(r.message()).doesNotContain(RIGHT);
    }

    @Test
    void wrongPasswordIsAuthFailedAndNeverShown() {
        ConnectionTestResult r = new ConnectionTester().test(endpoint(USER, db), WRONG.toCharArray());
        assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.AUTH_FAILED);
        assertThat(r.message()).contains(USER).contains(db).contains(my.host() + ":" + my.port())
                .doesNotContain(WRONG).doesNotContain(RIGHT);
    }

    @Test
    void connectionFactoryErrorDoesNotLeakThePassword() {
        assertThatThrownBy(() -> ConnectionFactory.open(endpoint(USER, db), WRONG.toCharArray()))
                .isInstanceOf(SQLException.class)
                .satisfies(e -> {
                    assertThat(((SQLException) e).getErrorCode()).isEqualTo(1045);
                    for (Throwable t = e; t != null; t = t.getCause()) {
                        assertThat(String.valueOf(t.getMessage())).doesNotContain(WRONG);
                    }
                });
    }

    @Test
    void loginReadTimeoutDoesNotLimitLongStatements() throws Exception {
        EndpointConfig c = new EndpointConfig("my-slow", Engine.MYSQL, my.host(), my.port(), db, my.user(), null, null, null, null, 1, null);
        try (java.sql.Connection conn = ConnectionFactory.open(c, my.password().toCharArray()); java.sql.Statement st = conn.createStatement()) {
            assertThat(conn.getNetworkTimeout()).isZero();
            st.execute("SELECT SLEEP(2.5)");
        }
    }

    @Test
    void unknownDatabase() {
        ConnectionTestResult r = new ConnectionTester().test(endpoint(my.user(), "no_such_db_4711"), my.password().toCharArray());
        assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.UNKNOWN_DATABASE);
        assertThat(r.message()).contains("no_such_db_4711");
    }

    @Test
    void databaseWithoutRightsIsInsufficientPrivileges() {
        ConnectionTestResult r = new ConnectionTester().test(endpoint(USER, otherDb), RIGHT.toCharArray());
        assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.INSUFFICIENT_PRIVILEGES);
        assertThat(r.message()).contains(USER).contains(otherDb).doesNotContain(RIGHT);
    }

    @Test
    void parsedUrlConnects() {
        ParsedEndpoint p = EndpointUrl.parse("mariadb://" + USER + ":" + RIGHT + "@" + my.host() + ":" + my.port() + "/" + db + "?connectTimeout=4000");
        assertThat(p.config().connectTimeoutSeconds()).isEqualTo(4);
        ConnectionTestResult r = new ConnectionTester().test(p.config(), p.password());
        assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.OK);
    }
}
