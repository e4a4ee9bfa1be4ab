package dev.ferry.engine.load.postgres;

import dev.ferry.engine.load.ColumnMapping;
import dev.ferry.engine.load.KeyRange;
import dev.ferry.engine.load.RowFilter;
import dev.ferry.engine.load.Sql;
import dev.ferry.engine.load.TableJob;
import dev.ferry.model.schema.DataType;
import dev.ferry.model.schema.Engine;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyOut;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.Utils;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * PostgreSQL → PostgreSQL without decoding a value: {@code COPY (SELECT cols FROM t WHERE range AND filter) TO STDOUT
 * (FORMAT binary)} on the source (inside the load's snapshot transaction) is streamed message by message into
 * {@code COPY t (cols) FROM STDIN (FORMAT binary)} on the target. Binary COPY needs every target column to have its
 * source column's type ({@link #eligible}); renamed tables and columns, column subsets and copies are fine.
 *
 * <p>Threading: {@link #stream} runs on the calling (worker) thread and drives both connections; stateless otherwise.
 */
public final class PostgresCopyPassThrough {

    /** A failure while reading the source COPY: the reader's snapshot transaction is lost. */
    public static final class SourceFailure extends Exception {
        public SourceFailure(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** Progress callback: called with the messages (≈ rows) and bytes moved since the last call. */
    @FunctionalInterface
    public interface Progress {
        void moved(long rows, long bytes);
    }

    private static final int BUFFER = 64 * 1024;

    private PostgresCopyPassThrough() {
    }

    /** Whether every column keeps its type (same base type name and array dimensions), so binary COPY can carry it. */
    public static boolean eligible(TableJob job) {
        for (ColumnMapping m : job.columns()) {
            if (m.computed() != null) {
                return false; // add-column expressions are evaluated per row on the row path
            }
            DataType s = m.source().type();
            DataType t = m.target().type();
            if (!s.name().toLowerCase(Locale.ROOT).equals(t.name().toLowerCase(Locale.ROOT))
                    || s.arrayDimensions() != t.arrayDimensions()) {
                return false;
            }
        }
        return !job.columns().isEmpty();
    }

    /** The source query of one range: range predicate and row filter with the filter's values as escaped literals. */
    public static String select(Connection reader, TableJob job, KeyRange range) throws SQLException {
        boolean std = reader.unwrap(BaseConnection.class).getStandardConformingStrings();
        String cols = job.columns().stream().map(m -> Sql.quote(Engine.POSTGRESQL, m.source().name()))
                .collect(Collectors.joining(", "));
        String where = job.splitColumn() == null ? "" : Sql.rangePredicate(Engine.POSTGRESQL, job.splitColumns(), range);
        if (job.filter() != null) {
            String f = job.filter().sqlWithLiterals(Engine.POSTGRESQL, v -> literal(v, std));
            where = (where.isEmpty() ? " WHERE " : where + " AND ") + "(" + f + ")";
        }
        return "SELECT " + cols + " FROM " + Sql.from(Engine.POSTGRESQL, job.source().qualifiedName(), range) + where;
    }

    private static String literal(String v, boolean standardConformingStrings) {
        try {
            return "'" + Utils.escapeLiteral(null, v, standardConformingStrings) + "'";
        } catch (SQLException e) {
            throw new IllegalArgumentException("filter value cannot be written as a literal: " + e.getMessage(), e);
        }
    }

    /** {@code COPY target (cols) FROM STDIN (FORMAT binary)}. */
    public static String copyIn(TableJob job) {
        String cols = job.columns().stream().map(ColumnMapping::target).map(c -> Sql.quote(Engine.POSTGRESQL, c.name()))
                .collect(Collectors.joining(", "));
        return "COPY " + Sql.quote(Engine.POSTGRESQL, job.target()) + " (" + cols + ") FROM STDIN (FORMAT binary)";
    }

    /**
     * Streams {@code select} from {@code reader} into the target. Returns {rows, bytes}. A target failure leaves the
     * reader usable (the rest of the source COPY is read and dropped); a source failure is a {@link SourceFailure}.
     * Any other exception (a listener's) leaves the reader in an unknown state: the caller must close it.
     */
    public static long[] stream(Connection reader, String select, Connection target, String copyIn, Progress progress)
            throws SQLException, SourceFailure {
        CopyIn in = target.unwrap(PGConnection.class).getCopyAPI().copyIn(copyIn);
        CopyOut out;
        try {
            out = reader.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (" + select + ") TO STDOUT (FORMAT binary)");
        } catch (SQLException e) {
            cancel(in);
            throw new SourceFailure(e);
        }
        long bytes = 0;
        long pendingRows = 0;
        long pendingBytes = 0;
        // rows are gathered into larger CopyData messages: binary COPY FROM does not need row-aligned messages
        byte[] buf = new byte[BUFFER];
        int pos = 0;
        try {
            while (true) {
                byte[] data;
                try {
                    data = out.readFromCopy();
                } catch (SQLException e) {
                    throw new SourceFailure(e);
                }
                if (data == null) {
                    break;
                }
                if (data.length > buf.length - pos) {
                    if (pos > 0) {
                        in.writeToCopy(buf, 0, pos);
                        pos = 0;
                    }
                }
                if (data.length >= buf.length) {
                    in.writeToCopy(data, 0, data.length);
                } else {
                    System.arraycopy(data, 0, buf, pos, data.length);
                    pos += data.length;
                }
                bytes += data.length;
                pendingBytes += data.length;
                if (++pendingRows == 4096) {
                    progress.moved(pendingRows, pendingBytes);
                    pendingRows = 0;
                    pendingBytes = 0;
                }
            }
            if (pos > 0) {
                in.writeToCopy(buf, 0, pos);
            }
            long rows = in.endCopy();
            return new long[] {rows, bytes};
        } catch (SQLException e) {
            cancel(in);
            try {
                drain(out);
            } catch (SQLException d) {
                SourceFailure f = new SourceFailure(d);
                f.addSuppressed(e);
                throw f;
            }
            throw e;
        } catch (SourceFailure | RuntimeException | Error e) {
            cancel(in);
            cancel(out); // the reader's transaction is lost; the caller closes the reader
            throw e;
        }
    }

    private static void cancel(CopyIn in) {
        try {
            if (in.isActive()) {
                in.cancelCopy();
            }
        } catch (SQLException ignored) {
            // the target transaction is rolled back next
        }
    }

    private static void cancel(CopyOut out) {
        try {
            if (out.isActive()) {
                out.cancelCopy();
            }
        } catch (SQLException ignored) {
            // the reader is closed next
        }
    }

    /** Reads the rest of a source COPY so the reader's transaction (and snapshot) stays usable. */
    private static void drain(CopyOut out) throws SQLException {
        while (out.isActive() && out.readFromCopy() != null) {
            // dropped
        }
    }
}
