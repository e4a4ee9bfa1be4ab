package dev.ferry.converter.parse.oracle;

import dev.ferry.grammar.oracle.OracleLexer;
import dev.ferry.grammar.oracle.OracleParser;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.antlr.v4.runtime.tree.ParseTree;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Parses Oracle SQL*Plus scripts with Ferry's own Oracle grammar. Each statement found by {@link SqlPlusScript} is
 * parsed on its own, first with fast SLL prediction and bail-out, then (only if that fails) with full LL and error
 * collection; a statement with a syntax error becomes one {@link OracleParsingException} whose message is
 * {@code file:line:column: message} in the original file, and the remaining statements are still parsed.
 *
 * <p>Threading: stateless; instances may be shared between threads (each call builds its own lexer and parser).
 */
public final class OracleParserFacade {

    /** Parses a script file, expanding {@code @}/{@code @@} includes relative to it. */
    public OracleParseResult parseFile(Path file) throws IOException {
        return parseFile(file, Map.of());
    }

    /** Parses a script file with predefined substitution variables. */
    public OracleParseResult parseFile(Path file, Map<String, String> defines) throws IOException {
        return parse(SqlPlusScript.read(file, defines));
    }

    /** Parses script text that claims to come from {@code file} (used in messages and to resolve includes). */
    public OracleParseResult parseScript(String text, Path file) {
        return parse(SqlPlusScript.parse(text, file, Map.of()));
    }

