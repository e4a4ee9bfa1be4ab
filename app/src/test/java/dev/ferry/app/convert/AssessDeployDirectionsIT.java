package dev.ferry.app.convert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.app.cli.FerryCli;
import dev.ferry.engine.sql.SqlScriptRunner;
import dev.ferry.testsupport.RequiresCorpus;
import dev.ferry.testsupport.TestDatabases;
import dev.ferry.testsupport.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every conversion direction with a corpus, end to end through the CLI in process: {@code ferry assess … --verify-against
 * <scratch target>} then {@code ferry deploy --target <target> --from <dir>} into the embedded MariaDB, a SQLite file or
 * the embedded PostgreSQL; every AUTO object is deployed, and a second deploy skips them all.
 */
@RequiresCorpus
class AssessDeployDirectionsIT {

    private static final Path CORPUS = TestDatabases.corpus().orElse(Path.of("../shared/corpora"));
    private static final Path CHINOOK = CORPUS.resolve("chinook/ChinookDatabase/DataSources/Chinook_Sqlite.sqlite");
    private static final Path NORTHWIND = CORPUS.resolve("northwind-postgres/northwind.sql");
    private static final Path HR = CORPUS.resolve("oracle-sample-schemas/human_resources");

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

    private static String mysqlUrl(TestServer my, String db) {
        return "mysql://" + my.user() + (my.password().isEmpty() ? "" : ":" + my.password()) + "@" + my.host() + ":" + my.port() + "/" + db;
    }

    private static String postgresUrl(TestServer pg, String db) {
        return "postgresql://" + pg.user() + (pg.password().isEmpty() ? "" : ":" + pg.password()) + "@" + pg.host() + ":" + pg.port() + "/" + db;
    }

    /** Runs assess (verified against {@code verifyUrl}), deploy into {@code targetUrl} and a second deploy; returns the figures line. */
    private String assessAndDeploy(String direction, String verifyUrl, String targetUrl, String... assessArgs) throws Exception {
        Path out = dir.resolve(direction.replaceAll("[^A-Za-z0-9]+", "_"));
        List<String> args = new ArrayList<>(List.of("assess"));
        args.addAll(List.of(assessArgs));
        args.addAll(List.of("--out", out.toString(), "--verify-against", verifyUrl));
        Run assess = run(args.toArray(String[]::new));
        assertThat(assess.exit()).as(direction + " assess: " + assess.out() + assess.err()).isZero();
        ObjectMapper mapper = new ObjectMapper();
        JsonNode assessment = mapper.readTree(out.resolve("assessment.json").toFile());
        assertThat(assessment.get("verification").get("mode").asText()).isEqualTo("target");

        Run deploy = run("deploy", "--target", targetUrl, "--from", out.toString());
        assertThat(deploy.exit()).as(direction + " deploy: " + deploy.out() + deploy.err()).isZero();
        JsonNode result = mapper.readTree(out.resolve("deploy-result.json").toFile());
        assertThat(result.get("exitCode").asInt()).isZero();
        int auto = 0;
        int warn = 0;
        int manual = 0;
        List<String> autoKeys = new ArrayList<>();
        for (JsonNode o : assessment.get("objects")) {
            switch (o.get("status").asText()) {
                case "AUTO" -> auto++;
                case "AUTO_WITH_WARNINGS" -> warn++;
                default -> manual++;
            }
            if (!o.get("status").asText().equals("MANUAL")) {
                autoKeys.add(key(o));
            }
        }
        int deployed = 0;
        List<String> deployedKeys = new ArrayList<>();
        for (JsonNode s : result.get("statements")) {
            // a MySQL target's database is the schema: it exists before the deploy (the URL names it) and is skipped
            boolean existingDatabase = s.get("type").asText().equals("SCHEMA") && s.get("status").asText().equals("SKIPPED");
            if (s.get("status").asText().equals("OK") || existingDatabase) {
                deployed++;
                deployedKeys.add(key(s));
            }
        }
        assertThat(result.get("summary").get("error").asInt()).as(deploy.out()).isZero();
        assertThat(result.get("summary").get("drift").asInt()).as(deploy.out()).isZero();
        assertThat(deployedKeys).as(direction + ": every AUTO object deployed").containsAll(autoKeys);
        assertThat(result.get("summary").get("skippedManual").asInt()).isEqualTo(manual);

        Path second = dir.resolve(out.getFileName() + "-second.json");
        Run again = run("deploy", "--target", targetUrl, "--from", out.toString(), "--result", second.toString());
        assertThat(again.exit()).as(direction + " re-deploy: " + again.out() + again.err()).isZero();
        for (JsonNode s : mapper.readTree(second.toFile()).get("statements")) {
            String type = s.get("type").asText();
            // comments and identity restarts are idempotent and run every time (the deploy says so)
            boolean rerun = type.equals("COMMENT") || s.get("message").asText().contains("run every time");
            if (!rerun && !s.get("status").asText().equals("SKIPPED_MANUAL")) {
                assertThat(s.get("status").asText()).as(direction + " re-deploy " + s).isEqualTo("SKIPPED");
            }
        }
        String figures = String.format("| %s | %d | %d | %d | %d | %d / %d |", direction, auto + warn + manual, auto, warn, manual,
                deployed, auto + warn);
        System.out.println("FIGURES " + figures);
        return figures;
    }

