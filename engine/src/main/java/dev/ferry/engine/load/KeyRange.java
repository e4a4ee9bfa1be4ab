package dev.ferry.engine.load;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A span of a table's key tuple; a {@code null} bound is open. A table that is not split has one range with both bounds
 * open ({@link #whole()}).
 *
 * <p>Two forms:
 * <ul>
 *   <li>integer ranges (the equal-width fast path, ctid block ranges, DMS boundaries on an integer key): one
 *       {@link Long} per bound, {@code lo <= key < hi} ({@code upperInclusive} false);</li>
 *   <li>tuple ranges (keys led by any other type, sampled or DMS boundaries): {@code lower < (k1, .., kn) <= upper}
 *       ({@code upperInclusive} true), each bound a tuple of the first n key columns' values compared by the SOURCE
 *       (row-value comparison, so collation and type semantics are the source's own).</li>
 * </ul>
 * Bound values are {@link Long}, {@link BigInteger}, {@link BigDecimal}, {@link Double}, {@link String} (text, and
 * dates, times, uuids etc. in the source's text form, which the source parses back) or {@link Bytes}.
 *
 * @param index          0-based position of the range in its table
 * @param lower          lower bound tuple, or {@code null} (no lower bound)
 * @param upper          upper bound tuple, or {@code null} (no upper bound)
 * @param upperInclusive whether the range is {@code lower < key <= upper} (tuple ranges) rather than
 *                       {@code lower <= key < upper} (integer ranges)
 * @param partition      for a DMS {@code partitions-list} unit, the source partition read whole (PostgreSQL: the
 *                       partition's quoted qualified name; MySQL/MariaDB: the (sub)partition name for
 *                       {@code PARTITION (..)}), else {@code null}; such a unit has no bounds
 */
public record KeyRange(int index, List<Object> lower, List<Object> upper, boolean upperInclusive, String partition) {

    /** A binary bound value (immutable, compared by content). */
    public record Bytes(String hex) {
        public Bytes {
            hex = hex.toLowerCase(java.util.Locale.ROOT);
        }

        public static Bytes of(byte[] b) {
            return new Bytes(HexFormat.of().formatHex(b));
        }

        public byte[] bytes() {
            return HexFormat.of().parseHex(hex);
        }

        @Override
        public String toString() {
            return "0x" + hex;
        }
    }

    public KeyRange {
        if (partition != null && (lower != null || upper != null)) {
            throw new IllegalArgumentException("a partition unit has no key bounds");
        }
        lower = lower == null ? null : List.copyOf(lower);
        upper = upper == null ? null : List.copyOf(upper);
        if (lower != null && upper != null && lower.size() != upper.size()) {
            throw new IllegalArgumentException("range bounds of different arity: " + lower + ", " + upper);
        }
        for (List<Object> b : java.util.Arrays.asList(lower, upper)) {
            if (b != null) {
                if (b.isEmpty()) {
                    throw new IllegalArgumentException("empty range bound");
                }
                for (Object v : b) {
                    if (!(v instanceof Long || v instanceof BigInteger || v instanceof BigDecimal || v instanceof Double
                            || v instanceof String || v instanceof Bytes)) {
                        throw new IllegalArgumentException("unsupported range bound value " + v + " ("
                                + v.getClass().getSimpleName() + ")");
                    }
                }
            }
        }
    }

    /** An integer range {@code lo <= key < hi}. */
    public KeyRange(int index, Long lo, Long hi) {
        this(index, lo == null ? null : List.of(lo), hi == null ? null : List.of(hi), false, null);
    }

    /** A key range (no partition). */
    public KeyRange(int index, List<Object> lower, List<Object> upper, boolean upperInclusive) {
        this(index, lower, upper, upperInclusive, null);
    }

    /** A DMS {@code partitions-list} unit: one source partition read whole. */
    public static KeyRange partition(int index, String partition) {
        return new KeyRange(index, null, null, false, java.util.Objects.requireNonNull(partition, "partition"));
    }

    /** A tuple range {@code lower < key <= upper}. */
    public static KeyRange tuple(int index, List<?> lower, List<?> upper) {
        return new KeyRange(index, lower == null ? null : new ArrayList<Object>(lower),
                upper == null ? null : new ArrayList<Object>(upper), true);
    }

    public static KeyRange whole() {
        return new KeyRange(0, null, null);
    }

    public boolean isWhole() {
        return lower == null && upper == null && partition == null;
    }

    /** Whether this is an integer range ({@code lo <= key < hi} on one integer column, or a whole range). */
    public boolean isInteger() {
        return partition == null && !upperInclusive && isLongOrNull(lower) && isLongOrNull(upper);
    }

    private static boolean isLongOrNull(List<Object> b) {
        return b == null || (b.size() == 1 && b.get(0) instanceof Long);
    }

    /** How many key columns the bounds cover (0 for a whole range). */
    public int arity() {
        return lower != null ? lower.size() : upper != null ? upper.size() : 0;
    }

    /** The inclusive lower bound of an integer range, or {@code null} (open, or not an integer range). */
    public Long lo() {
        return isInteger() && lower != null ? (Long) lower.get(0) : null;
    }

    /** The exclusive upper bound of an integer range, or {@code null} (open, or not an integer range). */
    public Long hi() {
        return isInteger() && upper != null ? (Long) upper.get(0) : null;
    }

    @Override
    public String toString() {
        if (partition != null) {
            return "#" + index + " partition " + partition;
        }
        if (isInteger()) {
            return "#" + index + "[" + (lower == null ? "-inf" : lower.get(0)) + ", " + (upper == null ? "+inf" : upper.get(0)) + ")";
        }
        return "#" + index + "(" + (lower == null ? "-inf" : lower) + ", " + (upper == null ? "+inf" : upper) + "]";
    }
}
