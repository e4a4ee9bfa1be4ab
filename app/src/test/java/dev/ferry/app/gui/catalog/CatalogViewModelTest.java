package dev.ferry.app.gui.catalog;

import dev.ferry.app.gui.endpoints.PasswordSource;
import dev.ferry.app.gui.fakes.FakeCatalogLoading;
import dev.ferry.app.gui.fakes.FakeSecretStore;
import dev.ferry.app.gui.fakes.ManualTaskExecutor;
import dev.ferry.app.gui.task.CurrentThreadTaskExecutor;
import dev.ferry.app.gui.task.TaskExecutor;
import dev.ferry.app.gui.workbench.ProjectSession;
import dev.ferry.model.project.EndpointConfig;
import dev.ferry.model.project.Project;
import dev.ferry.model.project.TlsMode;
import dev.ferry.model.schema.Column;
import dev.ferry.model.schema.DataType;
import dev.ferry.model.schema.DatabaseModel;
import dev.ferry.model.schema.Engine;
import dev.ferry.model.schema.ForeignKey;
import dev.ferry.model.schema.Identity;
import dev.ferry.model.schema.Index;
import dev.ferry.model.schema.KeyConstraint;
import dev.ferry.model.schema.Routine;
import dev.ferry.model.schema.Schema;
import dev.ferry.model.schema.Sequence;
import dev.ferry.model.schema.Table;
import dev.ferry.model.schema.Trigger;
import dev.ferry.model.schema.View;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogViewModelTest {

    private static final EndpointConfig PG = new EndpointConfig("warehouse", Engine.POSTGRESQL, "localhost", 5432, "wh", "app",
            "ferry/shop/warehouse", null, TlsMode.DISABLE, Map.of(), null, null);
    private static final EndpointConfig LITE = new EndpointConfig("lite", Engine.SQLITE, null, null, null, null,
            null, null, TlsMode.DISABLE, Map.of(), null, "/tmp/x.db");

    private final FakeSecretStore store = new FakeSecretStore();
    private final FakeCatalogLoading loading = new FakeCatalogLoading();
    private final ProjectSession session = new ProjectSession(new Project("shop", List.of(PG, LITE), null, null, null), null);
    private final AtomicLong clock = new AtomicLong();

    private CatalogViewModel vm(TaskExecutor executor) {
        return new CatalogViewModel(session, executor, loading, new PasswordSource(() -> store, k -> null), clock::get);
    }

    static DatabaseModel model() {
        Column id = new Column("id", 1, DataType.of("integer"), false, null, new Identity(Identity.Kind.ALWAYS, 1L, 1L, null),
                null, false, null, null, null);
        Column customer = Column.of("customer_id", 2, DataType.of("integer"), true);
        Column total = new Column("total", 3, DataType.of("numeric", null, 10, 2, "numeric(10,2)"), false, "0", null, null, false,
                null, null, null);
        Table orders = new Table("sales", "orders", Table.Kind.REGULAR, List.of(id, customer, total), KeyConstraint.of("orders_pkey",
                List.of("id")), List.of(), List.of(new ForeignKey("orders_customer_fk", List.of("customer_id"), "sales", "customers",
                List.of("id"), ForeignKey.Action.CASCADE, null, false, false, null)), List.of(),
                List.of(new Index("orders_customer_idx", false, List.of(Index.Element.column("customer_id")), "btree", null, false, null)),
                null, 1234, -1, null, Map.of());
        Table customers = new Table("sales", "customers", Table.Kind.REGULAR, List.of(id), KeyConstraint.of("customers_pkey", List.of("id")),
                List.of(), List.of(), List.of(), List.of(), null, -1, -1, null, Map.of());
        View big = new View("sales", "big_orders", false, "SELECT id FROM sales.orders WHERE total > 100", List.of(id), null, null);
        Sequence seq = new Sequence("sales", "invoice_no", "bigint", 1L, 1L, 1L, 999L, 1L, false, null, null);
        Routine fn = new Routine("sales", "order_total", Routine.Kind.FUNCTION, List.of(new Routine.Parameter("p_id", "IN", "integer", null)),
                "numeric", "plpgsql", false, "BEGIN RETURN 1; END", null);
        Trigger trg = new Trigger("sales", "orders_audit", "sales", "orders", Trigger.Timing.AFTER, List.of("UPDATE"), List.of(),
                Trigger.Level.ROW, null, true, "CREATE TRIGGER orders_audit AFTER UPDATE ON sales.orders FOR EACH ROW EXECUTE FUNCTION audit()");
        Schema sales = new Schema("sales", List.of(customers, orders), List.of(big), List.of(seq), List.of(fn), List.of(trg),
                List.of(), List.of(), List.of());
        Schema empty = new Schema("archive", List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        return new DatabaseModel(Engine.POSTGRESQL, "16.4", "wh", Instant.EPOCH, List.of(sales, empty));
    }

    @Test
    void offersTheProjectsEndpointsAndAnEmptyState() {
        CatalogViewModel vm = vm(new CurrentThreadTaskExecutor());
        assertThat(vm.endpointNames()).containsExactly("warehouse", "lite");
        assertThat(vm.selectedEndpointProperty().get()).isEqualTo("warehouse");
        assertThat(vm.emptyTextProperty().get()).isEqualTo("Choose an endpoint and press Read catalog.");
        ProjectSession none = new ProjectSession(Project.empty("x"), null);
        CatalogViewModel empty = new CatalogViewModel(none, new CurrentThreadTaskExecutor(), loading, new PasswordSource(() -> store, k -> null));
        assertThat(empty.selectedEndpointProperty().get()).isNull();
        assertThat(empty.emptyTextProperty().get()).startsWith("This project has no endpoints yet.");
    }

    @Test
    void readingBuildsTheTreeSchemaTypeObject() {
        store.secrets.put("ferry/shop/warehouse", "pw");
        loading.model = model();
        CatalogViewModel vm = vm(new CurrentThreadTaskExecutor());
        vm.read();
        assertThat(loading.loaded).containsExactly(PG);
        assertThat(loading.passwords).containsExactly("pw");
        assertThat(vm.progressProperty().get()).isEqualTo("Read warehouse: 2 schemas, 2 tables, 1 view, 1 routine, 1 trigger.");
        CatalogNode root = vm.treeProperty().get();
        assertThat(root.label()).isEqualTo("wh  (PostgreSQL 16.4)");
        assertThat(root.children()).extracting(CatalogNode::label).containsExactly("sales", "archive");
        CatalogNode sales = root.children().get(0);
        assertThat(sales.children()).extracting(CatalogNode::label)
                .containsExactly("Tables (2)", "Views (1)", "Sequences (1)", "Routines (1)", "Triggers (1)");
        assertThat(sales.children().get(0).children()).extracting(CatalogNode::label)
                .containsExactly("customers", "orders  (~1,234 rows)");
        assertThat(sales.children().get(3).children().get(0).label()).isEqualTo("order_total  (function)");
        assertThat(sales.children().get(4).children().get(0).label()).isEqualTo("orders_audit  (on orders)");
        assertThat(root.objectCount()).isEqualTo(6);
        assertThat(vm.emptyTextProperty().get()).isEmpty();
    }

    @Test
    void theFilterKeepsMatchingObjectsOnly() {
        loading.model = model();
        store.secrets.put("ferry/shop/warehouse", "pw");
        CatalogViewModel vm = vm(new CurrentThreadTaskExecutor());
        vm.read();
        vm.filterProperty().set("ORDER");
        CatalogNode root = vm.treeProperty().get();
        assertThat(root.children()).extracting(CatalogNode::label).containsExactly("sales");
        assertThat(root.children().get(0).children()).extracting(CatalogNode::label)
                .containsExactly("Tables (1)", "Views (1)", "Routines (1)", "Triggers (1)");
        assertThat(root.objectCount()).isEqualTo(4);
        vm.filterProperty().set("nothing-like-this");
        assertThat(vm.treeProperty().get().children()).isEmpty();
        assertThat(vm.emptyTextProperty().get()).isEqualTo("Nothing matches 'nothing-like-this'.");
        vm.filterProperty().set("");
        assertThat(vm.treeProperty().get().objectCount()).isEqualTo(6);
    }

    @Test
    void aTableShowsColumnsKeysAndIndexes() {
        loading.model = model();
        store.secrets.put("ferry/shop/warehouse", "pw");
        CatalogViewModel vm = vm(new CurrentThreadTaskExecutor());
        vm.read();
        vm.select(vm.treeProperty().get().find("orders  (~").orElseThrow());
        assertThat(vm.detailKindProperty().get()).isEqualTo(CatalogViewModel.DetailKind.TABLE);
        assertThat(vm.detailTitleProperty().get()).isEqualTo("Table sales.orders");
        assertThat(vm.detailSummaryProperty().get()).as("grouped like the tree's estimate").isEqualTo("3 columns, about 1,234 rows");
        assertThat(vm.columns()).containsExactly(
                new ColumnRow("id", "integer", "no", "", "always start 1 by 1"),
                new ColumnRow("customer_id", "integer", "yes", "", ""),
                new ColumnRow("total", "numeric(10,2)", "no", "0", ""));
        assertThat(vm.keysProperty().get()).isEqualTo("PRIMARY KEY orders_pkey (id)\n"
                + "FOREIGN KEY orders_customer_fk (customer_id) REFERENCES sales.customers(id) ON DELETE CASCADE");
        assertThat(vm.indexesProperty().get()).isEqualTo("orders_customer_idx (customer_id)");
        vm.select(vm.treeProperty().get().find("big_orders").orElseThrow());
        assertThat(vm.detailKindProperty().get()).isEqualTo(CatalogViewModel.DetailKind.SOURCE);
        assertThat(vm.sourceProperty().get()).isEqualTo("SELECT id FROM sales.orders WHERE total > 100");
        assertThat(vm.keysProperty().get()).isEmpty();
        vm.select(vm.treeProperty().get().find("order_total").orElseThrow());
        assertThat(vm.detailSummaryProperty().get()).isEqualTo("(IN p_id integer) returns numeric, language plpgsql");
        assertThat(vm.sourceProperty().get()).isEqualTo("BEGIN RETURN 1; END");
        vm.select(vm.treeProperty().get().find("Tables").orElseThrow());
        assertThat(vm.detailKindProperty().get()).isEqualTo(CatalogViewModel.DetailKind.NONE);
        assertThat(vm.columns()).isEmpty();
    }

    @Test
    void progressIsThrottled() {
        loading.model = model();
        List<String> events = new ArrayList<>();
        events.add("phase:tables of sales");
        for (int i = 0; i < 100; i++) {
            events.add("object:table:sales.t" + i);
        }
        loading.events = events;
        loading.afterEvent = () -> clock.addAndGet(10_000_000L); // 10 ms per event
        store.secrets.put("ferry/shop/warehouse", "pw");
        List<String> shown = new ArrayList<>();
        CatalogViewModel vm = vm(new CurrentThreadTaskExecutor());
        vm.progressProperty().addListener((o, a, b) -> shown.add(b));
        vm.read();
        List<String> progress = shown.stream().filter(s -> s.startsWith("Reading")).toList();
        // 101 events over ~1 s with a 150 ms interval: the phase, then about one update per 15 objects
        assertThat(progress).hasSizeBetween(6, 9);
        assertThat(progress.get(0)).isEqualTo("Reading tables of sales... 0 objects so far");
        assertThat(progress.get(1)).isEqualTo("Reading tables of sales... 15 objects so far");
        assertThat(shown.get(shown.size() - 1)).startsWith("Read warehouse:");
    }

    @Test
    void aFailedReadIsReportedAndAReadCanBeCancelled() {
        loading.failure = new SQLException("permission denied for schema sales");
        CatalogViewModel vm = vm(new CurrentThreadTaskExecutor());
        vm.selectedEndpointProperty().set("lite");
        vm.read();
        assertThat(vm.progressProperty().get()).isEqualTo("Could not read the catalog of 'lite': permission denied for schema sales");
        assertThat(vm.readingProperty().get()).isFalse();
        assertThat(vm.treeProperty().get()).isNull();

        ManualTaskExecutor manual = new ManualTaskExecutor();
        loading.failure = null;
        loading.model = model();
        CatalogViewModel slow = vm(manual);
        slow.selectedEndpointProperty().set("lite");
        slow.read();
        assertThat(slow.readingProperty().get()).isTrue();
        assertThat(slow.progressProperty().get()).isEqualTo("Connecting to SQLite /tmp/x.db...");
        slow.cancel();
        manual.runAll();
        assertThat(slow.readingProperty().get()).isFalse();
        assertThat(slow.progressProperty().get()).isEqualTo("Cancelled.");
        assertThat(slow.treeProperty().get()).isNull();
    }
}
