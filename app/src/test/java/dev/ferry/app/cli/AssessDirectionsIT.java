package dev.ferry.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.converter.parse.StatementChunk;
import dev.ferry.converter.parse.postgres.PostgresParserFacade;
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
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ferry assess} for the directions into PostgreSQL other than Oracle: a live SQLite file, SQLite and PostgreSQL
 * script folders/files, a live PostgreSQL database by URL, and the usage errors of unsupported pairs.
 */
@RequiresCorpus
class AssessDirectionsIT {

    private static final Path CORPUS = TestDatabases.corpus().orElse(Path.of("../shared/corpora"));

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = FerryCli.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static JsonNode json(Path out) throws Exception {
        return new ObjectMapper().readTree(out.resolve("assessment.json").toFile());
    }

    private static int manual(JsonNode json) {
        return json.get("summary").get("manual").asInt();
    }

    @Test
    void liveChinookSqliteFileIsAssessedAndVerifiedInEmbeddedPostgres() throws Exception {
        Path db = CORPUS.resolve("chinook/ChinookDatabase/DataSources/Chinook_Sqlite.sqlite");
        Path out = dir.resolve("chinook");
        Run r = run("assess", "--source", db.toString(), "--target-engine", "postgresql", "--out", out.toString(), "--verify");
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("schema chinook_sqlite").contains("verification: embedded");
        JsonNode j = json(out);
        assertThat(j.get("verification").get("mode").asText()).isEqualTo("embedded");
        assertThat(j.get("verification").get("failed").asInt()).isZero();
        assertThat(manual(j)).isZero();
        assertThat(out.resolve("converted/deploy-order.txt")).isNotEmptyFile();
    }

    @Test
    void sqliteScriptFolderIsAssessedWithItsViews() throws Exception {
        Path scripts = CORPUS.resolve("employees/sqlite/dataset_small");
        Path out = dir.resolve("employees-sqlite");
        Run r = run("assess", "--source", scripts.toString(), "--source-engine", "sqlite", "--target-engine", "postgresql",
                "--schema", "employees", "--out", out.toString(), "--verify");
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        JsonNode j = json(out);
        assertThat(j.get("verification").get("failed").asInt()).isZero();
        String all = j.toString();
        assertThat(all).contains("v_full_employee").contains("current_managers").contains("dept_emp_latest_date");
        assertThat(j.get("files").toString()).contains("employee.sql").contains("object.sql");
    }

    @Test
    void postgresScriptIsCopiedAndUnmodelledDdlIsListedAsManual() throws Exception {
        Path script = CORPUS.resolve("employees/postgres/dataset_small/employee.sql");
        Path out = dir.resolve("employees-pg");
        Run r = run("assess", "--source", script.toString(), "--source-engine", "postgresql", "--target-engine", "postgresql",
                "--schema", "employees_copy", "--out", out.toString(), "--verify");
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        JsonNode j = json(out);
        assertThat(j.get("verification").get("failed").asInt()).isZero();
        String all = j.toString();
        // row-level security and the two policies are not copied: listed, never dropped
        assertThat(all).contains("CREATE POLICY").contains("ROW SECURITY audit").contains("PG-PG-0102");
        assertThat(manual(j)).isEqualTo(3);
        assertThat(all).contains("log_dml_operations").contains("salary_log_trigger");
    }

    @Test
    void livePostgresDatabaseByUrl() throws Exception {
        TestServer pg = TestDatabases.postgres();
        String db = pg.createDatabase("assess_nw");
        try (Connection c = pg.connect(db); Statement st = c.createStatement()) {
            for (StatementChunk chunk : PostgresParserFacade.INSTANCE.splitter().split(
                    Files.readString(CORPUS.resolve("northwind-postgres/northwind.sql")))) {
                if (!chunk.clientCommand() && !chunk.text().isBlank()) {
                    st.execute(chunk.text());
                }
            }
        }
        Path out = dir.resolve("northwind");
        String url = "postgresql://" + pg.user() + "@" + pg.host() + ":" + pg.port() + "/" + db;
        Run r = run("assess", "--source", url, "--target-engine", "postgresql", "--schema", "northwind",
                "--out", out.toString(), "--verify");
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        JsonNode j = json(out);
        assertThat(j.get("verification").get("failed").asInt()).isZero();
        assertThat(manual(j)).isZero();
        assertThat(j.toString()).contains("order_details").contains("Read from the live catalog");
    }

