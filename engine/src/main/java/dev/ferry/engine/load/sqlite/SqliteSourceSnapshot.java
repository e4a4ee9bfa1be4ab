package dev.ferry.engine.load.sqlite;

import dev.ferry.engine.load.ConnectionSupplier;
import dev.ferry.engine.load.SourceSnapshot;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;

/**
 * SQLite consistency, the SQLite counterpart of MySQL's {@code FLUSH TABLES WITH READ LOCK}: every reader opens a read
 * transaction and reads once, which fixes its snapshot.
 * <ul>
 *   <li><b>WAL mode</b>: a reader sees the database as of its first read, so readers opened one after another could see
 *       different commits. A guard connection therefore takes the write lock ({@code BEGIN IMMEDIATE}) while the readers
 *       start: no other connection can commit in that window, so all readers see the same state. The lock is released
 *       as soon as the last reader has read (reported as {@code lockHeldMs}); writers only wait, they do not fail,
 *       unless they wait longer than their own busy timeout.</li>
 *   <li><b>Rollback-journal modes</b>: a reader's shared lock already blocks every commit until the readers end, so no
 *       guard is needed.</li>
 * </ul>
 * A file that cannot be locked for writing (read-only file or medium) cannot change under the readers either; the
 * guard is skipped with a log line. There is no change log, hence no log position.
 *
 * <p>Thread contract: {@link #openReaders} from one thread; {@link #position} afterwards from any thread.
 */
public final class SqliteSourceSnapshot implements SourceSnapshot {

    private static final Logger LOG = Logger.getLogger(SqliteSourceSnapshot.class.getName());

    /** How long the guard waits for another connection's write transaction to end before giving up. */
    private static final int GUARD_BUSY_TIMEOUT_MS = 30_000;

    private volatile Map<String, String> position = Map.of("engine", "sqlite");

    @Override
    public List<Connection> openReaders(ConnectionSupplier source, int n) throws SQLException {
        List<Connection> list = new ArrayList<>();
        try (Connection guard = source.open()) {
            String journal = journalMode(guard);
            boolean locked = "wal".equals(journal) && lock(guard);
            long t0 = System.nanoTime();
            try {
                for (int i = 0; i < n; i++) {
                    Connection c = source.open();
                    list.add(c);
                    c.setAutoCommit(false);
                    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM sqlite_master")) {
                        rs.next();
                    }
                }
            } finally {
                if (locked) {
                    try (Statement st = guard.createStatement()) {
                        st.execute("ROLLBACK");
                    }
                }
            }
            long heldMs = (System.nanoTime() - t0) / 1_000_000;
            Map<String, String> p = new LinkedHashMap<>();
            p.put("engine", "sqlite");
            p.put("journalMode", journal);
            p.put("writeLockHeld", Boolean.toString(locked));
            if (locked) {
                p.put("lockHeldMs", Long.toString(heldMs));
                LOG.fine(() -> "SQLite write lock held " + heldMs + " ms while " + n + " readers took their snapshot");
            }
            position = Map.copyOf(p);
        } catch (SQLException | RuntimeException e) {
            SourceSnapshot.closeAll(list);
            throw e;
        }
        return list;
    }

    private static String journalMode(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
            return rs.next() ? rs.getString(1).toLowerCase(Locale.ROOT) : "unknown";
        }
    }

    /** Takes the write lock; false (with a log line) when the file cannot be written, so nobody can commit anyway. */
    private static boolean lock(Connection guard) throws SQLException {
        try (Statement st = guard.createStatement()) {
            st.execute("PRAGMA busy_timeout = " + GUARD_BUSY_TIMEOUT_MS);
            if (readOnly(guard)) {
                LOG.info("SQLite source is read-only: readers need no write lock to share one state");
                return false;
            }
            try {
                st.execute("BEGIN IMMEDIATE");
            } catch (SQLException e) {
                if (String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("readonly")) {
                    LOG.info("SQLite source file is read-only: readers need no write lock to share one state");
                    return false;
                }
                throw new SQLException("could not take the SQLite write lock that aligns the readers' snapshots (another "
                        + "connection kept a write transaction open for " + GUARD_BUSY_TIMEOUT_MS / 1000 + " s): "
                        + e.getMessage(), e.getSQLState(), e);
            }
            return true;
        }
    }

    private static boolean readOnly(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA main.query_only")) {
            if (rs.next() && rs.getInt(1) != 0) {
                return true;
            }
        }
        return c.isReadOnly();
    }

    @Override
    public Map<String, String> position() {
        return position;
    }

    @Override
    public void close() {
    }
}
