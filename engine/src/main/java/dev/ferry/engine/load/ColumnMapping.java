package dev.ferry.engine.load;

import dev.ferry.model.schema.Column;

/**
 * A source column and the target column it is loaded into, or a target column computed by a DMS {@code add-column}
 * expression.
 *
 * @param source   the source column (its type decides how the value is read); for a computed column a placeholder
 *                 named {@code $<target>} that is never read
 * @param target   the target column (its type decides how the value is converted)
 * @param computed the expression computing the value from other source columns, or {@code null} for a plain copy
 */
public record ColumnMapping(Column source, Column target, ColumnExpression computed) {

    public ColumnMapping(Column source, Column target) {
        this(source, target, null);
    }
}
