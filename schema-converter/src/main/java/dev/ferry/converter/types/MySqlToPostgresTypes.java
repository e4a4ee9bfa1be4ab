package dev.ferry.converter.types;

import dev.ferry.converter.assess.ActionCode;
import dev.ferry.converter.assess.ActionItem;
import dev.ferry.converter.naming.PostgresIdentifiers;
import dev.ferry.model.project.TypeMappingRule;
import dev.ferry.model.schema.DataType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Maps MySQL / MariaDB column types to PostgreSQL types. User {@link TypeMappingRule}s win over the defaults (the most
 * specific rule, see {@link TypeMappingRule#resolve}); which rule applied is reported per column.
 *
 * <p>Defaults: tinyint → smallint, {@code tinyint(1)}/bool → boolean (INFO); UNSIGNED integers → the next larger type
 * (bigint unsigned → numeric(20)) plus {@code CHECK (col >= 0)}; decimal(p,s) → numeric(p,s); float → real; double →
 * double precision; bit(1) → boolean, bit(n) → bit varying(n); char/varchar keep their length; the text family → text;
 * binary/blob family → bytea; datetime(n) → timestamp(n); timestamp(n) → timestamptz(n); time(n) → time(n); year →
 * smallint + range check; ENUM → varchar(longest value) + CHECK (a rule with target type {@code enum} asks for a
 * {@code CREATE TYPE ... AS ENUM}, see {@link Mapping#enumType()}); SET → text + CHECK on its members; json → jsonb;
 * spatial types → unmapped (PostGIS), unless a rule maps them.
 *
 * <p>Threading: immutable and thread-safe.
 */
public final class MySqlToPostgresTypes {

    /**
     * The mapped type.
     *
     * @param sqlType     the PostgreSQL type text
     * @param rule        the user rule that decided it, or {@code null} for the default mapping
     * @param actionItems items about the mapping
     * @param mapped      false when no mapping exists (the column cannot be created as is)
     * @param checks      CHECK conditions the column needs to keep MySQL's value range (column name already quoted)
     * @param enumType    true when the type is to be created as {@code CREATE TYPE ... AS ENUM} with the column's values
     */
    public record Mapping(String sqlType, TypeMappingRule rule, List<ActionItem> actionItems, boolean mapped,
                          List<String> checks, boolean enumType) {
        public Mapping {
            actionItems = List.copyOf(actionItems);
            checks = List.copyOf(checks);
        }
    }

    private final TypeRules rules;

    public MySqlToPostgresTypes() {
        this(List.of());
    }

    public MySqlToPostgresTypes(List<TypeMappingRule> rules) {
        this.rules = new TypeRules(rules);
    }

    /**
     * Maps the type of {@code schema.table.column} (source spellings, used for rule scopes). The rule's source type is
     * matched against the base name ({@code tinyint}, {@code enum}, {@code geometry} ...).
     */
    public Mapping map(String schema, String table, String column, DataType type) {
        Optional<TypeMappingRule> winner = rules.winner(schema, table, column, type);
        if (winner.isPresent() && "enum".equalsIgnoreCase(winner.get().targetType()) && type.name().equals("enum")) {
            TypeRules.Applied a = rules.apply(schema, table, column, type, () -> null).orElseThrow();
            return new Mapping(null, a.rule(), a.items(), true, List.of(), true);
        }
        Optional<TypeRules.Applied> applied = rules.apply(schema, table, column, type,
                () -> defaultMapping(column, type).sqlType());
        if (applied.isPresent()) {
            TypeRules.Applied a = applied.get();
            return new Mapping(a.targetType(), a.rule(), a.items(), a.targetType() != null, List.of(), false);
        }
        return defaultMapping(column, type);
    }

    /** The default mapping without rules; {@code column} is the source column name. */
    public static Mapping defaultMapping(String column, DataType type) {
        List<ActionItem> items = new ArrayList<>();
        List<String> checks = new ArrayList<>();
        String col = PostgresIdentifiers.quote(column.toLowerCase(Locale.ROOT));
        String n = type.name().toLowerCase(Locale.ROOT);
        Integer p = type.precision();
        Integer s = type.scale();
        Long len = type.length();
        boolean unsigned = type.unsigned();
        if (type.zerofill() && !n.equals("decimal")) {
            items.add(ActionItem.of(ActionCode.MY_ZEROFILL_DROPPED, "Column " + column + ": ZEROFILL dropped"));
        }
        String sql;
        switch (n) {
            case "tinyint":
                if (!unsigned && len != null && len == 1) {
                    items.add(ActionItem.of(ActionCode.MY_TINYINT1_TO_BOOLEAN, "Column " + column + ": tinyint(1) → boolean"));
                    sql = "boolean";
                } else {
                    sql = "smallint";
                    if (unsigned) {
                        checks.add(col + " BETWEEN 0 AND 255");
                        items.add(unsignedItem(column, type, sql));
                    }
                }
                break;
            case "bool": case "boolean":
                sql = "boolean";
                items.add(ActionItem.of(ActionCode.MY_TINYINT1_TO_BOOLEAN, "Column " + column + ": " + n + " (tinyint(1)) → boolean"));
                break;
            case "smallint":
                sql = unsigned ? "integer" : "smallint";
                break;
            case "mediumint":
                sql = "integer";
                break;
            case "int": case "integer":
                sql = unsigned ? "bigint" : "integer";
                break;
            case "bigint":
                sql = unsigned ? "numeric(20)" : "bigint";
                break;
            case "serial":
                sql = "numeric(20)";
                unsigned = true;
                break;
            case "decimal": case "numeric": case "dec": case "fixed":
                sql = p == null ? "numeric(10)" : "numeric(" + p + (s == null ? "" : "," + s) + ")";
                break;
            case "float":
                sql = p != null && p > 24 ? "double precision" : "real";
                break;
            case "double": case "double precision": case "real":
                sql = "double precision";
                break;
            case "bit":
                sql = len == null || len == 1 ? "boolean" : "bit varying(" + len + ")";
                break;
            case "char":
                sql = "char(" + (len == null ? 1 : len) + ")";
                break;
            case "varchar":
                sql = "varchar(" + len + ")";
                break;
            case "tinytext": case "text": case "mediumtext": case "longtext": case "long":
                sql = "text";
                break;
            case "binary": case "varbinary": case "tinyblob": case "blob": case "mediumblob": case "longblob":
                sql = "bytea";
                break;
            case "date":
                sql = "date";
                break;
            case "datetime":
                sql = "timestamp(" + (len == null ? 0 : len) + ")";
                break;
            case "timestamp":
                sql = "timestamptz(" + (len == null ? 0 : len) + ")";
                items.add(ActionItem.of(ActionCode.MY_TIMESTAMP_TO_TIMESTAMPTZ, "Column " + column + ": timestamp → timestamptz"));
                break;
            case "time":
                sql = "time(" + (len == null ? 0 : len) + ")";
                items.add(ActionItem.of(ActionCode.MY_TIME_RANGE, "Column " + column + ": time keeps only times of day"));
                break;
            case "year":
                sql = "smallint";
                checks.add(col + " = 0 OR " + col + " BETWEEN 1901 AND 2155");
                items.add(ActionItem.of(ActionCode.MY_YEAR_TO_SMALLINT, "Column " + column + ": year → smallint"));
                break;
            case "enum": {
                int max = type.values().stream().mapToInt(String::length).max().orElse(1);
                sql = "varchar(" + Math.max(1, max) + ")";
                checks.add(col + " IN (" + type.values().stream().map(MySqlToPostgresTypes::literal)
                        .collect(Collectors.joining(", ")) + ")");
                items.add(ActionItem.of(ActionCode.MY_ENUM_CONVERTED, "Column " + column + ": ENUM → " + sql + " with a CHECK"));
                break;
            }
            case "set":
                sql = "text";
                checks.add("string_to_array(" + col + ", ',') <@ ARRAY[" + type.values().stream().map(MySqlToPostgresTypes::literal)
                        .collect(Collectors.joining(", ")) + "]::text[]");
                items.add(ActionItem.of(ActionCode.MY_SET_CONVERTED, "Column " + column + ": SET → text with a CHECK on its members"));
                break;
            case "json":
                sql = "jsonb";
                break;
            case "geometry": case "point": case "linestring": case "polygon": case "multipoint": case "multilinestring":
            case "multipolygon": case "geometrycollection":
                // without PostGIS the value is kept as MySQL's internal bytes (4-byte SRID + WKB)
                items.add(ActionItem.of(ActionCode.MY_SPATIAL_TYPE, "Column " + column + ": " + type.declared()
                        + " kept as bytea (SRID + WKB); install PostGIS and map it to geometry"));
                sql = "bytea";
                break;
            default:
                items.add(ActionItem.of(ActionCode.MY_UNKNOWN_TYPE, "Column " + column + ": no mapping for " + type.declared()));
                return new Mapping(type.declared(), null, items, false, List.of(), false);
        }
        if (unsigned && n.matches("smallint|mediumint|int|integer|bigint|serial")) {
            checks.add(col + " >= 0");
            items.add(unsignedItem(column, type, sql));
        } else if (unsigned && n.matches("decimal|numeric|dec|fixed|float|double|real|double precision")) {
            checks.add(col + " >= 0");
            items.add(unsignedItem(column, type, sql));
        }
        return new Mapping(sql, null, items, true, checks, false);
    }

    private static ActionItem unsignedItem(String column, DataType type, String sql) {
        return ActionItem.of(ActionCode.MY_UNSIGNED_WIDENED, "Column " + column + ": " + type.declared() + " → " + sql
                + " with a range check");
    }

    /** A PostgreSQL string literal. */
    public static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
