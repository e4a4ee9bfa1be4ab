package dev.ferry.engine.cdc.mysql;

import dev.ferry.model.schema.QualifiedName;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the column facts of the captured tables from {@code information_schema.COLUMNS} (one query per table). The
 * binlog's table map carries only type codes; names, signedness, ENUM/SET members and character sets come from here.
 *
 * <p>Threading: stateless; uses the given connection from the calling thread only.
 */
public final class MySqlTableCatalog {

    private MySqlTableCatalog() {
    }

    /** Columns of every table in {@code tables} that exists, in ordinal order; missing tables are absent. */
    public static Map<QualifiedName, List<MySqlColumnInfo>> read(Connection c, Collection<QualifiedName> tables)
            throws SQLException {
        Map<QualifiedName, List<MySqlColumnInfo>> result = new LinkedHashMap<>();
        String sql = "select COLUMN_NAME, DATA_TYPE, COLUMN_TYPE, CHARACTER_SET_NAME, CHARACTER_MAXIMUM_LENGTH, COLUMN_KEY "
                + "from information_schema.COLUMNS where TABLE_SCHEMA = ? and TABLE_NAME = ? order by ORDINAL_POSITION";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (QualifiedName t : tables) {
                ps.setString(1, t.schema());
                ps.setString(2, t.name());
                List<String[]> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new String[]{rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                rs.getString(6)});
                    }
                }
                if (rows.isEmpty()) {
                    continue;
                }
                boolean hasPk = rows.stream().anyMatch(r -> "PRI".equals(r[5]));
                List<MySqlColumnInfo> cols = new ArrayList<>();
                for (String[] r : rows) {
                    String dataType = r[1].toLowerCase(Locale.ROOT);
                    String columnType = r[2];
                    boolean unsigned = columnType.toLowerCase(Locale.ROOT).contains("unsigned");
                    List<String> members = dataType.equals("enum") || dataType.equals("set") ? members(columnType) : List.of();
                    long length = r[4] == null ? 0 : Long.parseLong(r[4]);
                    cols.add(new MySqlColumnInfo(r[0], dataType, columnType, unsigned, members, r[3], length,
                            hasPk ? "PRI".equals(r[5]) : true));
                }
                result.put(t, List.copyOf(cols));
            }
        }
        return result;
    }

    /** The members of {@code enum('a','b''c')} / {@code set(...)}: quoted, with doubled quotes and backslash escapes. */
    static List<String> members(String columnType) {
        List<String> out = new ArrayList<>();
        int open = columnType.indexOf('(');
        int i = open + 1;
        while (i > 0 && i < columnType.length()) {
            char ch = columnType.charAt(i);
            if (ch == '\'') {
                StringBuilder sb = new StringBuilder();
                i++;
                while (i < columnType.length()) {
                    char d = columnType.charAt(i);
                    if (d == '\'' && i + 1 < columnType.length() && columnType.charAt(i + 1) == '\'') {
                        sb.append('\'');
                        i += 2;
                    } else if (d == '\\' && i + 1 < columnType.length()) {
                        sb.append(columnType.charAt(i + 1));
                        i += 2;
                    } else if (d == '\'') {
                        i++;
                        break;
                    } else {
                        sb.append(d);
                        i++;
                    }
                }
                out.add(sb.toString());
            } else if (ch == ')') {
                break;
            } else {
                i++;
            }
        }
        return out;
    }
}
