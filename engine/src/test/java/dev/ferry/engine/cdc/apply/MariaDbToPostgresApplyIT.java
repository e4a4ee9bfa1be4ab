package dev.ferry.engine.cdc.apply;

import dev.ferry.engine.cdc.mysql.MySqlCdcConfig;
import dev.ferry.engine.cdc.mysql.MySqlStreamingSource;
import dev.ferry.engine.load.LoadEndpoint;
import dev.ferry.model.schema.Engine;
import dev.ferry.model.schema.QualifiedName;
import dev.ferry.testsupport.TestDatabases;
import dev.ferry.testsupport.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.ferry.engine.cdc.apply.ApplyTestSupport.assertValidated;
import static dev.ferry.engine.cdc.apply.ApplyTestSupport.count;
import static dev.ferry.engine.cdc.apply.ApplyTestSupport.validate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** MariaDB (binlog) → PostgreSQL change apply against the embedded servers. */
class MariaDbToPostgresApplyIT {

    private TestServer maria;
    private TestServer pg;
    private String src;
    private String dst;
    private LoadEndpoint source;
    private LoadEndpoint target;
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final ExecutorService pool = Executors.newCachedThreadPool();

    static final String MARIA_ITEMS = "CREATE TABLE items (id int PRIMARY KEY, name varchar(100), amount decimal(12,2), "
            + "dt datetime(6), flag tinyint(1), data blob, f double) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4";
    static final String PG_ITEMS = "CREATE TABLE items (id int PRIMARY KEY, name varchar(100), amount numeric(12,2), "
            + "dt timestamp(6), flag boolean, data bytea, f float8)";

    @BeforeEach
    void databases() {
        maria = TestDatabases.mysql();
        pg = TestDatabases.postgres();
        src = maria.createDatabase("apm_src");
        dst = pg.createDatabase("apm_dst");
        source = new LoadEndpoint(Engine.MYSQL, () -> maria.connect(src));
        target = new LoadEndpoint(Engine.POSTGRESQL, () -> pg.connect(dst));
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
        pool.shutdownNow();
    }

    private MySqlStreamingSource stream(String... tables) {
        List<QualifiedName> names = new ArrayList<>();
        for (String t : tables) {
            names.add(new QualifiedName(src, t));
        }
        return new MySqlStreamingSource(MySqlCdcConfig.forTables(maria.jdbcUrl(src), maria.user(), maria.password().toCharArray(), names));
    }

    @ParameterizedTest(name = "batch apply: {0}")
    @ValueSource(booleans = {false, true})
    void everyChangeTypeAndAKilledBinlogConnection(boolean batch) throws Exception {
        maria.execute(src, MARIA_ITEMS, "CREATE TABLE trunc_me (id int PRIMARY KEY, v varchar(10)) ENGINE=InnoDB",
                "CREATE TABLE log (id int PRIMARY KEY, note varchar(50)) ENGINE=InnoDB");
        pg.execute(dst, PG_ITEMS, "CREATE TABLE trunc_me (id int PRIMARY KEY, v varchar(10))",
                "CREATE TABLE log (id int, note varchar(50))"); // no key on the target
        MySqlStreamingSource stream = stream("items", "trunc_me", "log");
        Map<ApplyStats.ConnectionState, Boolean> states = new ConcurrentHashMap<>();
        ChangeApplier a = new ChangeApplier(ChangeSource.of(stream), target,
                PostgresApplyIT.mode(ApplySettings.defaults("m1").intoSchema("public").withCommit(200, Duration.ofMillis(100)), batch), new ApplyListener() {
                    @Override
                    public void connectionState(ApplyStats.ConnectionState state, String detail) {
                        states.put(state, true);
                    }
                });
        closeables.add(a);
        a.start();
        Future<?> running = pool.submit(() -> {
            a.run();
            return null;
        });
        StringBuilder values = new StringBuilder();
        for (int i = 1; i <= 40; i++) {
            values.append(i > 1 ? "," : "").append("(").append(i).append(", 'item ").append(i).append(" 🚲', ").append(i).append(".25, ")
                    .append("'2024-01-02 03:04:05.123456', ").append(i % 2).append(", X'00ff5c0a', ").append(i).append(" / 3)");
        }
        maria.execute(src, "INSERT INTO items VALUES " + values,
                "INSERT INTO trunc_me VALUES (1, 'a'), (2, 'b')",
                "INSERT INTO log VALUES (1, 'x'), (2, 'y'), (3, 'z')");
        maria.execute(src, "UPDATE items SET name = NULL, amount = NULL, data = NULL, dt = NULL WHERE id = 7",
                "UPDATE items SET id = 1000 WHERE id = 2",
                "START TRANSACTION", "UPDATE items SET id = 3000 WHERE id = 3", "UPDATE items SET id = 3, name = 'moved in' WHERE id = 4", "COMMIT",
                "DELETE FROM items WHERE id IN (8, 9)",
                "UPDATE log SET note = 'changed' WHERE id = 2", "DELETE FROM log WHERE id = 3",
                "TRUNCATE TABLE trunc_me", "INSERT INTO trunc_me VALUES (9, 'after')");
        awaitValid(running, "items", "trunc_me", "log");
        assertThat(count(target, "SELECT count(*) FROM log")).isEqualTo(2);

        maria.execute(src, "KILL " + stream.connectionId());
        maria.execute(src, "INSERT INTO items (id, name) VALUES (5000, 'after kill')", "UPDATE items SET f = 1.5 WHERE id = 1");
        awaitValid(running, "items");
        assertThat(states).containsKey(ApplyStats.ConnectionState.SOURCE_RECONNECTING);

        long t0 = System.nanoTime();
        long before = a.stats().appliedEvents();
        maria.execute(src, "INSERT INTO log SELECT seq, concat('n', seq) FROM seq_100_to_20099");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                .until(() -> count(target, "SELECT count(*) FROM log") == 20002);
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf("APPLY mariadb->postgres 20k-row transaction (batch apply %s): %d events in %.2f s = %.0f events/s%n",
                batch, a.stats().appliedEvents() - before, secs, 20000 / secs);
        awaitValid(running, "log");
        a.stop();
        running.get(30, TimeUnit.SECONDS);
    }

    private void awaitValid(Future<?> running, String... tables) {
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).failFast("applier ended", running::isDone)
                    .untilAsserted(() -> assertValidated(validate(source, src, target, "public", tables)));
        } catch (org.awaitility.core.ConditionTimeoutException | org.awaitility.core.TerminalFailureException e) {
            throw new AssertionError("applier: " + PostgresApplyIT.outcome(running), e);
        }
    }
}
