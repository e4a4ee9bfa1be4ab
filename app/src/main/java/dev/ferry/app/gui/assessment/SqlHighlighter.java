package dev.ferry.app.gui.assessment;

import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Syntax colouring for the code panes: a small hand-written scanner for SQL and PL/SQL / PL/pgSQL (keywords, strings,
 * quoted identifiers, comments, numbers). Display only: it never changes text. Stateless.
 */
public final class SqlHighlighter {

    private static final Set<String> KEYWORDS = Set.of(
            "add", "after", "all", "alter", "and", "as", "asc", "before", "begin", "between", "body", "by", "cascade",
            "case", "check", "column", "comment", "commit", "constraint", "create", "cross", "current", "cursor",
            "declare", "default", "delete", "desc", "distinct", "drop", "each", "else", "elsif", "end", "exception",
            "exists", "execute", "for", "foreign", "from", "full", "function", "grant", "group", "having", "if", "in",
            "index", "inner", "insert", "into", "is", "join", "key", "language", "left", "like", "loop", "not", "null",
            "of", "on", "or", "order", "outer", "package", "perform", "primary", "procedure", "raise", "references",
            "replace", "return", "returns", "right", "row", "schema", "select", "sequence", "set", "start", "table",
            "then", "trigger", "type", "union", "unique", "update", "using", "values", "view", "when", "where", "while",
            "with", "increment", "minvalue", "maxvalue", "nocache", "cache", "cycle", "nocycle", "generated", "always",
            "identity", "enable", "disable", "new", "old", "plpgsql", "varchar2", "varchar", "number", "numeric",
            "integer", "int", "bigint", "smallint", "date", "timestamp", "text", "char", "boolean", "clob", "blob",
            "bytea", "true", "false", "limit", "offset", "except", "minus", "intersect", "returning", "do", "nothing");

    private SqlHighlighter() {
    }

    public static StyleSpans<Collection<String>> spans(String text) {
        StyleSpansBuilder<Collection<String>> b = new StyleSpansBuilder<>();
        int n = text.length();
        int i = 0;
        int plainStart = 0;
        while (i < n) {
            char c = text.charAt(i);
            int end = -1;
            String style = null;
            if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
                end = text.indexOf('\n', i);
                end = end < 0 ? n : end;
                style = "sql-comment";
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                end = text.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                style = "sql-comment";
            } else if (c == '\'' || c == '"') {
                end = i + 1;
                while (end < n) {
                    if (text.charAt(end) == c) {
                        if (end + 1 < n && text.charAt(end + 1) == c) {
                            end += 2;
                            continue;
                        }
                        end++;
                        break;
                    }
                    end++;
                }
                style = c == '\'' ? "sql-string" : "sql-quoted";
            } else if (Character.isDigit(c) && (i == 0 || !isWord(text.charAt(i - 1)))) {
                end = i;
                while (end < n && (Character.isDigit(text.charAt(end)) || text.charAt(end) == '.')) {
                    end++;
                }
                style = "sql-number";
            } else if (isWord(c) && (i == 0 || !isWord(text.charAt(i - 1)))) {
                end = i;
                while (end < n && isWord(text.charAt(end))) {
                    end++;
                }
                if (KEYWORDS.contains(text.substring(i, end).toLowerCase(Locale.ROOT))) {
                    style = "sql-keyword";
                } else {
                    i = end;
                    continue;
                }
            }
            if (style == null) {
                i++;
                continue;
            }
            b.add(List.of(), i - plainStart);
            b.add(List.of(style), end - i);
            i = end;
            plainStart = end;
        }
        b.add(List.of(), n - plainStart);
        return b.create();
    }

    private static boolean isWord(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '#';
    }
}
