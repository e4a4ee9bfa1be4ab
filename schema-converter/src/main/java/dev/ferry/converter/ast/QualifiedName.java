package dev.ferry.converter.ast;

import java.util.List;
import java.util.stream.Collectors;

/** A possibly qualified name such as {@code schema.table} or {@code table.column}. */
public record QualifiedName(List<Identifier> parts, SourceSpan span) implements Node {

    public QualifiedName {
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a qualified name needs at least one part");
        }
    }

    /** The last part (the object's own name). */
    public Identifier last() {
        return parts.get(parts.size() - 1);
    }

    /** The qualifier (schema, or table for a column), or {@code null} for an unqualified name. */
    public QualifiedName qualifier() {
        return parts.size() == 1 ? null : new QualifiedName(parts.subList(0, parts.size() - 1), span);
    }

    /** The parts' values joined by dots, without quotes (for messages and lookups). */
    public String dotted() {
        return parts.stream().map(Identifier::value).collect(Collectors.joining("."));
    }
}
