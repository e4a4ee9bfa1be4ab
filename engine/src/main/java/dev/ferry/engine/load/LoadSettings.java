package dev.ferry.engine.load;

import dev.ferry.model.project.TableSettingsRule;
import dev.ferry.model.project.TaskSettings;
import dev.ferry.model.schema.Table;

import java.util.List;

import java.util.Map;
import java.util.Objects;

/**
 * How a full load runs. Immutable.
 *
 * @param task               task name: keys the state store, the target's {@code ferry_load_state} markers and exceptions
 * @param maxSubTasks        ranges loaded at the same time ({@code MaxFullLoadSubTasks}, default 8); each uses one
 *                           reader connection, one writer connection and two threads
 * @param batchSize          rows per batch handed from a reader to its writer (default 1 000)
 * @param queueCapacity      batches buffered per range between reader and writer (default 8); memory is bounded by
 *                           {@code maxSubTasks * (queueCapacity + 2) * batchSize} rows whatever the table sizes
 * @param splitThresholdRows tables with more rows than this (and a single-column integer key) are split (default 100 000)
 * @param rangesPerTable     how many ranges a split table gets (default 8; DMS {@code parallel-load})
 * @param errorPolicy        default policy for rows that cannot be converted or written
 * @param tablePolicies      per-table overrides, keyed by the source's qualified name ({@code schema.table})
 * @param zeroDateAsNull     MySQL zero dates ({@code 0000-00-00}) become NULL with a counted warning (true, default)
 *                           or are errors handled by the policy (false)
 * @param controlSchema      target schema for {@code ferry_load_state} / {@code ferry_exceptions}; {@code null}: the
 *                           connection's default schema
 * @param truncateBeforeLoad empty each target table before its first range is loaded (DMS TRUNCATE_BEFORE_LOAD)
 * @param maxBatchBytes      a batch is handed over early once its values reach this many bytes (default 16 MiB), so
 *                           rows with large LOBs keep memory bounded too: at most
 *                           {@code maxSubTasks * (queueCapacity + 2) * maxBatchBytes} plus one row
 * @param lob                the task's LOB policy ({@code LobMode}, {@code LobMaxSize}, {@code LobChunkSize})
 * @param tableSettings      DMS {@code table-settings} rules; their {@code lob-settings} override {@code lob} per table
 * @param maxQueueBytes      the byte budget of ALL reader→writer queues together (default 256 MiB): a reader whose
 *                           next row does not fit hands over its batch and waits until writers have written enough
 * @param copyPassThrough    PostgreSQL → PostgreSQL: stream {@code COPY (SELECT ...) TO STDOUT (FORMAT binary)} into
 *                           {@code COPY ... FROM STDIN (FORMAT binary)} for tables whose columns keep their types
 *                           (default true)
 */
