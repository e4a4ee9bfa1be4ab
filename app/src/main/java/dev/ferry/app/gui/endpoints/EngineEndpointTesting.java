package dev.ferry.app.gui.endpoints;

import dev.ferry.engine.endpoint.ConnectionFactory;
import dev.ferry.engine.endpoint.ConnectionTestResult;
import dev.ferry.engine.endpoint.ConnectionTester;
import dev.ferry.engine.endpoint.ReadinessCheck;
import dev.ferry.engine.endpoint.ReadinessChecker;
import dev.ferry.engine.endpoint.Role;
import dev.ferry.model.project.EndpointConfig;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** {@link EndpointTesting} on the engine's {@link ConnectionTester} and {@link ReadinessChecker}. Thread-safe. */
public final class EngineEndpointTesting implements EndpointTesting {

    private final ConnectionTester tester = new ConnectionTester();

    @Override
    public ConnectionTestResult test(EndpointConfig config, char[] password) {
        return tester.test(config, password);
    }

    @Override
    public List<ReadinessCheck> readiness(EndpointConfig config, char[] password, Role role) throws SQLException {
        try (Connection c = ConnectionFactory.open(config, password)) {
            return ReadinessChecker.check(c, config, role, List.of());
        }
    }
}
