package dev.ferry.app.gui.tasks;

import dev.ferry.app.gui.deploy.DeployFailure;
import dev.ferry.app.gui.fakes.RecordingDialogs;
import dev.ferry.app.gui.task.CurrentThreadTaskExecutor;
import dev.ferry.app.gui.workbench.ProjectSession;
import dev.ferry.engine.deploy.DeployOptions;
import dev.ferry.engine.deploy.DeployOutcome;
import dev.ferry.engine.deploy.DeployPhase;
import dev.ferry.engine.deploy.DeployResult;
import dev.ferry.engine.deploy.TargetPrepPreview;
import dev.ferry.engine.load.LoadResult;
import dev.ferry.engine.load.TableProgress;
import dev.ferry.model.project.EndpointConfig;
import dev.ferry.model.project.Project;
import dev.ferry.model.project.TaskConfig;
import dev.ferry.model.project.TaskSettings;
import dev.ferry.model.project.TaskType;
import dev.ferry.model.schema.Engine;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The Tasks Start of a task with SchemaFrom: preview and confirmation, the phases in order, resume, deploy failures. */
class TasksSchemaPhasesTest {

    /**
     * A hand-written runner with the engine runner's contract: {@link #preparation} previews the destructive prep
     * unless the load is unfinished; {@link #run} reports pre-load, load, post-load and validation.
     */
    static final class FakePhasedLoad implements LoadRunning {
        final List<String> calls = new ArrayList<>();
        /** The task's load is unfinished (stopped after it started): the run resumes without the preparation. */
        boolean unfinished;
        DeployResult preLoadResult;
        DeployResult postLoadResult;
        boolean stopDuringLoad;

        @Override
        public Optional<TargetPrepPreview> preparation(Path projectFile, Project project, String task) {
            calls.add("preview");
            if (unfinished) {
                return Optional.empty();
            }
            DeployOptions.TargetPrep prep = project.task(task).orElseThrow().settings().targetTablePrepMode()
                    == TaskSettings.PrepMode.DROP_AND_CREATE ? DeployOptions.TargetPrep.DROP_AND_CREATE : DeployOptions.TargetPrep.TRUNCATE;
            return Optional.of(new TargetPrepPreview(prep, "dst", List.of(
                    new TargetPrepPreview.Item("table:public.orders", "TABLE", "public.orders", 300),
                    new TargetPrepPreview.Item("table:public.customers", "TABLE", "public.customers", 100))));
        }

        @Override
        public Outcome run(Path projectFile, Project project, String task, boolean validate, Events events, BooleanSupplier stop) {
            throw new AssertionError("the view model passes the confirmed preparation");
        }

        @Override
        public Outcome run(Path projectFile, Project project, String task, boolean validate, DeployOptions.TargetPrep confirmed,
                           Events events, BooleanSupplier stop) {
            calls.add("run confirmed=" + confirmed);
            events.phase(Phase.PRE_LOAD, 0, 0);
            calls.add(unfinished ? "pre-load without prep" : "pre-load " + confirmed);
            events.phase(Phase.PRE_LOAD, 1, 2);
            events.phase(Phase.PRE_LOAD, 2, 2);
            if (preLoadResult != null) {
                return new Outcome(null, false, "The pre-load phase failed: nothing was loaded.", preLoadResult);
            }
            events.phase(Phase.LOAD, 0, 0);
            calls.add("load");
            events.planned(List.of(new PlannedTable("main.orders", "public.orders", 300, 1)));
            events.tableProgress(new TableProgress("main.orders", TableProgress.TableState.RUNNING, 100, 300, 0, 1000,
                    Duration.ofSeconds(2), 0, 0, 0, 1));
            if (stopDuringLoad && stop.getAsBoolean()) {
                return new Outcome(null, true, null);
            }
            events.tableProgress(new TableProgress("main.orders", TableProgress.TableState.DONE, 300, 300, 0, 1000, null, 0, 0, 1, 1));
            events.phase(Phase.POST_LOAD, 0, 3);
            calls.add("post-load");
            events.phase(Phase.POST_LOAD, 3, 3);
            if (validate) {
                events.phase(Phase.VALIDATION, 0, 1);
                calls.add("validation");
                events.phase(Phase.VALIDATION, 1, 1);
            }
            return new Outcome(new LoadResult(task, Map.of(), List.of(), Duration.ofMillis(10)), false, null, postLoadResult);
        }
    }

