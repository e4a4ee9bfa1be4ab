package dev.ferry.converter.ast;

import java.util.List;

/**
 * A column definition.
 *
 * @param name          column name
 * @param type          declared type, or {@code null} (SQLite allows none)
 * @param nullable      {@code FALSE} for NOT NULL, {@code TRUE} for an explicit NULL, {@code null} when not said
 * @param defaultValue  DEFAULT expression, or {@code null}
 * @param identity      {@code GENERATED ... AS IDENTITY}, or {@code null}
 * @param generated     {@code GENERATED ALWAYS AS (expr)}, or {@code null}
 * @param collation     COLLATE name, or {@code null}
 * @param autoIncrement SQLite {@code AUTOINCREMENT}
 * @param constraints   inline PRIMARY KEY / UNIQUE / REFERENCES / CHECK constraints (their columns list this column)
 */
public record ColumnDef(Identifier name, TypeName type, Boolean nullable, Expr defaultValue, Identity identity,
                        Generated generated, String collation, boolean autoIncrement,
                        List<ConstraintDef> constraints, SourceSpan span) implements Node {

    public ColumnDef {
        constraints = List.copyOf(constraints);
    }

    /** {@code GENERATED ALWAYS|BY DEFAULT AS IDENTITY (options)}. */
    public record Identity(boolean always, SequenceOptions options) {
    }

    /** A generated (computed) column; {@code stored} is false for SQLite VIRTUAL (its default). */
    public record Generated(Expr expression, boolean stored) {
    }
}
