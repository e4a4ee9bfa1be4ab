package dev.ferry.engine.load;

import dev.ferry.engine.load.mysql.MySqlSourceSnapshot;
import dev.ferry.engine.validate.TableValidation;
import dev.ferry.engine.validate.Validator;
import dev.ferry.model.project.ObjectLocator;
import dev.ferry.model.project.TableSettingsRule;
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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * DMS {@code parallel-load} {@code partitions-list}: each listed partition loads as its own unit (SELECT from the
 * PostgreSQL partition, MySQL/MariaDB {@code PARTITION (p)}), every partition not listed follows as its own unit, and
 * the table validates exactly against its (unpartitioned) PostgreSQL target.
 */
class PartitionsListLoadIT {

    @TempDir
    Path dir;

    private static TableSettingsRule rule(String id, String table, List<String> partitions, List<String> subpartitions) {
        return new TableSettingsRule(id, "p" + id, ObjectLocator.table("%", table),
                new TableSettingsRule.ParallelLoad(TableSettingsRule.ParallelLoadType.PARTITIONS_LIST, null, null, partitions,
                        subpartitions, null, null), null, null);
    }

    private static final class Commits implements LoadListener {
        final Map<String, Long> rows = new ConcurrentHashMap<>();

        @Override
        public void rangeCommitted(String table, KeyRange range, long n) {
            rows.merge(range.partition(), n, Long::sum);
        }
    }

    @Test
    void postgresPartitionsAndSubpartitionsLoadAsUnits() throws Exception {
        TestServer pg = TestDatabases.postgres();
        String src = pg.createDatabase("fl_parts_pg_src");
        String dst = pg.createDatabase("fl_parts_pg_dst");
        pg.execute(src, "CREATE TABLE events (id bigint NOT NULL, region text NOT NULL, v text, PRIMARY KEY (id, region)) "
                        + "PARTITION BY LIST (region)",
                "CREATE TABLE events_eu PARTITION OF events FOR VALUES IN ('eu')",
                "CREATE TABLE events_us PARTITION OF events FOR VALUES IN ('us')",
                "CREATE TABLE events_asia PARTITION OF events FOR VALUES IN ('asia') PARTITION BY RANGE (id)",
                "CREATE TABLE events_asia_lo PARTITION OF events_asia FOR VALUES FROM (MINVALUE) TO (500)",
                "CREATE TABLE events_asia_hi PARTITION OF events_asia FOR VALUES FROM (500) TO (MAXVALUE)",
                "CREATE TABLE events_other PARTITION OF events DEFAULT",
                "INSERT INTO events SELECT g, (ARRAY['eu','us','asia','asia','mars'])[1 + g % 5], 'v' || g "
                        + "FROM generate_series(1, 1000) g");
        Table source = TestTables.table("public", "events", "id bigint pk", "region text pk", "v text null");
        Table target = TestTables.table("public", "events", "id bigint pk", "region text pk", "v text null");
        pg.execute(dst, TestTables.ddl(Engine.POSTGRESQL, target));
        LoadEndpoint from = new LoadEndpoint(Engine.POSTGRESQL, () -> pg.connect(src));
        LoadEndpoint to = new LoadEndpoint(Engine.POSTGRESQL, () -> pg.connect(dst));
        LoadSettings settings = LoadSettings.defaults("parts-pg").withMaxSubTasks(3).withBatch(100, 2);
        List<LoadPlanner.TablePair> pair = List.of(new LoadPlanner.TablePair(source, target));
        LoadPlan plan = new LoadPlanner(from, settings)
                .withTableSettings(List.of(rule("31", "events", List.of("events_eu"), List.of("events_asia_lo")))).plan(pair);
        TableJob job = plan.jobs().get(0);
        assertThat(job.partitionSplit()).isTrue();
        // the listed ones first, then the uncovered leaves by level and name
        assertThat(job.ranges()).extracting(KeyRange::partition).containsExactly("public.events_eu",
                "public.events_asia_lo", "public.events_other", "public.events_us", "public.events_asia_hi");
        assertThat(PostgresCopyPassThroughSelect.of(from, job, job.ranges().get(1)))
                .isEqualTo("SELECT \"id\", \"region\", \"v\" FROM public.events_asia_lo");
        Commits commits = new Commits();
        try (LoadStateStore store = LoadStateStore.open(dir.resolve("pg.db"))) {
            LoadResult r = new FullLoad(from, to, settings, store, commits).run(plan, SourceSnapshot.independent());
            assertThat(r.totalRows()).isEqualTo(1000);
            assertThat(store.ranges("parts-pg", job.tableKey())).extracting(RangeState::range).containsExactlyElementsOf(job.ranges());
        }
        assertThat(commits.rows).containsEntry("public.events_eu", 200L).containsEntry("public.events_us", 200L)
                .containsEntry("public.events_other", 200L).hasSize(5);
        assertThat(commits.rows.get("public.events_asia_lo") + commits.rows.get("public.events_asia_hi")).isEqualTo(400);
        TableValidation v = Validator.compare(from, to, plan.jobs()).get(0);
        assertThat(v.status()).as(v.toString()).isEqualTo(TableValidation.Status.VALIDATED);
        assertThat(count(pg, dst, "SELECT count(*) FROM events")).isEqualTo(1000);

        assertThatThrownBy(() -> new LoadPlanner(from, settings)
                .withTableSettings(List.of(rule("32", "events", List.of("events_eu", "events_nowhere"), null))).plan(pair))
                .hasMessageContaining("table-settings rule 32").hasMessageContaining("unknown partition events_nowhere");
        assertThatThrownBy(() -> new LoadPlanner(from, settings)
                .withTableSettings(List.of(rule("33", "events", List.of("events_asia"), List.of("events_asia_hi")))).plan(pair))
                .hasMessageContaining("table-settings rule 33").hasMessageContaining("inside listed partition events_asia");
    }

