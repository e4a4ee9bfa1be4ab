package dev.ferry.converter.ast;

/**
 * A statement Ferry parses (so it is known to be valid) but does not model: INSERT, PRAGMA, SET, SELECT, COPY, GRANT,
 * transaction control, client commands ({@code \i}, {@code .read}), ...
 *
 * @param kind       upper-cased leading keywords ({@code INSERT}, {@code CREATE POLICY}, {@code CLIENT COMMAND})
 * @param inlineData the data block of {@code COPY ... FROM stdin} (lines up to, not including, {@code \.}), else
 *                   {@code null}
 */
public record OtherStatement(String kind, String inlineData, SourceSpan span) implements Statement {
}
