package dev.ferry.app.gui.tasks;

import dev.ferry.app.cli.DeployAroundLoad;
import dev.ferry.app.gui.endpoints.PasswordSource;
import dev.ferry.engine.catalog.CatalogListener;
import dev.ferry.engine.catalog.CatalogReaders;
import dev.ferry.engine.catalog.CatalogRequest;
import dev.ferry.engine.deploy.DeployListener;
import dev.ferry.engine.deploy.DeployOptions;
import dev.ferry.engine.deploy.DeployOutcome;
import dev.ferry.engine.deploy.DeployPhase;
import dev.ferry.engine.deploy.DeployResult;
import dev.ferry.engine.deploy.TargetPrepPreview;
import dev.ferry.engine.endpoint.ConnectionFactory;
import dev.ferry.engine.load.FullLoad;
import dev.ferry.engine.load.KeyRange;
import dev.ferry.engine.load.LoadEndpoint;
import dev.ferry.engine.load.LoadException;
import dev.ferry.engine.load.LoadPlan;
import dev.ferry.engine.load.LoadPlanner;
import dev.ferry.engine.load.LoadResult;
import dev.ferry.engine.load.LoadSettings;
import dev.ferry.engine.load.LoadStateStore;
import dev.ferry.engine.load.RejectedRow;
import dev.ferry.engine.load.SourceSnapshot;
import dev.ferry.engine.load.TableJob;
import dev.ferry.engine.load.TableProgress;
import dev.ferry.engine.load.mysql.MySqlSourceSnapshot;
import dev.ferry.engine.load.postgres.PostgresPlainSnapshot;
import dev.ferry.engine.load.sqlite.SqliteSourceSnapshot;
import dev.ferry.engine.mapping.MappingException;
import dev.ferry.engine.mapping.ResolvedTable;
import dev.ferry.engine.mapping.TableMappingResolver;
import dev.ferry.engine.validate.TableValidation;
import dev.ferry.engine.validate.Validator;
import dev.ferry.model.project.EndpointConfig;
import dev.ferry.model.project.Project;
import dev.ferry.model.project.TaskConfig;
import dev.ferry.model.project.TaskSettings;
import dev.ferry.model.project.TaskType;
import dev.ferry.model.schema.DatabaseModel;
import dev.ferry.model.schema.Engine;
import dev.ferry.model.schema.QualifiedName;
import dev.ferry.model.schema.Table;
import dev.ferry.model.util.Redaction;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The real {@link LoadRunning}: the same steps as {@code ferry migrate} (resolve the table mappings against both
 * catalogs, check the target tables exist, plan, {@link FullLoad} with the resume state in
 * {@code <project dir>/.ferry/<task>.load.db}, then {@link Validator}). A PostgreSQL source of a full-load task is
 * read through a plain exported snapshot; {@code full-load-and-cdc} and {@code cdc} tasks run as {@code ferry migrate}
 * runs them ({@link CdcStreaming}: slot / binlog position / triggers, load from the stream's snapshot, then streaming). Stop works through
 * the listener: once asked, the next progress call throws, FullLoad stops like a STOP error and keeps the committed
 * ranges.
 *
 * <p>A {@code full-load} or {@code full-load-and-cdc} task with {@code SchemaFrom} (an assessment folder) runs the
 * deploy plan around its load as {@code ferry migrate} does, through the shared {@link DeployAroundLoad}: the pre-load
 * phase with the task's {@code TargetTablePrepMode} (only as confirmed: {@link #preparation} tells the view model what
 * it would change; a resumed load never repeats it), the load, then for {@code full-load} the post-load phase
 * (indexes, foreign keys, views…) and the validation; {@code full-load-and-cdc} leaves the post-load phase to the
 * cutover, like the CLI. Each phase is reported through {@link Events#phase}. Stateless apart from the password source;
 * thread-safe.
 */
public final class EngineLoadRunning implements LoadRunning {

    /** Thrown from the listener to stop the load at the next batch. */
    static final class StopRequested extends RuntimeException {
        StopRequested() {
            super("stopped by the user", null, false, false);
        }
    }

    private final PasswordSource passwords;

    public EngineLoadRunning(PasswordSource passwords) {
        this.passwords = passwords;
    }

    @Override
    public Outcome run(Path projectFile, Project project, String taskName, boolean validate, Events events,
                       BooleanSupplier stopRequested) throws Exception {
        return run(projectFile, project, taskName, validate, null, events, stopRequested);
    }

    @Override
    public Optional<TargetPrepPreview> preparation(Path projectFile, Project project, String taskName) throws Exception {
        TaskConfig task = task(project, taskName);
        Optional<Path> folder = DeployAroundLoad.folder(projectFile, task, null);
        if (task.type() == TaskType.CDC || folder.isEmpty() || task.settings().targetTablePrepMode() == TaskSettings.PrepMode.DO_NOTHING) {
            return Optional.empty();
        }
        EndpointConfig tc = endpoint(project, projectFile, task.target(), "target");
        char[] tp = passwords.resolve(tc);
        try {
            LoadEndpoint target = new LoadEndpoint(tc.engine(), () -> ConnectionFactory.open(tc, tp));
            DeployAroundLoad schema = DeployAroundLoad.of(folder.get(), DeployAroundLoad.read(folder.get()), task,
                    projectFile.toAbsolutePath().getParent(), target, Redaction.redact(tc.describe(), tp));
            TaskSettings.PrepMode effective = schema.effectiveMode();
            if (effective == TaskSettings.PrepMode.DO_NOTHING) {
                return Optional.empty();
            }
            try {
                return Optional.of(schema.preview(effective));
            } catch (SQLException e) {
                throw new SQLException(Redaction.redact(String.valueOf(e.getMessage()), tp), e.getSQLState(), e);
            }
        } finally {
            Arrays.fill(tp, '\0');
        }
    }

    @Override
    public Outcome run(Path projectFile, Project project, String taskName, boolean validate, DeployOptions.TargetPrep confirmed,
                       Events events, BooleanSupplier stopRequested) throws Exception {
        TaskConfig task = task(project, taskName);
        EndpointConfig sc = endpoint(project, projectFile, task.source(), "source");
        EndpointConfig tc = endpoint(project, projectFile, task.target(), "target");
        if (sc.engine() == Engine.ORACLE || tc.engine() == Engine.ORACLE) {
            throw new IllegalArgumentException("task " + task.name() + ": the full load does not support Oracle endpoints yet");
        }
        Optional<Path> folder = task.type() == TaskType.CDC ? Optional.empty() : DeployAroundLoad.folder(projectFile, task, null);
        char[] sp = passwords.resolve(sc);
        char[] tp = passwords.resolve(tc);
        try {
            LoadEndpoint source = new LoadEndpoint(sc.engine(), () -> ConnectionFactory.open(sc, sp));
            LoadEndpoint target = new LoadEndpoint(tc.engine(), () -> ConnectionFactory.open(tc, tp));
            DeployAroundLoad schema = null;
            if (folder.isPresent()) {
                schema = DeployAroundLoad.of(folder.get(), DeployAroundLoad.read(folder.get()), task,
                        projectFile.toAbsolutePath().getParent(), target, Redaction.redact(tc.describe(), tp));
                Outcome failed = preLoad(schema, task, confirmed, events, stopRequested, sp, tp);
                if (failed != null) {
                    return failed;
                }
            }
            events.phase(Phase.LOAD, 0, 0);
            events.log(Level.INFO, "Reading the catalogs of " + sc.describe() + " and " + tc.describe() + "…");
            List<LoadPlanner.TablePair> pairs = resolve(project, source, target, tc, events);
            LoadSettings settings = LoadSettings.from(task.name(), task.settings());
            if (schema != null) {
                settings = DeployAroundLoad.adjust(settings);
            }
            TableMappingResolver resolver = new TableMappingResolver(project.tableMappings());
            LoadPlan plan = new LoadPlanner(source, settings).withTableSettings(resolver.tableSettings()).plan(pairs);
            if (task.type() != TaskType.CDC) { // a cdc task loads nothing: its grid rows appear with its changes
                events.planned(plan.jobs().stream().map(j -> new PlannedTable(j.tableKey(), j.target().toString(),
                        j.estimatedRows(), j.ranges().size())).toList());
            }
            Path state = projectFile.toAbsolutePath().getParent().resolve(".ferry").resolve(task.name() + ".load.db");
            Files.createDirectories(state.getParent());
            if (task.type() != TaskType.FULL_LOAD) {
                if (schema != null) {
                    events.log(Level.INFO, "The post-load phase of " + schema.folder() + " (indexes, foreign keys, views…)"
                            + " is not run while changes stream: deploy it at cutover (Deploy section, phase post-load).");
                }
                return new CdcStreaming(task, sc, sp, source, target, settings, plan, state, events, stopRequested).run();
            }
            events.log(Level.INFO, "Loading " + plan.jobs().size() + " tables (" + plan.rangeCount() + " ranges); state in " + state);
            LoadResult result;
            String error = null;
            boolean stopped = false;
            try (LoadStateStore store = LoadStateStore.open(state); SourceSnapshot snapshot = snapshot(source)) {
                try {
                    result = new FullLoad(source, target, settings, store, stopping(events, stopRequested))
                            .withDeferredIndexes(task.settings().deferIndexesDuringLoad()).run(plan, snapshot);
                } catch (StopRequested e) {
                    // a stop raised outside FullLoad's workers (a safety net: stopping() only raises it for running tables)
                    result = null;
                    stopped = true;
                } catch (LoadException e) {
                    result = e.partial();
                    stopped = isStop(e);
                    if (!stopped) {
                        Throwable cause = e.getCause() != null ? e.getCause() : e;
                        error = redact(String.valueOf(cause.getMessage()), sp, tp);
                    }
                }
            }
            if (stopped) {
                events.log(Level.WARN, "Stopped: committed ranges are kept; Resume continues after them.");
                return new Outcome(result, true, null);
            }
            if (error != null) {
                events.log(Level.ERROR, "The load failed: " + error);
                return new Outcome(result, false, error);
            }
            events.log(Level.INFO, String.format(java.util.Locale.ROOT, "Loaded %,d rows in %.1f s.", result.totalRows(),
                    result.elapsed().toMillis() / 1000.0));
            DeployResult postProblem = null;
            if (schema != null) {
                boolean loaded = result.tables().stream().allMatch(t -> t.state() == TableProgress.TableState.DONE);
                if (!loaded) {
                    events.log(Level.WARN, "The post-load phase (indexes, foreign keys, views…) runs once every table is loaded.");
                } else {
                    events.log(Level.INFO, "Post-load phase from " + schema.folder() + "…");
                    DeployResult post;
                    try {
                        post = schema.postLoad(deployEvents(Phase.POST_LOAD, events, stopRequested, sp, tp));
                    } catch (StopRequested e) {
                        events.log(Level.WARN, "Stopped during the post-load phase: the objects not created yet are listed"
                                + " in the Deploy section (phase post-load); the data is loaded.");
                        return new Outcome(result, true, null);
                    }
                    events.log(post.ok() ? Level.INFO : Level.ERROR, "Post-load phase " + (post.ok() ? "done" : "had errors")
                            + ": " + counts(post) + " (" + schema.resultFile(DeployPhase.POST_LOAD) + ")");
                    postProblem = post.ok() ? null : post;
                }
            }
            if (validate) {
                events.phase(Phase.VALIDATION, 0, plan.jobs().size());
                events.log(Level.INFO, "Validating " + plan.jobs().size() + " tables…");
                Validator validator = new Validator(source, target, 20, 2);
                int validated = 0;
                for (TableJob job : plan.jobs()) {
                    if (stopRequested.getAsBoolean()) {
                        events.log(Level.WARN, "Validation stopped.");
                        break;
                    }
                    TableValidation v = validator.compare(job);
                    events.validated(v);
                    events.phase(Phase.VALIDATION, ++validated, plan.jobs().size());
                    events.log(v.status() == TableValidation.Status.VALIDATED ? Level.INFO : Level.WARN,
                            "Validation " + v.table() + ": " + v.status() + (v.reason() == null ? "" : " (" + v.reason() + ")"));
                }
            }
            return new Outcome(result, false, null, postProblem);
        } finally {
            Arrays.fill(sp, '\0');
            Arrays.fill(tp, '\0');
        }
    }

    private static TaskConfig task(Project project, String taskName) {
        return project.task(taskName).orElseThrow(() -> new IllegalArgumentException("the project has no task '" + taskName + "'"));
    }

    /**
     * The pre-load phase with the task's preparation (not repeated when resuming; destructive only as confirmed).
     *
     * @return the outcome to end the run with, or {@code null} to go on with the load
     */
    private static Outcome preLoad(DeployAroundLoad schema, TaskConfig task, DeployOptions.TargetPrep confirmed, Events events,
                                   BooleanSupplier stop, char[] sp, char[] tp) throws Exception {
        events.phase(Phase.PRE_LOAD, 0, 0);
        Optional<String> notRepeated = schema.notRepeated();
        TaskSettings.PrepMode effective = notRepeated.isPresent() ? TaskSettings.PrepMode.DO_NOTHING : schema.mode();
        if (notRepeated.isPresent()) {
            events.log(Level.INFO, notRepeated.get());
        } else if (effective != TaskSettings.PrepMode.DO_NOTHING && DeployAroundLoad.targetPrep(effective) != confirmed) {
            String m = "TargetTablePrepMode " + effective + " of task " + task.name() + " was not confirmed: nothing was changed"
                    + " on the target.";
            events.log(Level.ERROR, m);
            return new Outcome(null, false, m);
        }
        events.log(Level.INFO, "Pre-load phase from " + schema.folder() + " (TargetTablePrepMode " + effective + ")…");
        DeployResult pre;
        try {
            pre = schema.preLoad(effective, LoadSettings.from(task.name(), task.settings()),
                    deployEvents(Phase.PRE_LOAD, events, stop, sp, tp), line -> events.log(Level.INFO, line));
        } catch (StopRequested e) {
            events.log(Level.WARN, "Stopped during the pre-load phase: nothing was loaded; Start runs it again.");
            return new Outcome(null, true, null);
        }
        if (!pre.ok()) {
            String m = "The pre-load phase failed (" + counts(pre) + "; " + schema.resultFile(DeployPhase.PRE_LOAD)
                    + "): nothing was loaded.";
            events.log(Level.ERROR, m);
            return new Outcome(null, false, m, pre);
        }
        events.log(Level.INFO, "Pre-load phase done: " + counts(pre) + ".");
        return null;
    }

    private static String counts(DeployResult r) {
        StringBuilder b = new StringBuilder();
        r.counts().forEach((status, n) -> {
            if (n > 0) {
                b.append(b.isEmpty() ? "" : ", ").append(n).append(' ').append(status.name().toLowerCase(java.util.Locale.ROOT));
            }
        });
        return b.isEmpty() ? "no objects" : b.toString();
    }

    /** The deploy's steps as phase progress and log lines; throws {@link StopRequested} before the next step once asked. */
    static DeployListener deployEvents(Phase phase, Events events, BooleanSupplier stop, char[] sp, char[] tp) {
        return new DeployListener() {
            private int total;
            private int done;

            @Override
            public void onPhaseStart(DeployPhase p, int steps, boolean transactional) {
                total = steps;
                events.phase(phase, 0, steps);
                if (stop.getAsBoolean()) {
                    throw new StopRequested();
                }
            }

            @Override
            public void onOutcome(DeployOutcome o) {
                done++;
                events.phase(phase, done, total);
                boolean failed = o.status() == DeployOutcome.Status.ERROR;
                events.log(failed ? Level.ERROR : o.status() == DeployOutcome.Status.DRIFT ? Level.WARN : Level.DEBUG,
                        phase.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + " #" + o.seq() + " "
                                + o.action() + " " + o.type() + " " + o.name() + ": " + o.status()
                                + (o.message() == null ? "" : " (" + redact(o.message(), sp, tp) + ")")
                                + (o.file() == null ? "" : " [" + o.file() + "]"));
                if (stop.getAsBoolean()) {
                    throw new StopRequested();
                }
            }
        };
    }

    static boolean isStop(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StopRequested) {
                return true;
            }
        }
        return false;
    }

    /** Forwards the engine's events and throws {@link StopRequested} once a stop was asked for. */
    static Events stopping(Events events, BooleanSupplier stop) {
        return new Events() {
            @Override
            public void tableProgress(TableProgress progress) {
                events.tableProgress(progress);
                // only while a range runs: FullLoad reports the final states after its workers ended, outside them
                if (progress.state() == TableProgress.TableState.RUNNING && stop.getAsBoolean()) {
                    throw new StopRequested();
                }
            }

            @Override
            public void rangeCommitted(String table, KeyRange range, long rows) {
                events.rangeCommitted(table, range, rows);
                if (stop.getAsBoolean()) {
                    throw new StopRequested();
                }
            }

            @Override
            public void rowRejected(RejectedRow row) {
                events.rowRejected(row);
            }
        };
    }

    private static EndpointConfig endpoint(Project project, Path projectFile, String name, String role) {
        EndpointConfig c = project.endpoint(name).orElseThrow(() -> new IllegalArgumentException(
                "the task's " + role + " endpoint '" + name + "' is not defined in " + projectFile));
        if (c.engine() == Engine.SQLITE && c.path() != null && !Path.of(c.path()).isAbsolute()) {
            String abs = projectFile.toAbsolutePath().getParent().resolve(c.path()).normalize().toString();
            return new EndpointConfig(c.name(), c.engine(), c.host(), c.port(), c.database(), c.user(), c.passwordRef(),
                    c.passwordEnv(), c.tls(), c.properties(), c.connectTimeoutSeconds(), abs);
        }
        return c;
    }

    private static List<LoadPlanner.TablePair> resolve(Project project, LoadEndpoint source, LoadEndpoint target,
                                                       EndpointConfig tc, Events events) throws SQLException, MappingException {
        TableMappingResolver resolver = new TableMappingResolver(project.tableMappings());
        DatabaseModel sourceModel;
        try (Connection c = source.connections().open()) {
            sourceModel = CatalogReaders.forEngine(source.engine()).read(c, new CatalogRequest(resolver.selectedSchemas(), false, false),
                    CatalogListener.NO_OP);
        }
        List<ResolvedTable> tables = resolver.resolve(sourceModel);
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("the table mappings select no table of the source");
        }
        DatabaseModel targetModel;
        List<ResolvedTable> fixed = new ArrayList<>();
        try (Connection c = target.connections().open()) {
            String defaultSchema = defaultSchema(c, tc);
            for (ResolvedTable t : tables) {
                QualifiedName n = t.target();
                boolean sqliteMain = source.engine() == Engine.SQLITE && "main".equals(n.schema()) && target.engine() != Engine.SQLITE;
                fixed.add(sqliteMain || n.schema() == null ? new ResolvedTable(t.source(), new QualifiedName(defaultSchema, n.name()),
                        t.columns(), t.added(), t.filter(), t.settings(), t.primaryKey(), t.loadOrder()) : t);
            }
            Set<String> schemas = new LinkedHashSet<>();
            fixed.forEach(t -> schemas.add(t.target().schema()));
            targetModel = CatalogReaders.forEngine(target.engine()).read(c, new CatalogRequest(new ArrayList<>(schemas), false, false),
                    CatalogListener.NO_OP);
        }
        List<String> problems = new ArrayList<>();
        List<LoadPlanner.TablePair> pairs = new ArrayList<>();
        for (ResolvedTable t : fixed) {
            List<LoadPlanner.ColumnPair> columns = t.loadedColumns();
            Optional<Table> tt = targetModel.schema(t.target().schema()).flatMap(s -> s.table(t.target().name()));
            if (tt.isEmpty()) {
                problems.add("target table " + t.target() + " (for " + t.source().qualifiedName() + ") does not exist");
                continue;
            }
            List<String> missing = columns.stream().map(LoadPlanner.ColumnPair::target).filter(col -> tt.get().column(col).isEmpty()).toList();
            if (!missing.isEmpty()) {
                problems.add("target table " + t.target() + " has no column " + String.join(", ", missing));
                continue;
            }
            pairs.add(new LoadPlanner.TablePair(t.source(), tt.get(), columns, t.filter()));
        }
        if (!problems.isEmpty()) {
            problems.forEach(p -> events.log(Level.ERROR, p));
            throw new IllegalStateException("The target is not ready: " + String.join("; ", problems)
                    + ". Create the target tables first (deploy the converted schema) or fix the table mappings.");
        }
        return pairs;
    }

    private static String defaultSchema(Connection c, EndpointConfig config) throws SQLException {
        return switch (config.engine()) {
            case POSTGRESQL -> {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT current_schema()")) {
                    rs.next();
                    yield rs.getString(1) == null ? "public" : rs.getString(1);
                }
            }
            case MYSQL -> config.database();
            default -> "main";
        };
    }

    static SourceSnapshot snapshot(LoadEndpoint source) throws SQLException {
        return switch (source.engine()) {
            case POSTGRESQL -> PostgresPlainSnapshot.export(source.connections());
            case MYSQL -> new MySqlSourceSnapshot();
            case SQLITE -> new SqliteSourceSnapshot();
            default -> throw new IllegalArgumentException("no full load from " + source.engine().displayName());
        };
    }

    static String redact(String message, char[] a, char[] b) {
        return Redaction.redact(Redaction.redact(message, a), b);
    }
}
