package dev.ferry.app.gui.tasks;

import dev.ferry.app.gui.fakes.RecordingDialogs;
import dev.ferry.app.gui.task.CurrentThreadTaskExecutor;
import dev.ferry.app.gui.workbench.ProjectSession;
import dev.ferry.engine.cdc.apply.ApplyStats;
import dev.ferry.engine.cdc.apply.CdcMetrics;
import dev.ferry.engine.load.LoadResult;
import dev.ferry.engine.load.TableProgress;
import dev.ferry.engine.validate.TableValidation;
import dev.ferry.model.project.Project;
import dev.ferry.model.project.TaskConfig;
import dev.ferry.model.project.TaskSettingDescriptor;
import dev.ferry.model.project.TaskSettingDescriptors;
import dev.ferry.model.project.TaskSettings;
import dev.ferry.model.project.TaskType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

class TasksViewModelTest {

    /** A hand-written load: two tables in a few batches, stopping when asked, validating when asked. */
    static final class FakeLoad implements LoadRunning {
        final List<String> calls = new ArrayList<>();
        long[] clock;

        @Override
        public Outcome run(Path projectFile, Project project, String task, boolean validate, Events events, BooleanSupplier stop) {
            calls.add(task + (validate ? " validate" : ""));
            events.planned(List.of(new PlannedTable("main.orders", "public.orders", 300, 1),
                    new PlannedTable("main.customers", "public.customers", 100, 1)));
            for (int batch = 1; batch <= 3; batch++) {
                clock[0] += 150;
                events.tableProgress(new TableProgress("main.orders", TableProgress.TableState.RUNNING, batch * 100L, 300, 0,
                        1000, Duration.ofSeconds(3 - batch), 0, batch == 2 ? 1 : 0, 0, 1));
                if (stop.getAsBoolean()) {
                    events.log(Level.WARN, "stopped");
                    return new Outcome(null, true, null);
                }
            }
            events.tableProgress(new TableProgress("main.orders", TableProgress.TableState.DONE, 300, 300, 0, 1000, null, 0, 1, 1, 1));
            events.tableProgress(new TableProgress("main.customers", TableProgress.TableState.DONE, 100, 100, 0, 900, null, 0, 0, 1, 1));
            if (validate) {
                events.validated(new TableValidation("main.orders", TableValidation.Status.VALIDATED, 300, 300, 0, 0, 0,
                        List.of(), List.of(), List.of(), List.of(), 1, 0, null));
                events.validated(new TableValidation("main.customers", TableValidation.Status.MISMATCHED, 100, 99, 1, 0, 0,
                        List.of("customer_id=7"), List.of(), List.of(), List.of(), 1, 1, null));
            }
            return new Outcome(new LoadResult(task, Map.of(), List.of(), Duration.ofMillis(450)), false, null);
        }
    }

    final long[] clock = {0};
    FakeLoad load;
    ProjectSession session;
    RecordingDialogs dialogs;
    TasksViewModel vm;

    @BeforeEach
    void setUp() {
        load = new FakeLoad();
        load.clock = clock;
        TaskSettings settings = TaskSettings.DEFAULTS;
        Project p = Project.empty("demo").withTask(new TaskConfig("demo", TaskType.FULL_LOAD, "src", "dst", settings))
                .withTask(new TaskConfig("other", TaskType.FULL_LOAD, "src", "dst", settings));
        session = new ProjectSession(p, Path.of("/tmp/demo.ferry.json"));
        dialogs = new RecordingDialogs();
        vm = new TasksViewModel(session, new CurrentThreadTaskExecutor(), load, dialogs, (task, delay) -> task.run(),
                Runnable::run, () -> clock[0]);
    }

