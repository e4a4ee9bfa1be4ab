package dev.ferry.model.project;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The descriptors of every {@link TaskSettings} field, in form order. Stateless.
 */
public final class TaskSettingDescriptors {

    private static final String FULL_LOAD = "Full load";
    private static final String LOBS = "LOB columns";
    private static final String CDC = "Change data capture";
    private static final String ERRORS = "Error handling";

    /** Every setting, grouped: full load, LOB columns, change data capture, error handling. */
    public static final List<TaskSettingDescriptor> ALL = List.of(
            integer("MaxFullLoadSubTasks", "Tables in parallel", FULL_LOAD, "Tables (and ranges) loaded at the same time.", 1, 64,
                    s -> s.maxFullLoadSubTasks(), (b, v) -> b.maxFullLoadSubTasks = v),
            integer("CommitRate", "Rows per commit", FULL_LOAD, "Rows per target commit during the full load.", 1, 100000,
                    s -> s.commitRate(), (b, v) -> b.commitRate = v),
            choice("TargetTablePrepMode", "Target table preparation", FULL_LOAD, "What happens to existing target tables before the load.",
                    TaskSettings.PrepMode.values(), s -> s.targetTablePrepMode(), (b, v) -> b.prep = TaskSettings.PrepMode.valueOf(v)),
            bool("ValidationEnabled", "Validate after the load", FULL_LOAD, "Compare source and target rows after the load.",
                    s -> s.validationEnabled(), (b, v) -> b.validation = v),
            bool("DeferIndexesDuringLoad", "Indexes after the data", FULL_LOAD, "PostgreSQL targets: drop an empty"
                            + " table's indexes for the load and re-create them once its data is in. Turn off when other"
                            + " sessions read the target during the load.",
                    s -> s.deferIndexesDuringLoad(), (b, v) -> b.deferIndexes = v),
            choice("LobMode", "LOB mode", LOBS, "NONE skips LOB columns, LIMITED truncates above the maximum size, FULL copies them whole.",
                    TaskSettings.LobMode.values(), s -> s.lobMode(), (b, v) -> b.lobMode = TaskSettings.LobMode.valueOf(v)),
            integer("LobMaxSize", "LOB maximum size (KB)", LOBS, "Larger LOBs are truncated in LIMITED mode.", 1, 1024 * 1024,
                    s -> s.lobMaxSize(), (b, v) -> b.lobMaxSize = v),
            integer("LobChunkSize", "LOB chunk size (KB)", LOBS, "Size of each LOB chunk in FULL mode.", 1, 1024 * 1024,
                    s -> s.lobChunkSize(), (b, v) -> b.lobChunkSize = v),
            bool("BatchApplyEnabled", "Apply changes in batches", CDC, "Apply captured changes in batches instead of one by one.",
                    s -> s.batchApplyEnabled(), (b, v) -> b.batchApply = v),
            integer("BatchApplyTimeoutMin", "Batch minimum age (s)", CDC, "A batch is applied once it is this old and the"
                            + " source has nothing more queued.", 0, 3600,
                    s -> s.batchApply().timeoutMinSeconds(), (b, v) -> b.batchMin = v),
            integer("BatchApplyTimeoutMax", "Batch maximum age (s)", CDC, "A batch is applied at the latest once it is this old.",
                    1, 86400, s -> s.batchApply().timeoutMaxSeconds(), (b, v) -> b.batchMax = v),
            integer("BatchApplyMemoryLimit", "Batch memory limit (MB)", CDC, "A batch is applied once its changes take about"
                            + " this much memory.", 1, 65536,
                    s -> s.batchApply().memoryLimitMb(), (b, v) -> b.batchMemory = v),
            integer("BatchSplitSize", "Batch split size (changes)", CDC, "A batch is applied once it holds this many changes;"
                            + " 0 for no limit.", 0, 10_000_000,
                    s -> s.batchApply().splitSize(), (b, v) -> b.batchSplit = v),
            text("CdcStartPosition", "Start position", CDC, "Engine-specific start position (LSN, binlog file:pos); empty for now.",
                    s -> s.cdcStartPosition(), (b, v) -> b.cdcStart = v),
            text("CdcStopPosition", "Stop position", CDC, "server_time:yyyy-MM-ddTHH:mm:ss or commit_time:...; empty for none.",
                    s -> s.cdcStopPosition(), (b, v) -> {
                        if (v != null && !TaskSettings.STOP_POSITION.matcher(v).matches()) {
                            throw new IllegalArgumentException("CdcStopPosition must look like server_time:2026-01-31T23:00:00"
                                    + " or commit_time:2026-01-31T23:00:00");
                        }
                        b.cdcStop = v;
                    }),
            action("DataErrorPolicy", "Data errors", TaskSettings.ErrorPolicy.DATA_ACTIONS, p -> p.dataErrorPolicy(), (b, a) -> b.data = a),
            action("DataTruncationErrorPolicy", "Truncation errors", TaskSettings.ErrorPolicy.DATA_ACTIONS,
                    p -> p.dataTruncationErrorPolicy(), (b, a) -> b.truncation = a),
            action("TableErrorPolicy", "Table errors", TaskSettings.ErrorPolicy.TABLE_ACTIONS, p -> p.tableErrorPolicy(), (b, a) -> b.table = a),
            action("ApplyErrorDeletePolicy", "Apply errors: delete", TaskSettings.ErrorPolicy.APPLY_DELETE_ACTIONS,
                    p -> p.applyErrorDeletePolicy(), (b, a) -> b.applyDelete = a),
            action("ApplyErrorInsertPolicy", "Apply errors: insert", TaskSettings.ErrorPolicy.APPLY_INSERT_ACTIONS,
                    p -> p.applyErrorInsertPolicy(), (b, a) -> b.applyInsert = a),
            action("ApplyErrorUpdatePolicy", "Apply errors: update", TaskSettings.ErrorPolicy.APPLY_UPDATE_ACTIONS,
                    p -> p.applyErrorUpdatePolicy(), (b, a) -> b.applyUpdate = a));

