package dev.ferry.app.gui.deploy;

import dev.ferry.app.gui.fakes.RecordingDialogs;
import dev.ferry.app.gui.task.CurrentThreadTaskExecutor;
import dev.ferry.app.gui.workbench.ProjectSession;
import dev.ferry.engine.deploy.DeployInput;
import dev.ferry.engine.deploy.DeployListener;
import dev.ferry.engine.deploy.DeployObject;
import dev.ferry.engine.deploy.DeployOptions;
import dev.ferry.engine.deploy.DeployOutcome;
import dev.ferry.engine.deploy.DeployPhase;
import dev.ferry.engine.deploy.DeployResult;
import dev.ferry.engine.deploy.TargetPrepPreview;
import dev.ferry.model.project.EndpointConfig;
import dev.ferry.model.project.Project;
import dev.ferry.model.project.TlsMode;
import dev.ferry.model.schema.Engine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

class DeployViewModelTest {

    static final EndpointConfig PG = new EndpointConfig("warehouse", Engine.POSTGRESQL, "db", 5432, "shop", "app", null, null,
            TlsMode.DISABLE, null, null, null);

    static final DeployObject TABLE = new DeployObject("shop", "orders", "TABLE", "AUTO", true, DeployPhase.PRE_LOAD,
            "converted/01-table-shop.orders.sql", List.of("CREATE TABLE shop.orders (id int PRIMARY KEY)"), List.of(), null);
    static final DeployObject EDITED = new DeployObject("shop", "items", "TABLE", "AUTO", true, DeployPhase.PRE_LOAD,
            "converted/02-table-shop.items.sql", List.of("CREATE TABLE shop.items (id int PRIMARY KEY, note text)"), List.of(), null);
    static final DeployObject INDEX = new DeployObject("shop", "orders_idx", "INDEX", "AUTO_WITH_WARNINGS", true,
            DeployPhase.POST_LOAD, "converted/03-index.sql", List.of("CREATE INDEX orders_idx ON shop.orders (nope)"),
            List.of("TABLE:shop.orders"), null);
    static final DeployObject MANUAL = new DeployObject("shop", "pack", "ROUTINE", "MANUAL", false, DeployPhase.POST_LOAD,
            null, List.of(), List.of(), null);

    /** Reports what {@code outcomes} says, one listener call per outcome; {@code midway} runs after the first one. */
    static class FakeDeploy implements DeployRunning {
        final List<DeployOptions> runs = new ArrayList<>();
        final List<DeployOptions.TargetPrep> previews = new ArrayList<>();
        final List<String> targets = new ArrayList<>();
        Runnable duringPreview = () -> { };
        List<TargetPrepPreview.Item> previewItems = List.of(
                new TargetPrepPreview.Item(EDITED.key(), "TABLE", EDITED.displayName(), 3),
                new TargetPrepPreview.Item(TABLE.key(), "TABLE", TABLE.displayName(), 12));
        List<DeployOutcome> outcomes = List.of();
        Runnable midway = () -> { };
        Path opened;

        @Override
        public Plan open(Path folder) {
            opened = folder;
            return new Plan(new DeployInput(folder, Engine.POSTGRESQL, "shop", List.of(TABLE, EDITED, INDEX, MANUAL)),
                    Set.of(EDITED.key()));
        }

        @Override
        public TargetPrepPreview preview(EndpointConfig target, Path projectDir, DeployInput input, DeployOptions.TargetPrep prep) {
            previews.add(prep);
            duringPreview.run();
            return new TargetPrepPreview(prep, target.describe(), previewItems);
        }

        @Override
        public DeployResult deploy(EndpointConfig target, Path projectDir, DeployInput input, DeployOptions options,
                                   DeployListener listener, BooleanSupplier cancel) {
            runs.add(options);
            targets.add(target.name());
            listener.onPhaseStart(DeployPhase.PRE_LOAD, 2, true);
            boolean first = true;
            for (DeployOutcome o : outcomes) {
                listener.onOutcome(o);
                if (first) {
                    midway.run();
                    first = false;
                }
                if (cancel.getAsBoolean()) {
                    throw new Cancelled();
                }
            }
            return new DeployResult("warehouse", Engine.POSTGRESQL, options, List.of(), outcomes, Instant.now(), Duration.ofMillis(5));
        }
    }

