package dev.ferry.app.cli;

import dev.ferry.engine.cdc.postgres.PostgresCdcConfig;
import dev.ferry.engine.cdc.postgres.PostgresReplicationConnection;
import dev.ferry.engine.endpoint.JdbcUrls;
import dev.ferry.engine.load.FullLoad;
import dev.ferry.engine.load.LoadEndpoint;
import dev.ferry.engine.load.LoadException;
import dev.ferry.engine.load.LoadPlan;
import dev.ferry.engine.load.LoadResult;
import dev.ferry.engine.load.LoadSettings;
import dev.ferry.engine.load.LoadStateStore;
import dev.ferry.engine.load.SourceSnapshot;
import dev.ferry.engine.load.TableJob;
import dev.ferry.engine.load.TableProgress;
import dev.ferry.engine.load.mysql.MySqlSourceSnapshot;
import dev.ferry.engine.load.postgres.PostgresPlainSnapshot;
import dev.ferry.engine.load.postgres.PostgresSourceSnapshot;
import dev.ferry.engine.load.sqlite.SqliteSourceSnapshot;
import dev.ferry.engine.validate.TableValidation;
import dev.ferry.engine.validate.Validator;
import dev.ferry.model.project.Project;
import dev.ferry.model.project.TaskConfig;
import dev.ferry.model.project.TaskSettings;
import dev.ferry.model.project.TaskType;
import dev.ferry.model.schema.Engine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code ferry migrate}: the full load of a project task — resolve the table mappings against both catalogs, check the
 * target tables, plan, read one consistent source snapshot, load with progress, validate, summarise. Resumable: a
 * second run after a failure continues from the target's committed ranges (state in
 * {@code <project-dir>/.ferry/<task>.load.db}).
 */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Run a project task's full load: copy the selected tables from the source to the existing target"
                + " tables, then validate them.",
                "Exit 0 when every table loaded without rejected rows and validated; 1 otherwise; 2 for configuration errors.",
                "Run it again after a failure to resume where it stopped."})
