package dev.ferry.app.gui.cutover;

import dev.ferry.app.cli.CutoverSequence;
import dev.ferry.app.gui.fakes.RecordingDialogs;
import dev.ferry.app.gui.task.CurrentThreadTaskExecutor;
import dev.ferry.app.gui.workbench.ProjectSession;
import dev.ferry.engine.validate.TableValidation;
import dev.ferry.model.project.Project;
import dev.ferry.model.project.TaskConfig;
import dev.ferry.model.project.TaskSettings;
import dev.ferry.model.project.TaskType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

class CutoverViewModelTest {

    static TableValidation ok(String table, long rows) {
        return new TableValidation(table, TableValidation.Status.VALIDATED, rows, rows, 0, 0, 0, List.of(), List.of(), List.of(),
                List.of(), 1, 0, null);
    }

    static final TableValidation MISMATCH = new TableValidation("public.orders", TableValidation.Status.MISMATCHED, 10, 10, 1, 1, 1,
            List.of("id=4"), List.of("id=99"), List.of("id=7"), List.of("note"), 2, 1, null);
    static final TableValidation NO_KEY = new TableValidation("public.audit", TableValidation.Status.NOT_COMPARABLE, 5, 5, 0, 0, 0,
            List.of(), List.of(), List.of(), List.of(), 0, 0, "no primary key or unique key");

    /** Validation and cutover driven by the test. */
    static final class FakeCutover implements CutoverRunning {
        List<TableValidation> results = List.of();
        List<CutoverSequence.StepState> recorded = steps("PENDING");
        final List<String> calls = new ArrayList<>();
        java.util.function.Function<CutoverSequence.Listener, CutoverSequence.Result> script;

        static List<CutoverSequence.StepState> steps(String status) {
            List<CutoverSequence.StepState> l = new ArrayList<>();
            for (int i = 0; i < CutoverSequence.STEP_TITLES.size(); i++) {
                l.add(new CutoverSequence.StepState(i + 1, CutoverSequence.STEP_TITLES.get(i), status, List.of(), 0));
            }
            return l;
        }

        @Override
        public List<TableValidation> validate(Path projectFile, Project project, String task, Consumer<TableValidation> each,
                                              BooleanSupplier cancel) {
            calls.add("validate " + task);
            results.forEach(each);
            return results;
        }

        @Override
        public List<CutoverSequence.StepState> recorded(Path projectFile, String task) {
            calls.add("recorded " + task);
            return recorded;
        }

        @Override
        public CutoverSequence.Result cutover(Path projectFile, Project project, String task, boolean writesStopped,
                                              boolean restart, CutoverSequence.Listener listener, BooleanSupplier cancel) {
            calls.add("cutover " + task + " writesStopped=" + writesStopped + " restart=" + restart);
            return script.apply(listener);
        }
    }

    private final FakeCutover fake = new FakeCutover();
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    private CutoverViewModel vm;

    @BeforeEach
    void setUp() {
        Project p = Project.empty("shop").withTask(new TaskConfig("sync", TaskType.FULL_LOAD_AND_CDC, "src", "dst", TaskSettings.DEFAULTS))
                .withTask(new TaskConfig("once", TaskType.FULL_LOAD, "src", "dst", TaskSettings.DEFAULTS));
        vm = new CutoverViewModel(new ProjectSession(p, Path.of("/tmp/shop.ferry.json")), executor, fake, dialogs, Runnable::run);
    }

    @Test
    void validationListsEveryTableAndDrillsDownIntoTheMismatchedKeys() {
        fake.results = List.of(ok("public.customers", 3), MISMATCH, NO_KEY);
        vm.validate();
        assertThat(fake.calls).contains("validate sync");
        assertThat(vm.validation()).extracting(ValidationRow::table, ValidationRow::status, ValidationRow::ok).containsExactly(
                org.assertj.core.groups.Tuple.tuple("public.customers", "VALIDATED", true),
                org.assertj.core.groups.Tuple.tuple("public.orders", "MISMATCHED", false),
                org.assertj.core.groups.Tuple.tuple("public.audit", "NOT_COMPARABLE", true));
        assertThat(vm.validation().get(1).details()).isEqualTo("1 missing, 1 extra, 1 different (columns note)");
        assertThat(vm.validation().get(2).details()).isEqualTo("no primary key or unique key; counts equal");
        assertThat(vm.validationStatusProperty().get()).isEqualTo("MISMATCHED: 3 tables compared, 1 failed validation");
        assertThat(vm.selectedTableProperty().get().table()).as("the first mismatch is selected").isEqualTo("public.orders");
        assertThat(vm.keys()).containsExactly(new KeyRow("MISSING", "id=4"), new KeyRow("EXTRA", "id=99"),
                new KeyRow("DIFFERENT", "id=7"));
        vm.selectedTableProperty().set(vm.validation().get(0));
        assertThat(vm.keys()).isEmpty();
        assertThat(vm.validatingProperty().get()).isFalse();
    }

