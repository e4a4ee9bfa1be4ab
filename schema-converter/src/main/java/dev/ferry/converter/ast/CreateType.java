package dev.ferry.converter.ast;

import java.util.List;

/** CREATE TYPE: an enum ({@code labels}), a composite ({@code attributes}), a range or a base type. */
public record CreateType(QualifiedName name, Kind kind, List<String> labels, List<ColumnDef> attributes,
                         SourceSpan span) implements Statement {

    /** Type kinds. */
    public enum Kind { ENUM, COMPOSITE, RANGE, BASE }

    public CreateType {
        labels = List.copyOf(labels);
        attributes = List.copyOf(attributes);
    }
}
