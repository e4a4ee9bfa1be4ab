package dev.ferry.converter.report;

import dev.ferry.converter.assess.ActionItem;
import dev.ferry.converter.assess.ConvertedObject;
import dev.ferry.converter.assess.Severity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes the SCT-style CSV files: {@code assessment-summary.csv} (per object type, plus a TOTAL row),
 * {@code assessment-action-items.csv} (one row per action item) and {@code assessment-detail.csv} (one row per object).
 * RFC 4180: comma separated, CRLF line ends, a header row, fields with a comma, quote or line break quoted with
 * doubled quotes; UTF-8 without byte-order mark.
 *
 * <p>Threading: stateless.
 */
public final class CsvReportWriter {

    public static final String SUMMARY = "assessment-summary.csv";
    public static final String ACTION_ITEMS = "assessment-action-items.csv";
    public static final String DETAIL = "assessment-detail.csv";

    private CsvReportWriter() {
    }

    public static List<Path> write(AssessmentReport report, Path outDir) throws IOException {
        Path s = outDir.resolve(SUMMARY);
        Path a = outDir.resolve(ACTION_ITEMS);
        Path d = outDir.resolve(DETAIL);
        Files.writeString(s, summary(report), StandardCharsets.UTF_8);
        Files.writeString(a, actionItems(report), StandardCharsets.UTF_8);
        Files.writeString(d, detail(report), StandardCharsets.UTF_8);
        return List.of(s, a, d);
    }

    public static String summary(AssessmentReport report) {
        StringBuilder b = new StringBuilder();
        row(b, "object_type", "total", "auto", "auto_with_warnings", "manual", "effort_minutes", "effort_hours");
        int[] sum = new int[5];
        for (AssessmentReport.TypeSummary t : report.byType()) {
            row(b, t.type(), t.total(), t.auto(), t.autoWithWarnings(), t.manual(), t.effortMinutes(), hours(t.effortMinutes()));
            sum[0] += t.total();
            sum[1] += t.auto();
            sum[2] += t.autoWithWarnings();
            sum[3] += t.manual();
            sum[4] += t.effortMinutes();
        }
        row(b, "TOTAL", sum[0], sum[1], sum[2], sum[3], sum[4], hours(sum[4]));
        return b.toString();
    }

    public static String actionItems(AssessmentReport report) {
        StringBuilder b = new StringBuilder();
        row(b, "schema", "object", "object_type", "status", "code", "severity", "source_file", "line", "column", "message",
                "recommendation", "effort_minutes");
        for (ConvertedObject o : report.orderedForDisplay()) {
            for (ActionItem i : o.actionItems()) {
                row(b, AssessmentReport.schemaOf(o), o.name(), o.type(), o.status(), i.code(), i.severity(), o.sourceFile(), i.line(), i.column(),
                        i.message(), i.recommendation(), i.effortMinutes());
            }
        }
        return b.toString();
    }

    public static String detail(AssessmentReport report) {
        StringBuilder b = new StringBuilder();
        row(b, "schema", "name", "type", "status", "verified", "source_file", "source_line", "converted_file",
                "deploy_phase", "action_items", "highest_severity", "effort_minutes");
        Map<String, String> files = report.convertedFiles();
        for (ConvertedObject o : report.orderedForDisplay()) {
            Severity top = AssessmentReport.highestSeverity(o);
            row(b, AssessmentReport.schemaOf(o), o.name(), o.type(), o.status(), o.verified(), o.sourceFile(), o.sourceLine(), files.get(o.key()),
                    o.deployPhase(), o.actionItems().size(), top, o.effortMinutes());
        }
        return b.toString();
    }

    private static String hours(int minutes) {
        return String.format(java.util.Locale.ROOT, "%.1f", minutes / 60.0);
    }

    private static void row(StringBuilder b, Object... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(field(fields[i]));
        }
        b.append("\r\n");
    }

    /** One RFC 4180 field: {@code null} is empty; quoted when it contains a comma, quote, CR or LF (or edge spaces). */
    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0
                || !s.isEmpty() && (Character.isWhitespace(s.charAt(0)) || Character.isWhitespace(s.charAt(s.length() - 1)));
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
