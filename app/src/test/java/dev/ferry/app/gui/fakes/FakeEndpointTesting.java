package dev.ferry.app.gui.fakes;

import dev.ferry.app.gui.endpoints.EndpointTesting;
import dev.ferry.engine.endpoint.ConnectionTestResult;
import dev.ferry.engine.endpoint.ReadinessCheck;
import dev.ferry.engine.endpoint.Role;
import dev.ferry.model.project.EndpointConfig;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Answers connection tests with a preset result and records what it was asked. */
public final class FakeEndpointTesting implements EndpointTesting {

    public ConnectionTestResult result = new ConnectionTestResult(ConnectionTestResult.Outcome.OK, "Connected.", "PostgreSQL 16.4",
            Duration.ofMillis(12));
    public List<ReadinessCheck> checks = List.of();
    public SQLException readinessFailure;
    public final List<EndpointConfig> tested = new ArrayList<>();
    public final List<String> passwords = new ArrayList<>();
    public final List<Role> roles = new ArrayList<>();

    @Override
    public ConnectionTestResult test(EndpointConfig config, char[] password) {
        tested.add(config);
        passwords.add(password == null ? null : new String(password));
        return result;
    }

    @Override
    public List<ReadinessCheck> readiness(EndpointConfig config, char[] password, Role role) throws SQLException {
        roles.add(role);
        if (readinessFailure != null) {
            throw readinessFailure;
        }
        return checks;
    }
}
