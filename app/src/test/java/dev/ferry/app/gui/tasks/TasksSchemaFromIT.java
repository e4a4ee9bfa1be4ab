package dev.ferry.app.gui.tasks;

import dev.ferry.app.cli.FerryCli;
import dev.ferry.app.gui.endpoints.PasswordSource;
import dev.ferry.app.gui.fakes.FakeSecretStore;
import dev.ferry.app.gui.fakes.RecordingDialogs;
import dev.ferry.app.gui.task.ThreadPoolTaskExecutor;
import dev.ferry.app.gui.workbench.ProjectSession;
import dev.ferry.engine.deploy.DeployOptions;
import dev.ferry.engine.deploy.TargetPrepPreview;
import dev.ferry.engine.load.KeyRange;
import dev.ferry.engine.load.RejectedRow;
import dev.ferry.engine.load.TableProgress;
import dev.ferry.engine.validate.TableValidation;
import dev.ferry.model.project.EndpointConfig;
import dev.ferry.model.project.ObjectLocator;
import dev.ferry.model.project.Project;
import dev.ferry.model.project.ProjectFiles;
import dev.ferry.model.project.SelectionRule;
import dev.ferry.model.project.TableMappingRule;
import dev.ferry.model.project.TableMappings;
import dev.ferry.model.project.TaskConfig;
import dev.ferry.model.project.TaskSettings;
import dev.ferry.model.project.TaskType;
import dev.ferry.model.project.TlsMode;
import dev.ferry.model.project.TransformationRule;
import dev.ferry.model.schema.Engine;
import dev.ferry.testsupport.RequiresCorpus;
import dev.ferry.testsupport.TestDatabases;
import dev.ferry.testsupport.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The workbench's Start of a full-load task with {@code SchemaFrom} on the embedded PostgreSQL, through
 * {@link TasksViewModel} and {@link EngineLoadRunning}: the Chinook Oracle DDL (plus a secondary index) assessed for
 * PostgreSQL, the Chinook SQLite file loaded with {@code DROP_AND_CREATE} (confirmed by typing the database name): the
 * changed table is re-created, the data loads, the index and the foreign keys appear only after the load, and every
 * table validates. A single-thread executor plays the UI thread.
 */
@RequiresCorpus
class TasksSchemaFromIT {

    static final List<String> TABLES = List.of("Album", "Artist", "Customer", "Employee", "Genre", "Invoice", "InvoiceLine",
            "MediaType", "Playlist", "PlaylistTrack", "Track");

    @TempDir
    Path dir;

    final ExecutorService uiThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-ui"));
    final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    ThreadPoolTaskExecutor executor;

    @AfterEach
    void close() throws Exception {
        if (executor != null) {
            executor.close();
        }
        scheduler.shutdownNow();
        uiThread.shutdownNow();
    }

    /** The engine runner, with a probe on the events: the phases in order, and the target's objects while loading. */
    static final class Probe implements LoadRunning {
        final LoadRunning real;
        final TestServer pg;
        final String db;
        final List<String> order = Collections.synchronizedList(new ArrayList<>());
        final AtomicReference<String> duringLoad = new AtomicReference<>();
        /** Run once at the first committed range (the resume test presses Stop there). */
        volatile Runnable atFirstRange;

        Probe(LoadRunning real, TestServer pg, String db) {
            this.real = real;
            this.pg = pg;
            this.db = db;
        }

        @Override
        public Optional<TargetPrepPreview> preparation(Path projectFile, Project project, String task) throws Exception {
            order.add("preview");
            return real.preparation(projectFile, project, task);
        }

        @Override
        public Outcome run(Path projectFile, Project project, String task, boolean validate, Events events, BooleanSupplier stop) {
            throw new AssertionError("the view model passes the confirmed preparation");
        }

        @Override
        public Outcome run(Path projectFile, Project project, String task, boolean validate, DeployOptions.TargetPrep confirmed,
                           Events events, BooleanSupplier stop) throws Exception {
            Events probe = new Events() {
                @Override
                public void phase(Phase phase, int done, int total) {
                    synchronized (order) {
                        if (order.isEmpty() || !order.get(order.size() - 1).equals(phase.name())) {
                            order.add(phase.name());
                        }
                    }
                    events.phase(phase, done, total);
                }

                @Override
                public void rangeCommitted(String table, KeyRange range, long rows) {
                    // the first committed range: what the target has while the data is being loaded
                    if (duringLoad.get() == null
                            && duringLoad.compareAndSet(null, "index " + indexExists(pg, db) + ", foreign keys " + foreignKeys(pg, db))) {
                        Runnable r = atFirstRange;
                        if (r != null) {
                            r.run();
                        }
                    }
                    events.rangeCommitted(table, range, rows);
                }

                @Override
                public void planned(List<PlannedTable> tables) {
                    events.planned(tables);
                }

                @Override
                public void validated(TableValidation validation) {
                    events.validated(validation);
                }

                @Override
                public void log(Level level, String message) {
                    events.log(level, message);
                }

                @Override
                public void tableProgress(TableProgress progress) {
                    events.tableProgress(progress);
                }

                @Override
                public void rowRejected(RejectedRow row) {
                    events.rowRejected(row);
                }
            };
            return real.run(projectFile, project, task, validate, confirmed, probe, stop);
        }
    }

