package dev.ferry.engine.cdc.mysql;

import dev.ferry.engine.cdc.ChangeCaptureException;
import dev.ferry.engine.cdc.ChangeEvent;
import dev.ferry.engine.cdc.ChangeEvent.BeforeImage;
import dev.ferry.engine.cdc.ChangeEvent.Begin;
import dev.ferry.engine.cdc.ChangeEvent.Commit;
import dev.ferry.engine.cdc.ChangeEvent.Operation;
import dev.ferry.engine.cdc.ChangeEvent.RelationChange;
import dev.ferry.engine.cdc.ChangeEvent.RowChange;
import dev.ferry.engine.cdc.ChangeEvent.Truncate;
import dev.ferry.engine.cdc.TypedText;
import dev.ferry.model.schema.QualifiedName;
import dev.ferry.testsupport.TestDatabases;
import dev.ferry.testsupport.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

class MySqlStreamingSourceIT {

    private static TestServer server;

    private String db;
    private final List<MySqlStreamingSource> sources = new ArrayList<>();

    @BeforeAll
    static void server() {
        server = TestDatabases.mysql();
    }

    @BeforeEach
    void database() {
        db = server.createDatabase("bcdc");
    }

    @AfterEach
    void cleanUp() {
        sources.forEach(MySqlStreamingSource::close);
    }

    private MySqlStreamingSource source(String... tables) {
        return source(8192, tables);
    }

    private MySqlStreamingSource source(int capacity, String... tables) {
        List<QualifiedName> names = new ArrayList<>();
        for (String t : tables) {
            names.add(new QualifiedName(db, t));
        }
        MySqlCdcConfig config = MySqlCdcConfig.forTables(server.jdbcUrl(db), server.user(), server.password().toCharArray(), names)
                .withQueueCapacity(capacity);
        MySqlStreamingSource s = new MySqlStreamingSource(config);
        sources.add(s);
        return s;
    }

