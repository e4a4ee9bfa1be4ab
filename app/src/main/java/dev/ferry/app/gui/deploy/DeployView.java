package dev.ferry.app.gui.deploy;

import dev.ferry.app.gui.Fxml;
import dev.ferry.app.gui.assessment.SqlHighlighter;
import dev.ferry.engine.deploy.DeployOptions;
import dev.ferry.engine.deploy.TargetPrepPreview;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;

import java.io.IOException;

/**
 * The Deploy section ({@code Deploy.fxml}): the plan as a checklist, the selected object's SQL (read-only RichTextFX),
 * dry run / Apply / Cancel with progress, the drift check, the errors (a click selects the object) and every step's
 * result. A thin view over {@link DeployViewModel}. JavaFX application thread only.
 */
public final class DeployView {

    private final DeployViewModel viewModel;
    private final Parent root;
    private final CodeArea sqlArea = new CodeArea();
    private boolean selecting;

    @FXML private TextField folderField;
    @FXML private Button browseButton;
    @FXML private Button openButton;
    @FXML private Button lastButton;
    @FXML private ComboBox<String> endpointBox;
    @FXML private ComboBox<DeployOptions.OnError> onErrorBox;
    @FXML private ComboBox<DeployOptions.TargetPrep> prepBox;
    @FXML private Label prepLabel;
    @FXML private ListView<TargetPrepPreview.Item> prepList;
    @FXML private Button dryRunButton;
    @FXML private Button applyButton;
    @FXML private Button cancelButton;
    @FXML private ProgressBar progressBar;
    @FXML private Label deployStatusLabel;
    @FXML private SplitPane split;
    @FXML private SplitPane detailSplit;
    @FXML private TableView<DeployRow> objectsTable;
    @FXML private TableColumn<DeployRow, String> colMark;
    @FXML private TableColumn<DeployRow, String> colOrder;
    @FXML private TableColumn<DeployRow, String> colPhase;
    @FXML private TableColumn<DeployRow, String> colType;
    @FXML private TableColumn<DeployRow, String> colName;
    @FXML private TableColumn<DeployRow, String> colPlan;
    @FXML private TableColumn<DeployRow, String> colResult;
    @FXML private TableColumn<DeployRow, String> colMessage;
    @FXML private StackPane sqlHolder;
    @FXML private Label driftLabel;
    @FXML private Label selectedMessageLabel;
    @FXML private ListView<DeployRow> problemsList;
    @FXML private ListView<String> logList;

    private DeployView(DeployViewModel viewModel) {
        this.viewModel = viewModel;
        this.root = Fxml.load(DeployView.class, "Deploy.fxml", this);
    }

    public static DeployView create(DeployViewModel viewModel) {
        return new DeployView(viewModel);
    }

    public Parent root() {
        return root;
    }

    /** The plan / detail split, for remembering its divider position. */
    public SplitPane split() {
        return split;
    }

    /** The SQL / results split. */
    public SplitPane detailSplit() {
        return detailSplit;
    }

    /** The read-only SQL pane. */
    public CodeArea sqlArea() {
        return sqlArea;
    }

