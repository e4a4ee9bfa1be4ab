package dev.ferry.engine.load;

import dev.ferry.engine.load.mysql.MySqlSourceSnapshot;
import dev.ferry.engine.load.postgres.PostgresPlainSnapshot;
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
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** LobMode FULL / LIMITED / NONE on real MariaDB and PostgreSQL, with 10 MB values checked by checksum. */
class LobModesIT {

    private static final int TEN_MB = 10 * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void fullModeCopiesTenMegabyteValuesFromMariaDbExactlyThroughASmallQueueBudget() throws Exception {
        TestServer my = TestDatabases.mysql();
        TestServer pg = TestDatabases.postgres();
        String src = my.createDatabase("lob_full_src");
        String dst = pg.createDatabase("lob_full_dst");
        Table source = TestTables.table(src, "docs", "id int pk", "b longblob null", "t longtext null", "note varchar(20) null");
        Table target = TestTables.table("public", "docs", "id integer pk", "b bytea null", "t text null", "note varchar(20) null");
        my.execute(src, TestTables.ddl(Engine.MYSQL, source) + " CHARACTER SET utf8mb4");
        pg.execute(dst, TestTables.ddl(Engine.POSTGRESQL, target));
        // 10 MB binary values (every byte value occurs), 10 MB text with 2-, 3- and 4-byte UTF-8 characters
        // 10 MB binary values (every REPEAT result stays under max_allowed_packet, so they are doubled in place),
        // 9 MB text with 2-, 3- and 4-byte UTF-8 characters, backslashes, tabs and newlines
        int reps = TEN_MB / 44;
        my.execute(src, "INSERT INTO docs VALUES (1, UNHEX(REPEAT(CONCAT(MD5('a'), '00ff5c0a0d09'), " + reps + ")), NULL, 'one')",
                "UPDATE docs SET b = CONCAT(b, b) WHERE id = 1",
                "INSERT INTO docs VALUES (2, NULL, REPEAT('ä€🚲\\\\\\t\\n x', " + TEN_MB / 16 + "), 'two')",
                "INSERT INTO docs VALUES (3, UNHEX(REPEAT(MD5('c'), " + TEN_MB / 32 + ")), 'short', 'three')",
                "UPDATE docs SET b = CONCAT(b, b) WHERE id = 3",
                "INSERT INTO docs VALUES (4, '', '', NULL)",
                "INSERT INTO docs VALUES (5, NULL, NULL, 'five')");
        Map<Integer, String> expected = checksums(my, src, "SELECT id, CONCAT_WS('/', MD5(b), LENGTH(b), MD5(t), LENGTH(t)) FROM docs");
        assertThat(expected.get(1)).endsWith("/" + reps * 44);
        assertThat(expected.get(2)).endsWith("/" + (TEN_MB / 16) * 14);
        assertThat(expected.get(3)).contains("/" + TEN_MB + "/");

        LoadEndpoint from = new LoadEndpoint(Engine.MYSQL, () -> my.connect(src));
        LoadEndpoint to = new LoadEndpoint(Engine.POSTGRESQL, () -> pg.connect(dst));
        // 24 MiB for all queues: two 10 MB rows cannot be queued at once, the reader waits for the writer
        LoadSettings settings = LoadSettings.defaults("lobfull").withMaxSubTasks(1).withBatch(100, 8)
                .withLob(new LobPolicy(LobPolicy.Mode.FULL, 32 * 1024, 64 * 1024, null)).withMaxQueueBytes(24L << 20);
        LoadPlan plan = new LoadPlanner(from, settings).plan(List.of(new LoadPlanner.TablePair(source, target)));
        LoadResult result;
        try (LoadStateStore store = LoadStateStore.open(dir.resolve("full.db")); MySqlSourceSnapshot snapshot = new MySqlSourceSnapshot()) {
            result = new FullLoad(from, to, settings, store, LoadListener.NO_OP).run(plan, snapshot);
        }
        TableResult r = result.tables().get(0);
        assertThat(r.rows()).isEqualTo(5);
        assertThat(r.lobsTruncated()).isZero();
        assertThat(r.lobsNulled()).isZero();
        Map<Integer, String> actual = checksums(pg, dst, "SELECT id, concat_ws('/', md5(b), octet_length(b), md5(t), octet_length(t)) FROM docs");
        assertThat(actual).isEqualTo(expected);
        TableValidation v = Validator.compare(from, to, plan.jobs()).get(0);
        assertThat(v.status()).as(v.toString()).isEqualTo(TableValidation.Status.VALIDATED);
    }