    private TaskSettingDescriptors() {
    }

    /** The descriptor named {@code name} (case-insensitive; error policies also as {@code ErrorPolicy.<name>}, as in the file). */
    public static Optional<TaskSettingDescriptor> byName(String name) {
        String n = name.regionMatches(true, 0, "ErrorPolicy.", 0, 12) ? name.substring("ErrorPolicy.".length()) : name;
        return ALL.stream().filter(d -> d.name().equalsIgnoreCase(n)).findFirst();
    }

    /** A mutable copy of a {@link TaskSettings}, only used to build the next immutable one. */
    private static final class B {
        int maxFullLoadSubTasks;
        int commitRate;
        TaskSettings.PrepMode prep;
        TaskSettings.LobMode lobMode;
        int lobMaxSize;
        int lobChunkSize;
        boolean batchApply;
        int batchMin;
        int batchMax;
        int batchMemory;
        int batchSplit;
        String schemaFrom;
        String cdcStart;
        String cdcStop;
        boolean validation;
        boolean deferIndexes;
        TaskSettings.ErrorAction data;
        TaskSettings.ErrorAction truncation;
        TaskSettings.ErrorAction table;
        TaskSettings.ErrorAction applyDelete;
        TaskSettings.ErrorAction applyInsert;
        TaskSettings.ErrorAction applyUpdate;

        B(TaskSettings s) {
            maxFullLoadSubTasks = s.maxFullLoadSubTasks();
            commitRate = s.commitRate();
            prep = s.targetTablePrepMode();
            lobMode = s.lobMode();
            lobMaxSize = s.lobMaxSize();
            lobChunkSize = s.lobChunkSize();
            batchApply = s.batchApplyEnabled();
            batchMin = s.batchApply().timeoutMinSeconds();
            batchMax = s.batchApply().timeoutMaxSeconds();
            batchMemory = s.batchApply().memoryLimitMb();
            batchSplit = s.batchApply().splitSize();
            schemaFrom = s.schemaFrom();
            cdcStart = s.cdcStartPosition();
            cdcStop = s.cdcStopPosition();
            validation = s.validationEnabled();
            deferIndexes = s.deferIndexesDuringLoad();
            TaskSettings.ErrorPolicy p = s.errorPolicy();
            data = p.dataErrorPolicy();
            truncation = p.dataTruncationErrorPolicy();
            table = p.tableErrorPolicy();
            applyDelete = p.applyErrorDeletePolicy();
            applyInsert = p.applyErrorInsertPolicy();
            applyUpdate = p.applyErrorUpdatePolicy();
        }

