package dev.ferry.engine.catalog.postgres;

import dev.ferry.engine.catalog.CatalogListener;
import dev.ferry.engine.catalog.CatalogPrinter;
import dev.ferry.engine.catalog.CatalogReaders;
import dev.ferry.engine.catalog.CatalogRequest;
import dev.ferry.engine.sql.SqlScriptRunner;
import dev.ferry.model.schema.DatabaseModel;
import dev.ferry.model.schema.Engine;
import dev.ferry.model.schema.ForeignKey;
import dev.ferry.model.schema.Schema;
import dev.ferry.model.schema.Table;
import dev.ferry.testsupport.RequiresCorpus;
import dev.ferry.testsupport.TestDatabases;
import dev.ferry.testsupport.TestServer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;

/** Loads ../shared/corpora/northwind-postgres/northwind.sql into a fresh database on the embedded PostgreSQL and reads it. */
@RequiresCorpus
class NorthwindCatalogIT {

    @Test
    void readsNorthwind() throws Exception {
        Path file = TestDatabases.corpus().orElseThrow().resolve("northwind-postgres/northwind.sql");
        TestServer pg = TestDatabases.postgres();
        String db = pg.createDatabase("northwind");
        try (Connection c = pg.connect(db)) {
            long t0 = System.nanoTime();
            int n = SqlScriptRunner.run(c, "northwind.sql", Files.readString(file, StandardCharsets.UTF_8), SqlScriptRunner.Dialect.POSTGRESQL, null);
            System.out.printf("NorthwindCatalogIT: loaded %d statements in %d ms%n", n, (System.nanoTime() - t0) / 1_000_000);
            c.createStatement().execute("analyze");
            t0 = System.nanoTime();
            DatabaseModel model = CatalogReaders.forEngine(Engine.POSTGRESQL).read(c, CatalogRequest.all(), CatalogListener.NO_OP);
            System.out.printf("NorthwindCatalogIT: catalog read took %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            System.out.println(CatalogPrinter.summary(model));
            Schema s = model.schema("public").orElseThrow();
            // northwind.sql: 14 "CREATE TABLE", 14 "PRIMARY KEY", 13 "FOREIGN KEY" (ALTER TABLE ... ADD CONSTRAINT)
            assertThat(s.tables()).hasSize(14);
            assertThat(s.tables().stream().filter(t -> t.primaryKey() != null).count()).isEqualTo(14);
            assertThat(s.tables().stream().mapToInt(t -> t.foreignKeys().size()).sum()).isEqualTo(13);
            Table details = s.table("order_details").orElseThrow();
            assertThat(details.primaryKey().columns()).containsExactly("order_id", "product_id");
            assertThat(details.estimatedRows()).isEqualTo(2155); // INSERT INTO order_details rows in northwind.sql
            ForeignKey orders = s.table("orders").orElseThrow().foreignKeys().stream()
                    .filter(f -> f.name().equals("fk_orders_customers")).findFirst().orElseThrow();
            assertThat(orders.referencedTable()).isEqualTo("customers");
            assertThat(orders.referencedColumns()).containsExactly("customer_id");
            assertThat(s.table("categories").orElseThrow().column("category_name").orElseThrow().type().length()).isEqualTo(15L);
            assertThat(s.table("categories").orElseThrow().column("picture").orElseThrow().type().name()).isEqualTo("bytea");
        }
    }
}
