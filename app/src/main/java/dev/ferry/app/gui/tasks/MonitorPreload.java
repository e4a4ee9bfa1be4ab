package dev.ferry.app.gui.tasks;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Loads and initialises, on a background thread when the Tasks section is first shown, the classes the monitor's
 * first updates would otherwise load on the UI thread in the middle of a load, while the load's own threads load theirs
 * from the same jars: the snapshot and row types, the table row and cell skins of the grid, the chart's data classes.
 * The list is what a JFR recording ({@code jdk.ClassLoad} events of the UI thread, see docs/workbench.md) showed the UI
 * thread loading after Start, plus the monitor's own classes; a class missing here costs a little UI time, nothing else.
 */
final class MonitorPreload {

    static final List<String> CLASSES = List.of(
            // the monitor's own types
            "dev.ferry.app.gui.tasks.LoadMonitor", "dev.ferry.app.gui.tasks.MonitorSnapshot",
            "dev.ferry.app.gui.tasks.MonitorSnapshot$LogLine", "dev.ferry.app.gui.tasks.LoadRunning$PlannedTable",
            "dev.ferry.app.gui.tasks.LoadRunning$Outcome", "dev.ferry.app.gui.tasks.LoadRunning$Level",
            "dev.ferry.app.gui.tasks.TableLoadRow", "dev.ferry.app.gui.tasks.TasksViewModel$Sample",
            "dev.ferry.app.gui.tasks.TasksViewModel$CdcSample", "dev.ferry.app.gui.tasks.TasksView$ProgressCell",
            "dev.ferry.app.gui.tasks.TasksView$LogCell", "dev.ferry.app.gui.tasks.MonitorScheduler",
            "dev.ferry.engine.load.TableProgress", "dev.ferry.engine.load.TableProgress$TableState",
            "dev.ferry.engine.validate.TableValidation", "dev.ferry.engine.validate.TableValidation$Status",
            "dev.ferry.engine.cdc.apply.CdcMetrics",
            // the grid's rows and cells
            "javafx.scene.control.TableRow", "javafx.scene.control.TableRow$1", "javafx.scene.control.TableCell",
            "javafx.scene.control.skin.TableRowSkin", "javafx.scene.control.skin.TableRowSkinBase",
            "javafx.scene.control.skin.TableCellSkin", "javafx.scene.control.skin.TableCellSkinBase",
            "com.sun.javafx.scene.control.behavior.TableRowBehavior", "com.sun.javafx.scene.control.behavior.TableRowBehaviorBase",
            "com.sun.javafx.scene.control.behavior.TableCellBehavior", "com.sun.javafx.scene.control.behavior.TableCellBehaviorBase",
            "javafx.scene.control.ControlUtils", "javafx.scene.control.ControlUtils$1",
            "javafx.scene.control.TableView$TableViewArrayListSelectionModel$4",
            "javafx.scene.control.ProgressBar", "javafx.scene.control.skin.ProgressBarSkin",
            "javafx.scene.control.skin.ProgressIndicatorSkin", "javafx.scene.control.skin.ListCellSkin",
            "javafx.scene.layout.Priority", "com.sun.javafx.scene.traversal.ContainerTabOrder$1",
            // the charts
            "javafx.scene.chart.XYChart$Data", "javafx.scene.chart.XYChart$Data$1", "javafx.scene.chart.XYChart$Data$2",
            "javafx.scene.chart.XYChart$Data$3", "javafx.scene.chart.XYChart$Data$4", "javafx.scene.chart.Axis$TickMark",
            // what the view model's update touches
            "javafx.beans.property.BooleanPropertyBase$ValueWrapper", "javafx.beans.property.DoublePropertyBase$ValueWrapper",
            "java.util.stream.ReduceOps$5ReducingSink", "java.util.stream.ReduceOps$6", "java.util.stream.ReferencePipeline$4",
            "java.util.stream.ReferencePipeline$4$1", "java.util.concurrent.ConcurrentLinkedQueue", "java.time.Duration");

    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private MonitorPreload() {
    }

    /** Starts the preload once per JVM on a low-priority daemon thread; returns at once. The JavaFX toolkit must be running. */
    static void startInBackground() {
        if (STARTED.compareAndSet(false, true)) {
            Thread t = new Thread(() -> run(true), "ferry-monitor-preload");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            t.start();
        }
    }

    /**
     * Loads every class of {@link #CLASSES} on the calling thread and initialises it; JavaFX controls (and Ferry's cells)
     * only when {@code toolkitRunning}, since {@code Control}'s static initialiser needs the toolkit and a failed one
     * would leave the class unusable. Returns the classes it could not load, with why.
     */
    static List<String> run(boolean toolkitRunning) {
        List<String> missed = new java.util.ArrayList<>();
        ClassLoader loader = MonitorPreload.class.getClassLoader();
        for (String name : CLASSES) {
            try {
                boolean control = name.startsWith("javafx.scene.control.") || name.startsWith("com.sun.javafx.scene.control.")
                        || name.startsWith(TasksView.class.getName() + "$");
                Class.forName(name, toolkitRunning || !control, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                missed.add(name + ": " + e); // another JavaFX version: the UI thread loads it when needed, as without the preload
            }
        }
        return missed;
    }
}
