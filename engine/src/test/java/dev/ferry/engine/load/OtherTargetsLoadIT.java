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
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo store loaded into MariaDB (LOAD DATA LOCAL INFILE, and the multi-row INSERT fallback) and into SQLite. */
class OtherTargetsLoadIT {

    @TempDir
    Path dir;

    static List<Table> mysqlDemoTables(String schema) {
        return List.of(
                TestTables.table(schema, "categories", "category_id bigint pk", "name varchar(60)", "description text null"),
                TestTables.table(schema, "products", "product_id bigint pk", "category_id bigint", "sku varchar(20)",
                        "name varchar(200)", "price decimal(10,2)", "in_stock int", "discontinued tinyint(1)",
                        "weight_kg double null", "thumbnail blob null"),
                TestTables.table(schema, "customers", "customer_id bigint pk", "first_name varchar(50)", "last_name varchar(50)",
                        "email varchar(120)", "phone varchar(30) null", "country varchar(2) null", "created_at datetime",
                        "vip tinyint(1)"),
                TestTables.table(schema, "orders", "order_id bigint pk", "customer_id bigint", "ordered_at datetime",
                        "status varchar(12)", "note text null"),
                TestTables.table(schema, "order_items", "order_id bigint pk", "line_no int pk", "product_id bigint",
                        "quantity int", "unit_price decimal(10,2)"),
                TestTables.table(schema, "payments", "payment_id bigint pk", "order_id bigint", "amount decimal(12,2)",
                        "method varchar(20)", "paid_at datetime null"),
                TestTables.table(schema, "inventory_log", "log_id bigint pk", "product_id bigint", "delta int",
                        "logged_at datetime"));
    }

    private static List<LoadPlanner.TablePair> pairs(List<Table> sources, List<Table> targets) {
        List<LoadPlanner.TablePair> pairs = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            pairs.add(new LoadPlanner.TablePair(sources.get(i), targets.get(i)));
        }
        return pairs;
    }

    @Test
    void demoStoreLoadsIntoMariaDbWithLoadDataAndWithInserts() throws Exception {
        Path demo = dir.resolve("demo.sqlite");
        DemoStore.Summary summary = DemoStore.generate(demo, 1);
        TestServer my = TestDatabases.mysql();
        LoadEndpoint source = new LoadEndpoint(Engine.SQLITE, () -> DriverManager.getConnection("jdbc:sqlite:" + demo));
        for (boolean localInfile : new boolean[] {true, false}) {
            String db = my.createDatabase(localInfile ? "fl_ld" : "fl_ins");
            List<Table> targets = mysqlDemoTables(db);
            for (Table t : targets) {
                my.execute(db, TestTables.ddl(Engine.MYSQL, t));
            }
            String url = localInfile ? my.jdbcUrl(db) : my.jdbcUrl(db).replace("allowLoadLocalInfile=true", "allowLoadLocalInfile=false");
            Properties p = new Properties();
            p.setProperty("user", my.user());
            p.setProperty("password", my.password());
            LoadEndpoint target = new LoadEndpoint(Engine.MYSQL, () -> DriverManager.getConnection(url, p));
            LoadSettings settings = LoadSettings.defaults("demo_my").withMaxSubTasks(4).withSplit(1000, 4).withBatch(300, 4);
            LoadPlan plan = new LoadPlanner(source, settings).plan(pairs(SqliteToPostgresLoadIT.sqliteDemoTables(), targets));
            LoadResult result;
            try (LoadStateStore store = LoadStateStore.open(dir.resolve(db + ".state.db"));
                 SqliteSourceSnapshot snapshot = new SqliteSourceSnapshot()) {
                result = new FullLoad(source, target, settings, store, LoadListener.NO_OP).run(plan, snapshot);
            }
            System.out.printf("FULL LOAD sqlite->mariadb (%s): %d rows in %d ms = %.0f rows/s%n",
                    localInfile ? "LOAD DATA LOCAL INFILE" : "multi-row INSERT", result.totalRows(),
                    result.elapsed().toMillis(), result.rowsPerSecond(result.totalRows()));
            assertThat(result.tables()).allSatisfy(t -> assertThat(t.state()).as(t.toString()).isEqualTo(TableProgress.TableState.DONE));
            assertThat(result.totalRows()).isEqualTo(summary.totalRows());
            List<TableValidation> v = Validator.compare(source, target, plan.jobs());
            assertThat(v).allSatisfy(t -> assertThat(t.status()).as(t.toString()).isEqualTo(TableValidation.Status.VALIDATED));
            try (Connection c = my.connect(db); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT name FROM categories WHERE category_id = 10")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("Zubehör 🚲");
            }
        }
    }

    @Test
    void demoStoreLoadsIntoSqlite() throws Exception {
        Path demo = dir.resolve("demo.sqlite");
        DemoStore.Summary summary = DemoStore.generate(demo, 1);
        Path copy = dir.resolve("copy.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy); Statement st = c.createStatement()) {
            for (String ddl : DemoStore.ddl()) {
                if (ddl.startsWith("CREATE TABLE")) {
                    st.execute(ddl);
                }
            }
        }
        LoadEndpoint source = new LoadEndpoint(Engine.SQLITE, () -> DriverManager.getConnection("jdbc:sqlite:" + demo));
        LoadEndpoint target = new LoadEndpoint(Engine.SQLITE, () -> DriverManager.getConnection("jdbc:sqlite:" + copy));
        LoadSettings settings = LoadSettings.defaults("demo_lite").withMaxSubTasks(4).withSplit(1000, 4).withBatch(500, 4);
        List<Table> tables = SqliteToPostgresLoadIT.sqliteDemoTables();
        LoadPlan plan = new LoadPlanner(source, settings).plan(pairs(tables, tables));
        LoadResult result;
        try (LoadStateStore store = LoadStateStore.open(dir.resolve("lite.state.db"));
             SqliteSourceSnapshot snapshot = new SqliteSourceSnapshot()) {
            result = new FullLoad(source, target, settings, store, LoadListener.NO_OP).run(plan, snapshot);
        }
        System.out.printf("FULL LOAD sqlite->sqlite (4 readers, 1 writer at a time): %d rows in %d ms = %.0f rows/s%n", result.totalRows(),
                result.elapsed().toMillis(), result.rowsPerSecond(result.totalRows()));
        assertThat(result.tables()).allSatisfy(t -> assertThat(t.state()).as(t.toString()).isEqualTo(TableProgress.TableState.DONE));
        assertThat(result.totalRows()).isEqualTo(summary.totalRows());
        assertThat(Validator.compare(source, target, plan.jobs()))
                .allSatisfy(t -> assertThat(t.status()).as(t.toString()).isEqualTo(TableValidation.Status.VALIDATED));
    }
}
