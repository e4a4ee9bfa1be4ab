package dev.ferry.engine.cdc.mysql;

import dev.ferry.model.schema.QualifiedName;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classifies the statements of binlog QUERY events: transaction control, TRUNCATE, and DDL that changes tables
 * (ALTER / DROP / RENAME / CREATE OR REPLACE TABLE), with the tables they name. Stateless and thread-safe.
 */
final class MySqlDdl {

    enum Kind { BEGIN, COMMIT, ROLLBACK, TRUNCATE, TABLE_DDL, OTHER }

    /** A classified statement; {@code tables} are the tables it names, qualified with the event's default database. */
    record Statement(Kind kind, List<QualifiedName> tables) {
    }

    private static final String NAME = "(?:`(?:[^`]|``)+`|[\\p{L}\\p{N}_$]+)";
    private static final String QNAME = NAME + "(?:\\s*\\.\\s*" + NAME + ")?";
    private static final Pattern TRUNCATE = Pattern.compile("^TRUNCATE\\s+(?:TABLE\\s+)?(" + QNAME + ")", Pattern.CASE_INSENSITIVE);
    private static final Pattern ALTER = Pattern.compile("^ALTER\\s+(?:ONLINE\\s+|IGNORE\\s+)*TABLE\\s+(?:IF\\s+EXISTS\\s+)?("
            + QNAME + ")", Pattern.CASE_INSENSITIVE);
    private static final Pattern DROP = Pattern.compile("^DROP\\s+(?:TEMPORARY\\s+)?TABLES?\\s+(?:IF\\s+EXISTS\\s+)?(?:/\\*.*?\\*/\\s*)?("
            + QNAME + "(?:\\s*,\\s*" + QNAME + ")*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern RENAME = Pattern.compile("^RENAME\\s+TABLES?\\s+(?:IF\\s+EXISTS\\s+)?(.*)$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern CREATE_REPLACE = Pattern.compile("^CREATE\\s+OR\\s+REPLACE\\s+(?:TEMPORARY\\s+)?TABLE\\s+("
            + QNAME + ")", Pattern.CASE_INSENSITIVE);
    private static final Pattern ONE_NAME = Pattern.compile(QNAME);

    private MySqlDdl() {
    }

    static Statement classify(String sql, String database) {
        String s = stripComments(sql).trim();
        String upper = s.toUpperCase(Locale.ROOT);
        if (upper.equals("BEGIN") || upper.startsWith("START TRANSACTION") || upper.startsWith("XA START")) {
            return new Statement(Kind.BEGIN, List.of());
        }
        if (upper.equals("COMMIT")) {
            return new Statement(Kind.COMMIT, List.of());
        }
        if (upper.equals("ROLLBACK")) {
            return new Statement(Kind.ROLLBACK, List.of());
        }
        Matcher m = TRUNCATE.matcher(s);
        if (m.find()) {
            return new Statement(Kind.TRUNCATE, names(m.group(1), database));
        }
        for (Pattern p : new Pattern[]{ALTER, DROP, CREATE_REPLACE}) {
            m = p.matcher(s);
            if (m.find()) {
                return new Statement(Kind.TABLE_DDL, names(m.group(1), database));
            }
        }
        m = RENAME.matcher(s);
        if (m.find()) {
            // a TO b, c TO d
            return new Statement(Kind.TABLE_DDL, names(m.group(1).replaceAll("(?i)\\s+TO\\s+", ","), database));
        }
        return new Statement(Kind.OTHER, List.of());
    }

    /** The qualified names in a comma-separated list. */
    static List<QualifiedName> names(String list, String database) {
        List<QualifiedName> out = new ArrayList<>();
        Matcher m = ONE_NAME.matcher(list);
        while (m.find()) {
            List<String> parts = new ArrayList<>();
            Matcher part = Pattern.compile(NAME).matcher(m.group());
            while (part.find()) {
                String p = part.group();
                parts.add(p.startsWith("`") ? p.substring(1, p.length() - 1).replace("``", "`") : p);
            }
            out.add(parts.size() == 2 ? new QualifiedName(parts.get(0), parts.get(1)) : new QualifiedName(database, parts.get(0)));
        }
        return out;
    }

    private static String stripComments(String sql) {
        StringBuilder sb = new StringBuilder(sql.length());
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '/' && i + 1 < sql.length() && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? sql.length() : end + 2;
                sb.append(' ');
            } else if ((c == '#') || (c == '-' && sql.startsWith("-- ", i))) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? sql.length() : end + 1;
                sb.append(' ');
            } else if (c == '`' || c == '\'' || c == '"') {
                int j = i + 1;
                while (j < sql.length() && sql.charAt(j) != c) {
                    j += sql.charAt(j) == '\\' && c != '`' ? 2 : 1;
                }
                sb.append(sql, i, Math.min(j + 1, sql.length()));
                i = j + 1;
            } else {
                sb.append(c);
                i++;
            }
        }
        return sb.toString();
    }
}
