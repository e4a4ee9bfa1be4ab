package dev.ferry.engine.load;

import dev.ferry.engine.validate.TableValidation;
import dev.ferry.engine.validate.Validator;
import dev.ferry.model.schema.Engine;
import dev.ferry.model.schema.Table;
import dev.ferry.testsupport.TestDatabases;
import dev.ferry.testsupport.TestServer;
import org.junit.jupiter.api.BeforeEach;
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
 * A load that fails mid-way (deterministically, from a listener) resumes exactly once: committed ranges are skipped,
 * the range that was being written is redone after removing its key span, nothing is lost or duplicated. The target
 * tables have NO primary key, so duplicates would be possible and would show up. These tests cover the ROW path (reader
 * and writer threads), so the PostgreSQL COPY pass-through is off; {@code PostgresCopyPassThroughIT} resumes that one.
 */
class ResumeLoadIT {

    @TempDir
    Path dir;

    private TestServer pg;
    private String src;
    private String dst;
    private LoadEndpoint from;
    private LoadEndpoint to;

    @BeforeEach
    void databases() {
        pg = TestDatabases.postgres();
        src = pg.createDatabase("fl_resume_src");
        dst = pg.createDatabase("fl_resume_dst");
        from = new LoadEndpoint(Engine.POSTGRESQL, () -> pg.connect(src));
        to = new LoadEndpoint(Engine.POSTGRESQL, () -> pg.connect(dst));
    }

    /** Throws from a WRITER thread (inside a range's transaction) once {@code after} ranges were committed. */
    private static final class FailAfter implements LoadListener {
        final AtomicInteger committed = new AtomicInteger();
        final int after;

        FailAfter(int after) {
            this.after = after;
        }

        @Override
        public void rangeCommitted(String table, KeyRange range, long rows) {
            committed.incrementAndGet();
        }

        @Override
        public void tableProgress(TableProgress p) {
            if (committed.get() >= after && Thread.currentThread().getName().startsWith("ferry-load-writer")) {
                throw new IllegalStateException("test hook: failing mid-range after " + after + " committed ranges");
            }
        }
    }

    @Test
    void splitTableResumesAfterTheCommittedRanges() throws Exception {
        Table source = TestTables.table("public", "big", "id bigint pk", "v text null", "n numeric(10,3) null");
        Table target = TestTables.table("public", "big", "id bigint", "v text null", "n numeric(10,3) null"); // no PK
        pg.execute(src, TestTables.ddl(Engine.POSTGRESQL, source),
                "INSERT INTO big SELECT g, 'row ' || g, g / 8.0 FROM generate_series(1, 8000) g");
        pg.execute(dst, TestTables.ddl(Engine.POSTGRESQL, target));
        LoadSettings settings = LoadSettings.defaults("resume").withMaxSubTasks(1).withSplit(1000, 8).withBatch(100, 2)
                .withCopyPassThrough(false);
        LoadPlan plan = new LoadPlanner(from, settings).plan(List.of(new LoadPlanner.TablePair(source, target)));
        Path state = dir.resolve("state.db");

        List<RangeState> afterFailure;
        try (LoadStateStore store = LoadStateStore.open(state)) {
            assertThatThrownBy(() -> new FullLoad(from, to, settings, store, new FailAfter(3)).run(plan, SourceSnapshot.independent()))
                    .isInstanceOf(LoadException.class).hasMessageContaining("test hook");
            afterFailure = store.ranges("resume");
        }
        List<RangeState> done = afterFailure.stream().filter(r -> r.state() == RangeState.Status.DONE).toList();
        List<RangeState> failed = afterFailure.stream().filter(r -> r.state() == RangeState.Status.FAILED).toList();
        assertThat(done).hasSize(3);
        assertThat(failed).singleElement().satisfies(r -> assertThat(r.attempts()).isEqualTo(1));
        long doneRows = done.stream().mapToLong(RangeState::rows).sum();
        assertThat(count("SELECT count(*) FROM big")).isEqualTo(doneRows); // the failed range's rows were rolled back
        assertThat(count("SELECT count(*) FROM ferry_load_state WHERE task = 'resume'")).isEqualTo(3);

        // leftovers inside the failed range's span (as a non-transactional writer would leave) must be cleaned up
        KeyRange broken = failed.get(0).range();
        pg.execute(dst, "INSERT INTO big VALUES (" + (broken.lo() + 1) + ", 'stray', 0), (" + (broken.lo() + 2) + ", 'stray', 0)");

        LoadResult second;
        try (LoadStateStore store = LoadStateStore.open(state)) {
            second = new FullLoad(from, to, settings, store, LoadListener.NO_OP).run(plan, SourceSnapshot.independent());
            assertThat(store.ranges("resume")).allMatch(r -> r.state() == RangeState.Status.DONE);
            // finished ranges were not started again
            assertThat(store.ranges("resume")).filteredOn(r -> done.stream().anyMatch(d -> d.range().equals(r.range())))
                    .allMatch(r -> r.attempts() == 1);
            assertThat(store.ranges("resume")).filteredOn(r -> r.range().equals(broken)).singleElement()
                    .satisfies(r -> assertThat(r.attempts()).isEqualTo(2));
        }
        TableResult t = second.tables().get(0);
        assertThat(t.rangesSkipped()).isEqualTo(3);
        assertThat(t.rangesLoaded()).isEqualTo(5);
        assertThat(t.rows()).isEqualTo(8000);
        assertThat(count("SELECT count(*) FROM big")).isEqualTo(8000);
        assertThat(count("SELECT count(DISTINCT id) FROM big")).isEqualTo(8000);
        assertThat(count("SELECT count(*) FROM big WHERE v = 'stray'")).isZero();
        TableValidation v = Validator.compare(from, to, plan.jobs()).get(0);
        assertThat(v.status()).as(v.toString()).isEqualTo(TableValidation.Status.VALIDATED);
    }

