package dev.ferry.engine.cdc.oracle;

import dev.ferry.engine.cdc.ChangeCaptureException;
import dev.ferry.engine.cdc.ChangeColumn;
import dev.ferry.engine.cdc.ChangeEvent;
import dev.ferry.engine.cdc.ValueMarker;
import dev.ferry.model.schema.QualifiedName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Transaction assembly over LogMiner rows written by hand (the order and columns V$LOGMNR_CONTENTS documents). */
class LogMinerTransactionsTest {

    private static final QualifiedName EMP = new QualifiedName("HR", "EMP");
    private static final OracleTableInfo INFO = new OracleTableInfo(EMP, List.of(
            new ChangeColumn("ID", "NUMBER", 0, -1, true),
            new ChangeColumn("NAME", "VARCHAR2", 0, -1, false),
            new ChangeColumn("HIRED", "DATE", 0, -1, false),
            new ChangeColumn("PHOTO", "BLOB", 0, -1, false)));
    private static final Instant T = Instant.parse("2024-05-01T10:00:00Z");

    private final List<ChangeEvent> events = new ArrayList<>();

    private LogMinerTransactions assembler(OraclePosition skip) {
        return new LogMinerTransactions(q -> q.equals(EMP) ? INFO : null, events::add, skip);
    }

    private static LogMinerRow row(long scn, int op, String xid, String sql) {
        return new LogMinerRow(scn, op, xid, "HR", "EMP", sql, false, false, "AAAR" + scn, T);
    }

    private static LogMinerRow control(long scn, int op, String xid) {
        return new LogMinerRow(scn, op, xid, null, null, null, false, false, null, T.plusSeconds(scn));
    }

