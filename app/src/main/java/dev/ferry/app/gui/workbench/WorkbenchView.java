package dev.ferry.app.gui.workbench;

import dev.ferry.app.gui.Fxml;
import dev.ferry.app.gui.Icons;
import dev.ferry.app.gui.assessment.AssessmentView;
import dev.ferry.app.gui.catalog.CatalogView;
import dev.ferry.app.gui.cutover.CutoverView;
import dev.ferry.app.gui.deploy.DeployView;
import dev.ferry.app.gui.tasks.TasksView;
import dev.ferry.app.gui.mappings.MappingsView;
import dev.ferry.app.gui.endpoints.EndpointsView;
import javafx.animation.PauseTransition;
import javafx.fxml.FXML;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;

import java.io.IOException;
import java.util.Map;

/**
 * The workbench window ({@code Workbench.fxml}): left navigation (Endpoints, Catalog, Assessment, Tasks, Table mappings, Deploy, Validation & cutover),
 * the section's content and a status bar. Keyboard: Ctrl+1 … Ctrl+7 switch sections, Ctrl+S saves the project. Remembers the window geometry and
 * split positions through its view model. Create and use on the JavaFX application thread.
 */
public final class WorkbenchView {

    private final WorkbenchViewModel viewModel;
    private final Parent root;
    private final EndpointsView endpointsView;
    private final CatalogView catalogView;
    /** Created on first use: opening a project builds only the section it shows. */
    private AssessmentView assessmentView;
    private TasksView tasksView;
    private MappingsView mappingsView;
    private DeployView deployView;
    private CutoverView cutoverView;
    private boolean stateApplied;
    private final PauseTransition layoutSave = new PauseTransition(Duration.millis(800));
    private Stage stage;

    @FXML private javafx.scene.layout.BorderPane workbenchRoot;
    @FXML private Label projectLabel;
    @FXML private ToggleButton endpointsNav;
    @FXML private ToggleButton catalogNav;
    @FXML private ToggleButton assessmentNav;
    @FXML private ToggleButton tasksNav;
    @FXML private ToggleButton mappingsNav;
    @FXML private ToggleButton deployNav;
    @FXML private ToggleButton cutoverNav;
    @FXML private Button saveProjectButton;
    @FXML private StackPane content;
    @FXML private Label statusLabel;
    @FXML private Label dirtyLabel;

    private WorkbenchView(WorkbenchViewModel viewModel) {
        this.viewModel = viewModel;
        this.endpointsView = EndpointsView.create(viewModel.endpoints());
        this.catalogView = CatalogView.create(viewModel.catalog());
        this.root = Fxml.load(WorkbenchView.class, "Workbench.fxml", this);
    }

    public static WorkbenchView create(WorkbenchViewModel viewModel) {
        return new WorkbenchView(viewModel);
    }

