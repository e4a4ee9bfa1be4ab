package dev.ferry.app.gui.mappings;

/**
 * One line of the mappings preview: a selected source table, the target table after the rules and its target columns.
 *
 * @param source  the source table as {@code schema.table}
 * @param target  the target table as {@code schema.table}
 * @param columns the target columns in load order, comma separated (removed columns are left out, added ones follow)
 */
public record PreviewRow(String source, String target, String columns) {
}