    @Test
    void mariaDbPartitionsLoadWithPartitionClauses() throws Exception {
        TestServer my = TestDatabases.mysql();
        TestServer pg = TestDatabases.postgres();
        String src = my.createDatabase("fl_parts_my_src");
        String dst = pg.createDatabase("fl_parts_my_dst");
        my.execute(src, "CREATE TABLE sales (id int NOT NULL, yr int NOT NULL, v varchar(20), PRIMARY KEY (id, yr)) "
                        + "ENGINE=InnoDB PARTITION BY RANGE (yr) (PARTITION p2022 VALUES LESS THAN (2023), "
                        + "PARTITION p2023 VALUES LESS THAN (2024), PARTITION pmax VALUES LESS THAN MAXVALUE)",
                "INSERT INTO sales SELECT seq, 2022 + seq % 3, CONCAT('v', seq) FROM seq_1_to_900");
        Table source = TestTables.table(src, "sales", "id int pk", "yr int pk", "v varchar(20) null");
        Table target = TestTables.table("public", "sales", "id integer pk", "yr integer pk", "v varchar(20) null");
        pg.execute(dst, TestTables.ddl(Engine.POSTGRESQL, target));
        LoadEndpoint from = new LoadEndpoint(Engine.MYSQL, () -> my.connect(src));
        LoadEndpoint to = new LoadEndpoint(Engine.POSTGRESQL, () -> pg.connect(dst));
        LoadSettings settings = LoadSettings.defaults("parts-my").withMaxSubTasks(3).withBatch(100, 2);
        List<LoadPlanner.TablePair> pair = List.of(new LoadPlanner.TablePair(source, target));
        LoadPlan plan = new LoadPlanner(from, settings)
                .withTableSettings(List.of(rule("41", "sales", List.of("p2023"), null))).plan(pair);
        assertThat(plan.jobs().get(0).ranges()).extracting(KeyRange::partition).containsExactly("p2023", "p2022", "pmax");
        assertThat(Sql.from(Engine.MYSQL, source.qualifiedName(), plan.jobs().get(0).ranges().get(0)))
                .isEqualTo("`" + src + "`.`sales` PARTITION (`p2023`)");
        Commits commits = new Commits();
        try (LoadStateStore store = LoadStateStore.open(dir.resolve("my.db"));
             MySqlSourceSnapshot snapshot = new MySqlSourceSnapshot()) {
            LoadResult r = new FullLoad(from, to, settings, store, commits).run(plan, snapshot);
            assertThat(r.totalRows()).isEqualTo(900);
        }
        assertThat(commits.rows).containsExactlyInAnyOrderEntriesOf(Map.of("p2022", 300L, "p2023", 300L, "pmax", 300L));
        TableValidation v = Validator.compare(from, to, plan.jobs()).get(0);
        assertThat(v.status()).as(v.toString()).isEqualTo(TableValidation.Status.VALIDATED);
        assertThatThrownBy(() -> new LoadPlanner(from, settings)
                .withTableSettings(List.of(rule("42", "sales", List.of("p1999"), null))).plan(pair))
                .hasMessageContaining("table-settings rule 42").hasMessageContaining("unknown partition p1999");
    }

    private static long count(TestServer s, String db, String sql) throws Exception {
        try (Connection c = s.connect(db); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The PostgreSQL pass-through's source query of a range. */
    private static final class PostgresCopyPassThroughSelect {
        static String of(LoadEndpoint from, TableJob job, KeyRange range) throws Exception {
            try (Connection c = from.connections().open()) {
                return dev.ferry.engine.load.postgres.PostgresCopyPassThrough.select(c, job, range);
            }
        }
    }
}
