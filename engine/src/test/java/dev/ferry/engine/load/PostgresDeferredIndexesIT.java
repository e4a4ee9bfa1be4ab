package dev.ferry.engine.load;

import dev.ferry.engine.load.postgres.PostgresDeferredIndexes;
import dev.ferry.engine.load.postgres.PostgresPlainSnapshot;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Indexes of an empty PostgreSQL target table are dropped for the load and re-created after its data with the same
 * names and definitions; indexes whose build could fail on the data, indexes a foreign key needs and tables that
 * already hold rows are left alone; a re-create left pending by an interrupted run is done by the next run.
 */
class PostgresDeferredIndexesIT {

    @TempDir
    Path dir;

    @Test
    void deferrableIndexesAreRebuiltAfterTheDataAndTheOthersAreKept() throws Exception {
        TestServer pg = TestDatabases.postgres();
        String src = pg.createDatabase("di_src");
        String dst = pg.createDatabase("di_dst");
        Table t = TestTables.table("public", "t", "id integer pk", "code text null", "n integer null");
        Table a = TestTables.table("public", "a", "id integer pk", "v integer null");
        Table pre = TestTables.table("public", "pre", "id integer pk", "v integer null");
        Table pub = TestTables.table("public", "pub", "id integer pk", "v integer null");
        pg.execute(src, TestTables.ddl(Engine.POSTGRESQL, t), TestTables.ddl(Engine.POSTGRESQL, a), TestTables.ddl(Engine.POSTGRESQL, pre),
                "INSERT INTO t SELECT g, 'c' || g, g % 100 FROM generate_series(1, 20000) g",
                "INSERT INTO a SELECT g, g FROM generate_series(1, 3000) g",
                "INSERT INTO pre SELECT g, g FROM generate_series(1, 3000) g",
                TestTables.ddl(Engine.POSTGRESQL, pub), "INSERT INTO pub SELECT g, g FROM generate_series(1, 500) g");
        pg.execute(dst,
                "CREATE TABLE t (id integer CONSTRAINT t_key PRIMARY KEY, code text, n integer)",
                "CREATE INDEX t_n ON t (n DESC) WITH (fillfactor = 80)",
                "CREATE UNIQUE INDEX t_code ON t (code)",          // unique on a non-key column: kept
                "CREATE INDEX t_expr ON t ((n + 1))",               // expression: kept
                "CREATE TABLE a (id integer PRIMARY KEY, v integer)",
                "CREATE INDEX a_v ON a (v)",
                "CREATE TABLE b (id integer PRIMARY KEY, a_id integer REFERENCES a (id))", // a's key serves a foreign key
                "CREATE TABLE pre (id integer PRIMARY KEY, v integer)",
                "CREATE INDEX pre_v ON pre (v)",
                "INSERT INTO pre VALUES (-1, -1)",                  // not empty: left alone
                "CREATE TABLE pub (id integer PRIMARY KEY, v integer)",
                "CREATE PUBLICATION di_pub FOR TABLE pub");           // published: its key is the replica identity
        Map<String, String[]> before = indexes(pg, dst);
        assertThat(before).containsKeys("t_key", "t_n", "t_code", "t_expr", "a_pkey", "a_v", "pre_pkey", "pre_v", "pub_pkey");

        LoadEndpoint from = new LoadEndpoint(Engine.POSTGRESQL, () -> pg.connect(src));
        LoadEndpoint to = new LoadEndpoint(Engine.POSTGRESQL, () -> pg.connect(dst));
        LoadSettings settings = LoadSettings.defaults("di").withMaxSubTasks(2).withSplit(1000, 4);
        LoadPlan plan = new LoadPlanner(from, settings).plan(List.of(new LoadPlanner.TablePair(t, t),
                new LoadPlanner.TablePair(a, a), new LoadPlanner.TablePair(pre, pre), new LoadPlanner.TablePair(pub, pub)));
        try (LoadStateStore store = LoadStateStore.open(dir.resolve("di.db"));
             PostgresPlainSnapshot snapshot = PostgresPlainSnapshot.export(from.connections())) {
            LoadResult r = new FullLoad(from, to, settings, store, LoadListener.NO_OP).run(plan, snapshot);
            assertThat(r.totalRows()).isEqualTo(26500);
        }

        Map<String, String[]> after = indexes(pg, dst);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        for (String name : before.keySet()) {
            assertThat(after.get(name)[1]).as(name + " definition").isEqualTo(before.get(name)[1]);
        }
        // re-created (new relation) vs kept (same relation)
        for (String rebuilt : List.of("t_key", "t_n", "a_v")) {
            assertThat(after.get(rebuilt)[0]).as(rebuilt + " re-created").isNotEqualTo(before.get(rebuilt)[0]);
        }
        for (String kept : List.of("t_code", "t_expr", "a_pkey", "pre_pkey", "pre_v", "pub_pkey")) {
            assertThat(after.get(kept)[0]).as(kept + " kept").isEqualTo(before.get(kept)[0]);
        }
        assertThat(count(pg, dst, "SELECT count(*) FROM pg_constraint WHERE conname = 't_key' AND contype = 'p'")).isEqualTo(1);
        assertThat(count(pg, dst, "SELECT count(*) FROM ferry_deferred_index")).isZero();
        assertThat(count(pg, dst, "SELECT count(DISTINCT id) FROM t")).isEqualTo(20000);
        assertThat(count(pg, dst, "SELECT count(*) FROM pre")).isEqualTo(3001);
    }

