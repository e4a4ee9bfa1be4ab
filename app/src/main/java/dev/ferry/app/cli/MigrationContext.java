package dev.ferry.app.cli;

import dev.ferry.engine.catalog.CatalogListener;
import dev.ferry.engine.catalog.CatalogReaders;
import dev.ferry.engine.catalog.CatalogRequest;
import dev.ferry.engine.endpoint.ConnectionFactory;
import dev.ferry.engine.load.LoadEndpoint;
import dev.ferry.engine.load.LoadPlan;
import dev.ferry.engine.load.LoadPlanner;
import dev.ferry.engine.load.LoadSettings;
import dev.ferry.engine.mapping.MappingException;
import dev.ferry.engine.mapping.ResolvedTable;
import dev.ferry.engine.mapping.TableMappingResolver;
import dev.ferry.model.project.EndpointConfig;
import dev.ferry.model.project.Project;
import dev.ferry.model.project.ProjectFiles;
import dev.ferry.model.project.TaskConfig;
import dev.ferry.model.schema.DatabaseModel;
import dev.ferry.model.schema.Engine;
import dev.ferry.model.schema.QualifiedName;
import dev.ferry.model.schema.Schema;
import dev.ferry.model.schema.Table;
import dev.ferry.model.util.Redaction;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What {@code ferry migrate} and {@code ferry validate} share: the project's task, its two endpoints (passwords
 * resolved once and cleared on {@link #close()}), both catalogs, the resolved table mappings checked against the target,
 * and the load plan. Not thread-safe; used by one command on its calling thread.
 */
final class MigrationContext implements AutoCloseable {

    /** Tables Ferry creates itself; never selected for migration. */
    static final Set<String> FERRY_TABLES = FerryTables.NAMES;

    final Path projectFile;
    final Path projectDir;
    final Project project;
    final TaskConfig task;
    final EndpointArgument.Resolved source;
    final EndpointArgument.Resolved target;
    final LoadEndpoint sourceEndpoint;
    final LoadEndpoint targetEndpoint;
    final TableMappingResolver resolver;
    List<ResolvedTable> tables = List.of();
    List<LoadPlanner.TablePair> pairs = List.of();

    private MigrationContext(Path projectFile, Project project, TaskConfig task, EndpointArgument.Resolved source,
                             EndpointArgument.Resolved target) {
        this.projectFile = projectFile;
        this.projectDir = projectFile.toAbsolutePath().getParent();
        this.project = project;
        this.task = task;
        this.source = source;
        this.target = target;
        EndpointConfig sc = source.config();
        EndpointConfig tc = target.config();
        char[] sp = source.password();
        char[] tp = target.password();
        this.sourceEndpoint = new LoadEndpoint(sc.engine(), () -> ConnectionFactory.open(sc, sp));
        this.targetEndpoint = new LoadEndpoint(tc.engine(), () -> ConnectionFactory.open(tc, tp));
        try {
            this.resolver = new TableMappingResolver(project.tableMappings());
        } catch (MappingException e) {
            throw new ConfigurationException(projectFile + ": " + e.getMessage(), e);
        }
    }

    /** Loads the project and picks the task ({@code taskName}, or the only task). */
    static Project loadProject(Path projectFile) {
        try {
            return ProjectFiles.load(projectFile);
        } catch (IOException e) {
            throw new ConfigurationException(projectFile + ": cannot read: " + e.getMessage(), e);
        }
    }

    static TaskConfig task(Path projectFile, Project project, String taskName) {
        List<String> names = project.tasks().stream().map(TaskConfig::name).toList();
        if (taskName != null) {
            return project.task(taskName).orElseThrow(() -> new ConfigurationException(projectFile + ": no task named '"
                    + taskName + "' (tasks: " + (names.isEmpty() ? "none" : String.join(", ", names)) + ")"));
        }
        if (project.tasks().size() == 1) {
            return project.tasks().get(0);
        }
        throw new ConfigurationException(projectFile + ": " + (names.isEmpty() ? "the project has no task"
                : "the project has several tasks; choose one with --task (" + String.join(", ", names) + ")"));
    }

    /** Resolves the task's endpoints and passwords. */
    static MigrationContext open(Path projectFile, Project project, TaskConfig task, Function<String, String> env) {
        return open(projectFile, project, task, env, null);
    }

    /**
     * Resolves the task's endpoints; {@code passwords} (when not {@code null}) gives each endpoint's password instead of
     * the CLI's resolution (the workbench passes its secret store, which never prompts).
     */
    static MigrationContext open(Path projectFile, Project project, TaskConfig task, Function<String, String> env,
                                 Function<EndpointConfig, char[]> passwords) {
        EndpointArgument.Resolved s = resolve(projectFile, project, task.source(), "source", env, passwords);
        EndpointArgument.Resolved t;
        try {
            t = resolve(projectFile, project, task.target(), "target", env, passwords);
        } catch (RuntimeException e) {
            s.clear();
            throw e;
        }
        if (s.config().engine() == Engine.ORACLE || t.config().engine() == Engine.ORACLE) {
            s.clear();
            t.clear();
            throw new ConfigurationException("task " + task.name() + ": the full load does not support Oracle endpoints yet");
        }
        return new MigrationContext(projectFile, project, task, s, t);
    }

    private static EndpointArgument.Resolved resolve(Path projectFile, Project project, String name, String role,
                                                     Function<String, String> env, Function<EndpointConfig, char[]> passwords) {
        EndpointConfig config = project.endpoint(name).orElseThrow(() -> new ConfigurationException(projectFile
                + ": the task's " + role + " endpoint '" + name + "' is not defined"));
        // an endpoint without passwordEnv and passwordRef has no secret (trust / peer authentication, the demo):
        // connect with an empty password instead of prompting; a server that wants one answers AUTH_FAILED
        EndpointArgument.Resolved r = passwords != null ? new EndpointArgument.Resolved(config, passwords.apply(config))
                : config.passwordEnv() == null && config.passwordRef() == null
                ? new EndpointArgument.Resolved(config, config.engine() == Engine.SQLITE ? null : new char[0])
                : EndpointArgument.resolve(name, projectFile, null, env);
        if (config.engine() == Engine.SQLITE && config.path() != null && !Path.of(config.path()).isAbsolute()) {
            // a relative SQLite path is relative to the project file
            EndpointConfig c = r.config();
            String abs = projectFile.toAbsolutePath().getParent().resolve(c.path()).normalize().toString();
            r = new EndpointArgument.Resolved(new EndpointConfig(c.name(), c.engine(), c.host(), c.port(), c.database(),
                    c.user(), c.passwordRef(), c.passwordEnv(), c.tls(), c.properties(), c.connectTimeoutSeconds(), abs),
                    r.password());
        }
        return r;
    }

    LoadSettings settings(Long splitThreshold, Integer rangesPerTable) {
        LoadSettings s = LoadSettings.from(task.name(), task.settings()).withTableSettings(resolver.tableSettings());
        if (splitThreshold != null || rangesPerTable != null) {
            s = s.withSplit(splitThreshold == null ? s.splitThresholdRows() : splitThreshold,
                    rangesPerTable == null ? s.rangesPerTable() : rangesPerTable);
        }
        return s;
    }

    Path stateFile() {
        return projectDir.resolve(".ferry").resolve(task.name() + ".load.db");
    }

    Path resultFile() {
        return projectDir.resolve(".ferry").resolve(task.name() + ".result.json");
    }

    /**
     * Reads the source catalog (the schemas the selection rules name) and the target catalog, resolves the mappings and
     * checks every mapped target table and column exists.
     *
     * @return the problems found on the target (empty when the target is ready)
     * @throws ConfigurationException for a mapping error (naming the rule-id) or when nothing is selected
     */
    List<String> resolveAgainstCatalogs(CatalogListener listener) throws SQLException {
        DatabaseModel sourceModel;
        CatalogRequest sreq = new CatalogRequest(resolver.selectedSchemas(), false, false);
        try (Connection c = sourceEndpoint.connections().open()) {
            sourceModel = CatalogReaders.forEngine(sourceEndpoint.engine()).read(c, sreq, listener);
        }
        try {
            // Ferry's own objects on the source (the SQLite capture table, control tables of an earlier run that used
            // this database as a target) are never migrated, whatever the selection rules say
            tables = resolver.resolve(sourceModel).stream()
                    .filter(t -> !FERRY_TABLES.contains(t.source().name().toLowerCase(java.util.Locale.ROOT))).toList();
        } catch (MappingException e) {
            throw new ConfigurationException(projectFile + ": " + e.getMessage(), e);
        }
        if (tables.isEmpty()) {
            throw new ConfigurationException(projectFile + ": the table mappings select no table of "
                    + source.config().describe() + " (schemas read: " + sourceModel.schemas().stream().map(Schema::name).toList() + ")");
        }
        String defaultSchema;
        DatabaseModel targetModel;
        try (Connection c = targetEndpoint.connections().open()) {
            defaultSchema = defaultSchema(c, target.config());
            List<ResolvedTable> fixed = new ArrayList<>();
            for (ResolvedTable t : tables) {
                fixed.add(withTargetSchema(t, defaultSchema));
            }
            tables = fixed;
            Set<String> schemas = new LinkedHashSet<>();
            for (ResolvedTable t : tables) {
                schemas.add(t.target().schema());
            }
            targetModel = CatalogReaders.forEngine(targetEndpoint.engine()).read(c,
                    new CatalogRequest(new ArrayList<>(schemas), false, false), listener);
        }
        List<String> problems = new ArrayList<>();
        List<LoadPlanner.TablePair> out = new ArrayList<>();
        for (ResolvedTable t : tables) {
            List<LoadPlanner.ColumnPair> columns;
            try {
                columns = t.loadedColumns();
            } catch (MappingException e) {
                throw new ConfigurationException(projectFile + ": " + e.getMessage(), e);
            }
            Optional<Table> tt = targetModel.schema(t.target().schema()).flatMap(s -> s.table(t.target().name()));
            if (tt.isEmpty()) {
                problems.add("target table " + t.target() + " (for " + t.source().qualifiedName() + ") does not exist");
                continue;
            }
            List<String> missing = new ArrayList<>();
            for (LoadPlanner.ColumnPair p : columns) {
                if (tt.get().column(p.target()).isEmpty()) {
                    missing.add(p.target());
                }
            }
            if (!missing.isEmpty()) {
                problems.add("target table " + t.target() + " has no column " + String.join(", ", missing)
                        + " (mapped from " + t.source().qualifiedName() + ")");
                continue;
            }
            out.add(new LoadPlanner.TablePair(t.source(), tt.get(), columns, t.filter()));
        }
        pairs = out;
        return problems;
    }

    /** A SQLite source's {@code main} schema lands in the target's default schema unless a rule renamed it. */
    private ResolvedTable withTargetSchema(ResolvedTable t, String defaultSchema) {
        QualifiedName n = t.target();
        boolean sqliteMain = sourceEndpoint.engine() == Engine.SQLITE && "main".equals(n.schema())
                && targetEndpoint.engine() != Engine.SQLITE;
        if (!sqliteMain && n.schema() != null) {
            return t;
        }
        return new ResolvedTable(t.source(), new QualifiedName(defaultSchema, n.name()), t.columns(), t.added(), t.filter(),
                t.settings(), t.primaryKey(), t.loadOrder());
    }

    private static String defaultSchema(Connection c, EndpointConfig config) throws SQLException {
        switch (config.engine()) {
            case POSTGRESQL -> {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT current_schema()")) {
                    rs.next();
                    return rs.getString(1) == null ? "public" : rs.getString(1);
                }
            }
            case MYSQL -> {
                return config.database();
            }
            default -> {
                return "main";
            }
        }
    }

    LoadPlan plan(LoadSettings settings) throws SQLException {
        try {
            return new LoadPlanner(sourceEndpoint, settings).withTableSettings(resolver.tableSettings()).plan(pairs);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(projectFile + ": " + e.getMessage(), e);
        }
    }

    String redact(Throwable e) {
        String m = String.valueOf(e.getMessage());
        return Redaction.redact(Redaction.redact(m, source.password()), target.password());
    }

    @Override
    public void close() {
        source.clear();
        target.clear();
    }
}
