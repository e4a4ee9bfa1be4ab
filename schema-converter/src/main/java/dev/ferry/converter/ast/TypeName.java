package dev.ferry.converter.ast;

import java.util.List;

/**
 * A declared data type.
 *
 * @param name            the type's words lower-cased and single-spaced ({@code "character varying"},
 *                        {@code "timestamp with time zone"}, {@code "unsigned big int"}); parts of a qualified name are
 *                        joined by dots, and quoted parts keep their double quotes ({@code "char"} is not
 *                        {@code char})
 * @param modifiers       the parenthesised modifiers as written ({@code ["10", "2"]}), empty when none
 * @param arrayDimensions number of array dimensions ({@code int[][]} is 2), 0 for a scalar
 */
public record TypeName(String name, List<String> modifiers, int arrayDimensions, SourceSpan span) implements Node {

    public TypeName {
        modifiers = List.copyOf(modifiers);
    }
}
