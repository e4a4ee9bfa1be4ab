package dev.ferry.converter.naming;

import dev.ferry.converter.assess.ActionCode;
import dev.ferry.converter.assess.ActionItem;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns Oracle catalog names into PostgreSQL identifiers. An Oracle name stored upper-case (it was written unquoted)
 * becomes lower case, which PostgreSQL folds unquoted names to; any other name keeps its spelling. The result is
 * written unquoted only when it is verified safe (lower-case letters, digits, {@code _}, not starting with a digit,
 * not a PostgreSQL reserved word); otherwise it is double-quoted. Names longer than 63 bytes are truncated
 * deterministically (prefix + {@code _} + 8 hex digits of SHA-256 of the full name) with an item.
 *
 * <p>Collision detection is per namespace: create one instance per conversion and call {@link #claim} for every
 * name created in a namespace (relations of a schema share one namespace in PostgreSQL: tables, views, sequences,
 * indexes; columns per table; constraints per table).
 *
 * <p>Threading: not thread-safe (it remembers claimed names).
 */
public final class PostgresIdentifiers {

    /** PostgreSQL reserved key words (SQL:2016 reserved in PostgreSQL, "reserved" and "reserved (can be function or type)"). */
    public static final Set<String> RESERVED = Set.of(
            "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization", "binary",
            "both", "case", "cast", "check", "collate", "collation", "column", "concurrently", "constraint", "create",
            "cross", "current_catalog", "current_date", "current_role", "current_schema", "current_time",
            "current_timestamp", "current_user", "default", "deferrable", "desc", "distinct", "do", "else", "end",
            "except", "false", "fetch", "for", "foreign", "freeze", "from", "full", "grant", "group", "having", "ilike",
            "in", "initially", "inner", "intersect", "into", "is", "isnull", "join", "lateral", "leading", "left",
            "like", "limit", "localtime", "localtimestamp", "natural", "not", "notnull", "null", "offset", "on", "only",
            "or", "order", "outer", "overlaps", "placing", "primary", "references", "returning", "right", "select",
            "session_user", "similar", "some", "symmetric", "system_user", "table", "tablesample", "then", "to",
            "trailing", "true", "union", "unique", "user", "using", "variadic", "verbose", "when", "where", "window",
            "with",
            // non-reserved in the grammar but not usable as column names / type-func names without quotes
            "between", "bigint", "bit", "boolean", "char", "character", "coalesce", "dec", "decimal", "exists",
            "extract", "float", "greatest", "grouping", "inout", "int", "integer", "interval", "least", "national",
            "nchar", "none", "normalize", "nullif", "numeric", "out", "overlay", "position", "precision", "real", "row",
            "setof", "smallint", "substring", "time", "timestamp", "treat", "trim", "values", "varchar", "xmlattributes",
            "xmlconcat", "xmlelement", "xmlexists", "xmlforest", "xmlnamespaces", "xmlparse", "xmlpi", "xmlroot",
            "xmlserialize", "xmltable");

    public static final int MAX_BYTES = 63;

    private final Map<String, Map<String, String>> claimed = new HashMap<>();

    /** The PostgreSQL spelling (unquoted form) of an Oracle catalog name, truncated to 63 bytes if needed. */
    public static String fold(String oracleName) {
        String n = oracleName.equals(oracleName.toUpperCase(Locale.ROOT)) ? oracleName.toLowerCase(Locale.ROOT) : oracleName;
        return truncate(n);
    }

    /** Whether {@link #fold} had to truncate the name. */
    public static boolean needsTruncation(String oracleName) {
        String n = oracleName.equals(oracleName.toUpperCase(Locale.ROOT)) ? oracleName.toLowerCase(Locale.ROOT) : oracleName;
        return n.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES;
    }

    static String truncate(String n) {
        byte[] bytes = n.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_BYTES) {
            return n;
        }
        String suffix = "_" + hash8(n);
        int budget = MAX_BYTES - suffix.length();
        StringBuilder sb = new StringBuilder();
        int used = 0;
        for (int i = 0; i < n.length(); ) {
            int cp = n.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (used + size > budget) {
                break;
            }
            sb.appendCodePoint(cp);
            used += size;
            i += Character.charCount(cp);
        }
        return sb + suffix;
    }

    private static String hash8(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 4; i++) {
                sb.append(String.format("%02x", d[i]));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a PostgreSQL identifier may be written without quotes. */
    public static boolean isSafeUnquoted(String pgName) {
        return pgName.matches("[a-z_][a-z0-9_]*") && !RESERVED.contains(pgName);
    }

    /** The identifier as it must appear in SQL: quoted unless verified safe. */
    public static String quote(String pgName) {
        if (isSafeUnquoted(pgName)) {
            return pgName;
        }
        return "\"" + pgName.replace("\"", "\"\"") + "\"";
    }

    /** {@link #quote}({@link #fold}(oracleName)). */
    public static String sql(String oracleName) {
        return quote(fold(oracleName));
    }

    /** {@code schema.name}, both folded and quoted as needed. */
    public static String qualified(String oracleSchema, String oracleName) {
        return oracleSchema == null ? sql(oracleName) : sql(oracleSchema) + "." + sql(oracleName);
    }

    /**
     * Registers the name {@code oracleName} in {@code namespace} and returns its PostgreSQL spelling, reporting
     * truncation, quoting of mixed-case/reserved names and collisions with names claimed before.
     */
    public String claim(String namespace, String oracleName, Consumer<ActionItem> items) {
        String pg = fold(oracleName);
        if (needsTruncation(oracleName)) {
            items.accept(ActionItem.of(ActionCode.IDENTIFIER_TRUNCATED, "Name " + oracleName + " is longer than "
                    + MAX_BYTES + " bytes; it became " + pg));
        }
        if (!isSafeUnquoted(pg)) {
            items.accept(ActionItem.of(ActionCode.IDENTIFIER_QUOTED, "Name " + oracleName + " must be quoted in PostgreSQL: "
                    + quote(pg)));
        }
        Map<String, String> ns = claimed.computeIfAbsent(namespace, k -> new HashMap<>());
        String previous = ns.putIfAbsent(pg, oracleName);
        if (previous != null && !previous.equals(oracleName)) {
            items.accept(ActionItem.of(ActionCode.IDENTIFIER_COLLISION, "Names " + previous + " and " + oracleName
                    + " both become " + quote(pg) + " in " + namespace));
        }
        return pg;
    }

    /** Names that fold to the same PostgreSQL identifier, as groups of Oracle names. */
    public static List<List<String>> collisions(List<String> oracleNames) {
        Map<String, List<String>> byPg = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (String n : oracleNames) {
            if (seen.add(n)) {
                byPg.computeIfAbsent(fold(n), k -> new java.util.ArrayList<>()).add(n);
            }
        }
        return byPg.values().stream().filter(l -> l.size() > 1).toList();
    }
}
