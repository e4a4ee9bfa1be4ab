package dev.ferry.app.gui.tasks;

import dev.ferry.app.gui.Fxml;
import dev.ferry.app.gui.Icons;
import dev.ferry.model.project.TaskSettingDescriptor;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The Tasks section ({@code Tasks.fxml}): task choice, Start / Stop / Resume, the settings form generated from the
 * typed setting descriptors, and the monitor (per-table grid with progress bars, overall progress, throughput chart,
 * memory gauge, log with a level filter). A thin view over {@link TasksViewModel}. JavaFX application thread only.
 */
public final class TasksView {

    private final TasksViewModel viewModel;
    private final Parent root;
    private final XYChart.Series<Number, Number> series = new XYChart.Series<>();

    @FXML private ComboBox<String> taskBox;
    @FXML private Button startButton;
    @FXML private Button stopButton;
    @FXML private Button resumeButton;
    @FXML private Label stateLabel;
    @FXML private SplitPane split;
    @FXML private VBox settingsForm;
    @FXML private ProgressBar overallBar;
    @FXML private Label overallLabel;
    @FXML private SplitPane monitorSplit;
    @FXML private TableView<TableLoadRow> grid;
    @FXML private TableColumn<TableLoadRow, String> colTable;
    @FXML private TableColumn<TableLoadRow, String> colState;
    @FXML private TableColumn<TableLoadRow, String> colRows;
    @FXML private TableColumn<TableLoadRow, Number> colProgress;
    @FXML private TableColumn<TableLoadRow, String> colRate;
    @FXML private TableColumn<TableLoadRow, String> colEta;
    @FXML private TableColumn<TableLoadRow, String> colValidation;
    @FXML private TableColumn<TableLoadRow, String> colErrors;
    @FXML private TableColumn<TableLoadRow, String> colInserts;
    @FXML private TableColumn<TableLoadRow, String> colUpdates;
    @FXML private TableColumn<TableLoadRow, String> colDeletes;
    @FXML private TableColumn<TableLoadRow, String> colDdls;
    @FXML private LineChart<Number, Number> throughputChart;
    @FXML private VBox cdcPane;
    @FXML private Label appliedLabel;
    @FXML private Label cdcLabel;
    @FXML private ProgressBar queueBar;
    @FXML private Label queueLabel;
    @FXML private LineChart<Number, Number> latencyChart;
    @FXML private LineChart<Number, Number> ratesChart;
    @FXML private ProgressBar heapBar;
    @FXML private Label heapLabel;
    @FXML private Label rangesLabel;
    @FXML private ComboBox<LoadRunning.Level> levelBox;
    @FXML private ListView<MonitorSnapshot.LogLine> logList;

    private TasksView(TasksViewModel viewModel) {
        this.viewModel = viewModel;
        this.root = Fxml.load(TasksView.class, "Tasks.fxml", this);
    }

    public static TasksView create(TasksViewModel viewModel) {
        MonitorPreload.startInBackground(); // the monitor's classes, off the UI thread, before any Start
        return new TasksView(viewModel);
    }

    public Parent root() {
        return root;
    }

    /** The settings | monitor split. */
    public SplitPane split() {
        return split;
    }

    /** The grid | chart and log split. */
    public SplitPane monitorSplit() {
        return monitorSplit;
    }