    final FakePhasedLoad load = new FakePhasedLoad();
    final RecordingDialogs dialogs = new RecordingDialogs();
    final List<LoadRunning.Phase> phases = new ArrayList<>();
    final List<String> stateLines = new ArrayList<>();
    ProjectSession session;
    TasksViewModel vm;

    private void open(TaskSettings.PrepMode mode, String schemaFrom) {
        TaskSettings settings = TaskSettings.DEFAULTS.withTargetTablePrepMode(mode);
        if (schemaFrom != null) {
            settings = settings.withSchemaFrom(schemaFrom);
        }
        EndpointConfig dst = new EndpointConfig("dst", Engine.POSTGRESQL, "db.example", 5432, "shop", "ferry", null, null,
                null, Map.of(), null, null);
        Project p = Project.empty("demo").withEndpoint(dst).withTask(new TaskConfig("demo", TaskType.FULL_LOAD, "src", "dst", settings));
        session = new ProjectSession(p, Path.of("/tmp/demo.ferry.json"));
        vm = new TasksViewModel(session, new CurrentThreadTaskExecutor(), load, dialogs, (task, delay) -> task.run(),
                Runnable::run, () -> 0L);
        vm.phaseProperty().addListener((o, a, b) -> {
            if (b != null) {
                phases.add(b);
            }
        });
        vm.stateTextProperty().addListener((o, a, b) -> stateLines.add(b));
    }

    @Test
    void dropAndCreateIsConfirmedByTypingTheDatabaseThenThePhasesRunInOrder() {
        open(TaskSettings.PrepMode.DROP_AND_CREATE, "assessment");
        vm.start();
        assertThat(dialogs.shown).singleElement().satisfies(s -> assertThat(s)
                .startsWith("typed|Drop and re-create 2 objects|Target preparation drop-and-create will")
                .contains("endpoint dst (").contains("public.orders").contains("public.customers")
                .endsWith("|shop"));
        assertThat(load.calls).containsExactly("preview", "run confirmed=DROP_AND_CREATE", "pre-load DROP_AND_CREATE", "load",
                "post-load", "validation");
        assertThat(phases).containsExactly(LoadRunning.Phase.PRE_LOAD, LoadRunning.Phase.LOAD, LoadRunning.Phase.POST_LOAD,
                LoadRunning.Phase.VALIDATION);
        assertThat(stateLines).contains("Pre-load phase (schemas, tables, primary keys): 2 of 2…",
                "Post-load phase (indexes, foreign keys, checks, views, routines, triggers): 3 of 3…");
        assertThat(vm.stateProperty().get()).isEqualTo(TasksViewModel.RunState.DONE);
        assertThat(vm.stateTextProperty().get()).isEqualTo("Done.");
    }

    @Test
    void aRefusedConfirmationRunsNothing() {
        open(TaskSettings.PrepMode.DROP_AND_CREATE, "assessment");
        dialogs.typedAnswer = "sho"; // not the database's name
        vm.start();
        assertThat(load.calls).as("only the read-only preview ran").containsExactly("preview");
        assertThat(vm.stateProperty().get()).isEqualTo(TasksViewModel.RunState.IDLE);
        assertThat(vm.stateTextProperty().get()).isEqualTo("Not started: TargetTablePrepMode DROP_AND_CREATE was not confirmed;"
                + " nothing was changed on dst.");

        open(TaskSettings.PrepMode.TRUNCATE_BEFORE_LOAD, "assessment");
        dialogs.confirmAnswer = false;
        load.calls.clear();
        vm.start();
        assertThat(dialogs.shown).last().satisfies(s -> assertThat(s).startsWith("confirm|Truncate 2 tables|Target preparation truncate"));
        assertThat(load.calls).containsExactly("preview");
    }

