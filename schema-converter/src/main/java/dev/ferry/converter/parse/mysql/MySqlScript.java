package dev.ferry.converter.parse.mysql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a MySQL / MariaDB script into statements the way the {@code mysql} command-line client does.
 *
 * <ul>
 *   <li>{@code DELIMITER xx} lines change the statement delimiter (any string: {@code ;;}, {@code $$}, {@code //});</li>
 *   <li>quotes ({@code '..'}, {@code ".."}, {@code `..`}), line comments ({@code #}, {@code -- }) and block comments
 *       are honoured, so a delimiter inside them does not end a statement;</li>
 *   <li>versioned comments ({@code /*!50503 ... *}{@code /}, {@code /*M!...}) are code, as for the server;</li>
 *   <li>client commands ({@code source x}, {@code \. x}, {@code delimiter}, {@code charset}, {@code system} ...)
 *       at the start of a statement are returned as {@link Statement#clientCommand() client commands}, never parsed
 *       as SQL;</li>
 *   <li>each statement records its start offset (in chars) and 1-based line:column (column in code points, like
 *       the lexer) in the original text.</li>
 * </ul>
 *
 * <p>Stateless; every method is a pure function and safe to call from any thread.
 */
public final class MySqlScript {

    /** Client commands recognised at the start of a statement (mysql client: only there). */
    private static final Set<String> CLIENT_COMMANDS = Set.of(
            "source", "\\.", "charset", "\\c", "system", "\\!", "tee", "\\t", "notee", "warnings", "\\w",
            "nowarning", "rehash", "\\#", "prompt", "\\r", "quit", "\\q", "exit", "connect", "resetconnection",
            "pager", "nopager", "status", "\\s");

    /**
     * One statement of a script.
     *
     * @param text          the statement text without its delimiter (for client commands: the command line)
     * @param offset        0-based char offset of the first character in the script
     * @param line          1-based line of the first character
     * @param column        1-based column of the first character
     * @param delimiter     the delimiter in force when the statement was read
     * @param clientCommand whether this is a mysql client command (source, charset ...) rather than SQL
     */
    public record Statement(String text, int offset, int line, int column, String delimiter, boolean clientCommand) {

        /** The first word of a client command, lower case ({@code source}); empty for SQL statements. */
        public String clientCommandName() {
            if (!clientCommand) {
                return "";
            }
            String t = text.strip();
            int end = 0;
            while (end < t.length() && !Character.isWhitespace(t.charAt(end))) {
                end++;
            }
            return t.substring(0, end).toLowerCase(Locale.ROOT);
        }
    }

    private MySqlScript() {
    }

    /** Splits {@code script} into statements (blank and comment-only stretches produce none). */
    public static List<Statement> split(String script) {
        return new Splitter(script).run();
    }

    private static final class Splitter {
        private final String s;
        private final int n;
        private final List<Statement> out = new ArrayList<>();
        private String delimiter = ";";
        private int pos;
        private int line = 1;
        private int col = 1;

        Splitter(String script) {
            this.s = script;
            this.n = script.length();
            if (n > 0 && s.charAt(0) == '\uFEFF') {
                pos = 1;
            }
        }

        private void advance() {
            char c = s.charAt(pos);
            if (c == '\n') {
                line++;
                col = 1;
            } else if (!Character.isLowSurrogate(c)) {
                col++; // columns count code points, as the ANTLR lexer does
            }
            pos++;
        }

        private void advance(int count) {
            for (int i = 0; i < count && pos < n; i++) {
                advance();
            }
        }

        List<Statement> run() {
            while (true) {
                skipBlankAndComments();
                if (pos >= n) {
                    return out;
                }
                if (tryClientCommand()) {
                    continue;
                }
                readStatement();
            }
        }

        /** Skips whitespace, line comments and non-versioned block comments between statements. */
        private void skipBlankAndComments() {
            while (pos < n) {
                char c = s.charAt(pos);
                if (Character.isWhitespace(c) || c == '\uFEFF') {
                    advance();
                } else if (isLineCommentStart(pos)) {
                    skipToEndOfLine();
                } else if (isPlainBlockCommentStart(pos)) {
                    skipBlockComment();
                } else {
                    return;
                }
            }
        }

        private boolean isLineCommentStart(int i) {
            char c = s.charAt(i);
            if (c == '#') {
                return true;
            }
            if (c == '-' && i + 1 < n && s.charAt(i + 1) == '-') {
                return i + 2 >= n || Character.isWhitespace(s.charAt(i + 2)) || Character.isISOControl(s.charAt(i + 2));
            }
            return false;
        }

        private boolean isPlainBlockCommentStart(int i) {
            if (s.charAt(i) != '/' || i + 1 >= n || s.charAt(i + 1) != '*') {
                return false;
            }
            if (i + 2 < n && s.charAt(i + 2) == '!') {
                return false;
            }
            return !(i + 3 < n && (s.charAt(i + 2) == 'M' || s.charAt(i + 2) == 'm') && s.charAt(i + 3) == '!');
        }

        private void skipToEndOfLine() {
            while (pos < n && s.charAt(pos) != '\n') {
                advance();
            }
        }

        private void skipBlockComment() {
            advance(2);
            while (pos < n && !(s.charAt(pos) == '*' && pos + 1 < n && s.charAt(pos + 1) == '/')) {
                advance();
            }
            advance(2);
        }

        /** A client command at the start of a statement takes the rest of its line. */
        private boolean tryClientCommand() {
            if (tryVersionedClientCommand()) {
                return true;
            }
            int end = pos;
            while (end < n && !Character.isWhitespace(s.charAt(end)) && !s.startsWith(delimiter, end)) {
                end++;
            }
            String word = s.substring(pos, end).toLowerCase(Locale.ROOT);
            boolean isDelimiter = word.equals("delimiter") || word.equals("\\d");
            if (!isDelimiter && !CLIENT_COMMANDS.contains(word)) {
                return false;
            }
            if (isDelimiter && (end >= n || s.charAt(end) == '\n' || s.charAt(end) == '\r')) {
                return false; // "DELIMITER" alone: not a command, let the parser report it
            }
            int startOffset = pos;
            int startLine = line;
            int startCol = col;
            int eol = s.indexOf('\n', pos);
            if (eol < 0) {
                eol = n;
            }
            String commandLine = s.substring(pos, eol).strip();
            advance(eol - pos);
            if (isDelimiter) {
                String rest = commandLine.substring(word.length()).strip();
                int sp = 0;
                while (sp < rest.length() && !Character.isWhitespace(rest.charAt(sp))) {
                    sp++;
                }
                String newDelimiter = rest.substring(0, sp);
                if (!newDelimiter.isEmpty()) {
                    delimiter = newDelimiter;
                }
                return true;
            }
            if (commandLine.endsWith(delimiter)) {
                commandLine = commandLine.substring(0, commandLine.length() - delimiter.length()).strip();
            }
            out.add(new Statement(commandLine, startOffset, startLine, startCol, delimiter, true));
            return true;
        }

        /**
         * MariaDB dumps start with {@code /*M!999999\\- enable the sandbox mode *}{@code /}: a versioned comment whose
         * content is a client command (backslash), not SQL.
         */
        private boolean tryVersionedClientCommand() {
            if (!s.startsWith("/*", pos)) {
                return false;
            }
            int i = pos + 2;
            if (i < n && (s.charAt(i) == 'M' || s.charAt(i) == 'm')) {
                i++;
            }
            if (i >= n || s.charAt(i) != '!') {
                return false;
            }
            i++;
            while (i < n && Character.isDigit(s.charAt(i))) {
                i++;
            }
            if (i >= n || s.charAt(i) != '\\') {
                return false;
            }
            int close = s.indexOf("*/", i);
            int end = close < 0 ? n : close + 2;
            int startOffset = pos;
            int startLine = line;
            int startCol = col;
            String command = s.substring(i, close < 0 ? n : close).strip();
            advance(end - pos);
            out.add(new Statement(command, startOffset, startLine, startCol, delimiter, true));
            return true;
        }

        private void readStatement() {
            int startOffset = pos;
            int startLine = line;
            int startCol = col;
            int endOffset = -1;
            while (pos < n) {
                char c = s.charAt(pos);
                if (s.startsWith(delimiter, pos)) {
                    endOffset = pos;
                    advance(delimiter.length());
                    break;
                }
                if (c == '\'' || c == '"' || c == '`') {
                    skipQuoted(c);
                } else if (isLineCommentStart(pos)) {
                    skipToEndOfLine();
                } else if (c == '/' && pos + 1 < n && s.charAt(pos + 1) == '*') {
                    if (isPlainBlockCommentStart(pos)) {
                        skipBlockComment();
                    } else {
                        advance(2); // versioned comment: its content is code
                    }
                } else {
                    advance();
                }
            }
            if (endOffset < 0) {
                endOffset = pos;
            }
            String text = s.substring(startOffset, endOffset);
            if (!text.isBlank()) {
                out.add(new Statement(stripTrailing(text), startOffset, startLine, startCol, delimiter, false));
            }
        }

        private void skipQuoted(char quote) {
            advance();
            while (pos < n) {
                char c = s.charAt(pos);
                if (c == '\\' && quote != '`') {
                    advance(2);
                } else if (c == quote) {
                    if (pos + 1 < n && s.charAt(pos + 1) == quote) {
                        advance(2);
                    } else {
                        advance();
                        return;
                    }
                } else {
                    advance();
                }
            }
        }

        private static String stripTrailing(String text) {
            int end = text.length();
            while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            return text.substring(0, end);
        }
    }
}
