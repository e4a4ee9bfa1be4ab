package dev.ferry.converter.ast;

/** A reference to a column (or a bare word such as {@code true} in SQLite) by name. */
public record ColumnRef(QualifiedName name, SourceSpan span) implements Expr {
}
