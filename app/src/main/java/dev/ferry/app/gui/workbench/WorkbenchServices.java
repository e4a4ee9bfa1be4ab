package dev.ferry.app.gui.workbench;

import dev.ferry.app.gui.catalog.CatalogLoading;
import dev.ferry.app.gui.catalog.CatalogViewModel;
import dev.ferry.app.gui.dialog.DialogService;
import dev.ferry.app.gui.endpoints.EndpointTesting;
import dev.ferry.app.gui.endpoints.EndpointsViewModel;
import dev.ferry.app.gui.endpoints.PasswordSource;
import dev.ferry.app.gui.task.TaskExecutor;
import dev.ferry.engine.secret.SecretStore;
import dev.ferry.model.project.Project;

import java.nio.file.Path;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the workbench window is built from; the application passes the real engine adapters, tests pass fakes.
 *
 * @param executor    runs background tasks, callbacks on the UI thread
 * @param dialogs     shows dialogs
 * @param secrets     the secret store, fetched lazily (opening it may probe the OS keyring); call off the UI thread
 * @param env         environment lookup for {@code passwordEnv}
 * @param testing     connection tests and readiness checks
 * @param catalogs    catalog reads
 * @param windowStore where the window layout is remembered
 */
public record WorkbenchServices(TaskExecutor executor, DialogService dialogs, Supplier<SecretStore> secrets,
                                Function<String, String> env, EndpointTesting testing, CatalogLoading catalogs,
                                WindowStateStore windowStore) {

    /** A workbench view model for {@code project} stored in {@code file}. */
    public WorkbenchViewModel createViewModel(Project project, Path file) {
        ProjectSession session = new ProjectSession(project, file);
        PasswordSource passwords = new PasswordSource(secrets, env);
        EndpointsViewModel endpoints = new EndpointsViewModel(session, executor, testing, secrets, passwords, dialogs);
        CatalogViewModel catalog = new CatalogViewModel(session, executor, catalogs, passwords);
        return new WorkbenchViewModel(session, executor, dialogs, windowStore, endpoints, catalog);
    }
}