    private final FakeDeploy fake = new FakeDeploy();
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private DeployViewModel vm;

    @BeforeEach
    void setUp() {
        ProjectSession session = new ProjectSession(Project.empty("shop").withEndpoint(PG), null);
        vm = new DeployViewModel(session, new CurrentThreadTaskExecutor(), fake, dialogs, Runnable::run, () -> null);
        vm.folderProperty().set("/tmp/shop-assessment");
        vm.open();
    }

    private static DeployOutcome outcome(int seq, DeployObject o, DeployOutcome.Status status, String message, List<String> diffs) {
        return new DeployOutcome(o.phase(), seq, o.key(), o.type(), o.displayName(), o.file(), DeployOutcome.Action.CREATE,
                status, message, diffs, 3);
    }

    @Test
    void openListsThePhasedPlanWithEachObjectsStatusAndShowsTheSelectedSql() {
        assertThat(fake.opened).isEqualTo(Path.of("/tmp/shop-assessment"));
        assertThat(vm.rows()).extracting(DeployRow::name, DeployRow::phase, DeployRow::plan).containsExactly(
                org.assertj.core.groups.Tuple.tuple("shop.orders", DeployPhase.PRE_LOAD, "AUTO"),
                org.assertj.core.groups.Tuple.tuple("shop.items", DeployPhase.PRE_LOAD, "EDITED"),
                org.assertj.core.groups.Tuple.tuple("shop.orders_idx", DeployPhase.POST_LOAD, "AUTO_WITH_WARNINGS"),
                org.assertj.core.groups.Tuple.tuple("shop.pack", DeployPhase.POST_LOAD, "MANUAL (never run)"));
        assertThat(vm.selectedEndpointProperty().get()).isEqualTo("warehouse");
        assertThat(vm.statusProperty().get()).contains("4 objects").contains("2 pre-load, 2 post-load")
                .contains("1 MANUAL never run, 1 edited");
        assertThat(vm.selectedSqlProperty().get()).isEqualTo("CREATE TABLE shop.orders (id int PRIMARY KEY);");
        vm.select(MANUAL.key());
        assertThat(vm.selectedSqlProperty().get()).contains("not converted (MANUAL)");
    }

    @Test
    void applyShowsEachResultAndAnErrorLinksBackToItsObject() {
        fake.outcomes = List.of(outcome(1, TABLE, DeployOutcome.Status.OK, null, List.of()),
                outcome(2, EDITED, DeployOutcome.Status.SKIPPED, "exists: same columns", List.of()),
                outcome(3, INDEX, DeployOutcome.Status.ERROR, "column \"nope\" does not exist", List.of()),
                outcome(4, MANUAL, DeployOutcome.Status.SKIPPED_MANUAL, "MANUAL: not converted", List.of()));
        vm.apply();
        assertThat(dialogs.shown).anySatisfy(s -> assertThat(s).startsWith("confirm|Deploy|Deploy 3 objects"));
        assertThat(fake.runs).singleElement().satisfies(o -> assertThat(o.dryRun()).isFalse());
        assertThat(vm.rows()).extracting(DeployRow::result).containsExactly(DeployOutcome.Status.OK,
                DeployOutcome.Status.SKIPPED, DeployOutcome.Status.ERROR, DeployOutcome.Status.SKIPPED_MANUAL);
        assertThat(vm.rows()).extracting(DeployRow::mark).containsExactly("✓", "✓", "✗", "–");
        assertThat(vm.problems()).extracting(DeployRow::key).containsExactly(INDEX.key());
        assertThat(vm.selectedKeyProperty().get()).as("the first error is selected").isEqualTo(INDEX.key());
        assertThat(vm.selectedSqlProperty().get()).contains("CREATE INDEX orders_idx");
        assertThat(vm.log()).anySatisfy(l -> assertThat(l).contains("ERROR").contains("column \"nope\" does not exist"));
        assertThat(vm.statusProperty().get()).startsWith("FAILED: 1 ok, 1 skipped, 1 MANUAL never run, 0 drift, 1 error(s)");
        assertThat(vm.progressProperty().get()).isEqualTo(1.0);
        assertThat(vm.busyProperty().get()).isFalse();

        vm.select(TABLE.key());
        assertThat(vm.selectedSqlProperty().get()).startsWith("CREATE TABLE shop.orders");
    }

