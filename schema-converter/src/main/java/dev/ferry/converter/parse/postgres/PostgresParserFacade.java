package dev.ferry.converter.parse.postgres;

import dev.ferry.converter.ast.Statement;
import dev.ferry.converter.parse.AbstractParserFacade;
import dev.ferry.converter.parse.SourceMapper;
import dev.ferry.converter.parse.StatementSplitter;
import dev.ferry.grammar.postgres.PostgresLexer;
import dev.ferry.grammar.postgres.PostgresParser;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.TokenStream;

/**
 * Parses PostgreSQL scripts (pg_dump output, psql scripts, Ferry's generated DDL) into Ferry's AST.
 * <p>Threading: stateless; one shared instance ({@link #INSTANCE}) may be used from any thread.
 */
public final class PostgresParserFacade
        extends AbstractParserFacade<PostgresParser, PostgresParser.SingleStatementContext> {

    public static final PostgresParserFacade INSTANCE = new PostgresParserFacade();

    private static final PostgresStatementSplitter SPLITTER = new PostgresStatementSplitter();

    @Override
    protected Lexer createLexer(CharStream input) {
        return new PostgresLexer(input);
    }

    @Override
    protected PostgresParser createParser(TokenStream tokens) {
        return new PostgresParser(tokens);
    }

    @Override
    protected PostgresParser.SingleStatementContext parseEntry(PostgresParser parser) {
        return parser.singleStatement();
    }

    @Override
    protected Statement buildAst(PostgresParser.SingleStatementContext tree, SourceMapper mapper) {
        return new PostgresAstBuilder(mapper).build(tree);
    }

    @Override
    public StatementSplitter splitter() {
        return SPLITTER;
    }
}
