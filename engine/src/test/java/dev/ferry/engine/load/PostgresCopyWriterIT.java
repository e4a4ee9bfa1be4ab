package dev.ferry.engine.load;

import dev.ferry.engine.load.postgres.PostgresCopyWriter;
import dev.ferry.testsupport.TestDatabases;
import dev.ferry.testsupport.TestServer;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The chunked COPY text encoder against a real PostgreSQL: what goes in comes back, across chunk and slice borders. */
class PostgresCopyWriterIT {

    @Test
    void textAndBytesSurviveChunkAndSliceBoundaries() throws Exception {
        TestServer pg = TestDatabases.postgres();
        String db = pg.createDatabase("copy_writer");
        pg.execute(db, "CREATE TABLE t (id bigint, s text, b bytea, n numeric, ts timestamp, f boolean)");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            sb.append("a\\b\tc\nd\re ä€🚲");
        }
        String tricky = sb.toString();                                  // far longer than one 8192-char slice
        String border = "x".repeat(8191) + "🚲" + "y\\".repeat(10);     // a surrogate pair across the slice border
        byte[] bytes = new byte[200_000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {1L, tricky, bytes, new BigDecimal("-12.3400"), LocalDateTime.of(1500, 2, 28, 23, 59, 59, 123_456_000), true});
        rows.add(new Object[] {2L, border, new byte[0], null, null, false});
        rows.add(new Object[] {3L, "", null, BigDecimal.ZERO, null, null});
        try (Connection c = pg.connect(db)) {
            c.setAutoCommit(false);
            PostgresCopyWriter w = new PostgresCopyWriter(c, "COPY t FROM STDIN", 4096);
            w.write(rows.subList(0, 2));
            w.write(rows.subList(2, 3));
            w.finish();
            c.commit();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id, s, b, n::text, ts::text, f FROM t ORDER BY id")) {
                rs.next();
                assertThat(rs.getString(2)).isEqualTo(tricky);
                assertThat(Arrays.equals(rs.getBytes(3), bytes)).isTrue();
                assertThat(rs.getString(4)).isEqualTo("-12.3400");
                assertThat(rs.getString(5)).isEqualTo("1500-02-28 23:59:59.123456");
                assertThat(rs.getBoolean(6)).isTrue();
                rs.next();
                assertThat(rs.getString(2)).isEqualTo(border);
                assertThat(rs.getBytes(3)).isEmpty();
                assertThat(rs.getString(4)).isNull();
                rs.next();
                assertThat(rs.getString(2)).isEmpty();
                assertThat(rs.getBytes(3)).isNull();
                assertThat(rs.getObject(6)).isNull();
            }
        }
    }

    @Test
    void integersAreWrittenDigitByDigitAcrossChunkBorders() throws Exception {
        TestServer pg = TestDatabases.postgres();
        String db = pg.createDatabase("copy_writer_ints");
        pg.execute(db, "CREATE TABLE t (seq int, v bigint, i integer, s smallint)");
        long[] edges = {0, 1, -1, 9, 10, -10, 99, 100, 999_999_999, 1_000_000_000, -1_000_000_000, Integer.MAX_VALUE,
                Integer.MIN_VALUE, 1_000_000_000_000_000_000L, 999_999_999_999_999_999L, Long.MAX_VALUE, Long.MIN_VALUE,
                Long.MIN_VALUE + 1};
        List<Object[]> rows = new ArrayList<>();
        for (int r = 0; r < 3000; r++) { // ~150 KB of digits: many 4 KiB chunk borders fall inside a number
            long v = edges[r % edges.length];
            rows.add(new Object[] {(long) r, v, (int) (r * 7919 - 11_000_000), (short) (r % 2 == 0 ? Short.MIN_VALUE : r)});
        }
        try (Connection c = pg.connect(db)) {
            c.setAutoCommit(false);
            PostgresCopyWriter w = new PostgresCopyWriter(c, "COPY t FROM STDIN", 4096);
            w.write(rows);
            w.finish();
            c.commit();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT seq, v, i, s FROM t ORDER BY seq")) {
                for (Object[] row : rows) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getLong(1)).isEqualTo(row[0]);
                    assertThat(rs.getLong(2)).isEqualTo(row[1]);
                    assertThat(rs.getInt(3)).isEqualTo(row[2]);
                    assertThat(rs.getShort(4)).isEqualTo(row[3]);
                }
                assertThat(rs.next()).isFalse();
            }
        }
    }
}
