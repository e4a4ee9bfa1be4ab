package dev.ferry.app.gui.catalog;

import dev.ferry.app.gui.endpoints.PasswordSource;
import dev.ferry.app.gui.fakes.FakeSecretStore;
import dev.ferry.app.gui.task.CurrentThreadTaskExecutor;
import dev.ferry.app.gui.workbench.ProjectSession;
import dev.ferry.model.project.EndpointConfig;
import dev.ferry.model.project.Project;
import dev.ferry.model.project.TlsMode;
import dev.ferry.model.schema.Engine;
import dev.ferry.testsupport.TestDatabases;
import dev.ferry.testsupport.TestServer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Catalog view model on the real engine reader against the embedded PostgreSQL: every object type reaches the tree. */
class CatalogViewModelIT {

    @Test
    void readsEveryObjectTypeOfARealPostgresDatabase() {
        TestServer pg = TestDatabases.postgres();
        String db = pg.createDatabase("gui_catalog");
        pg.execute(db,
                "CREATE SCHEMA shop",
                "CREATE TYPE shop.status AS ENUM ('new', 'paid')",
                "CREATE TABLE shop.orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, state shop.status NOT NULL DEFAULT 'new', "
                        + "total numeric(10,2))",
                "CREATE INDEX orders_total_idx ON shop.orders (total DESC)",
                "CREATE VIEW shop.paid_orders AS SELECT id, total FROM shop.orders WHERE state = 'paid'",
                "CREATE SEQUENCE shop.invoice_no START 1000",
                "CREATE FUNCTION shop.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$",
                "CREATE TRIGGER orders_touch BEFORE UPDATE ON shop.orders FOR EACH ROW EXECUTE FUNCTION shop.touch()");
        FakeSecretStore store = new FakeSecretStore();
        EndpointConfig endpoint = new EndpointConfig("pg", Engine.POSTGRESQL, pg.host(), pg.port(), db, pg.user(),
                pg.password().isEmpty() ? null : "ferry/it/pg", null, TlsMode.DISABLE, Map.of(), null, null);
        if (!pg.password().isEmpty()) {
            store.secrets.put("ferry/it/pg", pg.password());
        }
        ProjectSession session = new ProjectSession(new Project("it", List.of(endpoint), null, null, null), null);
        CatalogViewModel vm = new CatalogViewModel(session, new CurrentThreadTaskExecutor(), new EngineCatalogLoading(),
                new PasswordSource(() -> store, k -> null));
        vm.read();

        assertThat(vm.progressProperty().get()).startsWith("Read pg: ");
        CatalogNode shop = vm.treeProperty().get().find("shop").orElseThrow();
        assertThat(shop.children()).extracting(CatalogNode::label)
                .containsExactly("Tables (1)", "Views (1)", "Sequences (1)", "Routines (1)", "Triggers (1)", "Types (1)");
        vm.select(vm.treeProperty().get().find("orders").orElseThrow());
        assertThat(vm.columns()).extracting(ColumnRow::name).containsExactly("id", "state", "total");
        assertThat(vm.columns().get(0).identity()).startsWith("always");
        assertThat(vm.keysProperty().get()).startsWith("PRIMARY KEY orders_pkey (id)");
        assertThat(vm.indexesProperty().get()).contains("orders_total_idx (total DESC)");
        vm.select(vm.treeProperty().get().find("paid_orders").orElseThrow());
        assertThat(vm.sourceProperty().get()).containsIgnoringCase("where").contains("paid");
        vm.select(vm.treeProperty().get().find("touch").orElseThrow());
        assertThat(vm.sourceProperty().get()).contains("RETURN NEW");
        vm.select(vm.treeProperty().get().find("orders_touch").orElseThrow());
        assertThat(vm.detailSummaryProperty().get()).startsWith("BEFORE UPDATE on orders");
        vm.select(vm.treeProperty().get().find("status").orElseThrow());
        assertThat(vm.sourceProperty().get()).isEqualTo("labels: new, paid");
        vm.filterProperty().set("paid");
        assertThat(vm.treeProperty().get().objectCount()).isEqualTo(1);
    }
}
