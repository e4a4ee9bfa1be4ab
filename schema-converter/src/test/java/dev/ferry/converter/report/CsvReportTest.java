package dev.ferry.converter.report;

import dev.ferry.converter.assess.ActionItem;
import dev.ferry.converter.assess.ConvertedObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvReportTest {

    @TempDir
    Path dir;

    /** A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes. */
    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                assertThat(f).as("quote inside an unquoted field").isEmpty();
                quoted = true;
            } else if (c == ',') {
                row.add(f.toString());
                f.setLength(0);
            } else if (c == '\r') {
                assertThat(text.charAt(i + 1)).isEqualTo('\n');
                row.add(f.toString());
                f.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                assertThat(c).as("bare LF").isNotEqualTo('\n');
                f.append(c);
            }
        }
        assertThat(quoted).isFalse();
        assertThat(row).isEmpty();
        return rows;
    }

    @Test
    void quotingFollowsRfc4180() {
        assertThat(CsvReportWriter.field("plain")).isEqualTo("plain");
        assertThat(CsvReportWriter.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvReportWriter.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvReportWriter.field("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(CsvReportWriter.field(null)).isEmpty();
    }

    @Test
    void filesHoldOneRowPerTypeItemAndObject() throws Exception {
        AssessmentReport report = ReportFixtures.report(dir);
        List<Path> files = CsvReportWriter.write(report, dir);
        assertThat(files).extracting(p -> p.getFileName().toString())
                .containsExactly("assessment-summary.csv", "assessment-action-items.csv", "assessment-detail.csv");

        List<List<String>> summary = parse(Files.readString(dir.resolve("assessment-summary.csv")));
        assertThat(summary.get(0)).containsExactly("object_type", "total", "auto", "auto_with_warnings", "manual", "effort_minutes", "effort_hours");
        List<String> total = summary.get(summary.size() - 1);
        assertThat(total.get(0)).isEqualTo("TOTAL");
        assertThat(Integer.parseInt(total.get(1))).isEqualTo(report.objects().size());
        assertThat(Integer.parseInt(total.get(5))).isEqualTo(report.conversion().totalEffortMinutes());
        int sum = 0;
        for (List<String> r : summary.subList(1, summary.size() - 1)) {
            assertThat(Integer.parseInt(r.get(2)) + Integer.parseInt(r.get(3)) + Integer.parseInt(r.get(4))).isEqualTo(Integer.parseInt(r.get(1)));
            sum += Integer.parseInt(r.get(1));
        }
        assertThat(sum).isEqualTo(report.objects().size());

        List<List<String>> items = parse(Files.readString(dir.resolve("assessment-action-items.csv")));
        assertThat(items.get(0)).containsExactly("schema", "object", "object_type", "status", "code", "severity", "source_file",
                "line", "column", "message", "recommendation", "effort_minutes");
        List<ActionItem> expected = report.orderedForDisplay().stream().flatMap(o -> o.actionItems().stream()).toList();
        assertThat(items).hasSize(expected.size() + 1);
        for (int i = 0; i < expected.size(); i++) {
            List<String> r = items.get(i + 1);
            assertThat(r).hasSize(12);
            assertThat(r.get(4)).isEqualTo(expected.get(i).code());
            assertThat(r.get(9)).isEqualTo(expected.get(i).message());
            assertThat(r.get(10)).isEqualTo(expected.get(i).recommendation());
            assertThat(Integer.parseInt(r.get(7))).isEqualTo(expected.get(i).line());
        }
        // a recommendation with commas survives the round trip
        assertThat(items.stream().anyMatch(r -> r.get(10).contains(","))).isTrue();

        List<List<String>> detail = parse(Files.readString(dir.resolve("assessment-detail.csv")));
        assertThat(detail).hasSize(report.objects().size() + 1);
        List<ConvertedObject> ordered = report.orderedForDisplay();
        for (int i = 0; i < ordered.size(); i++) {
            List<String> r = detail.get(i + 1);
            assertThat(r.get(1)).isEqualTo(ordered.get(i).name());
            assertThat(r.get(3)).isEqualTo(ordered.get(i).status().name());
            assertThat(r.get(5)).isEqualTo(ordered.get(i).type().equals("SCHEMA") ? "" : "geo_create.sql");
        }
    }

    @Test
    void convertedFilesAreNumberedInDeployOrder() throws Exception {
        AssessmentReport report = ReportFixtures.report(dir);
        ConvertedFilesWriter.write(report, dir);
        List<String> order = Files.readAllLines(dir.resolve("converted/deploy-order.txt")).stream()
                .filter(l -> !l.startsWith("#")).toList();
        long converted = report.objects().stream().filter(ConvertedObject::converted).count();
        assertThat(order).hasSize((int) converted).isSorted();
        assertThat(order.get(0)).isEqualTo("01-schema-geo.sql");
        assertThat(order).anyMatch(f -> f.matches("\\d\\d-table-geo\\.regions\\.sql"));
        assertThat(order.indexOf(order.stream().filter(f -> f.contains("-table-geo.regions")).findFirst().orElseThrow()))
                .isLessThan(order.indexOf(order.stream().filter(f -> f.contains("-view-geo.big_regions")).findFirst().orElseThrow()));
        for (String f : order.subList(1, order.size())) {
            assertThat(Files.readString(dir.resolve("converted").resolve(f))).contains("-- source: geo_create.sql:").endsWith(";\n");
        }
    }
}