    @Test
    void aLoadFillsTheGridToOneHundredPercent() {
        assertThat(vm.taskNames()).containsExactly("demo", "other");
        assertThat(vm.selectedTaskProperty().get()).isEqualTo("demo");
        // ValidationEnabled defaults to true; this test is about the load itself
        assertThat(vm.edit(TaskSettingDescriptors.byName("ValidationEnabled").orElseThrow(), "false")).isTrue();
        vm.start();
        assertThat(load.calls).containsExactly("demo");
        assertThat(vm.stateProperty().get()).isEqualTo(TasksViewModel.RunState.DONE);
        assertThat(vm.stateTextProperty().get()).isEqualTo("Done.");
        assertThat(vm.rows()).extracting(r -> r.tableProperty().get()).containsExactly("main.orders", "main.customers");
        TableLoadRow orders = vm.rows().get(0);
        assertThat(orders.stateProperty().get()).isEqualTo("DONE");
        assertThat(orders.progressProperty().get()).isEqualTo(1.0);
        assertThat(orders.rowsProperty().get()).isEqualTo("300 / 300");
        assertThat(orders.errorsProperty().get()).isEqualTo("1 warnings");
        assertThat(vm.overallProperty().get()).isEqualTo(1.0);
        assertThat(vm.overallTextProperty().get()).startsWith("400 of 400 rows · 2 of 2 tables done");
        assertThat(vm.throughput()).isNotEmpty();
        assertThat(vm.heapTextProperty().get()).startsWith("Heap ");
        assertThat(vm.log()).extracting(MonitorSnapshot.LogLine::message).contains("main.orders: done (300 rows)");
    }

    @Test
    void validationResultsAndLogLevels() {
        TaskSettingDescriptor validation = TaskSettingDescriptors.byName("ValidationEnabled").orElseThrow();
        assertThat(vm.edit(validation, "false")).isTrue();
        assertThat(vm.edit(validation, "true")).isTrue();
        vm.start();
        assertThat(load.calls).containsExactly("demo validate");
        assertThat(vm.rows().get(0).validationProperty().get()).isEqualTo("VALIDATED");
        assertThat(vm.rows().get(1).validationProperty().get()).isEqualTo("MISMATCHED (1 missing, 0 extra, 0 different)");
        int infoAndUp = vm.log().size();
        vm.logLevelProperty().set(LoadRunning.Level.ERROR);
        assertThat(vm.log()).isEmpty();
        vm.logLevelProperty().set(LoadRunning.Level.DEBUG);
        assertThat(vm.log().size()).isGreaterThanOrEqualTo(infoAndUp);
    }

    @Test
    void stopKeepsTheWorkAndResumeRunsAgain() {
        // stop is pressed while the load runs: with the current-thread executor, press it from the first progress event
        vm.rows().addListener((javafx.collections.ListChangeListener<TableLoadRow>) c -> vm.stop());
        vm.start();
        assertThat(vm.stateProperty().get()).isEqualTo(TasksViewModel.RunState.STOPPED);
        assertThat(vm.canResumeProperty().get()).isTrue();
        assertThat(vm.stateTextProperty().get()).startsWith("Stopped.");
        vm.start();
        assertThat(load.calls).hasSize(2);
    }

    @Test
    void theSettingsFormEditsTheProjectAndRejectsBadValues() {
        TaskSettingDescriptor sub = TaskSettingDescriptors.byName("MaxFullLoadSubTasks").orElseThrow();
        assertThat(vm.valueProperty(sub).get()).isEqualTo("8");
        assertThat(vm.edit(sub, "80")).isFalse();
        assertThat(vm.errorProperty(sub).get()).isEqualTo("MaxFullLoadSubTasks must be between 1 and 64, not 80");
        assertThat(session.isDirty()).isFalse();
        assertThat(vm.edit(sub, "4")).isTrue();
        assertThat(vm.errorProperty(sub).get()).isEmpty();
        assertThat(session.project().task("demo").orElseThrow().settings().maxFullLoadSubTasks()).isEqualTo(4);
        assertThat(session.isDirty()).isTrue();
        vm.selectedTaskProperty().set("other");
        assertThat(vm.valueProperty(sub).get()).isEqualTo("8");
    }

