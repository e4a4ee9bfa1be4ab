package dev.ferry.converter.types;

import dev.ferry.converter.assess.ActionCode;
import dev.ferry.converter.assess.ActionItem;
import dev.ferry.model.project.TypeMappingRule;
import dev.ferry.model.schema.DataType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Maps SQLite declared column types to PostgreSQL types. SQLite keeps any declared type text and decides only an
 * <em>affinity</em> from it (https://www.sqlite.org/datatype3.html, 3.1): well-known names keep their meaning
 * ({@code varchar(40)} → {@code varchar(40)}, {@code datetime} → {@code timestamp}, {@code boolean} → {@code boolean},
 * {@code numeric(10,2)} → {@code numeric(10,2)}), every other name follows the affinity rules in order: contains
 * {@code INT} → {@code bigint} (SQLite integers are 64-bit), {@code CHAR}/{@code CLOB}/{@code TEXT} → {@code text},
 * {@code BLOB} → {@code bytea}, {@code REAL}/{@code FLOA}/{@code DOUB} → {@code double precision}, else {@code numeric}.
 * No declared type (or {@code ANY}) → {@code text} with an item. User {@link TypeMappingRule}s win over all of this.
 *
 * <p>Threading: immutable and thread-safe.
 */
public final class SqliteToPostgresTypes {

    /**
     * The mapped type.
     *
     * @param sqlType     the PostgreSQL type text
     * @param rule        the user rule that decided it, or {@code null}
     * @param actionItems items about the mapping (without positions)
     */
    public record Mapping(String sqlType, TypeMappingRule rule, List<ActionItem> actionItems) {
        public Mapping {
            actionItems = List.copyOf(actionItems);
        }
    }

    private final List<TypeMappingRule> rules;

    public SqliteToPostgresTypes(List<TypeMappingRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public SqliteToPostgresTypes() {
        this(List.of());
    }

    /** Maps the type of {@code schema.table.column} (source spellings, for rule scopes); rules match the base name. */
    public Mapping map(String schema, String table, String column, DataType type) {
        Optional<TypeRules.Applied> applied = new TypeRules(rules).apply(schema, table, column, type,
                () -> defaultMapping(column, type).sqlType());
        if (applied.isPresent() && applied.get().targetType() != null) {
            return new Mapping(applied.get().targetType(), applied.get().rule(), applied.get().items());
        }
        return defaultMapping(column, type);
    }

    /** The default mapping, without rules. */
    public static Mapping defaultMapping(String column, DataType type) {
        List<ActionItem> items = new ArrayList<>();
        String n = type.name().toLowerCase(Locale.ROOT).trim();
        Long len = type.length();
        Integer p = type.precision();
        Integer s = type.scale();
        String sql = switch (n) {
            case "none", "", "any" -> {
                items.add(ActionItem.of(ActionCode.SL_NO_DECLARED_TYPE, "Column " + column + " has no declared type"
                        + (n.equals("any") ? " (ANY)" : "") + ": it became text"));
                yield "text";
            }
            case "integer", "bigint", "int8", "unsigned big int" -> "bigint";
            case "int", "int4", "mediumint" -> "integer";
            case "smallint", "int2", "tinyint" -> "smallint";
            case "real", "double", "double precision", "float", "float8" -> "double precision";
            case "float4" -> "real";
            case "numeric", "decimal", "number" -> p == null ? "numeric" : "numeric(" + p + (s == null ? "" : "," + s) + ")";
            case "boolean", "bool" -> {
                items.add(ActionItem.of(ActionCode.SL_BOOLEAN, "Column " + column + ": " + type.declared() + " → boolean"));
                yield "boolean";
            }
            case "text", "clob", "string" -> "text";
            case "varchar", "character varying", "varying character", "nvarchar", "native character", "nchar varying",
                    "national varchar" -> len == null ? "text" : lengthChecked(column, type, "varchar(" + len + ")", items);
            case "char", "character", "nchar", "national character" ->
                    len == null ? "char(1)" : lengthChecked(column, type, "char(" + len + ")", items);
            case "blob", "binary", "varbinary", "bytea" -> "bytea";
            case "date" -> temporal(column, type, "date", items);
            case "datetime", "timestamp" -> temporal(column, type, "timestamp", items);
            case "timestamptz" -> temporal(column, type, "timestamptz", items);
            case "time" -> temporal(column, type, "time", items);
            case "json" -> "json";
            case "jsonb" -> "jsonb";
            case "uuid" -> "uuid";
            default -> affinity(column, type, n, items);
        };
        return new Mapping(sql, null, items);
    }

    private static String affinity(String column, DataType type, String n, List<ActionItem> items) {
        String upper = n.toUpperCase(Locale.ROOT);
        String sql;
        if (upper.contains("INT")) {
            sql = "bigint";
        } else if (upper.contains("CHAR") || upper.contains("CLOB") || upper.contains("TEXT")) {
            sql = "text";
        } else if (upper.contains("BLOB")) {
            sql = "bytea";
        } else if (upper.contains("REAL") || upper.contains("FLOA") || upper.contains("DOUB")) {
            sql = "double precision";
        } else {
            sql = "numeric";
        }
        items.add(ActionItem.of(ActionCode.SL_TYPE_AFFINITY, "Column " + column + ": declared type " + type.declared()
                + " has no PostgreSQL namesake; by SQLite's affinity rules it became " + sql));
        return sql;
    }

    private static String lengthChecked(String column, DataType type, String sql, List<ActionItem> items) {
        items.add(ActionItem.of(ActionCode.SL_LENGTH_NOT_ENFORCED, "Column " + column + ": " + type.declared() + " → " + sql
                + " (SQLite did not enforce the length)"));
        return sql;
    }

    private static String temporal(String column, DataType type, String sql, List<ActionItem> items) {
        items.add(ActionItem.of(ActionCode.SL_TEXT_TEMPORAL, "Column " + column + ": " + type.declared() + " → " + sql));
        return sql;
    }

    /**
     * A declared type text as SQLite's catalog reports it, e.g. {@code NVARCHAR(70)} → name {@code nvarchar}, length
     * 70; {@code NUMERIC(10,2)} → precision 10, scale 2; empty → {@code none}. The same shape the engine's SQLite catalog
     * reader produces, so scripts and live catalogs convert alike.
     */
    public static DataType parseDeclared(String declared) {
        String d = declared == null ? "" : declared.trim();
        if (d.isEmpty()) {
            return new DataType("none", null, null, null, null, false, false, List.of(), 0, "");
        }
        int open = d.indexOf('(');
        String name = (open < 0 ? d : d.substring(0, open)).trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        List<Integer> args = new ArrayList<>();
        if (open >= 0 && d.indexOf(')', open) > open) {
            for (String a : d.substring(open + 1, d.indexOf(')', open)).split(",")) {
                try {
                    args.add(Integer.parseInt(a.trim().replace("+", "")));
                } catch (NumberFormatException e) {
                    // non-numeric modifiers (SQLite allows them) carry no length or precision
                }
            }
        }
        Long length = null;
        Integer precision = null;
        Integer scale = null;
        if (!args.isEmpty()) {
            if (name.contains("char") || name.contains("clob") || name.contains("text") || name.contains("binary") || name.contains("blob")) {
                length = (long) args.get(0);
            } else {
                precision = args.get(0);
                scale = args.size() > 1 ? args.get(1) : (name.contains("dec") || name.contains("num") ? 0 : null);
            }
        }
        return new DataType(name, length, precision, scale, null, false, false, List.of(), 0, d);
    }
}
