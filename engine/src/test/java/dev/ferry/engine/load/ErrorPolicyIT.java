package dev.ferry.engine.load;

import dev.ferry.model.schema.Engine;
import dev.ferry.model.schema.Table;
import dev.ferry.testsupport.TestDatabases;
import dev.ferry.testsupport.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SKIP_ROW, SKIP_TABLE and STOP with a SQLite row whose DATETIME text is not a date (SQLite → PostgreSQL). */
class ErrorPolicyIT {

    @TempDir
    Path dir;

    private TestServer pg;
    private String db;
    private LoadEndpoint source;
    private LoadEndpoint target;
    private LoadPlan plan;

    @BeforeEach
    void setUp() throws Exception {
        Path file = dir.resolve("src.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE events (id INTEGER PRIMARY KEY, at DATETIME, what TEXT)");
            st.execute("WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < 300) "
                    + "INSERT INTO events SELECT n, CASE WHEN n = 150 THEN 'next tuesday' ELSE datetime('2024-01-01', '+' || n || ' hours') END, 'e' || n FROM g");
            st.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)");
            st.execute("INSERT INTO notes VALUES (1, 'one'), (2, ''), (3, NULL)");
        }
        pg = TestDatabases.postgres();
        db = pg.createDatabase("fl_policy");
        Table events = TestTables.table(null, "events", "id INTEGER pk", "at DATETIME null", "what TEXT null");
        Table eventsPg = TestTables.table("public", "events", "id bigint pk", "at timestamp null", "what text null");
        Table notes = TestTables.table(null, "notes", "id INTEGER pk", "body TEXT null");
        Table notesPg = TestTables.table("public", "notes", "id bigint pk", "body text null");
        pg.execute(db, TestTables.ddl(Engine.POSTGRESQL, eventsPg), TestTables.ddl(Engine.POSTGRESQL, notesPg));
        source = new LoadEndpoint(Engine.SQLITE, () -> DriverManager.getConnection("jdbc:sqlite:" + file));
        target = new LoadEndpoint(Engine.POSTGRESQL, () -> pg.connect(db));
        plan = new LoadPlanner(source, LoadSettings.defaults("p").withSplit(100, 3)).plan(List.of(
                new LoadPlanner.TablePair(events, eventsPg), new LoadPlanner.TablePair(notes, notesPg)));
        assertThat(plan.jobs().get(0).ranges()).hasSize(3);
    }

    @Test
    void aBulkWriteFailureFallsBackToRowByRowAndRejectsOnlyTheOffendingRows() throws Exception {
        Path file = dir.resolve("src.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE labels (id INTEGER PRIMARY KEY, label TEXT, doc TEXT)");
            st.execute("WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < 500) "
                    + "INSERT INTO labels SELECT n, CASE WHEN n IN (42, 420) THEN 'far too long' ELSE 'l' || n END, "
                    + "'{\"n\": ' || n || '}' FROM g");
        }
        Table labels = TestTables.table(null, "labels", "id INTEGER pk", "label TEXT null", "doc TEXT null");
        Table labelsPg = TestTables.table("public", "labels", "id bigint pk", "label varchar(5) null", "doc json null");
        pg.execute(db, TestTables.ddl(Engine.POSTGRESQL, labelsPg));
        LoadPlan p = new LoadPlanner(source, LoadSettings.defaults("rbr").withSplit(100, 2))
                .plan(List.of(new LoadPlanner.TablePair(labels, labelsPg)));
        LoadResult r;
        try (LoadStateStore store = LoadStateStore.open(dir.resolve("rbr.db"))) {
            r = new FullLoad(source, target, LoadSettings.defaults("rbr").withBatch(50, 2), store, LoadListener.NO_OP)
                    .run(p, SourceSnapshot.independent());
        }
        TableResult t = r.tables().get(0);
        assertThat(t.state()).isEqualTo(TableProgress.TableState.DONE);
        assertThat(t.rows()).isEqualTo(498);
        assertThat(t.rejected()).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM labels")).isEqualTo(498);
        assertThat(count("SELECT count(*) FROM labels WHERE doc->>'n' = '7'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM ferry_exceptions WHERE task = 'rbr' AND key_text IN ('id=42', 'id=420') "
                + "AND reason LIKE '%too long%'")).isEqualTo(2);
    }

    @Test
    void batchesAreCutByBytesToo() throws Exception {
        java.util.concurrent.atomic.AtomicInteger notesBatches = new java.util.concurrent.atomic.AtomicInteger();
        LoadListener listener = new LoadListener() {
            @Override
            public void tableProgress(TableProgress p) {
                if (p.table().equals("notes") && Thread.currentThread().getName().startsWith("ferry-load-writer")) {
                    notesBatches.incrementAndGet();
                }
            }
        };
        LoadSettings settings = LoadSettings.defaults("bytes").withBatch(1000, 2).withMaxBatchBytes(1);
        try (LoadStateStore store = LoadStateStore.open(dir.resolve("bytes.db"))) {
            LoadResult r = new FullLoad(source, target, settings, store, listener).run(plan, SourceSnapshot.independent());
            assertThat(r.table("notes").orElseThrow().rows()).isEqualTo(3);
        }
        assertThat(notesBatches).hasValue(3); // one row per batch although batchSize is 1000
    }

    @Test
    void aSourceReadFailureStopsTheLoadWhateverThePolicy() throws Exception {
        Table ghost = TestTables.table(null, "notes", "id INTEGER pk", "body TEXT null", "ghost TEXT null"); // no such column
        Table ghostPg = TestTables.table("public", "notes_ghost", "id bigint pk", "body text null", "ghost text null");
        pg.execute(db, TestTables.ddl(Engine.POSTGRESQL, ghostPg));
        LoadPlan p = new LoadPlanner(source, LoadSettings.defaults("ghost")).plan(List.of(new LoadPlanner.TablePair(ghost, ghostPg)));
        try (LoadStateStore store = LoadStateStore.open(dir.resolve("ghost.db"))) {
            assertThatThrownBy(() -> new FullLoad(source, target, LoadSettings.defaults("ghost"), store, LoadListener.NO_OP)
                    .run(p, SourceSnapshot.independent()))
                    .isInstanceOf(LoadException.class).hasMessageContaining("reading the source failed")
                    .hasMessageContaining("ghost");
            assertThat(store.taskStatus("ghost")).contains("FAILED");
        }
        assertThat(count("SELECT count(*) FROM notes_ghost")).isZero();
    }

    private LoadResult run(LoadSettings settings) throws Exception {
        try (LoadStateStore store = LoadStateStore.open(dir.resolve(settings.task() + ".db"))) {
            return new FullLoad(source, target, settings, store, LoadListener.NO_OP).run(plan, SourceSnapshot.independent());
        }
    }

    @Test
    void skipRowLeavesOutOnlyTheBadRowAndRecordsIt() throws Exception {
        LoadResult r = run(LoadSettings.defaults("skiprow").withErrorPolicy(ErrorPolicy.SKIP_ROW, Map.of()));
        assertThat(r.table("events").orElseThrow()).satisfies(t -> {
            assertThat(t.state()).isEqualTo(TableProgress.TableState.DONE);
            assertThat(t.rows()).isEqualTo(299);
            assertThat(t.rejected()).isEqualTo(1);
        });
        assertThat(count("SELECT count(*) FROM events")).isEqualTo(299);
        assertThat(count("SELECT count(*) FROM events WHERE id = 150")).isZero();
        assertThat(count("SELECT count(*) FROM ferry_exceptions WHERE task = 'skiprow' AND key_text = 'id=150' "
                + "AND column_name = 'at' AND value_excerpt = 'next tuesday'")).isEqualTo(1);
        assertThat(Files.readString(dir.resolve("skiprow.db.exceptions.jsonl"))).contains("\"key\":\"id=150\"", "next tuesday");
    }

    @Test
    void skipTableSuspendsTheTableAndLoadsTheOthers() throws Exception {
        LoadResult r = run(LoadSettings.defaults("skiptable").withMaxSubTasks(1)
                .withErrorPolicy(ErrorPolicy.SKIP_ROW, Map.of("events", ErrorPolicy.SKIP_TABLE)));
        TableResult events = r.table("events").orElseThrow();
        assertThat(events.state()).isEqualTo(TableProgress.TableState.SUSPENDED);
        assertThat(events.error()).contains("id=150");
        assertThat(events.rows()).isEqualTo(count("SELECT count(*) FROM events")); // only committed ranges count
        assertThat(count("SELECT count(*) FROM events WHERE id BETWEEN 101 AND 200")).isZero(); // the range rolled back
        assertThat(r.table("notes").orElseThrow().state()).isEqualTo(TableProgress.TableState.DONE);
        assertThat(count("SELECT count(*) FROM notes")).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM ferry_exceptions WHERE task = 'skiptable' AND key_text = 'id=150'")).isEqualTo(1);
    }

    @Test
    void stopFailsTheLoadAndStillRecordsTheRow() {
        assertThatThrownBy(() -> run(LoadSettings.defaults("stop").withErrorPolicy(ErrorPolicy.STOP, Map.of())))
                .isInstanceOf(LoadException.class).hasMessageContaining("id=150")
                .satisfies(e -> assertThat(((LoadException) e).partial().table("events").orElseThrow().state())
                        .isIn(TableProgress.TableState.FAILED));
        assertThat(count("SELECT count(*) FROM events WHERE id BETWEEN 101 AND 200")).isZero();
        assertThat(count("SELECT count(*) FROM ferry_exceptions WHERE task = 'stop' AND key_text = 'id=150'")).isEqualTo(1);
    }

    private long count(String sql) {
        try (Connection c = pg.connect(db); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
