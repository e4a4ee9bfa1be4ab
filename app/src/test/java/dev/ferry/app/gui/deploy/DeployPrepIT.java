package dev.ferry.app.gui.deploy;

import dev.ferry.app.cli.FerryCli;
import dev.ferry.app.gui.endpoints.PasswordSource;
import dev.ferry.app.gui.fakes.FakeSecretStore;
import dev.ferry.app.gui.fakes.RecordingDialogs;
import dev.ferry.app.gui.task.CurrentThreadTaskExecutor;
import dev.ferry.app.gui.workbench.ProjectSession;
import dev.ferry.engine.deploy.DeployOptions;
import dev.ferry.engine.deploy.DeployOutcome;
import dev.ferry.engine.deploy.TargetPrepPreview;
import dev.ferry.model.project.EndpointConfig;
import dev.ferry.model.project.Project;
import dev.ferry.model.project.TlsMode;
import dev.ferry.model.schema.Engine;
import dev.ferry.testsupport.TestDatabases;
import dev.ferry.testsupport.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Target preparation through the Deploy view model (no window: current-thread executor, recording dialogs) against the
 * embedded PostgreSQL: a small SQLite database assessed for PostgreSQL is deployed into a fresh target whose tables then
 * get rows; drop-and-create re-creates them empty (after the typed database name), truncate empties them, do-nothing
 * leaves them and reports the drift.
 */
class DeployPrepIT {

    @TempDir
    static Path dir;

    static TestServer pg;
    static Path assessment;

    private String target;
    private EndpointConfig endpoint;
    private DeployViewModel vm;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private String artist;
    private String album;

