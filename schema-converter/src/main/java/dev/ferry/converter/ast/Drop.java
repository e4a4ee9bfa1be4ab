package dev.ferry.converter.ast;

import java.util.List;

/** DROP of one or more objects; {@code objectKind} upper-cased ({@code TABLE}, {@code MATERIALIZED VIEW}, ...). */
public record Drop(String objectKind, List<QualifiedName> names, boolean ifExists, boolean cascade, SourceSpan span)
        implements Statement {

    public Drop {
        names = List.copyOf(names);
    }
}
