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
                if (infinity(value) != null) {
                    return infinity(value);
                }
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
                if (value instanceof Number && !(value instanceof BigDecimal && ((BigDecimal) value).scale() > 0)) {
                    // SQLite epoch seconds, as the load converts them
                    value = java.time.LocalDateTime.ofInstant(java.time.Instant.ofEpochSecond(((Number) value).longValue()), ZoneOffset.UTC);
                }
                if (value instanceof OffsetDateTime) {
                    value = ((OffsetDateTime) value).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
                }
                if (kind == ValueKind.DATE && value instanceof LocalDateTime) {
                    value = ((LocalDateTime) value).toLocalDate();
                }
                return temporal(value);
            case TIME:
                return value instanceof String ? time((String) value) : temporal(value);
            case JSON:
                return json(value instanceof byte[] ? utf8OrHex((byte[]) value) : String.valueOf(value));
            default:
                if (value instanceof byte[]) {
                    return kind == ValueKind.TEXT ? utf8OrHex((byte[]) value) : Hex.of((byte[]) value);
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

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    /**
     * Canonical JSON text: keys sorted, insignificant white space removed, numbers as exact decimals without trailing
     * zeros, so that MySQL JSON text, PostgreSQL json (kept verbatim) and jsonb (keys reordered) compare equal when the
     * documents are. Text that is not JSON is returned unchanged.
     */
    static String json(String text) {
        try {
            com.fasterxml.jackson.databind.JsonNode node = JSON.readTree(text);
            if (node == null) {
                return text;
            }
            return JSON.writeValueAsString(canonical(node));
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            return text;
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode canonical(com.fasterxml.jackson.databind.JsonNode n) {
        if (n.isObject()) {
            com.fasterxml.jackson.databind.node.ObjectNode o = JSON.createObjectNode();
            java.util.List<String> names = new java.util.ArrayList<>();
            n.fieldNames().forEachRemaining(names::add);
            java.util.Collections.sort(names);
            for (String name : names) {
                o.set(name, canonical(n.get(name)));
            }
            return o;
        }
        if (n.isArray()) {
            com.fasterxml.jackson.databind.node.ArrayNode a = JSON.createArrayNode();
            n.forEach(e -> a.add(canonical(e)));
            return a;
        }
        if (n.isNumber()) {
            return com.fasterxml.jackson.databind.node.DecimalNode.valueOf(new BigDecimal(number(n.decimalValue())));
        }
        return n;
    }

    /** Bytes as UTF-8 text when they are valid UTF-8, else as {@code \\x} + hex (so they differ from any text). */
    private static String utf8OrHex(byte[] b) {
        String s = ValueConverter.utf8(b);
        return s != null ? s : "\\x" + Hex.of(b);
    }

    /** {@code "infinity"} / {@code "-infinity"} for the MAX / MIN date-times pgjdbc reads PostgreSQL's infinities as. */
    public static String infinity(Object v) {
        if (v.equals(LocalDate.MAX) || v.equals(LocalDateTime.MAX) || v.equals(OffsetDateTime.MAX)) {
            return "infinity";
        }
        if (v.equals(LocalDate.MIN) || v.equals(LocalDateTime.MIN) || v.equals(OffsetDateTime.MIN)) {
            return "-infinity";
        }
        return null;
    }

    private static final java.util.regex.Pattern TIME_TEXT = java.util.regex.Pattern.compile("(-?)(\\d+):(\\d\\d)(?::(\\d\\d)(?:\\.(\\d+))?)?");

    /** Time text (also MySQL durations such as {@code -838:59:59.000000}): hours, minutes, seconds, fraction without trailing zeros. */
    private static String time(String s) {
        java.util.regex.Matcher m = TIME_TEXT.matcher(s.trim());
        if (!m.matches()) {
            return s;
        }
        StringBuilder sb = new StringBuilder(m.group(1)).append(String.format("%02d", Long.parseLong(m.group(2))))
                .append(':').append(m.group(3)).append(':').append(m.group(4) == null ? "00" : m.group(4));
        String frac = m.group(5) == null ? "" : m.group(5).replaceAll("0+$", "");
        if (!frac.isEmpty()) {
            sb.append('.').append(frac);
        }
        return sb.toString();
    }
}
