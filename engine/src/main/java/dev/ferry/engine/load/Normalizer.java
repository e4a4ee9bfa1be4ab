package dev.ferry.engine.load;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Engine-neutral text of a value, so that equal data hashes the same on any engine: numbers via
 * {@code BigDecimal.stripTrailingZeros().toPlainString()} (1.0 = 1.00 = 1), booleans as 1/0, dates and times as ISO
 * ({@code 2024-01-31T10:00:00.5}; zoned values converted to UTC, so they compare equal to the UTC date-times the
 * load writes into unzoned columns), bytes as lower-case hex, text as is, zero dates as NULL. Stateless, thread-safe.
 */
public final class Normalizer {

    private Normalizer() {
    }

    /** The normalised text of {@code value} read from a column of kind {@code kind}, or {@code null} for NULL. */
    public static String normalize(Object value, ValueKind kind) {
        if (value == null || value == SpecialValue.ZERO_DATE) {
            return null;
        }
        switch (kind) {
            case BOOLEAN:
                if (value instanceof Boolean) {
                    return (Boolean) value ? "1" : "0";
                }
                if (value instanceof Number) {
                    return number(value);
                }
                String b = value.toString().trim().toLowerCase(java.util.Locale.ROOT);
                return b.equals("t") || b.equals("true") ? "1" : b.equals("f") || b.equals("false") ? "0" : b;
            case INTEGER: case DECIMAL: case FLOAT:
                if (value instanceof Number) {
                    return number(value);
                }
                if (value instanceof Boolean) {
                    return (Boolean) value ? "1" : "0";
                }
                try {
                    return new BigDecimal(value.toString().trim()).stripTrailingZeros().toPlainString();
                } catch (NumberFormatException e) {
                    return value.toString();
                }
            case DATE: case TIMESTAMP: case TIMESTAMPTZ:
                if (value instanceof String) {
                    String s = ((String) value).trim();
                    if (ValueReader.isZeroDate(s)) {
                        return null;
                    }
                    try {
                        return normalize(ValueConverter.parseTemporal(s), kind);
                    } catch (RuntimeException e) {
                        return s;
                    }
                }
                if (value instanceof OffsetDateTime) {
                    value = ((OffsetDateTime) value).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
                }
                if (kind == ValueKind.DATE && value instanceof LocalDateTime) {
                    value = ((LocalDateTime) value).toLocalDate();
                }
                return temporal(value);
            default:
                if (value instanceof byte[]) {
                    return Hex.of((byte[]) value);
                }
                if (value instanceof Number) {
                    return number(value);
                }
                return value instanceof String ? (String) value : temporal(value);
        }
    }

    static String number(Object n) {
        if (n instanceof Double || n instanceof Float) {
            double d = ((Number) n).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return Double.toString(d);
            }
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        if (n instanceof BigDecimal) {
            BigDecimal d = (BigDecimal) n;
            return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
        }
        if (n instanceof BigInteger || n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
            return n.toString();
        }
        return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
    }

    /** ISO text with seconds always present and the fraction without trailing zeros; zoned values in UTC + 'Z'. */
    public static String temporal(Object v) {
        if (v instanceof LocalDate) {
            return v.toString();
        }
        if (v instanceof LocalDateTime) {
            LocalDateTime t = (LocalDateTime) v;
            return t.toLocalDate() + "T" + time(t.toLocalTime());
        }
        if (v instanceof OffsetDateTime) {
            LocalDateTime t = ((OffsetDateTime) v).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
            return t.toLocalDate() + "T" + time(t.toLocalTime()) + "Z";
        }
        if (v instanceof LocalTime) {
            return time((LocalTime) v);
        }
        if (v instanceof java.sql.Timestamp) {
            return temporal(((java.sql.Timestamp) v).toLocalDateTime());
        }
        return String.valueOf(v);
    }

    private static String time(LocalTime t) {
        StringBuilder sb = new StringBuilder(String.format("%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond()));
        if (t.getNano() != 0) {
            String frac = String.format("%09d", t.getNano()).replaceAll("0+$", "");
            sb.append('.').append(frac);
        }
        return sb.toString();
    }
}
