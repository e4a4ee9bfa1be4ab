package dev.ferry.engine.load;

import dev.ferry.engine.load.postgres.PostgresPlainSnapshot;
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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** PostgreSQL → PostgreSQL through the binary COPY pass-through: exact, resumable, and bad rows still rejected. */
class PostgresCopyPassThroughIT {

    /** Header (19 bytes) + trailer (2 bytes) of a binary COPY stream; a row is 2 + per column 4 + its bytes. */
    private static final int BINARY_FRAME = 21;

    @TempDir
    Path dir;

    @Test
    void renamedColumnsFiltersAndRangesCopyExactly() throws Exception {
        TestServer pg = TestDatabases.postgres();
        String src = pg.createDatabase("pt_exact_src");
        String dst = pg.createDatabase("pt_exact_dst");
        Table source = TestTables.table("public", "items", "id bigint pk", "name text null", "amount numeric(12,2) null",
                "created timestamptz null", "payload bytea null", "f float8 null", "tags text[] null", "owner varchar(30) null");
        Table target = TestTables.table("public", "copied", "id bigint pk", "label text null", "amount numeric(12,2) null",
                "created timestamptz null", "payload bytea null", "f float8 null", "tags text[] null", "owner varchar(30) null");
        pg.execute(src, TestTables.ddl(Engine.POSTGRESQL, source),
                "INSERT INTO items SELECT g, CASE WHEN g % 7 = 0 THEN NULL ELSE 'item ' || g || E' \\\\ \\t 🚲' END, g * 1.25, "
                        + "timestamptz '2024-01-01 00:00:00+02' + g * interval '1 minute', "
                        + "CASE WHEN g % 3 = 0 THEN decode(lpad(to_hex(g), 8, '0') || '005c0a', 'hex') END, "
                        + "CASE WHEN g = 10 THEN 'NaN'::float8 WHEN g = 11 THEN '-Infinity'::float8 ELSE g / 3.0 END, "
                        + "ARRAY['a' || g, NULL, 'b'], CASE WHEN g % 5 = 0 THEN 'O''Brien' ELSE 'someone' END "
                        + "FROM generate_series(1, 8000) g");
        pg.execute(dst, TestTables.ddl(Engine.POSTGRESQL, target));
        // the catalog reader reports arrays with dimensions; TestTables cannot, so mark tags as an array on both sides
        source = withArray(source, "tags");
        target = withArray(target, "tags");

        LoadEndpoint from = new LoadEndpoint(Engine.POSTGRESQL, () -> pg.connect(src));
        LoadEndpoint to = new LoadEndpoint(Engine.POSTGRESQL, () -> pg.connect(dst));
        LoadSettings settings = LoadSettings.defaults("pt").withMaxSubTasks(3).withSplit(1000, 4);
        RowFilter filter = RowFilter.of(List.of(new RowFilter.ColumnFilter("owner",
                List.of(new RowFilter.Condition(RowFilter.Op.NOTEQ, "O'Brien")))));
        List<LoadPlanner.ColumnPair> cols = List.of(new LoadPlanner.ColumnPair("id", "id"), new LoadPlanner.ColumnPair("name", "label"),
                new LoadPlanner.ColumnPair("amount", "amount"), new LoadPlanner.ColumnPair("created", "created"),
                new LoadPlanner.ColumnPair("payload", "payload"), new LoadPlanner.ColumnPair("f", "f"),
                new LoadPlanner.ColumnPair("tags", "tags"), new LoadPlanner.ColumnPair("owner", "owner"));
        LoadPlan plan = new LoadPlanner(from, settings).plan(List.of(new LoadPlanner.TablePair(source, target, cols, filter)));
        assertThat(plan.jobs().get(0).ranges()).hasSize(4);
        LoadResult result;
        try (LoadStateStore store = LoadStateStore.open(dir.resolve("exact.db"));
             PostgresPlainSnapshot snapshot = PostgresPlainSnapshot.export(from.connections())) {
            result = new FullLoad(from, to, settings, store, LoadListener.NO_OP).run(plan, snapshot);
            System.out.printf("FULL LOAD postgres->postgres (COPY pass-through): %d rows in %d ms%n", result.totalRows(),
                    result.elapsed().toMillis());
            LoadEndpoint atSnapshot = new LoadEndpoint(Engine.POSTGRESQL, () -> snapshot.openReader(from.connections()));
            TableValidation v = Validator.compare(atSnapshot, to, plan.jobs()).get(0);
            assertThat(v.status()).as(v.toString()).isEqualTo(TableValidation.Status.VALIDATED);
        }
        assertThat(result.tables().get(0).rows()).isEqualTo(6400);
        assertThat(count(pg, dst, "SELECT count(*) FROM copied WHERE owner = 'O''Brien'")).isZero();
        assertThat(count(pg, dst, "SELECT count(*) FROM copied WHERE tags = ARRAY['a' || id, NULL, 'b'] AND label IS NOT DISTINCT "
                + "FROM (CASE WHEN id % 7 = 0 THEN NULL ELSE 'item ' || id || E' \\\\ \\t 🚲' END) AND owner = 'someone'")).isEqualTo(6400);
    }