        TaskSettings build() {
            return new TaskSettings(maxFullLoadSubTasks, commitRate, prep, lobMode, lobMaxSize, lobChunkSize,
                    new TaskSettings.ErrorPolicy(data, truncation, table, applyDelete, applyInsert, applyUpdate), batchApply,
                    cdcStart, cdcStop, validation, schemaFrom,
                    new TaskSettings.BatchApplySettings(batchMin, batchMax, batchMemory, batchSplit), deferIndexes);
        }
    }

    private interface IntSet {
        void set(B b, int v);
    }

    private interface BoolSet {
        void set(B b, boolean v);
    }

    private interface StringSet {
        void set(B b, String v);
    }

    private static TaskSettingDescriptor integer(String name, String label, String group, String help, int min, int max,
                                                 Function<TaskSettings, Integer> get, IntSet set) {
        return new TaskSettingDescriptor(name, label, group, help, TaskSettingDescriptor.Kind.INTEGER, List.of(), min, max,
                s -> String.valueOf(get.apply(s)), apply((b, v) -> set.set(b, Integer.parseInt(v))));
    }

    private static TaskSettingDescriptor bool(String name, String label, String group, String help,
                                              Function<TaskSettings, Boolean> get, BoolSet set) {
        return new TaskSettingDescriptor(name, label, group, help, TaskSettingDescriptor.Kind.BOOLEAN, List.of("true", "false"), 0, 0,
                s -> String.valueOf(get.apply(s)), apply((b, v) -> set.set(b, Boolean.parseBoolean(v))));
    }

    private static TaskSettingDescriptor text(String name, String label, String group, String help,
                                              Function<TaskSettings, String> get, StringSet set) {
        return new TaskSettingDescriptor(name, label, group, help, TaskSettingDescriptor.Kind.TEXT, List.of(), 0, 0,
                s -> get.apply(s) == null ? "" : get.apply(s), apply((b, v) -> set.set(b, v.isEmpty() ? null : v)));
    }

    private static <E extends Enum<E>> TaskSettingDescriptor choice(String name, String label, String group, String help, E[] values,
                                                                   Function<TaskSettings, E> get, StringSet set) {
        return new TaskSettingDescriptor(name, label, group, help, TaskSettingDescriptor.Kind.CHOICE,
                Arrays.stream(values).map(Enum::name).toList(), 0, 0, s -> get.apply(s).name(), apply(set::set));
    }

    private static TaskSettingDescriptor action(String name, String label, List<TaskSettings.ErrorAction> allowed,
                                                Function<TaskSettings.ErrorPolicy, TaskSettings.ErrorAction> get,
                                                java.util.function.BiConsumer<B, TaskSettings.ErrorAction> set) {
        return new TaskSettingDescriptor(name, label, ERRORS, "ErrorPolicy." + name + ": one of " + allowed.stream().map(Enum::name)
                .reduce((a, c) -> a + ", " + c).orElse("") + ".", TaskSettingDescriptor.Kind.CHOICE,
                allowed.stream().map(Enum::name).toList(), 0, 0, s -> get.apply(s.errorPolicy()).name(),
                apply((b, v) -> set.accept(b, TaskSettings.ErrorAction.valueOf(v))));
    }

    private static BiFunction<TaskSettings, String, TaskSettings> apply(java.util.function.BiConsumer<B, String> set) {
        return (s, v) -> {
            B b = new B(s);
            set.accept(b, v);
            return b.build();
        };
    }
}
