package dev.ferry.app.gui.workbench;

import dev.ferry.app.config.RecentProject;
import dev.ferry.app.gui.WorkbenchApp;
import dev.ferry.app.gui.catalog.CatalogNode;
import dev.ferry.app.gui.catalog.ColumnRow;
import dev.ferry.app.gui.catalog.EngineCatalogLoading;
import dev.ferry.app.gui.fakes.FakeEndpointTesting;
import dev.ferry.app.gui.fakes.FakeSecretStore;
import dev.ferry.app.gui.fakes.MemoryRecentProjects;
import dev.ferry.app.gui.fakes.RecordingDialogs;
import dev.ferry.app.gui.task.ThreadPoolTaskExecutor;
import dev.ferry.app.gui.welcome.WelcomeViewModel;
import dev.ferry.model.project.EndpointConfig;
import dev.ferry.model.project.Project;
import dev.ferry.model.project.ProjectFiles;
import dev.ferry.model.project.TlsMode;
import dev.ferry.model.schema.Engine;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Drives the real window (headless Monocle): the welcome page opens a project file, the workbench appears, the
 * Endpoints form validates as the user types, and the Catalog section reads a real SQLite file in the background.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchViewTest {

    @TempDir
    static Path dir;

    static Path projectFile;
    static Path sqliteFile;

    private ThreadPoolTaskExecutor executor;
    private Stage stage;
    private WelcomeViewModel welcome;
    private final MemoryRecentProjects recent = new MemoryRecentProjects();
    private final FakeSecretStore store = new FakeSecretStore();

    @BeforeAll
    static void createProject() throws Exception {
        sqliteFile = dir.resolve("shop.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + sqliteFile); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, email TEXT UNIQUE)");
            st.execute("CREATE TABLE purchase_orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES customers(id),"
                    + " total NUMERIC(10,2) DEFAULT 0)");
            st.execute("CREATE VIEW big_orders AS SELECT id, total FROM purchase_orders WHERE total > 100");
            st.execute("INSERT INTO customers(name, email) VALUES ('Ann', 'ann@example.org'), ('Bo', 'bo@example.org')");
        }
        projectFile = dir.resolve("shop.ferry.json");
    }

    @BeforeEach
    void writeProject() throws Exception { // each test starts from the same project file
        ProjectFiles.save(new Project("shop", List.of(new EndpointConfig("shop-db", Engine.SQLITE, null, null, null, null, null, null,
                TlsMode.DISABLE, Map.of(), null, sqliteFile.toString())), null, null, null), projectFile);
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        WorkbenchApp.applyTheme();
        executor = new ThreadPoolTaskExecutor(2, Platform::runLater);
        recent.entries.add(new RecentProject(projectFile, Instant.now()));
        RecordingDialogs dialogs = new RecordingDialogs();
        welcome = new WelcomeViewModel(recent, executor, dialogs);
        WorkbenchServices services = new WorkbenchServices(executor, dialogs, () -> store, k -> null, new FakeEndpointTesting(),
                new EngineCatalogLoading(), new WindowStateStore(dir.resolve("config/window.properties")));
        WorkbenchApp.install(stage, welcome, services);
        stage.show();
        welcome.refresh();
    }

    @AfterEach
    void stop() throws Exception {
        executor.close();
        // TestFX reuses the stage for the next test class: leave its title settable
        org.testfx.api.FxToolkit.setupFixture(() -> stage.titleProperty().unbind());
    }

    private void openProject(FxRobot robot) {
        await().atMost(Duration.ofSeconds(10)).until(() -> robot.lookup("shop.ferry.json").tryQuery().isPresent());
        robot.doubleClickOn("shop.ferry.json");
        // on a loaded host the robot's two clicks can arrive too far apart to make a double-click (the welcome page then
        // shows no "Opening" status): double-click again until the project opens
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofSeconds(4)).until(() -> {
            if (robot.lookup("#workbenchRoot").tryQuery().isPresent()) {
                return true;
            }
            if (welcome.statusProperty().get().isEmpty()) {
                robot.doubleClickOn("shop.ferry.json");
            }
            return false;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void openingAProjectShowsTheWorkbenchWithItsEndpoints(FxRobot robot) {
        openProject(robot);
        Node root = robot.lookup("#workbenchRoot").query();
        assertThat(((Stage) root.getScene().getWindow()).getTitle()).isEqualTo("Ferry - shop  [" + projectFile + "]");
        ListView<EndpointConfig> list = robot.lookup("#endpointList").queryListView();
        assertThat(list.getItems()).extracting(EndpointConfig::name).containsExactly("shop-db");
        assertThat(robot.lookup("#saveProjectButton").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("Select an endpoint on the left, or press Add.").tryQuery()).isPresent();
    }

    @Test
    void theEndpointFormValidatesAsTheUserTypes(FxRobot robot) {
        openProject(robot);
        robot.clickOn("#addButton");
        TextField name = robot.lookup("#nameField").queryAs(TextField.class);
        assertThat(name.getText()).isEqualTo("endpoint");
        robot.doubleClickOn(name).eraseText(name.getText().length()).write("shop-db");
        Label nameError = robot.lookup("#nameError").queryAs(Label.class);
        assertThat(nameError.getText()).isEqualTo("Another endpoint is already called 'shop-db'.");
        assertThat(nameError.isVisible()).isTrue();
        Button save = robot.lookup(n -> n instanceof Button && "Save".equals(((Button) n).getText())).queryButton();
        assertThat(save.isDisabled()).isTrue();
        robot.write("-2");
        assertThat(nameError.isVisible()).isFalse();
        TextField port = robot.lookup("#portField").queryAs(TextField.class);
        robot.doubleClickOn(port).eraseText(port.getText().length()).write("99999");
        assertThat(robot.lookup("#portError").queryAs(Label.class).getText()).isEqualTo("Must be 1-65535.");
        assertThat(save.isDisabled()).isTrue();
        robot.eraseText(5).write("5433");
        robot.clickOn("#databaseField").write("sales");
        assertThat(save.isDisabled()).isFalse();
        robot.clickOn(save);
        ListView<EndpointConfig> list = robot.lookup("#endpointList").queryListView();
        assertThat(list.getItems()).extracting(EndpointConfig::name).containsExactly("shop-db", "shop-db-2");
        assertThat(robot.lookup("#dirtyLabel").queryAs(Label.class).isVisible()).isTrue();
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        await().atMost(Duration.ofSeconds(10)).until(() -> !robot.lookup("#dirtyLabel").queryAs(Label.class).isVisible());
        assertThat(Files.exists(projectFile)).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.readString(projectFile).contains("shop-db-2"));
    }

    @Test
    void readingASqliteCatalogFillsTheTree(FxRobot robot) {
        openProject(robot);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("Choose an endpoint and press Read catalog.").tryQuery()).isPresent();
        robot.clickOn("#readButton");
        TreeView<CatalogNode> tree = robot.lookup("#tree").queryAs(TreeView.class);
        await().atMost(Duration.ofSeconds(20)).until(() -> find(tree.getRoot(), "purchase_orders").isPresent());
        assertThat(robot.lookup("#progressLabel").queryAs(Label.class).getText())
                .isEqualTo("Read shop-db: 1 schema, 2 tables, 1 view, 0 routines, 0 triggers.");
        robot.clickOn("#filterField").write("purch");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(find(tree.getRoot(), "customers")).isEmpty();
        TreeItem<CatalogNode> orders = find(tree.getRoot(), "purchase_orders").orElseThrow();
        robot.interact(() -> tree.getSelectionModel().select(orders));
        TableView<ColumnRow> columns = robot.lookup("#columnsTable").queryTableView();
        assertThat(columns.getItems()).extracting(ColumnRow::name).containsExactly("id", "customer_id", "total");
        assertThat(robot.lookup("#detailTitle").queryAs(Label.class).getText()).isEqualTo("Table main.purchase_orders");
    }

    @Test
    void ctrl5OpensTableMappingsWhoseRenamePreviewsAndSavesIntoTheProject(FxRobot robot) {
        openProject(robot);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT5).release(KeyCode.DIGIT5, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#mappingsNav").queryAs(javafx.scene.control.ToggleButton.class).isSelected()).isTrue();
        robot.clickOn("#readSourceButton");
        TableView<dev.ferry.app.gui.mappings.PreviewRow> preview = robot.lookup("#previewTable").queryTableView();
        await().atMost(Duration.ofSeconds(20)).until(() -> robot.lookup("#previewLabel").queryAs(Label.class).getText()
                .equals("No table of the catalog is selected by the rules."));
        robot.clickOn("#schemaField").write("main");
        robot.clickOn("#includeButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(preview.getItems()).extracting(dev.ferry.app.gui.mappings.PreviewRow::target)
                .containsExactly("main.customers", "main.purchase_orders");
        robot.clickOn("#tableField").write("purchase_orders");
        robot.clickOn("#newNameField").write("orders");
        robot.clickOn("#renameButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(preview.getItems()).extracting(dev.ferry.app.gui.mappings.PreviewRow::target)
                .containsExactly("main.customers", "main.orders");
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        await().atMost(Duration.ofSeconds(10)).until(() -> !robot.lookup("#dirtyLabel").queryAs(Label.class).isVisible());
        Project saved = load(projectFile);
        assertThat(saved.tableMappings().rules()).hasSize(2);
    }

    private static Project load(Path file) {
        try {
            return ProjectFiles.load(file);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aPastedUrlFillsTheFormAndItsPasswordGoesToTheSecretStoreOnly(FxRobot robot) throws Exception {
        openProject(robot);
        robot.clickOn("#addButton");
        robot.clickOn("#urlField").write("postgresql://app:Gui-Pw-77@db.example:6543/sales?sslmode=require");
        robot.clickOn("#pasteButton");
        assertThat(robot.lookup("#urlField").queryAs(TextField.class).getText()).as("the URL held a password").isEmpty();
        assertThat(robot.lookup("#nameField").queryAs(TextField.class).getText()).isEqualTo("sales");
        assertThat(robot.lookup("#hostField").queryAs(TextField.class).getText()).isEqualTo("db.example");
        assertThat(robot.lookup("#portField").queryAs(TextField.class).getText()).isEqualTo("6543");
        assertThat(robot.lookup("#passwordField").queryAs(TextField.class).getText()).isEqualTo("Gui-Pw-77");
        robot.clickOn(robot.lookup(n -> n instanceof Button && "Save".equals(((Button) n).getText())).queryButton());
        await().atMost(Duration.ofSeconds(10)).until(() -> "Gui-Pw-77".equals(store.secrets.get("ferry/shop/sales")));
        robot.clickOn("#saveProjectButton");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.readString(projectFile).contains("ferry/shop/sales"));
        assertThat(Files.readString(projectFile)).doesNotContain("Gui-Pw-77").contains("\"require\"");
        assertThat(robot.lookup("#passwordField").queryAs(TextField.class).getText()).isEmpty();
        assertThat(robot.lookup("#passwordHint").queryAs(Label.class).getText())
                .isEqualTo("Leave empty to keep the stored password (ferry/shop/sales).");
    }

    private static Optional<TreeItem<CatalogNode>> find(TreeItem<CatalogNode> item, String prefix) {
        if (item == null) {
            return Optional.empty();
        }
        if (item.getValue().label().startsWith(prefix)) {
            return Optional.of(item);
        }
        for (TreeItem<CatalogNode> c : item.getChildren()) {
            Optional<TreeItem<CatalogNode>> hit = find(c, prefix);
            if (hit.isPresent()) {
                return hit;
            }
        }
        return Optional.empty();
    }
}
