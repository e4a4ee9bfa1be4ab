package dev.ferry.engine.load;

import dev.ferry.model.schema.Column;
import dev.ferry.model.schema.Engine;
import dev.ferry.model.schema.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tuple key ranges: predicate SQL per engine (exact strings), DMS boundary parsing, typed state-store bounds. */
class TupleRangeTest {

    @TempDir
    Path dir;

    private static final KeyRange MIDDLE = KeyRange.tuple(1, List.of("O'Brien\\x", 7L), List.of("Zoë", 12L));

    @Test
    void compositeTuplePredicatesPerEngine() {
        List<String> key = List.of("name", "n");
        assertThat(Sql.rangePredicate(Engine.POSTGRESQL, key, MIDDLE))
                .isEqualTo(" WHERE (\"name\", \"n\") > (E'O''Brien\\\\x', 7) AND (\"name\", \"n\") <= (E'Zoë', 12)");
        assertThat(Sql.rangePredicate(Engine.MYSQL, key, MIDDLE))
                .isEqualTo(" WHERE (`name`, `n`) > (_utf8mb4 X'4f27427269656e5c78', 7) AND (`name`, `n`) <= (_utf8mb4 X'5a6fc3ab', 12)");
        assertThat(Sql.rangePredicate(Engine.SQLITE, key, MIDDLE))
                .isEqualTo(" WHERE (`name`, `n`) > ('O''Brien\\x', 7) AND (`name`, `n`) <= ('Zoë', 12)");
    }

    @Test
    void singleColumnAndOpenEndedTuplePredicates() {
        KeyRange first = KeyRange.tuple(0, null, List.of("m"));
        KeyRange last = KeyRange.tuple(2, List.of("m"), null);
        assertThat(Sql.rangePredicate(Engine.POSTGRESQL, List.of("code", "x"), first)).isEqualTo(" WHERE \"code\" <= E'm'");
        assertThat(Sql.rangePredicate(Engine.MYSQL, List.of("code"), last)).isEqualTo(" WHERE `code` > _utf8mb4 X'6d'");
        assertThat(Sql.rangePredicate(Engine.SQLITE, List.of("code"), last)).isEqualTo(" WHERE `code` > 'm'");
        KeyRange bin = KeyRange.tuple(0, null, List.of(new KeyRange.Bytes("00FF")));
        assertThat(Sql.rangePredicate(Engine.POSTGRESQL, List.of("b"), bin)).isEqualTo(" WHERE \"b\" <= E'\\\\x00ff'::bytea");
        assertThat(Sql.rangePredicate(Engine.MYSQL, List.of("b"), bin)).isEqualTo(" WHERE `b` <= X'00ff'");
        KeyRange dec = KeyRange.tuple(0, List.of(new BigDecimal("1E+3"), new BigInteger("18446744073709551615")), null);
        assertThat(Sql.rangePredicate(Engine.MYSQL, List.of("d", "u"), dec)).isEqualTo(" WHERE (`d`, `u`) > (1000, 18446744073709551615)");
        // integer ranges keep their form
        assertThat(Sql.rangePredicate(Engine.MYSQL, List.of("id"), new KeyRange(0, 5L, null))).isEqualTo(" WHERE `id` >= 5");
        assertThat(Sql.rangePredicate(Engine.SQLITE, List.of("id"), KeyRange.whole())).isEmpty();
        assertThat(MIDDLE.isInteger()).isFalse();
        assertThat(new KeyRange(3, 1L, 2L).isInteger()).isTrue();
        assertThat(MIDDLE.toString()).isEqualTo("#1([O'Brien\\x, 7], [Zoë, 12]]");
    }

