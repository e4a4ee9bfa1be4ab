package dev.ferry.engine.cdc.postgres;

import dev.ferry.engine.cdc.IntervalValue;
import dev.ferry.engine.cdc.SpecialNumber;
import dev.ferry.engine.cdc.TypedText;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps PostgreSQL built-in type OIDs to names and turns pgoutput's text-format values into Java values.
 *
 * <p>Dates and timestamps become the values pgjdbc gives the full load ({@code infinity} as {@code MAX}, BC dates as
 * proleptic years, years beyond 9999); values {@code java.time} cannot hold ({@code 24:00:00}, unexpected styles) stay
 * as their text ({@code String}); numeric {@code NaN}/{@code ±Infinity} become
 * {@link SpecialNumber}; arrays, enums, domains and every other type become {@link TypedText}. Nothing is lost.
 *
 * <p>Stateless and thread-safe.
 */
public final class PgTypes {

    public static final int BOOL = 16;
    public static final int BYTEA = 17;
    public static final int CHAR = 18;
    public static final int NAME = 19;
    public static final int INT8 = 20;
    public static final int INT2 = 21;
    public static final int INT4 = 23;
    public static final int TEXT = 25;
    public static final int OID = 26;
    public static final int JSON = 114;
    public static final int XML = 142;
    public static final int FLOAT4 = 700;
    public static final int FLOAT8 = 701;
    public static final int BPCHAR = 1042;
    public static final int VARCHAR = 1043;
    public static final int DATE = 1082;
    public static final int TIME = 1083;
    public static final int TIMESTAMP = 1114;
    public static final int TIMESTAMPTZ = 1184;
    public static final int INTERVAL = 1186;
    public static final int TIMETZ = 1266;
    public static final int NUMERIC = 1700;
    public static final int UUID_OID = 2950;
    public static final int JSONB = 3802;

    private static final Map<Integer, String> NAMES = new HashMap<>();

    static {
        Object[][] names = {
                {BOOL, "bool"}, {BYTEA, "bytea"}, {CHAR, "char"}, {NAME, "name"}, {INT8, "int8"}, {INT2, "int2"},
                {INT4, "int4"}, {TEXT, "text"}, {OID, "oid"}, {JSON, "json"}, {XML, "xml"}, {FLOAT4, "float4"},
                {FLOAT8, "float8"}, {BPCHAR, "bpchar"}, {VARCHAR, "varchar"}, {DATE, "date"}, {TIME, "time"},
                {TIMESTAMP, "timestamp"}, {TIMESTAMPTZ, "timestamptz"}, {INTERVAL, "interval"}, {TIMETZ, "timetz"},
                {NUMERIC, "numeric"}, {UUID_OID, "uuid"}, {JSONB, "jsonb"},
                {650, "cidr"}, {869, "inet"}, {829, "macaddr"}, {774, "macaddr8"}, {790, "money"}, {1560, "bit"},
                {1562, "varbit"}, {600, "point"}, {601, "lseg"}, {602, "path"}, {603, "box"}, {604, "polygon"},
                {628, "line"}, {718, "circle"}, {3614, "tsvector"}, {3615, "tsquery"}, {2278, "void"},
                {3904, "int4range"}, {3926, "int8range"}, {3906, "numrange"}, {3908, "tsrange"}, {3910, "tstzrange"},
                {3912, "daterange"}, {4072, "jsonpath"}, {5038, "pg_snapshot"},
                {1000, "_bool"}, {1001, "_bytea"}, {1002, "_char"}, {1003, "_name"}, {1005, "_int2"}, {1007, "_int4"},
                {1009, "_text"}, {1014, "_bpchar"}, {1015, "_varchar"}, {1016, "_int8"}, {1021, "_float4"},
                {1022, "_float8"}, {1028, "_oid"}, {1115, "_timestamp"}, {1182, "_date"}, {1183, "_time"},
                {1185, "_timestamptz"}, {1187, "_interval"}, {1231, "_numeric"}, {1270, "_timetz"}, {199, "_json"},
                {2951, "_uuid"}, {3807, "_jsonb"}, {143, "_xml"}, {1041, "_inet"}, {651, "_cidr"}, {1040, "_macaddr"}};
        for (Object[] n : names) {
            NAMES.put((Integer) n[0], (String) n[1]);
        }
    }

    private static final Pattern INTERVAL_PART = Pattern.compile(
            "\\s*(?:([+-]?\\d+) (years?|mons?|days?)|([+-])?(\\d+):(\\d{2}):(\\d{2})(?:\\.(\\d{1,6}))?)");

    private PgTypes() {
    }

    /** The name of a built-in type, or {@code null} when the OID is not a known built-in type. */
    public static String builtinName(int oid) {
        return NAMES.get(oid);
    }

    /**
     * Decodes one text-format value of type {@code oid}; {@code typeName} names the type for values that stay text.
     * Never throws for a well-formed server value: anything that does not parse stays as text.
     */
    public static Object decodeText(int oid, String typeName, String text) {
        try {
            switch (oid) {
                case BOOL:
                    return "t".equals(text) || "true".equals(text);
                case INT2:
                    return Short.valueOf(text);
                case INT4:
                    return Integer.valueOf(text);
                case INT8:
                case OID:
                    return Long.valueOf(text);
                case NUMERIC:
                    return decodeNumeric(text);
                case FLOAT4:
                    return Float.valueOf(text);
                case FLOAT8:
                    return Double.valueOf(text);
                case TEXT:
                case VARCHAR:
                case BPCHAR:
                case NAME:
                case CHAR:
                case JSON:
                case JSONB:
                case XML:
                    return text;
                case BYTEA:
                    return decodeBytea(text);
                case UUID_OID:
                    return UUID.fromString(text);
                case DATE:
                case TIMESTAMP:
                case TIMESTAMPTZ:
                    return decodeDateTime(oid, text);
                case TIME:
                    return LocalTime.parse(text);
                case TIMETZ:
                    return decodeTimeTz(text);
                case INTERVAL:
                    return decodeInterval(text);
                default:
                    return new TypedText(text, oid, typeName == null ? Integer.toString(oid) : typeName);
            }
        } catch (RuntimeException e) {
            // keep what the server sent rather than lose or corrupt it (24:00:00, unexpected styles, ...)
            return text;
        }
    }

