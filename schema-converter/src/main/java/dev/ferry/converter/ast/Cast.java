package dev.ferry.converter.ast;

/** {@code CAST(operand AS type)} or PostgreSQL's {@code operand::type}. */
public record Cast(Expr operand, TypeName type, SourceSpan span) implements Expr {
}