    @Test
    void passThroughIsUsedAndMovesBinaryCopyData() throws Exception {
        TestServer pg = TestDatabases.postgres();
        String src = pg.createDatabase("pt_bin_src");
        String dst = pg.createDatabase("pt_bin_dst");
        Table t = TestTables.table("public", "one", "id integer pk");
        pg.execute(src, TestTables.ddl(Engine.POSTGRESQL, t), "INSERT INTO one VALUES (1)");
        pg.execute(dst, TestTables.ddl(Engine.POSTGRESQL, t));
        LoadEndpoint from = new LoadEndpoint(Engine.POSTGRESQL, () -> pg.connect(src));
        LoadEndpoint to = new LoadEndpoint(Engine.POSTGRESQL, () -> pg.connect(dst));
        for (boolean passThrough : new boolean[] {true, false}) {
            pg.execute(dst, "TRUNCATE one", "DROP TABLE IF EXISTS ferry_load_state");
            LoadSettings settings = LoadSettings.defaults("bin" + passThrough).withCopyPassThrough(passThrough);
            LoadPlan plan = new LoadPlanner(from, settings).plan(List.of(new LoadPlanner.TablePair(t, t)));
            try (LoadStateStore store = LoadStateStore.open(dir.resolve("bin" + passThrough + ".db"));
                 PostgresPlainSnapshot snapshot = PostgresPlainSnapshot.export(from.connections())) {
                LoadResult r = new FullLoad(from, to, settings, store, LoadListener.NO_OP).run(plan, snapshot);
                // binary: frame + one row of one int4 (2 + 4 + 4 bytes); text: "1\n"
                assertThat(r.tables().get(0).bytes()).isEqualTo(passThrough ? BINARY_FRAME + 10 : 2);
            }
            assertThat(count(pg, dst, "SELECT sum(id) FROM one")).isEqualTo(1);
        }
    }

