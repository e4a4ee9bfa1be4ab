package dev.ferry.engine.load.postgres;

import dev.ferry.engine.load.Hex;
import dev.ferry.engine.load.Normalizer;
import dev.ferry.engine.load.TargetWriter;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Streams rows into one {@code COPY ... FROM STDIN} (text format) through pgjdbc's {@code CopyManager.copyIn}: each
 * batch is encoded and sent as it arrives, so memory holds one batch. Text escaping: backslash, tab, newline and carriage
 * return are escaped, NULL is {@code \N}, bytea is {@code \\x<hex>}, booleans {@code t}/{@code f}, date-times ISO.
 * Text must not contain NUL (the converter rejects such rows first). Used by one writer thread.
 */
public final class PostgresCopyWriter implements TargetWriter {

    private final CopyIn copy;

    public PostgresCopyWriter(Connection connection, String copySql) throws SQLException {
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
    }

    @Override
    public long write(List<Object[]> rows) throws SQLException {
        StringBuilder sb = new StringBuilder(rows.size() * 64);
        for (Object[] row : rows) {
            encodeRow(sb, row);
        }
        byte[] data = sb.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(data, 0, data.length);
        return data.length;
    }

    /** Appends one row in COPY text format, ending with a newline. */
    public static void encodeRow(StringBuilder sb, Object[] row) {
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                sb.append('\t');
            }
            encode(sb, row[i]);
        }
        sb.append('\n');
    }

    static void encode(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("\\N");
        } else if (v instanceof Boolean) {
            sb.append((Boolean) v ? 't' : 'f');
        } else if (v instanceof byte[]) {
            sb.append("\\\\x");
            Hex.append(sb, (byte[]) v);
        } else if (v instanceof BigDecimal) {
            sb.append(((BigDecimal) v).toPlainString());
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            sb.append(Double.isNaN(d) ? "NaN" : d == Double.POSITIVE_INFINITY ? "Infinity"
                    : d == Double.NEGATIVE_INFINITY ? "-Infinity" : Double.toString(d));
        } else if (v instanceof Number) {
            sb.append(v);
        } else if (v instanceof String) {
            escape(sb, (String) v);
        } else {
            escape(sb, temporal(v));
        }
    }

    /**
     * PostgreSQL date/time input text: ISO, {@code infinity}/{@code -infinity} for the {@code MAX}/{@code MIN} values
     * pgjdbc reads them as, and years before 1 (proleptic year 0 = 1 BC) with the {@code BC} suffix.
     */
    static String temporal(Object v) {
        if (v.equals(java.time.LocalDate.MAX) || v.equals(java.time.LocalDateTime.MAX) || v.equals(java.time.OffsetDateTime.MAX)) {
            return "infinity";
        }
        if (v.equals(java.time.LocalDate.MIN) || v.equals(java.time.LocalDateTime.MIN) || v.equals(java.time.OffsetDateTime.MIN)) {
            return "-infinity";
        }
        if (v instanceof java.time.OffsetDateTime) {
            v = ((java.time.OffsetDateTime) v).withOffsetSameInstant(java.time.ZoneOffset.UTC);
        }
        int year = v instanceof java.time.LocalDate ? ((java.time.LocalDate) v).getYear()
                : v instanceof java.time.LocalDateTime ? ((java.time.LocalDateTime) v).getYear()
                : v instanceof java.time.OffsetDateTime ? ((java.time.OffsetDateTime) v).getYear() : 1;
        String text = Normalizer.temporal(v);
        if (text.startsWith("+")) { // years after 9999: "+294276-12-31" -> "294276-12-31"
            text = text.substring(1);
        }
        if (year >= 1) {
            return text;
        }
        // "-4712-01-01T00:00:00Z" -> "4713-01-01T00:00:00Z BC"
        String rest = text.substring(text.indexOf('-', 1));
        return String.format("%04d", 1 - year) + rest + " BC";
    }

    static void escape(StringBuilder sb, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\': sb.append("\\\\"); break;
                case '\t': sb.append("\\t"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                default: sb.append(c);
            }
        }
    }

    @Override
    public void finish() throws SQLException {
        copy.endCopy();
    }

    @Override
    public void abort() {
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException ignored) {
            // the transaction is rolled back anyway
        }
    }
}
