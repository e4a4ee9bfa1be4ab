package dev.ferry.app.gui.catalog;

import dev.ferry.engine.catalog.CatalogListener;
import dev.ferry.model.project.EndpointConfig;
import dev.ferry.model.schema.DatabaseModel;

/**
 * What the Catalog view needs from the engine: a port so view-model tests can use a hand-written fake. Blocks (database
 * I/O): call from a background task only. Implementations are thread-safe; the password is not retained or cleared.
 */
public interface CatalogLoading {

    /** Connects to {@code config} and reads its catalog, reporting progress to {@code listener} on the calling thread. */
    DatabaseModel load(EndpointConfig config, char[] password, CatalogListener listener) throws Exception;
}
