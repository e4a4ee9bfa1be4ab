package dev.ferry.engine.load;

import dev.ferry.engine.demo.DemoStore;
import dev.ferry.engine.load.sqlite.SqliteSourceSnapshot;
import dev.ferry.engine.validate.TableValidation;
import dev.ferry.engine.validate.Validator;
import dev.ferry.model.schema.Engine;
import dev.ferry.model.schema.Table;
import dev.ferry.testsupport.TestDatabases;
import dev.ferry.testsupport.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo store (SQLite, scale 1) loaded into PostgreSQL and validated exactly. */
class SqliteToPostgresLoadIT {

    @TempDir
    Path dir;

    static List<Table> sqliteDemoTables() {
        return List.of(
                TestTables.table(null, "categories", "category_id INTEGER pk", "name VARCHAR(60)", "description TEXT null"),
                TestTables.table(null, "products", "product_id INTEGER pk", "category_id INTEGER", "sku VARCHAR(20)",
                        "name VARCHAR(200)", "price NUMERIC(10,2)", "in_stock INTEGER", "discontinued BOOLEAN",
                        "weight_kg REAL null", "thumbnail BLOB null"),
                TestTables.table(null, "customers", "customer_id INTEGER pk", "first_name VARCHAR(50)", "last_name VARCHAR(50)",
                        "email VARCHAR(120)", "phone VARCHAR(30) null", "country CHAR(2) null", "created_at DATETIME", "vip BOOLEAN"),
                TestTables.table(null, "orders", "order_id INTEGER pk", "customer_id INTEGER", "ordered_at DATETIME",
                        "status VARCHAR(12)", "note TEXT null"),
                TestTables.table(null, "order_items", "order_id INTEGER pk", "line_no INTEGER pk", "product_id INTEGER",
                        "quantity INTEGER", "unit_price NUMERIC(10,2)"),
                TestTables.table(null, "payments", "payment_id INTEGER pk", "order_id INTEGER", "amount NUMERIC(12,2)",
                        "method VARCHAR(20)", "paid_at DATETIME null"),
                TestTables.table(null, "inventory_log", "log_id INTEGER pk", "product_id INTEGER", "delta INTEGER",
                        "logged_at DATETIME"));
    }

    static List<Table> postgresDemoTables(String schema) {
        return List.of(
                TestTables.table(schema, "categories", "category_id bigint pk", "name varchar(60)", "description text null"),
                TestTables.table(schema, "products", "product_id bigint pk", "category_id bigint", "sku varchar(20)",
                        "name varchar(200)", "price numeric(10,2)", "in_stock integer", "discontinued boolean",
                        "weight_kg double precision null", "thumbnail bytea null"),
                TestTables.table(schema, "customers", "customer_id bigint pk", "first_name varchar(50)", "last_name varchar(50)",
                        "email varchar(120)", "phone varchar(30) null", "country varchar(2) null", "created_at timestamp",
                        "vip boolean"),
                TestTables.table(schema, "orders", "order_id bigint pk", "customer_id bigint", "ordered_at timestamp",
                        "status varchar(12)", "note text null"),
                TestTables.table(schema, "order_items", "order_id bigint pk", "line_no integer pk", "product_id bigint",
                        "quantity integer", "unit_price numeric(10,2)"),
                TestTables.table(schema, "payments", "payment_id bigint pk", "order_id bigint", "amount numeric(12,2)",
                        "method varchar(20)", "paid_at timestamp null"),
                TestTables.table(schema, "inventory_log", "log_id bigint pk", "product_id bigint", "delta integer",
                        "logged_at timestamp"));
    }

