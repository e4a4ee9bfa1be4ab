package dev.ferry.engine.load;

import dev.ferry.model.schema.Engine;
import dev.ferry.model.schema.QualifiedName;

import java.util.List;
import java.util.stream.Collectors;

/** Identifier quoting and small SQL fragments per engine. Stateless, thread-safe. */
public final class Sql {

    private Sql() {
    }

    /**
     * Quotes an identifier for {@code engine} (always: names are never verified as safe here). SQLite gets grave
     * accents, not double quotes: SQLite reads a double-quoted name that matches no column as a STRING LITERAL, which
     * would turn a wrong column name into a silently loaded constant.
     */
    public static String quote(Engine engine, String identifier) {
        if (engine == Engine.MYSQL || engine == Engine.SQLITE) {
            return "`" + identifier.replace("`", "``") + "`";
        }
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    public static String quote(Engine engine, QualifiedName name) {
        if (name.schema() == null || name.schema().isEmpty() || (engine == Engine.SQLITE && "main".equals(name.schema()))) {
            return quote(engine, name.name());
        }
        return quote(engine, name.schema()) + "." + quote(engine, name.name());
    }

    public static String columnList(Engine engine, List<String> columns) {
        return columns.stream().map(c -> quote(engine, c)).collect(Collectors.joining(", "));
    }

    /** A qualified control-table name in {@code schema} (or unqualified when {@code schema} is null). */
    public static String control(Engine engine, String schema, String table) {
        return quote(engine, new QualifiedName(schema, table));
    }

    /** A WHERE clause (with a leading space) restricting {@code column} to {@code range}, or "" for a whole range. */
    public static String rangePredicate(Engine engine, String column, KeyRange range) {
        if (range.isWhole()) {
            return "";
        }
        if (engine == Engine.POSTGRESQL && TableJob.CTID.equals(column)) {
            // heap block ranges of a keyless table (a TID range scan on PostgreSQL 14+)
            StringBuilder sb = new StringBuilder(" WHERE ");
            if (range.lo() != null) {
                sb.append("ctid >= '(").append(range.lo()).append(",0)'::tid");
            }
            if (range.hi() != null) {
                sb.append(range.lo() != null ? " AND " : "").append("ctid < '(").append(range.hi()).append(",0)'::tid");
            }
            return sb.toString();
        }
        StringBuilder sb = new StringBuilder(" WHERE ");
        String c = quote(engine, column);
        if (range.lo() != null) {
            sb.append(c).append(" >= ").append(range.lo());
        }
        if (range.hi() != null) {
            if (range.lo() != null) {
                sb.append(" AND ");
            }
            sb.append(c).append(" < ").append(range.hi());
        }
        return sb.toString();
    }

    /**
     * Makes a MySQL/MariaDB session exchange TIMESTAMP values in UTC ({@code SET time_zone = '+00:00'}): TIMESTAMP is an
     * instant shown in the session's zone, so readers, writers and the validator must agree on one zone whatever the
     * server's default. DATETIME is unaffected. No-op on other engines. Allowed inside a snapshot transaction.
     */
    public static void utcSession(Engine engine, java.sql.Connection c) throws java.sql.SQLException {
        if (engine == Engine.MYSQL) {
            try (java.sql.Statement st = c.createStatement()) {
                st.execute("SET time_zone = '+00:00'");
            }
        }
    }
}
