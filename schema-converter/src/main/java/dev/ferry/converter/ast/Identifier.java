package dev.ferry.converter.ast;

/**
 * A name as written. Unquoted names keep their spelling (no case folding here; that is the converter's business).
 *
 * @param value  the name without delimiters (doubled quote characters undone)
 * @param quoted whether the name was delimited ("x", [x], `x`)
 */
public record Identifier(String value, boolean quoted, SourceSpan span) implements Node {

    /** Builds an identifier from a token text, removing and unescaping delimiters. */
    public static Identifier fromToken(String raw, SourceSpan span) {
        if (raw.length() >= 2) {
            char first = raw.charAt(0);
            if (first == '"' || first == '`') {
                String q = String.valueOf(first);
                return new Identifier(raw.substring(1, raw.length() - 1).replace(q + q, q), true, span);
            }
            if (first == '[') {
                return new Identifier(raw.substring(1, raw.length() - 1), true, span);
            }
            if ((first == 'U' || first == 'u') && raw.startsWith("&\"", 1)) {
                return new Identifier(raw.substring(3, raw.length() - 1).replace("\"\"", "\""), true, span);
            }
        }
        return new Identifier(raw, false, span);
    }
}
