package dev.ferry.engine.load;

import dev.ferry.model.schema.Column;

/**
 * A source column and the target column it is loaded into.
 *
 * @param source the source column (its type decides how the value is read)
 * @param target the target column (its type decides how the value is converted)
 */
public record ColumnMapping(Column source, Column target) {
}
