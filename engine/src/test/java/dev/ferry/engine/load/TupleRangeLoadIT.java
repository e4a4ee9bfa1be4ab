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

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Keys NOT led by an integer column split into tuple ranges (sampled on the source), loaded in parallel and validated
 * exactly: a varchar key (mixed case, quotes, backslashes, non-ASCII, so a case-insensitive MariaDB collation orders
 * it differently from PostgreSQL), a uuid key and a composite (text, int) key; from MariaDB, PostgreSQL and SQLite into
 * PostgreSQL. The ranges are checked to be more than one, disjoint and covering on the source (every row matches
 * exactly one range predicate), and every range is committed with rows.
 */
class TupleRangeLoadIT {

    private static final int ROWS = 2000;
    private static final String[] PREFIX = {"Key-", "key-", "Zürich-", "_under-", "O'Brien\\-", "zz-"};
    private static final String[] GROUP = {"Alpha", "beta", "Gamma", "delta", "épsilon"};

    @TempDir
    Path dir;

    static String code(int i) {
        return PREFIX[i % PREFIX.length] + Integer.toString(i * 7919 % 10007, 36) + "-" + i;
    }

    static String uuid(int i) {
        return UUID.nameUUIDFromBytes(("row " + i).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static List<Table> sources(Engine e, String schema) {
        String uuidType = e == Engine.POSTGRESQL ? "uuid" : e == Engine.MYSQL ? "char(36)" : "TEXT";
        String text = e == Engine.SQLITE ? "TEXT" : "varchar(40)";
        return List.of(
                TestTables.table(schema, "vkey", "code " + text + " pk", "v text", "n integer"),
                TestTables.table(schema, "ukey", "id " + uuidType + " pk", "v text"),
                TestTables.table(schema, "ckey", "grp " + text + " pk", "n integer pk", "v text"));
    }

    private static List<Table> targets() {
        return List.of(
                TestTables.table("public", "vkey", "code varchar(40) pk", "v text", "n integer"),
                TestTables.table("public", "ukey", "id uuid pk", "v text"),
                TestTables.table("public", "ckey", "grp varchar(40) pk", "n integer pk", "v text"));
    }

    private static void fill(Connection c, Engine e) throws Exception {
        c.setAutoCommit(false);
        String q = e == Engine.POSTGRESQL ? "\"" : "`";
        try (PreparedStatement v = c.prepareStatement("INSERT INTO vkey VALUES (?,?,?)");
             PreparedStatement u = c.prepareStatement("INSERT INTO ukey VALUES (" + (e == Engine.POSTGRESQL ? "CAST(? AS uuid)" : "?") + ",?)");
             PreparedStatement k = c.prepareStatement("INSERT INTO ckey VALUES (?,?,?)")) {
            for (int i = 0; i < ROWS; i++) {
                v.setString(1, code(i));
                v.setString(2, "value " + i);
                v.setInt(3, i);
                v.addBatch();
                u.setString(1, uuid(i));
                u.setString(2, "u " + i);
                u.addBatch();
                k.setString(1, GROUP[i % GROUP.length]);
                k.setInt(2, i);
                k.setString(3, "c " + i);
                k.addBatch();
            }
            v.executeBatch();
            u.executeBatch();
            k.executeBatch();
        }
        c.commit();
        c.setAutoCommit(true);
        assertThat(q).isNotEmpty();
    }

    /** Commits per table: range index → rows. */
    private static final class Commits implements LoadListener {
        final Map<String, Map<Integer, Long>> byTable = new ConcurrentHashMap<>();

        @Override
        public void rangeCommitted(String table, KeyRange range, long rows) {
            byTable.computeIfAbsent(table, t -> new ConcurrentHashMap<>()).merge(range.index(), rows, Long::sum);
        }
    }

    @Test
    void postgresToPostgres() throws Exception {
        TestServer pg = TestDatabases.postgres();
        String src = pg.createDatabase("fl_tuple_pg_src");
        String dst = pg.createDatabase("fl_tuple_pg_dst");
        List<Table> sources = sources(Engine.POSTGRESQL, "public");
        for (Table t : sources) {
            pg.execute(src, TestTables.ddl(Engine.POSTGRESQL, t));
        }
        try (Connection c = pg.connect(src)) {
            fill(c, Engine.POSTGRESQL);
        }
        createTargets(pg, dst);
        LoadEndpoint from = new LoadEndpoint(Engine.POSTGRESQL, () -> pg.connect(src));
        // the COPY pass-through (literal bounds inside COPY (SELECT ...)) carries PostgreSQL → PostgreSQL
        loadAndCheck(from, pg, dst, sources, "tuple-pg", SourceSnapshot.independent());
    }

    @Test
    void mariaDbToPostgres() throws Exception {
        TestServer my = TestDatabases.mysql();
        TestServer pg = TestDatabases.postgres();
        String src = my.createDatabase("fl_tuple_my_src");
        String dst = pg.createDatabase("fl_tuple_my_dst");
        List<Table> sources = sources(Engine.MYSQL, src);
        for (Table t : sources) {
            my.execute(src, TestTables.ddl(Engine.MYSQL, t));
        }
        try (Connection c = my.connect(src)) {
            fill(c, Engine.MYSQL);
        }
        createTargets(pg, dst);
        LoadEndpoint from = new LoadEndpoint(Engine.MYSQL, () -> my.connect(src));
        try (MySqlSourceSnapshot snapshot = new MySqlSourceSnapshot()) {
            loadAndCheck(from, pg, dst, sources, "tuple-my", snapshot);
        }
        // DMS boundaries are checked in the column's collation (utf8mb4, case-insensitive): 'key-5' < 'ZZ' there,
        // although not in binary order; 'ZZ' before 'key-5' does not ascend
        LoadSettings settings = LoadSettings.defaults("tuple-my-dms");
        LoadPlanner.TablePair vkey = new LoadPlanner.TablePair(sources.get(0), targets().get(0));
        assertThat(new LoadPlanner(from, settings).withTableSettings(List.of(rule("51", "vkey", List.of("code"),
                List.of(List.of("key-5"), List.of("ZZ"))))).plan(List.of(vkey)).jobs().get(0).ranges()).hasSize(3);
        assertThatThrownBy(() -> new LoadPlanner(from, settings).withTableSettings(List.of(rule("52", "vkey", List.of("code"),
                List.of(List.of("ZZ"), List.of("key-5"))))).plan(List.of(vkey)))
                .hasMessageContaining("table-settings rule 52").hasMessageContaining("boundaries must ascend");
        LoadPlan composite = new LoadPlanner(from, settings).withTableSettings(List.of(rule("53", "ckey", List.of("grp", "n"),
                List.of(List.of("BETA", "7"))))).plan(List.of(new LoadPlanner.TablePair(sources.get(2), targets().get(2))));
        assertThat(composite.jobs().get(0).ranges()).hasSize(2);
        assertDisjointAndCovering(from, composite.jobs().get(0));
    }

    @Test
    void sqliteToPostgres() throws Exception {
        Path file = dir.resolve("tuple.sqlite");
        TestServer pg = TestDatabases.postgres();
        String dst = pg.createDatabase("fl_tuple_lite_dst");
        List<Table> sources = sources(Engine.SQLITE, null);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            for (Table t : sources) {
                st.execute(TestTables.ddl(Engine.SQLITE, t));
            }
            fill(c, Engine.SQLITE);
        }
        createTargets(pg, dst);
        LoadEndpoint from = new LoadEndpoint(Engine.SQLITE, () -> DriverManager.getConnection("jdbc:sqlite:" + file));
        loadAndCheck(from, pg, dst, sources, "tuple-lite", SourceSnapshot.independent());
    }

    /** Tables above the sample size get boundaries from a random sample (TABLESAMPLE / RAND() / random()). */
    @Test
    void sampledBoundariesStillPartitionTheTable() throws Exception {
        int rows = 20_000;
        TestServer pg = TestDatabases.postgres();
        String pdb = pg.createDatabase("fl_tuple_sample_pg");
        pg.execute(pdb, "CREATE TABLE big (code varchar(40) PRIMARY KEY, v text NOT NULL)",
                "INSERT INTO big SELECT md5(g::text), 'v' || g FROM generate_series(1, " + rows + ") g");
        TestServer my = TestDatabases.mysql();
        String mdb = my.createDatabase("fl_tuple_sample_my");
        my.execute(mdb, "CREATE TABLE big (code varchar(40) PRIMARY KEY, v text NOT NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4",
                "INSERT INTO big SELECT md5(seq), CONCAT('v', seq) FROM seq_1_to_" + rows);
        Path file = dir.resolve("sample.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE big (code TEXT PRIMARY KEY, v TEXT NOT NULL)");
            st.execute("WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < " + rows + ") "
                    + "INSERT INTO big SELECT hex(randomblob(16)), 'v' || n FROM g");
        }
        List<LoadEndpoint> sources = List.of(new LoadEndpoint(Engine.POSTGRESQL, () -> pg.connect(pdb)),
                new LoadEndpoint(Engine.MYSQL, () -> my.connect(mdb)),
                new LoadEndpoint(Engine.SQLITE, () -> DriverManager.getConnection("jdbc:sqlite:" + file)));
        for (LoadEndpoint from : sources) {
            Table big = TestTables.table(from.engine() == Engine.MYSQL ? mdb : from.engine() == Engine.SQLITE ? null : "public",
                    "big", "code varchar(40) pk", "v text");
            TableJob job = new LoadPlanner(from, LoadSettings.defaults("sample").withSplit(1000, 4)).withSampleRows(4000)
                    .plan(List.of(new LoadPlanner.TablePair(big, big))).jobs().get(0);
            assertThat(job.ranges()).as(from.engine().name()).hasSize(4);
            assertDisjointAndCovering(from, job, rows);
        }
        // a partitioned PostgreSQL table is sampled with random() (no TABLESAMPLE on the parent)
        pg.execute(pdb, "CREATE TABLE pbig (code varchar(40) PRIMARY KEY, v text NOT NULL) PARTITION BY HASH (code)",
                "CREATE TABLE pbig_0 PARTITION OF pbig FOR VALUES WITH (MODULUS 2, REMAINDER 0)",
                "CREATE TABLE pbig_1 PARTITION OF pbig FOR VALUES WITH (MODULUS 2, REMAINDER 1)",
                "INSERT INTO pbig SELECT code, v FROM big");
        Table p = TestTables.table("public", "pbig", "code varchar(40) pk", "v text");
        Table partitioned = new Table(p.schema(), p.name(), Table.Kind.PARTITIONED, p.columns(), p.primaryKey(), p.uniqueKeys(),
                p.foreignKeys(), p.checks(), p.indexes(), null, -1, -1, null, p.options());
        TableJob job = new LoadPlanner(sources.get(0), LoadSettings.defaults("sample").withSplit(1000, 4)).withSampleRows(4000)
                .plan(List.of(new LoadPlanner.TablePair(partitioned, p))).jobs().get(0);
        assertThat(job.ranges()).hasSize(4);
        assertDisjointAndCovering(sources.get(0), job, rows);
    }

