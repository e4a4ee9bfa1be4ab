package dev.ferry.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.engine.cdc.apply.ApplyListener;
import dev.ferry.engine.cdc.apply.TaskCapture;
import dev.ferry.engine.load.LoadPlan;
import dev.ferry.engine.load.TableJob;
import dev.ferry.engine.validate.TableValidation;
import dev.ferry.engine.validate.Validator;
import dev.ferry.model.project.EndpointConfig;
import dev.ferry.model.project.Project;
import dev.ferry.model.project.TaskConfig;
import dev.ferry.model.project.TaskType;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * The six steps of a cutover (writes stopped, drain, validate, sequences, post-load deploy, report), recorded in
 * {@code .ferry/<task>.cutover.json} so a run continues at the first step not done. Used by {@code ferry cutover}
 * ({@link CutoverCommand}, which adds the options and the console) and by the workbench's cutover wizard. Free of
 * picocli and JavaFX: questions go through {@link Prompts}, progress through {@link Listener}.
 *
 * <p>Threading: {@link #run} blocks (it streams changes while draining); call it from one worker thread. The listener
 * is called on that thread.
 */
public final class CutoverSequence {

    /** The steps, in order: number (1-based) and title. */
    public static final List<String> STEP_TITLES = java.util.Arrays.stream(CutoverState.Step.values()).map(s -> s.title).toList();

    /** Answers the cutover's questions (the CLI: {@code --yes} or the console; the workbench: what the user confirmed). */
    public interface Prompts {
        /** {@code true} when the user agrees to {@code question}. */
        boolean confirm(String question);

        /** How a confirmation was given, for the record ({@code confirmed with --yes}). */
        default String confirmedHow() {
            return "confirmed";
        }
    }

    /** Progress of a run; every method has a no-op default. */
    public interface Listener {
        /** Step {@code number} (1-based) was done by an earlier run. */
        default void doneEarlier(int number, String title) {
        }

        default void stepStarted(int number, String title) {
        }

        /** A line of what the step did (also recorded in the state file). */
        default void detail(int number, String line) {
        }

        /** Step ended; {@code status} is DONE or FAILED. */
        default void stepEnded(int number, String title, String status) {
        }

        /** While draining (about once per quiet period): row changes applied so far and the lag, if known. */
        default void drainProgress(long applied, String lag) {
        }

        /** A remark for the operator (stopping a running migrate...). */
        default void message(String line) {
        }
    }

    /**
     * How to run.
     *
     * @param quietSeconds a source with no change for this long is idle
     * @param drainTimeout give up draining after this many seconds
     * @param postLoadSql  the post-load phase as SQL scripts, or {@code null}
     * @param schemaFrom   the post-load phase from this assessment folder, or {@code null} (the task's SchemaFrom)
     * @param restart      forget the recorded steps first
     */
    public record Options(long quietSeconds, long drainTimeout, Path postLoadSql, Path schemaFrom, boolean restart) {
        public static Options defaults() {
            return new Options(3, 600, null, null, false);
        }
    }

    /** How a run ended. */
    public enum Outcome {
        /** Every step is done (the report is written). */
        COMPLETE,
        /** It was complete before this run: nothing ran. */
        ALREADY_COMPLETE,
        /** A step failed; run again to continue from it. */
        FAILED,
        /** The cutover (or stopping a running migrate) was not confirmed: nothing changed. */
        NOT_CONFIRMED,
        /** The project cannot be cut over as it is (listed in {@link Result#problems()}). */
        NOT_READY
    }

    /**
     * @param outcome    how it ended
     * @param failedStep the 1-based step that failed, or 0
     * @param text       the human report (every step with status, timing and details)
     * @param stateFile  {@code .ferry/<task>.cutover.json}
     * @param problems   why the project is not ready (NOT_READY), else empty
     */
    public record Result(Outcome outcome, int failedStep, String text, Path stateFile, List<String> problems) {
    }

    /** One step as recorded in the state file (for showing a cutover's state before or after a run). */
    public record StepState(int number, String title, String status, List<String> details, double seconds) {
    }

    private final Path projectFile;
    private final Project project;
    private final TaskConfig task;
    private final Options options;
    private final Prompts prompts;
    private final Listener listener;
    /** The target-side steps; {@code null}: from the options. */
    CutoverActions actions;

    public CutoverSequence(Path projectFile, Project project, TaskConfig task, Options options, Prompts prompts, Listener listener) {
        if (options.schemaFrom() != null && options.postLoadSql() != null) {
            throw new ConfigurationException("give either --schema-from or --post-load-sql for the post-load deploy, not both");
        }
        if (task.type() == TaskType.FULL_LOAD) {
            throw new ConfigurationException("task " + task.name() + " is full-load: cutover is for tasks with CDC");
        }
        this.projectFile = projectFile;
        this.project = project;
        this.task = task;
        this.options = options;
        this.prompts = prompts;
        this.listener = listener == null ? new Listener() { } : listener;
    }

    /** The recorded state of task {@code task}'s cutover in the project folder {@code projectDir} (all PENDING when none). */
    public static List<StepState> recorded(Path projectDir, String task) {
        return states(CutoverState.load(CutoverState.of(projectDir, task), task));
    }

    private static List<StepState> states(CutoverState s) {
        List<StepState> out = new ArrayList<>();
        int i = 1;
        for (var e : s.steps.entrySet()) {
            out.add(new StepState(i++, e.getKey().title, e.getValue().status.name(), List.copyOf(e.getValue().details),
                    e.getValue().seconds()));
        }
        return out;
    }

    /** The state file of this task. */
    public Path stateFile() {
        return CutoverState.of(projectFile.toAbsolutePath().getParent(), task.name());
    }

    /** Whether the recorded cutover is complete (and {@link Options#restart()} is not set). */
    public boolean complete() {
        return !options.restart() && CutoverState.load(stateFile(), task.name()).complete();
    }

    /** The recorded report text. */
    public String recordedText() {
        return CutoverState.load(stateFile(), task.name()).text();
    }

    /**
     * Runs the cutover: every step not done yet, in order, until one fails.
     *
     * @param env       environment lookup for {@code passwordEnv}
     * @param passwords the password of an endpoint (the workbench's secret store), or {@code null} for the CLI's
     *                  resolution (environment, secret store, console prompt)
     * @param cancel    polled between steps and while draining; a cancelled step fails ("cancelled") and is retried
     *                  by the next run
     */
    public Result run(Function<String, String> env, Function<EndpointConfig, char[]> passwords, BooleanSupplier cancel)
            throws Exception {
        Path dir = projectFile.toAbsolutePath().getParent();
        Path stateFile = stateFile();
        CutoverState state = options.restart() ? freshAt(stateFile, task.name()) : CutoverState.load(stateFile, task.name());
        if (state.complete()) {
            return new Result(Outcome.ALREADY_COMPLETE, 0, state.text(), stateFile, List.of());
        }
        try (MigrationContext ctx = MigrationContext.open(projectFile, project, task, env, passwords)) {
            CutoverActions steps = actions != null ? actions : options.postLoadSql() != null
                    ? new SqlCutoverActions(options.postLoadSql())
                    : MigrateSchemaStep.of(projectFile, task, options.schemaFrom())
                    .<CutoverActions>map(schema -> new DeployCutoverActions(schema, ctx))
                    .orElseGet(() -> new SqlCutoverActions(null));
            List<String> problems = ctx.resolveAgainstCatalogs(dev.ferry.engine.catalog.CatalogListener.NO_OP);
            if (!problems.isEmpty()) {
                return new Result(Outcome.NOT_READY, 0, state.text(), stateFile, problems);
            }
            LoadPlan plan = ctx.plan(ctx.settings(null, null));
            if (!prompts.confirm("Cut over task " + task.name() + " to " + ctx.target.config().describe()
                    + " (stops streaming, changes sequences and runs the post-load deploy on the target)?")) {
                return new Result(Outcome.NOT_CONFIRMED, 0, state.text(), stateFile, List.of("cutover not confirmed; nothing done"));
            }
            Optional<String> notStopped = stopRunningMigrate(dir, task.name());
            if (notStopped.isPresent()) {
                return new Result(Outcome.NOT_CONFIRMED, 0, state.text(), stateFile, List.of(notStopped.get()));
            }
            CdcRunner runner = new CdcRunner(ctx, plan, ApplyListener.NO_OP);
            try {
                if (runner.applier().storedPosition().isEmpty()) {
                    throw new ConfigurationException("task " + task.name() + " has not streamed yet (no position in"
                            + " ferry_apply_state): run 'ferry migrate' first");
                }
                for (CutoverState.Step step : CutoverState.Step.values()) {
                    int number = step.ordinal() + 1;
                    if (state.steps.get(step).status == CutoverState.Status.DONE) {
                        listener.doneEarlier(number, step.title);
                        continue;
                    }
                    listener.stepStarted(number, step.title);
                    state.begin(step);
                    boolean ok;
                    try {
                        ok = !cancelled(cancel, state, step) && run(step, state, ctx, plan, runner, steps, cancel);
                    } catch (ConfigurationException e) {
                        detail(state, step, e.getMessage());
                        state.end(step, CutoverState.Status.FAILED);
                        listener.stepEnded(number, step.title, CutoverState.Status.FAILED.name());
                        throw e;
                    } catch (Exception e) {
                        detail(state, step, "error: " + ctx.redact(e));
                        ok = false;
                    }
                    state.end(step, ok ? CutoverState.Status.DONE : CutoverState.Status.FAILED);
                    if (!ok && step == CutoverState.Step.VALIDATE) {
                        // whatever is fixed on the source reaches the target through the stream: drain again next time
                        state.steps.get(CutoverState.Step.DRAIN).status = CutoverState.Status.PENDING;
                        detail(state, step, "the next run drains again before validating");
                    }
                    listener.stepEnded(number, step.title, (ok ? CutoverState.Status.DONE : CutoverState.Status.FAILED).name());
                    if (!ok) {
                        return new Result(Outcome.FAILED, number, state.text(), stateFile, List.of());
                    }
                }
            } finally {
                runner.close();
                runner.finished();
            }
            return new Result(Outcome.COMPLETE, 0, state.text(), stateFile, List.of());
        }
    }

    private boolean cancelled(BooleanSupplier cancel, CutoverState state, CutoverState.Step step) {
        if (cancel != null && cancel.getAsBoolean()) {
            detail(state, step, "cancelled; run the cutover again to continue from this step");
            return true;
        }
        return false;
    }

    private void detail(CutoverState state, CutoverState.Step step, String line) {
        state.detail(step, line);
        listener.detail(step.ordinal() + 1, line);
    }

    private static CutoverState freshAt(Path file, String task) throws IOException {
        Files.deleteIfExists(file);
        return CutoverState.load(file, task);
    }

    static Path reportFile(Path dir, String task, String ext) {
        return dir.resolve(".ferry").resolve(task + ".cutover-report." + ext);
    }

    private boolean run(CutoverState.Step step, CutoverState state, MigrationContext ctx, LoadPlan plan, CdcRunner runner,
                        CutoverActions steps, BooleanSupplier cancel) throws Exception {
        TaskCapture capture = runner.capture();
        switch (step) {
            case WRITES_STOPPED -> {
                if (capture.sourceReadOnly()) {
                    detail(state, step, "the source is read-only");
                } else if (prompts.confirm("Have all writes to the source stopped?")) {
                    detail(state, step, prompts.confirmedHow() + "; the drain checks that no change arrives for " + options.quietSeconds() + " s");
                } else {
                    detail(state, step, "not confirmed");
                    return false;
                }
                return true;
            }
            case DRAIN -> {
                return drain(state, runner, cancel);
            }
            case VALIDATE -> {
                List<TableValidation> v = new Validator(ctx.sourceEndpoint, ctx.targetEndpoint, 100, 2).compare(plan.jobs());
                long bad = v.stream().filter(x -> !MigrationReport.ok(x)).count();
                for (TableValidation x : v) {
                    detail(state, step, x.table() + ": " + x.status() + " (source " + x.sourceRows() + " rows, target "
                            + x.targetRows() + ", missing " + x.missing() + ", extra " + x.extra() + ", different " + x.different() + ")");
                }
                detail(state, step, v.size() + " tables compared, " + bad + " failed validation");
                return bad == 0;
            }
            case SEQUENCES -> {
                List<CutoverActions.SequenceAdvance> adv = steps.advanceSequences(ctx.targetEndpoint,
                        plan.jobs().stream().map(TableJob::target).toList());
                for (CutoverActions.SequenceAdvance a : adv) {
                    detail(state, step, a.sequence() + " (" + a.table() + "." + a.column() + "): migrated max "
                            + (a.migratedMax() == null ? "none (empty)" : a.migratedMax()) + ", next value " + a.next());
                }
                if (adv.isEmpty()) {
                    detail(state, step, "no sequence or identity column in the migrated tables");
                }
                return true;
            }
            case POST_LOAD_DEPLOY -> {
                for (String line : steps.runPostLoadDeploy(ctx.targetEndpoint)) {
                    detail(state, step, line);
                }
                return true;
            }
            case REPORT -> {
                detail(state, step, "report: " + reportFile(ctx.projectDir, ctx.task.name(), "txt"));
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
    private boolean drain(CutoverState state, CdcRunner runner, BooleanSupplier cancel) throws Exception {
        CutoverState.Step step = CutoverState.Step.DRAIN;
        TaskCapture capture = runner.capture();
        Duration quiet = Duration.ofSeconds(Math.max(1, options.quietSeconds()));
        runner.status().phase = "CUTOVER_DRAIN";
        runner.applier().start();
        String end = capture.endOfLog();
        detail(state, step, "streaming after " + runner.applier().stats().lastPosition() + " until the end of the log " + end);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.drainTimeout());
        long applied = 0;
        while (true) {
            boolean reached = capture.reached(end);
            applied += runner.applier().drain(quiet);
            listener.drainProgress(applied, lagText(capture));
            if (reached) {
                break;
            }
            if (cancel != null && cancel.getAsBoolean()) {
                detail(state, step, "cancelled after " + applied + " row changes applied; run the cutover again to continue");
                return false;
            }
            if (System.nanoTime() > deadline) {
                detail(state, step, "the end of the log " + end + " was not reached within " + options.drainTimeout()
                        + " s (" + applied + " row changes applied)");
                return false;
            }
        }
        long late = runner.applier().drain(quiet);
        runner.status().write(runner.monitor().sample());
        listener.drainProgress(applied + late, lagText(capture));
        if (late > 0) {
            detail(state, step, late + " row changes arrived after the end of the log: the source is still being written;"
                    + " stop the writers and run the cutover again");
            return false;
        }
        TaskCapture.Lag lag = capture.lag();
        detail(state, step, "applied " + (applied + late) + " row changes; end of the log reached, no change for "
                + quiet.toSeconds() + " s; last applied position " + runner.applier().stats().lastPosition()
                + (lag == null ? "" : "; lag " + lag.value() + " " + lag.unit()));
        runner.applier().close();
        runner.status().phase = "CUT_OVER";
        runner.status().write(runner.monitor().sample());
        listener.message("drained: " + (applied + late) + " row changes applied");
        return true;
    }

    private static String lagText(TaskCapture capture) {
        try {
            TaskCapture.Lag lag = capture.lag();
            return lag == null ? null : lag.value() + " " + lag.unit();
        } catch (Exception e) {
            return null;
        }
    }

    /** Stops a {@code ferry migrate} still streaming this task (after confirmation); the reason when it would not stop. */
    private Optional<String> stopRunningMigrate(Path dir, String task) throws Exception {
        Path status = CdcStatusFile.of(dir, task);
        if (!Files.isRegularFile(status)) {
            return Optional.empty();
        }
        JsonNode n = CdcStatusFile.read(status);
        String phase = n.path("phase").asText();
        long pid = n.path("pid").asLong(-1);
        Optional<ProcessHandle> running = pid > 0 && pid != ProcessHandle.current().pid()
                && (phase.equals("STREAMING") || phase.equals("STARTING")) ? ProcessHandle.of(pid) : Optional.empty();
        if (running.isEmpty() || !running.get().isAlive()) {
            return Optional.empty();
        }
        if (!prompts.confirm("ferry migrate (pid " + pid + ") is streaming task " + task + ": stop it and take over?")) {
            return Optional.of("the running 'ferry migrate' (pid " + pid + ") was not stopped; stop it first");
        }
        listener.message("Stopping the running 'ferry migrate' (pid " + pid + ", SIGTERM: clean stop, position kept)…");
        running.get().destroy();
        try {
            running.get().onExit().get(90, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            return Optional.of("'ferry migrate' (pid " + pid + ") did not stop within 90 s");
        }
        return Optional.empty();
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
            List<String> lines = new ArrayList<>(text.toString().lines().filter(l -> !l.isBlank()).toList());
            lines.add("post-load phase from " + schema.folder + ": " + r.counts() + " (result: "
                    + MigrateSchemaStep.resultFile(ctx, dev.ferry.engine.deploy.DeployPhase.POST_LOAD) + ")");
            if (!r.ok()) {
                throw new IllegalStateException("the post-load phase had errors: " + String.join("; ", lines));
            }
            return lines;
        }
    }
}
