package dev.ferry.engine.catalog;

import dev.ferry.engine.catalog.mysql.MySqlCatalogReader;
import dev.ferry.engine.catalog.oracle.OracleCatalogReader;
import dev.ferry.engine.catalog.postgres.PostgresCatalogReader;
import dev.ferry.engine.catalog.sqlite.SqliteCatalogReader;
import dev.ferry.model.schema.Engine;

import java.util.Objects;

/** The {@link CatalogReader} for each engine. Stateless and thread-safe. */
public final class CatalogReaders {

    private CatalogReaders() {
    }

    public static CatalogReader forEngine(Engine engine) {
        switch (Objects.requireNonNull(engine, "engine")) {
            case POSTGRESQL: return new PostgresCatalogReader();
            case MYSQL: return new MySqlCatalogReader();
            case SQLITE: return new SqliteCatalogReader();
            case ORACLE: return new OracleCatalogReader();
            default: throw new IllegalArgumentException("no catalog reader for " + engine);
        }
    }
}
