package dev.ferry.model.schema;

import java.util.List;

/** A primary key or unique constraint. {@code name} may be {@code null} where the engine does not name it (SQLite). */
public record KeyConstraint(String name, List<String> columns, boolean deferrable, boolean initiallyDeferred) {
    public KeyConstraint {
        columns = Lists.copy(columns);
    }

    public static KeyConstraint of(String name, List<String> columns) {
        return new KeyConstraint(name, columns, false, false);
    }
}
