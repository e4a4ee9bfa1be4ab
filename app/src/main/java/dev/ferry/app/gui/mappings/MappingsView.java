package dev.ferry.app.gui.mappings;

import dev.ferry.app.gui.Fxml;
import dev.ferry.model.project.TableMappingRule;
import dev.ferry.model.project.TransformationRule;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;

/**
 * The Table mappings section ({@code Mappings.fxml}): the DMS rules as a table with add/remove/reorder, undo/redo
 * (buttons, Ctrl+Z / Ctrl+Y), import/export, and the live preview. A thin view over {@link MappingsViewModel}. JavaFX
 * application thread only.
 */
public final class MappingsView {

    private final MappingsViewModel viewModel;
    private final Parent root;

    @FXML private Button undoButton;
    @FXML private Button redoButton;
    @FXML private Button upButton;
    @FXML private Button downButton;
    @FXML private Button removeButton;
    @FXML private Label mappingsStatusLabel;
    @FXML private ComboBox<RuleForm.Kind> kindBox;
    @FXML private Button updateButton;
    @FXML private FlowPane formPane;
    private final Map<RuleForm.Field, Label> fieldLabels = new EnumMap<>(RuleForm.Field.class);
    private final BooleanProperty selectedEditable = new SimpleBooleanProperty();
    @FXML private SplitPane split;
    @FXML private TableView<TableMappingRule> rulesTable;
    @FXML private TableColumn<TableMappingRule, String> colId;
    @FXML private TableColumn<TableMappingRule, String> colType;
    @FXML private TableColumn<TableMappingRule, String> colRule;
    @FXML private ComboBox<String> endpointBox;
    @FXML private Button readSourceButton;
    @FXML private Label previewLabel;
    @FXML private TableView<PreviewRow> previewTable;
    @FXML private TableColumn<PreviewRow, String> colSource;
    @FXML private TableColumn<PreviewRow, String> colTarget;
    @FXML private TableColumn<PreviewRow, String> colColumns;
    @FXML private TableColumn<PreviewRow, String> colDetails;

