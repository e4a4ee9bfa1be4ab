package dev.ferry.engine.sql;

import dev.ferry.model.util.Redaction;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Splits and runs SQL scripts as the {@code mysql} / {@code psql} command-line clients would: statements end at the
 * current delimiter ({@code ;} unless a MySQL {@code DELIMITER xx} line changes it), outside of quotes
 * ({@code '...'}, {@code "..."}, {@code `...`}, PostgreSQL {@code $tag$...$tag$}) and comments ({@code -- },
 * {@code #} in MySQL mode, {@code /* *}{@code /}). MySQL executable comments ({@code /*!50705 ... *}{@code /}) are kept
 * in the statement text so the server decides. Line comments are dropped; the reported line is where the statement's
 * first token starts.
 *
 * <p>Stateless and thread-safe; {@link #run} uses the given connection only from the calling thread.
 */
public final class SqlScriptRunner {

    /** Which client's lexical rules apply. */
    public enum Dialect { MYSQL, POSTGRESQL, GENERIC }

    /** One statement of a script and the 1-based line it starts on. */
    public record ScriptStatement(String sql, int line) {
    }

    private SqlScriptRunner() {
    }

    /** Splits {@code script} into statements (without their delimiters); blank statements are dropped. */
    public static List<ScriptStatement> split(String script, Dialect dialect) {
        List<ScriptStatement> out = new ArrayList<>();
        String delimiter = ";";
        StringBuilder current = new StringBuilder();
        int line = 1;
        int startLine = -1;
        int i = 0;
        int n = script.length();
        boolean atLineStart = true;
        while (i < n) {
            char ch = script.charAt(i);
            // DELIMITER command (MySQL client), only at the start of a line when no statement is pending
            if (dialect == Dialect.MYSQL && atLineStart && current.toString().isBlank() && startsWithWord(script, i, "DELIMITER")) {
                int eol = script.indexOf('\n', i);
                String rest = script.substring(i + "DELIMITER".length(), eol < 0 ? n : eol).trim();
                if (rest.isEmpty()) {
                    throw new IllegalArgumentException("line " + line + ": DELIMITER without a delimiter");
                }
                delimiter = rest.split("\\s+")[0];
                current.setLength(0);
                i = eol < 0 ? n : eol;
                continue;
            }
            if (ch == '\n') {
                line++;
                atLineStart = true;
                current.append(ch);
                i++;
                continue;
            }
            if (!Character.isWhitespace(ch)) {
                atLineStart = false;
            }
            // comments
            if (ch == '-' && i + 1 < n && script.charAt(i + 1) == '-'
                    && (dialect != Dialect.MYSQL || i + 2 >= n || Character.isWhitespace(script.charAt(i + 2)))) {
                int eol = script.indexOf('\n', i);
                i = eol < 0 ? n : eol;
                continue;
            }
            if (ch == '#' && dialect == Dialect.MYSQL) {
                int eol = script.indexOf('\n', i);
                i = eol < 0 ? n : eol;
                continue;
            }
            if (ch == '/' && i + 1 < n && script.charAt(i + 1) == '*') {
                int end = script.indexOf("*/", i + 2);
                if (end < 0) {
                    throw new IllegalArgumentException("line " + line + ": unterminated /* comment");
                }
                String comment = script.substring(i, end + 2);
                boolean executable = dialect == Dialect.MYSQL && comment.startsWith("/*!");
                if (executable) {
                    if (startLine < 0) {
                        startLine = line;
                    }
                    current.append(comment);
                } else {
                    current.append(' ');
                }
                line += count(comment, '\n');
                i = end + 2;
                continue;
            }
            // quoted runs
            if (ch == '\'' || ch == '"' || (ch == '`' && dialect != Dialect.POSTGRESQL)) {
                int end = closeQuote(script, i, dialect);
                if (end < 0) {
                    throw new IllegalArgumentException("line " + line + ": unterminated " + ch + " quote");
                }
                if (startLine < 0) {
                    startLine = line;
                }
                String q = script.substring(i, end + 1);
                current.append(q);
                line += count(q, '\n');
                i = end + 1;
                continue;
            }
            if (ch == '$' && dialect != Dialect.MYSQL) {
                int tagEnd = dollarTagEnd(script, i);
                if (tagEnd > 0) {
                    String tag = script.substring(i, tagEnd + 1);
                    int close = script.indexOf(tag, tagEnd + 1);
                    if (close < 0) {
                        throw new IllegalArgumentException("line " + line + ": unterminated " + tag + " quote");
                    }
                    if (startLine < 0) {
                        startLine = line;
                    }
                    String q = script.substring(i, close + tag.length());
                    current.append(q);
                    line += count(q, '\n');
                    i = close + tag.length();
                    continue;
                }
            }
            if (script.startsWith(delimiter, i)) {
                add(out, current, startLine);
                current.setLength(0);
                startLine = -1;
                i += delimiter.length();
                continue;
            }
            if (startLine < 0 && !Character.isWhitespace(ch)) {
                startLine = line;
            }
            current.append(ch);
            i++;
        }
        add(out, current, startLine);
        return out;
    }

    /**
     * Runs every statement of {@code script} on {@code connection}, each through {@code rewrite} first.
     *
     * @return the number of statements executed
     * @throws SQLException naming the script, the line and the start of the failing statement
     */
    public static int run(Connection connection, String scriptName, String script, Dialect dialect, UnaryOperator<String> rewrite)
            throws SQLException {
        int count = 0;
        try (Statement st = connection.createStatement()) {
            for (ScriptStatement s : split(script, dialect)) {
                String sql = rewrite == null ? s.sql() : rewrite.apply(s.sql());
                try {
                    st.execute(sql);
                } catch (SQLException e) {
                    String head = sql.length() > 80 ? sql.substring(0, 80) + "..." : sql;
                    throw new SQLException(scriptName + " line " + s.line() + ": " + Redaction.redact(e.getMessage()) + " in: " + head,
                            e.getSQLState(), e.getErrorCode(), e);
                }
                count++;
            }
        }
        return count;
    }

    private static void add(List<ScriptStatement> out, StringBuilder current, int startLine) {
        String sql = current.toString().trim();
        if (!sql.isEmpty()) {
            out.add(new ScriptStatement(sql, startLine < 0 ? 1 : startLine));
        }
    }

    private static boolean startsWithWord(String s, int i, String word) {
        int j = i;
        while (j < s.length() && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) {
            j++;
        }
        if (!s.regionMatches(true, j, word, 0, word.length())) {
            return false;
        }
        int after = j + word.length();
        return after < s.length() && Character.isWhitespace(s.charAt(after));
    }

    private static int closeQuote(String s, int open, Dialect dialect) {
        char q = s.charAt(open);
        int i = open + 1;
        while (i < s.length()) {
            char ch = s.charAt(i);
            if (ch == '\\' && dialect == Dialect.MYSQL && q != '`') {
                i += 2;
                continue;
            }
            if (ch == q) {
                if (i + 1 < s.length() && s.charAt(i + 1) == q) {
                    i += 2;
                    continue;
                }
                return i;
            }
            i++;
        }
        return -1;
    }

    /** For {@code $tag$} or {@code $$} starting at {@code i}, the index of the closing {@code $} of the tag; else -1. */
    private static int dollarTagEnd(String s, int i) {
        if (i > 0 && (Character.isLetterOrDigit(s.charAt(i - 1)) || s.charAt(i - 1) == '_')) {
            return -1; // part of an identifier such as a$b
        }
        int j = i + 1;
        while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
            if (j == i + 1 && Character.isDigit(s.charAt(j))) {
                return -1; // $1 parameter
            }
            j++;
        }
        return j < s.length() && s.charAt(j) == '$' ? j : -1;
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
