package dev.ferry.engine.load;

/** Source values with no Java equivalent, produced by {@link ValueReader} and resolved by {@link ValueConverter}. */
public enum SpecialValue {
    /** A MySQL zero date or date-time ({@code 0000-00-00}, or with a zero month/day). */
    ZERO_DATE
}
