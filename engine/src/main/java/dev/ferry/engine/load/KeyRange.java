package dev.ferry.engine.load;

/**
 * A span of a table's single integer key: {@code lo <= key < hi}; a {@code null} bound is open. A table that is not
 * split has one range with both bounds open ({@link #whole()}).
 *
 * @param index 0-based position of the range in its table
 * @param lo    inclusive lower bound, or {@code null} (no lower bound)
 * @param hi    exclusive upper bound, or {@code null} (no upper bound)
 */
public record KeyRange(int index, Long lo, Long hi) {

    public static KeyRange whole() {
        return new KeyRange(0, null, null);
    }

    public boolean isWhole() {
        return lo == null && hi == null;
    }

    @Override
    public String toString() {
        return "#" + index + "[" + (lo == null ? "-inf" : lo) + ", " + (hi == null ? "+inf" : hi) + ")";
    }
}