    @Test
    void varcharKeySplitResumesWithTheStoredTupleRanges() throws Exception {
        Table source = TestTables.table("public", "vbig", "code varchar(60) pk", "v text null");
        Table target = TestTables.table("public", "vbig", "code varchar(60)", "v text null"); // no PK
        pg.execute(src, TestTables.ddl(Engine.POSTGRESQL, source), "INSERT INTO vbig SELECT CASE g % 3 WHEN 0 THEN 'Key-' "
                + "WHEN 1 THEN 'key-' ELSE 'O''Brien\\-' END || md5(g::text), 'row ' || g FROM generate_series(1, 8000) g");
        pg.execute(dst, TestTables.ddl(Engine.POSTGRESQL, target));
        LoadSettings settings = LoadSettings.defaults("resumev").withMaxSubTasks(1).withSplit(1000, 8).withBatch(100, 2)
                .withCopyPassThrough(false);
        LoadPlan plan = new LoadPlanner(from, settings).plan(List.of(new LoadPlanner.TablePair(source, target)));
        assertThat(plan.jobs().get(0).tupleSplit()).isTrue();
        assertThat(plan.jobs().get(0).ranges()).hasSize(8);
        Path state = dir.resolve("state.db");

        List<RangeState> afterFailure;
        try (LoadStateStore store = LoadStateStore.open(state)) {
            assertThatThrownBy(() -> new FullLoad(from, to, settings, store, new FailAfter(3)).run(plan, SourceSnapshot.independent()))
                    .isInstanceOf(LoadException.class).hasMessageContaining("test hook");
        }
        try (LoadStateStore store = LoadStateStore.open(state)) { // reopened: the typed bounds read back exactly
            afterFailure = store.ranges("resumev");
            assertThat(afterFailure).extracting(RangeState::range).containsExactlyElementsOf(plan.jobs().get(0).ranges());
        }
        List<RangeState> done = afterFailure.stream().filter(r -> r.state() == RangeState.Status.DONE).toList();
        assertThat(done).hasSize(3);
        assertThat(afterFailure).filteredOn(r -> r.state() == RangeState.Status.FAILED).hasSize(1);
        assertThat(count("SELECT count(*) FROM vbig")).isEqualTo(done.stream().mapToLong(RangeState::rows).sum());
        assertThat(count("SELECT count(*) FROM ferry_load_state WHERE task = 'resumev'")).isEqualTo(3);

        // a re-plan splits differently (5 ranges): the run keeps the 8 stored ranges, so committed ones stay skipped
        LoadPlan replanned = new LoadPlanner(from, settings.withSplit(1000, 5))
                .plan(List.of(new LoadPlanner.TablePair(source, target)));
        assertThat(replanned.jobs().get(0).ranges()).hasSize(5);
        LoadResult second;
        try (LoadStateStore store = LoadStateStore.open(state)) {
            second = new FullLoad(from, to, settings, store, LoadListener.NO_OP).run(replanned, SourceSnapshot.independent());
            assertThat(store.ranges("resumev")).hasSize(8).allMatch(r -> r.state() == RangeState.Status.DONE);
            assertThat(store.ranges("resumev")).filteredOn(r -> done.stream().anyMatch(d -> d.range().equals(r.range())))
                    .allMatch(r -> r.attempts() == 1);
        }
        TableResult t = second.tables().get(0);
        assertThat(t.rangesSkipped()).isEqualTo(3);
        assertThat(t.rangesLoaded()).isEqualTo(5);
        assertThat(count("SELECT count(*) FROM vbig")).isEqualTo(8000);
        assertThat(count("SELECT count(DISTINCT code) FROM vbig")).isEqualTo(8000);
        TableValidation v = Validator.compare(from, to, plan.jobs()).get(0);
        assertThat(v.status()).as(v.toString()).isEqualTo(TableValidation.Status.VALIDATED);
        assertThat(v.rangesCompared()).isEqualTo(8);
    }

