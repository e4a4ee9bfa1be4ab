package dev.ferry.app.gui.workbench;

import dev.ferry.app.gui.tasks.TasksViewModel;
import dev.ferry.app.gui.welcome.WelcomeViewModel;
import dev.ferry.model.project.EndpointConfig;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * An opt-in walk through the built-in demo for screenshots ({@code -Dferry.tour=<dir>}, used by
 * {@code tools/screenshots.sh}): starts the demo from the welcome page, then in every section does what a user would do
 * (tests the target connection, reads the source catalog, assesses scripts, plans a deploy, runs the demo task into
 * streaming with some source changes, validates, previews a rename) and waits until the result is on screen.
 *
 * <p>Protocol with the driving script, through files in the tour folder (each step {@code NN-name}):
 * <ul>
 *   <li>{@code NN-name.key} holds the key combination that selects the step's section (for example {@code ctrl+3});
 *   the script sends it (xdotool) and the tour waits until the section is shown (after 30 s it selects it itself and
 *   says so on stderr);</li>
 *   <li>{@code NN-name.ready}: the step's content is on screen; the script captures the window and then creates
 *   {@code NN-name.done};</li>
 *   <li>{@code NN-name.failed} (next to {@code .ready}) says what did not happen in time; {@code finished} ends the tour,
 *   after which the application exits.</li>
 * </ul>
 * Runs on its own thread; every access to the view models and nodes goes through the UI thread. Not used by tests.
 */
public final class DemoTour {

    private final Path dir;
    private final Scene scene;
    private final WelcomeViewModel welcome;
    private final Supplier<WorkbenchViewModel> workbench;
    private final Path scripts;
    private int step;

    private DemoTour(Path dir, Scene scene, WelcomeViewModel welcome, Supplier<WorkbenchViewModel> workbench, Path scripts) {
        this.dir = dir;
        this.scene = scene;
        this.welcome = welcome;
        this.workbench = workbench;
        this.scripts = scripts;
    }

    /**
     * Starts the tour on a daemon thread.
     *
     * @param dir       the folder for the marker files (created)
     * @param scripts   Oracle scripts (a file or folder) for the Assessment step, or {@code null} to skip it
     * @param workbench the workbench view model once the demo project is open (else {@code null})
     */
    public static void start(Path dir, Scene scene, WelcomeViewModel welcome, Supplier<WorkbenchViewModel> workbench,
                             Path scripts) {
        DemoTour tour = new DemoTour(dir, scene, welcome, workbench, scripts);
        Thread t = new Thread(tour::run, "ferry-demo-tour");
        t.setDaemon(true);
        t.start();
    }

    private void run() {
        try {
            Files.createDirectories(dir);
            tour();
        } catch (Exception e) {
            System.err.println("ferry tour: stopped: " + e);
            e.printStackTrace();
        } finally {
            try {
                Files.writeString(dir.resolve("finished"), "", StandardCharsets.UTF_8);
            } catch (IOException e) {
                System.err.println("ferry tour: cannot write the finished marker: " + e.getMessage());
            }
            Platform.exit();
        }
    }

