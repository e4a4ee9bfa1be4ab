package dev.ferry.converter.ast;

/**
 * COMMENT ON.
 *
 * @param objectKind upper-cased kind ({@code TABLE}, {@code COLUMN}, {@code FUNCTION}, {@code CONSTRAINT}, ...)
 * @param target     the commented object (for a column: {@code table.column})
 * @param parent     for {@code CONSTRAINT/TRIGGER/POLICY/RULE x ON t}: the table, else {@code null}
 * @param comment    the comment text, or {@code null} for {@code IS NULL}
 */
public record CommentOn(String objectKind, QualifiedName target, QualifiedName parent, String comment,
                        SourceSpan span) implements Statement {
}
