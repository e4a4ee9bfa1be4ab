package dev.ferry.app.gui.mappings;

/**
 * One line of the mappings preview: a selected source table, the target table after the rules, its target columns and
 * what else the rules do to it.
 *
 * @param source  the source table as {@code schema.table}
 * @param target  the target table as {@code schema.table}
 * @param columns the target columns in load order, comma separated (removed columns are left out, added ones follow)
 * @param details changed column types, added columns' types, the row filter, a defined primary key and the table
 *                settings (parallel load, LOB mode), separated by {@code "; "}; empty when none
 */
public record PreviewRow(String source, String target, String columns, String details) {

    /** A row with no details. */
    public PreviewRow(String source, String target, String columns) {
        this(source, target, columns, "");
    }
}
