package dev.ferry.engine.cdc.apply;

import dev.ferry.engine.cdc.ChangeColumn;
import dev.ferry.engine.cdc.ChangeEvent;
import dev.ferry.engine.cdc.ChangeEvent.BeforeImage;
import dev.ferry.engine.cdc.ChangeEvent.Operation;
import dev.ferry.engine.cdc.ValueMarker;
import dev.ferry.engine.cdc.postgres.PostgresPosition;
import dev.ferry.model.schema.QualifiedName;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The net-change reduction of batch apply, without a database: what is left per key after a window. */
class NetChangesTest {

    private static final QualifiedName T = new QualifiedName("public", "t");
    private static final List<ChangeColumn> COLS = List.of(
            new ChangeColumn("id", "int4", 23, -1, true),
            new ChangeColumn("v", "text", 25, -1, false),
            new ChangeColumn("big", "text", 25, -1, false));
    private static final Object TOAST = ValueMarker.UNCHANGED_TOAST;
    private long lsn = 100;

    private NetChanges net(boolean coversTarget) {
        return new NetChanges(COLS, List.of(0), coversTarget);
    }

    private ChangeEvent.RowChange insert(Object... row) {
        return new ChangeEvent.RowChange(Operation.INSERT, T, COLS, BeforeImage.NONE, null, Arrays.asList(row), pos());
    }

    private ChangeEvent.RowChange update(Object... row) {
        return new ChangeEvent.RowChange(Operation.UPDATE, T, COLS, BeforeImage.NONE, null, Arrays.asList(row), pos());
    }

    private ChangeEvent.RowChange updateKey(int oldId, Object... row) {
        return new ChangeEvent.RowChange(Operation.UPDATE, T, COLS, BeforeImage.KEY, Arrays.asList(oldId, null, null),
                Arrays.asList(row), pos());
    }

    private ChangeEvent.RowChange delete(int id) {
        return new ChangeEvent.RowChange(Operation.DELETE, T, COLS, BeforeImage.KEY, Arrays.asList(id, null, null), null, pos());
    }

    private PostgresPosition pos() {
        lsn += 8;
        return new PostgresPosition(lsn, 0, lsn);
    }

    /** key → "D" (delete), "U[v,big]" (upsert), "DU[...]" (delete then upsert), "P[...]" (partial update), "-" (nothing). */
    private static Map<Object, String> outcome(NetChanges n) {
        Map<Object, String> m = new LinkedHashMap<>();
        for (NetChanges.Entry e : n.entries()) {
            String s = (e.needsDelete() ? "D" : "") + (e.row() == null ? "" : (e.partial() ? "P" : "U") + e.row().subList(1, 3));
            m.put(e.key().get(0), s.isEmpty() ? "-" : s);
        }
        return m;
    }

    @Test
    void insertThenUpdatesIsOneInsertOfTheLastImage() {
        NetChanges n = net(true);
        assertThat(n.add(insert(1, "a", "x"))).isTrue();
        assertThat(n.add(update(1, "b", "x"))).isTrue();
        assertThat(n.add(update(1, "c", TOAST))).isTrue(); // the TOAST value comes from the insert
        assertThat(outcome(n)).containsExactly(Map.entry(1, "U[c, x]"));
    }

    @Test
    void insertThenDeleteWritesNoRowButDeletesTheKey() {
        NetChanges n = net(true);
        n.add(insert(1, "a", "x"));
        n.add(update(1, "b", "x"));
        n.add(delete(1));
        assertThat(outcome(n)).containsExactly(Map.entry(1, "D"));
        assertThat(n.entries().iterator().next().row()).isNull();
    }

    @Test
    void updateThenDeleteIsADelete() {
        NetChanges n = net(true);
        n.add(update(1, "b", "x"));
        n.add(delete(1));
        assertThat(outcome(n)).containsExactly(Map.entry(1, "D"));
    }

    @Test
    void deleteThenInsertIsAnUpsertOrADeleteAndInsertWhenTheTargetHasMoreColumns() {
        NetChanges covering = net(true);
        covering.add(delete(1));
        covering.add(insert(1, "new", "y"));
        assertThat(outcome(covering)).containsExactly(Map.entry(1, "U[new, y]"));

        NetChanges wider = net(false); // target columns the stream does not carry must go back to their defaults
        wider.add(delete(1));
        wider.add(insert(1, "new", "y"));
        assertThat(outcome(wider)).containsExactly(Map.entry(1, "DU[new, y]"));
    }

