package dev.ferry.engine.endpoint;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The privileges in the output of MySQL/MariaDB {@code SHOW GRANTS}: global ({@code *.*}) and database-level
 * ({@code `db`.*}, where an unescaped {@code %} or {@code _} is a wildcard) grants; table, column and routine grants
 * are kept but never satisfy a database-level question. {@code ALL [PRIVILEGES]} counts as every privilege. Role
 * grants ({@code GRANT `r` TO ...}) are recorded as role names, not expanded.
 *
 * <p>Immutable and thread-safe.
 */
final class MySqlGrants {

    private static final Pattern GRANT = Pattern.compile("(?is)^\\s*GRANT\\s+(.+?)\\s+ON\\s+(?:(?:TABLE|PROCEDURE|FUNCTION|PACKAGE(?:\\s+BODY)?)\\s+)?(.+?)\\s+TO\\s+.*$");
    private static final Pattern ROLE_GRANT = Pattern.compile("(?is)^\\s*GRANT\\s+(.+?)\\s+TO\\s+.*$");

    /** One {@code GRANT ... ON db.table} line. {@code db}/{@code table} are unquoted, {@code *} for all. */
    record Grant(Set<String> privileges, String db, String table) {
    }

    private final List<Grant> grants;
    private final List<String> roles;

    private MySqlGrants(List<Grant> grants, List<String> roles) {
        this.grants = List.copyOf(grants);
        this.roles = List.copyOf(roles);
    }

    static MySqlGrants parse(List<String> lines) {
        List<Grant> grants = new ArrayList<>();
        List<String> roles = new ArrayList<>();
        for (String line : lines) {
            Matcher m = GRANT.matcher(line);
            if (m.matches()) {
                String privs = m.group(1);
                String object = m.group(2);
                if (privs.toUpperCase(Locale.ROOT).startsWith("PROXY")) {
                    continue;
                }
                String[] dbTable = splitObject(object);
                grants.add(new Grant(privileges(privs), dbTable[0], dbTable[1]));
                continue;
            }
            Matcher r = ROLE_GRANT.matcher(line);
            if (r.matches()) {
                for (String role : r.group(1).split(",")) {
                    roles.add(role.trim().replace("`", "").replace("'", ""));
                }
            }
        }
        return new MySqlGrants(grants, roles);
    }

    /** Whether a global privilege ({@code ON *.*}) is held, e.g. {@code REPLICATION SLAVE}. */
    boolean hasGlobal(String privilege) {
        for (Grant g : grants) {
            if (g.db().equals("*") && g.table().equals("*") && covers(g, privilege)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code privilege} is held on every table of database {@code schema} (global or database-level grant). */
    boolean hasOnDatabase(String privilege, String schema) {
        for (Grant g : grants) {
            if (g.table().equals("*") && covers(g, privilege) && dbMatches(g.db(), schema)) {
                return true;
            }
        }
        return false;
    }

    /** Whether any table-level grant mentions {@code schema} (partial access). */
    boolean hasTableGrantsIn(String schema) {
        for (Grant g : grants) {
            if (!g.table().equals("*") && dbMatches(g.db(), schema)) {
                return true;
            }
        }
        return false;
    }

    List<String> roles() {
        return roles;
    }

    List<Grant> grants() {
        return grants;
    }

    private static boolean covers(Grant g, String privilege) {
        String p = privilege.toUpperCase(Locale.ROOT);
        if (g.privileges().contains("ALL PRIVILEGES") || g.privileges().contains("ALL") || g.privileges().contains(p)) {
            return true;
        }
        // MariaDB 10.5+ renamed REPLICATION CLIENT to BINLOG MONITOR; MySQL 8.0.22 added REPLICATION REPLICA as alias
        switch (p) {
            case "REPLICATION CLIENT": return g.privileges().contains("BINLOG MONITOR");
            case "REPLICATION SLAVE": return g.privileges().contains("REPLICATION REPLICA");
            default: return false;
        }
    }

    private static Set<String> privileges(String list) {
        Set<String> out = new LinkedHashSet<>();
        StringBuilder cur = new StringBuilder();
        int depth = 0;
        for (char ch : list.toCharArray()) {
            if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
            } else if (ch == ',' && depth == 0) {
                add(out, cur);
                cur.setLength(0);
            } else if (depth == 0) {
                cur.append(ch);
            }
        }
        add(out, cur);
        return out;
    }

    private static void add(Set<String> out, StringBuilder p) {
        String s = p.toString().trim().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
        if (!s.isEmpty()) {
            out.add(s);
        }
    }

    /** {@code `db`.`t`}, {@code db.*}, {@code *.*}, {@code *} into unquoted db and table. */
    static String[] splitObject(String object) {
        List<String> parts = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inQuote = false;
        char quote = 0;
        for (int i = 0; i < object.length(); i++) {
            char ch = object.charAt(i);
            if (inQuote) {
                if (ch == quote) {
                    if (i + 1 < object.length() && object.charAt(i + 1) == quote) {
                        cur.append(ch);
                        i++;
                    } else {
                        inQuote = false;
                    }
                } else {
                    cur.append(ch);
                }
            } else if (ch == '`' || ch == '"' || ch == '\'') {
                inQuote = true;
                quote = ch;
            } else if (ch == '.') {
                parts.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        parts.add(cur.toString());
        if (parts.size() == 1) {
            return new String[] {"*", parts.get(0)};
        }
        return new String[] {parts.get(0), parts.get(1)};
    }

    /** MySQL database-level grant matching: '%' and '_' are wildcards unless escaped with '\'. */
    static boolean dbMatches(String pattern, String schema) {
        if (pattern.equals("*")) {
            return true;
        }
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char ch = pattern.charAt(i);
            if (ch == '\\' && i + 1 < pattern.length()) {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (ch == '%') {
                regex.append(".*");
            } else if (ch == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL).matcher(schema).matches();
    }
}
