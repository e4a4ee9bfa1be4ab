package dev.ferry.converter.ast;

/**
 * One key of an index.
 *
 * @param expression the column ({@link ColumnRef}) or expression
 * @param collation  COLLATE name, or {@code null}
 * @param opclass    PostgreSQL operator class, or {@code null}
 * @param ordering   {@code ASC}, {@code DESC} or {@code null}
 * @param nulls      {@code FIRST}, {@code LAST} or {@code null}
 */
public record IndexElement(Expr expression, String collation, String opclass, String ordering, String nulls,
                           SourceSpan span) implements Node {

    /** The column name when this key is a plain column, else {@code null}. */
    public Identifier columnName() {
        return expression instanceof ColumnRef ref && ref.name().parts().size() == 1 ? ref.name().last() : null;
    }
}