    /**
     * Parses one statement's text as is, without SQL*Plus processing (no splitting, no substitution), e.g. DDL from
     * {@code DBMS_METADATA.GET_DDL} or a view's query; positions in errors are relative to {@code origin}.
     */
    public OracleParsedStatement parseStatementText(String sql, Path origin) {
        int[] lines = new int[sql.codePointCount(0, sql.length())];
        int[] cols = new int[lines.length];
        int line = 1;
        int col = 1;
        int i = 0;
        for (int off = 0; off < sql.length(); ) {
            int cp = sql.codePointAt(off);
            lines[i] = line;
            cols[i] = col;
            i++;
            if (cp == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
            off += Character.charCount(cp);
        }
        String upper = sql.stripLeading().toUpperCase(Locale.ROOT);
        boolean plsql = upper.startsWith("DECLARE") || upper.startsWith("BEGIN");
        return parseStatement(new SqlPlusScript.Statement(origin, sql, plsql, lines, cols));
    }

    /** Parses an already split script. */
    public OracleParseResult parse(SqlPlusScript script) {
        List<OracleParsedStatement> ok = new ArrayList<>();
        List<OracleParsingException> errors = new ArrayList<>();
        for (SqlPlusScript.Problem p : script.problems()) {
            errors.add(new OracleParsingException(p.file(), p.line(), p.column(), p.message()));
        }
        for (SqlPlusScript.Statement st : script.statements()) {
            try {
                ok.add(parseStatement(st));
            } catch (OracleParsingException e) {
                errors.add(e);
            }
        }
        return new OracleParseResult(ok, errors, script.skippedCommands());
    }

    /** Parses one statement; throws the first syntax error, positioned in the statement's original file. */
    OracleParsedStatement parseStatement(SqlPlusScript.Statement st) {
        OracleLexer lexer = new OracleLexer(CharStreams.fromString(st.text()));
        lexer.removeErrorListeners();
        ErrorCollector lexErrors = new ErrorCollector(st);
        lexer.addErrorListener(lexErrors);
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        if (lexErrors.first != null) {
            throw lexErrors.first;
        }
        OracleParser parser = new OracleParser(tokens);
        parser.removeErrorListeners();
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        OracleParser.SingleStatementContext tree;
        try {
            tree = parser.singleStatement();
        } catch (ParseCancellationException sllFailed) {
            tokens.seek(0);
            parser.reset();
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            parser.setErrorHandler(new DefaultErrorStrategy());
            ErrorCollector collector = new ErrorCollector(st);
            parser.addErrorListener(collector);
            tree = parser.singleStatement();
            if (collector.first != null) {
                throw collector.first;
            }
        }
        OracleParser.UnitStatementContext unit = tree.unitStatement();
        Token stop = unit.getStop() == null ? unit.getStart() : unit.getStop();
        int startIdx = unit.getStart().getStartIndex();
        int stopIdx = Math.max(startIdx, stop.getStopIndex());
        return new OracleParsedStatement(kindOf(unit), objectNameOf(unit), st.file(), st.lineAt(startIdx),
                st.columnAt(startIdx), st.lineAt(stopIdx), st.columnAt(stopIdx), st.text(),
                new OracleParseHandle(unit));
    }

    static OracleStatementKind kindOf(OracleParser.UnitStatementContext unit) {
        ParseTree c = unit.getChild(0);
        if (c instanceof OracleParser.CreateTableContext) {
            return OracleStatementKind.CREATE_TABLE;
        } else if (c instanceof OracleParser.CreateIndexContext) {
            return OracleStatementKind.CREATE_INDEX;
        } else if (c instanceof OracleParser.CreateSequenceContext) {
            return OracleStatementKind.CREATE_SEQUENCE;
        } else if (c instanceof OracleParser.CreateViewContext) {
            return OracleStatementKind.CREATE_VIEW;
        } else if (c instanceof OracleParser.CreateMaterializedViewContext) {
            return OracleStatementKind.CREATE_MATERIALIZED_VIEW;
        } else if (c instanceof OracleParser.CreateSynonymContext) {
            return OracleStatementKind.CREATE_SYNONYM;
        } else if (c instanceof OracleParser.CreateTypeBodyContext) {
            return OracleStatementKind.CREATE_TYPE_BODY;
        } else if (c instanceof OracleParser.CreateTypeContext) {
            return OracleStatementKind.CREATE_TYPE;
        } else if (c instanceof OracleParser.CreateProcedureContext) {
            return OracleStatementKind.CREATE_PROCEDURE;
        } else if (c instanceof OracleParser.CreateFunctionContext) {
            return OracleStatementKind.CREATE_FUNCTION;
        } else if (c instanceof OracleParser.CreatePackageBodyContext) {
            return OracleStatementKind.CREATE_PACKAGE_BODY;
        } else if (c instanceof OracleParser.CreatePackageContext) {
            return OracleStatementKind.CREATE_PACKAGE;
        } else if (c instanceof OracleParser.CreateTriggerContext) {
            return OracleStatementKind.CREATE_TRIGGER;
        } else if (c instanceof OracleParser.CreateOtherContext o) {
            return o.USER() != null ? OracleStatementKind.CREATE_USER : OracleStatementKind.CREATE_OTHER;
        } else if (c instanceof OracleParser.AlterTableContext) {
            return OracleStatementKind.ALTER_TABLE;
        } else if (c instanceof OracleParser.AlterOtherContext o) {
            if (o.SESSION() != null) {
                return OracleStatementKind.ALTER_SESSION;
            }
            return o.TRIGGER() != null ? OracleStatementKind.ALTER_TRIGGER : OracleStatementKind.ALTER_OTHER;
        } else if (c instanceof OracleParser.CommentOnContext) {
            return OracleStatementKind.COMMENT;
        } else if (c instanceof OracleParser.DropStatementContext) {
            return OracleStatementKind.DROP;
        } else if (c instanceof OracleParser.GrantStatementContext) {
            return OracleStatementKind.GRANT;
        } else if (c instanceof OracleParser.RevokeStatementContext) {
            return OracleStatementKind.REVOKE;
        } else if (c instanceof OracleParser.TruncateStatementContext) {
            return OracleStatementKind.TRUNCATE;
        } else if (c instanceof OracleParser.RenameStatementContext) {
            return OracleStatementKind.RENAME;
        } else if (c instanceof OracleParser.AnonymousBlockContext) {
            return OracleStatementKind.ANONYMOUS_BLOCK;
        } else if (c instanceof OracleParser.CallStatementContext) {
            return OracleStatementKind.CALL;
        } else if (c instanceof OracleParser.SqlStatementContext s) {
            ParseTree d = s.getChild(0);
            if (d instanceof OracleParser.QueryContext) {
                return OracleStatementKind.SELECT;
            } else if (d instanceof OracleParser.InsertStatementContext) {
                return OracleStatementKind.INSERT;
            } else if (d instanceof OracleParser.UpdateStatementContext) {
                return OracleStatementKind.UPDATE;
            } else if (d instanceof OracleParser.DeleteStatementContext) {
                return OracleStatementKind.DELETE;
            } else if (d instanceof OracleParser.MergeStatementContext) {
                return OracleStatementKind.MERGE;
            } else if (d instanceof OracleParser.LockTableStatementContext) {
                return OracleStatementKind.LOCK_TABLE;
            }
            return OracleStatementKind.TRANSACTION_CONTROL;
        }
        return OracleStatementKind.OTHER;
    }

    static Optional<String> objectNameOf(OracleParser.UnitStatementContext unit) {
        ParseTree c = unit.getChild(0);
        OracleParser.ObjectNameContext name = null;
        if (c instanceof OracleParser.AlterOtherContext || c instanceof OracleParser.CreateOtherContext
                || c instanceof OracleParser.GrantStatementContext || c instanceof OracleParser.RevokeStatementContext
                || c instanceof OracleParser.AnonymousBlockContext || c instanceof OracleParser.OpaqueStatementContext) {
            return Optional.empty();
        }
        if (c instanceof OracleParser.CommentOnContext comment) {
            return Optional.of(comment.qualifiedName().getText()); // [schema.]table[.column]
        }
        if (c instanceof OracleParser.SqlStatementContext s) {
            ParseTree d = s.getChild(0);
            if (d instanceof OracleParser.InsertStatementContext ins && ins.singleTableInsert() != null) {
                return Optional.ofNullable(ins.singleTableInsert().insertIntoClause().dmlTarget().objectName())
                        .map(ParserRuleContext::getText);
            } else if (d instanceof OracleParser.UpdateStatementContext u) {
                return Optional.ofNullable(u.dmlTarget().objectName()).map(ParserRuleContext::getText);
            } else if (d instanceof OracleParser.DeleteStatementContext del) {
                return Optional.ofNullable(del.dmlTarget().objectName()).map(ParserRuleContext::getText);
            } else if (d instanceof OracleParser.MergeStatementContext m) {
                return Optional.ofNullable(m.dmlTarget().objectName()).map(ParserRuleContext::getText);
            }
            return Optional.empty();
        }
        if (c instanceof ParserRuleContext ctx) {
            name = ctx.getRuleContext(OracleParser.ObjectNameContext.class, 0);
        }
        return Optional.ofNullable(name).map(ParserRuleContext::getText);
    }

    /** Keeps the first error of a statement, positioned in the original file. */
    private static final class ErrorCollector extends BaseErrorListener {
        private final SqlPlusScript.Statement statement;
        OracleParsingException first;

        ErrorCollector(SqlPlusScript.Statement statement) {
            this.statement = statement;
        }

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
                                String msg, RecognitionException e) {
            if (first != null) {
                return;
            }
            int index;
            String detail;
            if (recognizer instanceof Lexer lexer) {
                index = lexer._tokenStartCharIndex;
                String text = statement.text().substring(
                        statement.text().offsetByCodePoints(0, Math.min(index, statement.text().codePointCount(0, statement.text().length()))));
                if (text.startsWith("'") || text.startsWith("\"") || text.toLowerCase(Locale.ROOT).startsWith("q'")
                        || text.toLowerCase(Locale.ROOT).startsWith("n'")) {
                    detail = "unterminated quoted literal";
                } else {
                    detail = "unexpected character '" + (text.isEmpty() ? "" : text.substring(0, text.offsetByCodePoints(0, 1))) + "'";
                }
            } else {
                Token t = (Token) offendingSymbol;
                OracleParser parser = (OracleParser) recognizer;
                IntervalSet expected = null;
                try {
                    expected = e != null && e.getExpectedTokens() != null ? e.getExpectedTokens() : parser.getExpectedTokens();
                } catch (RuntimeException ignored) {
                    // no expectation available
                }
                if (t.getType() == Token.EOF) {
                    index = Math.max(0, statement.text().codePointCount(0, statement.text().length()));
                    detail = "unexpected end of statement";
                } else if (t.getType() == OracleLexer.UNEXPECTED_CHARACTER) {
                    index = t.getStartIndex();
                    detail = t.getText().equals("'") || t.getText().equals("\"")
                            ? "unterminated quoted literal" : "unexpected character " + describe(t);
                    expected = null;
                } else {
                    index = t.getStartIndex();
                    detail = "unexpected " + describe(t);
                }
                String exp = describeExpected(expected, parser);
                if (exp != null) {
                    detail += ", expecting " + exp;
                }
            }
            first = new OracleParsingException(statement.file(), statement.lineAt(index), statement.columnAt(index), detail);
        }

        private static String describe(Token t) {
            String text = t.getText();
            if (text.length() > 40) {
                text = text.substring(0, 37) + "...";
            }
            return "'" + text.replace("\n", " ") + "'";
        }

        private static String describeExpected(IntervalSet expected, OracleParser parser) {
            if (expected == null || expected.isNil() || expected.size() > 4) {
                return null;
            }
            List<String> names = new ArrayList<>();
            for (int type : expected.toArray()) {
                if (type == Token.EOF) {
                    names.add("end of statement");
                } else {
                    names.add(parser.getVocabulary().getDisplayName(type));
                }
            }
            return String.join(" or ", names);
        }
    }
}