    @Test
    void aReCreateLeftPendingByAnInterruptedRunIsDoneByTheNextRun() throws Exception {
        TestServer pg = TestDatabases.postgres();
        String src = pg.createDatabase("di_resume_src");
        String dst = pg.createDatabase("di_resume_dst");
        Table t = TestTables.table("public", "events", "id integer pk", "n integer null");
        pg.execute(src, TestTables.ddl(Engine.POSTGRESQL, t),
                "INSERT INTO events SELECT g, g % 10 FROM generate_series(1, 5000) g");
        pg.execute(dst, "CREATE TABLE events (id integer PRIMARY KEY, n integer)", "CREATE INDEX events_n ON events (n)");
        Map<String, String[]> before = indexes(pg, dst);
        LoadEndpoint from = new LoadEndpoint(Engine.POSTGRESQL, () -> pg.connect(src));
        LoadEndpoint to = new LoadEndpoint(Engine.POSTGRESQL, () -> pg.connect(dst));
        LoadSettings settings = LoadSettings.defaults("dires").withMaxSubTasks(1).withSplit(1000, 2);
        LoadPlan plan = new LoadPlanner(from, settings).plan(List.of(new LoadPlanner.TablePair(t, t)));

        // what a run killed right after dropping the indexes leaves behind: the drops and their records, committed
        try (Connection c = pg.connect(dst); Statement st = c.createStatement()) {
            st.execute(PostgresDeferredIndexes.ddl("ferry_deferred_index"));
            List<PostgresDeferredIndexes.Deferred> d = PostgresDeferredIndexes.defer(c, "ferry_deferred_index", "dires",
                    plan.jobs().get(0));
            assertThat(d).extracting(PostgresDeferredIndexes.Deferred::indexName)
                    .containsExactly("public.events_pkey", "public.events_n");
        }
        assertThat(indexes(pg, dst)).isEmpty();
        assertThat(count(pg, dst, "SELECT count(*) FROM ferry_deferred_index WHERE task = 'dires'")).isEqualTo(2);

        try (LoadStateStore store = LoadStateStore.open(dir.resolve("dires.db"));
             PostgresPlainSnapshot snapshot = PostgresPlainSnapshot.export(from.connections())) {
            new FullLoad(from, to, settings, store, LoadListener.NO_OP).run(plan, snapshot);
        }
        Map<String, String[]> after = indexes(pg, dst);
        assertThat(after.keySet()).containsExactlyInAnyOrderElementsOf(before.keySet());
        for (String name : before.keySet()) {
            assertThat(after.get(name)[1]).isEqualTo(before.get(name)[1]);
        }
        assertThat(count(pg, dst, "SELECT count(*) FROM ferry_deferred_index")).isZero();
        assertThat(count(pg, dst, "SELECT count(*) FROM events")).isEqualTo(5000);

        // switched off: the indexes stay in place during the load
        pg.execute(dst, "TRUNCATE events", "DELETE FROM ferry_load_state");
        Map<String, String[]> kept = indexes(pg, dst);
        LoadSettings again = LoadSettings.defaults("dioff").withMaxSubTasks(1).withSplit(1000, 2);
        try (LoadStateStore store = LoadStateStore.open(dir.resolve("dioff.db"));
             PostgresPlainSnapshot snapshot = PostgresPlainSnapshot.export(from.connections())) {
            new FullLoad(from, to, again, store, LoadListener.NO_OP).withDeferredIndexes(false).run(plan, snapshot);
        }
        Map<String, String[]> afterOff = indexes(pg, dst);
        for (String name : kept.keySet()) {
            assertThat(afterOff.get(name)[0]).isEqualTo(kept.get(name)[0]);
        }
        assertThat(count(pg, dst, "SELECT count(*) FROM events")).isEqualTo(5000);
    }

    /** Index name → {relation oid, pg_get_indexdef}, for the public schema's user tables. */
    private static Map<String, String[]> indexes(TestServer pg, String db) throws SQLException {
        Map<String, String[]> out = new LinkedHashMap<>();
        try (Connection c = pg.connect(db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT ic.relname, ic.oid::text, pg_get_indexdef(i.indexrelid) FROM pg_index i"
                     + " JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class tc ON tc.oid = i.indrelid"
                     + " JOIN pg_namespace n ON n.oid = tc.relnamespace"
                     + " WHERE n.nspname = 'public' AND tc.relname NOT LIKE 'ferry%' ORDER BY 1")) {
            while (rs.next()) {
                out.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
            }
        }
        return out;
    }

    private static long count(TestServer server, String db, String sql) throws SQLException {
        try (Connection c = server.connect(db); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
