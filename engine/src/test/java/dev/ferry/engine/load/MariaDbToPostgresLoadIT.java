package dev.ferry.engine.load;

import dev.ferry.engine.load.mysql.MySqlSourceSnapshot;
import dev.ferry.engine.validate.TableValidation;
import dev.ferry.engine.validate.Validator;
import dev.ferry.model.schema.Engine;
import dev.ferry.model.schema.Table;
import dev.ferry.testsupport.TestDatabases;
import dev.ferry.testsupport.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** MariaDB → PostgreSQL: a wide type set, a table split into 4 ranges loaded in parallel, a NUL row rejected. */
class MariaDbToPostgresLoadIT {

    @TempDir
    Path dir;

    private static final int ROWS = 2000;
    private static final int NUL_ROW = 1234;
    private static final String TRICKY = "tab\there\nnew line \\ backslash\r CR 'quote' \"dq\" Zubehör 🚲 李";

    @Test
    void wideTypesLoadInParallelRangesAndTheNulRowIsRejected() throws Exception {
        TestServer my = TestDatabases.mysql();
        TestServer pg = TestDatabases.postgres();
        String src = my.createDatabase("fl_maria_src");
        String dst = pg.createDatabase("fl_maria_dst");
        Table source = TestTables.table(src, "wide", "id int unsigned pk", "u int unsigned null", "d decimal(20,6) null",
                "f double null", "v varchar(100) null", "t text null", "b blob null", "dt datetime(6) null", "dd date null",
                "flag tinyint(1) null", "j json null");
        Table target = TestTables.table("public", "wide", "id bigint pk", "u bigint null", "d numeric(20,6) null",
                "f double precision null", "v varchar(100) null", "t text null", "b bytea null", "dt timestamp(6) null",
                "dd date null", "flag boolean null", "j json null");
        my.execute(src, TestTables.ddl(Engine.MYSQL, source));
        pg.execute(dst, TestTables.ddl(Engine.POSTGRESQL, target));
        int zeroDates = fill(my, src);

        LoadEndpoint from = new LoadEndpoint(Engine.MYSQL, () -> my.connect(src));
        LoadEndpoint to = new LoadEndpoint(Engine.POSTGRESQL, () -> pg.connect(dst));
        // the row path (reader → queue → writer threads); the text pass-through is compared with it below
        LoadSettings settings = LoadSettings.defaults("maria").withMaxSubTasks(4).withSplit(500, 4).withBatch(100, 2)
                .withCopyPassThrough(false);
        LoadPlan plan = new LoadPlanner(from, settings).plan(List.of(new LoadPlanner.TablePair(source, target)));
        assertThat(plan.jobs().get(0).ranges()).hasSize(4);

        // every one of the 4 writers waits until all 4 are writing: proves the ranges run at the same time
        CountDownLatch allWriting = new CountDownLatch(4);
        Set<String> writers = ConcurrentHashMap.newKeySet();
        AtomicBoolean parallel = new AtomicBoolean(true);
        LoadListener listener = new LoadListener() {
            @Override
            public void tableProgress(TableProgress p) {
                String name = Thread.currentThread().getName();
                if (name.startsWith("ferry-load-writer") && writers.add(name)) {
                    allWriting.countDown();
                    try {
                        if (!allWriting.await(30, TimeUnit.SECONDS)) {
                            parallel.set(false);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
        LoadResult result;
        Path state = dir.resolve("state.db");
        try (LoadStateStore store = LoadStateStore.open(state); MySqlSourceSnapshot snapshot = new MySqlSourceSnapshot()) {
            result = new FullLoad(from, to, settings, store, listener).run(plan, snapshot);
        }
        assertThat(parallel).isTrue();
        assertThat(writers).hasSize(4);
        String table = src + ".wide";
        TableResult tr = result.table(table).orElseThrow();
        System.out.printf("FULL LOAD mariadb->postgres: %d rows in %d ms = %.0f rows/s (4 ranges)%n", tr.rows(),
                result.elapsed().toMillis(), result.rowsPerSecond(tr.rows()));
        assertThat(tr.state()).isEqualTo(TableProgress.TableState.DONE);
        assertThat(tr.rows()).isEqualTo(ROWS - 1);
        assertThat(tr.rejected()).isEqualTo(1);
        assertThat(tr.warnings()).isEqualTo(zeroDates);
        assertThat(result.position()).containsKeys("file", "position", "lockHeldMs").containsEntry("flavor", "mariadb");

        try (Connection c = pg.connect(dst); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT key_text, column_name, value_excerpt, reason FROM ferry_exceptions WHERE task = 'maria'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("id=" + NUL_ROW);
                assertThat(rs.getString(2)).isEqualTo("t");
                assertThat(rs.getString(3)).isEqualTo("before\\0after");
                assertThat(rs.getString(4)).contains("NUL");
                assertThat(rs.next()).isFalse();
            }
            try (ResultSet rs = st.executeQuery("SELECT u, d, v, t, dt, dd, flag, j FROM wide WHERE id = 7")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(4294967295L);
                assertThat(rs.getBigDecimal(2)).isEqualByComparingTo(new BigDecimal("12345678901234.123456"));
                assertThat(rs.getString(3)).isEqualTo("");
                assertThat(rs.getString(4)).isEqualTo(TRICKY);
                assertThat(rs.getObject(5, LocalDateTime.class)).isEqualTo(LocalDateTime.of(2024, 2, 29, 23, 59, 59, 123456000));
                assertThat(rs.getObject(6, LocalDate.class)).isNull(); // zero date
                assertThat(rs.getBoolean(7)).isTrue();
                assertThat(rs.getString(8)).isEqualTo("{\"a\": 1, \"emoji\": \"🚲\"}");
            }
        }
        assertThat(Files.readAllLines(state.resolveSibling("state.db.exceptions.jsonl")))
                .singleElement().asString().contains("\"key\":\"id=" + NUL_ROW + "\"");

        TableValidation v = Validator.compare(from, to, plan.jobs()).get(0);
        assertThat(v.status()).isEqualTo(TableValidation.Status.MISMATCHED);
        assertThat(v.missing()).isEqualTo(1);
        assertThat(v.extra()).isZero();
        assertThat(v.different()).isZero();
        assertThat(v.missingKeys()).containsExactly("id=" + NUL_ROW);
        assertThat(v.rangesDiffered()).isEqualTo(1);
    }

    @Test
    void textPassThroughLoadsExactlyWhatTheRowPathLoads() throws Exception {
        TestServer my = TestDatabases.mysql();
        TestServer pg = TestDatabases.postgres();
        String src = my.createDatabase("fl_maria_pt_src");
        Table source = TestTables.table(src, "wide", "id int unsigned pk", "u int unsigned null", "d decimal(20,6) null",
                "f double null", "v varchar(100) null", "t text null", "b blob null", "dt datetime(6) null", "dd date null",
                "flag tinyint(1) null", "j json null");
        Table target = TestTables.table("public", "wide", "id bigint pk", "u bigint null", "d numeric(20,6) null",
                "f double precision null", "v varchar(100) null", "t text null", "b bytea null", "dt timestamp(6) null",
                "dd date null", "flag boolean null", "j json null");
        my.execute(src, TestTables.ddl(Engine.MYSQL, source));
        int zeroDates = fill(my, src);
        my.execute(src, "UPDATE wide SET t = 'no NUL here' WHERE id = " + NUL_ROW); // rejections are tested above
        LoadEndpoint from = new LoadEndpoint(Engine.MYSQL, () -> my.connect(src));

        Map<Boolean, List<String>> dumps = new java.util.HashMap<>();
        for (boolean passThrough : List.of(false, true)) {
            String dst = pg.createDatabase("fl_maria_pt_" + passThrough);
            pg.execute(dst, TestTables.ddl(Engine.POSTGRESQL, target));
            LoadEndpoint to = new LoadEndpoint(Engine.POSTGRESQL, () -> pg.connect(dst));
            LoadSettings settings = LoadSettings.defaults("pt").withMaxSubTasks(4).withSplit(500, 4).withBatch(100, 2)
                    .withCopyPassThrough(passThrough);
            LoadPlan plan = new LoadPlanner(from, settings).plan(List.of(new LoadPlanner.TablePair(source, target)));
            Set<String> threads = ConcurrentHashMap.newKeySet();
            LoadListener listener = new LoadListener() {
                @Override
                public void tableProgress(TableProgress p) {
                    if (p.rowsDone() > 0) {
                        threads.add(Thread.currentThread().getName().replaceAll("-\\d+$", ""));
                    }
                }
            };
            LoadResult result;
            try (LoadStateStore store = LoadStateStore.open(dir.resolve("pt-" + passThrough + ".db"));
                 MySqlSourceSnapshot snapshot = new MySqlSourceSnapshot()) {
                result = new FullLoad(from, to, settings, store, listener).run(plan, snapshot);
            }
            TableResult tr = result.table(src + ".wide").orElseThrow();
            assertThat(tr.rows()).isEqualTo(ROWS);
            assertThat(tr.rejected()).isZero();
            assertThat(tr.warnings()).isEqualTo(zeroDates);
            // the row path writes on the writer threads; the pass-through on the worker threads, without any writer
            assertThat(threads).contains("ferry-load-worker-pt");
            assertThat(threads.contains("ferry-load-writer-pt")).isEqualTo(!passThrough);
            List<String> rows = new java.util.ArrayList<>();
            try (Connection c = pg.connect(dst); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT * FROM wide ORDER BY id")) {
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= 11; i++) {
                        row.append(rs.getString(i)).append('|');
                    }
                    rows.add(row.toString());
                }
            }
            assertThat(rows).hasSize(ROWS);
            dumps.put(passThrough, rows);
            assertThat(Validator.compare(from, to, plan.jobs()).get(0).status()).isEqualTo(TableValidation.Status.VALIDATED);
        }
        assertThat(dumps.get(true)).containsExactlyElementsOf(dumps.get(false));
    }

    @Test
    void aRangeInterruptedInThePassThroughIsRedoneOnResumeWithoutLossOrDuplicates() throws Exception {
        TestServer my = TestDatabases.mysql();
        TestServer pg = TestDatabases.postgres();
        String src = my.createDatabase("fl_maria_resume");
        String dst = pg.createDatabase("fl_maria_resume_dst");
        Table source = TestTables.table(src, "events", "id int pk", "what varchar(40) null", "n bigint null");
        Table target = TestTables.table("public", "events", "id integer pk", "what text null", "n bigint null");
        my.execute(src, TestTables.ddl(Engine.MYSQL, source),
                "INSERT INTO events SELECT seq, CONCAT(MD5(seq), '\\t\\\\'), seq * 7 FROM seq_1_to_40000");
        pg.execute(dst, TestTables.ddl(Engine.POSTGRESQL, target));
        LoadEndpoint from = new LoadEndpoint(Engine.MYSQL, () -> my.connect(src));
        LoadEndpoint to = new LoadEndpoint(Engine.POSTGRESQL, () -> pg.connect(dst));
        LoadSettings settings = LoadSettings.defaults("myresume").withMaxSubTasks(1).withSplit(1000, 4);
        LoadPlan plan = new LoadPlanner(from, settings).plan(List.of(new LoadPlanner.TablePair(source, target)));
        InterruptedRangeResume.crashInSecondRangeThenResume(from, to, settings, plan, dir.resolve("resume.db"),
                MySqlSourceSnapshot::new, () -> {
                    try (Connection c = pg.connect(dst); Statement st = c.createStatement();
                         ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM ferry_load_state)")) {
                        rs.next();
                        assertThat(rs.getLong(1)).isEqualTo(10_000); // only the first range committed
                        assertThat(rs.getLong(2)).isEqualTo(1);
                    }
                });
        try (Connection c = pg.connect(dst); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*), count(DISTINCT id), max(what) FILTER (WHERE id = 3) FROM events")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(40_000);
            assertThat(rs.getLong(2)).isEqualTo(40_000);
            assertThat(rs.getString(3)).isEqualTo("eccbc87e4b5ce2fe28308fd9f2a7baf3\t\\");
        }
    }

