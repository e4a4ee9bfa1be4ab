package dev.ferry.converter.sqlite;

import dev.ferry.converter.ast.CreateTable;
import dev.ferry.converter.ast.Statement;
import dev.ferry.converter.parse.ParsingException;
import dev.ferry.converter.parse.postgres.PostgresParserFacade;
import dev.ferry.model.schema.DataType;
import dev.ferry.model.schema.Engine;

import java.util.List;
import java.util.Locale;

/**
 * Source column types → SQLite declared types, chosen by the affinity SQLite gives them and so that Ferry's loader and
 * validator read the values back as the same kind: {@code INTEGER} (integers, booleans as {@code BOOLEAN}),
 * {@code REAL}, {@code NUMERIC(p,s)} (decimals), {@code VARCHAR(n)}/{@code CHAR(n)}/{@code TEXT}, {@code DATE} and
 * {@code DATETIME} (ISO-8601 text), {@code BLOB}. A SQLite source keeps its declared type.
 *
 * <p>Threading: stateless.
 */
public final class SqliteTypes {

    /**
     * A mapped type.
     *
     * @param sql         the SQLite declared type
     * @param approximate whether values lose something SQLite cannot keep (decimal precision, time zones, ENUM checks)
     * @param integer     whether the type has INTEGER affinity (so a single-column primary key is the rowid)
     */
    public record Mapped(String sql, boolean approximate, boolean integer) {
    }

    private SqliteTypes() {
    }

    private static List<String> postgresModifiers(String declared) {
        try {
            Statement st = PostgresParserFacade.INSTANCE.parseStatement("CREATE TABLE t (c " + declared + ")", "type");
            if (st instanceof CreateTable ct && ct.columns().size() == 1 && ct.columns().get(0).type() != null) {
                return ct.columns().get(0).type().modifiers().stream().map(String::strip).toList();
            }
        } catch (ParsingException e) {
            // not a PostgreSQL type text: no modifiers known
        }
        return List.of();
    }

    public static Mapped map(Engine source, DataType type) {
        String n = type.name().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
        if (source == Engine.SQLITE) {
            String declared = type.declared() == null ? "" : type.declared().strip();
            // no declared type has BLOB affinity, as BLOB has
            return new Mapped(declared.isEmpty() ? "BLOB" : declared, false, declared.toUpperCase(Locale.ROOT).contains("INT"));
        }
        Integer p = type.precision();
        Integer s = type.scale();
        Long len = type.length();
        if (source == Engine.POSTGRESQL && p == null && len == null && type.declared() != null && type.declared().contains("(")) {
            // a model built from a script keeps the modifiers only in the declared text: read them from its parse tree
            List<String> mods = postgresModifiers(type.declared());
            if (!mods.isEmpty() && mods.stream().allMatch(m -> m.matches("\\d+"))) {
                if (List.of("numeric", "decimal").contains(n)) {
                    p = Integer.valueOf(mods.get(0));
                    s = mods.size() > 1 ? Integer.valueOf(mods.get(1)) : 0;
                } else {
                    len = Long.valueOf(mods.get(0));
                }
            }
        }
        if (source == Engine.ORACLE && n.equals("number") && p != null && s == null) {
            s = 0; // NUMBER(p) is NUMBER(p,0)
        }
        if (source == Engine.MYSQL && (n.equals("tinyint") && len != null && len == 1 || n.equals("bit") && (len == null || len == 1))) {
            return new Mapped("BOOLEAN", false, false);
        }
        if (n.endsWith("[]") || n.startsWith("_")) {
            return new Mapped("TEXT", true, false); // PostgreSQL arrays
        }
        switch (n) {
            case "tinyint", "smallint", "mediumint", "int", "integer", "bigint", "int2", "int4", "int8", "serial",
                    "bigserial", "smallserial", "year", "bit", "pls_integer", "binary_integer" -> {
                return new Mapped("INTEGER", false, true);
            }
            case "boolean", "bool" -> {
                return new Mapped("BOOLEAN", false, false);
            }
            case "number", "numeric", "decimal", "dec", "fixed" -> {
                if (s != null && s == 0 && p != null && p <= 18) {
                    return new Mapped("INTEGER", false, true);
                }
                if (p == null) {
                    return new Mapped("NUMERIC", true, false);
                }
                return new Mapped("NUMERIC(" + p + (s == null ? "" : "," + s) + ")", p > 15, false);
            }
            case "money" -> {
                return new Mapped("NUMERIC", true, false);
            }
            case "float", "double", "real", "float4", "float8", "double precision", "binary_float", "binary_double" -> {
                return new Mapped("REAL", false, false);
            }
            case "char", "character", "nchar", "bpchar", "national character", "national char" -> {
                return new Mapped(len == null ? "CHAR" : "CHAR(" + len + ")", false, false);
            }
            case "varchar", "character varying", "varchar2", "nvarchar", "nvarchar2", "char varying" -> {
                return new Mapped(len == null ? "VARCHAR" : "VARCHAR(" + len + ")", false, false);
            }
            case "text", "tinytext", "mediumtext", "longtext", "clob", "nclob", "long", "citext", "name", "uuid", "xml",
                    "inet", "cidr", "macaddr", "rowid", "urowid" -> {
                return new Mapped("TEXT", false, false);
            }
            case "enum", "set", "json", "jsonb", "interval", "time", "time without time zone", "time with time zone",
                    "timetz", "tsvector" -> {
                return new Mapped("TEXT", true, false);
            }
            case "date" -> {
                // an Oracle DATE carries a time of day
                return new Mapped(source == Engine.ORACLE ? "DATETIME" : "DATE", false, false);
            }
            case "datetime", "timestamp", "timestamp without time zone", "smalldatetime" -> {
                return new Mapped("DATETIME", false, false);
            }
            case "timestamptz", "timestamp with time zone", "timestamp with local time zone" -> {
                return new Mapped("DATETIME", true, false);
            }
            case "bytea", "blob", "tinyblob", "mediumblob", "longblob", "binary", "varbinary", "raw", "long raw", "bfile" -> {
                return new Mapped("BLOB", false, false);
            }
            default -> {
                // spatial and other engine-specific types: kept as their bytes or text
                return new Mapped(n.contains("geometry") || n.contains("point") || n.contains("polygon") || n.contains("linestring")
                        ? "BLOB" : "TEXT", true, false);
            }
        }
    }
}
