package dev.ferry.app.gui.cutover;

import dev.ferry.app.gui.Fxml;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;

import java.io.IOException;

/**
 * The Validation &amp; cutover section ({@code Cutover.fxml}): per-table validation with the mismatched keys of the
 * selected table, and the six-step cutover wizard with each step's state and details and the drain's live lag. A thin
 * view over {@link CutoverViewModel}. JavaFX application thread only.
 */
public final class CutoverView {

    private final CutoverViewModel viewModel;
    private final Parent root;

    @FXML private ComboBox<String> taskBox;
    @FXML private SplitPane split;
    @FXML private Button validateButton;
    @FXML private Button cancelValidateButton;
    @FXML private Label validationStatusLabel;
    @FXML private TableView<ValidationRow> validationTable;
    @FXML private TableColumn<ValidationRow, String> colTable;
    @FXML private TableColumn<ValidationRow, String> colStatus;
    @FXML private TableColumn<ValidationRow, Number> colSource;
    @FXML private TableColumn<ValidationRow, Number> colTarget;
    @FXML private TableColumn<ValidationRow, String> colDetails;
    @FXML private TableView<KeyRow> keysTable;
    @FXML private TableColumn<KeyRow, String> colKind;
    @FXML private TableColumn<KeyRow, String> colKey;
    @FXML private CheckBox writesStoppedBox;
    @FXML private Button startCutoverButton;
    @FXML private Button restartCutoverButton;
    @FXML private Button cancelCutoverButton;
    @FXML private Label lagLabel;
    @FXML private Label cutoverStatusLabel;
    @FXML private TableView<CutoverStepRow> stepsTable;
    @FXML private TableColumn<CutoverStepRow, String> colStep;
    @FXML private TableColumn<CutoverStepRow, String> colStepTitle;
    @FXML private TableColumn<CutoverStepRow, String> colStepStatus;
    @FXML private ListView<String> stepDetails;
    @FXML private Label stepDetailsEmpty;
    @FXML private TextArea reportArea;

    private CutoverView(CutoverViewModel viewModel) {
        this.viewModel = viewModel;
        this.root = Fxml.load(CutoverView.class, "Cutover.fxml", this);
    }

    public static CutoverView create(CutoverViewModel viewModel) {
        return new CutoverView(viewModel);
    }

    public Parent root() {
        return root;
    }

    /** The validation / cutover split, for remembering its divider position. */
    public SplitPane split() {
        return split;
    }