    @Test
    void keyChangesAndAFreedKeyReusedInTheSameWindow() {
        NetChanges n = net(true);
        n.add(updateKey(3, 3000, "three", "x"));  // 3 -> 3000
        n.add(updateKey(4, 3, "moved in", "y"));  // 4 -> 3 (the freed key)
        n.add(insert(7, "seven", "z"));
        n.add(updateKey(7, 70, "seventy", "z"));   // inserted and re-keyed in the window
        assertThat(outcome(n)).containsOnly(Map.entry(3, "U[moved in, y]"), Map.entry(3000, "U[three, x]"),
                Map.entry(4, "D"), Map.entry(7, "D"), Map.entry(70, "U[seventy, z]"));
    }

    @Test
    void unchangedToastStaysAPartialUpdateWhenTheWindowDoesNotKnowTheValue() {
        NetChanges n = net(true);
        n.add(update(1, "a", TOAST));
        n.add(update(1, "b", TOAST));
        assertThat(outcome(n)).containsExactly(Map.entry(1, "P[b, UNCHANGED_TOAST]"));
        n.add(update(1, "c", "now sent"));
        assertThat(outcome(n)).containsExactly(Map.entry(1, "U[c, now sent]"));
    }

    @Test
    void irreducibleChangesAreRefusedWithoutChangingTheState() {
        NetChanges n = net(true);
        n.add(update(1, "a", TOAST));
        // a key change whose TOAST value the window does not know
        assertThat(n.add(updateKey(2, 20, "b", TOAST))).isFalse();
        // an update of a key deleted in the window
        n.add(delete(5));
        assertThat(n.add(update(5, "x", "y"))).isFalse();
        // a different column list (the table changed on the source)
        ChangeEvent.RowChange other = new ChangeEvent.RowChange(Operation.INSERT, T, COLS.subList(0, 2), BeforeImage.NONE, null,
                Arrays.asList(9, "v"), pos());
        assertThat(n.add(other)).isFalse();
        assertThat(outcome(n)).containsOnly(Map.entry(1, "P[a, UNCHANGED_TOAST]"), Map.entry(5, "D"));
    }

    @Test
    void onlyKeysFirstInsertedInTheWindowAndNeverDeletedAreFresh() {
        NetChanges n = net(true);
        n.add(insert(1, "a", "x"));
        n.add(update(1, "b", "x"));
        n.add(delete(2));
        n.add(insert(2, "c", "y"));
        n.add(update(3, "d", "z"));
        n.add(insert(4, "e", "w"));
        n.add(delete(4));
        Map<Object, Boolean> fresh = new LinkedHashMap<>();
        n.entries().forEach(e -> fresh.put(e.key().get(0), e.fresh()));
        assertThat(fresh).containsExactly(Map.entry(1, true), Map.entry(2, false), Map.entry(3, false), Map.entry(4, false));
    }

    @Test
    void binaryKeysCompareByContent() {
        List<ChangeColumn> cols = List.of(new ChangeColumn("k", "bytea", 17, -1, true), new ChangeColumn("v", "text", 25, -1, false));
        NetChanges n = new NetChanges(cols, List.of(0), true);
        n.add(new ChangeEvent.RowChange(Operation.INSERT, T, cols, BeforeImage.NONE, null, Arrays.asList(new byte[]{1, 2}, "a"), pos()));
        n.add(new ChangeEvent.RowChange(Operation.UPDATE, T, cols, BeforeImage.NONE, null, Arrays.asList(new byte[]{1, 2}, "b"), pos()));
        assertThat(n.size()).isEqualTo(1);
        assertThat(n.entries().iterator().next().row().get(1)).isEqualTo("b");
    }

    @Test
    void sizeEstimateGrowsWithTheValues() {
        long small = NetChanges.estimateBytes(insert(1, "a", "x"));
        long large = NetChanges.estimateBytes(insert(1, "a".repeat(10_000), "x"));
        assertThat(large - small).isGreaterThanOrEqualTo(9_999);
    }
}
