package dev.ferry.engine.cdc.sqlite;

import dev.ferry.engine.cdc.SourcePosition;

import java.util.Locale;

/**
 * A position in the SQLite capture table {@code ferry_capture}: the {@code seq} of a captured row and an ordinal
 * ({@link #BEGIN_ORDINAL} for the {@code Begin} of a poll batch at its first {@code seq}, {@link #ROW_ORDINAL} for a
 * row, {@link #COMMIT_ORDINAL} for the {@code Commit} at the batch's last {@code seq}). Text form
 * {@code sq:<seq, 20 digits>:<ordinal>}: string order equals position order. Immutable and thread-safe.
 */
public record SqlitePosition(long seq, int ordinal) implements SourcePosition {

    private static final long serialVersionUID = 1L;

    /** The kind and text prefix. */
    public static final String KIND = "sq";
    public static final int BEGIN_ORDINAL = 0;
    public static final int ROW_ORDINAL = 1;
    public static final int COMMIT_ORDINAL = 2;

    public SqlitePosition {
        if (seq < 0 || ordinal < BEGIN_ORDINAL || ordinal > COMMIT_ORDINAL) {
            throw new IllegalArgumentException("invalid SQLite capture position " + seq + "/" + ordinal);
        }
    }

    /** The position after every row up to and including {@code seq}. */
    public static SqlitePosition after(long seq) {
        return new SqlitePosition(seq, COMMIT_ORDINAL);
    }

    /** Parses {@link #toText()}; throws {@link IllegalArgumentException} naming the text when it is not a position. */
    public static SqlitePosition parse(String text) {
        String[] p = text == null ? new String[0] : text.split(":");
        if (p.length != 3 || !p[0].equals(KIND) || p[1].length() != 20 || p[2].length() != 1) {
            throw new IllegalArgumentException("not a SQLite source position: '" + text + "'");
        }
        try {
            return new SqlitePosition(Long.parseLong(p[1]), Integer.parseInt(p[2]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a SQLite source position: '" + text + "'", e);
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

    /** The last capture row that is completely applied at this position. */
    public long appliedSeq() {
        return ordinal == BEGIN_ORDINAL ? seq - 1 : seq;
    }

    @Override
    public String toText() {
        return String.format(Locale.ROOT, "%s:%020d:%d", KIND, seq, ordinal);
    }

    @Override
    public int compareTo(SourcePosition other) {
        if (!(other instanceof SqlitePosition o)) {
            throw new IllegalArgumentException("cannot compare a SQLite position with a " + other.kind() + " position");
        }
        int c = Long.compare(seq, o.seq);
        return c != 0 ? c : Integer.compare(ordinal, o.ordinal);
    }
}
