package dev.ferry.converter.ast;

import java.util.List;

/** CREATE DOMAIN. */
public record CreateDomain(QualifiedName name, TypeName type, Expr defaultValue, boolean notNull, String collation,
                           List<ConstraintDef> checks, SourceSpan span) implements Statement {

    public CreateDomain {
        checks = List.copyOf(checks);
    }
}
