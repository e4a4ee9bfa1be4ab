package dev.ferry.converter.ast;

import java.util.List;

/**
 * A PRIMARY KEY, UNIQUE, FOREIGN KEY, CHECK or EXCLUDE constraint, written inline on a column (then {@code columns}
 * holds that column) or as a table constraint.
 *
 * @param name              constraint name, or {@code null}
 * @param kind              the constraint kind
 * @param columns           constrained columns (empty for CHECK)
 * @param references        referenced side, for foreign keys only
 * @param check             the CHECK expression, for CHECK only
 * @param deferrable        {@code DEFERRABLE} was written
 * @param initiallyDeferred {@code INITIALLY DEFERRED} was written
 * @param onConflict        SQLite conflict clause ({@code ROLLBACK}, {@code ABORT}, ...), or {@code null}
 */
public record ConstraintDef(Identifier name, Kind kind, List<Identifier> columns, ForeignKeyRef references,
                            Expr check, boolean deferrable, boolean initiallyDeferred, String onConflict,
                            SourceSpan span) implements Node {

    /** Constraint kinds. */
    public enum Kind { PRIMARY_KEY, UNIQUE, FOREIGN_KEY, CHECK, EXCLUDE }

    public ConstraintDef {
        columns = List.copyOf(columns);
    }
}
