package dev.ferry.app.cli;

import dev.ferry.engine.cdc.SourcePosition;
import dev.ferry.engine.cdc.apply.ApplyListener;
import dev.ferry.engine.cdc.apply.StopCondition;
import dev.ferry.engine.cdc.postgres.PostgresReplicationConnection;
import dev.ferry.engine.load.FullLoad;
import dev.ferry.engine.load.LoadException;
import dev.ferry.engine.load.LoadPlan;
import dev.ferry.engine.load.LoadResult;
import dev.ferry.engine.load.LoadSettings;
import dev.ferry.engine.load.LoadStateStore;
import dev.ferry.engine.load.SourceSnapshot;
import dev.ferry.engine.load.TableJob;
import dev.ferry.engine.load.TableProgress;
import dev.ferry.engine.validate.TableValidation;
import dev.ferry.engine.validate.Validator;
import dev.ferry.model.project.TaskType;
import dev.ferry.model.schema.Engine;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ferry migrate} for {@code full-load-and-cdc} and {@code cdc} tasks: (full load from the snapshot the stream
 * starts at | the start position) then streaming until the stop position or a signal. A restart resumes from the
 * position stored in {@code ferry_apply_state}; a full load that did not finish is resumed first. Runs on the calling
 * thread (see {@link CdcRunner} for the threads it starts).
 */
final class CdcMigration {

    private final MigrateCommand cmd;
    private final MigrationContext ctx;
    private final LoadPlan plan;
    private final LoadSettings settings;
    private final PrintWriter out;
    private final PrintWriter err;

    CdcMigration(MigrateCommand cmd, MigrationContext ctx, LoadPlan plan, LoadSettings settings, PrintWriter out, PrintWriter err) {
        this.cmd = cmd;
        this.ctx = ctx;
        this.plan = plan;
        this.settings = settings;
        this.out = out;
        this.err = err;
    }

    int run() throws Exception {
        String task = ctx.task.name();
        String stopText = cmd.stopAt != null ? cmd.stopAt : ctx.task.settings().cdcStopPosition();
        Files.createDirectories(ctx.stateFile().getParent());
        CdcRunner runner = new CdcRunner(ctx, plan, ApplyListener.NO_OP);
        try {
            StopCondition stop;
            try {
                stop = stopText == null ? StopCondition.NONE
                        : StopCondition.parse(stopText, runner.capture().kind(), runner.capture().serverClock());
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException("task " + task + ": " + e.getMessage(), e);
            }
            Optional<String> stored = runner.applier().storedPosition();
            if (stored.isPresent()) {
                err.println("Task " + task + " resumes streaming after its stored position " + stored.get()
                        + " (ferry_apply_state on the target)" + (ctx.task.type() == TaskType.FULL_LOAD_AND_CDC
                        ? "; its full load finished in an earlier run" : ""));
            } else if (ctx.task.type() == TaskType.FULL_LOAD_AND_CDC) {
                runner.capture().prepare(); // publication / triggers BEFORE the snapshot
                Integer failed = fullLoad(runner);
                if (failed != null) {
                    return failed;
                }
            } else {
                String spec = cmd.startPosition != null ? cmd.startPosition
                        : ctx.task.settings().cdcStartPosition() != null ? ctx.task.settings().cdcStartPosition() : "now";
                SourcePosition start;
                try {
                    start = runner.capture().startAt(spec);
                } catch (IllegalArgumentException e) {
                    throw new ConfigurationException("task " + task + ": " + e.getMessage(), e);
                }
                if (start != null) {
                    runner.applier().initializePosition(start);
                }
                err.println("Task " + task + " starts streaming at " + spec + (start == null ? "" : " (" + start + ")"));
            }
            err.flush();
            runner.installSignalHandler();
            boolean console = System.console() != null;
            CdcRunner.End end = runner.stream(stop, stopText, err, out, console, cmd.jsonProgress,
                    Math.max(1, cmd.statusInterval) * 1000);
            runner.close();
            return finish(runner, end);
        } finally {
            runner.close();
            runner.finished();
        }
    }

