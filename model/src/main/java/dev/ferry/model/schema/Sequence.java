package dev.ferry.model.schema;

/** A sequence; numbers are textual-free longs, {@code maxValue} may be {@code null} where it exceeds a long (Oracle). */
public record Sequence(String schema, String name, String dataType, Long start, Long increment, Long minValue,
                       Long maxValue, Long cache, boolean cycle, Long lastValue, String ownedBy) {
}
