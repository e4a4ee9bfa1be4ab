package dev.ferry.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.engine.cdc.apply.ApplyListener;
import dev.ferry.engine.cdc.apply.TaskCapture;
import dev.ferry.engine.load.LoadPlan;
import dev.ferry.engine.load.TableJob;
import dev.ferry.engine.validate.TableValidation;
import dev.ferry.engine.validate.Validator;
import dev.ferry.model.project.Project;
import dev.ferry.model.project.TaskConfig;
import dev.ferry.model.project.TaskType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.Console;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code ferry cutover}: the guided switch-over of a CDC task, six steps recorded in {@code .ferry/<task>.cutover.json}
 * (see {@link CutoverState}); a run continues at the first step not done. The applier runs IN THIS PROCESS: when a
 * {@code ferry migrate} of the task is still streaming (its status file names a live pid), cutover asks it to stop
 * (SIGTERM: a clean stop that keeps the applied position), waits for it, and takes over streaming from the stored
 * position to drain. Nothing changes the target without confirmation ({@code --yes}, or a prompt on a terminal).
 */
@Command(name = "cutover", mixinStandardHelpOptions = true,
        description = {"Cut a CDC task over: 1 confirm source writes stopped, 2 drain until the lag is zero, 3 validate,"
                + " 4 advance sequences/identities past the migrated maximum, 5 run the post-load deploy phase, 6 write a"
                + " report (.ferry/<task>.cutover-report.{json,txt}).",
                "Each step is recorded in .ferry/<task>.cutover.json; run again to continue after a failure.",
                "Exit 0 when the cutover is complete, 1 when a step failed, 2 for usage/configuration errors."})
