package dev.ferry.app.gui.cutover;

import dev.ferry.app.gui.WorkbenchApp;
import dev.ferry.app.gui.endpoints.PasswordSource;
import dev.ferry.app.gui.fakes.FakeSecretStore;
import dev.ferry.app.gui.fakes.RecordingDialogs;
import dev.ferry.app.gui.fakes.Screenshots;
import dev.ferry.app.gui.task.ThreadPoolTaskExecutor;
import dev.ferry.app.gui.workbench.ProjectSession;
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
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Drives the Validation &amp; cutover section (headless Monocle) against the embedded PostgreSQL: a loaded table
 * validates; after a target row is changed it is MISMATCHED and the drill-down lists the row's key. The cutover wizard
 * shows the six steps of {@code ferry cutover}, none run yet.
 */
@ExtendWith(ApplicationExtension.class)
class CutoverViewIT {

    private static final String PW = "GUIDEPLOY_PG_PW";

    @TempDir
    static Path dir;

    private static TestServer pg;
    private static String src;
    private static String dst;
    private static Path file;
    private static Project project;
    private ThreadPoolTaskExecutor executor;

    /** The databases and the project (outside @Start, whose set-up time TestFX limits). */
    @BeforeAll
    static void createDatabases() throws Exception {
        pg = TestDatabases.postgres();
        src = pg.createDatabase("guideploy_src");
        dst = pg.createDatabase("guideploy_dst");
        for (String db : List.of(src, dst)) {
            pg.execute(db, "CREATE TABLE orders (id integer PRIMARY KEY, note text NOT NULL, total numeric(10,2))",
                    "INSERT INTO orders SELECT g, 'order ' || g, g * 1.5 FROM generate_series(1, 1500) g");
        }
        project = Project.empty("shop").withEndpoint(endpoint("src", src)).withEndpoint(endpoint("dst", dst))
                .withTableMappings(new TableMappings(List.of(SelectionRule.include("1", "public", "%"))))
                .withTask(new TaskConfig("sync", TaskType.FULL_LOAD_AND_CDC, "src", "dst", TaskSettings.DEFAULTS));
        file = dir.resolve("shop.ferry.json");
        ProjectFiles.save(project, file);
    }

    @Start
    void start(Stage stage) throws Exception {
        WorkbenchApp.applyTheme();
        executor = new ThreadPoolTaskExecutor(2, Platform::runLater);
        PasswordSource passwords = new PasswordSource(FakeSecretStore::new, k -> PW.equals(k) ? pg.password() : null);
        CutoverViewModel vm = new CutoverViewModel(new ProjectSession(project, file), executor,
                new EngineCutoverRunning(passwords), new RecordingDialogs(), Platform::runLater);
        stage.setScene(new Scene(CutoverView.create(vm).root(), 1200, 760));
        stage.show();
    }

    private static EndpointConfig endpoint(String name, String db) {
        return new EndpointConfig(name, Engine.POSTGRESQL, pg.host(), pg.port(), db, pg.user(), null,
                pg.password().isEmpty() ? null : PW, TlsMode.DISABLE, null, null, null);
    }

    @AfterEach
    void stop() {
        executor.close();
    }

    @SuppressWarnings("unchecked")
    @Test
    void aLoadedTableValidatesAndACorruptedRowIsMismatchedWithItsKey(FxRobot robot) {
        TableView<CutoverStepRow> steps = robot.lookup("#stepsTable").queryAs(TableView.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> steps.getItems().size() == 6);
        assertThat(steps.getItems()).extracting(CutoverStepRow::status).containsOnly("PENDING");
        assertThat(steps.getItems().get(1).title()).isEqualTo("drain until the lag is zero");
        Label detailsHint = robot.lookup("#stepDetailsEmpty").queryAs(Label.class);
        assertThat(detailsHint.getText()).as("the empty details pane says how to fill it").startsWith("Select a step");
        robot.interact(() -> steps.getSelectionModel().select(3));
        assertThat(detailsHint.getText()).isEqualTo("Step 4 has not run yet.");
        // the longest step title wraps inside its column instead of ending in "…"
        String longest = steps.getItems().get(3).title();
        javafx.scene.text.Text title = robot.from(steps).lookup((Node n) -> n instanceof javafx.scene.text.Text t
                && longest.equals(t.getText())).query();
        assertThat(title.getWrappingWidth()).isPositive().isLessThan(steps.getColumns().get(1).getWidth());
        assertThat(title.getLayoutBounds().getWidth()).isLessThanOrEqualTo(steps.getColumns().get(1).getWidth());

        Label status = robot.lookup("#validationStatusLabel").queryAs(Label.class);
        TableView<ValidationRow> tables = robot.lookup("#validationTable").queryAs(TableView.class);
        robot.clickOn("#validateButton");
        await().atMost(Duration.ofSeconds(60)).until(() -> status.getText().startsWith("VALIDATED")
                || status.getText().startsWith("MISMATCHED") || status.getText().startsWith("Validation failed"));
        assertThat(status.getText()).isEqualTo("VALIDATED: 1 tables compared, 0 failed validation");
        assertThat(tables.getItems()).singleElement().satisfies(r -> {
            assertThat(r.table()).endsWith("orders");
            assertThat(r.status()).isEqualTo("VALIDATED");
            assertThat(r.validation().targetRows()).isEqualTo(1500);
            assertThat(r.details()).isEqualTo("1,500 rows match");
        });
        // the counts read like the Tasks grid's (1,500), the column's value stays the exact number
        assertThat(robot.from(tables).lookup((Node n) -> n instanceof javafx.scene.control.TableCell<?, ?> c
                && "1,500".equals(c.getText())).queryAll()).as("source and target row cells").hasSize(2);
        assertThat(tables.getColumns().get(2).getCellData(0)).isEqualTo(1500L);

        pg.execute(dst, "UPDATE orders SET note = 'damaged' WHERE id = 217");
        robot.clickOn("#validateButton");
        await().atMost(Duration.ofSeconds(60)).until(() -> !robot.lookup("#validateButton").query().isDisabled()
                && !status.getText().startsWith("Validating"));
        assertThat(status.getText()).isEqualTo("MISMATCHED: 1 tables compared, 1 failed validation");
        assertThat(tables.getItems()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo("MISMATCHED");
            assertThat(r.details()).startsWith("0 missing, 0 extra, 1 different");
        });
        TableView<KeyRow> keys = robot.lookup("#keysTable").queryAs(TableView.class);
        assertThat(keys.getItems()).singleElement().satisfies(k -> {
            assertThat(k.kind()).isEqualTo("DIFFERENT");
            assertThat(k.key()).contains("217");
        });
        Screenshots.write(tables.getScene(), Path.of("target", "screenshots", "cutover.png"));
    }
}