    @Test
    void dryRunReportsDriftAndChangesNothing() {
        fake.outcomes = List.of(outcome(1, TABLE, DeployOutcome.Status.DRIFT, "exists and differs from the plan",
                        List.of("column id: type bigint on the target, expected integer")),
                outcome(2, EDITED, DeployOutcome.Status.PLANNED, null, List.of()));
        vm.dryRun();
        assertThat(dialogs.shown).noneMatch(s -> s.startsWith("confirm"));
        assertThat(fake.runs).singleElement().satisfies(o -> assertThat(o.dryRun()).isTrue());
        assertThat(vm.driftSummaryProperty().get()).isEqualTo("Drift check: 1 object differs from the plan and was left alone");
        assertThat(vm.problems()).extracting(DeployRow::key).containsExactly(TABLE.key());
        assertThat(vm.log()).contains("        column id: type bigint on the target, expected integer");
        assertThat(vm.statusProperty().get()).startsWith("DRY RUN: 1 planned");
    }

    @Test
    void applyThatIsNotConfirmedRunsNothing() {
        dialogs.confirmAnswer = false;
        vm.apply();
        assertThat(fake.runs).isEmpty();
        assertThat(vm.rows()).allSatisfy(r -> assertThat(r.result()).isNull());
    }

    @Test
    void cancelStopsTheDeployBeforeTheNextObject() {
        fake.outcomes = List.of(outcome(1, TABLE, DeployOutcome.Status.OK, null, List.of()),
                outcome(2, EDITED, DeployOutcome.Status.OK, null, List.of()));
        fake.midway = () -> {
            assertThat(vm.deployingProperty().get()).isTrue();
            vm.cancel();
        };
        vm.apply();
        assertThat(vm.rows().get(0).result()).isEqualTo(DeployOutcome.Status.OK);
        assertThat(vm.rows().get(1).result()).as("not reached").isNull();
        assertThat(vm.statusProperty().get()).startsWith("Cancelled: the phase in progress was rolled back");
        assertThat(vm.deployingProperty().get()).isFalse();
        assertThat(dialogs.shown).noneMatch(s -> s.startsWith("error"));
    }

    @Test
    void aFolderThatCannotBeReadIsReportedWithItsMessage() {
        DeployRunning broken = new FakeDeploy() {
            @Override
            public Plan open(Path folder) {
                throw new dev.ferry.engine.deploy.DeployInputException(folder.resolve("assessment.json") + ": not found");
            }
        };
        DeployViewModel other = new DeployViewModel(new ProjectSession(Project.empty("x"), null), new CurrentThreadTaskExecutor(),
                broken, dialogs, Runnable::run, () -> null);
        other.folderProperty().set("/nowhere");
        other.open();
        assertThat(other.rows()).isEmpty();
        assertThat(dialogs.shown).contains("error|Cannot open the assessment folder|/nowhere/assessment.json: not found");
    }

    @Test
    void lastAssessmentIsTheAssessmentSectionsFolderAndWithoutOneTheUserIsTold() {
        DeployViewModel withLast = new DeployViewModel(new ProjectSession(Project.empty("x").withEndpoint(PG), null),
                new CurrentThreadTaskExecutor(), fake, dialogs, Runnable::run, () -> Path.of("/work/last-assessment"));
        assertThat(withLast.folderProperty().get()).isEqualTo("/work/last-assessment");
        withLast.folderProperty().set("");
        withLast.openLastAssessment();
        assertThat(fake.opened).isEqualTo(Path.of("/work/last-assessment"));
        assertThat(withLast.rows()).hasSize(4);

        DeployViewModel none = new DeployViewModel(new ProjectSession(Project.empty("x"), null), new CurrentThreadTaskExecutor(),
                fake, dialogs, Runnable::run, () -> null);
        none.openLastAssessment();
        assertThat(dialogs.shown).anySatisfy(s -> assertThat(s).startsWith("error|No assessment yet|"));
        assertThat(none.rows()).isEmpty();
    }

    private static DeployOutcome prepStep(int seq, String key, String names, DeployOutcome.Action action,
                                          DeployOutcome.Status status, String message) {
        return new DeployOutcome(DeployPhase.PRE_LOAD, seq, key, "TABLE", names, null, action, status, message, List.of(), 2);
    }

