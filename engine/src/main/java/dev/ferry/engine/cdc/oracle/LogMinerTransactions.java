package dev.ferry.engine.cdc.oracle;

import dev.ferry.engine.cdc.ChangeCaptureException;
import dev.ferry.engine.cdc.ChangeColumn;
import dev.ferry.engine.cdc.ChangeEvent;
import dev.ferry.engine.cdc.ValueMarker;
import dev.ferry.model.schema.QualifiedName;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Ferry's own transaction assembly over LogMiner rows (instead of {@code COMMITTED_DATA_ONLY}, which needs the whole
 * transaction inside the mined range): changes are buffered per transaction id and emitted as {@code Begin}, row
 * changes, {@code Commit} when its COMMIT row arrives; a ROLLBACK drops the buffer, a row with {@code ROLLBACK = 1}
 * (rollback to a savepoint) removes the latest buffered change of the same ROWID. Continued {@code SQL_REDO}
 * ({@code CSF = 1}) is concatenated before parsing.
 *
 * <p>Positions: the commit SCN orders transactions; every event also carries the restart SCN (the oldest start SCN of
 * the transactions still open), from which mining resumes after a restart. Transactions committed at or before
 * {@code skipThrough} (the last acknowledged commit) are assembled but not emitted.
 *
 * <p>Row images: INSERT values go to {@code after}; UPDATE and DELETE WHERE values (supplemental logging) form the
 * before image ({@code FULL} when every column is there, else {@code KEY}); UPDATE's {@code after} is the SET values
 * over the old values, and columns in neither are {@link ValueMarker#UNCHANGED_TOAST} (not logged: the target keeps its
 * value).
 *
 * <p>Not thread-safe: the source's mining thread only.
 */
public final class LogMinerTransactions {

    private final RedoSqlParser parser = new RedoSqlParser();
    private final Function<QualifiedName, OracleTableInfo> tables;
    private final Consumer<ChangeEvent> out;
    private final Map<String, Open> open = new LinkedHashMap<>();
    private OraclePosition skipThrough;     // last commit applied before (null: none)
    private long lastCommitScn = -1;
    private int indexAtScn;

    private static final class Open {
        final long startScn;
        final List<Pending> changes = new ArrayList<>();
        StringBuilder fragment;
        java.time.Instant firstTime;

        Open(long startScn) {
            this.startScn = startScn;
        }
    }

    private record Pending(ChangeEvent.Operation op, QualifiedName table, List<ChangeColumn> columns,
                           ChangeEvent.BeforeImage image, List<Object> before, List<Object> after, String rowId) {
    }

    /**
     * @param tables      the captured tables by owner and name ({@code null} for a table that is not captured)
     * @param out         receives the events of committed transactions, in commit order
     * @param skipThrough the last commit applied already; transactions at or before it are not emitted ({@code null}: none)
     */
    public LogMinerTransactions(Function<QualifiedName, OracleTableInfo> tables, Consumer<ChangeEvent> out,
                                OraclePosition skipThrough) {
        this.tables = tables;
        this.out = out;
        this.skipThrough = skipThrough;
    }

    /** The SCN from which mining must restart to see every open transaction from its start. */
    public long restartScn(long fallback) {
        long min = fallback;
        for (Open o : open.values()) {
            min = Math.min(min, o.startScn);
        }
        return min;
    }

    /** Open transactions (for metrics and tests). */
    public int openTransactions() {
        return open.size();
    }

    /** Feeds one row; may emit a whole transaction. */
    public void accept(LogMinerRow row) {
        switch (row.operationCode()) {
            case LogMinerRow.START -> open.computeIfAbsent(row.xid(), x -> new Open(row.scn()));
            case LogMinerRow.ROLLBACK -> open.remove(row.xid());
            case LogMinerRow.COMMIT -> commit(row);
            case LogMinerRow.INSERT, LogMinerRow.UPDATE, LogMinerRow.DELETE -> change(row);
            case LogMinerRow.DDL -> {
                QualifiedName q = new QualifiedName(row.owner(), row.table());
                if (row.table() != null && tables.apply(q) != null) {
                    throw new ChangeCaptureException("DDL on captured table " + q + " at SCN " + row.scn() + ": "
                            + row.sqlRedo() + " — the task pauses; adapt the target and restart", false, null);
                }
            }
            default -> {
                // other operations (SELECT_LOB_LOCATOR, internal) carry no row change Ferry applies
            }
        }
    }

    private void change(LogMinerRow row) {
        QualifiedName q = new QualifiedName(row.owner(), row.table());
        OracleTableInfo info = tables.apply(q);
        if (info == null) {
            return;
        }
        Open tx = open.computeIfAbsent(row.xid(), x -> new Open(row.scn()));
        if (tx.firstTime == null) {
            tx.firstTime = row.timestamp();
        }
        if (row.continued()) {
            if (tx.fragment == null) {
                tx.fragment = new StringBuilder();
            }
            tx.fragment.append(row.sqlRedo());
            return;
        }
        String sql = row.sqlRedo();
        if (tx.fragment != null) {
            sql = tx.fragment.append(sql).toString();
            tx.fragment = null;
        }
        if (row.rollback()) {
            for (int k = tx.changes.size() - 1; k >= 0; k--) {
                if (row.rowId() != null && row.rowId().equals(tx.changes.get(k).rowId())) {
                    tx.changes.remove(k);
                    return;
                }
            }
            return;
        }
        RedoStatement st;
        try {
            st = parser.parse(sql);
        } catch (RedoSqlParser.RedoParseException e) {
            throw new ChangeCaptureException("table " + q + " at SCN " + row.scn() + ": " + e.getMessage(), false, e);
        }
        tx.changes.add(toPending(st, info, row));
    }