    @Test
    void dmsBoundariesAreParsedPerColumnTypeAndMalformedOnesNameTheRule() {
        Table t = TestTables.table("public", "t", "code varchar(20) pk", "n integer pk", "u uuid", "d date");
        List<Column> key = List.of(t.column("code").orElseThrow(), t.column("n").orElseThrow());
        List<KeyRange> r = LoadPlanner.ruleRanges("7", t, Engine.POSTGRESQL, key, List.of("CODE", "n"),
                List.of(List.of("b", "10"), List.of("m", " 5 ")));
        assertThat(r).containsExactly(KeyRange.tuple(0, null, List.of("b", 10L)),
                KeyRange.tuple(1, List.of("b", 10L), List.of("m", 5L)), KeyRange.tuple(2, List.of("m", 5L), null));
        assertThatThrownBy(() -> LoadPlanner.ruleRanges("7", t, Engine.POSTGRESQL, key, List.of("code", "n"),
                List.of(List.of("b"))))
                .hasMessageContaining("table-settings rule 7").hasMessageContaining("boundary 1 [b] has 1 value(s) but columns lists 2");
        assertThatThrownBy(() -> LoadPlanner.ruleRanges("7", t, Engine.POSTGRESQL, key, List.of("code", "n"),
                List.of(List.of("b", "ten"))))
                .hasMessageContaining("table-settings rule 7").hasMessageContaining("column n").hasMessageContaining("'ten'");
        assertThatThrownBy(() -> LoadPlanner.ruleRanges("8", t, Engine.POSTGRESQL, key, List.of("n"), List.of(List.of("1"))))
                .hasMessageContaining("table-settings rule 8").hasMessageContaining("leading columns of the key");
        Table u = TestTables.table("public", "u", "id uuid pk");
        assertThatThrownBy(() -> LoadPlanner.ruleRanges("9", u, Engine.POSTGRESQL, List.of(u.column("id").orElseThrow()),
                List.of("id"), List.of(List.of("not-a-uuid"))))
                .hasMessageContaining("table-settings rule 9").hasMessageContaining("'not-a-uuid' is not a valid uuid");
        Table d = TestTables.table("public", "d", "day date pk");
        assertThat(LoadPlanner.ruleRanges("10", d, Engine.POSTGRESQL, List.of(d.column("day").orElseThrow()),
                List.of("day"), List.of(List.of("2024-02-01"))).get(0).upper()).containsExactly("2024-02-01");
        assertThatThrownBy(() -> LoadPlanner.ruleRanges("10", d, Engine.POSTGRESQL, List.of(d.column("day").orElseThrow()),
                List.of("day"), List.of(List.of("2024-02-30"))))
                .hasMessageContaining("table-settings rule 10").hasMessageContaining("'2024-02-30' is not a valid date");
    }

    @Test
    void stateStoreKeepsTypedBoundsExactly() throws Exception {
        KeyRange a = KeyRange.tuple(0, null, List.of("a'b\"c\\ 🚲", 1L, new BigInteger("18446744073709551615"),
                new BigDecimal("12.3400"), 0.1, new KeyRange.Bytes("00ff")));
        KeyRange b = KeyRange.tuple(1, a.upper(), null);
        try (LoadStateStore s = LoadStateStore.open(dir.resolve("s.db"))) {
            s.saveRanges("t", "x", List.of(a, b));
            s.saveRanges("t", "y", List.of(new KeyRange(0, null, 5L), new KeyRange(1, 5L, null)));
            s.saveRanges("t", "z", List.of(KeyRange.partition(0, "public.\"p 1\""), KeyRange.partition(1, "p2")));
        }
        try (LoadStateStore s = LoadStateStore.open(dir.resolve("s.db"))) {
            assertThat(s.ranges("t", "x")).extracting(RangeState::range).containsExactly(a, b);
            assertThat(((BigDecimal) s.ranges("t", "x").get(0).range().upper().get(3)).scale()).isEqualTo(4);
            assertThat(s.ranges("t", "y")).extracting(RangeState::range)
                    .containsExactly(new KeyRange(0, null, 5L), new KeyRange(1, 5L, null));
            assertThat(s.ranges("t", "z")).extracting(RangeState::range)
                    .containsExactly(KeyRange.partition(0, "public.\"p 1\""), KeyRange.partition(1, "p2"));
        }
    }

