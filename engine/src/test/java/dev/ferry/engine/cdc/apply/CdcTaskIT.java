package dev.ferry.engine.cdc.apply;

import dev.ferry.engine.cdc.mysql.MySqlCdcConfig;
import dev.ferry.engine.cdc.postgres.PostgresCdcConfig;
import dev.ferry.engine.cdc.postgres.PostgresReplicationConnection;
import dev.ferry.engine.load.LoadEndpoint;
import dev.ferry.engine.load.LoadListener;
import dev.ferry.engine.load.LoadPlan;
import dev.ferry.engine.load.LoadPlanner;
import dev.ferry.engine.load.LoadSettings;
import dev.ferry.engine.load.LoadStateStore;
import dev.ferry.model.schema.Engine;
import dev.ferry.testsupport.TestDatabases;
import dev.ferry.testsupport.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

import static dev.ferry.engine.cdc.apply.ApplyTestSupport.assertValidated;
import static dev.ferry.engine.cdc.apply.ApplyTestSupport.table;
import static dev.ferry.engine.cdc.apply.ApplyTestSupport.validate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Full load under concurrent writes, then streaming from the snapshot position, converges to an exact copy. */
class CdcTaskIT {

    @TempDir
    Path dir;

    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void cleanUp() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
        pool.shutdownNow();
    }

    /** Writes until stopped: inserts, updates and deletes on {@code accounts}; returns the future. */
    private Future<?> writer(AtomicBoolean writing, AtomicLong written, LongConsumer write) {
        return pool.submit(() -> {
            long i = 0;
            while (writing.get()) {
                write.accept(++i);
                written.set(i);
            }
            return null;
        });
    }

    @Test
    void postgresFullLoadUnderWritesThenStreaming() throws Exception {
        TestServer pg = TestDatabases.postgres();
        String src = pg.createDatabase("ct_src");
        String dst = pg.createDatabase("ct_dst");
        String ddl = "CREATE TABLE accounts (id bigint PRIMARY KEY, v text, n int)";
        pg.execute(src, ddl, "INSERT INTO accounts SELECT g, 'v' || g, 0 FROM generate_series(1, 20000) g");
        pg.execute(dst, ddl);
        LoadEndpoint source = new LoadEndpoint(Engine.POSTGRESQL, () -> pg.connect(src));
        LoadEndpoint target = new LoadEndpoint(Engine.POSTGRESQL, () -> pg.connect(dst));
        PostgresCdcConfig config = PostgresCdcConfig.forTask(pg.jdbcUrl(src), pg.user(), pg.password().toCharArray(), src)
                .withStatusInterval(Duration.ofMillis(200));
        PostgresReplicationConnection admin = new PostgresReplicationConnection(config);
        closeables.add(() -> {
            await().atMost(Duration.ofSeconds(30)).until(() -> !admin.slotActive());
            admin.dropSlot();
            admin.dropPublication();
        });
        LoadSettings ls = LoadSettings.defaults("ct").withMaxSubTasks(2).withSplit(5000, 4).withBatch(500, 2);
        LoadPlan plan = new LoadPlanner(source, ls).plan(List.of(new LoadPlanner.TablePair(table(source, "public", "accounts"),
                table(target, "public", "accounts"))));

        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicLong written = new AtomicLong();
        Future<?> writer = writer(writing, written, i -> pg.execute(src,
                "INSERT INTO accounts VALUES (" + (100000 + i) + ", 'new', 0)",
                "UPDATE accounts SET n = n + 1, v = 'upd' WHERE id = " + (i * 37 % 20000 + 1),
                "DELETE FROM accounts WHERE id = " + (i * 101 % 20000 + 1)));
        await().atMost(Duration.ofSeconds(30)).until(() -> written.get() > 5);
        LoadStateStore store = LoadStateStore.open(dir.resolve("pg.db"));
        closeables.add(store);
        CdcTask task = new CdcTask(source, target, ls, ApplySettings.defaults("ct").withCommit(200, Duration.ofMillis(50)), store);
        long atLoadStart = written.get();
        ChangeApplier a = task.startPostgres(config, plan, LoadListener.NO_OP, ApplyListener.NO_OP);
        closeables.add(0, a);
        long atLoadEnd = written.get();
        System.out.printf("CDC task postgres: full load of %d rows while %d source transactions were written%n",
                task.loadResult().orElseThrow().totalRows(), atLoadEnd - atLoadStart);
        Future<?> running = pool.submit(() -> {
            a.run();
            return null;
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> written.get() > atLoadEnd + 20);
        writing.set(false);
        writer.get(30, TimeUnit.SECONDS);
        assertThat(atLoadEnd).isGreaterThan(atLoadStart);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).failFast("applier ended", running::isDone)
                .untilAsserted(() -> assertValidated(validate(source, "public", target, "public", "accounts")));
        a.stop();
        running.get(30, TimeUnit.SECONDS);
    }

    @Test
    void mariaDbFullLoadUnderWritesThenStreaming() throws Exception {
        TestServer maria = TestDatabases.mysql();
        TestServer pg = TestDatabases.postgres();
        String src = maria.createDatabase("ctm_src");
        String dst = pg.createDatabase("ctm_dst");
        maria.execute(src, "CREATE TABLE accounts (id bigint PRIMARY KEY, v varchar(20), n int) ENGINE=InnoDB",
                "INSERT INTO accounts SELECT seq, concat('v', seq), 0 FROM seq_1_to_20000");
        pg.execute(dst, "CREATE TABLE accounts (id bigint PRIMARY KEY, v varchar(20), n int)");
        LoadEndpoint source = new LoadEndpoint(Engine.MYSQL, () -> maria.connect(src));
        LoadEndpoint target = new LoadEndpoint(Engine.POSTGRESQL, () -> pg.connect(dst));
        LoadSettings ls = LoadSettings.defaults("ctm").withMaxSubTasks(2).withSplit(5000, 4).withBatch(500, 2);
        LoadPlan plan = new LoadPlanner(source, ls).plan(List.of(new LoadPlanner.TablePair(table(source, src, "accounts"),
                table(target, "public", "accounts"))));
        MySqlCdcConfig config = MySqlCdcConfig.forTables(maria.jdbcUrl(src), maria.user(), maria.password().toCharArray(),
                CdcTask.tables(plan));

        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicLong written = new AtomicLong();
        Future<?> writer = writer(writing, written, i -> maria.execute(src,
                "INSERT INTO accounts VALUES (" + (100000 + i) + ", 'new', 0)",
                "UPDATE accounts SET n = n + 1, v = 'upd' WHERE id = " + (i * 37 % 20000 + 1),
                "DELETE FROM accounts WHERE id = " + (i * 101 % 20000 + 1)));
        await().atMost(Duration.ofSeconds(30)).until(() -> written.get() > 5);
        LoadStateStore store = LoadStateStore.open(dir.resolve("my.db"));
        closeables.add(store);
        CdcTask task = new CdcTask(source, target, ls,
                ApplySettings.defaults("ctm").intoSchema("public").withCommit(200, Duration.ofMillis(50)), store);
        long atLoadStart = written.get();
        ChangeApplier a = task.startMySql(config, plan, LoadListener.NO_OP, ApplyListener.NO_OP);
        closeables.add(0, a);
        long atLoadEnd = written.get();
        System.out.printf("CDC task mariadb: full load of %d rows while %d source transactions were written%n",
                task.loadResult().orElseThrow().totalRows(), atLoadEnd - atLoadStart);
        Future<?> running = pool.submit(() -> {
            a.run();
            return null;
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> written.get() > atLoadEnd + 20);
        writing.set(false);
        writer.get(30, TimeUnit.SECONDS);
        assertThat(atLoadEnd).isGreaterThan(atLoadStart);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).failFast("applier ended", running::isDone)
                .untilAsserted(() -> assertValidated(validate(source, src, target, "public", "accounts")));
        a.stop();
        running.get(30, TimeUnit.SECONDS);
    }

    @Test
    void sqliteFullLoadUnderWritesThenStreaming() throws Exception {
        TestServer pg = TestDatabases.postgres();
        String url = "jdbc:sqlite:" + dir.resolve("src.sqlite");
        String dst = pg.createDatabase("cts_dst");
        sqlite(url, "CREATE TABLE accounts (id INTEGER PRIMARY KEY, v TEXT, n INTEGER)",
                "WITH RECURSIVE g(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM g WHERE x < 20000) "
                        + "INSERT INTO accounts SELECT x, 'v' || x, 0 FROM g");
        pg.execute(dst, "CREATE TABLE accounts (id bigint PRIMARY KEY, v text, n bigint)");
        LoadEndpoint source = new LoadEndpoint(Engine.SQLITE, () -> java.sql.DriverManager.getConnection(url));
        LoadEndpoint target = new LoadEndpoint(Engine.POSTGRESQL, () -> pg.connect(dst));
        LoadSettings ls = LoadSettings.defaults("cts").withMaxSubTasks(2).withSplit(5000, 4).withBatch(500, 2);
        LoadPlan plan = new LoadPlanner(source, ls).plan(List.of(new LoadPlanner.TablePair(table(source, "main", "accounts"),
                table(target, "public", "accounts"))));

        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicLong written = new AtomicLong();
        Future<?> writer = writer(writing, written, i -> sqlite(url,
                "INSERT INTO accounts VALUES (" + (100000 + i) + ", 'new', 0)",
                "UPDATE accounts SET n = n + 1, v = 'upd' WHERE id = " + (i * 37 % 20000 + 1),
                "DELETE FROM accounts WHERE id = " + (i * 101 % 20000 + 1)));
        await().atMost(Duration.ofSeconds(30)).until(() -> written.get() > 5);
        LoadStateStore store = LoadStateStore.open(dir.resolve("sq.db"));
        closeables.add(store);
        CdcTask task = new CdcTask(source, target, ls,
                ApplySettings.defaults("cts").intoSchema("public").withCommit(200, Duration.ofMillis(50)), store);
        long atLoadStart = written.get();
        ChangeApplier a = task.startSqlite(dev.ferry.engine.cdc.sqlite.SqliteCdcConfig.of(url), plan, LoadListener.NO_OP,
                ApplyListener.NO_OP);
        closeables.add(0, a);
        long atLoadEnd = written.get();
        System.out.printf("CDC task sqlite: full load of %d rows while %d source transactions were written%n",
                task.loadResult().orElseThrow().totalRows(), atLoadEnd - atLoadStart);
        Future<?> running = pool.submit(() -> {
            a.run();
            return null;
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> written.get() > atLoadEnd + 20);
        writing.set(false);
        writer.get(30, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).failFast("applier ended", running::isDone)
                .untilAsserted(() -> assertValidated(validate(source, "main", target, "public", "accounts")));
        a.stop();
        running.get(30, TimeUnit.SECONDS);
    }

    /**
     * The task's table-mapping rules reach the changes, not only the full load: the source table is renamed on the
     * target and one column is removed, and changes made after the load (inserts, updates of the removed and of a
     * kept column, a key change, deletes) land in the renamed table without the removed column.
     */
    @Test
    void postgresStreamingAppliesTheTableMappingRules() throws Exception {
        TestServer pg = TestDatabases.postgres();
        String src = pg.createDatabase("ctmap_src");
        String dst = pg.createDatabase("ctmap_dst");
        pg.execute(src, "CREATE TABLE orders (id bigint PRIMARY KEY, status varchar(20), secret text)",
                "INSERT INTO orders SELECT g, 'open', 'secret ' || g FROM generate_series(1, 500) g");
        pg.execute(dst, "CREATE TABLE orders_copy (id bigint PRIMARY KEY, status varchar(20))");
        LoadEndpoint source = new LoadEndpoint(Engine.POSTGRESQL, () -> pg.connect(src));
        LoadEndpoint target = new LoadEndpoint(Engine.POSTGRESQL, () -> pg.connect(dst));
        PostgresCdcConfig config = PostgresCdcConfig.forTask(pg.jdbcUrl(src), pg.user(), pg.password().toCharArray(), src)
                .withStatusInterval(Duration.ofMillis(200));
        PostgresReplicationConnection admin = new PostgresReplicationConnection(config);
        closeables.add(() -> {
            await().atMost(Duration.ofSeconds(30)).until(() -> !admin.slotActive());
            admin.dropSlot();
            admin.dropPublication();
        });
        String rules = """
                {"rules": [
                  {"rule-type": "selection", "rule-id": "1", "rule-name": "all", "rule-action": "include",
                   "object-locator": {"schema-name": "public", "table-name": "orders"}},
                  {"rule-type": "transformation", "rule-id": "2", "rule-name": "t-rename", "rule-target": "table",
                   "object-locator": {"schema-name": "public", "table-name": "orders"}, "rule-action": "rename",
                   "value": "orders_copy"},
                  {"rule-type": "transformation", "rule-id": "3", "rule-name": "c-remove", "rule-target": "column",
                   "object-locator": {"schema-name": "public", "table-name": "orders", "column-name": "secret"},
                   "rule-action": "remove-column"}
                ]}
                """;
        dev.ferry.engine.mapping.TableMappingResolver resolver = new dev.ferry.engine.mapping.TableMappingResolver(
                dev.ferry.model.project.DmsTableMappings.parse("mappings.json", rules));
        List<LoadPlanner.TablePair> pairs = new ArrayList<>();
        for (dev.ferry.engine.mapping.ResolvedTable r : resolver.resolve(catalog(source, "public"))) {
            assertThat(r.target().name()).isEqualTo("orders_copy");
            pairs.add(new LoadPlanner.TablePair(r.source(), table(target, "public", r.target().name()), r.loadedColumns(),
                    r.filter()));
        }
        LoadSettings ls = LoadSettings.defaults("ctmap").withMaxSubTasks(2).withBatch(500, 2);
        LoadPlan plan = new LoadPlanner(source, ls).plan(pairs);
        LoadStateStore store = LoadStateStore.open(dir.resolve("map.db"));
        closeables.add(store);
        // the task's own settings name no table mapping: the plan's rules must come through CdcTask
        CdcTask task = new CdcTask(source, target, ls, ApplySettings.defaults("ctmap").withCommit(200, Duration.ofMillis(50)), store);
        ChangeApplier a = task.startPostgres(config, plan, LoadListener.NO_OP, ApplyListener.NO_OP);
        closeables.add(0, a);
        assertThat(task.loadResult().orElseThrow().totalRows()).isEqualTo(500);
        Future<?> running = pool.submit(() -> {
            a.run();
            return null;
        });
        pg.execute(src, "INSERT INTO orders SELECT g, 'new', 'new secret' FROM generate_series(501, 600) g",
                "UPDATE orders SET status = 'paid' WHERE id <= 50",
                "UPDATE orders SET secret = 'changed' WHERE id BETWEEN 51 AND 60",
                "UPDATE orders SET id = 1000 WHERE id = 70",
                "DELETE FROM orders WHERE id BETWEEN 100 AND 119");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).failFast("applier ended", running::isDone)
                .untilAsserted(() -> assertThat(dev.ferry.engine.validate.Validator.compare(source, target, plan.jobs()))
                        .singleElement().satisfies(v -> assertThat(v.status()).as(v.toString())
                                .isEqualTo(dev.ferry.engine.validate.TableValidation.Status.VALIDATED)));
        assertThat(ApplyTestSupport.count(target, "SELECT count(*) FROM orders_copy")).isEqualTo(580);
        assertThat(ApplyTestSupport.count(target, "SELECT count(*) FROM orders_copy WHERE status = 'paid'")).isEqualTo(50);
        assertThat(ApplyTestSupport.count(target, "SELECT count(*) FROM orders_copy WHERE id = 1000")).isEqualTo(1);
        assertThat(ApplyTestSupport.count(target, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'orders'"))
                .isZero();
        a.stop();
        running.get(30, TimeUnit.SECONDS);
    }

    private static dev.ferry.model.schema.DatabaseModel catalog(LoadEndpoint e, String... schemas) throws Exception {
        try (java.sql.Connection c = e.connections().open()) {
            return dev.ferry.engine.catalog.CatalogReaders.forEngine(e.engine()).read(c,
                    dev.ferry.engine.catalog.CatalogRequest.schemas(schemas), dev.ferry.engine.catalog.CatalogListener.NO_OP);
        }
    }

    private static void sqlite(String url, String... sql) {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url); java.sql.Statement st = c.createStatement()) {
            st.execute("PRAGMA busy_timeout = 10000");
            st.execute("PRAGMA journal_mode = WAL");
            c.setAutoCommit(false);
            for (String s : sql) {
                st.execute(s);
            }
            c.commit();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
