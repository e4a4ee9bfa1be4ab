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

    /** The source's row count with thousands separators (10,000), as the Tasks grid shows counts. */
    public String sourceRowsText() {
        return count(validation.sourceRows());
    }

    /** The target's row count with thousands separators (10,000). */
    public String targetRowsText() {
        return count(validation.targetRows());
    }

    /** Counts for a mismatch, the reason for NOT_COMPARABLE, empty for VALIDATED. */
    public String details() {
        TableValidation v = validation;
        return switch (v.status()) {
            case VALIDATED -> count(v.sourceRows()) + (v.sourceRows() == 1 ? " row matches" : " rows match");
            case MISMATCHED -> count(v.missing()) + " missing, " + count(v.extra()) + " extra, " + count(v.different()) + " different"
                    + (v.differentColumns().isEmpty() ? "" : " (columns " + String.join(", ", v.differentColumns()) + ")");
            case NOT_COMPARABLE -> (v.reason() == null ? "not comparable" : v.reason())
                    + (v.sourceRows() == v.targetRows() ? "; counts equal" : "; counts differ");
        };
    }

    /** {@code n} with a comma every three digits (exact: no rounding, no locale), e.g. 100,314; negative as is. */
    static String count(long n) {
        String digits = Long.toString(Math.abs(n));
        StringBuilder b = new StringBuilder(digits.length() + digits.length() / 3 + 1);
        if (n < 0) {
            b.append('-');
        }
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                b.append(',');
            }
            b.append(digits.charAt(i));
        }
        return b.toString();
    }
}
