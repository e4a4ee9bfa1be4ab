package dev.ferry.converter.parse;

import java.util.Arrays;

/** Maps UTF-16 offsets of a script to 1-based line and column (code points, tabs count as one). */
public final class LineIndex {

    private final String text;
    private final int[] lineStarts;

    public LineIndex(String text) {
        this.text = text;
        int[] starts = new int[16];
        int n = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = i + 1;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, n);
    }

    public int line(int offset) {
        int i = Arrays.binarySearch(lineStarts, offset);
        return (i >= 0 ? i : -i - 2) + 1;
    }

    public int column(int offset) {
        int start = lineStarts[line(offset) - 1];
        return text.codePointCount(start, offset) + 1;
    }

    /** A chunk for {@code text[start, end)} with trailing blanks removed. */
    public StatementChunk chunk(int start, int end, boolean clientCommand, String inlineData) {
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return new StatementChunk(text.substring(start, end), start, line(start), column(start), clientCommand,
                inlineData);
    }
}
