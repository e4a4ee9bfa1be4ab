package dev.ferry.converter.parse.mysql;

import java.util.ArrayList;
import java.util.List;

/** Helpers for MySQL identifiers as written: backtick / double-quote unquoting and qualified-name splitting. */
public final class MySqlNames {

    private MySqlNames() {
    }

    /** Removes backticks (or double quotes) around one identifier, un-doubling embedded quotes. */
    public static String unquote(String identifier) {
        String s = identifier.strip();
        if (s.length() >= 2) {
            char q = s.charAt(0);
            if ((q == '`' || q == '"') && s.charAt(s.length() - 1) == q) {
                return s.substring(1, s.length() - 1).replace(String.valueOf(q) + q, String.valueOf(q));
            }
        }
        return s;
    }

    /** Splits {@code a.`b.c`} into its unquoted parts [a, b.c] (dots inside quotes kept). */
    public static List<String> split(String qualified) {
        List<String> parts = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < qualified.length(); i++) {
            char c = qualified.charAt(i);
            if (quote != 0) {
                cur.append(c);
                if (c == quote) {
                    if (i + 1 < qualified.length() && qualified.charAt(i + 1) == quote) {
                        cur.append(qualified.charAt(++i));
                    } else {
                        quote = 0;
                    }
                }
            } else if (c == '`' || c == '"') {
                quote = c;
                cur.append(c);
            } else if (c == '.') {
                parts.add(unquote(cur.toString()));
                cur.setLength(0);
            } else if (!Character.isWhitespace(c)) {
                cur.append(c);
            }
        }
        parts.add(unquote(cur.toString()));
        return parts;
    }
}
