package dev.ferry.app.gui.tasks;

import dev.ferry.engine.cdc.apply.CdcMetrics;
import dev.ferry.engine.load.KeyRange;
import dev.ferry.engine.load.RejectedRow;
import dev.ferry.engine.load.TableProgress;
import dev.ferry.engine.validate.TableValidation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Coalesces a load's listener events (which arrive from many worker threads, thousands per second) into at most one
 * {@link MonitorSnapshot} per {@link #INTERVAL_MS} handed to the UI executor: an event only records the latest state
 * in concurrent maps; the first event after a snapshot schedules the next one for {@code lastSnapshot + 100 ms} on the
 * {@link Scheduler}; {@link #flush()} sends a final snapshot at the end. So the UI thread gets ≤ 10 updates per second
 * whatever the load's speed.
 *
 * <p>Threading: the event methods are thread-safe and never block; snapshots are built on the scheduler's thread and
 * delivered through {@code ui} (in the workbench {@code Platform::runLater}).
 */
public final class LoadMonitor implements LoadRunning.Events {

    /** Minimum milliseconds between two snapshots. */
    public static final long INTERVAL_MS = 100;

    /** Runs a task after a delay, on some background thread. */
    @FunctionalInterface
    public interface Scheduler {
        void schedule(Runnable task, long delayMillis);
    }

    private final Scheduler scheduler;
    private final Executor ui;
    private final Consumer<MonitorSnapshot> sink;
    private final LongSupplier clock;
    private final long start;

    private final AtomicReference<List<LoadRunning.PlannedTable>> planned = new AtomicReference<>(List.of());
    private final Map<String, TableProgress> progress = new ConcurrentHashMap<>();
    private final Map<String, TableValidation> validations = new ConcurrentHashMap<>();
    private final Map<String, Long> rejected = new ConcurrentHashMap<>();
    private final Map<String, TableProgress.TableState> lastState = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<MonitorSnapshot.LogLine> logs = new ConcurrentLinkedQueue<>();
    private final AtomicLong rangesDone = new AtomicLong();
    private final AtomicReference<CdcMetrics> cdc = new AtomicReference<>();
    private volatile int queueCapacity;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final AtomicLong lastSnapshot = new AtomicLong(Long.MIN_VALUE / 2);
    private final AtomicLong snapshots = new AtomicLong();

    /**
     * @param clock milliseconds, monotonic ({@code System.nanoTime() / 1e6} in the application)
     */
    public LoadMonitor(Scheduler scheduler, Executor ui, Consumer<MonitorSnapshot> sink, LongSupplier clock) {
        this.scheduler = scheduler;
        this.ui = ui;
        this.sink = sink;
        this.clock = clock;
        this.start = clock.getAsLong();
    }

    @Override
    public void planned(List<LoadRunning.PlannedTable> tables) {
        planned.set(List.copyOf(tables));
        changed();
    }

    @Override
    public void tableProgress(TableProgress p) {
        progress.put(p.table(), p);
        TableProgress.TableState before = lastState.put(p.table(), p.state());
        if (before != p.state() && p.state() != TableProgress.TableState.PENDING) {
            log(p.state() == TableProgress.TableState.FAILED ? LoadRunning.Level.ERROR
                    : p.state() == TableProgress.TableState.SUSPENDED ? LoadRunning.Level.WARN : LoadRunning.Level.INFO,
                    p.table() + ": " + p.state().name().toLowerCase(java.util.Locale.ROOT)
                            + (p.state() == TableProgress.TableState.DONE ? " (" + TasksViewModel.fmt(p.rowsDone()) + " rows)" : ""));
            return;
        }
        changed();
    }

    @Override
    public void rangeCommitted(String table, KeyRange range, long rows) {
        rangesDone.incrementAndGet();
        logs.add(new MonitorSnapshot.LogLine(now(), LoadRunning.Level.DEBUG,
                table + ": range " + range.index() + " committed (" + rows + " rows)"));
        changed();
    }

    @Override
    public void rowRejected(RejectedRow row) {
        rejected.merge(row.table(), 1L, Long::sum);
        log(LoadRunning.Level.WARN, "Rejected a row of " + row.table() + ": " + row.reason());
    }

    @Override
    public void validated(TableValidation validation) {
        validations.put(validation.table(), validation);
        changed();
    }

    @Override
    public void log(LoadRunning.Level level, String message) {
        logs.add(new MonitorSnapshot.LogLine(now(), level, message));
        changed();
    }

    @Override
    public void cdc(CdcMetrics metrics, int capacity) {
        queueCapacity = capacity;
        cdc.set(metrics);
        changed();
    }

    /** Schedules a snapshot unless one is already scheduled; never more often than every {@link #INTERVAL_MS}. */
    private void changed() {
        if (pending.compareAndSet(false, true)) {
            long wait = Math.max(0, lastSnapshot.get() + INTERVAL_MS - clock.getAsLong());
            scheduler.schedule(this::emit, wait);
        }
    }

    private void emit() {
        pending.set(false);
        lastSnapshot.set(clock.getAsLong());
        deliver();
    }

    /** Sends a snapshot now (at the end of a run), whatever the interval. */
    public void flush() {
        lastSnapshot.set(clock.getAsLong());
        deliver();
    }

    private void deliver() {
        List<MonitorSnapshot.LogLine> lines = new ArrayList<>();
        for (MonitorSnapshot.LogLine l; (l = logs.poll()) != null; ) {
            lines.add(l);
        }
        Runtime rt = Runtime.getRuntime();
        MonitorSnapshot s = new MonitorSnapshot(now(), planned.get(), progress, validations, rejected, lines, rangesDone.get(),
                rt.totalMemory() - rt.freeMemory(), rt.maxMemory(), cdc.get(), queueCapacity);
        snapshots.incrementAndGet();
        ui.execute(() -> sink.accept(s));
    }

    /** Snapshots handed to the UI so far. */
    public long snapshotCount() {
        return snapshots.get();
    }

    private long now() {
        return clock.getAsLong() - start;
    }
}
