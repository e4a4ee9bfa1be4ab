package dev.ferry.app.gui.tasks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Measures how long the UI thread is ever blocked, and why.
 *
 * <ul>
 *   <li>A <b>poster</b> thread posts a beat through {@code ui} ({@code Platform::runLater}) every {@link #PERIOD_MS} ms;
 *   each beat records the gap since the previous beat ran on the UI thread. A UI thread busy for 150 ms shows as a gap
 *   of about 150 ms.</li>
 *   <li>A plain <b>control</b> thread runs the same 10 ms loop without the UI thread and records every time it woke up
 *   late: what the machine did to every thread at that moment (CPU starvation on a shared host, GC pauses, the process
 *   descheduled). A UI gap that the control thread shares is not the UI thread being blocked. On Linux the poster also
 *   reads, every period, how long the UI thread and JavaFX's render thread waited for a CPU ({@code schedstat}; the UI
 *   thread also reads its own at each beat, a few microseconds of kernel memory, for the exact figure per gap); with
 *   GC pauses (the GC beans' notifications) these are the <b>machine stalls</b>. Each gap is reported raw, minus the
 *   control thread's stalls only, and as {@link Stall#blockedMillis()}: the time the beat ending it waited for the UI
 *   thread (from its posting, so a starved poster's late beat does not count), minus the union of all machine stalls,
 *   never below the UI thread's own CPU time in the gap: the figure a check can assert.</li>
 *   <li>While the UI thread has not beaten for {@link #SAMPLE_AFTER_MS} ms the poster samples its stack every period;
 *   each gap over {@link #REPORT_MS} ms keeps its samples, the UI thread's CPU time during the gap, its overlap with
 *   GC pauses (from the GC beans' notifications) and with control-thread stalls, and a cause read from the samples
 *   (class loading, CSS, layout, chart, cells, rendering, Ferry code, …). {@link Result#report(int)} lists them.</li>
 * </ul>
 * Thread-safe; start once, stop once. Costs a stack sample only while the UI thread is late.
 */
public final class FxHeartbeat implements AutoCloseable {

    /** Milliseconds between two beats. */
    public static final long PERIOD_MS = 10;
    /** The responsiveness target: a gap over this is counted (and asserted against, minus machine stalls). */
    public static final long STALL_MS = 100;
    /** Gaps longer than this are kept with their stack samples and cause. */
    public static final long REPORT_MS = 50;
    /** The UI thread's stack is sampled while it has not beaten for this long. */
    public static final long SAMPLE_AFTER_MS = 25;
    /** A control-thread wake-up later than this beyond its period counts as a machine stall. */
    static final long CONTROL_SLACK_MS = 2;
    private static final int MAX_STALLS = 2000;
    private static final int MAX_SAMPLES_PER_STALL = 6;
    private static final int FRAMES = 40;

    /**
     * One UI-thread gap over {@link #REPORT_MS}.
     *
     * @param atMillis          when the gap began, milliseconds after the first beat
     * @param gapMillis         time between the two beats
     * @param uiCpuMillis       the UI thread's CPU time during the gap (-1 unknown): how much of it was its own work
     * @param controlStallMillis the part of the gap in which the control thread was stalled too
     * @param gcMillis          the part of the gap inside stop-the-world GC pauses
     * @param runQueueMillis    the part of the gap in which the UI or the render thread was ready to run but waited for a
     *                          CPU (Linux per-thread scheduler statistics read every period; -1 unknown)
     * @param rendererCpuMillis the render thread's CPU time during the gap (read every period; -1 unknown)
     * @param waitMillis        from the later of the previous beat and the posting of this one, to this beat
     * @param machineStallMillis the part of that wait covered by the union of the control thread's stalls, the UI and
     *                          render threads' waits for a CPU (sampled every period from Linux's schedstat) and GC pauses;
     *                          or, if larger, the UI thread's exact wait for a CPU in the gap (its schedstat read at each
     *                          beat) less the part of the gap before the wait began
     * @param cause             the cause read from the stack samples, see {@link #classify}
     * @param samples           the UI thread's stack samples (state, frames), oldest first
     */
    public record Stall(double atMillis, double gapMillis, double uiCpuMillis, double controlStallMillis, double gcMillis,
                        double runQueueMillis, double rendererCpuMillis, double waitMillis, double machineStallMillis,
                        String cause, List<String> samples) {
        /**
         * How long the UI thread held up the beat that ended the gap: its wait from being posted (or from the previous
         * beat, if posted before it) to running ({@code waitMillis}, so a starved poster that posted late does not count)
         * minus the concurrent machine stalls ({@code machineStallMillis}: the union, in time, of the control thread's
         * stalls, the UI and render threads' waits for a CPU and GC pauses), but never less than the UI thread's own CPU
         * time in the whole gap. What is left is the UI thread's own work, its waits on locks, I/O or the renderer's
         * work, and any machine stall none of the measures saw.
         */
        public double blockedMillis() {
            return Math.max(Math.max(0, uiCpuMillis), waitMillis - machineStallMillis);
        }

        /** The gap minus the control thread's concurrent stalls only. */
        public double minusControlMillis() {
            return Math.max(0, gapMillis - controlStallMillis);
        }

        String line() {
            return String.format(Locale.ROOT, "at %8.0f ms: gap %5.0f ms, beat waited %5.0f ms; control thread stalled %5.0f ms of the gap,"
                            + " UI+render threads waited for a CPU %5.0f ms, machine stalls in the wait %5.0f ms; blocked %5.0f ms; UI thread on CPU %5.0f ms, render thread %5.0f ms; GC %4.0f ms;"
                            + " cause: %s", atMillis, gapMillis, waitMillis, controlStallMillis, runQueueMillis, machineStallMillis, blockedMillis(), uiCpuMillis,
                    rendererCpuMillis, gcMillis, cause);
        }
    }

    /**
     * The figures.
     *
     * @param beats                  beats that ran on the UI thread
     * @param worstGapMillis         longest time between two beats on the UI thread (raw wall clock)
     * @param worstDelayMillis       longest time a posted beat waited before the UI thread ran it
     * @param p99GapMillis           99th-percentile gap (whole milliseconds)
     * @param gapsOver100            gaps over {@link #STALL_MS}
     * @param worstBlockedMillis     the largest {@link Stall#blockedMillis()}: worst gap minus concurrent machine stalls
     * @param worstMinusControlMillis the largest {@link Stall#minusControlMillis()}
     * @param controlWorstGapMillis  the control thread's longest gap between two wake-ups
     * @param controlP99GapMillis    its 99th-percentile gap
     * @param controlGapsOver100     its gaps over {@link #STALL_MS}
     * @param controlStallMillis     its total lateness (time beyond the period), the whole run
     * @param gcPauses               stop-the-world GC pauses during the run
     * @param gcPauseMillis          their total length
     * @param gcWorstPauseMillis     the longest one
     * @param uiCpuMillis            the UI thread's CPU time over the run (-1 unknown)
     * @param elapsedMillis          first beat to last beat
     * @param stalls                 every gap over {@link #REPORT_MS}, in order
     */
    public record Result(long beats, double worstGapMillis, double worstDelayMillis, double p99GapMillis, long gapsOver100,
                         double worstBlockedMillis, double worstMinusControlMillis, double controlWorstGapMillis, double controlP99GapMillis,
                         long controlGapsOver100, double controlStallMillis, long gcPauses, double gcPauseMillis,
                         double gcWorstPauseMillis, double uiCpuMillis, double elapsedMillis, List<Stall> stalls) {

        /** The gap with the largest {@link Stall#blockedMillis()}, if any gap was over {@link #REPORT_MS}. */
        public java.util.Optional<Stall> worstBlocked() {
            return stalls.stream().max(Comparator.comparingDouble(Stall::blockedMillis));
        }

        /** Gaps over {@link #REPORT_MS} per cause (most frequent first). */
        public Map<String, Long> causes() {
            Map<String, Long> m = new LinkedHashMap<>();
            stalls.stream().map(s -> s.cause().replaceAll(" \\(.*", ""))
                    .forEach(c -> m.merge(c, 1L, Long::sum));
            Map<String, Long> sorted = new LinkedHashMap<>();
            m.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(e -> sorted.put(e.getKey(), e.getValue()));
            return sorted;
        }

        /** One line: the figures a run is compared by. */
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "worst UI-thread gap %.0f ms, minus concurrent machine stalls %.0f ms"
                            + " (target < %d ms; minus the control thread's stalls only %.0f ms); p99 gap %.0f ms; %d gaps over %d ms; worst beat delay %.0f ms; control thread:"
                            + " worst gap %.0f ms, p99 %.0f ms, %d gaps over %d ms, %.0f ms late in all; GC: %d pauses, %.0f ms,"
                            + " worst %.0f ms; UI thread on CPU %.0f of %.0f ms (%.1f%%); %d beats; gaps over %d ms by cause %s",
                    worstGapMillis, worstBlockedMillis, STALL_MS, worstMinusControlMillis, p99GapMillis, gapsOver100, STALL_MS, worstDelayMillis,
                    controlWorstGapMillis, controlP99GapMillis, controlGapsOver100, STALL_MS, controlStallMillis, gcPauses,
                    gcPauseMillis, gcWorstPauseMillis, uiCpuMillis, elapsedMillis,
                    elapsedMillis <= 0 ? 0 : 100 * uiCpuMillis / elapsedMillis, beats, REPORT_MS, causes());
        }

        /** The figures, then every gap over {@link #REPORT_MS} ms (longest blocked first, at most {@code maxStacks} with stacks). */
        public String report(int maxStacks) {
            StringBuilder b = new StringBuilder(toString()).append('\n');
            List<Stall> byBlocked = new ArrayList<>(stalls);
            byBlocked.sort(Comparator.comparingDouble(Stall::blockedMillis).reversed());
            b.append("Gaps over ").append(REPORT_MS).append(" ms, longest blocked first (").append(stalls.size()).append("):\n");
            for (int i = 0; i < byBlocked.size(); i++) {
                Stall s = byBlocked.get(i);
                b.append("  ").append(s.line()).append('\n');
                if (i < maxStacks) {
                    for (String sample : s.samples()) {
                        b.append(sample.indent(6));
                    }
                }
            }
            return b.toString();
        }
    }

    private final Executor ui;
    private final AtomicBoolean running = new AtomicBoolean();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final long nanoOrigin = System.nanoTime();
    private final long uptimeOriginMillis = ManagementFactory.getRuntimeMXBean().getUptime();

    // UI thread (beat) state
    private final AtomicLong beats = new AtomicLong();
    private final AtomicLong lastBeat = new AtomicLong();
    private final AtomicLong firstBeat = new AtomicLong();
    private final AtomicLong worstGap = new AtomicLong();
    private final AtomicLong worstDelay = new AtomicLong();
    private final AtomicLong lastCpu = new AtomicLong(-1);
    private final AtomicLong firstCpu = new AtomicLong(-1);
    /** Gaps per whole millisecond (the last bucket: 2 s or more). */
    private final AtomicLongArray gapHistogram = new AtomicLongArray(2001);
    private final AtomicLongArray controlHistogram = new AtomicLongArray(2001);
    private volatile Thread uiThread;
    /** The UI thread's /proc/&lt;pid&gt;/task/&lt;tid&gt; (Linux), found on the first beat; null elsewhere. */
    private volatile java.nio.file.Path uiTask;
    /** Its schedstat as the UI thread reads it at each beat: the exact run-queue wait of each gap. */
    private java.nio.channels.FileChannel beatSchedstat;
    private final java.nio.ByteBuffer beatBuffer = java.nio.ByteBuffer.allocate(128);
    private long lastBeatRunQueue = -1;
    /** Its schedstat as the poster reads it every period: when, within a gap, it waited. */
    private volatile java.nio.channels.FileChannel schedstat;
    /** [start, end] nanoTime of the render thread's CPU time, as the poster saw it every period. */
    private final List<long[]> rendererCpuTimes = new ArrayList<>();
    private long posterLastRendererCpu = -1;
    private final java.nio.ByteBuffer posterBuffer = java.nio.ByteBuffer.allocate(128);
    /** [start, end] nanoTime of the UI and render threads' waits for a CPU, as the poster saw them every period. */
    private final List<long[]> runQueueWaits = new ArrayList<>();
    private long posterLastAt;
    private long posterLastUiRunQueue = -1;
    private long posterLastRendererRunQueue = -1;
    /** JavaFX's render thread's schedstat (Linux), or null: while the UI thread waits for a frame, it waits on this one. */
    private java.nio.channels.FileChannel rendererSchedstat;
    private volatile Thread renderer;

    // raw stall data, turned into Stalls by result()
    private final Object lock = new Object();
    /** [start, end, uiCpu] of UI gaps over REPORT_MS, nanoTime. */
    private final List<long[]> gaps = new ArrayList<>();
    private final List<List<String>> gapSamples = new ArrayList<>();
    /** Samples of the current gap: [nanoTime] + text. */
    private final List<Object[]> pendingSamples = new ArrayList<>();
    /** [start, end] nanoTime of the control thread's lateness beyond its period. */
    private final List<long[]> controlStalls = new ArrayList<>();
    /** [start, end] nanoTime of stop-the-world GC pauses. */
    private final List<long[]> gcPauses = new ArrayList<>();
    private final AtomicLong controlWorst = new AtomicLong();
    private final AtomicLong controlLate = new AtomicLong();

    private Thread poster;
    private Thread control;
    private final List<Runnable> gcUnsubscribe = new ArrayList<>();

    public FxHeartbeat(Executor ui) {
        this.ui = ui;
    }

    public void start() {
        if (!running.compareAndSet(false, true)) {
            throw new IllegalStateException("already started");
        }
        listenToGc();
        rendererSchedstat = openSchedstatOf("QuantumRendere");
        renderer = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("QuantumRenderer"))
                .findFirst().orElse(null);
        poster = new Thread(() -> {
            long next = System.nanoTime();
            while (running.get()) {
                long posted = System.nanoTime();
                ui.execute(() -> beat(posted));
                sampleStall();
                sampleRunQueues();
                next += PERIOD_MS * 1_000_000;
                LockSupport.parkNanos(Math.max(0, next - System.nanoTime()));
                long woke = System.nanoTime();
                if (woke - next > PERIOD_MS * 1_000_000) {
                    next = woke; // the poster itself was starved: do not post a burst to catch up
                }
            }
        }, "ferry-heartbeat");
        control = new Thread(() -> {
            long last = System.nanoTime();
            while (running.get()) {
                LockSupport.parkNanos(PERIOD_MS * 1_000_000);
                long now = System.nanoTime();
                long gap = now - last;
                controlWorst.accumulateAndGet(gap, Math::max);
                controlHistogram.incrementAndGet((int) Math.min(2000, gap / 1_000_000));
                long late = gap - PERIOD_MS * 1_000_000;
                if (late > CONTROL_SLACK_MS * 1_000_000) {
                    controlLate.addAndGet(late);
                    synchronized (lock) {
                        controlStalls.add(new long[] {last + PERIOD_MS * 1_000_000, now});
                    }
                }
                last = now;
            }
        }, "ferry-heartbeat-control");
        poster.setDaemon(true);
        control.setDaemon(true);
        poster.start();
        control.start();
    }

    /** Records stop-the-world GC pauses through the GC beans' notifications (where the JDK offers them). */
    private void listenToGc() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (!(gc instanceof javax.management.NotificationEmitter emitter)) {
                continue;
            }
            javax.management.NotificationListener l = (n, handback) -> {
                if (!com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                    return;
                }
                var info = com.sun.management.GarbageCollectionNotificationInfo.from(
                        (javax.management.openmbean.CompositeData) n.getUserData());
                String action = info.getGcAction();
                if (!action.contains("minor") && !action.contains("major")) {
                    return; // a concurrent cycle, not a pause
                }
                long start = nanoOrigin + (info.getGcInfo().getStartTime() - uptimeOriginMillis) * 1_000_000;
                long end = nanoOrigin + (info.getGcInfo().getEndTime() - uptimeOriginMillis) * 1_000_000;
                synchronized (lock) {
                    gcPauses.add(new long[] {start, Math.max(start, end)});
                }
            };
            try {
                emitter.addNotificationListener(l, null, null);
                gcUnsubscribe.add(() -> {
                    try {
                        emitter.removeNotificationListener(l);
                    } catch (javax.management.ListenerNotFoundException ignored) {
                        // already gone
                    }
                });
            } catch (RuntimeException | LinkageError e) {
                // no GC notifications on this JDK: the figures go without GC attribution
            }
        }
    }

    private void beat(long posted) {
        if (!running.get()) {
            return;
        }
        if (uiThread == null) {
            try { // which task the UI thread is, once; its schedstat is kernel memory (a few microseconds a read, no disk)
                uiTask = java.nio.file.Path.of("/proc").resolve(java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/thread-self")));
                beatSchedstat = java.nio.channels.FileChannel.open(uiTask.resolve("schedstat"));
            } catch (java.io.IOException | RuntimeException e) {
                uiTask = null; // not Linux: no run-queue figures
            }
            uiThread = Thread.currentThread();
        }
        long now = System.nanoTime();
        long runQueue = schedstatField(beatSchedstat, 1, beatBuffer);
        long previousRunQueue = lastBeatRunQueue;
        lastBeatRunQueue = runQueue;
        long cpu = threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : -1;
        worstDelay.accumulateAndGet(now - posted, Math::max);
        long previous = lastBeat.getAndSet(now);
        long previousCpu = lastCpu.getAndSet(cpu);
        firstCpu.compareAndSet(-1, cpu);
        firstBeat.compareAndSet(0, now);
        beats.incrementAndGet();
        if (previous == 0) {
            return;
        }
        long gap = now - previous;
        gapHistogram.incrementAndGet((int) Math.min(2000, gap / 1_000_000));
        worstGap.accumulateAndGet(gap, Math::max);
        synchronized (lock) {
            if (gap >= REPORT_MS * 1_000_000 && gaps.size() < MAX_STALLS) {
                List<String> samples = new ArrayList<>();
                for (Object[] s : pendingSamples) {
                    if ((long) s[0] > previous && (long) s[0] <= now && samples.size() < MAX_SAMPLES_PER_STALL) {
                        samples.add((String) s[1]);
                    }
                }
                gaps.add(new long[] {previous, now, cpu >= 0 && previousCpu >= 0 ? cpu - previousCpu : -1,
                        Math.max(previous, posted), runQueue >= 0 && previousRunQueue >= 0 ? runQueue - previousRunQueue : -1});
                gapSamples.add(samples);
            }
            pendingSamples.clear();
        }
    }

    /**
     * On the poster thread, every period: how much the UI and render threads waited for a CPU since the last look,
     * kept as an interval ending now (its place inside the period is not known; the period is 10 ms).
     */
    private void sampleRunQueues() {
        if (schedstat == null && uiTask != null) {
            try {
                schedstat = java.nio.channels.FileChannel.open(uiTask.resolve("schedstat"));
            } catch (java.io.IOException | RuntimeException e) {
                uiTask = null;
            }
        }
        long now = System.nanoTime();
        long ui = schedstatField(schedstat, 1, posterBuffer);
        long render = schedstatField(rendererSchedstat, 1, posterBuffer);
        long renderCpu = schedstatField(rendererSchedstat, 0, posterBuffer);
        long dCpu = renderCpu >= 0 && posterLastRendererCpu >= 0 ? renderCpu - posterLastRendererCpu : 0;
        posterLastRendererCpu = renderCpu;
        long since = posterLastAt;
        posterLastAt = now;
        long d = Math.max(ui >= 0 && posterLastUiRunQueue >= 0 ? ui - posterLastUiRunQueue : 0,
                render >= 0 && posterLastRendererRunQueue >= 0 ? render - posterLastRendererRunQueue : 0);
        posterLastUiRunQueue = ui;
        posterLastRendererRunQueue = render;
        if (since != 0 && d > 0) {
            synchronized (lock) {
                runQueueWaits.add(new long[] {Math.max(since, now - d), now});
            }
        }
        if (since != 0 && dCpu > 0) {
            synchronized (lock) {
                rendererCpuTimes.add(new long[] {Math.max(since, now - dCpu), now});
            }
        }
    }

    /** Field {@code i} of a thread's schedstat: 0 time on a CPU, 1 time runnable waiting for one (ns); -1 unknown. */
    private static long schedstatField(java.nio.channels.FileChannel channel, int i, java.nio.ByteBuffer buffer) {
        if (channel == null) {
            return -1;
        }
        try {
            buffer.clear();
            channel.read(buffer, 0);
            String[] f = new String(buffer.array(), 0, buffer.position(), java.nio.charset.StandardCharsets.US_ASCII)
                    .trim().split(" ");
            return Long.parseLong(f[i]);
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The schedstat file of this process's thread whose name starts with {@code name} (Linux), or null. */
    private static java.nio.channels.FileChannel openSchedstatOf(String name) {
        try (var tasks = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/task"))) {
            for (java.nio.file.Path t : (Iterable<java.nio.file.Path>) tasks::iterator) {
                try {
                    if (java.nio.file.Files.readString(t.resolve("comm")).startsWith(name)) {
                        return java.nio.channels.FileChannel.open(t.resolve("schedstat"));
                    }
                } catch (java.io.IOException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not Linux
        }
        return null;
    }

    /** On the poster thread, every period while the UI thread has not beaten for {@link #SAMPLE_AFTER_MS}: samples it. */
    private void sampleStall() {
        Thread t = uiThread;
        long last = lastBeat.get();
        long now = System.nanoTime();
        if (t == null || last == 0 || now - last < SAMPLE_AFTER_MS * 1_000_000) {
            return;
        }
        synchronized (lock) {
            if (pendingSamples.size() >= MAX_SAMPLES_PER_STALL * 4) {
                return; // a long stall: the first samples are kept
            }
        }
        Thread.State state = t.getState();
        StackTraceElement[] stack = t.getStackTrace();
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%s after %d ms without a beat: %s%n", state,
                (now - last) / 1_000_000, classify(state, stack)));
        for (int i = 0; i < Math.min(FRAMES, stack.length); i++) {
            b.append("  at ").append(stack[i]).append('\n');
        }
        Thread r = renderer;
        if (r != null && b.indexOf("waiting for the renderer") >= 0) {
            StackTraceElement[] rs = r.getStackTrace();
            b.append("  the render thread, ").append(r.getState()).append(":\n");
            for (int i = 0; i < Math.min(FRAMES, rs.length); i++) {
                b.append("    at ").append(rs[i]).append('\n');
            }
        }
        synchronized (lock) {
            pendingSamples.add(new Object[] {now, b.toString()});
        }
    }

    /**
     * What a UI-thread stack sample says the thread is doing. The first matching rule wins, from the most specific.
     */
    static String classify(Thread.State state, StackTraceElement[] stack) {
        if (stack.length == 0) {
            return "no stack";
        }
        boolean io = false;
        boolean ferry = false;
        String ferryFrame = null;
        boolean classLoad = false;
        boolean clinit = false;
        boolean linkage = false;
        boolean css = false;
        boolean chart = false;
        boolean cells = false;
        boolean layout = false;
        boolean bounds = false;
        boolean render = false;
        boolean idle = false;
        for (int i = 0; i < stack.length; i++) {
            String c = stack[i].getClassName();
            String m = stack[i].getMethodName();
            io |= c.startsWith("java.sql.") || c.startsWith("java.net.") || c.startsWith("java.io.File")
                    || c.startsWith("org.postgresql.") || c.startsWith("org.sqlite.") || c.startsWith("com.mysql.")
                    || c.startsWith("org.mariadb.");
            if (c.startsWith("dev.ferry.") && !c.startsWith(FxHeartbeat.class.getName()) && ferryFrame == null) {
                ferry = true;
                ferryFrame = stack[i].toString();
            }
            classLoad |= c.equals("java.lang.ClassLoader") && (m.equals("loadClass") || m.startsWith("defineClass"))
                    || c.startsWith("jdk.internal.loader.") || c.equals("java.net.URLClassLoader");
            clinit |= m.equals("<clinit>");
            linkage |= c.startsWith("java.lang.invoke.") && (c.contains("LambdaMetafactory") || c.contains("LambdaForm")
                    || c.contains("CallSite") || c.contains("MethodHandleNatives")) || c.startsWith("jdk.internal.org.objectweb.asm.");
            css |= c.startsWith("javafx.css.") || c.startsWith("com.sun.javafx.css.") || c.equals("javafx.scene.CssStyleHelper")
                    || m.equals("processCSS") || m.equals("applyCss");
            chart |= c.startsWith("javafx.scene.chart.");
            cells |= c.contains("VirtualFlow") || c.contains("TableRowSkin") || c.contains("CellSkin");
            bounds |= m.equals("updateBounds") || m.equals("updateGeomBounds");
            layout |= m.equals("layoutChildren") || m.equals("layout") && c.equals("javafx.scene.Parent");
            render |= c.startsWith("com.sun.javafx.tk.quantum.") && (m.contains("wait") || m.contains("Wait") || m.equals("pulse"))
                    && i < 12 && (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING);
            idle |= i < 8 && c.startsWith("com.sun.glass.ui.") && (m.equals("_runLoop") || m.equals("getNextRunnable"))
                    && state != Thread.State.RUNNABLE;
        }
        String top = stack[0].getClassName() + "." + stack[0].getMethodName();
        if (io) {
            return "I/O or JDBC on the UI thread (" + top + ")";
        }
        if (classLoad) {
            return "class loading (" + top + ")";
        }
        if (linkage) {
            return "lambda / method handle linkage (" + top + ")";
        }
        if (clinit) {
            return "static initialisation (" + top + ")";
        }
        if (render) {
            return "waiting for the renderer (" + top + ")";
        }
        if (idle) {
            return "idle in the event loop (the beat was not posted or not yet delivered)";
        }
        if (state == Thread.State.BLOCKED || (ferry && state != Thread.State.RUNNABLE)) {
            return "waiting on a lock (" + (ferryFrame != null ? ferryFrame : top) + ")";
        }
        if (css) {
            return "CSS (" + top + ")";
        }
        if (chart) {
            return "chart (" + top + ")";
        }
        if (cells) {
            return "table/list cells (" + top + ")";
        }
        if (layout) {
            return "layout (" + top + ")";
        }
        if (bounds) {
            return "scene bounds (" + top + ")";
        }
        if (ferry) {
            return "Ferry code (" + ferryFrame + ")";
        }
        return "other (" + top + ")";
    }

    /** The figures so far. */
    public Result result() {
        long[] g = percentiles(gapHistogram);
        long[] c = percentiles(controlHistogram);
        List<long[]> gapsCopy;
        List<List<String>> samplesCopy;
        List<long[]> controlCopy;
        List<long[]> gcCopy;
        List<long[]> machineCopy;
        List<long[]> runQueueCopy;
        List<long[]> rendererCopy;
        synchronized (lock) {
            gapsCopy = new ArrayList<>(gaps);
            samplesCopy = new ArrayList<>(gapSamples);
            controlCopy = new ArrayList<>(controlStalls);
            gcCopy = new ArrayList<>(gcPauses);
            machineCopy = new ArrayList<>(controlStalls);
            machineCopy.addAll(runQueueWaits);
            machineCopy.addAll(gcPauses);
            runQueueCopy = new ArrayList<>(runQueueWaits);
            rendererCopy = new ArrayList<>(rendererCpuTimes);
        }
        long t0 = firstBeat.get();
        List<Stall> stalls = new ArrayList<>();
        double worstBlocked = 0;
        double worstMinusControl = 0;
        for (int i = 0; i < gapsCopy.size(); i++) {
            long[] gap = gapsCopy.get(i);
            double controlOverlap = overlap(gap[0], gap[1], controlCopy) / 1e6;
            double gc = overlap(gap[0], gap[1], gcCopy) / 1e6;
            List<String> samples = samplesCopy.get(i);
            double cpu = gap[2] < 0 ? -1 : gap[2] / 1e6;
            double runQueue = schedstat == null ? -1 : Math.max(overlap(gap[0], gap[1], runQueueCopy), gap[4]) / 1e6;
            double rendererCpu = rendererSchedstat == null ? -1 : overlap(gap[0], gap[1], rendererCopy) / 1e6;
            // the union of the sampled stalls inside the wait; the sampling can misplace a wait of the UI thread by up to a
            // period, more while the poster itself is starved, so the UI thread's exact run-queue wait in the gap (read at
            // the beats) counts too, less whatever of it can lie before the wait began
            double machine = Math.max(overlap(gap[3], gap[1], machineCopy),
                    gap[4] < 0 ? 0 : gap[4] - (gap[3] - gap[0])) / 1e6;
            Stall s = new Stall((gap[0] - t0) / 1e6, (gap[1] - gap[0]) / 1e6, cpu, controlOverlap, gc, runQueue,
                    rendererCpu, (gap[1] - gap[3]) / 1e6, machine,
                    cause(samples, (gap[1] - gap[0]) / 1e6, (gap[1] - gap[3]) / 1e6, controlOverlap, gc, machine, cpu),
                    List.copyOf(samples));
            stalls.add(s);
            worstBlocked = Math.max(worstBlocked, s.blockedMillis());
            worstMinusControl = Math.max(worstMinusControl, s.minusControlMillis());
        }
        if (stalls.isEmpty()) {
            worstBlocked = worstGap.get() / 1e6; // every gap was under REPORT_MS
            worstMinusControl = worstBlocked;
        }
        double gcTotal = 0;
        double gcWorst = 0;
        long gcCount = 0;
        long end = lastBeat.get();
        for (long[] p : gcCopy) {
            if (p[1] >= t0 && p[0] <= end) {
                gcCount++;
                gcTotal += (p[1] - p[0]) / 1e6;
                gcWorst = Math.max(gcWorst, (p[1] - p[0]) / 1e6);
            }
        }
        long cpu0 = firstCpu.get();
        long cpu1 = lastCpu.get();
        return new Result(beats.get(), worstGap.get() / 1e6, worstDelay.get() / 1e6, g[0], g[1], worstBlocked,
                worstMinusControl, controlWorst.get() / 1e6, c[0], c[1], controlLate.get() / 1e6, gcCount, gcTotal, gcWorst,
                cpu0 >= 0 && cpu1 >= 0 ? (cpu1 - cpu0) / 1e6 : -1, t0 == 0 ? 0 : (end - t0) / 1e6, List.copyOf(stalls));
    }

    /** The gap's cause: machine stall when the control thread shared most of it, else the samples' most frequent cause. */
    private static String cause(List<String> samples, double gap, double wait, double controlOverlap, double gc, double machine,
                                double cpu) {
        if (wait < gap / 2 && cpu < gap / 2) {
            return "beat posted late (the poster was starved; the beat then waited " + Math.round(wait) + " ms)";
        }
        if (gc >= gap / 2) {
            return "GC pause";
        }
        if (controlOverlap >= gap / 2) {
            return "machine stall (the control thread stalled " + Math.round(controlOverlap) + " ms of it)";
        }
        if (machine >= wait / 2) {
            return "starved of CPU (machine stalls " + Math.round(machine) + " ms of it, the UI thread ran " + Math.round(cpu) + " ms)";
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String s : samples) {
            String first = s.substring(s.indexOf(": ") + 2, s.indexOf('\n'));
            counts.merge(first.replaceAll(" \\(.*", ""), 1, Integer::sum);
        }
        if (counts.isEmpty()) {
            return "no sample (shorter than " + SAMPLE_AFTER_MS + " ms when the poster looked)";
        }
        String best = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        return best + " (" + counts + ")";
    }

    /** [p99, count over STALL_MS] of a per-millisecond histogram. */
    private static long[] percentiles(AtomicLongArray h) {
        long n = 0;
        long over = 0;
        for (int i = 0; i < h.length(); i++) {
            n += h.get(i);
            over += i >= STALL_MS ? h.get(i) : 0;
        }
        long seen = 0;
        long p99 = 0;
        for (int i = 0; i < h.length() && n > 0; i++) {
            seen += h.get(i);
            if (seen * 100 >= n * 99) {
                p99 = i;
                break;
            }
        }
        return new long[] {p99, over};
    }

    /** Nanoseconds of [from, to] covered by the union of {@code intervals}. */
    static long overlap(long from, long to, List<long[]> intervals) {
        List<long[]> in = new ArrayList<>();
        for (long[] i : intervals) {
            long a = Math.max(from, i[0]);
            long b = Math.min(to, i[1]);
            if (b > a) {
                in.add(new long[] {a, b});
            }
        }
        in.sort(Comparator.comparingLong(x -> x[0]));
        long total = 0;
        long curA = Long.MIN_VALUE;
        long curB = Long.MIN_VALUE;
        for (long[] i : in) {
            if (i[0] > curB) {
                total += curB - curA;
                curA = i[0];
                curB = i[1];
            } else {
                curB = Math.max(curB, i[1]);
            }
        }
        return total + (curB - curA);
    }

    /** Stops both threads and returns the figures. */
    public Result stop() throws InterruptedException {
        running.set(false);
        if (poster != null) {
            poster.join(1000);
            control.join(1000);
        }
        gcUnsubscribe.forEach(Runnable::run);
        return result();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