    @Test
    void theFormOffersTargetTablePrepModeAndADestructiveModeIsConfirmedBeforeAFreshStart() {
        TaskSettingDescriptor prep = TaskSettingDescriptors.byName("TargetTablePrepMode").orElseThrow();
        assertThat(vm.descriptors()).contains(prep);
        assertThat(prep.choices()).containsExactly("DO_NOTHING", "DROP_AND_CREATE", "TRUNCATE_BEFORE_LOAD");
        assertThat(vm.edit(prep, "TRUNCATE_BEFORE_LOAD")).isTrue();
        assertThat(session.project().task("demo").orElseThrow().settings().targetTablePrepMode())
                .isEqualTo(TaskSettings.PrepMode.TRUNCATE_BEFORE_LOAD);

        dialogs.confirmAnswer = false;
        vm.start();
        assertThat(dialogs.shown).singleElement().satisfies(s -> assertThat(s)
                .startsWith("confirm|Truncate the target tables|Task demo has TargetTablePrepMode TRUNCATE_BEFORE_LOAD")
                .contains("endpoint dst"));
        assertThat(load.calls).as("refused: nothing runs").isEmpty();
        assertThat(vm.stateTextProperty().get()).startsWith("Not started");

        dialogs.confirmAnswer = true;
        assertThat(vm.edit(prep, "DROP_AND_CREATE")).isTrue();
        vm.start();
        assertThat(dialogs.shown).last().satisfies(s -> assertThat(s).contains("Deploy section"));
        assertThat(load.calls).hasSize(1);
    }

    @Test
    void aLoadThatCannotStartShowsTheReason() {
        LoadRunning failing = (f, p, t, v, e, s) -> {
            throw new IllegalStateException("The target is not ready: target table public.orders does not exist");
        };
        vm = new TasksViewModel(session, new CurrentThreadTaskExecutor(), failing, dialogs, (task, d) -> task.run(), Runnable::run, () -> 0L);
        vm.start();
        assertThat(vm.stateProperty().get()).isEqualTo(TasksViewModel.RunState.FAILED);
        assertThat(dialogs.shown).containsExactly("error|The load could not run|The target is not ready: target table public.orders does not exist");
        assertThat(vm.canResumeProperty().get()).isTrue();
    }

    /** A hand-written full-load-and-cdc run: one table loaded, then streaming samples until stopped. */
    static final class FakeCdc implements LoadRunning {
        final long[] clock;
        final int samples;
        int sent;

        FakeCdc(long[] clock, int samples) {
            this.clock = clock;
            this.samples = samples;
        }

        @Override
        public Outcome run(Path projectFile, Project project, String task, boolean validate, Events events, BooleanSupplier stop) {
            events.planned(List.of(new PlannedTable("public.orders", "public.orders", 10, 1)));
            events.tableProgress(new TableProgress("public.orders", TableProgress.TableState.DONE, 10, 10, 0, 100, null, 0, 0, 1, 1));
            for (int i = 1; i <= samples; i++) {
                clock[0] += 1000;
                sent = i;
                Map<String, CdcMetrics.TableMetrics> tables = Map.of(
                        "public.orders", new CdcMetrics.TableMetrics(5L * i, 2L * i, i, 0, i == samples ? 1 : 0),
                        "public.audit", new CdcMetrics.TableMetrics(i, 0, 0, 0, 0));
                events.cdc(new CdcMetrics(java.time.Instant.ofEpochSecond(i), ApplyStats.ConnectionState.STREAMING,
                        0.5 * i, 0.01, 10.0 * i, 9.0 * i, 8L * i, 7L * i, 50, 100L << 20, 1000L << 20, 4096, "bytes",
                        "0/" + i, null, 0, tables), 10_000);
                if (stop.getAsBoolean()) {
                    return new Outcome(null, true, null);
                }
            }
            return new Outcome(null, false, null);
        }
    }

