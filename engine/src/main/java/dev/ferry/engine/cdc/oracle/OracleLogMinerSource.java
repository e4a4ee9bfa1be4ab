package dev.ferry.engine.cdc.oracle;

import dev.ferry.engine.cdc.ChangeCaptureException;
import dev.ferry.engine.cdc.ChangeColumn;
import dev.ferry.engine.cdc.ChangeEvent;
import dev.ferry.engine.cdc.SourcePosition;
import dev.ferry.model.schema.QualifiedName;
import dev.ferry.model.util.Redaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Oracle change capture with LogMiner (online catalog as dictionary, Ferry's own transaction assembly).
 *
 * <p>One mining thread repeats: read {@code CURRENT_SCN}; register the online and archived redo logs that cover the
 * range ({@code DBMS_LOGMNR.ADD_LOGFILE}); {@code DBMS_LOGMNR.START_LOGMNR(STARTSCN, ENDSCN,
 * DICT_FROM_ONLINE_CATALOG + NO_ROWID_IN_STMT)}; select the captured tables' DML and every START / COMMIT / ROLLBACK
 * from {@code V$LOGMNR_CONTENTS} in SCN order; {@code END_LOGMNR}; continue after {@code ENDSCN}. Rows go through
 * {@link LogMinerTransactions} (SQL_REDO parsed by {@link RedoSqlParser}) into a bounded queue.
 *
 * <p><b>Not run against a server here</b>: the parser and the transaction assembly are tested offline; the JDBC part
 * runs only in {@code OracleLogMinerSourceIT} when {@code FERRY_TEST_ORACLE_URL} is set.
 *
 * <p>Threading: {@link #start}, {@link #poll}, {@link #reconnect} from the applier's thread; {@link #acknowledge},
 * {@link #queuedEvents()} from any thread; the mining thread only fills the queue.
 */
public final class OracleLogMinerSource implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OracleLogMinerSource.class);

    private final OracleCdcConfig config;
    private final BlockingQueue<ChangeEvent> queue;
    private final AtomicReference<OraclePosition> acknowledged = new AtomicReference<>();
    private final AtomicReference<ChangeCaptureException> failure = new AtomicReference<>();
    private volatile boolean running;
    private volatile Thread miner;

    public OracleLogMinerSource(OracleCdcConfig config) {
        this.config = config;
        this.queue = new ArrayBlockingQueue<>(config.queueCapacity());
    }

    /** Opens a connection with the session formats {@link RedoSqlParser} expects. */
    private Connection open() throws SQLException {
        Connection c;
        try {
            c = DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password() == null ? null : new String(config.password()));
        } catch (SQLException e) {
            throw new SQLException("could not connect to " + Redaction.redact(config.jdbcUrl()) + ": "
                    + Redaction.redact(String.valueOf(e.getMessage())), e.getSQLState(), e);
        }
        try (Statement st = c.createStatement()) {
            st.execute("ALTER SESSION SET NLS_DATE_FORMAT = '" + RedoSqlParser.NLS_DATE_FORMAT + "'");
            st.execute("ALTER SESSION SET NLS_TIMESTAMP_FORMAT = '" + RedoSqlParser.NLS_TIMESTAMP_FORMAT + "'");
            st.execute("ALTER SESSION SET NLS_TIMESTAMP_TZ_FORMAT = '" + RedoSqlParser.NLS_TIMESTAMP_TZ_FORMAT + "'");
            st.execute("ALTER SESSION SET NLS_NUMERIC_CHARACTERS = '.,'");
        }
        return c;
    }

    /** The database's current SCN (a start position for a new task: {@link OraclePosition#afterScn}). */
    public long currentScn() throws SQLException {
        try (Connection c = open()) {
            return currentScn(c);
        }
    }

    private static long currentScn(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT CURRENT_SCN FROM V$DATABASE")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Reads the captured tables' columns, Oracle types and primary keys from the dictionary. */
    Map<QualifiedName, OracleTableInfo> readTables(Connection c) throws SQLException {
        Map<QualifiedName, OracleTableInfo> m = new HashMap<>();
        for (QualifiedName t : config.tables()) {
            Set<String> pk = new LinkedHashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT cc.COLUMN_NAME FROM ALL_CONSTRAINTS k JOIN ALL_CONS_COLUMNS cc "
                    + "ON cc.OWNER = k.OWNER AND cc.CONSTRAINT_NAME = k.CONSTRAINT_NAME WHERE k.CONSTRAINT_TYPE = 'P' "
                    + "AND k.OWNER = ? AND k.TABLE_NAME = ? ORDER BY cc.POSITION")) {
                ps.setString(1, t.schema());
                ps.setString(2, t.name());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        pk.add(rs.getString(1));
                    }
                }
            }
            List<ChangeColumn> cols = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT COLUMN_NAME, DATA_TYPE, COLUMN_ID FROM ALL_TAB_COLUMNS "
                    + "WHERE OWNER = ? AND TABLE_NAME = ? ORDER BY COLUMN_ID")) {
                ps.setString(1, t.schema());
                ps.setString(2, t.name());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String name = rs.getString(1);
                        cols.add(new ChangeColumn(name, rs.getString(2), 0, -1, pk.isEmpty() || pk.contains(name)));
                    }
                }
            }
            if (cols.isEmpty()) {
                throw new SQLException("Oracle table " + t + " does not exist or is not visible to " + config.user());
            }
            m.put(t, new OracleTableInfo(t, cols));
        }
        return m;
    }

    /**
     * Starts mining on a new thread after {@code after} (its restart SCN; transactions committed at or before it are
     * not delivered); {@code null}: from the current SCN.
     */
    public synchronized void start(OraclePosition after) throws SQLException {
        if (running) {
            throw new IllegalStateException("LogMiner capture is already running");
        }
        failure.set(null);
        Connection c = open();
        OraclePosition from;
        Map<QualifiedName, OracleTableInfo> tables;
        try {
            from = after != null ? after : OraclePosition.afterScn(currentScn(c));
            tables = readTables(c);
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        acknowledged.accumulateAndGet(from, (a, b) -> a == null || b.compareTo(a) > 0 ? b : a);
        running = true;
        Thread t = new Thread(() -> mine(c, from, tables), "ferry-oracle-logminer");
        t.setDaemon(true);
        miner = t;
        t.start();
    }

    private void mine(Connection c, OraclePosition from, Map<QualifiedName, OracleTableInfo> tables) {
        LogMinerTransactions tx = new LogMinerTransactions(tables::get, this::put, from);
        long next = from.restartScn();
        String filter = config.tables().stream().map(t -> "(SEG_OWNER = ? AND TABLE_NAME = ?)").collect(Collectors.joining(" OR "));
        String select = "SELECT SCN, OPERATION_CODE, RAWTOHEX(XID), SEG_OWNER, TABLE_NAME, SQL_REDO, CSF, ROLLBACK, ROW_ID, TIMESTAMP "
                + "FROM V$LOGMNR_CONTENTS WHERE OPERATION_CODE IN (6, 7, 36) OR (OPERATION_CODE IN (1, 2, 3, 5) AND (" + filter + "))";
        try {
            while (running) {
                long end = currentScn(c);
                if (end <= next) {
                    Thread.sleep(config.pollInterval().toMillis());
                    continue;
                }
                addLogFiles(c, next);
                try (CallableStatement cs = c.prepareCall("BEGIN DBMS_LOGMNR.START_LOGMNR(STARTSCN => ?, ENDSCN => ?, "
                        + "OPTIONS => DBMS_LOGMNR.DICT_FROM_ONLINE_CATALOG + DBMS_LOGMNR.NO_ROWID_IN_STMT); END;")) {
                    cs.setLong(1, next);
                    cs.setLong(2, end);
                    cs.execute();
                }
                try (PreparedStatement ps = c.prepareStatement(select)) {
                    int p = 1;
                    for (QualifiedName t : config.tables()) {
                        ps.setString(p++, t.schema());
                        ps.setString(p++, t.name());
                    }
                    ps.setFetchSize(2000);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next() && running) {
                            Timestamp ts = rs.getTimestamp(10);
                            tx.accept(new LogMinerRow(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                    rs.getString(6), rs.getInt(7) == 1, rs.getInt(8) == 1, rs.getString(9),
                                    ts == null ? null : ts.toInstant()));
                        }
                    }
                } finally {
                    try (Statement st = c.createStatement()) {
                        st.execute("BEGIN DBMS_LOGMNR.END_LOGMNR; END;");
                    }
                }
                next = end + 1;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException e) {
            failure.set(new ChangeCaptureException("LogMiner capture failed: " + Redaction.redact(String.valueOf(e.getMessage())),
                    isConnectionLoss(e), e));
        } catch (ChangeCaptureException e) {
            failure.set(e);
        } finally {
            running = false;
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing
            }
        }
    }

    /** Registers the online logs and the archived logs that may hold SCNs from {@code fromScn} on. */
    private static void addLogFiles(Connection c, long fromScn) throws SQLException {
        List<String> files = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT NAME FROM V$ARCHIVED_LOG WHERE NAME IS NOT NULL AND STANDBY_DEST = 'NO' "
                + "AND DELETED = 'NO' AND NEXT_CHANGE# > ? AND FIRST_CHANGE# < (SELECT MIN(FIRST_CHANGE#) FROM V$LOG) "
                + "ORDER BY SEQUENCE#")) {
            ps.setLong(1, fromScn);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    files.add(rs.getString(1));
                }
            }
        }
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT MIN(f.MEMBER) FROM V$LOG l "
                + "JOIN V$LOGFILE f ON f.GROUP# = l.GROUP# GROUP BY l.GROUP#, l.SEQUENCE# ORDER BY l.SEQUENCE#")) {
            while (rs.next()) {
                files.add(rs.getString(1));
            }
        }
        boolean first = true;
        for (String f : files) {
            try (CallableStatement cs = c.prepareCall("BEGIN DBMS_LOGMNR.ADD_LOGFILE(LOGFILENAME => ?, OPTIONS => ?); END;")) {
                cs.setString(1, f);
                cs.setInt(2, first ? 1 : 3); // DBMS_LOGMNR.NEW = 1, ADDFILE = 3
                cs.execute();
            }
            first = false;
        }
    }

    private void put(ChangeEvent e) {
        try {
            while (running && !queue.offer(e, 100, TimeUnit.MILLISECONDS)) {
                // back-pressure: the applier is behind
            }
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new ChangeCaptureException("interrupted while queueing", false, ie);
        }
    }

    private static boolean isConnectionLoss(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("08") || e instanceof java.sql.SQLRecoverableException;
    }

    /** The next event or {@code null} after {@code timeout}; throws when mining failed and the queue is drained. */
    public ChangeEvent poll(Duration timeout) throws InterruptedException {
        ChangeEvent e = queue.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (e == null) {
            ChangeCaptureException f = failure.get();
            if (f != null && queue.isEmpty()) {
                throw f;
            }
        }
        return e;
    }

    /** The target applied everything up to {@code position}; a restart resumes after it. */
    public void acknowledge(SourcePosition position) {
        OraclePosition p = (OraclePosition) position;
        acknowledged.accumulateAndGet(p, (a, b) -> a == null || b.compareTo(a) > 0 ? b : a);
    }

    public Optional<OraclePosition> lastAcknowledged() {
        return Optional.ofNullable(acknowledged.get());
    }

    public int queuedEvents() {
        return queue.size();
    }

    /** Stops mining, drops the queue and starts again after the last acknowledged position. */
    public synchronized void reconnect() throws SQLException, InterruptedException {
        stop();
        queue.clear();
        start(acknowledged.get());
    }

    /** Stops the mining thread (waits up to 30 s). */
    public synchronized void stop() throws InterruptedException {
        running = false;
        Thread t = miner;
        if (t != null) {
            t.join(30_000);
        }
        miner = null;
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