    @Test
    void dmsRangesWithTextBoundariesGiveExactlyThoseRanges() throws Exception {
        TestServer pg = TestDatabases.postgres();
        String src = pg.createDatabase("fl_tuple_dms_src");
        String dst = pg.createDatabase("fl_tuple_dms_dst");
        List<Table> sources = sources(Engine.POSTGRESQL, "public");
        for (Table t : sources) {
            pg.execute(src, TestTables.ddl(Engine.POSTGRESQL, t));
        }
        try (Connection c = pg.connect(src)) {
            fill(c, Engine.POSTGRESQL);
        }
        createTargets(pg, dst);
        LoadEndpoint from = new LoadEndpoint(Engine.POSTGRESQL, () -> pg.connect(src));
        LoadEndpoint to = new LoadEndpoint(Engine.POSTGRESQL, () -> pg.connect(dst));
        List<TableSettingsRule> rules = List.of(
                rule("11", "vkey", List.of("code"), List.of(List.of("Key-5"), List.of("Zürich-5"), List.of("zz-5"))),
                rule("12", "ckey", List.of("grp", "n"), List.of(List.of("beta", "1000"), List.of("delta", "3"))));
        LoadSettings settings = LoadSettings.defaults("tuple-dms").withMaxSubTasks(3).withBatch(100, 2);
        LoadPlan plan = new LoadPlanner(from, settings).withTableSettings(rules)
                .plan(List.of(new LoadPlanner.TablePair(sources.get(0), targets().get(0)),
                        new LoadPlanner.TablePair(sources.get(2), targets().get(2))));
        // (ascending in the C and en_US collations alike, whichever the test server uses)
        assertThat(plan.jobs().get(0).ranges()).containsExactly(KeyRange.tuple(0, null, List.of("Key-5")),
                KeyRange.tuple(1, List.of("Key-5"), List.of("Zürich-5")),
                KeyRange.tuple(2, List.of("Zürich-5"), List.of("zz-5")), KeyRange.tuple(3, List.of("zz-5"), null));
        assertThat(plan.jobs().get(1).ranges()).containsExactly(KeyRange.tuple(0, null, List.of("beta", 1000L)),
                KeyRange.tuple(1, List.of("beta", 1000L), List.of("delta", 3L)), KeyRange.tuple(2, List.of("delta", 3L), null));
        assertThat(plan.jobs().get(1).splitColumns()).containsExactly("grp", "n");
        for (TableJob job : plan.jobs()) {
            assertDisjointAndCovering(from, job);
        }
        try (LoadStateStore store = LoadStateStore.open(dir.resolve("dms.db"))) {
            LoadResult r = new FullLoad(from, to, settings, store, LoadListener.NO_OP).run(plan, SourceSnapshot.independent());
            assertThat(r.totalRows()).isEqualTo(2L * ROWS);
        }
        for (TableValidation v : Validator.compare(from, to, plan.jobs())) {
            assertThat(v.status()).as(v.toString()).isEqualTo(TableValidation.Status.VALIDATED);
        }

        // malformed rules name their rule-id
        LoadPlanner.TablePair ukey = new LoadPlanner.TablePair(sources.get(1), targets().get(1));
        assertThatThrownBy(() -> new LoadPlanner(from, settings)
                .withTableSettings(List.of(rule("21", "ukey", List.of("id"), List.of(List.of("not-a-uuid"))))).plan(List.of(ukey)))
                .hasMessageContaining("table-settings rule 21").hasMessageContaining("'not-a-uuid' is not a valid uuid");
        assertThatThrownBy(() -> new LoadPlanner(from, settings)
                .withTableSettings(List.of(rule("22", "ukey", List.of("id"), List.of(List.of(uuid(1), uuid(2))))))
                .plan(List.of(ukey)))
                .hasMessageContaining("table-settings rule 22").hasMessageContaining("has 2 value(s) but columns lists 1");
        // boundaries that do not ascend in the SOURCE's order (here: its uuid order) would overlap: refused
        String low = "00000000-0000-0000-0000-000000000001";
        String high = "f0000000-0000-0000-0000-000000000000";
        assertThatThrownBy(() -> new LoadPlanner(from, settings)
                .withTableSettings(List.of(rule("23", "ukey", List.of("id"), List.of(List.of(high), List.of(low)))))
                .plan(List.of(ukey)))
                .hasMessageContaining("table-settings rule 23").hasMessageContaining("boundaries must ascend");
        assertThat(new LoadPlanner(from, settings)
                .withTableSettings(List.of(rule("24", "ukey", List.of("id"), List.of(List.of(low), List.of(high)))))
                .plan(List.of(ukey)).jobs().get(0).ranges()).hasSize(3);
    }

