package dev.ferry.converter.assess;

/** Severity of an action item, most severe first. */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW, INFO;

    /** Whether this severity is a warning (anything above {@link #INFO}). */
    public boolean isWarning() {
        return this != INFO;
    }
}
