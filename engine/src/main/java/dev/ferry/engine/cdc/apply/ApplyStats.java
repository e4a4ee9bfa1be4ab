package dev.ferry.engine.cdc.apply;

import java.time.Duration;
import java.util.Map;

/**
 * A snapshot of a {@link ChangeApplier}'s metrics. Immutable.
 *
 * @param appliedEvents   row events applied since the applier started (skipped duplicates excluded)
 * @param eventsPerSecond applied row events per second since the applier started
 * @param tables          per target table: inserts, updates, deletes, truncates
 * @param sourceLatency   now minus the source commit time of the last applied transaction
 * @param targetLatency   how long the last target commit (statements + state + COMMIT) took
 * @param queueDepth      events waiting in the source's queue
 * @param lastPosition    {@code toText()} of the last committed source position, or {@code null}
 * @param lastError       the last error message (redacted), or {@code null}
 * @param state           connection state
 * @param rejectedRows    rows recorded in {@code ferry_exceptions}
 */
public record ApplyStats(long appliedEvents, double eventsPerSecond, Map<String, TableCounts> tables, Duration sourceLatency,
                         Duration targetLatency, int queueDepth, String lastPosition, String lastError,
                         ConnectionState state, long rejectedRows) {

    public ApplyStats {
        tables = Map.copyOf(tables);
    }

    /** Connection state of the applier. */
    public enum ConnectionState { CONNECTING, STREAMING, SOURCE_RECONNECTING, TARGET_RECONNECTING, STOPPED, FAILED }

    /** Row operations applied to one target table. */
    public record TableCounts(long inserts, long updates, long deletes, long truncates) {
        TableCounts plus(TableCounts o) {
            return new TableCounts(inserts + o.inserts, updates + o.updates, deletes + o.deletes, truncates + o.truncates);
        }
    }
}
