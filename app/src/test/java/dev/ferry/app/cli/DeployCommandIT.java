package dev.ferry.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.testsupport.RequiresCorpus;
import dev.ferry.testsupport.TestDatabases;
import dev.ferry.testsupport.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ferry deploy} in process: the Oracle HR assessment deployed into the embedded PostgreSQL, exit codes, result JSON. */
@RequiresCorpus
class DeployCommandIT {

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

    @Test
    void humanResourcesDeploysThenSkipsThenReportsDrift() throws Exception {
        Path hr = TestDatabases.corpus().orElseThrow().resolve("oracle-sample-schemas/human_resources");
        Path assessment = dir.resolve("hr");
        assertThat(run("assess", "--source", hr.toString(), "--source-engine", "oracle", "--target-engine", "postgresql",
                "--out", assessment.toString()).exit()).isZero();
        TestServer pg = TestDatabases.postgres();
        String db = pg.createDatabase("deploycli");
        String url = "postgresql://" + pg.user() + (pg.password().isEmpty() ? "" : ":" + pg.password()) + "@" + pg.host() + ":"
                + pg.port() + "/" + db;

        Run dry = run("deploy", "--target", url, "--from", assessment.toString(), "--dry-run");
        assertThat(dry.exit()).as(dry.out() + dry.err()).isZero();
        assertThat(dry.out()).contains("DRY RUN").contains("PLANNED");

        Run first = run("deploy", "--target", url, "--from", assessment.toString());
        assertThat(first.exit()).as(first.out() + first.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(assessment.resolve("deploy-result.json").toFile());
        JsonNode objects = new ObjectMapper().readTree(assessment.resolve("assessment.json").toFile()).get("objects");
        int manual = 0;
        for (JsonNode o : objects) {
            manual += o.get("status").asText().equals("MANUAL") ? 1 : 0;
        }
        assertThat(json.get("exitCode").asInt()).isZero();
        assertThat(json.get("statements")).hasSize(objects.size());
        assertThat(json.get("summary").get("ok").asInt()).isEqualTo(objects.size() - manual);
        assertThat(json.get("summary").get("skippedManual").asInt()).isEqualTo(manual);
        assertThat(json.get("phases").get(0).get("outcome").asText()).isEqualTo("COMMITTED");
        assertThat(json.get("phases").get(1).get("outcome").asText()).isEqualTo("COMMITTED");
        assertThat(json.get("target").asText()).contains(db);

        Run second = run("deploy", "--target", url, "--from", assessment.toString(), "--result", dir.resolve("second.json").toString());
        assertThat(second.exit()).isZero();
        JsonNode again = new ObjectMapper().readTree(dir.resolve("second.json").toFile());
        assertThat(again.get("summary").get("error").asInt()).isZero();
        for (JsonNode s : again.get("statements")) {
            if (!s.get("type").asText().equals("COMMENT") && !s.get("status").asText().equals("SKIPPED_MANUAL")) {
                assertThat(s.get("status").asText()).as(s.toString()).isEqualTo("SKIPPED");
            }
        }

        pg.execute(db, "ALTER TABLE hr.jobs ALTER COLUMN min_salary TYPE bigint");
        Run drift = run("deploy", "--target", url, "--from", assessment.toString(), "--phase", "pre-load");
        assertThat(drift.exit()).isEqualTo(1);
        assertThat(drift.out()).contains("drift: column min_salary: type bigint on the target, expected integer");

        Run noYes = run("deploy", "--target", url, "--from", assessment.toString(), "--target-prep", "truncate");
        assertThat(noYes.exit()).isEqualTo(2);
        assertThat(noYes.err()).contains("--yes");

        Run preview = run("deploy", "--target", url, "--from", assessment.toString(), "--target-prep", "truncate", "--dry-run");
        assertThat(preview.out()).as(preview.err()).containsPattern("Target prep truncate would truncate \\d+ tables \\(0 rows\\):")
                .contains("  TRUNCATE TABLE hr.jobs (0 rows)");

        Run dropCreate = run("deploy", "--target", url, "--from", assessment.toString(), "--target-prep", "drop-and-create", "--yes");
        assertThat(dropCreate.exit()).as(dropCreate.out()).isZero();
        assertThat(run("deploy", "--target", url, "--from", assessment.toString(), "--phase", "pre-load").exit()).isZero();
    }

    @Test
    void usageErrorsExitTwo() {
        Run badPhase = run("deploy", "--target", "postgresql://u@127.0.0.1:1/x", "--from", dir.toString(), "--phase", "middle");
        assertThat(badPhase.exit()).isEqualTo(2);
        Run noFolder = run("deploy", "--target", "postgresql://u@127.0.0.1:1/x", "--from", dir.resolve("none").toString());
        assertThat(noFolder.exit()).isEqualTo(2);
        assertThat(noFolder.err()).contains("assessment.json").contains("not found");
        Run badPrep = run("deploy", "--target", "postgresql://u@127.0.0.1:1/x", "--from", dir.toString(), "--target-prep", "wipe");
        assertThat(badPrep.exit()).isEqualTo(2);
        assertThat(badPrep.err()).contains("do-nothing, drop-and-create, truncate");
    }
}
