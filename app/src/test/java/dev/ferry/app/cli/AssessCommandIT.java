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
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ferry assess} end to end, in process: the HR sample schema with --verify, a malformed script, usage errors. */
@RequiresCorpus
class AssessCommandIT {

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
    void humanResourcesIsAssessedVerifiedAndItsAutoObjectsDeploy() throws Exception {
        Path hr = TestDatabases.corpus().orElseThrow().resolve("oracle-sample-schemas/human_resources");
        Path out = dir.resolve("hr-report");
        Run r = run("assess", "--source", hr.toString(), "--source-engine", "oracle", "--target-engine", "postgresql",
                "--out", out.toString(), "--verify");
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        for (String f : List.of("assessment.json", "assessment.html", "assessment.pdf", "assessment-summary.csv",
                "assessment-action-items.csv", "assessment-detail.csv", "converted/deploy-order.txt")) {
            assertThat(out.resolve(f)).as(f).isNotEmptyFile();
        }
        assertThat(r.out()).contains("schema hr").contains("% converted automatically").contains("verification: embedded")
                .contains("assessment.pdf");

        JsonNode json = new ObjectMapper().readTree(out.resolve("assessment.json").toFile());
        assertThat(json.get("verification").get("mode").asText()).isEqualTo("embedded");
        assertThat(json.get("files").toString()).contains("hr_create.sql").doesNotContain("hr_install.sql");
        Set<String> autoFiles = new HashSet<>();
        int tables = 0;
        for (JsonNode o : json.get("objects")) {
            String status = o.get("status").asText();
            if (!status.equals("MANUAL")) {
                // the honesty rule: nothing unverified claims to be automatic
                assertThat(o.get("verified").asBoolean()).as(o.toString()).isTrue();
                autoFiles.add(Path.of(o.get("convertedFile").asText()).getFileName().toString());
                if (o.get("type").asText().equals("TABLE")) {
                    tables++;
                }
            }
        }
        assertThat(tables).isEqualTo(7);
        assertThat(json.get("summary").get("objects").asInt()).isEqualTo(json.get("objects").size());

        // run deploy-order.txt against a fresh database: every AUTO object's file deploys
        List<String> order = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve("converted/deploy-order.txt"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                order.add(line.strip());
            }
        }
        assertThat(order).containsAll(autoFiles);
        TestServer pg = TestDatabases.postgres();
        String db = pg.createDatabase("assess_hr");
        try (Connection c = pg.connect(db); Statement st = c.createStatement()) {
            for (String f : order) {
                try {
                    st.execute(Files.readString(out.resolve("converted").resolve(f)));
                } catch (SQLException e) {
                    throw new AssertionError(f + " did not deploy: " + e.getMessage(), e);
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'hr' AND table_type = 'BASE TABLE'")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(7);
            }
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM information_schema.views WHERE table_schema = 'hr'")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
        // the verification database was temporary and rolled back: nothing of it is left in the test server
        assertThat(Files.readString(out.resolve("assessment.html"))).doesNotContain("https://").contains("emp_details_view");
    }

    @Test
    void aMalformedScriptStillGivesAReportWithTheErrorAsAManualItem() throws Exception {
        Path src = Files.createDirectories(dir.resolve("scripts"));
        Files.writeString(src.resolve("shop_create.sql"), """
                CREATE TABLE items (
                  item_id NUMBER(10) PRIMARY KEY,
                  label   VARCHAR2(40)
                );

                CREATE TABLE orders (order_id NUMBER(10) PRIMARY KEY, item_id NUMBER(10) REFERENCES items((item_id));
                """);
        Path out = dir.resolve("shop-report");
        Run r = run("assess", "--source", src.toString(), "--source-engine", "oracle", "--target-engine", "postgresql",
                "--out", out.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.resolve("assessment.json").toFile());
        assertThat(json.get("targetSchema").asText()).isEqualTo("shop");
        JsonNode orders = null;
        JsonNode items = null;
        for (JsonNode o : json.get("objects")) {
            if (o.get("name").asText().equals("orders")) {
                orders = o;
            } else if (o.get("name").asText().equals("items") && o.get("type").asText().equals("TABLE")) {
                items = o;
            }
        }
        assertThat(items).isNotNull();
        assertThat(items.get("status").asText()).isEqualTo("AUTO");
        assertThat(orders).as(json.toString()).isNotNull();
        assertThat(orders.get("status").asText()).isEqualTo("MANUAL");
        JsonNode item = orders.get("actionItems").get(0);
        assertThat(item.get("line").asInt()).isEqualTo(6);
        assertThat(item.get("column").asInt()).isPositive();
        assertThat(item.get("message").asText()).startsWith("Syntax error at shop_create.sql:6:" + item.get("column").asInt() + ": ");
        assertThat(Files.readString(out.resolve("assessment-action-items.csv"))).contains("shop_create.sql:6:");
        assertThat(r.out()).contains("MANUAL 1");
    }

    @Test
    void aTypeMapFileDecidesTypesAndLetterPaperIsUsed() throws Exception {
        Path chinook = TestDatabases.corpus().orElseThrow().resolve("chinook/ChinookDatabase/DataSources/Chinook_Oracle.sql");
        Path rules = Files.writeString(dir.resolve("rules.json"), """
                [ { "scope": "project", "sourceType": "number", "precision": { "max": 0 }, "targetType": "bigint" } ]
                """);
        Path out = dir.resolve("chinook-report");
        Run r = run("assess", "--source", chinook.toString(), "--source-engine", "oracle", "--target-engine", "postgresql",
                "--out", out.toString(), "--type-map", rules.toString(), "--page-size", "letter", "--schema", "music");
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.resolve("assessment.json").toFile());
        assertThat(json.get("targetSchema").asText()).isEqualTo("music");
        assertThat(json.get("verification").get("mode").asText()).isEqualTo("reparse");
        assertThat(json.get("summary").get("manual").asInt()).isZero();
        assertThat(json.toString()).contains("ORA-PG-0206").doesNotContain("ORA-PG-0201");
        assertThat(Files.readString(out.resolve("converted").resolve(Files.readAllLines(out.resolve("converted/deploy-order.txt"))
                .stream().filter(l -> l.contains("-table-music.track")).findFirst().orElseThrow()))).contains("trackid bigint NOT NULL");
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(out.resolve("assessment.pdf").toFile())) {
            assertThat(pdf.getPage(0).getMediaBox().getWidth()).isBetween(611f, 613f);
        }
        Run bad = run("assess", "--source", chinook.toString(), "--source-engine", "oracle", "--target-engine", "postgresql",
                "--out", out.toString(), "--page-size", "a3");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("a4 or letter");
    }

    @Test
    void verifyAgainstAServerLeavesItUnchanged() throws Exception {
        Path co = TestDatabases.corpus().orElseThrow().resolve("oracle-sample-schemas/customer_orders");
        TestServer pg = TestDatabases.postgres();
        String db = pg.createDatabase("assess_target");
        String url = "postgresql://" + pg.user() + (pg.password() == null || pg.password().isEmpty() ? "" : ":" + pg.password())
                + "@127.0.0.1:" + pg.port() + "/" + db;
        Path out = dir.resolve("co-report");
        Run r = run("assess", "--source", co.toString(), "--source-engine", "oracle", "--target-engine", "postgresql",
                "--out", out.toString(), "--verify-against", url);
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.resolve("assessment.json").toFile());
        JsonNode v = json.get("verification");
        assertThat(v.get("mode").asText()).isEqualTo("target");
        assertThat(v.get("target").asText()).contains(db);
        if (pg.password() != null && !pg.password().isEmpty()) {
            assertThat(Files.readString(out.resolve("assessment.json"))).doesNotContain(pg.password());
        }
        // the JSON_TABLE view converts (LATERAL jsonb_path_query) and deploys: everything verified
        assertThat(v.get("failed").asInt()).isZero();
        JsonNode reviews = null;
        for (JsonNode o : json.get("objects")) {
            if (o.get("name").asText().equals("product_reviews")) {
                reviews = o;
            }
        }
        assertThat(reviews).isNotNull();
        assertThat(reviews.get("status").asText()).isEqualTo("AUTO_WITH_WARNINGS");
        assertThat(reviews.get("verified").asBoolean()).isTrue();
        assertThat(reviews.get("actionItems").toString()).contains("ORA-PG-0527");
        assertThat(Files.readAllLines(out.resolve("converted/deploy-order.txt")))
                .anyMatch(l -> !l.startsWith("#") && l.contains("-view-co.product_reviews.sql"));
        // rolled back: the target has no co schema
        try (Connection c = pg.connect(db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_namespace WHERE nspname = 'co'")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    @Test
    void anUnreadablePathExitsOne() {
        Path missing = dir.resolve("no-such-folder");
        Run r = run("assess", "--source", missing.toString(), "--source-engine", "oracle", "--target-engine", "postgresql",
                "--out", dir.resolve("out").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("cannot read " + missing).contains("no such file or folder");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void aFolderWithoutSourceEngineIsAUsageError() throws Exception {
        Path src = Files.createDirectories(dir.resolve("scripts"));
        Files.writeString(src.resolve("a.sql"), "CREATE TABLE a (id NUMBER(5));\n");
        Run r = run("assess", "--source", src.toString(), "--target-engine", "postgresql", "--out", dir.resolve("out").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--source-engine is required");
    }

    @Test
    void aLiveOracleSourceIsRejectedWithAClearMessage() {
        Run r = run("assess", "--source", "jdbc:oracle:thin:@//db.example:1521/XEPDB1", "--source-engine", "oracle",
                "--target-engine", "postgresql", "--out", dir.resolve("out").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("live Oracle assessment is not supported yet; it reads scripts for now");
        Run both = run("assess", "--source", dir.toString(), "--source-engine", "oracle", "--target-engine", "postgresql",
                "--out", dir.resolve("out").toString(), "--verify", "--verify-against", "postgresql://localhost/x");
        assertThat(both.exit()).isEqualTo(2);
    }
}
