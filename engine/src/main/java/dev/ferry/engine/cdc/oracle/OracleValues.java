package dev.ferry.engine.cdc.oracle;

import dev.ferry.engine.cdc.SpecialNumber;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Locale;

/**
 * Turns the literal values of {@link RedoSqlParser} into the Java values of a {@code ChangeEvent} by the column's
 * Oracle data type. Stateless and thread-safe.
 */
public final class OracleValues {

    private OracleValues() {
    }

    /**
     * Converts one parsed literal for a column of Oracle type {@code type}.
     *
     * @throws IllegalArgumentException naming the column when the literal does not fit the type
     */
    public static Object toJava(Object literal, String type, String column) {
        if (literal == null) {
            return null;
        }
        String t = type.toUpperCase(Locale.ROOT);
        try {
            if (t.startsWith("NUMBER") || t.startsWith("FLOAT") || t.equals("INTEGER")) {
                return literal instanceof BigDecimal d ? d : new BigDecimal(((String) literal).trim());
            }
            if (t.equals("BINARY_DOUBLE") || t.equals("BINARY_FLOAT")) {
                String s = literal.toString().trim();
                return switch (s.toUpperCase(Locale.ROOT)) {
                    case "NAN" -> SpecialNumber.NAN;
                    case "INF", "INFINITY", "BINARY_DOUBLE_INFINITY", "BINARY_FLOAT_INFINITY" -> SpecialNumber.POSITIVE_INFINITY;
                    case "-INF", "-INFINITY", "-BINARY_DOUBLE_INFINITY", "-BINARY_FLOAT_INFINITY" -> SpecialNumber.NEGATIVE_INFINITY;
                    default -> Double.parseDouble(s);
                };
            }
            if (t.equals("DATE") || t.startsWith("TIMESTAMP")) {
                if (literal instanceof LocalDateTime || literal instanceof OffsetDateTime) {
                    return literal;
                }
                throw new IllegalArgumentException("expected TO_DATE/TO_TIMESTAMP, got '" + literal + "'");
            }
            if (t.equals("RAW") || t.equals("BLOB") || t.equals("LONG RAW")) {
                if (literal instanceof byte[]) {
                    return literal;
                }
                String hex = literal.toString();
                byte[] b = new byte[hex.length() / 2];
                for (int k = 0; k < b.length; k++) {
                    b[k] = (byte) Integer.parseInt(hex.substring(2 * k, 2 * k + 2), 16);
                }
                return b;
            }
            return literal instanceof byte[] ? literal : literal.toString();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("column " + column + " (" + type + "): cannot read '" + literal + "': "
                    + e.getMessage(), e);
        }
    }
}
