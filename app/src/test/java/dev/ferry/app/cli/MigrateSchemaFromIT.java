package dev.ferry.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ferry migrate --schema-from}: the Chinook Oracle script assessed for PostgreSQL, then the Chinook SQLite file
 * migrated into the embedded PostgreSQL through the deploy plan — pre-load (tables with primary keys), load, post-load
 * (foreign keys after the data) — and again with {@code TRUNCATE_BEFORE_LOAD} and {@code DROP_AND_CREATE}.
 */
@RequiresCorpus
class MigrateSchemaFromIT {

    static final List<String> TABLES = List.of("Album", "Artist", "Customer", "Employee", "Genre", "Invoice", "InvoiceLine",
            "MediaType", "Playlist", "PlaylistTrack", "Track");

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = FerryCli.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private Path project(Path sqlite, TestServer pg, String db, TaskSettings.PrepMode prep, String schemaFrom) throws Exception {
        EndpointConfig source = new EndpointConfig("src", Engine.SQLITE, null, null, null, null, null, null, TlsMode.DISABLE,
                null, null, sqlite.toString());
        // the embedded server trusts loopback: no password (an endpoint without passwordEnv/passwordRef connects without one)
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
        TaskSettings settings = new TaskSettings(4, 10000, prep, TaskSettings.LobMode.LIMITED, 32, 64,
                TaskSettings.ErrorPolicy.DEFAULTS, false, null, null, true, schemaFrom);
        Project p = Project.empty("chinook").withEndpoint(source).withEndpoint(target)
                .withTableMappings(new TableMappings(rules))
                .withTask(new TaskConfig("chinook", TaskType.FULL_LOAD, "src", "dst", settings));
        Path file = dir.resolve("chinook.ferry.json");
        ProjectFiles.save(p, file);
        return file;
    }