    @Test
    void doNothingNeitherPreviewsNorAsksMoreThanTheDeployQuestion() {
        vm.apply();
        assertThat(fake.previews).isEmpty();
        assertThat(fake.runs).singleElement().satisfies(o -> assertThat(o.targetPrep()).isEqualTo(DeployOptions.TargetPrep.DO_NOTHING));
        assertThat(dialogs.shown).noneMatch(s -> s.startsWith("typed|"));
        assertThat(vm.prepSummaryProperty().get()).contains("do-nothing").contains("drift");
    }

    @Test
    void dryRunWithDropAndCreateListsExactlyWhatWouldBeDroppedWithRowCounts() {
        vm.targetPrepProperty().set(DeployOptions.TargetPrep.DROP_AND_CREATE);
        fake.outcomes = List.of(prepStep(1, "DROP", "shop.items, shop.orders", DeployOutcome.Action.DROP,
                DeployOutcome.Status.PLANNED, "would run: DROP TABLE \"shop\".\"items\", \"shop\".\"orders\""));
        vm.dryRun();
        assertThat(dialogs.shown).as("a dry run asks nothing").isEmpty();
        assertThat(fake.previews).containsExactly(DeployOptions.TargetPrep.DROP_AND_CREATE);
        assertThat(fake.runs).singleElement().satisfies(o -> {
            assertThat(o.dryRun()).isTrue();
            assertThat(o.targetPrep()).isEqualTo(DeployOptions.TargetPrep.DROP_AND_CREATE);
        });
        assertThat(vm.prepItems()).extracting(i -> i.describe(DeployOptions.TargetPrep.DROP_AND_CREATE))
                .containsExactly("DROP TABLE shop.items (3 rows)", "DROP TABLE shop.orders (12 rows)");
        assertThat(vm.prepSummaryProperty().get()).isEqualTo("Target prep drop-and-create would drop 2 tables (15 rows) on warehouse:");
        assertThat(vm.log()).anySatisfy(l -> assertThat(l).contains("PLANNED  DROP TABLE shop.items, shop.orders"));

        vm.targetPrepProperty().set(DeployOptions.TargetPrep.TRUNCATE);
        assertThat(vm.prepItems()).as("another preparation: the list no longer applies").isEmpty();
    }

