package dev.ferry.converter.ast;

/**
 * Where an AST node came from in its source file.
 *
 * @param line        1-based line of the first character
 * @param column      1-based column of the first character
 * @param startOffset 0-based UTF-16 offset of the first character in the whole file
 * @param stopOffset  0-based UTF-16 offset just past the last character (exclusive)
 * @param text        the original text, exactly as written
 */
public record SourceSpan(int line, int column, int startOffset, int stopOffset, String text) {

    /** A span for text that has no file position (built by code, not parsed). */
    public static SourceSpan synthetic(String text) {
        return new SourceSpan(0, 0, 0, 0, text);
    }

    @Override
    public String toString() {
        return line + ":" + column + "[" + startOffset + ".." + stopOffset + ")";
    }
}
