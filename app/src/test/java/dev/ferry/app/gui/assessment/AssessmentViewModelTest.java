package dev.ferry.app.gui.assessment;

import dev.ferry.app.assess.EditedObjects;
import dev.ferry.app.gui.fakes.FakeAssessmentService;
import dev.ferry.app.gui.fakes.RecordingDialogs;
import dev.ferry.app.gui.task.CurrentThreadTaskExecutor;
import dev.ferry.converter.assess.ActionItem;
import dev.ferry.converter.assess.ConversionResult;
import dev.ferry.converter.assess.ConvertedObject;
import dev.ferry.converter.assess.DeployPhase;
import dev.ferry.converter.assess.ObjectStatus;
import dev.ferry.converter.assess.Severity;
import dev.ferry.converter.report.AssessmentReport;
import dev.ferry.model.project.TypeMappingRule;
import dev.ferry.model.schema.Engine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AssessmentViewModelTest {

    static final String TABLE_SRC = "CREATE TABLE regions\n( region_id NUMBER\n, region_name VARCHAR2(25)\n);";
    static final String TABLE_PG = "CREATE TABLE hr.regions (\n  region_id numeric,\n  region_name varchar(25)\n)";
    static final String ROUTINE_SRC = "CREATE PROCEDURE secure_dml IS\nBEGIN\n  IF TO_CHAR (SYSDATE, 'HH24:MI') > '18:00' THEN\n"
            + "    RAISE_APPLICATION_ERROR (-20205, 'office hours only');\n  END IF;\nEND;";
    static final String ROUTINE_PG = "CREATE FUNCTION hr.secure_dml() RETURNS void LANGUAGE plpgsql AS $$\nBEGIN\n"
            + "  IF to_char(LOCALTIMESTAMP(0), 'HH24:MI') > '18:00' THEN\n    RAISE EXCEPTION 'office hours only' USING ERRCODE = 'U0205';\n"
            + "  END IF;\nEND;\n$$";

    static AssessmentReport report() {
        ConvertedObject table = new ConvertedObject("hr", "regions", "TABLE", ObjectStatus.AUTO_WITH_WARNINGS, true, "hr_create.sql", 10,
                TABLE_SRC, TABLE_PG, DeployPhase.PRE_LOAD, List.of(), List.of(new ActionItem("ORA-PG-0201", Severity.LOW,
                "Column REGION_ID: NUMBER → numeric", "Choose a precision", 11, 3, 5)));
        ConvertedObject index = new ConvertedObject("hr", "regions_ix", "INDEX", ObjectStatus.AUTO, true, "hr_create.sql", 20,
                "CREATE INDEX regions_ix ON regions (region_name);", "CREATE INDEX regions_ix ON hr.regions (region_name)",
                DeployPhase.POST_LOAD, List.of("TABLE:hr.regions"), List.of());
        ConvertedObject routine = new ConvertedObject("hr", "secure_dml", "ROUTINE", ObjectStatus.MANUAL, false, "hr_code.sql", 30,
                ROUTINE_SRC, ROUTINE_PG, DeployPhase.POST_LOAD, List.of(), List.of(
                new ActionItem("ORA-PG-0504", Severity.HIGH, "SYSDATE became LOCALTIMESTAMP(0)", "Check the time zone", 32, 15, 30),
                new ActionItem("ORA-PG-0900", Severity.CRITICAL, "Deploying routine secure_dml failed: boom", "Fix it", 30, 0, 60)));
        ConversionResult c = new ConversionResult(Engine.ORACLE, Engine.POSTGRESQL, List.of(table, index, routine),
                List.of(table.key(), index.key(), routine.key()));
        return new AssessmentReport(c, Instant.parse("2026-01-01T00:00:00Z"), "test", "/scripts/hr", "hr",
                List.of("hr_create.sql", "hr_code.sql"), 40, null, new AssessmentReport.Verification("reparse", null, 2, 1), List.of());
    }

    FakeAssessmentService service;
    RecordingDialogs dialogs;
    List<String> browsed;
    AssessmentViewModel vm;

    @BeforeEach
    void setUp() {
        service = new FakeAssessmentService(report());
        dialogs = new RecordingDialogs();
        browsed = new ArrayList<>();
        vm = new AssessmentViewModel(new CurrentThreadTaskExecutor(), service, dialogs, browsed::add, List::of);
    }

    void assessed() {
        vm.sourcePathProperty().set("/scripts/hr");
        vm.outputFolderProperty().set("/tmp/out");
        vm.assess();
    }

    static List<String> labels(AssessmentNode n) {
        List<String> out = new ArrayList<>();
        out.add(n.label());
        n.children().forEach(c -> out.addAll(labels(c).stream().map(s -> "  " + s).toList()));
        return out;
    }

    @Test
    void anAssessmentFillsTheTreeAndWritesTheReports() {
        assertThat(vm.emptyTextProperty().get()).contains("press Assess");
        assessed();
        assertThat(service.runs).hasSize(1);
        assertThat(service.runs.get(0).sourceEngine()).isEqualTo(Engine.ORACLE);
        assertThat(service.exports).containsExactly("ALL|/tmp/out");
        assertThat(service.savedEdits).containsEntry(Path.of("/tmp/out"), Map.of());
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.progressProperty().get()).isEqualTo("Assessed 3 objects: 66.7% automatic, 1.6 h of manual work. Reports in /tmp/out.");
        assertThat(labels(vm.treeProperty().get())).containsExactly("Oracle → PostgreSQL", "  hr", "    Tables (1)", "      regions",
                "    Indexes (1)", "      regions_ix", "    Routines (1)", "      secure_dml");
        assertThat(vm.treeProperty().get().children().get(0).status()).as("a schema shows its worst status").isEqualTo(ObjectStatus.MANUAL);
        assertThat(vm.emptyTextProperty().get()).isEmpty();
    }

    @Test
    void filtersByStatusSeverityAndText() {
        assessed();
        vm.statusFilterProperty().set(ObjectStatus.MANUAL);
        assertThat(labels(vm.treeProperty().get())).containsExactly("Oracle → PostgreSQL", "  hr", "    Routines (1)", "      secure_dml");
        vm.statusFilterProperty().set(null);
        vm.severityFilterProperty().set(Severity.LOW);
        assertThat(vm.treeProperty().get().objectCount()).as("LOW or worse: the table and the routine").isEqualTo(2);
        vm.severityFilterProperty().set(Severity.CRITICAL);
        assertThat(vm.treeProperty().get().objectCount()).isEqualTo(1);
        vm.severityFilterProperty().set(null);
        vm.textFilterProperty().set("numeric");
        assertThat(labels(vm.treeProperty().get())).containsExactly("Oracle → PostgreSQL", "  hr", "    Tables (1)", "      regions");
        vm.textFilterProperty().set("nothing-like-this");
        assertThat(vm.emptyTextProperty().get()).isEqualTo("No object matches the filters.");
    }

    @Test
    void selectingAnObjectShowsBothTextsAndItsActionItemLines() {
        assessed();
        vm.select("ROUTINE:hr.secure_dml");
        assertThat(vm.detailTitleProperty().get()).isEqualTo("Routine hr.secure_dml");
        assertThat(vm.detailStatusProperty().get()).isEqualTo("MANUAL, not verified · hr_code.sql:30 · 90 min");
        assertThat(vm.sourceTextProperty().get().firstLine()).isEqualTo(30);
        assertThat(vm.convertedTextProperty().get()).isEqualTo(ROUTINE_PG);
        assertThat(vm.actionItems()).extracting(ActionItem::code).containsExactly("ORA-PG-0504", "ORA-PG-0900");
        assertThat(vm.sourceMarks()).containsExactly(0, 2);
        assertThat(vm.convertedMarks()).contains(2);

        vm.jumpTo(vm.actionItems().get(0));
        AssessmentViewModel.Jump j = vm.jumpProperty().get();
        assertThat(ROUTINE_SRC.split("\n")[j.sourceParagraph()]).contains("SYSDATE");
        assertThat(ROUTINE_PG.split("\n")[j.convertedParagraph()]).contains("LOCALTIMESTAMP(0)");
        vm.jumpTo(vm.actionItems().get(0));
        assertThat(vm.jumpProperty().get()).as("jumping twice to the same item is a new jump").isNotEqualTo(j);

        vm.select("TABLE:hr.regions");
        vm.jumpTo(vm.actionItems().get(0));
        assertThat(TABLE_SRC.split("\n")[vm.jumpProperty().get().sourceParagraph()]).contains("region_id NUMBER");
        assertThat(TABLE_PG.split("\n")[vm.jumpProperty().get().convertedParagraph()]).contains("region_id numeric");
    }

    @Test
    void anEditIsReparsedStoredAndOnlyVerifiedOnDemand() {
        assessed();
        vm.select("TABLE:hr.regions");
        vm.convertedEdited("CREATE TABLE hr.regions (\n  region_id numeric(10) NOT NULL,\n  region_name varchar(25)\n  oops\n)");
        assertThat(vm.parseStatusProperty().get()).isEqualTo("Edited; checking…");
        vm.reparseNow();
        assertThat(vm.parseOkProperty().get()).isFalse();
        assertThat(vm.parseStatusProperty().get()).startsWith("Line 4:");
        assertThat(vm.errorMarks()).containsExactly(3);
        ConvertedObject edited = vm.reportProperty().get().conversion().object("TABLE:hr.regions").orElseThrow();
        assertThat(edited.status()).isEqualTo(ObjectStatus.MANUAL);
        assertThat(EditedObjects.isEdited(edited)).isTrue();
        assertThat(service.savedEdits.get(Path.of("/tmp/out"))).containsOnlyKeys("TABLE:hr.regions");
        assertThat(vm.selectedEditedProperty().get()).isTrue();

        String good = "CREATE TABLE hr.regions (\n  region_id numeric(10) NOT NULL,\n  region_name varchar(25)\n)";
        vm.convertedEdited(good);
        vm.reparseNow();
        assertThat(vm.parseOkProperty().get()).isTrue();
        assertThat(vm.errorMarks()).isEmpty();
        assertThat(vm.reportProperty().get().conversion().object("TABLE:hr.regions").orElseThrow().status())
                .as("parsing is not verifying").isEqualTo(ObjectStatus.MANUAL);
        assertThat(vm.detailStatusProperty().get()).startsWith("MANUAL, not verified, EDITED");

        vm.verifySelected();
        assertThat(service.verified).containsExactly("TABLE:hr.regions");
        ConvertedObject verified = vm.reportProperty().get().conversion().object("TABLE:hr.regions").orElseThrow();
        assertThat(verified.status()).as("the old LOW item still applies").isEqualTo(ObjectStatus.AUTO_WITH_WARNINGS);
        assertThat(verified.convertedSql()).isEqualTo(good);
        assertThat(vm.parseStatusProperty().get()).startsWith("Verified");
        assertThat(labels(vm.treeProperty().get())).contains("      regions");
        assertThat(vm.treeProperty().get().children().get(0).children().get(0).children().get(0).edited()).isTrue();

        vm.convertedEdited(good + " BROKEN");
        vm.verifySelected();
        assertThat(vm.reportProperty().get().conversion().object("TABLE:hr.regions").orElseThrow().status()).isEqualTo(ObjectStatus.MANUAL);
        assertThat(vm.parseStatusProperty().get()).contains("relation \"broken\" does not exist");

        vm.revertSelected();
        ConvertedObject back = vm.reportProperty().get().conversion().object("TABLE:hr.regions").orElseThrow();
        assertThat(back.convertedSql()).isEqualTo(TABLE_PG);
        assertThat(EditedObjects.isEdited(back)).isFalse();
        assertThat(vm.edits()).isEmpty();
        assertThat(service.savedEdits.get(Path.of("/tmp/out"))).isEmpty();
    }

    @Test
    void reportsAreWrittenWithTheEditsAndTheHtmlOpensInTheBrowser() {
        assessed();
        vm.openHtmlReport();
        assertThat(service.exports).containsExactly("ALL|/tmp/out", "HTML|/tmp/out");
        assertThat(browsed).containsExactly(Path.of("/tmp/out/assessment.html").toUri().toString());
        vm.exportPdf();
        vm.exportCsv();
        assertThat(service.exports).endsWith("PDF|/tmp/out", "CSV|/tmp/out");
    }

    @Test
    void printingWritesThePdfAndHandsItToThePrinterInTheBackground() {
        assessed();
        java.util.List<Path> printed = new java.util.ArrayList<>();
        vm.setPrinter(pdf -> {
            printed.add(pdf);
            return true;
        });
        vm.printReport();
        assertThat(service.exports).endsWith("PDF|/tmp/out");
        assertThat(printed).containsExactly(Path.of("/tmp/out").resolve("pdf")); // the fake names the PDF "pdf"
        assertThat(vm.progressProperty().get()).isEqualTo("Sent the report to the printer.");

        vm.setPrinter(pdf -> false); // the user cancelled the system dialog
        vm.printReport();
        assertThat(vm.progressProperty().get()).isEqualTo("Printing cancelled.");

        vm.setPrinter(pdf -> {
            throw new IllegalStateException("no printer is installed on this system; the PDF report is " + pdf);
        });
        vm.printReport();
        assertThat(dialogs.shown).last().asString()
                .isEqualTo("error|Cannot print the report|no printer is installed on this system; the PDF report is /tmp/out/pdf");
        assertThat(dialogs.causes).last().isInstanceOf(IllegalStateException.class);
    }

    @Test
    void awtPrinterRefusesClearlyWithoutADesktopOrAPrinter() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.awt.GraphicsEnvironment.isHeadless()
                        || javax.print.PrintServiceLookup.lookupPrintServices(null, null).length == 0,
                "a desktop with a printer: the real print dialog would open");
        Path pdf = java.nio.file.Files.createTempFile("ferry-print", ".pdf");
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AwtReportPrinter().print(pdf))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(pdf.toString())
                    .hasMessageMatching("(?s)(printing needs a desktop session|no printer is installed).*");
        } finally {
            java.nio.file.Files.deleteIfExists(pdf);
        }
    }

    @Test
    void openingAFolderRestoresItsEdits() {
        service.storedEdits = Map.of("INDEX:hr.regions_ix", "CREATE INDEX regions_ix ON hr.regions (lower(region_name))");
        vm.open(Path.of("/tmp/earlier"));
        assertThat(vm.outputFolderProperty().get()).isEqualTo("/tmp/earlier");
        ConvertedObject ix = vm.reportProperty().get().conversion().object("INDEX:hr.regions_ix").orElseThrow();
        assertThat(ix.convertedSql()).contains("lower(region_name)");
        assertThat(ix.status()).as("a stored edit is verified again on demand").isEqualTo(ObjectStatus.MANUAL);
        assertThat(vm.progressProperty().get()).isEqualTo("Opened /tmp/earlier: 3 objects, 1 edited by hand.");
    }

    @Test
    void aFailedAssessmentShowsTheReason() {
        vm.sourcePathProperty().set("/scripts/missing");
        vm.assess();
        assertThat(dialogs.shown).containsExactly("error|The assessment failed|/scripts/missing: no such file or folder");
        assertThat(vm.reportProperty().get()).isNull();
        vm.sourcePathProperty().set("  ");
        vm.assess();
        assertThat(dialogs.shown).hasSize(2).last().asString().startsWith("error|No scripts chosen");
    }

    @Test
    void typeRulesAreEditedInTheFormAndRefusedWithTheFieldWhenInvalid() {
        TypeMappingRule existing = new TypeMappingRule(TypeMappingRule.Scope.PROJECT, null, null, null, "date", null, null, null,
                "timestamp(0)", List.of());
        vm = new AssessmentViewModel(new CurrentThreadTaskExecutor(), service, dialogs, browsed::add, () -> List.of(existing));
        TypeRulesEditor ed = vm.typeRules();
        assertThat(ed.rules()).containsExactly(existing);
        ed.scopeProperty().set(TypeMappingRule.Scope.COLUMN);
        ed.schemaProperty().set("HR");
        ed.tableProperty().set("REGIONS");
        ed.sourceTypeProperty().set("number");
        ed.targetTypeProperty().set("integer");
        assertThat(ed.add()).isFalse();
        assertThat(ed.errorProperty().get()).isEqualTo("A column rule needs a column.");
        ed.columnProperty().set("REGION_ID");
        ed.precisionProperty().set("9..1");
        assertThat(ed.add()).isFalse();
        assertThat(ed.errorProperty().get()).isEqualTo("Precision: 9 is more than 1.");
        ed.precisionProperty().set("1..9");
        ed.scaleProperty().set("0");
        ed.transformationsProperty().set("trim, shout");
        assertThat(ed.add()).isFalse();
        assertThat(ed.errorProperty().get()).startsWith("Transformations: 'shout' is not one of trim, rtrim, empty-to-null");
        ed.transformationsProperty().set("trim");
        assertThat(ed.add()).isTrue();
        assertThat(ed.rules()).hasSize(2);
        TypeMappingRule added = ed.rules().get(1);
        assertThat(added.where()).isEqualTo("column HR.REGIONS.REGION_ID");
        assertThat(TypeRulesEditor.describeSource(added)).isEqualTo("number precision 1..9 scale 0");
        assertThat(TypeRulesEditor.describeTransformations(added)).isEqualTo("trim");
        assertThat(added.matches("NUMBER", null, 5, 0)).isTrue();
        assertThat(added.matches("NUMBER", null, 12, 0)).isFalse();
        assertThat(ed.changedProperty().get()).isTrue();

        ed.select(0);
        assertThat(ed.targetTypeProperty().get()).isEqualTo("timestamp(0)");
        ed.targetTypeProperty().set("timestamp(3)");
        assertThat(ed.update()).isTrue();
        assertThat(ed.rules().get(0).targetType()).isEqualTo("timestamp(3)");
        assertThat(ed.remove()).isTrue();
        assertThat(ed.rules()).containsExactly(added);
        assertThat(ed.selectedProperty().get()).isEqualTo(-1);
        assertThat(ed.remove()).isFalse();
        assertThat(ed.errorProperty().get()).isEqualTo("Select the rule to remove.");
    }

    @Test
    void applyingRulesStoresThemAndReconvertsTheAffectedObjectsInTheBackground() {
        List<List<TypeMappingRule>> saved = new ArrayList<>();
        vm = new AssessmentViewModel(new CurrentThreadTaskExecutor(), service, dialogs, browsed::add, List::of, saved::add);
        TypeRulesEditor ed = vm.typeRules();
        // without an assessment, Apply only stores the rules
        ed.scopeProperty().set(TypeMappingRule.Scope.TABLE);
        ed.schemaProperty().set("HR");
        ed.tableProperty().set("REGIONS");
        ed.sourceTypeProperty().set("number");
        ed.targetTypeProperty().set("bigint");
        assertThat(ed.add()).isTrue();
        vm.applyTypeRules();
        assertThat(saved).hasSize(1);
        assertThat(saved.get(0)).hasSize(1);
        assertThat(service.reconversions).isEmpty();
        assertThat(vm.progressProperty().get()).startsWith("Type mappings stored in the project (1 rules)");

        assessed();
        String tableKey = "TABLE:hr.regions";
        vm.select(tableKey);
        assertThat(vm.convertedTextProperty().get()).isEqualTo(TABLE_PG);
        // the converter (faked) re-converts the table with the new rule
        AssessmentReport before = service.report;
        String newSql = TABLE_PG.replace("region_id numeric", "region_id integer");
        List<ConvertedObject> objects = before.conversion().objects().stream().map(o -> !o.key().equals(tableKey) ? o
                : new ConvertedObject(o.schema(), o.name(), o.type(), ObjectStatus.AUTO, true, o.sourceFile(), o.sourceLine(),
                o.sourceText(), newSql, o.deployPhase(), o.dependsOn(), List.of())).toList();
        AssessmentReport after = new AssessmentReport(new ConversionResult(Engine.ORACLE, Engine.POSTGRESQL, objects,
                before.conversion().deployOrder()), before.generatedAt(), "test", before.sourceDescription(), before.targetSchema(),
                before.files(), before.linesOfCode(), null, before.verification(), List.of());
        service.reconverted = new dev.ferry.app.assess.ScriptAssessments.Reconverted(after, java.util.Set.of("REGIONS"),
                java.util.Set.of(tableKey, "INDEX:hr.regions_ix"));
        ed.select(0);
        ed.targetTypeProperty().set("integer");
        assertThat(ed.update()).isTrue();
        vm.applyTypeRules();
        assertThat(service.reconversions).hasSize(2);
        assertThat(service.reconversions.get(0)).extracting(TypeMappingRule::targetType).containsExactly("bigint");
        assertThat(service.reconversions.get(1)).extracting(TypeMappingRule::targetType).containsExactly("integer");
        assertThat(saved).hasSize(2);
        assertThat(saved.get(1)).extracting(TypeMappingRule::targetType).containsExactly("integer");
        assertThat(vm.reconvertingProperty().get()).isFalse();
        assertThat(vm.convertedTextProperty().get()).as("the selected object's pane shows the new conversion").isEqualTo(newSql);
        assertThat(vm.detailStatusProperty().get()).startsWith("AUTO, verified");
        assertThat(vm.actionItems()).isEmpty();
        assertThat(vm.reportProperty().get().conversion().object(tableKey).orElseThrow().convertedSql()).isEqualTo(newSql);
        assertThat(vm.progressProperty().get()).isEqualTo("Re-converted 2 object(s) of 1 table(s) (REGIONS). Save reports rewrites the folder.");
        assertThat(ed.changedProperty().get()).isFalse();
    }
}
