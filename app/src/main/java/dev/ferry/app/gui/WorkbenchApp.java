package dev.ferry.app.gui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.ferry.app.config.FileRecentProjectsStore;
import dev.ferry.app.gui.dialog.FxDialogService;
import dev.ferry.app.gui.task.ThreadPoolTaskExecutor;
import dev.ferry.app.gui.welcome.WelcomeView;
import dev.ferry.app.gui.welcome.WelcomeViewModel;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import dev.ferry.app.gui.catalog.EngineCatalogLoading;
import dev.ferry.app.gui.endpoints.EngineEndpointTesting;
import dev.ferry.app.gui.workbench.WindowStateStore;
import dev.ferry.app.gui.workbench.WorkbenchServices;
import dev.ferry.app.gui.workbench.WorkbenchView;
import dev.ferry.app.gui.workbench.WorkbenchViewModel;
import dev.ferry.engine.secret.PasswordPrompt;
import dev.ferry.engine.secret.SecretStore;
import dev.ferry.engine.secret.SecretStores;
import java.util.function.Supplier;

/**
 * The JavaFX application: AtlantaFX Primer theme ({@code -Dferry.theme=dark} for the dark variant), the welcome page,
 * and the workbench window once a project is opened. Started through {@link #launchWorkbench()} from {@code dev.ferry.app.Main}, which is not an
 * {@code Application} subclass so JavaFX can run from the classpath.
 */
public final class WorkbenchApp extends Application {

    private ThreadPoolTaskExecutor executor;
    private volatile dev.ferry.app.demo.DemoEnvironment demo;
    private final dev.ferry.app.assess.EmbeddedScratch scratch = new dev.ferry.app.assess.EmbeddedScratch();

    public static void launchWorkbench() {
        Application.launch(WorkbenchApp.class);
    }

    /** Applies the theme chosen by {@code ferry.theme} ({@code light}, the default, or {@code dark}). */
    public static void applyTheme() {
        boolean dark = "dark".equalsIgnoreCase(System.getProperty("ferry.theme", "light"));
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
    }

    @Override
    public void start(Stage stage) {
        applyTheme();
        // 4 workers: a slow connection test or catalog read must not hold up saving or file checks
        executor = new ThreadPoolTaskExecutor(4, Platform::runLater);
        FxDialogService dialogs = new FxDialogService(() -> stage);
        WelcomeViewModel viewModel = new WelcomeViewModel(FileRecentProjectsStore.inUserConfigDir(), executor,
                dialogs, this::startDemo);
        Supplier<SecretStore> secrets = memoize(() -> SecretStores.defaultStore(System::getenv, PasswordPrompt.NONE, null));
        WorkbenchServices services = new WorkbenchServices(executor, dialogs, secrets, System::getenv,
                new EngineEndpointTesting(), new EngineCatalogLoading(), WindowStateStore.inUserConfigDir(),
                new dev.ferry.app.gui.assessment.ConverterAssessmentService(scratch, dev.ferry.converter.report.PageSize.A4),
                uri -> getHostServices().showDocument(uri));
        WorkbenchViewModel[] opened = new WorkbenchViewModel[1];
        Scene scene = install(stage, viewModel, services, vm -> opened[0] = vm);
        stage.show();
        reportStartup(stage);
        viewModel.refresh();
        String open = System.getProperty("ferry.open");
        if (open != null && !open.isBlank()) { // -Dferry.open=<project file>: open it right away
            viewModel.open(new dev.ferry.app.config.RecentProject(java.nio.file.Path.of(open), java.time.Instant.now()));
        }
        String tour = System.getProperty("ferry.tour");
        if (tour != null && !tour.isBlank()) { // -Dferry.tour=<dir>: the screenshot walk (tools/screenshots.sh)
            String scripts = System.getProperty("ferry.tour.scripts");
            dev.ferry.app.gui.workbench.DemoTour.start(java.nio.file.Path.of(tour), scene, viewModel, () -> opened[0],
                    scripts == null || scripts.isBlank() ? null : java.nio.file.Path.of(scripts));
        }
    }

