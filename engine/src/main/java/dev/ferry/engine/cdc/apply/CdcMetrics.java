package dev.ferry.engine.cdc.apply;

import java.time.Instant;
import java.util.Map;

/**
 * A sample of a running CDC task's live metrics, made by {@link CdcMonitor#sample()}. Immutable.
 *
 * @param at                    when the sample was taken
 * @param state                 the applier's connection state
 * @param sourceLatencySeconds  DMS {@code CDCLatencySource}: now minus the source commit time of the last applied
 *                              transaction (0 when nothing was applied yet)
 * @param targetLatencySeconds  DMS {@code CDCLatencyTarget} as Ferry measures it: how long the last target commit took
 *                              (flush of its statements, state row, COMMIT)
 * @param incomingPerSecond     row events received from the source per second since the previous sample
 * @param appliedPerSecond      row events committed on the target per second since the previous sample
 * @param receivedEvents        row events received since the applier started
 * @param appliedEvents         row events committed since the applier started
 * @param queueDepth            events read from the source but not yet taken by the applier
 * @param heapUsedBytes         JVM heap in use
 * @param heapMaxBytes          JVM heap limit
 * @param sourceLag             slot lag bytes (PostgreSQL), binlog bytes behind (MySQL), unread capture rows (SQLite); -1 unknown
 * @param sourceLagUnit         {@code bytes} or {@code rows} ({@code null} when unknown)
 * @param lastPosition          the last committed source position ({@code toText()}), or {@code null}
 * @param lastError             the last error (redacted), or {@code null}
 * @param rejectedRows          rows recorded in {@code ferry_exceptions}
 * @param tables                per target table: inserts, updates, deletes, truncates, DDLs
 */
public record CdcMetrics(Instant at, ApplyStats.ConnectionState state, double sourceLatencySeconds,
                         double targetLatencySeconds, double incomingPerSecond, double appliedPerSecond,
                         long receivedEvents, long appliedEvents, int queueDepth, long heapUsedBytes, long heapMaxBytes,
                         long sourceLag, String sourceLagUnit, String lastPosition, String lastError, long rejectedRows,
                         Map<String, TableMetrics> tables) {

    public CdcMetrics {
        tables = Map.copyOf(tables);
    }

    /** Operations applied to one target table, and DDLs seen on its source table. */
    public record TableMetrics(long inserts, long updates, long deletes, long truncates, long ddls) {
    }
}
