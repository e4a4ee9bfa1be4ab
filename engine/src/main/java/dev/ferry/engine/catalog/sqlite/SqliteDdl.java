package dev.ferry.engine.catalog.sqlite;

import dev.ferry.engine.catalog.CatalogText;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A deliberately tiny tokenizer for the {@code CREATE TABLE / INDEX / VIEW / TRIGGER} text SQLite stores in
 * {@code sqlite_schema}: just enough to find CHECK constraints, generated-column expressions, foreign-key clauses,
 * index expressions and trigger headers. Full parsing is the schema converter's job.
 *
 * <p>Tokens are words, quoted identifiers ({@code "x"}, {@code [x]}, {@code `x`}), string literals, parenthesised
 * groups (one token holding the whole group, parentheses included) and single punctuation characters. Comments are
 * skipped. Stateless and thread-safe.
 */
final class SqliteDdl {

    enum Kind { WORD, QUOTED, STRING, GROUP, PUNCT }

    record Token(Kind kind, String text, int start, int end) {
        /** The identifier this token names (unquoted), or the word itself. */
        String identifier() {
            return kind == Kind.QUOTED ? CatalogText.unquoteIdentifier(text) : text;
        }

        boolean is(String keyword) {
            return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
        }

        /** The text inside a group's parentheses. */
        String inner() {
            return kind == Kind.GROUP ? text.substring(1, text.length() - 1) : text;
        }
    }

    private SqliteDdl() {
    }

    static List<Token> tokens(String sql) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char ch = sql.charAt(i);
            if (Character.isWhitespace(ch)) {
                i++;
            } else if (ch == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int eol = sql.indexOf('\n', i);
                i = eol < 0 ? n : eol + 1;
            } else if (ch == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (ch == '"' || ch == '`') {
                int end = CatalogText.skipQuoted(sql, i);
                out.add(new Token(Kind.QUOTED, sql.substring(i, end + 1), i, end + 1));
                i = end + 1;
            } else if (ch == '[') {
                int end = sql.indexOf(']', i);
                end = end < 0 ? n - 1 : end;
                out.add(new Token(Kind.QUOTED, sql.substring(i, end + 1), i, end + 1));
                i = end + 1;
            } else if (ch == '\'') {
                int end = skipString(sql, i);
                out.add(new Token(Kind.STRING, sql.substring(i, end + 1), i, end + 1));
                i = end + 1;
            } else if (ch == '(') {
                int end = closeParen(sql, i);
                out.add(new Token(Kind.GROUP, sql.substring(i, end + 1), i, end + 1));
                i = end + 1;
            } else if (Character.isLetterOrDigit(ch) || ch == '_' || ch == '$' || ch == '.' && i + 1 < n && Character.isDigit(sql.charAt(i + 1))) {
                int j = i;
                while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_' || sql.charAt(j) == '$'
                        || (sql.charAt(j) == '.' && j + 1 < n && Character.isDigit(sql.charAt(j + 1))))) {
                    j++;
                }
                out.add(new Token(Kind.WORD, sql.substring(i, j), i, j));
                i = j;
            } else {
                out.add(new Token(Kind.PUNCT, String.valueOf(ch), i, i + 1));
                i++;
            }
        }
        return out;
    }

    /** SQLite strings only double the quote; there are no backslash escapes. */
    private static int skipString(String s, int open) {
        int i = open + 1;
        while (i < s.length()) {
            if (s.charAt(i) == '\'') {
                if (i + 1 < s.length() && s.charAt(i + 1) == '\'') {
                    i += 2;
                    continue;
                }
                return i;
            }
            i++;
        }
        return s.length() - 1;
    }

    /** Closing parenthesis of the group at {@code open}, honouring SQLite's quoting rules. */
    private static int closeParen(String s, int open) {
        int depth = 0;
        int i = open;
        while (i < s.length()) {
            char ch = s.charAt(i);
            if (ch == '\'') {
                i = skipString(s, i) + 1;
                continue;
            }
            if (ch == '"' || ch == '`') {
                i = CatalogText.skipQuoted(s, i) + 1;
                continue;
            }
            if (ch == '[') {
                int end = s.indexOf(']', i);
                i = end < 0 ? s.length() : end + 1;
                continue;
            }
            if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
            i++;
        }
        return s.length() - 1;
    }

    /** The column definitions and table constraints of a {@code CREATE TABLE}, each as its source text. */
    static List<String> tableElements(String createTable) {
        for (Token t : tokens(createTable)) {
            if (t.kind == Kind.GROUP) {
                return splitOnCommas(t.inner());
            }
        }
        return List.of();
    }

    /** Splits on top-level commas using SQLite's quoting rules. */
    static List<String> splitOnCommas(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (Token t : tokens(text)) {
            if (t.kind == Kind.PUNCT && t.text.equals(",")) {
                out.add(text.substring(start, t.start).trim());
                start = t.end;
            }
        }
        String last = text.substring(start).trim();
        if (!last.isEmpty()) {
            out.add(last);
        }
        return out;
    }

    /** Whether a table element is a table constraint rather than a column definition. */
    static boolean isTableConstraint(String element) {
        List<Token> ts = tokens(element);
        if (ts.isEmpty() || ts.get(0).kind != Kind.WORD) {
            return false;
        }
        String first = ts.get(0).text.toUpperCase(Locale.ROOT);
        return first.equals("CONSTRAINT") || first.equals("PRIMARY") || first.equals("UNIQUE") || first.equals("CHECK")
                || first.equals("FOREIGN");
    }

    /** Index of the first token that is {@code keyword}, from {@code from}; -1 when absent. */
    static int find(List<Token> ts, int from, String keyword) {
        for (int i = Math.max(0, from); i < ts.size(); i++) {
            if (ts.get(i).is(keyword)) {
                return i;
            }
        }
        return -1;
    }

    /** Source text from token {@code from} (inclusive) to token {@code to} (exclusive). */
    static String text(String sql, List<Token> ts, int from, int to) {
        if (from >= ts.size() || from >= to) {
            return "";
        }
        return sql.substring(ts.get(from).start, ts.get(Math.min(to, ts.size()) - 1).end).trim();
    }
}
