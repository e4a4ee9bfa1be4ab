package dev.ferry.engine.load;

import dev.ferry.model.project.ObjectLocator;
import dev.ferry.model.project.TableSettingsRule;
import dev.ferry.model.schema.Engine;
import dev.ferry.model.schema.Table;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Planning against a real SQLite file: splitting rules and DMS table-settings parallel-load overrides. */
class LoadPlannerIT {

    @TempDir
    Path dir;

    private LoadEndpoint source;
    private final Table big = TestTables.table(null, "big", "id INTEGER pk", "v TEXT null");
    private final Table keyed = TestTables.table(null, "keyed", "code TEXT pk", "v TEXT null");
    private final Table heap = TestTables.table(null, "heap", "v TEXT null");

    @BeforeEach
    void setUp() throws Exception {
        Path file = dir.resolve("p.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE big (id INTEGER PRIMARY KEY, v TEXT)");
            st.execute("WITH RECURSIVE g(n) AS (SELECT 10 UNION ALL SELECT n + 1 FROM g WHERE n < 1009) INSERT INTO big SELECT n, 'x' FROM g");
            st.execute("CREATE TABLE keyed (code TEXT PRIMARY KEY, v TEXT)");
            st.execute("WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < 2000) INSERT INTO keyed SELECT 'k' || n, 'x' FROM g");
            st.execute("CREATE TABLE heap (v TEXT)");
            st.execute("INSERT INTO heap VALUES ('a'), ('b')");
        }
        source = new LoadEndpoint(Engine.SQLITE, () -> DriverManager.getConnection("jdbc:sqlite:" + file));
    }

    private LoadPlan plan(LoadPlanner planner) throws Exception {
        return planner.plan(List.of(new LoadPlanner.TablePair(big, big), new LoadPlanner.TablePair(keyed, keyed),
                new LoadPlanner.TablePair(heap, heap)));
    }

    @Test
    void splitsOnlyLargeTablesWithOneIntegerKey() throws Exception {
        LoadPlan plan = plan(new LoadPlanner(source, LoadSettings.defaults("t").withSplit(500, 4)));
        TableJob b = plan.jobs().get(0);
        assertThat(b.splitColumn()).isEqualTo("id");
        assertThat(b.estimatedRows()).isEqualTo(1000);
        assertThat(b.ranges()).containsExactly(new KeyRange(0, null, 260L), new KeyRange(1, 260L, 510L),
                new KeyRange(2, 510L, 760L), new KeyRange(3, 760L, null));
        // a text key: tuple ranges at the sampled quartiles of the key in the source's (binary) order
        List<String> sorted = java.util.stream.IntStream.rangeClosed(1, 2000).mapToObj(n -> "k" + n).sorted().toList();
        assertThat(plan.jobs().get(1).ranges()).containsExactly(KeyRange.tuple(0, null, List.of(sorted.get(499))),
                KeyRange.tuple(1, List.of(sorted.get(499)), List.of(sorted.get(999))),
                KeyRange.tuple(2, List.of(sorted.get(999)), List.of(sorted.get(1499))),
                KeyRange.tuple(3, List.of(sorted.get(1499)), null));
        assertThat(plan.jobs().get(1).keyColumns()).containsExactly("code");
        assertThat(plan.jobs().get(2).ranges()).containsExactly(KeyRange.whole()); // no key
        assertThat(plan.jobs().get(2).keyColumns()).isEmpty();
        assertThat(plan.rangeCount()).isEqualTo(9);
        // below the threshold: one range
        assertThat(plan(new LoadPlanner(source, LoadSettings.defaults("t").withSplit(5000, 4))).jobs().get(0).ranges()).hasSize(1);
    }

    @Test
    void aLargeCatalogEstimateReplacesTheRowCountAndASmallOneIsCheckedByCounting() throws Exception {
        Table estimatedBig = new Table(big.schema(), big.name(), big.kind(), big.columns(), big.primaryKey(), big.uniqueKeys(),
                big.foreignKeys(), big.checks(), big.indexes(), null, 90_000, -1, null, big.options());
        TableJob job = new LoadPlanner(source, LoadSettings.defaults("t").withSplit(500, 4))
                .plan(List.of(new LoadPlanner.TablePair(estimatedBig, big))).jobs().get(0);
        assertThat(job.estimatedRows()).isEqualTo(90_000); // no COUNT(*): the estimate is above the split threshold
        assertThat(job.ranges()).containsExactly(new KeyRange(0, null, 260L), new KeyRange(1, 260L, 510L),
                new KeyRange(2, 510L, 760L), new KeyRange(3, 760L, null)); // MIN/MAX are still read
        Table estimatedSmall = new Table(big.schema(), big.name(), big.kind(), big.columns(), big.primaryKey(), big.uniqueKeys(),
                big.foreignKeys(), big.checks(), big.indexes(), null, 20, -1, null, big.options());
        TableJob counted = new LoadPlanner(source, LoadSettings.defaults("t").withSplit(500, 4))
                .plan(List.of(new LoadPlanner.TablePair(estimatedSmall, big))).jobs().get(0);
        assertThat(counted.estimatedRows()).isEqualTo(1000); // a stale small estimate is counted, and the table split
        assertThat(counted.ranges()).hasSize(4);
    }

    @Test
    void tableSettingsRulesOverrideTheSplit() throws Exception {
        TableSettingsRule ranges = new TableSettingsRule("1", "r", ObjectLocator.table("%", "bi_"),
                new TableSettingsRule.ParallelLoad(TableSettingsRule.ParallelLoadType.RANGES, List.of("id"),
                        List.of(List.of("100"), List.of("599")), null, null, null, null), null, Set.of());
        LoadPlan plan = plan(new LoadPlanner(source, LoadSettings.defaults("t").withSplit(500, 4)).withTableSettings(List.of(ranges)));
        assertThat(plan.jobs().get(0).ranges()).containsExactly(new KeyRange(0, null, 101L), new KeyRange(1, 101L, 600L),
                new KeyRange(2, 600L, null));

        TableSettingsRule none = new TableSettingsRule("2", "n", ObjectLocator.table("main", "big"),
                new TableSettingsRule.ParallelLoad(TableSettingsRule.ParallelLoadType.NONE, null, null, null, null, null, null),
                null, Set.of());
        assertThat(plan(new LoadPlanner(source, LoadSettings.defaults("t").withSplit(500, 4)).withTableSettings(List.of(none)))
                .jobs().get(0).ranges()).containsExactly(KeyRange.whole());

        TableSettingsRule wrongColumn = new TableSettingsRule("3", "w", ObjectLocator.table("%", "big"),
                new TableSettingsRule.ParallelLoad(TableSettingsRule.ParallelLoadType.RANGES, List.of("v"),
                        List.of(List.of("a")), null, null, null, null), null, Set.of());
        assertThatThrownBy(() -> plan(new LoadPlanner(source, LoadSettings.defaults("t")).withTableSettings(List.of(wrongColumn))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("big").hasMessageContaining("id")
                .hasMessageContaining("table-settings rule 3");
    }

    @Test
    void partitionsAutoSplitsATextKeyWhateverItsSize() throws Exception {
        TableSettingsRule auto = new TableSettingsRule("5", "a", ObjectLocator.table("%", "keyed"),
                new TableSettingsRule.ParallelLoad(TableSettingsRule.ParallelLoadType.PARTITIONS_AUTO, null, null, null, null,
                        null, null), null, Set.of());
        LoadSettings below = LoadSettings.defaults("t").withSplit(50_000, 4); // 2000 rows: below the threshold
        assertThat(plan(new LoadPlanner(source, below)).jobs().get(1).ranges()).containsExactly(KeyRange.whole());
        TableJob keyed = plan(new LoadPlanner(source, below).withTableSettings(List.of(auto))).jobs().get(1);
        assertThat(keyed.ranges()).hasSize(4);
        assertThat(keyed.tupleSplit()).isTrue();
        TableSettingsRule two = new TableSettingsRule("6", "a", ObjectLocator.table("%", "keyed"),
                new TableSettingsRule.ParallelLoad(TableSettingsRule.ParallelLoadType.PARTITIONS_AUTO, null, null, null, null,
                        dev.ferry.model.project.DmsInteger.of(2), null), null, Set.of());
        assertThat(plan(new LoadPlanner(source, below).withTableSettings(List.of(two))).jobs().get(1).ranges()).hasSize(2);
        // a ranges rule on a table without a key names the rule
        TableSettingsRule keyless = new TableSettingsRule("7", "k", ObjectLocator.table("%", "heap"),
                new TableSettingsRule.ParallelLoad(TableSettingsRule.ParallelLoadType.RANGES, List.of("v"),
                        List.of(List.of("a")), null, null, null, null), null, Set.of());
        assertThatThrownBy(() -> plan(new LoadPlanner(source, below).withTableSettings(List.of(keyless))))
                .hasMessageContaining("table-settings rule 7").hasMessageContaining("no primary key");
    }

    @Test
    void missingTargetColumnIsNamed() {
        Table target = TestTables.table(null, "big", "id INTEGER pk");
        assertThatThrownBy(() -> new LoadPlanner(source, LoadSettings.defaults("t")).plan(List.of(new LoadPlanner.TablePair(big, target))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no column v");
    }
}
