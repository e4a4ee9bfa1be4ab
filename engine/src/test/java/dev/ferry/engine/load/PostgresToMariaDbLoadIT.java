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

/** PostgreSQL → MariaDB through LOAD DATA LOCAL INFILE: escaping, binary via UNHEX, booleans, zones; NaN rejected. */
class PostgresToMariaDbLoadIT {

    @TempDir
    Path dir;

    @Test
    void postgresTypesLoadIntoMariaDbAndNanIsRejected() throws Exception {
        TestServer pg = TestDatabases.postgres();
        TestServer my = TestDatabases.mysql();
        String src = pg.createDatabase("fl_pg_my_src");
        String dst = my.createDatabase("fl_pg_my_dst");
        Table source = TestTables.table("public", "things", "id integer pk", "name text null", "price numeric(14,4) null",
                "ratio float8 null", "ok boolean null", "raw bytea null", "at timestamptz null", "day date null",
                "tod time null", "doc jsonb null");
        Table target = TestTables.table(dst, "things", "id int pk", "name text null", "price decimal(14,4) null",
                "ratio double null", "ok tinyint(1) null", "raw blob null", "at datetime(6) null", "day date null",
                "tod time null", "doc json null");
        pg.execute(src, TestTables.ddl(Engine.POSTGRESQL, source),
                "INSERT INTO things SELECT g, CASE WHEN g % 4 = 0 THEN NULL WHEN g % 4 = 1 THEN '' "
                        + "ELSE E'a\\\\b\\tc\\nd\\re ''q'' 🚲 ' || g END, g * 1.0001, "
                        + "CASE WHEN g = 500 THEN 'NaN'::float8 ELSE g / 7.0 END, g % 3 = 0, "
                        + "CASE WHEN g % 5 = 0 THEN NULL ELSE decode('00ff5c0a0d09' || lpad(to_hex(g), 4, '0'), 'hex') END, "
                        + "timestamptz '2024-06-01 12:00:00.123456+02' + g * interval '1 hour', date '2000-01-01' + g, "
                        + "time '00:00:00' + g * interval '1 second', jsonb_build_object('n', g) "
                        + "FROM generate_series(1, 3000) g");
        my.execute(dst, TestTables.ddl(Engine.MYSQL, target));
        LoadEndpoint from = new LoadEndpoint(Engine.POSTGRESQL, () -> pg.connect(src));
        LoadEndpoint to = new LoadEndpoint(Engine.MYSQL, () -> my.connect(dst));
        LoadSettings settings = LoadSettings.defaults("pg_my").withMaxSubTasks(3).withSplit(1000, 3).withBatch(500, 2);
        LoadPlan plan = new LoadPlanner(from, settings).plan(List.of(new LoadPlanner.TablePair(source, target)));
        LoadResult r;
        try (LoadStateStore store = LoadStateStore.open(dir.resolve("s.db"))) {
            r = new FullLoad(from, to, settings, store, LoadListener.NO_OP).run(plan, SourceSnapshot.independent());
        }
        System.out.printf("FULL LOAD postgres->mariadb: %d rows in %d ms = %.0f rows/s%n", r.totalRows(),
                r.elapsed().toMillis(), r.rowsPerSecond(r.totalRows()));
        assertThat(r.tables().get(0).state()).isEqualTo(TableProgress.TableState.DONE);
        assertThat(r.totalRows()).isEqualTo(2999);
        assertThat(r.totalRejected()).isEqualTo(1);
        try (Connection c = my.connect(dst); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT key_text, column_name, reason FROM ferry_exceptions")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("id=500");
                assertThat(rs.getString(2)).isEqualTo("ratio");
                assertThat(rs.getString(3)).contains("NaN");
            }
            try (ResultSet rs = st.executeQuery("SELECT name, HEX(raw), at, ok FROM things WHERE id = 3")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("a\\b\tc\nd\re 'q' 🚲 3");
                assertThat(rs.getString(2)).isEqualTo("00FF5C0A0D090003");
                assertThat(rs.getString(3)).startsWith("2024-06-01 13:00:00.123456"); // 12:00+02 + 3 h, in UTC
                assertThat(rs.getBoolean(4)).isTrue();
            }
        }
        TableValidation v = Validator.compare(from, to, plan.jobs()).get(0);
        assertThat(v.status()).isEqualTo(TableValidation.Status.MISMATCHED);
        assertThat(v.missingKeys()).containsExactly("id=500");
        assertThat(v.extra()).isZero();
        assertThat(v.different()).as(v.toString()).isZero();
    }
}
