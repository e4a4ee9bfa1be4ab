package dev.ferry.app.gui.assessment;

import dev.ferry.app.config.RecentProject;
import dev.ferry.app.gui.WorkbenchApp;
import dev.ferry.app.gui.catalog.EngineCatalogLoading;
import dev.ferry.app.gui.fakes.FakeEndpointTesting;
import dev.ferry.app.gui.fakes.FakeSecretStore;
import dev.ferry.app.gui.fakes.MemoryRecentProjects;
import dev.ferry.app.gui.fakes.RecordingDialogs;
import dev.ferry.app.gui.task.ThreadPoolTaskExecutor;
import dev.ferry.app.gui.welcome.WelcomeViewModel;
import dev.ferry.app.gui.workbench.WindowStateStore;
import dev.ferry.app.gui.workbench.WorkbenchServices;
import dev.ferry.converter.report.PageSize;
import dev.ferry.model.project.Project;
import dev.ferry.model.project.ProjectFiles;
import dev.ferry.model.project.TypeMappingRule;
import dev.ferry.testsupport.RequiresCorpus;
import dev.ferry.testsupport.TestDatabases;
import dev.ferry.testsupport.TestServer;
import javafx.application.Platform;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Drives the real window (headless Monocle): assesses the Oracle HR sample scripts, then adds a table-scoped type rule
 * (HR.REGIONS: number → bigint) in the Type mappings tab and applies it: the table is re-converted in the background,
 * its converted DDL in the code pane changes, an unaffected table keeps its DDL, and Ctrl+S stores the rule in the
 * project file.
 */
@ExtendWith(ApplicationExtension.class)
@RequiresCorpus
class AssessmentTypeRulesIT {

    @TempDir
    static Path dir;