    @Test
    void aCdcTaskShowsLatencyRatesPerTableOperationsAndTheQueueUntilStopped() {
        FakeCdc cdc = new FakeCdc(clock, 10);
        vm = new TasksViewModel(session, new CurrentThreadTaskExecutor(), cdc, dialogs, (task, delay) -> task.run(),
                Runnable::run, () -> clock[0]);
        assertThat(vm.streamingProperty().get()).isFalse();
        // the user presses Stop while the third sample is shown
        boolean[] pressStop = {true};
        vm.cdcSamples().addListener((javafx.collections.ListChangeListener<TasksViewModel.CdcSample>) c -> {
            if (pressStop[0] && vm.cdcSamples().size() == 3) {
                assertThat(vm.stateTextProperty().get()).isEqualTo("Streaming changes (STREAMING) · last applied position 0/3");
                vm.stop();
            }
        });
        vm.start();
        assertThat(cdc.sent).isEqualTo(3);
        assertThat(vm.streamingProperty().get()).isTrue();
        assertThat(vm.stateProperty().get()).isEqualTo(TasksViewModel.RunState.STOPPED);
        assertThat(vm.stateTextProperty().get()).isEqualTo("Stopped. Resume streams again after the last applied position.");
        assertThat(vm.canResumeProperty().get()).isTrue();
        assertThat(vm.cdcSamples()).extracting(TasksViewModel.CdcSample::sourceLatency).containsExactly(0.5, 1.0, 1.5);
        assertThat(vm.cdcSamples()).extracting(TasksViewModel.CdcSample::appliedPerSecond).containsExactly(9.0, 18.0, 27.0);
        assertThat(vm.cdcSamples()).extracting(TasksViewModel.CdcSample::incomingPerSecond).containsExactly(10.0, 20.0, 30.0);
        TableLoadRow orders = vm.rows().get(0);
        assertThat(orders.tableProperty().get()).isEqualTo("public.orders");
        assertThat(orders.insertsProperty().get()).isEqualTo("15");
        assertThat(orders.updatesProperty().get()).isEqualTo("6");
        assertThat(orders.deletesProperty().get()).isEqualTo("3");
        assertThat(orders.ddlsProperty().get()).isEqualTo("0");
        assertThat(vm.rows()).extracting(r -> r.tableProperty().get()).as("a table with changes but no load gets a row")
                .containsExactly("public.orders", "public.audit");
        assertThat(orders.stateProperty().get()).as("the load's state stays").isEqualTo("DONE");
        assertThat(vm.rows().get(1).stateProperty().get()).isEqualTo("STREAMING");
        assertThat(vm.rows().get(1).progressProperty().get()).isNaN();
        assertThat(vm.appliedTextProperty().get()).isEqualTo("Applied 21 of 24 changes received");
        assertThat(vm.cdcTextProperty().get()).isEqualTo("STREAMING · in 30/s · applied 27/s · latency source 1.5 s, target 0.0 s · lag 4,096 bytes");
        assertThat(vm.queueTextProperty().get()).isEqualTo("Queue 50 of 10,000 events");
        assertThat(vm.queueProperty().get()).isEqualTo(0.005);

        // Resume: the run starts again from an empty chart and this time streams until its stop position
        pressStop[0] = false;
        cdc.sent = 0;
        vm.start();
        assertThat(vm.stateProperty().get()).isEqualTo(TasksViewModel.RunState.DONE);
        assertThat(vm.stateTextProperty().get()).isEqualTo("Done: streaming reached the task's stop position.");
        assertThat(vm.cdcSamples()).hasSize(10);
        assertThat(vm.rows().get(0).ddlsProperty().get()).isEqualTo("1");
    }

    @Test
    void chartSamplesAreCappedSoTheChartsStayCheapToLayOut() {
        FakeCdc cdc = new FakeCdc(clock, TasksViewModel.MAX_SAMPLES + 50);
        vm = new TasksViewModel(session, new CurrentThreadTaskExecutor(), cdc, dialogs, (task, delay) -> task.run(),
                Runnable::run, () -> clock[0]);
        List<Integer> changes = new ArrayList<>();
        vm.log().addListener((javafx.collections.ListChangeListener<MonitorSnapshot.LogLine>) c -> changes.add(1));
        vm.start();
        assertThat(vm.cdcSamples()).hasSize(TasksViewModel.MAX_SAMPLES);
        assertThat(vm.cdcSamples().get(0).seconds()).isEqualTo(51.0);
        assertThat(vm.throughput().size()).isLessThanOrEqualTo(TasksViewModel.MAX_SAMPLES);
        assertThat(changes).as("log lines arrive as one list change per snapshot").hasSizeLessThanOrEqualTo((int) vm.snapshotsApplied() + 1);
    }

    @Test
    void numbersAndDurationsAreFormattedWithoutTheFormatter() {
        assertThat(List.of(0L, 999L, 1000L, 88810L, 1234567L, -1234L)).extracting(TasksViewModel::fmt)
                .containsExactly("0", "999", "1,000", "88,810", "1,234,567", "-1,234");
        assertThat(TasksViewModel.duration(Duration.ofSeconds(42))).isEqualTo("42s");
        assertThat(TasksViewModel.duration(Duration.ofSeconds(125))).isEqualTo("2m05s");
        assertThat(TasksViewModel.duration(Duration.ofSeconds(3 * 3600 + 7 * 60))).isEqualTo("3h07m");
    }
}
