package dev.ferry.engine.load;

import dev.ferry.model.schema.Engine;

import dev.ferry.model.schema.DataType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * Converts values read by {@link ValueReader} on a source engine into values the target engine's writer accepts, by
 * the target column's {@link ValueKind}. Rules, in priority order: integers and decimals stay exact (BigDecimal, never
 * double); float NaN/±Infinity pass to PostgreSQL and are rejected for MySQL/SQLite; text keeps empty vs NULL and any
 * UTF-8 (but a NUL character cannot go to PostgreSQL: rejected); binary as bytes; booleans from 0/1 or text when the
 * target column is boolean; dates/timestamps from SQLite text or epoch numbers; MySQL zero dates become NULL with a
 * counted warning (or are rejected, see {@link LoadSettings#zeroDateAsNull()}); JSON as text. Source date-times without a
 * zone loaded into a zoned column are taken as UTC.
 *
 * <p>Immutable and thread-safe; warnings are reported through the {@link Warnings} the caller passes.
 */
public final class ValueConverter {

    /** Receives conversion warnings (values changed but not rejected). Called on the calling thread. */
    public interface Warnings {
        void zeroDateAsNull(String column);
    }

    private final Engine source;
    private final Engine target;
    private final boolean zeroDateAsNull;

    public ValueConverter(Engine source, Engine target, boolean zeroDateAsNull) {
        this.source = Objects.requireNonNull(source);
        this.target = Objects.requireNonNull(target);
        this.zeroDateAsNull = zeroDateAsNull;
    }

    public static ValueConverter of(Engine source, Engine target) {
        return new ValueConverter(source, target, true);
    }

    public Engine source() {
        return source;
    }

    public Engine target() {
        return target;
    }

    /**
     * Converts {@code value} for a target column of kind {@code to} and declared type {@code type}, and checks that the
     * target can hold the result exactly: a decimal with more fractional digits than the column's scale or more integer
     * digits than its precision allows is rejected (PostgreSQL and MySQL would round it or clamp it); a SQLite NUMERIC
     * column stores non-integers as 64-bit floats, so a decimal with more than 15 significant digits is rejected there;
     * an integer beyond 64 bits cannot go to SQLite; a decimal going to a floating-point column must be representable.
     */
    public Object convert(Object value, ValueKind to, DataType type, String column, Warnings warnings) throws RowRejectedException {
        Object out = convert(value, to, column, warnings);
        if (out == null) {
            return null;
        }
        if (to == ValueKind.DECIMAL && out instanceof BigDecimal) {
            return fitDecimal((BigDecimal) out, type, column);
        }
        if (to == ValueKind.INTEGER && target == Engine.MYSQL && type != null && "year".equalsIgnoreCase(type.name())
                && out instanceof Long && (Long) out == 0L) {
            return "0000"; // a bare 0 would be read as the year 2000
        }
        if (to == ValueKind.INTEGER && out instanceof BigInteger && target == Engine.SQLITE) {
            throw new RowRejectedException(column, out, "out of range for SQLite's 64-bit INTEGER");
        }
        if (to == ValueKind.FLOAT && out instanceof Double && value instanceof BigDecimal) {
            double d = (Double) out;
            if (!Double.isInfinite(d) && new BigDecimal(Double.toString(d)).compareTo((BigDecimal) value) != 0) {
                throw new RowRejectedException(column, value, "cannot be held exactly by a floating-point column (nearest double "
                        + d + ")");
            }
        }
        return out;
    }

    private Object fitDecimal(BigDecimal d, DataType type, String column) throws RowRejectedException {
        if (target == Engine.SQLITE) {
            BigDecimal s = d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
            if (s.scale() <= 0 && s.precision() - s.scale() <= 18) {
                return s.longValueExact(); // stored as an exact INTEGER
            }
            if (s.precision() > 15) {
                throw new RowRejectedException(column, d, "has " + s.precision() + " significant digits; SQLite stores "
                        + "non-integer NUMERIC values as 64-bit floats (15 significant digits), so it would round it");
            }
            return d;
        }
        if (type == null || type.precision() == null || type.precision() <= 0) {
            return d;
        }
        int precision = type.precision();
        int scale = type.scale() == null ? 0 : type.scale();
        BigDecimal s = d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
        if (s.scale() > scale) {
            throw new RowRejectedException(column, d, "has more than " + scale + " decimal places; "
                    + type.name() + "(" + precision + "," + scale + ") would round it");
        }
        int integerDigits = Math.max(0, s.precision() - s.scale());
        if (integerDigits > precision - scale) {
            throw new RowRejectedException(column, d, "has " + integerDigits + " integer digits; " + type.name() + "("
                    + precision + "," + scale + ") holds at most " + (precision - scale) + " digits before the point");
        }
        return d;
    }

    /** Converts {@code value} for a target column of kind {@code to}; {@code column} names it in rejections. */
    public Object convert(Object value, ValueKind to, String column, Warnings warnings) throws RowRejectedException {
        if (value == null) {
            return null;
        }
        if (value == SpecialValue.ZERO_DATE) {
            return zeroDate(column, value, warnings);
        }
        switch (to) {
            case INTEGER:
                return toInteger(value, column);
            case DECIMAL:
                return toDecimal(value, column);
            case FLOAT:
                return toFloat(value, column);
            case BOOLEAN:
                return toBoolean(value, column);
            case BINARY:
                if (value instanceof byte[]) {
                    return value;
                }
                return text(value, column).getBytes(StandardCharsets.UTF_8);
            case DATE: {
                Object t = toTemporal(value, column, warnings);
                if (t == null) {
                    return null;
                }
                if (t instanceof LocalDateTime) {
                    return ((LocalDateTime) t).toLocalDate();
                }
                if (t instanceof OffsetDateTime) {
                    return ((OffsetDateTime) t).toLocalDate();
                }
                return t;
            }
            case TIMESTAMP: {
                Object t = toTemporal(value, column, warnings);
                if (t instanceof OffsetDateTime && Normalizer.infinity(t) != null) {
                    return t.equals(OffsetDateTime.MAX) ? LocalDateTime.MAX : LocalDateTime.MIN;
                }
                if (t instanceof LocalDate) {
                    return ((LocalDate) t).atStartOfDay();
                }
                if (t instanceof OffsetDateTime) {
                    return ((OffsetDateTime) t).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
                }
                return t;
            }
            case TIMESTAMPTZ: {
                Object t = toTemporal(value, column, warnings);
                if (t instanceof LocalDate) {
                    return ((LocalDate) t).atStartOfDay().atOffset(ZoneOffset.UTC);
                }
                if (t instanceof LocalDateTime) {
                    return ((LocalDateTime) t).atOffset(ZoneOffset.UTC);
                }
                return t;
            }
            case TIME:
                return toTime(value, column);
            default:
                return text(value, column);
        }
    }

    /** A time of day; MySQL TIME values outside 00:00–24:00 (durations such as {@code 838:59:59}) only fit MySQL. */
    private Object toTime(Object v, String column) throws RowRejectedException {
        if (v instanceof LocalTime) {
            return v;
        }
        if (v instanceof LocalDateTime) {
            return ((LocalDateTime) v).toLocalTime();
        }
        String s = text(v, column).trim();
        try {
            return LocalTime.parse(s);
        } catch (DateTimeParseException e) {
            if (target == Engine.MYSQL && s.matches("-?\\d{1,3}:\\d\\d:\\d\\d(\\.\\d{1,6})?")) {
                return s; // a MySQL TIME duration (-838:59:59 .. 838:59:59)
            }
            if (target == Engine.POSTGRESQL && s.matches("24:00(:00(\\.0+)?)?")) {
                return s; // PostgreSQL's end-of-day time
            }
            if (target == Engine.SQLITE && s.matches("-?\\d{1,3}:\\d\\d(:\\d\\d(\\.\\d+)?)?")) {
                return s; // SQLite keeps the text
            }
            throw new RowRejectedException(column, v, "not a time of day");
        }
    }

    private Object zeroDate(String column, Object value, Warnings warnings) throws RowRejectedException {
        if (zeroDateAsNull) {
            warnings.zeroDateAsNull(column);
            return null;
        }
        throw new RowRejectedException(column, "0000-00-00", "zero date has no equivalent on " + target.displayName());
    }

    private Object toInteger(Object v, String column) throws RowRejectedException {
        if (v instanceof Long) {
            return v;
        }
        if (v instanceof BigInteger) {
            BigInteger i = (BigInteger) v;
            return i.bitLength() < 64 ? (Object) i.longValue() : i;
        }
        if (v instanceof Boolean) {
            return (Boolean) v ? 1L : 0L;
        }
        BigDecimal d = exact(v, column);
        try {
            BigInteger i = d.toBigIntegerExact();
            return i.bitLength() < 64 ? (Object) i.longValue() : i;
        } catch (ArithmeticException e) {
            throw new RowRejectedException(column, v, "fractional value for an integer column");
        }
    }

    private Object toDecimal(Object v, String column) throws RowRejectedException {
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                if (target == Engine.POSTGRESQL) {
                    return d;
                }
                throw new RowRejectedException(column, v, d + " cannot be stored in a decimal column on " + target.displayName());
            }
        }
        if (v instanceof Boolean) {
            return (Boolean) v ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        return exact(v, column);
    }

    private BigDecimal exact(Object v, String column) throws RowRejectedException {
        if (v instanceof BigDecimal) {
            return (BigDecimal) v;
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return BigDecimal.valueOf(((Number) v).longValue());
        }
        if (v instanceof BigInteger) {
            return new BigDecimal((BigInteger) v);
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new RowRejectedException(column, v, d + " is not a number the column accepts");
            }
            return BigDecimal.valueOf(d); // shortest decimal that round-trips: 19.99, not 19.989999...
        }
        if (v instanceof String) {
            try {
                return new BigDecimal(((String) v).trim());
            } catch (NumberFormatException e) {
                throw new RowRejectedException(column, v, "not a number");
            }
        }
        throw new RowRejectedException(column, v, "cannot convert " + v.getClass().getSimpleName() + " to a number");
    }

    private Object toFloat(Object v, String column) throws RowRejectedException {
        double d;
        if (v instanceof Number) {
            d = ((Number) v).doubleValue();
        } else if (v instanceof String) {
            try {
                d = Double.parseDouble(((String) v).trim());
            } catch (NumberFormatException e) {
                throw new RowRejectedException(column, v, "not a floating-point number");
            }
        } else if (v instanceof Boolean) {
            d = (Boolean) v ? 1 : 0;
        } else {
            throw new RowRejectedException(column, v, "cannot convert " + v.getClass().getSimpleName() + " to a float");
        }
        if (Double.isNaN(d) && target != Engine.POSTGRESQL) {
            throw new RowRejectedException(column, v, "NaN cannot be stored on " + target.displayName()
                    + (target == Engine.SQLITE ? " (it would become NULL)" : ""));
        }
        if (Double.isInfinite(d) && target == Engine.MYSQL) {
            throw new RowRejectedException(column, v, d + " cannot be stored on " + target.displayName());
        }
        return d;
    }

    private Object toBoolean(Object v, String column) throws RowRejectedException {
        if (v instanceof Boolean) {
            return v;
        }
        if (v instanceof Number) {
            BigDecimal d = exact(v, column);
            if (d.signum() == 0) {
                return Boolean.FALSE;
            }
            if (d.compareTo(BigDecimal.ONE) == 0) {
                return Boolean.TRUE;
            }
            if (target != Engine.POSTGRESQL && d.stripTrailingZeros().scale() <= 0) {
                // MySQL TINYINT(1) / SQLite BOOLEAN are integer columns: keep the integer exactly
                return toInteger(v, column);
            }
            throw new RowRejectedException(column, v, "not a boolean (expected 0 or 1)");
        }
        if (v instanceof String) {
            switch (((String) v).trim().toLowerCase(java.util.Locale.ROOT)) {
                case "1": case "t": case "true": case "y": case "yes": case "on":
                    return Boolean.TRUE;
                case "0": case "f": case "false": case "n": case "no": case "off":
                    return Boolean.FALSE;
                default:
                    break;
            }
        }
        throw new RowRejectedException(column, v, "not a boolean");
    }

    private Object toTemporal(Object v, String column, Warnings warnings) throws RowRejectedException {
        if (v instanceof LocalDate || v instanceof LocalDateTime || v instanceof OffsetDateTime) {
            return representable(v, column);
        }
        if (v instanceof Number && !(v instanceof BigDecimal && ((BigDecimal) v).scale() > 0)) {
            // SQLite stores date-times as unix epoch seconds when written with strftime('%s')
            return LocalDateTime.ofInstant(Instant.ofEpochSecond(((Number) v).longValue()), ZoneOffset.UTC);
        }
        if (v instanceof String) {
            String s = ((String) v).trim();
            if (ValueReader.isZeroDate(s)) {
                return zeroDate(column, v, warnings);
            }
            try {
                return parseTemporal(s);
            } catch (DateTimeParseException e) {
                throw new RowRejectedException(column, v, "not a date/time: " + e.getMessage());
            }
        }
        throw new RowRejectedException(column, v, "cannot convert " + v.getClass().getSimpleName() + " to a date/time");
    }

    /**
     * PostgreSQL's {@code infinity} (read as {@code MAX}/{@code MIN}) and dates before year 1 (BC) exist only on
     * PostgreSQL: rejected for MySQL and SQLite.
     */
    private Object representable(Object v, String column) throws RowRejectedException {
        if (target == Engine.POSTGRESQL) {
            return v;
        }
        if (v.equals(LocalDate.MAX) || v.equals(LocalDateTime.MAX) || v.equals(OffsetDateTime.MAX)
                || v.equals(LocalDate.MIN) || v.equals(LocalDateTime.MIN) || v.equals(OffsetDateTime.MIN)) {
            throw new RowRejectedException(column, v.toString().startsWith("-") ? "-infinity" : "infinity",
                    "infinity has no equivalent on " + target.displayName());
        }
        int year = v instanceof LocalDate ? ((LocalDate) v).getYear() : v instanceof LocalDateTime
                ? ((LocalDateTime) v).getYear() : ((OffsetDateTime) v).withOffsetSameInstant(ZoneOffset.UTC).getYear();
        if (year < 1) {
            throw new RowRejectedException(column, v, "year " + year + " (" + (1 - year) + " BC) has no equivalent on "
                    + target.displayName());
        }
        return v;
    }

    /** Parses ISO-like text: {@code 2024-01-31}, {@code 2024-01-31 10:00[:00[.123456]]}, with 'T' and an optional offset. */
    public static Object parseTemporal(String s) {
        if (s.length() == 10) {
            return LocalDate.parse(s);
        }
        String iso = s.length() > 10 && s.charAt(10) == ' ' ? s.substring(0, 10) + 'T' + s.substring(11) : s;
        iso = iso.replace(" ", "");
        if (iso.endsWith("Z") || iso.matches(".*T.*[+-]\\d\\d(:?\\d\\d)?$")) {
            if (iso.matches(".*[+-]\\d\\d$")) {
                iso = iso + ":00";
            }
            return OffsetDateTime.parse(iso);
        }
        return LocalDateTime.parse(iso);
    }

    private String text(Object v, String column) throws RowRejectedException {
        String s;
        if (v instanceof String) {
            s = (String) v;
        } else if (v instanceof BigDecimal) {
            s = ((BigDecimal) v).toPlainString();
        } else if (v instanceof byte[]) {
            s = utf8((byte[]) v);
            if (s == null) {
                throw new RowRejectedException(column, v, "bytes are not valid UTF-8 text (shown in hex)");
            }
        } else if (v instanceof Boolean) {
            s = (Boolean) v ? "true" : "false";
        } else if (v instanceof LocalTime || v instanceof LocalDate || v instanceof LocalDateTime || v instanceof OffsetDateTime) {
            s = Normalizer.temporal(v);
        } else {
            s = String.valueOf(v);
        }
        if (target == Engine.POSTGRESQL && s.indexOf('\0') >= 0) {
            throw new RowRejectedException(column, s, "text contains a NUL character, which PostgreSQL cannot store");
        }
        return s;
    }

    /** Strict UTF-8 decoding: {@code null} when the bytes are not valid UTF-8 (never replacement characters). */
    public static String utf8(byte[] bytes) {
        // fast path: the JDK decoder (intrinsic for ASCII) replaces malformed input with U+FFFD, so a result without
        // U+FFFD was valid UTF-8; only text holding U+FFFD (malformed, or a genuine U+FFFD) is decoded again strictly
        String fast = new String(bytes, StandardCharsets.UTF_8);
        if (fast.indexOf('\uFFFD') < 0) {
            return fast;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
