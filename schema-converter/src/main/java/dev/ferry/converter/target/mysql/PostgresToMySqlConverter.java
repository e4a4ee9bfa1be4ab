package dev.ferry.converter.target.mysql;

import dev.ferry.converter.assess.ActionCode;
import dev.ferry.converter.assess.ActionItem;
import dev.ferry.converter.parse.TargetSql;
import dev.ferry.converter.parse.TreeTextEmitter;
import dev.ferry.converter.parse.postgres.PostgresToMySqlSql;
import dev.ferry.model.schema.Column;
import dev.ferry.model.schema.DataType;
import dev.ferry.model.schema.Engine;
import dev.ferry.model.schema.Table;
import dev.ferry.model.schema.UserType;
import dev.ferry.model.schema.View;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * PostgreSQL → MySQL / MariaDB. Types: serial/identity → AUTO_INCREMENT integers, {@code numeric(p,s)} →
 * {@code decimal(p,s)}, text → longtext (varchar(255) in keys), bytea → longblob, boolean → tinyint(1),
 * timestamptz → datetime(6), arrays → json, enum types → inline ENUM, domains → their base type (all with items);
 * expressions and view queries through {@link PostgresToMySqlSql}. PL/pgSQL routines and triggers are MANUAL with
 * recommendations.
 *
 * <p>Threading: stateless; see {@link AbstractToMySqlConverter}.
 */
public final class PostgresToMySqlConverter extends AbstractToMySqlConverter {

    @Override
    public Engine source() {
        return Engine.POSTGRESQL;
    }

    private static PostgresToMySqlSql sql(Context cx) {
        java.util.Set<String> userTypes = new java.util.HashSet<>();
        cx.source.types().stream().filter(t -> t.kind() == UserType.Kind.ENUM || t.kind() == UserType.Kind.DOMAIN)
                .forEach(t -> {
                    userTypes.add(t.name().toLowerCase(Locale.ROOT));
                    userTypes.add(cx.source.name().toLowerCase(Locale.ROOT) + "." + t.name().toLowerCase(Locale.ROOT));
                });
        return new PostgresToMySqlSql(cx::name, cx::isTemporal, userTypes).withSequences(seq -> cx.source.sequences().stream()
                .anyMatch(s -> s.name().equalsIgnoreCase(seq) && s.ownedBy() == null))
                .withTextColumns(col -> cx.source.tables().stream().flatMap(t -> t.columns().stream()).filter(c -> c.name().equals(col))
                        .allMatch(c -> c.type().arrayDimensions() == 0 && List.of("text", "character varying", "varchar", "character",
                                "char", "bpchar", "citext", "name").contains(c.type().name().toLowerCase(Locale.ROOT)))
                        && cx.source.tables().stream().flatMap(t -> t.columns().stream()).anyMatch(c -> c.name().equals(col)));
    }

    @Override
    protected TargetSql expression(Context cx, String pg, Use use) {
        return sql(cx).expression(pg);
    }

    @Override
    protected TargetSql query(Context cx, View view) {
        return sql(cx).query(view.definition());
    }

    @Override
    protected String defaultValue(Context cx, Table table, Column column, TypeResult type, List<ActionItem> items) {
        if (type.sql().equals("tinyint(1)")) {
            String d = column.defaultExpression().trim().toLowerCase(Locale.ROOT);
            if (d.equals("true") || d.equals("false")) {
                return d.equals("true") ? "1" : "0";
            }
        }
        return super.defaultValue(cx, table, column, type, items);
    }

