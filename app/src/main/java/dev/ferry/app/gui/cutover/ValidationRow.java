package dev.ferry.app.gui.cutover;

import dev.ferry.engine.validate.TableValidation;

/**
 * One table's validation as the section lists it.
 *
 * @param validation the engine's result
 * @param ok         whether it counts as a success (VALIDATED, or no key and equal counts)
 */
public record ValidationRow(TableValidation validation, boolean ok) {

    public String table() {
        return validation.table();
    }

    /** VALIDATED, MISMATCHED or NOT_COMPARABLE. */
    public String status() {
        return validation.status().name();
    }

    /** Counts for a mismatch, the reason for NOT_COMPARABLE, empty for VALIDATED. */
    public String details() {
        TableValidation v = validation;
        return switch (v.status()) {
            case VALIDATED -> v.sourceRows() + " rows";
            case MISMATCHED -> v.missing() + " missing, " + v.extra() + " extra, " + v.different() + " different"
                    + (v.differentColumns().isEmpty() ? "" : " (columns " + String.join(", ", v.differentColumns()) + ")");
            case NOT_COMPARABLE -> (v.reason() == null ? "not comparable" : v.reason())
                    + (v.sourceRows() == v.targetRows() ? "; counts equal" : "; counts differ");
        };
    }
}