    @FXML
    private void initialize() {
        taskBox.setItems(viewModel.taskNames());
        taskBox.valueProperty().bindBidirectional(viewModel.selectedTaskProperty());
        var running = viewModel.stateProperty().isEqualTo(TasksViewModel.RunState.RUNNING)
                .or(viewModel.stateProperty().isEqualTo(TasksViewModel.RunState.STOPPING));
        taskBox.disableProperty().bind(running);
        startButton.setGraphic(Icons.of(MaterialDesignP.PLAY, 16));
        stopButton.setGraphic(Icons.of(MaterialDesignS.STOP, 16));
        resumeButton.setGraphic(Icons.of(MaterialDesignP.PLAY_PAUSE, 16));
        startButton.disableProperty().bind(running.or(viewModel.selectedTaskProperty().isNull()));
        stopButton.disableProperty().bind(viewModel.stateProperty().isNotEqualTo(TasksViewModel.RunState.RUNNING));
        resumeButton.disableProperty().bind(running.or(viewModel.canResumeProperty().not()));
        stateLabel.textProperty().bind(viewModel.stateTextProperty());
        buildForm(running);
        settingsForm.disableProperty().bind(running);

        overallBar.progressProperty().bind(viewModel.overallProperty());
        overallLabel.textProperty().bind(viewModel.overallTextProperty());
        warmGrid();
        grid.setPlaceholder(new Label("Press Start to load the task's tables; each table gets a row here."));
        grid.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        text(colTable, TableLoadRow::tableProperty);
        text(colState, TableLoadRow::stateProperty);
        text(colRows, TableLoadRow::rowsProperty);
        text(colRate, TableLoadRow::rateProperty);
        text(colEta, TableLoadRow::etaProperty);
        text(colValidation, TableLoadRow::validationProperty);
        text(colErrors, TableLoadRow::errorsProperty);
        colProgress.setCellValueFactory(c -> c.getValue().progressProperty());
        colProgress.setCellFactory(c -> new ProgressCell());

        for (LineChart<Number, Number> chart : List.of(throughputChart, latencyChart, ratesChart)) {
            for (var axis : List.of(chart.getXAxis(), chart.getYAxis())) {
                ((javafx.scene.chart.NumberAxis) axis).setTickLabelFormatter(TICK_LABELS);
            }
        }
        throughputChart.getData().add(series);
        follow(viewModel.throughput(), List.of(series), List.of(s -> new XYChart.Data<>(s.seconds(), s.rowsPerSecond())));

        text(colInserts, TableLoadRow::insertsProperty);
        text(colUpdates, TableLoadRow::updatesProperty);
        text(colDeletes, TableLoadRow::deletesProperty);
        text(colDdls, TableLoadRow::ddlsProperty);
        for (TableColumn<TableLoadRow, String> c : List.of(colInserts, colUpdates, colDeletes, colDdls)) {
            c.visibleProperty().bind(viewModel.streamingProperty());
        }
        // rows laid out before the columns switched keep their old cells' heights: the new columns' texts sat at the
        // top of the row (seen in the Xvfb screenshots); new cells lay out to the row's height
        viewModel.streamingProperty().addListener((obs, o, on) -> grid.refresh());
        // while streaming the load is over (or there is none): its progress, rate, ETA and validation columns make room
        for (TableColumn<TableLoadRow, ?> c : List.<TableColumn<TableLoadRow, ?>>of(colProgress, colRate, colEta, colValidation)) {
            c.visibleProperty().bind(viewModel.streamingProperty().not());
        }
        // the CDC pane joins the scene graph only while a CDC task streams: every pulse walks the whole graph (bounds,
        // CSS), so two hidden charts would cost a plain full load something on every update
        VBox cdcParent = (VBox) cdcPane.getParent();
        int cdcIndex = cdcParent.getChildren().indexOf(cdcPane);
        cdcParent.getChildren().remove(cdcPane);
        viewModel.streamingProperty().addListener((obs, o, on) -> {
            if (on && cdcPane.getParent() == null) {
                cdcParent.getChildren().add(cdcIndex, cdcPane);
            } else if (!on) {
                cdcParent.getChildren().remove(cdcPane);
            }
        });
        appliedLabel.textProperty().bind(viewModel.appliedTextProperty());
        cdcLabel.textProperty().bind(viewModel.cdcTextProperty());
        queueBar.progressProperty().bind(viewModel.queueProperty());
        queueLabel.textProperty().bind(viewModel.queueTextProperty());
        XYChart.Series<Number, Number> sourceLatency = named("source");
        XYChart.Series<Number, Number> targetLatency = named("target");
        XYChart.Series<Number, Number> incoming = named("incoming");
        XYChart.Series<Number, Number> applied = named("applied");
        latencyChart.getData().setAll(List.of(sourceLatency, targetLatency));
        ratesChart.getData().setAll(List.of(incoming, applied));
        follow(viewModel.cdcSamples(), List.of(sourceLatency, targetLatency, incoming, applied), List.of(
                s -> new XYChart.Data<>(s.seconds(), s.sourceLatency()),
                s -> new XYChart.Data<>(s.seconds(), s.targetLatency()),
                s -> new XYChart.Data<>(s.seconds(), s.incomingPerSecond()),
                s -> new XYChart.Data<>(s.seconds(), s.appliedPerSecond())));
        heapBar.progressProperty().bind(viewModel.heapProperty());
        heapLabel.textProperty().bind(viewModel.heapTextProperty());
        rangesLabel.textProperty().bind(viewModel.rangesTextProperty());
        levelBox.getItems().setAll(LoadRunning.Level.values());
        levelBox.valueProperty().bindBidirectional(viewModel.logLevelProperty());
        logList.setItems(viewModel.log());
        logList.setPlaceholder(new Label("No log lines at this level yet."));
        logList.setCellFactory(l -> new LogCell());
        viewModel.log().addListener((ListChangeListener<MonitorSnapshot.LogLine>) c -> {
            boolean added = false;
            while (c.next()) {
                added |= c.wasAdded();
            }
            if (added && !viewModel.log().isEmpty()) {
                logList.scrollTo(viewModel.log().size() - 1);
            }
        });
    }