    /**
     * With {@code -Dferry.startupReport=print|exit}: once the first frame of the window has been rendered, prints the time
     * since the JVM started to stderr (and with {@code exit}, quits). {@code bench/startup.sh} uses it.
     */
    private static void reportStartup(Stage stage) {
        String mode = System.getProperty("ferry.startupReport");
        if (mode == null) {
            return;
        }
        long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        new javafx.animation.AnimationTimer() {
            @Override
            public void handle(long now) { // the first pulse after show(): the window's first frame is on screen
                stop();
                long ms = System.currentTimeMillis() - jvmStart;
                System.err.println("ferry: first window (" + (int) stage.getWidth() + "x" + (int) stage.getHeight()
                        + ") shown " + ms + " ms after JVM start");
                if ("exit".equalsIgnoreCase(mode)) {
                    Platform.exit();
                }
            }
        }.start();
    }

    /**
     * Shows the welcome page in {@code stage} and switches the scene's root to the workbench when the welcome page opens
     * a project (from the recent list or the demo). Used by {@link #start} and by UI tests with fake services.
     *
     * @return the scene
     */
    public static Scene install(Stage stage, WelcomeViewModel welcome, WorkbenchServices services) {
        return install(stage, welcome, services, vm -> { });
    }

    /** As {@link #install(Stage, WelcomeViewModel, WorkbenchServices)}; {@code opened} receives each workbench's view model. */
    public static Scene install(Stage stage, WelcomeViewModel welcome, WorkbenchServices services,
                                java.util.function.Consumer<WorkbenchViewModel> opened) {
        WelcomeView view = WelcomeView.create(welcome);
        StackPane holder = new StackPane(view.root());
        Scene scene = new Scene(holder, 960, 640);
        WorkbenchView[] current = new WorkbenchView[1];
        welcome.openedProjectProperty().addListener((obs, old, project) -> {
            if (project != null) {
                if (current[0] != null) {
                    current[0].saveLayoutNow();
                }
                WorkbenchViewModel vm = services.createViewModel(project, welcome.openedFileProperty().get());
                WorkbenchView workbench = WorkbenchView.create(vm);
                current[0] = workbench;
                scene.setRoot(workbench.root());
                workbench.attach(stage);
                opened.accept(vm);
            }
        });
        stage.setOnCloseRequest(e -> {
            WorkbenchView w = current[0];
            if (w != null && w.hasUnsavedChanges() && !services.dialogs().confirm("Unsaved changes",
                    "The project has unsaved changes. Close Ferry without saving them? (Ctrl+S saves.)")) {
                e.consume();
                return;
            }
            if (w != null && w.hasRunningTasks() && !services.dialogs().confirm("A load is running",
                    "A full load is running. Close Ferry anyway? Committed ranges are kept and the next Start resumes after them.")) {
                e.consume();
            }
        });
        stage.setOnHiding(e -> {
            if (current[0] != null) {
                current[0].saveLayoutNow();
            }
        });
        stage.titleProperty().unbind();
        stage.setTitle("Ferry");
        stage.setScene(scene);
        return scene;
    }

    private static <T> Supplier<T> memoize(Supplier<T> s) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = s.get();
                }
                return value;
            }
        };
    }

    /** Runs on a background thread: starts the demo once per application run and (re)writes its project file. */
    private synchronized java.nio.file.Path startDemo() throws Exception {
        if (demo == null) {
            // -Dferry.demo.scale=<n> (default 1, about 9,000 rows): a bigger demo store, generated when the store is created
            demo = dev.ferry.app.demo.DemoEnvironment.start(dev.ferry.app.demo.DemoEnvironment.defaultHome(),
                    Math.max(1, Integer.getInteger("ferry.demo.scale", 1)));
        }
        dev.ferry.app.demo.DemoTargetSchema.ensure(demo);
        return demo.writeProject();
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.close();
        }
        scratch.close();
        dev.ferry.app.demo.DemoEnvironment d = demo;
        if (d != null) {
            try {
                d.close();
            } catch (java.io.IOException e) {
                System.err.println("ferry: could not stop the demo PostgreSQL: " + e.getMessage());
            }
        }
    }
}
