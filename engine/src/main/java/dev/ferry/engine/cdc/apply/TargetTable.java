package dev.ferry.engine.cdc.apply;

import dev.ferry.engine.load.ValueKind;
import dev.ferry.model.schema.DataType;
import dev.ferry.model.schema.Engine;
import dev.ferry.model.schema.QualifiedName;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Columns (name, kind) and primary key of a target table, read once through JDBC metadata. Immutable.
 *
 * @param name       the target table
 * @param columns    lower-cased name → exact column name
 * @param kinds      exact column name → value kind (decides conversion)
 * @param primaryKey exact primary-key column names in key order (empty when the table has none)
 * @param types      exact column name → declared fixed-point type with precision and scale (other columns absent)
 */
record TargetTable(QualifiedName name, Map<String, String> columns, Map<String, ValueKind> kinds, List<String> primaryKey,
                   Map<String, DataType> types) {

    TargetTable(QualifiedName name, Map<String, String> columns, Map<String, ValueKind> kinds, List<String> primaryKey) {
        this(name, columns, kinds, primaryKey, Map.of());
    }

    /**
     * The declared type of a target column for the converter's exactness checks: precision and scale of fixed-point
     * columns (from information_schema, so an unconstrained PostgreSQL numeric has none), else just the type name.
     */
    DataType type(String column) {
        return types.get(column); // null: nothing to check beyond the value kind
    }

    static TargetTable read(Connection c, Engine engine, QualifiedName table) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        String schema = table.schema();
        String catalog = null;
        if (engine == Engine.MYSQL) {
            catalog = schema == null ? c.getCatalog() : schema;
            schema = null;
        } else if (schema == null) {
            schema = c.getSchema();
        }
        Map<String, String> columns = new LinkedHashMap<>();
        Map<String, ValueKind> kinds = new LinkedHashMap<>();
        try (ResultSet rs = md.getColumns(catalog, schema, table.name(), null)) {
            while (rs.next()) {
                String col = rs.getString("COLUMN_NAME");
                String type = rs.getString("TYPE_NAME").toLowerCase(Locale.ROOT);
                String declared = type;
                if (engine == Engine.MYSQL) {
                    type = type.replace(" unsigned", "");
                    if (type.equals("bit") && rs.getInt("COLUMN_SIZE") > 1) {
                        declared = "bit(" + rs.getInt("COLUMN_SIZE") + ")";
                    }
                }
                columns.put(col.toLowerCase(Locale.ROOT), col);
                kinds.put(col, ValueKind.of(engine, DataType.of(type).withDeclared(declared)));
            }
        }
        if (columns.isEmpty()) {
            throw new SQLException("target table " + table + " does not exist or has no columns");
        }
        Map<Short, String> pk = new TreeMap<>();
        try (ResultSet rs = md.getPrimaryKeys(catalog, schema, table.name())) {
            while (rs.next()) {
                pk.put(rs.getShort("KEY_SEQ"), rs.getString("COLUMN_NAME"));
            }
        }
        Map<String, DataType> types = new LinkedHashMap<>();
        try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT column_name, data_type, numeric_precision, numeric_scale"
                + " FROM information_schema.columns WHERE table_schema = ? AND table_name = ?"
                + " AND lower(data_type) IN ('numeric', 'decimal')")) {
            ps.setString(1, engine == Engine.MYSQL ? catalog : schema);
            ps.setString(2, table.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int precision = rs.getInt(3);
                    boolean constrained = !rs.wasNull() && precision > 0;
                    int scale = rs.getInt(4);
                    types.put(rs.getString(1), constrained
                            ? DataType.of(rs.getString(2).toLowerCase(Locale.ROOT), null, precision, scale, null)
                            : DataType.of(rs.getString(2).toLowerCase(Locale.ROOT)));
                }
            }
        }
        return new TargetTable(table, columns, kinds, new ArrayList<>(pk.values()), types);
    }

    /** The target column for a source column name (exact, else case-insensitive), or {@code null}. */
    String column(String sourceName) {
        if (kinds.containsKey(sourceName)) {
            return sourceName;
        }
        return columns.get(sourceName.toLowerCase(Locale.ROOT));
    }
}
