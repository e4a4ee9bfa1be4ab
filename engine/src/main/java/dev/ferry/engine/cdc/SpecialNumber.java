package dev.ferry.engine.cdc;

/**
 * Values of an exact numeric column ({@code numeric}/{@code decimal}) that {@link java.math.BigDecimal} cannot
 * represent. Floating point columns use {@link Double#NaN} and the infinities instead. Constants: thread-safe.
 */
public enum SpecialNumber {
    NAN("NaN"),
    POSITIVE_INFINITY("Infinity"),
    NEGATIVE_INFINITY("-Infinity");

    private final String text;

    SpecialNumber(String text) {
        this.text = text;
    }

    /** The source's textual form ({@code NaN}, {@code Infinity}, {@code -Infinity}). */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