    TestServer pg;
    String db;
    Path sqlite;
    Path file;
    Project project;

    /** The Chinook DDL (plus an index) assessed, the SQLite copy, a database with a different genre table, the project. */
    private void prepare() throws Exception {
        Path corpus = TestDatabases.corpus().orElseThrow().resolve("chinook/ChinookDatabase/DataSources");
        sqlite = dir.resolve("chinook.sqlite");
        Files.copy(corpus.resolve("Chinook_Sqlite.sqlite"), sqlite);
        // the DDL of the Oracle script (not its 15,000 lines of data) and a secondary index
        List<String> lines = Files.readAllLines(corpus.resolve("Chinook_Oracle.sql"), StandardCharsets.UTF_8);
        int data = lines.indexOf(lines.stream().filter(l -> l.contains("Populate Tables")).findFirst().orElseThrow()) - 1;
        List<String> ddl = new ArrayList<>(lines.subList(0, data));
        ddl.add("CREATE INDEX IFK_TrackGenreId ON Track (GenreId);");
        Path script = dir.resolve("chinook_ddl.sql");
        Files.write(script, ddl, StandardCharsets.UTF_8);
        Path assessment = dir.resolve("assessment");
        StringWriter out = new StringWriter();
        int assessed = FerryCli.newCommandLine(new PrintWriter(out, true), new PrintWriter(out, true)).execute("assess",
                "--source", script.toString(), "--source-engine", "oracle", "--target-engine", "postgresql",
                "--out", assessment.toString());
        assertThat(assessed).as(out.toString()).isZero();

        pg = TestDatabases.postgres();
        db = pg.createDatabase("guischema");
        // an earlier, different genre table with a row the source does not have: drop-and-create replaces both
        pg.execute(db, "CREATE SCHEMA chinook", "CREATE TABLE chinook.genre (genreid integer PRIMARY KEY, name text, extra text)",
                "INSERT INTO chinook.genre VALUES (9999, 'not in the source', 'x')");
        file = project(sqlite, pg, db);
        project = ProjectFiles.load(file);
    }

    private TasksViewModel viewModel(LoadRunning runner, RecordingDialogs dialogs) throws Exception {
        executor = new ThreadPoolTaskExecutor(2, uiThread);
        return onUi(() -> new TasksViewModel(new ProjectSession(project, file), executor, runner, dialogs,
                (task, delay) -> scheduler.schedule(task, delay, TimeUnit.MILLISECONDS), uiThread, System::currentTimeMillis));
    }

    private void startAndWait(TasksViewModel vm, TasksViewModel.RunState... ends) throws Exception {
        onUi(() -> {
            vm.start();
            return null;
        });
        List<TasksViewModel.RunState> endStates = List.of(ends);
        await().atMost(Duration.ofMinutes(3)).until(() -> onUi(() -> endStates.contains(vm.stateProperty().get())));
    }

