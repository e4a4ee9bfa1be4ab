package dev.ferry.app.gui.cutover;

import dev.ferry.app.cli.FerryCli;
import dev.ferry.app.gui.WorkbenchApp;
import dev.ferry.app.gui.endpoints.PasswordSource;
import dev.ferry.app.gui.fakes.FakeSecretStore;
import dev.ferry.app.gui.fakes.RecordingDialogs;
import dev.ferry.app.gui.task.ThreadPoolTaskExecutor;
import dev.ferry.app.gui.workbench.ProjectSession;
import dev.ferry.model.project.EndpointConfig;
import dev.ferry.model.project.Project;
import dev.ferry.model.project.ProjectFiles;
import dev.ferry.model.project.SelectionRule;
import dev.ferry.model.project.TableMappings;
import dev.ferry.model.project.TaskConfig;
import dev.ferry.model.project.TaskSettings;
import dev.ferry.model.project.TaskType;
import dev.ferry.model.project.TlsMode;
import dev.ferry.model.schema.Engine;
import dev.ferry.testsupport.TestDatabases;
import dev.ferry.testsupport.TestServer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The cutover wizard against the embedded PostgreSQL: {@code ferry migrate} (in process) loads a full-load-and-cdc
 * task and streams until a server time; rows written afterwards are drained by the wizard's cutover, which runs the
 * same {@code CutoverSequence} as {@code ferry cutover}: every step DONE, the drained rows on the target, the sequence
 * advanced and the report written.
 */
@ExtendWith(ApplicationExtension.class)
class CutoverWizardIT {

    private static final String PW = "GUIDEPLOY_PG_PW";
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    @TempDir
    static Path dir;

    private static TestServer pg;
    private static String src;
    private static String dst;
    private static Path file;
    private static Project project;
    private ThreadPoolTaskExecutor executor;
    private final RecordingDialogs dialogs = new RecordingDialogs();

    /** The databases and the project (outside @Start, whose set-up time TestFX limits). */
    @BeforeAll
    static void createDatabases() throws Exception {
        pg = TestDatabases.postgres();
        src = pg.createDatabase("guideploy_co_src");
        dst = pg.createDatabase("guideploy_co_dst");
        String ddl = "CREATE TABLE orders (id serial PRIMARY KEY, note text NOT NULL)";
        pg.execute(src, ddl, "INSERT INTO orders (note) SELECT 'o' || g FROM generate_series(1, 200) g");
        pg.execute(dst, ddl);
        TaskSettings settings = new TaskSettings(2, 2000, TaskSettings.PrepMode.DO_NOTHING, TaskSettings.LobMode.LIMITED, 32, 64,
                TaskSettings.ErrorPolicy.DEFAULTS, false, null, null, false);
        project = Project.empty("co").withEndpoint(endpoint("src", src)).withEndpoint(endpoint("dst", dst))
                .withTableMappings(new TableMappings(List.of(SelectionRule.include("1", "public", "%"))))
                .withTask(new TaskConfig("wizco", TaskType.FULL_LOAD_AND_CDC, "src", "dst", settings));
        file = dir.resolve("co.ferry.json");
        ProjectFiles.save(project, file);
    }

    @Start
    void start(Stage stage) throws Exception {
        WorkbenchApp.applyTheme();
        executor = new ThreadPoolTaskExecutor(2, Platform::runLater);
        PasswordSource passwords = new PasswordSource(FakeSecretStore::new, k -> PW.equals(k) ? pg.password() : null);
        CutoverViewModel vm = new CutoverViewModel(new ProjectSession(project, file), executor, new EngineCutoverRunning(passwords),
                dialogs, Platform::runLater);
        stage.setScene(new Scene(CutoverView.create(vm).root(), 1200, 760));
        stage.show();
    }

    private static EndpointConfig endpoint(String name, String db) {
        return new EndpointConfig(name, Engine.POSTGRESQL, pg.host(), pg.port(), db, pg.user(), null,
                pg.password().isEmpty() ? null : PW, TlsMode.DISABLE, null, null, null);
    }

    @AfterEach
    void stop() {
        executor.close();
    }

