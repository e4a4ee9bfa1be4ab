package dev.ferry.converter.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AssessmentJsonTest {

    @TempDir
    Path dir;

    private JsonNode json() throws Exception {
        AssessmentReport report = ReportFixtures.report(dir);
        Path file = AssessmentJsonWriter.write(report, dir.resolve("assessment.json"));
        return new ObjectMapper().readTree(file.toFile());
    }

    @Test
    void contractFieldsArePresentAndTyped() throws Exception {
        JsonNode root = json();
        assertThat(root.get("sourceEngine").asText()).isEqualTo("oracle");
        assertThat(root.get("targetEngine").asText()).isEqualTo("postgresql");
        JsonNode s = root.get("summary");
        for (String f : List.of("objects", "auto", "autoWithWarnings", "manual", "linesOfCode")) {
            assertThat(s.get(f).isInt()).as(f).isTrue();
        }
        assertThat(s.get("autoConvertedPercent").isNumber()).isTrue();
        assertThat(s.get("estimatedEffortHours").isNumber()).isTrue();
        assertThat(s.get("complexity").asText()).isIn("SIMPLE", "MEDIUM", "SIGNIFICANT");
        assertThat(root.get("verification").get("mode").asText()).isEqualTo("reparse");
        assertThat(root.get("generatedAt").asText()).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(root.get("objects").size()).isPositive();
        for (JsonNode o : root.get("objects")) {
            assertThat(o.get("schema").isTextual()).isTrue();
            assertThat(o.get("name").isTextual()).isTrue();
            assertThat(o.get("type").isTextual()).isTrue();
            assertThat(o.get("status").asText()).isIn("AUTO", "AUTO_WITH_WARNINGS", "MANUAL");
            assertThat(o.get("verified").isBoolean()).isTrue();
            // the schema itself is implied by the script; everything else names its file
            if (!o.get("type").asText().equals("SCHEMA")) {
                assertThat(o.get("sourceFile").asText()).isEqualTo("geo_create.sql");
            }
            assertThat(o.get("sourceLine").isInt()).isTrue();
            assertThat(o.has("convertedFile")).isTrue();
            assertThat(o.get("convertedFile").isNull() || o.get("convertedFile").asText().matches("converted/\\d{2}-[a-z_]+-geo(\\..+)?\\.sql"))
                    .as(o.toString()).isTrue();
            assertThat(o.get("actionItems").isArray()).isTrue();
            for (JsonNode i : o.get("actionItems")) {
                assertThat(i.get("code").asText()).matches("ORA-PG-\\d{4}");
                assertThat(i.get("severity").asText()).isIn("CRITICAL", "HIGH", "MEDIUM", "LOW", "INFO");
                assertThat(i.get("message").isTextual()).isTrue();
                assertThat(i.get("recommendation").isTextual()).isTrue();
                assertThat(i.get("line").isInt()).isTrue();
                assertThat(i.get("column").isInt()).isTrue();
                assertThat(i.get("effortMinutes").isInt()).isTrue();
            }
        }
    }

    @Test
    void numbersAreConsistent() throws Exception {
        JsonNode root = json();
        JsonNode s = root.get("summary");
        List<JsonNode> objects = new ArrayList<>();
        root.get("objects").forEach(objects::add);
        int auto = (int) objects.stream().filter(o -> o.get("status").asText().equals("AUTO")).count();
        int warn = (int) objects.stream().filter(o -> o.get("status").asText().equals("AUTO_WITH_WARNINGS")).count();
        int manual = (int) objects.stream().filter(o -> o.get("status").asText().equals("MANUAL")).count();
        assertThat(s.get("objects").asInt()).isEqualTo(objects.size()).isEqualTo(auto + warn + manual);
        assertThat(s.get("auto").asInt()).isEqualTo(auto);
        assertThat(s.get("autoWithWarnings").asInt()).isEqualTo(warn);
        assertThat(s.get("manual").asInt()).isEqualTo(manual);
        assertThat(s.get("autoConvertedPercent").asDouble()).isEqualTo(Math.round((auto + warn) * 1000.0 / objects.size()) / 10.0);
        int minutes = 0;
        for (JsonNode o : objects) {
            int own = 0;
            for (JsonNode i : o.get("actionItems")) {
                own += i.get("effortMinutes").asInt();
            }
            assertThat(o.get("effortMinutes").asInt()).isEqualTo(own);
            minutes += own;
            // the honesty rule: nothing unverified claims to be automatic
            if (!o.get("status").asText().equals("MANUAL")) {
                assertThat(o.get("verified").asBoolean()).as(o.get("name").asText()).isTrue();
                assertThat(o.get("convertedFile").isNull()).isFalse();
            }
        }
        assertThat(s.get("estimatedEffortMinutes").asInt()).isEqualTo(minutes);
        assertThat(s.get("estimatedEffortHours").asDouble()).isEqualTo(Math.round(minutes / 6.0) / 10.0);
        int byTypeTotal = 0;
        for (JsonNode t : root.get("byType")) {
            assertThat(t.get("auto").asInt() + t.get("autoWithWarnings").asInt() + t.get("manual").asInt()).isEqualTo(t.get("objects").asInt());
            byTypeTotal += t.get("objects").asInt();
        }
        assertThat(byTypeTotal).isEqualTo(objects.size());
        assertThat(s.get("linesOfCode").asInt()).isEqualTo(13);
    }

    @Test
    void aSyntaxErrorIsAManualObjectWithItsPosition() throws Exception {
        JsonNode root = json();
        JsonNode broken = null;
        for (JsonNode o : root.get("objects")) {
            if (o.get("name").asText().equals("broken")) {
                broken = o;
            }
        }
        assertThat(broken).isNotNull();
        assertThat(broken.get("type").asText()).isEqualTo("TABLE");
        assertThat(broken.get("status").asText()).isEqualTo("MANUAL");
        assertThat(broken.get("verified").asBoolean()).isFalse();
        assertThat(broken.get("convertedFile").isNull()).isTrue();
        JsonNode item = broken.get("actionItems").get(0);
        assertThat(item.get("line").asInt()).isEqualTo(13);
        assertThat(item.get("column").asInt()).isEqualTo(32);
        assertThat(item.get("message").asText()).startsWith("Syntax error at geo_create.sql:13:32: ");
    }
}
