package dev.ferry.converter.parse.mysql;

import java.util.List;

/**
 * One statement of a MySQL / MariaDB script: either parsed ({@code handle} present) or failed ({@code error}).
 *
 * @param kind       what the statement does (for a failed statement: the best guess from its first words)
 * @param objectName the name of the object it creates / alters / drops / inserts into, exactly as written
 *                   (backticks and schema qualifier kept, e.g. {@code `sakila`.`film`}); {@code null} when none
 * @param text       the statement text without its delimiter
 * @param span       where it sits in the file
 * @param handle     the parse tree, {@code null} when the statement failed or is a client command
 * @param error      the syntax error, {@code null} when parsed
 */
public record MySqlParsedStatement(MySqlStatementKind kind, String objectName, String text, MySqlSpan span,
                                   MySqlStatementHandle handle, MySqlParsingException error) {

    public boolean isParsed() {
        return error == null;
    }

    /** The last part of {@link #objectName()} without quotes ({@code `sakila`.`film`} → {@code film}); null if none. */
    public String simpleName() {
        if (objectName == null) {
            return null;
        }
        List<String> parts = MySqlNames.split(objectName);
        return parts.get(parts.size() - 1);
    }

    @Override
    public String toString() {
        return kind + (objectName == null ? "" : " " + objectName) + " @" + span
                + (error == null ? "" : " ERROR " + error.getMessage());
    }
}
