package dev.ferry.app.gui.cutover;

import dev.ferry.app.cli.CutoverSequence;
import dev.ferry.engine.validate.TableValidation;
import dev.ferry.model.project.Project;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Validation and cutover of a project task for the Validation &amp; cutover section. Blocking: the view model calls it
 * from background tasks. The application uses {@link EngineCutoverRunning} (the engine's {@code Validator} and the
 * {@link CutoverSequence} that {@code ferry cutover} runs); view-model tests use a fake.
 */
public interface CutoverRunning {

    /**
     * Compares the task's tables (source against target), giving each result to {@code each} as soon as it is known;
     * stops before the next table once {@code cancel} is true.
     */
    List<TableValidation> validate(Path projectFile, Project project, String task, Consumer<TableValidation> each,
                                   BooleanSupplier cancel) throws Exception;

    /** The task's recorded cutover ({@code .ferry/<task>.cutover.json}); every step PENDING when there is none. */
    List<CutoverSequence.StepState> recorded(Path projectFile, String task) throws Exception;

    /**
     * Runs (or continues) the task's cutover: the six steps of {@code ferry cutover}.
     *
     * @param writesStopped the user confirmed that writes on the source have stopped (step 1; the drain checks it)
     * @param restart       forget the recorded steps and start from step 1
     */
    CutoverSequence.Result cutover(Path projectFile, Project project, String task, boolean writesStopped, boolean restart,
                                   CutoverSequence.Listener listener, BooleanSupplier cancel) throws Exception;
}
