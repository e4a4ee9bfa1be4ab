package dev.ferry.engine.load;

/** A source value the reader could not interpret (e.g. an impossible date); the converter rejects its row. */
public record UnreadableValue(String raw, String reason) {
}
