package dev.ferry.engine.cdc.apply;

import dev.ferry.engine.load.ErrorPolicy;
import dev.ferry.model.schema.QualifiedName;

import java.time.Duration;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Settings of a {@link ChangeApplier}. Immutable and thread-safe.
 *
 * @param task           task name, the key of {@code ferry_apply_state} and of {@code ferry_exceptions} rows
 * @param maxEvents      transactional mode: a target transaction is committed once it holds at least this many events
 *                       (at a source transaction boundary: a source transaction is never split)
 * @param maxDelay       ... or once its first source transaction is this old
 * @param errorPolicy    {@link ErrorPolicy#STOP} stops the applier on a row the target refuses; otherwise the row is
 *                       recorded in {@code ferry_exceptions} and the rest is applied
 * @param controlSchema  schema of the control tables on the target ({@code null}: the connection's default)
 * @param tableMapping   source table name → target table name
 * @param maxBackoff     longest wait between reconnect attempts
 * @param maxReconnects  reconnect attempts in a row before the applier gives up
 * @param batch          batch-optimised apply (DMS {@code BatchApplyEnabled}), or {@code null} for the transactional
 *                       mode (the default)
 */
public record ApplySettings(String task, int maxEvents, Duration maxDelay, ErrorPolicy errorPolicy, String controlSchema,
                            UnaryOperator<QualifiedName> tableMapping, Duration maxBackoff, int maxReconnects,
                            BatchApply batch) {

    /**
     * Batch-optimised apply, named after the DMS task settings. A window of source transactions is reduced to the net
     * change per key and applied with one merge per table; the window is committed (with {@code ferry_apply_state}) at
     * the first source transaction boundary after
     * <ul>
     *   <li>it is {@code timeoutMin} old and the source has nothing more queued (the applier has caught up), or</li>
     *   <li>it is {@code timeoutMax} old, or</li>
     *   <li>its rows take about {@code memoryLimitBytes} of heap, or</li>
     *   <li>it holds {@code splitSize} row changes (when {@code splitSize > 0}).</li>
     * </ul>
     *
     * @param timeoutMin       {@code BatchApplyTimeoutMin}
     * @param timeoutMax       {@code BatchApplyTimeoutMax}
     * @param memoryLimitBytes {@code BatchApplyMemoryLimit} (DMS gives it in MB; here in bytes)
     * @param splitSize        {@code BatchSplitSize}: most row changes per window, 0 = no limit (the DMS default)
     */
    public record BatchApply(Duration timeoutMin, Duration timeoutMax, long memoryLimitBytes, int splitSize) {

        public BatchApply {
            Objects.requireNonNull(timeoutMin, "timeoutMin");
            Objects.requireNonNull(timeoutMax, "timeoutMax");
            if (timeoutMin.isNegative() || timeoutMax.compareTo(timeoutMin) < 0) {
                throw new IllegalArgumentException("BatchApplyTimeoutMin must be >= 0 and <= BatchApplyTimeoutMax, got "
                        + timeoutMin + " / " + timeoutMax);
            }
            if (memoryLimitBytes < 1024 * 1024) {
                throw new IllegalArgumentException("BatchApplyMemoryLimit must be at least 1 MB, got " + memoryLimitBytes + " bytes");
            }
            if (splitSize < 0) {
                throw new IllegalArgumentException("BatchSplitSize must be 0 (no limit) or positive, got " + splitSize);
            }
        }

        /** Without a split size (DMS {@code BatchSplitSize} 0). */
        public BatchApply(Duration timeoutMin, Duration timeoutMax, long memoryLimitBytes) {
            this(timeoutMin, timeoutMax, memoryLimitBytes, 0);
        }

        /** The DMS defaults: 1 s, 30 s, 500 MB, no split size. */
        public static BatchApply defaults() {
            return new BatchApply(Duration.ofSeconds(1), Duration.ofSeconds(30), 500L * 1024 * 1024, 0);
        }

        /**
         * From the project file's units: seconds, seconds, MB, changes ({@code TaskSettings.BatchApplySettings}).
         */
        public static BatchApply of(int timeoutMinSeconds, int timeoutMaxSeconds, int memoryLimitMb, int splitSize) {
            return new BatchApply(Duration.ofSeconds(timeoutMinSeconds), Duration.ofSeconds(timeoutMaxSeconds),
                    memoryLimitMb * 1024L * 1024L, splitSize);
        }
    }

    public ApplySettings {
        Objects.requireNonNull(task, "task");
        if (maxEvents < 1) {
            throw new IllegalArgumentException("maxEvents must be positive");
        }
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(errorPolicy, "errorPolicy");
        tableMapping = tableMapping == null ? UnaryOperator.identity() : tableMapping;
        Objects.requireNonNull(maxBackoff, "maxBackoff");
    }

    /** Transactional mode (no batch apply). */
    public ApplySettings(String task, int maxEvents, Duration maxDelay, ErrorPolicy errorPolicy, String controlSchema,
                         UnaryOperator<QualifiedName> tableMapping, Duration maxBackoff, int maxReconnects) {
        this(task, maxEvents, maxDelay, errorPolicy, controlSchema, tableMapping, maxBackoff, maxReconnects, null);
    }

    /** 1000 events or 500 ms per target commit, STOP on errors, same table names, back-off up to 10 s, 30 attempts. */
    public static ApplySettings defaults(String task) {
        return new ApplySettings(task, 1000, Duration.ofMillis(500), ErrorPolicy.STOP, null, null, Duration.ofSeconds(10), 30, null);
    }

    /** Whether batch-optimised apply is on. */
    public boolean batchApplyEnabled() {
        return batch != null;
    }

    public ApplySettings withCommit(int events, Duration delay) {
        return new ApplySettings(task, events, delay, errorPolicy, controlSchema, tableMapping, maxBackoff, maxReconnects, batch);
    }

    public ApplySettings withErrorPolicy(ErrorPolicy policy) {
        return new ApplySettings(task, maxEvents, maxDelay, policy, controlSchema, tableMapping, maxBackoff, maxReconnects, batch);
    }

    public ApplySettings withTableMapping(UnaryOperator<QualifiedName> mapping) {
        return new ApplySettings(task, maxEvents, maxDelay, errorPolicy, controlSchema, mapping, maxBackoff, maxReconnects, batch);
    }

    /** Maps every source table into {@code schema} on the target, keeping its name (e.g. a MariaDB database → public). */
    public ApplySettings intoSchema(String schema) {
        return withTableMapping(q -> new QualifiedName(schema, q.name()));
    }

    public ApplySettings withControlSchema(String schema) {
        return new ApplySettings(task, maxEvents, maxDelay, errorPolicy, schema, tableMapping, maxBackoff, maxReconnects, batch);
    }

    /** Batch-optimised apply with these settings ({@code null}: transactional mode). */
    public ApplySettings withBatchApply(BatchApply batchApply) {
        return new ApplySettings(task, maxEvents, maxDelay, errorPolicy, controlSchema, tableMapping, maxBackoff, maxReconnects, batchApply);
    }

    /** DMS {@code BatchApplyEnabled}: {@code true} turns batch apply on with {@link BatchApply#defaults()}. */
    public ApplySettings withBatchApply(boolean enabled) {
        return withBatchApply(enabled ? BatchApply.defaults() : null);
    }
}
