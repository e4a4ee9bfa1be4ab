package dev.ferry.converter.parse;

import dev.ferry.converter.ast.OtherStatement;
import dev.ferry.converter.ast.SourceSpan;
import dev.ferry.converter.ast.Statement;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Base of Ferry's per-dialect SQL parser facades (the Trino/Calcite pattern). A dialect supplies its lexer, parser,
 * entry rule, statement splitter and AST builder; this class does the rest:
 * <ul>
 *   <li>{@link #parseStatement}: SLL prediction with {@link BailErrorStrategy} first (fast); on failure the token
 *       stream is rewound and the statement re-parsed with full LL prediction and a collecting error listener, and the
 *       first error is thrown as a {@link ParsingException} naming file:line:column;</li>
 *   <li>{@link #parseScript}: splits the script and parses statement by statement, so one bad statement never stops
 *       the rest; positions are always relative to the whole file;</li>
 *   <li>{@link #verify}: all errors of a script (empty when valid).</li>
 * </ul>
 * ANTLR contexts never leave the facade: {@link #buildAst} turns them into {@code dev.ferry.converter.ast} nodes.
 * <p>Threading: instances are stateless and may be shared; every call builds its own lexer and parser.
 *
 * @param <P> the generated parser
 * @param <C> the entry rule's context (a rule that matches one statement followed by EOF)
 */
public abstract class AbstractParserFacade<P extends Parser, C extends ParserRuleContext> {

    /** A new lexer over the statement text. */
    protected abstract Lexer createLexer(org.antlr.v4.runtime.CharStream input);

    /** A new parser over the tokens. */
    protected abstract P createParser(TokenStream tokens);

    /** Invokes the entry rule (one statement, then EOF). */
    protected abstract C parseEntry(P parser);

    /** Turns the parse tree into an AST statement; {@code mapper} gives file positions. */
    protected abstract Statement buildAst(C tree, SourceMapper mapper);

    /** The dialect's statement splitter. */
    public abstract StatementSplitter splitter();

    /** Parses one statement that starts at line 1, column 1 of {@code fileName}. */
    public Statement parseStatement(String sql, String fileName) {
        return parseChunk(new StatementChunk(sql, 0, 1, 1, false, null), fileName);
    }

    /** Parses every statement of a script; failures are reported per statement, never thrown. */
    public ParseResult parseScript(String text, String fileName) {
        List<ParsedStatement> out = new ArrayList<>();
        for (StatementChunk chunk : splitter().split(text)) {
            try {
                out.add(new ParsedStatement(chunk, parseChunk(chunk, fileName), null));
            } catch (ParsingException e) {
                out.add(new ParsedStatement(chunk, null, e));
            }
        }
        return new ParseResult(fileName, out);
    }

    /** The syntax errors of a script, one per failing statement; empty when the script is valid. */
    public List<ParsingException> verify(String text, String fileName) {
        return parseScript(text, fileName).errors();
    }

    /** Parses one chunk of a file; positions in the result and in errors are relative to the file. */
    public Statement parseChunk(StatementChunk chunk, String fileName) {
        SourceMapper mapper = new SourceMapper(chunk);
        if (chunk.clientCommand()) {
            return new OtherStatement("CLIENT COMMAND", null, wholeChunk(chunk));
        }
        CollectingErrorListener listener = new CollectingErrorListener(mapper, fileName);
        Lexer lexer = createLexer(CharStreams.fromString(chunk.text(), fileName));
        lexer.removeErrorListeners();
        lexer.addErrorListener(listener);
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        P parser = createParser(tokens);
        parser.removeErrorListeners();
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        C tree;
        try {
            tree = parseEntry(parser);
        } catch (ParseCancellationException first) {
            tokens.seek(0);
            parser.reset();
            parser.setErrorHandler(new DefaultErrorStrategy());
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            parser.addErrorListener(listener);
            tree = parseEntry(parser);
        }
        if (!listener.errors().isEmpty()) {
            throw listener.errors().get(0);
        }
        Statement statement = buildAst(tree, mapper);
        if (chunk.inlineData() != null && statement instanceof OtherStatement other) {
            return new OtherStatement(other.kind(), chunk.inlineData(), other.span());
        }
        return statement;
    }

    /** The span of a whole chunk. */
    protected static SourceSpan wholeChunk(StatementChunk chunk) {
        return new SourceSpan(chunk.line(), chunk.column(), chunk.startOffset(),
                chunk.startOffset() + chunk.text().length(), chunk.text());
    }
}
