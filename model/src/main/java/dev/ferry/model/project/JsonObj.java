package dev.ferry.model.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A JSON object being bound to a record: typed, strict accessors whose errors name the JSON path and line:column.
 * A JSON {@code null} counts as an absent field. Package-private plumbing of {@link ProjectFiles}; not thread-safe.
 */
final class JsonObj {

    final JsonSource src;
    final ObjectNode node;
    final String path;
    /** Appended to every message, e.g. {@code  (rule-id 3)}; empty when none. */
    final String context;

    private JsonObj(JsonSource src, ObjectNode node, String path, String context) {
        this.src = src;
        this.node = node;
        this.path = path;
        this.context = context;
    }

    static JsonObj of(JsonSource src, JsonNode node, String path, String context) throws ProjectFileException {
        if (!(node instanceof ObjectNode)) {
            throw src.error(path, src.valueLoc(path), "must be a JSON object" + context);
        }
        return new JsonObj(src, (ObjectNode) node, path, context);
    }

    JsonObj withContext(String newContext) {
        return new JsonObj(src, node, path, newContext);
    }

    String childPath(String key) {
        return path + JsonSource.segment(key);
    }

    boolean has(String key) {
        JsonNode v = node.get(key);
        return v != null && !v.isNull();
    }

    boolean isExplicitNull(String key) {
        JsonNode v = node.get(key);
        return v != null && v.isNull();
    }

    ProjectFileException error(String key, String message) {
        String p = childPath(key);
        return src.error(p, src.valueLoc(p), message + context);
    }

    ProjectFileException errorHere(String message) {
        return src.error(path, src.valueLoc(path), message + context);
    }

    ProjectFileException missing(String key) {
        return errorHere("missing required field '" + key + "'");
    }

    /** Fails on the first field that is not in {@code allowed}. */
    void allowOnly(Collection<String> allowed) throws ProjectFileException {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                String p = childPath(name);
                throw src.error(p, src.keyLoc(p), "unknown field" + context + "; expected one of: " + String.join(", ", allowed));
            }
        }
    }

    void allowOnly(String... allowed) throws ProjectFileException {
        allowOnly(Arrays.asList(allowed));
    }

    private JsonNode value(String key, boolean required) throws ProjectFileException {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            if (required) {
                throw missing(key);
            }
            return null;
        }
        return v;
    }

    String str(String key, boolean required) throws ProjectFileException {
        JsonNode v = value(key, required);
        if (v == null) {
            return null;
        }
        if (!v.isTextual()) {
            throw error(key, "must be a string");
        }
        if (required && v.asText().isBlank()) {
            throw error(key, "must not be empty");
        }
        return v.asText();
    }

    Integer integer(String key, int min, int max, boolean required) throws ProjectFileException {
        JsonNode v = value(key, required);
        if (v == null) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < min || v.intValue() > max) {
            throw error(key, max == Integer.MAX_VALUE ? "must be an integer of at least " + min
                    : "must be an integer between " + min + " and " + max);
        }
        return v.intValue();
    }

    Boolean bool(String key) throws ProjectFileException {
        JsonNode v = value(key, false);
        if (v == null) {
            return null;
        }
        if (!v.isBoolean()) {
            throw error(key, "must be true or false");
        }
        return v.booleanValue();
    }

    /** An enum spelled as {@code naming} spells it (case-sensitive). */
    <E extends Enum<E>> E enumValue(String key, Class<E> type, Function<E, String> naming, boolean required) throws ProjectFileException {
        JsonNode v = value(key, required);
        if (v == null) {
            return null;
        }
        String expected = Arrays.stream(type.getEnumConstants()).map(naming).collect(Collectors.joining(", "));
        if (!v.isTextual()) {
            throw error(key, "must be one of " + expected);
        }
        for (E e : type.getEnumConstants()) {
            if (naming.apply(e).equals(v.asText())) {
                return e;
            }
        }
        throw error(key, "must be one of " + expected + " (was '" + v.asText() + "')");
    }

    JsonObj obj(String key, boolean required) throws ProjectFileException {
        JsonNode v = value(key, required);
        return v == null ? null : of(src, v, childPath(key), context);
    }

    /** The elements of an array field, each with its path; {@code null} when absent. */
    List<Item> array(String key, boolean required) throws ProjectFileException {
        JsonNode v = value(key, required);
        if (v == null) {
            return null;
        }
        if (!v.isArray()) {
            throw error(key, "must be a JSON array");
        }
        List<Item> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            out.add(new Item(src, v.get(i), childPath(key) + "[" + i + "]", context));
        }
        return out;
    }

    List<String> strings(String key, boolean required) throws ProjectFileException {
        List<Item> items = array(key, required);
        if (items == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (Item it : items) {
            out.add(it.str());
        }
        return out;
    }

    Map<String, String> stringMap(String key) throws ProjectFileException {
        JsonObj o = obj(key, false);
        if (o == null) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = o.node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw o.error(e.getKey(), "must be a string");
            }
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    /** A DMS integer, written either as a JSON number or as a string of digits; the spelling is kept. */
    DmsInteger dmsInteger(String key, long min) throws ProjectFileException {
        JsonNode v = value(key, false);
        if (v == null) {
            return null;
        }
        try {
            if (v.isIntegralNumber() && v.canConvertToLong() && v.longValue() >= min) {
                return new DmsInteger(v.longValue(), false);
            }
            if (v.isTextual() && v.asText().matches("-?[0-9]{1,18}") && Long.parseLong(v.asText()) >= min) {
                return new DmsInteger(Long.parseLong(v.asText()), true);
            }
        } catch (NumberFormatException ignored) {
            // falls through to the error below
        }
        throw error(key, "must be an integer of at least " + min + " (a number or a string of digits)");
    }

    /** One element of an array. */
    record Item(JsonSource src, JsonNode node, String path, String context) {
        String str() throws ProjectFileException {
            if (!node.isTextual()) {
                throw src.error(path, src.valueLoc(path), "must be a string" + context);
            }
            return node.asText();
        }

        JsonObj obj() throws ProjectFileException {
            return JsonObj.of(src, node, path, context);
        }

        ProjectFileException error(String message) {
            return src.error(path, src.valueLoc(path), message + context);
        }
    }
}