    @Test
    void anUnsupportedPairListsTheSupportedDirections() throws Exception {
        Path src = Files.createDirectories(dir.resolve("s"));
        Files.writeString(src.resolve("a.sql"), "CREATE TABLE a (id INTEGER PRIMARY KEY);\n");
        Run r = run("assess", "--source", src.toString(), "--source-engine", "sqlite", "--target-engine", "oracle",
                "--out", dir.resolve("out").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Converting SQLite to Oracle is not supported").contains("SQLite → PostgreSQL")
                .contains("PostgreSQL → PostgreSQL");
        Run mismatch = run("assess", "--source", CORPUS.resolve("chinook/ChinookDatabase/DataSources/Chinook_Sqlite.sqlite").toString(),
                "--source-engine", "postgresql", "--target-engine", "postgresql", "--out", dir.resolve("out2").toString());
        assertThat(mismatch.exit()).isEqualTo(2);
        assertThat(mismatch.err()).contains("does not match --source, which is a SQLite database");
    }

    @Test
    void aSyntaxErrorInASqliteScriptIsAManualObjectAtItsPosition() throws Exception {
        Path src = Files.createDirectories(dir.resolve("bad"));
        Files.writeString(src.resolve("schema.sql"), "CREATE TABLE ok (id INTEGER PRIMARY KEY);\nCREATE TABEL broken (x);\n"
                + "CREATE VIRTUAL TABLE docs USING fts5(body);\n");
        Path out = dir.resolve("bad-out");
        Run r = run("assess", "--source", src.toString(), "--source-engine", "sqlite", "--target-engine", "postgresql",
                "--out", out.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        String all = json(out).toString();
        assertThat(all).contains("SL-PG-0901").contains("schema.sql:2:8").contains("SL-PG-0112");
        assertThat(manual(json(out))).isEqualTo(2);
    }

    @Test
    void verifyAgainstATargetServerRollsBackAndChecksTheEngine() throws Exception {
        Path src = Files.createDirectories(dir.resolve("va"));
        Files.writeString(src.resolve("schema.sql"), "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT DEFAULT (datetime('now')));\n"
                + "CREATE VIEW v AS SELECT id, strftime('%Y', v) AS y FROM t;\n");
        TestServer pg = TestDatabases.postgres();
        String db = pg.createDatabase("assess_va");
        String url = "postgresql://" + pg.user() + "@" + pg.host() + ":" + pg.port() + "/" + db;
        Path out = dir.resolve("va-out");
        Run r = run("assess", "--source", src.toString(), "--source-engine", "sqlite", "--target-engine", "postgresql",
                "--schema", "va", "--out", out.toString(), "--verify-against", url);
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        JsonNode j = json(out);
        assertThat(j.get("verification").get("mode").asText()).isEqualTo("target");
        assertThat(manual(j)).isEqualTo(1); // the view: strftime has no translation
        try (Connection c = pg.connect(db); Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_namespace WHERE nspname = 'va'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("the verification was rolled back").isZero();
        }
        TestServer my = TestDatabases.mysql();
        String mdb = my.createDatabase("assess_va");
        Run wrong = run("assess", "--source", src.toString(), "--source-engine", "sqlite", "--target-engine", "postgresql",
                "--out", dir.resolve("va-out2").toString(), "--verify-against", "mysql://root@" + my.host() + ":" + my.port() + "/" + mdb);
        assertThat(wrong.exit()).isEqualTo(2);
        assertThat(wrong.err()).contains("--verify-against needs a PostgreSQL server (the target engine), not MySQL/MariaDB");
    }
}
