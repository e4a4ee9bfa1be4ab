package dev.ferry.app.cli;

import dev.ferry.engine.secret.EncryptedFileSecretStore;
import dev.ferry.engine.sql.SqlScriptRunner;
import dev.ferry.model.project.EndpointConfig;
import dev.ferry.model.project.Project;
import dev.ferry.model.project.ProjectFiles;
import dev.ferry.model.project.TaskType;
import dev.ferry.model.schema.DatabaseModel;
import dev.ferry.model.schema.ModelJson;
import dev.ferry.testsupport.RequiresCorpus;
import dev.ferry.testsupport.TestDatabases;
import dev.ferry.testsupport.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The CLI of the foundation issue, end to end against real servers: endpoint test, catalog, project new. */
class CliEndToEndIT {

    private static final String SECRET = "Sup3r-Secret-pw!";

    @TempDir
    Path dir;

    record Run(int exit, String out, String err, long millis) {
    }

    private Run run(CommandLine.IFactory factory, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        long t0 = System.nanoTime();
        int code = FerryCli.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true), factory).execute(args);
        return new Run(code, out.toString(), err.toString(), (System.nanoTime() - t0) / 1_000_000);
    }

    private Run run(String... args) {
        return run(CommandLine.defaultFactory(), args);
    }

    @Test
    void wrongPasswordClosedPortAndUnknownDatabaseGiveThreeClearMessages() throws Exception {
        TestServer my = TestDatabases.mysql();
        String base = "mysql://root:" + SECRET + "@127.0.0.1:" + my.port() + "/" + my.defaultDatabase();
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Run wrongPassword = run("endpoint", "test", base);
        Run closedPort = run("endpoint", "test", "mysql://root@127.0.0.1:" + closed + "/test");
        Run unknownDb = run("endpoint", "test", "mysql://root@127.0.0.1:" + my.port() + "/no_such_db");
        Run ok = run("endpoint", "test", "mysql://root@127.0.0.1:" + my.port() + "/" + my.defaultDatabase());

        assertThat(wrongPassword.exit()).isEqualTo(1);
        assertThat(wrongPassword.out()).startsWith("AUTH_FAILED").contains("root").doesNotContain(SECRET);
        assertThat(closedPort.exit()).isEqualTo(1);
        assertThat(closedPort.out()).startsWith("UNREACHABLE").contains("127.0.0.1:" + closed);
        assertThat(unknownDb.exit()).isEqualTo(1);
        assertThat(unknownDb.out()).startsWith("UNKNOWN_DATABASE").contains("no_such_db");
        assertThat(List.of(wrongPassword.out(), closedPort.out(), unknownDb.out())).doesNotHaveDuplicates();
        for (Run r : List.of(wrongPassword, closedPort, unknownDb)) {
            assertThat(r.millis()).as(r.out()).isLessThan(10_000);
            assertThat(r.err()).doesNotContain(SECRET);
        }
        assertThat(ok.exit()).isZero();
        assertThat(ok.out()).startsWith("OK").containsIgnoringCase("mariadb");
    }

    @Test
    void readinessChecksOfACdcSourceArePrintedWithFixes() {
        TestServer pg = TestDatabases.postgres();
        String db = pg.createDatabase("cli_ready");
        pg.execute(db, "create table no_key(a int)", "create table with_key(id int primary key)");
        Run r = run("endpoint", "test", "postgresql://postgres@localhost:" + pg.port() + "/" + db, "--role", "cdc-source");
        assertThat(r.out()).startsWith("OK").contains("Readiness as cdc-source:").contains("no_key");
        assertThat(r.out()).containsPattern("PASS .*wal_level");
        assertThat(r.out()).contains("WARN").contains("fix:");
    }

    @Test
    @RequiresCorpus
    void catalogOfSakilaInMariaDbHasTheRightCounts() throws Exception {
        Path sakila = TestDatabases.corpus().orElseThrow().resolve("sakila-mysql/sakila-schema.sql");
        TestServer my = TestDatabases.mysql();
        String db = my.createDatabase("cli_sakila");
        Pattern qualifier = Pattern.compile("\\bsakila\\b(?=\\s*;|\\s*$|\\.)");
        try (Connection c = my.connect(db)) {
            SqlScriptRunner.run(c, "sakila-schema.sql", Files.readString(sakila, StandardCharsets.UTF_8), SqlScriptRunner.Dialect.MYSQL,
                    sql -> qualifier.matcher(sql).replaceAll(Matcher.quoteReplacement(db)));
        }
        String url = "mysql://root@127.0.0.1:" + my.port() + "/" + db;
        Run summary = run("catalog", url, "--schema", db);
        assertThat(summary.exit()).as(summary.err()).isZero();
        // sakila-schema.sql: 16 tables, 7 views, 3 procedures + 3 functions, 3 triggers (the other 3 are in sakila-data.sql)
        assertThat(summary.out()).contains("16 tables").contains("7 views").contains("6 routines").contains("3 triggers");
        assertThat(summary.out()).contains("film_text").contains("rental");

        Path json = dir.resolve("sakila.json");
        Run asJson = run("catalog", url, "--schema", db, "--json", json.toString());
        assertThat(asJson.exit()).isZero();
        DatabaseModel model = ModelJson.read(json);
        DatabaseModel.Counts n = model.counts();
        assertThat(n.tables()).isEqualTo(16);
        assertThat(n.views()).isEqualTo(7);
        assertThat(n.routines()).isEqualTo(6);
        assertThat(n.triggers()).isEqualTo(3);
    }

    @Test
    @RequiresCorpus
    void catalogOfTheChinookSqliteFile() throws Exception {
        Path chinook;
        try (Stream<Path> files = Files.walk(TestDatabases.corpus().orElseThrow().resolve("chinook"))) {
            chinook = files.filter(p -> p.getFileName().toString().equals("Chinook_Sqlite.sqlite")).findFirst().orElseThrow();
        }
        Path copy = dir.resolve("chinook.sqlite");
        Files.copy(chinook, copy);
        Run r = run("catalog", copy.toString(), "--exact-counts");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("11 tables").contains("Track").contains("3,503 rows");
    }

    @Test
    void projectNewMovesThePasswordOutOfTheFile() throws Exception {
        Path secrets = dir.resolve("secrets.json");
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                K k = CommandLine.defaultFactory().create(cls);
                if (k instanceof ProjectNewCommand) {
                    ((ProjectNewCommand) k).secretStore = () -> new EncryptedFileSecretStore(secrets, "master-pw".toCharArray());
                }
                return k;
            }
        };
        Path file = dir.resolve("sales.ferry.json");
        Run r = run(factory, "project", "new", file.toString(),
                "--source", "mysql://app:" + SECRET + "@db.example.com:3306/sales",
                "--target", "postgresql://migrator:" + SECRET + "@pg.example.com/sales",
                "--target-password-env", "FERRY_TARGET_PW",
                "--task", "initial", "--type", "full-load-and-cdc", "--include", "sales.%", "--exclude", "sales.tmp_%");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("Wrote").contains("task 'initial' (full-load-and-cdc)");

        String written = Files.readString(file);
        assertThat(written).doesNotContain(SECRET);
        assertThat(Files.readString(secrets)).doesNotContain(SECRET);
        assertThat(r.out() + r.err()).doesNotContain(SECRET);

        Project p = ProjectFiles.load(file);
        EndpointConfig source = p.endpoint("source").orElseThrow();
        assertThat(source.passwordRef()).isEqualTo("ferry/sales/source");
        assertThat(new EncryptedFileSecretStore(secrets, "master-pw".toCharArray()).get("ferry/sales/source").orElseThrow())
                .isEqualTo(SECRET.toCharArray());
        assertThat(p.endpoint("target").orElseThrow().passwordEnv()).isEqualTo("FERRY_TARGET_PW");
        assertThat(p.task("initial").orElseThrow().type()).isEqualTo(TaskType.FULL_LOAD_AND_CDC);
        assertThat(p.tableMappings().rules()).hasSize(2);

        assertThat(run("project", "validate", file.toString()).exit()).isZero();
        Run again = run(factory, "project", "new", file.toString(), "--source", "sqlite:/tmp/x.db", "--target", "sqlite:/tmp/y.db");
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains("already exists");
    }
}
