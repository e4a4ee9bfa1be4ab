package dev.ferry.converter.ast;

/** Any other expression, kept as its source text. */
public record RawExpr(SourceSpan span) implements Expr {
}