public record LoadSettings(String task, int maxSubTasks, int batchSize, int queueCapacity, long splitThresholdRows,
                           int rangesPerTable, ErrorPolicy errorPolicy, Map<String, ErrorPolicy> tablePolicies,
                           boolean zeroDateAsNull, String controlSchema, boolean truncateBeforeLoad, long maxBatchBytes,
                           LobPolicy lob, List<TableSettingsRule> tableSettings, long maxQueueBytes,
                           boolean copyPassThrough) {

    public LoadSettings {
        Objects.requireNonNull(task, "task");
        if (!task.matches("[A-Za-z0-9_.-]{1,100}")) {
            throw new IllegalArgumentException("task name '" + task + "' must be 1 to 100 letters, digits, '_', '.' or '-'");
        }
        if (maxSubTasks < 1 || maxSubTasks > 64) {
            throw new IllegalArgumentException("maxSubTasks must be between 1 and 64, was " + maxSubTasks);
        }
        if (batchSize < 1 || queueCapacity < 1 || rangesPerTable < 1 || splitThresholdRows < 0 || maxBatchBytes < 1
                || maxQueueBytes < 1024) {
            throw new IllegalArgumentException("batchSize, queueCapacity, rangesPerTable, maxBatchBytes must be positive"
                    + " and maxQueueBytes at least 1 KiB");
        }
        lob = lob == null ? LobPolicy.full() : lob;
        tableSettings = List.copyOf(tableSettings == null ? List.of() : tableSettings);
        errorPolicy = errorPolicy == null ? ErrorPolicy.SKIP_ROW : errorPolicy;
        tablePolicies = Map.copyOf(tablePolicies == null ? Map.of() : tablePolicies);
    }

    public static LoadSettings defaults(String task) {
        return new LoadSettings(task, 8, 1000, 8, 100_000, 8, ErrorPolicy.SKIP_ROW, Map.of(), true, null, false, 16L << 20,
                LobPolicy.full(), List.of(), 256L << 20, true);
    }

    /**
     * Settings from a project task: {@code MaxFullLoadSubTasks}, {@code CommitRate} (as the batch size), the data error
     * policy (STOP_TASK → {@link ErrorPolicy#STOP}, otherwise {@link ErrorPolicy#SKIP_ROW}) and
     * {@code TargetTablePrepMode=TRUNCATE_BEFORE_LOAD}, and the LOB settings ({@link LobPolicy#from}).
     */
    public static LoadSettings from(String task, TaskSettings s) {
        ErrorPolicy policy = s.errorPolicy().dataErrorPolicy() == TaskSettings.ErrorAction.STOP_TASK ? ErrorPolicy.STOP
                : ErrorPolicy.SKIP_ROW;
        return new LoadSettings(task, s.maxFullLoadSubTasks(), Math.min(s.commitRate(), 10_000), 8, 100_000,
                s.maxFullLoadSubTasks(), policy, Map.of(), true, null,
                s.targetTablePrepMode() == TaskSettings.PrepMode.TRUNCATE_BEFORE_LOAD, 16L << 20, LobPolicy.from(s), List.of(),
                256L << 20, true);
    }

    public ErrorPolicy policyFor(String tableKey) {
        return tablePolicies.getOrDefault(tableKey, errorPolicy);
    }

    public LoadSettings withMaxSubTasks(int n) {
        return new LoadSettings(task, n, batchSize, queueCapacity, splitThresholdRows, rangesPerTable, errorPolicy,
                tablePolicies, zeroDateAsNull, controlSchema, truncateBeforeLoad, maxBatchBytes, lob,
                tableSettings, maxQueueBytes, copyPassThrough);
    }

    public LoadSettings withSplit(long thresholdRows, int ranges) {
        return new LoadSettings(task, maxSubTasks, batchSize, queueCapacity, thresholdRows, ranges, errorPolicy,
                tablePolicies, zeroDateAsNull, controlSchema, truncateBeforeLoad, maxBatchBytes, lob,
                tableSettings, maxQueueBytes, copyPassThrough);
    }

    public LoadSettings withBatch(int rows, int capacity) {
        return new LoadSettings(task, maxSubTasks, rows, capacity, splitThresholdRows, rangesPerTable, errorPolicy,
                tablePolicies, zeroDateAsNull, controlSchema, truncateBeforeLoad, maxBatchBytes, lob,
                tableSettings, maxQueueBytes, copyPassThrough);
    }

    public LoadSettings withErrorPolicy(ErrorPolicy policy, Map<String, ErrorPolicy> perTable) {
        return new LoadSettings(task, maxSubTasks, batchSize, queueCapacity, splitThresholdRows, rangesPerTable, policy,
                perTable, zeroDateAsNull, controlSchema, truncateBeforeLoad, maxBatchBytes, lob,
                tableSettings, maxQueueBytes, copyPassThrough);
    }

    public LoadSettings withZeroDateAsNull(boolean asNull) {
        return new LoadSettings(task, maxSubTasks, batchSize, queueCapacity, splitThresholdRows, rangesPerTable, errorPolicy,
                tablePolicies, asNull, controlSchema, truncateBeforeLoad, maxBatchBytes, lob,
                tableSettings, maxQueueBytes, copyPassThrough);
    }

    public LoadSettings withMaxBatchBytes(long bytes) {
        return new LoadSettings(task, maxSubTasks, batchSize, queueCapacity, splitThresholdRows, rangesPerTable, errorPolicy,
                tablePolicies, zeroDateAsNull, controlSchema, truncateBeforeLoad, bytes, lob, tableSettings,
                maxQueueBytes, copyPassThrough);
    }

    public LoadSettings withLob(LobPolicy policy) {
        return new LoadSettings(task, maxSubTasks, batchSize, queueCapacity, splitThresholdRows, rangesPerTable, errorPolicy,
                tablePolicies, zeroDateAsNull, controlSchema, truncateBeforeLoad, maxBatchBytes, policy, tableSettings,
                maxQueueBytes, copyPassThrough);
    }

    /** Settings that also honour the {@code lob-settings} of DMS {@code table-settings} rules (first match wins). */
    public LoadSettings withTableSettings(List<TableSettingsRule> rules) {
        return new LoadSettings(task, maxSubTasks, batchSize, queueCapacity, splitThresholdRows, rangesPerTable, errorPolicy,
                tablePolicies, zeroDateAsNull, controlSchema, truncateBeforeLoad, maxBatchBytes, lob, rules,
                maxQueueBytes, copyPassThrough);
    }

    public LoadSettings withMaxQueueBytes(long bytes) {
        return new LoadSettings(task, maxSubTasks, batchSize, queueCapacity, splitThresholdRows, rangesPerTable, errorPolicy,
                tablePolicies, zeroDateAsNull, controlSchema, truncateBeforeLoad, maxBatchBytes, lob, tableSettings,
                bytes, copyPassThrough);
    }

    public LoadSettings withCopyPassThrough(boolean enabled) {
        return new LoadSettings(task, maxSubTasks, batchSize, queueCapacity, splitThresholdRows, rangesPerTable, errorPolicy,
                tablePolicies, zeroDateAsNull, controlSchema, truncateBeforeLoad, maxBatchBytes, lob, tableSettings,
                maxQueueBytes, enabled);
    }

    public LoadSettings withTruncateBeforeLoad(boolean truncate) {
        return new LoadSettings(task, maxSubTasks, batchSize, queueCapacity, splitThresholdRows, rangesPerTable, errorPolicy,
                tablePolicies, zeroDateAsNull, controlSchema, truncate, maxBatchBytes, lob, tableSettings,
                maxQueueBytes, copyPassThrough);
    }

    /** The LOB policy of one source table (the task's, or its table-settings rule's). */
    public LobPolicy lobPolicyFor(Table table) {
        return LobPolicy.forTable(lob, table, tableSettings);
    }
}
