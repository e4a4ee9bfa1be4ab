package dev.ferry.converter.ast;

/**
 * A literal value.
 *
 * @param kind  what sort of literal
 * @param value for strings the content with quotes removed and escapes undone; for numbers the text with its sign;
 *              for blobs the hex digits; for NULL/booleans/special values the upper-cased keyword
 */
public record Literal(Kind kind, String value, SourceSpan span) implements Expr {

    /** Literal kinds. */
    public enum Kind { NUMBER, STRING, BLOB, BIT_STRING, BOOLEAN, NULL, CURRENT_DATE, CURRENT_TIME, CURRENT_TIMESTAMP }
}
