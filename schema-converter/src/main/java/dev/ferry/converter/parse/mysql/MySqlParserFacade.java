package dev.ferry.converter.parse.mysql;

import dev.ferry.grammar.mysql.MySqlLexer;
import dev.ferry.grammar.mysql.MySqlParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CodePointCharStream;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.Interval;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.antlr.v4.runtime.tree.ParseTree;

/**
 * Parses MySQL / MariaDB scripts with Ferry's own grammar ({@code dev.ferry.grammar.mysql}).
 *
 * <p>The script is first split by {@link MySqlScript} (DELIMITER, client commands, versioned comments); each
 * statement is then parsed on its own: SLL with a bail-out strategy first (fast path), full LL with error reporting
 * only when SLL fails. A bad statement yields one {@link MySqlParsingException} ({@code file:line:column: message},
 * positions relative to the original file) and the following statements still parse.
 *
 * <p>Threading: instances are stateless and may be shared between threads; ANTLR's prediction caches are shared
 * and thread-safe.
 */
public final class MySqlParserFacade {

    /** How many statements needed the slow full-LL pass (SLL failed); for performance tests. */
    private final AtomicLong llFallbacks = new AtomicLong();

    private final boolean ansiQuotes;

    /** A facade for the default sql_mode: {@code "..."} is a string literal. */
    public MySqlParserFacade() {
        this(false);
    }

    /**
     * @param ansiQuotes parse as under sql_mode {@code ANSI_QUOTES}: {@code "..."} quotes identifiers (scripts from
     *                   {@code mysqldump --compatible=ansi} or ANSI-mode sessions)
     */
    public MySqlParserFacade(boolean ansiQuotes) {
        this.ansiQuotes = ansiQuotes;
    }

