package dev.ferry.app.gui.tasks;

import dev.ferry.engine.cdc.apply.CdcMetrics;
import dev.ferry.engine.deploy.DeployResult;
import dev.ferry.engine.deploy.TargetPrepPreview;
import dev.ferry.engine.load.LoadListener;
import dev.ferry.engine.load.LoadResult;
import dev.ferry.engine.validate.TableValidation;
import dev.ferry.model.project.Project;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Runs a project's task for the Tasks monitor: the full load, and for {@code full-load-and-cdc} / {@code cdc} tasks the
 * streaming of changes until stopped. Blocking: the view model calls it from a background task.
 * The application uses {@link EngineLoadRunning}; view-model tests use a fake.
 */
public interface LoadRunning {

    /** A table the load will copy. */
    record PlannedTable(String table, String target, long estimatedRows, int ranges) {
    }

    /**
     * What the run reports besides the engine's {@link LoadListener} events. Called from the run's threads; must be
     * thread-safe and quick.
     */
    interface Events extends LoadListener {
        default void planned(List<PlannedTable> tables) {
        }

        default void validated(TableValidation validation) {
        }

        default void log(Level level, String message) {
        }

        /**
         * The run is in {@code phase}; {@code done} of {@code total} steps are finished ({@code total} 0 when it has no
         * steps to count). Called when a phase starts and after each step of the deploy phases.
         */
        default void phase(Phase phase, int done, int total) {
        }

        /**
         * A sample of the streaming phase of a {@code full-load-and-cdc} or {@code cdc} task (about once a second).
         *
         * @param queueCapacity events the source's queue holds at most (0 when unknown)
         */
        default void cdc(CdcMetrics metrics, int queueCapacity) {
        }
    }

    /** The phases of a run, in order (a task without {@code SchemaFrom} has no deploy phases). */
    enum Phase {
        PRE_LOAD("Pre-load phase (schemas, tables, primary keys)"),
        LOAD("Loading the data"),
        POST_LOAD("Post-load phase (indexes, foreign keys, checks, views, routines, triggers)"),
        VALIDATION("Validating"),
        STREAMING("Streaming changes");

        private final String label;

        Phase(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Log levels of the monitor's log pane. */
    enum Level { DEBUG, INFO, WARN, ERROR }

    /**
     * How the run ended.
     *
     * @param result  the load result (partial when it stopped), or {@code null} when it never started loading
     * @param stopped whether it stopped because {@code stopRequested} said so
     * @param error   why it failed (redacted), or {@code null}
     * @param deployProblem the pre-load phase that failed (nothing was loaded) or the post-load phase that had errors
     *                      (the data is loaded), with every failed object; {@code null} when none
     */
    record Outcome(LoadResult result, boolean stopped, String error, DeployResult deployProblem) {

        public Outcome(LoadResult result, boolean stopped, String error) {
            this(result, stopped, error, null);
        }
    }

    /**
     * Loads task {@code task} of {@code project} (stored in {@code projectFile}; its {@code .ferry/} folder keeps the resume
     * state), validating afterwards when {@code validate} (full-load tasks); a CDC task then streams changes until
     * {@code stopRequested} or its stop position (running it again resumes after the last applied position). Stops at the next batch once {@code stopRequested} is true;
     * running it again resumes after the committed ranges.
     */
    Outcome run(Path projectFile, Project project, String task, boolean validate, Events events, BooleanSupplier stopRequested)
            throws Exception;

    /**
     * What Start would change on the target before loading {@code task} (its {@code SchemaFrom} pre-load phase with a
     * destructive {@code TargetTablePrepMode}), read without changing anything; empty when the run prepares nothing
     * destructive: no {@code SchemaFrom}, {@code DO_NOTHING}, a {@code cdc} task, or an unfinished load that the run
     * resumes (the preparation is never repeated). Blocking.
     */
    default Optional<TargetPrepPreview> preparation(Path projectFile, Project project, String task) throws Exception {
        return Optional.empty();
    }

    /**
     * {@link #run(Path, Project, String, boolean, Events, BooleanSupplier)} after the user confirmed {@code confirmed}
     * (the prep of the {@link #preparation} shown, or {@code null}): a destructive preparation the run finds it must do
     * and that was not confirmed fails the run before anything changes.
     */
    default Outcome run(Path projectFile, Project project, String task, boolean validate,
                        dev.ferry.engine.deploy.DeployOptions.TargetPrep confirmed, Events events, BooleanSupplier stopRequested)
            throws Exception {
        return run(projectFile, project, task, validate, events, stopRequested);
    }
}
