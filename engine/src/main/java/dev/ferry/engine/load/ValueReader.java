package dev.ferry.engine.load;

import dev.ferry.model.schema.Engine;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

/**
 * Reads one column of the current row into a neutral Java value: {@link Long}/{@link java.math.BigInteger} (integers),
 * {@link BigDecimal}, {@link Double}, {@link Boolean}, {@link String}, {@code byte[]}, {@link LocalDate},
 * {@link LocalDateTime}, {@link OffsetDateTime}, {@link SpecialValue} or {@code null}. SQLite values are returned as
 * stored (its typing is dynamic); {@link ValueConverter} resolves them. Stateless, thread-safe.
 */
public final class ValueReader {

    private ValueReader() {
    }

    public static Object read(Engine engine, ValueKind kind, ResultSet rs, int index) throws SQLException {
        switch (engine) {
            case POSTGRESQL:
                return postgres(kind, rs, index);
            case MYSQL:
                return mysql(kind, rs, index);
            default:
                return sqlite(kind, rs, index);
        }
    }

    private static Object postgres(ValueKind kind, ResultSet rs, int i) throws SQLException {
        switch (kind) {
            case INTEGER: {
                Object o = rs.getObject(i);
                return o instanceof Integer || o instanceof Short ? Long.valueOf(((Number) o).longValue()) : o;
            }
            case DECIMAL: {
                Object o = rs.getObject(i);
                if (o instanceof Double) { // numeric NaN
                    return o;
                }
                return o == null ? null : rs.getBigDecimal(i);
            }
            case FLOAT: {
                double d = rs.getDouble(i);
                return rs.wasNull() ? null : d;
            }
            case BOOLEAN: {
                boolean b = rs.getBoolean(i);
                return rs.wasNull() ? null : b;
            }
            case BINARY:
                return rs.getBytes(i);
            case DATE:
                return rs.getObject(i, LocalDate.class);
            case TIMESTAMP:
                return rs.getObject(i, LocalDateTime.class);
            case TIMESTAMPTZ:
                return rs.getObject(i, OffsetDateTime.class);
            default:
                return rs.getString(i);
        }
    }

    private static Object mysql(ValueKind kind, ResultSet rs, int i) throws SQLException {
        switch (kind) {
            case INTEGER: {
                Object o = rs.getObject(i);
                if (o instanceof java.util.Date) { // YEAR (Connector/J's yearIsDateType): the server's digits
                    return Long.valueOf(new String(rs.getBytes(i), java.nio.charset.StandardCharsets.US_ASCII).trim());
                }
                return o instanceof Integer || o instanceof Short || o instanceof Byte ? Long.valueOf(((Number) o).longValue()) : o;
            }
            case DECIMAL:
                return rs.getBigDecimal(i);
            case TIME: {
                // the server's text: Connector/J's getString drops the sign of '-00:00:01'
                byte[] b = rs.getBytes(i);
                return b == null ? null : new String(b, java.nio.charset.StandardCharsets.US_ASCII);
            }
            case FLOAT: {
                double d = rs.getDouble(i);
                return rs.wasNull() ? null : d;
            }
            case BOOLEAN: {
                Object o = rs.getObject(i);
                if (o == null) {
                    return null;
                }
                if (o instanceof byte[]) { // bit(1)
                    byte[] b = (byte[]) o;
                    return b.length > 0 && b[b.length - 1] != 0;
                }
                // TINYINT(1) holds -128..127 and Connector/J maps any non-zero to true: read the server's digits
                byte[] raw = rs.getBytes(i);
                String digits = raw == null ? "" : new String(raw, java.nio.charset.StandardCharsets.US_ASCII).trim();
                if (!digits.matches("-?\\d+")) {
                    return o instanceof Boolean ? o : ((Number) o).longValue() != 0;
                }
                long v = Long.parseLong(digits);
                return v == 0 ? Boolean.FALSE : v == 1 ? Boolean.TRUE : (Object) Long.valueOf(v);
            }
            case BINARY:
                return rs.getBytes(i);
            case DATE: {
                String s = rs.getString(i);
                if (s == null) {
                    return null;
                }
                return isZeroDate(s) ? SpecialValue.ZERO_DATE : LocalDate.parse(s);
            }
            case TIMESTAMP: {
                String s = rs.getString(i);
                if (s == null) {
                    return null;
                }
                return isZeroDate(s) ? SpecialValue.ZERO_DATE : LocalDateTime.parse(s.replace(' ', 'T'));
            }
            default:
                return rs.getString(i);
        }
    }

    private static Object sqlite(ValueKind kind, ResultSet rs, int i) throws SQLException {
        switch (kind) {
            case TEXT: case JSON: {
                // SQLite does not check that TEXT is UTF-8: decode strictly, never into replacement characters
                byte[] b = rs.getBytes(i);
                if (b == null) {
                    return null;
                }
                String s = ValueConverter.utf8(b);
                if (s == null) {
                    throw new IllegalArgumentException("text is not valid UTF-8 (hex " + Hex.of(b.length > 64
                            ? java.util.Arrays.copyOf(b, 64) : b) + ")");
                }
                return s;
            }
            case BINARY: {
                Object o = rs.getObject(i);
                return o instanceof byte[] || o == null ? o : rs.getBytes(i);
            }
            default: {
                Object o = rs.getObject(i);
                return o instanceof Integer ? Long.valueOf((Integer) o) : o;
            }
        }
    }

    /** {@code 0000-00-00}, {@code 0000-00-00 00:00:00} and partial zero dates such as {@code 2024-00-10}. */
    public static boolean isZeroDate(String s) {
        return s.startsWith("0000-") || (s.length() >= 10 && (s.startsWith("-00", 4) || s.startsWith("-00", 7)));
    }
}