    @Test
    void readersShareOneSnapshotTakenUnderTheReadLock() throws Exception {
        TestServer my = TestDatabases.mysql();
        TestServer pg = TestDatabases.postgres();
        String src = my.createDatabase("fl_maria_snap");
        String dst = pg.createDatabase("fl_maria_snap_dst");
        Table source = TestTables.table(src, "t", "id bigint pk", "v varchar(20) null");
        Table target = TestTables.table("public", "t", "id bigint pk", "v varchar(20) null");
        my.execute(src, TestTables.ddl(Engine.MYSQL, source));
        pg.execute(dst, TestTables.ddl(Engine.POSTGRESQL, target));
        try (Connection c = my.connect(src); Statement st = c.createStatement()) {
            st.execute("INSERT INTO t SELECT seq, CONCAT('v', seq) FROM seq_1_to_3000");
        }
        LoadEndpoint from = new LoadEndpoint(Engine.MYSQL, () -> my.connect(src));
        LoadEndpoint to = new LoadEndpoint(Engine.POSTGRESQL, () -> pg.connect(dst));
        LoadSettings settings = LoadSettings.defaults("maria_snap").withMaxSubTasks(4).withSplit(1000, 4).withBatch(100, 2);
        LoadPlan plan = new LoadPlanner(from, settings).plan(List.of(new LoadPlanner.TablePair(source, target)));
        AtomicBoolean changed = new AtomicBoolean();
        LoadListener listener = new LoadListener() {
            @Override
            public void tableProgress(TableProgress p) {
                if (p.state() == TableProgress.TableState.RUNNING && changed.compareAndSet(false, true)) {
                    my.execute(src, "INSERT INTO t VALUES (5000, 'late'), (5001, 'late')", "DELETE FROM t WHERE id = 2999",
                            "UPDATE t SET v = 'changed' WHERE id = 1");
                }
            }
        };
        LoadResult result;
        try (LoadStateStore store = LoadStateStore.open(dir.resolve("snap.db")); MySqlSourceSnapshot snapshot = new MySqlSourceSnapshot()) {
            result = new FullLoad(from, to, settings, store, listener).run(plan, snapshot);
        }
        assertThat(changed).isTrue();
        assertThat(result.totalRows()).isEqualTo(3000);
        assertThat(Long.parseLong(result.position().get("position"))).isPositive();
        TableValidation live = Validator.compare(from, to, plan.jobs()).get(0);
        assertThat(live.missingKeys()).containsExactly("id=5000", "id=5001");
        assertThat(live.extraKeys()).containsExactly("id=2999");
        assertThat(live.differentKeys()).containsExactly("id=1");
    }

