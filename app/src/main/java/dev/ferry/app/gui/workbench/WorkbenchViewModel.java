package dev.ferry.app.gui.workbench;

import dev.ferry.app.gui.assessment.AssessmentViewModel;
import dev.ferry.app.gui.catalog.CatalogViewModel;
import dev.ferry.app.gui.cutover.CutoverViewModel;
import dev.ferry.app.gui.deploy.DeployViewModel;
import dev.ferry.app.gui.tasks.TasksViewModel;
import dev.ferry.app.gui.mappings.MappingsViewModel;
import dev.ferry.app.gui.dialog.DialogService;
import dev.ferry.app.gui.endpoints.EndpointsViewModel;
import dev.ferry.app.gui.task.BackgroundTask;
import dev.ferry.app.gui.task.TaskCallbacks;
import dev.ferry.app.gui.task.TaskExecutor;
import dev.ferry.model.project.Project;
import dev.ferry.model.project.ProjectFiles;
import dev.ferry.model.util.Redaction;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.Path;

/**
 * State and actions of the workbench window: the open project ({@link ProjectSession}), the selected section, saving
 * the project atomically in the background, the status bar and the remembered window state. Holds no JavaFX nodes.
 * Use on the UI thread.
 */
public final class WorkbenchViewModel {

    /** The sections of the left navigation; only sections that work are listed. */
    public enum Section {
        ENDPOINTS("Endpoints"), CATALOG("Catalog"), ASSESSMENT("Assessment"), TASKS("Tasks"), MAPPINGS("Table mappings"),
        DEPLOY("Deploy"), CUTOVER("Validation & cutover");

        private final String title;

        Section(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    private final ProjectSession session;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final WindowStateStore windowStore;
    private final EndpointsViewModel endpoints;
    private final CatalogViewModel catalog;
    private final AssessmentViewModel assessment;
    private final TasksViewModel tasks;
    private final MappingsViewModel mappings;
    private final DeployViewModel deploy;
    private final CutoverViewModel cutover;

    private final ObjectProperty<Section> section = new SimpleObjectProperty<>(Section.ENDPOINTS);
    private final StringProperty status = new SimpleStringProperty("");
    private final SimpleBooleanProperty saving = new SimpleBooleanProperty();
    private final StringBinding title;
    private WindowState windowState = WindowState.DEFAULT;

    public WorkbenchViewModel(ProjectSession session, TaskExecutor executor, DialogService dialogs, WindowStateStore windowStore,
                              EndpointsViewModel endpoints, CatalogViewModel catalog, AssessmentViewModel assessment,
                              TasksViewModel tasks, MappingsViewModel mappings, DeployViewModel deploy,
                              CutoverViewModel cutover) {
        this.session = session;
        this.executor = executor;
        this.dialogs = dialogs;
        this.windowStore = windowStore;
        this.endpoints = endpoints;
        this.catalog = catalog;
        this.assessment = assessment;
        this.tasks = tasks;
        this.mappings = mappings;
        this.deploy = deploy;
        this.cutover = cutover;
        this.title = Bindings.createStringBinding(() -> "Ferry - " + session.project().name() + (session.isDirty() ? " *" : "")
                + (session.file() == null ? "" : "  [" + session.file() + "]"), session.projectProperty(), session.dirtyProperty(),
                session.fileProperty());
        status.set("Project '" + session.project().name() + "': " + session.project().endpoints().size() + " endpoint"
                + (session.project().endpoints().size() == 1 ? "" : "s") + ".");
        endpoints.statusProperty().addListener((obs, o, s) -> {
            if (s != null && !s.isEmpty()) {
                status.set(s);
            }
        });
    }

    /** Saves the project to its file atomically in the background ({@link ProjectFiles#save}). */
    public void save() {
        Path file = session.file();
        if (file == null || saving.get()) {
            return;
        }
        Project snapshot = session.project();
        saving.set(true);
        status.set("Saving " + file.getFileName() + "...");
        executor.submit((BackgroundTask<Void>) (progress, cancel) -> {
            ProjectFiles.save(snapshot, file);
            return null;
        }, TaskCallbacks.of(v -> {
            saving.set(false);
            session.markSaved(snapshot, file);
            status.set("Saved " + file + ".");
        }, err -> {
            saving.set(false);
            status.set("");
            dialogs.showError("Cannot save the project", Redaction.redact(String.valueOf(err.getMessage())), err);
        }));
    }

    /** Loads the remembered window state in the background and hands it to {@code apply} on the UI thread. */
    public void loadWindowState(java.util.function.Consumer<WindowState> apply) {
        executor.submit((BackgroundTask<WindowState>) (progress, cancel) -> windowStore.load(), TaskCallbacks.of(s -> {
            windowState = s;
            apply.accept(s);
        }, err -> apply.accept(WindowState.DEFAULT)));
    }

    /** Remembers {@code state} and writes it in the background (failures only reach the log line in the status bar). */
    public void saveWindowState(WindowState state) {
        windowState = state;
        try {
            submitWindowStateSave(state);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // the application is shutting down: the last debounced save already has the layout
        }
    }

    private void submitWindowStateSave(WindowState state) {
        executor.submit((BackgroundTask<Void>) (progress, cancel) -> {
            windowStore.save(state);
            return null;
        }, TaskCallbacks.of(v -> { }, err -> status.set("Could not remember the window layout: " + err.getMessage())));
    }

    public WindowState windowState() {
        return windowState;
    }

    public ProjectSession session() {
        return session;
    }

    public EndpointsViewModel endpoints() {
        return endpoints;
    }

    public CatalogViewModel catalog() {
        return catalog;
    }

    public AssessmentViewModel assessment() {
        return assessment;
    }

    public TasksViewModel tasks() {
        return tasks;
    }

    public MappingsViewModel mappings() {
        return mappings;
    }

    public DeployViewModel deploy() {
        return deploy;
    }

    public CutoverViewModel cutover() {
        return cutover;
    }

    public ObjectProperty<Section> sectionProperty() {
        return section;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving;
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return session.dirtyProperty();
    }

    public StringBinding titleProperty() {
        return title;
    }
}
