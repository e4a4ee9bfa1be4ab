package dev.ferry.app.gui.cutover;

import dev.ferry.app.cli.CutoverSequence;
import dev.ferry.app.gui.dialog.DialogService;
import dev.ferry.app.gui.task.BackgroundTask;
import dev.ferry.app.gui.task.TaskCallbacks;
import dev.ferry.app.gui.task.TaskExecutor;
import dev.ferry.app.gui.workbench.ProjectSession;
import dev.ferry.engine.validate.TableValidation;
import dev.ferry.model.project.Project;
import dev.ferry.model.project.TaskConfig;
import dev.ferry.model.project.TaskType;
import dev.ferry.model.util.Redaction;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * State and actions of the Validation &amp; cutover section.
 *
 * <p>Validation: compares the chosen task's tables in the background (the engine's {@code Validator}, as
 * {@code ferry validate}); one row per table as soon as it is compared (VALIDATED, MISMATCHED with counts,
 * NOT_COMPARABLE with the reason); selecting a table lists its mismatched keys (missing / extra / different).
 *
 * <p>Cutover: a wizard over the six steps of {@code ferry cutover} ({@link CutoverSequence}: writes stopped, drain with
 * the live lag, validate, sequences, post-load deploy, report), each with its state and details, recorded in
 * {@code .ferry/<task>.cutover.json} so a failed or cancelled cutover continues at the step that did not finish.
 *
 * <p>Holds no JavaFX nodes. Use on the UI thread; progress from the worker reaches it through {@code ui}.
 */
public final class CutoverViewModel {

    private final ProjectSession session;
    private final TaskExecutor executor;
    private final CutoverRunning running;
    private final DialogService dialogs;
    private final Executor ui;

    private final ObservableList<String> taskNames = FXCollections.observableArrayList();
    private final StringProperty selectedTask = new SimpleStringProperty();
    private final ObservableList<ValidationRow> validation = FXCollections.observableArrayList();
    private final ObjectProperty<ValidationRow> selectedTable = new SimpleObjectProperty<>();
    private final ObservableList<KeyRow> keys = FXCollections.observableArrayList();
    private final StringProperty validationStatus = new SimpleStringProperty("");
    private final BooleanProperty validating = new SimpleBooleanProperty();
    private final ObservableList<CutoverStepRow> steps = FXCollections.observableArrayList();
    private final BooleanProperty writesStopped = new SimpleBooleanProperty();
    private final BooleanProperty cuttingOver = new SimpleBooleanProperty();
    private final StringProperty cutoverStatus = new SimpleStringProperty("");
    private final StringProperty lag = new SimpleStringProperty("");
    private final StringProperty report = new SimpleStringProperty("");
    private AtomicBoolean validationCancel;
    private AtomicBoolean cutoverCancel;

    public CutoverViewModel(ProjectSession session, TaskExecutor executor, CutoverRunning running, DialogService dialogs,
                            Executor ui) {
        this.session = session;
        this.executor = executor;
        this.running = running;
        this.dialogs = dialogs;
        this.ui = ui;
        session.projectProperty().addListener((obs, o, p) -> refreshTasks());
        selectedTask.addListener((obs, o, t) -> {
            validation.clear();
            keys.clear();
            validationStatus.set("");
            loadRecorded();
        });
        selectedTable.addListener((obs, o, row) -> showKeys(row));
        refreshTasks();
    }

    private void refreshTasks() {
        List<String> names = session.project().tasks().stream().map(TaskConfig::name).toList();
        if (!taskNames.equals(names)) {
            taskNames.setAll(names);
        }
        if (selectedTask.get() == null || !names.contains(selectedTask.get())) {
            selectedTask.set(names.isEmpty() ? null : names.get(0));
        }
    }

    /** Reads the task's recorded cutover state in the background. */
    public void loadRecorded() {
        loadRecorded(true);
    }