    @Test
    void fullModeCopiesTenMegabyteValuesPostgresToPostgresExactlyThroughCopyPassThroughAndTheRowPath() throws Exception {
        TestServer pg = TestDatabases.postgres();
        String src = pg.createDatabase("lob_pgfull_src");
        String dst = pg.createDatabase("lob_pgfull_dst");
        Table t = TestTables.table("public", "docs", "id integer pk", "b bytea null", "t text null");
        pg.execute(src, TestTables.ddl(Engine.POSTGRESQL, t),
                "INSERT INTO docs SELECT g, decode(repeat(md5(g::text) || '005c0a0d09ff', " + TEN_MB / 22 + "), 'hex'), "
                        + "CASE WHEN g = 2 THEN repeat(E'ä€🚲\\\\\\t\\n x', " + TEN_MB / 16 + ") END FROM generate_series(1, 3) g");
        pg.execute(dst, TestTables.ddl(Engine.POSTGRESQL, t));
        String sums = "SELECT id, concat_ws('/', md5(b), octet_length(b), md5(t), octet_length(t)) FROM docs";
        Map<Integer, String> expected = checksums(pg, src, sums);
        assertThat(expected.get(2)).contains("/" + (TEN_MB / 22) * 22 + "/").endsWith("/" + (TEN_MB / 16) * 14);
        LoadEndpoint from = new LoadEndpoint(Engine.POSTGRESQL, () -> pg.connect(src));
        LoadEndpoint to = new LoadEndpoint(Engine.POSTGRESQL, () -> pg.connect(dst));
        for (boolean passThrough : new boolean[] {true, false}) {
            pg.execute(dst, "TRUNCATE docs", "DROP TABLE IF EXISTS ferry_load_state");
            LoadSettings settings = LoadSettings.defaults("pgfull" + passThrough).withCopyPassThrough(passThrough)
                    .withMaxQueueBytes(24L << 20);
            LoadPlan plan = new LoadPlanner(from, settings).plan(List.of(new LoadPlanner.TablePair(t, t)));
            try (LoadStateStore store = LoadStateStore.open(dir.resolve("pgfull" + passThrough + ".db"));
                 PostgresPlainSnapshot snapshot = PostgresPlainSnapshot.export(from.connections())) {
                LoadResult r = new FullLoad(from, to, settings, store, LoadListener.NO_OP).run(plan, snapshot);
                assertThat(r.tables().get(0).rows()).isEqualTo(3);
            }
            assertThat(checksums(pg, dst, sums)).as("pass-through " + passThrough).isEqualTo(expected);
        }
    }

