package dev.ferry.engine.cdc.oracle;

import dev.ferry.engine.cdc.SourcePosition;

/**
 * A position in an Oracle LogMiner stream: the commit SCN of the transaction, its index among the transactions that
 * committed at the same SCN (in redo order; usually 0), the ordinal of the event within it, and
 * the SCN mining has to restart from so that no transaction still open at this commit loses its earlier changes
 * (the smallest start SCN of the transactions open at that point; informational for ordering).
 *
 * <ul>
 *   <li>{@code Begin}: ordinal {@code 0}; changes: {@code 1, 2, ...}; {@code Commit}: {@link #COMMIT_ORDINAL}.</li>
 * </ul>
 *
 * <p>Text form: {@code ora:<commit SCN, 16 hex>:<index, 8 hex>:<ordinal, 16 hex>:<restart SCN, 16 hex>}, upper-case and zero-padded,
 * so string order equals position order. Immutable and thread-safe.
 */
public record OraclePosition(long commitScn, int index, long ordinal, long restartScn) implements SourcePosition {

    private static final long serialVersionUID = 1L;

    /** The kind and text prefix. */
    public static final String KIND = "ora";
    /** Ordinal of the commit event. */
    public static final long COMMIT_ORDINAL = Long.MAX_VALUE;

    public OraclePosition {
        if (ordinal < 0 || commitScn < 0 || restartScn < 0 || index < 0) {
            throw new IllegalArgumentException("negative SCN or ordinal");
        }
    }

    /** Parses {@link #toText()}; throws {@link IllegalArgumentException} naming the text when it is not a position. */
    public static OraclePosition parse(String text) {
        String[] p = text == null ? new String[0] : text.split(":");
        if (p.length != 5 || !p[0].equals(KIND) || p[1].length() != 16 || p[2].length() != 8 || p[3].length() != 16
                || p[4].length() != 16) {
            throw new IllegalArgumentException("not an Oracle source position: '" + text + "'");
        }
        try {
            return new OraclePosition(Long.parseUnsignedLong(p[1], 16), Integer.parseUnsignedInt(p[2], 16),
                    Long.parseUnsignedLong(p[3], 16), Long.parseUnsignedLong(p[4], 16));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an Oracle source position: '" + text + "'", e);
        }
    }

    /** A start position: streaming delivers the transactions committed after {@code scn}, mining from {@code scn}. */
    public static OraclePosition afterScn(long scn) {
        return new OraclePosition(scn, Integer.MAX_VALUE, COMMIT_ORDINAL, scn);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public boolean isTransactionEnd() {
        return ordinal == COMMIT_ORDINAL;
    }

    @Override
    public String toText() {
        return String.format("%s:%016X:%08X:%016X:%016X", KIND, commitScn, index, ordinal, restartScn);
    }

    @Override
    public int compareTo(SourcePosition o) {
        if (!(o instanceof OraclePosition p)) {
            throw new IllegalArgumentException("cannot compare an Oracle position with " + (o == null ? "null" : o.kind()));
        }
        int c = Long.compare(commitScn, p.commitScn);
        if (c == 0) {
            c = Integer.compare(index, p.index);
        }
        return c != 0 ? c : Long.compare(ordinal, p.ordinal);
    }

    @Override
    public String toString() {
        return "SCN " + commitScn + (index > 0 && index != Integer.MAX_VALUE ? "/" + index : "") + (ordinal == COMMIT_ORDINAL ? " (commit)" : " #" + ordinal);
    }
}
