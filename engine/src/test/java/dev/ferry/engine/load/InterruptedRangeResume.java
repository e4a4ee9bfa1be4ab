package dev.ferry.engine.load;

import dev.ferry.engine.validate.TableValidation;
import dev.ferry.engine.validate.Validator;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The shared resume scenario of the pass-through ITs: a one-worker load of one table of 40,000 rows in four ranges of
 * 10,000 fails while its second range streams, then a second run with the same state store resumes it. The caller
 * checks the target between the two runs ({@code afterCrash}); this class checks the resumed run skipped the committed
 * range, redid the other three, and validates exactly.
 */
final class InterruptedRangeResume {

    /** Opens the load's snapshot for one run. */
    @FunctionalInterface
    interface Snapshots {
        SourceSnapshot open() throws SQLException;
    }

    /** What the test checks on the target after the crash, before the resume. */
    @FunctionalInterface
    interface Check {
        void run() throws Exception;
    }

    private InterruptedRangeResume() {
    }

    static void crashInSecondRangeThenResume(LoadEndpoint from, LoadEndpoint to, LoadSettings settings, LoadPlan plan,
                                             Path stateFile, Snapshots snapshots, Check afterCrash) throws Exception {
        assertThat(plan.jobs().get(0).ranges()).hasSize(4);
        AtomicBoolean interrupted = new AtomicBoolean();
        LoadListener crashInSecondRange = new LoadListener() {
            @Override
            public void tableProgress(TableProgress p) {
                // one worker: the ranges run one after another; fail while the second one streams
                if (p.rangesDone() == 1 && p.rowsDone() > 10_000 + 4000 && interrupted.compareAndSet(false, true)) {
                    throw new IllegalStateException("simulated crash in the middle of a range");
                }
            }
        };
        try (LoadStateStore store = LoadStateStore.open(stateFile); SourceSnapshot snapshot = snapshots.open()) {
            FullLoad load = new FullLoad(from, to, settings, store, crashInSecondRange);
            assertThatThrownBy(() -> load.run(plan, snapshot)).isInstanceOf(LoadException.class)
                    .hasMessageContaining("simulated crash");
        }
        assertThat(interrupted).isTrue();
        afterCrash.run();

        LoadResult resumed;
        try (LoadStateStore store = LoadStateStore.open(stateFile); SourceSnapshot snapshot = snapshots.open()) {
            resumed = new FullLoad(from, to, settings, store, LoadListener.NO_OP).run(plan, snapshot);
        }
        TableResult r = resumed.tables().get(0);
        assertThat(r.rangesSkipped()).isEqualTo(1);
        assertThat(r.rangesLoaded()).isEqualTo(3);
        assertThat(r.rows()).isEqualTo(40_000);
        TableValidation v = Validator.compare(from, to, plan.jobs()).get(0);
        assertThat(v.status()).as(v.toString()).isEqualTo(TableValidation.Status.VALIDATED);
    }
}