    @BeforeAll
    static void assess() throws Exception {
        pg = TestDatabases.postgres();
        Path sqlite = dir.resolve("music.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + sqlite); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE artist (id INTEGER PRIMARY KEY, name TEXT NOT NULL)");
            st.execute("CREATE TABLE album (id INTEGER PRIMARY KEY, title TEXT NOT NULL, artist_id INTEGER NOT NULL"
                    + " REFERENCES artist (id))");
            st.execute("CREATE INDEX album_artist ON album (artist_id)");
        }
        String verify = pg.createDatabase("guiprep_verify");
        assessment = dir.resolve("assessment");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = FerryCli.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute("assess",
                "--source", sqlite.toString(), "--target-engine", "postgresql", "--out", assessment.toString(),
                "--verify-against", "postgresql://" + pg.user() + (pg.password().isEmpty() ? "" : ":" + pg.password()) + "@"
                        + pg.host() + ":" + pg.port() + "/" + verify);
        assertThat(code).as(out + "\n" + err).isZero();
    }

    /** A fresh target with the plan deployed (do-nothing) and rows in both tables. */
    @BeforeEach
    void deployWithRows() throws Exception {
        target = pg.createDatabase("guiprep_target");
        endpoint = new EndpointConfig("warehouse", Engine.POSTGRESQL, pg.host(), pg.port(), target, pg.user(),
                null, pg.password().isEmpty() ? null : "GUIPREP_PG_PW", TlsMode.DISABLE, null, null, null);
        PasswordSource passwords = new PasswordSource(FakeSecretStore::new, k -> "GUIPREP_PG_PW".equals(k) ? pg.password() : null);
        vm = new DeployViewModel(new ProjectSession(Project.empty("music").withEndpoint(endpoint), null),
                new CurrentThreadTaskExecutor(), new EngineDeployRunning(passwords), dialogs, Runnable::run, () -> assessment);
        vm.open();
        assertThat(vm.rows()).as(vm.statusProperty().get()).isNotEmpty();
        artist = table("artist");
        album = table("album");
        vm.apply();
        assertThat(vm.statusProperty().get()).as(String.join("\n", vm.log())).startsWith("SUCCEEDED");
        pg.execute(target, "INSERT INTO " + artist + " (id, name) VALUES (1, 'Nina'), (2, 'Miles'), (3, 'Ella')",
                "INSERT INTO " + album + " (id, title, artist_id) VALUES (1, 'Kind of Blue', 2), (2, 'Pastel Blues', 1)");
        dialogs.shown.clear();
    }

    private String table(String suffix) {
        return vm.rows().stream().filter(r -> r.type().equals("TABLE") && r.name().endsWith(suffix)).findFirst()
                .orElseThrow().name();
    }

    @Test
    void dropAndCreateShowsWhatItDropsThenReCreatesTheTablesEmptyAfterTheTypedDatabaseName() throws Exception {
        pg.execute(target, "ALTER TABLE " + artist + " ADD COLUMN born integer");
        vm.targetPrepProperty().set(DeployOptions.TargetPrep.DROP_AND_CREATE);

        vm.dryRun();
        assertThat(vm.statusProperty().get()).startsWith("DRY RUN");
        assertThat(vm.prepItems()).extracting(i -> i.describe(DeployOptions.TargetPrep.DROP_AND_CREATE))
                .containsExactlyInAnyOrder("DROP TABLE " + album + " (2 rows)", "DROP TABLE " + artist + " (3 rows)");
        assertThat(vm.prepSummaryProperty().get()).contains("would drop 2 tables (5 rows)");
        assertThat(count("SELECT count(*) FROM " + artist)).as("a dry run changes nothing").isEqualTo(3);

        dialogs.typedAnswer = "not-the-database";
        vm.apply();
        assertThat(dialogs.shown).singleElement().satisfies(s -> assertThat(s).startsWith("typed|Drop and re-create 2 objects|")
                .contains("endpoint warehouse").contains("2 tables (5 rows)").endsWith("|" + target));
        assertThat(count("SELECT count(*) FROM " + artist)).as("refused: nothing ran").isEqualTo(3);

        dialogs.typedAnswer = target;
        vm.apply();
        assertThat(vm.statusProperty().get()).as(String.join("\n", vm.log())).startsWith("SUCCEEDED");
        assertThat(vm.log().stream().filter(l -> !l.startsWith("—")).findFirst().orElseThrow())
                .as("the prep statement runs first").startsWith("1  OK  DROP TABLE");
        assertThat(count("SELECT count(*) FROM " + artist)).isZero();
        assertThat(count("SELECT count(*) FROM " + album)).isZero();
        assertThat(count("SELECT count(*) FROM information_schema.columns WHERE column_name = 'born'"))
                .as("re-created as planned").isZero();
        assertThat(count("SELECT count(*) FROM pg_indexes WHERE indexname = 'album_artist'")).isEqualTo(1);
    }

    @Test
    void truncateEmptiesTheTablesAndKeepsThem() throws Exception {
        vm.targetPrepProperty().set(DeployOptions.TargetPrep.TRUNCATE);
        vm.apply();
        assertThat(dialogs.shown).singleElement().satisfies(s -> assertThat(s).startsWith("confirm|Truncate 2 tables|")
                .contains("endpoint warehouse").contains(target));
        assertThat(vm.statusProperty().get()).as(String.join("\n", vm.log())).startsWith("SUCCEEDED");
        assertThat(vm.log()).anySatisfy(l -> assertThat(l).contains("OK  TRUNCATE TABLE"));
        assertThat(count("SELECT count(*) FROM " + artist)).isZero();
        assertThat(count("SELECT count(*) FROM " + album)).isZero();
        assertThat(count("SELECT count(*) FROM pg_indexes WHERE indexname = 'album_artist'")).isEqualTo(1);
    }

    @Test
    void doNothingLeavesTheTablesAndReportsTheDrift() throws Exception {
        pg.execute(target, "ALTER TABLE " + artist + " ADD COLUMN born integer");
        vm.apply();
        assertThat(dialogs.shown).singleElement().satisfies(s -> assertThat(s).startsWith("confirm|Deploy|"));
        assertThat(vm.prepItems()).isEmpty();
        assertThat(vm.driftSummaryProperty().get()).isEqualTo("Drift check: 1 object differs from the plan and was left alone");
        assertThat(vm.problems()).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo(artist);
            assertThat(r.result()).isEqualTo(DeployOutcome.Status.DRIFT);
        });
        assertThat(count("SELECT count(*) FROM " + artist)).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM " + album)).isEqualTo(2);
    }

    @Test
    void aDropThatTheServerRefusesIsLinkedToItsTableAndNothingIsLost() throws Exception {
        // a view outside the plan depends on the artist table: DROP TABLE (no CASCADE) fails, the phase rolls back
        pg.execute(target, "CREATE VIEW artist_names AS SELECT name FROM " + artist);
        vm.targetPrepProperty().set(DeployOptions.TargetPrep.DROP_AND_CREATE);
        dialogs.typedAnswer = target;
        vm.apply();
        assertThat(vm.statusProperty().get()).startsWith("FAILED");
        assertThat(vm.problems()).first().satisfies(r -> {
            assertThat(r.name()).isEqualTo(artist);
            assertThat(r.message()).startsWith("target prep drop failed").contains("artist_names");
        });
        assertThat(vm.rows()).filteredOn(DeployRow::runnable).allSatisfy(r -> assertThat(r.result())
                .isIn(DeployOutcome.Status.NOT_RUN, DeployOutcome.Status.ROLLED_BACK));
        assertThat(dialogs.shown).anySatisfy(s -> assertThat(s).startsWith("error|Deploy failed|1 statement failed on warehouse"));
        assertThat(dialogs.causes).last().satisfies(c -> assertThat(c.getMessage()).contains("Failed (1)").contains("Not run ("));
        assertThat(count("SELECT count(*) FROM " + artist)).as("rolled back: the rows are still there").isEqualTo(3);
        assertThat(TargetPrepPreview.cliName(DeployOptions.TargetPrep.DROP_AND_CREATE)).isEqualTo("drop-and-create");
    }

    private long count(String sql) throws Exception {
        try (Connection c = pg.connect(target); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
