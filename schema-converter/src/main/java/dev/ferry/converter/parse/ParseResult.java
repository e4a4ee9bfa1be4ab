package dev.ferry.converter.parse;

import dev.ferry.converter.ast.Statement;
import java.util.List;

/** The outcome of parsing a whole script: every statement, parsed or failed, in source order. */
public record ParseResult(String fileName, List<ParsedStatement> statements) {

    public ParseResult {
        statements = List.copyOf(statements);
    }

    /** The successfully parsed statements, in order. */
    public List<Statement> parsed() {
        return statements.stream().filter(ParsedStatement::isParsed).map(ParsedStatement::statement).toList();
    }

    /** The errors, in order (one per failed statement). */
    public List<ParsingException> errors() {
        return statements.stream().filter(s -> !s.isParsed()).map(ParsedStatement::error).toList();
    }

    public boolean hasErrors() {
        return statements.stream().anyMatch(s -> !s.isParsed());
    }
}
