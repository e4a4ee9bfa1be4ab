package dev.ferry.engine.deploy;

import dev.ferry.model.schema.Engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Canonical spellings of column types, so that a type as written in DDL ({@code varchar(25)}, {@code timestamp(0)},
 * {@code INT}) compares with the catalog's spelling ({@code character varying(25)}, {@code timestamp(0) without time
 * zone}, {@code int(11)}). This works on the type text only (a type name, its modifiers and suffix words), never on
 * statements.
 *
 * <p>Threading: stateless.
 */
public final class TypeNames {

    private static final Map<String, String> PG_ALIASES = Map.ofEntries(
            Map.entry("varchar", "character varying"), Map.entry("char", "character"), Map.entry("bpchar", "character"),
            Map.entry("int", "integer"), Map.entry("int4", "integer"), Map.entry("int2", "smallint"),
            Map.entry("int8", "bigint"), Map.entry("serial", "integer"), Map.entry("serial4", "integer"),
            Map.entry("bigserial", "bigint"), Map.entry("serial8", "bigint"), Map.entry("smallserial", "smallint"),
            Map.entry("serial2", "smallint"), Map.entry("bool", "boolean"), Map.entry("float8", "double precision"),
            Map.entry("float4", "real"), Map.entry("decimal", "numeric"), Map.entry("timestamptz", "timestamp with time zone"),
            Map.entry("timetz", "time with time zone"), Map.entry("varbit", "bit varying"));

    private static final Map<String, String> MYSQL_ALIASES = Map.ofEntries(
            Map.entry("integer", "int"), Map.entry("numeric", "decimal"), Map.entry("dec", "decimal"),
            Map.entry("fixed", "decimal"), Map.entry("double precision", "double"), Map.entry("real", "double"),
            Map.entry("character varying", "varchar"), Map.entry("character", "char"), Map.entry("int4", "int"),
            Map.entry("int8", "bigint"), Map.entry("int2", "smallint"), Map.entry("int1", "tinyint"),
            Map.entry("int3", "mediumint"), Map.entry("middleint", "mediumint"));

    private TypeNames() {
    }

    /** The canonical spelling of {@code type} on {@code engine}; equal types give equal strings. */
    public static String canonical(Engine engine, String type) {
        if (type == null) {
            return "";
        }
        String t = type.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        int dims = 0;
        while (t.endsWith("[]")) {
            dims++;
            t = t.substring(0, t.length() - 2).strip();
        }
        String base = t;
        List<String> mods = new ArrayList<>();
        String suffix = "";
        int open = t.indexOf('(');
        if (open >= 0) {
            int close = t.lastIndexOf(')');
            if (close > open) {
                base = t.substring(0, open).strip();
                for (String m : t.substring(open + 1, close).split(",")) {
                    mods.add(m.strip());
                }
                suffix = t.substring(close + 1).strip();
            }
        }
        if (engine == Engine.MYSQL) {
            return mysql(base, mods, suffix);
        }
        if (engine == Engine.POSTGRESQL) {
            return postgres(base, mods, suffix) + "[]".repeat(dims);
        }
        return t + "[]".repeat(dims);
    }

    private static String postgres(String base, List<String> mods, String suffix) {
        if (base.equals("timestamptz") || base.equals("timetz")) {
            base = PG_ALIASES.get(base);
        }
        if (base.startsWith("timestamp") || base.startsWith("time ") || base.equals("time")) {
            // "timestamp with time zone" may arrive as base (no modifiers) or as base + suffix (with modifiers)
            String words = (base + " " + suffix).strip();
            boolean tz = words.contains("with time zone") && !words.contains("without");
            String kind = words.startsWith("timestamp") ? "timestamp" : "time";
            return kind + (mods.isEmpty() ? "" : "(" + mods.get(0) + ")") + (tz ? " with time zone" : " without time zone");
        }
        String b = PG_ALIASES.getOrDefault(base, base);
        if (b.equals("numeric") && mods.size() == 1) {
            mods = List.of(mods.get(0), "0");
        }
        if (b.equals("character") && mods.isEmpty()) {
            mods = List.of("1");
        }
        return b + (mods.isEmpty() ? "" : "(" + String.join(",", mods) + ")") + (suffix.isEmpty() ? "" : " " + suffix);
    }

    private static String mysql(String base, List<String> mods, String suffix) {
        if (mods.isEmpty() && suffix.isEmpty()) {
            // "int unsigned zerofill": the attributes follow the name
            for (String attr : List.of(" unsigned", " signed", " zerofill")) {
                int at = base.indexOf(attr);
                if (at > 0) {
                    suffix = base.substring(at + 1);
                    base = base.substring(0, at);
                    break;
                }
            }
        }
        String b = MYSQL_ALIASES.getOrDefault(base, base);
        if (b.equals("bool") || b.equals("boolean")) {
            return "tinyint(1)";
        }
        boolean intType = b.equals("tinyint") || b.equals("smallint") || b.equals("mediumint") || b.equals("int")
                || b.equals("bigint");
        if (intType && !(b.equals("tinyint") && mods.equals(List.of("1")))) {
            mods = List.of(); // display widths mean nothing (MySQL 8 no longer shows them)
        }
        if (b.equals("decimal") && mods.isEmpty()) {
            mods = List.of("10", "0");
        } else if (b.equals("decimal") && mods.size() == 1) {
            mods = List.of(mods.get(0), "0");
        }
        if (b.equals("char") && mods.isEmpty()) {
            mods = List.of("1");
        }
        String s = suffix.replace("zerofill", "").strip();
        return b + (mods.isEmpty() ? "" : "(" + String.join(",", mods) + ")") + (s.isEmpty() ? "" : " " + s);
    }
}
