package dev.ferry.app.cli;

import dev.ferry.model.project.TaskType;
import dev.ferry.testsupport.TestDatabases;
import dev.ferry.testsupport.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static dev.ferry.app.cli.CdcCliSupport.count;
import static dev.ferry.app.cli.CdcCliSupport.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code ferry migrate} with CDC, end to end on the embedded servers: a full-load-and-cdc task loads under concurrent
 * writes, streams, stops at a stop time and at a stop LSN, resumes from {@code ferry_apply_state} and converges to an
 * exact validation; a cdc task starts at {@code now}; bad positions are usage errors (exit 2).
 */
class CdcMigrateIT {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
    }

    static String serverTimeIn(Duration d) {
        return "server_time:" + SECONDS.format(Instant.now().plus(d).truncatedTo(ChronoUnit.SECONDS));
    }

    @Test
    void fullLoadAndCdcUnderWritesStopsAtTimeAndLsnThenResumesToAnExactCopy() throws Exception {
        TestServer pg = TestDatabases.postgres();
        String src = pg.createDatabase("cdccli_src");
        String dst = pg.createDatabase("cdccli_dst");
        String ddl = "CREATE TABLE accounts (id bigint PRIMARY KEY, v text, n int)";
        pg.execute(src, ddl, "INSERT INTO accounts SELECT g, 'v' || g, 0 FROM generate_series(1, 20000) g");
        pg.execute(dst, ddl);
        Path project = CdcCliSupport.project(dir, pg, src, "public", pg, dst, "flc", TaskType.FULL_LOAD_AND_CDC,
                CdcCliSupport.settings(null, null));
        try {
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicLong written = new AtomicLong();
            Future<?> writer = pool.submit(() -> {
                long i = 0;
                while (writing.get()) {
                    i++;
                    pg.execute(src, "INSERT INTO accounts VALUES (" + (100000 + i) + ", 'new', 0)",
                            "UPDATE accounts SET n = n + 1, v = 'upd' WHERE id = " + (i * 37 % 20000 + 1),
                            "DELETE FROM accounts WHERE id = " + (i * 101 % 20000 + 1));
                    written.set(i);
                }
                return null;
            });
            await().atMost(Duration.ofSeconds(30)).until(() -> written.get() > 5);
            // run 1: full load while the writer runs, then streaming until a server time a few seconds ahead
            long beforeRun = written.get();
            CdcCliSupport.Run first = run(pg, pg, "migrate", "--project", project.toString(), "--split-threshold", "5000",
                    "--ranges-per-table", "4", "--stop-at", serverTimeIn(Duration.ofSeconds(12)));
            long afterRun = written.get();
            System.out.println(first.all());
            assertThat(first.exit()).as(first.all()).isZero();
            assertThat(first.out()).contains("LOADED").contains("STOPPED at server_time:");
            assertThat(afterRun - beforeRun).as("source transactions written during run 1").isGreaterThan(20);
            assertThat(count(pg, dst, "SELECT count(*) FROM accounts WHERE id > 100000")).as("streamed inserts").isPositive();
            // the writer is still going: the target is behind the source now
            await().atMost(Duration.ofSeconds(30)).until(() -> written.get() > afterRun + 20);
            writing.set(false);
            writer.get(30, TimeUnit.SECONDS);
            assertThat(count(pg, dst, "SELECT max(id) FROM accounts")).isLessThan(count(pg, src, "SELECT max(id) FROM accounts"));

            // run 2: stop at an LSN taken after the writer stopped; a marker transaction after it is NOT applied
            // the INSERT position, not pg_current_wal_lsn(): that is the WAL *write* position, which lags the last
            // commits by up to a page when synchronous_commit is off (as on the embedded test server), so a stop there
            // rightly leaves the writer's last transactions for the next run
            String lsn = CdcCliSupport.text(pg, src, "SELECT pg_current_wal_insert_lsn()::text");
            pg.execute(src, "INSERT INTO accounts VALUES (777777, 'marker', 0)");
            CdcCliSupport.Run second = run(pg, pg, "migrate", "--project", project.toString(), "--stop-at", lsn);
            System.out.println(second.all());
            assertThat(second.exit()).as(second.all()).isZero();
            assertThat(second.err()).contains("resumes streaming after its stored position").contains("full load finished in an earlier run");
            assertThat(second.out()).contains("STOPPED at stop position " + lsn).doesNotContain("LOADED");
            assertThat(count(pg, dst, "SELECT count(*) FROM accounts WHERE id = 777777")).isZero();
            java.util.SortedSet<String> onTarget = ids(pg, dst);
            java.util.SortedSet<String> onSource = ids(pg, src);
            java.util.SortedSet<String> extra = new java.util.TreeSet<>(onTarget);
            extra.removeAll(onSource);
            java.util.SortedSet<String> missing = new java.util.TreeSet<>(onSource);
            missing.removeAll(onTarget);
            assertThat(extra).as("rows only on the target after run 2").isEmpty();
            assertThat(missing).as("rows only on the source after run 2").isEmpty();

            // run 3: until a server time (idle source) with validation: exact
            CdcCliSupport.Run third = run(pg, pg, "migrate", "--project", project.toString(), "--validate", "--stop-at",
                    serverTimeIn(Duration.ofSeconds(4)));
            System.out.println(third.all());
            assertThat(third.exit()).as(third.all()).isZero();
            assertThat(third.out()).contains("VALIDATED: 1 tables compared, 0 failed validation");
            assertThat(count(pg, dst, "SELECT count(*) FROM accounts WHERE id = 777777")).isOne();
            CdcCliSupport.Run validate = run(pg, pg, "validate", "--project", project.toString());
            assertThat(validate.exit()).as(validate.all()).isZero();

            // the persisted status
            CdcCliSupport.Run status = run(pg, pg, "status", "--project", project.toString(), "--task", "flc");
            assertThat(status.exit()).as(status.all()).isZero();
            assertThat(status.out()).contains("Task flc: STOPPED (not running)").contains("latency: source")
                    .contains("public.accounts");
            assertThat(Files.readString(dir.resolve(".ferry").resolve("flc.cdc.json"))).contains("\"appliedEvents\"")
                    .contains("\"stopReason\"");
        } finally {
            CdcCliSupport.Run cleanup = run(pg, pg, "task", "cleanup", "--project", project.toString(), "--task", "flc", "--yes");
            System.out.println(cleanup.all());
        }
    }

    /** Ids and values of accounts except the marker, as text, for a readable difference. */
    static java.util.SortedSet<String> ids(TestServer pg, String db) throws Exception {
        java.util.SortedSet<String> ids = new java.util.TreeSet<>();
        try (var c = pg.connect(db); var st = c.createStatement();
             var rs = st.executeQuery("SELECT id, v, n FROM accounts WHERE id <> 777777")) {
            while (rs.next()) {
                ids.add(rs.getLong(1) + ":" + rs.getString(2) + ":" + rs.getInt(3));
            }
        }
        return ids;
    }

    @Test
    void cdcTaskFromNowAppliesOnlyLaterChangesMariaDbToPostgres() throws Exception {
        TestServer maria = TestDatabases.mysql();
        TestServer pg = TestDatabases.postgres();
        String src = maria.createDatabase("cdccli_now");
        String dst = pg.createDatabase("cdccli_now_dst");
        maria.execute(src, "CREATE TABLE items (id bigint PRIMARY KEY, name varchar(40), qty int) ENGINE=InnoDB",
                "INSERT INTO items SELECT seq, concat('i', seq), 1 FROM seq_1_to_100");
        pg.execute(dst, "CREATE TABLE items (id bigint PRIMARY KEY, name varchar(40), qty int)",
                "INSERT INTO items SELECT g, 'i' || g, 1 FROM generate_series(1, 100) g");
        // before "now": never applied
        maria.execute(src, "INSERT INTO items VALUES (1001, 'before', 1)");
        Path project = CdcCliSupport.project(dir, maria, src, src, pg, dst, "live", TaskType.CDC, CdcCliSupport.settings(null, null));
        Future<CdcCliSupport.Run> running = pool.submit(() -> run(maria, pg, "migrate", "--project", project.toString(),
                "--start-position", "now", "--json-progress", "--stop-at", serverTimeIn(Duration.ofSeconds(15))));
        Path status = dir.resolve(".ferry").resolve("live.cdc.json");
        try {
            await().atMost(Duration.ofSeconds(60)).failFast("migrate ended early", running::isDone)
                    .until(() -> Files.exists(status) && Files.readString(status).contains("\"STREAMING\""));
        } catch (RuntimeException e) {
            throw new AssertionError(running.isDone() ? running.get().all() : "migrate still running", e);
        }
        maria.execute(src, "INSERT INTO items VALUES (2001, 'after', 5)", "UPDATE items SET qty = 7 WHERE id = 3",
                "DELETE FROM items WHERE id = 4");
        CdcCliSupport.Run r = running.get(90, TimeUnit.SECONDS);
        System.out.println(r.all());
        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.err()).contains("starts streaming at now");
        assertThat(r.out()).contains("\"appliedEvents\"").contains("STOPPED at server_time:");
        assertThat(count(pg, dst, "SELECT count(*) FROM items WHERE id = 2001 AND qty = 5")).isOne();
        assertThat(count(pg, dst, "SELECT qty FROM items WHERE id = 3")).isEqualTo(7);
        assertThat(count(pg, dst, "SELECT count(*) FROM items WHERE id = 4")).isZero();
        assertThat(count(pg, dst, "SELECT count(*) FROM items WHERE id = 1001")).as("written before 'now'").isZero();
        // per-table metrics in the status file
        assertThat(Files.readString(status)).contains("\"public.items\"").contains("\"inserts\" : 1").contains("\"deletes\" : 1");
    }

    @Test
    void sqliteFullLoadAndCdcThroughTriggersThenCleanupRemovesThem() throws Exception {
        TestServer pg = TestDatabases.postgres();
        Path file = dir.resolve("shop.sqlite");
        String url = "jdbc:sqlite:" + file;
        sqlite(url, "CREATE TABLE accounts (id INTEGER PRIMARY KEY, v TEXT, n INTEGER)",
                "WITH RECURSIVE g(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM g WHERE x < 5000) "
                        + "INSERT INTO accounts SELECT x, 'v' || x, 0 FROM g");
        String dst = pg.createDatabase("cdccli_sq_dst");
        pg.execute(dst, "CREATE TABLE accounts (id bigint PRIMARY KEY, v text, n bigint)");
        dev.ferry.model.project.EndpointConfig source = new dev.ferry.model.project.EndpointConfig("src",
                dev.ferry.model.schema.Engine.SQLITE, null, null, null, null, null, null, dev.ferry.model.project.TlsMode.DISABLE,
                null, null, file.toString());
        dev.ferry.model.project.Project p = dev.ferry.model.project.Project.empty("sq").withEndpoint(source)
                .withEndpoint(CdcCliSupport.endpoint("dst", pg, dst, CdcCliSupport.TARGET_PW))
                .withTableMappings(new dev.ferry.model.project.TableMappings(java.util.List.of(
                        dev.ferry.model.project.SelectionRule.include("1", "main", "%"))))
                .withTask(new dev.ferry.model.project.TaskConfig("sq", TaskType.FULL_LOAD_AND_CDC, "src", "dst",
                        CdcCliSupport.settings(null, null)));
        Path project = dir.resolve("sq.ferry.json");
        dev.ferry.model.project.ProjectFiles.save(p, project);
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicLong written = new AtomicLong();
        Future<?> writer = pool.submit(() -> {
            long i = 0;
            while (writing.get()) {
                i++;
                sqlite(url, "INSERT INTO accounts VALUES (" + (100000 + i) + ", 'new', 0)",
                        "UPDATE accounts SET n = n + 1, v = 'upd' WHERE id = " + (i * 37 % 5000 + 1),
                        "DELETE FROM accounts WHERE id = " + (i * 101 % 5000 + 1));
                written.set(i);
            }
            return null;
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> written.get() > 5);
        CdcCliSupport.Run first = run(pg, pg, "migrate", "--project", project.toString(), "--stop-at",
                serverTimeIn(Duration.ofSeconds(8)));
        System.out.println(first.all());
        assertThat(first.exit()).as(first.all()).isZero();
        assertThat(first.out()).contains("LOADED").contains("STOPPED at server_time:");
        writing.set(false);
        writer.get(30, TimeUnit.SECONDS);
        CdcCliSupport.Run second = run(pg, pg, "migrate", "--project", project.toString(), "--validate", "--stop-at",
                serverTimeIn(Duration.ofSeconds(3)));
        System.out.println(second.all());
        assertThat(second.exit()).as(second.all()).isZero();
        assertThat(second.out()).contains("VALIDATED: 1 tables compared, 0 failed validation");
        assertThat(count(pg, dst, "SELECT count(*) FROM accounts WHERE id > 100000")).isEqualTo(written.get());

        CdcCliSupport.Run cleanup = run(pg, pg, "task", "cleanup", "--project", project.toString(), "--yes");
        assertThat(cleanup.exit()).as(cleanup.all()).isZero();
        assertThat(cleanup.out()).contains("removed the capture triggers and table ferry_capture");
        try (var c = java.sql.DriverManager.getConnection(url); var st = c.createStatement();
             var rs = st.executeQuery("SELECT count(*) FROM sqlite_master WHERE name LIKE 'ferry%'")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    @Test
    void cdcTaskFromAMariaDbGtidSet() throws Exception {
        TestServer maria = TestDatabases.mysql();
        TestServer pg = TestDatabases.postgres();
        String src = maria.createDatabase("cdccli_gtid");
        String dst = pg.createDatabase("cdccli_gtid_dst");
        maria.execute(src, "CREATE TABLE g (id int PRIMARY KEY, v varchar(20)) ENGINE=InnoDB", "INSERT INTO g VALUES (1, 'base')");
        pg.execute(dst, "CREATE TABLE g (id int PRIMARY KEY, v varchar(20))", "INSERT INTO g VALUES (1, 'base')");
        maria.execute(src, "INSERT INTO g VALUES (2, 'before')");
        String gtid = CdcCliSupport.text(maria, src, "SELECT @@gtid_binlog_pos");
        maria.execute(src, "INSERT INTO g VALUES (3, 'after')", "UPDATE g SET v = 'changed' WHERE id = 1");
        Path project = CdcCliSupport.project(dir, maria, src, src, pg, dst, "gt", TaskType.CDC, CdcCliSupport.settings(gtid, null));
        CdcCliSupport.Run r = run(maria, pg, "migrate", "--project", project.toString(), "--stop-at", serverTimeIn(Duration.ofSeconds(6)));
        System.out.println(r.all());
        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.err()).contains("starts streaming at " + gtid);
        assertThat(count(pg, dst, "SELECT count(*) FROM g WHERE id = 2")).as("committed before the GTID set").isZero();
        assertThat(count(pg, dst, "SELECT count(*) FROM g WHERE id = 3")).isOne();
        assertThat(CdcCliSupport.text(pg, dst, "SELECT v FROM g WHERE id = 1")).isEqualTo("changed");
    }

    static void sqlite(String url, String... statements) {
        try (var c = java.sql.DriverManager.getConnection(url); var st = c.createStatement()) {
            st.execute("PRAGMA busy_timeout = 10000");
            for (String s : statements) {
                st.execute(s);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void badPositionsAndOptionsAreUsageErrors() throws Exception {
        TestServer pg = TestDatabases.postgres();
        String src = pg.createDatabase("cdccli_bad");
        String dst = pg.createDatabase("cdccli_bad_dst");
        pg.execute(src, "CREATE TABLE t (id int PRIMARY KEY)");
        pg.execute(dst, "CREATE TABLE t (id int PRIMARY KEY)");
        Path cdc = CdcCliSupport.project(dir, pg, src, "public", pg, dst, "c", TaskType.CDC, CdcCliSupport.settings(null, null));
        CdcCliSupport.Run badStop = run(pg, pg, "migrate", "--project", cdc.toString(), "--stop-at", "mysql-bin.000001:4");
        assertThat(badStop.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(badStop.err()).contains("is a binlog position, which does not fit a PostgreSQL source");
        CdcCliSupport.Run badStart = run(pg, pg, "migrate", "--project", cdc.toString(), "--start-position", "yesterday");
        assertThat(badStart.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(badStart.err()).contains("start position 'yesterday' is not 'now' or a PostgreSQL LSN");
        CdcCliSupport.Run noStatus = run(pg, pg, "status", "--project", cdc.toString());
        assertThat(noStatus.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(noStatus.err()).contains("c.cdc.json does not exist");
        Path full = dir.resolve("full");
        Files.createDirectories(full);
        Path flc = CdcCliSupport.project(full, pg, src, "public", pg, dst, "f", TaskType.FULL_LOAD_AND_CDC, CdcCliSupport.settings(null, null));
        CdcCliSupport.Run startOnFull = run(pg, pg, "migrate", "--project", flc.toString(), "--start-position", "now");
        assertThat(startOnFull.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(startOnFull.err()).contains("--start-position is for cdc tasks");
    }
}