    private static TableSettingsRule rule(String id, String table, List<String> columns, List<List<String>> boundaries) {
        return new TableSettingsRule(id, "r" + id, ObjectLocator.table("%", table),
                new TableSettingsRule.ParallelLoad(TableSettingsRule.ParallelLoadType.RANGES, columns, boundaries, null, null,
                        null, null), null, null);
    }

    private static void createTargets(TestServer pg, String dst) {
        for (Table t : targets()) {
            pg.execute(dst, TestTables.ddl(Engine.POSTGRESQL, t));
        }
    }

    private void loadAndCheck(LoadEndpoint from, TestServer pg, String dst, List<Table> sources, String task,
                              SourceSnapshot snapshot) throws Exception {
        LoadEndpoint to = new LoadEndpoint(Engine.POSTGRESQL, () -> pg.connect(dst));
        LoadSettings settings = LoadSettings.defaults(task).withMaxSubTasks(4).withSplit(500, 4).withBatch(100, 2);
        List<LoadPlanner.TablePair> pairs = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            pairs.add(new LoadPlanner.TablePair(sources.get(i), targets().get(i)));
        }
        LoadPlan plan = new LoadPlanner(from, settings).plan(pairs);
        for (TableJob job : plan.jobs()) {
            assertThat(job.tupleSplit()).as(job.tableKey()).isTrue();
            assertThat(job.ranges()).as(job.tableKey()).hasSize(4);
            assertDisjointAndCovering(from, job);
        }
        assertThat(plan.jobs().get(2).splitColumns()).containsExactly("grp", "n"); // composite: the whole key tuple
        Commits commits = new Commits();
        try (LoadStateStore store = LoadStateStore.open(dir.resolve(task + ".db"))) {
            LoadResult r = new FullLoad(from, to, settings, store, commits).run(plan, snapshot);
            assertThat(r.totalRows()).isEqualTo(3L * ROWS);
            for (TableJob job : plan.jobs()) {
                assertThat(store.ranges(task, job.tableKey())).extracting(RangeState::range).containsExactlyElementsOf(job.ranges());
                Map<Integer, Long> c = commits.byTable.get(job.tableKey());
                assertThat(c).as(job.tableKey()).hasSize(4).allSatisfy((i, rows) -> assertThat(rows).isPositive());
                assertThat(c.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(ROWS);
            }
        }
        for (TableValidation v : Validator.compare(from, to, plan.jobs())) {
            assertThat(v.status()).as(v.toString()).isEqualTo(TableValidation.Status.VALIDATED);
            assertThat(v.sourceRows()).isEqualTo(ROWS);
            assertThat(v.targetRows()).isEqualTo(ROWS);
            assertThat(v.rangesCompared()).isEqualTo(4); // checksums per range (a differing range is diffed whole)
        }
        try (Connection c = pg.connect(dst); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*), count(DISTINCT code), sum(n) FROM vkey")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(ROWS);
            assertThat(rs.getLong(2)).isEqualTo(ROWS);
            assertThat(rs.getLong(3)).isEqualTo((long) ROWS * (ROWS - 1) / 2);
        }
        // the validator notices a difference in a tuple-split table
        pg.execute(dst, "UPDATE ckey SET v = 'changed' WHERE grp = 'beta' AND n = 1");
        TableValidation changed = Validator.compare(from, to, List.of(plan.jobs().get(2))).get(0);
        assertThat(changed.status()).isEqualTo(TableValidation.Status.MISMATCHED);
        assertThat(changed.different()).isEqualTo(1);
        assertThat(changed.missing()).isZero();
        assertThat(changed.extra()).isZero();
    }

    /** Every source row matches exactly one range predicate, and every range matches rows. */
    static void assertDisjointAndCovering(LoadEndpoint from, TableJob job) throws Exception {
        assertDisjointAndCovering(from, job, ROWS);
    }

    static void assertDisjointAndCovering(LoadEndpoint from, TableJob job, long rows) throws Exception {
        Engine e = from.engine();
        StringBuilder sum = new StringBuilder();
        List<String> each = new ArrayList<>();
        for (KeyRange r : job.ranges()) {
            String p = Sql.rangePredicate(e, job.splitColumns(), r).replaceFirst("^ WHERE ", "");
            sum.append(sum.length() > 0 ? " + " : "").append("CASE WHEN ").append(p).append(" THEN 1 ELSE 0 END");
            each.add("SELECT COUNT(*) FROM " + Sql.quote(e, job.source().qualifiedName()) + " WHERE " + p);
        }
        try (Connection c = from.connections().open(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*), SUM(CASE WHEN " + sum + " = 1 THEN 0 ELSE 1 END) FROM "
                    + Sql.quote(e, job.source().qualifiedName()))) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(rows);
                assertThat(rs.getLong(2)).as("rows in no range or in several ranges of " + job.tableKey()).isZero();
            }
            AtomicLong total = new AtomicLong();
            for (String q : each) {
                try (ResultSet rs = st.executeQuery(q)) {
                    rs.next();
                    assertThat(rs.getLong(1)).as(q).isPositive();
                    total.addAndGet(rs.getLong(1));
                }
            }
            assertThat(total.get()).isEqualTo(rows);
        }
        assertThat(Set.copyOf(job.ranges())).hasSize(job.ranges().size());
    }
}
