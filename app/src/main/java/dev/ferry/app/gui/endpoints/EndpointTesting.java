package dev.ferry.app.gui.endpoints;

import dev.ferry.engine.endpoint.ConnectionTestResult;
import dev.ferry.engine.endpoint.ReadinessCheck;
import dev.ferry.engine.endpoint.Role;
import dev.ferry.model.project.EndpointConfig;

import java.sql.SQLException;
import java.util.List;

/**
 * What the Endpoints view needs from the engine to test an endpoint: a port so view-model tests can use a hand-written
 * fake. Both methods block (network I/O) and must be called from a background task, never on the UI thread.
 * Implementations are thread-safe. The password arrays are not retained and not cleared.
 */
public interface EndpointTesting {

    /** Tries to log in; never throws for connection problems (they are the result's outcome). */
    ConnectionTestResult test(EndpointConfig config, char[] password);

    /** Opens a connection and runs the readiness checks for {@code role}. */
    List<ReadinessCheck> readiness(EndpointConfig config, char[] password, Role role) throws SQLException;
}
