package dev.ferry.converter.parse.oracle;

import dev.ferry.grammar.oracle.OracleParser;

/**
 * Opaque handle on a parsed statement, for the converter in this package tree to walk later. The parse tree itself is
 * only reachable from {@code dev.ferry.converter.parse..}; nothing ANTLR-typed is public.
 */
public final class OracleParseHandle {

    private final OracleParser.UnitStatementContext tree;

    OracleParseHandle(OracleParser.UnitStatementContext tree) {
        this.tree = tree;
    }

    /** The ANTLR parse tree of the statement (package-private on purpose). */
    OracleParser.UnitStatementContext tree() {
        return tree;
    }
}
