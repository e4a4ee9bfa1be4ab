package dev.ferry.engine.cdc.sqlite;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Installs and removes Ferry's trigger-based change capture on a SQLite database. SQLite has no change log, so every
 * selected table gets three {@code AFTER} triggers ({@code ferry_cdc_<table>_ins/_upd/_del}) that write each changed
 * row into the capture table:
 *
 * <pre>
 * ferry_capture(seq INTEGER PRIMARY KEY, tbl TEXT, op TEXT ('INSERT'|'UPDATE'|'DELETE'),
 *               pk TEXT (JSON: key column values, old ones for UPDATE/DELETE), before TEXT (JSON, all columns),
 *               after TEXT (JSON, all columns), types TEXT (JSON: column -> declared type, in column order),
 *               at TEXT (UTC time of the change, ISO-8601))
 * </pre>
 *
 * <p>Values keep SQLite's storage class: INTEGER as a JSON integer, REAL as a JSON number with 17 significant digits
 * (always with a fraction or exponent, so {@code 1.0} stays distinguishable from {@code 1}; infinities as
 * {@code {"real":"Infinity"}}), TEXT as a JSON string, BLOB as {@code {"blob":"<hex>"}}, NULL as {@code null}. The
 * key is the declared primary key, or all columns when the table has none.
 *
 * <p>{@code seq} is a plain {@code INTEGER PRIMARY KEY} rather than {@code AUTOINCREMENT}: AUTOINCREMENT would create
 * {@code sqlite_sequence}, which SQLite never lets one drop, so {@link #uninstall} could not restore the schema. To keep
 * {@code seq} increasing without it, compaction never deletes the newest capture row (see
 * {@link SqliteStreamingSource}). SQLite admits one writer at a time, so {@code seq} order is commit order.
 *
 * <p>Threading: stateless; every method uses the given connection from the calling thread only.
 */
public final class SqliteTriggerCapture {

    /** The capture table. */
    public static final String CAPTURE_TABLE = "ferry_capture";
    /** Prefix of every trigger Ferry installs. */
    public static final String TRIGGER_PREFIX = "ferry_cdc_";

    private static final ObjectMapper JSON = new ObjectMapper();

    private SqliteTriggerCapture() {
    }

    /**
     * Creates the capture table (when missing) and the triggers of {@code tables} (replacing Ferry's triggers of
     * those tables), in one transaction.
     *
     * @throws SQLException naming the table when a table does not exist
     */
    public static void install(Connection conn, List<String> tables) throws SQLException {
        boolean auto = conn.getAutoCommit();
        conn.setAutoCommit(false);
        try (Statement st = conn.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS " + CAPTURE_TABLE + " (seq INTEGER PRIMARY KEY, tbl TEXT NOT NULL,"
                    + " op TEXT NOT NULL, pk TEXT, before TEXT, after TEXT, types TEXT, at TEXT NOT NULL)");
            for (String table : tables) {
                List<String[]> cols = columns(conn, table);
                if (cols.isEmpty()) {
                    throw new SQLException("cannot capture changes of SQLite table " + table + ": it does not exist");
                }
                List<String> key = new ArrayList<>();
                cols.stream().filter(c -> Integer.parseInt(c[2]) > 0)
                        .sorted((a, b) -> Integer.compare(Integer.parseInt(a[2]), Integer.parseInt(b[2])))
                        .forEach(c -> key.add(c[0]));
                if (key.isEmpty()) {
                    cols.forEach(c -> key.add(c[0]));
                }
                ObjectNode types = JSON.createObjectNode();
                cols.forEach(c -> types.put(c[0], c[1]));
                String typesLiteral = literal(types.toString());
                for (String[] t : new String[][]{{"ins", "INSERT"}, {"upd", "UPDATE"}, {"del", "DELETE"}}) {
                    String name = quote(TRIGGER_PREFIX + table + "_" + t[0]);
                    st.execute("DROP TRIGGER IF EXISTS " + name);
                    String before = t[1].equals("INSERT") ? "NULL" : rowJson(cols, "OLD");
                    String after = t[1].equals("DELETE") ? "NULL" : rowJson(cols, "NEW");
                    String pk = keyJson(cols, key, t[1].equals("INSERT") ? "NEW" : "OLD");
                    st.execute("CREATE TRIGGER " + name + " AFTER " + t[1] + " ON " + quote(table) + " BEGIN INSERT INTO "
                            + CAPTURE_TABLE + " (tbl, op, pk, before, after, types, at) VALUES (" + literal(table) + ", '"
                            + t[1] + "', " + pk + ", " + before + ", " + after + ", " + typesLiteral
                            + ", strftime('%Y-%m-%dT%H:%M:%fZ', 'now')); END");
                }
            }
            conn.commit();
        } catch (SQLException | RuntimeException e) {
            conn.rollback();
            throw e;
        } finally {
            conn.setAutoCommit(auto);
        }
    }

    /**
     * Removes every Ferry capture trigger and, when {@code dropCaptureTable}, the capture table with its unread rows;
     * afterwards {@code sqlite_schema} is as before {@link #install}.
     */
    public static void uninstall(Connection conn, boolean dropCaptureTable) throws SQLException {
        boolean auto = conn.getAutoCommit();
        conn.setAutoCommit(false);
        try (Statement st = conn.createStatement()) {
            List<String> triggers = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement(
                    "SELECT name FROM sqlite_master WHERE type = 'trigger' AND substr(name, 1, ?) = ?")) {
                ps.setInt(1, TRIGGER_PREFIX.length());
                ps.setString(2, TRIGGER_PREFIX);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        triggers.add(rs.getString(1));
                    }
                }
            }
            for (String t : triggers) {
                st.execute("DROP TRIGGER IF EXISTS " + quote(t));
            }
            if (dropCaptureTable) {
                st.execute("DROP TABLE IF EXISTS " + CAPTURE_TABLE);
            }
            conn.commit();
        } catch (SQLException | RuntimeException e) {
            conn.rollback();
            throw e;
        } finally {
            conn.setAutoCommit(auto);
        }
    }

    /** Whether the capture table exists. */
    public static boolean isInstalled(Connection conn) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            ps.setString(1, CAPTURE_TABLE);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** {name, declared type, pk index} of each column. */
    private static List<String[]> columns(Connection conn, String table) throws SQLException {
        List<String[]> cols = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT name, type, pk FROM pragma_table_info(?) ORDER BY cid")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    cols.add(new String[]{rs.getString(1), rs.getString(2) == null ? "" : rs.getString(2), rs.getString(3)});
                }
            }
        }
        return cols;
    }

    private static String rowJson(List<String[]> cols, String row) {
        StringBuilder sb = new StringBuilder("json_object(");
        for (int i = 0; i < cols.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(literal(cols.get(i)[0])).append(", ").append(value(row + "." + quote(cols.get(i)[0])));
        }
        return sb.append(')').toString();
    }

    private static String keyJson(List<String[]> cols, List<String> key, String row) {
        StringBuilder sb = new StringBuilder("json_object(");
        for (int i = 0; i < key.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(literal(key.get(i))).append(", ").append(value(row + "." + quote(key.get(i))));
        }
        return sb.append(')').toString();
    }

    /** The JSON value of one column reference, keeping the storage class. */
    private static String value(String ref) {
        return "CASE typeof(" + ref + ")"
                + " WHEN 'blob' THEN json_object('blob', hex(" + ref + "))"
                + " WHEN 'real' THEN CASE WHEN " + ref + " = 9e999 THEN json_object('real', 'Infinity')"
                + " WHEN " + ref + " = -9e999 THEN json_object('real', '-Infinity')"
                + " ELSE json(printf('%!.17g', " + ref + ")) END"
                + " ELSE " + ref + " END";
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
