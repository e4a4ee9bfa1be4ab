package dev.ferry.converter.parse.sqlite;

import dev.ferry.converter.ast.Statement;
import dev.ferry.converter.parse.AbstractParserFacade;
import dev.ferry.converter.parse.SourceMapper;
import dev.ferry.converter.parse.StatementSplitter;
import dev.ferry.grammar.sqlite.SqliteLexer;
import dev.ferry.grammar.sqlite.SqliteParser;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.TokenStream;

/**
 * Parses SQLite SQL (schema scripts, dumps, sqlite3 shell scripts) into Ferry's AST.
 * <p>Threading: stateless; one shared instance ({@link #INSTANCE}) may be used from any thread.
 */
public final class SqliteParserFacade extends AbstractParserFacade<SqliteParser, SqliteParser.SingleStatementContext> {

    public static final SqliteParserFacade INSTANCE = new SqliteParserFacade();

    private static final SqliteStatementSplitter SPLITTER = new SqliteStatementSplitter();

    @Override
    protected Lexer createLexer(CharStream input) {
        return new SqliteLexer(input);
    }

    @Override
    protected SqliteParser createParser(TokenStream tokens) {
        return new SqliteParser(tokens);
    }

    @Override
    protected SqliteParser.SingleStatementContext parseEntry(SqliteParser parser) {
        return parser.singleStatement();
    }

    @Override
    protected Statement buildAst(SqliteParser.SingleStatementContext tree, SourceMapper mapper) {
        return new SqliteAstBuilder(mapper).build(tree);
    }

    @Override
    public StatementSplitter splitter() {
        return SPLITTER;
    }
}