    /** @param describe whether to say in the status what the recorded state means (not after a run: its outcome says) */
    private void loadRecorded(boolean describe) {
        String task = selectedTask.get();
        if (task == null) {
            steps.clear();
            return;
        }
        Path file = session.file();
        executor.submit((BackgroundTask<List<CutoverSequence.StepState>>) (p, c) -> running.recorded(file, task),
                TaskCallbacks.of(states -> {
                    if (task.equals(selectedTask.get()) && !cuttingOver.get() && !states.isEmpty()) {
                        steps.setAll(states.stream().map(s -> new CutoverStepRow(s.number(), s.title(), s.status(), s.details())).toList());
                        if (!describe) {
                            return;
                        }
                        boolean complete = states.stream().allMatch(s -> "DONE".equals(s.status()));
                        cutoverStatus.set(complete ? "The cutover of task " + task + " is complete."
                                : states.stream().anyMatch(s -> !"PENDING".equals(s.status()))
                                ? "A cutover of task " + task + " was started: Start continues at the first step not done." : "");
                    }
                }, err -> cutoverStatus.set("Cannot read the cutover state: " + Redaction.redact(String.valueOf(err.getMessage())))));
    }

    // ---- validation ------------------------------------------------------------------------------------------------

    /** Validates the selected task's tables in the background. */
    public void validate() {
        String task = selectedTask.get();
        if (task == null || validating.get() || cuttingOver.get()) {
            return;
        }
        Project project = session.project();
        Path file = session.file();
        AtomicBoolean cancel = new AtomicBoolean();
        validationCancel = cancel;
        validating.set(true);
        validation.clear();
        keys.clear();
        validationStatus.set("Validating task " + task + "…");
        executor.submit((BackgroundTask<List<TableValidation>>) (p, c) -> running.validate(file, project, task,
                v -> ui.execute(() -> add(v)), () -> cancel.get() || c.isCancelled()), TaskCallbacks.of(all -> {
            validating.set(false);
            validationCancel = null;
            long bad = validation.stream().filter(r -> !r.ok()).count();
            validationStatus.set((bad == 0 ? "VALIDATED: " : "MISMATCHED: ") + validation.size() + " tables compared, " + bad
                    + " failed validation" + (cancel.get() ? " (cancelled before the rest)" : ""));
            validation.stream().filter(r -> !r.ok()).findFirst().ifPresent(selectedTable::set);
        }, err -> {
            validating.set(false);
            validationCancel = null;
            String m = Redaction.redact(String.valueOf(err.getMessage()));
            validationStatus.set("Validation failed: " + m);
            dialogs.showError("Validation failed", m, err);
        }));
    }

    private void add(TableValidation v) {
        validation.add(new ValidationRow(v, v.status() == TableValidation.Status.VALIDATED
                || v.status() == TableValidation.Status.NOT_COMPARABLE && v.sourceRows() == v.targetRows()));
    }

    /** Stops the validation before the next table. */
    public void cancelValidation() {
        AtomicBoolean c = validationCancel;
        if (c != null) {
            c.set(true);
        }
    }

    private void showKeys(ValidationRow row) {
        List<KeyRow> list = new ArrayList<>();
        if (row != null) {
            row.validation().missingKeys().forEach(k -> list.add(new KeyRow("MISSING", k)));
            row.validation().extraKeys().forEach(k -> list.add(new KeyRow("EXTRA", k)));
            row.validation().differentKeys().forEach(k -> list.add(new KeyRow("DIFFERENT", k)));
        }
        keys.setAll(list);
    }

    // ---- cutover ---------------------------------------------------------------------------------------------------

