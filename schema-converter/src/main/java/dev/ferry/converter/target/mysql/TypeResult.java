package dev.ferry.converter.target.mysql;

import dev.ferry.converter.assess.ActionItem;

import java.util.List;

/**
 * A column type mapped to MySQL.
 *
 * @param sql    the MySQL column type, e.g. {@code varchar(40)}, {@code decimal(10,2)}, {@code enum('a','b')};
 *               {@code null} when not mapped
 * @param items  items about the mapping
 * @param text   whether the type is TEXT/BLOB-like (cannot be keyed without a prefix length)
 */
public record TypeResult(String sql, List<ActionItem> items, boolean text) {

    public TypeResult {
        items = List.copyOf(items);
    }

    public static TypeResult of(String sql, ActionItem... items) {
        return new TypeResult(sql, List.of(items), isTextLike(sql));
    }

    public boolean mapped() {
        return sql != null;
    }

    /** Whether a MySQL type needs a prefix length to be indexed. */
    public static boolean isTextLike(String sql) {
        if (sql == null) {
            return false;
        }
        String t = sql.toLowerCase(java.util.Locale.ROOT);
        return t.endsWith("text") || t.endsWith("blob") || t.equals("json");
    }
}
