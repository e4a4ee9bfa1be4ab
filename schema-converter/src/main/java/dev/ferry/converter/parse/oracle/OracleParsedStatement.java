package dev.ferry.converter.parse.oracle;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One statement of a script that parsed without errors.
 *
 * @param kind       what the statement is
 * @param objectName the object it creates/alters/drops or the DML target (schema-qualified as written, quotes kept),
 *                   when it has one; for COMMENT ON COLUMN it is {@code [schema.]table.column}
 * @param file       the file it came from (an included file for statements from {@code @@file})
 * @param line       1-based start line in {@code file}
 * @param column     1-based start column in {@code file}
 * @param endLine    1-based line of its last character
 * @param endColumn  1-based column of its last character
 * @param text       the statement text after substitution, without the SQL*Plus terminator
 * @param handle     opaque handle for the converter
 */
public record OracleParsedStatement(OracleStatementKind kind, Optional<String> objectName, Path file, int line,
                                    int column, int endLine, int endColumn, String text, OracleParseHandle handle) {

    @Override
    public String toString() {
        return kind + objectName.map(n -> " " + n).orElse("") + " @" + file.getFileName() + ":" + line + ":" + column;
    }
}
