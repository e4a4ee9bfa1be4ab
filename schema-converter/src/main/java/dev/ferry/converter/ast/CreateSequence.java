package dev.ferry.converter.ast;

/** CREATE SEQUENCE. */
public record CreateSequence(QualifiedName name, boolean temporary, boolean ifNotExists, SequenceOptions options,
                             SourceSpan span) implements Statement {
}
