package dev.ferry.app.gui.workbench;

import dev.ferry.app.assess.EmbeddedScratch;
import dev.ferry.app.gui.assessment.AssessmentService;
import dev.ferry.app.gui.assessment.AssessmentViewModel;
import dev.ferry.app.gui.assessment.ConverterAssessmentService;
import dev.ferry.app.gui.catalog.CatalogLoading;
import dev.ferry.app.gui.cutover.CutoverViewModel;
import dev.ferry.app.gui.cutover.EngineCutoverRunning;
import dev.ferry.app.gui.deploy.DeployViewModel;
import dev.ferry.app.gui.deploy.EngineDeployRunning;
import dev.ferry.app.gui.tasks.EngineLoadRunning;
import dev.ferry.app.gui.tasks.LoadRunning;
import dev.ferry.app.gui.tasks.MonitorScheduler;
import dev.ferry.app.gui.tasks.TasksViewModel;
import dev.ferry.app.gui.mappings.MappingsViewModel;
import javafx.application.Platform;
import dev.ferry.app.gui.catalog.CatalogViewModel;
import dev.ferry.app.gui.dialog.DialogService;
import dev.ferry.app.gui.endpoints.EndpointTesting;
import dev.ferry.app.gui.endpoints.EndpointsViewModel;
import dev.ferry.app.gui.endpoints.PasswordSource;
import dev.ferry.app.gui.task.TaskExecutor;
import dev.ferry.engine.secret.SecretStore;
import dev.ferry.model.project.Project;

import dev.ferry.converter.report.PageSize;

import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
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
 * @param assessments runs and opens assessments, verifies edits, writes reports
 * @param browser     opens a URI in the system browser
 * @param loads       runs full loads for the Tasks monitor, or {@code null} for the engine's (with this record's secrets)
 * @param ui          where monitor snapshots are applied ({@code Platform::runLater})
 */
public record WorkbenchServices(TaskExecutor executor, DialogService dialogs, Supplier<SecretStore> secrets,
                                Function<String, String> env, EndpointTesting testing, CatalogLoading catalogs,
                                WindowStateStore windowStore, AssessmentService assessments, Consumer<String> browser,
                                LoadRunning loads, Executor ui) {

    /** Services with the engine's loads, applied through {@code Platform::runLater}. */
    public WorkbenchServices(TaskExecutor executor, DialogService dialogs, Supplier<SecretStore> secrets,
                             Function<String, String> env, EndpointTesting testing, CatalogLoading catalogs,
                             WindowStateStore windowStore, AssessmentService assessments, Consumer<String> browser) {
        this(executor, dialogs, secrets, env, testing, catalogs, windowStore, assessments, browser, null, Platform::runLater);
    }

    /** Services with the real assessment service (embedded scratch PostgreSQL for verification) and no browser. */
    public WorkbenchServices(TaskExecutor executor, DialogService dialogs, Supplier<SecretStore> secrets,
                             Function<String, String> env, EndpointTesting testing, CatalogLoading catalogs,
                             WindowStateStore windowStore) {
        this(executor, dialogs, secrets, env, testing, catalogs, windowStore,
                new ConverterAssessmentService(new EmbeddedScratch(), PageSize.A4), uri -> { });
    }

    /** A workbench view model for {@code project} stored in {@code file}. */
    public WorkbenchViewModel createViewModel(Project project, Path file) {
        ProjectSession session = new ProjectSession(project, file);
        PasswordSource passwords = new PasswordSource(secrets, env);
        EndpointsViewModel endpoints = new EndpointsViewModel(session, executor, testing, secrets, passwords, dialogs);
        CatalogViewModel catalog = new CatalogViewModel(session, executor, catalogs, passwords);
        AssessmentViewModel assessment = new AssessmentViewModel(executor, assessments, dialogs, browser,
                () -> session.project().typeMappings(), rules -> session.update(p -> p.withTypeMappings(rules)));
        if (file != null && file.toAbsolutePath().getParent() != null) {
            assessment.outputFolderProperty().set(file.toAbsolutePath().getParent().resolve("assessment").toString());
        }
        TasksViewModel tasks = new TasksViewModel(session, executor, loads != null ? loads : new EngineLoadRunning(passwords),
                dialogs, MonitorScheduler.shared(), ui, () -> System.nanoTime() / 1_000_000);
        MappingsViewModel mappings = new MappingsViewModel(session, executor, catalogs, passwords, dialogs);
        DeployViewModel deploy = new DeployViewModel(session, executor, new EngineDeployRunning(passwords), dialogs, ui,
                assessment::folder);
        CutoverViewModel cutover = new CutoverViewModel(session, executor, new EngineCutoverRunning(passwords), dialogs, ui);
        return new WorkbenchViewModel(session, executor, dialogs, windowStore, endpoints, catalog, assessment, tasks, mappings,
                deploy, cutover);
    }
}
