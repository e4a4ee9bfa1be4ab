package dev.ferry.converter.ast;

/** CREATE SCHEMA; {@code name} is {@code null} for {@code CREATE SCHEMA AUTHORIZATION role}. */
public record CreateSchema(Identifier name, boolean ifNotExists, String authorization, SourceSpan span)
        implements Statement {
}
