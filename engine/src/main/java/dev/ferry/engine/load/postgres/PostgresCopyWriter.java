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
 * Streams rows into one {@code COPY ... FROM STDIN} (text format) through pgjdbc's {@code CopyManager.copyIn}. Rows are
 * encoded straight into UTF-8 bytes in a buffer of {@code chunkBytes} that is sent whenever it fills, so a LOB value is
 * never held a second time as encoded text: memory holds the batch plus one chunk. Text escaping: backslash, tab,
 * newline and carriage return are escaped, NULL is {@code \N}, bytea is {@code \\x<hex>}, booleans {@code t}/{@code f},
 * date-times ISO. Text must not contain NUL (the converter rejects such rows first). Used by one writer thread.
 */
public final class PostgresCopyWriter implements TargetWriter {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final CopyIn copy;
    private final byte[] buf;
    private int pos;
    private long sent;

    public PostgresCopyWriter(Connection connection, String copySql) throws SQLException {
        this(connection, copySql, 64 * 1024);
    }

    public PostgresCopyWriter(Connection connection, String copySql, int chunkBytes) throws SQLException {
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
        this.buf = new byte[Math.max(4096, chunkBytes)];
    }

    @Override
    public long write(List<Object[]> rows) throws SQLException {
        long before = sent + pos;
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    put((byte) '\t');
                }
                encode(row[i]);
            }
            put((byte) '\n');
        }
        flush();
        return sent - before;
    }

    private void flush() throws SQLException {
        if (pos > 0) {
            copy.writeToCopy(buf, 0, pos);
            sent += pos;
            pos = 0;
        }
    }

    private void put(byte b) throws SQLException {
        if (pos == buf.length) {
            flush();
        }
        buf[pos++] = b;
    }

    private void ascii(String s) throws SQLException {
        for (int i = 0; i < s.length(); i++) {
            put((byte) s.charAt(i));
        }
    }

    /**
     * Hex digits of {@code n} bytes into {@code out} at {@code at}; returns the new position. A small method called once
     * per chunk: the JIT compiles it by invocation count (a 10 MB value's byte loop inside {@link #encode} was seen
     * running interpreted — 14 MB/s — on a starved machine where the on-stack replacement compile never came).
     */
    private static int hex(byte[] b, int from, int n, byte[] out, int at) {
        for (int k = from, end = from + n; k < end; k++) {
            int x = b[k];
            out[at++] = HEX[(x >> 4) & 0xF];
            out[at++] = HEX[x & 0xF];
        }
        return at;
    }

    /** The decimal digits of {@code v}, written straight into the buffer (no String per value). */
    private void decimal(long v) throws SQLException {
        if (v == Long.MIN_VALUE) {
            ascii(Long.toString(v));
            return;
        }
        if (pos + 20 > buf.length) {
            flush();
        }
        if (v < 0) {
            buf[pos++] = '-';
            v = -v;
        }
        int digits = 1;
        for (long t = v; t >= 10; t /= 10) {
            digits++;
        }
        int end = pos + digits;
        for (int i = end - 1; i >= pos; i--) {
            buf[i] = (byte) ('0' + (int) (v % 10));
            v /= 10;
        }
        pos = end;
    }

    private void encode(Object v) throws SQLException {
        if (v == null) {
            put((byte) '\\');
            put((byte) 'N');
        } else if (v instanceof String) {
            text((String) v);
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short) {
            decimal(((Number) v).longValue());
        } else if (v instanceof Boolean) {
            put((Boolean) v ? (byte) 't' : (byte) 'f');
        } else if (v instanceof byte[]) {
            byte[] b = (byte[]) v;
            put((byte) '\\');
            put((byte) '\\');
            put((byte) 'x');
            for (int i = 0; i < b.length; ) {
                if (pos + 2 > buf.length) {
                    flush();
                }
                int n = Math.min(b.length - i, (buf.length - pos) / 2);
                pos = hex(b, i, n, buf, pos);
                i += n;
            }
        } else {
            StringBuilder sb = new StringBuilder(32);
            encode(sb, v);
            text(sb.toString(), false);
        }
    }

    private void text(String s) throws SQLException {
        text(s, true);
    }

    /**
     * UTF-8 bytes of {@code s}, COPY-escaped when {@code escape}. {@code String.getBytes} is the fast path (an array copy
     * for ASCII); long text is encoded in slices of {@value #SLICE} characters (never splitting a surrogate pair), so a
     * LOB is never held a second time whole. An unpaired surrogate becomes {@code ?}, as {@code getBytes} does.
     */
    private void text(String s, boolean escape) throws SQLException {
        int n = s.length();
        if (n <= SLICE) {
            bytes(s.getBytes(StandardCharsets.UTF_8), escape);
            return;
        }
        for (int i = 0; i < n; ) {
            int j = Math.min(n, i + SLICE);
            if (j < n && Character.isHighSurrogate(s.charAt(j - 1))) {
                j--;
            }
            bytes(s.substring(i, j).getBytes(StandardCharsets.UTF_8), escape);
            i = j;
        }
    }

    private static final int SLICE = 8192;

    /** Bytes COPY text needs escaped: backslash, tab, newline, carriage return. */
    private static final boolean[] ESCAPED = new boolean[256];

    static {
        ESCAPED['\\'] = true;
        ESCAPED['\t'] = true;
        ESCAPED['\n'] = true;
        ESCAPED['\r'] = true;
    }

    /** Copies UTF-8 bytes, escaping backslash, tab, newline and CR (bytes of multi-byte sequences are all >= 0x80). */
    private void bytes(byte[] b, boolean escape) throws SQLException {
        int start = 0;
        if (escape) {
            for (int i = 0; i < b.length; i++) {
                byte c = b[i];
                if (c <= '\\' && ESCAPED[c & 0xFF]) {
                    copy(b, start, i - start);
                    put((byte) '\\');
                    put(c == '\\' ? (byte) '\\' : c == '\t' ? (byte) 't' : c == '\n' ? (byte) 'n' : (byte) 'r');
                    start = i + 1;
                }
            }
        }
        copy(b, start, b.length - start);
    }

    private void copy(byte[] b, int off, int len) throws SQLException {
        while (len > 0) {
            if (pos == buf.length) {
                flush();
            }
            int k = Math.min(len, buf.length - pos);
            System.arraycopy(b, off, buf, pos, k);
            pos += k;
            off += k;
            len -= k;
        }
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
        // copies the runs between special characters in bulk (most values have none: one arraycopy)
        int n = s.length();
        int from = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c <= '\\' && (c == '\\' || c == '\t' || c == '\n' || c == '\r')) {
                sb.append(s, from, i);
                sb.append(c == '\\' ? "\\\\" : c == '\t' ? "\\t" : c == '\n' ? "\\n" : "\\r");
                from = i + 1;
            }
        }
        if (from == 0) {
            sb.append(s);
        } else {
            sb.append(s, from, n);
        }
    }

    @Override
    public void finish() throws SQLException {
        flush();
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
