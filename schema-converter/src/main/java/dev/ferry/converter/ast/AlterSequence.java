package dev.ferry.converter.ast;

/** ALTER SEQUENCE with sequence options (such as {@code OWNED BY t.c} or {@code RESTART WITH n}). */
public record AlterSequence(QualifiedName name, boolean ifExists, SequenceOptions options, SourceSpan span)
        implements Statement {
}
