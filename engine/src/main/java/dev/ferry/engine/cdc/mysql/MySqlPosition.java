package dev.ferry.engine.cdc.mysql;

import dev.ferry.engine.cdc.SourcePosition;

import java.util.Locale;
import java.util.Objects;

/**
 * A position in a MySQL/MariaDB binary log: the binlog file, the position of the start event of the transaction the
 * event belongs to (its GTID event, or its {@code BEGIN} query; where a restart begins), the position of the event
 * itself, an ordinal within the event (several rows share one rows event), and, informationally, the GTID of the
 * transaction (MariaDB {@code domain-server-seq}, MySQL {@code uuid:n}) when the server logged one.
 *
 * <ul>
 *   <li>{@link #boundary(String, long)}: a point between transactions (for example {@code SHOW MASTER STATUS});
 *       ordinal {@link #BOUNDARY_ORDINAL}, transaction start = event position = the binlog position.</li>
 *   <li>{@code Begin}: ordinal {@link #BEGIN_ORDINAL}, event position = transaction start.</li>
 *   <li>Row changes: ordinal {@code 2 + row index in the rows event}, event position = the rows event.</li>
 *   <li>{@code Commit}: ordinal {@link #COMMIT_ORDINAL}, event position = the XID / {@code COMMIT} / DDL event.</li>
 * </ul>
 *
 * <p>Positions of one server order by binlog file index, transaction start, event position, ordinal. Text form:
 * {@code my:<file base>.<index, 10 digits>:<transaction start, 20 digits>:<event position, 20 digits>:<ordinal, 10
 * digits>[:<gtid>]}, so plain string order equals position order for the same server (binlog file base name).
 * Immutable and thread-safe.
 */
public record MySqlPosition(String file, long transactionStart, long eventPosition, int ordinal, String gtid)
        implements SourcePosition {

    private static final long serialVersionUID = 1L;

    /** The kind and text prefix. */
    public static final String KIND = "my";
    /** Ordinal of a point between transactions. */
    public static final int BOUNDARY_ORDINAL = 0;
    /** Ordinal of a {@code Begin}. */
    public static final int BEGIN_ORDINAL = 1;
    /** Ordinal of a {@code Commit}. */
    public static final int COMMIT_ORDINAL = 999_999_999;

    /**
     * The file name validated last: the binlog reader builds several positions per transaction, all with the same
     * (identical) file string, and parsing its index each time was a tenth of the reader's CPU. A benign race: a
     * stale value only means validating once more.
     */
    private static String lastValidFile;

    public MySqlPosition {
        Objects.requireNonNull(file, "file");
        if (file != lastValidFile) {
            fileIndex(file);
            lastValidFile = file;
        }
        if (transactionStart < 0 || eventPosition < transactionStart) {
            throw new IllegalArgumentException("invalid binlog positions " + transactionStart + "/" + eventPosition + " in " + file);
        }
        if (ordinal < 0 || ordinal > COMMIT_ORDINAL) {
            throw new IllegalArgumentException("ordinal out of range: " + ordinal);
        }
        if (gtid != null && gtid.isEmpty()) {
            gtid = null;
        }
    }

    /** A point between transactions at {@code file:position}: a start there delivers the event at {@code position}. */
    public static MySqlPosition boundary(String file, long position) {
        return new MySqlPosition(file, position, position, BOUNDARY_ORDINAL, null);
    }

    /** The base name of a binlog file ({@code mysql-bin} of {@code mysql-bin.000012}). */
    public static String fileBase(String file) {
        int dot = file.lastIndexOf('.');
        return file.substring(0, dot);
    }

    /** The index of a binlog file ({@code 12} of {@code mysql-bin.000012}); throws for other names. */
    public static long fileIndex(String file) {
        int dot = file == null ? -1 : file.lastIndexOf('.');
        if (dot <= 0 || dot == file.length() - 1 || file.indexOf(':') >= 0) {
            throw new IllegalArgumentException("not a binlog file name: '" + file + "'");
        }
        try {
            long index = Long.parseLong(file.substring(dot + 1));
            if (index < 0) {
                throw new NumberFormatException();
            }
            return index;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a binlog file name: '" + file + "'", e);
        }
    }

    /** Parses {@link #toText()}; throws {@link IllegalArgumentException} naming the text when it is not a position. */
    public static MySqlPosition parse(String text) {
        String[] p = text == null ? new String[0] : text.split(":", 6);
        if (p.length < 5 || !p[0].equals(KIND) || p[2].length() != 20 || p[3].length() != 20 || p[4].length() != 10) {
            throw new IllegalArgumentException("not a MySQL source position: '" + text + "'");
        }
        try {
            int dot = p[1].lastIndexOf('.');
            if (dot <= 0 || p[1].length() - dot - 1 != 10) {
                throw new IllegalArgumentException("not a MySQL source position: '" + text + "'");
            }
            long index = Long.parseLong(p[1].substring(dot + 1));
            String file = p[1].substring(0, dot) + "." + String.format(Locale.ROOT, "%06d", index);
            return new MySqlPosition(file, Long.parseLong(p[2]), Long.parseLong(p[3]), Integer.parseInt(p[4]),
                    p.length == 6 ? p[5] : null);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a MySQL source position: '" + text + "'", e);
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** Commits and boundaries are transaction ends: nothing of a transaction lies after them. */
    @Override
    public boolean isTransactionEnd() {
        return ordinal == COMMIT_ORDINAL || ordinal == BOUNDARY_ORDINAL;
    }

    /** Whether this is a point between transactions rather than the position of an event. */
    public boolean isBoundary() {
        return ordinal == BOUNDARY_ORDINAL;
    }

    /** The binlog position a restart after this position connects at (the transaction start). */
    public long restartPosition() {
        return transactionStart;
    }

    @Override
    public String toText() {
        String s = String.format(Locale.ROOT, "%s:%s.%010d:%020d:%020d:%010d", KIND, fileBase(file), fileIndex(file),
                transactionStart, eventPosition, ordinal);
        return gtid == null ? s : s + ":" + gtid;
    }

    @Override
    public int compareTo(SourcePosition other) {
        if (!(other instanceof MySqlPosition o)) {
            throw new IllegalArgumentException("cannot compare a MySQL position with a " + other.kind() + " position");
        }
        int c = fileBase(file).compareTo(fileBase(o.file));
        if (c == 0) {
            c = Long.compare(fileIndex(file), fileIndex(o.file));
        }
        if (c == 0) {
            c = Long.compare(transactionStart, o.transactionStart);
        }
        if (c == 0) {
            c = Long.compare(eventPosition, o.eventPosition);
        }
        return c != 0 ? c : Integer.compare(ordinal, o.ordinal);
    }

    @Override
    public String toString() {
        return file + ":" + transactionStart + "/" + eventPosition + "#"
                + (ordinal == COMMIT_ORDINAL ? "commit" : ordinal == BOUNDARY_ORDINAL ? "boundary" : Integer.toString(ordinal))
                + (gtid == null ? "" : "[" + gtid + "]");
    }
}