    @Test
    void dropAndCreateRefusedAtTheTypedConfirmationRunsNothing() {
        vm.targetPrepProperty().set(DeployOptions.TargetPrep.DROP_AND_CREATE);
        dialogs.typedAnswer = "shop-typo";
        vm.apply();
        assertThat(dialogs.shown).singleElement().satisfies(s -> assertThat(s)
                .startsWith("typed|Drop and re-create 2 objects|Target preparation drop-and-create will drop 2 tables (15 rows)"
                        + " on endpoint warehouse (PostgreSQL app@db:5432/shop)")
                .contains("DROP TABLE shop.orders (12 rows)")
                .endsWith("|shop"));
        assertThat(fake.runs).as("nothing runs").isEmpty();
        assertThat(vm.rows()).allSatisfy(r -> assertThat(r.result()).isNull());
        assertThat(vm.statusProperty().get()).startsWith("Not applied: target prep drop-and-create was not confirmed");
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void dropAndCreateConfirmedRunsThePrepStatementsFirst() {
        vm.targetPrepProperty().set(DeployOptions.TargetPrep.DROP_AND_CREATE);
        fake.outcomes = List.of(prepStep(1, "DROP", "shop.items, shop.orders", DeployOutcome.Action.DROP, DeployOutcome.Status.OK,
                        "target prep drop-and-create: DROP TABLE \"shop\".\"items\", \"shop\".\"orders\""),
                outcome(2, TABLE, DeployOutcome.Status.OK, null, List.of()),
                outcome(3, EDITED, DeployOutcome.Status.OK, null, List.of()));
        vm.apply();
        assertThat(dialogs.shown).singleElement().satisfies(s -> assertThat(s).startsWith("typed|").endsWith("|shop"));
        assertThat(fake.runs).singleElement().satisfies(o -> {
            assertThat(o.dryRun()).isFalse();
            assertThat(o.targetPrep()).isEqualTo(DeployOptions.TargetPrep.DROP_AND_CREATE);
        });
        List<String> steps = vm.log().stream().filter(l -> !l.startsWith("—")).toList();
        assertThat(steps.get(0)).startsWith("1  OK  DROP TABLE shop.items, shop.orders");
        assertThat(vm.rows().get(0).result()).isEqualTo(DeployOutcome.Status.OK);
        assertThat(vm.prepItems()).hasSize(2);
        assertThat(vm.statusProperty().get()).startsWith("SUCCEEDED");
        assertThat(dialogs.shown).noneMatch(s -> s.startsWith("error"));
    }

    @Test
    void truncateAsksAPlainConfirmationNamingTheTableCountAndTheTarget() {
        vm.targetPrepProperty().set(DeployOptions.TargetPrep.TRUNCATE);
        dialogs.confirmAnswer = false;
        vm.apply();
        assertThat(dialogs.shown).singleElement().satisfies(s -> assertThat(s)
                .startsWith("confirm|Truncate 2 tables|Target preparation truncate will truncate 2 tables (15 rows) on endpoint warehouse")
                .contains("TRUNCATE TABLE shop.items (3 rows)"));
        assertThat(fake.runs).isEmpty();

        dialogs.confirmAnswer = true;
        vm.apply();
        assertThat(fake.runs).singleElement().satisfies(o -> assertThat(o.targetPrep()).isEqualTo(DeployOptions.TargetPrep.TRUNCATE));
    }

    @Test
    void withNothingToDropApplyAsksTheDeployQuestionAndSaysSo() {
        vm.targetPrepProperty().set(DeployOptions.TargetPrep.DROP_AND_CREATE);
        fake.previewItems = List.of();
        vm.apply();
        assertThat(dialogs.shown).singleElement().satisfies(s -> assertThat(s).startsWith("confirm|Deploy|Deploy 3 objects")
                .contains("nothing to drop"));
        assertThat(fake.runs).hasSize(1);
    }

    @Test
    void aFailingPrepStatementLinksToTheTableTheServerNamesAndTheRestIsReportedWithDetails() {
        vm.targetPrepProperty().set(DeployOptions.TargetPrep.DROP_AND_CREATE);
        fake.outcomes = List.of(prepStep(1, "DROP", "shop.items, shop.orders", DeployOutcome.Action.DROP, DeployOutcome.Status.ERROR,
                        "ERROR: cannot drop table shop.orders because other objects depend on it [SQLSTATE 2BP01]"),
                new DeployOutcome(DeployPhase.PRE_LOAD, 2, TABLE.key(), "TABLE", TABLE.displayName(), TABLE.file(),
                        DeployOutcome.Action.NONE, DeployOutcome.Status.NOT_RUN, "not run: the deploy stopped at the first error",
                        List.of(), 0),
                new DeployOutcome(DeployPhase.PRE_LOAD, 3, EDITED.key(), "TABLE", EDITED.displayName(), EDITED.file(),
                        DeployOutcome.Action.NONE, DeployOutcome.Status.NOT_RUN, "not run: the deploy stopped at the first error",
                        List.of(), 0));
        vm.apply();
        assertThat(vm.problems()).singleElement().satisfies(r -> {
            assertThat(r.key()).as("the table the server names, not the first one").isEqualTo(TABLE.key());
            assertThat(r.result()).isEqualTo(DeployOutcome.Status.ERROR);
            assertThat(r.message()).startsWith("target prep drop failed (shop.items, shop.orders): ERROR: cannot drop table");
        });
        assertThat(vm.selectedKeyProperty().get()).isEqualTo(TABLE.key());
        assertThat(vm.rows()).extracting(DeployRow::result).startsWith(DeployOutcome.Status.NOT_RUN, DeployOutcome.Status.NOT_RUN);
        assertThat(vm.statusProperty().get()).startsWith("FAILED:").contains("1 error(s)").contains("2 not run");
        assertThat(dialogs.shown).anySatisfy(s -> assertThat(s).startsWith("error|Deploy failed|1 statement failed on warehouse."
                + " First: DROP TABLE shop.items, shop.orders: ERROR: cannot drop table shop.orders").contains("2 object(s) were not run"));
        assertThat(dialogs.causes).last().satisfies(c -> assertThat(c.getMessage())
                .contains("Failed (1):\n  #1 DROP TABLE shop.items, shop.orders: ERROR: cannot drop table shop.orders")
                .contains("Not run (2):\n  #2 NONE TABLE shop.orders [converted/01-table-shop.orders.sql]")
                .contains("#3 NONE TABLE shop.items"));
    }

    @Test
    void theTypedNameIsTheTargetDatabaseOrTheSqliteFileName() {
        assertThat(DeployViewModel.databaseName(PG)).isEqualTo("shop");
        EndpointConfig lite = new EndpointConfig("local", Engine.SQLITE, null, null, null, null, null, null, null, null, null,
                "data/shop.db");
        assertThat(DeployViewModel.databaseName(lite)).isEqualTo("shop.db");
    }

    @Test
    void theConfirmedEndpointIsTheOneDeployedIntoEvenIfTheSelectionChangesWhileThePreviewIsRead() {
        ProjectSession two = new ProjectSession(Project.empty("shop").withEndpoint(PG).withEndpoint(PG.withName("scratch")), null);
        DeployViewModel other = new DeployViewModel(two, new CurrentThreadTaskExecutor(), fake, dialogs, Runnable::run, () -> null);
        other.folderProperty().set("/tmp/shop-assessment");
        other.open();
        other.selectedEndpointProperty().set("warehouse");
        other.targetPrepProperty().set(DeployOptions.TargetPrep.TRUNCATE);
        fake.duringPreview = () -> other.selectedEndpointProperty().set("scratch");
        other.apply();
        assertThat(dialogs.shown).singleElement().satisfies(s -> assertThat(s).contains("endpoint warehouse"));
        assertThat(fake.targets).containsExactly("warehouse");
    }

    @Test
    void aRowsResultLineCarriesTheMessageAndTheDriftForTheDetailsAndTooltip() {
        DeployRow planned = new DeployRow(1, DeployPhase.PRE_LOAD, "TABLE:hr.jobs", "TABLE", "hr.jobs", "AUTO", true,
                "CREATE TABLE hr.jobs (id int);", null, null, List.of());
        assertThat(planned.resultLine()).as("no result yet").isEmpty();
        DeployRow failed = new DeployRow(1, DeployPhase.PRE_LOAD, "TABLE:hr.jobs", "TABLE", "hr.jobs", "AUTO", true,
                "CREATE TABLE hr.jobs (id int);", DeployOutcome.Status.ERROR, "relation \"jobs\" already exists", List.of());
        assertThat(failed.resultLine()).isEqualTo("ERROR: relation \"jobs\" already exists");
        DeployRow drift = new DeployRow(1, DeployPhase.PRE_LOAD, "TABLE:hr.jobs", "TABLE", "hr.jobs", "AUTO", true,
                "CREATE TABLE hr.jobs (id int);", DeployOutcome.Status.DRIFT, null, List.of("extra column born", "id is bigint"));
        assertThat(drift.fullMessage()).isEqualTo("extra column born; id is bigint");
        assertThat(drift.resultLine()).isEqualTo("DRIFT: extra column born; id is bigint");
        DeployRow ok = new DeployRow(1, DeployPhase.PRE_LOAD, "TABLE:hr.jobs", "TABLE", "hr.jobs", "AUTO", true,
                "CREATE TABLE hr.jobs (id int);", DeployOutcome.Status.OK, "", List.of());
        assertThat(ok.resultLine()).isEqualTo("OK");
        assertThat(ok.resultText()).as("the checklist mark with the result").isEqualTo("✓ OK");
        assertThat(failed.resultText()).isEqualTo("✗ ERROR");
        assertThat(planned.resultText()).isEmpty();
        assertThat(planned.withResult(new DeployOutcome(DeployPhase.PRE_LOAD, 1, planned.key(), "TABLE", planned.name(), null,
                DeployOutcome.Action.CREATE, DeployOutcome.Status.PLANNED, null, List.of(), 0)).resultText())
                .as("no \"…\" mark: it would read as cut-off text").isEqualTo("PLANNED");
        assertThat(failed.tooltip()).isEqualTo("TABLE hr.jobs · pre-load · AUTO\nERROR: relation \"jobs\" already exists");
        assertThat(planned.tooltip()).isEqualTo("TABLE hr.jobs · pre-load · AUTO");
    }
}
