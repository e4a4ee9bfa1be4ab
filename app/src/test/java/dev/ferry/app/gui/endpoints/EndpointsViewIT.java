package dev.ferry.app.gui.endpoints;

import dev.ferry.app.gui.WorkbenchApp;
import dev.ferry.app.gui.endpoints.EndpointsViewModel.CheckRole;
import dev.ferry.app.gui.fakes.FakeSecretStore;
import dev.ferry.app.gui.fakes.RecordingDialogs;
import dev.ferry.app.gui.task.ThreadPoolTaskExecutor;
import dev.ferry.app.gui.workbench.ProjectSession;
import dev.ferry.engine.endpoint.ReadinessCheck;
import dev.ferry.model.project.Project;
import dev.ferry.testsupport.TestDatabases;
import dev.ferry.testsupport.TestServer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Creates an endpoint to the embedded PostgreSQL in the real Endpoints view and presses Test connection: the test runs
 * in the background (the FX thread stays free) and the classified outcome with the server version appears, followed by
 * the readiness checks for the chosen role.
 */
@ExtendWith(ApplicationExtension.class)
class EndpointsViewIT {

    private ThreadPoolTaskExecutor executor;
    private final FakeSecretStore store = new FakeSecretStore();
    private ProjectSession session;

    @Start
    void start(Stage stage) {
        WorkbenchApp.applyTheme();
        executor = new ThreadPoolTaskExecutor(2, Platform::runLater);
        session = new ProjectSession(Project.empty("it"), null);
        EndpointsViewModel vm = new EndpointsViewModel(session, executor, new EngineEndpointTesting(), () -> store,
                new PasswordSource(() -> store, k -> null), new RecordingDialogs());
        Scene scene = new Scene(EndpointsView.create(vm).root(), 1200, 760);
        scene.getStylesheets().add(WorkbenchApp.class.getResource("workbench.css").toExternalForm()); // as the workbench
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        executor.close();
    }

    private static void type(FxRobot robot, String id, String text) {
        TextField f = robot.lookup(id).queryAs(TextField.class);
        robot.interact(f::clear);
        robot.clickOn(f).write(text);
    }

    @Test
    void testingAnEndpointToTheEmbeddedPostgresShowsTheServerVersionAndReadiness(FxRobot robot) {
        TestServer pg = TestDatabases.postgres();
        String db = pg.createDatabase("gui_endpoint");
        pg.execute(db, "CREATE TABLE no_key (a int)");

        robot.clickOn("#addButton");
        // the empty driver-properties table's placeholder is in the body's font, like the other empty states
        TableView<?> properties = robot.lookup("#propertiesTable").queryTableView();
        Label placeholder = (Label) properties.getPlaceholder();
        Label fieldLabel = robot.lookup((Node n) -> n instanceof Label l && "Driver properties".equals(l.getText())).query();
        assertThat(placeholder.getStyleClass()).contains("empty-state");
        assertThat(placeholder.getFont().getSize()).isEqualTo(fieldLabel.getFont().getSize());
        type(robot, "#nameField", "embedded-pg");
        type(robot, "#hostField", "localhost");
        type(robot, "#portField", String.valueOf(pg.port()));
        type(robot, "#databaseField", db);
        type(robot, "#userField", pg.user());
        if (!pg.password().isEmpty()) {
            robot.clickOn("#passwordField").write(pg.password());
        }
        ComboBox<CheckRole> role = robot.lookup("#roleBox").queryComboBox();
        robot.interact(() -> role.setValue(CheckRole.CDC_SOURCE));
        robot.clickOn("#testButton");

        Label message = robot.lookup("#testMessage").queryAs(Label.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> message.getText().startsWith("Connected to PostgreSQL"));
        assertThat(message.getText()).contains("localhost:" + pg.port()).contains("database " + db).contains("as user " + pg.user());
        assertThat(robot.lookup("#testResultBox").query().getStyleClass()).contains("ok");
        TableView<ReadinessCheck> table = robot.lookup("#readinessTable").queryTableView();
        await().atMost(Duration.ofSeconds(30)).until(() -> !table.getItems().isEmpty());
        assertThat(table.getItems()).extracting(ReadinessCheck::id).contains("pg.wal_level");
        assertThat(table.getItems()).anyMatch(c -> c.status() != ReadinessCheck.Status.PASS && c.detail().contains("no_key"));
        assertThat(robot.lookup("#cancelTestButton").queryAs(Button.class).isVisible()).isFalse();
        assertThat(table.getColumns().get(3).isVisible()).as("the Fix column shows when a check has a fix")
                .isEqualTo(table.getItems().stream().anyMatch(c -> c.fix() != null && !c.fix().isBlank()));

        robot.clickOn("#saveButton");
        await().atMost(Duration.ofSeconds(10)).until(() -> session.project().endpoint("embedded-pg").isPresent());
        assertThat(session.project().endpoint("embedded-pg").orElseThrow().port()).isEqualTo(pg.port());
    }

    @Test
    void aClosedPortIsClassifiedAsUnreachable(FxRobot robot) throws Exception {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        robot.clickOn("#addButton");
        type(robot, "#hostField", "127.0.0.1");
        type(robot, "#portField", String.valueOf(closed));
        type(robot, "#databaseField", "nowhere");
        type(robot, "#userField", "nobody");
        robot.clickOn("#testButton");
        Label message = robot.lookup("#testMessage").queryAs(Label.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> message.getText().startsWith("Cannot reach the PostgreSQL server"));
        assertThat(robot.lookup("#testResultBox").query().getStyleClass()).contains("failed");
    }
}