    @Test
    void allTablesMatching() {
        fake.results = List.of(ok("public.customers", 3), ok("public.orders", 10));
        vm.validate();
        assertThat(vm.validationStatusProperty().get()).isEqualTo("VALIDATED: 2 tables compared, 0 failed validation");
        assertThat(vm.selectedTableProperty().get()).isNull();
    }

    @Test
    void theWizardShowsEachStepsStateTheLiveLagAndWhereItFailed() {
        assertThat(vm.steps()).hasSize(6).allSatisfy(s -> assertThat(s.status()).isEqualTo("PENDING"));
        assertThat(vm.steps().get(1).title()).isEqualTo("drain until the lag is zero");
        vm.writesStoppedProperty().set(true);
        List<String> stepStatesDuringDrain = new ArrayList<>();
        fake.script = l -> {
            l.stepStarted(1, "confirm");
            l.detail(1, "confirmed in the workbench");
            l.stepEnded(1, "confirm", "DONE");
            l.stepStarted(2, "drain");
            l.drainProgress(31, "0 bytes");
            vm.steps().forEach(s -> stepStatesDuringDrain.add(s.status()));
            l.stepEnded(2, "drain", "DONE");
            l.stepStarted(3, "validate");
            l.detail(3, "public.orders: MISMATCHED (source 10 rows, target 10, missing 1, extra 0, different 0)");
            l.stepEnded(3, "validate", "FAILED");
            return new CutoverSequence.Result(CutoverSequence.Outcome.FAILED, 3, "Cutover of task sync: NOT COMPLETE",
                    Path.of("/tmp/.ferry/sync.cutover.json"), List.of());
        };
        fake.recorded = List.of(); // keep what the run showed
        vm.startCutover(false);
        assertThat(dialogs.shown).anySatisfy(s -> assertThat(s).startsWith("confirm|Cut over|Cut task sync over"));
        assertThat(fake.calls).contains("cutover sync writesStopped=true restart=false");
        assertThat(stepStatesDuringDrain).containsExactly("DONE", "RUNNING", "PENDING", "PENDING", "PENDING", "PENDING");
        assertThat(vm.lagProperty().get()).isEqualTo("Drain: 31 row changes applied; lag 0 bytes");
        assertThat(vm.cutoverStatusProperty().get()).startsWith("Step 3 failed: fix the cause and press Start again");
        assertThat(vm.reportProperty().get()).contains("NOT COMPLETE");
        assertThat(vm.cuttingOverProperty().get()).isFalse();
    }

    @Test
    void aRecordedCutoverIsShownAndAFullLoadTaskCannotBeCutOver() {
        fake.recorded = FakeCutover.steps("DONE");
        vm.selectedTaskProperty().set("once");
        assertThat(vm.cutoverStatusProperty().get()).isEqualTo("The cutover of task once is complete.");
        assertThat(vm.steps()).allSatisfy(s -> assertThat(s.status()).isEqualTo("DONE"));
        vm.startCutover(false);
        assertThat(dialogs.shown).contains("error|Cannot cut over|Task once is a full load: the cutover is for tasks with CDC.");
        assertThat(fake.calls).noneMatch(c -> c.startsWith("cutover"));
    }

    @Test
    void aCutoverThatIsNotConfirmedDoesNotStart() {
        dialogs.confirmAnswer = false;
        vm.startCutover(false);
        assertThat(fake.calls).noneMatch(c -> c.startsWith("cutover"));
    }

    @Test
    void rowCountsAreShownWithThousandsSeparatorsAndStayExact() {
        assertThat(ValidationRow.count(0)).isEqualTo("0");
        assertThat(ValidationRow.count(999)).isEqualTo("999");
        assertThat(ValidationRow.count(10_000)).isEqualTo("10,000");
        assertThat(ValidationRow.count(100_314)).isEqualTo("100,314");
        assertThat(ValidationRow.count(1_234_567_890_123L)).isEqualTo("1,234,567,890,123");
        assertThat(ValidationRow.count(-1_000)).isEqualTo("-1,000");
        ValidationRow row = new ValidationRow(ok("public.customers", 100_314), true);
        assertThat(row.sourceRowsText()).isEqualTo("100,314");
        assertThat(row.targetRowsText()).isEqualTo("100,314");
        assertThat(row.details()).isEqualTo("100,314 rows match");
        assertThat(new ValidationRow(ok("public.one", 1), true).details()).isEqualTo("1 row matches");
    }

    @Test
    void theEmptyStepDetailsSayWhy() {
        assertThat(CutoverView.emptyDetailsHint(null)).startsWith("Select a step to see what it did.");
        assertThat(CutoverView.emptyDetailsHint(new CutoverStepRow(2, "drain", "PENDING", List.of())))
                .isEqualTo("Step 2 has not run yet.");
        assertThat(CutoverView.emptyDetailsHint(new CutoverStepRow(2, "drain", "RUNNING", List.of())))
                .isEqualTo("Step 2 is running…");
        assertThat(CutoverView.emptyDetailsHint(new CutoverStepRow(6, "report", "DONE", List.of())))
                .isEqualTo("Step 6 recorded no details.");
    }
}
