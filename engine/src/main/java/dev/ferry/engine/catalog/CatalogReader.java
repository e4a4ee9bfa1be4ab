package dev.ferry.engine.catalog;

import dev.ferry.model.schema.DatabaseModel;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Reads a live database catalog into the immutable neutral {@link DatabaseModel}.
 *
 * <p>Threading contract: a reader is stateless and may be shared, but one {@link #read} call uses the given
 * connection only from the calling thread, issues read-only catalog queries on it, never closes it and never changes
 * its auto-commit or transaction state other than what the queries themselves imply. The listener is called on the
 * calling thread. Callers must not use the connection concurrently while a read is in progress.
 */
public interface CatalogReader {

    /**
     * Reads the schemas named in {@code request} (all non-system schemas when it names none).
     *
     * @throws SQLException when a catalog query fails; the message names the object being read
     */
    DatabaseModel read(Connection connection, CatalogRequest request, CatalogListener listener) throws SQLException;

    /** Reads everything with the default request and no progress reporting. */
    default DatabaseModel read(Connection connection) throws SQLException {
        return read(connection, CatalogRequest.all(), CatalogListener.NO_OP);
    }
}
