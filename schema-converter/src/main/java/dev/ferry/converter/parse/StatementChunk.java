package dev.ferry.converter.parse;

/**
 * One statement cut from a script by a {@link StatementSplitter}.
 *
 * @param text          the statement text without its terminating semicolon and trailing blanks
 * @param startOffset   0-based UTF-16 offset of the first character in the whole script
 * @param line          1-based line of the first character
 * @param column        1-based column of the first character
 * @param clientCommand {@code true} for a client-side command that is not SQL (psql {@code \i x}, sqlite3
 *                      {@code .read x}); such chunks are not given to the grammar
 * @param inlineData    the data lines after {@code COPY ... FROM stdin;} up to (not including) the {@code \.}
 *                      line, or {@code null}
 */
public record StatementChunk(String text, int startOffset, int line, int column, boolean clientCommand,
                             String inlineData) {
}
