package dev.ferry.converter.target.mysql;

import dev.ferry.converter.assess.ActionCode;
import dev.ferry.converter.assess.ActionItem;
import dev.ferry.converter.parse.TargetSql;
import dev.ferry.converter.parse.sqlite.SqliteToMySqlSql;
import dev.ferry.model.schema.Column;
import dev.ferry.model.schema.DataType;
import dev.ferry.model.schema.Engine;
import dev.ferry.model.schema.Table;
import dev.ferry.model.schema.View;

import java.util.Locale;

/**
 * SQLite → MySQL / MariaDB. Declared types map by name where MySQL knows them ({@code NVARCHAR(70)} →
 * {@code varchar(70)}, {@code NUMERIC(10,2)} → {@code decimal(10,2)}, {@code DATETIME} → {@code datetime}), else by
 * SQLite's affinity rules (INTEGER → bigint, TEXT → longtext, BLOB/none → longblob, REAL → double, NUMERIC →
 * decimal(65,30)). An {@code INTEGER PRIMARY KEY} (the rowid) and AUTOINCREMENT become AUTO_INCREMENT; names keep
 * their case (quoted). Expressions and views go through {@link SqliteToMySqlSql}; triggers are MANUAL.
 *
 * <p>Threading: stateless; see {@link AbstractToMySqlConverter}.
 */
public final class SqliteToMySqlConverter extends AbstractToMySqlConverter {

    @Override
    public Engine source() {
        return Engine.SQLITE;
    }

    @Override
    protected String fold(String sourceName) {
        return sourceName;
    }

    @Override
    protected boolean isIdentity(Table table, Column column) {
        if (column.identity() != null) {
            return true;
        }
        // INTEGER PRIMARY KEY is an alias of the rowid: SQLite assigns it when an INSERT omits it
        return table.primaryKey() != null && table.primaryKey().columns().size() == 1
                && table.primaryKey().columns().get(0).equalsIgnoreCase(column.name())
                && column.type().declared().trim().equalsIgnoreCase("integer")
                && !"true".equals(table.options().get("without_rowid"));
    }

    @Override
    protected TargetSql expression(Context cx, String sqlite, Use use) {
        return new SqliteToMySqlSql(cx::name).expression(sqlite);
    }

    @Override
    protected TargetSql query(Context cx, View view) {
        return new SqliteToMySqlSql(cx::name).query(view.definition());
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
            case "int": case "integer":
                return TypeResult.of(isIdentity(table, c) || n.equals("integer") ? "bigint" : "int");
            case "tinyint": case "smallint": case "mediumint": case "bigint":
                return TypeResult.of(n);
            case "unsigned big int":
                return TypeResult.of("bigint unsigned");
            case "int2":
                return TypeResult.of("smallint");
            case "int8":
                return TypeResult.of("bigint");
            case "boolean": case "bool":
                return TypeResult.of("tinyint(1)", ActionItem.of(ActionCode.TO_MY_BOOLEAN_TINYINT, "Column " + where + " boolean → tinyint(1)"));
            case "varchar": case "nvarchar": case "character varying": case "varying character": case "native character":
            case "nchar": case "char": case "character":
                return PostgresToMySqlConverter.text(where, len, n.equals("char") || n.equals("character") || n.equals("nchar"), key);
            case "text": case "clob": case "ntext":
                return PostgresToMySqlConverter.text(where, null, false, key);
            case "blob":
            case "none":
                return key ? TypeResult.of("varbinary(255)", ActionItem.of(ActionCode.TO_MY_KEY_TEXT_TO_VARCHAR,
                        "Key column " + where + " (" + (n.equals("none") ? "no declared type" : "BLOB") + ") → varbinary(255)"))
                        : TypeResult.of("longblob");
            case "real": case "double": case "double precision":
                return TypeResult.of("double");
            case "float":
                return TypeResult.of("double");
            case "numeric": case "decimal":
                if (p == null) {
                    return TypeResult.of("decimal(65,30)", ActionItem.of(ActionCode.TO_MY_UNBOUNDED_NUMERIC, "Column " + where + " "
                            + t.declared() + " → decimal(65,30)"));
                }
                return TypeResult.of("decimal(" + Math.min(p, 65) + "," + Math.min(s == null ? 0 : s, 30) + ")");
            case "date":
                return TypeResult.of("date");
            case "datetime":
                return TypeResult.of("datetime");
            case "timestamp":
                return TypeResult.of("datetime(6)");
            case "time":
                return TypeResult.of("time");
            case "json":
                return TypeResult.of("json", ActionItem.of(ActionCode.TO_MY_JSON, "Column " + where + " json → json"));
            default:
                // SQLite's affinity rules (https://www.sqlite.org/datatype3.html, 3.1)
                if (n.contains("int")) {
                    return TypeResult.of("bigint");
                }
                if (n.contains("char") || n.contains("clob") || n.contains("text")) {
                    return PostgresToMySqlConverter.text(where, len, false, key);
                }
                if (n.contains("blob")) {
                    return TypeResult.of(key ? "varbinary(255)" : "longblob");
                }
                if (n.contains("real") || n.contains("floa") || n.contains("doub")) {
                    return TypeResult.of("double");
                }
                return TypeResult.of("decimal(65,30)", ActionItem.of(ActionCode.TO_MY_UNBOUNDED_NUMERIC, "Column " + where
                        + " " + t.declared() + " (NUMERIC affinity) → decimal(65,30)"));
        }
    }
}
