package dev.ferry.engine.cdc.postgres;

import dev.ferry.engine.cdc.ChangeEvent;
import dev.ferry.engine.cdc.ChangeEvent.Begin;
import dev.ferry.engine.cdc.ChangeEvent.BeforeImage;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static dev.ferry.engine.cdc.postgres.PgMessages.TOAST;
import static dev.ferry.engine.cdc.postgres.PgMessages.begin;
import static dev.ferry.engine.cdc.postgres.PgMessages.commit;
import static dev.ferry.engine.cdc.postgres.PgMessages.insert;
import static dev.ferry.engine.cdc.postgres.PgMessages.of;
import static dev.ferry.engine.cdc.postgres.PgMessages.relation;
import static dev.ferry.engine.cdc.postgres.PgMessages.streamAbort;
import static dev.ferry.engine.cdc.postgres.PgMessages.streamCommit;
import static dev.ferry.engine.cdc.postgres.PgMessages.streamStart;
import static dev.ferry.engine.cdc.postgres.PgMessages.streamStop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PgOutputDecoderTest {

    private final List<ChangeEvent> events = new ArrayList<>();
    private final PgOutputDecoder decoder = new PgOutputDecoder(events::add);

    private void feed(ByteBuffer... messages) throws InterruptedException {
        long lsn = 0x1_0000_0100L;
        for (ByteBuffer m : messages) {
            decoder.decode(m, lsn);
            lsn += 0x10;
        }
    }

    private static Object[] col(int flags, String name, int oid) {
        return new Object[] {flags, name, oid, -1};
    }

    private static ByteBuffer itemsRelation(Integer xid) {
        return relation(xid, 16384, "public", "items", 'd', col(1, "id", PgTypes.INT4), col(0, "note", PgTypes.TEXT),
                col(0, "big", PgTypes.TEXT));
    }

    @Test
    void insertDecodesEveryBuiltinTypeAndNulls() throws Exception {
        ByteBuffer rel = relation(null, 42, "app", "wide", 'd',
                col(1, "i2", PgTypes.INT2), col(0, "i4", PgTypes.INT4), col(0, "i8", PgTypes.INT8),
                col(0, "n", PgTypes.NUMERIC), col(0, "nnan", PgTypes.NUMERIC), col(0, "ninf", PgTypes.NUMERIC),
                col(0, "f8", PgTypes.FLOAT8), col(0, "f8nan", PgTypes.FLOAT8), col(0, "f4inf", PgTypes.FLOAT4),
                col(0, "b", PgTypes.BOOL), col(0, "t", PgTypes.TEXT), col(0, "empty", PgTypes.VARCHAR),
                col(0, "by", PgTypes.BYTEA), col(0, "d", PgTypes.DATE), col(0, "dinf", PgTypes.DATE),
                col(0, "ts", PgTypes.TIMESTAMP), col(0, "tstz", PgTypes.TIMESTAMPTZ), col(0, "iv", PgTypes.INTERVAL),
                col(0, "u", PgTypes.UUID_OID), col(0, "j", PgTypes.JSONB), col(0, "arr", 1007),
                col(0, "mood", 99001), col(0, "nul", PgTypes.TEXT));
        ByteBuffer type = of('Y').i32(99001).str("app").str("mood").buffer();
        feed(begin(0x5000, 777), type, rel, insert(null, 42, "-32768", "2147483647", "9223372036854775807",
                "12345.678900", "NaN", "-Infinity", "1.5e300", "NaN", "-Infinity", "t", "snow \uD83D\uDE00 ☃", "",
                "\\xdeadbeef", "2024-02-29", "infinity", "2024-02-29 13:14:15.123456", "2024-02-29 13:14:15+05:30",
                "1 year 2 mons -3 days +04:05:06.5", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "{\"a\": [1, 2]}",
                "{1,2,NULL}", "happy", null), commit(0x5000, 0x5050));

        assertThat(events).hasSize(3);
        Begin b = (Begin) events.get(0);
        assertThat(b.transactionId()).isEqualTo("777");
        assertThat(b.commitTime()).isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
        RowChange r = (RowChange) events.get(1);
        assertThat(r.operation()).isEqualTo(Operation.INSERT);
        assertThat(r.table()).isEqualTo(new QualifiedName("app", "wide"));
        assertThat(r.before()).isNull();
        assertThat(r.beforeImage()).isEqualTo(BeforeImage.NONE);
        assertThat(r.columns().get(0).key()).isTrue();
        assertThat(r.columns().get(1).key()).isFalse();
        assertThat(r.columns().get(20).typeName()).isEqualTo("_int4");
        assertThat(r.columns().get(21).typeName()).isEqualTo("app.mood");
        assertThat(r.value("i2")).isEqualTo((short) -32768);
        assertThat(r.value("i4")).isEqualTo(Integer.MAX_VALUE);
        assertThat(r.value("i8")).isEqualTo(Long.MAX_VALUE);
        assertThat(r.value("n")).isEqualTo(new BigDecimal("12345.678900"));
        assertThat(r.value("nnan")).isEqualTo(SpecialNumber.NAN);
        assertThat(r.value("ninf")).isEqualTo(SpecialNumber.NEGATIVE_INFINITY);
        assertThat(r.value("f8")).isEqualTo(1.5e300);
        assertThat((Double) r.value("f8nan")).isNaN();
        assertThat(r.value("f4inf")).isEqualTo(Float.NEGATIVE_INFINITY);
        assertThat(r.value("b")).isEqualTo(true);
        assertThat(r.value("t")).isEqualTo("snow \uD83D\uDE00 ☃");
        assertThat(r.value("empty")).isEqualTo("");
        assertThat((byte[]) r.value("by")).containsExactly(0xde, 0xad, 0xbe, 0xef);
        assertThat(r.value("d")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(r.value("dinf")).isEqualTo(LocalDate.MAX);
        assertThat(r.value("ts")).isEqualTo(LocalDateTime.of(2024, 2, 29, 13, 14, 15, 123_456_000));
        assertThat(r.value("tstz")).isEqualTo(OffsetDateTime.of(2024, 2, 29, 13, 14, 15, 0, ZoneOffset.ofHoursMinutes(5, 30)));
        assertThat(r.value("iv")).isEqualTo(new IntervalValue(14, -3, 14_706_500_000L));
        assertThat(r.value("u")).isEqualTo(UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"));
        assertThat(r.value("j")).isEqualTo("{\"a\": [1, 2]}");
        assertThat(r.value("arr")).isEqualTo(new TypedText("{1,2,NULL}", 1007, "_int4"));
        assertThat(r.value("mood")).isEqualTo(new TypedText("happy", 99001, "app.mood"));
        assertThat(r.value("nul")).isNull();
        PostgresPosition p = (PostgresPosition) r.position();
        assertThat(p.commitLsn()).isEqualTo(0x5000);
        assertThat(p.ordinal()).isEqualTo(1);
        Commit c = (Commit) events.get(2);
        assertThat(c.transactionId()).isEqualTo("777");
        assertThat(c.position().isTransactionEnd()).isTrue();
        assertThat(((PostgresPosition) c.position()).flushLsn()).isEqualTo(0x5050);
        assertThat(c.position()).isGreaterThan(r.position());
    }

    @Test
    void updateWithKeyOldTupleAndUnchangedToast() throws Exception {
        ByteBuffer update = of('U').i32(16384).b('K').tuple("1", null, null).b('N').tuple("2", "changed", TOAST).buffer();
        feed(begin(0x6000, 5), itemsRelation(null), update, commit(0x6000, 0x6010));

        RowChange r = (RowChange) events.get(1);
        assertThat(r.operation()).isEqualTo(Operation.UPDATE);
        assertThat(r.beforeImage()).isEqualTo(BeforeImage.KEY);
        assertThat(r.oldValue("id")).isEqualTo(1);
        assertThat(r.value("id")).isEqualTo(2);
        assertThat(r.value("note")).isEqualTo("changed");
        assertThat(r.value("big")).isSameAs(ValueMarker.UNCHANGED_TOAST);
        assertThat(r.isUnchangedToast(2)).isTrue();
        assertThat(r.isUnchangedToast(1)).isFalse();
    }

    @Test
    void updateWithoutOldTupleAndWithFullOldTuple() throws Exception {
        ByteBuffer plain = of('U').i32(16384).b('N').tuple("1", "x", null).buffer();
        ByteBuffer full = of('U').i32(16384).b('O').tuple("1", "x", "old big").b('N').tuple("1", "y", "old big").buffer();
        feed(begin(0x7000, 6), itemsRelation(null), plain, full, commit(0x7000, 0x7010));

        RowChange p = (RowChange) events.get(1);
        assertThat(p.before()).isNull();
        assertThat(p.beforeImage()).isEqualTo(BeforeImage.NONE);
        RowChange f = (RowChange) events.get(2);
        assertThat(f.beforeImage()).isEqualTo(BeforeImage.FULL);
        assertThat(f.before()).containsExactly(1, "x", "old big");
        assertThat(f.after()).containsExactly(1, "y", "old big");
        assertThat(f.position()).isGreaterThan(p.position());
    }

    @Test
    void deleteWithKeyAndFullOldTuple() throws Exception {
        ByteBuffer key = of('D').i32(16384).b('K').tuple("3", null, null).buffer();
        ByteBuffer full = of('D').i32(16384).b('O').tuple("4", "gone", null).buffer();
        feed(begin(0x8000, 7), itemsRelation(null), key, full, commit(0x8000, 0x8010));

        RowChange k = (RowChange) events.get(1);
        assertThat(k.operation()).isEqualTo(Operation.DELETE);
        assertThat(k.after()).isNull();
        assertThat(k.beforeImage()).isEqualTo(BeforeImage.KEY);
        assertThat(k.before()).containsExactly(3, null, null);
        assertThat(k.value("id")).isEqualTo(3);
        RowChange f = (RowChange) events.get(2);
        assertThat(f.beforeImage()).isEqualTo(BeforeImage.FULL);
        assertThat(f.before()).containsExactly(4, "gone", null);
    }

    @Test
    void truncateCarriesTablesAndOptions() throws Exception {
        ByteBuffer other = relation(null, 16400, "s2", "other", 'f', col(1, "k", PgTypes.INT8));
        ByteBuffer t = of('T').i32(2).b(3).i32(16384).i32(16400).buffer();
        ByteBuffer t2 = of('T').i32(1).b(0).i32(16400).buffer();
        feed(begin(0x9000, 8), itemsRelation(null), other, t, t2, commit(0x9000, 0x9010));

        Truncate tr = (Truncate) events.get(1);
        assertThat(tr.tables()).containsExactly(new QualifiedName("public", "items"), new QualifiedName("s2", "other"));
        assertThat(tr.cascade()).isTrue();
        assertThat(tr.restartIdentity()).isTrue();
        Truncate tr2 = (Truncate) events.get(2);
        assertThat(tr2.cascade()).isFalse();
        assertThat(tr2.restartIdentity()).isFalse();
    }

    @Test
    void messagesOriginAndBinaryValues() throws Exception {
        ByteBuffer nonTx = of('M').b(0).i64(0x4000).str("ferry").i32(3).raw("abc".getBytes(StandardCharsets.UTF_8)).buffer();
        ByteBuffer origin = of('O').i64(0xA000).str("node_b").buffer();
        ByteBuffer txMsg = of('M').b(1).i64(0xA008).str("audit").i32(0).buffer();
        ByteBuffer binary = of('I').i32(16384).b('N').tuple("9", new byte[] {1, 2}, null).buffer();
        feed(nonTx, begin(0xA000, 9), origin, txMsg, itemsRelation(null), binary, commit(0xA000, 0xA020));

        LogicalMessage m = (LogicalMessage) events.get(0);
        assertThat(m.transactional()).isFalse();
        assertThat(m.prefix()).isEqualTo("ferry");
        assertThat(new String(m.content(), StandardCharsets.UTF_8)).isEqualTo("abc");
        assertThat(m.position().isTransactionEnd()).isTrue();
        assertThat(events.get(1)).isInstanceOf(Begin.class);
        LogicalMessage tm = (LogicalMessage) events.get(2);
        assertThat(tm.transactional()).isTrue();
        assertThat(tm.content()).isEmpty();
        assertThat(((PostgresPosition) tm.position()).ordinal()).isEqualTo(1);
        RowChange r = (RowChange) events.get(3);
        assertThat((byte[]) r.value("note")).containsExactly(1, 2);
        assertThat(events).hasSize(5);
    }

    @Test
    void changedRelationIsAnnouncedButARepeatedIdenticalOneIsNot() throws Exception {
        ByteBuffer changed = relation(null, 16384, "public", "items", 'd', col(1, "id", PgTypes.INT4),
                col(0, "note", PgTypes.TEXT), col(0, "big", PgTypes.TEXT), col(0, "added", PgTypes.DATE));
        feed(begin(0xB000, 10), itemsRelation(null), itemsRelation(null), changed,
                insert(null, 16384, "1", "n", null, "2024-01-01"), commit(0xB000, 0xB010));

        assertThat(events).hasSize(4);
        RelationChange rc = (RelationChange) events.get(1);
        assertThat(rc.table()).isEqualTo(new QualifiedName("public", "items"));
        assertThat(rc.oldColumns()).hasSize(3);
        assertThat(rc.newColumns()).extracting(c -> c.name()).containsExactly("id", "note", "big", "added");
        RowChange r = (RowChange) events.get(2);
        assertThat(r.value("added")).isEqualTo(LocalDate.of(2024, 1, 1));
    }

    @Test
    void streamedTransactionIsEmittedAtStreamCommitInCommitOrder() throws Exception {
        int big = 900;
        feed(streamStart(big, true), itemsRelation(big), insert(big, 16384, "1", "s1", null), streamStop(),
                // an ordinary transaction committing while the streamed one is still in progress
                begin(0xC100, 901), itemsRelation(null), insert(null, 16384, "100", "plain", null), commit(0xC100, 0xC110),
                streamStart(big, false), insert(big, 16384, "2", "s2", TOAST), streamStop());
        assertThat(events).extracting(e -> e.getClass().getSimpleName()).containsExactly("Begin", "RowChange", "Commit");
        assertThat(decoder.openStreamedTransactions()).isEqualTo(1);

        feed(streamCommit(big, 0xC200, 0xC210));
        assertThat(events).hasSize(7);
        Begin b = (Begin) events.get(3);
        assertThat(b.transactionId()).isEqualTo("900");
        assertThat(((PostgresPosition) b.position()).commitLsn()).isEqualTo(0xC200);
        assertThat(((RowChange) events.get(4)).value("note")).isEqualTo("s1");
        RowChange second = (RowChange) events.get(5);
        assertThat(second.value("note")).isEqualTo("s2");
        assertThat(second.isUnchangedToast(2)).isTrue();
        assertThat(((Commit) events.get(6)).position()).isEqualTo(PostgresPosition.commit(0xC200, 0xC210));
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).position()).isGreaterThan(events.get(i - 1).position());
        }
        assertThat(decoder.openStreamedTransactions()).isZero();
    }

    @Test
    void streamAbortDiscardsTheTransactionAndSubtransactionAbortOnlyItsChanges() throws Exception {
        feed(streamStart(50, true), itemsRelation(50), insert(50, 16384, "1", "gone", null), streamStop(),
                streamAbort(50, 50));
        assertThat(events).isEmpty();
        assertThat(decoder.openStreamedTransactions()).isZero();

        feed(streamStart(60, true), itemsRelation(60), insert(60, 16384, "1", "top", null),
                insert(61, 16384, "2", "sub rolled back", null), insert(62, 16384, "3", "sub kept", null), streamStop(),
                streamAbort(60, 61), streamCommit(60, 0xD000, 0xD010));
        assertThat(events).filteredOn(RowChange.class::isInstance).extracting(e -> ((RowChange) e).value("note"))
                .containsExactly("top", "sub kept");
    }

    @Test
    void relationAndTypeFromAnAbortedSubtransactionStayKnownAndStreamedMessagesCarryTheirXid() throws Exception {
        ByteBuffer type = of('Y').i32(61).i32(99002).str("app").str("colour").buffer();
        ByteBuffer rel = relation(61, 500, "app", "paint", 'd', col(1, "id", PgTypes.INT4), col(0, "c", 99002));
        ByteBuffer msg = of('M').i32(60).b(1).i64(0xF008).str("p").i32(1).b('x').buffer();
        feed(streamStart(60, true), type, rel, insert(61, 500, "1", "red"), streamStop(),
                streamStart(60, false), msg, insert(60, 500, "2", "blue"), streamStop(),
                streamAbort(60, 61), streamCommit(60, 0xF000, 0xF010));

        assertThat(events).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("Begin", "LogicalMessage", "RowChange", "Commit");
        RowChange r = (RowChange) events.get(2);
        assertThat(r.value("id")).isEqualTo(2);
        assertThat(r.value("c")).isEqualTo(new TypedText("blue", 99002, "app.colour"));
        assertThat(((LogicalMessage) events.get(1)).content()).containsExactly('x');
        assertThat(decoder.relations()).containsKey(500);
    }

    @Test
    void configRejectsBadNamesAndNeverShowsThePassword() {
        PostgresCdcConfig c = PostgresCdcConfig.forTask("jdbc:postgresql://h/db", "u", "s3cret!".toCharArray(), "Order Sync");
        assertThat(c.slotName()).isEqualTo("ferry_order_sync");
        assertThat(c.toString()).doesNotContain("s3cret!");
        assertThatThrownBy(() -> c.withSlotName("Bad-Name")).hasMessageContaining("'Bad-Name'");
        assertThatThrownBy(() -> PostgresCdcConfig.forTask("jdbc:mysql://h/db", "u", null, "x"))
                .hasMessageContaining("not a PostgreSQL JDBC URL");
        assertThatThrownBy(() -> c.withServerSettings(java.util.Map.of("work_mem", "1'; DROP")))
                .hasMessageContaining("unsupported server setting");
    }

    @Test
    void largeStreamedTransactionSpillsToDiskAndReplaysInOrder(@TempDir Path spill) throws Exception {
        PgOutputDecoder small = new PgOutputDecoder(events::add, 1024, spill);
        small.decode(streamStart(70, true), 1);
        small.decode(itemsRelation(70), 2);
        for (int i = 0; i < 500; i++) {
            small.decode(insert(70, 16384, Integer.toString(i), "row " + i, null), 10 + i);
        }
        small.decode(streamStop(), 600);
        assertThat(small.isSpilled(70)).isTrue();
        try (Stream<Path> files = Files.list(spill)) {
            assertThat(files).hasSize(1);
        }
        small.decode(streamCommit(70, 0xE000, 0xE010), 700);
        List<RowChange> rows = events.stream().filter(RowChange.class::isInstance).map(RowChange.class::cast).toList();
        assertThat(rows).hasSize(500);
        for (int i = 0; i < 500; i++) {
            assertThat(rows.get(i).value("id")).isEqualTo(i);
            assertThat(((PostgresPosition) rows.get(i).position()).changeLsn()).isEqualTo(10 + i);
        }
        try (Stream<Path> files = Files.list(spill)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void malformedInputGetsClearErrors() throws IOException {
        assertThatThrownBy(() -> feed(begin(0x1, 1), insert(null, 555, "1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("relation 555");
        assertThatThrownBy(() -> feed(itemsRelation(null), of('I').i32(16384).b('N').i16(3).b('t').i32(10).buffer()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truncated pgoutput message 'I'");
        assertThatThrownBy(() -> feed(of('Z').buffer()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown pgoutput message type 'Z'");
        assertThatThrownBy(() -> feed(itemsRelation(null), of('I').i32(16384).b('N').tuple("1").buffer()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("public.items")
                .hasMessageContaining("1 columns, the relation has 3");
    }
}