public final class CutoverCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    VerboseMixin verbose;

    @Option(names = "--project", required = true, paramLabel = "<p.json>", description = "The project file.")
    Path project;

    @Option(names = "--task", paramLabel = "<name>", description = "The task (default: the project's only task).")
    String taskName;

    @Option(names = "--yes", description = "Confirm every step without asking (writes stopped, stopping a running migrate,"
            + " changing the target).")
    boolean yes;

    @Option(names = "--quiet-seconds", paramLabel = "<s>", defaultValue = "3",
            description = "A source with no new change for this long is idle (drain and write detection; default 3).")
    long quietSeconds;

    @Option(names = "--drain-timeout", paramLabel = "<s>", defaultValue = "600",
            description = "Give up draining after this many seconds (default 600).")
    long drainTimeout;

    @Option(names = "--post-load-sql", paramLabel = "<file|dir>",
            description = "The post-load deploy phase: a SQL script, or a folder of *.sql scripts run in name order.")
    Path postLoadSql;

    @Option(names = "--schema-from", paramLabel = "<dir>",
            description = "The post-load deploy phase from this assessment folder (default: the task's SchemaFrom), run by"
                    + " the deploy engine; --post-load-sql is the alternative.")
    Path schemaFrom;

    @Option(names = "--restart", description = "Forget the recorded steps and start the cutover from step 1.")
    boolean restart;

    /** Environment lookup for {@code passwordEnv} (tests inject one). */
    java.util.function.Function<String, String> env = System::getenv;

    /** The deploy-side steps; {@code null}: {@link SqlCutoverActions} with {@link #postLoadSql}. */
    CutoverActions actions;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (schemaFrom != null && postLoadSql != null) {
            throw new ConfigurationException("give either --schema-from or --post-load-sql for the post-load deploy, not both");
        }
        Project p = MigrationContext.loadProject(project);
        TaskConfig task = MigrationContext.task(project, p, taskName);
        if (task.type() == TaskType.FULL_LOAD) {
            throw new ConfigurationException("task " + task.name() + " is full-load: cutover is for tasks with CDC");
        }
        Path dir = project.toAbsolutePath().getParent();
        Path stateFile = CutoverState.of(dir, task.name());
        CutoverState state = restart ? freshAt(stateFile, task.name()) : CutoverState.load(stateFile, task.name());
        if (state.complete()) {
            out.println("The cutover of task " + task.name() + " is complete (" + stateFile + "); --restart to run it again.");
            out.print(state.text());
            out.flush();
            return ExitCodes.OK;
        }
        Console console = System.console();
        if (!yes && console == null) {
            throw new ConfigurationException("cutover stops streaming and changes the target (sequences, post-load deploy):"
                    + " confirm with --yes, or run it on a terminal to be asked");
        }
        try (MigrationContext ctx = MigrationContext.open(project, p, task, env)) {
            CutoverActions steps = actions != null ? actions : postLoadSql != null ? new SqlCutoverActions(postLoadSql)
                    : MigrateSchemaStep.of(project, task, schemaFrom)
                    .<CutoverActions>map(schema -> new DeployCutoverActions(schema, ctx))
                    .orElseGet(() -> new SqlCutoverActions(null));
            List<String> problems = ctx.resolveAgainstCatalogs(dev.ferry.engine.catalog.CatalogListener.NO_OP);
            if (!problems.isEmpty()) {
                problems.forEach(s -> err.println("ferry: " + s));
                err.flush();
                return ExitCodes.USAGE;
            }
            LoadPlan plan = ctx.plan(ctx.settings(null, null));
            if (!confirm(console, "Cut over task " + task.name() + " to " + ctx.target.config().describe()
                    + " (stops streaming, changes sequences and runs the post-load deploy on the target)?")) {
                err.println("ferry: cutover not confirmed; nothing done");
                return ExitCodes.USAGE;
            }
            if (!stopRunningMigrate(dir, task.name(), console, err)) {
                return ExitCodes.WORK_FAILED;
            }
            CdcRunner runner = new CdcRunner(ctx, plan, ApplyListener.NO_OP);
            try {
                if (runner.applier().storedPosition().isEmpty()) {
                    throw new ConfigurationException("task " + task.name() + " has not streamed yet (no position in"
                            + " ferry_apply_state): run 'ferry migrate' first");
                }
                for (CutoverState.Step step : CutoverState.Step.values()) {
                    if (state.steps.get(step).status == CutoverState.Status.DONE) {
                        err.println("step " + (step.ordinal() + 1) + " (" + step.title + "): done earlier");
                        continue;
                    }
                    err.println("step " + (step.ordinal() + 1) + ": " + step.title + "…");
                    err.flush();
                    state.begin(step);
                    boolean ok;
                    try {
                        ok = run(step, state, ctx, plan, runner, steps, console, out, err);
                    } catch (ConfigurationException e) {
                        state.detail(step, e.getMessage());
                        state.end(step, CutoverState.Status.FAILED);
                        throw e;
                    } catch (Exception e) {
                        state.detail(step, "error: " + ctx.redact(e));
                        ok = false;
                    }
                    state.end(step, ok ? CutoverState.Status.DONE : CutoverState.Status.FAILED);
                    if (!ok && step == CutoverState.Step.VALIDATE) {
                        // whatever is fixed on the source reaches the target through the stream: drain again next time
                        state.steps.get(CutoverState.Step.DRAIN).status = CutoverState.Status.PENDING;
                        state.detail(step, "the next run drains again before validating");
                    }
                    if (!ok) {
                        out.print(state.text());
                        out.println("Step " + (step.ordinal() + 1) + " failed; fix the cause and run 'ferry cutover' again to"
                                + " continue from it (state: " + stateFile + ").");
                        out.flush();
                        return ExitCodes.WORK_FAILED;
                    }
                }
            } finally {
                runner.close();
                runner.finished();
            }
            out.print(state.text());
            out.println("Report: " + reportFile(dir, task.name(), "txt") + " and " + reportFile(dir, task.name(), "json"));
            out.flush();
            return ExitCodes.OK;
        }
    }

    private static CutoverState freshAt(Path file, String task) throws java.io.IOException {
        Files.deleteIfExists(file);
        return CutoverState.load(file, task);
    }

    static Path reportFile(Path dir, String task, String ext) {
        return dir.resolve(".ferry").resolve(task + ".cutover-report." + ext);
    }

    private boolean run(CutoverState.Step step, CutoverState state, MigrationContext ctx, LoadPlan plan, CdcRunner runner,
                        CutoverActions steps, Console console, PrintWriter out, PrintWriter err) throws Exception {
        TaskCapture capture = runner.capture();
        switch (step) {
            case WRITES_STOPPED -> {
                if (capture.sourceReadOnly()) {
                    state.detail(step, "the source is read-only");
                } else if (yes) {
                    state.detail(step, "confirmed with --yes; the drain checks that no change arrives for " + quietSeconds + " s");
                } else if (confirm(console, "Have all writes to the source stopped?")) {
                    state.detail(step, "confirmed at the prompt; the drain checks that no change arrives for " + quietSeconds + " s");
                } else {
                    state.detail(step, "not confirmed");
                    return false;
                }
                return true;
            }
            case DRAIN -> {
                return drain(state, runner, err);
            }
            case VALIDATE -> {
                List<TableValidation> v = new Validator(ctx.sourceEndpoint, ctx.targetEndpoint, 100, 2).compare(plan.jobs());
                long bad = v.stream().filter(x -> !MigrationReport.ok(x)).count();
                for (TableValidation x : v) {
                    state.detail(step, x.table() + ": " + x.status() + " (source " + x.sourceRows() + " rows, target "
                            + x.targetRows() + ", missing " + x.missing() + ", extra " + x.extra() + ", different " + x.different() + ")");
                }
                state.detail(step, v.size() + " tables compared, " + bad + " failed validation");
                return bad == 0;
            }
            case SEQUENCES -> {
                List<CutoverActions.SequenceAdvance> adv = steps.advanceSequences(ctx.targetEndpoint,
                        plan.jobs().stream().map(TableJob::target).toList());
                for (CutoverActions.SequenceAdvance a : adv) {
                    state.detail(step, a.sequence() + " (" + a.table() + "." + a.column() + "): migrated max "
                            + (a.migratedMax() == null ? "none (empty)" : a.migratedMax()) + ", next value " + a.next());
                }
                if (adv.isEmpty()) {
                    state.detail(step, "no sequence or identity column in the migrated tables");
                }
                return true;
            }
            case POST_LOAD_DEPLOY -> {
                for (String line : steps.runPostLoadDeploy(ctx.targetEndpoint)) {
                    state.detail(step, line);
                }
                return true;
            }
            case REPORT -> {
                state.detail(step, "report: " + reportFile(ctx.projectDir, ctx.task.name(), "txt"));
                state.steps.get(step).finished = java.time.Instant.now();
                state.steps.get(step).status = CutoverState.Status.DONE;
                Files.writeString(reportFile(ctx.projectDir, ctx.task.name(), "json"),
                        CdcStatusFile.JSON.writeValueAsString(state.json()), StandardCharsets.UTF_8);
                Files.writeString(reportFile(ctx.projectDir, ctx.task.name(), "txt"), state.text(), StandardCharsets.UTF_8);
                return true;
            }
            default -> throw new IllegalStateException(step.name());
        }
    }

    /** Streams from the stored position until the end of the source's log (taken now) is applied and the source is quiet. */
    private boolean drain(CutoverState state, CdcRunner runner, PrintWriter err) throws Exception {
        CutoverState.Step step = CutoverState.Step.DRAIN;
        TaskCapture capture = runner.capture();
        Duration quiet = Duration.ofSeconds(Math.max(1, quietSeconds));
        runner.status().phase = "CUTOVER_DRAIN";
        runner.applier().start();
        String end = capture.endOfLog();
        state.detail(step, "streaming after " + runner.applier().stats().lastPosition() + " until the end of the log " + end);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(drainTimeout);
        long applied = 0;
        while (true) {
            boolean reached = capture.reached(end);
            applied += runner.applier().drain(quiet);
            if (reached) {
                break;
            }
            if (System.nanoTime() > deadline) {
                state.detail(step, "the end of the log " + end + " was not reached within " + drainTimeout + " s (" + applied
                        + " row changes applied)");
                return false;
            }
        }
        long late = runner.applier().drain(quiet);
        runner.status().write(runner.monitor().sample());
        if (late > 0) {
            state.detail(step, late + " row changes arrived after the end of the log: the source is still being written;"
                    + " stop the writers and run 'ferry cutover' again");
            return false;
        }
        TaskCapture.Lag lag = capture.lag();
        state.detail(step, "applied " + (applied + late) + " row changes; end of the log reached, no change for "
                + quiet.toSeconds() + " s; last applied position " + runner.applier().stats().lastPosition()
                + (lag == null ? "" : "; lag " + lag.value() + " " + lag.unit()));
        runner.applier().close();
        runner.status().phase = "CUT_OVER";
        runner.status().write(runner.monitor().sample());
        err.println("drained: " + (applied + late) + " row changes applied");
        return true;
    }

    /** Stops a {@code ferry migrate} still streaming this task (after confirmation); false when it would not stop. */
    private boolean stopRunningMigrate(Path dir, String task, Console console, PrintWriter err) throws Exception {
        Path status = CdcStatusFile.of(dir, task);
        if (!Files.isRegularFile(status)) {
            return true;
        }
        JsonNode n = CdcStatusFile.read(status);
        String phase = n.path("phase").asText();
        long pid = n.path("pid").asLong(-1);
        Optional<ProcessHandle> running = pid > 0 && pid != ProcessHandle.current().pid()
                && (phase.equals("STREAMING") || phase.equals("STARTING")) ? ProcessHandle.of(pid) : Optional.empty();
        if (running.isEmpty() || !running.get().isAlive()) {
            return true;
        }
        if (!confirm(console, "ferry migrate (pid " + pid + ") is streaming task " + task + ": stop it and take over?")) {
            err.println("ferry: the running 'ferry migrate' (pid " + pid + ") was not stopped; stop it first");
            return false;
        }
        err.println("Stopping the running 'ferry migrate' (pid " + pid + ", SIGTERM: clean stop, position kept)…");
        err.flush();
        running.get().destroy();
        try {
            running.get().onExit().get(90, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            err.println("ferry: 'ferry migrate' (pid " + pid + ") did not stop within 90 s");
            return false;
        }
        return true;
    }

    private boolean confirm(Console console, String question) {
        if (yes) {
            return true;
        }
        if (console == null) {
            return false;
        }
        String answer = console.readLine("%s [y/N] ", question);
        return answer != null && (answer.trim().equalsIgnoreCase("y") || answer.trim().equalsIgnoreCase("yes"));
    }

    /**
     * Sequences as {@link SqlCutoverActions}; the post-load phase of the assessment folder run by the engine's
     * {@code Deployer} (as {@code ferry migrate} does after a load), its result in {@code .ferry/<task>.deploy-post-load.json}.
     */
    private static final class DeployCutoverActions implements CutoverActions {
        private final MigrateSchemaStep schema;
        private final MigrationContext ctx;

        DeployCutoverActions(MigrateSchemaStep schema, MigrationContext ctx) {
            this.schema = schema;
            this.ctx = ctx;
        }

        @Override
        public List<SequenceAdvance> advanceSequences(dev.ferry.engine.load.LoadEndpoint target,
                                                      List<dev.ferry.model.schema.QualifiedName> tables) throws Exception {
            return new SqlCutoverActions(null).advanceSequences(target, tables);
        }

        @Override
        public List<String> runPostLoadDeploy(dev.ferry.engine.load.LoadEndpoint target) throws Exception {
            if (schema.input.targetEngine() != target.engine()) {
                throw new ConfigurationException("schema folder " + schema.folder + " was converted for "
                        + schema.input.targetEngine().displayName() + " but the task's target is " + target.engine().displayName());
            }
            java.io.StringWriter text = new java.io.StringWriter();
            dev.ferry.engine.deploy.DeployResult r;
            try (PrintWriter w = new PrintWriter(text)) {
                r = schema.postLoad(ctx, w);
            }
            List<String> lines = new java.util.ArrayList<>(text.toString().lines().filter(l -> !l.isBlank()).toList());
            lines.add("post-load phase from " + schema.folder + ": " + r.counts() + " (result: "
                    + MigrateSchemaStep.resultFile(ctx, dev.ferry.engine.deploy.DeployPhase.POST_LOAD) + ")");
            if (!r.ok()) {
                throw new IllegalStateException("the post-load phase had errors: " + String.join("; ", lines));
            }
            return lines;
        }
    }
}
