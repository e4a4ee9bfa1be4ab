package dev.ferry.converter.parse.oracle;

import java.nio.file.Path;

/**
 * A syntax error (or script problem) in Oracle SQL/PL-SQL input, positioned in the original file. The message is
 * {@code file:line:column: message} with 1-based line and column. (Minimal local type; the lead may unify it with a
 * shared {@code dev.ferry.converter.parse.ParsingException}.)
 */
public final class OracleParsingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;
    private final int column;
    private final String detail;

    public OracleParsingException(Path file, int line, int column, String detail) {
        super(file + ":" + line + ":" + column + ": " + detail);
        this.file = file;
        this.line = line;
        this.column = column;
        this.detail = detail;
    }

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The message without the position prefix. */
    public String detail() {
        return detail;
    }
}
