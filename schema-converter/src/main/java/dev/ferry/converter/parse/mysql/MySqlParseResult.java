package dev.ferry.converter.parse.mysql;

import java.util.List;

/** The outcome of parsing a whole MySQL / MariaDB script: every statement, parsed or failed, in source order. */
public record MySqlParseResult(String fileName, List<MySqlParsedStatement> statements) {

    public MySqlParseResult {
        statements = List.copyOf(statements);
    }

    /** The successfully parsed statements, in order. */
    public List<MySqlParsedStatement> parsed() {
        return statements.stream().filter(MySqlParsedStatement::isParsed).toList();
    }

    /** The errors, in order (one per failed statement). */
    public List<MySqlParsingException> errors() {
        return statements.stream().filter(s -> !s.isParsed()).map(MySqlParsedStatement::error).toList();
    }

    public boolean hasErrors() {
        return statements.stream().anyMatch(s -> !s.isParsed());
    }

    /** Throws the first error, if any (its message names file:line:column). */
    public MySqlParseResult orThrow() {
        if (hasErrors()) {
            MySqlParsingException first = errors().get(0);
            if (errors().size() > 1) {
                first.addSuppressed(new IllegalStateException((errors().size() - 1) + " more syntax error(s) in " + fileName));
            }
            throw first;
        }
        return this;
    }
}
