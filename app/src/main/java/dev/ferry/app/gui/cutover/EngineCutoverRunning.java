package dev.ferry.app.gui.cutover;

import dev.ferry.app.cli.CutoverSequence;
import dev.ferry.app.cli.TaskValidations;
import dev.ferry.app.gui.endpoints.PasswordSource;
import dev.ferry.engine.validate.TableValidation;
import dev.ferry.model.project.Project;
import dev.ferry.model.project.TaskConfig;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The engine's validation ({@link TaskValidations}: the task's mappings resolved, the load plan, the {@code Validator})
 * and the cutover of {@code ferry cutover} ({@link CutoverSequence}), with passwords from the workbench's secret store
 * (never a prompt). Stateless.
 */
public final class EngineCutoverRunning implements CutoverRunning {

    /** Keys listed per table and kind (missing / extra / different) in the drill-down. */
    static final int MAX_KEYS = 100;

    private final PasswordSource passwords;

    public EngineCutoverRunning(PasswordSource passwords) {
        this.passwords = passwords;
    }

    private static TaskConfig task(Project project, String name) {
        return project.task(name).orElseThrow(() -> new IllegalArgumentException("the project has no task '" + name + "'"));
    }

    @Override
    public List<TableValidation> validate(Path projectFile, Project project, String task, Consumer<TableValidation> each,
                                          BooleanSupplier cancel) throws Exception {
        requireFile(projectFile);
        return TaskValidations.run(projectFile, project, task(project, task), passwords::resolve, each, cancel, MAX_KEYS);
    }

    @Override
    public List<CutoverSequence.StepState> recorded(Path projectFile, String task) {
        if (projectFile == null) {
            List<String> t = CutoverSequence.STEP_TITLES;
            return java.util.stream.IntStream.range(0, t.size())
                    .mapToObj(i -> new CutoverSequence.StepState(i + 1, t.get(i), "PENDING", List.of(), 0)).toList();
        }
        return CutoverSequence.recorded(projectFile.toAbsolutePath().getParent(), task);
    }

    @Override
    public CutoverSequence.Result cutover(Path projectFile, Project project, String task, boolean writesStopped, boolean restart,
                                          CutoverSequence.Listener listener, BooleanSupplier cancel) throws Exception {
        requireFile(projectFile);
        CutoverSequence.Options o = CutoverSequence.Options.defaults();
        CutoverSequence.Prompts prompts = new CutoverSequence.Prompts() {
            @Override
            public boolean confirm(String question) {
                // the whole cutover (and stopping a streaming migrate) was confirmed in the workbench before it started;
                // "writes stopped" is the wizard's check box
                return !question.startsWith("Have all writes") || writesStopped;
            }

            @Override
            public String confirmedHow() {
                return "confirmed in the workbench";
            }
        };
        CutoverSequence sequence = new CutoverSequence(projectFile, project, task(project, task),
                new CutoverSequence.Options(o.quietSeconds(), o.drainTimeout(), null, null, restart), prompts, listener);
        return sequence.run(System::getenv, passwords::resolve, cancel);
    }

    private static void requireFile(Path projectFile) {
        if (projectFile == null) {
            throw new IllegalStateException("save the project first: validation and cutover keep their state next to the project file");
        }
    }
}
