package dev.ferry.engine.cdc.apply;

import dev.ferry.engine.cdc.postgres.PostgresCdcConfig;
import dev.ferry.engine.cdc.postgres.PostgresReplicationConnection;
import dev.ferry.engine.cdc.postgres.PostgresStreamingSource;
import dev.ferry.engine.load.LoadEndpoint;
import dev.ferry.model.schema.Engine;
import dev.ferry.testsupport.TestDatabases;
import dev.ferry.testsupport.TestServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.ferry.engine.cdc.apply.ApplyTestSupport.assertValidated;
import static dev.ferry.engine.cdc.apply.ApplyTestSupport.count;
import static dev.ferry.engine.cdc.apply.ApplyTestSupport.validate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** PostgreSQL → MariaDB change apply: ON DUPLICATE KEY UPDATE upserts, key changes, TRUNCATE as DELETE, exactly once. */
class PostgresToMariaDbApplyIT {

    @ParameterizedTest(name = "batch apply: {0}")
    @ValueSource(booleans = {false, true})
    void everyChangeTypeReachesAMariaDbTarget(boolean batch) throws Exception {
        TestServer pg = TestDatabases.postgres();
        TestServer maria = TestDatabases.mysql();
        String src = pg.createDatabase("apx_src");
        String dst = maria.createDatabase("apx_dst");
        pg.execute(src, "CREATE TABLE items (id int PRIMARY KEY, name varchar(100), amount numeric(12,2), dt timestamp(6), "
                        + "flag boolean, data bytea, f float8)",
                "CREATE TABLE trunc_me (id int PRIMARY KEY, v varchar(10))");
        maria.execute(dst, "CREATE TABLE items (id int PRIMARY KEY, name varchar(100), amount decimal(12,2), dt datetime(6), "
                        + "flag tinyint(1), data blob, f double) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4",
                "CREATE TABLE trunc_me (id int PRIMARY KEY, v varchar(10)) ENGINE=InnoDB");
        LoadEndpoint source = new LoadEndpoint(Engine.POSTGRESQL, () -> pg.connect(src));
        LoadEndpoint target = new LoadEndpoint(Engine.MYSQL, () -> maria.connect(dst));
        PostgresCdcConfig config = PostgresCdcConfig.forTask(pg.jdbcUrl(src), pg.user(), pg.password().toCharArray(), src)
                .withStatusInterval(Duration.ofMillis(200));
        PostgresReplicationConnection admin = new PostgresReplicationConnection(config);
        admin.createPublication(List.of());
        admin.createSlot();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        ChangeApplier a = new ChangeApplier(ChangeSource.of(new PostgresStreamingSource(config)), target,
                PostgresApplyIT.mode(ApplySettings.defaults("x1").intoSchema(dst).withCommit(200, Duration.ofMillis(50)), batch), ApplyListener.NO_OP);
        try {
            a.start();
            Future<?> running = pool.submit(() -> {
                a.run();
                return null;
            });
            pg.execute(src, "INSERT INTO items SELECT g, 'item ' || g || ' 🚲', g * 1.25, timestamp '2024-01-02 03:04:05.123456' + g * interval '1 hour', "
                            + "g % 2 = 0, decode('00ff5c0a', 'hex'), g / 3.0 FROM generate_series(1, 40) g",
                    "INSERT INTO trunc_me VALUES (1, 'a'), (2, 'b')");
            pg.execute(src, "UPDATE items SET name = NULL, amount = NULL, data = NULL, dt = NULL WHERE id = 7",
                    "UPDATE items SET name = 'changed', f = 2.5 WHERE id = 1",
                    "UPDATE items SET id = 1000 WHERE id = 2",
                    "BEGIN; UPDATE items SET id = 3000 WHERE id = 3; UPDATE items SET id = 3, name = 'moved in' WHERE id = 4; COMMIT",
                    "DELETE FROM items WHERE id IN (8, 9)",
                    "TRUNCATE trunc_me", "INSERT INTO trunc_me VALUES (9, 'after')");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).failFast("applier ended", running::isDone)
                    .untilAsserted(() -> assertValidated(validate(source, "public", target, dst, "items", "trunc_me")));
            assertThat(count(target, "SELECT count(*) FROM ferry_apply_state WHERE task = 'x1'")).isEqualTo(1);
            a.stop();
            running.get(30, TimeUnit.SECONDS);
        } finally {
            a.close();
            pool.shutdownNow();
            await().atMost(Duration.ofSeconds(30)).until(() -> !admin.slotActive());
            admin.dropSlot();
            admin.dropPublication();
        }
    }

    /**
     * A MariaDB target whose sessions start in another zone (here +05:00, as a server with a non-UTC default would):
     * the applier binds TIMESTAMP values as UTC text, so its session must be UTC or every instant shifts by 5 hours.
     */
    @ParameterizedTest(name = "batch apply: {0}")
    @ValueSource(booleans = {false, true})
    void timestampValuesAreNotShiftedByTheTargetSessionZone(boolean batch) throws Exception {
        TestServer pg = TestDatabases.postgres();
        TestServer maria = TestDatabases.mysql();
        String src = pg.createDatabase("aptz_src" + (batch ? "b" : "t"));
        String dst = maria.createDatabase("aptz_dst" + (batch ? "b" : "t"));
        pg.execute(src, "CREATE TABLE events (id int PRIMARY KEY, at timestamptz, note varchar(20))");
        maria.execute(dst, "CREATE TABLE events (id int PRIMARY KEY, at timestamp(6) NULL, note varchar(20)) ENGINE=InnoDB");
        LoadEndpoint target = new LoadEndpoint(Engine.MYSQL, () -> {
            java.sql.Connection c = maria.connect(dst);
            try (java.sql.Statement st = c.createStatement()) {
                st.execute("SET time_zone = '+05:00'");
            }
            return c;
        });
        PostgresCdcConfig config = PostgresCdcConfig.forTask(pg.jdbcUrl(src), pg.user(), pg.password().toCharArray(), src)
                .withStatusInterval(Duration.ofMillis(200));
        PostgresReplicationConnection admin = new PostgresReplicationConnection(config);
        admin.createPublication(List.of());
        admin.createSlot();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        String task = "tz" + (batch ? "b" : "t");
        ChangeApplier a = new ChangeApplier(ChangeSource.of(new PostgresStreamingSource(config)), target,
                PostgresApplyIT.mode(ApplySettings.defaults(task).intoSchema(dst).withCommit(200, Duration.ofMillis(50)), batch),
                ApplyListener.NO_OP);
        try {
            a.start();
            Future<?> running = pool.submit(() -> {
                a.run();
                return null;
            });
            // 2024-01-02 03:04:05.25 UTC = epoch 1704164645.25
            pg.execute(src, "INSERT INTO events VALUES (1, timestamptz '2024-01-02 03:04:05.25+00', 'a'), (2, NULL, 'b')",
                    "UPDATE events SET at = timestamptz '2024-01-02 08:04:05.25+05', note = 'c' WHERE id = 2");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).failFast("applier ended", running::isDone)
                    .untilAsserted(() -> assertThat(count(target, "SELECT count(*) FROM events WHERE note IN ('a', 'c')")).isEqualTo(2));
            try (java.sql.Connection c = maria.connect(dst); java.sql.Statement st = c.createStatement();
                 java.sql.ResultSet rs = st.executeQuery("SELECT id, UNIX_TIMESTAMP(at) FROM events ORDER BY id")) {
                for (int id = 1; id <= 2; id++) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getBigDecimal(2)).as("instant of row %d", id).isEqualByComparingTo("1704164645.25");
                }
            }
            a.stop();
            running.get(30, TimeUnit.SECONDS);
        } finally {
            a.close();
            pool.shutdownNow();
            await().atMost(Duration.ofSeconds(30)).until(() -> !admin.slotActive());
            admin.dropSlot();
            admin.dropPublication();
        }
    }
}
