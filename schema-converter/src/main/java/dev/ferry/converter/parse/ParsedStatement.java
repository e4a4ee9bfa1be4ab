package dev.ferry.converter.parse;

import dev.ferry.converter.ast.Statement;

/** One statement of a script: either parsed ({@code statement}) or failed ({@code error}). */
public record ParsedStatement(StatementChunk chunk, Statement statement, ParsingException error) {

    public boolean isParsed() {
        return statement != null;
    }
}