    private void tour() throws Exception {
        // welcome page (a fresh user: no recent projects)
        await("the welcome page", () -> !welcome.loadingProperty().get(), Duration.ofSeconds(30));
        shot("welcome", null);
        fx(() -> {
            welcome.startDemo();
            return null;
        });
        await("the demo project", () -> workbench.get() != null, Duration.ofMinutes(3));
        WorkbenchViewModel wb = workbench.get();

        // Endpoints: the target selected and tested
        section(wb, WorkbenchViewModel.Section.ENDPOINTS, "endpoints");
        fx(() -> {
            ListView<EndpointConfig> list = lookup("#endpointList");
            list.getItems().stream().filter(e -> e.name().equals("demo-target")).findFirst()
                    .ifPresent(e -> list.getSelectionModel().select(e));
            wb.endpoints().checkRoleProperty().set(dev.ferry.app.gui.endpoints.EndpointsViewModel.CheckRole.TARGET);
            wb.endpoints().testConnection();
            return null;
        });
        boolean ok = await("the connection test", () -> !wb.endpoints().testingProperty().get()
                && wb.endpoints().testStateProperty().get() != dev.ferry.app.gui.endpoints.EndpointsViewModel.TestState.RUNNING,
                Duration.ofMinutes(1));
        fx(() -> { // scroll the form down to the readiness checks
            for (Node n = scene.lookup("#readinessTable"); n != null; n = n.getParent()) {
                if (n instanceof javafx.scene.control.ScrollPane sp) {
                    sp.setVvalue(sp.getVmax());
                    break;
                }
            }
            return null;
        });
        shot("endpoints", ok ? null : "connection test still running");

        // Catalog: the source read, a table selected
        section(wb, WorkbenchViewModel.Section.CATALOG, "catalog");
        fx(() -> {
            wb.catalog().selectedEndpointProperty().set("demo-source");
            wb.catalog().read();
            return null;
        });
        ok = await("the catalog", () -> !wb.catalog().readingProperty().get() && wb.catalog().treeProperty().get() != null,
                Duration.ofMinutes(2));
        fx(() -> {
            TreeView<?> tree = lookup("#tree");
            selectTreeItem(tree, v -> v instanceof dev.ferry.app.gui.catalog.CatalogNode n
                    && n.kind() == dev.ferry.app.gui.catalog.CatalogNode.Kind.TABLE && n.label().startsWith("orders"));
            return null;
        });
        shot("catalog", ok ? null : "catalog not read");

        // Assessment: scripts assessed, dashboard, then an object with action items in both panes
        if (scripts != null) {
            section(wb, WorkbenchViewModel.Section.ASSESSMENT, "assessment-dashboard");
            fx(() -> {
                wb.assessment().sourcePathProperty().set(scripts.toString());
                wb.assessment().assess();
                return null;
            });
            ok = await("the assessment", () -> !wb.assessment().runningProperty().get()
                    && wb.assessment().reportProperty().get() != null, Duration.ofMinutes(3));
            fx(() -> {
                TabPane tabs = lookup("#tabs");
                tabs.getSelectionModel().select(0);
                return null;
            });
            shot("assessment-dashboard", ok ? null : "assessment not done");
            String key = fx(() -> {
                var report = wb.assessment().reportProperty().get();
                if (report == null) {
                    return null;
                }
                // the object with the most action items that still converted (a MANUAL object may have no target SQL)
                return report.conversion().objects().stream()
                        .filter(o -> o.convertedSql() != null && !o.convertedSql().isBlank() && !o.actionItems().isEmpty()
                        )
                        // a routine, trigger or view shows more than a table's DDL
                        .max(java.util.Comparator.comparingInt(o -> (o.type().contains("TABLE") ? 0 : 1000)
                                + o.actionItems().size()))
                        .map(dev.ferry.converter.assess.ConvertedObject::key)
                        .orElse(null);
            });
            if (key != null) {
                fx(() -> {
                    TreeView<?> tree = lookup("#tree");
                    selectTreeItem(tree, v -> v instanceof dev.ferry.app.gui.assessment.AssessmentNode n && key.equals(n.key()));
                    return null;
                });
                await("the object's source", () -> wb.assessment().sourceTextProperty().get() != null
                        && !wb.assessment().sourceTextProperty().get().text().isEmpty(), Duration.ofSeconds(20));
                fx(() -> {
                    TableView<?> items = lookup("#itemsTable");
                    if (!items.getItems().isEmpty()) {
                        items.getSelectionModel().select(0);
                    }
                    return null;
                });
            }
            shot("assessment", key != null ? null : "no object with action items");
            // Type mappings: a table rule (NUMBER -> bigint for HR.REGIONS), applied: only what it touches is re-converted
            fx(() -> {
                var rules = wb.assessment().typeRules();
                rules.scopeProperty().set(dev.ferry.model.project.TypeMappingRule.Scope.TABLE);
                rules.schemaProperty().set("HR");
                rules.tableProperty().set("REGIONS");
                rules.sourceTypeProperty().set("number");
                rules.targetTypeProperty().set("bigint");
                rules.add();
                wb.assessment().applyTypeRules();
                TabPane tabs = lookup("#tabs");
                tabs.getSelectionModel().select(2);
                return null;
            });
            ok = await("the re-conversion", () -> !wb.assessment().reconvertingProperty().get(), Duration.ofMinutes(2));
            shot("assessment-type-mappings", ok ? null : "re-conversion not done");
        }

        // Deploy: the last assessment's plan, dry run against the demo target
        section(wb, WorkbenchViewModel.Section.DEPLOY, "deploy");
        if (scripts != null) {
            fx(() -> {
                wb.deploy().openLastAssessment();
                return null;
            });
            await("the deploy plan", () -> !wb.deploy().busyProperty().get() && wb.deploy().hasPlan(), Duration.ofMinutes(1));
            fx(() -> {
                wb.deploy().selectedEndpointProperty().set("demo-target");
                wb.deploy().dryRun();
                return null;
            });
            ok = await("the dry run", () -> !wb.deploy().busyProperty().get(), Duration.ofMinutes(2));
            shot("deploy", ok ? null : "dry run not done");
        } else {
            shot("deploy", "no assessment");
        }

        // Table mappings: the source catalog read, a rename previewed, then undone (the demo task loads without it)
        section(wb, WorkbenchViewModel.Section.MAPPINGS, "mappings");
        fx(() -> {
            wb.mappings().selectedEndpointProperty().set("demo-source");
            wb.mappings().readSourceCatalog();
            return null;
        });
        ok = await("the mappings preview", () -> !wb.mappings().readingProperty().get() && !wb.mappings().preview().isEmpty(),
                Duration.ofMinutes(1));
        fx(() -> {
            String schema = wb.mappings().preview().get(0).source().split("\\.")[0];
            wb.mappings().addRenameTable(schema, "customers", "clients");
            TableView<?> rules = lookup("#rulesTable");
            rules.getSelectionModel().selectLast();
            return null;
        });
        shot("mappings", ok ? null : "no preview");
        fx(() -> { // the form for a change-data-type rule: the preview shows the new type
            var form = wb.mappings().form();
            form.kindProperty().set(dev.ferry.app.gui.mappings.RuleForm.Kind.CHANGE_DATA_TYPE);
            String schema = wb.mappings().preview().get(0).source().split("\\.")[0];
            form.property(dev.ferry.app.gui.mappings.RuleForm.Field.SCHEMA).set(schema);
            form.property(dev.ferry.app.gui.mappings.RuleForm.Field.TABLE).set("orders");
            form.property(dev.ferry.app.gui.mappings.RuleForm.Field.COLUMN).set("status");
            form.property(dev.ferry.app.gui.mappings.RuleForm.Field.DATA_TYPE).set("string");
            form.property(dev.ferry.app.gui.mappings.RuleForm.Field.LENGTH).set("20");
            wb.mappings().addFromForm();
            TableView<?> rules = lookup("#rulesTable");
            rules.getSelectionModel().selectLast();
            return null;
        });
        shot("mappings-form", null);
        fx(() -> {
            while (wb.mappings().rules().size() > 1) {
                wb.mappings().undo();
            }
            wb.save(); // the document is as before the rename: no "Unsaved changes" in the next pictures
            return null;
        });
        await("the project saved", () -> !wb.savingProperty().get() && !wb.dirtyProperty().get(), Duration.ofSeconds(30));

        // Tasks: the demo task loads, then streams; some source changes for the CDC monitor
        section(wb, WorkbenchViewModel.Section.TASKS, "tasks");
        TasksViewModel tasks = wb.tasks();
        fx(() -> {
            tasks.selectedTaskProperty().set("demo");
            tasks.start();
            return null;
        });
        // during the load (with a demo of -Dferry.demo.scale=20 or so it takes some seconds)
        ok = await("the load under way", () -> tasks.overallProperty().get() >= 0.3 || tasks.streamingProperty().get()
                || tasks.stateProperty().get() != TasksViewModel.RunState.RUNNING, Duration.ofMinutes(5));
        shot("tasks", ok ? null : "the load did not start");
        ok = await("the demo load", () -> tasks.streamingProperty().get()
                || tasks.stateProperty().get() == TasksViewModel.RunState.DONE
                || tasks.stateProperty().get() == TasksViewModel.RunState.FAILED, Duration.ofMinutes(10));
        if (ok && tasks.streamingProperty().get()) {
            String source = fx(() -> wb.session().project().endpoint("demo-source").map(EndpointConfig::path).orElse(null));
            sleep(Duration.ofSeconds(2));
            writeSourceChanges(source, Duration.ofSeconds(15));
            sleep(Duration.ofSeconds(3));
            shot("tasks-cdc", null);
            fx(() -> {
                tasks.stop();
                return null;
            });
            await("the task to stop", () -> !tasks.isRunning(), Duration.ofMinutes(1));
        } else {
            System.err.println("ferry tour: the demo task did not reach streaming: " + fx(() -> tasks.stateTextProperty().get()));
        }

        // Validation & cutover: the demo task validated
        section(wb, WorkbenchViewModel.Section.CUTOVER, "cutover");
        fx(() -> {
            wb.cutover().selectedTaskProperty().set("demo");
            wb.cutover().validate();
            return null;
        });
        ok = await("the validation", () -> !wb.cutover().validatingProperty().get() && !wb.cutover().validation().isEmpty(),
                Duration.ofMinutes(3));
        shot("cutover", ok ? null : "validation not done");

    }