    @FXML
    private void initialize() {
        sqlArea.setId("sqlArea");
        sqlArea.setEditable(false);
        sqlArea.setParagraphGraphicFactory(LineNumberFactory.get(sqlArea));
        sqlArea.getStyleClass().add("code-area-ferry");
        sqlHolder.getChildren().add(new VirtualizedScrollPane<>(sqlArea));
        viewModel.selectedSqlProperty().addListener((obs, o, sql) -> showSql(sql));
        showSql(viewModel.selectedSqlProperty().get());

        folderField.textProperty().bindBidirectional(viewModel.folderProperty());
        endpointBox.setItems(viewModel.endpointNames());
        endpointBox.valueProperty().bindBidirectional(viewModel.selectedEndpointProperty());
        onErrorBox.getItems().setAll(DeployOptions.OnError.values());
        onErrorBox.valueProperty().bindBidirectional(viewModel.onErrorProperty());
        prepBox.getItems().setAll(DeployOptions.TargetPrep.values());
        prepBox.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(DeployOptions.TargetPrep p) {
                return p == null ? "" : TargetPrepPreview.cliName(p);
            }

            @Override
            public DeployOptions.TargetPrep fromString(String s) {
                return DeployOptions.TargetPrep.valueOf(s.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
            }
        });
        prepBox.valueProperty().bindBidirectional(viewModel.targetPrepProperty());
        prepBox.disableProperty().bind(viewModel.busyProperty());
        prepLabel.textProperty().bind(viewModel.prepSummaryProperty());
        prepList.setItems(viewModel.prepItems());
        prepList.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(viewModel.prepItems()));
        prepList.managedProperty().bind(prepList.visibleProperty());
        prepList.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(TargetPrepPreview.Item i, boolean empty) {
                super.updateItem(i, empty);
                setText(empty || i == null ? null : i.describe(viewModel.targetPrepProperty().get()));
            }
        });
        prepList.getSelectionModel().selectedItemProperty().addListener((obs, o, i) -> {
            if (i != null) {
                viewModel.select(i.key());
            }
        });
        var busy = viewModel.busyProperty();
        openButton.disableProperty().bind(busy);
        browseButton.disableProperty().bind(busy);
        lastButton.disableProperty().bind(busy);
        endpointBox.disableProperty().bind(busy);
        var noPlan = javafx.beans.binding.Bindings.isEmpty(viewModel.rows());
        dryRunButton.disableProperty().bind(busy.or(noPlan).or(endpointBox.valueProperty().isNull()));
        applyButton.disableProperty().bind(busy.or(noPlan).or(endpointBox.valueProperty().isNull()));
        cancelButton.disableProperty().bind(viewModel.deployingProperty().not());
        progressBar.progressProperty().bind(viewModel.progressProperty());
        progressBar.visibleProperty().bind(viewModel.deployingProperty().or(viewModel.progressProperty().greaterThan(0)));
        deployStatusLabel.textProperty().bind(viewModel.statusProperty());
        driftLabel.textProperty().bind(viewModel.driftSummaryProperty());

        objectsTable.setItems(viewModel.rows());
        colMark.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().mark()));
        colOrder.setCellValueFactory(c -> new ReadOnlyStringWrapper(String.valueOf(c.getValue().order())));
        colPhase.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().phase().cliName()));
        colType.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().type()));
        colName.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        colPlan.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().plan()));
        colResult.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().resultText()));
        colMessage.setCellValueFactory(c -> new ReadOnlyStringWrapper(message(c.getValue())));
        objectsTable.getSelectionModel().selectedItemProperty().addListener((obs, o, row) -> {
            if (row != null && !selecting) {
                viewModel.select(row.key());
            }
        });
        viewModel.selectedKeyProperty().addListener((obs, o, key) -> selectRow(key));
        objectsTable.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(DeployRow r, boolean empty) {
                super.updateItem(r, empty);
                setTooltip(empty || r == null ? null : new Tooltip(r.tooltip()));
            }
        });
        selectedMessageLabel.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(this::selectedResult,
                viewModel.selectedKeyProperty(), viewModel.rows()));
        selectedMessageLabel.managedProperty().bind(selectedMessageLabel.textProperty().isNotEmpty()); // no gap when empty
        selectedMessageLabel.visibleProperty().bind(selectedMessageLabel.managedProperty());

        problemsList.setItems(viewModel.problems());
        problemsList.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(DeployRow r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : r.result() + " " + r.type() + " " + r.name() + ": " + message(r));
            }
        });
        problemsList.getSelectionModel().selectedItemProperty().addListener((obs, o, r) -> {
            if (r != null) {
                viewModel.select(r.key());
            }
        });
        logList.setItems(viewModel.log());
        viewModel.log().addListener((javafx.collections.ListChangeListener<String>) ch -> {
            if (!viewModel.log().isEmpty()) {
                logList.scrollTo(viewModel.log().size() - 1);
            }
        });
    }

    private static String message(DeployRow r) {
        return r.fullMessage();
    }

    /** The selected object's latest result and message, shown under the SQL pane's title. */
    private String selectedResult() {
        String key = viewModel.selectedKeyProperty().get();
        if (key == null) {
            return "";
        }
        for (DeployRow r : viewModel.rows()) {
            if (r.key().equals(key)) {
                return r.resultLine();
            }
        }
        return "";
    }

    private void selectRow(String key) {
        if (key == null) {
            return;
        }
        for (int i = 0; i < viewModel.rows().size(); i++) {
            if (viewModel.rows().get(i).key().equals(key)) {
                selecting = true;
                try {
                    objectsTable.getSelectionModel().clearAndSelect(i);
                    objectsTable.scrollTo(Math.max(0, i - 3));
                } finally {
                    selecting = false;
                }
                return;
            }
        }
    }

    private void showSql(String sql) {
        sqlArea.replaceText(sql == null ? "" : sql);
        if (!sqlArea.getText().isEmpty()) {
            sqlArea.setStyleSpans(0, SqlHighlighter.spans(sqlArea.getText()));
        }
        sqlArea.moveTo(0);
        sqlArea.requestFollowCaret();
    }

    @FXML
    private void browse() {
        javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
        chooser.setTitle("Assessment folder (with assessment.json)");
        java.io.File dir = chooser.showDialog(root.getScene().getWindow());
        if (dir != null) {
            viewModel.folderProperty().set(dir.toString());
            viewModel.open();
        }
    }

    @FXML
    private void open() {
        viewModel.open();
    }

    @FXML
    private void openLast() {
        viewModel.openLastAssessment();
    }

    @FXML
    private void dryRun() {
        viewModel.dryRun();
    }

    @FXML
    private void apply() {
        viewModel.apply();
    }

    @FXML
    private void cancel() {
        viewModel.cancel();
    }
}
