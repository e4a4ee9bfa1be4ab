package dev.ferry.app.gui.workbench;

import dev.ferry.model.project.Project;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The project being edited in the workbench, its file and whether it has unsaved changes. Shared by the workbench's
 * section view models, which change the project only through {@link #update}. Holds no JavaFX nodes; use on the UI
 * thread only.
 */
public final class ProjectSession {

    private final ObjectProperty<Project> project = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>();
    private final SimpleBooleanProperty dirty = new SimpleBooleanProperty();

    public ProjectSession(Project project, Path file) {
        this.project.set(Objects.requireNonNull(project, "project"));
        this.file.set(file);
    }

    public Project project() {
        return project.get();
    }

    public ReadOnlyObjectProperty<Project> projectProperty() {
        return project;
    }

    public Path file() {
        return file.get();
    }

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file;
    }

    /** Replaces the project with {@code change.apply(project)} and marks it unsaved when it changed. */
    public void update(UnaryOperator<Project> change) {
        Project next = change.apply(project.get());
        if (!next.equals(project.get())) {
            project.set(next);
            dirty.set(true);
        }
    }

    public boolean isDirty() {
        return dirty.get();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty;
    }

    /** Called after a successful save of {@code saved}: clears the flag unless the project changed meanwhile. */
    void markSaved(Project saved, Path to) {
        file.set(to);
        if (saved.equals(project.get())) {
            dirty.set(false);
        }
    }
}
