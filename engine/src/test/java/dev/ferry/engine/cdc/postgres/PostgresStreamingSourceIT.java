package dev.ferry.engine.cdc.postgres;

import dev.ferry.engine.cdc.ChangeCaptureException;
import dev.ferry.engine.cdc.ChangeEvent;
import dev.ferry.engine.cdc.ChangeEvent.BeforeImage;
import dev.ferry.engine.cdc.ChangeEvent.Begin;
import dev.ferry.engine.cdc.ChangeEvent.Commit;
import dev.ferry.engine.cdc.ChangeEvent.LogicalMessage;
import dev.ferry.engine.cdc.ChangeEvent.Operation;
import dev.ferry.engine.cdc.ChangeEvent.RelationChange;
import dev.ferry.engine.cdc.ChangeEvent.RowChange;
import dev.ferry.engine.cdc.ChangeEvent.Truncate;
import dev.ferry.engine.cdc.IntervalValue;
import dev.ferry.engine.cdc.SpecialNumber;
import dev.ferry.engine.cdc.TypedText;
import dev.ferry.engine.cdc.ValueMarker;
import dev.ferry.model.schema.QualifiedName;
import dev.ferry.testsupport.TestDatabases;
import dev.ferry.testsupport.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

class PostgresStreamingSourceIT {

    private static TestServer server;

    private String db;
    private PostgresCdcConfig config;
    private PostgresReplicationConnection admin;
    private final List<PostgresStreamingSource> sources = new ArrayList<>();

    @BeforeAll
    static void server() {
        server = TestDatabases.postgres();
    }

    @BeforeEach
    void database() {
        db = server.createDatabase("cdc");
        config = PostgresCdcConfig.forTask(server.jdbcUrl(db), server.user(), server.password().toCharArray(), db)
                .withStatusInterval(Duration.ofMillis(300));
        admin = new PostgresReplicationConnection(config);
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (PostgresStreamingSource s : sources) {
            s.close();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> !admin.slotActive());
        admin.dropSlot();
        admin.dropPublication();
        assertThat(admin.slotExists()).isFalse();
    }

    private PostgresStreamingSource source(PostgresCdcConfig c, PostgresStreamingSource.Listener l) {
        PostgresStreamingSource s = new PostgresStreamingSource(c, l);
        sources.add(s);
        return s;
    }