    @Test
    void chinookDeploysPreLoadLoadsThenCreatesForeignKeysAfterTheDataAndReloadsWithTruncate() throws Exception {
        Path corpus = TestDatabases.corpus().orElseThrow().resolve("chinook/ChinookDatabase/DataSources");
        Path sqlite = dir.resolve("chinook.sqlite");
        Files.copy(corpus.resolve("Chinook_Sqlite.sqlite"), sqlite);
        Path assessment = dir.resolve("assessment");
        Run assess = run("assess", "--source", corpus.resolve("Chinook_Oracle.sql").toString(), "--source-engine", "oracle",
                "--target-engine", "postgresql", "--out", assessment.toString());
        assertThat(assess.exit()).as(assess.out() + assess.err()).isZero();

        TestServer pg = TestDatabases.postgres();
        String db = pg.createDatabase("schemafrom");
        Map<String, Long> source = counts("jdbc:sqlite:" + sqlite, null, null, false);

        // DROP_AND_CREATE without a schema folder is a usage error that says what to do
        Path noFolder = project(sqlite, pg, db, TaskSettings.PrepMode.DROP_AND_CREATE, null);
        Run refused = run("migrate", "--project", noFolder.toString());
        assertThat(refused.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).contains("DROP_AND_CREATE").contains("--schema-from");

        // first run: DO_NOTHING with the folder from the command line
        Path file = project(sqlite, pg, db, TaskSettings.PrepMode.DO_NOTHING, null);
        Run first = run("migrate", "--project", file.toString(), "--schema-from", assessment.toString());
        assertThat(first.exit()).as(first.out() + first.err()).isZero();
        String out = first.out();
        int pre = out.indexOf("Deploy pre-load phase");
        int loadSummary = out.indexOf("SUCCEEDED:");
        int post = out.indexOf("Deploy post-load phase");
        assertThat(pre).as(out).isGreaterThanOrEqualTo(0);
        assertThat(post).as(out).isGreaterThan(pre);
        assertThat(loadSummary).as(out).isGreaterThan(post);
        assertThat(out).contains("0 failed validation");
        assertThat(counts(pg.jdbcUrl(db), pg.user(), pg.password(), true)).isEqualTo(source);
        // the foreign keys were created by the post-load phase, after the data
        JsonNode preResult = json(dir.resolve(".ferry/chinook.deploy-pre-load.json"));
        JsonNode postResult = json(dir.resolve(".ferry/chinook.deploy-post-load.json"));
        assertThat(types(preResult, "OK")).contains("TABLE").doesNotContain("FOREIGN_KEY");
        assertThat(types(postResult, "OK")).containsOnly("FOREIGN_KEY").hasSize(11);
        assertThat(foreignKeys(pg, db)).isEqualTo(11);

        // second run: TRUNCATE_BEFORE_LOAD from the task's SchemaFrom (relative to the project file), confirmed with --yes
        Path truncate = project(sqlite, pg, db, TaskSettings.PrepMode.TRUNCATE_BEFORE_LOAD, "assessment");
        Run unconfirmed = run("migrate", "--project", truncate.toString());
        assertThat(unconfirmed.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(unconfirmed.err()).contains("TRUNCATE_BEFORE_LOAD").contains("--yes");
        pg.execute(db, "INSERT INTO chinook.genre (genreid, name) VALUES (9999, 'not in the source')");
        Run second = run("migrate", "--project", truncate.toString(), "--yes");
        assertThat(second.exit()).as(second.out() + second.err()).isZero();
        assertThat(second.err()).contains("range marker(s) of the previous load were removed")
                .contains("Dropped 11 foreign key(s)");
        assertThat(second.out()).contains("TRUNCATE").contains("0 failed validation");
        assertThat(counts(pg.jdbcUrl(db), pg.user(), pg.password(), true)).isEqualTo(source);
        assertThat(types(json(dir.resolve(".ferry/chinook.deploy-post-load.json")), "OK")).containsOnly("FOREIGN_KEY").hasSize(11);
        assertThat(foreignKeys(pg, db)).isEqualTo(11);

        // third run: DROP_AND_CREATE re-creates the tables (a changed column type is gone afterwards)
        pg.execute(db, "ALTER TABLE chinook.genre ALTER COLUMN name TYPE text");
        Path drop = project(sqlite, pg, db, TaskSettings.PrepMode.DROP_AND_CREATE, "assessment");
        Run third = run("migrate", "--project", drop.toString(), "--yes");
        assertThat(third.exit()).as(third.out() + third.err()).isZero();
        assertThat(third.out()).contains("DROP");
        assertThat(counts(pg.jdbcUrl(db), pg.user(), pg.password(), true)).isEqualTo(source);
        assertThat(foreignKeys(pg, db)).isEqualTo(11);
        try (Connection c = pg.connect(db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT data_type FROM information_schema.columns WHERE table_schema = 'chinook'"
                     + " AND table_name = 'genre' AND column_name = 'name'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("character varying");
        }
    }

    static JsonNode json(Path file) throws Exception {
        return new ObjectMapper().readTree(file.toFile());
    }

    static List<String> types(JsonNode result, String status) {
        List<String> out = new java.util.ArrayList<>();
        for (JsonNode s : result.get("statements")) {
            if (s.get("status").asText().equals(status)) {
                out.add(s.get("type").asText());
            }
        }
        return out;
    }

    static long foreignKeys(TestServer pg, String db) throws Exception {
        try (Connection c = pg.connect(db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND convalidated"
                     + " AND connamespace = 'chinook'::regnamespace")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static Map<String, Long> counts(String url, String user, String password, boolean target) throws Exception {
        Map<String, Long> m = new LinkedHashMap<>();
        try (Connection c = user == null ? DriverManager.getConnection(url) : DriverManager.getConnection(url, user, password);
             Statement st = c.createStatement()) {
            for (String t : TABLES) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + (target ? "chinook." + t.toLowerCase(java.util.Locale.ROOT)
                        : "\"" + t + "\""))) {
                    rs.next();
                    m.put(t, rs.getLong(1));
                }
            }
        }
        return m;
    }
}
