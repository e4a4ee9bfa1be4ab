package dev.ferry.app.assess;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.converter.assess.ActionItem;
import dev.ferry.converter.assess.ConversionResult;
import dev.ferry.converter.assess.ConvertedObject;
import dev.ferry.converter.assess.DeployPhase;
import dev.ferry.converter.assess.ObjectStatus;
import dev.ferry.converter.assess.Severity;
import dev.ferry.converter.report.AssessmentJsonWriter;
import dev.ferry.converter.report.AssessmentReport;
import dev.ferry.converter.report.AssessmentWriters;
import dev.ferry.model.schema.Engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an assessment folder written by {@code ferry assess} (or by the workbench) back into an {@link AssessmentReport}:
 * {@code assessment.json} for the objects and their items, {@code converted/*.sql} for the converted SQL (the comment
 * header the writer puts above it is removed). The source statements are not in the folder: the view shows the source
 * file instead, when it can still be read. Also reads and writes {@code edits.json}, the objects edited by hand in the
 * workbench. Blocking file I/O; stateless.
 */
public final class AssessmentFolders {

    /** File of hand edits in an assessment folder: {@code {"formatVersion":1,"edits":{"TYPE:schema.name":"sql"}}}. */
    public static final String EDITS = "edits.json";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AssessmentFolders() {
    }

    /**
     * Reads {@code folder/assessment.json} and the converted SQL files it names.
     *
     * @throws IOException with the file and the JSON path of the problem when the folder is not an assessment
     */
    public static AssessmentReport read(Path folder) throws IOException {
        Path json = folder.resolve(AssessmentWriters.JSON);
        if (!Files.isRegularFile(json)) {
            throw new NoSuchFileException(json.toString(), null, "not an assessment folder: no " + AssessmentWriters.JSON);
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(json + ": not valid JSON at line " + e.getLocation().getLineNr() + ":"
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(), e);
        }
        int version = root.path("formatVersion").asInt(-1);
        if (version != AssessmentJsonWriter.FORMAT_VERSION) {
            throw new IOException(json + ": formatVersion " + version + " is not supported (this Ferry reads "
                    + AssessmentJsonWriter.FORMAT_VERSION + ")");
        }
        Engine source = engine(json, root, "sourceEngine");
        Engine target = engine(json, root, "targetEngine");
        List<ConvertedObject> objects = new ArrayList<>();
        JsonNode array = root.path("objects");
        for (int i = 0; i < array.size(); i++) {
            objects.add(object(folder, json, array.get(i), "objects[" + i + "]"));
        }
        List<String> order = deployOrder(folder, root, objects);
        ConversionResult conversion = new ConversionResult(source, target, objects, order);
        JsonNode v = root.path("verification");
        JsonNode t = root.path("timings");
        return new AssessmentReport(conversion, instant(root.path("generatedAt").asText(null)), root.path("ferryVersion").asText(null),
                root.path("source").asText(""), root.path("targetSchema").asText(null), strings(root.path("files")),
                root.path("summary").path("linesOfCode").asInt(0),
                new AssessmentReport.Timings(t.path("parseMillis").asLong(), t.path("convertMillis").asLong(), t.path("verifyMillis").asLong()),
                new AssessmentReport.Verification(v.path("mode").asText("reparse"), v.path("target").isNull() ? null : v.path("target").asText(null),
                        v.path("deployed").asInt(), v.path("failed").asInt()),
                strings(root.path("notes")));
    }

    /** The hand edits stored in {@code folder}, by object key; empty when there are none. */
    public static Map<String, String> readEdits(Path folder) throws IOException {
        Path file = folder.resolve(EDITS);
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        JsonNode root = MAPPER.readTree(file.toFile());
        Map<String, String> edits = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = root.path("edits").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw new IOException(file + ": edits." + e.getKey() + " must be a string of SQL");
            }
            edits.put(e.getKey(), e.getValue().asText());
        }
        return edits;
    }

    /** Writes {@code edits} to {@code folder/edits.json} atomically (temporary file, then move). */
    public static void writeEdits(Path folder, Map<String, String> edits) throws IOException {
        Files.createDirectories(folder);
        ObjectNode root = MAPPER.createObjectNode();
        root.put("formatVersion", 1);
        ObjectNode e = root.putObject("edits");
        edits.forEach(e::put);
        Path tmp = Files.createTempFile(folder, ".edits.", ".tmp");
        try {
            Files.writeString(tmp, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(tmp, folder.resolve(EDITS), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException ex) {
                Files.move(tmp, folder.resolve(EDITS), StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static ConvertedObject object(Path folder, Path json, JsonNode n, String where) throws IOException {
        String type = n.path("type").asText(null);
        String statusText = n.path("status").asText(null);
        if (type == null || statusText == null) {
            throw new IOException(json + ": " + where + " has no type or status");
        }
        ObjectStatus status;
        try {
            status = ObjectStatus.valueOf(statusText);
        } catch (IllegalArgumentException e) {
            throw new IOException(json + ": " + where + ".status: unknown status '" + statusText + "'");
        }
        String schema = n.path("schema").asText(null);
        String name = n.path("name").asText(null);
        if ("SCHEMA".equals(type) && schema != null && schema.equals(name)) {
            schema = null; // the writer shows a schema object under itself
        }
        String sql = null;
        String convertedFile = n.path("convertedFile").isTextual() ? n.path("convertedFile").asText() : null;
        List<ActionItem> items = new ArrayList<>();
        JsonNode array = n.path("actionItems");
        for (int i = 0; i < array.size(); i++) {
            JsonNode it = array.get(i);
            Severity severity;
            try {
                severity = Severity.valueOf(it.path("severity").asText(""));
            } catch (IllegalArgumentException e) {
                throw new IOException(json + ": " + where + ".actionItems[" + i + "].severity: unknown severity '"
                        + it.path("severity").asText("") + "'");
            }
            items.add(new ActionItem(it.path("code").asText(""), severity, it.path("message").asText(""),
                    it.path("recommendation").asText(""), it.path("line").asInt(), it.path("column").asInt(),
                    it.path("effortMinutes").asInt()));
        }
        if (convertedFile != null) {
            Path f = folder.resolve(convertedFile).normalize();
            if (!f.startsWith(folder.normalize())) {
                throw new IOException(json + ": " + where + ".convertedFile points outside the folder: " + convertedFile);
            }
            sql = stripHeader(Files.readString(f, StandardCharsets.UTF_8), n.path("sourceFile").isTextual(), items.size());
        }
        List<String> deps = strings(n.path("dependsOn"));
        DeployPhase phase = n.path("deployPhase").isTextual() ? DeployPhase.valueOf(n.path("deployPhase").asText()) : DeployPhase.POST_LOAD;
        return new ConvertedObject(schema, name, type, status, n.path("verified").asBoolean(),
                n.path("sourceFile").isTextual() ? n.path("sourceFile").asText() : null, n.path("sourceLine").asInt(), null,
                sql, phase, deps, items);
    }

    /** Removes the writer's comment header: the title line, the source line when there is a source, one line per item. */
    static String stripHeader(String text, boolean hasSource, int items) {
        String[] lines = text.split("\n", -1);
        int skip = 1 + (hasSource ? 1 : 0) + items;
        int i = 0;
        while (i < skip && i < lines.length && lines[i].startsWith("-- ")) {
            i++;
        }
        StringBuilder b = new StringBuilder();
        for (int k = i; k < lines.length; k++) {
            b.append(lines[k]);
            if (k < lines.length - 1) {
                b.append('\n');
            }
        }
        return b.toString().strip();
    }

    /** The deploy order from {@code converted/deploy-order.txt} when present, else the objects' order. */
    private static List<String> deployOrder(Path folder, JsonNode root, List<ConvertedObject> objects) throws IOException {
        Map<String, String> keyByFile = new LinkedHashMap<>();
        JsonNode array = root.path("objects");
        for (int i = 0; i < array.size(); i++) {
            JsonNode f = array.get(i).path("convertedFile");
            if (f.isTextual()) {
                keyByFile.put(Path.of(f.asText()).getFileName().toString(), objects.get(i).key());
            }
        }
        List<String> order = new ArrayList<>();
        Path file = folder.resolve("converted").resolve("deploy-order.txt");
        if (Files.isRegularFile(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String l = line.startsWith("# ") ? line.substring(2) : line;
                int sp = l.indexOf(' ');
                String name = (sp > 0 ? l.substring(0, sp) : l).strip();
                String key = keyByFile.get(name);
                if (key != null && !order.contains(key)) {
                    order.add(key);
                }
            }
        }
        for (ConvertedObject o : objects) {
            if (!order.contains(o.key())) {
                order.add(o.key());
            }
        }
        return order;
    }

    private static Engine engine(Path json, JsonNode root, String field) throws IOException {
        String s = root.path(field).asText(null);
        try {
            return s == null ? null : Engine.valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IOException(json + ": " + field + ": unknown engine '" + s + "'");
        }
    }

    private static Instant instant(String s) {
        try {
            return s == null ? Instant.EPOCH : Instant.parse(s);
        } catch (java.time.format.DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