    @Test
    void interleavedTransactionsAreEmittedWholeInCommitOrder() {
        LogMinerTransactions a = assembler(null);
        a.accept(control(100, LogMinerRow.START, "X1"));
        a.accept(row(101, LogMinerRow.INSERT, "X1", "insert into \"HR\".\"EMP\"(\"ID\",\"NAME\",\"HIRED\",\"PHOTO\") values "
                + "('1','Ann',TO_DATE('2020-01-02 03:04:05', 'YYYY-MM-DD HH24:MI:SS'),NULL);"));
        a.accept(control(102, LogMinerRow.START, "X2"));
        a.accept(row(103, LogMinerRow.UPDATE, "X2", "update \"HR\".\"EMP\" set \"NAME\" = 'Bob' where \"ID\" = '7' and \"NAME\" = 'Bo';"));
        a.accept(new LogMinerRow(104, LogMinerRow.INSERT, "X3", "SCOTT", "OTHER", "insert into \"SCOTT\".\"OTHER\"(\"A\") values ('1');",
                false, false, "R", T)); // not captured
        a.accept(control(105, LogMinerRow.COMMIT, "X2"));
        assertThat(a.openTransactions()).isEqualTo(1);
        assertThat(a.restartScn(105)).isEqualTo(100); // X1 is still open: a restart must mine from its start
        a.accept(row(106, LogMinerRow.DELETE, "X1", "delete from \"HR\".\"EMP\" where \"ID\" = '2';"));
        a.accept(control(107, LogMinerRow.COMMIT, "X1"));

        assertThat(events).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("Begin", "RowChange", "Commit", "Begin", "RowChange", "RowChange", "Commit");
        ChangeEvent.RowChange upd = (ChangeEvent.RowChange) events.get(1);
        assertThat(upd.operation()).isEqualTo(ChangeEvent.Operation.UPDATE);
        assertThat(upd.beforeImage()).isEqualTo(ChangeEvent.BeforeImage.KEY);
        assertThat(upd.before()).containsExactly(new BigDecimal("7"), "Bo", null, null);
        // HIRED and PHOTO were not logged: the target keeps them
        assertThat(upd.after()).containsExactly(new BigDecimal("7"), "Bob", ValueMarker.UNCHANGED_TOAST, ValueMarker.UNCHANGED_TOAST);
        assertThat(((OraclePosition) events.get(2).position()).restartScn()).isEqualTo(100);
        ChangeEvent.RowChange ins = (ChangeEvent.RowChange) events.get(4);
        assertThat(ins.after()).containsExactly(new BigDecimal("1"), "Ann", LocalDateTime.of(2020, 1, 2, 3, 4, 5), null);
        ChangeEvent.RowChange del = (ChangeEvent.RowChange) events.get(5);
        assertThat(del.before().get(0)).isEqualTo(new BigDecimal("2"));
        assertThat(del.after()).isNull();
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).position().toText()).isGreaterThan(events.get(i - 1).position().toText());
        }
        assertThat(events.get(6).position().isTransactionEnd()).isTrue();
        assertThat(((ChangeEvent.Commit) events.get(6)).commitTime()).isEqualTo(T.plusSeconds(107));
    }

    @Test
    void rollbacksContinuedRedoAndTransactionsSharingACommitScn() {
        LogMinerTransactions a = assembler(null);
        a.accept(control(10, LogMinerRow.START, "R"));
        a.accept(row(11, LogMinerRow.INSERT, "R", "insert into \"HR\".\"EMP\"(\"ID\") values ('9');"));
        a.accept(control(12, LogMinerRow.ROLLBACK, "R"));
        // a statement split over three rows (CSF = 1), and a change undone by a rollback to savepoint
        a.accept(new LogMinerRow(20, LogMinerRow.INSERT, "A", "HR", "EMP", "insert into \"HR\".\"EMP\"(\"ID\",\"NA", true, false, "r1", T));
        a.accept(new LogMinerRow(20, LogMinerRow.INSERT, "A", "HR", "EMP", "ME\") values ('1','long ", true, false, "r1", T));
        a.accept(new LogMinerRow(20, LogMinerRow.INSERT, "A", "HR", "EMP", "name');", false, false, "r1", T));
        a.accept(new LogMinerRow(21, LogMinerRow.INSERT, "A", "HR", "EMP", "insert into \"HR\".\"EMP\"(\"ID\") values ('2');",
                false, false, "r2", T));
        a.accept(new LogMinerRow(22, LogMinerRow.DELETE, "A", "HR", "EMP", "delete from \"HR\".\"EMP\" where \"ID\" = '2';",
                false, true, "r2", T));
        a.accept(row(23, LogMinerRow.INSERT, "B", "insert into \"HR\".\"EMP\"(\"ID\") values ('3');"));
        a.accept(control(30, LogMinerRow.COMMIT, "A"));
        a.accept(control(30, LogMinerRow.COMMIT, "B")); // same commit SCN
        assertThat(events).hasSize(6);
        ChangeEvent.RowChange first = (ChangeEvent.RowChange) events.get(1);
        assertThat(first.after()).containsExactly(new BigDecimal("1"), "long name", null, null);
        OraclePosition endA = (OraclePosition) events.get(2).position();
        OraclePosition beginB = (OraclePosition) events.get(3).position();
        assertThat(beginB.toText()).isGreaterThan(endA.toText());
        assertThat(beginB.index()).isEqualTo(1);

        // mined again after a restart that acknowledged A: only B comes again
        events.clear();
        LogMinerTransactions again = assembler(endA);
        again.accept(row(21, LogMinerRow.INSERT, "A", "insert into \"HR\".\"EMP\"(\"ID\") values ('1');"));
        again.accept(row(23, LogMinerRow.INSERT, "B", "insert into \"HR\".\"EMP\"(\"ID\") values ('3');"));
        again.accept(control(30, LogMinerRow.COMMIT, "A"));
        again.accept(control(30, LogMinerRow.COMMIT, "B"));
        assertThat(events).hasSize(3);
        assertThat(((ChangeEvent.RowChange) events.get(1)).after().get(0)).isEqualTo(new BigDecimal("3"));
        assertThat(events.get(0).position()).isEqualTo(beginB);
    }

    @Test
    void unreadableRedoAndDdlStopWithTheTableAndScn() {
        LogMinerTransactions a = assembler(null);
        assertThatThrownBy(() -> a.accept(row(5, LogMinerRow.INSERT, "X", "insert into \"HR\".\"EMP\"(\"ID\") values (SYSDATE);")))
                .isInstanceOf(ChangeCaptureException.class).hasMessageContaining("table HR.EMP at SCN 5")
                .hasMessageContaining("unsupported literal");
        assertThatThrownBy(() -> a.accept(row(6, LogMinerRow.UPDATE, "X", "update \"HR\".\"EMP\" set \"NAME\" = 'x' where \"NAME\" = 'y';")))
                .hasMessageContaining("does not carry key column ID");
        assertThatThrownBy(() -> a.accept(row(7, LogMinerRow.INSERT, "X", "insert into \"HR\".\"EMP\"(\"ID\",\"NOPE\") values ('1','2');")))
                .hasMessageContaining("column NOPE that the table does not have");
        assertThatThrownBy(() -> a.accept(row(8, LogMinerRow.DDL, "X", "alter table \"HR\".\"EMP\" add (x number);")))
                .hasMessageContaining("DDL on captured table HR.EMP at SCN 8");
        a.accept(new LogMinerRow(9, LogMinerRow.DDL, "X", "HR", "NOT_CAPTURED", "create index ...", false, false, null, T));
        assertThat(Arrays.asList(events.toArray())).isEmpty();
    }
}