    @Override
    protected TypeResult mapType(Context cx, Table table, Column c, boolean key) {
        DataType t = c.type();
        String where = table.name() + "." + c.name();
        if (t.arrayDimensions() > 0) {
            return TypeResult.of("json", ActionItem.of(ActionCode.TO_MY_ARRAY_TO_JSON, "Column " + where + " (" + t.declared() + ") became json"));
        }
        String n = t.name().toLowerCase(Locale.ROOT);
        n = n.startsWith("pg_catalog.") ? n.substring(11) : n;
        Long len = t.length();
        Integer p = t.precision();
        Integer s = t.scale();
        switch (n) {
            case "smallint": case "int2": case "smallserial":
                return TypeResult.of("smallint");
            case "integer": case "int": case "int4": case "serial":
                return TypeResult.of("int");
            case "bigint": case "int8": case "bigserial":
                return TypeResult.of("bigint");
            case "numeric": case "decimal":
                if (p == null) {
                    return TypeResult.of("decimal(65,30)", ActionItem.of(ActionCode.TO_MY_UNBOUNDED_NUMERIC, "Column " + where + " numeric → decimal(65,30)"));
                }
                if (p > 65 || (s != null && s > 30)) {
                    return TypeResult.of("decimal(65,30)", ActionItem.of(ActionCode.TO_MY_UNBOUNDED_NUMERIC, "Column " + where
                            + " numeric(" + p + "," + s + ") exceeds MySQL's decimal(65,30)"));
                }
                return TypeResult.of("decimal(" + p + "," + (s == null ? 0 : s) + ")");
            case "real": case "float4":
                return TypeResult.of("float");
            case "double precision": case "float8":
                return TypeResult.of("double");
            case "money":
                return TypeResult.of("decimal(19,2)", approx(where, "money", "decimal(19,2)"));
            case "boolean": case "bool":
                return TypeResult.of("tinyint(1)", ActionItem.of(ActionCode.TO_MY_BOOLEAN_TINYINT, "Column " + where + " boolean → tinyint(1)"));
            case "character varying": case "varchar":
                return text(where, len, false, key);
            case "character": case "char": case "bpchar":
                return text(where, len, true, key);
            case "text": case "citext": case "name":
                return text(where, null, false, key);
            case "bytea":
                return key ? TypeResult.of("varbinary(255)", ActionItem.of(ActionCode.TO_MY_KEY_TEXT_TO_VARCHAR,
                        "Key column " + where + " bytea → varbinary(255)")) : TypeResult.of("longblob");
            case "date":
                return TypeResult.of("date");
            case "timestamp without time zone": case "timestamp":
                return TypeResult.of("datetime(" + frac(p) + ")");
            case "timestamp with time zone": case "timestamptz":
                return TypeResult.of("datetime(" + frac(p) + ")", ActionItem.of(ActionCode.TO_MY_TIME_ZONE_DROPPED,
                        "Column " + where + " " + t.declared() + " → datetime(" + frac(p) + ")"));
            case "time without time zone": case "time":
                return TypeResult.of("time(" + frac(p) + ")");
            case "time with time zone": case "timetz":
                return TypeResult.of("time(" + frac(p) + ")", ActionItem.of(ActionCode.TO_MY_TIME_ZONE_DROPPED,
                        "Column " + where + " " + t.declared() + " → time(" + frac(p) + ")"));
            case "interval":
                return TypeResult.of("varchar(64)", approx(where, "interval", "varchar(64)"));
            case "uuid":
                return TypeResult.of("char(36)", approx(where, "uuid", "char(36)"));
            case "json": case "jsonb":
                return TypeResult.of("json", ActionItem.of(ActionCode.TO_MY_JSON, "Column " + where + " " + n + " → json"));
            case "xml":
                return TypeResult.of("longtext", approx(where, "xml", "longtext"));
            case "inet": case "cidr":
                return TypeResult.of("varchar(43)", approx(where, n, "varchar(43)"));
            case "macaddr": case "macaddr8":
                return TypeResult.of("varchar(23)", approx(where, n, "varchar(23)"));
            case "bit":
                return TypeResult.of("bit(" + (len == null ? 1 : len) + ")");
            case "bit varying": case "varbit":
                return TypeResult.of("varchar(" + (len == null ? 255 : len) + ")", approx(where, n, "varchar"));
            case "oid":
                return TypeResult.of("bigint unsigned");
            default:
                return userType(cx, where, n, key, table, c);
        }
    }

