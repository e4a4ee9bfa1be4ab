package dev.ferry.engine.load;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The load's local state in a SQLite file (e.g. beside the project): per task the snapshot position, per table the
 * ranges (kept from the first run so a resumed load splits the same way) and per range PENDING/RUNNING/DONE/FAILED with
 * rows, bytes, attempts and timestamps. Rejected rows are appended to {@code <file>.exceptions.jsonl} beside it.
 *
 * <p>The TARGET's {@code ferry_load_state} markers, committed in the same transaction as each range's rows, are the
 * truth for "is this range loaded"; this store is the plan, the progress and the history, and is reconciled with the
 * markers at the start of every run.
 *
 * <p>Thread-safe: every method is synchronized on one connection; WAL journal with synchronous=NORMAL.
 */
public final class LoadStateStore implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Path exceptionsFile;
    private final Connection connection;
    private BufferedWriter exceptions;

    private LoadStateStore(Path file, Connection connection) {
        this.file = file;
        this.exceptionsFile = file.resolveSibling(file.getFileName() + ".exceptions.jsonl");
        this.connection = connection;
    }

    public static LoadStateStore open(Path file) throws SQLException {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new SQLException("cannot create the directory of state store " + file + ": " + e.getMessage(), e);
        }
        // the driver directly: DriverManager would first load and initialise every JDBC driver on the class path
        Connection c = new org.sqlite.JDBC().connect("jdbc:sqlite:" + file.toAbsolutePath(), new java.util.Properties());
        try (Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode=WAL");
            st.execute("PRAGMA synchronous=NORMAL");
            st.execute("PRAGMA busy_timeout=10000");
            st.execute("CREATE TABLE IF NOT EXISTS load_task (task TEXT PRIMARY KEY, first_position TEXT, position TEXT, "
                    + "status TEXT NOT NULL, runs INTEGER NOT NULL DEFAULT 0, started_at TEXT, finished_at TEXT)");
            st.execute("CREATE TABLE IF NOT EXISTS load_range (task TEXT NOT NULL, table_name TEXT NOT NULL, "
                    + "range_index INTEGER NOT NULL, lo INTEGER, hi INTEGER, state TEXT NOT NULL, row_count INTEGER NOT NULL DEFAULT 0, "
                    + "byte_count INTEGER NOT NULL DEFAULT 0, rejected INTEGER NOT NULL DEFAULT 0, attempts INTEGER NOT NULL DEFAULT 0, "
                    + "started_at TEXT, finished_at TEXT, error TEXT, PRIMARY KEY (task, table_name, range_index))");
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return new LoadStateStore(file, c);
    }

    public Path file() {
        return file;
    }

    /** The JSONL file rejected rows are appended to. */
    public Path exceptionsFile() {
        return exceptionsFile;
    }

    /** Records a run's start; the FIRST run's position is kept as {@code first_position} (CDC must start there). */
    public synchronized void beginRun(String task, Map<String, String> position) throws SQLException {
        String pos = json(position);
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO load_task(task, first_position, position, status, runs, started_at) VALUES (?,?,?,'RUNNING',1,?) "
                        + "ON CONFLICT(task) DO UPDATE SET position = excluded.position, status = 'RUNNING', runs = runs + 1, "
                        + "started_at = excluded.started_at, finished_at = NULL")) {
            ps.setString(1, task);
            ps.setString(2, pos);
            ps.setString(3, pos);
            ps.setString(4, Instant.now().toString());
            ps.executeUpdate();
        }
    }

    public synchronized void finishRun(String task, String status) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("UPDATE load_task SET status = ?, finished_at = ? WHERE task = ?")) {
            ps.setString(1, status);
            ps.setString(2, Instant.now().toString());
            ps.setString(3, task);
            ps.executeUpdate();
        }
    }

    /** The task's status (RUNNING, DONE, FAILED), if it ever ran. */
    public synchronized Optional<String> taskStatus(String task) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT status FROM load_task WHERE task = ?")) {
            ps.setString(1, task);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** The position of the first run's snapshot (where CDC must start after a resumed load), or empty. */
    public synchronized Map<String, String> firstPosition(String task) throws SQLException {
        return position(task, "first_position");
    }

    /** The position of the latest run's snapshot, or empty. */
    public synchronized Map<String, String> position(String task) throws SQLException {
        return position(task, "position");
    }

    private Map<String, String> position(String task, String column) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + column + " FROM load_task WHERE task = ?")) {
            ps.setString(1, task);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getString(1) == null) {
                    return Map.of();
                }
                try {
                    return JSON.readValue(rs.getString(1), new TypeReference<LinkedHashMap<String, String>>() { });
                } catch (IOException e) {
                    throw new SQLException("state store " + file + ": unreadable position of task " + task, e);
                }
            }
        }
    }

    /** The ranges stored for a table (in index order), empty when the table was never planned. */
    public synchronized List<RangeState> ranges(String task, String table) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT table_name, range_index, lo, hi, state, row_count, "
                + "byte_count, rejected, attempts FROM load_range WHERE task = ? AND table_name = ? ORDER BY range_index")) {
            ps.setString(1, task);
            ps.setString(2, table);
            return states(ps);
        }
    }

    /** Every range of the task. */
    public synchronized List<RangeState> ranges(String task) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT table_name, range_index, lo, hi, state, row_count, "
                + "byte_count, rejected, attempts FROM load_range WHERE task = ? ORDER BY table_name, range_index")) {
            ps.setString(1, task);
            return states(ps);
        }
    }

    private static List<RangeState> states(PreparedStatement ps) throws SQLException {
        List<RangeState> list = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Long lo = rs.getObject(3) == null ? null : rs.getLong(3);
                Long hi = rs.getObject(4) == null ? null : rs.getLong(4);
                list.add(new RangeState(rs.getString(1), new KeyRange(rs.getInt(2), lo, hi),
                        RangeState.Status.valueOf(rs.getString(5)), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getInt(9)));
            }
        }
        return list;
    }

    /** Stores a table's planned ranges as PENDING (first run only). */
    public synchronized void saveRanges(String task, String table, List<KeyRange> ranges) throws SQLException {
        boolean auto = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (PreparedStatement ps = connection.prepareStatement("INSERT OR IGNORE INTO load_range(task, table_name, range_index, "
                + "lo, hi, state) VALUES (?,?,?,?,?,'PENDING')")) {
            for (KeyRange r : ranges) {
                ps.setString(1, task);
                ps.setString(2, table);
                ps.setInt(3, r.index());
                ps.setObject(4, r.lo());
                ps.setObject(5, r.hi());
                ps.addBatch();
            }
            ps.executeBatch();
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(auto);
        }
    }

    public synchronized void markRunning(String task, String table, int range) throws SQLException {
        update("UPDATE load_range SET state = 'RUNNING', attempts = attempts + 1, started_at = ?, error = NULL "
                + "WHERE task = ? AND table_name = ? AND range_index = ?", Instant.now().toString(), task, table, range);
    }

    public synchronized void markDone(String task, String table, int range, long rows, long bytes, long rejected) throws SQLException {
        update("UPDATE load_range SET state = 'DONE', row_count = ?, byte_count = ?, rejected = ?, finished_at = ? "
                + "WHERE task = ? AND table_name = ? AND range_index = ?", rows, bytes, rejected, Instant.now().toString(),
                task, table, range);
    }

    public synchronized void markFailed(String task, String table, int range, String error) throws SQLException {
        update("UPDATE load_range SET state = 'FAILED', error = ?, finished_at = ? WHERE task = ? AND table_name = ? "
                + "AND range_index = ?", error, Instant.now().toString(), task, table, range);
    }

    /** Forgets a task (its ranges and position), e.g. before a fresh reload. */
    public synchronized void forget(String task) throws SQLException {
        update("DELETE FROM load_range WHERE task = ?", task);
        update("DELETE FROM load_task WHERE task = ?", task);
    }

    private void update(String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }

    /** Appends a rejected row to the JSONL file (flushed at once, so a crash keeps it). */
    public synchronized void appendException(RejectedRow row) {
        try {
            if (exceptions == null) {
                exceptions = Files.newBufferedWriter(exceptionsFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("task", row.task());
            m.put("table", row.table());
            m.put("key", row.key());
            m.put("column", row.column());
            m.put("value", row.valueExcerpt());
            m.put("reason", row.reason());
            m.put("at", row.at().toString());
            exceptions.write(JSON.writeValueAsString(m));
            exceptions.newLine();
            exceptions.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + exceptionsFile, e);
        }
    }

    private static String json(Map<String, String> position) {
        try {
            return JSON.writeValueAsString(position == null ? Map.of() : position);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            if (exceptions != null) {
                exceptions.close();
            }
        } catch (IOException ignored) {
            // best effort
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // best effort
        }
    }
}
