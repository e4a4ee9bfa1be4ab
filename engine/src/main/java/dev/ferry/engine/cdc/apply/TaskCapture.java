package dev.ferry.engine.cdc.apply;

import dev.ferry.engine.cdc.SourcePosition;
import dev.ferry.engine.cdc.mysql.MySqlCdcConfig;
import dev.ferry.engine.cdc.mysql.MySqlPosition;
import dev.ferry.engine.cdc.mysql.MySqlStreamingSource;
import dev.ferry.engine.cdc.postgres.PostgresCdcConfig;
import dev.ferry.engine.cdc.postgres.PostgresPosition;
import dev.ferry.engine.cdc.postgres.PostgresReplicationConnection;
import dev.ferry.engine.cdc.postgres.PostgresStreamingSource;
import dev.ferry.engine.cdc.sqlite.SqliteCdcConfig;
import dev.ferry.engine.cdc.sqlite.SqlitePosition;
import dev.ferry.engine.cdc.sqlite.SqliteStreamingSource;
import dev.ferry.engine.cdc.sqlite.SqliteTriggerCapture;
import dev.ferry.model.schema.Engine;
import dev.ferry.model.schema.QualifiedName;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Everything a CDC task needs from its source besides the event stream: the capture objects (PostgreSQL publication
 * and slot, SQLite triggers), start positions ({@code now}, an LSN, a binlog {@code file:pos}, a GTID set, the full
 * load's snapshot position), the source's lag, "has everything up to the end of the log been applied" for a cutover,
 * and the removal of the capture objects. One implementation per source engine, made by {@link #postgres},
 * {@link #mysql} and {@link #sqlite}; {@link #changeSource()} is the applier's view of the same stream.
 *
 * <p>Threading: {@link #lag()} may be called from any thread (it opens its own short connection); everything else from
 * the thread that runs the task. {@link #close()} closes the stream.
 */
public abstract sealed class TaskCapture implements AutoCloseable {

    /** MariaDB {@code 0-1-42[,1-2-7]} or MySQL {@code 3E11FA47-71CA-11E1-9E33-C80AA9429562:1-5[,...]}. */
    private static final Pattern GTID_SET = Pattern.compile("(\\d+-\\d+-\\d+(,\\s*\\d+-\\d+-\\d+)*)"
            + "|([0-9a-fA-F-]{36}:\\d+(-\\d+)?(:\\d+(-\\d+)?)*(,\\s*[0-9a-fA-F-]{36}:\\d+(-\\d+)?(:\\d+(-\\d+)?)*)*)");

    /** How far the capture is behind the source: {@code value} in {@code unit} ("bytes" of WAL / binlog, capture "rows"). */
    public record Lag(long value, String unit) {
    }

    private TaskCapture() {
    }

    /** PostgreSQL: publication and slot of {@code config}. */
    public static TaskCapture postgres(PostgresCdcConfig config) {
        return new Postgres(config);
    }

    /** MySQL/MariaDB binlog. */
    public static TaskCapture mysql(MySqlCdcConfig config) {
        return new MySql(config);
    }

    /** SQLite triggers on {@code tables} (names in the main schema). */
    public static TaskCapture sqlite(SqliteCdcConfig config, List<String> tables) {
        return new Sqlite(config, tables);
    }

    /** {@link SourcePosition#kind()} of this source. */
    public abstract String kind();

    /** The source engine. */
    public abstract Engine engine();

    /** The applier's view of the stream (one per capture). */
    public abstract ChangeSource changeSource();

    /**
     * Creates what capture needs before a full load's snapshot (PostgreSQL: the publication; SQLite: the triggers and
     * capture table). Idempotent.
     */
    public abstract void prepare() throws SQLException;

    /** The position to stream after once a full load from the snapshot at {@code snapshotPosition} is done. */
    public abstract SourcePosition afterLoad(Map<String, String> snapshotPosition) throws SQLException;

    /**
     * Prepares capture and resolves a start position for a CDC-only task: {@code now}, or the engine's position text
     * (PostgreSQL LSN {@code 0/16B3748}; binlog {@code file:pos} or a GTID set; SQLite {@code seq:N}). Returns the
     * position to store as applied, or {@code null} when the stream starts from a GTID set (nothing is stored until the
     * first commit).
     *
     * @throws IllegalArgumentException when {@code spec} is not a position of this source (message names it)
     * @throws SQLException when the source refuses, or the position is no longer available
     */
    public abstract SourcePosition startAt(String spec) throws SQLException;

    /** The source server's clock (for {@code server_time} stop positions): the local clock corrected by the offset. */
    public Supplier<Instant> serverClock() throws SQLException {
        Instant server = serverNow();
        Duration offset = Duration.between(Instant.now(), server);
        return () -> Instant.now().plus(offset);
    }

    abstract Instant serverNow() throws SQLException;

    /** Slot lag (PostgreSQL), bytes behind the binlog end (MySQL), unread capture rows (SQLite); {@code null} if unknown. */
    public abstract Lag lag() throws SQLException;

    /** The end of the source's log now (opaque text for {@link #reached}). */
    public abstract String endOfLog() throws SQLException;

    /** Whether the stream has read (PostgreSQL/MySQL) or applied (SQLite) everything up to {@code end}. */
    public abstract boolean reached(String end) throws SQLException;

    /** Whether the source refuses writes (PostgreSQL {@code default_transaction_read_only} / recovery; MySQL {@code read_only}). */
    public abstract boolean sourceReadOnly() throws SQLException;

    /**
     * Removes the capture objects from the source (PostgreSQL slot and publication, SQLite triggers and capture table).
     *
     * @return what was removed, one line each (empty when nothing was there)
     * @throws SQLException when the slot is still in use by a running stream, or the source refuses
     */
    public abstract List<String> cleanup() throws SQLException;

    @Override
    public void close() {
        changeSource().close();
    }

    // ------------------------------------------------------------------ PostgreSQL

    static final class Postgres extends TaskCapture {
        private final PostgresCdcConfig config;
        private final PostgresStreamingSource stream;
        private final PostgresReplicationConnection admin;
        private final ChangeSource source;
        private final List<QualifiedName> tables = new ArrayList<>();

        Postgres(PostgresCdcConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            this.stream = new PostgresStreamingSource(config);
            this.admin = stream.admin();
            this.source = ChangeSource.of(stream);
        }

        /** Tables of the publication (set before {@link #prepare}). */
        Postgres tables(List<QualifiedName> t) {
            tables.clear();
            tables.addAll(t);
            return this;
        }

        @Override
        public String kind() {
            return PostgresPosition.KIND;
        }

        @Override
        public Engine engine() {
            return Engine.POSTGRESQL;
        }

        @Override
        public ChangeSource changeSource() {
            return source;
        }

        /** The administration connection (slot, publication). */
        public PostgresReplicationConnection admin() {
            return admin;
        }

        @Override
        public void prepare() throws SQLException {
            admin.createPublication(tables);
        }

        @Override
        public SourcePosition afterLoad(Map<String, String> snapshot) throws SQLException {
            String lsn = snapshot == null ? null : snapshot.get("lsn");
            long cp;
            if (lsn != null) {
                cp = PostgresPosition.parseLsn(lsn);
            } else {
                cp = admin.confirmedFlushLsn().orElseThrow(() -> new SQLException("replication slot " + config.slotName()
                        + " does not exist and the full load recorded no snapshot LSN: cannot start streaming"));
            }
            return PostgresPosition.commit(cp - 1, cp);
        }

        @Override
        public SourcePosition startAt(String spec) throws SQLException {
            String s = spec.trim();
            long requested = -1;
            if (!s.equalsIgnoreCase("now")) {
                if (!StopCondition.LSN.matcher(s).matches()) {
                    throw new IllegalArgumentException("start position '" + spec + "' is not 'now' or a PostgreSQL LSN such as 0/16B3748");
                }
                requested = PostgresPosition.parseLsn(s);
            }
            prepare();
            long slotStart;
            if (!admin.slotExists()) {
                slotStart = admin.createSlot();
            } else {
                slotStart = admin.confirmedFlushLsn().orElse(0L);
            }
            long lsn;
            if (requested < 0) {
                lsn = Math.max(slotStart, currentLsn());
            } else {
                if (Long.compareUnsigned(requested, slotStart) < 0) {
                    throw new SQLException("start position " + s + " is before what replication slot " + config.slotName()
                            + " still holds (" + PostgresPosition.formatLsn(slotStart) + "): earlier changes are no longer"
                            + " available; start at " + PostgresPosition.formatLsn(slotStart) + " or later, or reload");
                }
                lsn = requested;
            }
            return PostgresPosition.commit(lsn - 1, lsn);
        }

        /**
         * The WAL insert position: every transaction that has committed is before it. (pg_current_wal_lsn() is the
         * write position, which lags asynchronous commits by up to a page when synchronous_commit is off: a drain or a
         * stop there would leave the last committed transactions behind.)
         */
        private long currentLsn() throws SQLException {
            try (Connection c = admin.openRegular(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT pg_current_wal_insert_lsn()::text")) {
                rs.next();
                return PostgresPosition.parseLsn(rs.getString(1));
            }
        }

        @Override
        Instant serverNow() throws SQLException {
            try (Connection c = admin.openRegular(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT clock_timestamp()")) {
                rs.next();
                return rs.getTimestamp(1).toInstant();
            }
        }

        @Override
        public Lag lag() throws SQLException {
            var l = admin.slotLagBytes();
            return l.isPresent() ? new Lag(l.getAsLong(), "bytes") : null;
        }

        @Override
        public String endOfLog() throws SQLException {
            return PostgresPosition.formatLsn(currentLsn());
        }

        @Override
        public boolean reached(String end) throws SQLException {
            try (Connection c = admin.openRegular(); PreparedStatement ps = c.prepareStatement(
                    "SELECT pg_wal_lsn_diff(r.sent_lsn, ?::pg_lsn) >= 0 FROM pg_stat_replication r"
                            + " JOIN pg_replication_slots s ON s.active_pid = r.pid WHERE s.slot_name = ?")) {
                ps.setString(1, end);
                ps.setString(2, config.slotName());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getBoolean(1);
                }
            }
        }

        @Override
        public boolean sourceReadOnly() throws SQLException {
            try (Connection c = admin.openRegular(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT pg_is_in_recovery() OR current_setting('default_transaction_read_only') = 'on'")) {
                rs.next();
                return rs.getBoolean(1);
            }
        }

        @Override
        public List<String> cleanup() throws SQLException {
            List<String> done = new ArrayList<>();
            if (admin.slotExists()) {
                if (admin.slotActive()) {
                    throw new SQLException("replication slot " + config.slotName() + " is in use by a running stream: stop the"
                            + " task first");
                }
                admin.dropSlot();
                done.add("dropped replication slot " + config.slotName());
            }
            if (admin.publicationExists()) {
                admin.dropPublication();
                done.add("dropped publication " + config.publicationName());
            }
            return done;
        }
    }

    // ------------------------------------------------------------------ MySQL / MariaDB

    static final class MySql extends TaskCapture {
        private final MySqlCdcConfig config;
        private final MySqlStreamingSource stream;
        private final ChangeSource source;
        private volatile String gtidStart;

        MySql(MySqlCdcConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            this.stream = new MySqlStreamingSource(config);
            // a GTID start applies only while nothing is stored: afterwards the applier restarts from its position
            this.source = new ChangeSource.Adapter(Engine.MYSQL, after -> {
                if (after == null && gtidStart != null) {
                    stream.startAfterGtidSet(gtidStart);
                } else {
                    stream.start((MySqlPosition) after);
                }
            }, stream::poll, stream::acknowledge, stream::reconnect, MySqlPosition::parse, stream::queuedEvents, stream::close);
        }

        @Override
        public String kind() {
            return MySqlPosition.KIND;
        }

        @Override
        public Engine engine() {
            return Engine.MYSQL;
        }

        @Override
        public ChangeSource changeSource() {
            return source;
        }

        @Override
        public void prepare() {
            // the binlog needs nothing on the source
        }

        @Override
        public SourcePosition afterLoad(Map<String, String> snapshot) throws SQLException {
            if (snapshot == null || snapshot.get("file") == null || snapshot.get("position") == null) {
                throw new SQLException("the full load recorded no binlog position: cannot start streaming");
            }
            return MySqlPosition.boundary(snapshot.get("file"), Long.parseLong(snapshot.get("position")));
        }

        @Override
        public SourcePosition startAt(String spec) throws SQLException {
            String s = spec.trim();
            if (s.equalsIgnoreCase("now")) {
                return stream.currentPosition();
            }
            var m = StopCondition.BINLOG.matcher(s);
            if (m.matches()) {
                return MySqlPosition.boundary(m.group(1), Long.parseLong(m.group(2)));
            }
            if (GTID_SET.matcher(s).matches()) {
                gtidStart = s;
                return null;
            }
            throw new IllegalArgumentException("start position '" + spec + "' is not 'now', a binlog position"
                    + " (mysql-bin.000042:1337) or a GTID set (MariaDB 0-1-42, MySQL uuid:1-5)");
        }

        @Override
        Instant serverNow() throws SQLException {
            try (Connection c = jdbc(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT DATE_FORMAT(UTC_TIMESTAMP(6), '%Y-%m-%dT%H:%i:%s.%fZ')")) {
                rs.next();
                return Instant.parse(rs.getString(1));
            }
        }

        private Connection jdbc() throws SQLException {
            java.util.Properties p = new java.util.Properties();
            p.setProperty("user", config.user());
            p.setProperty("password", config.password() == null ? "" : new String(config.password()));
            return DriverManager.getConnection(config.jdbcUrl(), p);
        }

        @Override
        public Lag lag() throws SQLException {
            if (!stream.isRunning()) {
                return null;
            }
            long b = stream.lag().bytesBehind();
            return b < 0 ? null : new Lag(b, "bytes");
        }

        @Override
        public String endOfLog() throws SQLException {
            MySqlPosition p = stream.currentPosition();
            return p.file() + ":" + p.transactionStart();
        }

        @Override
        public boolean reached(String end) {
            var m = StopCondition.BINLOG.matcher(end);
            if (!m.matches()) {
                throw new IllegalArgumentException("not a binlog position: " + end);
            }
            return stream.readPosition().compareTo(MySqlPosition.boundary(m.group(1), Long.parseLong(m.group(2)))) >= 0;
        }

        @Override
        public boolean sourceReadOnly() throws SQLException {
            try (Connection c = jdbc(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT @@global.read_only")) {
                rs.next();
                return rs.getInt(1) != 0;
            }
        }

        @Override
        public List<String> cleanup() {
            return List.of(); // binlog capture leaves nothing on the source
        }
    }

    // ------------------------------------------------------------------ SQLite

    static final class Sqlite extends TaskCapture {
        private final SqliteCdcConfig config;
        private final List<String> tables;
        private final SqliteStreamingSource stream;
        private final ChangeSource source;

        Sqlite(SqliteCdcConfig config, List<String> tables) {
            this.config = Objects.requireNonNull(config, "config");
            this.tables = List.copyOf(tables);
            this.stream = new SqliteStreamingSource(config);
            this.source = ChangeSource.of(stream);
        }

        @Override
        public String kind() {
            return SqlitePosition.KIND;
        }

        @Override
        public Engine engine() {
            return Engine.SQLITE;
        }

        @Override
        public ChangeSource changeSource() {
            return source;
        }

        @Override
        public void prepare() throws SQLException {
            try (Connection c = DriverManager.getConnection(config.jdbcUrl())) {
                SqliteTriggerCapture.install(c, tables);
            }
        }

        @Override
        public SourcePosition afterLoad(Map<String, String> snapshot) {
            return SqlitePosition.after(0); // triggers were installed before the snapshot: replay every captured row
        }

        @Override
        public SourcePosition startAt(String spec) throws SQLException {
            String s = spec.trim();
            var m = StopCondition.SEQ.matcher(s);
            if (!s.equalsIgnoreCase("now") && !m.matches()) {
                throw new IllegalArgumentException("start position '" + spec + "' is not 'now' or seq:<n> (SQLite capture row)");
            }
            prepare();
            if (m.matches()) {
                return SqlitePosition.after(Math.max(0, Long.parseLong(m.group(1)) - 1));
            }
            return SqlitePosition.after(maxSeq());
        }

        private long maxSeq() throws SQLException {
            try (Connection c = DriverManager.getConnection(config.jdbcUrl()); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT COALESCE(max(seq), 0) FROM " + SqliteTriggerCapture.CAPTURE_TABLE)) {
                rs.next();
                return rs.getLong(1);
            }
        }

        @Override
        Instant serverNow() {
            return Instant.now();
        }

        @Override
        public Lag lag() throws SQLException {
            long applied = stream.lastAcknowledged().map(SqlitePosition::appliedSeq).orElse(0L);
            try (Connection c = DriverManager.getConnection(config.jdbcUrl());
                 PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + SqliteTriggerCapture.CAPTURE_TABLE + " WHERE seq > ?")) {
                ps.setLong(1, applied);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new Lag(rs.getLong(1), "rows");
                }
            }
        }

        @Override
        public String endOfLog() throws SQLException {
            return Long.toString(maxSeq());
        }

        @Override
        public boolean reached(String end) {
            return stream.lastAcknowledged().map(SqlitePosition::appliedSeq).orElse(0L) >= Long.parseLong(end);
        }

        @Override
        public boolean sourceReadOnly() {
            return false;
        }

        @Override
        public List<String> cleanup() throws SQLException {
            try (Connection c = DriverManager.getConnection(config.jdbcUrl())) {
                if (!SqliteTriggerCapture.isInstalled(c)) {
                    return List.of();
                }
                SqliteTriggerCapture.uninstall(c, true);
            }
            return List.of("removed the capture triggers and table " + SqliteTriggerCapture.CAPTURE_TABLE);
        }
    }

    /** PostgreSQL capture whose publication covers {@code tables} (empty: all tables). */
    public static TaskCapture postgres(PostgresCdcConfig config, List<QualifiedName> tables) {
        return new Postgres(config).tables(tables);
    }
}