    /**
     * Replication slots belong to the whole (shared, embedded) server: this task's slot must not outlive the test, or
     * another test's task of the same name could not create its own.
     */
    @org.junit.jupiter.api.AfterAll
    static void dropCapture() throws Exception {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> {
            try (var c = pg.connect(src); var st = c.createStatement();
                 var rs = st.executeQuery("SELECT count(*) FROM pg_replication_slots WHERE slot_name = 'ferry_wizco' AND active")) {
                rs.next();
                return rs.getLong(1) == 0;
            }
        });
        pg.execute(src, "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = 'ferry_wizco'",
                "DROP PUBLICATION IF EXISTS ferry_wizco");
    }

    /** {@code ferry migrate} in this process, its commands' {@code env} answering {@link #PW}. */
    private String migrate(String... args) {
        Function<String, String> env = n -> PW.equals(n) ? pg.password() : null;
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                K k = CommandLine.defaultFactory().create(cls);
                try {
                    Field f = cls.getDeclaredField("env");
                    f.setAccessible(true);
                    f.set(k, env);
                } catch (NoSuchFieldException e) {
                    // a command without passwords
                }
                return k;
            }
        };
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = FerryCli.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true), factory).execute(args);
        assertThat(code).as(out + "\n" + err).isZero();
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    @Test
    void theWizardDrainsValidatesAdvancesTheSequenceAndReports(FxRobot robot) throws Exception {
        migrate("migrate", "--project", file.toString(), "--stop-at",
                "server_time:" + SECONDS.format(Instant.now().plus(Duration.ofSeconds(8)).truncatedTo(ChronoUnit.SECONDS)));
        assertThat(count(dst, "SELECT count(*) FROM orders")).isEqualTo(200);
        // written after the migrate stopped: only the cutover's drain brings them over
        pg.execute(src, "INSERT INTO orders (note) SELECT 'late' || g FROM generate_series(1, 30) g",
                "UPDATE orders SET note = 'changed' WHERE id <= 5");

        TableView<CutoverStepRow> steps = robot.lookup("#stepsTable").queryAs(TableView.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> steps.getItems().size() == 6);
        robot.clickOn("#writesStoppedBox");
        robot.clickOn("#startCutoverButton");
        Label status = robot.lookup("#cutoverStatusLabel").queryAs(Label.class);
        await().atMost(Duration.ofSeconds(180)).until(() -> status.getText().startsWith("COMPLETE")
                || status.getText().startsWith("Step") || status.getText().startsWith("The cutover failed")
                || status.getText().startsWith("Not started"));
        assertThat(status.getText()).as(robot.lookup("#reportArea").queryTextInputControl().getText()).startsWith("COMPLETE");
        assertThat(dialogs.shown).anySatisfy(s -> assertThat(s).startsWith("confirm|Cut over|Cut task wizco over"));
        await().atMost(Duration.ofSeconds(10)).until(() -> steps.getItems().stream().allMatch(s -> s.status().equals("DONE")));
        assertThat(steps.getItems().get(0).details()).anySatisfy(d -> assertThat(d).startsWith("confirmed in the workbench"));
        assertThat(steps.getItems().get(1).details()).anySatisfy(d -> assertThat(d).contains("applied 35 row changes"));
        assertThat(steps.getItems().get(2).details()).contains("1 tables compared, 0 failed validation");
        assertThat(steps.getItems().get(3).details()).anySatisfy(d -> assertThat(d).contains("orders_id_seq")
                .contains("migrated max 230, next value 231"));
        assertThat(robot.lookup("#lagLabel").queryAs(Label.class).getText()).startsWith("Drain: 35 row changes applied");
        assertThat(count(dst, "SELECT count(*) FROM orders")).isEqualTo(230);
        assertThat(count(dst, "SELECT count(*) FROM orders WHERE note = 'changed'")).isEqualTo(5);
        assertThat(Files.readString(dir.resolve(".ferry").resolve("wizco.cutover-report.txt"))).contains("Cutover of task wizco: COMPLETE");
    }

    private long count(String db, String sql) throws Exception {
        try (Connection c = pg.connect(db); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