    @Test
    void demoStoreLoadsIntoPostgresAndValidatesExactly() throws Exception {
        Path demo = dir.resolve("demo.sqlite");
        // -Dferry.demo.scale=N loads a bigger store (the assertions hold at any scale)
        int scale = Integer.getInteger("ferry.demo.scale", 1);
        DemoStore.Summary summary = DemoStore.generate(demo, scale);
        TestServer pg = TestDatabases.postgres();
        String db = pg.createDatabase("fl_sqlite_pg");
        List<Table> targets = postgresDemoTables("public");
        for (Table t : targets) {
            pg.execute(db, TestTables.ddl(Engine.POSTGRESQL, t));
        }
        LoadEndpoint source = new LoadEndpoint(Engine.SQLITE, () -> DriverManager.getConnection("jdbc:sqlite:" + demo));
        LoadEndpoint target = new LoadEndpoint(Engine.POSTGRESQL, () -> pg.connect(db));
        LoadSettings settings = LoadSettings.defaults("demo").withMaxSubTasks(4).withSplit(1000L * scale, 4).withBatch(250, 4);

        List<LoadPlanner.TablePair> pairs = new ArrayList<>();
        List<Table> sources = sqliteDemoTables();
        for (int i = 0; i < sources.size(); i++) {
            pairs.add(new LoadPlanner.TablePair(sources.get(i), targets.get(i)));
        }
        LoadPlan plan = new LoadPlanner(source, settings).plan(pairs);
        TableJob orders = plan.jobs().stream().filter(j -> j.tableKey().equals("orders")).findFirst().orElseThrow();
        assertThat(orders.ranges()).hasSize(4);
        TableJob items = plan.jobs().stream().filter(j -> j.tableKey().equals("order_items")).findFirst().orElseThrow();
        assertThat(items.splitColumn()).isEqualTo("order_id"); // composite key: split on its leading column
        assertThat(items.ranges()).hasSize(4);
        TableJob categories = plan.jobs().stream().filter(j -> j.tableKey().equals("categories")).findFirst().orElseThrow();
        assertThat(categories.ranges()).containsExactly(KeyRange.whole()); // small

        List<TableProgress> progress = new CopyOnWriteArrayList<>();
        ConcurrentHashMap<String, Boolean> threads = new ConcurrentHashMap<>();
        LoadListener listener = new LoadListener() {
            @Override
            public void tableProgress(TableProgress p) {
                progress.add(p);
                threads.put(Thread.currentThread().getName(), true);
            }
        };
        LoadResult result;
        try (LoadStateStore store = LoadStateStore.open(dir.resolve("state.db"));
             SqliteSourceSnapshot snapshot = new SqliteSourceSnapshot()) {
            result = new FullLoad(source, target, settings, store, listener).run(plan, snapshot);
            assertThat(store.ranges("demo")).allMatch(r -> r.state() == RangeState.Status.DONE);
        }
        long expected = summary.totalRows();
        assertThat(result.totalRows()).isEqualTo(expected);
        assertThat(result.totalRejected()).isZero();
        assertThat(result.tables()).allMatch(t -> t.state() == TableProgress.TableState.DONE);
        System.out.printf("FULL LOAD sqlite->postgres: %d rows in %d ms = %.0f rows/s%n", expected,
                result.elapsed().toMillis(), result.rowsPerSecond(expected));
        assertThat(progress).anyMatch(p -> p.table().equals("orders") && p.state() == TableProgress.TableState.DONE
                && p.rowsDone() == summary.orders() && p.rangesDone() == 4);
        assertThat(threads.keySet()).anyMatch(n -> n.startsWith("ferry-load-writer-demo"));

        try (Connection c = pg.connect(db); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM ferry_load_state WHERE task = 'demo'")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(plan.rangeCount());
            }
            try (ResultSet rs = st.executeQuery("SELECT name FROM categories WHERE category_id = 10")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("Zubehör 🚲");
            }
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM categories WHERE description = ''")) {
                rs.next();
                assertThat(rs.getInt(1)).isPositive(); // empty strings stay empty, not NULL
            }
        }
        List<TableValidation> v = Validator.compare(source, target, plan.jobs());
        assertThat(v).allSatisfy(t -> assertThat(t.status()).as(t.toString()).isEqualTo(TableValidation.Status.VALIDATED));
        assertThat(v.stream().filter(t -> t.table().equals("orders")).findFirst().orElseThrow().rangesCompared()).isEqualTo(4);

        // a deliberately corrupted target row is caught and its key listed
        pg.execute(db, "UPDATE products SET price = price + 0.01 WHERE product_id = 77",
                "DELETE FROM orders WHERE order_id = " + (1500 * scale));
        List<TableValidation> after = new Validator(source, target, 10, 3).compare(plan.jobs());
        assertThat(after).extracting(TableValidation::table).containsExactlyElementsOf(
                plan.jobs().stream().map(TableJob::tableKey).toList());
        TableValidation products = after.stream().filter(t -> t.table().equals("products")).findFirst().orElseThrow();
        assertThat(products.status()).isEqualTo(TableValidation.Status.MISMATCHED);
        assertThat(products.different()).isEqualTo(1);
        assertThat(products.differentKeys()).containsExactly("product_id=77");
        assertThat(products.differentColumns()).containsExactly("price");
        TableValidation ordersV = after.stream().filter(t -> t.table().equals("orders")).findFirst().orElseThrow();
        assertThat(ordersV.status()).isEqualTo(TableValidation.Status.MISMATCHED);
        assertThat(ordersV.missingKeys()).containsExactly("order_id=" + (1500 * scale));
        assertThat(ordersV.rangesDiffered()).isEqualTo(1);
    }
}
