package dev.ferry.app.gui.catalog;

import dev.ferry.engine.catalog.CatalogListener;
import dev.ferry.engine.catalog.CatalogReaders;
import dev.ferry.engine.catalog.CatalogRequest;
import dev.ferry.engine.endpoint.ConnectionFactory;
import dev.ferry.model.project.EndpointConfig;
import dev.ferry.model.schema.DatabaseModel;

import java.sql.Connection;

/** {@link CatalogLoading} on the engine's {@link CatalogReaders}: every user schema, row estimates and source text. */
public final class EngineCatalogLoading implements CatalogLoading {

    @Override
    public DatabaseModel load(EndpointConfig config, char[] password, CatalogListener listener) throws Exception {
        try (Connection c = ConnectionFactory.open(config, password)) {
            return CatalogReaders.forEngine(config.engine()).read(c, CatalogRequest.all(), listener);
        }
    }
}