    public Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        projectLabel.textProperty().bind(viewModel.session().projectProperty().map(p -> p.name()));
        ToggleGroup group = new ToggleGroup();
        endpointsNav.setToggleGroup(group);
        catalogNav.setToggleGroup(group);
        assessmentNav.setToggleGroup(group);
        assessmentNav.setGraphic(Icons.of(MaterialDesignC.CLIPBOARD_CHECK_OUTLINE, 18));
        assessmentNav.setOnAction(e -> viewModel.sectionProperty().set(WorkbenchViewModel.Section.ASSESSMENT));
        tasksNav.setToggleGroup(group);
        tasksNav.setGraphic(Icons.of(org.kordamp.ikonli.materialdesign2.MaterialDesignT.TRUCK_FAST_OUTLINE, 18));
        tasksNav.setOnAction(e -> viewModel.sectionProperty().set(WorkbenchViewModel.Section.TASKS));
        endpointsNav.setGraphic(Icons.of(MaterialDesignL.LAN_CONNECT, 18));
        catalogNav.setGraphic(Icons.of(MaterialDesignF.FILE_TREE, 18));
        saveProjectButton.setGraphic(Icons.of(MaterialDesignC.CONTENT_SAVE, 16));
        endpointsNav.setOnAction(e -> viewModel.sectionProperty().set(WorkbenchViewModel.Section.ENDPOINTS));
        catalogNav.setOnAction(e -> viewModel.sectionProperty().set(WorkbenchViewModel.Section.CATALOG));
        mappingsNav.setToggleGroup(group);
        mappingsNav.setGraphic(Icons.of(org.kordamp.ikonli.materialdesign2.MaterialDesignT.TABLE_ARROW_RIGHT, 18));
        mappingsNav.setOnAction(e -> viewModel.sectionProperty().set(WorkbenchViewModel.Section.MAPPINGS));
        deployNav.setToggleGroup(group);
        deployNav.setGraphic(Icons.of(org.kordamp.ikonli.materialdesign2.MaterialDesignD.DATABASE_ARROW_UP_OUTLINE, 18));
        deployNav.setOnAction(e -> viewModel.sectionProperty().set(WorkbenchViewModel.Section.DEPLOY));
        cutoverNav.setToggleGroup(group);
        cutoverNav.setGraphic(Icons.of(org.kordamp.ikonli.materialdesign2.MaterialDesignS.SWAP_HORIZONTAL_BOLD, 18));
        cutoverNav.setOnAction(e -> viewModel.sectionProperty().set(WorkbenchViewModel.Section.CUTOVER));
        viewModel.sectionProperty().addListener((obs, o, s) -> showSection(s));
        showSection(viewModel.sectionProperty().get());
        saveProjectButton.disableProperty().bind(viewModel.dirtyProperty().not().or(viewModel.savingProperty()));
        statusLabel.textProperty().bind(viewModel.statusProperty());
        dirtyLabel.visibleProperty().bind(viewModel.dirtyProperty());
        dirtyLabel.managedProperty().bind(dirtyLabel.visibleProperty());
        workbenchRoot.sceneProperty().addListener((obs, o, scene) -> {
            if (scene != null) {
                installShortcuts(scene);
            }
        });
        layoutSave.setOnFinished(e -> viewModel.saveWindowState(currentState()));
    }

    private void showSection(WorkbenchViewModel.Section s) {
        switch (s) {
            case CATALOG -> {
                catalogNav.setSelected(true);
                content.getChildren().setAll(catalogView.root());
            }
            case ASSESSMENT -> {
                assessmentNav.setSelected(true);
                content.getChildren().setAll(assessmentView().root());
            }
            case TASKS -> {
                tasksNav.setSelected(true);
                content.getChildren().setAll(tasksView().root());
            }
            case MAPPINGS -> {
                mappingsNav.setSelected(true);
                content.getChildren().setAll(mappingsView().root());
            }
            case DEPLOY -> {
                deployNav.setSelected(true);
                content.getChildren().setAll(deployView().root());
            }
            case CUTOVER -> {
                cutoverNav.setSelected(true);
                content.getChildren().setAll(cutoverView().root());
            }
            default -> {
                endpointsNav.setSelected(true);
                content.getChildren().setAll(endpointsView.root());
            }
        }
    }

    private void installShortcuts(Scene scene) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.DIGIT1, KeyCombination.SHORTCUT_DOWN),
                () -> viewModel.sectionProperty().set(WorkbenchViewModel.Section.ENDPOINTS));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.DIGIT2, KeyCombination.SHORTCUT_DOWN),
                () -> viewModel.sectionProperty().set(WorkbenchViewModel.Section.CATALOG));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.DIGIT3, KeyCombination.SHORTCUT_DOWN),
                () -> viewModel.sectionProperty().set(WorkbenchViewModel.Section.ASSESSMENT));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.DIGIT4, KeyCombination.SHORTCUT_DOWN),
                () -> viewModel.sectionProperty().set(WorkbenchViewModel.Section.TASKS));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.DIGIT5, KeyCombination.SHORTCUT_DOWN),
                () -> viewModel.sectionProperty().set(WorkbenchViewModel.Section.MAPPINGS));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.DIGIT6, KeyCombination.SHORTCUT_DOWN),
                () -> viewModel.sectionProperty().set(WorkbenchViewModel.Section.DEPLOY));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.DIGIT7, KeyCombination.SHORTCUT_DOWN),
                () -> viewModel.sectionProperty().set(WorkbenchViewModel.Section.CUTOVER));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), viewModel::save);
    }

    @FXML
    private void save() {
        viewModel.save();
    }

    /**
     * Binds the window: its title, the remembered geometry and split positions (loaded in the background), and saving
     * them again (debounced) when they change.
     */
    public void attach(Stage window) {
        this.stage = window;
        window.titleProperty().bind(viewModel.titleProperty());
        viewModel.loadWindowState(state -> {
            applyState(window, state);
            window.xProperty().addListener(o -> layoutSave.playFromStart());
            window.yProperty().addListener(o -> layoutSave.playFromStart());
            window.widthProperty().addListener(o -> layoutSave.playFromStart());
            window.heightProperty().addListener(o -> layoutSave.playFromStart());
            window.maximizedProperty().addListener(o -> layoutSave.playFromStart());
            for (SplitPane split : splits().values()) {
                split.getDividers().forEach(d -> d.positionProperty().addListener(o -> layoutSave.playFromStart()));
            }
            stateApplied = true;
        });
    }

    private AssessmentView assessmentView() {
        if (assessmentView == null) {
            assessmentView = AssessmentView.create(viewModel.assessment());
            lateSplits(Map.of("assessment", assessmentView.split(), "assessmentDetail", assessmentView.detailSplit(),
                    "assessmentCode", assessmentView.codeSplit()));
        }
        return assessmentView;
    }

    private TasksView tasksView() {
        if (tasksView == null) {
            tasksView = TasksView.create(viewModel.tasks());
            lateSplits(Map.of("tasks", tasksView.split(), "tasksMonitor", tasksView.monitorSplit()));
        }
        return tasksView;
    }

    private MappingsView mappingsView() {
        if (mappingsView == null) {
            mappingsView = MappingsView.create(viewModel.mappings());
            lateSplits(Map.of("mappings", mappingsView.split()));
        }
        return mappingsView;
    }

    private DeployView deployView() {
        if (deployView == null) {
            deployView = DeployView.create(viewModel.deploy());
            lateSplits(Map.of("deploy", deployView.split(), "deployDetail", deployView.detailSplit()));
        }
        return deployView;
    }

    private CutoverView cutoverView() {
        if (cutoverView == null) {
            cutoverView = CutoverView.create(viewModel.cutover());
            lateSplits(Map.of("cutover", cutoverView.split()));
        }
        return cutoverView;
    }

    /** A section created after the window state was applied: give its splits the remembered positions and listeners. */
    private void lateSplits(Map<String, SplitPane> late) {
        if (!stateApplied) {
            return; // applyState and attach handle them
        }
        WindowState s = viewModel.windowState();
        late.forEach((id, split) -> {
            Double pos = s.dividers().get(id);
            if (pos != null && !split.getDividers().isEmpty()) {
                split.setDividerPositions(pos);
            }
            split.getDividers().forEach(d -> d.positionProperty().addListener(o -> layoutSave.playFromStart()));
        });
    }

    /** The split panes of the sections created so far, by the id their divider position is remembered under. */
    private Map<String, SplitPane> splits() {
        Map<String, SplitPane> m = new java.util.LinkedHashMap<>(Map.of("endpoints", endpointsView.split(), "catalog",
                catalogView.split(), "catalogDetail", catalogView.detailSplit()));
        if (assessmentView != null) {
            m.putAll(Map.of("assessment", assessmentView.split(), "assessmentDetail", assessmentView.detailSplit(),
                    "assessmentCode", assessmentView.codeSplit()));
        }
        if (tasksView != null) {
            m.putAll(Map.of("tasks", tasksView.split(), "tasksMonitor", tasksView.monitorSplit()));
        }
        if (mappingsView != null) {
            m.put("mappings", mappingsView.split());
        }
        if (deployView != null) {
            m.putAll(Map.of("deploy", deployView.split(), "deployDetail", deployView.detailSplit()));
        }
        if (cutoverView != null) {
            m.put("cutover", cutoverView.split());
        }
        return m;
    }

    private void applyState(Stage window, WindowState s) {
        boolean onScreen = !Double.isNaN(s.x()) && !Screen.getScreensForRectangle(new Rectangle2D(s.x(), s.y(), s.width(), s.height())).isEmpty();
        window.setWidth(s.width());
        window.setHeight(s.height());
        if (onScreen) {
            window.setX(s.x());
            window.setY(s.y());
        }
        window.setMaximized(s.maximized());
        splits().forEach((id, split) -> {
            Double pos = s.dividers().get(id);
            if (pos != null && !split.getDividers().isEmpty()) {
                split.setDividerPositions(pos);
            }
        });
    }

    private WindowState currentState() {
        WindowState s = viewModel.windowState();
        if (stage != null) {
            s = stage.isMaximized() ? s.withBounds(s.x(), s.y(), s.width(), s.height(), true)
                    : s.withBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false);
        }
        for (Map.Entry<String, SplitPane> e : splits().entrySet()) {
            if (!e.getValue().getDividers().isEmpty()) {
                s = s.withDivider(e.getKey(), e.getValue().getDividerPositions()[0]);
            }
        }
        return s;
    }

    /** Whether the project has changes that are not saved yet. */
    public boolean hasUnsavedChanges() {
        return viewModel.dirtyProperty().get() || viewModel.endpoints().hasUnsavedFormChanges();
    }

    /** Whether a load is running in the Tasks section. */
    public boolean hasRunningTasks() {
        return viewModel.tasks().isRunning();
    }

    /** Writes the current layout now (the window is closing). */
    public void saveLayoutNow() {
        layoutSave.stop();
        viewModel.saveWindowState(currentState());
    }
}
