package dev.ferry.converter.assess;

/** How far a converted object can be trusted. */
public enum ObjectStatus {
    /** Converted with no action item above {@link Severity#INFO} and verified. */
    AUTO,
    /** Converted and verified, but with action items a person should read. */
    AUTO_WITH_WARNINGS,
    /** Not converted, or the conversion failed verification: a person must finish it. */
    MANUAL
}