    /**
     * Asks for confirmation, then runs (or continues) the cutover in the background. Needs the "writes stopped"
     * confirmation unless step 1 is done already (a read-only source is detected by the step itself).
     */
    public void startCutover(boolean restart) {
        String task = selectedTask.get();
        if (task == null || cuttingOver.get() || validating.get()) {
            return;
        }
        TaskConfig t = session.project().task(task).orElse(null);
        if (t == null || t.type() == TaskType.FULL_LOAD) {
            dialogs.showError("Cannot cut over", "Task " + task + " is a full load: the cutover is for tasks with CDC.");
            return;
        }
        if (!dialogs.confirm("Cut over", "Cut task " + task + " over to its target? This stops streaming (also a running"
                + " 'ferry migrate' of the task), drains the changes, validates, advances the sequences and runs the"
                + " post-load deploy on the target.")) {
            return;
        }
        Project project = session.project();
        Path file = session.file();
        boolean stopped = writesStopped.get();
        AtomicBoolean cancel = new AtomicBoolean();
        cutoverCancel = cancel;
        cuttingOver.set(true);
        lag.set("");
        report.set("");
        cutoverStatus.set("Cutting task " + task + " over…");
        if (restart) {
            steps.replaceAll(s -> new CutoverStepRow(s.number(), s.title(), "PENDING", List.of()));
        }
        CutoverSequence.Listener listener = new CutoverSequence.Listener() {
            @Override
            public void stepStarted(int number, String title) {
                ui.execute(() -> step(number, CutoverStepRow::started));
            }

            @Override
            public void detail(int number, String line) {
                ui.execute(() -> step(number, s -> s.withDetail(line)));
            }

            @Override
            public void stepEnded(int number, String title, String status) {
                ui.execute(() -> step(number, s -> s.with(status)));
            }

            @Override
            public void drainProgress(long applied, String lagText) {
                ui.execute(() -> lag.set("Drain: " + applied + " row changes applied" + (lagText == null ? "" : "; lag " + lagText)));
            }

            @Override
            public void message(String line) {
                ui.execute(() -> cutoverStatus.set(line));
            }
        };
        executor.submit((BackgroundTask<CutoverSequence.Result>) (p, c) -> running.cutover(file, project, task, stopped, restart,
                listener, () -> cancel.get() || c.isCancelled()), TaskCallbacks.of(r -> {
            cuttingOver.set(false);
            cutoverCancel = null;
            report.set(r.text());
            cutoverStatus.set(switch (r.outcome()) {
                case COMPLETE -> "COMPLETE: the cutover of task " + task + " is done; report in .ferry/" + task + ".cutover-report.txt";
                case ALREADY_COMPLETE -> "The cutover of task " + task + " was complete already (Restart runs it again).";
                case FAILED -> "Step " + r.failedStep() + " failed" + (cancel.get() ? " (cancelled)" : "")
                        + ": fix the cause and press Start again to continue from it.";
                case NOT_CONFIRMED, NOT_READY -> "Not started: " + String.join("; ", r.problems());
            });
            loadRecorded(false);
        }, err -> {
            cuttingOver.set(false);
            cutoverCancel = null;
            String m = Redaction.redact(String.valueOf(err.getMessage()));
            cutoverStatus.set("The cutover failed: " + m);
            dialogs.showError("Cutover failed", m, err);
            loadRecorded(false);
        }));
    }

    /** Stops the cutover before its next step (or while draining); the next Start continues from that step. */
    public void cancelCutover() {
        AtomicBoolean c = cutoverCancel;
        if (c != null) {
            c.set(true);
            cutoverStatus.set("Cancelling…");
        }
    }

    private void step(int number, java.util.function.UnaryOperator<CutoverStepRow> change) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).number() == number) {
                steps.set(i, change.apply(steps.get(i)));
                return;
            }
        }
    }

    // ---- properties ------------------------------------------------------------------------------------------------

    public ObservableList<String> taskNames() {
        return taskNames;
    }

    public StringProperty selectedTaskProperty() {
        return selectedTask;
    }

    public ObservableList<ValidationRow> validation() {
        return validation;
    }

    public ObjectProperty<ValidationRow> selectedTableProperty() {
        return selectedTable;
    }

    /** The selected table's mismatched keys. */
    public ObservableList<KeyRow> keys() {
        return keys;
    }

    public ReadOnlyStringProperty validationStatusProperty() {
        return validationStatus;
    }

    public ReadOnlyBooleanProperty validatingProperty() {
        return validating;
    }

    public ObservableList<CutoverStepRow> steps() {
        return steps;
    }

    public BooleanProperty writesStoppedProperty() {
        return writesStopped;
    }

    public ReadOnlyBooleanProperty cuttingOverProperty() {
        return cuttingOver;
    }

    public ReadOnlyStringProperty cutoverStatusProperty() {
        return cutoverStatus;
    }

    /** The drain's live progress and lag. */
    public ReadOnlyStringProperty lagProperty() {
        return lag;
    }

    /** The report text of the latest run. */
    public ReadOnlyStringProperty reportProperty() {
        return report;
    }
}
