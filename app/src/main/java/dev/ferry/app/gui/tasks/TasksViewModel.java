package dev.ferry.app.gui.tasks;

import dev.ferry.app.gui.deploy.DeployFailure;
import dev.ferry.app.gui.deploy.TargetPrepConfirmation;
import dev.ferry.app.gui.dialog.DialogService;
import dev.ferry.app.gui.task.BackgroundTask;
import dev.ferry.app.gui.task.TaskCallbacks;
import dev.ferry.app.gui.task.TaskExecutor;
import dev.ferry.app.gui.workbench.ProjectSession;
import dev.ferry.engine.cdc.apply.CdcMetrics;
import dev.ferry.engine.deploy.DeployOptions;
import dev.ferry.engine.deploy.TargetPrepPreview;
import dev.ferry.engine.load.KeyRange;
import dev.ferry.engine.load.RejectedRow;
import dev.ferry.engine.load.TableProgress;
import dev.ferry.engine.validate.TableValidation;
import dev.ferry.model.project.EndpointConfig;
import dev.ferry.model.project.TaskConfig;
import dev.ferry.model.project.TaskSettingDescriptor;
import dev.ferry.model.project.TaskSettingDescriptors;
import dev.ferry.model.project.TaskSettings;
import dev.ferry.model.project.TaskType;
import dev.ferry.model.util.Redaction;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * State and actions of the Tasks section: the project's tasks, a settings form generated from
 * {@link TaskSettingDescriptors} (edits go into the project), and the monitor of a full load run in the background:
 * per-table grid, overall progress, throughput samples, heap gauge and a log with a level filter; for
 * {@code full-load-and-cdc} and {@code cdc} tasks also the streaming phase (latency and rate samples, per-table
 * inserts / updates / deletes / DDLs, queue gauge). Engine events reach
 * this view model only as {@link MonitorSnapshot}s from a {@link LoadMonitor} (≤ 10 per second). Start, Stop (at the
 * next batch; committed ranges are kept) and Resume. A task with {@code SchemaFrom} runs the deploy plan around its
 * load (pre-load with its {@code TargetTablePrepMode}, confirmed here from the runner's preview; the load; post-load;
 * validation), each phase shown in the state line ({@link #phaseProperty()}). Holds no JavaFX nodes; use on the UI thread.
 */
public final class TasksViewModel {

    /** Where a run is. */
    public enum RunState { IDLE, RUNNING, STOPPING, STOPPED, FAILED, DONE }

    /** A throughput sample: seconds since the start and rows per second over the last interval. */
    public record Sample(double seconds, double rowsPerSecond) {
    }

    /**
     * A CDC sample: seconds since the start; source and target latency, seconds; incoming and applied changes per second.
     */
    public record CdcSample(double seconds, double sourceLatency, double targetLatency, double incomingPerSecond,
                            double appliedPerSecond) {
    }

    private static final int MAX_LOG_LINES = 5000;
    /**
     * Chart points kept (one a second: the last five minutes). Every point is a node the chart lays out on the UI thread
     * on every pulse, so the series is capped instead of growing with the run.
     */
    static final int MAX_SAMPLES = 300;
    /** Milliseconds between two throughput samples (one chart point per second keeps the chart cheap to lay out). */
    private static final long SAMPLE_MS = 1000;

    private final ProjectSession session;
    private final TaskExecutor executor;
    private final LoadRunning runner;
    private final DialogService dialogs;
    private final LoadMonitor.Scheduler scheduler;
    private final Executor ui;
    private final LongSupplier clock;

    private final ObservableList<String> taskNames = FXCollections.observableArrayList();
    private final StringProperty selectedTask = new SimpleStringProperty();
    private final Map<String, SimpleStringProperty> values = new LinkedHashMap<>();
    private final Map<String, SimpleStringProperty> errors = new LinkedHashMap<>();

    private final SimpleObjectProperty<RunState> state = new SimpleObjectProperty<>(RunState.IDLE);
    private final SimpleStringProperty stateText = new SimpleStringProperty("Not started.");
    private final ObservableList<TableLoadRow> rows = FXCollections.observableArrayList();
    private final Map<String, TableLoadRow> rowsByTable = new LinkedHashMap<>();
    private final SimpleDoubleProperty overall = new SimpleDoubleProperty(0);
    private final SimpleStringProperty overallText = new SimpleStringProperty("");
    private final ObservableList<Sample> throughput = FXCollections.observableArrayList();
    private final SimpleDoubleProperty heap = new SimpleDoubleProperty(0);
    private final SimpleStringProperty heapText = new SimpleStringProperty("");
    private final SimpleStringProperty rangesText = new SimpleStringProperty("");
    private final ObservableList<MonitorSnapshot.LogLine> log = FXCollections.observableArrayList();
    private final FilteredList<MonitorSnapshot.LogLine> filteredLog = new FilteredList<>(log, l -> true);
    private final ObjectProperty<LoadRunning.Level> logLevel = new SimpleObjectProperty<>(LoadRunning.Level.INFO);
    private final SimpleBooleanProperty canResume = new SimpleBooleanProperty();
    private final SimpleBooleanProperty streaming = new SimpleBooleanProperty();
    private final ObservableList<CdcSample> cdcSamples = FXCollections.observableArrayList();
    private final SimpleStringProperty cdcText = new SimpleStringProperty("");
    private final SimpleStringProperty appliedText = new SimpleStringProperty("");
    private final SimpleDoubleProperty queue = new SimpleDoubleProperty(0);
    private final SimpleStringProperty queueText = new SimpleStringProperty("");
    private java.time.Instant lastCdcAt;
    private long lastCdcSampleAt = -1;
    private long snapshotsApplied;
    private long lastSampleAt = -1;
    private long lastSampleRows;
    private AtomicBoolean stopFlag = new AtomicBoolean();
    private final SimpleObjectProperty<LoadRunning.Phase> phase = new SimpleObjectProperty<>();
    /** Reading what the preparation would change, before the confirmation: Start does nothing meanwhile. */
    private boolean checkingPrep;

    /**
     * @param scheduler runs the monitor's delayed snapshots (a single background thread in the application)
     * @param ui        where snapshots are applied ({@code Platform::runLater} in the application)
     * @param clock     monotonic milliseconds
     */
    public TasksViewModel(ProjectSession session, TaskExecutor executor, LoadRunning runner, DialogService dialogs,
                          LoadMonitor.Scheduler scheduler, Executor ui, LongSupplier clock) {
        this.session = session;
        this.executor = executor;
        this.runner = runner;
        this.dialogs = dialogs;
        this.scheduler = scheduler;
        this.ui = ui;
        this.clock = clock;
        for (TaskSettingDescriptor d : TaskSettingDescriptors.ALL) {
            values.put(d.name(), new SimpleStringProperty(""));
            errors.put(d.name(), new SimpleStringProperty(""));
        }
        selectedTask.addListener((obs, o, n) -> loadSettings());
        session.projectProperty().addListener((obs, o, p) -> refreshTasks());
        logLevel.addListener(o -> filteredLog.setPredicate(l -> l.level().compareTo(logLevel.get()) >= 0));
        filteredLog.setPredicate(l -> l.level().compareTo(logLevel.get()) >= 0);
        refreshTasks();
    }

    private void refreshTasks() {
        List<String> names = session.project().tasks().stream().map(TaskConfig::name).toList();
        if (!names.equals(taskNames)) {
            taskNames.setAll(names);
        }
        if (selectedTask.get() == null || !names.contains(selectedTask.get())) {
            selectedTask.set(names.isEmpty() ? null : names.get(0));
        }
    }

    private TaskConfig task() {
        return selectedTask.get() == null ? null : session.project().task(selectedTask.get()).orElse(null);
    }

    private void loadSettings() {
        TaskConfig t = task();
        for (TaskSettingDescriptor d : TaskSettingDescriptors.ALL) {
            values.get(d.name()).set(t == null ? "" : d.get(t.settings()));
            errors.get(d.name()).set("");
        }
    }

    // ---------------------------------------------------------------- settings form

    /** The settings the form shows, in order. */
    public List<TaskSettingDescriptor> descriptors() {
        return TaskSettingDescriptors.ALL;
    }

    public ReadOnlyStringProperty valueProperty(TaskSettingDescriptor d) {
        return values.get(d.name());
    }

    /** The error of the last edit of {@code d}, or empty. */
    public ReadOnlyStringProperty errorProperty(TaskSettingDescriptor d) {
        return errors.get(d.name());
    }

    /** Sets {@code d} to {@code value} in the selected task (and so in the project) when valid; shows the error otherwise. */
    public boolean edit(TaskSettingDescriptor d, String value) {
        TaskConfig t = task();
        if (t == null) {
            return false;
        }
        TaskSettings next;
        try {
            next = d.with(t.settings(), value);
        } catch (IllegalArgumentException e) {
            errors.get(d.name()).set(e.getMessage());
            return false;
        }
        errors.get(d.name()).set("");
        values.get(d.name()).set(d.get(next));
        session.update(p -> p.withTask(new TaskConfig(t.name(), t.type(), t.source(), t.target(), next)));
        return true;
    }

    // ---------------------------------------------------------------- run

    /**
     * A destructive {@code TargetTablePrepMode} of a task without {@code SchemaFrom} is confirmed before a fresh start
     * (as {@code ferry migrate} asks for {@code --yes}; a resume never repeats it): TRUNCATE_BEFORE_LOAD empties the
     * target tables; DROP_AND_CREATE needs the converted schema, so without {@code SchemaFrom} the user is told before
     * the load runs into the existing tables.
     */
    private boolean confirmPrep(TaskConfig t) {
        return switch (t.settings().targetTablePrepMode()) {
            case DO_NOTHING -> true;
            case TRUNCATE_BEFORE_LOAD -> dialogs.confirm("Truncate the target tables", "Task " + t.name()
                    + " has TargetTablePrepMode TRUNCATE_BEFORE_LOAD: every table it loads on endpoint " + t.target()
                    + " is emptied before its rows are copied. This cannot be undone. Start the load?");
            case DROP_AND_CREATE -> dialogs.confirm("Drop and create needs the schema", "Task " + t.name()
                    + " has TargetTablePrepMode DROP_AND_CREATE but no SchemaFrom (the assessment folder with the converted"
                    + " schema), so the tables cannot be re-created. Set SchemaFrom, or drop and re-create the tables in the"
                    + " Deploy section (target prep drop-and-create). Start the load into the existing tables on endpoint "
                    + t.target() + " anyway?");
        };
    }

    /** Whether Start runs the task's deploy plan with a destructive preparation that may need confirming. */
    private static boolean preparesSchema(TaskConfig t) {
        return t.type() != TaskType.CDC && t.settings().schemaFrom() != null
                && t.settings().targetTablePrepMode() != TaskSettings.PrepMode.DO_NOTHING;
    }

    /**
     * Starts (or resumes) the selected task in the background. With {@code SchemaFrom} and a destructive
     * {@code TargetTablePrepMode}, first reads in the background what the pre-load phase would drop or empty and asks
     * (drop-and-create: the target database's name typed); refused, nothing runs. An unfinished load is resumed without
     * the preparation.
     */
    public void start() {
        TaskConfig t = task();
        Path file = session.file();
        if (t == null || checkingPrep || state.get() == RunState.RUNNING || state.get() == RunState.STOPPING) {
            return;
        }
        if (file == null) {
            dialogs.showError("Save the project first", "The load keeps its resume state next to the project file; save the project first.");
            return;
        }
        boolean resume = state.get() == RunState.STOPPED || state.get() == RunState.FAILED;
        if (preparesSchema(t)) {
            checkingPrep = true;
            var project = session.project();
            stateText.set("Reading what TargetTablePrepMode " + t.settings().targetTablePrepMode() + " would change on "
                    + t.target() + "…");
            executor.submit((BackgroundTask<Optional<TargetPrepPreview>>) (p, c) -> runner.preparation(file, project, t.name()),
                    TaskCallbacks.of(preview -> {
                        checkingPrep = false;
                        if (preview.isPresent() && !preview.get().items().isEmpty() && !confirmPreparation(t, preview.get())) {
                            stateText.set("Not started: TargetTablePrepMode " + t.settings().targetTablePrepMode()
                                    + " was not confirmed; nothing was changed on " + t.target() + ".");
                            addLog(LoadRunning.Level.WARN, "TargetTablePrepMode " + t.settings().targetTablePrepMode()
                                    + " not confirmed: nothing ran");
                            return;
                        }
                        launch(t, file, resume, preview.map(TargetPrepPreview::prep).orElse(null));
                    }, err -> {
                        checkingPrep = false;
                        String m = Redaction.redact(String.valueOf(err.getMessage()));
                        stateText.set("Not started: cannot read what TargetTablePrepMode " + t.settings().targetTablePrepMode()
                                + " would change: " + m);
                        dialogs.showError("Cannot check the target", "Nothing was changed: reading the target " + t.target()
                                + " failed: " + m, err);
                    }));
            return;
        }
        if (!resume && !confirmPrep(t)) {
            stateText.set("Not started: TargetTablePrepMode " + t.settings().targetTablePrepMode() + " was not confirmed.");
            return;
        }
        launch(t, file, resume, null);
    }

    /** The preview's confirmation, worded as the Deploy section's. */
    private boolean confirmPreparation(TaskConfig t, TargetPrepPreview preview) {
        EndpointConfig target = session.project().endpoint(t.target()).orElse(null);
        if (target == null) {
            return dialogs.confirm("Confirm the target preparation", preview.question("endpoint " + t.target()));
        }
        return TargetPrepConfirmation.ask(dialogs, target, preview, "the Deploy section's dry run");
    }

    private void launch(TaskConfig t, Path file, boolean resume, DeployOptions.TargetPrep confirmed) {
        rows.clear();
        rowsByTable.clear();
        throughput.clear();
        cdcSamples.clear();
        streaming.set(false);
        lastCdcAt = null;
        lastCdcSampleAt = -1;
        cdcText.set("");
        appliedText.set("");
        queue.set(0);
        queueText.set("");
        lastSampleAt = -1;
        lastSampleRows = 0;
        overall.set(0);
        overallText.set("");
        AtomicBoolean stop = new AtomicBoolean();
        stopFlag = stop;
        state.set(RunState.RUNNING);
        canResume.set(false);
        stateText.set((resume ? "Resuming " : "Starting ") + t.name() + "…");
        addLog(LoadRunning.Level.INFO, (resume ? "Resuming" : "Starting") + " task " + t.name() + " (" + t.source() + " → " + t.target() + ")");
        LoadMonitor monitor = new LoadMonitor(scheduler, ui, this::apply, clock);
        LoadRunning.Events events = new PhaseEvents(monitor);
        phase.set(null);
        var project = session.project();
        boolean validate = t.settings().validationEnabled();
        executor.submit((BackgroundTask<LoadRunning.Outcome>) (p, cancel) -> {
            try {
                return runner.run(file, project, t.name(), validate, confirmed, events, () -> stop.get() || cancel.isCancelled());
            } finally {
                monitor.flush();
            }
        }, TaskCallbacks.of(outcome -> {
            if (outcome.deployProblem() != null && outcome.error() != null) {
                state.set(RunState.FAILED);
                canResume.set(true);
                stateText.set("Failed: " + outcome.error());
                dialogs.showError("The pre-load phase failed", outcome.error(), DeployFailure.of(outcome.deployProblem()));
            } else if (outcome.deployProblem() != null && !outcome.stopped()) {
                state.set(RunState.DONE);
                stateText.set("Loaded, but the post-load phase had errors: the objects that failed are listed in the error"
                        + " dialog and the log.");
                dialogs.showError("The post-load phase had errors", "The data of task " + t.name() + " is loaded, but some"
                        + " post-load objects (indexes, foreign keys, views…) could not be created on " + t.target() + ".",
                        DeployFailure.of(outcome.deployProblem()));
            } else if (outcome.stopped()) {
                state.set(RunState.STOPPED);
                canResume.set(true);
                stateText.set(lastCdcAt != null ? "Stopped. Resume streams again after the last applied position."
                        : "Stopped. Committed ranges are kept; Resume continues after them.");
            } else if (outcome.error() != null) {
                state.set(RunState.FAILED);
                canResume.set(true);
                stateText.set("Failed: " + outcome.error());
            } else if (lastCdcAt != null) {
                state.set(RunState.DONE);
                stateText.set("Done: streaming reached the task's stop position.");
            } else {
                state.set(RunState.DONE);
                long notDone = rows.stream().filter(r -> !"DONE".equals(r.state.get())).count();
                stateText.set(notDone == 0 ? "Done." : "Finished with " + notDone + " table(s) not loaded.");
            }
        }, err -> {
            state.set(RunState.FAILED);
            canResume.set(true);
            String m = Redaction.redact(String.valueOf(err.getMessage()));
            stateText.set("Failed: " + m);
            addLog(LoadRunning.Level.ERROR, m);
            dialogs.showError("The load could not run", m, err);
        }));
    }

    /**
     * Shows the run's phase in the state line (UI thread): the phase's label and its steps done. Ignored once a stop
     * was asked for or the run ended.
     */
    private void showPhase(LoadRunning.Phase p, int done, int total) {
        if (state.get() != RunState.RUNNING) {
            return;
        }
        if (phase.get() != p) {
            phase.set(p);
        }
        if (p == LoadRunning.Phase.STREAMING && lastCdcAt != null) {
            return; // the CDC line says more
        }
        stateText.set(p.label() + (total > 0 ? ": " + done + " of " + total : "") + "…");
    }

    /**
     * The monitor's events plus the run's phases: phase changes go to the UI thread at once, step counts at most every
     * 100 ms (and the last one of a phase), so a deploy of many objects does not flood the UI thread.
     */
    private final class PhaseEvents implements LoadRunning.Events {
        private final LoadMonitor monitor;
        private final AtomicLong lastPost = new AtomicLong();
        private volatile LoadRunning.Phase last;

        PhaseEvents(LoadMonitor monitor) {
            this.monitor = monitor;
        }

        @Override
        public void phase(LoadRunning.Phase p, int done, int total) {
            long now = clock.getAsLong();
            boolean changed = p != last;
            last = p;
            long before = lastPost.get();
            if (changed || done == total || now - before >= 100) {
                lastPost.set(now);
                ui.execute(() -> showPhase(p, done, total));
            }
        }

        @Override
        public void planned(List<LoadRunning.PlannedTable> tables) {
            monitor.planned(tables);
        }

        @Override
        public void validated(TableValidation validation) {
            monitor.validated(validation);
        }

        @Override
        public void log(LoadRunning.Level level, String message) {
            monitor.log(level, message);
        }

        @Override
        public void cdc(CdcMetrics metrics, int queueCapacity) {
            monitor.cdc(metrics, queueCapacity);
        }

        @Override
        public void tableProgress(TableProgress progress) {
            monitor.tableProgress(progress);
        }

        @Override
        public void rangeCommitted(String table, KeyRange range, long rows) {
            monitor.rangeCommitted(table, range, rows);
        }

        @Override
        public void rowRejected(RejectedRow row) {
            monitor.rowRejected(row);
        }

        @Override
        public void lobTruncated(RejectedRow note) {
            monitor.lobTruncated(note);
        }
    }

    /** Asks the running load to stop at its next batch. */
    public void stop() {
        if (state.get() == RunState.RUNNING) {
            stopFlag.set(true);
            state.set(RunState.STOPPING);
            stateText.set("Stopping at the next batch…");
        }
    }

    /** Applies one monitor snapshot (UI thread). */
    void apply(MonitorSnapshot s) {
        snapshotsApplied++;
        for (LoadRunning.PlannedTable t : s.planned()) {
            if (!rowsByTable.containsKey(t.table())) {
                TableLoadRow r = new TableLoadRow(t.table(), t.target());
                r.rowsEstimated = t.estimatedRows();
                r.rows.set("0 / " + (t.estimatedRows() < 0 ? "?" : fmt(t.estimatedRows())));
                rowsByTable.put(t.table(), r);
                rows.add(r);
            }
        }
        long done = 0;
        long estimated = 0;
        int tablesDone = 0;
        for (TableLoadRow r : rows) {
            TableProgress p = s.progress().get(r.table.get());
            if (p != null) {
                r.rowsDone = p.rowsDone();
                if (p.rowsEstimated() >= 0) {
                    r.rowsEstimated = p.rowsEstimated();
                }
                r.state.set(p.state().name());
                r.rows.set(fmt(p.rowsDone()) + " / " + (r.rowsEstimated < 0 ? "?" : fmt(r.rowsEstimated)));
                r.progress.set(p.state() == TableProgress.TableState.DONE ? 1.0
                        : r.rowsEstimated > 0 ? Math.min(1.0, p.rowsDone() / (double) r.rowsEstimated) : -1);
                r.rate.set(p.state() == TableProgress.TableState.RUNNING || p.state() == TableProgress.TableState.DONE
                        ? fmt(Math.round(p.rowsPerSecond())) + "/s" : "");
                r.eta.set(p.state() == TableProgress.TableState.RUNNING && p.eta() != null ? duration(p.eta()) : "");
                long errs = Math.max(p.rejected(), s.rejected().getOrDefault(r.table.get(), 0L));
                r.errors.set(errs == 0 && p.warnings() == 0 ? "" : (errs > 0 ? fmt(errs) + " rejected" : "")
                        + (p.warnings() > 0 ? (errs > 0 ? ", " : "") + fmt(p.warnings()) + " warnings" : ""));
            }
            TableValidation v = s.validations().get(r.table.get());
            if (v != null) {
                r.validation.set(v.status().name() + (v.status() == TableValidation.Status.MISMATCHED
                        ? " (" + v.missing() + " missing, " + v.extra() + " extra, " + v.different() + " different)" : ""));
            }
            done += r.rowsDone;
            estimated += Math.max(r.rowsEstimated, r.rowsDone);
            if ("DONE".equals(r.state.get())) {
                tablesDone++;
            }
        }
        overall.set(rows.isEmpty() ? 0 : tablesDone == rows.size() ? 1.0 : estimated == 0 ? 0 : Math.min(1.0, done / (double) estimated));
        if (lastSampleAt < 0 || s.atMillis() - lastSampleAt >= SAMPLE_MS) {
            double dt = lastSampleAt < 0 ? s.atMillis() / 1000.0 : (s.atMillis() - lastSampleAt) / 1000.0;
            double rate = dt <= 0 ? 0 : (done - lastSampleRows) / dt;
            throughput.add(new Sample(s.atMillis() / 1000.0, Math.max(0, rate)));
            if (throughput.size() > MAX_SAMPLES) {
                throughput.remove(0);
            }
            lastSampleAt = s.atMillis();
            lastSampleRows = done;
        }
        double avg = s.atMillis() <= 0 ? 0 : done / (s.atMillis() / 1000.0);
        overallText.set(fmt(done) + " of " + fmt(estimated) + " rows · " + tablesDone + " of " + rows.size() + " tables done · "
                + "avg " + fmt(Math.round(avg)) + " rows/s");
        heap.set(s.heapMax() <= 0 ? 0 : s.heapUsed() / (double) s.heapMax());
        heapText.set("Heap " + (s.heapUsed() >> 20) + " of " + (s.heapMax() >> 20) + " MB");
        int totalRanges = s.planned().stream().mapToInt(LoadRunning.PlannedTable::ranges).sum();
        long running = s.progress().values().stream().filter(p -> p.state() == TableProgress.TableState.RUNNING).count();
        rangesText.set("Queue: " + s.rangesDone() + " of " + totalRanges + " ranges committed, " + running + " table(s) loading");
        if (s.cdc() != null) {
            applyCdc(s);
        }
        if (!s.logs().isEmpty()) {
            log.addAll(s.logs()); // one list change (one filter pass, one scroll) per snapshot, not one per line
            if (log.size() > MAX_LOG_LINES) {
                log.remove(0, log.size() - MAX_LOG_LINES);
            }
        }
    }

    /** The streaming part of a snapshot: counters, latency and rate samples, per-table operations, queue gauge. */
    private void applyCdc(MonitorSnapshot s) {
        CdcMetrics m = s.cdc();
        streaming.set(true);
        if (m.tables().size() > 0) {
            for (Map.Entry<String, CdcMetrics.TableMetrics> e : m.tables().entrySet()) {
                TableLoadRow r = rowForTarget(e.getKey());
                CdcMetrics.TableMetrics t = e.getValue();
                r.inserts.set(fmt(t.inserts()));
                r.updates.set(fmt(t.updates()));
                r.deletes.set(fmt(t.deletes()));
                r.ddls.set(fmt(t.ddls()));
            }
        }
        if (s.planned().isEmpty()) {
            overall.set(0);
            overallText.set("Change data capture only: no full load · " + rows.size() + " table(s) with changes");
        }
        appliedText.set("Applied " + fmt(m.appliedEvents()) + " of " + fmt(m.receivedEvents()) + " changes received");
        cdcText.set(m.state().name() + " · in " + fmt(Math.round(m.incomingPerSecond())) + "/s · applied "
                + fmt(Math.round(m.appliedPerSecond())) + "/s · latency source " + tenths(m.sourceLatencySeconds())
                + " s, target " + tenths(m.targetLatencySeconds()) + " s"
                + (m.sourceLag() >= 0 ? " · lag " + fmt(m.sourceLag()) + " " + m.sourceLagUnit() : "")
                + (m.rejectedRows() > 0 ? " · " + fmt(m.rejectedRows()) + " rejected" : ""));
        int cap = s.queueCapacity();
        queue.set(cap <= 0 ? 0 : Math.min(1.0, m.queueDepth() / (double) cap));
        queueText.set("Queue " + fmt(m.queueDepth()) + (cap > 0 ? " of " + fmt(cap) : "") + " events");
        heap.set(m.heapMaxBytes() <= 0 ? heap.get() : m.heapUsedBytes() / (double) m.heapMaxBytes());
        if (state.get() == RunState.RUNNING) {
            stateText.set("Streaming changes (" + m.state().name() + ")"
                    + (m.lastPosition() == null ? "" : " · last applied position " + m.lastPosition()));
        }
        if (!m.at().equals(lastCdcAt)) { // a new engine sample (about one a second)
            lastCdcAt = m.at();
            if (lastCdcSampleAt < 0 || s.atMillis() - lastCdcSampleAt >= SAMPLE_MS / 2) {
                lastCdcSampleAt = s.atMillis();
                cdcSamples.add(new CdcSample(s.atMillis() / 1000.0, m.sourceLatencySeconds(), m.targetLatencySeconds(),
                        m.incomingPerSecond(), m.appliedPerSecond()));
                if (cdcSamples.size() > MAX_SAMPLES) {
                    cdcSamples.remove(0, cdcSamples.size() - MAX_SAMPLES);
                }
            }
        }
    }

    /** The grid row of target table {@code target} (a CDC-only task has no planned tables: rows appear as changes do). */
    private TableLoadRow rowForTarget(String target) {
        for (TableLoadRow r : rows) {
            if (target.equals(r.target.get())) {
                return r;
            }
        }
        TableLoadRow r = new TableLoadRow(target, target);
        r.state.set("STREAMING");
        r.progress.set(Double.NaN); // nothing to load: no progress bar
        rowsByTable.put(target, r);
        rows.add(r);
        return r;
    }

    /** {@code v} with one decimal, by hand (see {@link #fmt}). */
    static String tenths(double v) {
        long t = Math.round(Math.max(0, v) * 10);
        return t / 10 + "." + t % 10;
    }

    private void addLog(LoadRunning.Level level, String message) {
        log.add(new MonitorSnapshot.LogLine(0, level, message));
    }

    /**
     * {@code n} with thousands separators. Hand-written on purpose: {@code String.format} goes through the JDK's locale
     * providers, where the heartbeat caught the UI thread waiting on a lock shared with the load's threads.
     */
    static String fmt(long n) {
        String digits = Long.toString(Math.abs(n));
        StringBuilder b = new StringBuilder(digits.length() + 8);
        if (n < 0) {
            b.append('-');
        }
        int lead = digits.length() % 3;
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (i - lead) % 3 == 0) {
                b.append(',');
            }
            b.append(digits.charAt(i));
        }
        return b.toString();
    }

    static String duration(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s >= 3600 ? s / 3600 + "h" + two((s % 3600) / 60) + "m" : s >= 60 ? s / 60 + "m" + two(s % 60) + "s" : s + "s";
    }

    private static String two(long v) {
        return v < 10 ? "0" + v : String.valueOf(v);
    }

    // ---------------------------------------------------------------- properties

    public ObservableList<String> taskNames() {
        return taskNames;
    }

    public StringProperty selectedTaskProperty() {
        return selectedTask;
    }

    public ReadOnlyObjectProperty<RunState> stateProperty() {
        return state;
    }

    public ReadOnlyStringProperty stateTextProperty() {
        return stateText;
    }

    public ObservableList<TableLoadRow> rows() {
        return rows;
    }

    public ReadOnlyDoubleProperty overallProperty() {
        return overall;
    }

    public ReadOnlyStringProperty overallTextProperty() {
        return overallText;
    }

    public ObservableList<Sample> throughput() {
        return throughput;
    }

    public ReadOnlyDoubleProperty heapProperty() {
        return heap;
    }

    public ReadOnlyStringProperty heapTextProperty() {
        return heapText;
    }

    public ReadOnlyStringProperty rangesTextProperty() {
        return rangesText;
    }

    /** The log lines at or above {@link #logLevelProperty()}. */
    public ObservableList<MonitorSnapshot.LogLine> log() {
        return filteredLog;
    }

    public ObjectProperty<LoadRunning.Level> logLevelProperty() {
        return logLevel;
    }

    /** Whether the task is (or was, in this run) streaming changes: the CDC pane is shown. */
    public ReadOnlyBooleanProperty streamingProperty() {
        return streaming;
    }

    /** Latency and rate samples of the streaming phase, one a second, the last {@value #MAX_SAMPLES}. */
    public ObservableList<CdcSample> cdcSamples() {
        return cdcSamples;
    }

    /** "Applied n of m changes received". */
    public ReadOnlyStringProperty appliedTextProperty() {
        return appliedText;
    }

    /** State, rates, latencies and lag in one line. */
    public ReadOnlyStringProperty cdcTextProperty() {
        return cdcText;
    }

    /** The source queue's fill, 0..1. */
    public ReadOnlyDoubleProperty queueProperty() {
        return queue;
    }

    public ReadOnlyStringProperty queueTextProperty() {
        return queueText;
    }

    /** The phase of the current (or last) run: pre-load, load, post-load, validation, streaming; {@code null} before any. */
    public ReadOnlyObjectProperty<LoadRunning.Phase> phaseProperty() {
        return phase;
    }

    public ReadOnlyBooleanProperty canResumeProperty() {
        return canResume;
    }

    /** Monitor snapshots applied so far (for the throttling check). */
    public long snapshotsApplied() {
        return snapshotsApplied;
    }

    /** Whether a load is running (the window asks before closing). */
    public boolean isRunning() {
        return state.get() == RunState.RUNNING || state.get() == RunState.STOPPING;
    }
}
