package dev.ferry.converter.target.mysql;

import dev.ferry.converter.assess.ActionCode;
import dev.ferry.converter.assess.ActionItem;
import dev.ferry.converter.parse.TargetSql;
import dev.ferry.converter.parse.oracle.OracleToMySqlSql;
import dev.ferry.model.schema.Column;
import dev.ferry.model.schema.DataType;
import dev.ferry.model.schema.Engine;
import dev.ferry.model.schema.Table;
import dev.ferry.model.schema.View;

import java.util.Locale;

/**
 * Oracle → MySQL / MariaDB, from a schema built from scripts ({@code OracleScriptSchemaBuilder}) or a live catalog.
 * Names stored upper case (written unquoted) become lower case. Types: {@code NUMBER(p)} → the smallest integer type
 * that holds p digits (decimal(p,0) beyond 18), {@code NUMBER(p,s)} → {@code decimal(p,s)}, {@code VARCHAR2(n)} →
 * {@code varchar(n)}, {@code DATE} → {@code datetime}, {@code TIMESTAMP(p)} → {@code datetime(p)}, CLOB → longtext,
 * BLOB → longblob, {@code RAW(n)} → {@code varbinary(n)}; identity columns → AUTO_INCREMENT (which, like
 * {@code ON NULL}, also fills an explicit NULL); sequences → MariaDB sequences. Conditions, defaults and view queries
 * go through {@link OracleToMySqlSql}. PL/SQL routines, triggers and packages are MANUAL with recommendations.
 *
 * <p>Threading: stateless; see {@link AbstractToMySqlConverter}.
 */
public final class OracleToMySqlConverter extends AbstractToMySqlConverter {

    @Override
    public Engine source() {
        return Engine.ORACLE;
    }

    @Override
    protected String fold(String oracleName) {
        return oracleName.equals(oracleName.toUpperCase(Locale.ROOT)) ? oracleName.toLowerCase(Locale.ROOT) : oracleName;
    }

    private static OracleToMySqlSql sql(Context cx) {
        return new OracleToMySqlSql(cx::name, cx::isTemporal).withSequences(seq ->
                cx.source.sequences().stream().anyMatch(s -> s.name().equalsIgnoreCase(seq)));
    }

    @Override
    protected TargetSql expression(Context cx, String oracle, Use use) {
        return sql(cx).expression(oracle);
    }

    @Override
    protected TargetSql query(Context cx, View view) {
        return sql(cx).query(view.definition());
    }

    @Override
    protected TypeResult mapType(Context cx, Table table, Column c, boolean key) {
        DataType t = c.type();
        String where = table.name() + "." + c.name();
        String n = t.name().toLowerCase(Locale.ROOT);
        Long len = t.length();
        Integer p = t.precision();
        Integer s = t.scale();
        switch (n) {
            case "varchar2": case "varchar": case "nvarchar2": case "character varying":
                return PostgresToMySqlConverter.text(where, len == null ? 4000L : len, false, key);
            case "char": case "nchar": case "character":
                return PostgresToMySqlConverter.text(where, len == null ? 1L : len, true, key);
            case "number": case "numeric": case "decimal": case "dec":
                if (p == null && (s == null || s != 0)) {
                    return TypeResult.of("decimal(65,30)", ActionItem.of(ActionCode.TO_MY_UNBOUNDED_NUMERIC, "Column " + where
                            + " " + t.declared() + " → decimal(65,30)"));
                }
                int precision = p == null ? 38 : p;
                int scale = s == null ? 0 : s;
                if (scale == 0) {
                    return TypeResult.of(precision <= 2 ? "tinyint" : precision <= 4 ? "smallint" : precision <= 9 ? "int"
                            : precision <= 18 ? "bigint" : "decimal(" + Math.min(precision, 65) + ",0)");
                }
                if (scale < 0 || precision > 65 || scale > 30) {
                    return TypeResult.of("decimal(65,30)", ActionItem.of(ActionCode.TO_MY_UNBOUNDED_NUMERIC, "Column " + where
                            + " " + t.declared() + " → decimal(65,30)"));
                }
                return TypeResult.of("decimal(" + Math.max(precision, scale) + "," + scale + ")");
            case "integer": case "int": case "smallint":
                return TypeResult.of("bigint");
            case "float": case "binary_double": case "double precision": case "real":
                return TypeResult.of("double");
            case "binary_float":
                return TypeResult.of("float");
            case "date":
                return TypeResult.of("datetime");
            case "timestamp":
                if (p != null && p > 6) {
                    return TypeResult.of("datetime(6)", ActionItem.of(ActionCode.TO_MY_TYPE_APPROXIMATED, "Column " + where
                            + ": " + t.declared() + " → datetime(6) (MySQL keeps microseconds)"));
                }
                return TypeResult.of("datetime(" + (p == null ? 6 : p) + ")");
            case "timestamp with time zone": case "timestamp with local time zone":
                return TypeResult.of("datetime(6)", ActionItem.of(ActionCode.TO_MY_TIME_ZONE_DROPPED, "Column " + where
                        + " " + t.declared() + " → datetime(6)"));
            case "clob": case "nclob": case "long":
                return PostgresToMySqlConverter.text(where, null, false, key);
            case "blob": case "long raw":
                return key ? TypeResult.of("varbinary(255)", ActionItem.of(ActionCode.TO_MY_KEY_TEXT_TO_VARCHAR, "Key column "
                        + where + " → varbinary(255)")) : TypeResult.of("longblob");
            case "raw":
                return TypeResult.of("varbinary(" + (len == null ? 2000 : len) + ")");
            case "rowid": case "urowid":
                return TypeResult.of("varchar(4000)", ActionItem.of(ActionCode.TO_MY_TYPE_APPROXIMATED, "Column " + where + ": "
                        + n + " → varchar(4000)"));
            case "xmltype":
                return TypeResult.of("longtext", ActionItem.of(ActionCode.TO_MY_TYPE_APPROXIMATED, "Column " + where + ": XMLTYPE → longtext"));
            case "json":
                return TypeResult.of("json", ActionItem.of(ActionCode.TO_MY_JSON, "Column " + where + " JSON → json"));
            default:
                if (n.startsWith("interval")) {
                    return TypeResult.of("varchar(64)", ActionItem.of(ActionCode.TO_MY_TYPE_APPROXIMATED, "Column " + where + ": "
                            + t.declared() + " → varchar(64)"));
                }
                return new TypeResult(null, java.util.List.of(ActionItem.of(ActionCode.TO_MY_UNKNOWN_TYPE, "Column " + where
                        + ": type " + t.declared() + " has no MySQL mapping")), false);
        }
    }
}
