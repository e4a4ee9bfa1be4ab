package dev.ferry.model.schema;

import java.util.List;

/** A foreign key with its referential actions and deferrability. */
public record ForeignKey(String name, List<String> columns, String referencedSchema, String referencedTable,
                         List<String> referencedColumns, Action onDelete, Action onUpdate, boolean deferrable,
                         boolean initiallyDeferred, String match) {

    public enum Action { NO_ACTION, RESTRICT, CASCADE, SET_NULL, SET_DEFAULT }

    public ForeignKey {
        columns = Lists.copy(columns);
        referencedColumns = Lists.copy(referencedColumns);
        onDelete = onDelete == null ? Action.NO_ACTION : onDelete;
        onUpdate = onUpdate == null ? Action.NO_ACTION : onUpdate;
    }

    /** Parses an action as the catalogs spell it: {@code NO ACTION}, {@code SET NULL}, {@code a} (pg confdeltype)... */
    public static Action action(String text) {
        if (text == null) {
            return Action.NO_ACTION;
        }
        switch (text.trim().toUpperCase(java.util.Locale.ROOT).replace('_', ' ')) {
            case "CASCADE": case "C": return Action.CASCADE;
            case "RESTRICT": case "R": return Action.RESTRICT;
            case "SET NULL": case "N": return Action.SET_NULL;
            case "SET DEFAULT": case "D": return Action.SET_DEFAULT;
            default: return Action.NO_ACTION;
        }
    }
}
