package dev.ferry.engine.load;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Opens a NEW JDBC connection to one endpoint each time it is called. The caller owns (and closes) the connection.
 * Implementations must be thread-safe: the full load calls them from its worker threads.
 */
@FunctionalInterface
public interface ConnectionSupplier {
    Connection open() throws SQLException;
}
