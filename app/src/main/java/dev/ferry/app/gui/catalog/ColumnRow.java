package dev.ferry.app.gui.catalog;

/**
 * A row of the detail pane's column table.
 *
 * @param name     column name
 * @param type     declared type
 * @param nullable "yes" or "no"
 * @param def      default expression or generated expression, or empty
 * @param identity identity description, or empty
 */
public record ColumnRow(String name, String type, String nullable, String def, String identity) {
}
