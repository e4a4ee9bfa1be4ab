package dev.ferry.engine.deploy;

import java.util.List;

/**
 * What an object should look like on the target, from the optional {@code expected} field of {@code assessment.json}.
 * Used to tell an existing object that matches (skipped) from one that drifted.
 *
 * @param columns    a table's columns in order (empty for other objects)
 * @param primaryKey a table's primary-key columns (empty when none)
 * @param table      an index's table (unqualified), or {@code null}
 * @param unique     whether an index is unique
 * @param keys       an index's key columns (or expressions as written), in order
 */
public record ExpectedShape(List<ExpectedColumn> columns, List<String> primaryKey, String table, boolean unique,
                            List<String> keys) {

    /** One expected column: its name, the target type as written in the DDL, and whether it allows NULL. */
    public record ExpectedColumn(String name, String type, boolean nullable) {
    }

    public ExpectedShape {
        columns = columns == null ? List.of() : List.copyOf(columns);
        primaryKey = primaryKey == null ? List.of() : List.copyOf(primaryKey);
        keys = keys == null ? List.of() : List.copyOf(keys);
    }
}