    /** TYPE:name without a schema qualifier (the deploy result qualifies names, assessment.json has a separate schema). */
    private static String key(JsonNode o) {
        String name = o.get("name").asText();
        return o.get("type").asText() + ":" + name.substring(name.lastIndexOf('.') + 1);
    }

    @Test
    void chinookSqliteToMySql() throws Exception {
        TestServer my = TestDatabases.mysql();
        String verify = my.createDatabase("e2e_verify");
        String target = my.createDatabase("e2e_chinook");
        assessAndDeploy("Chinook SQLite → MySQL", mysqlUrl(my, verify), mysqlUrl(my, target),
                "--source", CHINOOK.toString(), "--target-engine", "mysql", "--schema", target);
    }

    @Test
    void northwindScriptToMySql() throws Exception {
        TestServer my = TestDatabases.mysql();
        String verify = my.createDatabase("e2e_verify");
        String target = my.createDatabase("e2e_northwind");
        assessAndDeploy("Northwind PostgreSQL script → MySQL", mysqlUrl(my, verify), mysqlUrl(my, target),
                "--source", NORTHWIND.toString(), "--source-engine", "postgresql", "--target-engine", "mysql", "--schema", target);
    }

    @Test
    void oracleHumanResourcesToMySql() throws Exception {
        TestServer my = TestDatabases.mysql();
        String verify = my.createDatabase("e2e_verify");
        String target = my.createDatabase("e2e_hr");
        assessAndDeploy("Oracle HR scripts → MySQL", mysqlUrl(my, verify), mysqlUrl(my, target),
                "--source", HR.toString(), "--source-engine", "oracle", "--target-engine", "mysql", "--schema", target);
    }

    @Test
    void liveSakilaToMySql() throws Exception {
        TestServer my = TestDatabases.mysql();
        String src = my.createDatabase("e2e_sakila_src");
        Pattern qualifier = Pattern.compile("\\bsakila\\b(?=\\s*;|\\s*$|\\.)");
        try (Connection c = my.connect(src)) {
            SqlScriptRunner.run(c, "sakila-schema.sql",
                    Files.readString(CORPUS.resolve("sakila-mysql/sakila-schema.sql"), StandardCharsets.UTF_8),
                    SqlScriptRunner.Dialect.MYSQL, sql -> qualifier.matcher(sql).replaceAll(Matcher.quoteReplacement(src)));
        }
        String verify = my.createDatabase("e2e_verify");
        String target = my.createDatabase("e2e_sakila");
        assessAndDeploy("Sakila (live MariaDB) → MySQL", mysqlUrl(my, verify), mysqlUrl(my, target),
                "--source", mysqlUrl(my, src), "--target-engine", "mysql", "--schema", target);
    }

    @Test
    void chinookToSqlite() throws Exception {
        Path target = dir.resolve("chinook-copy.sqlite");
        assessAndDeploy("Chinook SQLite → SQLite", dir.resolve("verify-chinook.sqlite").toString(), target.toString(),
                "--source", CHINOOK.toString(), "--target-engine", "sqlite");
    }

    @Test
    void northwindScriptToSqlite() throws Exception {
        Path target = dir.resolve("northwind.sqlite");
        assessAndDeploy("Northwind PostgreSQL script → SQLite", dir.resolve("verify-northwind.sqlite").toString(), target.toString(),
                "--source", NORTHWIND.toString(), "--source-engine", "postgresql", "--target-engine", "sqlite");
    }

    @Test
    void chinookSqliteToPostgres() throws Exception {
        TestServer pg = TestDatabases.postgres();
        String verify = pg.createDatabase("e2e_verify");
        String target = pg.createDatabase("e2e_chinook");
        assessAndDeploy("Chinook SQLite → PostgreSQL", postgresUrl(pg, verify), postgresUrl(pg, target),
                "--source", CHINOOK.toString(), "--target-engine", "postgresql");
    }
}
