package dev.ferry.app.gui.endpoints;

import dev.ferry.app.gui.Fxml;
import dev.ferry.app.gui.Icons;
import dev.ferry.app.gui.endpoints.EndpointsViewModel.CheckRole;
import dev.ferry.app.gui.endpoints.EndpointsViewModel.PasswordMode;
import dev.ferry.app.gui.endpoints.EndpointsViewModel.TestState;
import dev.ferry.engine.endpoint.ReadinessCheck;
import dev.ferry.model.project.EndpointConfig;
import dev.ferry.model.project.TlsMode;
import dev.ferry.model.schema.Engine;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

import java.io.File;
import java.io.IOException;

/**
 * The Endpoints section ({@code Endpoints.fxml}): the endpoint list and the editor form with its connection test. A
 * thin view: it binds controls to its {@link EndpointsViewModel} and forwards actions. JavaFX application thread only.
 */
public final class EndpointsView {

    private final EndpointsViewModel viewModel;
    private final Parent root;

    @FXML private SplitPane split;
    @FXML private ListView<EndpointConfig> endpointList;
    @FXML private Label listEmptyLabel;
    @FXML private Button addButton;
    @FXML private Button duplicateButton;
    @FXML private Button removeButton;
    @FXML private Label formEmptyLabel;
    @FXML private ScrollPane formScroll;
    @FXML private Label formTitle;
    @FXML private TextField urlField;
    @FXML private Button pasteButton;
    @FXML private Label urlError;
    @FXML private javafx.scene.layout.GridPane form;
    @FXML private TextField nameField;
    @FXML private Label nameError;
    @FXML private ComboBox<Engine> engineBox;
    @FXML private Label hostLabel;
    @FXML private TextField hostField;
    @FXML private Label hostError;
    @FXML private Label portLabel;
    @FXML private TextField portField;
    @FXML private Label portError;
    @FXML private Label databaseLabel;
    @FXML private TextField databaseField;
    @FXML private CheckBox sidCheck;
    @FXML private Label databaseError;
    @FXML private Label pathLabel;
    @FXML private HBox pathBox;
    @FXML private TextField pathField;
    @FXML private Label pathError;
    @FXML private Label userLabel;
    @FXML private TextField userField;
    @FXML private Label passwordModeLabel;
    @FXML private ComboBox<PasswordMode> passwordModeBox;
    @FXML private Label passwordLabel;
    @FXML private PasswordField passwordField;
    @FXML private Label passwordHint;
    @FXML private Label passwordEnvLabel;
    @FXML private TextField passwordEnvField;
    @FXML private Label passwordEnvError;
    @FXML private Label tlsLabel;
    @FXML private ComboBox<TlsMode> tlsBox;
    @FXML private TextField timeoutField;
    @FXML private Label timeoutError;
    @FXML private TableView<DriverProperty> propertiesTable;
    @FXML private TableColumn<DriverProperty, String> propertyKeyColumn;
    @FXML private TableColumn<DriverProperty, String> propertyValueColumn;
    @FXML private Label propertiesError;
    @FXML private Button saveButton;
    @FXML private ComboBox<CheckRole> roleBox;
    @FXML private Button testButton;
    @FXML private ProgressIndicator testProgress;
    @FXML private Button cancelTestButton;
    @FXML private HBox testResultBox;
    @FXML private Label testResultIcon;
    @FXML private Label testMessage;
    @FXML private TableView<ReadinessCheck> readinessTable;
    @FXML private TableColumn<ReadinessCheck, ReadinessCheck.Status> checkStatusColumn;
    @FXML private TableColumn<ReadinessCheck, String> checkTitleColumn;
    @FXML private TableColumn<ReadinessCheck, String> checkDetailColumn;
    @FXML private TableColumn<ReadinessCheck, String> checkFixColumn;

