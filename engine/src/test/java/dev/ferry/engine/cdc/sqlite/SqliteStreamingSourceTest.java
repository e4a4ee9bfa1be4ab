package dev.ferry.engine.cdc.sqlite;

import dev.ferry.engine.cdc.ChangeEvent;
import dev.ferry.engine.cdc.ChangeEvent.BeforeImage;
import dev.ferry.engine.cdc.ChangeEvent.Begin;
import dev.ferry.engine.cdc.ChangeEvent.Commit;
import dev.ferry.engine.cdc.ChangeEvent.Operation;
import dev.ferry.engine.cdc.ChangeEvent.RowChange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class SqliteStreamingSourceTest {

    @TempDir
    Path dir;

    private String url;
    private Connection conn;
    private final List<SqliteStreamingSource> sources = new ArrayList<>();

    @BeforeEach
    void open() throws SQLException {
        url = "jdbc:sqlite:" + dir.resolve("cdc.db");
        conn = DriverManager.getConnection(url);
        try (Statement st = conn.createStatement()) {
            st.execute("create table item (id integer primary key, name text, price real, qty integer, pic blob, note varchar(20))");
            st.execute("create table nokey (a integer, b text)");
            st.execute("create index item_name on item(name)");
            st.execute("create view cheap as select * from item where price < 1");
        }
    }

    @AfterEach
    void close() throws SQLException {
        sources.forEach(SqliteStreamingSource::close);
        conn.close();
    }

    private SqliteStreamingSource source(SqliteCdcConfig config) {
        SqliteStreamingSource s = new SqliteStreamingSource(config);
        sources.add(s);
        return s;
    }

    private static List<ChangeEvent> collect(SqliteStreamingSource s, Predicate<List<ChangeEvent>> done) {
        List<ChangeEvent> events = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(1)).until(() -> {
            ChangeEvent e;
            while ((e = s.poll(Duration.ofMillis(20))) != null) {
                events.add(e);
            }
            return done.test(events);
        });
        return events;
    }

    private static Predicate<List<ChangeEvent>> rowCount(int n) {
        return l -> l.stream().filter(e -> e instanceof RowChange).count() >= n && l.get(l.size() - 1) instanceof Commit;
    }

    private static List<RowChange> rows(List<ChangeEvent> events) {
        return events.stream().filter(e -> e instanceof RowChange).map(e -> (RowChange) e).toList();
    }

    private List<String> schema() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("select type, name, tbl_name, sql from sqlite_master order by type, name")) {
            while (rs.next()) {
                out.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4));
            }
        }
        return out;
    }

    @Test
    void capturesEveryChangeWithStorageClassFidelity() throws Exception {
        SqliteTriggerCapture.install(conn, List.of("item", "nokey"));
        SqliteStreamingSource s = source(SqliteCdcConfig.of(url).withPollInterval(Duration.ofMillis(20)));
        s.start(null);
        try (PreparedStatement ps = conn.prepareStatement("insert into item values (?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, 1);
            ps.setString(2, "caf\u00e9 \uD83D\uDE00");
            ps.setDouble(3, 0.1 + 0.2);
            ps.setLong(4, Long.MAX_VALUE);
            ps.setBytes(5, new byte[]{0, (byte) 0xFF, 0x10});
            ps.setString(6, "");
            ps.execute();
        }
        try (Statement st = conn.createStatement()) {
            st.execute("insert into item (id, price, qty) values (2, 1.0, 1)");
            st.execute("insert into item (id, price) values (3, 9e999)");
            st.execute("update item set id = 20, name = 'moved', price = 2 where id = 2");
            st.execute("delete from item where id = 1");
            st.execute("insert into nokey values (7, 'x')");
            st.execute("update nokey set b = 'y'");
        }
        List<ChangeEvent> events = collect(s, rowCount(7));
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).position().toText()).isGreaterThan(events.get(i - 1).position().toText());
            assertThat(events.get(i).position().compareTo(events.get(i - 1).position())).isPositive();
        }
        assertThat(events.get(0)).isInstanceOf(Begin.class);
        List<RowChange> rows = rows(events);
        RowChange ins = rows.get(0);
        assertThat(ins.operation()).isEqualTo(Operation.INSERT);
        assertThat(ins.table().name()).isEqualTo("item");
        assertThat(ins.columns()).extracting(c -> c.name() + ":" + c.typeName() + ":" + c.key())
                .containsExactly("id:INTEGER:true", "name:TEXT:false", "price:REAL:false", "qty:INTEGER:false",
                        "pic:BLOB:false", "note:varchar(20):false");
        assertThat(ins.value("id")).isEqualTo(1L);
        assertThat(ins.value("name")).isEqualTo("caf\u00e9 \uD83D\uDE00");
        assertThat(ins.value("price")).isEqualTo(0.1 + 0.2);
        assertThat(ins.value("qty")).isEqualTo(Long.MAX_VALUE);
        assertThat((byte[]) ins.value("pic")).containsExactly(0, 0xFF, 0x10);
        assertThat(ins.value("note")).isEqualTo("");

        RowChange real = rows.get(1);
        assertThat(real.value("price")).isEqualTo(1.0d); // REAL 1.0 stays a Double
        assertThat(real.value("qty")).isEqualTo(1L);     // INTEGER 1 stays a Long
        assertThat(real.value("name")).isNull();
        assertThat(real.value("pic")).isNull();
        assertThat(rows.get(2).value("price")).isEqualTo(Double.POSITIVE_INFINITY);

        RowChange upd = rows.get(3);
        assertThat(upd.operation()).isEqualTo(Operation.UPDATE);
        assertThat(upd.beforeImage()).isEqualTo(BeforeImage.FULL);
        assertThat(upd.oldValue("id")).isEqualTo(2L);
        assertThat(upd.value("id")).isEqualTo(20L);
        assertThat(upd.oldValue("name")).isNull();
        assertThat(upd.value("name")).isEqualTo("moved");
        assertThat(upd.value("price")).isEqualTo(2.0d); // REAL column affinity turns 2 into 2.0

        RowChange del = rows.get(4);
        assertThat(del.operation()).isEqualTo(Operation.DELETE);
        assertThat(del.after()).isNull();
        assertThat(del.oldValue("name")).isEqualTo("caf\u00e9 \uD83D\uDE00");

        RowChange nk = rows.get(6);
        assertThat(nk.table().name()).isEqualTo("nokey");
        assertThat(nk.columns()).allMatch(c -> c.key()); // no primary key: every column identifies the row
        assertThat(nk.oldValue("b")).isEqualTo("x");
        assertThat(nk.value("b")).isEqualTo("y");
    }

    @Test
    void batchesAreTransactionsAndRestartAndCompactionKeepOrder() throws Exception {
        SqliteTriggerCapture.install(conn, List.of("item"));
        try (PreparedStatement ps = conn.prepareStatement("insert into item (id, qty) values (?, ?)")) {
            conn.setAutoCommit(false);
            for (int i = 1; i <= 25; i++) {
                ps.setInt(1, i);
                ps.setInt(2, i);
                ps.execute();
            }
            conn.commit();
            conn.setAutoCommit(true);
        }
        SqliteStreamingSource s = source(SqliteCdcConfig.of(url).withBatchSize(10).withPollInterval(Duration.ofMillis(20)));
        s.start(null);
        List<ChangeEvent> events = collect(s, rowCount(25));
        List<Integer> sizes = new ArrayList<>();
        int n = 0;
        for (ChangeEvent e : events) {
            if (e instanceof Begin) {
                n = 0;
            } else if (e instanceof RowChange) {
                n++;
            } else if (e instanceof Commit) {
                sizes.add(n);
            }
        }
        assertThat(sizes).containsExactly(10, 10, 5);
        Commit second = (Commit) events.stream().filter(e -> e instanceof Commit).toList().get(1);
        s.acknowledge(second.position());
        await().atMost(Duration.ofSeconds(10)).until(() -> s.compactedThrough() == 20);
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("select min(seq), count(*) from ferry_capture")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(21);
            assertThat(rs.getLong(2)).isEqualTo(5);
        }
        s.stop();

        // restart after the stored text; nothing at or before it again
        String stored = second.position().toText();
        try (Statement st = conn.createStatement()) {
            st.execute("insert into item (id) values (100)");
        }
        SqliteStreamingSource again = source(SqliteCdcConfig.of(url).withPollInterval(Duration.ofMillis(20)));
        again.start(SqlitePosition.parse(stored));
        List<ChangeEvent> rest = collect(again, rowCount(6));
        assertThat(rows(rest).stream().map(r -> r.value("id")).toList()).containsExactly(21L, 22L, 23L, 24L, 25L, 100L);
        assertThat(rest).allMatch(e -> e.position().toText().compareTo(stored) > 0);

        // compaction of everything keeps the newest row, so seq keeps increasing
        again.acknowledge(rest.get(rest.size() - 1).position());
        await().atMost(Duration.ofSeconds(10)).until(() -> again.compactedThrough() == 26);
        try (Statement st = conn.createStatement()) {
            st.execute("insert into item (id) values (101)");
        }
        List<ChangeEvent> more = collect(again, rowCount(1));
        assertThat(((SqlitePosition) rows(more).get(0).position()).seq()).isEqualTo(27);
    }

    @Test
    void uninstallRestoresTheSchemaAndTheQueueIsBounded() throws Exception {
        List<String> before = schema();
        SqliteTriggerCapture.install(conn, List.of("item", "nokey"));
        assertThat(schema()).hasSize(before.size() + 1 + 6);
        assertThat(SqliteTriggerCapture.isInstalled(conn)).isTrue();
        try (Statement st = conn.createStatement()) {
            conn.setAutoCommit(false);
            for (int i = 0; i < 200; i++) {
                st.execute("insert into nokey values (" + i + ", 'v')");
            }
            conn.commit();
            conn.setAutoCommit(true);
        }
        SqliteStreamingSource s = source(new SqliteCdcConfig(url, List.of(), Duration.ofMillis(20), 50, 16));
        s.start(null);
        await().atMost(Duration.ofSeconds(10)).until(() -> s.queuedEvents() == 16);
        List<ChangeEvent> all = collect(s, rowCount(200));
        assertThat(rows(all)).hasSize(200);
        s.stop();
        SqliteTriggerCapture.uninstall(conn, true);
        assertThat(schema()).isEqualTo(before);
        assertThat(SqliteTriggerCapture.isInstalled(conn)).isFalse();
        try (Statement st = conn.createStatement()) {
            st.execute("insert into item (id) values (1)"); // no trigger left to fail
        }
        SqliteStreamingSource none = source(SqliteCdcConfig.of(url));
        assertThatThrownBy(() -> none.start(null)).hasMessageContaining("not installed");
        assertThatThrownBy(() -> SqliteTriggerCapture.install(conn, List.of("missing")))
                .hasMessageContaining("missing").hasMessageContaining("does not exist");
        assertThat(schema()).isEqualTo(before);
    }

    @Test
    void concurrentWritersAreCapturedWithoutGapsInCommitOrder() throws Exception {
        SqliteTriggerCapture.install(conn, List.of("item"));
        SqliteStreamingSource s = source(SqliteCdcConfig.of(url).withBatchSize(7).withPollInterval(Duration.ofMillis(5)));
        s.start(null);
        int writers = 3;
        int perWriter = 100;
        List<Thread> threads = new ArrayList<>();
        List<Throwable> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int w = 0; w < writers; w++) {
            int base = w * 1000;
            Thread t = new Thread(() -> {
                try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
                    st.execute("PRAGMA busy_timeout = 30000");
                    for (int i = 1; i <= perWriter; i++) {
                        st.execute("insert into item (id, qty) values (" + (base + i) + ", " + i + ")");
                    }
                } catch (Throwable e) {
                    errors.add(e);
                }
            });
            threads.add(t);
            t.start();
        }
        List<ChangeEvent> events = collect(s, rowCount(writers * perWriter));
        for (Thread t : threads) {
            t.join();
        }
        assertThat(errors).isEmpty();
        List<RowChange> rows = rows(events);
        assertThat(rows).hasSize(writers * perWriter);
        long prev = 0;
        for (RowChange r : rows) {
            long seq = ((SqlitePosition) r.position()).seq();
            assertThat(seq).isEqualTo(prev + 1); // no gaps: seq is assigned in commit order
            prev = seq;
        }
        for (int w = 0; w < writers; w++) {
            int base = w * 1000;
            assertThat(rows.stream().map(r -> (Long) r.value("id")).filter(id -> id > base && id <= base + perWriter).toList())
                    .as("writer %d in its own order", w).isSorted().hasSize(perWriter);
        }
    }

    @Test
    void positionTextSortsAndParses() {
        SqlitePosition a = new SqlitePosition(9, SqlitePosition.COMMIT_ORDINAL);
        SqlitePosition b = new SqlitePosition(10, SqlitePosition.BEGIN_ORDINAL);
        assertThat(a.toText()).isLessThan(b.toText()).isEqualTo("sq:00000000000000000009:2");
        assertThat(SqlitePosition.parse(b.toText())).isEqualTo(b);
        assertThat(b.appliedSeq()).isEqualTo(9);
        assertThatThrownBy(() -> SqlitePosition.parse("sq:9:2")).hasMessageContaining("'sq:9:2'");
    }
}
