package dev.ferry.app.gui.catalog;

import dev.ferry.app.gui.Fxml;
import dev.ferry.app.gui.Icons;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignO;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

import java.io.IOException;
import java.util.function.Function;

/**
 * The Catalog section ({@code Catalog.fxml}): endpoint choice, background catalog read with progress, a filtered tree
 * and a detail pane. A thin view over {@link CatalogViewModel}. JavaFX application thread only.
 */
public final class CatalogView {

    private final CatalogViewModel viewModel;
    private final Parent root;

    @FXML private ComboBox<String> endpointBox;
    @FXML private Button readButton;
    @FXML private Button cancelButton;
    @FXML private ProgressIndicator readProgress;
    @FXML private Label progressLabel;
    @FXML private SplitPane split;
    @FXML private TextField filterField;
    @FXML private TreeView<CatalogNode> tree;
    @FXML private Label treeEmptyLabel;
    @FXML private Label detailEmptyLabel;
    @FXML private VBox detailBox;
    @FXML private Label detailTitle;
    @FXML private Label detailSummary;
    @FXML private SplitPane detailSplit;
    @FXML private TableView<ColumnRow> columnsTable;
    @FXML private TableColumn<ColumnRow, String> colName;
    @FXML private TableColumn<ColumnRow, String> colType;
    @FXML private TableColumn<ColumnRow, String> colNullable;
    @FXML private TableColumn<ColumnRow, String> colDefault;
    @FXML private TableColumn<ColumnRow, String> colIdentity;
    @FXML private Label lowerHeading;
    @FXML private TextArea lowerText;

    private CatalogView(CatalogViewModel viewModel) {
        this.viewModel = viewModel;
        this.root = Fxml.load(CatalogView.class, "Catalog.fxml", this);
    }

    public static CatalogView create(CatalogViewModel viewModel) {
        return new CatalogView(viewModel);
    }

    public Parent root() {
        return root;
    }

    /** The tree | detail split pane. */
    public SplitPane split() {
        return split;
    }

    /** The columns | text split of the detail pane. */
    public SplitPane detailSplit() {
        return detailSplit;
    }

    @FXML
    private void initialize() {
        endpointBox.setItems(viewModel.endpointNames());
        endpointBox.valueProperty().bindBidirectional(viewModel.selectedEndpointProperty());
        endpointBox.setPromptText("No endpoints");
        readButton.setGraphic(Icons.of(MaterialDesignD.DATABASE_SEARCH, 16));
        readButton.disableProperty().bind(viewModel.readingProperty().or(viewModel.selectedEndpointProperty().isNull()));
        cancelButton.visibleProperty().bind(viewModel.readingProperty());
        cancelButton.managedProperty().bind(viewModel.readingProperty());
        readProgress.visibleProperty().bind(viewModel.readingProperty());
        readProgress.managedProperty().bind(viewModel.readingProperty());
        progressLabel.textProperty().bind(viewModel.progressProperty());
        filterField.textProperty().bindBidirectional(viewModel.filterProperty());
        filterField.disableProperty().bind(viewModel.modelProperty().isNull());
        tree.setCellFactory(t -> new NodeCell());
        viewModel.treeProperty().addListener((obs, o, n) -> showTree(n));
        showTree(viewModel.treeProperty().get());
        treeEmptyLabel.textProperty().bind(viewModel.emptyTextProperty());
        treeEmptyLabel.visibleProperty().bind(viewModel.emptyTextProperty().isNotEmpty());
        tree.getSelectionModel().selectedItemProperty().addListener((obs, o, item) -> viewModel.select(item == null ? null : item.getValue()));
        detailEmptyLabel.visibleProperty().bind(viewModel.detailKindProperty().isEqualTo(CatalogViewModel.DetailKind.NONE));
        detailBox.visibleProperty().bind(detailEmptyLabel.visibleProperty().not());
        detailTitle.textProperty().bind(viewModel.detailTitleProperty());
        detailSummary.textProperty().bind(viewModel.detailSummaryProperty());
        columnsTable.setItems(viewModel.columns());
        columnsTable.setPlaceholder(new Label("No columns"));
        columnsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        column(colName, ColumnRow::name);
        column(colType, ColumnRow::type);
        column(colNullable, ColumnRow::nullable);
        column(colDefault, ColumnRow::def);
        column(colIdentity, ColumnRow::identity);
        viewModel.detailKindProperty().addListener((obs, o, k) -> updateLower());
        viewModel.keysProperty().addListener(o -> updateLower());
        viewModel.indexesProperty().addListener(o -> updateLower());
        viewModel.sourceProperty().addListener(o -> updateLower());
        updateLower();
    }

    private void updateLower() {
        if (viewModel.detailKindProperty().get() == CatalogViewModel.DetailKind.TABLE) {
            lowerHeading.setText("Keys and indexes");
            lowerText.setText(viewModel.keysProperty().get() + "\n\nIndexes:\n" + viewModel.indexesProperty().get());
        } else {
            lowerHeading.setText("Definition");
            lowerText.setText(viewModel.sourceProperty().get());
        }
        lowerText.positionCaret(0);
    }

    private static void column(TableColumn<ColumnRow, String> col, Function<ColumnRow, String> value) {
        col.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
    }

    private void showTree(CatalogNode node) {
        if (node == null) {
            tree.setRoot(null);
            return;
        }
        TreeItem<CatalogNode> rootItem = item(node, !viewModel.filterProperty().get().isBlank());
        rootItem.setExpanded(true);
        tree.setRoot(rootItem);
    }

    private static TreeItem<CatalogNode> item(CatalogNode node, boolean expandAll) {
        TreeItem<CatalogNode> item = new TreeItem<>(node);
        for (CatalogNode c : node.children()) {
            item.getChildren().add(item(c, expandAll));
        }
        item.setExpanded(expandAll || node.kind() != CatalogNode.Kind.GROUP || node.children().size() <= 50);
        return item;
    }

    @FXML
    private void read() {
        viewModel.read();
    }

    @FXML
    private void cancel() {
        viewModel.cancel();
    }

    private static final class NodeCell extends TreeCell<CatalogNode> {
        @Override
        protected void updateItem(CatalogNode item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setText(item.label());
            setGraphic(Icons.of(icon(item.kind()), 16));
        }

        private static Ikon icon(CatalogNode.Kind kind) {
            switch (kind) {
                case DATABASE: return MaterialDesignD.DATABASE;
                case SCHEMA: return MaterialDesignF.FOLDER_OUTLINE;
                case GROUP: return MaterialDesignF.FOLDER;
                case TABLE: return MaterialDesignT.TABLE;
                case VIEW: return MaterialDesignE.EYE_OUTLINE;
                case SEQUENCE: return MaterialDesignO.ORDER_NUMERIC_ASCENDING;
                case ROUTINE: return MaterialDesignF.FUNCTION_VARIANT;
                case TRIGGER: return MaterialDesignL.LIGHTNING_BOLT;
                default: return MaterialDesignS.SHAPE_OUTLINE;
            }
        }
    }
}
