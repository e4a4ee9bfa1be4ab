package dev.ferry.engine.cdc.apply;

import dev.ferry.engine.cdc.postgres.PostgresCdcConfig;
import dev.ferry.engine.cdc.postgres.PostgresReplicationConnection;
import dev.ferry.engine.cdc.postgres.PostgresStreamingSource;
import dev.ferry.engine.load.ErrorPolicy;
import dev.ferry.engine.load.LoadEndpoint;
import dev.ferry.model.schema.Engine;
import dev.ferry.testsupport.TestDatabases;
import dev.ferry.testsupport.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static dev.ferry.engine.cdc.apply.ApplyTestSupport.assertValidated;
import static dev.ferry.engine.cdc.apply.ApplyTestSupport.count;
import static dev.ferry.engine.cdc.apply.ApplyTestSupport.string;
import static dev.ferry.engine.cdc.apply.ApplyTestSupport.validate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** PostgreSQL → PostgreSQL change apply against the embedded server: every change type, exactly once across crashes. */
class PostgresApplyIT {

    @TempDir
    Path dir;

    private TestServer pg;
    private String src;
    private String dst;
    private LoadEndpoint source;
    private LoadEndpoint target;
    private PostgresCdcConfig config;
    private PostgresReplicationConnection admin;
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final ExecutorService pool = Executors.newCachedThreadPool();

    @BeforeEach
    void databases() {
        pg = TestDatabases.postgres();
        src = pg.createDatabase("ap_src");
        dst = pg.createDatabase("ap_dst");
        source = new LoadEndpoint(Engine.POSTGRESQL, () -> pg.connect(src));
        target = new LoadEndpoint(Engine.POSTGRESQL, () -> pg.connect(dst));
        config = PostgresCdcConfig.forTask(pg.jdbcUrl(src), pg.user(), pg.password().toCharArray(), src)
                .withStatusInterval(Duration.ofMillis(200));
        admin = new PostgresReplicationConnection(config);
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
        pool.shutdownNow();
        await().atMost(Duration.ofSeconds(30)).until(() -> !admin.slotActive());
        admin.dropSlot();
        admin.dropPublication();
    }

    private ChangeApplier applier(ApplySettings settings, ApplyListener listener) {
        PostgresStreamingSource s = new PostgresStreamingSource(config);
        ChangeApplier a = new ChangeApplier(ChangeSource.of(s), target, settings, listener);
        closeables.add(a);
        return a;
    }

    /** Runs the applier on a background thread until {@link ChangeApplier#stop()}. */
    private Future<?> runInBackground(ChangeApplier a) {
        return pool.submit(() -> {
            a.run();
            return null;
        });
    }

    private static final String ITEMS = "CREATE TABLE items (id bigint PRIMARY KEY, name text, big text, amount numeric(12,2), "
            + "n numeric, f float8, ts timestamptz, flag boolean, data bytea, iv interval, tags text[], u uuid)";

    /** Batch apply as the ITs use it: windows of 0.3–3 s, so several source transactions are netted together. */
    static ApplySettings.BatchApply testBatch() {
        return new ApplySettings.BatchApply(Duration.ofMillis(300), Duration.ofSeconds(3), 64L * 1024 * 1024);
    }

    static ApplySettings mode(ApplySettings s, boolean batch) {
        return batch ? s.withBatchApply(testBatch()) : s;
    }