public final class MigrateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    VerboseMixin verbose;

    @Option(names = "--project", required = true, paramLabel = "<p.json>", description = "The project file.")
    Path project;

    @Option(names = "--task", paramLabel = "<name>", description = "The task to run (default: the project's only task).")
    String taskName;

    @Option(names = "--validate", negatable = true, description = "Validate after the load (default: the task's ValidationEnabled, true unless the project turns it off); --no-validate skips it.")
    Boolean validate;

    @Option(names = "--split-threshold", paramLabel = "<rows>", hidden = true,
            description = "Split tables with more rows than this into ranges (default 100000).")
    Long splitThreshold;

    @Option(names = "--ranges-per-table", paramLabel = "<n>", hidden = true,
            description = "Ranges per split table (default: MaxFullLoadSubTasks).")
    Integer rangesPerTable;

    @Option(names = "--progress-interval", paramLabel = "<ms>", hidden = true, defaultValue = "1000",
            description = "Milliseconds between progress lines without a console.")
    long progressInterval;

    @Option(names = "--schema-from", paramLabel = "<assessment-dir>",
            description = "Run this assessment folder's deploy plan around the load: the pre-load phase (with the task's"
                    + " TargetTablePrepMode) first, the post-load phase after the data (default: the task's SchemaFrom).")
    Path schemaFrom;

    @Option(names = "--yes", description = "Confirm a destructive TargetTablePrepMode (DROP_AND_CREATE, TRUNCATE_BEFORE_LOAD"
            + " with a schema folder) without a prompt.")
    boolean yes;

    @Option(names = "--start-position", paramLabel = "<pos>",
            description = "cdc tasks: where streaming starts when the task has no stored position: 'now', a PostgreSQL LSN"
                    + " (0/16B3748), a binlog position (mysql-bin.000042:1337), a GTID set, or seq:<n> (SQLite)."
                    + " Default: the task's CdcStartPosition, else now.")
    String startPosition;

    @Option(names = "--stop-at", paramLabel = "<pos>",
            description = "Stop streaming before the first transaction past this point: server_time:2026-01-31T23:00:00,"
                    + " commit_time:... (UTC), an LSN, a binlog file:pos or seq:<n>. Default: the task's CdcStopPosition;"
                    + " without one, streaming runs until Ctrl-C / SIGTERM.")
    String stopAt;

    @Option(names = "--stop-after-full-load",
            description = "full-load-and-cdc tasks: run the full load (with --validate against its snapshot), record where"
                    + " CDC starts, and stop; a later 'ferry migrate' streams from there.")
    boolean stopAfterFullLoad;

    @Option(names = "--json-progress", description = "CDC: print one JSON line of metrics per second on stdout.")
    boolean jsonProgress;

    @Option(names = "--status-interval", paramLabel = "<s>", defaultValue = "10",
            description = "CDC without a terminal: seconds between status lines (default 10; on a terminal the line is"
                    + " redrawn every second).")
    long statusInterval;

    /** Environment lookup for {@code passwordEnv} (tests inject one). */
    java.util.function.Function<String, String> env = System::getenv;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Project p = MigrationContext.loadProject(project);
        TaskConfig task = MigrationContext.task(project, p, taskName);
        if (startPosition != null && task.type() != TaskType.CDC) {
            throw new ConfigurationException("--start-position is for cdc tasks; task " + task.name() + " is "
                    + task.type().externalName() + " (it streams from its full load's snapshot)");
        }
        if (stopAfterFullLoad && task.type() != TaskType.FULL_LOAD_AND_CDC) {
            throw new ConfigurationException("--stop-after-full-load is for full-load-and-cdc tasks; task " + task.name()
                    + " is " + task.type().externalName());
        }
        if (task.type() == TaskType.FULL_LOAD && stopAt != null) {
            throw new ConfigurationException("--stop-at is for tasks with CDC; task " + task.name() + " is full-load");
        }
        java.util.Optional<MigrateSchemaStep> schema = MigrateSchemaStep.of(project, task, schemaFrom);
        if (schema.isEmpty() && task.type() != TaskType.CDC
                && task.settings().targetTablePrepMode() == TaskSettings.PrepMode.DROP_AND_CREATE) {
            err.println("ferry: " + MigrateSchemaStep.dropAndCreateWithoutFolder(task));
            err.flush();
            return ExitCodes.USAGE;
        }
        boolean doValidate = validate != null ? validate : task.settings().validationEnabled();
        try (MigrationContext ctx = MigrationContext.open(project, p, task, env)) {
            if (schema.isPresent()) {
                java.util.Optional<Integer> stop = schema.get().preLoad(ctx, yes, out, err);
                if (stop.isPresent()) {
                    return stop.get();
                }
            }
            List<String> problems = ctx.resolveAgainstCatalogs(dev.ferry.engine.catalog.CatalogListener.NO_OP);
            if (!problems.isEmpty()) {
                for (String s : problems) {
                    err.println("ferry: " + s);
                }
                err.println("ferry: the target is not ready: create the target tables first (the deploy step, 'ferry deploy',"
                        + " comes with the schema conversion) or fix the table mappings.");
                err.flush();
                return ExitCodes.USAGE;
            }
            LoadSettings settings = ctx.settings(splitThreshold, rangesPerTable);
            if (schema.isPresent()) {
                settings = schema.get().adjust(settings);
            }
            LoadPlan plan = ctx.plan(settings);
            if (task.type() != TaskType.FULL_LOAD && !stopAfterFullLoad) {
                return new CdcMigration(this, ctx, plan, settings, out, err).run();
            }
            // a full-load-and-cdc task loaded now and streamed later: capture objects before the snapshot, start
            // position stored after the load
            dev.ferry.engine.cdc.apply.TaskCapture capture = stopAfterFullLoad ? CdcRunner.capture(ctx, plan) : null;
            dev.ferry.engine.cdc.apply.ChangeApplier handoff = capture == null ? null
                    : new dev.ferry.engine.cdc.apply.ChangeApplier(capture.changeSource(), ctx.targetEndpoint,
                    CdcRunner.applySettings(ctx, plan), null);
            if (handoff != null) {
                java.util.Optional<String> stored = handoff.storedPosition();
                if (stored.isPresent()) {
                    capture.close();
                    throw new ConfigurationException("task " + task.name() + " already streams (position " + stored.get()
                            + " in ferry_apply_state): its full load is done; run 'ferry migrate' without --stop-after-full-load");
                }
                capture.prepare();
            }
            Map<String, String> targets = new HashMap<>();
            long expected = 0;
            for (TableJob j : plan.jobs()) {
                targets.put(j.tableKey(), j.target().toString());
                expected += Math.max(0, j.estimatedRows());
            }
            Files.createDirectories(ctx.stateFile().getParent());
            err.printf("Migrating %d tables (%s rows) of task %s: %s -> %s%n", plan.jobs().size(),
                    LoadProgressPrinter.fmt(expected), task.name(), ctx.source.config().describe(), ctx.target.config().describe());
            err.flush();
            boolean console = System.console() != null;
            LoadResult result = null;
            String error = null;
            List<TableValidation> validation = null;
            PostgresReplicationConnection replication;
            try (LoadStateStore store = LoadStateStore.open(ctx.stateFile())) {
                boolean resumed = store.taskStatus(task.name()).isPresent();
                // a full-load-only task needs no slot (no WAL kept, any wal_level): a plain exported snapshot
                replication = ctx.sourceEndpoint.engine() == Engine.POSTGRESQL && task.type() != TaskType.FULL_LOAD
                        ? replication(ctx, task) : null;
                try (SourceSnapshot snapshot = snapshot(ctx, replication, resumed, err);
                     LoadProgressPrinter progress = new LoadProgressPrinter(err, console, plan.jobs().size(), expected,
                             console ? 250 : Math.max(500, progressInterval))) {
                    try {
                        result = new FullLoad(ctx.sourceEndpoint, ctx.targetEndpoint, settings, store, progress)
                                .withDeferredIndexes(task.settings().deferIndexesDuringLoad()).run(plan, snapshot);
                    } catch (LoadException e) {
                        result = e.partial();
                        error = ctx.redact(e.getCause() != null && e.getCause() != e ? e.getCause() : e);
                        if (error == null || error.equals("null")) {
                            error = ctx.redact(e);
                        }
                    }
                    progress.close();
                    boolean loaded = error == null && result != null
                            && result.tables().stream().allMatch(t -> t.state() == TableProgress.TableState.DONE);
                    dev.ferry.engine.deploy.DeployResult post = schema.isPresent() && loaded ? schema.get().postLoad(ctx, out) : null;
                    if (error == null && doValidate) {
                        err.println("Validating " + plan.jobs().size() + " tables…");
                        err.flush();
                        LoadEndpoint validationSource = snapshot instanceof PostgresSourceSnapshot
                                ? new LoadEndpoint(Engine.POSTGRESQL, () -> ((PostgresSourceSnapshot) snapshot).openReader(ctx.sourceEndpoint.connections()))
                                : snapshot instanceof PostgresPlainSnapshot
                                ? new LoadEndpoint(Engine.POSTGRESQL, () -> ((PostgresPlainSnapshot) snapshot).openReader(ctx.sourceEndpoint.connections()))
                                : ctx.sourceEndpoint;
                        validation = new Validator(validationSource, ctx.targetEndpoint, 100, 2).compare(plan.jobs());
                    }
                    List<MigrationReport.Line> lines = MigrationReport.lines(result, targets, progress::last, validation);
                    MigrationReport.print(out, lines);
                    long rejected = result == null ? 0 : result.totalRejected();
                    long notDone = result == null ? plan.jobs().size()
                            : result.tables().stream().filter(t -> t.state() != TableProgress.TableState.DONE).count();
                    long mismatched = validation == null ? 0 : validation.stream().filter(v -> !MigrationReport.ok(v)).count();
                    boolean ok = error == null && rejected == 0 && notDone == 0 && mismatched == 0 && (post == null || post.ok());
                    int exit = ok ? ExitCodes.OK : ExitCodes.WORK_FAILED;
                    String status = error != null ? "FAILED" : ok ? "SUCCEEDED" : "COMPLETED_WITH_ERRORS";
                    out.printf("%s: %s rows in %d tables, %s rejected, %d not loaded, %s%s%n", status,
                            LoadProgressPrinter.fmt(result == null ? 0 : result.totalRows()), plan.jobs().size(),
                            LoadProgressPrinter.fmt(rejected), notDone,
                            validation == null ? "validation not run" : mismatched + " failed validation",
                            result == null ? "" : String.format(" (%.1f s)", result.elapsed().toMillis() / 1000.0));
                    if (error != null) {
                        out.println("error: " + error);
                        out.println("Run 'ferry migrate' again to resume: committed ranges are kept.");
                    }
                    if (post != null && !post.ok()) {
                        out.println("The post-load phase had errors: " + MigrateSchemaStep.resultFile(ctx,
                                dev.ferry.engine.deploy.DeployPhase.POST_LOAD));
                    } else if (schema.isPresent() && !loaded) {
                        out.println("The post-load phase (indexes, foreign keys, views…) runs once the load has finished.");
                    }
                    if (rejected > 0) {
                        out.println("Rejected rows: table ferry_exceptions on the target and " + store.exceptionsFile());
                    }
                    MigrationReport.writeJson(ctx.resultFile(), "migrate", task.name(), status, exit, result, lines, error);
                    if (handoff != null) {
                        try (capture) {
                            if (error == null && notDone == 0) {
                                dev.ferry.engine.cdc.SourcePosition start = capture.afterLoad(store.firstPosition(task.name()));
                                handoff.initializePosition(start);
                                out.println("CDC will start after the snapshot position " + start + ": run 'ferry migrate'"
                                        + " to stream.");
                            }
                        }
                    }
                    out.println("Result: " + ctx.resultFile());
                    out.flush();
                    return exit;
                }
            }
        }
    }

    static PostgresReplicationConnection replication(MigrationContext ctx, TaskConfig task) {
        return new PostgresReplicationConnection(PostgresCdcConfig.forTask(JdbcUrls.of(ctx.source.config()).url(),
                ctx.source.config().user(), ctx.source.password(), task.name()));
    }

    static SourceSnapshot snapshot(MigrationContext ctx, PostgresReplicationConnection replication, boolean resumed,
                                           PrintWriter err) throws SQLException {
        switch (ctx.sourceEndpoint.engine()) {
            case POSTGRESQL -> {
                if (replication == null) {
                    return PostgresPlainSnapshot.export(ctx.sourceEndpoint.connections());
                }
                if (replication.slotExists()) {
                    err.println("Replication slot " + replication.config().slotName() + " exists (an earlier run): "
                            + (resumed ? "resuming" : "loading") + " with plain read transactions; changes since the first run"
                            + " are replayed by CDC from the slot.");
                    err.flush();
                    return SourceSnapshot.independent();
                }
                return PostgresSourceSnapshot.export(replication);
            }
            case MYSQL -> {
                return new MySqlSourceSnapshot();
            }
            case SQLITE -> {
                return new SqliteSourceSnapshot();
            }
            default -> throw new ConfigurationException("no full load from " + ctx.sourceEndpoint.engine().displayName());
        }
    }
}
