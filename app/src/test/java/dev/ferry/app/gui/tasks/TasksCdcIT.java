package dev.ferry.app.gui.tasks;

import dev.ferry.app.config.RecentProject;
import dev.ferry.app.gui.WorkbenchApp;
import dev.ferry.app.gui.catalog.EngineCatalogLoading;
import dev.ferry.app.gui.fakes.FakeAssessmentService;
import dev.ferry.app.gui.fakes.FakeEndpointTesting;
import dev.ferry.app.gui.fakes.FakeSecretStore;
import dev.ferry.app.gui.fakes.MemoryRecentProjects;
import dev.ferry.app.gui.fakes.RecordingDialogs;
import dev.ferry.app.gui.task.ThreadPoolTaskExecutor;
import dev.ferry.app.gui.welcome.WelcomeViewModel;
import dev.ferry.app.gui.workbench.WindowStateStore;
import dev.ferry.app.gui.workbench.WorkbenchServices;
import dev.ferry.model.project.EndpointConfig;
import dev.ferry.model.project.Project;
import dev.ferry.model.project.ProjectFiles;
import dev.ferry.model.project.SelectionRule;
import dev.ferry.model.project.TableMappings;
import dev.ferry.model.project.TaskConfig;
import dev.ferry.model.project.TaskSettings;
import dev.ferry.model.project.TaskType;
import dev.ferry.model.project.TlsMode;
import dev.ferry.model.schema.Engine;
import dev.ferry.testsupport.TestDatabases;
import dev.ferry.testsupport.TestServer;
import javafx.application.Platform;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Drives the real window (headless Monocle) through a PostgreSQL → PostgreSQL {@code cdc} task on the embedded test
 * PostgreSQL: Start in the Tasks section streams from "now" (replication slot {@code ferry_<task>}); a row inserted on
 * the source then shows as an applied change, as one insert in the table's grid row, and reaches the target; Stop
 * ends the stream and the slot is dropped afterwards.
 */
@ExtendWith(ApplicationExtension.class)
class TasksCdcIT {

    static final String PW_ENV = "GUIMON_CDC_IT_PW";
    static final String TASK = "guimon_gui_cdc";

    @TempDir
    static Path dir;

    static TestServer pg;
    static String src;
    static String dst;
    static Path projectFile;

    private ThreadPoolTaskExecutor executor;
    private WelcomeViewModel welcome;
    private Stage stage;

    @BeforeAll
    static void databases() throws Exception {
        pg = TestDatabases.postgres();
        src = pg.createDatabase("guimon_cdc_src");
        dst = pg.createDatabase("guimon_cdc_dst");
        String ddl = "CREATE TABLE accounts (id bigint PRIMARY KEY, v text)";
        pg.execute(src, ddl, "INSERT INTO accounts VALUES (1, 'before')");
        pg.execute(dst, ddl, "INSERT INTO accounts VALUES (1, 'before')");
        TaskSettings settings = new TaskSettings(2, 2000, TaskSettings.PrepMode.DO_NOTHING, TaskSettings.LobMode.LIMITED, 32, 64,
                TaskSettings.ErrorPolicy.DEFAULTS, false, null, null, false);
        Project p = Project.empty("gui-cdc").withEndpoint(endpoint("src", src)).withEndpoint(endpoint("dst", dst))
                .withTableMappings(new TableMappings(List.of(SelectionRule.include("1", "public", "%"))))
                .withTask(new TaskConfig(TASK, TaskType.CDC, "src", "dst", settings));
        projectFile = dir.resolve("cdc.ferry.json");
        ProjectFiles.save(p, projectFile);
    }

