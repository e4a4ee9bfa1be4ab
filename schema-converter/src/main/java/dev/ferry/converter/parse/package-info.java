/**
 * Shared parser-facade infrastructure for Ferry's own ANTLR grammars (one sub-package per dialect).
 *
 * <h2>Adding a dialect</h2>
 * <ol>
 *   <li>Write {@code XLexer.g4} / {@code XParser.g4} in {@code grammars/src/main/antlr4/dev/ferry/grammar/x/} with an
 *       entry rule that matches exactly one statement and EOF, e.g. {@code singleStatement: statement SEMI* EOF;}.</li>
 *   <li>Implement a {@link dev.ferry.converter.parse.StatementSplitter} that cuts scripts into
 *       {@link dev.ferry.converter.parse.StatementChunk}s (quotes, comments, block bodies, client commands; use
 *       {@link dev.ferry.converter.parse.LineIndex#chunk} to get positions right).</li>
 *   <li>Write an AST builder (a generated {@code XParserBaseVisitor}) that turns the entry context into
 *       {@link dev.ferry.converter.ast.Statement}s, taking spans and text from the
 *       {@link dev.ferry.converter.parse.SourceMapper} it is given and names from
 *       {@link dev.ferry.converter.parse.AstSupport}. Statements that are not modelled become
 *       {@link dev.ferry.converter.ast.OtherStatement}.</li>
 *   <li>Extend {@link dev.ferry.converter.parse.AbstractParserFacade} with the four factory methods
 *       ({@code createLexer}, {@code createParser}, {@code parseEntry}, {@code buildAst}) and {@code splitter()}.</li>
 * </ol>
 * The base class then gives {@code parseStatement(sql, file)} (throws {@link dev.ferry.converter.parse.ParsingException}),
 * {@code parseScript(text, file)} (a {@link dev.ferry.converter.parse.ParseResult}, one entry per statement, parsed or
 * failed; one bad statement never stops the rest) and {@code verify(text, file)} (the errors only). Parsing runs SLL
 * with a bail-out strategy first and re-runs a failing statement with full LL and a collecting error listener; error
 * messages read {@code file:line:column: message}, positions relative to the whole file (columns count code points).
 * Lexers report unterminated literals through their error listeners, which the facade also collects.
 */
package dev.ferry.converter.parse;
