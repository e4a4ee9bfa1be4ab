package dev.ferry.converter.parse;

import dev.ferry.converter.ast.SourceSpan;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Turns ANTLR token positions inside one statement chunk into {@link SourceSpan}s of the whole file. ANTLR indexes
 * code points; spans use UTF-16 offsets like {@link String}, so supplementary characters are mapped here.
 * Not thread-safe; one instance per statement.
 */
public final class SourceMapper {

    private final StatementChunk chunk;
    private final String text;
    private final int[] codePointToChar; // null when the text has no surrogate pairs

    public SourceMapper(StatementChunk chunk) {
        this.chunk = chunk;
        this.text = chunk.text();
        if (text.codePointCount(0, text.length()) == text.length()) {
            this.codePointToChar = null;
        } else {
            int count = text.codePointCount(0, text.length());
            codePointToChar = new int[count + 1];
            int ch = 0;
            for (int cp = 0; cp < count; cp++) {
                codePointToChar[cp] = ch;
                ch += Character.charCount(text.codePointAt(ch));
            }
            codePointToChar[count] = text.length();
        }
    }

    public StatementChunk chunk() {
        return chunk;
    }

    /** UTF-16 index in the chunk text of a code point index. */
    public int charIndex(int codePointIndex) {
        if (codePointToChar == null) {
            return Math.min(codePointIndex, text.length());
        }
        return codePointToChar[Math.min(codePointIndex, codePointToChar.length - 1)];
    }

    /** 1-based file line of a token line (1-based, relative to the chunk). */
    public int fileLine(int tokenLine) {
        return chunk.line() + tokenLine - 1;
    }

    /** 1-based file column of a token position (charPositionInLine is 0-based, relative to the chunk). */
    public int fileColumn(int tokenLine, int charPositionInLine) {
        return tokenLine == 1 ? chunk.column() + charPositionInLine : charPositionInLine + 1;
    }

    /** The span of a rule context (empty rules give an empty span at their start). */
    public SourceSpan span(ParserRuleContext ctx) {
        Token start = ctx.getStart();
        Token stop = ctx.getStop();
        return span(start, stop == null || stop.getStopIndex() < start.getStartIndex() ? start : stop,
                stop == null || stop.getStopIndex() < start.getStartIndex());
    }

    /**
     * The span of a whole statement: from its first token to the end of the chunk, so comments written before the
     * terminating semicolon stay part of its original text; trailing blanks and semicolons are left out.
     */
    public SourceSpan statementSpan(ParserRuleContext statement) {
        SourceSpan first = span(statement.getStart());
        int from = first.startOffset() - chunk.startOffset();
        int to = text.length();
        while (to > from && (Character.isWhitespace(text.charAt(to - 1)) || text.charAt(to - 1) == ';')) {
            to--;
        }
        return new SourceSpan(first.line(), first.column(), first.startOffset(), chunk.startOffset() + to,
                text.substring(from, to));
    }

    /** The span from the first to the last token, inclusive. */
    public SourceSpan span(Token start, Token stop) {
        return span(start, stop, false);
    }

    public SourceSpan span(Token token) {
        return span(token, token, false);
    }

    public SourceSpan span(TerminalNode node) {
        return span(node.getSymbol());
    }

    private SourceSpan span(Token start, Token stop, boolean empty) {
        int from = charIndex(start.getStartIndex());
        int to = empty ? from : charIndex(stop.getStopIndex() + 1);
        if (start.getType() == Token.EOF) {
            from = text.length();
            to = from;
        }
        return new SourceSpan(fileLine(start.getLine()), fileColumn(start.getLine(), start.getCharPositionInLine()),
                chunk.startOffset() + from, chunk.startOffset() + to, text.substring(from, Math.max(from, to)));
    }

    /** The original text between two tokens, inclusive. */
    public String text(Token start, Token stop) {
        return text.substring(charIndex(start.getStartIndex()), charIndex(stop.getStopIndex() + 1));
    }

    /** The original text of a rule context. */
    public String text(ParserRuleContext ctx) {
        return span(ctx).text();
    }
}