    @Test
    void dropAndCreateRecreatesTheTablesLoadsThenCreatesTheIndexAndForeignKeysAndValidates() throws Exception {
        prepare();
        RecordingDialogs dialogs = new RecordingDialogs();
        Probe probe = new Probe(new EngineLoadRunning(new PasswordSource(FakeSecretStore::new, k -> null)), pg, db);
        TasksViewModel vm = viewModel(probe, dialogs);
        List<LoadRunning.Phase> shown = Collections.synchronizedList(new ArrayList<>());
        onUi(() -> {
            vm.phaseProperty().addListener((o, a, b) -> shown.add(b));
            return null;
        });
        startAndWait(vm, TasksViewModel.RunState.DONE, TasksViewModel.RunState.FAILED);

        String state = onUi(() -> vm.stateTextProperty().get());
        List<String> log = onUi(() -> vm.log().stream().map(MonitorSnapshot.LogLine::message).toList());
        assertThat(onUi(() -> vm.stateProperty().get())).as(state + "\n" + String.join("\n", log))
                .isEqualTo(TasksViewModel.RunState.DONE);
        assertThat(state).isEqualTo("Done.");
        assertThat(dialogs.shown).singleElement().satisfies(s -> assertThat(s)
                .startsWith("typed|Drop and re-create ").contains("chinook.genre").endsWith("|" + db));
        assertThat(probe.order).containsExactly("preview", "PRE_LOAD", "LOAD", "POST_LOAD", "VALIDATION");
        assertThat(shown).containsExactly(LoadRunning.Phase.PRE_LOAD, LoadRunning.Phase.LOAD, LoadRunning.Phase.POST_LOAD,
                LoadRunning.Phase.VALIDATION);
        assertThat(probe.duringLoad.get()).as("while the data loads").isEqualTo("index false, foreign keys 0");
        assertThat(indexExists(pg, db)).as("the secondary index after the load").isTrue();
        assertThat(foreignKeys(pg, db)).isEqualTo(11);
        assertThat(counts(pg, db)).isEqualTo(sourceCounts(sqlite));
        try (Connection c = pg.connect(db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT string_agg(column_name || ' ' || data_type, ', ' ORDER BY ordinal_position)"
                     + " FROM information_schema.columns WHERE table_schema = 'chinook' AND table_name = 'genre'")) {
            rs.next();
            assertThat(rs.getString(1)).as("re-created from the assessment").isEqualTo("genreid numeric, name character varying");
        }
        assertThat(onUi(() -> vm.rows().stream().map(r -> r.validationProperty().get()).distinct().toList()))
                .containsExactly("VALIDATED");
        assertThat(Files.getLastModifiedTime(dir.resolve(".ferry/chinook.deploy-post-load.json")))
                .isGreaterThanOrEqualTo(Files.getLastModifiedTime(dir.resolve(".ferry/chinook.deploy-pre-load.json")));
        assertThat(log).anyMatch(l -> l.startsWith("Post-load phase done:"));
    }

