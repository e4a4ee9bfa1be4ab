package dev.ferry.engine.load.mysql;

import dev.ferry.engine.load.ConnectionSupplier;
import dev.ferry.engine.load.SourceSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * MySQL/MariaDB consistency (as mysqldump --single-transaction --master-data does): one connection takes
 * {@code FLUSH TABLES WITH READ LOCK}; while writes are blocked every reader runs
 * {@code SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ} and {@code START TRANSACTION WITH CONSISTENT SNAPSHOT};
 * the binlog position ({@code SHOW MASTER STATUS}: file, position) and GTID set ({@code @@gtid_binlog_pos} on MariaDB,
 * {@code @@gtid_executed} on MySQL) are recorded; then {@code UNLOCK TABLES}. The lock is held only while the readers
 * start (logged, and reported as {@code lockHeldMs}). Needs the RELOAD privilege (and REPLICATION CLIENT for the
 * position). Only InnoDB tables are consistent this way (MyISAM tables are not transactional).
 *
 * <p>Thread contract: {@link #openReaders} once, from one thread; {@link #position()} is thread-safe afterwards.
 */
public final class MySqlSourceSnapshot implements SourceSnapshot {

    private static final Logger LOG = LoggerFactory.getLogger(MySqlSourceSnapshot.class);

    private volatile Map<String, String> position = Map.of();

    @Override
    public List<Connection> openReaders(ConnectionSupplier source, int n) throws SQLException {
        List<Connection> readers = new ArrayList<>();
        try (Connection lock = source.open(); Statement ls = lock.createStatement()) {
            // open the connections first so the lock is held only for the START TRANSACTIONs
            for (int i = 0; i < n; i++) {
                Connection c = source.open();
                readers.add(c);
                try (Statement st = c.createStatement()) {
                    st.execute("SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ");
                }
                c.setAutoCommit(false);
            }
            long t0 = System.nanoTime();
            long heldMs;
            ls.execute("FLUSH TABLES WITH READ LOCK");
            try {
                for (Connection c : readers) {
                    try (Statement st = c.createStatement()) {
                        st.execute("START TRANSACTION WITH CONSISTENT SNAPSHOT");
                    }
                }
                Map<String, String> p = new LinkedHashMap<>();
                p.put("engine", "mysql");
                readStatus(ls, p);
            } finally {
                ls.execute("UNLOCK TABLES");
                heldMs = (System.nanoTime() - t0) / 1_000_000;
                LOG.info("FLUSH TABLES WITH READ LOCK held {} ms while {} readers started", heldMs, n);
            }
            Map<String, String> p = new LinkedHashMap<>(position);
            p.put("lockHeldMs", Long.toString(heldMs));
            position = Collections.unmodifiableMap(p);
        } catch (SQLException | RuntimeException e) {
            SourceSnapshot.closeAll(readers);
            throw e;
        }
        return readers;
    }

    private void readStatus(Statement ls, Map<String, String> p) throws SQLException {
        String version;
        try (ResultSet rs = ls.executeQuery("SELECT VERSION()")) {
            rs.next();
            version = rs.getString(1);
        }
        boolean mariadb = version.toLowerCase(Locale.ROOT).contains("mariadb");
        try (ResultSet rs = ls.executeQuery("SHOW MASTER STATUS")) {
            if (rs.next()) {
                p.put("file", rs.getString("File"));
                p.put("position", rs.getString("Position"));
            }
        } catch (SQLException e) {
            // MySQL 8.4+ renamed it
            try (ResultSet rs = ls.executeQuery("SHOW BINARY LOG STATUS")) {
                if (rs.next()) {
                    p.put("file", rs.getString("File"));
                    p.put("position", rs.getString("Position"));
                }
            }
        }
        try (ResultSet rs = ls.executeQuery(mariadb ? "SELECT @@gtid_binlog_pos" : "SELECT @@gtid_executed")) {
            if (rs.next() && rs.getString(1) != null && !rs.getString(1).isEmpty()) {
                p.put("gtid", rs.getString(1));
            }
        } catch (SQLException e) {
            LOG.debug("no GTID position: {}", e.getMessage());
        }
        p.put("flavor", mariadb ? "mariadb" : "mysql");
        position = Collections.unmodifiableMap(p);
    }

    @Override
    public Map<String, String> position() {
        return position;
    }

    @Override
    public void close() {
        // the readers are closed by the load; nothing else is held
    }
}
