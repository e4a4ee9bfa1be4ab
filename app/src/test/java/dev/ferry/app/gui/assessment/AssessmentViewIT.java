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
import dev.ferry.converter.assess.ActionItem;
import dev.ferry.converter.report.PageSize;
import dev.ferry.model.project.Project;
import dev.ferry.model.project.ProjectFiles;
import dev.ferry.testsupport.RequiresCorpus;
import dev.ferry.testsupport.TestDatabases;
import dev.ferry.testsupport.TestServer;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Drives the real window (headless Monocle): assesses the Oracle HR sample scripts, opens a routine with action items,
 * clicks an item and checks both code panes show its line, then edits a table's converted SQL and verifies it by
 * deploying into a scratch database of the embedded test PostgreSQL.
 */
@ExtendWith(ApplicationExtension.class)
@RequiresCorpus
class AssessmentViewIT {

    @TempDir
    static Path dir;

    private ThreadPoolTaskExecutor executor;
    private WelcomeViewModel welcome;
    private Stage stage;
    private final List<String> browsed = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        WorkbenchApp.applyTheme();
        executor = new ThreadPoolTaskExecutor(2, Platform::runLater);
        Path project = dir.resolve("hr.ferry.json");
        ProjectFiles.save(Project.empty("hr"), project);
        MemoryRecentProjects recent = new MemoryRecentProjects();
        recent.entries.add(new RecentProject(project, Instant.now()));
        RecordingDialogs dialogs = new RecordingDialogs();
        TestServer pg = TestDatabases.postgres();
        String scratchDb = pg.createDatabase("gui_scratch");
        WorkbenchServices services = new WorkbenchServices(executor, dialogs, FakeSecretStore::new, k -> null,
                new FakeEndpointTesting(), new EngineCatalogLoading(), new WindowStateStore(dir.resolve("config/window.properties")),
                new ConverterAssessmentService(() -> pg.connect(scratchDb), PageSize.A4), browsed::add);
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
    void assessesTheHrScriptsAndShowsAnActionItemInBothPanes(FxRobot robot) throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> robot.lookup("hr.ferry.json").tryQuery().isPresent());
        // open the recent project as a double-click does (a double-click can split in two clicks on a loaded host)
        RecentProject recentProject = welcome.recentProjects().get(0);
        robot.interact(() -> welcome.open(recentProject));
        await().atMost(Duration.ofSeconds(30)).until(() -> robot.lookup("#workbenchRoot").tryQuery().isPresent());
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        Path hr = TestDatabases.corpus().orElseThrow().resolve("oracle-sample-schemas/human_resources");
        Path out = dir.resolve("hr-assessment");
        robot.interact(() -> {
            robot.lookup("#sourceField").queryAs(TextField.class).setText(hr.toString());
            robot.lookup("#outputField").queryAs(TextField.class).setText(out.toString());
        });
        robot.clickOn("#assessButton");
        TreeView<AssessmentNode> tree = robot.lookup("#tree").queryAs(TreeView.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> find(tree.getRoot(), "secure_dml").isPresent());
        assertThat(Files.exists(out.resolve("assessment.json"))).isTrue();
        Label progress = robot.lookup("#progressLabel").queryAs(Label.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> progress.getText().startsWith("Assessed 47 objects: 100.0% automatic"));

        robot.interact(() -> tree.getSelectionModel().select(find(tree.getRoot(), "secure_dml").orElseThrow()));
        CodeArea source = robot.lookup("#sourceArea").queryAs(CodeArea.class);
        CodeArea converted = robot.lookup("#convertedArea").queryAs(CodeArea.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> source.getText().contains("SECURE_DML") || source.getText().contains("secure_dml"));
        assertThat(converted.getText()).contains("LOCALTIMESTAMP(0)");
        TableView<ActionItem> items = robot.lookup("#itemsTable").queryTableView();
        assertThat(items.getItems()).extracting(ActionItem::code).contains("ORA-PG-0504", "ORA-PG-0601");
        ActionItem sysdate = items.getItems().stream().filter(i -> i.code().equals("ORA-PG-0504")).findFirst().orElseThrow();

        robot.clickOn(robot.lookup(".table-row-cell").nth(items.getItems().indexOf(sysdate)).queryAs(javafx.scene.Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        int sourcePar = source.getCurrentParagraph();
        javafx.scene.layout.HBox gutter = (javafx.scene.layout.HBox) source.getParagraphGraphicFactory().apply(sourcePar);
        assertThat(((Label) gutter.getChildren().get(1)).getText()).as("the gutter shows the file line of the item")
                .isEqualTo(String.valueOf(sysdate.line()));
        assertThat(source.getParagraph(sourcePar).getText()).contains("SYSDATE");
        assertThat(source.getParagraph(sourcePar).getParagraphStyle()).contains("action-line");
        assertThat(converted.getParagraph(converted.getCurrentParagraph()).getText()).contains("LOCALTIMESTAMP(0)");
        assertThat(converted.getSelectedText()).contains("LOCALTIMESTAMP(0)");

        // edit a table's converted SQL: re-parsed while typing, verified by deploying into the scratch database
        robot.interact(() -> tree.getSelectionModel().select(find(tree.getRoot(), "regions").orElseThrow()));
        await().atMost(Duration.ofSeconds(10)).until(() -> converted.getText().contains("CREATE TABLE hr.regions"));
        String original = converted.getText();
        robot.interact(() -> converted.replaceText(original.replace("region_id numeric", "region_id numeric(10)")));
        Label status = robot.lookup("#parseStatusLabel").queryAs(Label.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> status.getText().startsWith("Parses with Ferry's PostgreSQL grammar"));
        robot.clickOn("#verifyButton");
        await().atMost(Duration.ofSeconds(30)).until(() -> status.getText().startsWith("Verified"));
        assertThat(Files.readString(out.resolve("edits.json"))).contains("TABLE:hr.regions").contains("numeric(10)");
        robot.clickOn("#saveReportsButton");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.readString(out.resolve("assessment.json")).contains("FERRY-EDITED"));
        robot.clickOn("#htmlButton");
        await().atMost(Duration.ofSeconds(10)).until(() -> !browsed.isEmpty());
        assertThat(browsed.get(0)).endsWith("hr-assessment/assessment.html");
    }

    static Optional<TreeItem<AssessmentNode>> find(TreeItem<AssessmentNode> item, String label) {
        if (item == null) {
            return Optional.empty();
        }
        if (label.equals(item.getValue().label())) {
            return Optional.of(item);
        }
        for (TreeItem<AssessmentNode> c : new ArrayList<>(item.getChildren())) {
            Optional<TreeItem<AssessmentNode>> f = find(c, label);
            if (f.isPresent()) {
                return f;
            }
        }
        return Optional.empty();
    }
}
