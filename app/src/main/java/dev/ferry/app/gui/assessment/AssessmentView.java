package dev.ferry.app.gui.assessment;

import dev.ferry.app.gui.Fxml;
import dev.ferry.model.project.TypeMappingRule;
import dev.ferry.app.gui.Icons;
import dev.ferry.converter.assess.ActionItem;
import dev.ferry.converter.assess.ObjectStatus;
import dev.ferry.converter.assess.Severity;
import dev.ferry.converter.report.AssessmentReport;
import dev.ferry.model.schema.Engine;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignU;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The Assessment section ({@code Assessment.fxml}): inputs and report actions, a dashboard tab with charts, and an
 * objects tab with the filtered tree, two RichTextFX code panes (source, read-only; converted, editable, re-parsed
 * 400 ms after the last keystroke) with action-item lines marked in the gutter, and the action-item table (a click
 * jumps to the line in both panes). A thin view over {@link AssessmentViewModel}. JavaFX application thread only.
 */
public final class AssessmentView {

    private static final Duration REPARSE_DELAY = Duration.millis(400);

    private final AssessmentViewModel viewModel;
    private final Parent root;
    private final CodeArea sourceArea = new CodeArea();
    private final CodeArea convertedArea = new CodeArea();
    private final PauseTransition reparse = new PauseTransition(REPARSE_DELAY);
    private boolean settingConverted;
    private boolean syncing;

    @FXML private TextField sourceField;
    @FXML private Button browseSourceButton;
    @FXML private ComboBox<Engine> sourceEngineBox;
    @FXML private ComboBox<Engine> targetEngineBox;
    @FXML private CheckBox deployVerifyBox;
    @FXML private Button assessButton;
    @FXML private TextField outputField;
    @FXML private Button openFolderButton;
    @FXML private Button saveReportsButton;
    @FXML private Button htmlButton;
    @FXML private Button pdfButton;
    @FXML private Button csvButton;
    @FXML private Button printButton;
    @FXML private ProgressIndicator runProgress;
    @FXML private Label progressLabel;
    @FXML private TabPane tabs;
    @FXML private Tab dashboardTab;
    @FXML private Tab objectsTab;
    @FXML private Label dashboardEmpty;
    @FXML private VBox dashboardBox;
    @FXML private HBox figures;
    @FXML private PieChart statusChart;
    @FXML private StackedBarChart<String, Number> typeChart;
    @FXML private SplitPane split;
    @FXML private ComboBox<ObjectStatus> statusFilterBox;
    @FXML private ComboBox<Severity> severityFilterBox;
    @FXML private TextField filterField;
    @FXML private TreeView<AssessmentNode> tree;
    @FXML private Label treeEmptyLabel;
    @FXML private Label detailEmptyLabel;
    @FXML private VBox detailBox;
    @FXML private Label detailTitle;
    @FXML private Label detailStatus;
    @FXML private SplitPane detailSplit;
    @FXML private SplitPane codeSplit;
    @FXML private Label sourceHeading;
    @FXML private Label convertedHeading;
    @FXML private CheckBox syncBox;
    @FXML private Button revertButton;
    @FXML private Button verifyButton;
    @FXML private StackPane sourceHolder;
    @FXML private StackPane convertedHolder;
    @FXML private Label parseStatusLabel;
    @FXML private TableView<ActionItem> itemsTable;
    @FXML private TableColumn<ActionItem, String> colSeverity;
    @FXML private TableColumn<ActionItem, String> colCode;
    @FXML private TableColumn<ActionItem, String> colLine;
    @FXML private TableColumn<ActionItem, String> colMessage;
    @FXML private TableColumn<ActionItem, String> colEffort;
    @FXML private Tab rulesTab;
    @FXML private TableView<TypeMappingRule> rulesTable;
    @FXML private TableColumn<TypeMappingRule, String> colRuleScope;
    @FXML private TableColumn<TypeMappingRule, String> colRuleSource;
    @FXML private TableColumn<TypeMappingRule, String> colRuleTarget;
    @FXML private TableColumn<TypeMappingRule, String> colRuleTransform;
    @FXML private ComboBox<TypeMappingRule.Scope> ruleScopeBox;
    @FXML private TextField ruleSchemaField;
    @FXML private TextField ruleTableField;
    @FXML private TextField ruleColumnField;
    @FXML private TextField ruleSourceTypeField;
    @FXML private TextField ruleLengthField;
    @FXML private TextField rulePrecisionField;
    @FXML private TextField ruleScaleField;
    @FXML private TextField ruleTargetTypeField;
    @FXML private TextField ruleTransformField;
    @FXML private Button ruleAddButton;
    @FXML private Button ruleUpdateButton;
    @FXML private Button ruleRemoveButton;
    @FXML private Button ruleApplyButton;
    @FXML private Label ruleErrorLabel;