    private ThreadPoolTaskExecutor executor;
    private WelcomeViewModel welcome;
    private Stage stage;
    private Path project;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        WorkbenchApp.applyTheme();
        executor = new ThreadPoolTaskExecutor(2, Platform::runLater);
        project = dir.resolve("rules.ferry.json");
        ProjectFiles.save(Project.empty("rules"), project);
        MemoryRecentProjects recent = new MemoryRecentProjects();
        recent.entries.add(new RecentProject(project, Instant.now()));
        RecordingDialogs dialogs = new RecordingDialogs();
        TestServer pg = TestDatabases.postgres();
        String scratchDb = pg.createDatabase("guimon_rules_scratch");
        WorkbenchServices services = new WorkbenchServices(executor, dialogs, FakeSecretStore::new, k -> null,
                new FakeEndpointTesting(), new EngineCatalogLoading(), new WindowStateStore(dir.resolve("config/window.properties")),
                new ConverterAssessmentService(() -> pg.connect(scratchDb), PageSize.A4), uri -> { });
        welcome = new WelcomeViewModel(recent, executor, dialogs);
        WorkbenchApp.install(stage, welcome, services);
        stage.show();
        welcome.refresh();
    }

    @AfterEach
    void stop() throws Exception {
        executor.close();
        org.testfx.api.FxToolkit.setupFixture(() -> stage.titleProperty().unbind());
    }

    @Test
    void aChangedRuleReconvertsTheAffectedTableAndIsSavedInTheProject(FxRobot robot) throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> robot.lookup("rules.ferry.json").tryQuery().isPresent());
        RecentProject recentProject = welcome.recentProjects().get(0);
        robot.interact(() -> welcome.open(recentProject));
        await().atMost(Duration.ofSeconds(30)).until(() -> robot.lookup("#workbenchRoot").tryQuery().isPresent());
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        Path hr = TestDatabases.corpus().orElseThrow().resolve("oracle-sample-schemas/human_resources");
        robot.interact(() -> {
            robot.lookup("#sourceField").queryAs(TextField.class).setText(hr.toString());
            robot.lookup("#outputField").queryAs(TextField.class).setText(dir.resolve("hr-assessment").toString());
        });
        robot.clickOn("#assessButton");
        @SuppressWarnings("unchecked")
        TreeView<AssessmentNode> tree = robot.lookup("#tree").queryAs(TreeView.class);
        await().atMost(Duration.ofSeconds(90)).until(() -> AssessmentViewIT.find(tree.getRoot(), "regions").isPresent());
        Label progress = robot.lookup("#progressLabel").queryAs(Label.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> progress.getText().startsWith("Assessed "));

        CodeArea converted = robot.lookup("#convertedArea").queryAs(CodeArea.class);
        robot.interact(() -> tree.getSelectionModel().select(AssessmentViewIT.find(tree.getRoot(), "countries").orElseThrow()));
        await().atMost(Duration.ofSeconds(10)).until(() -> converted.getText().contains("CREATE TABLE hr.countries"));
        String countries = converted.getText();
        robot.interact(() -> tree.getSelectionModel().select(AssessmentViewIT.find(tree.getRoot(), "regions").orElseThrow()));
        await().atMost(Duration.ofSeconds(10)).until(() -> converted.getText().contains("CREATE TABLE hr.regions"));
        String before = converted.getText();
        assertThat(before).doesNotContain("bigint");

        // the Type mappings tab: a table rule HR.REGIONS number → bigint
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(t -> t.getText().equals("Type mappings")).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ComboBox<TypeMappingRule.Scope> scope = robot.lookup("#ruleScopeBox").queryAs(ComboBox.class);
        robot.interact(() -> scope.setValue(TypeMappingRule.Scope.TABLE));
        robot.clickOn("#ruleSchemaField").write("HR");
        robot.clickOn("#ruleTableField").write("REGIONS");
        robot.clickOn("#ruleSourceTypeField").write("number");
        robot.clickOn("#ruleAddButton");
        assertThat(robot.lookup("#ruleErrorLabel").queryAs(Label.class).getText()).as("a rule needs a target type")
                .startsWith("Target type:");
        robot.clickOn("#ruleTargetTypeField").write("bigint");
        robot.clickOn("#ruleAddButton");
        TableView<TypeMappingRule> rules = robot.lookup("#rulesTable").queryTableView();
        assertThat(rules.getItems()).hasSize(1);
        assertThat(TypeRulesEditor.describeScope(rules.getItems().get(0))).isEqualTo("table HR.REGIONS");
        robot.interact(() -> rules.getSelectionModel().select(0));
        dev.ferry.app.gui.fakes.Screenshots.write(rules.getScene(), Path.of("target", "screenshots", "assessment-type-mappings.png"));
        robot.clickOn("#ruleApplyButton");

        await().atMost(Duration.ofSeconds(60)).until(() -> progress.getText().startsWith("Re-converted "));
        assertThat(progress.getText()).contains("(REGIONS)");
        robot.interact(() -> tabs.getSelectionModel().select(tabs.getTabs().stream()
                .filter(t -> t.getText().equals("Objects")).findFirst().orElseThrow()));
        await().atMost(Duration.ofSeconds(10)).until(() -> converted.getText().contains("bigint"));
        assertThat(converted.getText()).as("the converted DDL of the affected table changed").isNotEqualTo(before)
                .contains("CREATE TABLE hr.regions");
        robot.interact(() -> tree.getSelectionModel().select(AssessmentViewIT.find(tree.getRoot(), "countries").orElseThrow()));
        await().atMost(Duration.ofSeconds(10)).until(() -> converted.getText().contains("CREATE TABLE hr.countries"));
        assertThat(converted.getText()).as("a table the rule does not touch").isEqualTo(countries);

        // stored in the project: Ctrl+S writes the file
        assertThat(robot.lookup("#dirtyLabel").queryAs(Label.class).isVisible()).isTrue();
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        await().atMost(Duration.ofSeconds(10)).until(() -> ProjectFiles.load(project).typeMappings().size() == 1);
        TypeMappingRule saved = ProjectFiles.load(project).typeMappings().get(0);
        assertThat(saved.targetType()).isEqualTo("bigint");
        assertThat(saved.where()).isEqualTo("table HR.REGIONS");
    }

}