    /** Polls until {@code done} holds for the events collected so far. */
    private static List<ChangeEvent> collect(MySqlStreamingSource s, Predicate<List<ChangeEvent>> done) {
        List<ChangeEvent> events = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(1)).until(() -> {
            ChangeEvent e;
            while ((e = s.poll(Duration.ofMillis(50))) != null) {
                events.add(e);
                if (done.test(events)) {
                    return true;
                }
            }
            return done.test(events);
        });
        return events;
    }

    private static Predicate<List<ChangeEvent>> commits(int n) {
        return l -> l.stream().filter(e -> e instanceof Commit).count() >= n;
    }

    private static List<RowChange> rows(List<ChangeEvent> events) {
        return events.stream().filter(e -> e instanceof RowChange).map(e -> (RowChange) e).toList();
    }

    private static void assertIncreasing(List<ChangeEvent> events) {
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).position().compareTo(events.get(i - 1).position()))
                    .as("position of event %d (%s) after %s", i, events.get(i), events.get(i - 1)).isPositive();
            assertThat(events.get(i).position().toText()).isGreaterThan(events.get(i - 1).position().toText());
        }
    }

    @Test
    void decodesEveryChangeTypeAndAWideTypeSet() throws Exception {
        server.execute(db, """
                create table wide (
                  id int primary key,
                  ti tinyint, tiu tinyint unsigned, si smallint, siu smallint unsigned, mi mediumint, miu mediumint unsigned,
                  i int, iu int unsigned, bi bigint, biu bigint unsigned,
                  dec30 decimal(30,10), f float, d double,
                  vc varchar(100) character set utf8mb4, lat varchar(20) character set latin1, tx text, bl blob, bn binary(4),
                  vb varbinary(10),
                  dt date, dtm datetime(6), ts timestamp(3) null default null, tm time(6), yr year,
                  en enum('small','medium','large'), st set('red','green','blue'), js json, bt bit(5)
                ) engine=InnoDB default charset=utf8mb4""");
        MySqlStreamingSource s = source("wide");
        s.start(null);
        try (Connection c = server.connect(db); Statement st = c.createStatement()) {
            st.execute("set time_zone = '+00:00'");
            st.execute("""
                    insert into wide values (1, -128, 255, -32768, 65535, -8388608, 16777215, -2147483648, 4294967295,
                      -9223372036854775808, 18446744073709551615, 12345678901234567890.0123456789, 1.5, 2.25,
                      'h\u00e9llo \uD83D\uDE00', 'caf\u00e9', 'long text', x'00FF10', x'0102', x'',
                      '2024-02-29', '2024-02-29 13:14:15.123456', '2024-03-01 01:02:03.456', '12:34:56.789012', 2024,
                      'medium', 'red,blue', '{"a": [1, 2.5, "x"], "b": null}', b'10101')""");
            st.execute("insert into wide (id, vc, tx) values (2, '', '')");
            st.execute("update wide set id = 3, vc = 'moved', ti = 127 where id = 2");
            st.execute("delete from wide where id = 1");
        }
        List<ChangeEvent> events = collect(s, commits(4));
        assertIncreasing(events);
        assertThat(events.stream().map(e -> e.getClass().getSimpleName()).toList()).containsExactly(
                "Begin", "RowChange", "Commit", "Begin", "RowChange", "Commit", "Begin", "RowChange", "Commit",
                "Begin", "RowChange", "Commit");
        List<RowChange> rows = rows(events);
        RowChange ins = rows.get(0);
        assertThat(ins.operation()).isEqualTo(Operation.INSERT);
        assertThat(ins.table()).isEqualTo(new QualifiedName(db, "wide"));
        assertThat(ins.columns().get(0).key()).isTrue();
        assertThat(ins.columns().get(1).key()).isFalse();
        assertThat(ins.columns().get(2).typeName()).isEqualTo("tinyint(3) unsigned");
        assertThat(ins.value("ti")).isEqualTo(-128);
        assertThat(ins.value("tiu")).isEqualTo(255);
        assertThat(ins.value("si")).isEqualTo(-32768);
        assertThat(ins.value("siu")).isEqualTo(65535);
        assertThat(ins.value("mi")).isEqualTo(-8388608);
        assertThat(ins.value("miu")).isEqualTo(16777215);
        assertThat(ins.value("i")).isEqualTo(Integer.MIN_VALUE);
        assertThat(ins.value("iu")).isEqualTo(4294967295L);
        assertThat(ins.value("bi")).isEqualTo(Long.MIN_VALUE);
        assertThat(ins.value("biu")).isEqualTo(new BigInteger("18446744073709551615"));
        assertThat(ins.value("dec30")).isEqualTo(new BigDecimal("12345678901234567890.0123456789"));
        assertThat(ins.value("f")).isEqualTo(1.5f);
        assertThat(ins.value("d")).isEqualTo(2.25d);
        assertThat(ins.value("vc")).isEqualTo("h\u00e9llo \uD83D\uDE00");
        assertThat(ins.value("lat")).isEqualTo("caf\u00e9");
        assertThat(ins.value("tx")).isEqualTo("long text");
        assertThat((byte[]) ins.value("bl")).containsExactly(0x00, 0xFF, 0x10);
        assertThat((byte[]) ins.value("bn")).containsExactly(1, 2, 0, 0);
        assertThat((byte[]) ins.value("vb")).isEmpty();
        assertThat(ins.value("dt")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(ins.value("dtm")).isEqualTo(LocalDateTime.of(2024, 2, 29, 13, 14, 15, 123_456_000));
        assertThat(ins.value("ts")).isEqualTo(OffsetDateTime.of(2024, 3, 1, 1, 2, 3, 456_000_000, ZoneOffset.UTC));
        assertThat(ins.value("tm")).isEqualTo(LocalTime.of(12, 34, 56, 789_012_000));
        assertThat(ins.value("yr")).isEqualTo(2024);
        assertThat(ins.value("en")).isEqualTo("medium");
        assertThat(ins.value("st")).isEqualTo("red,blue");
        assertThat(ins.value("js").toString().replace(" ", "")).isEqualTo("{\"a\":[1,2.5,\"x\"],\"b\":null}");
        assertThat(ins.value("bt")).isInstanceOf(TypedText.class);
        assertThat(ins.value("bt").toString()).isEqualTo("10101");

        RowChange nulls = rows.get(1);
        assertThat(nulls.value("vc")).isEqualTo("");
        assertThat(nulls.value("tx")).isEqualTo("");
        for (String col : List.of("ti", "biu", "dec30", "bl", "dt", "dtm", "ts", "tm", "yr", "en", "st", "js", "bt")) {
            assertThat(nulls.value(col)).as(col).isNull();
        }

        RowChange upd = rows.get(2);
        assertThat(upd.operation()).isEqualTo(Operation.UPDATE);
        assertThat(upd.beforeImage()).isEqualTo(BeforeImage.FULL);
        assertThat(upd.oldValue("id")).isEqualTo(2);
        assertThat(upd.value("id")).isEqualTo(3);
        assertThat(upd.oldValue("vc")).isEqualTo("");
        assertThat(upd.value("vc")).isEqualTo("moved");
        assertThat(upd.oldValue("ti")).isNull();
        assertThat(upd.value("ti")).isEqualTo(127);

        RowChange del = rows.get(3);
        assertThat(del.operation()).isEqualTo(Operation.DELETE);
        assertThat(del.after()).isNull();
        assertThat(del.oldValue("id")).isEqualTo(1);
        assertThat(del.oldValue("biu")).isEqualTo(new BigInteger("18446744073709551615"));
        assertThat(del.oldValue("vc")).isEqualTo("h\u00e9llo \uD83D\uDE00");
        Begin b = (Begin) events.get(0);
        Commit cm = (Commit) events.get(2);
        assertThat(b.transactionId()).isEqualTo(cm.transactionId()).isNotBlank();
        assertThat(((MySqlPosition) b.position()).gtid()).isEqualTo(b.transactionId());
    }

    @Test
    void zeroDatesBecomeMarkersNotNulls() throws Exception {
        server.execute(db, "create table z (id int primary key, d date, dt datetime)");
        MySqlStreamingSource s = source("z");
        s.start(null);
        try (Connection c = server.connect(db); Statement st = c.createStatement()) {
            st.execute("set session sql_mode = ''");
            st.execute("insert into z values (1, '0000-00-00', '0000-00-00 00:00:00')");
            st.execute("insert into z values (2, '2020-00-15', '2021-04-00 10:11:12')");
        }
        List<RowChange> rows = rows(collect(s, commits(2)));
        RowChange r = rows.get(0);
        assertThat(r.value("d")).isEqualTo(new TypedText(MySqlValueDecoder.ZERO_DATE, r.columns().get(1).typeId(), "date"));
        assertThat(r.value("dt")).isInstanceOf(TypedText.class);
        assertThat(r.value("dt").toString()).isEqualTo(MySqlValueDecoder.ZERO_DATETIME);
        assertThat(rows.get(1).value("d").toString()).isEqualTo("2020-00-15");
        assertThat(rows.get(1).value("dt").toString()).isEqualTo("2021-04-00 10:11:12");
    }

    @Test
    void timesBeyondADayAndNegativeTimesAreDurations() throws Exception {
        server.execute(db, "create table tt (id int primary key, t time(6), y year, t0 time, t2 time(2), t4 time(4))");
        MySqlStreamingSource s = source("tt");
        s.start(null);
        server.execute(db, "insert into tt values (1, '838:59:59', 1901, '-838:59:59', '-00:00:00.01', '23:59:59.9999'),"
                + " (2, '-01:30:00.5', 2155, '-00:00:01', '-12:00:00.99', '-00:00:00.0001'), (3, '00:00:00', 0, '00:00:00', null, null)");
        List<RowChange> r = rows(collect(s, commits(1)));
        assertThat(r.get(0).value("t")).isEqualTo(Duration.ofHours(838).plusMinutes(59).plusSeconds(59));
        assertThat(r.get(1).value("t")).isEqualTo(Duration.ofMinutes(-90).minusMillis(500));
        assertThat(r.get(2).value("t")).isEqualTo(LocalTime.MIDNIGHT);
        assertThat(r.get(0).value("y")).isEqualTo(1901);
        assertThat(r.get(1).value("y")).isEqualTo(2155);
        assertThat(r.get(2).value("y")).isEqualTo(0);
        assertThat(r.get(0).value("t0")).isEqualTo(Duration.ofHours(-838).minusMinutes(59).minusSeconds(59));
        assertThat(r.get(0).value("t2")).isEqualTo(Duration.ofMillis(-10));
        assertThat(r.get(0).value("t4")).isEqualTo(LocalTime.of(23, 59, 59, 999_900_000));
        assertThat(r.get(1).value("t0")).isEqualTo(Duration.ofSeconds(-1));
        assertThat(r.get(1).value("t2")).isEqualTo(Duration.ofHours(-12).minusMillis(990));
        assertThat(r.get(1).value("t4")).isEqualTo(Duration.ofNanos(-100_000));
        assertThat(r.get(2).value("t0")).isEqualTo(LocalTime.MIDNIGHT);
        assertThat(r.get(2).value("t2")).isNull();
    }

    @Test
    void transactionsArriveWholeInCommitOrderAndRollbacksNotAtAll() throws Exception {
        server.execute(db, "create table a (id int primary key, v varchar(10))", "create table b (id int primary key)",
                "create table other (id int primary key)");
        MySqlStreamingSource s = source("a", "b");
        s.start(null);
        try (Connection c1 = server.connect(db); Connection c2 = server.connect(db);
             Statement s1 = c1.createStatement(); Statement s2 = c2.createStatement()) {
            c1.setAutoCommit(false);
            c2.setAutoCommit(false);
            s1.execute("insert into a values (1, 'first')");
            s2.execute("insert into a values (2, 'second')");
            s1.execute("insert into b values (10)");
            s1.execute("insert into other values (99)");
            s2.execute("update a set v = 'second!' where id = 2");
            c2.commit(); // committed first although started second
            s1.execute("savepoint sp1");
            s1.execute("insert into a values (40, 'undone')");
            s1.execute("rollback to savepoint sp1");
            s1.execute("delete from a where id = 1");
            c1.commit();
            s1.execute("insert into a values (50, 'rolled')");
            s1.execute("insert into b values (51)");
            c1.rollback();
            s1.execute("insert into other values (100)");
            c1.commit(); // touches no captured table: nothing
            s2.execute("insert into a values (3, 'third')");
            c2.commit();
        }
        List<ChangeEvent> events = collect(s, commits(3));
        assertIncreasing(events);
        List<List<String>> txs = new ArrayList<>();
        List<String> cur = null;
        for (ChangeEvent e : events) {
            if (e instanceof Begin) {
                cur = new ArrayList<>();
            } else if (e instanceof Commit) {
                txs.add(cur);
                cur = null;
            } else if (e instanceof RowChange r) {
                assertThat(cur).as("row outside a transaction").isNotNull();
                cur.add(r.operation() + " " + r.table().name() + " " + r.value("id"));
            }
        }
        assertThat(txs).containsExactly(
                List.of("INSERT a 2", "UPDATE a 2"),
                List.of("INSERT a 1", "INSERT b 10", "DELETE a 1"),
                List.of("INSERT a 3"));
        assertThat(s.poll(Duration.ofMillis(300))).isNull();
    }

    @Test
    void aLargeTransactionStreamsThroughABoundedQueue() throws Exception {
        server.execute(db, "create table big (id int primary key, payload varchar(100))");
        MySqlStreamingSource s = source(512, "big");
        s.start(null);
        int n = 20_000;
        try (Connection c = server.connect(db)) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("insert into big values (?, ?)")) {
                for (int i = 1; i <= n; i++) {
                    ps.setInt(1, i);
                    ps.setString(2, "row " + i + " \u00fc\u00f1\u00ee\u00e7\u00f8d\u00e9");
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
        }
        // the reader fills the queue and then waits for the consumer
        await().atMost(Duration.ofSeconds(30)).until(() -> s.queuedEvents() == 512);
        assertThat(s.lag().bytesBehind()).isGreaterThan(0);
        // the reader is parked on the full queue: the lag in time grows
        await().atMost(Duration.ofSeconds(10)).until(() -> s.lag().behind().toMillis() >= 1000);
        MySqlStreamingSource.Lag lag = s.lag();
        System.out.printf("MySQL binlog capture lag while the consumer waits: %d ms, %d bytes behind %s:%d%n",
                lag.behind().toMillis(), lag.bytesBehind(), lag.serverFile(), lag.serverPosition());
        long t0 = System.nanoTime();
        int maxQueued = 0;
        int expectedId = 1;
        int rowsSeen = 0;
        boolean committed = false;
        List<ChangeEvent> firstAndLast = new ArrayList<>();
        ChangeEvent prev = null;
        while (!committed) {
            maxQueued = Math.max(maxQueued, s.queuedEvents());
            ChangeEvent e = s.poll(Duration.ofSeconds(30));
            if (e == null) {
                fail("stream stalled after " + rowsSeen + " rows");
            }
            if (prev != null) {
                assertThat(e.position().compareTo(prev.position())).isPositive();
            }
            prev = e;
            if (e instanceof RowChange r) {
                assertThat(r.value("id")).isEqualTo(expectedId++);
                rowsSeen++;
            } else if (e instanceof Commit) {
                committed = true;
                firstAndLast.add(e);
            } else {
                firstAndLast.add(e);
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("MySQL binlog capture: %d-row transaction drained in %.2f s = %.0f events/s (queue 512, max queued %d)%n",
                n, seconds, n / seconds, maxQueued);
        assertThat(rowsSeen).isEqualTo(n);
        assertThat(maxQueued).isLessThanOrEqualTo(512);
        assertThat(firstAndLast).hasSize(2);
        assertThat(firstAndLast.get(0)).isInstanceOf(Begin.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> s.lag().bytesBehind() == 0);
    }

    @Test
    void stopReturnsWhileTheReaderWaitsOnAFullQueueAndQueuedEventsStayAvailable() throws Exception {
        server.execute(db, "create table q (id int primary key)");
        MySqlStreamingSource s = source(16, "q");
        s.start(null);
        StringBuilder values = new StringBuilder();
        for (int i = 1; i <= 1000; i++) {
            values.append(i == 1 ? "" : ",").append("(").append(i).append(")");
        }
        server.execute(db, "insert into q values " + values);
        await().atMost(Duration.ofSeconds(30)).until(() -> s.queuedEvents() == 16);
        long t0 = System.nanoTime();
        s.stop();
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        assertThat(s.isRunning()).isFalse();
        assertThat(s.connectionId()).isEqualTo(-1);
        assertThat(s.poll(Duration.ofMillis(10))).isInstanceOf(Begin.class);
        assertThat(((RowChange) s.poll(Duration.ofMillis(10))).value("id")).isEqualTo(1);
    }

    @Test
    void restartFromAnAcknowledgedPositionRedeliversNothingAtOrBeforeIt() throws Exception {
        server.execute(db, "create table r (id int primary key)");
        MySqlStreamingSource s = source("r");
        s.start(null);
        server.execute(db, "insert into r values (1)", "insert into r values (2)");
        try (Connection c = server.connect(db); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute("insert into r values (3), (4), (5)");
            st.execute("insert into r values (6)");
            c.commit();
        }
        List<ChangeEvent> first = collect(s, commits(3));
        Commit secondCommit = (Commit) first.stream().filter(e -> e instanceof Commit).toList().get(1);
        s.acknowledge(secondCommit.position());
        s.stop();
        assertThat(s.lastAcknowledged()).contains((MySqlPosition) secondCommit.position());
        String stored = secondCommit.position().toText();

        server.execute(db, "flush binary logs", "insert into r values (7)"); // 7 lands in the next binlog file
        MySqlStreamingSource again = source("r");
        again.start(MySqlPosition.parse(stored));
        List<ChangeEvent> second = collect(again, commits(2));
        assertThat(rows(second).stream().map(r -> r.value("id")).toList()).containsExactly(3, 4, 5, 6, 7);
        for (ChangeEvent e : second) {
            assertThat(e.position().toText()).isGreaterThan(stored);
        }
        assertIncreasing(second);
        MySqlPosition seven = (MySqlPosition) rows(second).get(4).position();
        assertThat(MySqlPosition.fileIndex(seven.file())).isEqualTo(MySqlPosition.fileIndex(secondCommit.position() instanceof
                MySqlPosition p ? p.file() : "") + 1);
        again.stop();

        // restart inside the third transaction after row 4: Begin again, then 5, 6, its Commit, then 7
        RowChange four = rows(second).get(1);
        MySqlStreamingSource third = source("r");
        third.start((MySqlPosition) four.position());
        List<ChangeEvent> rest = collect(third, commits(2));
        assertThat(rest.get(0)).isInstanceOf(Begin.class);
        assertThat(rows(rest).stream().map(r -> r.value("id")).toList()).containsExactly(5, 6, 7);
        assertThat(third.poll(Duration.ofMillis(300))).isNull();
    }

    @Test
    void truncateIsAnEventAndDdlPausesTheSource() throws Exception {
        server.execute(db, "create table t (id int primary key, v int)", "create table untouched (id int)",
                "insert into t values (1, 1)");
        MySqlStreamingSource s = source("t");
        s.start(null);
        server.execute(db, "truncate table t", "alter table untouched add column x int", "insert into t values (2, 2)",
                "alter table t add column w int", "insert into t values (3, 3, 3)");
        List<ChangeEvent> events = new ArrayList<>();
        ChangeCaptureException paused = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (paused == null && System.nanoTime() < deadline) {
            try {
                ChangeEvent e = s.poll(Duration.ofMillis(100));
                if (e != null) {
                    events.add(e);
                }
            } catch (ChangeCaptureException e) {
                paused = e;
            }
        }
        assertThat(paused).isInstanceOf(MySqlSchemaChangeException.class);
        assertThat(paused.isConnectionLoss()).isFalse();
        assertThat(paused.getMessage()).contains("alter table t add column w int").contains("paused");
        MySqlSchemaChangeException ddl = (MySqlSchemaChangeException) paused;
        assertThat(ddl.tables()).containsExactly(new QualifiedName(db, "t"));
        assertThat(events.stream().map(e -> e.getClass().getSimpleName()).toList()).containsExactly(
                "Begin", "Truncate", "Commit", "Begin", "RowChange", "Commit", "Begin", "RelationChange", "Commit");
        assertThat(((Truncate) events.get(1)).tables()).containsExactly(new QualifiedName(db, "t"));
        RelationChange rc = (RelationChange) events.get(7);
        assertThat(rc.table()).isEqualTo(new QualifiedName(db, "t"));
        assertThat(rc.oldColumns()).extracting(c -> c.name()).containsExactly("id", "v");
        assertThat(rc.newColumns()).extracting(c -> c.name()).containsExactly("id", "v", "w");
        assertThat(events.get(8).position()).isEqualTo(ddl.position());
        assertThat(s.isRunning()).isFalse();

        // after the target was brought in line: acknowledge the schema change and go on with the new layout
        s.acknowledge(ddl.position());
        s.reconnect();
        List<ChangeEvent> after = collect(s, commits(1));
        assertThat(rows(after)).hasSize(1);
        assertThat(rows(after).get(0).value("w")).isEqualTo(3);
    }

    @Test
    void renameAndDropOfCapturedTablesPause() throws Exception {
        server.execute(db, "create table r1 (id int primary key)", "create table r2 (id int primary key)");
        MySqlStreamingSource s = source("r1", "r2");
        s.start(null);
        server.execute(db, "insert into r1 values (1)", "rename table r1 to r1_old", "drop table r2");
        MySqlSchemaChangeException rename = pauseOf(s, 6); // the insert, then the rename
        assertThat(rename.statement()).containsIgnoringCase("rename table r1 to r1_old");
        assertThat(rename.tables()).containsExactly(new QualifiedName(db, "r1"));
        // the task follows the rename: a source for the new name, after the acknowledged schema change
        s.acknowledge(rename.position());
        s.stop();
        assertThatThrownBy(s::reconnect).hasMessageContaining(db + ".r1, " + db + ".r2 do not exist");
        MySqlStreamingSource renamed = source("r1_old", "r2");
        renamed.start(s.lastAcknowledged().orElseThrow());
        MySqlSchemaChangeException drop = pauseOf(renamed, 3);
        assertThat(drop.statement()).containsIgnoringCase("drop table");
        assertThat(drop.tables()).containsExactly(new QualifiedName(db, "r2"));
    }

    /** Polls until the source pauses; checks the number of events delivered and the RelationChange's names. */
    private static MySqlSchemaChangeException pauseOf(MySqlStreamingSource s, int expectedEvents) throws Exception {
        List<ChangeEvent> events = new ArrayList<>();
        ChangeCaptureException[] failure = new ChangeCaptureException[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            try {
                ChangeEvent e;
                while ((e = s.poll(Duration.ofMillis(50))) != null) {
                    events.add(e);
                }
            } catch (ChangeCaptureException e) {
                failure[0] = e;
            }
            return failure[0] != null;
        });
        assertThat(failure[0]).isInstanceOf(MySqlSchemaChangeException.class);
        assertThat(events).hasSize(expectedEvents);
        RelationChange rc = (RelationChange) events.get(events.size() - 2);
        MySqlSchemaChangeException ex = (MySqlSchemaChangeException) failure[0];
        assertThat(rc.oldTable()).isEqualTo(ex.tables().get(0));
        if (ex.statement().toLowerCase().startsWith("rename")) {
            assertThat(rc.table().name()).isEqualTo("r1_old");
            assertThat(rc.newColumns()).extracting(c -> c.name()).containsExactly("id");
        } else {
            assertThat(rc.newColumns()).isEmpty();
        }
        return ex;
    }

    @Test
    void aKilledBinlogConnectionIsAConnectionLossAndReconnectLeavesNoGap() throws Exception {
        server.execute(db, "create table k (id int primary key)");
        MySqlStreamingSource s = source("k");
        s.start(null);
        server.execute(db, "insert into k values (1)", "insert into k values (2)");
        List<ChangeEvent> first = collect(s, commits(2));
        Commit c1 = (Commit) first.get(2);
        s.acknowledge(c1.position()); // the second transaction is read but not acknowledged
        long id = s.connectionId();
        assertThat(id).isPositive();
        try (Connection c = server.connect(db); Statement st = c.createStatement()) {
            boolean listed = false;
            try (ResultSet rs = st.executeQuery("show processlist")) {
                while (rs.next()) {
                    if (rs.getLong("Id") == id) {
                        listed = true;
                        assertThat(rs.getString("Command")).containsIgnoringCase("binlog dump");
                    }
                }
            }
            assertThat(listed).as("binlog dump thread " + id + " in the process list").isTrue();
            st.execute("kill " + id);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> s.failure().isPresent());
        server.execute(db, "insert into k values (3)");
        assertThatThrownBy(() -> s.poll(Duration.ofMillis(100))).isInstanceOf(ChangeCaptureException.class)
                .satisfies(e -> assertThat(((ChangeCaptureException) e).isConnectionLoss()).isTrue())
                .hasMessageContaining("lost")
                .satisfies(e -> {
                    if (!server.password().isEmpty()) {
                        assertThat(e.getMessage()).doesNotContain(server.password());
                    }
                });
        s.reconnect();
        List<ChangeEvent> again = collect(s, commits(2));
        assertThat(rows(again).stream().map(r -> r.value("id")).toList()).containsExactly(2, 3);
        assertThat(again.get(0).position().compareTo(c1.position())).isPositive();
    }

    @Test
    void missingTablesAndBadCredentialsFailClearly() {
        MySqlStreamingSource s = source("nope");
        assertThatThrownBy(() -> s.start(null)).hasMessageContaining(db + ".nope").hasMessageContaining("does not exist");
        MySqlCdcConfig bad = MySqlCdcConfig.forTables(server.jdbcUrl(db), server.user(), "wrong-secret".toCharArray(),
                List.of(new QualifiedName(db, "x")));
        MySqlStreamingSource b = new MySqlStreamingSource(bad);
        sources.add(b);
        assertThatThrownBy(() -> b.start(null)).hasMessageNotContaining("wrong-secret");
        assertThat(bad.toString()).doesNotContain("wrong-secret");
    }

    @Test
    void startsAfterAMariaDbGtid() throws Exception {
        server.execute(db, "create table g (id int primary key)");
        MySqlStreamingSource s = source("g");
        s.start(null);
        server.execute(db, "insert into g values (1)", "insert into g values (2)", "insert into g values (3)");
        List<ChangeEvent> events = collect(s, commits(3));
        Commit first = (Commit) events.get(2);
        String gtid = ((MySqlPosition) first.position()).gtid();
        assertThat(gtid).as("MariaDB GTID domain-server-seq").matches("\\d+-\\d+-\\d+");
        s.stop();

        MySqlStreamingSource byGtid = source("g");
        byGtid.startAfterGtidSet(gtid);
        List<ChangeEvent> rest = collect(byGtid, commits(2));
        assertThat(rows(rest).stream().map(r -> r.value("id")).toList()).containsExactly(2, 3);
        assertThat(rest.get(0).position()).isEqualTo(events.get(3).position());
        assertThat(byGtid.poll(Duration.ofMillis(300))).isNull();
    }

    @Test
    void aLeastPrivilegedUserCapturesAndAUserWithoutReplicationIsToldWhy() throws Exception {
        String user = "cdc_" + db.substring(db.length() - 8).replaceAll("[^a-z0-9_]", "_");
        String norep = "nr_" + db.substring(db.length() - 8).replaceAll("[^a-z0-9_]", "_");
        server.execute(db, "create table p (id int primary key)",
                "create user '" + user + "'@'%' identified by 'Cdc-pass-1'",
                "grant select on " + db + ".* to '" + user + "'@'%'",
                "grant replication slave, binlog monitor on *.* to '" + user + "'@'%'",
                "create user '" + norep + "'@'%' identified by 'Nr-pass-1'",
                "grant select on " + db + ".* to '" + norep + "'@'%'",
                "grant binlog monitor on *.* to '" + norep + "'@'%'");
        try {
            List<QualifiedName> tables = List.of(new QualifiedName(db, "p"));
            MySqlStreamingSource ok = new MySqlStreamingSource(MySqlCdcConfig.forTables(server.jdbcUrl(db), user,
                    "Cdc-pass-1".toCharArray(), tables));
            sources.add(ok);
            ok.start(null);
            server.execute(db, "insert into p values (1)");
            assertThat(rows(collect(ok, commits(1))).get(0).value("id")).isEqualTo(1);

            MySqlStreamingSource denied = new MySqlStreamingSource(MySqlCdcConfig.forTables(server.jdbcUrl(db), norep,
                    "Nr-pass-1".toCharArray(), tables));
            sources.add(denied);
            assertThatThrownBy(() -> denied.start(null))
                    .hasMessageContaining("REPLICATION SLAVE")
                    .hasMessageNotContaining("Nr-pass-1");
        } finally {
            server.execute(db, "drop user '" + user + "'@'%'", "drop user '" + norep + "'@'%'");
        }
    }

    @Test
    void charsetsOtherThanUtf8Decode() throws Exception {
        server.execute(db, "create table cs (id int primary key, l1 varchar(10) character set latin1, "
                + "u2 varchar(10) character set ucs2, g char(5) character set greek)");
        MySqlStreamingSource s = source("cs");
        s.start(null);
        try (Connection c = server.connect(db); PreparedStatement ps = c.prepareStatement("insert into cs values (1, ?, ?, ?)")) {
            ps.setString(1, "\u00e4\u00f6\u00fc\u20ac");
            ps.setString(2, "\u4e2d\u6587");
            ps.setString(3, "\u03b1\u03b2\u03b3");
            ps.execute();
        }
        RowChange r = rows(collect(s, commits(1))).get(0);
        assertThat(r.value("l1")).isEqualTo("\u00e4\u00f6\u00fc\u20ac");
        assertThat(r.value("u2")).isEqualTo("\u4e2d\u6587");
        assertThat(r.value("g")).isEqualTo("\u03b1\u03b2\u03b3");
        assertThat("\u00e4".getBytes(StandardCharsets.UTF_8)).hasSize(2);
    }
}
