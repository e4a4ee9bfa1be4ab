package dev.ferry.model.project;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A task's settings. JSON names follow the AWS DMS task-settings names where DMS has one. Every field has a default
 * ({@link #DEFAULTS}); see the table in {@code docs/project-file.md}.
 *
 * @param maxFullLoadSubTasks   {@code MaxFullLoadSubTasks}: tables loaded in parallel, 1..64, default 8
 * @param commitRate            {@code CommitRate}: rows per target commit during full load, 1..100000, default 10000
 * @param targetTablePrepMode   {@code TargetTablePrepMode}, default {@link PrepMode#DO_NOTHING}
 * @param lobMode               {@code LobMode}: how LOB columns are copied, default {@link LobMode#FULL} (DMS: LIMITED; Ferry never
 *                              truncates unless asked to)
 * @param lobMaxSize            {@code LobMaxSize}: KB; larger LOBs are truncated in limited mode, default 32
 * @param lobChunkSize          {@code LobChunkSize}: KB per LOB chunk in full mode, default 64
 * @param errorPolicy           {@code ErrorPolicy}: what to do on data, table and apply errors
 * @param batchApplyEnabled     {@code BatchApplyEnabled}: apply CDC changes in batches, default false
 * @param cdcStartPosition      {@code CdcStartPosition}: engine-specific start position (LSN, binlog file:pos), or {@code null}
 * @param cdcStopPosition       {@code CdcStopPosition}: {@code server_time:yyyy-MM-ddTHH:mm:ss}, {@code commit_time:...} or a source position ({@link #STOP_POSITION}), or {@code null}
 * @param validationEnabled     {@code ValidationEnabled}: compare rows after the load, default true
 * @param schemaFrom            {@code SchemaFrom} (Ferry's own): an assessment folder whose deploy plan {@code ferry migrate}
 *                              runs around the load (pre-load phase first, post-load phase after the data); relative to
 *                              the project file; {@code null} for none (the target tables must exist)
 * @param batchApply            the DMS batch-apply tuning ({@code BatchApplyTimeoutMin}, {@code BatchApplyTimeoutMax},
 *                              {@code BatchApplyMemoryLimit}, {@code BatchSplitSize}); used when {@code batchApplyEnabled}
 * @param deferIndexesDuringLoad {@code DeferIndexesDuringLoad} (Ferry's own): drop an empty PostgreSQL target table's
 *                              eligible indexes for the full load and re-create them once its data is in, default true
 */
public record TaskSettings(int maxFullLoadSubTasks, int commitRate, PrepMode targetTablePrepMode, LobMode lobMode,
                           int lobMaxSize, int lobChunkSize, ErrorPolicy errorPolicy, boolean batchApplyEnabled,
                           String cdcStartPosition, String cdcStopPosition, boolean validationEnabled,
                           String schemaFrom, BatchApplySettings batchApply, boolean deferIndexesDuringLoad) {

    /**
     * The DMS {@code ChangeProcessingTuning} settings of batch apply.
     *
     * @param timeoutMinSeconds {@code BatchApplyTimeoutMin}: a window is committed once it is this old and the source has
     *                          nothing more queued, 0..3600 s, default 1
     * @param timeoutMaxSeconds {@code BatchApplyTimeoutMax}: ... and at the latest once it is this old, 1..86400 s and at
     *                          least {@code timeoutMinSeconds}, default 30
     * @param memoryLimitMb     {@code BatchApplyMemoryLimit}: ... or once its changes take about this much heap, 1..65536 MB,
     *                          default 500
     * @param splitSize         {@code BatchSplitSize}: ... or once it holds this many changes, 0..10000000, 0 = no limit
     *                          (default)
     */
    public record BatchApplySettings(int timeoutMinSeconds, int timeoutMaxSeconds, int memoryLimitMb, int splitSize) {

        public static final BatchApplySettings DEFAULTS = new BatchApplySettings(1, 30, 500, 0);

        public BatchApplySettings {
            if (timeoutMinSeconds < 0 || timeoutMinSeconds > 3600) {
                throw new IllegalArgumentException("BatchApplyTimeoutMin must be between 0 and 3600, not " + timeoutMinSeconds);
            }
            if (timeoutMaxSeconds < 1 || timeoutMaxSeconds > 86400) {
                throw new IllegalArgumentException("BatchApplyTimeoutMax must be between 1 and 86400, not " + timeoutMaxSeconds);
            }
            if (timeoutMaxSeconds < timeoutMinSeconds) {
                throw new IllegalArgumentException("BatchApplyTimeoutMax (" + timeoutMaxSeconds
                        + ") must not be less than BatchApplyTimeoutMin (" + timeoutMinSeconds + ")");
            }
            if (memoryLimitMb < 1 || memoryLimitMb > 65536) {
                throw new IllegalArgumentException("BatchApplyMemoryLimit must be between 1 and 65536, not " + memoryLimitMb);
            }
            if (splitSize < 0 || splitSize > 10_000_000) {
                throw new IllegalArgumentException("BatchSplitSize must be between 0 and 10000000, not " + splitSize);
            }
        }
    }

    public enum PrepMode { DO_NOTHING, DROP_AND_CREATE, TRUNCATE_BEFORE_LOAD }

    public enum LobMode { NONE, LIMITED, FULL }

    /** Error actions; each {@link ErrorPolicy} field allows a subset, as in DMS. */
    public enum ErrorAction { LOG_ERROR, SUPPRESS_RECORD, IGNORE_RECORD, STOP_TASK, SUSPEND_TABLE, INSERT_RECORD, UPDATE_RECORD }

    /**
     * The DMS {@code ErrorBehavior} subset Ferry honours.
     *
     * @param dataErrorPolicy           {@code DataErrorPolicy}: LOG_ERROR (default), SUPPRESS_RECORD, IGNORE_RECORD, STOP_TASK
     * @param dataTruncationErrorPolicy {@code DataTruncationErrorPolicy}: same values, default LOG_ERROR
     * @param tableErrorPolicy          {@code TableErrorPolicy}: SUSPEND_TABLE (default), STOP_TASK
     * @param applyErrorDeletePolicy    {@code ApplyErrorDeletePolicy}: IGNORE_RECORD (default), LOG_ERROR, SUSPEND_TABLE, STOP_TASK
     * @param applyErrorInsertPolicy    {@code ApplyErrorInsertPolicy}: LOG_ERROR (default), IGNORE_RECORD, SUSPEND_TABLE, STOP_TASK, INSERT_RECORD
     * @param applyErrorUpdatePolicy    {@code ApplyErrorUpdatePolicy}: LOG_ERROR (default), IGNORE_RECORD, SUSPEND_TABLE, STOP_TASK, UPDATE_RECORD
     */
    public record ErrorPolicy(ErrorAction dataErrorPolicy, ErrorAction dataTruncationErrorPolicy, ErrorAction tableErrorPolicy,
                              ErrorAction applyErrorDeletePolicy, ErrorAction applyErrorInsertPolicy,
                              ErrorAction applyErrorUpdatePolicy) {

        public static final List<ErrorAction> DATA_ACTIONS = List.of(ErrorAction.LOG_ERROR, ErrorAction.SUPPRESS_RECORD,
                ErrorAction.IGNORE_RECORD, ErrorAction.STOP_TASK);
        public static final List<ErrorAction> TABLE_ACTIONS = List.of(ErrorAction.SUSPEND_TABLE, ErrorAction.STOP_TASK);
        public static final List<ErrorAction> APPLY_DELETE_ACTIONS = List.of(ErrorAction.IGNORE_RECORD, ErrorAction.LOG_ERROR,
                ErrorAction.SUSPEND_TABLE, ErrorAction.STOP_TASK);
        public static final List<ErrorAction> APPLY_INSERT_ACTIONS = List.of(ErrorAction.LOG_ERROR, ErrorAction.IGNORE_RECORD,
                ErrorAction.SUSPEND_TABLE, ErrorAction.STOP_TASK, ErrorAction.INSERT_RECORD);
        public static final List<ErrorAction> APPLY_UPDATE_ACTIONS = List.of(ErrorAction.LOG_ERROR, ErrorAction.IGNORE_RECORD,
                ErrorAction.SUSPEND_TABLE, ErrorAction.STOP_TASK, ErrorAction.UPDATE_RECORD);

        public static final ErrorPolicy DEFAULTS = new ErrorPolicy(ErrorAction.LOG_ERROR, ErrorAction.LOG_ERROR,
                ErrorAction.SUSPEND_TABLE, ErrorAction.IGNORE_RECORD, ErrorAction.LOG_ERROR, ErrorAction.LOG_ERROR);
    }

    /**
     * {@code server_time:2026-01-31T23:00:00} or {@code commit_time:...} (UTC), as in DMS; or a source position: a
     * PostgreSQL LSN {@code 16/B374D848}, a binlog position {@code mysql-bin.000042:1337}, a SQLite {@code seq:N}.
     */
    public static final Pattern STOP_POSITION = Pattern.compile("(server_time|commit_time):\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}"
            + "|[0-9A-Fa-f]{1,8}/[0-9A-Fa-f]{1,8}|[^:\\s]+\\.\\d+:\\d+|seq:\\d+");

    public static final TaskSettings DEFAULTS = new TaskSettings(8, 10000, PrepMode.DO_NOTHING, LobMode.FULL, 32, 64,
            ErrorPolicy.DEFAULTS, false, null, null, true, null, BatchApplySettings.DEFAULTS, true);

    public TaskSettings {
        if (maxFullLoadSubTasks < 1 || maxFullLoadSubTasks > 64) {
            throw new IllegalArgumentException("MaxFullLoadSubTasks must be between 1 and 64");
        }
        if (commitRate < 1 || commitRate > 100000) {
            throw new IllegalArgumentException("CommitRate must be between 1 and 100000");
        }
        targetTablePrepMode = targetTablePrepMode == null ? PrepMode.DO_NOTHING : targetTablePrepMode;
        lobMode = lobMode == null ? LobMode.FULL : lobMode;
        errorPolicy = errorPolicy == null ? ErrorPolicy.DEFAULTS : errorPolicy;
        if (schemaFrom != null && schemaFrom.isBlank()) {
            throw new IllegalArgumentException("SchemaFrom must not be blank");
        }
        batchApply = batchApply == null ? BatchApplySettings.DEFAULTS : batchApply;
    }

    /** The settings with indexes deferred during the load (the default). */
    public TaskSettings(int maxFullLoadSubTasks, int commitRate, PrepMode targetTablePrepMode, LobMode lobMode,
                        int lobMaxSize, int lobChunkSize, ErrorPolicy errorPolicy, boolean batchApplyEnabled,
                        String cdcStartPosition, String cdcStopPosition, boolean validationEnabled, String schemaFrom,
                        BatchApplySettings batchApply) {
        this(maxFullLoadSubTasks, commitRate, targetTablePrepMode, lobMode, lobMaxSize, lobChunkSize, errorPolicy,
                batchApplyEnabled, cdcStartPosition, cdcStopPosition, validationEnabled, schemaFrom, batchApply, true);
    }

    /** The settings with the default batch-apply tuning. */
    public TaskSettings(int maxFullLoadSubTasks, int commitRate, PrepMode targetTablePrepMode, LobMode lobMode,
                        int lobMaxSize, int lobChunkSize, ErrorPolicy errorPolicy, boolean batchApplyEnabled,
                        String cdcStartPosition, String cdcStopPosition, boolean validationEnabled, String schemaFrom) {
        this(maxFullLoadSubTasks, commitRate, targetTablePrepMode, lobMode, lobMaxSize, lobChunkSize, errorPolicy,
                batchApplyEnabled, cdcStartPosition, cdcStopPosition, validationEnabled, schemaFrom, null);
    }

    /** The settings without {@code SchemaFrom}. */
    public TaskSettings(int maxFullLoadSubTasks, int commitRate, PrepMode targetTablePrepMode, LobMode lobMode,
                        int lobMaxSize, int lobChunkSize, ErrorPolicy errorPolicy, boolean batchApplyEnabled,
                        String cdcStartPosition, String cdcStopPosition, boolean validationEnabled) {
        this(maxFullLoadSubTasks, commitRate, targetTablePrepMode, lobMode, lobMaxSize, lobChunkSize, errorPolicy,
                batchApplyEnabled, cdcStartPosition, cdcStopPosition, validationEnabled, null, null);
    }

    public TaskSettings withMaxFullLoadSubTasks(int n) {
        return new TaskSettings(n, commitRate, targetTablePrepMode, lobMode, lobMaxSize, lobChunkSize, errorPolicy,
                batchApplyEnabled, cdcStartPosition, cdcStopPosition, validationEnabled, schemaFrom, batchApply, deferIndexesDuringLoad);
    }

    public TaskSettings withTargetTablePrepMode(PrepMode mode) {
        return new TaskSettings(maxFullLoadSubTasks, commitRate, mode, lobMode, lobMaxSize, lobChunkSize, errorPolicy,
                batchApplyEnabled, cdcStartPosition, cdcStopPosition, validationEnabled, schemaFrom, batchApply, deferIndexesDuringLoad);
    }

    public TaskSettings withSchemaFrom(String folder) {
        return new TaskSettings(maxFullLoadSubTasks, commitRate, targetTablePrepMode, lobMode, lobMaxSize, lobChunkSize,
                errorPolicy, batchApplyEnabled, cdcStartPosition, cdcStopPosition, validationEnabled, folder, batchApply, deferIndexesDuringLoad);
    }

    /** Batch apply on or off, with this tuning ({@code null}: the defaults). */
    public TaskSettings withBatchApply(boolean enabled, BatchApplySettings tuning) {
        return new TaskSettings(maxFullLoadSubTasks, commitRate, targetTablePrepMode, lobMode, lobMaxSize, lobChunkSize,
                errorPolicy, enabled, cdcStartPosition, cdcStopPosition, validationEnabled, schemaFrom, tuning, deferIndexesDuringLoad);
    }

    /** Indexes of empty PostgreSQL target tables dropped for the load and re-created after it ({@code true}) or kept. */
    public TaskSettings withDeferIndexesDuringLoad(boolean defer) {
        return new TaskSettings(maxFullLoadSubTasks, commitRate, targetTablePrepMode, lobMode, lobMaxSize, lobChunkSize,
                errorPolicy, batchApplyEnabled, cdcStartPosition, cdcStopPosition, validationEnabled, schemaFrom, batchApply, defer);
    }
}
