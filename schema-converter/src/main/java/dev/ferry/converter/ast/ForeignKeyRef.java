package dev.ferry.converter.ast;

import java.util.List;

/**
 * The referenced side of a foreign key.
 *
 * @param table    referenced table
 * @param columns  referenced columns; empty means "the referenced table's primary key"
 * @param onDelete {@code NO ACTION}, {@code RESTRICT}, {@code CASCADE}, {@code SET NULL}, {@code SET DEFAULT}, or
 *                 {@code null} when not written
 * @param onUpdate like {@code onDelete}
 * @param match    {@code FULL}, {@code PARTIAL}, {@code SIMPLE} (upper-cased), or {@code null}
 */
public record ForeignKeyRef(QualifiedName table, List<Identifier> columns, String onDelete, String onUpdate,
                            String match) {

    public ForeignKeyRef {
        columns = List.copyOf(columns);
    }
}
