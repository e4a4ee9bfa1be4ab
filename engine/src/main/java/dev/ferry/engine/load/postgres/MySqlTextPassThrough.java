package dev.ferry.engine.load.postgres;

import dev.ferry.engine.load.ColumnMapping;
import dev.ferry.engine.load.RowRejectedException;
import dev.ferry.engine.load.TableJob;
import dev.ferry.engine.load.ValueConverter;
import dev.ferry.engine.load.ValueKind;
import dev.ferry.engine.load.ValueReader;
import dev.ferry.model.schema.DataType;
import dev.ferry.model.schema.Engine;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * MySQL/MariaDB → PostgreSQL without building a Java object per value: the rows of a streaming (text protocol) result
 * set are read as the server's text bytes ({@code ResultSet.getBytes}) and written straight into
 * {@code COPY t (cols) FROM STDIN} (text format). A column goes raw only when its MySQL text form is exactly the
 * PostgreSQL input the row path ({@code ValueReader} → {@code ValueConverter} → {@code PostgresCopyWriter}) would send,
 * or text PostgreSQL refuses ({@link #plan}):
 * <ul>
 *   <li>integers into integer or numeric columns (out of range: the target refuses the COPY);</li>
 *   <li>DECIMAL into a numeric column at least as wide (same scale or more, as many integer digits or more), so the
 *       target can never round it;</li>
 *   <li>CHAR/VARCHAR/TEXT/ENUM/SET sent as UTF-8 into text-like, json or other columns (COPY-escaped; a NUL goes
 *       through the converter, which rejects it; bytes that are not UTF-8 make the target refuse the COPY);</li>
 *   <li>binary columns into bytea as {@code \\x} hex;</li>
 *   <li>DATE into date, DATETIME/TIMESTAMP into timestamp and (with {@code +00}: the session runs in UTC) timestamptz,
 *       except zero dates, which go through the converter.</li>
 * </ul>
 * Every other column (and every value a raw column cannot take) is read, converted and encoded as on the row path.
 * A value the converter rejects ends the stream with {@code null}: the caller rolls the target back and loads the range
 * through the row path, which records the rejection in {@code ferry_exceptions}; so does a COPY the target refuses.
 *
 * <p>Threading: {@link #stream} runs on the calling (worker) thread and drives both connections; stateless otherwise.
 */
public final class MySqlTextPassThrough {

    /** How one column travels. */
    public enum Route { INTEGER, DECIMAL, TEXT, BINARY, DATE, TIMESTAMP, TIMESTAMPTZ, CONVERT }

    /** Progress callback: called with the rows and bytes moved since the last call. */
    @FunctionalInterface
    public interface Progress {
        void moved(long rows, long bytes);
    }

    /** Rows and bytes sent, and the warnings (zero dates made NULL) of the values that went through the converter. */
    public record Result(long rows, long bytes, long warnings) {
    }

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TZ_UTC = "+00".getBytes(StandardCharsets.US_ASCII);
    private static final int BUFFER = 64 * 1024;
    private static final int PROGRESS_ROWS = 4096;

    private MySqlTextPassThrough() {
    }

    /** Whether the stream can load {@code job} at all: no add-column expressions (they are evaluated on the row path). */
    public static boolean eligible(TableJob job) {
        return !job.columns().isEmpty() && job.columns().stream().allMatch(m -> m.computed() == null);
    }

    /** The route of each column of {@code job} (MySQL source, PostgreSQL target), before looking at the result set. */
    public static Route[] plan(TableJob job) {
        List<ColumnMapping> cols = job.columns();
        Route[] out = new Route[cols.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = route(cols.get(i).source().type(), cols.get(i).target().type());
        }
        return out;
    }

    static Route route(DataType source, DataType target) {
        ValueKind s = ValueKind.of(Engine.MYSQL, source);
        ValueKind t = ValueKind.of(Engine.POSTGRESQL, target);
        switch (s) {
            case INTEGER:
                return t == ValueKind.INTEGER || t == ValueKind.DECIMAL ? Route.INTEGER : Route.CONVERT;
            case DECIMAL:
                return t == ValueKind.DECIMAL && decimalFits(source, target) ? Route.DECIMAL : Route.CONVERT;
            case TEXT:
                return t == ValueKind.TEXT || t == ValueKind.JSON || t == ValueKind.OTHER ? Route.TEXT : Route.CONVERT;
            case BINARY:
                return t == ValueKind.BINARY ? Route.BINARY : Route.CONVERT;
            case DATE:
                return t == ValueKind.DATE ? Route.DATE : Route.CONVERT;
            case TIMESTAMP:
                return t == ValueKind.TIMESTAMP ? Route.TIMESTAMP : t == ValueKind.TIMESTAMPTZ ? Route.TIMESTAMPTZ : Route.CONVERT;
            default:
                return Route.CONVERT;
        }
    }

    /** Whether every value of {@code source} DECIMAL(p,s) fits the target numeric without rounding. */
    static boolean decimalFits(DataType source, DataType target) {
        if (!"numeric".equals(target.name().toLowerCase(Locale.ROOT)) && !"decimal".equals(target.name().toLowerCase(Locale.ROOT))) {
            return false;
        }
        if (target.precision() == null || target.precision() <= 0) {
            return true; // unconstrained numeric
        }
        if (source.precision() == null || source.precision() <= 0) {
            return false;
        }
        int ss = source.scale() == null ? 0 : source.scale();
        int ts = target.scale() == null ? 0 : target.scale();
        return ts >= ss && target.precision() - ts >= source.precision() - ss;
    }

    /** {@code COPY target (cols) FROM STDIN} (text format). */
    public static String copyIn(TableJob job) {
        String cols = job.columns().stream().map(ColumnMapping::target).map(c -> dev.ferry.engine.load.Sql.quote(Engine.POSTGRESQL, c.name()))
                .collect(Collectors.joining(", "));
        return "COPY " + dev.ferry.engine.load.Sql.quote(Engine.POSTGRESQL, job.target()) + " (" + cols + ") FROM STDIN";
    }

    /** A text column goes raw only when the driver reports UTF-8 for it (the session's character_set_results). */
    public static void checkEncodings(ResultSet rs, Route[] routes) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        com.mysql.cj.jdbc.result.ResultSetMetaData my = md.isWrapperFor(com.mysql.cj.jdbc.result.ResultSetMetaData.class)
                ? md.unwrap(com.mysql.cj.jdbc.result.ResultSetMetaData.class) : null;
        for (int i = 0; i < routes.length; i++) {
            if (routes[i] == Route.TEXT) {
                String enc = my == null ? null : my.getColumnCharacterEncoding(i + 1);
                if (enc == null || !(enc.equalsIgnoreCase("UTF-8") || enc.equalsIgnoreCase("UTF8"))) {
                    routes[i] = Route.CONVERT;
                }
            }
        }
    }

    /**
     * Streams the open result set {@code rs} into {@code copyIn} on {@code target}. Returns the rows, bytes and converter
     * warnings, or {@code null} when a value was rejected by the converter (nothing is committed; the caller rolls back
     * and takes the row path). A target failure is thrown as an {@link SQLException} (the result set is left open, so
     * the caller's close drains it and the reader stays usable); a source failure as a {@link PostgresCopyPassThrough.SourceFailure}.
     */
    public static Result stream(ResultSet rs, Route[] routes, TableJob job, ValueConverter converter, Connection target,
                                Progress progress) throws SQLException, PostgresCopyPassThrough.SourceFailure {
        int n = routes.length;
        ValueKind[] sourceKinds = new ValueKind[n];
        ValueKind[] targetKinds = new ValueKind[n];
        DataType[] targetTypes = new DataType[n];
        String[] names = new String[n];
        for (int i = 0; i < n; i++) {
            ColumnMapping m = job.columns().get(i);
            sourceKinds[i] = ValueKind.of(Engine.MYSQL, m.source().type());
            targetKinds[i] = ValueKind.of(Engine.POSTGRESQL, m.target().type());
            targetTypes[i] = m.target().type();
            names[i] = m.source().name();
        }
        long[] warnings = new long[1];
        ValueConverter.Warnings counted = column -> warnings[0]++;
        CopyIn in = target.unwrap(PGConnection.class).getCopyAPI().copyIn(copyIn(job));
        Encoder out = new Encoder(in);
        long rows = 0;
        long pendingRows = 0;
        long reported = 0;
        try {
            while (true) {
                boolean more;
                try {
                    more = rs.next();
                } catch (SQLException e) {
                    throw new PostgresCopyPassThrough.SourceFailure(e);
                }
                if (!more) {
                    break;
                }
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        out.put((byte) '\t');
                    }
                    byte[] b;
                    Route r = routes[i];
                    try {
                        b = r == Route.CONVERT ? null : rs.getBytes(i + 1);
                    } catch (SQLException e) {
                        throw new PostgresCopyPassThrough.SourceFailure(e);
                    }
                    if (r != Route.CONVERT && b == null) {
                        out.put((byte) '\\');
                        out.put((byte) 'N');
                        continue;
                    }
                    switch (r) {
                        case INTEGER, DECIMAL -> out.copy(b, 0, b.length);
                        case TEXT -> {
                            if (!out.escaped(b)) {
                                return null; // a NUL, which the converter rejects for PostgreSQL: the row path records it
                            }
                        }
                        case BINARY -> out.hex(b);
                        case DATE, TIMESTAMP, TIMESTAMPTZ -> {
                            if (zeroDate(b)) {
                                if (!convert(rs, i, sourceKinds, targetKinds, targetTypes, names, converter, counted, out)) {
                                    return null;
                                }
                            } else {
                                out.copy(b, 0, b.length);
                                if (r == Route.TIMESTAMPTZ) {
                                    out.copy(TZ_UTC, 0, TZ_UTC.length);
                                }
                            }
                        }
                        default -> {
                            if (!convert(rs, i, sourceKinds, targetKinds, targetTypes, names, converter, counted, out)) {
                                return null;
                            }
                        }
                    }
                }
                out.put((byte) '\n');
                rows++;
                if (++pendingRows == PROGRESS_ROWS) {
                    long sent = out.total();
                    progress.moved(pendingRows, sent - reported);
                    reported = sent;
                    pendingRows = 0;
                }
            }
            out.flush();
            long copied = in.endCopy();
            return new Result(copied, out.total(), warnings[0]);
        } finally {
            if (in.isActive()) {
                try {
                    in.cancelCopy();
                } catch (SQLException ignored) {
                    // the target transaction is rolled back next
                }
            }
        }
    }

    /**
     * One value through the row path's reader, converter and COPY encoding. Returns false when the converter rejects it
     * (or the value cannot be read): the range must take the row path, which records the rejection.
     */
    private static boolean convert(ResultSet rs, int i, ValueKind[] sourceKinds, ValueKind[] targetKinds, DataType[] targetTypes,
                                   String[] names, ValueConverter converter, ValueConverter.Warnings warnings, Encoder out)
            throws SQLException, PostgresCopyPassThrough.SourceFailure {
        Object v;
        try {
            v = ValueReader.read(Engine.MYSQL, sourceKinds[i], rs, i + 1);
        } catch (SQLException e) {
            throw new PostgresCopyPassThrough.SourceFailure(e);
        } catch (RuntimeException e) {
            return false; // unreadable: the row path rejects the row
        }
        Object c;
        try {
            c = converter.convert(v, targetKinds[i], targetTypes[i], names[i], warnings);
        } catch (RowRejectedException e) {
            return false;
        }
        StringBuilder sb = new StringBuilder(32);
        PostgresCopyWriter.encode(sb, c);
        byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
        out.copy(b, 0, b.length);
        return true;
    }

    /** {@code 0000-…} and partial zero dates ({@code 2024-00-10}, {@code 2024-01-00}), as {@link ValueReader#isZeroDate}. */
    static boolean zeroDate(byte[] b) {
        if (b.length >= 5 && b[0] == '0' && b[1] == '0' && b[2] == '0' && b[3] == '0' && b[4] == '-') {
            return true;
        }
        return b.length >= 10 && ((b[4] == '-' && b[5] == '0' && b[6] == '0') || (b[7] == '-' && b[8] == '0' && b[9] == '0'));
    }

    /** COPY text encoding into a fixed buffer that is sent whenever it fills. */
    private static final class Encoder {
        private final CopyIn in;
        private final byte[] buf = new byte[BUFFER];
        private int pos;
        private long sent;

        Encoder(CopyIn in) {
            this.in = in;
        }

        long total() {
            return sent + pos;
        }

        void flush() throws SQLException {
            if (pos > 0) {
                in.writeToCopy(buf, 0, pos);
                sent += pos;
                pos = 0;
            }
        }

        void put(byte b) throws SQLException {
            if (pos == buf.length) {
                flush();
            }
            buf[pos++] = b;
        }

        void copy(byte[] b, int off, int len) throws SQLException {
            if (len <= buf.length - pos) {
                System.arraycopy(b, off, buf, pos, len);
                pos += len;
                return;
            }
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

        /**
         * UTF-8 text, escaping backslash, tab, newline and CR (bytes of multi-byte sequences are all >= 0x80). Returns
         * false, having written part of the value, when it holds a NUL (the caller abandons the stream).
         */
        boolean escaped(byte[] b) throws SQLException {
            int start = 0;
            for (int i = 0; i < b.length; i++) {
                byte c = b[i];
                // only NUL, tab, newline, CR (all < 0x0e) and backslash need a look; multi-byte UTF-8 is negative
                if ((c >= 0 && c < 0x0e) || c == '\\') {
                    if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                        copy(b, start, i - start);
                        put((byte) '\\');
                        put(c == '\\' ? (byte) '\\' : c == '\t' ? (byte) 't' : c == '\n' ? (byte) 'n' : (byte) 'r');
                        start = i + 1;
                    } else if (c == 0) {
                        return false;
                    }
                }
            }
            copy(b, start, b.length - start);
            return true;
        }

        void hex(byte[] b) throws SQLException {
            put((byte) '\\');
            put((byte) '\\');
            put((byte) 'x');
            for (byte x : b) {
                if (pos + 2 > buf.length) {
                    flush();
                }
                buf[pos++] = HEX[(x >> 4) & 0xF];
                buf[pos++] = HEX[x & 0xF];
            }
        }
    }
}