    /**
     * DMS {@code BatchSplitSize}: a backlog of 40 one-row transactions with long batch timeouts would be one window;
     * with a split size of 10 no window holds more than 10 changes, and nothing is lost or repeated.
     */
    @org.junit.jupiter.api.Test
    void batchSplitSizeBoundsTheChangesPerWindow() throws Exception {
        pg.execute(src, "CREATE TABLE s (id int PRIMARY KEY, v text)");
        pg.execute(dst, "CREATE TABLE s (id int PRIMARY KEY, v text)");
        admin.createPublication(List.of());
        admin.createSlot();
        for (int i = 1; i <= 40; i++) {
            pg.execute(src, "INSERT INTO s VALUES (" + i + ", 'v" + i + "')");
        }
        List<Long> applied = new CopyOnWriteArrayList<>();
        ChangeApplier a = applier(ApplySettings.defaults("split").withBatchApply(
                new ApplySettings.BatchApply(Duration.ofSeconds(20), Duration.ofSeconds(60), 64L * 1024 * 1024, 10)), new ApplyListener() {
                    @Override
                    public void committed(ApplyStats stats) {
                        applied.add(stats.appliedEvents());
                    }
                });
        a.start();
        Future<?> running = runInBackground(a);
        awaitValid(running, "s");
        await().atMost(Duration.ofSeconds(30)).until(() -> !applied.isEmpty() && applied.get(applied.size() - 1) == 40);
        long before = 0;
        for (long n : applied) {
            assertThat(n - before).as("changes in one window (commits: %s)", applied).isBetween(0L, 10L);
            before = n;
        }
        assertThat(applied.size()).isGreaterThanOrEqualTo(4);
        a.stop();
        running.get(30, TimeUnit.SECONDS);
    }

    @ParameterizedTest(name = "batch apply: {0}")
    @ValueSource(booleans = {false, true})
    void everyChangeTypeReachesTheTarget(boolean batch) throws Exception {
        pg.execute(src, ITEMS, "ALTER TABLE items ALTER big SET STORAGE EXTERNAL",
                "CREATE TABLE log (id bigint PRIMARY KEY, note text)",
                "CREATE TABLE trunc_me (id int PRIMARY KEY, v text)",
                "CREATE TABLE bulk (id bigint PRIMARY KEY, v text)");
        pg.execute(dst, ITEMS, "CREATE TABLE log (id bigint, note text)", // no key on the target: duplicates would show
                "CREATE TABLE trunc_me (id int PRIMARY KEY, v text)", "CREATE TABLE bulk (id bigint PRIMARY KEY, v text)");
        admin.createPublication(List.of());
        admin.createSlot();
        Map<ApplyStats.ConnectionState, Boolean> states = new ConcurrentHashMap<>();
        List<ApplyStats> commits = new CopyOnWriteArrayList<>();
        ChangeApplier a = applier(mode(ApplySettings.defaults("t1").withCommit(500, Duration.ofMillis(100)), batch), new ApplyListener() {
            @Override
            public void committed(ApplyStats stats) {
                commits.add(stats);
            }

            @Override
            public void connectionState(ApplyStats.ConnectionState state, String detail) {
                states.put(state, true);
            }
        });
        a.start();
        Future<?> running = runInBackground(a);

        String bigText = "(SELECT string_agg(md5(g::text), '') FROM generate_series(1, 200) g)"; // 6400 chars, toasted
        pg.execute(src,
                "INSERT INTO items SELECT g, 'item ' || g, CASE WHEN g = 1 THEN " + bigText + " END, g * 1.25, "
                        + "CASE WHEN g = 5 THEN 'NaN'::numeric ELSE g END, CASE WHEN g = 6 THEN 'Infinity'::float8 ELSE g / 3.0 END, "
                        + "timestamptz '2024-01-01 00:00:00+02' + g * interval '1 minute', g % 2 = 0, decode('00ff5c0a', 'hex'), "
                        + "make_interval(months => g, days => 2, secs => 3.5), ARRAY['a', 'b ' || g], gen_random_uuid() "
                        + "FROM generate_series(1, 50) g",
                "INSERT INTO log SELECT g, 'note ' || g FROM generate_series(1, 20) g",
                "INSERT INTO trunc_me SELECT g, 'v' FROM generate_series(1, 10) g");
        pg.execute(src,
                "UPDATE items SET name = 'toast kept' WHERE id = 1",                       // big is an unchanged TOAST value
                "UPDATE items SET name = NULL, amount = NULL, data = NULL, ts = NULL WHERE id = 7",
                "UPDATE items SET id = 1000 WHERE id = 2",                                 // key change
                "BEGIN; UPDATE items SET id = 3000 WHERE id = 3; UPDATE items SET id = 3, name = 'moved in' WHERE id = 4; COMMIT",
                "DELETE FROM items WHERE id IN (8, 9)",
                "UPDATE log SET note = 'changed' WHERE id = 5", "DELETE FROM log WHERE id = 6",
                "TRUNCATE trunc_me",
                "INSERT INTO trunc_me VALUES (99, 'after truncate')");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertValidated(validate(source, "public", target, "public", "items", "log", "trunc_me")));
        assertThat(string(target, "SELECT md5(big) FROM items WHERE id = 1"))
                .isEqualTo(string(source, "SELECT md5(big) FROM items WHERE id = 1")).isNotNull();
        assertThat(string(target, "SELECT name FROM items WHERE id = 1")).isEqualTo("toast kept");
        assertThat(count(target, "SELECT count(*) FROM log")).isEqualTo(19);
        assertThat(count(target, "SELECT count(*) FROM items WHERE n = 'NaN'")).isEqualTo(1);