    // ------------------------------------------------------------------ steps

    private void section(WorkbenchViewModel wb, WorkbenchViewModel.Section s, String name) throws Exception {
        if (fx(() -> wb.sectionProperty().get() == s)) {
            return;
        }
        step++;
        String marker = String.format(Locale.ROOT, "%02d-%s", step, name);
        Files.writeString(dir.resolve(marker + ".key"), "ctrl+" + (s.ordinal() + 1) + "\n", StandardCharsets.UTF_8);
        if (!await("Ctrl+" + (s.ordinal() + 1), () -> wb.sectionProperty().get() == s, Duration.ofSeconds(30))) {
            System.err.println("ferry tour: the key did not select " + s.title() + "; selecting it directly");
            fx(() -> {
                wb.sectionProperty().set(s);
                return null;
            });
        }
        step--; // the capture of the same step follows
    }

    /** Marks the step ready for capture and waits for the script's capture. */
    private void shot(String name, String failure) throws Exception {
        step++;
        String marker = String.format(Locale.ROOT, "%02d-%s", step, name);
        // two pulses: what the last change laid out is rendered
        for (int i = 0; i < 2; i++) {
            sleep(Duration.ofMillis(400));
            fx(() -> {
                scene.getRoot().applyCss();
                scene.getRoot().layout();
                return null;
            });
        }
        if (failure != null) {
            System.err.println("ferry tour: " + name + ": " + failure);
            Files.writeString(dir.resolve(marker + ".failed"), failure + "\n", StandardCharsets.UTF_8);
        }
        Files.writeString(dir.resolve(marker + ".ready"), name + "\n", StandardCharsets.UTF_8);
        Path done = dir.resolve(marker + ".done");
        long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!Files.exists(done) && System.nanoTime() < until) {
            sleep(Duration.ofMillis(200));
        }
    }

    /** Some inserts and updates on the SQLite demo source while the task streams (its change triggers pick them up). */
    private static void writeSourceChanges(String file, Duration during) {
        if (file == null) {
            return;
        }
        long until = System.nanoTime() + during.toNanos();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             PreparedStatement log = c.prepareStatement("INSERT INTO inventory_log (product_id, delta) VALUES (?, ?)");
             PreparedStatement paid = c.prepareStatement("UPDATE orders SET status = 'paid' WHERE order_id = ?")) {
            c.createStatement().execute("PRAGMA busy_timeout = 5000");
            int i = 0;
            while (System.nanoTime() < until) {
                c.setAutoCommit(false);
                for (int k = 0; k < 20; k++, i++) {
                    log.setInt(1, 1 + i % 50);
                    log.setInt(2, (i % 7) - 3 == 0 ? 1 : (i % 7) - 3);
                    log.executeUpdate();
                    paid.setInt(1, 1 + i);
                    paid.executeUpdate();
                }
                c.commit();
                sleep(Duration.ofMillis(250));
            }
        } catch (SQLException e) {
            System.err.println("ferry tour: could not write changes into the demo source: " + e.getMessage());
        }
    }

    // ------------------------------------------------------------------ UI thread helpers

    @SuppressWarnings("unchecked")
    private <T extends Node> T lookup(String selector) {
        Node n = scene.lookup(selector);
        if (n == null) {
            throw new IllegalStateException("no node " + selector + " in the current section");
        }
        return (T) n;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static boolean selectTreeItem(TreeView tree, Predicate<Object> match) {
        TreeItem found = find(tree.getRoot(), match);
        if (found == null) {
            return false;
        }
        for (TreeItem p = found.getParent(); p != null; p = p.getParent()) {
            p.setExpanded(true);
        }
        tree.getSelectionModel().select(found);
        int row = tree.getRow(found);
        if (row >= 0) {
            tree.scrollTo(Math.max(0, row - 3));
        }
        return true;
    }

    @SuppressWarnings({"rawtypes"})
    private static TreeItem find(TreeItem item, Predicate<Object> match) {
        if (item == null) {
            return null;
        }
        if (match.test(item.getValue())) {
            return item;
        }
        for (Object c : item.getChildren()) {
            TreeItem f = find((TreeItem) c, match);
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        FutureTask<T> task = new FutureTask<>(work);
        Platform.runLater(task);
        return task.get();
    }

    /** Polls {@code condition} on the UI thread until it holds; false after {@code timeout}. */
    private static boolean await(String what, Callable<Boolean> condition, Duration timeout) throws Exception {
        long until = System.nanoTime() + timeout.toNanos();
        AtomicReference<Boolean> last = new AtomicReference<>(false);
        while (System.nanoTime() < until) {
            last.set(fx(condition));
            if (last.get()) {
                return true;
            }
            sleep(Duration.ofMillis(250));
        }
        System.err.println("ferry tour: gave up waiting for " + what + " after " + timeout.toSeconds() + " s");
        return false;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
