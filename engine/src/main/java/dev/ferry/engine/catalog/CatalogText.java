package dev.ferry.engine.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * Small text helpers the catalog readers share: splitting on top-level commas, matching parentheses, unquoting.
 * They understand single quotes, double quotes and backticks, nothing more; full parsing is the converter's job.
 * Stateless and thread-safe.
 */
public final class CatalogText {

    private CatalogText() {
    }

    /** Splits {@code text} on commas that are outside parentheses and quotes; parts are trimmed, empty parts dropped. */
    public static List<String> splitTopLevel(String text, char separator) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\'' || ch == '"' || ch == '`') {
                i = skipQuoted(text, i);
            } else if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
            } else if (ch == separator && depth == 0) {
                add(out, text.substring(start, i));
                start = i + 1;
            }
        }
        add(out, text.substring(start));
        return out;
    }

    public static List<String> splitTopLevel(String text) {
        return splitTopLevel(text, ',');
    }

    private static void add(List<String> out, String part) {
        String p = part.trim();
        if (!p.isEmpty()) {
            out.add(p);
        }
    }

    /** Index of the closing quote of the quoted run starting at {@code open} (doubled quotes stay inside). */
    public static int skipQuoted(String text, int open) {
        char q = text.charAt(open);
        int i = open + 1;
        while (i < text.length()) {
            char ch = text.charAt(i);
            if (ch == '\\' && q == '\'') {
                i += 2;
                continue;
            }
            if (ch == q) {
                if (i + 1 < text.length() && text.charAt(i + 1) == q) {
                    i += 2;
                    continue;
                }
                return i;
            }
            i++;
        }
        return text.length() - 1;
    }

    /** Index of the parenthesis closing the one at {@code open}, or -1. */
    public static int matchParen(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\'' || ch == '"' || ch == '`') {
                i = skipQuoted(text, i);
            } else if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Removes one pair of enclosing parentheses when they enclose the whole text. */
    public static String stripOuterParens(String text) {
        String t = text == null ? null : text.trim();
        while (t != null && t.startsWith("(") && matchParen(t, 0) == t.length() - 1) {
            t = t.substring(1, t.length() - 1).trim();
        }
        return t;
    }

    /** Unquotes a {@code 'single quoted'} SQL literal (doubled quotes and backslash escapes); other text is returned as is. */
    public static String unquoteLiteral(String text) {
        if (text == null || text.length() < 2 || text.charAt(0) != '\'' || text.charAt(text.length() - 1) != '\'') {
            return text;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i < text.length() - 1; i++) {
            char ch = text.charAt(i);
            if (ch == '\'' && i + 1 < text.length() - 1 && text.charAt(i + 1) == '\'') {
                sb.append('\'');
                i++;
            } else if (ch == '\\' && i + 1 < text.length() - 1) {
                char n = text.charAt(++i);
                switch (n) {
                    case 'n': sb.append('\n'); break;
                    case 't': sb.append('\t'); break;
                    case 'r': sb.append('\r'); break;
                    case '0': sb.append('\0'); break;
                    default: sb.append(n);
                }
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    /** Quotes {@code value} as a standard SQL string literal. */
    public static String quoteLiteral(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** Unquotes an identifier quoted with {@code "}, {@code `} or {@code [ ]}; other text is returned as is. */
    public static String unquoteIdentifier(String text) {
        if (text == null || text.length() < 2) {
            return text;
        }
        char f = text.charAt(0);
        char l = text.charAt(text.length() - 1);
        if ((f == '"' && l == '"') || (f == '`' && l == '`')) {
            String q = String.valueOf(f);
            return text.substring(1, text.length() - 1).replace(q + q, q);
        }
        if (f == '[' && l == ']') {
            return text.substring(1, text.length() - 1);
        }
        return text;
    }

    /** Parses {@code (a, b)} style integer arguments from the first parenthesised group of a type text. */
    public static List<Integer> typeArguments(String typeText) {
        List<Integer> out = new ArrayList<>();
        if (typeText == null) {
            return out;
        }
        int open = typeText.indexOf('(');
        if (open < 0) {
            return out;
        }
        int close = matchParen(typeText, open);
        if (close < 0) {
            return out;
        }
        for (String p : splitTopLevel(typeText.substring(open + 1, close))) {
            try {
                out.add(Integer.parseInt(p.trim()));
            } catch (NumberFormatException e) {
                // not numeric (e.g. enum members): not a length/precision
                return new ArrayList<>();
            }
        }
        return out;
    }
}