    /** Takes events until {@code done} holds for the list taken so far; fails after 120 s without progress. */
    private static List<ChangeEvent> take(PostgresStreamingSource s, Predicate<List<ChangeEvent>> done) throws Exception {
        List<ChangeEvent> out = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!done.test(out)) {
            ChangeEvent e = s.poll(Duration.ofMillis(500));
            if (e != null) {
                out.add(e);
                deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            } else if (System.nanoTime() > deadline) {
                fail("no more events after " + out.size() + ": " + out.subList(Math.max(0, out.size() - 5), out.size()));
            }
        }
        return out;
    }

    private static Predicate<List<ChangeEvent>> commits(int n) {
        return l -> l.stream().filter(Commit.class::isInstance).count() >= n;
    }

    private static List<RowChange> rows(List<ChangeEvent> events) {
        return events.stream().filter(RowChange.class::isInstance).map(RowChange.class::cast).toList();
    }

    private static void assertIncreasing(List<ChangeEvent> events) {
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).position()).as("position of event %d %s", i, events.get(i))
                    .isGreaterThan(events.get(i - 1).position());
        }
    }

    @Test
    void everyChangeTypeWithAWideTypeSet() throws Exception {
        server.execute(db, "CREATE TYPE mood AS ENUM ('sad', 'happy')",
                "CREATE TABLE wide (id int PRIMARY KEY, i2 int2, i8 int8, n numeric(20,6), nn numeric, f8 float8, f8b float8,"
                        + " f8c float8, t text, e text, by bytea, b bool, d date, dinf date, ts timestamp, tsinf timestamp,"
                        + " tstz timestamptz, iv interval, u uuid, j json, jb jsonb, arr int[], m mood)");
        admin.createPublication(List.of(new QualifiedName("public", "wide")));
        admin.createSlot();
        PostgresStreamingSource s = source(config.withProtocol(1, false), null);
        s.start(null);
        assertThat(s.protocolVersion()).isEqualTo(1);

        String tstz = "2024-02-29 13:14:15+05:30";
        server.execute(db, "BEGIN",
                "INSERT INTO wide VALUES (1, -32768, 9223372036854775807, 12345.678900, 'NaN', 'Infinity', '-Infinity', 'NaN',"
                        + " 'snow \uD83D\uDE00 ☃', '', '\\xdeadbeef', true, '2024-02-29', 'infinity', '2024-02-29 13:14:15.123456',"
                        + " '-infinity', '" + tstz + "', '1 year 2 mons 3 days 04:05:06.5',"
                        + " 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{\"a\": [1, 2]}', '{\"k\": null}', '{1,2,NULL}', 'happy')",
                "INSERT INTO wide (id) VALUES (2)", "COMMIT");
        server.execute(db, "UPDATE wide SET t = 'changed', nn = 42 WHERE id = 1");
        server.execute(db, "UPDATE wide SET id = 10 WHERE id = 2");
        server.execute(db, "DELETE FROM wide WHERE id = 10");
        server.execute(db, "BEGIN", "SELECT pg_logical_emit_message(true, 'ferry', 'hello')",
                "TRUNCATE wide RESTART IDENTITY CASCADE", "COMMIT");
        server.execute(db, "ALTER TABLE wide ADD COLUMN extra int", "INSERT INTO wide (id, extra) VALUES (3, 33)");

        List<ChangeEvent> events = take(s, commits(6)); // the ALTER TABLE transaction has no changes and is not sent
        assertIncreasing(events);
        assertThat(events).extracting(e -> e.getClass().getSimpleName()).containsExactly(
                "Begin", "RowChange", "RowChange", "Commit",
                "Begin", "RowChange", "Commit",
                "Begin", "RowChange", "Commit",
                "Begin", "RowChange", "Commit",
                "Begin", "LogicalMessage", "Truncate", "Commit",
                "Begin", "RelationChange", "RowChange", "Commit");

        RowChange full = (RowChange) events.get(1);
        assertThat(full.operation()).isEqualTo(Operation.INSERT);
        assertThat(full.table()).isEqualTo(new QualifiedName("public", "wide"));
        assertThat(full.value("id")).isEqualTo(1);
        assertThat(full.value("i2")).isEqualTo((short) -32768);
        assertThat(full.value("i8")).isEqualTo(Long.MAX_VALUE);
        assertThat(full.value("n")).isEqualTo(new BigDecimal("12345.678900"));
        assertThat(full.value("nn")).isEqualTo(SpecialNumber.NAN);
        assertThat(full.value("f8")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(full.value("f8b")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat((Double) full.value("f8c")).isNaN();
        assertThat(full.value("t")).isEqualTo("snow \uD83D\uDE00 ☃");
        assertThat(full.value("e")).isEqualTo("");
        assertThat((byte[]) full.value("by")).containsExactly(0xde, 0xad, 0xbe, 0xef);
        assertThat(full.value("b")).isEqualTo(true);
        assertThat(full.value("d")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(full.value("dinf")).isEqualTo(LocalDate.MAX);
        assertThat(full.value("ts")).isEqualTo(LocalDateTime.of(2024, 2, 29, 13, 14, 15, 123_456_000));
        assertThat(full.value("tsinf")).isEqualTo(LocalDateTime.MIN);
        assertThat(((OffsetDateTime) full.value("tstz")).toInstant())
                .isEqualTo(OffsetDateTime.parse("2024-02-29T13:14:15+05:30").toInstant());
        assertThat(full.value("iv")).isEqualTo(new IntervalValue(14, 3, 14_706_500_000L));
        assertThat(full.value("u")).isEqualTo(UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"));
        assertThat(full.value("j")).isEqualTo("{\"a\": [1, 2]}");
        assertThat(full.value("jb")).isEqualTo("{\"k\": null}");
        assertThat(full.value("arr")).isEqualTo(new TypedText("{1,2,NULL}", full.columns().get(full.indexOf("arr")).typeId(), "_int4"));
        TypedText mood = (TypedText) full.value("m");
        assertThat(mood.text()).isEqualTo("happy");
        assertThat(mood.typeName()).isEqualTo("public.mood");
        assertThat(full.columns().get(0).key()).isTrue();
        assertThat(full.columns().get(1).key()).isFalse();
        assertThat(full.columns().get(full.indexOf("n")).typeModifier()).isNotEqualTo(-1);

        RowChange nulls = (RowChange) events.get(2);
        assertThat(nulls.after().subList(1, nulls.after().size())).containsOnlyNulls();

        RowChange update = (RowChange) events.get(5);
        assertThat(update.operation()).isEqualTo(Operation.UPDATE);
        assertThat(update.beforeImage()).isEqualTo(BeforeImage.NONE);
        assertThat(update.value("t")).isEqualTo("changed");
        assertThat(update.value("nn")).isEqualTo(new BigDecimal("42"));
        assertThat(update.value("f8")).isEqualTo(Double.POSITIVE_INFINITY);

        RowChange keyChange = (RowChange) events.get(8);
        assertThat(keyChange.operation()).isEqualTo(Operation.UPDATE);
        assertThat(keyChange.beforeImage()).isEqualTo(BeforeImage.KEY);
        assertThat(keyChange.oldValue("id")).isEqualTo(2);
        assertThat(keyChange.value("id")).isEqualTo(10);

        RowChange delete = (RowChange) events.get(11);
        assertThat(delete.operation()).isEqualTo(Operation.DELETE);
        assertThat(delete.after()).isNull();
        assertThat(delete.beforeImage()).isEqualTo(BeforeImage.KEY);
        assertThat(delete.oldValue("id")).isEqualTo(10);

        LogicalMessage msg = (LogicalMessage) events.get(14);
        assertThat(msg.transactional()).isTrue();
        assertThat(msg.prefix()).isEqualTo("ferry");
        assertThat(new String(msg.content(), StandardCharsets.UTF_8)).isEqualTo("hello");
        Truncate truncate = (Truncate) events.get(15);
        assertThat(truncate.tables()).containsExactly(new QualifiedName("public", "wide"));
        assertThat(truncate.cascade()).isTrue();
        assertThat(truncate.restartIdentity()).isTrue();

        RelationChange rc = (RelationChange) events.get(18);
        assertThat(rc.newColumns()).hasSize(rc.oldColumns().size() + 1);
        assertThat(rc.newColumns().get(rc.newColumns().size() - 1).name()).isEqualTo("extra");
        assertThat(((RowChange) events.get(19)).value("extra")).isEqualTo(33);
    }

    private static String incompressible(int length) {
        SecureRandom r = new SecureRandom();
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            // letters from several scripts: random and multi-byte, so pglz cannot shrink it
            sb.appendCodePoint(r.nextBoolean() ? 0x4E00 + r.nextInt(2000) : 'A' + r.nextInt(58));
        }
        return sb.toString();
    }

    @Test
    void unchangedToastIsMarkedAndReplicaIdentityFullSendsTheCompleteOldRow() throws Exception {
        String big = incompressible(12_000);
        server.execute(db, "CREATE TABLE doc (id int PRIMARY KEY, note text, body text)");
        try (Connection c = server.connect(db); PreparedStatement ps = c.prepareStatement("INSERT INTO doc VALUES (1, 'a', ?)")) {
            ps.setString(1, big);
            ps.executeUpdate();
        }
        try (Connection c = server.connect(db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT pg_column_size(body), octet_length(body) FROM doc")) {
            rs.next();
            assertThat(rs.getInt(2)).isGreaterThan(8192);
            assertThat(rs.getInt(1)).as("stored size shows the value is not compressed").isGreaterThan(8192);
        }
        admin.createPublication(List.of());
        admin.createSlot();
        PostgresStreamingSource s = source(config, null);
        s.start(null);

        server.execute(db, "UPDATE doc SET note = 'b' WHERE id = 1");
        server.execute(db, "ALTER TABLE doc REPLICA IDENTITY FULL", "UPDATE doc SET note = 'c' WHERE id = 1");
        server.execute(db, "UPDATE doc SET body = 'small now' WHERE id = 1");

        List<RowChange> rows = rows(take(s, commits(3)));
        RowChange dflt = rows.get(0);
        assertThat(dflt.value("note")).isEqualTo("b");
        assertThat(dflt.value("body")).isSameAs(ValueMarker.UNCHANGED_TOAST);
        assertThat(dflt.isUnchangedToast(dflt.indexOf("body"))).isTrue();
        assertThat(dflt.before()).isNull();

        RowChange full = rows.get(1);
        assertThat(full.beforeImage()).isEqualTo(BeforeImage.FULL);
        assertThat(full.oldValue("id")).isEqualTo(1);
        assertThat(full.oldValue("note")).isEqualTo("b");
        assertThat(full.oldValue("body")).isEqualTo(big);
        assertThat(full.columns()).allMatch(c -> c.key());
        assertThat(full.value("note")).isEqualTo("c");
        // the new tuple still does not carry the unchanged TOAST value; the complete old row has it
        assertThat(full.value("body")).isSameAs(ValueMarker.UNCHANGED_TOAST);

        RowChange changedBody = rows.get(2);
        assertThat(changedBody.oldValue("body")).isEqualTo(big);
        assertThat(changedBody.value("body")).isEqualTo("small now");
    }

    @Test
    void largeTransactionsAreStreamedAndEmittedInCommitOrderAbortedOnesNever(@TempDir Path spill) throws Exception {
        server.execute(db, "CREATE TABLE bulk (id int PRIMARY KEY, payload text)",
                "ALTER DATABASE " + db + " SET logical_decoding_work_mem = '64kB'");
        admin.createPublication(List.of(new QualifiedName("public", "bulk")));
        admin.createSlot();
        List<String> committed = new CopyOnWriteArrayList<>();
        List<String> aborted = new CopyOnWriteArrayList<>();
        AtomicInteger spilled = new AtomicInteger();
        PostgresStreamingSource s = source(config.withStreamBuffer(256 * 1024, spill), new PostgresStreamingSource.Listener() {
            @Override
            public void onStreamCommitted(String xid, long messages, boolean wasSpilled) {
                committed.add(xid);
                if (wasSpilled) {
                    spilled.incrementAndGet();
                }
            }

            @Override
            public void onStreamAborted(String xid, String subXid, long messages) {
                aborted.add(xid);
            }
        });
        s.start(null);
        assertThat(s.protocolVersion()).isEqualTo(2);

        try (Connection big = server.connect(db); Statement st = big.createStatement()) {
            big.setAutoCommit(false);
            st.execute("INSERT INTO bulk SELECT g, 'row ' || g FROM generate_series(1, 50000) g");
            // committed while the large transaction is still open: must come first
            server.execute(db, "INSERT INTO bulk VALUES (-1, 'small')");
            big.commit();
            st.execute("INSERT INTO bulk SELECT g, 'doomed ' || g FROM generate_series(100001, 150000) g");
            st.execute("SELECT pg_logical_emit_message(true, 'ferry', 'doomed')");
            big.rollback();
        }
        server.execute(db, "INSERT INTO bulk VALUES (-2, 'after the rollback')");

        List<ChangeEvent> events = take(s, commits(3));
        assertIncreasing(events);
        List<RowChange> rows = rows(events);
        assertThat(rows).hasSize(50_002);
        assertThat(rows.get(0).value("payload")).isEqualTo("small");
        for (int i = 1; i <= 50_000; i++) {
            assertThat(rows.get(i).value("id")).isEqualTo(i);
        }
        assertThat(rows.get(50_001).value("payload")).isEqualTo("after the rollback");
        assertThat(events).noneMatch(e -> e instanceof LogicalMessage);
        assertThat(committed).as("the 50k-row transaction arrived as a streamed transaction").hasSize(1);
        assertThat(((Begin) events.get(3)).transactionId()).isEqualTo(committed.get(0));
        assertThat(spilled.get()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(60)).until(() -> !aborted.isEmpty());
        assertThat(s.poll(Duration.ofMillis(200))).isNull();
    }

    @Test
    void aSubtransactionRolledBackInsideAStreamedTransactionIsLeftOut() throws Exception {
        server.execute(db, "CREATE TABLE bulk (id int PRIMARY KEY)",
                "ALTER DATABASE " + db + " SET logical_decoding_work_mem = '64kB'");
        admin.createPublication(List.of());
        admin.createSlot();
        List<String> aborted = new CopyOnWriteArrayList<>();
        PostgresStreamingSource s = source(config, new PostgresStreamingSource.Listener() {
            @Override
            public void onStreamAborted(String xid, String subXid, long messages) {
                aborted.add(subXid);
            }
        });
        s.start(null);
        try (Connection c = server.connect(db); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute("INSERT INTO bulk SELECT g FROM generate_series(1, 20000) g");
            st.execute("SAVEPOINT s1");
            st.execute("INSERT INTO bulk SELECT g FROM generate_series(20001, 40000) g");
            st.execute("ROLLBACK TO SAVEPOINT s1");
            st.execute("INSERT INTO bulk VALUES (-1)");
            c.commit();
        }
        List<RowChange> rows = rows(take(s, commits(1)));
        assertThat(rows).hasSize(20_001);
        assertThat(rows.get(19_999).value("id")).isEqualTo(20_000);
        assertThat(rows.get(20_000).value("id")).isEqualTo(-1);
        assertThat(aborted).as("the savepoint's changes were streamed and then aborted").isNotEmpty();
    }

    @Test
    void onlyAcknowledgedPositionsAreConfirmedAndRestartsResumeRightAfterThem() throws Exception {
        server.execute(db, "CREATE TABLE t (id int PRIMARY KEY, v text)");
        admin.createPublication(List.of(new QualifiedName("public", "t")));
        long consistentPoint = admin.createSlot();
        PostgresStreamingSource s = source(config, null);
        s.start(null);
        for (int tx = 1; tx <= 3; tx++) {
            server.execute(db, "BEGIN", "INSERT INTO t VALUES (" + (tx * 10 + 1) + ", 'a')",
                    "INSERT INTO t VALUES (" + (tx * 10 + 2) + ", 'b')", "INSERT INTO t VALUES (" + (tx * 10 + 3) + ", 'c')", "COMMIT");
        }
        List<ChangeEvent> first = take(s, commits(3));
        assertThat(rows(first)).extracting(r -> r.value("id")).containsExactly(11, 12, 13, 21, 22, 23, 31, 32, 33);

        // nothing acknowledged: the slot must not move although status updates flow
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(20))
                .until(() -> admin.confirmedFlushLsn().orElseThrow() == consistentPoint);
        assertThat(admin.slotLagBytes().orElseThrow()).isPositive();

        Commit secondCommit = (Commit) first.get(9);
        s.acknowledge(secondCommit.position());
        s.acknowledge(first.get(2).position()); // older: ignored
        long flush = ((PostgresPosition) secondCommit.position()).flushLsn();
        await().atMost(Duration.ofSeconds(30)).until(() -> admin.confirmedFlushLsn().orElseThrow() == flush);
        s.stop();

        // a fresh source from the slot: only the unacknowledged third transaction
        PostgresStreamingSource fromSlot = source(config, null);
        fromSlot.start(null);
        List<ChangeEvent> again = take(fromSlot, commits(1));
        assertThat(again.get(0)).isInstanceOf(Begin.class);
        assertThat(rows(again)).extracting(r -> r.value("id")).containsExactly(31, 32, 33);
        assertThat(again).allMatch(e -> e.position().compareTo(secondCommit.position()) > 0);
        fromSlot.stop();

        // resume inside the third transaction (after its second row): Begin again, then only the third row
        RowChange secondRowOfThird = rows(first).get(7);
        PostgresStreamingSource inside = source(config, null);
        inside.start(PostgresPosition.parse(secondRowOfThird.position().toText()));
        List<ChangeEvent> rest = take(inside, commits(1));
        assertThat(rest).extracting(e -> e.getClass().getSimpleName()).containsExactly("Begin", "RowChange", "Commit");
        assertThat(rows(rest).get(0).value("id")).isEqualTo(33);
        PostgresPosition mid = (PostgresPosition) secondRowOfThird.position();
        assertThat(inside.lastAcknowledged()).contains(mid);
        // a mid-transaction acknowledgement confirms up to the start of the transaction's commit record, never the
        // transaction itself: it stays in the slot and is sent again
        await().atMost(Duration.ofSeconds(30)).until(() -> admin.confirmedFlushLsn().orElseThrow() == mid.commitLsn());
        assertThat(mid.commitLsn()).isGreaterThan(flush).isLessThan(((PostgresPosition) rest.get(2).position()).flushLsn());
        inside.stop();
        PostgresStreamingSource again2 = source(config, null);
        again2.start(null);
        assertThat(rows(take(again2, commits(1)))).extracting(r -> r.value("id")).containsExactly(31, 32, 33);
    }

    @Test
    void aFullQueueBlocksTheReaderWithoutLosingOrReorderingEvents() throws Exception {
        server.execute(db, "CREATE TABLE t (id int PRIMARY KEY)");
        admin.createPublication(List.of());
        admin.createSlot();
        PostgresStreamingSource s = source(config.withQueueCapacity(16), null);
        s.start(null);
        server.execute(db, "INSERT INTO t SELECT g FROM generate_series(1, 3000) g");
        await().atMost(Duration.ofSeconds(60)).until(() -> s.queuedEvents() == 16);
        // the reader waits for the consumer (and keeps the connection alive) instead of growing the queue
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(20))
                .until(() -> s.queuedEvents() == 16 && s.isRunning());
        List<RowChange> rows = rows(take(s, commits(1)));
        assertThat(rows).hasSize(3000);
        for (int i = 0; i < 3000; i++) {
            assertThat(rows.get(i).value("id")).isEqualTo(i + 1);
        }
    }

    @Test
    void lostConnectionSurfacesAndReconnectResumesAfterTheLastAcknowledgement() throws Exception {
        server.execute(db, "CREATE TABLE t (id int PRIMARY KEY)");
        admin.createPublication(List.of());
        admin.createSlot();
        PostgresStreamingSource s = source(config, null);
        s.start(null);
        server.execute(db, "INSERT INTO t VALUES (1)");
        List<ChangeEvent> first = take(s, commits(1));
        s.acknowledge(first.get(first.size() - 1).position());
        server.execute(db, "INSERT INTO t VALUES (2)");
        take(s, commits(1)); // seen but not acknowledged

        await().atMost(Duration.ofSeconds(30)).until(admin::slotActive);
        server.execute(db, "SELECT pg_terminate_backend(active_pid) FROM pg_replication_slots WHERE slot_name = '"
                + config.slotName() + "'");
        await().atMost(Duration.ofSeconds(60)).until(() -> s.failure().isPresent());
        assertThatThrownBy(() -> s.poll(Duration.ofMillis(100)))
                .isInstanceOf(ChangeCaptureException.class)
                .hasMessageContaining(config.slotName())
                .satisfies(e -> assertThat(((ChangeCaptureException) e).isConnectionLoss()).isTrue());
        assertThat(s.isRunning()).isFalse();

        server.execute(db, "INSERT INTO t VALUES (3)");
        await().atMost(Duration.ofSeconds(30)).until(() -> !admin.slotActive());
        s.reconnect();
        List<ChangeEvent> after = take(s, commits(2));
        assertThat(rows(after)).extracting(r -> r.value("id")).containsExactly(2, 3);
    }

    @Test
    void exportedSnapshotSeesExactlyTheRowsAsOfSlotCreationWhileLaterChangesStream() throws Exception {
        server.execute(db, "CREATE TABLE t (id int PRIMARY KEY, v text)",
                "INSERT INTO t VALUES (1, 'one'), (2, 'two'), (3, 'three')");
        admin.createPublication(List.of(new QualifiedName("public", "t")));
        List<Integer> loaded = new ArrayList<>();
        PostgresPosition start;
        try (PostgresReplicationConnection.ExportedSnapshot snapshot = admin.createSlotExportingSnapshot()) {
            start = snapshot.startPosition();
            assertThat(snapshot.snapshotName()).isNotBlank();
            assertThat(snapshot.consistentPoint()).isPositive();
            server.execute(db, "INSERT INTO t VALUES (4, 'four')", "UPDATE t SET v = 'uno' WHERE id = 1",
                    "DELETE FROM t WHERE id = 2");
            try (Connection load = server.connect(db)) {
                PostgresReplicationConnection.beginSnapshotTransaction(load, snapshot.snapshotName());
                try (Statement st = load.createStatement(); ResultSet rs = st.executeQuery("SELECT id, v FROM t ORDER BY id")) {
                    while (rs.next()) {
                        loaded.add(rs.getInt(1));
                        if (rs.getInt(1) == 1) {
                            assertThat(rs.getString(2)).isEqualTo("one");
                        }
                    }
                }
                load.commit();
            }
        }
        assertThat(loaded).containsExactly(1, 2, 3);

        PostgresStreamingSource s = source(config, null);
        s.start(start);
        server.execute(db, "INSERT INTO t VALUES (5, 'five')");
        List<RowChange> rows = rows(take(s, commits(4)));
        assertThat(rows).extracting(RowChange::operation)
                .containsExactly(Operation.INSERT, Operation.UPDATE, Operation.DELETE, Operation.INSERT);
        assertThat(rows).extracting(r -> r.value("id")).containsExactly(4, 1, 2, 5);
        assertThat(rows.get(1).value("v")).isEqualTo("uno");
    }

    @Test
    void badSnapshotNameAndMissingSlotGetClearErrors() throws Exception {
        try (Connection c = server.connect(db)) {
            assertThatThrownBy(() -> PostgresReplicationConnection.beginSnapshotTransaction(c, "x'; DROP TABLE t; --"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an exported snapshot name");
        }
        admin.createPublication(List.of());
        PostgresStreamingSource s = source(config, null);
        assertThatThrownBy(() -> s.start(null)).hasMessageContaining(config.slotName())
                .hasMessageNotContaining(server.password().isEmpty() ? "\u0000" : server.password());
        assertThat(Map.of("slot", config.slotName())).isNotEmpty();
    }
}
