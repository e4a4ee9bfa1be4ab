package dev.ferry.converter.parse.sqlite;

import dev.ferry.converter.parse.LineIndex;
import dev.ferry.converter.parse.StatementChunk;
import dev.ferry.converter.parse.StatementSplitter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits SQLite scripts at semicolons outside quotes ({@code '..'}, {@code ".."}, {@code `..`}, {@code [..]}) and
 * comments. Inside {@code CREATE TRIGGER} the {@code BEGIN ... END} body (with nested {@code CASE ... END}) is kept
 * whole. A line starting with {@code .} where a statement would start is a sqlite3 shell command ({@code .read x})
 * and becomes a client-command chunk. Stateless and thread-safe.
 */
public final class SqliteStatementSplitter implements StatementSplitter {

    @Override
    public List<StatementChunk> split(String s) {
        LineIndex lines = new LineIndex(s);
        List<StatementChunk> out = new ArrayList<>();
        int n = s.length();
        int pos = 0;
        while (pos < n) {
            pos = skipBlanksAndComments(s, pos);
            if (pos >= n) {
                break;
            }
            char c = s.charAt(pos);
            if (c == ';') {
                pos++;
                continue;
            }
            if (c == '.' && (pos == 0 || s.charAt(pos - 1) == '\n' || s.charAt(pos - 1) == '\r')) {
                int end = endOfLine(s, pos);
                out.add(lines.chunk(pos, end, true, null));
                pos = end;
                continue;
            }
            int start = pos;
            int wordIndex = 0;
            boolean trigger = false;
            int depth = 0;
            int end = -1;
            while (pos < n) {
                c = s.charAt(pos);
                if (c == '\'' || c == '"' || c == '`') {
                    pos = skipQuoted(s, pos, c);
                } else if (c == '[') {
                    int close = s.indexOf(']', pos + 1);
                    pos = close < 0 ? n : close + 1;
                } else if (c == '-' && pos + 1 < n && s.charAt(pos + 1) == '-') {
                    pos = endOfLine(s, pos);
                } else if (c == '/' && pos + 1 < n && s.charAt(pos + 1) == '*') {
                    int close = s.indexOf("*/", pos + 2);
                    pos = close < 0 ? n : close + 2;
                } else if (Character.isLetter(c) || c == '_') {
                    int w = pos;
                    while (pos < n && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_'
                            || s.charAt(pos) == '$')) {
                        pos++;
                    }
                    String word = s.substring(w, pos).toUpperCase(Locale.ROOT);
                    boolean qualified = w > 0 && s.charAt(w - 1) == '.';
                    if (wordIndex < 3 && word.equals("TRIGGER") && startsWithCreate(s, start)) {
                        trigger = true;
                    }
                    wordIndex++;
                    if (trigger && !qualified) {
                        if (word.equals("BEGIN") || word.equals("CASE")) {
                            depth++;
                        } else if (word.equals("END") && depth > 0) {
                            depth--;
                        }
                    }
                } else if (c == ';' && depth == 0) {
                    end = pos;
                    pos++;
                    break;
                } else {
                    pos++;
                }
            }
            out.add(lines.chunk(start, end < 0 ? n : end, false, null));
        }
        return out;
    }

    private static boolean startsWithCreate(String s, int start) {
        return s.regionMatches(true, start, "CREATE", 0, 6);
    }

    static int skipQuoted(String s, int pos, char q) {
        int i = pos + 1;
        while (i < s.length()) {
            if (s.charAt(i) == q) {
                if (i + 1 < s.length() && s.charAt(i + 1) == q) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return s.length();
    }

    static int endOfLine(String s, int pos) {
        while (pos < s.length() && s.charAt(pos) != '\n' && s.charAt(pos) != '\r') {
            pos++;
        }
        return pos;
    }

    static int skipBlanksAndComments(String s, int pos) {
        int n = s.length();
        while (pos < n) {
            char c = s.charAt(pos);
            if (Character.isWhitespace(c) || c == '\uFEFF') {
                pos++;
            } else if (c == '-' && pos + 1 < n && s.charAt(pos + 1) == '-') {
                pos = endOfLine(s, pos);
            } else if (c == '/' && pos + 1 < n && s.charAt(pos + 1) == '*') {
                int close = s.indexOf("*/", pos + 2);
                if (close < 0) {
                    return pos; // unterminated comment: leave it to the grammar to report
                }
                pos = close + 2;
            } else {
                break;
            }
        }
        return pos;
    }
}
