package dev.ferry.app.gui.welcome;

import dev.ferry.app.Version;
import dev.ferry.app.config.RecentProject;
import dev.ferry.app.config.RecentProjectsStore;
import dev.ferry.app.gui.dialog.DialogService;
import dev.ferry.app.gui.task.BackgroundTask;
import dev.ferry.app.gui.task.TaskCallbacks;
import dev.ferry.app.gui.task.TaskExecutor;
import dev.ferry.model.project.Project;
import dev.ferry.model.project.ProjectFiles;
import dev.ferry.model.util.Redaction;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.NoSuchFileException;
import java.util.List;

/**
 * State and actions of the welcome page: product name, version, the recent-projects list (read from the user's
 * configuration directory in the background) and opening a recent project. Holds no JavaFX nodes; uses JavaFX
 * properties only. Must be used on the UI thread; its {@link TaskExecutor} delivers callbacks there.
 */
public final class WelcomeViewModel {

    public static final String PRODUCT_NAME = "Ferry";
    public static final String EMPTY_TEXT = "No recent projects yet. Projects you open or create will appear here.";

    /** Starts the built-in demo and returns its project file; runs on a background thread. */
    @FunctionalInterface
    public interface DemoStarter {
        /** Starts the demo (generating its source on first use) and returns the project file to open. */
        Path start() throws Exception;

        /** No demo available (e.g. in tests of other features). */
        DemoStarter NONE = () -> {
            throw new IllegalStateException("the demo is not available in this build");
        };
    }

    private final RecentProjectsStore store;
    private final DemoStarter demoStarter;
    private final BooleanProperty demoStarting = new SimpleBooleanProperty();
    private final TaskExecutor executor;
    private final DialogService dialogs;

    private final StringProperty title = new SimpleStringProperty(PRODUCT_NAME);
    private final StringProperty version = new SimpleStringProperty("Version " + Version.get());
    private final ObservableList<RecentProject> recentProjects = FXCollections.observableArrayList();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final StringProperty status = new SimpleStringProperty("");
    private final ObjectProperty<Project> openedProject = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> openedFile = new SimpleObjectProperty<>();
    private final BooleanBinding emptyStateVisible;

    public WelcomeViewModel(RecentProjectsStore store, TaskExecutor executor, DialogService dialogs) {
        this(store, executor, dialogs, DemoStarter.NONE);
    }

    public WelcomeViewModel(RecentProjectsStore store, TaskExecutor executor, DialogService dialogs, DemoStarter demoStarter) {
        this.store = store;
        this.demoStarter = demoStarter;
        this.executor = executor;
        this.dialogs = dialogs;
        this.emptyStateVisible = Bindings.isEmpty(recentProjects).and(loading.not());
    }

    /** Reloads the recent projects from the store in the background. */
    public void refresh() {
        loading.set(true);
        executor.submit((BackgroundTask<List<RecentProject>>) (progress, cancel) -> store.load(),
                TaskCallbacks.of(list -> {
                    recentProjects.setAll(list);
                    loading.set(false);
                }, error -> {
                    recentProjects.clear();
                    loading.set(false);
                    status.set("Could not read the recent projects: " + Redaction.redact(error.getMessage()));
                }));
    }

    /**
     * Opens a recent project: loads and validates it in the background, then publishes it through
     * {@link #openedProjectProperty()}. A project file that no longer exists can be removed from the list; an invalid
     * one is reported with the loader's message (file, JSON path, line:column).
     */
    public void open(RecentProject recent) {
        status.set("Opening " + recent.displayName() + "...");
        executor.submit((BackgroundTask<Project>) (progress, cancel) -> {
            if (!Files.exists(recent.path())) {
                throw new NoSuchFileException(recent.path().toString());
            }
            Project p = ProjectFiles.load(recent.path());
            store.touch(recent.path());
            return p;
        }, TaskCallbacks.of(project -> {
            openedFile.set(recent.path());
            openedProject.set(project);
            status.set("Opened project '" + project.name() + "': " + count(project.endpoints().size(), "endpoint") + ", "
                    + count(project.tasks().size(), "task"));
            refresh();
        }, error -> {
            status.set("");
            if (error instanceof NoSuchFileException) {
                if (dialogs.confirm("Project not found", recent.path() + " no longer exists. Remove it from the recent projects?")) {
                    executor.submit((BackgroundTask<Void>) (progress, cancel) -> {
                        store.remove(recent.path());
                        return null;
                    }, TaskCallbacks.of(v -> refresh(), e -> dialogs.showError("Cannot update recent projects",
                            Redaction.redact(e.getMessage()))));
                }
            } else {
                dialogs.showError("Cannot open project", Redaction.redact(error.getMessage()), error);
            }
        }));
    }

    /**
     * Starts the built-in demo in the background (a generated SQLite store as the source, an embedded PostgreSQL as the
     * target), then opens its project. Does nothing while a start is already under way.
     */
    public void startDemo() {
        if (demoStarting.get()) {
            return;
        }
        demoStarting.set(true);
        status.set("Starting the demo: preparing the SQLite store and starting the embedded PostgreSQL target...");
        Path[] demoFile = new Path[1];
        executor.submit((BackgroundTask<Project>) (progress, cancel) -> {
            Path file = demoStarter.start();
            Project p = ProjectFiles.load(file);
            store.touch(file);
            demoFile[0] = file;
            return p;
        }, TaskCallbacks.of(project -> {
            demoStarting.set(false);
            openedFile.set(demoFile[0]);
            openedProject.set(project);
            status.set("Demo ready: project '" + project.name() + "' with " + count(project.endpoints().size(), "endpoint")
                    + " and " + count(project.tasks().size(), "task") + ".");
            refresh();
        }, error -> {
            demoStarting.set(false);
            status.set("");
            dialogs.showError("Cannot start the demo", Redaction.redact(String.valueOf(error.getMessage())), error);
        }));
    }

    public ReadOnlyBooleanProperty demoStartingProperty() {
        return demoStarting;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    public ReadOnlyStringProperty titleProperty() {
        return title;
    }

    public ReadOnlyStringProperty versionProperty() {
        return version;
    }

    public ObservableList<RecentProject> recentProjects() {
        return recentProjects;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    public BooleanBinding emptyStateVisibleProperty() {
        return emptyStateVisible;
    }

    public String emptyText() {
        return EMPTY_TEXT;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ReadOnlyObjectProperty<Project> openedProjectProperty() {
        return openedProject;
    }

    /** The file of the project last opened; set just before {@link #openedProjectProperty()} changes. */
    public ReadOnlyObjectProperty<Path> openedFileProperty() {
        return openedFile;
    }
}