    private AssessmentView(AssessmentViewModel viewModel) {
        this.viewModel = viewModel;
        this.root = Fxml.load(AssessmentView.class, "Assessment.fxml", this);
    }

    public static AssessmentView create(AssessmentViewModel viewModel) {
        return new AssessmentView(viewModel);
    }

    public Parent root() {
        return root;
    }

    /** The tree | detail split (remembered by the workbench). */
    public SplitPane split() {
        return split;
    }

    /** The code | action items split. */
    public SplitPane detailSplit() {
        return detailSplit;
    }

    /** The source | converted split. */
    public SplitPane codeSplit() {
        return codeSplit;
    }

    /** The source pane (read-only). */
    public CodeArea sourceArea() {
        return sourceArea;
    }

    /** The converted pane (editable). */
    public CodeArea convertedArea() {
        return convertedArea;
    }

    /** The type-mapping rules tab: table, form and buttons over {@link TypeRulesEditor}. */
    private void initRules() {
        TypeRulesEditor ed = viewModel.typeRules();
        rulesTable.setItems(ed.rules());
        rulesTable.setPlaceholder(new Label("No type-mapping rules: the converter's default mapping applies. Fill the form and press Add."));
        rulesTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        colRuleScope.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyStringWrapper(TypeRulesEditor.describeScope(c.getValue())));
        colRuleSource.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyStringWrapper(TypeRulesEditor.describeSource(c.getValue())));
        colRuleTarget.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyStringWrapper(TypeRulesEditor.describeTarget(c.getValue())));
        colRuleTransform.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyStringWrapper(TypeRulesEditor.describeTransformations(c.getValue())));
        rulesTable.getSelectionModel().selectedIndexProperty().addListener((obs, o, n) -> {
            if (n.intValue() != ed.selectedProperty().get()) {
                ed.select(n.intValue());
            }
        });
        ed.selectedProperty().addListener((obs, o, n) -> {
            if (rulesTable.getSelectionModel().getSelectedIndex() != n.intValue()) {
                if (n.intValue() < 0) {
                    rulesTable.getSelectionModel().clearSelection();
                } else {
                    rulesTable.getSelectionModel().select(n.intValue());
                }
            }
        });
        ruleScopeBox.getItems().setAll(TypeMappingRule.Scope.values());
        ruleScopeBox.valueProperty().bindBidirectional(ed.scopeProperty());
        ruleSchemaField.textProperty().bindBidirectional(ed.schemaProperty());
        ruleTableField.textProperty().bindBidirectional(ed.tableProperty());
        ruleColumnField.textProperty().bindBidirectional(ed.columnProperty());
        ruleSourceTypeField.textProperty().bindBidirectional(ed.sourceTypeProperty());
        ruleLengthField.textProperty().bindBidirectional(ed.lengthProperty());
        rulePrecisionField.textProperty().bindBidirectional(ed.precisionProperty());
        ruleScaleField.textProperty().bindBidirectional(ed.scaleProperty());
        ruleTargetTypeField.textProperty().bindBidirectional(ed.targetTypeProperty());
        ruleTransformField.textProperty().bindBidirectional(ed.transformationsProperty());
        ruleSchemaField.disableProperty().bind(ed.scopeProperty().isEqualTo(TypeMappingRule.Scope.PROJECT));
        ruleTableField.disableProperty().bind(ed.scopeProperty().isEqualTo(TypeMappingRule.Scope.PROJECT)
                .or(ed.scopeProperty().isEqualTo(TypeMappingRule.Scope.SCHEMA)));
        ruleColumnField.disableProperty().bind(ed.scopeProperty().isNotEqualTo(TypeMappingRule.Scope.COLUMN));
        ruleUpdateButton.disableProperty().bind(ed.selectedProperty().lessThan(0));
        ruleRemoveButton.disableProperty().bind(ed.selectedProperty().lessThan(0));
        ruleApplyButton.disableProperty().bind(viewModel.reconvertingProperty().or(viewModel.runningProperty()));
        ruleErrorLabel.textProperty().bind(ed.errorProperty());
    }

    @FXML
    private void addRule() {
        viewModel.typeRules().add();
    }

    @FXML
    private void updateRule() {
        viewModel.typeRules().update();
    }

    @FXML
    private void removeRule() {
        viewModel.typeRules().remove();
    }

    @FXML
    private void applyRules() {
        viewModel.applyTypeRules();
    }

    @FXML
    private void initialize() {
        initRules();
        sourceField.textProperty().bindBidirectional(viewModel.sourcePathProperty());
        outputField.textProperty().bindBidirectional(viewModel.outputFolderProperty());
        sourceEngineBox.getItems().setAll(viewModel.sourceEngines());
        targetEngineBox.getItems().setAll(viewModel.targetEngines());
        sourceEngineBox.valueProperty().bindBidirectional(viewModel.sourceEngineProperty());
        targetEngineBox.valueProperty().bindBidirectional(viewModel.targetEngineProperty());
        sourceEngineBox.setConverter(engineNames());
        targetEngineBox.setConverter(engineNames());
        deployVerifyBox.selectedProperty().bindBidirectional(viewModel.deployVerifyProperty());
        deployVerifyBox.setTooltip(new javafx.scene.control.Tooltip("Also deploy every object into a scratch PostgreSQL "
                + "(embedded, rolled back) before calling it automatic. Otherwise the converted SQL is re-parsed only."));
        assessButton.setGraphic(Icons.of(MaterialDesignP.PLAY, 16));
        openFolderButton.setGraphic(Icons.of(MaterialDesignF.FOLDER_OPEN, 16));
        htmlButton.setGraphic(Icons.of(MaterialDesignF.FILE_DOCUMENT_OUTLINE, 16));
        assessButton.disableProperty().bind(viewModel.runningProperty().or(viewModel.sourcePathProperty().isEmpty()));
        openFolderButton.disableProperty().bind(viewModel.runningProperty());
        printButton.setGraphic(Icons.of(MaterialDesignP.PRINTER, 16));
        for (Button b : List.of(saveReportsButton, htmlButton, pdfButton, csvButton, printButton)) {
            b.disableProperty().bind(viewModel.reportProperty().isNull().or(viewModel.runningProperty()));
        }
        runProgress.visibleProperty().bind(viewModel.runningProperty().or(viewModel.verifyingProperty()).or(viewModel.reconvertingProperty()));
        runProgress.managedProperty().bind(runProgress.visibleProperty());
        progressLabel.textProperty().bind(viewModel.progressProperty());

        dashboardEmpty.textProperty().bind(viewModel.emptyTextProperty().map(t -> viewModel.reportProperty().get() == null ? t : ""));
        dashboardEmpty.visibleProperty().bind(viewModel.reportProperty().isNull());
        dashboardBox.visibleProperty().bind(viewModel.reportProperty().isNotNull());
        viewModel.reportProperty().addListener((obs, o, r) -> updateDashboard(r));
        updateDashboard(viewModel.reportProperty().get());

        statusFilterBox.getItems().add(null);
        statusFilterBox.getItems().addAll(ObjectStatus.values());
        statusFilterBox.setConverter(labels(s -> s == null ? "Any status" : s.name()));
        statusFilterBox.setButtonCell(new LabelCell<>(s -> s == null ? "Any status" : s.name()));
        statusFilterBox.valueProperty().bindBidirectional(viewModel.statusFilterProperty());
        severityFilterBox.getItems().add(null);
        severityFilterBox.getItems().addAll(Severity.values());
        severityFilterBox.setConverter(labels(s -> s == null ? "Any severity" : s.name() + " or worse"));
        severityFilterBox.setButtonCell(new LabelCell<>(s -> s == null ? "Any severity" : s.name() + " or worse"));
        severityFilterBox.valueProperty().bindBidirectional(viewModel.severityFilterProperty());
        filterField.textProperty().bindBidirectional(viewModel.textFilterProperty());
        filterField.disableProperty().bind(viewModel.reportProperty().isNull());

        tree.setCellFactory(t -> new NodeCell());
        viewModel.treeProperty().addListener((obs, o, n) -> showTree(n));
        treeEmptyLabel.textProperty().bind(viewModel.emptyTextProperty());
        treeEmptyLabel.visibleProperty().bind(viewModel.emptyTextProperty().isNotEmpty());
        tree.getSelectionModel().selectedItemProperty().addListener((obs, o, item) -> {
            String key = item == null || item.getValue() == null ? null : item.getValue().key();
            if (key != null && !key.equals(viewModel.selectedKeyProperty().get())) {
                viewModel.select(key);
            }
        });

        detailEmptyLabel.visibleProperty().bind(viewModel.selectedKeyProperty().isNull());
        detailBox.visibleProperty().bind(viewModel.selectedKeyProperty().isNotNull());
        detailTitle.textProperty().bind(viewModel.detailTitleProperty());
        detailStatus.textProperty().bind(viewModel.detailStatusProperty());
        viewModel.reportProperty().addListener((obs, o, r) -> {
            if (r != null) {
                sourceHeading.setText("Source (" + r.conversion().sourceEngine().displayName() + ")");
                convertedHeading.setText("Converted (" + r.conversion().targetEngine().displayName() + ")");
            }
        });

        setUpCodePanes();
        verifyButton.setGraphic(Icons.of(MaterialDesignC.CHECK_DECAGRAM, 16));
        // Verify is for hand edits: the converter's own SQL was verified when the assessment ran
        verifyButton.disableProperty().bind(viewModel.verifyingProperty().or(viewModel.selectedKeyProperty().isNull())
                .or(viewModel.selectedEditedProperty().not()));
        verifyButton.setTooltip(new javafx.scene.control.Tooltip("Re-parse the edited SQL and deploy it with the rest of the "
                + "schema into a scratch PostgreSQL (rolled back)"));
        revertButton.setGraphic(Icons.of(MaterialDesignU.UNDO, 16));
        revertButton.visibleProperty().bind(viewModel.selectedEditedProperty());
        revertButton.managedProperty().bind(revertButton.visibleProperty());
        parseStatusLabel.textProperty().bind(viewModel.parseStatusProperty());
        viewModel.parseOkProperty().addListener((obs, o, ok) -> parseStatusLabel.getStyleClass().setAll("label", "text-small", ok ? "status-ok" : "status-fail"));
        parseStatusLabel.visibleProperty().bind(viewModel.parseStatusProperty().isNotEmpty());
        parseStatusLabel.managedProperty().bind(parseStatusLabel.visibleProperty());

        itemsTable.setItems(viewModel.actionItems());
        itemsTable.setPlaceholder(new Label("No action items: nothing to do for this object."));
        itemsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        column(colSeverity, i -> i.severity().name());
        column(colCode, ActionItem::code);
        column(colLine, i -> i.line() > 0 ? i.line() + ":" + i.column() : "");
        column(colMessage, ActionItem::message);
        column(colEffort, i -> i.effortMinutes() + " min");
        itemsTable.setRowFactory(t -> {
            TableRow<ActionItem> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (!row.isEmpty()) {
                    viewModel.jumpTo(row.getItem());
                }
            });
            row.itemProperty().addListener((obs, o, item) -> row.setTooltip(item == null || item.recommendation().isEmpty()
                    ? null : new javafx.scene.control.Tooltip(item.recommendation())));
            return row;
        });
        itemsTable.getSelectionModel().selectedItemProperty().addListener((obs, o, item) -> {
            if (item != null) {
                viewModel.jumpTo(item);
            }
        });
        viewModel.selectedKeyProperty().addListener((obs, o, k) -> {
            if (k != null) {
                tabs.getSelectionModel().select(objectsTab);
            }
        });
    }

    private void setUpCodePanes() {
        sourceArea.setEditable(false);
        sourceArea.getStyleClass().add("code-area-ferry");
        convertedArea.getStyleClass().add("code-area-ferry");
        sourceArea.setId("sourceArea");
        convertedArea.setId("convertedArea");
        sourceHolder.getChildren().add(new VirtualizedScrollPane<>(sourceArea));
        convertedHolder.getChildren().add(new VirtualizedScrollPane<>(convertedArea));
        sourceArea.setParagraphGraphicFactory(gutter(sourceArea, () -> viewModel.sourceTextProperty().get().firstLine(),
                viewModel.sourceMarks(), List.of()));
        convertedArea.setParagraphGraphicFactory(gutter(convertedArea, () -> 1, viewModel.convertedMarks(), viewModel.errorMarks()));
        viewModel.sourceTextProperty().addListener((obs, o, st) -> {
            sourceArea.replaceText(st.text());
            highlight(sourceArea);
            markSource();
            sourceArea.moveTo(0);
            sourceArea.requestFollowCaret();
        });
        viewModel.convertedTextProperty().addListener((obs, o, text) -> {
            settingConverted = true;
            try {
                reparse.stop();
                convertedArea.replaceText(text == null ? "" : text);
                convertedArea.getUndoManager().forgetHistory();
                highlight(convertedArea);
                markConverted();
                convertedArea.moveTo(0);
                convertedArea.requestFollowCaret();
            } finally {
                settingConverted = false;
            }
        });
        convertedArea.textProperty().addListener((obs, o, text) -> {
            if (!settingConverted) {
                highlight(convertedArea);
                markConverted();
                viewModel.convertedEdited(text);
                reparse.playFromStart();
            }
        });
        reparse.setOnFinished(e -> viewModel.reparseNow());
        viewModel.sourceMarks().addListener((ListChangeListener<Integer>) c -> markSource());
        viewModel.convertedMarks().addListener((ListChangeListener<Integer>) c -> markConverted());
        viewModel.errorMarks().addListener((ListChangeListener<Integer>) c -> markConverted());
        viewModel.jumpProperty().addListener((obs, o, j) -> {
            if (j != null) {
                syncing = true;
                try {
                    show(sourceArea, j.sourceParagraph());
                    show(convertedArea, j.convertedParagraph());
                } finally {
                    syncing = false;
                }
            }
        });
        sourceArea.estimatedScrollYProperty().addListener((obs, o, y) -> sync(sourceArea, convertedArea));
        convertedArea.estimatedScrollYProperty().addListener((obs, o, y) -> sync(convertedArea, sourceArea));
    }

    /** Keeps the other pane at the same relative scroll position while the user scrolls one of them. */
    private void sync(CodeArea from, CodeArea to) {
        if (syncing || !syncBox.isSelected()) {
            return;
        }
        double fromMax = from.getTotalHeightEstimate() - from.getViewportHeight();
        double toMax = to.getTotalHeightEstimate() - to.getViewportHeight();
        if (fromMax <= 0 || toMax <= 0) {
            return;
        }
        syncing = true;
        try {
            to.scrollYToPixel(from.getEstimatedScrollY() / fromMax * toMax);
        } finally {
            syncing = false;
        }
    }

    private static void show(CodeArea area, int paragraph) {
        if (area.getParagraphs().isEmpty()) {
            return;
        }
        int p = Math.max(0, Math.min(paragraph, area.getParagraphs().size() - 1));
        area.moveTo(p, 0);
        area.selectRange(p, 0, p, area.getParagraphLength(p));
        area.showParagraphAtCenter(p);
    }

    private static void highlight(CodeArea area) {
        if (area.getLength() > 0) {
            area.setStyleSpans(0, SqlHighlighter.spans(area.getText()));
        }
    }

    private void markSource() {
        mark(sourceArea, new HashSet<>(viewModel.sourceMarks()), Set.of());
    }

    private void markConverted() {
        mark(convertedArea, new HashSet<>(viewModel.convertedMarks()), new HashSet<>(viewModel.errorMarks()));
    }

    private static void mark(CodeArea area, Set<Integer> items, Set<Integer> errors) {
        int n = area.getParagraphs().size();
        for (int p = 0; p < n; p++) {
            List<String> style = errors.contains(p) ? List.of("error-line") : items.contains(p) ? List.of("action-line") : List.of();
            if (!area.getParagraph(p).getParagraphStyle().equals(style)) {
                area.setParagraphStyle(p, style);
            }
        }
    }

    /** Line numbers (offset by the statement's first line for the source) with a marker for item and error lines. */
    private static IntFunction<Node> gutter(CodeArea area, java.util.function.IntSupplier first, List<Integer> items, List<Integer> errors) {
        return idx -> {
            Label number = new Label(String.valueOf(first.getAsInt() + idx));
            number.getStyleClass().add("gutter-number");
            number.setMinWidth(42);
            number.setAlignment(Pos.CENTER_RIGHT);
            Node marker;
            if (errors.contains(idx)) {
                FontIcon i = Icons.of(MaterialDesignC.CLOSE_CIRCLE, 12);
                i.getStyleClass().add("status-fail");
                marker = i;
            } else if (items.contains(idx)) {
                FontIcon i = Icons.of(MaterialDesignA.ALERT, 12);
                i.getStyleClass().add("status-warn");
                marker = i;
            } else {
                Label spacer = new Label();
                spacer.setMinWidth(12);
                marker = spacer;
            }
            HBox box = new HBox(4, marker, number);
            box.setAlignment(Pos.CENTER_RIGHT);
            box.getStyleClass().add("code-gutter");
            return box;
        };
    }

    private void updateDashboard(AssessmentReport r) {
        figures.getChildren().clear();
        statusChart.getData().clear();
        typeChart.getData().clear();
        if (r == null) {
            return;
        }
        AssessmentReport.Summary s = r.summary();
        figures.getChildren().addAll(
                figure("Objects", String.valueOf(s.objects()), r.files().size() + " file(s), " + s.linesOfCode() + " lines of code"),
                figure("Automatic", String.format(Locale.ROOT, "%.1f %%", s.autoConvertedPercent()),
                        s.auto() + " AUTO, " + s.autoWithWarnings() + " with warnings"),
                figure("Manual", String.valueOf(s.manual()), "objects a person must finish"),
                figure("Effort", String.format(Locale.ROOT, "%.1f h", s.estimatedEffortHours()), s.estimatedEffortMinutes() + " minutes estimated"),
                figure("Complexity", s.complexity().toLowerCase(Locale.ROOT), "verified by " + r.verification().mode()
                        + (r.verification().target() == null ? "" : " (" + r.verification().target() + ")")));
        addSlice("AUTO", s.auto(), "status-auto");
        addSlice("AUTO_WITH_WARNINGS", s.autoWithWarnings(), "status-warnings");
        addSlice("MANUAL", s.manual(), "status-manual");
        XYChart.Series<String, Number> auto = new XYChart.Series<>();
        auto.setName("AUTO");
        XYChart.Series<String, Number> warn = new XYChart.Series<>();
        warn.setName("AUTO_WITH_WARNINGS");
        XYChart.Series<String, Number> manual = new XYChart.Series<>();
        manual.setName("MANUAL");
        for (AssessmentReport.TypeSummary t : r.byType()) {
            String label = AssessmentViewModel.typeName(t.type());
            auto.getData().add(new XYChart.Data<>(label, t.auto()));
            warn.getData().add(new XYChart.Data<>(label, t.autoWithWarnings()));
            manual.getData().add(new XYChart.Data<>(label, t.manual()));
        }
        typeChart.getData().setAll(List.of(auto, warn, manual));
    }

    private void addSlice(String name, int count, String style) {
        PieChart.Data d = new PieChart.Data(name + " (" + count + ")", count);
        statusChart.getData().add(d);
    }

    private static VBox figure(String title, String value, String detail) {
        Label t = new Label(title);
        t.getStyleClass().add("text-muted");
        Label v = new Label(value);
        v.getStyleClass().add("title-2");
        Label d = new Label(detail);
        d.getStyleClass().addAll("text-small", "text-muted");
        d.setWrapText(true);
        VBox box = new VBox(2, t, v, d);
        box.getStyleClass().add("figure-tile");
        box.setMinWidth(150);
        box.setPrefWidth(200);
        HBox.setHgrow(box, Priority.ALWAYS);
        return box;
    }

    private void showTree(AssessmentNode node) {
        if (node == null) {
            tree.setRoot(null);
            return;
        }
        TreeItem<AssessmentNode> rootItem = item(node);
        rootItem.setExpanded(true);
        tree.setRoot(rootItem);
        String key = viewModel.selectedKeyProperty().get();
        if (key != null) {
            select(rootItem, key);
        }
    }

    private boolean select(TreeItem<AssessmentNode> item, String key) {
        if (key.equals(item.getValue().key())) {
            tree.getSelectionModel().select(item);
            return true;
        }
        for (TreeItem<AssessmentNode> c : item.getChildren()) {
            if (select(c, key)) {
                return true;
            }
        }
        return false;
    }

    private TreeItem<AssessmentNode> item(AssessmentNode node) {
        TreeItem<AssessmentNode> item = new TreeItem<>(node);
        for (AssessmentNode c : node.children()) {
            item.getChildren().add(item(c));
        }
        boolean filtered = viewModel.statusFilterProperty().get() != null || viewModel.severityFilterProperty().get() != null
                || !viewModel.textFilterProperty().get().isBlank();
        item.setExpanded(node.kind() != AssessmentNode.Kind.TYPE || filtered || node.children().size() <= 30);
        return item;
    }

    private static FontIcon statusIcon(ObjectStatus status, boolean edited) {
        FontIcon icon;
        if (edited) {
            icon = Icons.of(MaterialDesignP.PENCIL_CIRCLE, 16);
            icon.getStyleClass().add(status == ObjectStatus.MANUAL ? "status-fail" : "status-ok");
            return icon;
        }
        if (status == null) {
            return Icons.of(MaterialDesignF.FOLDER_OUTLINE, 16);
        }
        switch (status) {
            case AUTO -> { icon = Icons.of(MaterialDesignC.CHECK_CIRCLE, 16); icon.getStyleClass().add("status-ok"); }
            case AUTO_WITH_WARNINGS -> { icon = Icons.of(MaterialDesignA.ALERT, 16); icon.getStyleClass().add("status-warn"); }
            default -> { icon = Icons.of(MaterialDesignC.CLOSE_CIRCLE, 16); icon.getStyleClass().add("status-fail"); }
        }
        return icon;
    }

    private static StringConverter<Engine> engineNames() {
        return labels(e -> e == null ? "" : e.displayName());
    }

    private static <T> StringConverter<T> labels(Function<T, String> f) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return f.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    private static void column(TableColumn<ActionItem, String> col, Function<ActionItem, String> value) {
        col.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
    }

    @FXML
    private void browseSource() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Folder of Oracle scripts");
        File dir = chooser.showDialog(root.getScene().getWindow());
        if (dir != null) {
            viewModel.sourcePathProperty().set(dir.toString());
        }
    }

    @FXML
    private void openFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Assessment folder (with assessment.json)");
        File dir = chooser.showDialog(root.getScene().getWindow());
        if (dir != null) {
            viewModel.open(dir.toPath());
        }
    }

    @FXML
    private void assess() {
        viewModel.assess();
    }

    @FXML
    private void saveReports() {
        viewModel.saveReports();
    }

    @FXML
    private void openHtml() {
        viewModel.openHtmlReport();
    }

    @FXML
    private void exportPdf() {
        viewModel.exportPdf();
    }

    @FXML
    private void exportCsv() {
        viewModel.exportCsv();
    }

    @FXML
    private void printReport() {
        viewModel.printReport();
    }

    @FXML
    private void verify() {
        viewModel.verifySelected();
    }

    @FXML
    private void revert() {
        viewModel.revertSelected();
    }

    private static final class LabelCell<T> extends ListCell<T> {
        private final Function<T, String> label;

        LabelCell(Function<T, String> label) {
            this.label = label;
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? label.apply(null) : label.apply(item));
        }
    }

    private static final class NodeCell extends TreeCell<AssessmentNode> {
        @Override
        protected void updateItem(AssessmentNode item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setText(item.label());
            setGraphic(item.kind() == AssessmentNode.Kind.OBJECT ? statusIcon(item.status(), item.edited())
                    : item.kind() == AssessmentNode.Kind.SCHEMA ? Icons.of(MaterialDesignF.FOLDER_OUTLINE, 16) : statusIcon(item.status(), false));
        }
    }
}
