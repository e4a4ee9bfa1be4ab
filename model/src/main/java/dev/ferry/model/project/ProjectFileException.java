package dev.ferry.model.project;

import java.io.IOException;

/**
 * A project file (or a DMS table-mapping document) that cannot be read or written. The message is complete and meant
 * for the user, e.g. {@code p.json: $.tasks[0].settings.CommitRate (line 12, column 30): must be an integer between 1
 * and 100000}; it never contains a secret.
 */
public class ProjectFileException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String jsonPath;
    private final int line;
    private final int column;

    public ProjectFileException(String message) {
        this(message, null, -1, -1, null);
    }

    public ProjectFileException(String message, String jsonPath, int line, int column, Throwable cause) {
        super(message, cause);
        this.jsonPath = jsonPath;
        this.line = line;
        this.column = column;
    }

    /** The JSON path of the offending value, e.g. {@code $.tasks[0].type}, or {@code null}. */
    public String jsonPath() {
        return jsonPath;
    }

    /** 1-based line of the offending value, or -1 when unknown. */
    public int line() {
        return line;
    }

    /** 1-based column of the offending value, or -1 when unknown. */
    public int column() {
        return column;
    }
}