    @Test
    void limitedModeCutsAtLobMaxSizeCountsNotesEveryRowAndATableRuleCanLiftTheLimit() throws Exception {
        TestServer my = TestDatabases.mysql();
        TestServer pg = TestDatabases.postgres();
        String src = my.createDatabase("lob_lim_src");
        String dst = pg.createDatabase("lob_lim_dst");
        Table source = TestTables.table(src, "notes", "id int pk", "t mediumtext null", "b blob null", "v varchar(3000) null");
        Table target = TestTables.table("public", "notes", "id integer pk", "t text null", "b bytea null", "v varchar(3000) null");
        Table source2 = TestTables.table(src, "kept", "id int pk", "t text null");
        Table target2 = TestTables.table("public", "kept", "id integer pk", "t text null");
        my.execute(src, TestTables.ddl(Engine.MYSQL, source) + " CHARACTER SET utf8mb4",
                TestTables.ddl(Engine.MYSQL, source2) + " CHARACTER SET utf8mb4",
                "INSERT INTO notes VALUES (1, REPEAT('a', 1024), NULL, REPEAT('v', 3000))", // exactly the limit: kept
                "INSERT INTO notes VALUES (2, REPEAT('a', 1025), NULL, NULL)",              // one byte over: cut
                "INSERT INTO notes VALUES (3, REPEAT('€', 400), REPEAT('x', 2000), NULL)", // 1200 bytes text, 2000 bytes blob
                "INSERT INTO notes VALUES (4, NULL, NULL, NULL)",
                "INSERT INTO kept VALUES (1, REPEAT('k', 5000))");
        pg.execute(dst, TestTables.ddl(Engine.POSTGRESQL, target), TestTables.ddl(Engine.POSTGRESQL, target2));

        LoadEndpoint from = new LoadEndpoint(Engine.MYSQL, () -> my.connect(src));
        LoadEndpoint to = new LoadEndpoint(Engine.POSTGRESQL, () -> pg.connect(dst));
        TableSettingsRule unlimited = new TableSettingsRule("7", "kept-full", ObjectLocator.table(src, "kept"), null,
                new TableSettingsRule.LobSettings(TableSettingsRule.LobMode.UNLIMITED, null), Set.of());
        LoadSettings settings = LoadSettings.defaults("loblim").withMaxSubTasks(2)
                .withLob(new LobPolicy(LobPolicy.Mode.LIMITED, 1024, 64 * 1024, LobPolicy.Truncation.LOAD_AND_NOTE))
                .withTableSettings(List.of(unlimited));
        LoadPlan plan = new LoadPlanner(from, settings).plan(List.of(new LoadPlanner.TablePair(source, target),
                new LoadPlanner.TablePair(source2, target2)));
        List<RejectedRow> notes = new CopyOnWriteArrayList<>();
        LoadListener listener = new LoadListener() {
            @Override
            public void lobTruncated(RejectedRow note) {
                notes.add(note);
            }
        };
        LoadResult result;
        try (LoadStateStore store = LoadStateStore.open(dir.resolve("lim.db")); MySqlSourceSnapshot snapshot = new MySqlSourceSnapshot()) {
            result = new FullLoad(from, to, settings, store, listener).run(plan, snapshot);
        }
        TableResult notesResult = result.tables().stream().filter(t -> t.table().endsWith(".notes")).findFirst().orElseThrow();
        TableResult keptResult = result.tables().stream().filter(t -> t.table().endsWith(".kept")).findFirst().orElseThrow();
        assertThat(notesResult.rows()).isEqualTo(4);
        assertThat(notesResult.rejected()).isZero();
        assertThat(notesResult.lobsTruncated()).isEqualTo(3);
        assertThat(keptResult.lobsTruncated()).isZero();
        assertThat(notes).hasSize(3);

        Map<Integer, String> lengths = checksums(pg, dst, "SELECT id, concat_ws('/', octet_length(t), char_length(t), octet_length(b), "
                + "octet_length(v)) FROM notes");
        assertThat(lengths).containsEntry(1, "1024/1024/3000")
                .containsEntry(2, "1024/1024")
                .containsEntry(3, "1023/341/1024")
                .containsEntry(4, "");
        assertThat(checksums(pg, dst, "SELECT id, octet_length(t)::text FROM kept")).containsEntry(1, "5000");
        try (Connection c = pg.connect(dst); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT key_text, column_name, reason FROM ferry_exceptions WHERE task = 'loblim' "
                     + "ORDER BY key_text, column_name")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2) + ": " + rs.getString(3));
            }
            assertThat(rows).containsExactly(
                    "id=2 t: LOB truncated to 1024 of 1025 bytes (LobMode LIMITED, LobMaxSize 1 KB)",
                    "id=3 b: LOB truncated to 1024 of 2000 bytes (LobMode LIMITED, LobMaxSize 1 KB)",
                    "id=3 t: LOB truncated to 1023 of 1200 bytes (LobMode LIMITED, LobMaxSize 1 KB)");
        }
    }

    @Test
    void limitedModeWithTheSkipRowTruncationPolicyRejectsTheRowsAndLoadsTheRestPostgresToPostgres() throws Exception {
        TestServer pg = TestDatabases.postgres();
        String src = pg.createDatabase("lob_skip_src");
        String dst = pg.createDatabase("lob_skip_dst");
        Table t = TestTables.table("public", "pages", "id integer pk", "body text null", "raw bytea null");
        pg.execute(src, TestTables.ddl(Engine.POSTGRESQL, t),
                "INSERT INTO pages SELECT g, repeat('p', CASE WHEN g % 10 = 0 THEN 3000 ELSE 100 END), "
                        + "CASE WHEN g = 55 THEN decode(repeat('ab', 3000), 'hex') END FROM generate_series(1, 100) g");
        pg.execute(dst, TestTables.ddl(Engine.POSTGRESQL, t));
        LoadEndpoint from = new LoadEndpoint(Engine.POSTGRESQL, () -> pg.connect(src));
        LoadEndpoint to = new LoadEndpoint(Engine.POSTGRESQL, () -> pg.connect(dst));
        LoadSettings settings = LoadSettings.defaults("lobskip")
                .withLob(new LobPolicy(LobPolicy.Mode.LIMITED, 2048, 64 * 1024, LobPolicy.Truncation.SKIP_ROW));
        LoadPlan plan = new LoadPlanner(from, settings).plan(List.of(new LoadPlanner.TablePair(t, t)));
        LoadResult result;
        try (LoadStateStore store = LoadStateStore.open(dir.resolve("skip.db"));
             PostgresPlainSnapshot snapshot = PostgresPlainSnapshot.export(from.connections())) {
            result = new FullLoad(from, to, settings, store, LoadListener.NO_OP).run(plan, snapshot);
        }
        TableResult r = result.tables().get(0);
        assertThat(r.rejected()).isEqualTo(11); // ids 10, 20, ..., 100 and 55
        assertThat(r.lobsTruncated()).isZero();
        assertThat(count(pg, dst, "SELECT count(*) FROM pages")).isEqualTo(89);
        assertThat(count(pg, dst, "SELECT count(*) FROM pages WHERE id % 10 = 0 OR id = 55")).isZero();
        assertThat(count(pg, dst, "SELECT count(*) FROM ferry_exceptions WHERE task = 'lobskip' AND reason LIKE 'LOB truncated%'"))
                .isEqualTo(11);
    }

    @Test
    void limitedModeStopsTheLoadUnderTheStopTruncationPolicy() throws Exception {
        TestServer pg = TestDatabases.postgres();
        String src = pg.createDatabase("lob_stop_src");
        String dst = pg.createDatabase("lob_stop_dst");
        Table t = TestTables.table("public", "pages", "id integer pk", "body text null");
        pg.execute(src, TestTables.ddl(Engine.POSTGRESQL, t),
                "INSERT INTO pages SELECT g, repeat('p', g * 100) FROM generate_series(1, 30) g");
        pg.execute(dst, TestTables.ddl(Engine.POSTGRESQL, t));
        LoadEndpoint from = new LoadEndpoint(Engine.POSTGRESQL, () -> pg.connect(src));
        LoadEndpoint to = new LoadEndpoint(Engine.POSTGRESQL, () -> pg.connect(dst));
        LoadSettings settings = LoadSettings.defaults("lobstop")
                .withLob(new LobPolicy(LobPolicy.Mode.LIMITED, 2950, 64 * 1024, LobPolicy.Truncation.STOP));
        LoadPlan plan = new LoadPlanner(from, settings).plan(List.of(new LoadPlanner.TablePair(t, t)));
        try (LoadStateStore store = LoadStateStore.open(dir.resolve("stop.db"));
             PostgresPlainSnapshot snapshot = PostgresPlainSnapshot.export(from.connections())) {
            FullLoad load = new FullLoad(from, to, settings, store, LoadListener.NO_OP);
            assertThatThrownBy(() -> load.run(plan, snapshot)).isInstanceOf(LoadException.class)
                    .hasMessageContaining("row id=30 rejected (body): LOB truncated to 2950 of 3000 bytes (LobMode LIMITED, LobMaxSize 3 KB)");
        }
        assertThat(count(pg, dst, "SELECT count(*) FROM pages")).isZero();
        assertThat(count(pg, dst, "SELECT count(*) FROM ferry_exceptions WHERE task = 'lobstop' AND key_text = 'id=30'")).isEqualTo(1);
    }

    @Test
    void noneModeWritesNullForLobColumnsAndCountsTheValuesLeftOut() throws Exception {
        TestServer my = TestDatabases.mysql();
        TestServer pg = TestDatabases.postgres();
        String src = my.createDatabase("lob_none_src");
        String dst = pg.createDatabase("lob_none_dst");
        Table source = TestTables.table(src, "files", "id int pk", "name varchar(50) null", "content longblob null", "j json null",
                "tiny tinytext null");
        Table target = TestTables.table("public", "files", "id integer pk", "name varchar(50) null", "content bytea null",
                "j jsonb null", "tiny text null");
        my.execute(src, TestTables.ddl(Engine.MYSQL, source),
                "INSERT INTO files VALUES (1, 'a', 'xyz', '{\"a\": 1}', 'tiny one')",
                "INSERT INTO files VALUES (2, 'b', NULL, '[]', NULL)",
                "INSERT INTO files VALUES (3, NULL, REPEAT('z', 100000), NULL, 'tiny three')");
        pg.execute(dst, TestTables.ddl(Engine.POSTGRESQL, target));
        LoadEndpoint from = new LoadEndpoint(Engine.MYSQL, () -> my.connect(src));
        LoadEndpoint to = new LoadEndpoint(Engine.POSTGRESQL, () -> pg.connect(dst));
        LoadSettings settings = LoadSettings.defaults("lobnone").withLob(new LobPolicy(LobPolicy.Mode.NONE, 1024, 1024, null));
        LoadPlan plan = new LoadPlanner(from, settings).plan(List.of(new LoadPlanner.TablePair(source, target)));
        LoadResult result;
        try (LoadStateStore store = LoadStateStore.open(dir.resolve("none.db")); MySqlSourceSnapshot snapshot = new MySqlSourceSnapshot()) {
            result = new FullLoad(from, to, settings, store, LoadListener.NO_OP).run(plan, snapshot);
        }
        TableResult r = result.tables().get(0);
        assertThat(r.rows()).isEqualTo(3);
        assertThat(r.lobsNulled()).isEqualTo(4); // content of 1 and 3, j of 1 and 2; TINYTEXT is not a LOB
        assertThat(checksums(pg, dst, "SELECT id, concat_ws('/', name, content IS NULL, j IS NULL, tiny) FROM files"))
                .containsEntry(1, "a/t/t/tiny one").containsEntry(2, "b/t/t").containsEntry(3, "t/t/tiny three");
    }

    private static Map<Integer, String> checksums(TestServer server, String db, String sql) throws SQLException {
        Map<Integer, String> out = new TreeMap<>();
        try (Connection c = server.connect(db); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.put(rs.getInt(1), rs.getString(2));
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
