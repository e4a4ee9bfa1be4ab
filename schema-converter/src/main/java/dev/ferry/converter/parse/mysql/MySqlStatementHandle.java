package dev.ferry.converter.parse.mysql;

import dev.ferry.grammar.mysql.MySqlParser;

/**
 * Opaque reference to the syntax tree of one successfully parsed statement. Only code in this package (the MySQL
 * AST builder / converters living next to the facade) can open it; everything else passes it around.
 */
public final class MySqlStatementHandle {

    private final MySqlParser.SqlStatementContext tree;

    MySqlStatementHandle(MySqlParser.SqlStatementContext tree) {
        this.tree = tree;
    }

    /** The ANTLR tree (package-private: generated types never leave {@code ..converter..parse..}). */
    MySqlParser.SqlStatementContext tree() {
        return tree;
    }
}
