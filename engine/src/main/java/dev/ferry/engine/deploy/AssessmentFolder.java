package dev.ferry.engine.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.model.schema.Engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the folder {@code ferry assess} writes: {@code assessment.json} (objects with type, name, status, verification,
 * deploy phase, converted file and dependencies) and {@code converted/deploy-order.txt} with the numbered per-object
 * {@code .sql} files. The engine reads the files itself (it does not depend on the converter). Unknown JSON fields are
 * ignored; optional fields ({@code statements}, {@code expected}) are used when present.
 *
 * <p>Threading: stateless.
 */
public final class AssessmentFolder {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AssessmentFolder() {
    }

    /**
     * Reads {@code folder}.
     *
     * @throws DeployInputException naming the file and what is wrong (missing file, bad JSON with line:column, an object
     *                              without a type, a listed file that does not exist...)
     */
    public static DeployInput read(Path folder) {
        Path json = folder.resolve("assessment.json");
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readString(json, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new DeployInputException(json + ": not found: --from must name a folder written by 'ferry assess'");
        } catch (JsonProcessingException e) {
            throw new DeployInputException(json + ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr()
                    + ": not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new DeployInputException(json + ": cannot read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new DeployInputException(json + ": not an assessment (expected a JSON object)");
        }
        Engine target;
        String engineText = text(root, "targetEngine");
        try {
            target = Engine.parse(engineText);
        } catch (RuntimeException e) {
            throw new DeployInputException(json + ": targetEngine '" + engineText + "' is not a known engine");
        }
        JsonNode objects = root.get("objects");
        if (objects == null || !objects.isArray()) {
            throw new DeployInputException(json + ": objects: missing or not an array");
        }
        Map<String, Integer> orderOfFile = readOrder(folder);
        List<DeployObject> read = new ArrayList<>();
        Map<DeployObject, Integer> jsonIndex = new java.util.IdentityHashMap<>();
        for (int i = 0; i < objects.size(); i++) {
            JsonNode o = objects.get(i);
            String where = json + ": objects[" + i + "]";
            String type = text(o, "type");
            String name = text(o, "name");
            if (type == null || name == null) {
                throw new DeployInputException(where + ": 'type' and 'name' are required");
            }
            String phaseText = text(o, "deployPhase");
            DeployPhase phase;
            try {
                phase = phaseText == null ? defaultPhase(type) : DeployPhase.valueOf(phaseText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new DeployInputException(where + ": deployPhase '" + phaseText + "' is not PRE_LOAD or POST_LOAD");
            }
            String file = text(o, "convertedFile");
            List<String> statements = new ArrayList<>();
            if (file != null) {
                JsonNode st = o.get("statements");
                if (st != null && st.isArray() && !st.isEmpty()) {
                    st.forEach(s -> statements.add(s.asText()));
                } else {
                    Path sql = folder.resolve(file).normalize();
                    if (!sql.startsWith(folder.normalize())) {
                        throw new DeployInputException(where + ": convertedFile '" + file + "' is outside the folder");
                    }
                    try {
                        statements.add(Files.readString(sql, StandardCharsets.UTF_8));
                    } catch (NoSuchFileException e) {
                        throw new DeployInputException(where + " (" + type + " " + name + "): convertedFile " + sql + " not found");
                    } catch (IOException e) {
                        throw new DeployInputException(sql + ": cannot read: " + e.getMessage(), e);
                    }
                }
            }
            List<String> deps = new ArrayList<>();
            JsonNode d = o.get("dependsOn");
            if (d != null && d.isArray()) {
                d.forEach(x -> deps.add(x.asText()));
            }
            DeployObject obj = new DeployObject(text(o, "schema"), name, type, text(o, "status") == null ? "MANUAL" : text(o, "status"),
                    o.path("verified").asBoolean(false), phase, file, statements, deps, expected(o.get("expected"), where));
            read.add(obj);
            jsonIndex.put(obj, i);
        }
        // deploy order: phase, then the line of deploy-order.txt (or the file's number), then the JSON order
        List<DeployObject> ordered = new ArrayList<>(read);
        ordered.sort((a, b) -> {
            int c = a.phase().compareTo(b.phase());
            if (c != 0) {
                return c;
            }
            int oa = orderOf(a, orderOfFile);
            int ob = orderOf(b, orderOfFile);
            return oa != ob ? Integer.compare(oa, ob) : Integer.compare(jsonIndex.get(a), jsonIndex.get(b));
        });
        return new DeployInput(folder, target, text(root, "targetSchema"), ordered);
    }

    private static int orderOf(DeployObject o, Map<String, Integer> orderOfFile) {
        if (o.file() == null) {
            return Integer.MAX_VALUE;
        }
        String name = Path.of(o.file()).getFileName().toString();
        Integer line = orderOfFile.get(name);
        return line != null ? line : Integer.MAX_VALUE - 1;
    }

    /** File name → position in {@code converted/deploy-order.txt} (commented MANUAL lines included). */
    private static Map<String, Integer> readOrder(Path folder) {
        Path order = folder.resolve("converted").resolve("deploy-order.txt");
        Map<String, Integer> m = new LinkedHashMap<>();
        if (!Files.exists(order)) {
            return m;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(order, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DeployInputException(order + ": cannot read: " + e.getMessage(), e);
        }
        for (String raw : lines) {
            String l = raw.strip();
            if (l.startsWith("#")) {
                l = l.substring(1).strip();
                int sp = l.indexOf(' ');
                if (sp < 0 || !l.substring(0, sp).endsWith(".sql")) {
                    continue; // a plain comment
                }
                l = l.substring(0, sp);
            }
            if (!l.isEmpty()) {
                m.putIfAbsent(l, m.size());
            }
        }
        return m;
    }

    private static ExpectedShape expected(JsonNode e, String where) {
        if (e == null || !e.isObject()) {
            return null;
        }
        List<ExpectedShape.ExpectedColumn> cols = new ArrayList<>();
        JsonNode c = e.get("columns");
        if (c != null && c.isArray()) {
            for (int i = 0; i < c.size(); i++) {
                JsonNode col = c.get(i);
                if (text(col, "name") == null || text(col, "type") == null) {
                    throw new DeployInputException(where + ".expected.columns[" + i + "]: 'name' and 'type' are required");
                }
                cols.add(new ExpectedShape.ExpectedColumn(text(col, "name"), text(col, "type"), col.path("nullable").asBoolean(true)));
            }
        }
        return new ExpectedShape(cols, strings(e.get("primaryKey")), text(e, "table"), e.path("unique").asBoolean(false),
                strings(e.get("keys")));
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n != null && n.isArray()) {
            n.forEach(x -> out.add(x.asText()));
        }
        return out;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static DeployPhase defaultPhase(String type) {
        return switch (type.toUpperCase(Locale.ROOT)) {
            case "SCHEMA", "TYPE", "SEQUENCE", "TABLE", "COMMENT" -> DeployPhase.PRE_LOAD;
            default -> DeployPhase.POST_LOAD;
        };
    }
}
