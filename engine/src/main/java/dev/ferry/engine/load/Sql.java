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
        return rangePredicate(engine, List.of(column), range);
    }

    /**
     * A WHERE clause (with a leading space) restricting the key tuple {@code columns} (at least the range's arity; the
     * first {@link KeyRange#arity()} are used) to {@code range}, or "" for a whole range. Integer ranges read
     * {@code k >= lo AND k < hi}; tuple ranges {@code (k1, k2) > (..) AND (k1, k2) <= (..)} (row-value comparison:
     * PostgreSQL, MySQL/MariaDB, SQLite 3.15+), every bound value a literal escaped for {@code engine} (see
     * {@link #literal}), so the statement needs no parameters (PostgreSQL's COPY takes none) and the source compares with
     * its own types and collations.
     */
    public static String rangePredicate(Engine engine, List<String> columns, KeyRange range) {
        if (range.isWhole() || range.partition() != null) {
            return ""; // a partition unit reads its partition whole (see from)
        }
        if (engine == Engine.POSTGRESQL && columns.size() == 1 && TableJob.CTID.equals(columns.get(0))) {
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
        int n = range.arity();
        if (columns.size() < n) {
            throw new IllegalArgumentException("range " + range + " needs " + n + " key columns, got " + columns);
        }
        String c = n == 1 ? quote(engine, columns.get(0))
                : "(" + columns.subList(0, n).stream().map(k -> quote(engine, k)).collect(Collectors.joining(", ")) + ")";
        StringBuilder sb = new StringBuilder(" WHERE ");
        if (range.lower() != null) {
            sb.append(c).append(range.upperInclusive() ? " > " : " >= ").append(tuple(engine, range.lower()));
        }
        if (range.upper() != null) {
            if (range.lower() != null) {
                sb.append(" AND ");
            }
            sb.append(c).append(range.upperInclusive() ? " <= " : " < ").append(tuple(engine, range.upper()));
        }
        return sb.toString();
    }

    /**
     * The FROM target of one range of {@code table}: the table, or for a DMS {@code partitions-list} unit the
     * PostgreSQL partition itself (its quoted name from the catalog) or MySQL's {@code t PARTITION (`p`)}.
     */
    public static String from(Engine engine, QualifiedName table, KeyRange range) {
        if (range.partition() == null) {
            return quote(engine, table);
        }
        if (engine == Engine.POSTGRESQL) {
            return range.partition();
        }
        if (engine == Engine.MYSQL) {
            return quote(engine, table) + " PARTITION (" + quote(engine, range.partition()) + ")";
        }
        throw new IllegalArgumentException("partition units need a PostgreSQL or MySQL/MariaDB source");
    }

    private static String tuple(Engine engine, List<Object> values) {
        if (values.size() == 1) {
            return literal(engine, values.get(0));
        }
        return "(" + values.stream().map(v -> literal(engine, v)).collect(Collectors.joining(", ")) + ")";
    }

    /**
     * A range bound value as a literal of {@code engine}: numbers as written; text as a string literal that reads the
     * same whatever the session settings (PostgreSQL {@code E'..'} with backslashes and quotes doubled, so
     * {@code standard_conforming_strings} does not matter; MySQL/MariaDB {@code _utf8mb4 X'..'} — no escaping that
     * {@code NO_BACKSLASH_ESCAPES} could change, and a literal's coercibility, so the column's collation decides;
     * SQLite {@code '..'} with quotes doubled); binary values as {@code E'\\x..'::bytea} / {@code X'..'}.
     */
    public static String literal(Engine engine, Object v) {
        if (v instanceof Long || v instanceof java.math.BigInteger) {
            return v.toString();
        }
        if (v instanceof java.math.BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                throw new IllegalArgumentException("range bound " + d + " cannot be written as a literal");
            }
            return d.toString();
        }
        if (v instanceof KeyRange.Bytes b) {
            return engine == Engine.POSTGRESQL ? "E'\\\\x" + b.hex() + "'::bytea" : "X'" + b.hex() + "'";
        }
        if (v instanceof String s) {
            if (s.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("range bound contains a NUL character");
            }
            switch (engine) {
                case POSTGRESQL:
                    return "E'" + s.replace("\\", "\\\\").replace("'", "''") + "'";
                case MYSQL:
                    return s.isEmpty() ? "''" : "_utf8mb4 X'"
                            + java.util.HexFormat.of().formatHex(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "'";
                default:
                    return "'" + s.replace("'", "''") + "'";
            }
        }
        throw new IllegalArgumentException("unsupported range bound value " + v);
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
