package dev.ferry.converter.ast;

/**
 * Sequence / identity options; every field is {@code null} when not written.
 *
 * @param ownedByNone {@code OWNED BY NONE} was written
 */
public record SequenceOptions(TypeName dataType, Long start, Long increment, Long minValue, Long maxValue,
                              Long cache, Boolean cycle, QualifiedName ownedBy, boolean ownedByNone) {

    /** No options at all. */
    public static final SequenceOptions NONE = new SequenceOptions(null, null, null, null, null, null, null, null, false);
}
