package dev.ferry.engine.catalog.oracle;

import dev.ferry.engine.catalog.CatalogListener;
import dev.ferry.engine.catalog.CatalogReader;
import dev.ferry.engine.catalog.CatalogRequest;
import dev.ferry.model.schema.DatabaseModel;

import java.sql.Connection;
import java.sql.SQLException;

/** Placeholder. */
public final class OracleCatalogReader implements CatalogReader {
    @Override
    public DatabaseModel read(Connection c, CatalogRequest request, CatalogListener listener) throws SQLException {
        throw new UnsupportedOperationException();
    }
}
