package dev.ferry.converter.ast;

import java.util.List;

/** ALTER TABLE with one or more actions. */
public record AlterTable(QualifiedName table, boolean ifExists, boolean only, List<Action> actions, SourceSpan span)
        implements Statement {

    public AlterTable {
        actions = List.copyOf(actions);
    }

    /** One action of an ALTER TABLE. */
    public interface Action extends Node {
    }

    /** {@code ADD [CONSTRAINT name] ...}. */
    public record AddConstraint(ConstraintDef constraint, SourceSpan span) implements Action {
    }

    /** {@code ADD [COLUMN] [IF NOT EXISTS] column}. */
    public record AddColumn(ColumnDef column, boolean ifNotExists, SourceSpan span) implements Action {
    }

    /** {@code ALTER COLUMN c SET DEFAULT expr} ({@code defaultValue}) or {@code DROP DEFAULT} ({@code null}). */
    public record AlterColumnDefault(Identifier column, Expr defaultValue, SourceSpan span) implements Action {
    }

    /** Any other action, e.g. {@code OWNER TO}, {@code ENABLE TRIGGER}, {@code RENAME}; {@code kind} is upper-cased. */
    public record OtherAction(String kind, SourceSpan span) implements Action {
    }
}
