package dev.ferry.converter.direction;

import dev.ferry.converter.render.SourceRef;
import dev.ferry.model.project.TypeMappingRule;
import dev.ferry.model.schema.Schema;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a {@link SchemaConverter} converts.
 *
 * @param source       the source schema (neutral model; types, defaults and bodies in the source dialect)
 * @param targetSchema the target schema or database name; null keeps the converter's default naming of {@code source}
 * @param rules        user type-mapping rules (most specific wins); may be empty
 * @param sources      where each object came from, by key {@code TYPE:NAME} (source spelling); null when unknown
 *                     (live catalogs)
 */
public record ConversionRequest(Schema source, String targetSchema, List<TypeMappingRule> rules,
                                Function<String, SourceRef> sources) {

    public ConversionRequest {
        Objects.requireNonNull(source, "source");
        rules = rules == null ? List.of() : List.copyOf(rules);
        sources = sources == null ? k -> SourceRef.NONE : sources;
    }

    public static ConversionRequest of(Schema source) {
        return new ConversionRequest(source, null, List.of(), null);
    }
}