    @FXML
    private void initialize() {
        taskBox.setItems(viewModel.taskNames());
        taskBox.valueProperty().bindBidirectional(viewModel.selectedTaskProperty());
        var busy = viewModel.validatingProperty().or(viewModel.cuttingOverProperty());
        validateButton.disableProperty().bind(busy.or(taskBox.valueProperty().isNull()));
        cancelValidateButton.disableProperty().bind(viewModel.validatingProperty().not());
        validationStatusLabel.textProperty().bind(viewModel.validationStatusProperty());
        validationTable.setItems(viewModel.validation());
        colTable.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().table()));
        colStatus.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().status()));
        // the exact counts, sorted as numbers, shown with thousands separators like the Tasks grid (10,000)
        colSource.setCellValueFactory(c -> new ReadOnlyObjectWrapper<Number>(c.getValue().validation().sourceRows()));
        colSource.setCellFactory(c -> new CountCell());
        colTarget.setCellValueFactory(c -> new ReadOnlyObjectWrapper<Number>(c.getValue().validation().targetRows()));
        colTarget.setCellFactory(c -> new CountCell());
        colDetails.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().details()));
        validationTable.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(ValidationRow r, boolean empty) {
                super.updateItem(r, empty);
                getStyleClass().removeAll("status-ok", "status-fail");
                if (!empty && r != null) {
                    getStyleClass().add(r.ok() ? "status-ok" : "status-fail");
                }
            }
        });
        validationTable.getSelectionModel().selectedItemProperty().addListener((obs, o, r) -> {
            if (r != null) {
                viewModel.selectedTableProperty().set(r);
            }
        });
        viewModel.selectedTableProperty().addListener((obs, o, r) -> {
            if (r != null && validationTable.getSelectionModel().getSelectedItem() != r) {
                validationTable.getSelectionModel().select(r);
            }
        });
        keysTable.setItems(viewModel.keys());
        colKind.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().kind()));
        colKey.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().key()));

        writesStoppedBox.selectedProperty().bindBidirectional(viewModel.writesStoppedProperty());
        startCutoverButton.disableProperty().bind(busy.or(taskBox.valueProperty().isNull()));
        restartCutoverButton.disableProperty().bind(busy.or(taskBox.valueProperty().isNull()));
        cancelCutoverButton.disableProperty().bind(viewModel.cuttingOverProperty().not());
        lagLabel.textProperty().bind(viewModel.lagProperty());
        cutoverStatusLabel.textProperty().bind(viewModel.cutoverStatusProperty());
        cutoverStatusLabel.managedProperty().bind(cutoverStatusLabel.textProperty().isNotEmpty()); // no gap when empty
        stepsTable.setItems(viewModel.steps());
        colStep.setCellValueFactory(c -> new ReadOnlyStringWrapper(String.valueOf(c.getValue().number())));
        colStepTitle.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().title()));
        colStepTitle.setCellFactory(c -> new WrappingCell<>());
        colStepStatus.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().status()));
        stepsTable.getSelectionModel().selectedItemProperty().addListener((obs, o, s) -> showDetails());
        viewModel.steps().addListener((javafx.collections.ListChangeListener<CutoverStepRow>) ch -> showDetails());
        reportArea.textProperty().bind(viewModel.reportProperty());
    }

    /** The selected step's details, else those of the running (or last non-pending) step. */
    private void showDetails() {
        int i = stepsTable.getSelectionModel().getSelectedIndex();
        CutoverStepRow s = i >= 0 && i < viewModel.steps().size() ? viewModel.steps().get(i) : null;
        if (s == null) {
            for (CutoverStepRow r : viewModel.steps()) {
                if (!"PENDING".equals(r.status())) {
                    s = r;
                }
            }
        }
        stepDetails.getItems().setAll(s == null ? java.util.List.of() : s.details());
        stepDetailsEmpty.setText(emptyDetailsHint(s));
    }

    /** What the empty details pane says: how to fill it, or why the selected step has nothing to show yet. */
    static String emptyDetailsHint(CutoverStepRow s) {
        if (s == null) {
            return "Select a step to see what it did. Start / continue runs the steps in order; each step records its"
                    + " details here.";
        }
        return switch (s.status()) {
            case "PENDING" -> "Step " + s.number() + " has not run yet.";
            case "RUNNING" -> "Step " + s.number() + " is running…";
            default -> "Step " + s.number() + " recorded no details.";
        };
    }

    @FXML
    private void validate() {
        viewModel.validate();
    }

    @FXML
    private void cancelValidation() {
        viewModel.cancelValidation();
    }

    @FXML
    private void startCutover() {
        viewModel.startCutover(false);
    }

    @FXML
    private void restartCutover() {
        viewModel.startCutover(true);
    }

    @FXML
    private void cancelCutover() {
        viewModel.cancelCutover();
    }

    /** A row count with thousands separators; the value itself stays the exact number (and sorts as one). */
    private static final class CountCell extends TableCell<ValidationRow, Number> {
        @Override
        protected void updateItem(Number item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : ValidationRow.count(item.longValue()));
        }
    }

    /** Text that wraps at the column's width, so a long step title makes its row taller instead of being cut. */
    private static final class WrappingCell<S> extends TableCell<S, String> {
        private final javafx.scene.text.Text text = new javafx.scene.text.Text();

        WrappingCell() {
            text.getStyleClass().add("wrap-text");
            setPrefHeight(USE_COMPUTED_SIZE);
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            if (!text.wrappingWidthProperty().isBound()) {
                text.wrappingWidthProperty().bind(getTableColumn().widthProperty().subtract(16));
            }
            text.setText(item);
            setGraphic(text);
        }
    }
}
