package dev.ferry.engine.cdc.mysql;

import java.util.List;

/**
 * Catalog facts about one column of a captured table that the binlog does not carry reliably: the declared type,
 * signedness, ENUM/SET members, character set and key membership. Immutable and thread-safe.
 *
 * @param name       column name
 * @param dataType   {@code information_schema.COLUMNS.DATA_TYPE}, lower case ({@code int}, {@code varchar}, ...)
 * @param columnType {@code COLUMN_TYPE}, e.g. {@code int(10) unsigned}, {@code enum('a','b')}
 * @param unsigned   whether the numeric column is UNSIGNED
 * @param members    ENUM/SET members in declaration order, empty otherwise
 * @param charset    the column's character set name ({@code utf8mb4}), {@code null} for non-character columns
 * @param length     character / byte length ({@code CHARACTER_MAXIMUM_LENGTH}), 0 when none
 * @param key        part of the primary key (all columns when the table has none)
 */
public record MySqlColumnInfo(String name, String dataType, String columnType, boolean unsigned, List<String> members,
                              String charset, long length, boolean key) {
    public MySqlColumnInfo {
        members = List.copyOf(members);
    }
}
