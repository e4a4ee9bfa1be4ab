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

/**
 * The JavaFX application: AtlantaFX Primer theme ({@code -Dferry.theme=dark} for the dark variant) and, for now, the
 * welcome page. Started through {@link #launchWorkbench()} from {@code dev.ferry.app.Main}, which is not an
 * {@code Application} subclass so JavaFX can run from the classpath.
 */
public final class WorkbenchApp extends Application {

    private ThreadPoolTaskExecutor executor;
    private volatile dev.ferry.app.demo.DemoEnvironment demo;

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
        executor = new ThreadPoolTaskExecutor(2, Platform::runLater);
        WelcomeViewModel viewModel = new WelcomeViewModel(FileRecentProjectsStore.inUserConfigDir(), executor,
                new FxDialogService(() -> stage), this::startDemo);
        WelcomeView view = WelcomeView.create(viewModel);
        viewModel.openedProjectProperty().addListener((obs, old, project) -> {
            if (project != null) {
                stage.setTitle("Ferry - " + project.name());
            }
        });
        stage.setTitle("Ferry");
        stage.setScene(new Scene(new StackPane(view.root()), 960, 640));
        stage.show();
        viewModel.refresh();
    }

    /** Runs on a background thread: starts the demo once per application run and (re)writes its project file. */
    private synchronized java.nio.file.Path startDemo() throws Exception {
        if (demo == null) {
            demo = dev.ferry.app.demo.DemoEnvironment.start(dev.ferry.app.demo.DemoEnvironment.defaultHome(), 1);
        }
        return demo.writeProject();
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.close();
        }
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