    @Test
    void anOldStateFileWithIntegerBoundsStillLoads() throws Exception {
        Path f = dir.resolve("old.db");
        try (Connection c = new org.sqlite.JDBC().connect("jdbc:sqlite:" + f, new java.util.Properties());
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE load_range (task TEXT NOT NULL, table_name TEXT NOT NULL, "
                    + "range_index INTEGER NOT NULL, lo INTEGER, hi INTEGER, state TEXT NOT NULL, row_count INTEGER NOT NULL DEFAULT 0, "
                    + "byte_count INTEGER NOT NULL DEFAULT 0, rejected INTEGER NOT NULL DEFAULT 0, attempts INTEGER NOT NULL DEFAULT 0, "
                    + "started_at TEXT, finished_at TEXT, error TEXT, PRIMARY KEY (task, table_name, range_index))");
            st.execute("INSERT INTO load_range(task, table_name, range_index, lo, hi, state, row_count, attempts) VALUES "
                    + "('t', 'big', 0, NULL, 100, 'DONE', 99, 1), ('t', 'big', 1, 100, NULL, 'FAILED', 0, 1)");
        }
        try (LoadStateStore s = LoadStateStore.open(f)) {
            assertThat(s.ranges("t", "big")).extracting(RangeState::range)
                    .containsExactly(new KeyRange(0, null, 100L), new KeyRange(1, 100L, null));
            assertThat(s.ranges("t", "big").get(0).rows()).isEqualTo(99);
        }
        // unreadable bounds are refused with a message naming the file, the range and the table
        try (Connection c = new org.sqlite.JDBC().connect("jdbc:sqlite:" + f, new java.util.Properties());
             Statement st = c.createStatement()) {
            st.execute("UPDATE load_range SET bounds = '{\"lower\":[{\"t\":\"moon\",\"v\":\"1\"}]}' WHERE range_index = 1");
        }
        try (LoadStateStore s = LoadStateStore.open(f)) {
            assertThatThrownBy(() -> s.ranges("t", "big")).hasMessageContaining(f.toString())
                    .hasMessageContaining("range 1 of table big").hasMessageContaining("unknown bound value type moon");
        }
    }

    @Test
    void partitionUnitsReadTheirPartitionWhole() {
        KeyRange p = KeyRange.partition(2, "p2023");
        assertThat(p.isWhole()).isFalse();
        assertThat(p.isInteger()).isFalse();
        assertThat(Sql.rangePredicate(Engine.MYSQL, List.of("id"), p)).isEmpty();
        assertThat(Sql.from(Engine.MYSQL, new dev.ferry.model.schema.QualifiedName("shop", "sales"), p))
                .isEqualTo("`shop`.`sales` PARTITION (`p2023`)");
        assertThat(Sql.from(Engine.POSTGRESQL, new dev.ferry.model.schema.QualifiedName("public", "events"),
                KeyRange.partition(0, "public.events_eu"))).isEqualTo("public.events_eu");
        assertThat(Sql.from(Engine.POSTGRESQL, new dev.ferry.model.schema.QualifiedName("public", "events"), KeyRange.whole()))
                .isEqualTo("\"public\".\"events\"");
        assertThat(FullLoad.markerBound(p, true)).isNotEqualTo(FullLoad.markerBound(KeyRange.partition(2, "p2022"), true));
    }

    @Test
    void markerBoundsFingerprintTupleRanges() {
        assertThat(FullLoad.markerBound(new KeyRange(0, 3L, 9L), true)).isEqualTo(3L);
        assertThat(FullLoad.markerBound(MIDDLE, true)).isNotNull().isPositive().isEqualTo(
                FullLoad.markerBound(KeyRange.tuple(1, List.of("O'Brien\\x", 7L), null), true));
        assertThat(FullLoad.markerBound(MIDDLE, true)).isNotEqualTo(FullLoad.markerBound(MIDDLE, false));
        assertThat(FullLoad.markerBound(KeyRange.tuple(0, null, List.of("a")), true)).isNull();
        assertThat(Arrays.asList(FullLoad.markerBound(KeyRange.tuple(0, null, List.of("7")), false),
                FullLoad.markerBound(KeyRange.tuple(0, null, List.of(7L)), false))).doesNotHaveDuplicates();
    }
}
