package dev.ferry.engine.load;

import dev.ferry.model.schema.DataType;
import dev.ferry.model.schema.Engine;

import java.util.Locale;

/** The broad class of a column's values, derived from its declared type; decides reading, conversion and normalising. */
public enum ValueKind {
    INTEGER, DECIMAL, FLOAT, BOOLEAN, TEXT, BINARY, DATE, TIME, TIMESTAMP, TIMESTAMPTZ, JSON, OTHER;

    public static ValueKind of(Engine engine, DataType type) {
        String n = type.name().toLowerCase(Locale.ROOT).trim();
        String declared = type.declared() == null ? n : type.declared().toLowerCase(Locale.ROOT).replace(" ", "");
        if (engine == Engine.SQLITE) {
            return sqlite(n);
        }
        if (type.arrayDimensions() > 0 || n.endsWith("[]")) {
            return OTHER; // PostgreSQL arrays travel as their text form
        }
        if (engine == Engine.MYSQL && n.equals("tinyint") && (declared.startsWith("tinyint(1)")
                || (type.length() != null && type.length() == 1) || (type.precision() != null && type.precision() == 1 && declared.equals("tinyint")))) {
            return BOOLEAN;
        }
        if (engine == Engine.MYSQL && n.equals("bit") && (declared.equals("bit") || declared.startsWith("bit(1)"))) {
            return BOOLEAN;
        }
        switch (n) {
            case "tinyint": case "smallint": case "mediumint": case "int": case "integer": case "bigint":
            case "int2": case "int4": case "int8": case "serial": case "bigserial": case "smallserial": case "year":
                return INTEGER;
            case "decimal": case "numeric": case "dec": case "fixed": case "number": case "money":
                return DECIMAL;
            case "float": case "double": case "real": case "float4": case "float8": case "double precision":
                return FLOAT;
            case "boolean": case "bool":
                return BOOLEAN;
            case "blob": case "tinyblob": case "mediumblob": case "longblob": case "binary": case "varbinary": case "bytea":
                return BINARY;
            case "date":
                return DATE;
            case "time": case "time without time zone":
                return TIME;
            case "datetime": case "timestamp": case "timestamp without time zone":
                return TIMESTAMP;
            case "timestamptz": case "timestamp with time zone":
                return TIMESTAMPTZ;
            case "json": case "jsonb":
                return JSON;
            case "char": case "varchar": case "character": case "character varying": case "text": case "tinytext":
            case "mediumtext": case "longtext": case "enum": case "set": case "bpchar": case "name": case "citext":
            case "uuid": case "clob":
                return TEXT;
            default:
                return OTHER;
        }
    }

    /** SQLite: the declared type's name decides, checked before the affinity rules so DATETIME/BOOLEAN/NUMERIC survive. */
    private static ValueKind sqlite(String n) {
        if (n.contains("bool")) {
            return BOOLEAN;
        }
        if (n.contains("timestamp") || n.contains("datetime")) {
            return TIMESTAMP;
        }
        if (n.equals("date")) {
            return DATE;
        }
        if (n.equals("time")) {
            return TIME;
        }
        if (n.contains("int")) {
            return INTEGER;
        }
        if (n.contains("char") || n.contains("clob") || n.contains("text")) {
            return TEXT;
        }
        if (n.contains("blob") || n.isEmpty()) {
            return BINARY;
        }
        if (n.contains("real") || n.contains("floa") || n.contains("doub")) {
            return FLOAT;
        }
        if (n.contains("json")) {
            return JSON;
        }
        return DECIMAL;
    }
}
