package dev.ferry.engine.cdc.postgres;

import dev.ferry.engine.cdc.SourcePosition;

import java.util.Locale;

/**
 * A position in a PostgreSQL logical replication stream: the commit LSN of the transaction, the ordinal of the event
 * within the transaction, and (informational) the WAL LSN of the change itself. Positions order by commit LSN, then
 * ordinal; the ordinal is needed because several rows of one multi-insert share one WAL record.
 *
 * <ul>
 *   <li>{@code Begin}: ordinal {@code 0}, change LSN = commit LSN.</li>
 *   <li>Changes: ordinal {@code 1, 2, ...} in stream order, change LSN = the LSN of the WAL record.</li>
 *   <li>{@code Commit}: ordinal {@link #COMMIT_ORDINAL}, change LSN = the end LSN of the commit record.</li>
 *   <li>Non-transactional logical messages: commit LSN = the message LSN, ordinal {@link #COMMIT_ORDINAL}.</li>
 * </ul>
 *
 * <p>Text form: {@code pg:<commit LSN, 16 hex>:<ordinal, 16 hex>:<change LSN, 16 hex>}, upper-case and zero-padded, so
 * string order equals position order. Immutable and thread-safe.
 */
public record PostgresPosition(long commitLsn, long ordinal, long changeLsn) implements SourcePosition {

    private static final long serialVersionUID = 1L;

    /** The kind and text prefix. */
    public static final String KIND = "pg";
    /** Ordinal of the commit event (the end of a transaction). */
    public static final long COMMIT_ORDINAL = Long.MAX_VALUE;

    public PostgresPosition {
        if (ordinal < 0) {
            throw new IllegalArgumentException("negative ordinal " + ordinal);
        }
    }

    /** The position of a commit: everything of the transaction is at or before it. */
    public static PostgresPosition commit(long commitLsn, long endLsn) {
        return new PostgresPosition(commitLsn, COMMIT_ORDINAL, endLsn);
    }

    /** Parses {@link #toText()}; throws {@link IllegalArgumentException} naming the text when it is not a position. */
    public static PostgresPosition parse(String text) {
        String[] p = text == null ? new String[0] : text.split(":");
        if (p.length != 4 || !p[0].equals(KIND) || p[1].length() != 16 || p[2].length() != 16 || p[3].length() != 16) {
            throw new IllegalArgumentException("not a PostgreSQL source position: '" + text + "'");
        }
        try {
            return new PostgresPosition(Long.parseUnsignedLong(p[1], 16), Long.parseUnsignedLong(p[2], 16),
                    Long.parseUnsignedLong(p[3], 16));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a PostgreSQL source position: '" + text + "'", e);
        }
    }

    /** Formats an LSN the PostgreSQL way ({@code 16/B374D848}). */
    public static String formatLsn(long lsn) {
        return String.format(Locale.ROOT, "%X/%X", lsn >>> 32, lsn & 0xFFFFFFFFL);
    }

    /** Parses an LSN in PostgreSQL's {@code 16/B374D848} notation. */
    public static long parseLsn(String text) {
        int slash = text == null ? -1 : text.indexOf('/');
        if (slash <= 0) {
            throw new IllegalArgumentException("not an LSN: '" + text + "'");
        }
        try {
            return (Long.parseLong(text.substring(0, slash), 16) << 32) | Long.parseLong(text.substring(slash + 1), 16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an LSN: '" + text + "'", e);
        }
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public boolean isTransactionEnd() {
        return ordinal == COMMIT_ORDINAL;
    }

    /**
     * The LSN to confirm as flushed to the server once this position is applied: the commit's end LSN for a
     * transaction end (the transaction is then never sent again), otherwise the commit LSN (the server resends the
     * partly applied transaction; the source filters the events up to this position).
     */
    public long flushLsn() {
        return isTransactionEnd() ? Math.max(changeLsn, commitLsn) : commitLsn;
    }

    @Override
    public String toText() {
        return String.format(Locale.ROOT, "%s:%016X:%016X:%016X", KIND, commitLsn, ordinal, changeLsn);
    }

    @Override
    public int compareTo(SourcePosition other) {
        if (!(other instanceof PostgresPosition o)) {
            throw new IllegalArgumentException("cannot compare a PostgreSQL position with a " + other.kind() + " position");
        }
        int c = Long.compareUnsigned(commitLsn, o.commitLsn);
        return c != 0 ? c : Long.compare(ordinal, o.ordinal);
    }

    @Override
    public String toString() {
        return formatLsn(commitLsn) + "#" + (isTransactionEnd() ? "commit" : Long.toString(ordinal)) + "@" + formatLsn(changeLsn);
    }
}
