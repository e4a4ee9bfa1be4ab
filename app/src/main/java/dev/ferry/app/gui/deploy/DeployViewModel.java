package dev.ferry.app.gui.deploy;

import dev.ferry.app.gui.dialog.DialogService;
import dev.ferry.app.gui.task.BackgroundTask;
import dev.ferry.app.gui.task.TaskCallbacks;
import dev.ferry.app.gui.task.TaskExecutor;
import dev.ferry.app.gui.workbench.ProjectSession;
import dev.ferry.engine.deploy.DeployListener;
import dev.ferry.engine.deploy.DeployObject;
import dev.ferry.engine.deploy.DeployOptions;
import dev.ferry.engine.deploy.DeployOutcome;
import dev.ferry.engine.deploy.DeployPhase;
import dev.ferry.engine.deploy.DeployResult;
import dev.ferry.engine.deploy.TargetPrepPreview;
import dev.ferry.model.project.EndpointConfig;
import dev.ferry.model.util.Redaction;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * State and actions of the Deploy section: an assessment folder read into the phased plan (pre-load, then post-load,
 * each in deploy order) shown as a checklist with each object's assessment status (AUTO, EDITED, MANUAL never run) and
 * result; the SQL of the selected object; a dry run (plan and drift check, nothing changed) and Apply (the engine's
 * {@code Deployer} in a background task with progress and cancel) that report every step, the drift check and the
 * errors, each linked to its object ({@link #select}). Target preparation (the CLI's {@code --target-prep}): with
 * drop-and-create or truncate the dry run lists exactly which of the plan's existing tables and views would be dropped or
 * emptied (with row counts; the engine's {@code Deployer.preview}), and Apply first reads that list in the background,
 * then asks through the {@link DialogService} naming the count and the target endpoint (drop-and-create: the target
 * database's name must be typed); refused, nothing runs. A deploy that ends with failed statements shows an error dialog
 * whose details list every failed, rolled-back and not-run step.
 *
 * <p>Holds no JavaFX nodes. Use on the UI thread; the deploy's listener events reach it through {@code ui}.
 */
public final class DeployViewModel {

    private final ProjectSession session;
    private final TaskExecutor executor;
    private final DeployRunning running;
    private final DialogService dialogs;
    private final Executor ui;
    private final Supplier<Path> lastAssessment;

    private final StringProperty folder = new SimpleStringProperty("");
    private final ObservableList<String> endpointNames = FXCollections.observableArrayList();
    private final StringProperty selectedEndpoint = new SimpleStringProperty();
    private final ObjectProperty<DeployOptions.OnError> onError = new SimpleObjectProperty<>(DeployOptions.OnError.STOP);
    private final ObjectProperty<DeployOptions.TargetPrep> targetPrep =
            new SimpleObjectProperty<>(DeployOptions.TargetPrep.DO_NOTHING);
    private final ObservableList<TargetPrepPreview.Item> prepItems = FXCollections.observableArrayList();
    private final StringProperty prepSummary = new SimpleStringProperty("");
    private final ObservableList<DeployRow> rows = FXCollections.observableArrayList();
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final ObservableList<DeployRow> problems = FXCollections.observableArrayList();
    private final StringProperty selectedKey = new SimpleStringProperty();
    private final StringProperty selectedSql = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("Open an assessment folder to see its deploy plan.");
    private final StringProperty driftSummary = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty deploying = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private DeployRunning.Plan plan;
    private AtomicBoolean cancel;
    private int stepsDone;
    private int stepsTotal;

    /**
     * @param lastAssessment the folder of the project's last assessment (the Assessment section's), or {@code null}
     */
    public DeployViewModel(ProjectSession session, TaskExecutor executor, DeployRunning running, DialogService dialogs,
                           Executor ui, Supplier<Path> lastAssessment) {
        this.session = session;
        this.executor = executor;
        this.running = running;
        this.dialogs = dialogs;
        this.ui = ui;
        this.lastAssessment = lastAssessment;
        session.projectProperty().addListener((obs, o, p) -> refreshEndpoints());
        refreshEndpoints();
        selectedKey.addListener((obs, o, k) -> selectedSql.set(row(k).map(DeployRow::sql).orElse("")));
        targetPrep.addListener((obs, o, p) -> prepChanged());
        selectedEndpoint.addListener((obs, o, e) -> prepChanged());
        prepChanged();
        Path last = lastAssessment == null ? null : lastAssessment.get();
        if (last != null) {
            folder.set(last.toString()); // a suggestion: Open reads it (in the background)
        }
    }

    private void refreshEndpoints() {
        List<String> names = session.project().endpoints().stream().map(EndpointConfig::name).toList();
        if (!endpointNames.equals(names)) {
            endpointNames.setAll(names);
        }
        if (selectedEndpoint.get() == null || !names.contains(selectedEndpoint.get())) {
            // the target of the project's first task, else the first endpoint
            String target = session.project().tasks().isEmpty() ? null : session.project().tasks().get(0).target();
            selectedEndpoint.set(target != null && names.contains(target) ? target : names.isEmpty() ? null : names.get(0));
        }
    }

    /** The Assessment section's folder, else {@code <project dir>/assessment}; {@code null} when neither is known. */
    private Path lastAssessmentFolder() {
        Path p = lastAssessment == null ? null : lastAssessment.get();
        if (p == null && session.file() != null && session.file().toAbsolutePath().getParent() != null) {
            p = session.file().toAbsolutePath().getParent().resolve("assessment");
        }
        return p;
    }

    /**
     * Opens the project's last assessment: the folder the Assessment section last ran or opened, else
     * {@code <project dir>/assessment} (read in the background; a folder without {@code assessment.json} is reported).
     */
    public void openLastAssessment() {
        Path p = lastAssessmentFolder();
        if (p == null) {
            dialogs.showError("No assessment yet", "The project has no assessment folder yet: run one in the Assessment"
                    + " section, or choose a folder written by 'ferry assess'.");
            return;
        }
        folder.set(p.toString());
        open();
    }

    /** Reads the folder in {@link #folderProperty()} in the background and lists its plan. */
    public void open() {
        String text = folder.get() == null ? "" : folder.get().strip();
        if (text.isEmpty() || busy.get()) {
            return;
        }
        Path dir = Path.of(text);
        busy.set(true);
        status.set("Reading " + dir + "…");
        executor.submit((BackgroundTask<DeployRunning.Plan>) (p, c) -> running.open(dir), TaskCallbacks.of(opened -> {
            busy.set(false);
            plan = opened;
            List<DeployRow> list = new ArrayList<>();
            int i = 1;
            for (DeployObject o : opened.input().objects()) {
                list.add(DeployRow.of(i++, o, opened.edited().contains(o.key())));
            }
            rows.setAll(list);
            log.clear();
            problems.clear();
            driftSummary.set("");
            progress.set(0);
            long manual = list.stream().filter(r -> !r.runnable()).count();
            long edited = list.stream().filter(r -> r.plan().startsWith("EDITED")).count();
            long pre = list.stream().filter(r -> r.phase() == DeployPhase.PRE_LOAD).count();
            status.set(list.size() + " objects for " + opened.input().targetEngine().displayName() + " (" + pre + " pre-load, "
                    + (list.size() - pre) + " post-load); " + manual + " MANUAL never run, " + edited + " edited.");
            selectedKey.set(list.isEmpty() ? null : list.get(0).key());
            selectedSql.set(row(selectedKey.get()).map(DeployRow::sql).orElse(""));
        }, err -> {
            busy.set(false);
            plan = null;
            rows.clear();
            status.set("Cannot read " + dir);
            dialogs.showError("Cannot open the assessment folder", Redaction.redact(String.valueOf(err.getMessage())), err);
        }));
    }

    /** Plans the deploy against the selected endpoint (drift check, nothing changed). */
    public void dryRun() {
        run(true, targetPrep.get(), endpoint());
    }

    /** Asks for confirmation, then deploys into the selected endpoint in the background. */
    public void apply() {
        if (plan == null || busy.get() || endpoint() == null) {
            return;
        }
        DeployOptions.TargetPrep prep = targetPrep.get();
        if (!prep.destructive()) {
            EndpointConfig target = endpoint();
            if (dialogs.confirm("Deploy", deployQuestion())) {
                run(false, prep, target);
            }
            return;
        }
        EndpointConfig target = endpoint();
        DeployRunning.Plan p = plan;
        Path projectDir = projectDir();
        busy.set(true);
        status.set("Reading what target prep " + TargetPrepPreview.cliName(prep) + " would change on " + target.name() + "…");
        executor.submit((BackgroundTask<TargetPrepPreview>) (pr, c) -> running.preview(target, projectDir, p.input(), prep),
                TaskCallbacks.of(preview -> {
                    busy.set(false);
                    showPreview(preview);
                    if (!confirmPrep(target, preview)) {
                        status.set("Not applied: target prep " + TargetPrepPreview.cliName(prep)
                                + " was not confirmed; nothing was changed on " + target.name() + ".");
                        log.add("— not confirmed: nothing ran");
                        return;
                    }
                    // the endpoint confirmed, even if the selection changed while the preview was read
                    run(false, prep, target);
                }, err -> {
                    busy.set(false);
                    String m = Redaction.redact(String.valueOf(err.getMessage()));
                    status.set("Cannot read what target prep " + TargetPrepPreview.cliName(prep) + " would change: " + m);
                    dialogs.showError("Cannot check the target", "Nothing was changed: reading the target " + target.name()
                            + " failed: " + m, err);
                }));
    }

    private String deployQuestion() {
        long runnable = rows.stream().filter(DeployRow::runnable).count();
        return "Deploy " + runnable + " objects of " + plan.input().folder() + " into " + endpoint().describe()
                + "? Existing objects that match are skipped; drift is reported, never changed.";
    }

    /**
     * Asks for the destructive preparation: names the count of objects and the target; drop-and-create needs the
     * target database's name typed. With nothing to drop or truncate, the plain deploy question.
     */
    private boolean confirmPrep(EndpointConfig target, TargetPrepPreview preview) {
        if (preview.items().isEmpty()) {
            return dialogs.confirm("Deploy", deployQuestion() + " Target prep " + TargetPrepPreview.cliName(preview.prep())
                    + ": " + preview.summary() + ".");
        }
        return TargetPrepConfirmation.ask(dialogs, target, preview, "the Deploy section");
    }

    /** The name the user types to confirm drop-and-create: the target database (SQLite: the file's name). */
    static String databaseName(EndpointConfig target) {
        return TargetPrepConfirmation.databaseName(target);
    }

    private Path projectDir() {
        return session.file() == null ? null : session.file().toAbsolutePath().getParent();
    }

    /** The preparation or the endpoint changed: an earlier preview no longer applies. */
    private void prepChanged() {
        prepItems.clear();
        DeployOptions.TargetPrep p = targetPrep.get();
        prepSummary.set(p == null || !p.destructive()
                ? "Target prep do-nothing: existing tables are left as they are; differences are reported as drift."
                : "Target prep " + TargetPrepPreview.cliName(p) + ": the dry run lists the tables"
                + (p == DeployOptions.TargetPrep.TRUNCATE ? " it would empty." : " and views it would drop."));
    }

    private void showPreview(TargetPrepPreview preview) {
        prepItems.setAll(preview.items());
        prepSummary.set("Target prep " + TargetPrepPreview.cliName(preview.prep()) + " would " + preview.summary()
                + (preview.items().isEmpty() ? "." : " on " + selectedEndpoint.get() + ":"));
    }

    /** Stops the running deploy before its next object (a PostgreSQL phase in progress is rolled back). */
    public void cancel() {
        AtomicBoolean c = cancel;
        if (c != null) {
            c.set(true);
            status.set("Cancelling before the next object…");
        }
    }

    private EndpointConfig endpoint() {
        String name = selectedEndpoint.get();
        return name == null ? null : session.project().endpoint(name).orElse(null);
    }

    private void run(boolean dry, DeployOptions.TargetPrep prep, EndpointConfig target) {
        if (plan == null || busy.get()) {
            return;
        }
        if (target == null) {
            dialogs.showError("No target", "Choose the target endpoint first.");
            return;
        }
        DeployOptions options = DeployOptions.defaults().withDryRun(dry).withOnError(onError.get()).withTargetPrep(prep);
        rows.replaceAll(DeployRow::cleared);
        if (dry) {
            prepChanged();
        }
        log.clear();
        problems.clear();
        driftSummary.set("");
        selectedSql.set(row(selectedKey.get()).map(DeployRow::sql).orElse(""));
        AtomicBoolean cancelled = new AtomicBoolean();
        cancel = cancelled;
        deploying.set(true);
        busy.set(true);
        stepsDone = 0;
        // the preparation adds steps: as many as the preview listed (at least one), before the objects
        stepsTotal = Math.max(1, rows.size() + (prep.destructive() ? Math.max(1, prepItems.size()) : 0));
        progress.set(0);
        status.set((dry ? "Planning " : "Deploying ") + rows.size() + " objects into " + target.describe() + "…");
        DeployListener listener = new DeployListener() {
            @Override
            public void onPhaseStart(DeployPhase phase, int steps, boolean transactional) {
                ui.execute(() -> log.add("— " + phase.cliName() + " phase: " + steps + " objects"
                        + (transactional ? " in one transaction" : "")));
            }

            @Override
            public void onOutcome(DeployOutcome outcome) {
                ui.execute(() -> outcome(outcome));
            }

            @Override
            public void onPhaseEnd(DeployResult.PhaseResult r) {
                ui.execute(() -> log.add("— " + r.phase().cliName() + " phase " + r.outcome()
                        + (r.message() == null ? "" : ": " + r.message())));
            }
        };
        Path projectDir = projectDir();
        DeployRunning.Plan p = plan;
        executor.submit((BackgroundTask<DeployResult>) (pr, c) -> {
            if (dry && prep.destructive()) {
                previewForDryRun(target, projectDir, p, prep);
            }
            return running.deploy(target, projectDir, p.input(), options, listener, () -> cancelled.get() || c.isCancelled());
        }, TaskCallbacks.of(result -> {
            busy.set(false);
            deploying.set(false);
            cancel = null;
            progress.set(1);
            finished(result, dry, target.name());
        }, err -> {
            busy.set(false);
            deploying.set(false);
            cancel = null;
            if (err instanceof DeployRunning.Cancelled) {
                status.set("Cancelled: the phase in progress was rolled back on a transactional target (PostgreSQL, SQLite);"
                        + " phases committed before stay. Objects not reached are unchanged.");
                log.add("— cancelled");
            } else {
                String m = Redaction.redact(String.valueOf(err.getMessage()));
                status.set((dry ? "The dry run failed: " : "The deploy failed: ") + m);
                dialogs.showError(dry ? "Dry run failed" : "Deploy failed", m, err);
            }
        }));
    }

    /** In the dry run's background task: what the preparation would change (a failure is shown, the plan goes on). */
    private void previewForDryRun(EndpointConfig target, Path projectDir, DeployRunning.Plan p, DeployOptions.TargetPrep prep) {
        try {
            TargetPrepPreview preview = running.preview(target, projectDir, p.input(), prep);
            ui.execute(() -> showPreview(preview));
        } catch (Exception e) {
            String m = Redaction.redact(String.valueOf(e.getMessage()));
            ui.execute(() -> prepSummary.set("Cannot tell what target prep " + TargetPrepPreview.cliName(prep)
                    + " would change: " + m));
        }
    }

    private void outcome(DeployOutcome o) {
        stepsDone++;
        progress.set(Math.min(1.0, stepsDone / (double) stepsTotal));
        log.add(o.seq() + "  " + o.status() + "  " + o.action() + " " + o.type() + " " + o.name()
                + (o.message() == null ? "" : " — " + o.message()) + (o.millis() > 0 ? " (" + o.millis() + " ms)" : ""));
        for (String d : o.differences()) {
            log.add("        " + d);
        }
        if (o.action() == DeployOutcome.Action.DROP || o.action() == DeployOutcome.Action.TRUNCATE) {
            if (o.status() == DeployOutcome.Status.ERROR) {
                prepRow(o).ifPresent(r -> problems.add(r.withResult(o.withStatus(o.status(), "target prep "
                        + o.action().name().toLowerCase(java.util.Locale.ROOT) + " failed (" + o.name() + "): " + o.message()))));
            }
            return;
        }
        for (int i = 0; i < rows.size(); i++) {
            DeployRow r = rows.get(i);
            if (r.key().equals(o.objectKey()) && r.phase() == o.phase()) {
                DeployRow updated = r.withResult(o);
                rows.set(i, updated);
                if (o.status() == DeployOutcome.Status.ERROR || o.status() == DeployOutcome.Status.DRIFT) {
                    problems.add(updated);
                }
                break;
            }
        }
    }

    private void finished(DeployResult result, boolean dry, String targetName) {
        Map<DeployOutcome.Status, Integer> c = result.counts();
        int drift = c.get(DeployOutcome.Status.DRIFT);
        driftSummary.set(drift == 0 ? "Drift check: no drift (" + c.get(DeployOutcome.Status.SKIPPED) + " existing objects match)"
                : "Drift check: " + drift + (drift == 1 ? " object differs from the plan and was left alone"
                : " objects differ from the plan and were left alone"));
        status.set((dry ? "DRY RUN: " + c.get(DeployOutcome.Status.PLANNED) + " planned, "
                : result.ok() ? "SUCCEEDED: " : "FAILED: ")
                + c.get(DeployOutcome.Status.OK) + " ok, " + c.get(DeployOutcome.Status.SKIPPED) + " skipped, "
                + c.get(DeployOutcome.Status.SKIPPED_MANUAL) + " MANUAL never run, " + drift + " drift, "
                + c.get(DeployOutcome.Status.ERROR) + " error(s), " + c.get(DeployOutcome.Status.ROLLED_BACK) + " rolled back, "
                + c.get(DeployOutcome.Status.NOT_RUN) + " not run (" + result.elapsed().toMillis() + " ms)");
        if (!problems.isEmpty()) {
            selectedKey.set(problems.get(0).key());
        }
        int errors = c.get(DeployOutcome.Status.ERROR);
        if (!dry && errors > 0) {
            DeployOutcome first = result.outcomes().stream().filter(o -> o.status() == DeployOutcome.Status.ERROR)
                    .findFirst().orElseThrow();
            int notRun = c.get(DeployOutcome.Status.NOT_RUN);
            int rolledBack = c.get(DeployOutcome.Status.ROLLED_BACK);
            dialogs.showError("Deploy failed", errors + (errors == 1 ? " statement" : " statements") + " failed on "
                    + targetName + ". First: " + first.action() + " " + first.type() + " " + first.name() + ": "
                    + Redaction.redact(String.valueOf(first.message()))
                    + (rolledBack > 0 ? "\n" + rolledBack + " step(s) ran, then rolled back with their phase." : "")
                    + (notRun > 0 ? "\n" + notRun + " object(s) were not run (stopped at the first error)." : "")
                    + "\nEach error is listed under 'Errors and drift': a click selects its object. Details list every step.",
                    DeployFailure.of(result));
        }
    }

    /**
     * The plan row a failed preparation step belongs to: its own object; for one statement over several tables (the
     * {@code DROP TABLE a, b} / {@code TRUNCATE TABLE a, b} of PostgreSQL) the table the server's message names, else the
     * first of them.
     */
    private java.util.Optional<DeployRow> prepRow(DeployOutcome o) {
        java.util.Optional<DeployRow> own = rows.stream().filter(r -> r.key().equals(o.objectKey())).findFirst();
        if (own.isPresent()) {
            return own;
        }
        List<DeployRow> named = new ArrayList<>();
        for (String n : o.name().split(",\\s*")) {
            rows.stream().filter(r -> r.name().equals(n) && ("TABLE".equals(r.type()) || r.type().contains("VIEW")))
                    .findFirst().ifPresent(named::add);
        }
        String m = o.message() == null ? "" : o.message();
        for (DeployRow r : named) {
            if (m.contains(r.name())) {
                return java.util.Optional.of(r);
            }
        }
        for (DeployRow r : named) {
            String bare = r.name().substring(r.name().lastIndexOf('.') + 1);
            if (java.util.regex.Pattern.compile("\\b" + java.util.regex.Pattern.quote(bare) + "\\b").matcher(m).find()) {
                return java.util.Optional.of(r);
            }
        }
        return named.stream().findFirst();
    }

    /** Selects the object {@code key} (an error in the problems list links back to its object this way). */
    public void select(String key) {
        selectedKey.set(key);
    }

    private java.util.Optional<DeployRow> row(String key) {
        return key == null ? java.util.Optional.empty() : rows.stream().filter(r -> r.key().equals(key)).findFirst();
    }

    public StringProperty folderProperty() {
        return folder;
    }

    public ObservableList<String> endpointNames() {
        return endpointNames;
    }

    public StringProperty selectedEndpointProperty() {
        return selectedEndpoint;
    }

    public ObjectProperty<DeployOptions.OnError> onErrorProperty() {
        return onError;
    }

    /** The target preparation (the CLI's {@code --target-prep}); do-nothing by default. */
    public ObjectProperty<DeployOptions.TargetPrep> targetPrepProperty() {
        return targetPrep;
    }

    /** What the chosen preparation would drop or truncate, from the latest dry run or Apply (empty before). */
    public ObservableList<TargetPrepPreview.Item> prepItems() {
        return prepItems;
    }

    /** One line on the preparation: what it does, or what it would change on the target. */
    public ReadOnlyStringProperty prepSummaryProperty() {
        return prepSummary;
    }

    public ObservableList<DeployRow> rows() {
        return rows;
    }

    /** Every step's result line, in order (phases, objects, drift differences). */
    public ObservableList<String> log() {
        return log;
    }

    /** Objects that failed or drifted in the latest run. */
    public ObservableList<DeployRow> problems() {
        return problems;
    }

    public StringProperty selectedKeyProperty() {
        return selectedKey;
    }

    public ReadOnlyStringProperty selectedSqlProperty() {
        return selectedSql;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ReadOnlyStringProperty driftSummaryProperty() {
        return driftSummary;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** Whether a dry run or deploy is running (it can be cancelled). */
    public ReadOnlyBooleanProperty deployingProperty() {
        return deploying;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    /** Whether a plan is open. */
    public boolean hasPlan() {
        return plan != null;
    }
}
