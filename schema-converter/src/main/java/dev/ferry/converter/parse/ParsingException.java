package dev.ferry.converter.parse;

/**
 * A syntax error at a position of a source file. {@link #getMessage()} reads
 * {@code schema.sql:12:7: mismatched input 'TABEL' expecting ...}: 1-based line and column relative to the whole file.
 */
public final class ParsingException extends RuntimeException {

    private final String errorMessage;
    private final String file;
    private final int line;
    private final int column;

    /**
     * @param message the bare message (without position)
     * @param file    file name for messages (as given by the caller)
     * @param line    1-based line in the file
     * @param column  1-based column in the line
     */
    public ParsingException(String message, String file, int line, int column) {
        super(file + ":" + line + ":" + column + ": " + message);
        this.errorMessage = message;
        this.file = file;
        this.line = line;
        this.column = column;
    }

    /** The message without the position prefix. */
    public String getErrorMessage() {
        return errorMessage;
    }

    public String getFile() {
        return file;
    }

    public int getLine() {
        return line;
    }

    public int getColumn() {
        return column;
    }
}
