package dev.ferry.engine.load;

import dev.ferry.engine.cdc.postgres.PostgresCdcConfig;
import dev.ferry.engine.cdc.postgres.PostgresPosition;
import dev.ferry.engine.cdc.postgres.PostgresReplicationConnection;
import dev.ferry.engine.load.postgres.PostgresSourceSnapshot;
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
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** PostgreSQL → PostgreSQL through an exported snapshot: changes made while the load runs are not loaded. */
class PostgresSnapshotLoadIT {

    @TempDir
    Path dir;

    @Test
    void readersShareTheExportedSnapshotAndChangesDuringTheLoadStayOut() throws Exception {
        TestServer pg = TestDatabases.postgres();
        String src = pg.createDatabase("fl_snap_src");
        String dst = pg.createDatabase("fl_snap_dst");
        Table source = TestTables.table("public", "items", "id bigint pk", "name text null", "amount numeric(12,2) null",
                "created timestamptz null", "flag boolean null", "payload bytea null", "f float8 null");
        pg.execute(src, TestTables.ddl(Engine.POSTGRESQL, source),
                "INSERT INTO items SELECT g, CASE WHEN g % 7 = 0 THEN NULL WHEN g % 5 = 0 THEN '' ELSE 'item ' || g || E' \\\\ \\t 🚲' END, "
                        + "g * 1.25, timestamptz '2024-01-01 00:00:00+02' + g * interval '1 minute 1.5 second', g % 2 = 0, "
                        + "CASE WHEN g % 3 = 0 THEN decode(lpad(to_hex(g), 8, '0') || '005c0a', 'hex') END, "
                        + "CASE WHEN g = 10 THEN 'NaN'::float8 WHEN g = 11 THEN '-Infinity'::float8 ELSE g / 3.0 END "
                        + "FROM generate_series(1, 5000) g");
        pg.execute(dst, TestTables.ddl(Engine.POSTGRESQL, source));

        String slot = src.replaceAll("[^a-z0-9_]", "_");
        PostgresCdcConfig config = PostgresCdcConfig.forTask(pg.jdbcUrl(src), pg.user(), pg.password().toCharArray(), slot);
        PostgresReplicationConnection replication = new PostgresReplicationConnection(config);
        LoadEndpoint from = new LoadEndpoint(Engine.POSTGRESQL, () -> pg.connect(src));
        LoadEndpoint to = new LoadEndpoint(Engine.POSTGRESQL, () -> pg.connect(dst));
        LoadSettings settings = LoadSettings.defaults("snap").withMaxSubTasks(4).withSplit(1000, 4).withBatch(200, 2);
        LoadPlan plan = new LoadPlanner(from, settings).plan(List.of(new LoadPlanner.TablePair(source, source)));
        assertThat(plan.jobs().get(0).ranges()).hasSize(4);

        AtomicBoolean changed = new AtomicBoolean();
        AtomicReference<Exception> changeFailure = new AtomicReference<>();
        LoadListener listener = new LoadListener() {
            @Override
            public void tableProgress(TableProgress p) {
                if (p.state() == TableProgress.TableState.RUNNING && changed.compareAndSet(false, true)) {
                    try {
                        pg.execute(src, "INSERT INTO items(id, name) SELECT g, 'late' FROM generate_series(100001, 100010) g",
                                "UPDATE items SET name = 'changed late' WHERE id = 1",
                                "DELETE FROM items WHERE id IN (2, 4999)");
                    } catch (RuntimeException e) {
                        changeFailure.set(e);
                    }
                }
            }
        };
        try (PostgresSourceSnapshot snapshot = PostgresSourceSnapshot.export(replication);
             LoadStateStore store = LoadStateStore.open(dir.resolve("state.db"))) {
            LoadResult result = new FullLoad(from, to, settings, store, listener).run(plan, snapshot);
            System.out.printf("FULL LOAD postgres->postgres (exported snapshot): %d rows in %d ms = %.0f rows/s%n",
                    result.totalRows(), result.elapsed().toMillis(), result.rowsPerSecond(result.totalRows()));
            assertThat(changed).isTrue();
            assertThat(changeFailure.get()).isNull();
            assertThat(result.totalRows()).isEqualTo(5000);
            assertThat(result.position()).containsEntry("slot", config.slotName())
                    .containsEntry("lsn", PostgresPosition.formatLsn(snapshot.exported().consistentPoint()));
            assertThat(store.firstPosition("snap")).containsEntry("lsn", result.position().get("lsn"));

            try (Connection c = pg.connect(dst); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*), count(*) FILTER (WHERE id > 5000), "
                         + "max(name) FILTER (WHERE id = 1), count(*) FILTER (WHERE id IN (2, 4999)) FROM items")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(5000);
                assertThat(rs.getLong(2)).isZero();
                assertThat(rs.getString(3)).isEqualTo("item 1 \\ \t 🚲");
                assertThat(rs.getLong(4)).isEqualTo(2);
            }
            // against the snapshot the copy is exact ...
            LoadEndpoint atSnapshot = new LoadEndpoint(Engine.POSTGRESQL, () -> snapshot.openReader(from.connections()));
            TableValidation exact = Validator.compare(atSnapshot, to, plan.jobs()).get(0);
            assertThat(exact.status()).as(exact.toString()).isEqualTo(TableValidation.Status.VALIDATED);
            // ... and against the live source it shows exactly the changes made during the load
            TableValidation live = Validator.compare(from, to, plan.jobs()).get(0);
            assertThat(live.status()).isEqualTo(TableValidation.Status.MISMATCHED);
            assertThat(live.missing()).isEqualTo(10);
            assertThat(live.extraKeys()).containsExactly("id=2", "id=4999");
            assertThat(live.differentKeys()).containsExactly("id=1");
        } finally {
            replication.dropSlot();
        }
    }
}
