package dev.ferry.converter.ast;

/**
 * An expression. Only cheap shapes get their own node ({@link Literal}, {@link ColumnRef}, {@link FunctionCall},
 * {@link Cast}); everything else is a {@link RawExpr} that keeps the source text.
 */
public interface Expr extends Node {
}
