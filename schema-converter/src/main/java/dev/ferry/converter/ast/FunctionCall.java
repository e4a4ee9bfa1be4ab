package dev.ferry.converter.ast;

import java.util.List;

/** A plain function call {@code name(arg, ...)}; calls with DISTINCT, *, FILTER or OVER are {@link RawExpr}s. */
public record FunctionCall(QualifiedName name, List<Expr> arguments, SourceSpan span) implements Expr {

    public FunctionCall {
        arguments = List.copyOf(arguments);
    }
}
