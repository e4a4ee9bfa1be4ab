package dev.ferry.converter.parse.postgres;

import dev.ferry.converter.parse.LineIndex;
import dev.ferry.converter.parse.StatementChunk;
import dev.ferry.converter.parse.StatementSplitter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Splits PostgreSQL scripts (psql style) at semicolons outside quotes ({@code '..'}, {@code E'..'} with backslash
 * escapes, {@code ".."}), dollar quotes ({@code $$..$$}, {@code $tag$..$tag$}), nested block comments, line
 * comments and SQL-standard {@code BEGIN ATOMIC ... END} bodies. A line starting with a backslash where a statement
 * would start is a psql meta-command ({@code \i file}, {@code \c db}) and becomes a client-command chunk ending at the
 * end of the line. After {@code COPY ... FROM stdin;} the data lines up to the {@code \.} line are attached to the
 * COPY chunk as its inline data. Stateless and thread-safe.
 */
public final class PostgresStatementSplitter implements StatementSplitter {

    private static final Pattern COPY_FROM_STDIN =
            Pattern.compile("(?is)^COPY\\b.*\\bFROM\\s+STDIN\\b.*");

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
            if (c == '\\') {
                int end = endOfLine(s, pos);
                out.add(lines.chunk(pos, end, true, null));
                pos = end;
                continue;
            }
            int start = pos;
            int end = -1;
            int atomicDepth = 0;
            String previousWord = "";
            while (pos < n) {
                c = s.charAt(pos);
                if (c == '\'') {
                    boolean escape = pos > start && (s.charAt(pos - 1) == 'E' || s.charAt(pos - 1) == 'e')
                            && (pos - 1 == start || !isIdentChar(s.charAt(pos - 2)));
                    pos = skipString(s, pos, escape);
                } else if (c == '"') {
                    int close = s.indexOf('"', pos + 1);
                    pos = close < 0 ? n : close + 1; // "" inside a name just re-enters a quoted run
                } else if (c == '$' && (pos == start || !isIdentChar(s.charAt(pos - 1)))) {
                    pos = skipDollar(s, pos);
                } else if (c == '-' && pos + 1 < n && s.charAt(pos + 1) == '-') {
                    pos = endOfLine(s, pos);
                } else if (c == '/' && pos + 1 < n && s.charAt(pos + 1) == '*') {
                    pos = skipBlockComment(s, pos);
                } else if (Character.isLetter(c) || c == '_') {
                    int w = pos;
                    while (pos < n && isIdentChar(s.charAt(pos))) {
                        pos++;
                    }
                    String word = s.substring(w, pos).toUpperCase(Locale.ROOT);
                    if (word.equals("ATOMIC") && previousWord.equals("BEGIN")) {
                        atomicDepth++;
                    } else if (atomicDepth > 0 && word.equals("CASE")) {
                        atomicDepth++;
                    } else if (atomicDepth > 0 && word.equals("END")) {
                        atomicDepth--;
                    }
                    previousWord = word;
                } else if (c == ';' && atomicDepth == 0) {
                    end = pos;
                    pos++;
                    break;
                } else {
                    pos++;
                }
            }
            if (end < 0) {
                out.add(lines.chunk(start, n, false, null));
                break;
            }
            String statement = s.substring(start, end);
            if (COPY_FROM_STDIN.matcher(statement).matches()) {
                int dataStart = endOfLine(s, pos);
                dataStart = skipNewline(s, dataStart);
                int p = dataStart;
                int dataEnd = n;
                int after = n;
                while (p < n) {
                    int eol = endOfLine(s, p);
                    if (s.substring(p, eol).strip().equals("\\.")) {
                        dataEnd = p;
                        after = skipNewline(s, eol);
                        break;
                    }
                    p = skipNewline(s, eol);
                }
                out.add(lines.chunk(start, end, false, s.substring(Math.min(dataStart, dataEnd), dataEnd)));
                pos = after;
            } else {
                out.add(lines.chunk(start, end, false, null));
            }
        }
        return out;
    }

    private static boolean isIdentChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    private static int skipString(String s, int pos, boolean backslashEscapes) {
        int i = pos + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
                continue;
            }
            if (c == '\'') {
                if (i + 1 < s.length() && s.charAt(i + 1) == '\'') {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return s.length();
    }

    /** At a '$': skips a dollar-quoted string when one starts here, else just the '$'. */
    private static int skipDollar(String s, int pos) {
        int i = pos + 1;
        if (i < s.length() && (Character.isLetter(s.charAt(i)) || s.charAt(i) == '_')) {
            while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                i++;
            }
        }
        if (i >= s.length() || s.charAt(i) != '$') {
            return pos + 1; // $1 parameter or a stray '$'
        }
        String tag = s.substring(pos, i + 1);
        int close = s.indexOf(tag, i + 1);
        return close < 0 ? s.length() : close + tag.length();
    }

    private static int skipBlockComment(String s, int pos) {
        int depth = 0;
        int i = pos;
        while (i < s.length()) {
            if (s.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (s.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return s.length();
    }

    private static int endOfLine(String s, int pos) {
        while (pos < s.length() && s.charAt(pos) != '\n' && s.charAt(pos) != '\r') {
            pos++;
        }
        return pos;
    }

    private static int skipNewline(String s, int pos) {
        if (pos < s.length() && s.charAt(pos) == '\r') {
            pos++;
        }
        if (pos < s.length() && s.charAt(pos) == '\n') {
            pos++;
        }
        return pos;
    }

    private static int skipBlanksAndComments(String s, int pos) {
        int n = s.length();
        while (pos < n) {
            char c = s.charAt(pos);
            if (Character.isWhitespace(c) || c == '\uFEFF') {
                pos++;
            } else if (c == '-' && pos + 1 < n && s.charAt(pos + 1) == '-') {
                pos = endOfLine(s, pos);
            } else if (c == '/' && pos + 1 < n && s.charAt(pos + 1) == '*') {
                int end = skipBlockComment(s, pos);
                if (end >= n && !s.endsWith("*/")) {
                    return pos;
                }
                pos = end;
            } else {
                break;
            }
        }
        return pos;
    }
}