    static EndpointConfig endpoint(String name, String db) {
        return new EndpointConfig(name, Engine.POSTGRESQL, pg.host(), pg.port(), db, pg.user(), null,
                pg.password().isEmpty() ? null : PW_ENV, TlsMode.DISABLE, null, null, null);
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        WorkbenchApp.applyTheme();
        executor = new ThreadPoolTaskExecutor(2, Platform::runLater);
        MemoryRecentProjects recent = new MemoryRecentProjects();
        recent.entries.add(new RecentProject(projectFile, Instant.now()));
        RecordingDialogs dialogs = new RecordingDialogs();
        WorkbenchServices services = new WorkbenchServices(executor, dialogs, FakeSecretStore::new,
                k -> PW_ENV.equals(k) ? pg.password() : null, new FakeEndpointTesting(), new EngineCatalogLoading(),
                new WindowStateStore(dir.resolve("config/window.properties")), new FakeAssessmentService(null), uri -> { });
        welcome = new WelcomeViewModel(recent, executor, dialogs);
        WorkbenchApp.install(stage, welcome, services);
        stage.show();
        welcome.refresh();
    }

    @AfterEach
    void stop() throws Exception {
        executor.close();
        org.testfx.api.FxToolkit.setupFixture(() -> stage.titleProperty().unbind());
        // the slot outlives the test server's databases otherwise; it is inactive once the stream stopped
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            try (Connection c = pg.connect(src); Statement st = c.createStatement()) {
                st.execute("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = 'ferry_"
                        + TASK + "'");
            }
            return true;
        });
    }

    @Test
    void aRowWrittenOnTheSourceMovesTheAppliedCounterAndTheTablesInsertCount(FxRobot robot) throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> robot.lookup("cdc.ferry.json").tryQuery().isPresent());
        RecentProject recentProject = welcome.recentProjects().get(0);
        robot.interact(() -> welcome.open(recentProject));
        await().atMost(Duration.ofSeconds(30)).until(() -> robot.lookup("#workbenchRoot").tryQuery().isPresent());
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        Label state = robot.lookup("#stateLabel").queryAs(Label.class);
        TableView<TableLoadRow> grid = robot.lookup("#grid").queryTableView();

        robot.clickOn("#startButton");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> state.getText().startsWith("Streaming changes (STREAMING)"));
        Label applied = robot.lookup("#appliedLabel").queryAs(Label.class);
        assertThat(applied.isVisible()).as("the CDC pane is shown").isTrue();
        assertThat(applied.getText()).startsWith("Applied 0 of ");

        pg.execute(src, "INSERT INTO accounts VALUES (2, 'streamed')");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> applied.getText().startsWith("Applied 1 of "));
        await().atMost(Duration.ofSeconds(10)).until(() -> grid.getItems().stream()
                .anyMatch(r -> r.tableProperty().get().equals("public.accounts") && "1".equals(r.insertsProperty().get())));
        TableLoadRow row = grid.getItems().stream().filter(r -> r.tableProperty().get().equals("public.accounts")).findFirst().orElseThrow();
        assertThat(row.updatesProperty().get()).isEqualTo("0");
        assertThat(row.stateProperty().get()).isEqualTo("STREAMING");
        await().atMost(Duration.ofSeconds(10)).until(() -> robot.lookup("#overallLabel").queryAs(Label.class).getText()
                .equals("Change data capture only: no full load · 1 table(s) with changes"));
        assertThat(row.deletesProperty().get()).isEqualTo("0");
        assertThat(grid.getColumns().stream().filter(c -> c.getText().equals("Inserts")).findFirst().orElseThrow().isVisible()).isTrue();
        try (Connection c = pg.connect(dst); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT v FROM accounts WHERE id = 2")) {
            assertThat(rs.next()).as("the change reached the target").isTrue();
            assertThat(rs.getString(1)).isEqualTo("streamed");
        }
        @SuppressWarnings("unchecked")
        LineChart<Number, Number> rates = robot.lookup("#ratesChart").queryAs(LineChart.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> rates.getData().get(1).getData().stream()
                .anyMatch(d -> d.getYValue().doubleValue() > 0));
        assertThat(robot.lookup("#queueLabel").queryAs(Label.class).getText()).endsWith(" of 10,000 events");
        dev.ferry.app.gui.fakes.Screenshots.write(grid.getScene(), Path.of("target", "screenshots", "tasks-cdc.png"));

        robot.clickOn("#stopButton");
        await().atMost(Duration.ofSeconds(30)).until(() -> state.getText().startsWith("Stopped."));
        assertThat(robot.lookup("#resumeButton").queryButton().isDisabled()).isFalse();
    }

}