    private TypeResult userType(Context cx, String where, String n, boolean key, Table table, Column c) {
        String simple = n.contains(".") ? n.substring(n.lastIndexOf('.') + 1) : n;
        Optional<UserType> ut = cx.source.types().stream().filter(x -> x.name().equalsIgnoreCase(simple.replace("\"", ""))).findFirst();
        if (ut.isPresent() && ut.get().kind() == UserType.Kind.ENUM) {
            return TypeResult.of("enum(" + ut.get().labels().stream().map(TreeTextEmitter::mysqlString).collect(Collectors.joining(",")) + ")",
                    ActionItem.of(ActionCode.TO_MY_ENUM_INLINE, "Column " + where + ": enum type " + ut.get().name() + " became ENUM(...)"));
        }
        if (ut.isPresent() && ut.get().kind() == UserType.Kind.DOMAIN && ut.get().elementType() != null) {
            DataType base = dev.ferry.model.schema.DataType.of(baseName(ut.get().elementType()), length(ut.get().elementType()),
                    precision(ut.get().elementType(), 0), precision(ut.get().elementType(), 1), ut.get().elementType());
            TypeResult r = mapType(cx, table, new Column(c.name(), c.position(), base, c.nullable(), null, null, null, false,
                    null, null, null), key);
            if (!r.mapped()) {
                return r;
            }
            return new TypeResult(r.sql(), concat(r.items(), ActionItem.of(ActionCode.TO_MY_DOMAIN_BASE_TYPE, "Column " + where
                    + ": domain " + ut.get().name() + " became " + r.sql())), r.text());
        }
        return new TypeResult(null, List.of(ActionItem.of(ActionCode.TO_MY_UNKNOWN_TYPE, "Column " + where + ": type " + n
                + " has no MySQL mapping")), false);
    }

    private static List<ActionItem> concat(List<ActionItem> a, ActionItem b) {
        List<ActionItem> out = new java.util.ArrayList<>(a);
        out.add(b);
        return out;
    }

    /** {@code character varying(30)} → {@code character varying}. */
    private static String baseName(String declared) {
        int i = declared.indexOf('(');
        return (i < 0 ? declared : declared.substring(0, i) + declared.substring(declared.indexOf(')') + 1)).trim();
    }

    private static List<Integer> args(String declared) {
        int i = declared.indexOf('(');
        int j = declared.indexOf(')');
        if (i < 0 || j < i) {
            return List.of();
        }
        return java.util.Arrays.stream(declared.substring(i + 1, j).split(",")).map(String::trim).map(Integer::valueOf).toList();
    }

    private static Long length(String declared) {
        String b = baseName(declared);
        List<Integer> a = args(declared);
        return !a.isEmpty() && (b.startsWith("char") || b.startsWith("varchar") || b.startsWith("bit")) ? (long) a.get(0) : null;
    }

    private static Integer precision(String declared, int index) {
        String b = baseName(declared);
        List<Integer> a = args(declared);
        return a.size() > index && !(b.startsWith("char") || b.startsWith("varchar") || b.startsWith("bit")) ? a.get(index) : null;
    }

    private static int frac(Integer p) {
        return p == null ? 6 : Math.min(p, 6);
    }

    private static ActionItem approx(String where, String from, String to) {
        return ActionItem.of(ActionCode.TO_MY_TYPE_APPROXIMATED, "Column " + where + ": " + from + " → " + to);
    }

    /** varchar/char/text: bounded when short enough, else longtext; varchar(255) for an unbounded key column. */
    static TypeResult text(String where, Long len, boolean fixed, boolean key) {
        if (len == null) {
            if (key) {
                return TypeResult.of("varchar(255)", ActionItem.of(ActionCode.TO_MY_KEY_TEXT_TO_VARCHAR, "Key column " + where
                        + " (unbounded text) → varchar(255)"));
            }
            return TypeResult.of("longtext");
        }
        if (fixed && len <= 255) {
            return TypeResult.of("char(" + len + ")");
        }
        if (len <= 16383) {
            return TypeResult.of("varchar(" + len + ")");
        }
        return key ? TypeResult.of("varchar(768)", ActionItem.of(ActionCode.TO_MY_KEY_TEXT_TO_VARCHAR, "Key column " + where
                + " of length " + len + " → varchar(768)")) : TypeResult.of("longtext");
    }
}
