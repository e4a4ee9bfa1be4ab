package dev.ferry.engine.cdc.apply;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Turns a running {@link ChangeApplier} into {@link CdcMetrics} samples: rates over the interval since the previous
 * sample, per-table operation and DDL counts, queue depth, JVM heap and the source's lag. Register it as (or chain it
 * into) the applier's {@link ApplyListener} so it counts DDLs; then call {@link #sample()} periodically (e.g. once a
 * second) from ONE thread — a progress printer or a GUI ticker.
 *
 * <p>Threading: the listener callbacks run on the applier thread; {@link #sample()} on the sampling thread; both only
 * touch thread-safe state. {@code lag} is called on the sampling thread and may do I/O (its failures are reported as an
 * unknown lag, never thrown).
 */
public final class CdcMonitor implements ApplyListener {

    /** The source's lag, or {@code null} when unknown; may throw (then reported as unknown). */
    @FunctionalInterface
    public interface LagProbe {
        TaskCapture.Lag lag() throws Exception;
    }

    private final Supplier<ChangeApplier> applier;
    private final LagProbe lag;
    private final ApplyListener next;
    private final Map<String, AtomicLong> ddls = new ConcurrentHashMap<>();
    private long lastNanos = System.nanoTime();
    private long lastReceived;
    private long lastApplied;

    /**
     * @param applier the applier (a supplier: it may be created after the monitor)
     * @param lag     the source lag probe ({@code null}: unknown)
     * @param next    listener the callbacks are passed on to ({@code null}: none)
     */
    public CdcMonitor(Supplier<ChangeApplier> applier, LagProbe lag, ApplyListener next) {
        this.applier = Objects.requireNonNull(applier, "applier");
        this.lag = lag;
        this.next = next == null ? ApplyListener.NO_OP : next;
    }

    @Override
    public void committed(ApplyStats stats) {
        next.committed(stats);
    }

    @Override
    public void rowFailed(String table, String key, String reason) {
        next.rowFailed(table, key, reason);
    }

    @Override
    public void schemaChanged(String table) {
        ddls.computeIfAbsent(table, t -> new AtomicLong()).incrementAndGet();
        next.schemaChanged(table);
    }

    @Override
    public void stopConditionReached(String reason) {
        next.stopConditionReached(reason);
    }

    @Override
    public void connectionState(ApplyStats.ConnectionState state, String detail) {
        next.connectionState(state, detail);
    }

    /** A sample now; rates are over the time since the previous call. Call from one thread. */
    public synchronized CdcMetrics sample() {
        ChangeApplier a = applier.get();
        long now = System.nanoTime();
        double secs = Math.max(1e-3, (now - lastNanos) / 1e9);
        ApplyStats s = a == null ? null : a.stats();
        long received = a == null ? 0 : a.receivedEvents();
        long applied = s == null ? 0 : s.appliedEvents();
        double in = Math.max(0, received - lastReceived) / secs;
        double out = Math.max(0, applied - lastApplied) / secs;
        lastNanos = now;
        lastReceived = received;
        lastApplied = applied;
        Map<String, CdcMetrics.TableMetrics> tables = new LinkedHashMap<>();
        if (s != null) {
            s.tables().forEach((t, c) -> tables.put(t, new CdcMetrics.TableMetrics(c.inserts(), c.updates(), c.deletes(),
                    c.truncates(), ddlsOf(t))));
        }
        ddls.forEach((t, n) -> tables.putIfAbsent(t, new CdcMetrics.TableMetrics(0, 0, 0, 0, n.get())));
        TaskCapture.Lag l = null;
        if (lag != null) {
            try {
                l = lag.lag();
            } catch (Exception e) {
                l = null;
            }
        }
        Runtime rt = Runtime.getRuntime();
        return new CdcMetrics(Instant.now(), s == null ? ApplyStats.ConnectionState.CONNECTING : s.state(),
                seconds(s == null ? Duration.ZERO : s.sourceLatency()), seconds(s == null ? Duration.ZERO : s.targetLatency()),
                in, out, received, applied, a == null ? 0 : a.queuedEvents(), rt.totalMemory() - rt.freeMemory(), rt.maxMemory(),
                l == null ? -1 : l.value(), l == null ? null : l.unit(), s == null ? null : s.lastPosition(),
                s == null ? null : s.lastError(), s == null ? 0 : s.rejectedRows(), tables);
    }

    private long ddlsOf(String table) {
        AtomicLong n = ddls.get(table);
        return n == null ? 0 : n.get();
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }
}
