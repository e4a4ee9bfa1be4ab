package dev.ferry.engine.endpoint;

import dev.ferry.engine.endpoint.ConnectionTestResult.Outcome;
import dev.ferry.model.project.EndpointConfig;
import dev.ferry.model.schema.Engine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Connection failures that need no database server: a closed port and a port that accepts but never answers. */
class ConnectionTesterNetworkTest {

    static final String PASSWORD = "Zq9-never-shown-9qZ";

    private static EndpointConfig endpoint(Engine engine, int port, int timeoutSeconds) {
        return new EndpointConfig("net", engine, "127.0.0.1", port, engine == Engine.ORACLE ? "FREEPDB1" : "appdb", "appuser",
                null, null, null, null, timeoutSeconds, null);
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"POSTGRESQL", "MYSQL", "ORACLE"})
    void closedPortIsUnreachable(Engine engine) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        ConnectionTestResult r = new ConnectionTester().test(endpoint(engine, port, 5), PASSWORD.toCharArray());
        assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.UNREACHABLE);
        assertThat(r.message()).contains("127.0.0.1:" + port).contains("appuser").doesNotContain(PASSWORD);
        assertThat(r.serverVersion()).isNull();
        assertThat(r.elapsed()).isLessThan(Duration.ofSeconds(5));
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"POSTGRESQL", "MYSQL", "ORACLE"})
    void silentServerTimesOutWithinTheConnectTimeout(Engine engine) throws Exception {
        // the kernel completes the TCP handshake from the backlog; nothing ever answers
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            long start = System.nanoTime();
            ConnectionTestResult r = new ConnectionTester().test(endpoint(engine, silent.getLocalPort(), 2), PASSWORD.toCharArray());
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.TIMEOUT);
            assertThat(took).isLessThan(Duration.ofSeconds(5));
            assertThat(r.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
            assertThat(r.message()).contains("127.0.0.1:" + silent.getLocalPort()).contains("within 2 s").doesNotContain(PASSWORD);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"POSTGRESQL", "MYSQL", "ORACLE"})
    void connectionFactoryDoesNotHangOnASilentServer(Engine engine) throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> ConnectionFactory.open(endpoint(engine, silent.getLocalPort(), 2), PASSWORD.toCharArray()).close())
                    .isInstanceOf(java.sql.SQLException.class)
                    .satisfies(e -> assertThat(PasswordNeverShownIT.everything(e)).doesNotContain(PASSWORD));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"POSTGRESQL", "MYSQL", "ORACLE"})
    void unknownHostIsUnreachable(Engine engine) {
        EndpointConfig c = new EndpointConfig("net", engine, "no-such-host.invalid", null, "db", "u", null, null, null, null, 5, null);
        ConnectionTestResult r = new ConnectionTester().test(c, PASSWORD.toCharArray());
        assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.UNREACHABLE);
        assertThat(r.message()).contains("no-such-host.invalid").doesNotContain(PASSWORD);
    }
}
