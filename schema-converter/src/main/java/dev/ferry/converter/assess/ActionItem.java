package dev.ferry.converter.assess;

import java.util.Objects;

/**
 * Something a person has to read, check or do about one converted object.
 *
 * @param code           stable code from {@link ActionCode}, e.g. {@code ORA-PG-0101}
 * @param severity       how bad it is
 * @param message        what happened, naming the construct
 * @param recommendation what to do about it
 * @param line           1-based line in the source file, or 0 when unknown
 * @param column         1-based column in the source file, or 0 when unknown
 * @param effortMinutes  estimated effort to resolve
 */
public record ActionItem(String code, Severity severity, String message, String recommendation, int line, int column,
                         int effortMinutes) {

    public ActionItem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        recommendation = recommendation == null ? "" : recommendation;
    }

    /** An item with the code's default severity, recommendation and effort. */
    public static ActionItem of(ActionCode code, String message, int line, int column) {
        return new ActionItem(code.code(), code.severity(), message, code.recommendation(), line, column,
                code.effortMinutes());
    }

    /** An item with the code's defaults and no position. */
    public static ActionItem of(ActionCode code, String message) {
        return of(code, message, 0, 0);
    }

    /** This item at another position (used to shift positions relative to an expression into the source file). */
    public ActionItem at(int newLine, int newColumn) {
        return new ActionItem(code, severity, message, recommendation, newLine, newColumn, effortMinutes);
    }

    @Override
    public String toString() {
        return code + " " + severity + (line > 0 ? " @" + line + ":" + column : "") + ": " + message;
    }
}