    private Pending toPending(RedoStatement st, OracleTableInfo info, LogMinerRow row) {
        List<ChangeColumn> cols = info.columns();
        int n = cols.size();
        try {
            switch (st.operation()) {
                case INSERT -> {
                    Object[] after = new Object[n];
                    fill(after, st.newValues(), info, row);
                    return new Pending(st.operation(), info.name(), cols, ChangeEvent.BeforeImage.NONE, null,
                            Arrays.asList(after), row.rowId());
                }
                case UPDATE, DELETE -> {
                    Object[] before = new Object[n];
                    boolean[] known = fill(before, st.oldValues(), info, row);
                    boolean full = true;
                    for (boolean k : known) {
                        full &= k;
                    }
                    for (int i = 0; i < n; i++) {
                        if (cols.get(i).key() && !known[i]) {
                            throw new ChangeCaptureException("table " + info.name() + " at SCN " + row.scn() + ": the redo of the "
                                    + st.operation() + " does not carry key column " + cols.get(i).name()
                                    + " (add supplemental logging for the primary key)", false, null);
                        }
                    }
                    ChangeEvent.BeforeImage image = full ? ChangeEvent.BeforeImage.FULL : ChangeEvent.BeforeImage.KEY;
                    if (st.operation() == ChangeEvent.Operation.DELETE) {
                        return new Pending(st.operation(), info.name(), cols, image, Arrays.asList(before), null, row.rowId());
                    }
                    Object[] after = new Object[n];
                    for (int i = 0; i < n; i++) {
                        after[i] = known[i] ? before[i] : ValueMarker.UNCHANGED_TOAST;
                    }
                    boolean[] set = fill(after, st.newValues(), info, row);
                    for (int i = 0; i < n; i++) {
                        if (!set[i] && !known[i]) {
                            after[i] = ValueMarker.UNCHANGED_TOAST;
                        }
                    }
                    return new Pending(st.operation(), info.name(), cols, image, Arrays.asList(before), Arrays.asList(after),
                            row.rowId());
                }
                default -> throw new IllegalStateException(String.valueOf(st.operation()));
            }
        } catch (IllegalArgumentException e) {
            throw new ChangeCaptureException("table " + info.name() + " at SCN " + row.scn() + ": " + e.getMessage(), false, e);
        }
    }

    /** Puts the converted values into {@code into} by column; returns which columns were given. */
    private static boolean[] fill(Object[] into, Map<String, Object> values, OracleTableInfo info, LogMinerRow row) {
        boolean[] given = new boolean[into.length];
        for (Map.Entry<String, Object> v : values.entrySet()) {
            int i = info.indexOf(v.getKey());
            if (i < 0) {
                throw new IllegalArgumentException("the redo names column " + v.getKey() + " that the table does not have");
            }
            ChangeColumn c = info.columns().get(i);
            into[i] = OracleValues.toJava(v.getValue(), c.typeName(), c.name());
            given[i] = true;
        }
        return given;
    }

    private void commit(LogMinerRow row) {
        Open tx = open.remove(row.xid());
        long commitScn = row.scn();
        // every commit counts for the index, captured or not, so re-mining gives the same positions
        indexAtScn = commitScn == lastCommitScn ? indexAtScn + 1 : 0;
        lastCommitScn = commitScn;
        if (tx == null || tx.changes.isEmpty()) {
            return; // no captured change
        }
        OraclePosition end = new OraclePosition(commitScn, indexAtScn, OraclePosition.COMMIT_ORDINAL, restartScn(commitScn));
        if (skipThrough != null && end.compareTo(skipThrough) <= 0) {
            return; // applied before a restart
        }
        String xid = row.xid();
        out.accept(new ChangeEvent.Begin(xid, new OraclePosition(commitScn, indexAtScn, 0, end.restartScn()), row.timestamp()));
        long ordinal = 1;
        for (Pending p : tx.changes) {
            out.accept(new ChangeEvent.RowChange(p.op(), p.table(), p.columns(), p.image(), p.before(), p.after(),
                    new OraclePosition(commitScn, indexAtScn, ordinal++, end.restartScn())));
        }
        out.accept(new ChangeEvent.Commit(xid, end, row.timestamp()));
        skipThrough = end;
    }

    /** Everything buffered is dropped (the mining session restarts from a restart SCN). */
    public void reset(OraclePosition skipThroughPosition) {
        open.clear();
        skipThrough = skipThroughPosition;
        lastCommitScn = -1;
        indexAtScn = 0;
    }

    /** Transactions by id with their start SCN (diagnostics). */
    Map<String, Long> openStarts() {
        Map<String, Long> m = new HashMap<>();
        open.forEach((k, v) -> m.put(k, v.startScn));
        return m;
    }
}
