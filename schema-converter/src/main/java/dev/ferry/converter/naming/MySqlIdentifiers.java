package dev.ferry.converter.naming;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * MySQL / MariaDB identifiers for converted objects. A name is written unquoted only when it is verified safe (lower-case
 * ASCII letters, digits and {@code _}, not starting with a digit, not a reserved word of MySQL 8 or MariaDB 10.x);
 * every other name is quoted with backticks. Names longer than 64 characters (MySQL's limit for tables, columns,
 * indexes, constraints, views and routines) are truncated deterministically: a prefix, {@code _} and 8 hex digits of
 * the SHA-256 of the full name.
 *
 * <p>{@link #claim} detects collisions per namespace (tables and views share one per database; indexes and columns one per
 * table; foreign keys and check constraints one per database, as in MySQL 8) and renames the later name with a
 * numeric suffix, reporting the rename.
 *
 * <p>Threading: not thread-safe (remembers claimed names); one instance per conversion.
 */
public final class MySqlIdentifiers {

    public static final int MAX_CHARS = 64;

    /** Reserved words of MySQL 8.0 and MariaDB 10.11 (a name in this set is always quoted). */
    public static final Set<String> RESERVED = Set.of(
            "accessible", "add", "all", "alter", "analyze", "and", "as", "asc", "asensitive", "before", "between",
            "bigint", "binary", "blob", "both", "by", "call", "cascade", "case", "change", "char", "character", "check",
            "collate", "column", "condition", "constraint", "continue", "convert", "create", "cross", "cube",
            "cume_dist", "current_date", "current_role", "current_time", "current_timestamp", "current_user", "cursor",
            "database", "databases", "day_hour", "day_microsecond", "day_minute", "day_second", "dec", "decimal",
            "declare", "default", "delayed", "delete", "delete_domain_id", "dense_rank", "desc", "describe",
            "deterministic", "distinct", "distinctrow", "div", "do_domain_ids", "double", "drop", "dual", "each",
            "else", "elseif", "empty", "enclosed", "escaped", "except", "exists", "exit", "explain", "false", "fetch",
            "first_value", "float", "float4", "float8", "for", "force", "foreign", "from", "fulltext", "function",
            "general", "generated", "get", "grant", "group", "grouping", "groups", "having", "high_priority",
            "hour_microsecond", "hour_minute", "hour_second", "if", "ignore", "ignore_domain_ids", "ignore_server_ids",
            "in", "index", "infile", "inner", "inout", "insensitive", "insert", "int", "int1", "int2", "int3", "int4",
            "int8", "integer", "intersect", "interval", "into", "io_after_gtids", "io_before_gtids", "is", "iterate",
            "join", "json_table", "key", "keys", "kill", "lag", "last_value", "lateral", "lead", "leading", "leave",
            "left", "like", "limit", "linear", "lines", "load", "localtime", "localtimestamp", "lock", "long",
            "longblob", "longtext", "loop", "low_priority", "master_bind", "master_heartbeat_period",
            "master_ssl_verify_server_cert", "match", "maxvalue", "mediumblob", "mediumint", "mediumtext", "middleint",
            "minute_microsecond", "minute_second", "mod", "modifies", "natural", "not", "no_write_to_binlog",
            "nth_value", "ntile", "null", "numeric", "of", "offset", "on", "optimize", "optimizer_costs", "option",
            "optionally", "or", "order", "out", "outer", "outfile", "over", "page_checksum", "parse_vcol_expr",
            "partition", "percent_rank", "position", "precision", "primary", "procedure", "purge", "range", "rank",
            "read", "reads", "read_write", "real", "recursive", "ref_system_id", "references", "regexp", "release",
            "rename", "repeat", "replace", "require", "resignal", "restrict", "return", "returning", "revoke", "right",
            "rlike", "row", "row_number", "rows", "schema", "schemas", "second_microsecond", "select", "sensitive",
            "separator", "set", "show", "signal", "slow", "smallint", "spatial", "specific", "sql", "sql_big_result",
            "sql_calc_found_rows", "sql_small_result", "sqlexception", "sqlstate", "sqlwarning", "ssl", "starting",
            "stats_auto_recalc", "stats_persistent", "stats_sample_pages", "stored", "straight_join", "system", "table",
            "terminated", "then", "tinyblob", "tinyint", "tinytext", "to", "trailing", "trigger", "true", "undo",
            "union", "unique", "unlock", "unsigned", "update", "usage", "use", "using", "utc_date", "utc_time",
            "utc_timestamp", "values", "varbinary", "varchar", "varcharacter", "varying", "virtual", "when", "where",
            "while", "window", "with", "write", "xor", "year_month", "zerofill");

    private final Map<String, Set<String>> claimed = new HashMap<>();

    /** The name truncated to 64 characters when longer (prefix, {@code _}, 8 hex digits of its SHA-256). */
    public static String truncate(String name) {
        if (name.codePointCount(0, name.length()) <= MAX_CHARS) {
            return name;
        }
        String suffix = "_" + hash8(name);
        int keep = MAX_CHARS - suffix.length();
        return name.substring(0, name.offsetByCodePoints(0, keep)) + suffix;
    }

    /** Whether the name can be written without backticks. */
    public static boolean isSafeUnquoted(String name) {
        return name.matches("[a-z_][a-z0-9_]*") && !RESERVED.contains(name) && name.length() <= MAX_CHARS;
    }

    /** The name as written in DDL: unquoted when safe, else in backticks (inner backticks doubled). */
    public static String quote(String name) {
        return isSafeUnquoted(name) ? name : "`" + name.replace("`", "``") + "`";
    }

    /**
     * Claims a (truncated) name in a namespace; on a collision (MySQL compares names case-insensitively for columns,
     * indexes, triggers and routines, and on most servers for tables) a suffix {@code _2}, {@code _3}... is added.
     * {@code renamed} receives a message when the name changed.
     */
    public String claim(String namespace, String wanted, Consumer<String> renamed) {
        Set<String> used = claimed.computeIfAbsent(namespace, k -> new HashSet<>());
        String n = truncate(wanted);
        if (!n.equals(wanted)) {
            renamed.accept("name " + wanted + " is longer than 64 characters: truncated to " + n);
        }
        String base = n;
        for (int i = 2; !used.add(n.toLowerCase(Locale.ROOT)); i++) {
            String suffix = "_" + i;
            n = truncate(base).substring(0, Math.min(base.length(), MAX_CHARS - suffix.length())) + suffix;
        }
        if (!n.equals(base)) {
            renamed.accept("name " + wanted + " collides with another object in the same namespace: renamed to " + n);
        }
        return n;
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
}