    @Test
    void resumeDoesNotRepeatThePreparation() {
        open(TaskSettings.PrepMode.TRUNCATE_BEFORE_LOAD, "assessment");
        load.stopDuringLoad = true;
        vm.rows().addListener((javafx.collections.ListChangeListener<TableLoadRow>) c -> vm.stop());
        vm.start();
        assertThat(vm.stateProperty().get()).isEqualTo(TasksViewModel.RunState.STOPPED);
        assertThat(load.calls).containsExactly("preview", "run confirmed=TRUNCATE", "pre-load TRUNCATE", "load");
        int dialogsBefore = dialogs.shown.size();

        load.unfinished = true; // the state file says the load is unfinished
        load.stopDuringLoad = false;
        load.calls.clear();
        vm.start();
        assertThat(dialogs.shown).as("nothing to confirm on resume").hasSize(dialogsBefore);
        assertThat(load.calls).containsExactly("preview", "run confirmed=null", "pre-load without prep", "load", "post-load",
                "validation");
        assertThat(vm.stateProperty().get()).isEqualTo(TasksViewModel.RunState.DONE);
    }

    @Test
    void withoutSchemaFromTheLoadRunsAsBefore() {
        open(TaskSettings.PrepMode.DO_NOTHING, null);
        vm.start();
        assertThat(dialogs.shown).isEmpty();
        assertThat(load.calls).as("no preview without SchemaFrom").startsWith("run confirmed=null");
    }

    @Test
    void aFailedPreLoadAndPostLoadErrorsOpenTheErrorDialogNamingTheObjects() {
        open(TaskSettings.PrepMode.DROP_AND_CREATE, "assessment");
        load.preLoadResult = result(DeployPhase.PRE_LOAD, "TABLE", "public.orders", "tables/orders.sql", "permission denied for schema public");
        vm.start();
        assertThat(vm.stateProperty().get()).isEqualTo(TasksViewModel.RunState.FAILED);
        assertThat(load.calls).doesNotContain("load");
        assertThat(dialogs.shown).last().satisfies(s -> assertThat(s).startsWith("error|The pre-load phase failed|"));
        assertThat(dialogs.causes).last().isInstanceOf(DeployFailure.class).satisfies(c -> assertThat(c.getMessage())
                .contains("public.orders [tables/orders.sql]: permission denied for schema public"));

        load.preLoadResult = null;
        load.postLoadResult = result(DeployPhase.POST_LOAD, "FOREIGN KEY", "public.orders.fk_orders_customer", "fks/orders.sql",
                "insert or update violates foreign key constraint");
        load.calls.clear();
        vm.start();
        assertThat(load.calls).contains("load", "post-load");
        assertThat(vm.stateProperty().get()).isEqualTo(TasksViewModel.RunState.DONE);
        assertThat(vm.stateTextProperty().get()).startsWith("Loaded, but the post-load phase had errors");
        assertThat(dialogs.shown).last().satisfies(s -> assertThat(s).startsWith("error|The post-load phase had errors|"));
        assertThat(dialogs.causes).last().satisfies(c -> assertThat(c.getMessage()).contains("public.orders.fk_orders_customer"));
    }

    private static DeployResult result(DeployPhase phase, String type, String name, String file, String message) {
        DeployOutcome failed = new DeployOutcome(phase, 1, type.toLowerCase() + ":" + name, type, name, file,
                DeployOutcome.Action.CREATE, DeployOutcome.Status.ERROR, message, List.of(), 3);
        return new DeployResult("dst", Engine.POSTGRESQL, new DeployOptions(EnumSet.of(phase), false,
                DeployOptions.OnError.STOP, DeployOptions.TargetPrep.DROP_AND_CREATE),
                List.of(new DeployResult.PhaseResult(phase, true, DeployResult.PhaseOutcome.ROLLED_BACK, null)),
                List.of(failed), Instant.EPOCH, Duration.ofMillis(3));
    }
}
