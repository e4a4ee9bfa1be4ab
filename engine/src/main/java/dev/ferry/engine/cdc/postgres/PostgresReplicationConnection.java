package dev.ferry.engine.cdc.postgres;

import dev.ferry.model.schema.QualifiedName;
import dev.ferry.model.util.Redaction;
import org.postgresql.PGProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Administration of a PostgreSQL logical replication capture: publication, slot (optionally with an exported
 * snapshot for a consistent full load), slot lag, and the JDBC connections (ordinary and {@code replication=database})
 * the streaming source uses.
 *
 * <p>Thread-safe: every method opens and closes its own connection, except {@link ExportedSnapshot} which holds its
 * replication connection until closed.
 */
public final class PostgresReplicationConnection {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresReplicationConnection.class);

    private final PostgresCdcConfig config;

    public PostgresReplicationConnection(PostgresCdcConfig config) {
        this.config = config;
    }

    public PostgresCdcConfig config() {
        return config;
    }

    /**
     * A slot created with an exported snapshot. The snapshot stays importable (by
     * {@link PostgresReplicationConnection#beginSnapshotTransaction}) only while this object is open: close it once
     * every full-load connection has imported it.
     *
     * @see #createSlotExportingSnapshot()
     */
    public static final class ExportedSnapshot implements AutoCloseable {
        private final Connection replicationConnection;
        private final String slotName;
        private final long consistentPoint;
        private final String snapshotName;

        ExportedSnapshot(Connection replicationConnection, String slotName, long consistentPoint, String snapshotName) {
            this.replicationConnection = replicationConnection;
            this.slotName = slotName;
            this.consistentPoint = consistentPoint;
            this.snapshotName = snapshotName;
        }

        public String slotName() {
            return slotName;
        }

        /** The LSN from which the slot streams: every transaction committed later is streamed, earlier ones are in the snapshot. */
        public long consistentPoint() {
            return consistentPoint;
        }

        /** The exported snapshot's name for {@code SET TRANSACTION SNAPSHOT}. */
        public String snapshotName() {
            return snapshotName;
        }

        /** A position before every streamed event: start streaming after it to get exactly the changes since the snapshot. */
        public PostgresPosition startPosition() {
            return new PostgresPosition(consistentPoint, 0, consistentPoint);
        }

        /** Releases the snapshot (ends the replication connection that exported it). */
        @Override
        public void close() {
            try {
                replicationConnection.close();
            } catch (SQLException e) {
                LOG.debug("closing the snapshot-exporting connection of slot {} failed: {}", slotName, e.getMessage());
            }
        }
    }

    /** Opens an ordinary connection to the source database. */
    public Connection openRegular() throws SQLException {
        Properties p = credentials();
        return DriverManager.getConnection(config.jdbcUrl(), p);
    }

    /**
     * Opens a {@code replication=database} connection (simple query protocol, as the walsender requires) with the
     * session settings the decoder expects ({@code IntervalStyle=postgres}, {@code bytea_output=hex},
     * {@code extra_float_digits=3}) plus {@link PostgresCdcConfig#serverSettings()}.
     */
    public Connection openReplication() throws SQLException {
        Properties p = credentials();
        PGProperty.REPLICATION.set(p, "database");
        PGProperty.ASSUME_MIN_SERVER_VERSION.set(p, "10");
        PGProperty.PREFER_QUERY_MODE.set(p, "simple");
        StringBuilder options = new StringBuilder("-c IntervalStyle=postgres -c bytea_output=hex -c extra_float_digits=3");
        for (Map.Entry<String, String> e : config.serverSettings().entrySet()) {
            options.append(" -c ").append(e.getKey()).append('=').append(e.getValue());
        }
        PGProperty.OPTIONS.set(p, options.toString());
        return DriverManager.getConnection(config.jdbcUrl(), p);
    }

    private Properties credentials() {
        Properties p = new Properties();
        PGProperty.USER.set(p, config.user());
        if (config.password() != null && config.password().length > 0) {
            PGProperty.PASSWORD.set(p, new String(config.password()));
        }
        PGProperty.APPLICATION_NAME.set(p, "ferry-cdc-" + config.slotName());
        return p;
    }

    /** {@code server_version_num} of the source, e.g. 160004. */
    public int serverVersionNum() throws SQLException {
        try (Connection c = openRegular(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SHOW server_version_num")) {
            rs.next();
            return Integer.parseInt(rs.getString(1));
        }
    }

    // ---- publication ----

    /**
     * Creates the publication for the given tables, or {@code FOR ALL TABLES} when {@code tables} is empty. Does nothing
     * when it exists already.
     */
    public void createPublication(List<QualifiedName> tables) throws SQLException {
        if (publicationExists()) {
            return;
        }
        String target = tables.isEmpty() ? "ALL TABLES" : "TABLE " + tables.stream()
                .map(t -> (t.schema() == null ? "" : quoteIdent(t.schema()) + ".") + quoteIdent(t.name()))
                .collect(Collectors.joining(", "));
        execute("CREATE PUBLICATION " + quoteIdent(config.publicationName()) + " FOR " + target);
        LOG.info("created publication {} for {}", config.publicationName(), tables.isEmpty() ? "all tables" : tables);
    }

    public boolean publicationExists() throws SQLException {
        return exists("SELECT 1 FROM pg_publication WHERE pubname = ?", config.publicationName());
    }

    public void dropPublication() throws SQLException {
        execute("DROP PUBLICATION IF EXISTS " + quoteIdent(config.publicationName()));
    }

    // ---- slot ----

    /** Creates the logical slot without exporting a snapshot; returns its consistent point LSN. */
    public long createSlot() throws SQLException {
        try (Connection c = openReplication(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("CREATE_REPLICATION_SLOT " + config.slotName() + " LOGICAL pgoutput NOEXPORT_SNAPSHOT")) {
            rs.next();
            long lsn = PostgresPosition.parseLsn(rs.getString("consistent_point"));
            LOG.info("created replication slot {} at {}", config.slotName(), PostgresPosition.formatLsn(lsn));
            return lsn;
        } catch (SQLException e) {
            throw wrap("could not create replication slot " + config.slotName(), e);
        }
    }

    /**
     * Creates the logical slot and exports the snapshot of its consistent point: a full load that reads inside
     * {@link #beginSnapshotTransaction(Connection, String)} sees exactly the data the stream does not contain.
     * Keep the returned object open until every loading connection imported the snapshot.
     */
    public ExportedSnapshot createSlotExportingSnapshot() throws SQLException {
        Connection c = openReplication();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("CREATE_REPLICATION_SLOT " + config.slotName() + " LOGICAL pgoutput EXPORT_SNAPSHOT")) {
            rs.next();
            long lsn = PostgresPosition.parseLsn(rs.getString("consistent_point"));
            String snapshot = rs.getString("snapshot_name");
            LOG.info("created replication slot {} at {} with snapshot {}", config.slotName(), PostgresPosition.formatLsn(lsn), snapshot);
            return new ExportedSnapshot(c, config.slotName(), lsn, snapshot);
        } catch (SQLException e) {
            closeQuietly(c, e);
            throw wrap("could not create replication slot " + config.slotName(), e);
        } catch (RuntimeException e) {
            closeQuietly(c, e);
            throw e;
        }
    }

    /**
     * Starts a read-only REPEATABLE READ transaction on {@code connection} that sees the database exactly as of the
     * exported snapshot. The connection is left with auto-commit off; commit or roll back when the load is done.
     */
    public static void beginSnapshotTransaction(Connection connection, String snapshotName) throws SQLException {
        if (snapshotName == null || !snapshotName.matches("[0-9A-Fa-f-]+")) {
            throw new IllegalArgumentException("not an exported snapshot name: '" + snapshotName + "'");
        }
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
        try (Statement st = connection.createStatement()) {
            st.execute("SET TRANSACTION SNAPSHOT '" + snapshotName + "'");
        }
    }

    public boolean slotExists() throws SQLException {
        return exists("SELECT 1 FROM pg_replication_slots WHERE slot_name = ?", config.slotName());
    }

    /** Whether a walsender is currently streaming from the slot. */
    public boolean slotActive() throws SQLException {
        return exists("SELECT 1 FROM pg_replication_slots WHERE slot_name = ? AND active", config.slotName());
    }

    /** The slot's {@code confirmed_flush_lsn}, empty when the slot does not exist. */
    public OptionalLong confirmedFlushLsn() throws SQLException {
        try (Connection c = openRegular();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT confirmed_flush_lsn::text FROM pg_replication_slots WHERE slot_name = ?")) {
            ps.setString(1, config.slotName());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getString(1) != null ? OptionalLong.of(PostgresPosition.parseLsn(rs.getString(1)))
                        : OptionalLong.empty();
            }
        }
    }

    /**
     * How many bytes of WAL the slot retains beyond what was acknowledged:
     * {@code pg_current_wal_lsn() - confirmed_flush_lsn}. Empty when the slot does not exist.
     */
    public OptionalLong slotLagBytes() throws SQLException {
        try (Connection c = openRegular();
             PreparedStatement ps = c.prepareStatement("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn)::bigint"
                     + " FROM pg_replication_slots WHERE slot_name = ?")) {
            ps.setString(1, config.slotName());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    /** Drops the slot (it must not be streaming). Does nothing when it does not exist. */
    public void dropSlot() throws SQLException {
        try (Connection c = openRegular();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = ?")) {
            ps.setString(1, config.slotName());
            ps.execute();
        } catch (SQLException e) {
            throw wrap("could not drop replication slot " + config.slotName(), e);
        }
    }

    // ---- helpers ----

    private static void closeQuietly(Connection c, Exception failure) {
        try {
            c.close();
        } catch (SQLException suppressed) {
            failure.addSuppressed(suppressed);
        }
    }

    private boolean exists(String sql, String name) throws SQLException {
        try (Connection c = openRegular(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = openRegular(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private SQLException wrap(String what, SQLException e) {
        return new SQLException(what + " on " + Redaction.redact(config.jdbcUrl()) + ": "
                + Redaction.redact(e.getMessage(), config.password()), e.getSQLState(), e);
    }

    /** Double-quotes an identifier. */
    static String quoteIdent(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
