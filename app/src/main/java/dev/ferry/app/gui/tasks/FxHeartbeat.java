package dev.ferry.app.gui.tasks;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Measures how long the UI thread is ever blocked: a background thread posts a beat through {@code ui}
 * ({@code Platform::runLater}) every {@link #PERIOD_MS} ms; each beat records the gap since the previous beat ran on the
 * UI thread. A UI thread blocked for 150 ms shows as a gap of about 150 ms. A second, plain "control" thread runs the
 * same 10 ms loop without the UI thread and records its own worst gap: what the machine itself (CPU starvation on a
 * shared host, GC pauses) did to every thread during the same time, so a UI figure can be told apart from a machine
 * stall. Thread-safe; start once, stop once.
 */
public final class FxHeartbeat implements AutoCloseable {

    /** Milliseconds between two beats. */
    public static final long PERIOD_MS = 10;

    /**
     * The figures.
     *
     * @param beats            beats that ran on the UI thread
     * @param worstGapMillis   longest time between two beats on the UI thread (≥ the period)
     * @param worstDelayMillis longest time a posted beat waited before the UI thread ran it
     * @param controlWorstGapMillis longest gap of the control thread's own 10 ms loop
     */
    public record Result(long beats, double worstGapMillis, double worstDelayMillis, double controlWorstGapMillis,
                         double worstGapUiCpuMillis, long stallSamples, long blockingSamples, String stallStack,
                         double uiCpuMillis, double elapsedMillis, long gapsOver100, double p99GapMillis) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%d beats, worst UI-thread gap %.1f ms (UI thread on CPU %.1f ms of it), "
                    + "worst beat delay %.1f ms, control thread worst gap %.1f ms; %d stall samples, %d of them blocked in I/O or in"
                    + " Ferry code waiting; UI thread on CPU %.0f ms of %.0f ms (%.1f%%), %d gaps over 100 ms, 99th percentile gap"
                    + " %.0f ms", beats, worstGapMillis, worstGapUiCpuMillis, worstDelayMillis, controlWorstGapMillis,
                    stallSamples, blockingSamples, uiCpuMillis, elapsedMillis,
                    elapsedMillis <= 0 ? 0 : 100 * uiCpuMillis / elapsedMillis, gapsOver100, p99GapMillis);
        }
    }

    /** Stalls longer than this get the UI thread's stack sampled (see {@link Result#stallStack()}). */
    public static final long STALL_MS = 100;

    private final Executor ui;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong beats = new AtomicLong();
    private final AtomicLong lastBeat = new AtomicLong();
    private final AtomicLong worstGap = new AtomicLong();
    private final AtomicLong worstDelay = new AtomicLong();
    private final AtomicLong controlWorst = new AtomicLong();
    private final AtomicLong lastCpu = new AtomicLong(-1);
    private final AtomicLong worstGapCpu = new AtomicLong();
    private final AtomicLong firstCpu = new AtomicLong(-1);
    private final AtomicLong firstBeat = new AtomicLong();
    /** Gaps per whole millisecond (the last bucket: 2 s or more); written on the UI thread only. */
    private final java.util.concurrent.atomic.AtomicLongArray gapHistogram = new java.util.concurrent.atomic.AtomicLongArray(2001);
    private final java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    private volatile Thread uiThread;
    private volatile String stallStack = "";
    private final AtomicLong stallSamples = new AtomicLong();
    private final AtomicLong blockingSamples = new AtomicLong();
    private long worstSampledStall;
    private Thread poster;
    private Thread control;

    public FxHeartbeat(Executor ui) {
        this.ui = ui;
    }

    public void start() {
        if (!running.compareAndSet(false, true)) {
            throw new IllegalStateException("already started");
        }
        poster = new Thread(() -> {
            long next = System.nanoTime();
            while (running.get()) {
                long posted = System.nanoTime();
                ui.execute(() -> beat(posted));
                sampleStall();
                next += PERIOD_MS * 1_000_000;
                LockSupport.parkNanos(Math.max(0, next - System.nanoTime()));
                if (System.nanoTime() - next > PERIOD_MS * 1_000_000) {
                    next = System.nanoTime(); // the poster itself was starved: do not post a burst to catch up
                }
            }
        }, "ferry-heartbeat");
        control = new Thread(() -> {
            long last = System.nanoTime();
            while (running.get()) {
                LockSupport.parkNanos(PERIOD_MS * 1_000_000);
                long now = System.nanoTime();
                controlWorst.accumulateAndGet(now - last, Math::max);
                last = now;
            }
        }, "ferry-heartbeat-control");
        poster.setDaemon(true);
        control.setDaemon(true);
        poster.start();
        control.start();
    }

    private void beat(long posted) {
        if (!running.get()) {
            return;
        }
        if (uiThread == null) {
            uiThread = Thread.currentThread();
        }
        long now = System.nanoTime();
        long cpu = threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : -1;
        worstDelay.accumulateAndGet(now - posted, Math::max);
        long previous = lastBeat.getAndSet(now);
        long previousCpu = lastCpu.getAndSet(cpu);
        firstCpu.compareAndSet(-1, cpu);
        firstBeat.compareAndSet(0, now);
        if (previous != 0) {
            gapHistogram.incrementAndGet((int) Math.min(2000, (now - previous) / 1_000_000));
        }
        if (previous != 0 && now - previous > worstGap.get()) {
            worstGap.set(now - previous);
            worstGapCpu.set(cpu >= 0 && previousCpu >= 0 ? cpu - previousCpu : -1);
        }
        beats.incrementAndGet();
    }

    /**
     * On the poster thread, every period while the UI thread has not beaten for {@link #STALL_MS}: samples what it is
     * doing. A sample counts as blocking when the UI thread is in I/O or JDBC, or waits on a lock or sleeps inside Ferry
     * code; runnable samples (starved of CPU, or computing) and JavaFX's own waits (the renderer) do not. The stack of the
     * longest stall's last sample (or of a blocking sample, which is kept) goes into the result.
     */
    private void sampleStall() {
        Thread t = uiThread;
        long last = lastBeat.get();
        long now = System.nanoTime();
        if (t == null || last == 0 || now - last < STALL_MS * 1_000_000) {
            return;
        }
        Thread.State state = t.getState();
        StackTraceElement[] stack = t.getStackTrace();
        stallSamples.incrementAndGet();
        boolean io = false;
        boolean ours = false;
        for (int i = 0; i < Math.min(30, stack.length); i++) {
            String c = stack[i].getClassName();
            io |= c.startsWith("java.sql.") || c.startsWith("java.net.") || c.startsWith("sun.nio.") || c.startsWith("java.io.File")
                    || c.startsWith("org.postgresql.") || c.startsWith("org.sqlite.") || c.startsWith("com.mysql.");
            ours |= c.startsWith("dev.ferry.") && !c.startsWith(FxHeartbeat.class.getName());
        }
        boolean blocking = io || (ours && state != Thread.State.RUNNABLE);
        if (blocking) {
            blockingSamples.incrementAndGet();
        }
        if (blocking || (now - last >= worstSampledStall && blockingSamples.get() == 0)) {
            worstSampledStall = now - last;
            StringBuilder b = new StringBuilder("UI thread " + state + " after " + (now - last) / 1_000_000 + " ms without a beat"
                    + (blocking ? " (BLOCKING)" : "") + ":\n");
            for (int i = 0; i < Math.min(25, stack.length); i++) {
                b.append("    at ").append(stack[i]).append('\n');
            }
            stallStack = b.toString();
        }
    }

    /** The figures so far. */
    public Result result() {
        long gaps = 0;
        long over100 = 0;
        for (int i = 0; i < gapHistogram.length(); i++) {
            gaps += gapHistogram.get(i);
            over100 += i > STALL_MS ? gapHistogram.get(i) : 0;
        }
        long seen = 0;
        int p99 = 0;
        for (int i = 0; i < gapHistogram.length() && gaps > 0; i++) {
            seen += gapHistogram.get(i);
            if (seen * 100 >= gaps * 99) {
                p99 = i;
                break;
            }
        }
        long cpu0 = firstCpu.get();
        long cpu1 = lastCpu.get();
        return new Result(beats.get(), worstGap.get() / 1e6, worstDelay.get() / 1e6, controlWorst.get() / 1e6,
                worstGapCpu.get() / 1e6, stallSamples.get(), blockingSamples.get(), stallStack,
                cpu0 >= 0 && cpu1 >= 0 ? (cpu1 - cpu0) / 1e6 : -1, firstBeat.get() == 0 ? 0 : (lastBeat.get() - firstBeat.get()) / 1e6,
                over100, p99);
    }

    /** Stops both threads and returns the figures. */
    public Result stop() throws InterruptedException {
        running.set(false);
        if (poster != null) {
            poster.join(1000);
            control.join(1000);
        }
        return result();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
