package dev.ferry.model.schema;

/** A check constraint; {@code expression} is the condition in the source dialect, without the CHECK keyword. */
public record CheckConstraint(String name, String expression, boolean enforced) {
}