    /** The full load (resumable) from the snapshot the stream starts after; {@code null} when it succeeded. */
    private Integer fullLoad(CdcRunner runner) throws Exception {
        String task = ctx.task.name();
        Map<String, String> targets = new HashMap<>();
        long expected = 0;
        for (TableJob j : plan.jobs()) {
            targets.put(j.tableKey(), j.target().toString());
            expected += Math.max(0, j.estimatedRows());
        }
        err.printf("Full load of %d tables (%s rows) of task %s, then CDC: %s -> %s%n", plan.jobs().size(),
                LoadProgressPrinter.fmt(expected), task, ctx.source.config().describe(), ctx.target.config().describe());
        err.flush();
        boolean console = System.console() != null;
        try (LoadStateStore store = LoadStateStore.open(ctx.stateFile())) {
            boolean resumed = store.taskStatus(task).isPresent();
            PostgresReplicationConnection replication = ctx.sourceEndpoint.engine() == Engine.POSTGRESQL
                    ? MigrateCommand.replication(ctx, ctx.task) : null;
            LoadResult result;
            String error = null;
            try (SourceSnapshot snapshot = MigrateCommand.snapshot(ctx, replication, resumed, err);
                 LoadProgressPrinter progress = new LoadProgressPrinter(err, console, plan.jobs().size(), expected,
                         console ? 250 : Math.max(500, cmd.progressInterval))) {
                try {
                    result = new FullLoad(ctx.sourceEndpoint, ctx.targetEndpoint, settings, store, progress)
                            .withDeferredIndexes(ctx.task.settings().deferIndexesDuringLoad()).run(plan, snapshot);
                } catch (LoadException e) {
                    result = e.partial();
                    error = ctx.redact(e.getCause() != null && e.getCause() != e ? e.getCause() : e);
                }
                progress.close();
                List<MigrationReport.Line> lines = MigrationReport.lines(result, targets, progress::last, null);
                MigrationReport.print(out, lines);
                long notDone = result == null ? plan.jobs().size()
                        : result.tables().stream().filter(t -> t.state() != TableProgress.TableState.DONE).count();
                long rejected = result == null ? 0 : result.totalRejected();
                boolean ok = error == null && notDone == 0;
                String status = ok ? "LOADED" : "FAILED";
                out.printf("%s: %s rows in %d tables, %s rejected, %d not loaded%s%n", status,
                        LoadProgressPrinter.fmt(result == null ? 0 : result.totalRows()), plan.jobs().size(),
                        LoadProgressPrinter.fmt(rejected), notDone,
                        result == null ? "" : String.format(" (%.1f s)", result.elapsed().toMillis() / 1000.0));
                MigrationReport.writeJson(ctx.resultFile(), "migrate", task, status, ok ? ExitCodes.OK : ExitCodes.WORK_FAILED,
                        result, lines, error);
                if (!ok) {
                    out.println("error: " + (error == null ? notDone + " tables not loaded" : error));
                    out.println("Run 'ferry migrate' again to resume: committed ranges are kept, CDC then starts from the"
                            + " first run's snapshot position.");
                    out.flush();
                    return ExitCodes.WORK_FAILED;
                }
                if (rejected > 0) {
                    out.println("Rejected rows: table ferry_exceptions on the target and " + store.exceptionsFile());
                }
                out.flush();
            }
            SourcePosition start = runner.capture().afterLoad(store.firstPosition(task));
            runner.applier().initializePosition(start);
            err.println("Full load done; streaming starts after the snapshot position " + start);
            return null;
        }
    }

    private int finish(CdcRunner runner, CdcRunner.End end) throws Exception {
        String task = ctx.task.name();
        var stats = runner.applier().stats();
        int exit = end == CdcRunner.End.FAILED ? ExitCodes.WORK_FAILED : ExitCodes.OK;
        String how = switch (end) {
            case STOP_CONDITION -> "STOPPED at " + runner.applier().stopReason().orElse("the stop position");
            case STOPPED -> "STOPPED on request";
            case FAILED -> "FAILED";
        };
        out.printf("%s: %s row changes applied in this run, %d rejected; last applied position %s%n", how,
                LoadProgressPrinter.fmt(stats.appliedEvents()), stats.rejectedRows(), stats.lastPosition());
        if (runner.failure() != null) {
            out.println("error: " + runner.failure());
        }
        if (end != CdcRunner.End.FAILED) {
            out.println("Run 'ferry migrate' again to resume streaming from the stored position.");
        } else {
            out.println("Fix the cause and run 'ferry migrate' again: streaming resumes after the last committed position.");
        }
        boolean doValidate = cmd.validate != null ? cmd.validate : false;
        if (doValidate && end != CdcRunner.End.FAILED) {
            err.println("Validating " + plan.jobs().size() + " tables (meaningful when the source is quiet)…");
            err.flush();
            List<TableValidation> validation = new Validator(ctx.sourceEndpoint, ctx.targetEndpoint, 100, 2).compare(plan.jobs());
            Map<String, String> targets = new HashMap<>();
            plan.jobs().forEach(j -> targets.put(j.tableKey(), j.target().toString()));
            List<MigrationReport.Line> lines = MigrationReport.lines(null, targets, t -> null, validation);
            MigrationReport.print(out, lines);
            long mismatched = validation.stream().filter(v -> !MigrationReport.ok(v)).count();
            out.printf("%s: %d tables compared, %d failed validation%n", mismatched == 0 ? "VALIDATED" : "MISMATCHED",
                    validation.size(), mismatched);
            if (mismatched > 0) {
                exit = ExitCodes.WORK_FAILED;
            }
        }
        out.println("Status: " + runner.status().file() + " (ferry status --project " + ctx.projectFile + " --task " + task + ")");
        out.flush();
        return exit;
    }
}