        // a 20k-row source transaction
        long t0 = System.nanoTime();
        long appliedBefore = a.stats().appliedEvents();
        pg.execute(src, "INSERT INTO bulk SELECT g, 'row ' || g FROM generate_series(1, 20000) g");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                .until(() -> count(target, "SELECT count(*) FROM bulk") == 20000);
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf("APPLY postgres->postgres 20k-row transaction (batch apply %s): %d events in %.2f s = %.0f events/s%n",
                batch, a.stats().appliedEvents() - appliedBefore, secs, 20000 / secs);
        assertValidated(validate(source, "public", target, "public", "bulk"));

        ApplyStats stats = a.stats();
        assertThat(stats.tables().get("public.items").updates()).isGreaterThanOrEqualTo(5);
        assertThat(stats.tables().get("public.trunc_me").truncates()).isEqualTo(1);
        assertThat(stats.tables().get("public.bulk").inserts()).isEqualTo(20000);
        assertThat(stats.lastPosition()).isEqualTo(string(target, "SELECT source_position FROM ferry_apply_state WHERE task = 't1'"));
        assertThat(commits).isNotEmpty();
        assertThat(states).containsKey(ApplyStats.ConnectionState.STREAMING);
        a.stop();
        running.get(30, TimeUnit.SECONDS);
    }

    @Test
    void batchApplyWritesOnlyTheNetChangePerKey() throws Exception {
        pg.execute(src, "CREATE TABLE n (id int PRIMARY KEY, v text, big text)", "ALTER TABLE n ALTER big SET STORAGE EXTERNAL",
                "CREATE TABLE w (id int PRIMARY KEY, v text)");
        // w has a target-only column: DELETE + INSERT of a key must reset it to its default, not keep the old value
        pg.execute(dst, "CREATE TABLE n (id int PRIMARY KEY, v text, big text)",
                "CREATE TABLE w (id int PRIMARY KEY, v text, extra text DEFAULT 'default')",
                "CREATE TABLE ops (tbl text, op text, id int)",
                "CREATE FUNCTION log_op() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                        + "INSERT INTO ops VALUES (TG_TABLE_NAME, TG_OP, CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END); "
                        + "RETURN NULL; END $$",
                "CREATE TRIGGER n_ops AFTER INSERT OR UPDATE OR DELETE ON n FOR EACH ROW EXECUTE FUNCTION log_op()",
                "CREATE TRIGGER w_ops AFTER INSERT OR UPDATE OR DELETE ON w FOR EACH ROW EXECUTE FUNCTION log_op()");
        String bigText = "(SELECT string_agg(md5(g::text), '') FROM generate_series(1, 200) g)";
        pg.execute(src, "INSERT INTO n SELECT g, 'v' || g, CASE WHEN g = 1 THEN " + bigText + " END FROM generate_series(1, 10) g",
                "INSERT INTO w VALUES (1, 'one')");
        pg.execute(dst, "INSERT INTO n SELECT g, 'v' || g FROM generate_series(2, 10) g",
                "INSERT INTO n SELECT 1, 'v1', " + bigText, "INSERT INTO w VALUES (1, 'one', 'kept before')",
                "INSERT INTO n VALUES (200, 'stale')", // the target holds a key the stream inserts: the plain COPY must fall back
                "TRUNCATE ops");
        admin.createPublication(List.of());
        admin.createSlot();
        // one source transaction = one window, whatever the timing
        pg.execute(src, "BEGIN",
                "INSERT INTO n VALUES (100, 'a'); UPDATE n SET v = 'b' WHERE id = 100; UPDATE n SET v = 'c' WHERE id = 100", // -> 1 insert
                "INSERT INTO n VALUES (101, 'gone'); DELETE FROM n WHERE id = 101",   // -> no insert
                "UPDATE n SET v = 'x' WHERE id = 2; DELETE FROM n WHERE id = 2",      // -> 1 delete
                "UPDATE n SET v = 'toast kept' WHERE id = 1",                         // big unchanged TOAST: partial update
                "UPDATE n SET id = 3000 WHERE id = 3; UPDATE n SET id = 3, v = 'moved in' WHERE id = 4", // key reuse
                "DELETE FROM n WHERE id = 5; INSERT INTO n VALUES (5, 'reborn')",     // -> upsert (the stream covers n)
                "DELETE FROM w WHERE id = 1; INSERT INTO w VALUES (1, 'again')",      // -> delete + insert (extra resets)
                "INSERT INTO n VALUES (200, 'fresh')",                                // -> plain COPY refused, upsert
                "COMMIT");
        ChangeApplier a = applier(ApplySettings.defaults("net").withBatchApply(testBatch()), ApplyListener.NO_OP);
        a.start();
        Future<?> running = runInBackground(a);
        awaitValid(running, "n");
        assertThat(string(target, "SELECT md5(big) FROM n WHERE id = 1")).isEqualTo(string(source, "SELECT md5(big) FROM n WHERE id = 1"))
                .isNotNull();
        assertThat(string(target, "SELECT v || '/' || extra FROM w WHERE id = 1")).isEqualTo("again/default");
        assertThat(count(target, "SELECT count(*) FROM ops WHERE tbl = 'n' AND id = 100")).isEqualTo(1);
        assertThat(count(target, "SELECT count(*) FROM ops WHERE tbl = 'n' AND id = 101")).isZero();
        assertThat(string(target, "SELECT string_agg(op, ',' ORDER BY op) FROM ops WHERE tbl = 'n' AND id = 2")).isEqualTo("DELETE");
        assertThat(string(target, "SELECT string_agg(op, ',' ORDER BY op) FROM ops WHERE tbl = 'n' AND id = 1")).isEqualTo("UPDATE");
        assertThat(string(target, "SELECT string_agg(op, ',' ORDER BY op) FROM ops WHERE tbl = 'w'")).isEqualTo("DELETE,INSERT");
        assertThat(string(target, "SELECT string_agg(op, ',' ORDER BY op) FROM ops WHERE tbl = 'n' AND id = 200")).isEqualTo("UPDATE");
        // 13 source row changes on n reached the target as 8 row writes
        assertThat(count(target, "SELECT count(*) FROM ops WHERE tbl = 'n'")).isEqualTo(8);
        ApplyStats.TableCounts c = a.stats().tables().get("public.n");
        assertThat(c.inserts() + c.updates() + c.deletes()).isEqualTo(13);
        a.stop();
        running.get(30, TimeUnit.SECONDS);
    }

    @ParameterizedTest(name = "batch apply: {0}")
    @ValueSource(booleans = {false, true})
    void exactlyOnceAcrossKilledChildProcesses(boolean batch) throws Exception {
        String ddl = "CREATE TABLE accounts (id bigint PRIMARY KEY, balance numeric(14,2) NOT NULL, note text)";
        pg.execute(src, ddl, "CREATE TABLE audit (id bigint PRIMARY KEY, account bigint, delta numeric(14,2))");
        pg.execute(dst, ddl, "CREATE TABLE audit (id bigint, account bigint, delta numeric(14,2))"); // no key on the target
        admin.createPublication(List.of());
        admin.createSlot();

        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicLong written = new AtomicLong();
        Future<?> writer = pool.submit(() -> {
            long i = 0;
            while (writing.get()) {
                i++;
                long acc = i % 300;
                pg.execute(src, "BEGIN",
                        "INSERT INTO accounts VALUES (" + acc + ", 0, 'a" + acc + "') ON CONFLICT (id) DO UPDATE SET balance = accounts.balance + 1",
                        "INSERT INTO audit VALUES (" + i + ", " + acc + ", 1)",
                        i % 7 == 0 ? "DELETE FROM accounts WHERE id = " + ((i * 13) % 300) : "SELECT 1",
                        "COMMIT");
                written.set(i);
            }
            return null;
        });

        for (int round = 1; round <= 2; round++) {
            long before = appliedEvents("crash");
            Path log = Files.createTempFile(dir, "child", ".log");
            Process child = startChild(log, batch);
            try {
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50))
                        .until(() -> appliedEvents("crash") > before + 400);
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                System.out.println("child log:\n" + Files.readString(log));
                throw e;
            }
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            System.out.printf("crash round %d: killed the child applier at %d applied events (%d source transactions written)%n",
                    round, appliedEvents("crash"), written.get());
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> !admin.slotActive());
        ChangeApplier a = applier(mode(ApplySettings.defaults("crash").withCommit(100, Duration.ofMillis(50)), batch), ApplyListener.NO_OP);
        a.start();
        Future<?> running = runInBackground(a);
        await().atMost(Duration.ofSeconds(30)).until(() -> written.get() > 0);
        writing.set(false);
        writer.get(30, TimeUnit.SECONDS);
        long total = written.get();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300))
                .until(() -> count(target, "SELECT count(*) FROM audit") >= total);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertValidated(validate(source, "public", target, "public", "accounts", "audit")));
        assertThat(count(target, "SELECT count(*) FROM audit")).isEqualTo(total);
        assertThat(count(target, "SELECT count(*) - count(DISTINCT id) FROM audit")).isZero();
        a.stop();
        running.get(30, TimeUnit.SECONDS);
    }

    private void awaitValid(Future<?> running, String... tables) {
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).failFast("applier ended", running::isDone)
                    .untilAsserted(() -> assertValidated(validate(source, "public", target, "public", tables)));
        } catch (org.awaitility.core.ConditionTimeoutException | org.awaitility.core.TerminalFailureException e) {
            throw new AssertionError("applier: " + outcome(running), e);
        }
    }

    /** The applier's failure, if it ended. */
    static String outcome(Future<?> running) {
        try {
            running.get(1, TimeUnit.SECONDS);
            return "ended normally";
        } catch (Exception e) {
            return String.valueOf(e);
        }
    }

    private long appliedEvents(String task) {
        try {
            return count(target, "SELECT coalesce(max(events), 0) FROM ferry_apply_state WHERE task = '" + task + "'");
        } catch (java.sql.SQLException e) {
            return 0; // not created yet
        }
    }

    private Process startChild(Path log, boolean batch) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), ApplierMain.class.getName(),
                pg.jdbcUrl(src), pg.jdbcUrl(dst), pg.user(), src, "crash", String.valueOf(batch));
        pb.environment().put("FERRY_TEST_PW", pg.password());
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        Process p = pb.start();
        closeables.add(() -> {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        });
        return p;
    }

    @ParameterizedTest(name = "batch apply: {0}")
    @ValueSource(booleans = {false, true})
    void droppedSourceAndTargetConnectionsRecover(boolean batch) throws Exception {
        pg.execute(src, "CREATE TABLE t (id bigint PRIMARY KEY, v text)");
        pg.execute(dst, "CREATE TABLE t (id bigint PRIMARY KEY, v text)");
        admin.createPublication(List.of());
        admin.createSlot();
        Map<ApplyStats.ConnectionState, Boolean> states = new ConcurrentHashMap<>();
        ChangeApplier a = applier(mode(ApplySettings.defaults("drop").withCommit(50, Duration.ofMillis(50)), batch), new ApplyListener() {
            @Override
            public void connectionState(ApplyStats.ConnectionState state, String detail) {
                states.put(state, true);
            }
        });
        a.start();
        Future<?> running = runInBackground(a);
        pg.execute(src, "INSERT INTO t SELECT g, 'a' FROM generate_series(1, 100) g");
        await().atMost(Duration.ofSeconds(30)).until(() -> count(target, "SELECT count(*) FROM t") == 100);

        pg.execute(src, "SELECT pg_terminate_backend(active_pid) FROM pg_replication_slots WHERE slot_name = '" + config.slotName() + "'");
        pg.execute(src, "INSERT INTO t SELECT g, 'b' FROM generate_series(101, 200) g", "UPDATE t SET v = 'c' WHERE id <= 50");
        awaitValid(running, "t");
        assertThat(states).containsKey(ApplyStats.ConnectionState.SOURCE_RECONNECTING);

        pg.execute(dst, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
        pg.execute(src, "INSERT INTO t SELECT g, 'd' FROM generate_series(201, 300) g", "DELETE FROM t WHERE id > 280");
        awaitValid(running, "t");
        assertThat(states).containsKey(ApplyStats.ConnectionState.TARGET_RECONNECTING);
        assertThat(a.stats().lastError()).isNotNull();
        a.stop();
        running.get(30, TimeUnit.SECONDS);
    }

    @ParameterizedTest(name = "batch apply: {0}")
    @ValueSource(booleans = {false, true})
    void skipPolicyRecordsRefusedRowsAndGoesOn(boolean batch) throws Exception {
        pg.execute(src, "CREATE TABLE t (id bigint PRIMARY KEY, v text)");
        pg.execute(dst, "CREATE TABLE t (id bigint PRIMARY KEY, v varchar(3))"); // longer values are refused
        admin.createPublication(List.of());
        admin.createSlot();
        ChangeApplier a = applier(mode(ApplySettings.defaults("skip").withErrorPolicy(ErrorPolicy.SKIP_ROW), batch), ApplyListener.NO_OP);
        a.start();
        Future<?> running = runInBackground(a);
        pg.execute(src, "INSERT INTO t SELECT g, CASE WHEN g = 7 THEN 'too long' ELSE 'ok' END FROM generate_series(1, 20) g");
        await().atMost(Duration.ofSeconds(30)).until(() -> count(target, "SELECT count(*) FROM t") == 19);
        assertThat(string(target, "SELECT key_text || ' | ' || reason FROM ferry_exceptions WHERE task = 'skip'"))
                .startsWith("id=7 | ").contains("too long");
        assertThat(a.stats().rejectedRows()).isEqualTo(1);
        a.stop();
        running.get(30, TimeUnit.SECONDS);
        a.close();

        // the same under STOP: the applier stops and nothing of that transaction is committed
        pg.execute(src, "INSERT INTO t VALUES (100, 'ok'), (101, 'too long')");
        ChangeApplier b = applier(mode(ApplySettings.defaults("skip"), batch), ApplyListener.NO_OP);
        b.start();
        Future<?> failing = runInBackground(b);
        await().atMost(Duration.ofSeconds(30)).until(failing::isDone);
        assertThat(failing).failsWithin(Duration.ZERO).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withMessageContaining("id=101");
        assertThat(count(target, "SELECT count(*) FROM t WHERE id >= 100")).isZero();
    }
}
