package dev.ferry.converter.parse.oracle;

import java.util.List;

/**
 * The outcome of parsing an Oracle script: the statements that parsed, one error per statement that did not (and per
 * script problem such as an undefined substitution variable), and the SQL*Plus commands that were skipped.
 */
public record OracleParseResult(List<OracleParsedStatement> statements, List<OracleParsingException> errors,
                                List<SqlPlusScript.SkippedCommand> skippedCommands) {

    public OracleParseResult {
        statements = List.copyOf(statements);
        errors = List.copyOf(errors);
        skippedCommands = List.copyOf(skippedCommands);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }
}
