package dev.ferry.converter.parse;

import dev.ferry.converter.render.SourceRef;
import dev.ferry.model.schema.Schema;

import java.util.List;
import java.util.Map;

/**
 * A schema of the neutral model built from script files (offline assessment), with where each object came from and
 * what could not be used.
 *
 * @param schema     the schema the scripts create
 * @param sources    where each object is defined, by key {@code TYPE:NAME} (source spelling, e.g. {@code TABLE:Album})
 * @param errors     statements that do not parse, one per statement, with file:line:column
 * @param unmodelled statements that parse but are not part of the model (virtual tables, ALTER TABLE forms, policies...),
 *                   so that an assessment lists them instead of dropping them
 */
public record ScriptSchema(Schema schema, Map<String, SourceRef> sources, List<ParsingException> errors,
                           List<Unmodelled> unmodelled) {

    /** A parsed DDL statement the model does not hold; {@code kind} is its leading keywords ({@code CREATE POLICY}). */
    public record Unmodelled(String kind, String name, String file, int line, int column, String text) {
    }

    public ScriptSchema {
        sources = Map.copyOf(sources);
        errors = List.copyOf(errors);
        unmodelled = List.copyOf(unmodelled);
    }

    /** One script file's name (as reports show it) and text. */
    public record File(String name, String text) {
    }
}
