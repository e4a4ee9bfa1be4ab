package dev.ferry.engine.cdc.oracle;

import dev.ferry.engine.cdc.ChangeColumn;
import dev.ferry.model.schema.QualifiedName;

import java.util.List;
import java.util.Objects;

/**
 * A captured Oracle table: its columns in {@code COLUMN_ID} order with their Oracle data types
 * ({@link ChangeColumn#typeName()}, e.g. {@code NUMBER}, {@code VARCHAR2}, {@code TIMESTAMP(6) WITH TIME ZONE}) and
 * the primary key as {@link ChangeColumn#key()}. Immutable.
 */
public record OracleTableInfo(QualifiedName name, List<ChangeColumn> columns) {

    public OracleTableInfo {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
    }

    int indexOf(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        return -1;
    }
}
