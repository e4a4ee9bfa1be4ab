package dev.ferry.engine.load.postgres;

import dev.ferry.engine.cdc.postgres.PostgresPosition;
import dev.ferry.engine.cdc.postgres.PostgresReplicationConnection;
import dev.ferry.engine.load.ConnectionSupplier;
import dev.ferry.engine.load.SourceSnapshot;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL consistency: a logical replication slot is created exporting its snapshot
 * ({@link PostgresReplicationConnection#createSlotExportingSnapshot()}), and EVERY reader imports it with
 * {@link PostgresReplicationConnection#beginSnapshotTransaction}. The load then contains exactly the transactions
 * committed before the slot's consistent point, and CDC started at {@link #exported()}{@code .startPosition()} streams
 * exactly the later ones. The snapshot stays importable until {@link #close()} (so a validation can read it too); the
 * slot itself is kept for CDC.
 *
 * <p>Thread contract: create, {@link #openReaders} and close from one thread; {@link #position()} is thread-safe.
 */
public final class PostgresSourceSnapshot implements SourceSnapshot {

    private final PostgresReplicationConnection.ExportedSnapshot exported;

    private PostgresSourceSnapshot(PostgresReplicationConnection.ExportedSnapshot exported) {
        this.exported = exported;
    }

    /** Creates the slot of {@code replication}'s config and exports its snapshot. */
    public static PostgresSourceSnapshot export(PostgresReplicationConnection replication) throws SQLException {
        return new PostgresSourceSnapshot(replication.createSlotExportingSnapshot());
    }

    public PostgresReplicationConnection.ExportedSnapshot exported() {
        return exported;
    }

    /** Opens a connection from {@code source} that reads the exported snapshot (a read-only transaction). */
    public Connection openReader(ConnectionSupplier source) throws SQLException {
        Connection c = source.open();
        try {
            PostgresReplicationConnection.beginSnapshotTransaction(c, exported.snapshotName());
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
        Map<String, String> m = new LinkedHashMap<>();
        m.put("engine", "postgresql");
        m.put("slot", exported.slotName());
        m.put("lsn", PostgresPosition.formatLsn(exported.consistentPoint()));
        m.put("snapshot", exported.snapshotName());
        return m;
    }

    @Override
    public void close() {
        exported.close();
    }
}