    @Test
    void singleRangeTableIsTruncatedAndReloadedWhenUnfinished() throws Exception {
        Table source = TestTables.table("public", "small", "code text pk", "qty integer null");
        Table target = TestTables.table("public", "small", "code text", "qty integer null");
        pg.execute(src, TestTables.ddl(Engine.POSTGRESQL, source),
                "INSERT INTO small SELECT 'c' || g, g FROM generate_series(1, 1000) g");
        pg.execute(dst, TestTables.ddl(Engine.POSTGRESQL, target));
        LoadSettings settings = LoadSettings.defaults("resume1").withMaxSubTasks(2).withBatch(100, 2)
                .withCopyPassThrough(false);
        LoadPlan plan = new LoadPlanner(from, settings).plan(List.of(new LoadPlanner.TablePair(source, target)));
        assertThat(plan.jobs().get(0).ranges()).containsExactly(KeyRange.whole());
        Path state = dir.resolve("state.db");
        try (LoadStateStore store = LoadStateStore.open(state)) {
            assertThatThrownBy(() -> new FullLoad(from, to, settings, store, new FailAfter(0)).run(plan, SourceSnapshot.independent()))
                    .isInstanceOf(LoadException.class);
            assertThat(store.ranges("resume1")).singleElement().satisfies(r -> assertThat(r.state()).isEqualTo(RangeState.Status.FAILED));
        }
        assertThat(count("SELECT count(*) FROM small")).isZero();
        pg.execute(dst, "INSERT INTO small VALUES ('c1', 1), ('stray', 0)");
        try (LoadStateStore store = LoadStateStore.open(state)) {
            LoadResult r = new FullLoad(from, to, settings, store, LoadListener.NO_OP).run(plan, SourceSnapshot.independent());
            assertThat(r.totalRows()).isEqualTo(1000);
        }
        assertThat(count("SELECT count(*) FROM small")).isEqualTo(1000);
        assertThat(count("SELECT count(*) FROM small WHERE code = 'stray'")).isZero();
        assertThat(Validator.compare(from, to, plan.jobs()).get(0).status()).isEqualTo(TableValidation.Status.VALIDATED);

        // a third run has nothing to do
        try (LoadStateStore store = LoadStateStore.open(state)) {
            LoadResult r = new FullLoad(from, to, settings, store, LoadListener.NO_OP).run(plan, SourceSnapshot.independent());
            assertThat(r.tables().get(0).rangesSkipped()).isEqualTo(1);
            assertThat(r.tables().get(0).rangesLoaded()).isZero();
        }
        assertThat(count("SELECT count(*) FROM small")).isEqualTo(1000);
    }

    @Test
    void targetMarkersWinWhenTheStateStoreIsLostAndTheSplitChanges() throws Exception {
        Table source = TestTables.table("public", "big", "id bigint pk", "v text null");
        Table target = TestTables.table("public", "big", "id bigint", "v text null"); // no PK: duplicates would show
        pg.execute(src, TestTables.ddl(Engine.POSTGRESQL, source),
                "INSERT INTO big SELECT g, 'row ' || g FROM generate_series(1, 4000) g");
        pg.execute(dst, TestTables.ddl(Engine.POSTGRESQL, target));
        LoadSettings four = LoadSettings.defaults("lost").withMaxSubTasks(2).withSplit(1000, 4).withBatch(100, 2)
                .withCopyPassThrough(false);
        LoadPlan plan4 = new LoadPlanner(from, four).plan(List.of(new LoadPlanner.TablePair(source, target)));
        try (LoadStateStore store = LoadStateStore.open(dir.resolve("first.db"))) {
            assertThatThrownBy(() -> new FullLoad(from, to, four.withMaxSubTasks(1), store, new FailAfter(2))
                    .run(plan4, SourceSnapshot.independent()))
                    .isInstanceOf(LoadException.class);
        }
        assertThat(count("SELECT count(*) FROM ferry_load_state WHERE task = 'lost'")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM big")).isEqualTo(2000);

        // a new state store (the old one is lost) and a different split: the markers no longer describe the ranges
        LoadSettings three = four.withSplit(1000, 3);
        LoadPlan plan3 = new LoadPlanner(from, three).plan(List.of(new LoadPlanner.TablePair(source, target)));
        try (LoadStateStore store = LoadStateStore.open(dir.resolve("second.db"))) {
            LoadResult r = new FullLoad(from, to, three, store, LoadListener.NO_OP).run(plan3, SourceSnapshot.independent());
            assertThat(r.tables().get(0).rangesSkipped()).isZero();
            assertThat(r.tables().get(0).rangesLoaded()).isEqualTo(3);
            assertThat(store.taskStatus("lost")).contains("DONE");
        }
        assertThat(count("SELECT count(*) FROM big")).isEqualTo(4000);
        assertThat(count("SELECT count(DISTINCT id) FROM big")).isEqualTo(4000);
        assertThat(count("SELECT count(*) FROM ferry_load_state WHERE task = 'lost'")).isEqualTo(3);
        assertThat(Validator.compare(from, to, plan3.jobs()).get(0).status()).isEqualTo(TableValidation.Status.VALIDATED);
    }

    private long count(String sql) throws Exception {
        try (Connection c = pg.connect(dst); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