    /** Inserts the rows; returns how many zero dates were written. */
    private static int fill(TestServer my, String db) throws Exception {
        Random rnd = new Random(42);
        int zero = 0;
        try (Connection c = my.connect(db)) {
            try (Statement st = c.createStatement()) {
                st.execute("SET SESSION sql_mode = ''");
            }
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO wide (id, u, d, f, v, t, b, dt, dd, flag, j) VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
                for (int i = 1; i <= ROWS; i++) {
                    ps.setLong(1, i);
                    ps.setObject(2, i % 10 == 0 ? null : (i == 7 ? 4294967295L : (long) rnd.nextInt(Integer.MAX_VALUE) * 2));
                    ps.setBigDecimal(3, i == 7 ? new BigDecimal("12345678901234.123456")
                            : BigDecimal.valueOf(rnd.nextLong() % 100_000_000_000L, 6));
                    ps.setObject(4, i % 9 == 0 ? null : rnd.nextGaussian() * 1e6);
                    ps.setString(5, i == 7 ? "" : i % 11 == 0 ? null : i % 5 == 0 ? "" : "v" + i + " Zubehör 🚲");
                    ps.setString(6, i == NUL_ROW ? "before\0after" : i == 7 || i % 3 == 0 ? TRICKY : null);
                    byte[] b = new byte[rnd.nextInt(40)];
                    rnd.nextBytes(b);
                    ps.setBytes(7, i % 4 == 0 ? null : b);
                    boolean zeroDate = i == 7 || i % 97 == 0;
                    ps.setString(8, i == 7 ? "2024-02-29 23:59:59.123456" : i % 101 == 0 ? "0000-00-00 00:00:00"
                            : LocalDateTime.of(2020, 1, 1, 0, 0).plusSeconds(rnd.nextInt(100_000_000)).plusNanos(rnd.nextInt(1_000_000) * 1000L).toString().replace('T', ' '));
                    ps.setString(9, zeroDate ? "0000-00-00" : LocalDate.of(1990, 1, 1).plusDays(rnd.nextInt(20_000)).toString());
                    if (zeroDate) {
                        zero++;
                    }
                    if (i % 101 == 0) {
                        zero++;
                    }
                    ps.setObject(10, i % 8 == 0 ? null : (i == 7 || i % 2 == 0) ? 1 : 0);
                    ps.setString(11, i == 7 ? "{\"a\": 1, \"emoji\": \"🚲\"}" : i % 6 == 0 ? null : "{\"n\": " + i + "}");
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
        }
        return zero;
    }
}
