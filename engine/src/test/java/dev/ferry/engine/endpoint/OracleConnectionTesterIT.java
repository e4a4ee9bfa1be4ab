package dev.ferry.engine.endpoint;

import dev.ferry.engine.endpoint.ConnectionTestResult.Outcome;
import dev.ferry.model.project.EndpointConfig;
import dev.ferry.model.schema.Engine;
import dev.ferry.testsupport.RequiresOracle;
import dev.ferry.testsupport.TestDatabases;
import dev.ferry.testsupport.TestServer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs only with {@code FERRY_TEST_ORACLE_URL}; there is no embedded Oracle. */
@RequiresOracle
class OracleConnectionTesterIT {

    static TestServer ora() {
        return TestDatabases.oracle().orElseThrow();
    }

    static EndpointConfig endpoint(String service, String user) {
        TestServer o = ora();
        return new EndpointConfig("ora", Engine.ORACLE, o.host(), o.port(), service, user, null, null, null, null, null, null);
    }

    @Test
    void okIncludesBanner() {
        ConnectionTestResult r = new ConnectionTester().test(endpoint(ora().defaultDatabase(), ora().user()), ora().password().toCharArray());
        assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.OK);
        assertThat(r.serverVersion()).isNotBlank();
        assertThat(r.message()).contains(ora().host() + ":" + ora().port()).contains("service " + ora().defaultDatabase());
    }

    @Test
    void wrongPasswordIsAuthFailed() {
        String wrong = "Not-The-0racle-Pw";
        ConnectionTestResult r = new ConnectionTester().test(endpoint(ora().defaultDatabase(), ora().user()), wrong.toCharArray());
        assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.AUTH_FAILED);
        assertThat(r.message()).doesNotContain(wrong).doesNotContain(ora().password().isEmpty() ? wrong : ora().password());
    }

    @Test
    void unknownServiceIsUnknownDatabase() {
        ConnectionTestResult r = new ConnectionTester().test(endpoint("NO_SUCH_SERVICE_4711", ora().user()), ora().password().toCharArray());
        assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.UNKNOWN_DATABASE);
        assertThat(r.message()).contains("NO_SUCH_SERVICE_4711").contains("service name or SID");
    }

    @Test
    void readinessRunsForEveryRole() throws Exception {
        EndpointConfig ep = endpoint(ora().defaultDatabase(), ora().user());
        try (Connection c = ConnectionFactory.open(ep, ora().password().toCharArray())) {
            for (Role role : Role.values()) {
                List<ReadinessCheck> checks = ReadinessChecker.check(c, ep, role, List.of());
                assertThat(checks).as(role.name()).isNotEmpty().noneMatch(k -> k.id().equals("oracle.session"));
            }
        }
    }
}
