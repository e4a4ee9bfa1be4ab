package dev.ferry.converter.parse.mysql;

/**
 * Where a statement sits in its source file: 0-based char offsets (end exclusive) and 1-based line:column of its
 * first and last character.
 */
public record MySqlSpan(int startOffset, int endOffset, int startLine, int startColumn, int endLine, int endColumn) {

    @Override
    public String toString() {
        return startLine + ":" + startColumn + "-" + endLine + ":" + endColumn;
    }
}
