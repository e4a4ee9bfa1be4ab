package dev.ferry.app.gui.deploy;

import dev.ferry.app.cli.FerryCli;
import dev.ferry.app.gui.WorkbenchApp;
import dev.ferry.app.gui.endpoints.PasswordSource;
import dev.ferry.app.gui.fakes.FakeSecretStore;
import dev.ferry.app.gui.fakes.RecordingDialogs;
import dev.ferry.app.gui.fakes.Screenshots;
import dev.ferry.app.gui.task.ThreadPoolTaskExecutor;
import dev.ferry.app.gui.workbench.ProjectSession;
import dev.ferry.engine.deploy.DeployOutcome;
import dev.ferry.model.project.EndpointConfig;
import dev.ferry.model.project.Project;
import dev.ferry.model.project.ProjectFiles;
import dev.ferry.model.project.TlsMode;
import dev.ferry.model.schema.Engine;
import dev.ferry.testsupport.TestDatabases;
import dev.ferry.testsupport.TestServer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Drives the Deploy section (headless Monocle) against the embedded PostgreSQL: a small SQLite database is assessed for
 * PostgreSQL (verified in a scratch database), opened as the project's last assessment, dry-run (nothing created),
 * applied (every object created), and a drifted table is reported by the next dry run and linked back to its object.
 */
@ExtendWith(ApplicationExtension.class)
class DeployViewIT {

    @TempDir
    static Path dir;

    static TestServer pg;
    static String target;
    static Path assessment;

    private ThreadPoolTaskExecutor executor;
    private DeployViewModel vm;
    private final RecordingDialogs dialogs = new RecordingDialogs();

