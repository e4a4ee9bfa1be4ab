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
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A PostgreSQL table without any key is split into ctid (heap block) ranges read in parallel; an interrupted load of
 * such a table is restarted whole on the next run (its ranges cannot be redone one by one on the target), so the
 * result has every row exactly once. Content is compared with an order-independent aggregate on both sides, because
 * the Validator can only count rows of a keyless table.
 */
class CtidSplitLoadIT {

    @TempDir
    Path dir;

    @Test
    void keylessTableIsSplitByCtidAndAnInterruptedLoadIsRestartedWhole() throws Exception {
        TestServer pg = TestDatabases.postgres();
        String src = pg.createDatabase("ctid_src");
        String dst = pg.createDatabase("ctid_dst");
        String ddl = "CREATE TABLE events (kind text, n integer, payload text)";
        pg.execute(src, ddl, "INSERT INTO events SELECT 'k' || (i % 7), i % 100, repeat('x', 50) || i FROM generate_series(1, 20000) i",
                "INSERT INTO events SELECT 'dup', 1, 'same' FROM generate_series(1, 50)", // identical rows: no key possible
                "ANALYZE events");
        pg.execute(dst, ddl);
        Table table = TestTables.table("public", "events", "kind text null", "n integer null", "payload text null");
        LoadEndpoint source = new LoadEndpoint(Engine.POSTGRESQL, () -> pg.connect(src));
        LoadEndpoint target = new LoadEndpoint(Engine.POSTGRESQL, () -> pg.connect(dst));
        LoadSettings settings = LoadSettings.defaults("ctid").withMaxSubTasks(4).withSplit(1000, 4).withBatch(500, 2);
        LoadPlan plan = new LoadPlanner(source, settings).plan(List.of(new LoadPlanner.TablePair(table, table)));
        TableJob job = plan.jobs().get(0);
        assertThat(job.ctidSplit()).isTrue();
        assertThat(job.ranges()).hasSize(4);
        assertThat(Sql.rangePredicate(Engine.POSTGRESQL, TableJob.CTID, job.ranges().get(1)))
                .isEqualTo(" WHERE ctid >= '(" + job.ranges().get(1).lo() + ",0)'::tid AND ctid < '(" + job.ranges().get(1).hi() + ",0)'::tid");

        // first run: stop after the first committed range
        AtomicInteger committed = new AtomicInteger();
        LoadListener stopAfterOne = new LoadListener() {
            @Override
            public void rangeCommitted(String t, KeyRange range, long rows) {
                if (committed.incrementAndGet() == 1) {
                    throw new IllegalStateException("simulated crash after one range");
                }
            }
        };
        Path state = dir.resolve("ctid.load.db");
        try (LoadStateStore store = LoadStateStore.open(state);
             PostgresPlainSnapshot snapshot = PostgresPlainSnapshot.export(source.connections())) {
            assertThatThrownBy(() -> new FullLoad(source, target, settings.withMaxSubTasks(1), store, stopAfterOne).run(plan, snapshot))
                    .isInstanceOf(LoadException.class);
        }
        long partial = count(pg, dst, "SELECT COUNT(*) FROM events");
        assertThat(partial).isPositive().isLessThan(20050);

        // second run: the table is emptied and loaded again, all four ranges in parallel
        LoadResult result;
        try (LoadStateStore store = LoadStateStore.open(state);
             PostgresPlainSnapshot snapshot = PostgresPlainSnapshot.export(source.connections())) {
            result = new FullLoad(source, target, settings, store, LoadListener.NO_OP).run(plan, snapshot);
        }
        assertThat(result.table("public.events").orElseThrow().rows()).isEqualTo(20050);
        assertThat(count(pg, dst, "SELECT COUNT(*) FROM events")).isEqualTo(20050);
        String digest = "SELECT md5(string_agg(kind || '|' || n || '|' || payload, ',' ORDER BY kind, n, payload)) FROM events";
        assertThat(text(pg, dst, digest)).isEqualTo(text(pg, src, digest));
        assertThat(count(pg, dst, "SELECT COUNT(*) FROM events WHERE kind = 'dup'")).isEqualTo(50);

        TableValidation v = Validator.compare(source, target, plan.jobs()).get(0);
        assertThat(v.status()).isEqualTo(TableValidation.Status.NOT_COMPARABLE);
        assertThat(v.sourceRows()).isEqualTo(v.targetRows()).isEqualTo(20050);

        // a third run finds every range committed and loads nothing
        try (LoadStateStore store = LoadStateStore.open(state);
             PostgresPlainSnapshot snapshot = PostgresPlainSnapshot.export(source.connections())) {
            LoadResult again = new FullLoad(source, target, settings, store, LoadListener.NO_OP).run(plan, snapshot);
            assertThat(again.table("public.events").orElseThrow().rangesSkipped()).isEqualTo(4);
        }
        assertThat(count(pg, dst, "SELECT COUNT(*) FROM events")).isEqualTo(20050);
    }

    private static long count(TestServer pg, String db, String sql) throws Exception {
        return Long.parseLong(text(pg, db, sql));
    }

    private static String text(TestServer pg, String db, String sql) throws Exception {
        try (Connection c = pg.connect(db); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
