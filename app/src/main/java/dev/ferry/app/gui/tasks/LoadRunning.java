package dev.ferry.app.gui.tasks;

import dev.ferry.engine.cdc.apply.CdcMetrics;
import dev.ferry.engine.load.LoadListener;
import dev.ferry.engine.load.LoadResult;
import dev.ferry.engine.validate.TableValidation;
import dev.ferry.model.project.Project;

import java.nio.file.Path;
import java.util.List;
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
         * A sample of the streaming phase of a {@code full-load-and-cdc} or {@code cdc} task (about once a second).
         *
         * @param queueCapacity events the source's queue holds at most (0 when unknown)
         */
        default void cdc(CdcMetrics metrics, int queueCapacity) {
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
     */
    record Outcome(LoadResult result, boolean stopped, String error) {
    }

    /**
     * Loads task {@code task} of {@code project} (stored in {@code projectFile}; its {@code .ferry/} folder keeps the resume
     * state), validating afterwards when {@code validate} (full-load tasks); a CDC task then streams changes until
     * {@code stopRequested} or its stop position (running it again resumes after the last applied position). Stops at the next batch once {@code stopRequested} is true;
     * running it again resumes after the committed ranges.
     */
    Outcome run(Path projectFile, Project project, String task, boolean validate, Events events, BooleanSupplier stopRequested)
            throws Exception;
}
