package dev.ferry.model.schema;

import java.util.List;

/**
 * A trigger.
 *
 * @param events        INSERT, UPDATE, DELETE, TRUNCATE
 * @param updateColumns the {@code UPDATE OF} column list, empty when any column
 * @param when          the WHEN condition, or {@code null}
 * @param source        the complete CREATE TRIGGER text where available, else the body
 */
public record Trigger(String schema, String name, String tableSchema, String table, Timing timing, List<String> events,
                      List<String> updateColumns, Level level, String when, boolean enabled, String source) {

    public enum Timing { BEFORE, AFTER, INSTEAD_OF, COMPOUND }

    public enum Level { ROW, STATEMENT }

    public Trigger {
        events = Lists.copy(events);
        updateColumns = Lists.copy(updateColumns);
    }
}