    /**
     * A date, timestamp or timestamptz in PostgreSQL's ISO output style, as the same Java value pgjdbc's
     * {@code getObject} gives the full load: {@code infinity} / {@code -infinity} as the type's {@code MAX} / {@code MIN},
     * a BC date as the proleptic year {@code 1 - year} ({@code 0044-03-15 BC} is year -43), and years beyond 9999.
     */
    static Object decodeDateTime(int oid, String text) {
        if (text.equals("infinity") || text.equals("-infinity")) {
            boolean max = text.charAt(0) == 'i';
            return switch (oid) {
                case DATE -> max ? LocalDate.MAX : LocalDate.MIN;
                case TIMESTAMP -> max ? LocalDateTime.MAX : LocalDateTime.MIN;
                default -> max ? OffsetDateTime.MAX : OffsetDateTime.MIN;
            };
        }
        String t = text;
        boolean bc = t.endsWith(" BC");
        if (bc) {
            t = t.substring(0, t.length() - 3);
        }
        int dash1 = t.indexOf('-', 1);
        int dash2 = t.indexOf('-', dash1 + 1);
        int year = Integer.parseInt(t, 0, dash1, 10);
        int month = Integer.parseInt(t, dash1 + 1, dash2, 10);
        int day = Integer.parseInt(t, dash2 + 1, dash2 + 3, 10);
        LocalDate date = LocalDate.of(bc ? 1 - year : year, month, day);
        if (oid == DATE) {
            if (t.length() != dash2 + 3) {
                throw new DateTimeParseException("unexpected date text", text, dash2 + 3);
            }
            return date;
        }
        String time = t.substring(dash2 + 4); // after "DD "
        if (oid == TIMESTAMP) {
            return LocalDateTime.of(date, LocalTime.parse(time));
        }
        int off = offsetStart(time, 1);
        return OffsetDateTime.of(LocalDateTime.of(date, LocalTime.parse(time.substring(0, off))),
                ZoneOffset.of(time.substring(off)));
    }

    static Object decodeNumeric(String text) {
        switch (text) {
            case "NaN":
                return SpecialNumber.NAN;
            case "Infinity":
                return SpecialNumber.POSITIVE_INFINITY;
            case "-Infinity":
                return SpecialNumber.NEGATIVE_INFINITY;
            default:
                return new BigDecimal(text);
        }
    }

    static byte[] decodeBytea(String text) {
        if (text.startsWith("\\x")) {
            int n = (text.length() - 2) / 2;
            byte[] out = new byte[n];
            for (int i = 0; i < n; i++) {
                out[i] = (byte) Integer.parseInt(text, 2 + 2 * i, 4 + 2 * i, 16);
            }
            return out;
        }
        // escape format (bytea_output = escape): \\ and \ooo
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(text.length());
        byte[] raw = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '\\' && i + 1 < raw.length && raw[i + 1] == '\\') {
                out.write('\\');
                i++;
            } else if (raw[i] == '\\' && i + 3 < raw.length) {
                out.write(Integer.parseInt(new String(raw, i + 1, 3, StandardCharsets.US_ASCII), 8));
                i += 3;
            } else {
                out.write(raw[i]);
            }
        }
        return out.toByteArray();
    }

    private static int offsetStart(String text, int from) {
        for (int i = text.length() - 1; i > from; i--) {
            char c = text.charAt(i);
            if (c == '+' || c == '-') {
                return i;
            }
        }
        throw new DateTimeParseException("no UTC offset", text, 0);
    }

    static OffsetTime decodeTimeTz(String text) {
        int off = offsetStart(text, 1);
        return OffsetTime.of(LocalTime.parse(text.substring(0, off)), ZoneOffset.of(text.substring(off)));
    }

    /** Parses the {@code postgres} interval style ({@code 1 year 2 mons -3 days +04:05:06.5}); text otherwise. */
    static Object decodeInterval(String text) {
        if (text.equals("infinity") || text.equals("-infinity")) {
            return text;
        }
        Matcher m = INTERVAL_PART.matcher(text);
        int pos = 0;
        long months = 0;
        long days = 0;
        long micros = 0;
        while (pos < text.length()) {
            if (!m.find(pos) || m.start() != pos) {
                return text;
            }
            if (m.group(1) != null) {
                long n = Long.parseLong(m.group(1));
                String unit = m.group(2);
                if (unit.startsWith("year")) {
                    months += n * 12;
                } else if (unit.startsWith("mon")) {
                    months += n;
                } else {
                    days += n;
                }
            } else {
                String frac = m.group(7) == null ? "" : m.group(7);
                long t = ((Long.parseLong(m.group(4)) * 60 + Long.parseLong(m.group(5))) * 60 + Long.parseLong(m.group(6)))
                        * 1_000_000L + (frac.isEmpty() ? 0 : Long.parseLong((frac + "00000").substring(0, 6)));
                micros += "-".equals(m.group(3)) ? -t : t;
            }
            pos = m.end();
        }
        return new IntervalValue(Math.toIntExact(months), Math.toIntExact(days), micros);
    }
}
