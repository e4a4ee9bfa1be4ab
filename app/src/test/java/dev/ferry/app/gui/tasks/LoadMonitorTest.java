package dev.ferry.app.gui.tasks;

import dev.ferry.engine.load.KeyRange;
import dev.ferry.engine.load.TableProgress;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The monitor coalesces any number of engine events into at most one snapshot per 100 ms. */
class LoadMonitorTest {

    long now = 1_000;
    final List<long[]> scheduled = new ArrayList<>(); // {delay}
    final List<Runnable> tasks = new ArrayList<>();
    final List<MonitorSnapshot> delivered = new ArrayList<>();

    LoadMonitor monitor() {
        return new LoadMonitor((task, delay) -> {
            scheduled.add(new long[] {now, delay});
            tasks.add(task);
        }, Runnable::run, delivered::add, () -> now);
    }

    static TableProgress progress(String table, TableProgress.TableState state, long rows) {
        return new TableProgress(table, state, rows, 1000, rows * 10, 500, Duration.ofSeconds(2), 0, 0, 0, 1);
    }

    /** Runs the scheduled snapshots whose time has come. */
    void runDue() {
        for (int i = 0; i < tasks.size(); i++) {
            long[] s = scheduled.get(i);
            if (s[0] + s[1] <= now && tasks.get(i) != null) {
                Runnable r = tasks.get(i);
                tasks.set(i, null);
                r.run();
            }
        }
    }

    @Test
    void aBurstOfEventsBecomesOneSnapshotWithTheLatestState() {
        LoadMonitor m = monitor();
        m.planned(List.of(new LoadRunning.PlannedTable("main.orders", "public.orders", 1000, 1)));
        for (int i = 1; i <= 5000; i++) {
            m.tableProgress(progress("main.orders", TableProgress.TableState.RUNNING, i));
        }
        assertThat(scheduled).hasSize(1);
        assertThat(scheduled.get(0)[1]).as("the first snapshot is not delayed").isZero();
        runDue();
        assertThat(delivered).hasSize(1);
        assertThat(delivered.get(0).progress().get("main.orders").rowsDone()).isEqualTo(5000);
        assertThat(delivered.get(0).planned()).hasSize(1);
    }

    @Test
    void neverMoreThanTenSnapshotsPerSecondWhateverTheEventRate() {
        LoadMonitor m = monitor();
        for (int ms = 0; ms < 2000; ms++) { // an event every millisecond for two seconds, 20 per ms
            for (int k = 0; k < 20; k++) {
                m.tableProgress(progress("main.t" + k, TableProgress.TableState.RUNNING, ms));
            }
            m.rangeCommitted("main.t0", new KeyRange(ms, null, null), 1);
            runDue();
            now++;
        }
        now += 200;
        runDue();
        assertThat(delivered.size()).isBetween(19, 21);
        for (int i = 1; i < delivered.size(); i++) {
            assertThat(delivered.get(i).atMillis() - delivered.get(i - 1).atMillis()).isGreaterThanOrEqualTo(LoadMonitor.INTERVAL_MS);
        }
        assertThat(delivered.get(delivered.size() - 1).rangesDone()).isEqualTo(2000);
        assertThat(m.snapshotCount()).isEqualTo(delivered.size());
    }

    @Test
    void stateChangesAndRejectionsBecomeLogLinesOnce() {
        LoadMonitor m = monitor();
        m.tableProgress(progress("main.a", TableProgress.TableState.RUNNING, 1));
        m.tableProgress(progress("main.a", TableProgress.TableState.RUNNING, 2));
        m.tableProgress(progress("main.a", TableProgress.TableState.DONE, 1000));
        m.log(LoadRunning.Level.ERROR, "boom");
        m.flush();
        List<String> lines = delivered.get(delivered.size() - 1).logs().stream().map(l -> l.level() + " " + l.message()).toList();
        assertThat(lines).containsExactly("INFO main.a: running", "INFO main.a: done (1,000 rows)", "ERROR boom");
    }
}