    private EndpointsView(EndpointsViewModel viewModel) {
        this.viewModel = viewModel;
        this.root = Fxml.load(EndpointsView.class, "Endpoints.fxml", this);
    }

    public static EndpointsView create(EndpointsViewModel viewModel) {
        return new EndpointsView(viewModel);
    }

    public Parent root() {
        return root;
    }

    /** The list | form split pane (its divider position is remembered). */
    public SplitPane split() {
        return split;
    }

    @FXML
    private void initialize() {
        // list
        endpointList.setItems(viewModel.endpoints());
        endpointList.setCellFactory(l -> new EndpointCell());
        endpointList.getSelectionModel().selectedItemProperty().addListener((obs, o, e) -> {
            if (e != null && e != viewModel.selectedProperty().get() && !viewModel.select(e)) {
                // the user kept editing: put the selection back
                EndpointConfig keep = viewModel.selectedProperty().get();
                javafx.application.Platform.runLater(() -> {
                    if (keep == null) {
                        endpointList.getSelectionModel().clearSelection();
                    } else {
                        endpointList.getSelectionModel().select(keep);
                    }
                });
            }
        });
        viewModel.selectedProperty().addListener((obs, o, e) -> {
            if (e == null) {
                endpointList.getSelectionModel().clearSelection();
            } else if (endpointList.getSelectionModel().getSelectedItem() != e) {
                endpointList.getSelectionModel().select(e);
            }
        });
        show(listEmptyLabel, viewModel.endpoints().isEmpty());
        viewModel.endpoints().addListener((javafx.collections.ListChangeListener<EndpointConfig>) c ->
                show(listEmptyLabel, viewModel.endpoints().isEmpty()));
        endpointList.visibleProperty().bind(listEmptyLabel.visibleProperty().not());
        addButton.setGraphic(Icons.of(MaterialDesignP.PLUS, 16));
        duplicateButton.setGraphic(Icons.of(MaterialDesignC.CONTENT_COPY, 16));
        removeButton.setGraphic(Icons.of(MaterialDesignD.DELETE_OUTLINE, 16));
        duplicateButton.disableProperty().bind(viewModel.selectedProperty().isNull());
        removeButton.disableProperty().bind(viewModel.selectedProperty().isNull());

        // form: rows hidden for the chosen engine collapse fully (a GridPane's vgap would stay), so space comes from margins
        form.setVgap(0);
        for (Node n : form.getChildren()) {
            javafx.scene.layout.GridPane.setMargin(n, new javafx.geometry.Insets(4, 0, 4, 0));
        }
        formScroll.visibleProperty().bind(viewModel.editingProperty());
        formEmptyLabel.visibleProperty().bind(viewModel.editingProperty().not());
        formTitle.textProperty().bind(viewModel.nameProperty().map(n -> n.isBlank() ? "Endpoint" : n));
        pasteButton.setGraphic(Icons.of(MaterialDesignC.CONTENT_PASTE, 16));
        urlField.setOnAction(e -> pasteUrl());
        bindError(urlError, viewModel.urlErrorProperty());
        nameField.textProperty().bindBidirectional(viewModel.nameProperty());
        bindError(nameError, viewModel.nameErrorProperty());
        engineBox.setItems(FXCollections.observableArrayList(Engine.values()));
        engineBox.setConverter(converter(Engine::displayName));
        engineBox.setButtonCell(new EngineListCell());
        engineBox.setCellFactory(l -> new EngineListCell());
        engineBox.valueProperty().bindBidirectional(viewModel.engineProperty());
        hostField.textProperty().bindBidirectional(viewModel.hostProperty());
        bindError(hostError, viewModel.hostErrorProperty());
        portField.textProperty().bindBidirectional(viewModel.portProperty());
        bindError(portError, viewModel.portErrorProperty());
        databaseField.textProperty().bindBidirectional(viewModel.databaseProperty());
        sidCheck.selectedProperty().bindBidirectional(viewModel.oracleSidProperty());
        sidCheck.setTooltip(new Tooltip("Connect by SID instead of service name"));
        bindError(databaseError, viewModel.databaseErrorProperty());
        pathField.textProperty().bindBidirectional(viewModel.pathProperty());
        bindError(pathError, viewModel.pathErrorProperty());
        userField.textProperty().bindBidirectional(viewModel.userProperty());
        passwordModeBox.setItems(FXCollections.observableArrayList(PasswordMode.values()));
        passwordModeBox.valueProperty().bindBidirectional(viewModel.passwordModeProperty());
        passwordField.textProperty().bindBidirectional(viewModel.passwordProperty());
        passwordHint.textProperty().bind(viewModel.passwordHintProperty());
        passwordEnvField.textProperty().bindBidirectional(viewModel.passwordEnvProperty());
        bindError(passwordEnvError, viewModel.passwordEnvErrorProperty());
        tlsBox.setItems(FXCollections.observableArrayList(TlsMode.values()));
        tlsBox.setConverter(converter(TlsMode::externalName));
        tlsBox.valueProperty().bindBidirectional(viewModel.tlsProperty());
        timeoutField.textProperty().bindBidirectional(viewModel.timeoutProperty());
        bindError(timeoutError, viewModel.timeoutErrorProperty());
        propertiesTable.setItems(viewModel.properties());
        propertiesTable.setPlaceholder(emptyState("No extra driver properties."));
        propertiesTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        propertyKeyColumn.setCellValueFactory(c -> c.getValue().keyProperty());
        propertyKeyColumn.setCellFactory(TextFieldTableCell.forTableColumn());
        propertyValueColumn.setCellValueFactory(c -> c.getValue().valueProperty());
        propertyValueColumn.setCellFactory(TextFieldTableCell.forTableColumn());
        bindError(propertiesError, viewModel.propertiesErrorProperty());
        viewModel.engineProperty().addListener((obs, o, e) -> updateEngineFields());
        viewModel.passwordModeProperty().addListener((obs, o, m) -> updateEngineFields());
        viewModel.oracleSidProperty().addListener((obs, o, m) -> updateEngineFields());
        updateEngineFields();
        saveButton.setGraphic(Icons.of(org.kordamp.ikonli.materialdesign2.MaterialDesignC.CONTENT_SAVE, 16));
        saveButton.disableProperty().bind(viewModel.validProperty().not().or(viewModel.savingProperty()));

        // test
        roleBox.setItems(FXCollections.observableArrayList(CheckRole.values()));
        roleBox.valueProperty().bindBidirectional(viewModel.checkRoleProperty());
        testButton.setGraphic(Icons.of(MaterialDesignL.LAN_CONNECT, 16));
        testButton.disableProperty().bind(viewModel.testingProperty());
        show(testProgress, false);
        testProgress.visibleProperty().bind(viewModel.testingProperty());
        testProgress.managedProperty().bind(viewModel.testingProperty());
        cancelTestButton.visibleProperty().bind(viewModel.testingProperty());
        cancelTestButton.managedProperty().bind(viewModel.testingProperty());
        testMessage.textProperty().bind(viewModel.testMessageProperty());
        viewModel.testStateProperty().addListener((obs, o, s) -> updateTestResult(s));
        updateTestResult(viewModel.testStateProperty().get());
        readinessTable.setItems(viewModel.readiness());
        readinessTable.setPlaceholder(emptyState("Choose a role under \"Check as\" and test the connection to run the readiness checks."));
        readinessTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        checkStatusColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().status()));
        checkStatusColumn.setCellFactory(c -> new StatusCell());
        checkTitleColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().title()));
        checkTitleColumn.setCellFactory(c -> new WrappingCell());
        checkDetailColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().detail()));
        checkDetailColumn.setCellFactory(c -> new WrappingCell());
        checkFixColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().fix()));
        checkFixColumn.setCellFactory(c -> new FixCell());
        // the Fix column only when a check has a fix: otherwise its width goes to Check and Found, which wrap less
        checkFixColumn.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> viewModel.readiness().stream().anyMatch(r -> r.fix() != null && !r.fix().isBlank()), viewModel.readiness()));
        readinessTable.visibleProperty().bind(viewModel.checkRoleProperty().isNotEqualTo(CheckRole.CONNECTION_ONLY));
        readinessTable.managedProperty().bind(readinessTable.visibleProperty());
    }

    private void updateEngineFields() {
        Engine e = viewModel.engineProperty().get();
        boolean sqlite = e == Engine.SQLITE;
        boolean env = viewModel.passwordModeProperty().get() == PasswordMode.ENVIRONMENT;
        show(!sqlite, hostLabel, hostField, hostError, portLabel, portField, portError, databaseLabel, databaseField.getParent(),
                databaseError, userLabel, userField, passwordModeLabel, passwordModeBox, tlsLabel, tlsBox);
        show(sqlite, pathLabel, pathBox, pathError);
        show(!sqlite && !env, passwordLabel, passwordField, passwordHint);
        show(!sqlite && env, passwordEnvLabel, passwordEnvField, passwordEnvError);
        show(e == Engine.ORACLE, sidCheck);
        databaseLabel.setText(e == Engine.ORACLE ? (viewModel.oracleSidProperty().get() ? "SID" : "Service name")
                : e == Engine.MYSQL ? "Database (optional)" : "Database");
        portField.setPromptText(EndpointsViewModel.defaultPort(e == null ? Engine.POSTGRESQL : e));
    }

    private void updateTestResult(TestState s) {
        testResultBox.getStyleClass().removeAll("ok", "failed", "running", "cancelled");
        show(testResultBox, s != TestState.IDLE);
        switch (s) {
            case OK:
                testResultBox.getStyleClass().add("ok");
                testResultIcon.setGraphic(Icons.of(MaterialDesignC.CHECK_CIRCLE, 20));
                break;
            case FAILED:
                testResultBox.getStyleClass().add("failed");
                testResultIcon.setGraphic(Icons.of(MaterialDesignA.ALERT_CIRCLE, 20));
                break;
            case RUNNING:
                testResultBox.getStyleClass().add("running");
                testResultIcon.setGraphic(Icons.of(MaterialDesignL.LAN_CONNECT, 20));
                break;
            case CANCELLED:
                testResultBox.getStyleClass().add("cancelled");
                testResultIcon.setGraphic(Icons.of(MaterialDesignC.CANCEL, 20));
                break;
            default:
                testResultIcon.setGraphic(null);
        }
    }

    private static void bindError(Label label, ObservableStringValue message) {
        label.textProperty().bind(message);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    private static void show(boolean visible, Node... nodes) {
        for (Node n : nodes) {
            show(n, visible);
        }
    }

    private static void show(Node n, boolean visible) {
        if (!n.visibleProperty().isBound()) {
            n.setVisible(visible);
        }
        if (!n.managedProperty().isBound()) {
            n.setManaged(visible);
        }
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : text.apply(t);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException();
            }
        };
    }

    @FXML
    private void add() {
        viewModel.add();
        nameField.requestFocus();
        nameField.selectAll();
    }

    @FXML
    private void duplicate() {
        viewModel.duplicate();
        nameField.requestFocus();
    }

    @FXML
    private void remove() {
        viewModel.remove();
    }

    @FXML
    private void pasteUrl() {
        String url = urlField.getText();
        viewModel.pasteUrl(url);
        if (viewModel.urlErrorProperty().get().isEmpty()) {
            urlField.clear(); // it may hold a password
        }
    }

    @FXML
    private void browse() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("SQLite database file");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("SQLite databases", "*.db", "*.sqlite", "*.sqlite3"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File f = chooser.showOpenDialog(root.getScene().getWindow());
        if (f != null) {
            viewModel.pathProperty().set(f.getAbsolutePath());
        }
    }

    @FXML
    private void addProperty() {
        viewModel.properties().add(new DriverProperty("", ""));
        int row = viewModel.properties().size() - 1;
        propertiesTable.layout();
        propertiesTable.edit(row, propertyKeyColumn);
    }

    @FXML
    private void removeProperty() {
        DriverProperty p = propertiesTable.getSelectionModel().getSelectedItem();
        if (p != null) {
            viewModel.properties().remove(p);
        }
    }

    @FXML
    private void save() {
        viewModel.save();
    }

    @FXML
    private void test() {
        viewModel.testConnection();
    }

    @FXML
    private void cancelTest() {
        viewModel.cancelTest();
    }

    private static final class EndpointCell extends ListCell<EndpointConfig> {
        EndpointCell() {
            getStyleClass().add("endpoint-cell");
            setPrefWidth(0); // ellipsize long descriptions instead of scrolling sideways
        }

        @Override
        protected void updateItem(EndpointConfig item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            Label name = new Label(item.name());
            name.getStyleClass().add("text-bold");
            Label detail = new Label(item.describe());
            detail.getStyleClass().addAll("text-muted", "text-small");
            VBox text = new VBox(2, name, detail);
            text.setMinWidth(0);
            HBox box = new HBox(10, Icons.engine(item.engine()), text);
            box.setAlignment(Pos.CENTER_LEFT);
            setText(null);
            setGraphic(box);
            setTooltip(new Tooltip(item.describe()));
        }
    }

    private static final class EngineListCell extends ListCell<Engine> {
        @Override
        protected void updateItem(Engine item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.displayName());
            setGraphic(empty || item == null ? null : Icons.engine(item));
        }
    }

    /** A table placeholder in the workbench's empty-state style (muted, wrapped, the body's font size). */
    private static Label emptyState(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add("empty-state");
        return l;
    }

    private static final class StatusCell extends TableCell<ReadinessCheck, ReadinessCheck.Status> {
        @Override
        protected void updateItem(ReadinessCheck.Status item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            setGraphic(empty || item == null ? null : Icons.status(item));
            setAlignment(Pos.TOP_CENTER);
            setTooltip(empty || item == null ? null : new Tooltip(item.name()));
        }
    }

    private static class WrappingCell extends TableCell<ReadinessCheck, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            setGraphic(wrapped(item, getTableColumn().widthProperty().subtract(16), "wrap-text"));
            setAlignment(Pos.TOP_LEFT); // every column's text starts on the status icon's line
        }
    }

    /** A Text that wraps at the column's width, so the row grows to fit (a Label's height is computed too early). */
    private static javafx.scene.text.Text wrapped(String s, javafx.beans.value.ObservableNumberValue width, String style) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(s);
        t.getStyleClass().add(style);
        t.wrappingWidthProperty().bind(width);
        return t;
    }

    private static final class FixCell extends TableCell<ReadinessCheck, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            if (empty || item == null || item.isBlank()) {
                setGraphic(null);
                return;
            }
            javafx.scene.text.Text l = wrapped(item, getTableColumn().widthProperty().subtract(52), "wrap-code");
            Button copy = new Button(null, Icons.of(MaterialDesignC.CONTENT_COPY, 14));
            copy.getStyleClass().addAll("small", "flat");
            copy.setMinWidth(Region.USE_PREF_SIZE);
            copy.setTooltip(new Tooltip("Copy the fix"));
            copy.setOnAction(e -> {
                ClipboardContent cc = new ClipboardContent();
                cc.putString(item);
                Clipboard.getSystemClipboard().setContent(cc);
            });
            HBox box = new HBox(6, l, copy);
            box.setAlignment(Pos.TOP_LEFT);
            setGraphic(box);
        }
    }
}
