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
 * Maps Oracle column types to PostgreSQL types. User {@link TypeMappingRule}s win over the defaults (the most specific
 * rule, see {@link TypeMappingRule#resolve}); which rule applied is reported per column.
 *
 * <p>Defaults: {@code NUMBER(p,0)} → smallint (p ≤ 4) / integer (p ≤ 9) / bigint (p ≤ 18) / numeric(p);
 * {@code NUMBER(p,s)} → numeric(p,s); {@code NUMBER} and {@code NUMBER(*)} → numeric (+ item);
 * {@code NUMBER(*,0)} → numeric(38,0) (keeps Oracle's 38-digit range rather than risking bigint overflow);
 * {@code INTEGER/INT/SMALLINT} (Oracle's NUMBER(38)) → bigint (scripts use INTEGER for ordinary keys and identity
 * columns, which PostgreSQL requires to be an integer type; an INFO item notes the narrower range);
 * DATE → timestamp(0) (Oracle dates carry a time of day).
 *
 * <p>Threading: immutable and thread-safe.
 */
public final class OracleToPostgresTypes {

    /**
     * The mapped type.
     *
     * @param sqlType     the PostgreSQL type text
     * @param rule        the user rule that decided it, or {@code null} for the default mapping
     * @param actionItems items about the mapping (precision loss, unknown types...)
     * @param mapped      false when no mapping exists (the column cannot be created as is)
     */
    public record Mapping(String sqlType, TypeMappingRule rule, List<ActionItem> actionItems, boolean mapped) {
        public Mapping {
            actionItems = List.copyOf(actionItems);
        }
    }

    private final TypeRules rules;

    public OracleToPostgresTypes() {
        this(List.of());
    }

    public OracleToPostgresTypes(List<TypeMappingRule> rules) {
        this.rules = new TypeRules(rules);
    }

    /** Maps the type of {@code schema.table.column}; names are the source (Oracle) spellings, used for rule scopes. */
    public Mapping map(String schema, String table, String column, DataType type) {
        Optional<TypeRules.Applied> applied = rules.apply(schema, table, column, type,
                () -> defaultMapping(column, type).sqlType());
        if (applied.isPresent()) {
            TypeRules.Applied a = applied.get();
            return new Mapping(a.targetType(), a.rule(), a.items(), a.targetType() != null);
        }
        return defaultMapping(column, type);
    }

    /** The default mapping without rules. */
    public static Mapping defaultMapping(String column, DataType type) {
        List<ActionItem> items = new ArrayList<>();
        String n = type.name().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
        Integer p = type.precision();
        Integer s = type.scale();
        String sql;
        switch (n) {
            case "number": case "numeric": case "decimal": case "dec":
                sql = number(column, type, p, s, items);
                break;
            case "integer": case "int": case "smallint":
                // Oracle INTEGER is NUMBER(38); bigint covers every realistic key and can back an identity
                sql = "bigint";
                items.add(new ActionItem(ActionCode.NUMBER_STAR_SCALE_ZERO.code(), ActionCode.NUMBER_STAR_SCALE_ZERO.severity(),
                        "Column " + column + ": " + type.declared() + " (Oracle NUMBER(38)) → bigint",
                        "Values beyond ±9223372036854775807 would overflow; map to numeric(38,0) with a rule if they occur.", 0, 0, 0));
                break;
            case "float":
                sql = "double precision";
                if (p != null && p > 53) {
                    sql = "numeric";
                }
                items.add(ActionItem.of(ActionCode.FLOAT_BINARY_PRECISION, "Column " + column + ": " + type.declared()
                        + " → " + sql));
                break;
            case "real":
                sql = "double precision";
                break;
            case "double precision":
            case "binary_double":
                sql = "double precision";
                break;
            case "binary_float":
                sql = "real";
                break;
            case "varchar2": case "varchar": case "nvarchar2": case "character varying": case "char varying":
            case "national character varying": case "national char varying":
                sql = type.length() == null ? "varchar" : "varchar(" + type.length() + ")";
                break;
            case "char": case "nchar": case "character": case "national character": case "national char":
                sql = "char(" + (type.length() == null ? 1 : type.length()) + ")";
                break;
            case "clob": case "nclob":
                sql = "text";
                break;
            case "long":
                sql = "text";
                items.add(ActionItem.of(ActionCode.LONG_TYPE, "Column " + column + ": LONG → text"));
                break;
            case "blob": case "bfile":
                sql = "bytea";
                if (n.equals("bfile")) {
                    items.add(ActionItem.of(ActionCode.UNSUPPORTED_FEATURE, "Column " + column
                            + ": BFILE points to a file outside the database; it became bytea and the files must be loaded separately"));
                }
                break;
            case "raw":
                sql = "bytea";
                break;
            case "long raw":
                sql = "bytea";
                items.add(ActionItem.of(ActionCode.LONG_TYPE, "Column " + column + ": LONG RAW → bytea"));
                break;
            case "date":
                sql = "timestamp(0)";
                break;
            case "timestamp":
                sql = "timestamp(" + fractional(p) + ")";
                break;
            case "timestamp with time zone": case "timestamp with local time zone":
                sql = "timestamptz(" + fractional(p) + ")";
                break;
            case "interval year to month":
                sql = "interval year to month";
                break;
            case "interval day to second":
                sql = "interval day to second(" + fractional(s != null ? s : null) + ")";
                break;
            case "xmltype": case "sys.xmltype":
                sql = "xml";
                break;
            case "json":
                sql = "jsonb";
                break;
            case "boolean":
                sql = "boolean";
                break;
            case "rowid": case "urowid":
                sql = "text";
                items.add(ActionItem.of(ActionCode.ROWID_TYPE, "Column " + column + ": " + type.declared() + " → text"));
                break;
            default:
                if (n.contains(".") || n.matches("[a-z_$#][a-z0-9_$#]*")) {
                    items.add(ActionItem.of(ActionCode.USER_DEFINED_TYPE, "Column " + column + ": type "
                            + type.declared() + " is a user-defined or unknown type"));
                } else {
                    items.add(ActionItem.of(ActionCode.UNKNOWN_TYPE, "Column " + column + ": no mapping for "
                            + type.declared()));
                }
                return new Mapping(null, null, items, false);
        }
        return new Mapping(sql, null, items, true);
    }

    private static int fractional(Integer p) {
        return p == null ? 6 : Math.min(6, p);
    }

    private static String number(String column, DataType type, Integer p, Integer s, List<ActionItem> items) {
        boolean star = type.declared() != null && type.declared().contains("*");
        if (p == null && s == null) {
            items.add(ActionItem.of(ActionCode.NUMBER_WITHOUT_PRECISION, "Column " + column + ": " + type.declared()
                    + " → numeric"));
            return "numeric";
        }
        if (p == null) { // NUMBER(*, s)
            if (s == 0) {
                items.add(ActionItem.of(ActionCode.NUMBER_STAR_SCALE_ZERO, "Column " + column + ": " + type.declared()
                        + " → numeric(38,0)"));
                return "numeric(38,0)";
            }
            return "numeric(38," + s + ")";
        }
        int scale = s == null ? 0 : s;
        if (scale == 0 && !star) {
            if (p <= 4) {
                return "smallint";
            } else if (p <= 9) {
                return "integer";
            } else if (p <= 18) {
                return "bigint";
            }
            return "numeric(" + p + ")";
        }
        if (scale < 0 || scale > p) {
            // Oracle allows NUMBER(2,-3) and NUMBER(2,5); PostgreSQL 15+ does too for numeric(p,s) with -1000 <= s <= 1000
            return "numeric(" + p + "," + scale + ")";
        }
        return "numeric(" + p + "," + scale + ")";
    }
}
