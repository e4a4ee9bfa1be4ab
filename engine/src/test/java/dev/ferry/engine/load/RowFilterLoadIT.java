package dev.ferry.engine.load;

import dev.ferry.engine.validate.TableValidation;
import dev.ferry.engine.validate.Validator;
import dev.ferry.model.schema.Engine;
import dev.ferry.model.schema.Table;
import dev.ferry.testsupport.TestDatabases;
import dev.ferry.testsupport.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DMS source filters end to end: the reader, the planner's counts and the Validator all read only the filtered rows,
 * with the values bound as parameters (integers, dates, text, NULL tests) on PostgreSQL and MariaDB sources.
 */
class RowFilterLoadIT {

    @TempDir
    Path dir;

    private static final RowFilter FILTER = new RowFilter(List.of(
            List.of(new RowFilter.ColumnFilter("id", List.of(new RowFilter.Condition(RowFilter.Op.BETWEEN, "100", "800"))),
                    new RowFilter.ColumnFilter("d", List.of(new RowFilter.Condition(RowFilter.Op.GTE, "2024-03-01"))),
                    new RowFilter.ColumnFilter("s", List.of(new RowFilter.Condition(RowFilter.Op.EQ, "even"),
                            new RowFilter.Condition(RowFilter.Op.EQ, "it's"))),
                    new RowFilter.ColumnFilter("n", List.of(new RowFilter.Condition(RowFilter.Op.NOTNULL, null, null)))),
            List.of(new RowFilter.ColumnFilter("id", List.of(new RowFilter.Condition(RowFilter.Op.LTE, "3"))))));

    private static final String SQL_FILTER = "(id BETWEEN 100 AND 800 AND d >= DATE '2024-03-01' AND (s = 'even' OR s = 'it''s')"
            + " AND n IS NOT NULL) OR id <= 3";

    @Test
    void postgresSourceReadsPlansAndValidatesOnlyTheFilteredRows() throws Exception {
        TestServer pg = TestDatabases.postgres();
        String src = pg.createDatabase("rf_src");
        pg.execute(src, "CREATE TABLE t (id bigint PRIMARY KEY, d date NOT NULL, s varchar(20) NOT NULL, n numeric(10,2))");
        pg.execute(src, "INSERT INTO t SELECT g, DATE '2024-01-01' + (g % 120), CASE WHEN g % 2 = 0 THEN 'even' WHEN g % 3 = 0"
                + " THEN 'it''s' ELSE 'odd' END, CASE WHEN g % 7 = 0 THEN NULL ELSE g / 3.0 END FROM generate_series(1, 1000) g");
        check(pg, src, Engine.POSTGRESQL, new LoadEndpoint(Engine.POSTGRESQL, () -> pg.connect(src)));
    }

    @Test
    void mariaDbSourceReadsPlansAndValidatesOnlyTheFilteredRows() throws Exception {
        TestServer my = TestDatabases.mysql();
        String src = my.createDatabase("rf_src");
        my.execute(src, "CREATE TABLE t (id bigint PRIMARY KEY, d date NOT NULL, s varchar(20) NOT NULL, n decimal(10,2))");
        my.execute(src, "INSERT INTO t SELECT seq, DATE '2024-01-01' + INTERVAL (seq % 120) DAY, CASE WHEN seq % 2 = 0 THEN 'even'"
                + " WHEN seq % 3 = 0 THEN 'it''s' ELSE 'odd' END, CASE WHEN seq % 7 = 0 THEN NULL ELSE seq / 3.0 END FROM seq_1_to_1000");
        check(TestDatabases.postgres(), null, Engine.MYSQL, new LoadEndpoint(Engine.MYSQL, () -> my.connect(src)));
    }

    private void check(TestServer pg, String pgSourceDb, Engine engine, LoadEndpoint source) throws Exception {
        long expected;
        try (Connection c = source.connections().open(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM t WHERE " + SQL_FILTER)) {
            rs.next();
            expected = rs.getLong(1);
        }
        assertThat(expected).isBetween(50L, 400L);
        String dst = pg.createDatabase("rf_dst");
        pg.execute(dst, "CREATE TABLE t (id bigint PRIMARY KEY, d date NOT NULL, s varchar(20) NOT NULL, n numeric(10,2))");
        Table st = TestTables.table(null, "t", "id bigint pk", "d date", "s varchar(20)", "n " + (engine == Engine.MYSQL ? "decimal(10,2)" : "numeric(10,2)") + " null");
        Table tt = TestTables.table("public", "t", "id bigint pk", "d date", "s varchar(20)", "n numeric(10,2) null");
        LoadEndpoint target = new LoadEndpoint(Engine.POSTGRESQL, () -> pg.connect(dst));
        LoadSettings settings = LoadSettings.defaults("rf").withSplit(10, 4).withMaxSubTasks(2);
        LoadPlan plan = new LoadPlanner(source, settings).plan(List.of(new LoadPlanner.TablePair(st, tt, null, FILTER)));
        TableJob job = plan.jobs().get(0);
        assertThat(job.estimatedRows()).isEqualTo(expected);
        assertThat(job.ranges()).hasSize(4);
        assertThat(job.ranges().get(0).hi()).isLessThanOrEqualTo(800L / 4 + 2); // split over the filtered MIN..MAX (1..800)
        LoadResult result;
        try (LoadStateStore store = LoadStateStore.open(dir.resolve(engine + ".db"))) {
            result = new FullLoad(source, target, settings, store, LoadListener.NO_OP).run(plan, SourceSnapshot.independent());
        }
        assertThat(result.totalRows()).isEqualTo(expected);
        try (Connection c = pg.connect(dst); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*), COUNT(*) FILTER (WHERE NOT (" + SQL_FILTER + ")) FROM t")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(expected);
            assertThat(rs.getLong(2)).isZero();
        }
        List<TableValidation> v = Validator.compare(source, target, plan.jobs());
        assertThat(v.get(0).status()).isEqualTo(TableValidation.Status.VALIDATED);
        assertThat(v.get(0).sourceRows()).isEqualTo(expected);
        // an extra target row outside the filter is reported: validation compares the filtered source with the whole target
        pg.execute(dst, "INSERT INTO t VALUES (999999, DATE '2024-01-01', 'odd', NULL)");
        List<TableValidation> after = Validator.compare(source, target, plan.jobs());
        assertThat(after.get(0).status()).isEqualTo(TableValidation.Status.MISMATCHED);
        assertThat(after.get(0).extra()).isEqualTo(1);
    }
}