    private MappingsView(MappingsViewModel viewModel) {
        this.viewModel = viewModel;
        this.root = Fxml.load(MappingsView.class, "Mappings.fxml", this);
        root.sceneProperty().addListener((obs, o, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN), this::undoIfShown);
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN), this::redoIfShown);
            }
        });
    }

    public static MappingsView create(MappingsViewModel viewModel) {
        return new MappingsView(viewModel);
    }

    public Parent root() {
        return root;
    }

    /** The rules/preview split, for remembering its divider position. */
    public SplitPane split() {
        return split;
    }

    @FXML
    private void initialize() {
        rulesTable.setItems(viewModel.rules());
        colId.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().ruleId()));
        colType.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().ruleType()));
        colRule.setCellValueFactory(c -> new ReadOnlyStringWrapper(MappingsViewModel.describe(c.getValue())));
        previewTable.setItems(viewModel.preview());
        colSource.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().source()));
        colTarget.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().target()));
        colColumns.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().columns()));
        colDetails.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().details()));
        previewTable.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(PreviewRow r, boolean empty) {
                super.updateItem(r, empty);
                // a wide table's column list is cut in the grid: the whole of it in the row's tooltip
                setTooltip(empty || r == null ? null : new javafx.scene.control.Tooltip(previewTooltip(r)));
            }
        });
        previewLabel.textProperty().bind(viewModel.previewMessageProperty());
        mappingsStatusLabel.textProperty().bind(viewModel.statusProperty());
        undoButton.disableProperty().bind(viewModel.canUndoProperty().not());
        redoButton.disableProperty().bind(viewModel.canRedoProperty().not());
        var noSelection = rulesTable.getSelectionModel().selectedItemProperty().isNull();
        upButton.disableProperty().bind(noSelection);
        downButton.disableProperty().bind(noSelection);
        removeButton.disableProperty().bind(noSelection);
        buildForm();
        rulesTable.getSelectionModel().selectedIndexProperty().addListener((obs, o, i) ->
                selectedEditable.set(i.intValue() >= 0 && viewModel.loadIntoForm(i.intValue())));
        updateButton.disableProperty().bind(noSelection.or(selectedEditable.not()));
        endpointBox.setItems(viewModel.endpointNames());
        endpointBox.valueProperty().bindBidirectional(viewModel.selectedEndpointProperty());
        readSourceButton.disableProperty().bind(viewModel.readingProperty().or(endpointBox.valueProperty().isNull()));
    }

    /** A preview row's tooltip: source → target, every target column, and the types/filter/key/settings. */
    static String previewTooltip(PreviewRow r) {
        String details = r.details() == null || r.details().isBlank() ? "" : "\n" + r.details();
        return r.source() + " → " + r.target() + "\nColumns: " + r.columns() + details;
    }

    /** One label + control per form field in {@code formPane}, shown only when the rule type needs it. */
    private void buildForm() {
        RuleForm form = viewModel.form();
        kindBox.getItems().setAll(RuleForm.Kind.values());
        kindBox.valueProperty().bindBidirectional(form.kindProperty());
        for (RuleForm.Field f : RuleForm.Field.values()) {
            Control control = switch (f) {
                case TARGET -> choice(RuleForm.TARGETS, false);
                case FILTER_OPERATOR -> choice(RuleForm.OPERATORS, true);
                case DATA_TYPE -> choice(TransformationRule.DMS_TYPES, true);
                case PARALLEL_TYPE -> choice(RuleForm.PARALLEL_TYPES, false);
                case LOB_MODE -> choice(RuleForm.LOB_MODES, false);
                default -> {
                    TextField t = new TextField();
                    t.textProperty().bindBidirectional(form.property(f));
                    t.setPromptText(prompt(f));
                    t.setPrefWidth(switch (f) {
                        case LENGTH, PRECISION, SCALE, BULK_MAX_SIZE, LOAD_ORDER -> 70;
                        case BOUNDARIES, EXPRESSION -> 220;
                        default -> 130;
                    });
                    yield t;
                }
            };
            if (control instanceof ComboBox<?> box) {
                @SuppressWarnings("unchecked")
                ComboBox<String> b = (ComboBox<String>) box;
                b.valueProperty().bindBidirectional(form.property(f));
            }
            control.setId(id(f));
            Label label = new Label();
            label.setLabelFor(control);
            label.getStyleClass().add("text-muted");
            fieldLabels.put(f, label);
            VBox cell = new VBox(2, label, control);
            cell.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                    () -> form.fields().contains(f), form.fieldsProperty()));
            cell.managedProperty().bind(cell.visibleProperty());
            formPane.getChildren().add(cell);
        }
        Runnable relabel = () -> fieldLabels.forEach((f, l) -> l.setText(form.label(f)));
        form.fieldsProperty().addListener((obs, o, n) -> relabel.run());
        form.kindProperty().addListener((obs, o, n) -> relabel.run());
        form.kindProperty().set(RuleForm.Kind.RENAME);
        relabel.run();
    }

    private static ComboBox<String> choice(java.util.List<String> items, boolean withEmpty) {
        ComboBox<String> box = new ComboBox<>();
        if (withEmpty) {
            box.getItems().add("");
        }
        box.getItems().addAll(items);
        box.setPrefWidth(130);
        return box;
    }

    /** The node id of a field's control, e.g. {@code schemaField}, {@code filterOperatorBox}, {@code newNameField}. */
    static String id(RuleForm.Field f) {
        return switch (f) {
            case VALUE -> "newNameField";
            case TARGET -> "targetBox";
            case FILTER_OPERATOR -> "filterOperatorBox";
            case DATA_TYPE -> "dataTypeBox";
            case PARALLEL_TYPE -> "parallelTypeBox";
            case LOB_MODE -> "lobModeBox";
            default -> {
                String[] parts = f.name().toLowerCase(java.util.Locale.ROOT).split("_");
                StringBuilder b = new StringBuilder(parts[0]);
                for (int i = 1; i < parts.length; i++) {
                    b.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
                }
                yield b.append("Field").toString();
            }
        };
    }

    private static String prompt(RuleForm.Field f) {
        return switch (f) {
            case SCHEMA -> "schema (% = any)";
            case TABLE -> "table (% = any)";
            case COLUMN -> "column";
            case KEY_COLUMNS, PARALLEL_COLUMNS -> "col1, col2";
            case BOUNDARIES -> "100; 200 (values of a row: a, b)";
            case LOAD_ORDER -> "0 (higher loads first)";
            case PARTITIONS -> "p2024, p2025";
            case SUBPARTITIONS -> "sp1, sp2 (optional)";
            case EXPRESSION -> "$column";
            default -> "";
        };
    }

    private TextField field(RuleForm.Field f) {
        return (TextField) formPane.lookup("#" + id(f));
    }

    @FXML
    private void addFromForm() {
        viewModel.addFromForm();
    }

    @FXML
    private void updateFromForm() {
        int index = rulesTable.getSelectionModel().getSelectedIndex();
        viewModel.updateFromForm(index);
        rulesTable.getSelectionModel().clearAndSelect(index);
    }

    private void undoIfShown() {
        if (root.getParent() != null) {
            viewModel.undo();
        }
    }

    private void redoIfShown() {
        if (root.getParent() != null) {
            viewModel.redo();
        }
    }

    @FXML
    private void undo() {
        viewModel.undo();
    }

    @FXML
    private void redo() {
        viewModel.redo();
    }

    @FXML
    private void moveUp() {
        move(-1);
    }

    @FXML
    private void moveDown() {
        move(1);
    }

    private void move(int delta) {
        int to = viewModel.move(rulesTable.getSelectionModel().getSelectedIndex(), delta);
        rulesTable.getSelectionModel().clearAndSelect(to);
    }

    @FXML
    private void remove() {
        viewModel.remove(rulesTable.getSelectionModel().getSelectedIndex());
    }

    @FXML
    private void addInclude() {
        viewModel.addInclude(orAny(field(RuleForm.Field.SCHEMA)), orAny(field(RuleForm.Field.TABLE)));
    }

    @FXML
    private void addRename() {
        TextField schemaField = field(RuleForm.Field.SCHEMA);
        TextField tableField = field(RuleForm.Field.TABLE);
        TextField newNameField = field(RuleForm.Field.VALUE);
        String column = field(RuleForm.Field.COLUMN).getText();
        if (column == null || column.isBlank() || !viewModel.form().fields().contains(RuleForm.Field.COLUMN)) {
            viewModel.addRenameTable(orAny(schemaField), orAny(tableField), newNameField.getText());
        } else {
            viewModel.addRenameColumn(orAny(schemaField), orAny(tableField), column.strip(), newNameField.getText());
        }
    }

    private static String orAny(TextField f) {
        String s = f.getText();
        return s == null || s.isBlank() ? "%" : s.strip();
    }

    @FXML
    private void read() {
        viewModel.readSourceCatalog();
    }

    @FXML
    private void importJson() {
        viewModel.importJson();
    }

    @FXML
    private void exportJson() {
        viewModel.exportJson();
    }
}
