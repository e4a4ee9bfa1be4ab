package dev.ferry.app.gui.mappings;

import dev.ferry.model.project.TableMappingRule;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

import java.io.IOException;
import java.io.UncheckedIOException;

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
    @FXML private TextField schemaField;
    @FXML private TextField tableField;
    @FXML private TextField columnField;
    @FXML private TextField newNameField;
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

    private MappingsView(MappingsViewModel viewModel) {
        this.viewModel = viewModel;
        FXMLLoader loader = new FXMLLoader(MappingsView.class.getResource("Mappings.fxml"));
        loader.setController(this);
        try {
            this.root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load Mappings.fxml", e);
        }
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
        previewLabel.textProperty().bind(viewModel.previewMessageProperty());
        mappingsStatusLabel.textProperty().bind(viewModel.statusProperty());
        undoButton.disableProperty().bind(viewModel.canUndoProperty().not());
        redoButton.disableProperty().bind(viewModel.canRedoProperty().not());
        var noSelection = rulesTable.getSelectionModel().selectedItemProperty().isNull();
        upButton.disableProperty().bind(noSelection);
        downButton.disableProperty().bind(noSelection);
        removeButton.disableProperty().bind(noSelection);
        endpointBox.setItems(viewModel.endpointNames());
        endpointBox.valueProperty().bindBidirectional(viewModel.selectedEndpointProperty());
        readSourceButton.disableProperty().bind(viewModel.readingProperty().or(endpointBox.valueProperty().isNull()));
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
        viewModel.addInclude(orAny(schemaField), orAny(tableField));
    }

    @FXML
    private void addRename() {
        String column = columnField.getText();
        if (column == null || column.isBlank()) {
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
