package dev.ferry.model.project;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A parsed JSON document that remembers the line and column of every value and every field name, so that a binding
 * error can name {@code $.path (line L, column C)}. Package-private plumbing of {@link ProjectFiles}.
 *
 * <p>Immutable after parsing; not shared between threads.
 */
final class JsonSource {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** Line and column, 1-based. */
    record Loc(int line, int column) {
    }

    final String fileName;
    final JsonNode root;
    private final Map<String, Loc> valueLocs = new HashMap<>();
    private final Map<String, Loc> keyLocs = new HashMap<>();

    private JsonSource(String fileName, String text) throws ProjectFileException {
        this.fileName = fileName;
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new ProjectFileException(fileName + ": the file is empty");
            }
            this.root = read(p, "$");
            if (p.nextToken() != null) {
                JsonLocation l = p.currentTokenLocation();
                throw new ProjectFileException(fileName + " (line " + l.getLineNr() + ", column " + l.getColumnNr()
                        + "): unexpected content after the end of the JSON document", null, l.getLineNr(), l.getColumnNr(), null);
            }
        } catch (JsonParseException e) {
            JsonLocation l = e.getLocation();
            String msg = dev.ferry.model.util.Redaction.redact(e.getOriginalMessage());
            int nl = msg.indexOf('\n');
            if (nl > 0) {
                msg = msg.substring(0, nl);
            }
            throw new ProjectFileException(fileName + " (line " + l.getLineNr() + ", column " + l.getColumnNr()
                    + "): malformed JSON: " + msg, null, l.getLineNr(), l.getColumnNr(), e);
        } catch (ProjectFileException e) {
            throw e;
        } catch (IOException e) {
            throw new ProjectFileException(fileName + ": cannot parse JSON: " + e.getMessage(), null, -1, -1, e);
        }
    }

    static JsonSource parse(String fileName, String text) throws ProjectFileException {
        return new JsonSource(fileName, text);
    }

    private JsonNode read(JsonParser p, String path) throws IOException {
        JsonLocation l = p.currentTokenLocation();
        valueLocs.put(path, new Loc(l.getLineNr(), l.getColumnNr()));
        JsonNodeFactory f = JsonNodeFactory.instance;
        switch (p.currentToken()) {
            case START_OBJECT: {
                ObjectNode o = f.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    String child = path + segment(name);
                    JsonLocation kl = p.currentTokenLocation();
                    keyLocs.put(child, new Loc(kl.getLineNr(), kl.getColumnNr()));
                    p.nextToken();
                    o.set(name, read(p, child));
                }
                return o;
            }
            case START_ARRAY: {
                ArrayNode a = f.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    a.add(read(p, path + "[" + i++ + "]"));
                }
                return a;
            }
            case VALUE_STRING: return f.textNode(p.getText());
            case VALUE_NUMBER_INT:
                switch (p.getNumberType()) {
                    case INT: return f.numberNode(p.getIntValue());
                    case LONG: return f.numberNode(p.getLongValue());
                    default: return f.numberNode(p.getBigIntegerValue());
                }
            case VALUE_NUMBER_FLOAT: return f.numberNode(p.getDecimalValue());
            case VALUE_TRUE: return f.booleanNode(true);
            case VALUE_FALSE: return f.booleanNode(false);
            case VALUE_NULL: return f.nullNode();
            default:
                throw new JsonParseException(p, "unexpected token " + p.currentToken());
        }
    }

    /** The path segment for a field: {@code .name}, or {@code ['odd name']} when it is not a plain word. */
    static String segment(String name) {
        if (!name.isEmpty() && name.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '-')) {
            return "." + name;
        }
        return "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }

    Loc valueLoc(String path) {
        return valueLocs.get(path);
    }

    Loc keyLoc(String path) {
        Loc k = keyLocs.get(path);
        return k != null ? k : valueLocs.get(path);
    }

    ProjectFileException error(String path, Loc loc, String message) {
        String where = loc == null ? "" : " (line " + loc.line() + ", column " + loc.column() + ")";
        return new ProjectFileException(fileName + ": " + path + where + ": " + message, path,
                loc == null ? -1 : loc.line(), loc == null ? -1 : loc.column(), null);
    }
}