    @Test
    void aStoppedLoadResumesWithoutRepeatingTheDropAndCreate() throws Exception {
        prepare();
        RecordingDialogs dialogs = new RecordingDialogs();
        Probe probe = new Probe(new EngineLoadRunning(new PasswordSource(FakeSecretStore::new, k -> null)), pg, db);
        TasksViewModel vm = viewModel(probe, dialogs);
        probe.atFirstRange = () -> { // Stop pressed while the first range commits (the load waits for the UI thread)
            try {
                uiThread.submit(vm::stop).get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        startAndWait(vm, TasksViewModel.RunState.STOPPED, TasksViewModel.RunState.DONE, TasksViewModel.RunState.FAILED);
        assertThat(onUi(() -> vm.stateProperty().get())).as(onUi(() -> vm.stateTextProperty().get() + "\n"
                + String.join("\n", vm.log().stream().map(MonitorSnapshot.LogLine::message).toList())))
                .isEqualTo(TasksViewModel.RunState.STOPPED);
        assertThat(dialogs.shown).singleElement().satisfies(s -> assertThat(s).startsWith("typed|Drop and re-create "));
        assertThat(probe.order).containsExactly("preview", "PRE_LOAD", "LOAD");
        long loadedBefore = counts(pg, db).values().stream().mapToLong(Long::longValue).sum();
        assertThat(loadedBefore).as("some ranges were committed before the stop").isPositive();

        // Resume: the resume state says the load is unfinished, so nothing is asked and nothing dropped
        probe.atFirstRange = null;
        probe.order.clear();
        startAndWait(vm, TasksViewModel.RunState.DONE, TasksViewModel.RunState.FAILED);
        List<String> log = onUi(() -> vm.log().stream().map(MonitorSnapshot.LogLine::message).toList());
        assertThat(onUi(() -> vm.stateProperty().get())).as(String.join("\n", log)).isEqualTo(TasksViewModel.RunState.DONE);
        assertThat(dialogs.shown).as("no second confirmation").hasSize(1);
        assertThat(probe.order).containsExactly("preview", "PRE_LOAD", "LOAD", "POST_LOAD", "VALIDATION");
        assertThat(log).anyMatch(l -> l.contains("TargetTablePrepMode DROP_AND_CREATE is not repeated"));
        assertThat(counts(pg, db)).isEqualTo(sourceCounts(sqlite));
        assertThat(foreignKeys(pg, db)).isEqualTo(11);
        assertThat(indexExists(pg, db)).isTrue();
    }

    @Test
    void aTaskThatAlreadyStreamsIsNeverTruncatedAgain() throws Exception {
        prepare();
        TaskConfig loaded = project.task("chinook").orElseThrow();
        Project cdc = project.withTask(new TaskConfig("chinook", TaskType.FULL_LOAD_AND_CDC, "src", "dst",
                loaded.settings().withTargetTablePrepMode(TaskSettings.PrepMode.TRUNCATE_BEFORE_LOAD)));
        EngineLoadRunning runner = new EngineLoadRunning(new PasswordSource(FakeSecretStore::new, k -> null));

        Optional<TargetPrepPreview> fresh = runner.preparation(file, cdc, "chinook");
        assertThat(fresh).as("a fresh full-load-and-cdc task truncates the existing genre table").hasValueSatisfying(p -> {
            assertThat(p.prep()).isEqualTo(DeployOptions.TargetPrep.TRUNCATE);
            assertThat(p.items()).extracting(TargetPrepPreview.Item::name).anyMatch(n -> n.contains("genre"));
        });

        // the task streams: its applied position is stored on the target (as ChangeApplier stores it)
        pg.execute(db, "CREATE TABLE ferry_apply_state (task varchar(100) NOT NULL PRIMARY KEY, source_position varchar(400)"
                + " NOT NULL, applied_at timestamp NOT NULL, events bigint NOT NULL)",
                "INSERT INTO ferry_apply_state VALUES ('chinook', 'pg:0/1', now(), 0)");
        assertThat(runner.preparation(file, cdc, "chinook")).as("nothing to confirm: the preparation is not done").isEmpty();
        assertThat(runner.preparation(file, cdc.withTask(new TaskConfig("chinook", TaskType.FULL_LOAD, "src", "dst",
                cdc.task("chinook").orElseThrow().settings())), "chinook")).as("a full-load task does not stream").isPresent();
    }

    private <T> T onUi(Callable<T> c) throws Exception {
        return uiThread.submit(c).get(30, TimeUnit.SECONDS);
    }

    private Path project(Path sqlite, TestServer pg, String db) throws Exception {
        EndpointConfig source = new EndpointConfig("src", Engine.SQLITE, null, null, null, null, null, null, TlsMode.DISABLE,
                null, null, sqlite.toString());
        EndpointConfig target = new EndpointConfig("dst", Engine.POSTGRESQL, pg.host(), pg.port(), db, pg.user(), null,
                null, TlsMode.DISABLE, null, null, null);
        List<TableMappingRule> rules = List.of(
                SelectionRule.include("1", "main", "%"),
                new TransformationRule("2", "schema", TransformationRule.Target.SCHEMA,
                        new ObjectLocator("main", null, null, null, null, null, null), TransformationRule.Action.RENAME,
                        "chinook", null, null, null, null, null, Set.of()),
                new TransformationRule("3", "tables", TransformationRule.Target.TABLE, ObjectLocator.table("main", "%"),
                        TransformationRule.Action.CONVERT_LOWERCASE, null, null, null, null, null, null, Set.of()),
                new TransformationRule("4", "columns", TransformationRule.Target.COLUMN, ObjectLocator.column("main", "%", "%"),
                        TransformationRule.Action.CONVERT_LOWERCASE, null, null, null, null, null, null, Set.of()));
        TaskSettings settings = new TaskSettings(2, 10000, TaskSettings.PrepMode.DROP_AND_CREATE, TaskSettings.LobMode.LIMITED,
                32, 64, TaskSettings.ErrorPolicy.DEFAULTS, false, null, null, true, "assessment");
        Project p = Project.empty("chinook").withEndpoint(source).withEndpoint(target)
                .withTableMappings(new TableMappings(rules))
                .withTask(new TaskConfig("chinook", TaskType.FULL_LOAD, "src", "dst", settings));
        Path file = dir.resolve("chinook.ferry.json");
        ProjectFiles.save(p, file);
        return file;
    }

    static boolean indexExists(TestServer pg, String db) {
        try (Connection c = pg.connect(db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_indexes WHERE schemaname = 'chinook'"
                     + " AND lower(indexname) = 'ifk_trackgenreid'")) {
            rs.next();
            return rs.getLong(1) == 1;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static long foreignKeys(TestServer pg, String db) {
        try (Connection c = pg.connect(db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_constraint WHERE contype = 'f'"
                     + " AND connamespace = 'chinook'::regnamespace")) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Long> counts(TestServer pg, String db) throws Exception {
        Map<String, Long> m = new LinkedHashMap<>();
        try (Connection c = pg.connect(db); Statement st = c.createStatement()) {
            for (String t : TABLES) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM chinook." + t.toLowerCase(java.util.Locale.ROOT))) {
                    rs.next();
                    m.put(t, rs.getLong(1));
                }
            }
        }
        return m;
    }

    static Map<String, Long> sourceCounts(Path sqlite) throws Exception {
        Map<String, Long> m = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + sqlite); Statement st = c.createStatement()) {
            for (String t : TABLES) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM \"" + t + "\"")) {
                    rs.next();
                    m.put(t, rs.getLong(1));
                }
            }
        }
        return m;
    }
}