    /**
     * Tick labels without {@code DecimalFormat}: NumberAxis's default formatter builds one per label on every re-range,
     * and the heartbeat caught the UI thread BLOCKED in {@code DecimalFormat.applyPattern} on a lock the load's threads
     * share (see {@link TasksViewModel#fmt}). Whole numbers with thousands separators, else up to three decimals.
     */
    static final javafx.util.StringConverter<Number> TICK_LABELS = new javafx.util.StringConverter<>() {
        @Override
        public String toString(Number n) {
            if (n == null) {
                return "";
            }
            double v = n.doubleValue();
            if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                return TasksViewModel.fmt((long) v);
            }
            long thousandths = Math.round(Math.abs(v) * 1000);
            StringBuilder frac = new StringBuilder(Long.toString(1000 + thousandths % 1000).substring(1));
            while (frac.length() > 0 && frac.charAt(frac.length() - 1) == '0') {
                frac.setLength(frac.length() - 1);
            }
            return (v < 0 ? "-" : "") + TasksViewModel.fmt(thousandths / 1000) + (frac.length() > 0 ? "." + frac : "");
        }

        @Override
        public Number fromString(String s) {
            return Double.valueOf(s.replace(",", ""));
        }
    };

    /** Blank rows the grid is first laid out with (see {@link #warmGrid()}): one screenful. */
    static final int WARM_ROWS = 12;

    /**
     * The grid's first rows cost the UI thread tens of milliseconds on a cold JVM (row and cell skins, their first-time
     * lambda linkage, CSS), which the heartbeat caught at the load's first update. So the grid is first laid out, when
     * the view is shown and no load runs, with {@link #WARM_ROWS} blank rows (texts empty, progress 0) at opacity 0, then
     * gets the view model's rows right after that pulse; the grid keeps the cells and reuses them for the load's rows.
     */
    private void warmGrid() {
        if (!viewModel.rows().isEmpty()) {
            grid.setItems(viewModel.rows());
            return;
        }
        javafx.collections.ObservableList<TableLoadRow> blank = javafx.collections.FXCollections.observableArrayList();
        for (int i = 0; i < WARM_ROWS; i++) {
            TableLoadRow r = new TableLoadRow("", "");
            r.state.set("");
            blank.add(r); // progress 0: the progress cells build their bar (skin, CSS) now too
        }
        grid.setItems(blank);
        grid.setOpacity(0); // laid out and styled, not seen
        Runnable real = () -> {
            if (grid.getItems() == blank) {
                grid.setItems(viewModel.rows());
                grid.setOpacity(1);
            }
        };
        javafx.beans.InvalidationListener shown = new javafx.beans.InvalidationListener() {
            @Override
            public void invalidated(javafx.beans.Observable o) {
                if (grid.getHeight() > 0) {
                    grid.heightProperty().removeListener(this);
                    javafx.application.Platform.runLater(real); // after the pulse that lays the blank rows out
                }
            }
        };
        grid.heightProperty().addListener(shown);
        viewModel.rows().addListener((ListChangeListener<TableLoadRow>) c -> real.run()); // a load's rows never wait
    }

    private static XYChart.Series<Number, Number> named(String name) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        return s;
    }

    /**
     * Keeps chart series in step with a sample list: points are appended and dropped from the front as the list changes,
     * all of one change at once ({@code addAll} / one {@code remove(from, to)}), so the chart lays out once per
     * change instead of once per point; the view model caps the list, so the series never grows past its cap.
     */
    private static <T> void follow(javafx.collections.ObservableList<T> samples, List<XYChart.Series<Number, Number>> series,
                                   List<Function<T, XYChart.Data<Number, Number>>> points) {
        samples.addListener((ListChangeListener<T>) c -> {
            while (c.next()) {
                for (int i = 0; i < series.size(); i++) {
                    var data = series.get(i).getData();
                    if (c.wasRemoved()) {
                        if (samples.isEmpty()) {
                            data.clear();
                        } else {
                            data.remove(0, Math.min(c.getRemovedSize(), data.size()));
                        }
                    }
                    if (c.wasAdded()) {
                        List<XYChart.Data<Number, Number>> added = new java.util.ArrayList<>(c.getAddedSize());
                        for (T s : c.getAddedSubList()) {
                            added.add(points.get(i).apply(s));
                        }
                        data.addAll(added);
                    }
                }
            }
        });
    }

    /** One row per descriptor, grouped, with an inline error under each field. */
    private void buildForm(ObservableValue<Boolean> running) {
        String group = null;
        for (TaskSettingDescriptor d : viewModel.descriptors()) {
            if (!d.group().equals(group)) {
                group = d.group();
                Label g = new Label(group);
                g.getStyleClass().addAll("text-bold", "settings-group");
                settingsForm.getChildren().add(g);
            }
            Label label = new Label(d.label());
            label.setTooltip(new Tooltip(d.name() + ": " + d.help()));
            Node field = field(d);
            field.setId("setting-" + d.name());
            Label error = new Label();
            error.getStyleClass().addAll("field-error", "text-small");
            error.setWrapText(true);
            error.textProperty().bind(viewModel.errorProperty(d));
            error.visibleProperty().bind(viewModel.errorProperty(d).isNotEmpty());
            error.managedProperty().bind(error.visibleProperty());
            VBox box = new VBox(2, label, field, error);
            settingsForm.getChildren().add(box);
        }
    }

    private Node field(TaskSettingDescriptor d) {
        switch (d.kind()) {
            case BOOLEAN -> {
                CheckBox c = new CheckBox(d.name());
                c.setSelected(Boolean.parseBoolean(viewModel.valueProperty(d).get()));
                viewModel.valueProperty(d).addListener((obs, o, v) -> c.setSelected(Boolean.parseBoolean(v)));
                c.selectedProperty().addListener((obs, o, v) -> {
                    if (!String.valueOf(v).equals(viewModel.valueProperty(d).get())) {
                        viewModel.edit(d, String.valueOf(v));
                    }
                });
                return c;
            }
            case CHOICE -> {
                ComboBox<String> c = new ComboBox<>();
                c.getItems().setAll(d.choices());
                c.setMaxWidth(Double.MAX_VALUE);
                c.setValue(viewModel.valueProperty(d).get());
                viewModel.valueProperty(d).addListener((obs, o, v) -> c.setValue(v));
                c.valueProperty().addListener((obs, o, v) -> {
                    if (v != null && !v.equals(viewModel.valueProperty(d).get())) {
                        viewModel.edit(d, v);
                    }
                });
                return c;
            }
            default -> {
                TextField t = new TextField(viewModel.valueProperty(d).get());
                t.setPromptText(d.kind() == TaskSettingDescriptor.Kind.INTEGER ? d.min() + "–" + d.max() : "not set");
                viewModel.valueProperty(d).addListener((obs, o, v) -> {
                    if (!t.isFocused()) {
                        t.setText(v);
                    }
                });
                // validated as you type; the project changes only with a valid value
                t.textProperty().addListener((obs, o, v) -> {
                    if (!v.equals(viewModel.valueProperty(d).get())) {
                        viewModel.edit(d, v);
                    }
                });
                return t;
            }
        }
    }

    private static void text(TableColumn<TableLoadRow, String> col, Function<TableLoadRow, ObservableValue<String>> f) {
        col.setCellValueFactory(c -> f.apply(c.getValue()));
    }

    @FXML
    private void start() {
        viewModel.start();
    }

    @FXML
    private void resume() {
        viewModel.start();
    }

    @FXML
    private void stop() {
        viewModel.stop();
    }

    private static final class ProgressCell extends TableCell<TableLoadRow, Number> {
        private final ProgressBar bar = new ProgressBar();
        private final Label pct = new Label();
        private final javafx.scene.layout.HBox box = new javafx.scene.layout.HBox(6, bar, pct);

        ProgressCell() {
            bar.setMaxWidth(Double.MAX_VALUE);
            pct.getStyleClass().add("text-small");
            pct.setMinWidth(40);
            javafx.scene.layout.HBox.setHgrow(bar, javafx.scene.layout.Priority.ALWAYS);
            box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            box.setVisible(false);
            // set once and shown or hidden: taking the graphic out of the scene and back re-applies CSS to it each time
            setGraphic(box);
        }

        @Override
        protected void updateItem(Number item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null || Double.isNaN(item.doubleValue())) {
                box.setVisible(false);
                return;
            }
            double v = item.doubleValue();
            bar.setProgress(v);
            pct.setText(v < 0 ? "" : Math.round(v * 100) + "%");
            box.setVisible(true);
        }
    }

    private static final class LogCell extends ListCell<MonitorSnapshot.LogLine> {
        @Override
        protected void updateItem(MonitorSnapshot.LogLine item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("log-error", "log-warn");
            if (empty || item == null) {
                setText(null);
                return;
            }
            // no String.format on the UI thread (see TasksViewModel.fmt)
            long tenths = item.atMillis() / 100;
            setText(tenths / 10 + "." + tenths % 10 + "s  " + item.level() + "  " + item.message());
            if (item.level() == LoadRunning.Level.ERROR) {
                getStyleClass().add("log-error");
            } else if (item.level() == LoadRunning.Level.WARN) {
                getStyleClass().add("log-warn");
            }
        }
    }
}