    /**
     * Reads {@code file} as UTF-8 and parses it; the file name (not the full path) is used in messages. Byte
     * sequences that are not UTF-8 (raw binary strings of a dump made without {@code --hex-blob}) are replaced by
     * U+FFFD: the statement structure survives, the binary literal's content does not.
     */
    public MySqlParseResult parseFile(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return parse(file.getFileName().toString(), text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Parses a whole script. Never throws for syntax errors: they are reported per statement (see
     * {@link MySqlParseResult#errors()} / {@link MySqlParseResult#orThrow()}).
     *
     * @param fileName name used in error messages
     * @param script   the script text
     */
    public MySqlParseResult parse(String fileName, String script) {
        List<MySqlParsedStatement> out = new ArrayList<>();
        parse(fileName, script, out::add);
        return new MySqlParseResult(fileName, out);
    }

    /**
     * Parses a script and hands each statement to {@code sink} as soon as it is parsed, in source order, on the
     * calling thread. Use this for large data dumps: a parse tree costs roughly 30x its text in memory, and trees
     * the sink does not keep can be collected right away.
     *
     * @return the number of statements with syntax errors
     */
    public int parse(String fileName, String script, Consumer<MySqlParsedStatement> sink) {
        int errors = 0;
        for (MySqlScript.Statement st : MySqlScript.split(script)) {
            MySqlParsedStatement parsed = st.clientCommand() ? clientCommand(st) : parseStatement(fileName, st);
            if (parsed != null) {
                if (!parsed.isParsed()) {
                    errors++;
                }
                sink.accept(parsed);
            }
        }
        return errors;
    }

    /** Parses a single statement (no delimiter handling), e.g. a view body read from a live catalog. */
    public MySqlParsedStatement parseStatement(String fileName, String statement) {
        MySqlParsedStatement parsed = parseStatement(fileName,
                new MySqlScript.Statement(statement, 0, 1, 1, ";", false));
        if (parsed == null) {
            throw new MySqlParsingException("empty statement", fileName, 1, 1);
        }
        return parsed;
    }

    private static MySqlParsedStatement clientCommand(MySqlScript.Statement st) {
        return new MySqlParsedStatement(MySqlStatementKind.CLIENT_COMMAND, null, st.text(), span(st), null, null);
    }

    private MySqlParsedStatement parseStatement(String fileName, MySqlScript.Statement st) {
        CodePointCharStream chars = CharStreams.fromString(st.text(), fileName);
        MySqlLexer lexer = new MySqlLexer(chars);
        lexer.removeErrorListeners();
        lexer.setAnsiQuotes(ansiQuotes);
        lexer.setLine(st.line());
        lexer.setCharPositionInLine(st.column() - 1);
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        MySqlParser parser = new MySqlParser(tokens);
        parser.removeErrorListeners();
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        MySqlParser.ScriptContext tree;
        FirstErrorListener errors = new FirstErrorListener(fileName);
        try {
            tree = parser.script();
        } catch (ParseCancellationException sllFailed) {
            llFallbacks.incrementAndGet();
            tokens.seek(0);
            parser.reset();
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            parser.setErrorHandler(new DefaultErrorStrategy());
            parser.addErrorListener(errors);
            tree = parser.script();
        }
        MySqlParser.SqlStatementContext stmt = tree.sqlStatement();
        if (errors.error == null && stmt == null) {
            return null; // only empty statements / versioned comments with nothing in them
        }
        MySqlStatementKind kind = stmt == null ? MySqlStatementKind.OTHER : MySqlStatementClassifier.kind(stmt);
        String name = stmt == null ? null : MySqlStatementClassifier.objectName(stmt);
        return new MySqlParsedStatement(kind, name, st.text(), span(st),
                errors.error == null ? new MySqlStatementHandle(stmt) : null, errors.error);
    }

    private static MySqlSpan span(MySqlScript.Statement st) {
        String t = st.text();
        int endLine = st.line();
        int endCol = st.column();
        for (int i = 0; i < t.length() - 1; i++) {
            if (t.charAt(i) == '\n') {
                endLine++;
                endCol = 1;
            } else if (!Character.isLowSurrogate(t.charAt(i + 1))) {
                endCol++;
            }
        }
        return new MySqlSpan(st.offset(), st.offset() + t.length(), st.line(), st.column(), endLine, endCol);
    }

    /** Keeps the first syntax error of a statement, with a message of our own (ANTLR's are long and unstable). */
    private static final class FirstErrorListener extends BaseErrorListener {
        private final String fileName;
        private MySqlParsingException error;

        FirstErrorListener(String fileName) {
            this.fileName = fileName;
        }

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
                                String msg, RecognitionException e) {
            if (error != null) {
                return;
            }
            String message;
            if (offendingSymbol instanceof Token token) {
                message = describe((Parser) recognizer, token, e);
            } else {
                message = msg;
            }
            error = new MySqlParsingException(message, fileName, line, charPositionInLine + 1);
        }

        private static String describe(Parser parser, Token token, RecognitionException e) {
            if (token.getType() == Token.EOF) {
                return "unexpected end of statement" + expected(parser, e);
            }
            if (token.getType() == MySqlLexer.UNTERMINATED_COMMENT) {
                return "unterminated comment";
            }
            if (token.getType() == MySqlLexer.ERROR_CHAR) {
                String text = token.getText();
                if (text.equals("'") || text.equals("\"")) {
                    return "unterminated string literal";
                }
                if (text.equals("`")) {
                    return "unterminated quoted identifier";
                }
                return "unexpected character '" + text + "'";
            }
            return "syntax error at '" + shorten(token.getText()) + "'" + expected(parser, e);
        }

        private static String expected(Parser parser, RecognitionException e) {
            IntervalSet set;
            try {
                set = e != null && e.getExpectedTokens() != null ? e.getExpectedTokens() : parser.getExpectedTokens();
            } catch (RuntimeException ignored) {
                return "";
            }
            if (set == null || set.isNil() || set.size() > 4) {
                return "";
            }
            List<String> names = new ArrayList<>();
            if (set.contains(Token.EOF) && set.contains(MySqlLexer.SEMI)) {
                set = new IntervalSet(set);
                set.remove(MySqlLexer.SEMI);
            }
            for (int t : set.toList()) {
                names.add(t == Token.EOF ? "end of statement" : parser.getVocabulary().getDisplayName(t).toUpperCase(Locale.ROOT));
            }
            return ", expected " + String.join(" or ", names);
        }

        private static String shorten(String text) {
            String oneLine = text.replace('\n', ' ').replace('\r', ' ');
            return oneLine.length() > 40 ? oneLine.substring(0, 37) + "..." : oneLine;
        }
    }

    /** Number of statements parsed so far that needed the full-LL pass (syntax errors or SLL conflicts). */
    long llFallbackCount() {
        return llFallbacks.get();
    }

    /** Package-private for the classifier: the original text of a parse-tree node, as written. */
    static String textOf(ParseTree node) {
        if (node instanceof ParserRuleContext ctx && ctx.start != null && ctx.stop != null
                && ctx.start.getInputStream() != null && ctx.stop.getStopIndex() >= ctx.start.getStartIndex()) {
            return ctx.start.getInputStream().getText(
                    Interval.of(ctx.start.getStartIndex(), ctx.stop.getStopIndex()));
        }
        return node.getText();
    }
}
