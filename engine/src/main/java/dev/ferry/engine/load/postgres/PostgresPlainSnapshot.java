package dev.ferry.engine.load.postgres;

import dev.ferry.engine.cdc.postgres.PostgresReplicationConnection;
import dev.ferry.engine.load.ConnectionSupplier;
import dev.ferry.engine.load.SourceSnapshot;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL consistency WITHOUT a replication slot, for a full load that no CDC follows (as pgcopydb does): one
 * ordinary connection opens a REPEATABLE READ read-only transaction and exports its snapshot with
 * {@code pg_export_snapshot()}; every reader imports it. Works with any {@code wal_level} and retains no WAL. The
 * position records the snapshot name and the WAL LSN at export time (informational: without a slot, changes after it
 * cannot be streamed exactly). The snapshot stays importable until {@link #close()}.
 *
 * <p>Thread contract: create, {@link #openReaders} and close from one thread; {@link #openReader} may be called from
 * any thread while the snapshot is open; {@link #position()} is thread-safe.
 */
public final class PostgresPlainSnapshot implements SourceSnapshot {

    private final Connection holder;
    private final Map<String, String> position;

    private PostgresPlainSnapshot(Connection holder, Map<String, String> position) {
        this.holder = holder;
        this.position = Map.copyOf(position);
    }

    /** Opens the holder connection from {@code source} and exports its snapshot. */
    public static PostgresPlainSnapshot export(ConnectionSupplier source) throws SQLException {
        Connection c = source.open();
        try {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            Map<String, String> pos = new LinkedHashMap<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT pg_export_snapshot(), pg_current_wal_lsn()::text")) {
                rs.next();
                pos.put("engine", "postgresql");
                pos.put("snapshot", rs.getString(1));
                pos.put("walLsn", rs.getString(2));
            }
            return new PostgresPlainSnapshot(c, pos);
        } catch (SQLException | RuntimeException e) {
            SourceSnapshot.closeAll(List.of(c));
            throw e;
        }
    }

    public String snapshotName() {
        return position.get("snapshot");
    }

    /** Opens a connection from {@code source} that reads the exported snapshot (a read-only transaction). */
    public Connection openReader(ConnectionSupplier source) throws SQLException {
        Connection c = source.open();
        try {
            PostgresReplicationConnection.beginSnapshotTransaction(c, snapshotName());
            return c;
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    @Override
    public List<Connection> openReaders(ConnectionSupplier source, int n) throws SQLException {
        List<Connection> list = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                list.add(openReader(source));
            }
        } catch (SQLException | RuntimeException e) {
            SourceSnapshot.closeAll(list);
            throw e;
        }
        return list;
    }

    @Override
    public Map<String, String> position() {
        return position;
    }

    @Override
    public void close() {
        SourceSnapshot.closeAll(List.of(holder));
    }
}
