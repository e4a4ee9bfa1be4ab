package dev.ferry.converter.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.converter.assess.ActionItem;
import dev.ferry.converter.assess.ConvertedObject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Writes {@code assessment.json}, the machine-readable contract documented in {@code docs/assessment-report.md}.
 * Field names and types never change meaning; new fields may be added.
 *
 * <p>Threading: stateless.
 */
public final class AssessmentJsonWriter {

    /** Version of the JSON layout; bumped only for incompatible changes. */
    public static final int FORMAT_VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AssessmentJsonWriter() {
    }

    public static Path write(AssessmentReport report, Path file) throws IOException {
        Files.writeString(file, toJson(report) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    public static String toJson(AssessmentReport report) {
        try {
            return MAPPER.writeValueAsString(tree(report));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ObjectNode tree(AssessmentReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("formatVersion", FORMAT_VERSION);
        root.put("sourceEngine", engine(report.conversion().sourceEngine()));
        root.put("targetEngine", engine(report.conversion().targetEngine()));
        root.put("generatedAt", report.generatedAt().toString());
        root.put("ferryVersion", report.ferryVersion());
        root.put("source", report.sourceDescription());
        root.put("targetSchema", report.targetSchema());
        ArrayNode files = root.putArray("files");
        report.files().forEach(files::add);

        AssessmentReport.Summary s = report.summary();
        ObjectNode summary = root.putObject("summary");
        summary.put("objects", s.objects());
        summary.put("auto", s.auto());
        summary.put("autoWithWarnings", s.autoWithWarnings());
        summary.put("manual", s.manual());
        summary.put("autoConvertedPercent", s.autoConvertedPercent());
        summary.put("linesOfCode", s.linesOfCode());
        summary.put("estimatedEffortHours", s.estimatedEffortHours());
        summary.put("estimatedEffortMinutes", s.estimatedEffortMinutes());
        summary.put("complexity", s.complexity());
        ObjectNode itemsBySeverity = summary.putObject("actionItemsBySeverity");
        report.itemsBySeverity().forEach((k, v) -> itemsBySeverity.put(k.name(), v));
        ObjectNode effortBySeverity = summary.putObject("effortMinutesBySeverity");
        report.effortBySeverity().forEach((k, v) -> effortBySeverity.put(k.name(), v));

        ArrayNode byType = root.putArray("byType");
        for (AssessmentReport.TypeSummary t : report.byType()) {
            ObjectNode n = byType.addObject();
            n.put("type", t.type());
            n.put("objects", t.total());
            n.put("auto", t.auto());
            n.put("autoWithWarnings", t.autoWithWarnings());
            n.put("manual", t.manual());
            n.put("effortMinutes", t.effortMinutes());
        }

        AssessmentReport.Verification v = report.verification();
        ObjectNode verification = root.putObject("verification");
        verification.put("mode", v.mode());
        if (v.target() == null) {
            verification.putNull("target");
        } else {
            verification.put("target", v.target());
        }
        verification.put("deployed", v.deployed());
        verification.put("failed", v.failed());

        ObjectNode timings = root.putObject("timings");
        timings.put("parseMillis", report.timings().parseMillis());
        timings.put("convertMillis", report.timings().convertMillis());
        timings.put("verifyMillis", report.timings().verifyMillis());

        ArrayNode notes = root.putArray("notes");
        report.notes().forEach(notes::add);

        Map<String, String> convertedFiles = report.convertedFiles();
        ArrayNode objects = root.putArray("objects");
        for (ConvertedObject o : report.orderedForDisplay()) {
            ObjectNode n = objects.addObject();
            n.put("schema", AssessmentReport.schemaOf(o));
            n.put("name", o.name());
            n.put("type", o.type());
            n.put("status", o.status().name());
            n.put("verified", o.verified());
            n.put("sourceFile", o.sourceFile());
            n.put("sourceLine", o.sourceLine());
            n.put("convertedFile", convertedFiles.get(o.key()));
            n.put("deployPhase", o.deployPhase() == null ? null : o.deployPhase().name());
            n.put("effortMinutes", o.effortMinutes());
            ArrayNode deps = n.putArray("dependsOn");
            o.dependsOn().forEach(deps::add);
            com.fasterxml.jackson.databind.JsonNode expected = ExpectedShapes.of(o, report.conversion().targetEngine());
            if (expected != null) {
                n.set("expected", expected);
            }
            ArrayNode items = n.putArray("actionItems");
            for (ActionItem i : o.actionItems()) {
                ObjectNode it = items.addObject();
                it.put("code", i.code());
                it.put("severity", i.severity().name());
                it.put("message", i.message());
                it.put("recommendation", i.recommendation());
                it.put("line", i.line());
                it.put("column", i.column());
                it.put("effortMinutes", i.effortMinutes());
            }
        }
        return root;
    }

    static String engine(dev.ferry.model.schema.Engine e) {
        return e == null ? null : e.name().toLowerCase(Locale.ROOT);
    }
}