    @Test
    void rangesReuseOneTargetSessionPerWorkerAndCloseThemAtTheEnd() throws Exception {
        TestServer pg = TestDatabases.postgres();
        String src = pg.createDatabase("pt_reuse_src");
        String dst = pg.createDatabase("pt_reuse_dst");
        Table t = TestTables.table("public", "many", "id integer pk", "v text null");
        pg.execute(src, TestTables.ddl(Engine.POSTGRESQL, t),
                "INSERT INTO many SELECT g, md5(g::text) FROM generate_series(1, 16000) g");
        pg.execute(dst, TestTables.ddl(Engine.POSTGRESQL, t));
        java.util.concurrent.atomic.AtomicInteger opened = new java.util.concurrent.atomic.AtomicInteger();
        LoadEndpoint from = new LoadEndpoint(Engine.POSTGRESQL, () -> pg.connect(src));
        LoadEndpoint to = new LoadEndpoint(Engine.POSTGRESQL, () -> {
            opened.incrementAndGet();
            return pg.connect(dst);
        });
        LoadSettings settings = LoadSettings.defaults("ptreuse").withMaxSubTasks(2).withSplit(1000, 8);
        LoadPlan plan = new LoadPlanner(from, settings).plan(List.of(new LoadPlanner.TablePair(t, t)));
        assertThat(plan.jobs().get(0).ranges()).hasSize(8);
        try (LoadStateStore store = LoadStateStore.open(dir.resolve("reuse.db"));
             PostgresPlainSnapshot snapshot = PostgresPlainSnapshot.export(from.connections())) {
            // (deferred index builds use a session of their own; not counted here)
            LoadResult r = new FullLoad(from, to, settings, store, LoadListener.NO_OP).withDeferredIndexes(false).run(plan, snapshot);
            assertThat(r.totalRows()).isEqualTo(16000);
        }
        // one session for the control tables, then at most one per worker for all 8 ranges (was one per range)
        assertThat(opened.get()).isLessThanOrEqualTo(3);
        // the load's sessions are closed at the end: nothing of them is left on the target
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(count(pg, dst, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                        + " AND pid <> pg_backend_pid()")).isZero());
        assertThat(count(pg, dst, "SELECT count(*) FROM many")).isEqualTo(16000);
        assertThat(count(pg, dst, "SELECT count(*) FROM ferry_load_state WHERE task = 'ptreuse'")).isEqualTo(8);
    }

    @Test
    void anInterruptedRangeIsRedoneOnResumeWithoutLossOrDuplicates() throws Exception {
        TestServer pg = TestDatabases.postgres();
        String src = pg.createDatabase("pt_resume_src");
        String dst = pg.createDatabase("pt_resume_dst");
        Table t = TestTables.table("public", "events", "id integer pk", "what text null", "n bigint null");
        pg.execute(src, TestTables.ddl(Engine.POSTGRESQL, t),
                "INSERT INTO events SELECT g, md5(g::text), g * 7 FROM generate_series(1, 40000) g");
        pg.execute(dst, TestTables.ddl(Engine.POSTGRESQL, t));
        LoadEndpoint from = new LoadEndpoint(Engine.POSTGRESQL, () -> pg.connect(src));
        LoadEndpoint to = new LoadEndpoint(Engine.POSTGRESQL, () -> pg.connect(dst));
        LoadSettings settings = LoadSettings.defaults("ptresume").withMaxSubTasks(1).withSplit(1000, 4);
        LoadPlan plan = new LoadPlanner(from, settings).plan(List.of(new LoadPlanner.TablePair(t, t)));
        InterruptedRangeResume.crashInSecondRangeThenResume(from, to, settings, plan, dir.resolve("resume.db"),
                () -> PostgresPlainSnapshot.export(from.connections()), () -> {
                    assertThat(count(pg, dst, "SELECT count(*) FROM events")).isEqualTo(10_000); // only the first range committed
                    assertThat(count(pg, dst, "SELECT count(*) FROM ferry_load_state WHERE task = 'ptresume'")).isEqualTo(1);
                });
        assertThat(count(pg, dst, "SELECT count(*) FROM events")).isEqualTo(40_000);
    }

    @Test
    void aRowTheTargetRefusesFallsBackToTheRowPathAndGoesToFerryExceptions() throws Exception {
        TestServer pg = TestDatabases.postgres();
        String src = pg.createDatabase("pt_bad_src");
        String dst = pg.createDatabase("pt_bad_dst");
        Table t = TestTables.table("public", "orders", "id integer pk", "amount integer null", "memo text null");
        pg.execute(src, TestTables.ddl(Engine.POSTGRESQL, t),
                "INSERT INTO orders SELECT g, CASE WHEN g = 777 THEN 5000 ELSE g % 100 END, 'memo ' || g FROM generate_series(1, 3000) g");
        pg.execute(dst, TestTables.ddl(Engine.POSTGRESQL, t), "ALTER TABLE orders ADD CONSTRAINT small_amount CHECK (amount < 1000)");
        LoadEndpoint from = new LoadEndpoint(Engine.POSTGRESQL, () -> pg.connect(src));
        LoadEndpoint to = new LoadEndpoint(Engine.POSTGRESQL, () -> pg.connect(dst));
        LoadSettings settings = LoadSettings.defaults("ptbad").withMaxSubTasks(2).withSplit(1000, 3);
        LoadPlan plan = new LoadPlanner(from, settings).plan(List.of(new LoadPlanner.TablePair(t, t)));
        LoadResult result;
        try (LoadStateStore store = LoadStateStore.open(dir.resolve("bad.db"));
             PostgresPlainSnapshot snapshot = PostgresPlainSnapshot.export(from.connections())) {
            result = new FullLoad(from, to, settings, store, LoadListener.NO_OP).run(plan, snapshot);
        }
        TableResult r = result.tables().get(0);
        assertThat(r.state()).isEqualTo(TableProgress.TableState.DONE);
        assertThat(r.rejected()).isEqualTo(1);
        assertThat(r.rows()).isEqualTo(2999);
        assertThat(count(pg, dst, "SELECT count(*) FROM orders")).isEqualTo(2999);
        assertThat(count(pg, dst, "SELECT count(*) FROM orders WHERE id = 777")).isZero();
        assertThat(count(pg, dst, "SELECT count(*) FROM ferry_exceptions WHERE task = 'ptbad' AND key_text = 'id=777' "
                + "AND reason LIKE '%small_amount%'")).isEqualTo(1);
    }

    private static Table withArray(Table t, String column) {
        List<dev.ferry.model.schema.Column> cols = t.columns().stream().map(c -> {
            if (!c.name().equals(column)) {
                return c;
            }
            return dev.ferry.model.schema.Column.of(c.name(), c.position(), new dev.ferry.model.schema.DataType("text", null, null,
                    null, null, false, false, List.of(), 1, "text[]"), c.nullable());
        }).toList();
        return new Table(t.schema(), t.name(), t.kind(), cols, t.primaryKey(), t.uniqueKeys(), t.foreignKeys(), t.checks(),
                t.indexes(), t.comment(), t.estimatedRows(), t.sizeBytes(), t.partitioning(), t.options());
    }

    private static long count(TestServer server, String db, String sql) throws SQLException {
        try (Connection c = server.connect(db); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