    @BeforeAll
    static void assess() throws Exception {
        pg = TestDatabases.postgres();
        Path sqlite = dir.resolve("music.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + sqlite); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE artist (id INTEGER PRIMARY KEY, name TEXT NOT NULL)");
            st.execute("CREATE TABLE album (id INTEGER PRIMARY KEY, title TEXT NOT NULL, artist_id INTEGER NOT NULL"
                    + " REFERENCES artist (id))");
            st.execute("CREATE INDEX album_artist ON album (artist_id)");
            st.execute("CREATE VIEW album_titles AS SELECT a.title, b.name FROM album a JOIN artist b ON a.artist_id = b.id");
        }
        String verify = pg.createDatabase("guideploy_verify");
        target = pg.createDatabase("guideploy_target");
        assessment = dir.resolve("assessment");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = FerryCli.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute("assess",
                "--source", sqlite.toString(), "--target-engine", "postgresql", "--out", assessment.toString(),
                "--verify-against", "postgresql://" + pg.user() + (pg.password().isEmpty() ? "" : ":" + pg.password()) + "@"
                        + pg.host() + ":" + pg.port() + "/" + verify);
        assertThat(code).as(out + "\n" + err).isZero();
    }

    @Start
    void start(Stage stage) throws Exception {
        WorkbenchApp.applyTheme();
        EndpointConfig warehouse = new EndpointConfig("warehouse", Engine.POSTGRESQL, pg.host(), pg.port(), target, pg.user(),
                null, pg.password().isEmpty() ? null : "GUIDEPLOY_PG_PW", TlsMode.DISABLE, null, null, null);
        Project project = Project.empty("music").withEndpoint(warehouse);
        Path file = dir.resolve("music.ferry.json");
        ProjectFiles.save(project, file);
        executor = new ThreadPoolTaskExecutor(2, Platform::runLater);
        PasswordSource passwords = new PasswordSource(FakeSecretStore::new, k -> "GUIDEPLOY_PG_PW".equals(k) ? pg.password() : null);
        vm = new DeployViewModel(new ProjectSession(project, file), executor, new EngineDeployRunning(passwords), dialogs,
                Platform::runLater, () -> assessment);
        stage.setScene(new Scene(DeployView.create(vm).root(), 1280, 760));
        stage.show();
    }

    @AfterEach
    void stop() {
        executor.close();
    }

    @SuppressWarnings("unchecked")
    @Test
    void deploysTheAssessmentAndLinksDriftBackToItsObject(FxRobot robot) throws Exception {
        javafx.scene.control.ComboBox<dev.ferry.engine.deploy.DeployOptions.TargetPrep> prep =
                robot.lookup("#prepBox").queryAs(javafx.scene.control.ComboBox.class);
        assertThat(prep.getItems()).extracting(p -> prep.getConverter().toString(p))
                .containsExactly("do-nothing", "drop-and-create", "truncate");
        assertThat(prep.getValue()).isEqualTo(dev.ferry.engine.deploy.DeployOptions.TargetPrep.DO_NOTHING);
        robot.clickOn("#lastButton");
        TableView<DeployRow> objects = robot.lookup("#objectsTable").queryAs(TableView.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> !objects.getItems().isEmpty());
        assertThat(objects.getItems()).extracting(DeployRow::type).contains("TABLE", "INDEX", "VIEW");
        assertThat(objects.getItems()).filteredOn(r -> r.type().equals("TABLE")).allSatisfy(r -> assertThat(r.plan()).startsWith("AUTO"));
        DeployRow index = objects.getItems().stream().filter(r -> r.type().equals("INDEX")).findFirst().orElseThrow();
        robot.interact(() -> objects.getSelectionModel().select(index));
        CodeArea sql = robot.lookup("#sqlArea").queryAs(CodeArea.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> sql.getText().contains("CREATE INDEX"));

        Label status = robot.lookup("#deployStatusLabel").queryAs(Label.class);
        robot.clickOn("#dryRunButton");
        await().atMost(Duration.ofSeconds(60)).until(() -> status.getText().startsWith("DRY RUN"));
        assertThat(objects.getItems()).filteredOn(DeployRow::runnable)
                .allSatisfy(r -> assertThat(r.result()).isEqualTo(DeployOutcome.Status.PLANNED));
        assertThat(tables()).as("a dry run creates nothing").isZero();
        // every column fits the plan's width (Message used to be off to the right); the result is under the SQL title
        double columns = objects.getVisibleLeafColumns().stream().mapToDouble(TableColumn::getWidth).sum();
        assertThat(columns).isLessThanOrEqualTo(objects.getWidth());
        assertThat(objects.getVisibleLeafColumns()).extracting(TableColumn::getText).contains("Result", "Message");
        DeployRow plannedIndex = objects.getItems().stream().filter(r -> r.key().equals(index.key())).findFirst().orElseThrow();
        robot.interact(() -> objects.getSelectionModel().select(plannedIndex));
        Label selectedResult = robot.lookup("#selectedMessageLabel").queryAs(Label.class);
        assertThat(selectedResult.getText()).isEqualTo(plannedIndex.resultLine()).startsWith("PLANNED");
        assertThat(selectedResult.isVisible()).isTrue();

        robot.clickOn("#applyButton");
        await().atMost(Duration.ofSeconds(60)).until(() -> status.getText().startsWith("SUCCEEDED") || status.getText().startsWith("FAILED"));
        assertThat(status.getText()).as(String.join("\n", vm.log())).startsWith("SUCCEEDED");
        assertThat(dialogs.shown).anySatisfy(s -> assertThat(s).startsWith("confirm|Deploy|"));
        assertThat(objects.getItems()).filteredOn(DeployRow::runnable)
                .allSatisfy(r -> assertThat(r.result()).isEqualTo(DeployOutcome.Status.OK));
        assertThat(objects.getItems()).filteredOn(DeployRow::runnable).extracting(DeployRow::mark).containsOnly("✓");
        assertThat(tables()).as("artist and album on the target").isEqualTo(2);
        assertThat(count("SELECT count(*) FROM pg_indexes WHERE indexname = 'album_artist'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM information_schema.views WHERE table_name = 'album_titles'")).isEqualTo(1);
        ListView<String> log = robot.lookup("#logList").queryAs(ListView.class);
        assertThat(log.getItems()).anySatisfy(l -> assertThat(l).contains("OK").contains("CREATE TABLE"));
        Screenshots.write(objects.getScene(), Path.of("target", "screenshots", "deploy.png"));

        // someone changes a table on the target: the next dry run reports the drift and a click selects the table
        String artistTable = objects.getItems().stream().filter(r -> r.type().equals("TABLE") && r.name().endsWith("artist"))
                .findFirst().orElseThrow().name();
        pg.execute(target, "ALTER TABLE " + artistTable + " ADD COLUMN born integer");
        robot.interact(() -> objects.getSelectionModel().select(index));
        robot.clickOn("#dryRunButton");
        await().atMost(Duration.ofSeconds(60)).until(() -> status.getText().startsWith("DRY RUN"));
        Label drift = robot.lookup("#driftLabel").queryAs(Label.class);
        assertThat(drift.getText()).isEqualTo("Drift check: 1 object differs from the plan and was left alone");
        ListView<DeployRow> problems = robot.lookup("#problemsList").queryAs(ListView.class);
        assertThat(problems.getItems()).singleElement().satisfies(r -> {
            assertThat(r.result()).isEqualTo(DeployOutcome.Status.DRIFT);
            assertThat(r.differences()).anySatisfy(d -> assertThat(d).contains("born"));
        });
        robot.interact(() -> objects.getSelectionModel().select(index));
        // the first visible cell with an item (the VirtualFlow also holds a hidden measuring cell)
        robot.clickOn(robot.from(problems).lookup((Node n) -> n instanceof javafx.scene.control.ListCell<?> cell
                && cell.getItem() != null && cell.isVisible()).<Node>query());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(objects.getSelectionModel().getSelectedItem().name()).isEqualTo(artistTable);
        assertThat(sql.getText()).contains("CREATE TABLE");
    }

    private static long tables() throws Exception {
        return count("SELECT count(*) FROM information_schema.tables WHERE table_type = 'BASE TABLE'"
                + " AND table_schema NOT IN ('pg_catalog', 'information_schema')");
    }

    private static long count(String sql) throws Exception {
        try (Connection c = pg.connect(target); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
