package dev.ferry.converter.ast;

import java.util.List;

/**
 * CREATE INDEX.
 *
 * @param name    index name; {@code null} when PostgreSQL lets the server choose
 * @param method  access method ({@code USING btree}), or {@code null}
 * @param include INCLUDE columns
 * @param where   partial-index predicate, or {@code null}
 */
public record CreateIndex(QualifiedName name, QualifiedName table, boolean unique, boolean ifNotExists,
                          boolean concurrently, String method, List<IndexElement> elements, List<Identifier> include,
                          Expr where, SourceSpan span) implements Statement {

    public CreateIndex {
        elements = List.copyOf(elements);
        include = List.copyOf(include);
    }
}
