package dev.ferry.engine.cdc.apply;

import dev.ferry.engine.cdc.ChangeColumn;
import dev.ferry.engine.cdc.ChangeEvent;
import dev.ferry.engine.cdc.ValueMarker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The net change per key of one target table within a batch-apply window (DMS {@code BatchApplyEnabled}).
 *
 * <p>Reduction, applied event by event in source order (k = the target primary key):
 * <ul>
 *   <li>INSERT k, UPDATE k … → INSERT of the last image (UNCHANGED_TOAST values are taken from the earlier image);</li>
 *   <li>INSERT k, DELETE k → no row is written; k is deleted (a no-op unless the target held k before, as after an
 *       overlapping SQLite snapshot);</li>
 *   <li>UPDATE k …, DELETE k → DELETE k;</li>
 *   <li>DELETE k, INSERT k → the key's old row is removed (only when the target has columns the stream does not
 *       carry; otherwise the upsert overwrites every column) and the new row written;</li>
 *   <li>UPDATE k1 → k2 (key change) → DELETE k1 followed by INSERT k2, reduced as above; a freed key may be reused in
 *       the same window;</li>
 *   <li>an UPDATE whose UNCHANGED_TOAST values are not known from the window stays a partial update of the sent
 *       columns (never written as NULL).</li>
 * </ul>
 * Changes that cannot be reduced ({@link #add} returns {@code false}: a key change with unknown TOAST values, an update
 * of a key deleted in the window, a key column that is not in the before image) leave the state untouched; the applier
 * then merges this table and applies that change on its own, which keeps the source order per table.
 *
 * <p>Applying the result: first every {@link Entry#needsDelete()} key is deleted, then every full row is upserted and
 * every partial row updated — the keys are distinct, so the order between them does not matter.
 *
 * <p>Not thread-safe: used by the applier thread only.
 */
final class NetChanges {

    /** The net change of one key. */
    static final class Entry {
        private final Key key;
        private boolean deleteFirst;
        private boolean fresh;              // the window's first change of the key was an INSERT
        private List<Object> row;
        private boolean partial;            // row holds UNCHANGED_TOAST markers (kept in step with row by setRow)
        private final boolean coversTarget;

        private Entry(Key key, boolean coversTarget) {
            this.key = key;
            this.coversTarget = coversTarget;
        }

        /** The key values (source values, in key order). */
        List<Object> key() {
            return Arrays.asList(key.values);
        }

        /** The row at the end of the window (source column order), {@code null} when the key is absent then. */
        List<Object> row() {
            return row;
        }

        /** Whether the row holds {@link ValueMarker#UNCHANGED_TOAST} values (only the other columns are updated). */
        boolean partial() {
            return partial;
        }

        private void setRow(List<Object> newRow, boolean hasMarker) {
            row = newRow;
            partial = newRow != null && hasMarker;
        }

        /**
         * Whether the key did not exist before the window (its first change was an INSERT, and it was never deleted
         * since): the row can be inserted plainly; a conflict means the target held it anyway (an overlapping
         * snapshot), and the applier falls back to the upsert.
         */
        boolean fresh() {
            return fresh && !deleteFirst && row != null && !partial;
        }

        /** Whether the target row of this key has to be deleted before {@link #row()} is written (or for good). */
        boolean needsDelete() {
            return deleteFirst && (row == null || !coversTarget);
        }
    }

    /** Key values with value equality ({@code byte[]} by content). */
    private record Key(Object[] values) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.deepEquals(values, k.values);
        }

        @Override
        public int hashCode() {
            return Arrays.deepHashCode(values);
        }
    }

    private final List<ChangeColumn> columns;
    private final int[] keyIdx;
    private final boolean coversTarget;
    private final Map<Key, Entry> entries = new LinkedHashMap<>();

    /**
     * @param columns      the source column list of the table's events (a different list needs a new instance)
     * @param keyIdx       indexes into {@code columns} of the target primary key
     * @param coversTarget whether the events carry every target column (then DELETE+INSERT is a plain upsert)
     */
    NetChanges(List<ChangeColumn> columns, List<Integer> keyIdx, boolean coversTarget) {
        this.columns = List.copyOf(columns);
        this.keyIdx = keyIdx.stream().mapToInt(Integer::intValue).toArray();
        this.coversTarget = coversTarget;
    }

    List<ChangeColumn> columns() {
        return columns;
    }

    int[] keyIndexes() {
        return keyIdx.clone();
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    int size() {
        return entries.size();
    }

    Collection<Entry> entries() {
        return entries.values();
    }

    void clear() {
        entries.clear();
    }

    /**
     * Folds one change of this table into the net state; returns {@code false} (and changes nothing) when it cannot be
     * reduced, see the class comment.
     */
    boolean add(ChangeEvent.RowChange r) {
        if (!r.columns().equals(columns)) {
            return false;
        }
        List<Object> old = r.before() != null ? r.before() : r.after();
        if (r.before() != null && r.beforeImage() == ChangeEvent.BeforeImage.KEY) {
            for (int i : keyIdx) {
                if (!columns.get(i).key()) {
                    return false; // the before image does not carry this target key column
                }
            }
        }
        switch (r.operation()) {
            case INSERT -> {
                if (hasMarker(r.after())) {
                    return false;
                }
                insert(key(r.after()), r.after(), false);
            }
            case DELETE -> {
                Key k = key(old);
                if (k == null) {
                    return false;
                }
                delete(k);
            }
            case UPDATE -> {
                Key ko = key(old);
                Key kn = key(r.after());
                if (ko == null || kn == null) {
                    return false;
                }
                Entry eo = entries.get(ko);
                if (ko.equals(kn)) {
                    if (eo == null) {
                        Entry e = new Entry(ko, coversTarget);
                        e.setRow(r.after(), hasMarker(r.after()));
                        entries.put(ko, e);
                    } else if (eo.row == null) {
                        return false; // an update of a key deleted in this window: let the row path report it
                    } else {
                        List<Object> m = merge(r.after(), eo.row);
                        eo.setRow(m, hasMarker(m));
                    }
                } else {
                    List<Object> row = r.after();
                    if (hasMarker(row)) {
                        if (eo == null || eo.row == null) {
                            return false;
                        }
                        row = merge(row, eo.row);
                        if (hasMarker(row)) {
                            return false;
                        }
                    }
                    delete(ko);
                    insert(kn, row, false);
                }
            }
            default -> throw new IllegalStateException(String.valueOf(r.operation()));
        }
        return true;
    }

    /** {@code row} has no UNCHANGED_TOAST marker ({@code hasMarker} is {@code false} for every caller). */
    private void insert(Key k, List<Object> row, boolean hasMarker) {
        Entry e = entries.get(k);
        if (e == null) {
            e = new Entry(k, coversTarget);
            e.fresh = true;
            entries.put(k, e);
        }
        e.setRow(row, hasMarker);
    }

    private void delete(Key k) {
        Entry e = entries.get(k);
        if (e == null) {
            e = new Entry(k, coversTarget);
            entries.put(k, e);
        }
        e.deleteFirst = true;
        e.setRow(null, false);
    }

    /** {@code newer} with its UNCHANGED_TOAST values taken from {@code older}. */
    private static List<Object> merge(List<Object> newer, List<Object> older) {
        if (!hasMarker(newer)) {
            return newer;
        }
        List<Object> m = new ArrayList<>(newer);
        for (int i = 0; i < m.size(); i++) {
            if (m.get(i) == ValueMarker.UNCHANGED_TOAST) {
                m.set(i, older.get(i));
            }
        }
        return m;
    }

    private Key key(List<Object> row) {
        if (row == null) {
            return null;
        }
        Object[] v = new Object[keyIdx.length];
        for (int n = 0; n < keyIdx.length; n++) {
            v[n] = row.get(keyIdx[n]);
            if (v[n] == ValueMarker.UNCHANGED_TOAST) {
                return null;
            }
        }
        return new Key(v);
    }

    static boolean hasMarker(List<Object> row) {
        for (int i = 0, n = row.size(); i < n; i++) {
            if (row.get(i) == ValueMarker.UNCHANGED_TOAST) {
                return true;
            }
        }
        return false;
    }

    /** A rough heap size of a change (for {@code BatchApplyMemoryLimit}). */
    static long estimateBytes(ChangeEvent.RowChange r) {
        return 96 + estimate(r.before()) + estimate(r.after());
    }

    private static long estimate(List<Object> row) {
        if (row == null) {
            return 0;
        }
        long n = 16 + 8L * row.size();
        for (Object o : row) {
            if (o instanceof String s) {
                n += 40 + s.length();
            } else if (o instanceof byte[] b) {
                n += 16 + b.length;
            } else if (o != null) {
                n += 24;
            }
        }
        return n;
    }
}
