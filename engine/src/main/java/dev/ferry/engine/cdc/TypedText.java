package dev.ferry.engine.cdc;

import java.util.Objects;

/**
 * A value the capture does not map to a Java type (arrays, enums, domains, geometric and other user types): the
 * source's text form together with the source type's id and name, so nothing is lost and the applier can cast it.
 *
 * @param text     the value in the source's text output format
 * @param typeId   the source type id (PostgreSQL: the type OID)
 * <p>Immutable and thread-safe.
 *
 * @param typeName the source type name as far as known (PostgreSQL: {@code _int4}, {@code public.mood}), or the
 *                 id as text when the type is unknown
 */
public record TypedText(String text, int typeId, String typeName) {
    public TypedText {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(typeName, "typeName");
    }

    @Override
    public String toString() {
        return text;
    }
}
