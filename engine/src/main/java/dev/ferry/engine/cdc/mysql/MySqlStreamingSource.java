package dev.ferry.engine.cdc.mysql;

import com.github.shyiko.mysql.binlog.BinaryLogClient;
import com.github.shyiko.mysql.binlog.event.DeleteRowsEventData;
import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.EventHeaderV4;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.GtidEventData;
import com.github.shyiko.mysql.binlog.event.MariadbGtidEventData;
import com.github.shyiko.mysql.binlog.event.QueryEventData;
import com.github.shyiko.mysql.binlog.event.RotateEventData;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.UpdateRowsEventData;
import com.github.shyiko.mysql.binlog.event.WriteRowsEventData;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer;
import com.github.shyiko.mysql.binlog.network.ServerException;
import dev.ferry.engine.cdc.ChangeCaptureException;
import dev.ferry.engine.cdc.ChangeColumn;
import dev.ferry.engine.cdc.ChangeEvent;
import dev.ferry.engine.cdc.ChangeEvent.BeforeImage;
import dev.ferry.engine.cdc.ChangeEvent.Operation;
import dev.ferry.engine.cdc.SourcePosition;
import dev.ferry.model.schema.QualifiedName;
import dev.ferry.model.util.Redaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Streams the row changes of selected tables from a MySQL or MariaDB binary log (ROW format, FULL row images) as
 * {@link ChangeEvent}s, using {@link BinaryLogClient} as a replica connection.
 *
 * <p>Events arrive as whole transactions in commit order: {@code Begin}, the {@code RowChange}s (every update and
 * delete carries the full old row, {@link BeforeImage#FULL}; {@link ChangeColumn#key()} marks the primary key, or all
 * columns when the table has none), {@code Commit}. Transactions that touch no captured table produce nothing;
 * rolled-back transactions are not in the binlog. {@code TRUNCATE} of a captured table is a transaction holding one
 * {@link ChangeEvent.Truncate}. DDL that changes a captured table (ALTER / DROP / RENAME / CREATE OR REPLACE) is
 * delivered as a transaction holding {@link ChangeEvent.RelationChange}s and then <em>pauses</em> the source: the
 * stream stops and {@link #poll} throws a {@link MySqlSchemaChangeException} naming the statement once the queue is
 * drained. Values are decoded with the catalog facts read at {@link #start} (see {@link MySqlValueDecoder}).
 *
 * <p>One reader thread per running stream (the binlog client's) decodes events and puts them into a bounded queue;
 * when the queue is full it waits, so the server-side dump thread blocks on its socket: that is the back-pressure. The
 * consumer takes events with {@link #poll(Duration)} and, once the target committed them, calls
 * {@link #acknowledge(SourcePosition)}. MySQL keeps no replica state for us: the applier must persist the acknowledged
 * position itself and pass it to {@link #start(MySqlPosition)} after a restart. When the connection drops,
 * {@link #poll} throws a {@link ChangeCaptureException} with {@link ChangeCaptureException#isConnectionLoss()} after the
 * queued events; {@link #reconnect()} continues after the last acknowledged position.
 *
 * <p>Thread-safety: {@link #poll} is for one consumer thread; {@link #acknowledge}, {@link #lastAcknowledged},
 * {@link #isRunning}, {@link #failure}, {@link #lag} and {@link #close} may be called from any thread; {@link #start},
 * {@link #reconnect} and {@link #stop} are synchronized. {@link Listener} callbacks run on the reader thread.
 */
public final class MySqlStreamingSource implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MySqlStreamingSource.class);
    /** MySQL error "Could not find first log file name in binary log index file" and other fatal dump errors. */
    private static final int ER_MASTER_FATAL_ERROR_READING_BINLOG = 1236;
    /** Heartbeat period the server is asked for ({@code @master_heartbeat_period}). */
    private static final long HEARTBEAT_MILLIS = 10_000;
    /** A socket read waiting this long (six missed heartbeats) fails as a connection loss. */
    private static final int READ_TIMEOUT_MILLIS = 60_000;
    /** Server errors a reconnect cannot fix: access denied (1044, 1045, 1227) and fatal binlog errors (1236). */
    private static final Set<Integer> FATAL_ERRORS = Set.of(1044, 1045, 1227, ER_MASTER_FATAL_ERROR_READING_BINLOG);

    /** Progress of the stream; the methods must not block ({@link #onFailure} runs on the reader thread). */
    public interface Listener {
        /** Ignores everything. */
        Listener NO_OP = new Listener() {
        };

        /** The binlog stream started at {@code file:position} (called on the thread that started it). */
        default void onStarted(String file, long position) {
        }

        /** The stream stopped because of {@code failure} (also a schema-change pause). */
        default void onFailure(ChangeCaptureException failure) {
        }
    }

    /**
     * How far the capture is behind the server.
     *
     * @param behind      server time of now minus the timestamp of the last event read ({@link Duration#ZERO} when idle
     *                    at the end of the log or nothing read yet)
     * @param bytesBehind the server's binlog position minus the position read, when both are in the same file; -1
     *                    when they are in different files
     * @param serverFile  the server's current binlog file
     * @param serverPosition its position
     */
    public record Lag(Duration behind, long bytesBehind, String serverFile, long serverPosition) {
    }

    private final MySqlCdcConfig config;
    private final Listener listener;
    private final BlockingQueue<ChangeEvent> queue;
    private final AtomicReference<MySqlPosition> acknowledged = new AtomicReference<>();
    private final AtomicReference<ChangeCaptureException> failure = new AtomicReference<>();
    private volatile BinaryLogClient client;
    private volatile boolean running;
    private volatile boolean stopping;
    private volatile String readFile;
    private volatile long readPosition;
    private volatile long lastEventMillis;
    private volatile String startGtidSet;

    public MySqlStreamingSource(MySqlCdcConfig config, Listener listener) {
        this.config = config;
        this.listener = listener == null ? Listener.NO_OP : listener;
        this.queue = new ArrayBlockingQueue<>(config.queueCapacity());
    }

    public MySqlStreamingSource(MySqlCdcConfig config) {
        this(config, Listener.NO_OP);
    }

    /** Opens a plain JDBC connection with this capture's credentials (message redacted on failure). */
    Connection openJdbc() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", config.user());
        p.setProperty("password", config.passwordText());
        try {
            return DriverManager.getConnection(config.jdbcUrl(), p);
        } catch (SQLException e) {
            throw new SQLException("could not connect to " + Redaction.redact(config.jdbcUrl()) + ": "
                    + Redaction.redact(e.getMessage(), config.password()), e.getSQLState(), e);
        }
    }

    /**
     * The server's current end of the binlog ({@code SHOW MASTER STATUS}, or {@code SHOW BINARY LOG STATUS} on MySQL
     * 8.4+) as a boundary position: starting after it delivers every transaction committed later. Take it before a
     * full load's snapshot so nothing between the snapshot and the start of capture is lost.
     *
     * @throws SQLException when the binlog is disabled (message says so) or the query fails
     */
    public MySqlPosition currentPosition() throws SQLException {
        try (Connection c = openJdbc()) {
            String[] s = masterStatus(c);
            return MySqlPosition.boundary(s[0], Long.parseLong(s[1]));
        }
    }

    private static String[] masterStatus(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            ResultSet first;
            try {
                first = st.executeQuery("SHOW MASTER STATUS");
            } catch (SQLException e) {
                first = st.executeQuery("SHOW BINARY LOG STATUS");
            }
            try (ResultSet rs = first) {
                if (!rs.next()) {
                    throw new SQLException("the server has no binary log (log_bin is OFF); change capture needs log_bin=ON,"
                            + " binlog_format=ROW and binlog_row_image=FULL");
                }
                return new String[]{rs.getString(1), rs.getString(2)};
            }
        }
    }

    /** Checks {@code binlog_format=ROW} and {@code binlog_row_image=FULL}; throws naming the wrong setting. */
    private static void checkSettings(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select @@global.binlog_format, @@global.binlog_row_image")) {
            rs.next();
            String format = rs.getString(1);
            String image = rs.getString(2);
            if (!"ROW".equalsIgnoreCase(format)) {
                throw new SQLException("binlog_format is " + format + "; change capture needs binlog_format=ROW");
            }
            if (!"FULL".equalsIgnoreCase(image)) {
                throw new SQLException("binlog_row_image is " + image + "; change capture needs binlog_row_image=FULL");
            }
        }
    }

    /**
     * Starts streaming on the binlog client's reader thread.
     *
     * @param after {@code null} to stream from {@link #currentPosition()}; otherwise the last position the target
     *              applied (or a {@link MySqlPosition#boundary boundary}): the binlog is read from the start of its
     *              transaction and events at or before {@code after} are dropped. When {@code after} lies inside a
     *              transaction, that transaction's {@code Begin} is delivered again, followed by its changes after
     *              {@code after} and its {@code Commit}. {@code after} also becomes the last acknowledged position.
     * @throws SQLException when the catalog cannot be read, the binlog settings are wrong, or the binlog connection
     *                      fails (message redacted)
     */
    public synchronized void start(MySqlPosition after) throws SQLException {
        startStream(after, null);
    }

    /**
     * Starts streaming after the transactions of a GTID set: MariaDB {@code domain-server-seq[,...]} (for one domain
     * the {@link MySqlPosition#gtid()} of the last applied {@code Commit} is such a set) or MySQL
     * {@code uuid:1-5[,...]}. The server picks the binlog file; nothing is filtered on the client. Until a position is
     * acknowledged, {@link #reconnect()} starts from this GTID set again.
     *
     * @throws SQLException as for {@link #start(MySqlPosition)}, also when the server does not know the GTIDs
     */
    public synchronized void startAfterGtidSet(String gtidSet) throws SQLException {
        if (gtidSet == null || gtidSet.isBlank()) {
            throw new IllegalArgumentException("GTID set is required");
        }
        startStream(null, gtidSet.trim());
    }

    private void startStream(MySqlPosition after, String gtidSet) throws SQLException {
        if (running) {
            throw new IllegalStateException("binlog capture of " + Redaction.redact(config.jdbcUrl()) + " is already running");
        }
        Map<QualifiedName, List<MySqlColumnInfo>> catalog;
        String[] status;
        try (Connection c = openJdbc()) {
            checkSettings(c);
            status = masterStatus(c);
            catalog = MySqlTableCatalog.read(c, config.tables());
        }
        List<String> missing = new ArrayList<>();
        for (QualifiedName t : config.tables()) {
            if (!catalog.containsKey(t)) {
                missing.add(t.schema() + "." + t.name());
            }
        }
        if (missing.size() == config.tables().size()) {
            throw new SQLException("captured table" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
                    + (missing.size() > 1 ? " do" : " does") + " not exist on " + Redaction.redact(config.jdbcUrl()));
        }
        if (!missing.isEmpty()) {
            // restarting from an older position: a table may be dropped later in the log; its DDL still pauses
            LOG.warn("captured tables {} do not exist (any more) on {}; their row changes cannot be decoded", missing,
                    Redaction.redact(config.jdbcUrl()));
        }
        if (after == null && gtidSet == null) {
            after = MySqlPosition.boundary(status[0], Long.parseLong(status[1]));
        }
        MySqlPosition resume = after;
        if (resume != null) {
            acknowledged.accumulateAndGet(resume, (a, b) -> a == null || b.compareTo(a) > 0 ? b : a);
        }
        startGtidSet = gtidSet;
        failure.set(null);
        stopping = false;

        BinaryLogClient c = new BinaryLogClient(config.host(), config.port(), config.user(), config.passwordText());
        c.setServerId(config.serverId());
        c.setKeepAlive(false);
        // the server sends heartbeats while idle, so a read that waits much longer means the connection is dead
        c.setHeartbeatInterval(HEARTBEAT_MILLIS);
        c.setSocketFactory(() -> {
            java.net.Socket socket = new java.net.Socket();
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            socket.setKeepAlive(true);
            return socket;
        });
        String where;
        if (resume != null) {
            c.setBinlogFilename(resume.file());
            c.setBinlogPosition(resume.restartPosition());
            where = resume.file() + ":" + resume.restartPosition();
        } else {
            c.setGtidSet(gtidSet);
            where = "GTID set " + gtidSet;
        }
        c.setThreadFactory(r -> {
            Thread t = new Thread(r, "ferry-mysql-cdc-" + config.serverId());
            t.setDaemon(true);
            return t;
        });
        EventDeserializer deserializer = new EventDeserializer();
        Map<Long, TableMapEventData> tableMaps = new HashMap<>();
        MySqlRowsDeserializers.register(deserializer, tableMaps);
        deserializer.setCompatibilityMode(EventDeserializer.CompatibilityMode.DATE_AND_TIME_AS_LONG_MICRO,
                EventDeserializer.CompatibilityMode.CHAR_AND_BINARY_AS_BYTE_ARRAY,
                EventDeserializer.CompatibilityMode.INVALID_DATE_AND_TIME_AS_MIN_VALUE);
        c.setEventDeserializer(deserializer);
        Reader reader = new Reader(c, resume, resume != null ? resume.file() : status[0], catalog, tableMaps);
        c.registerEventListener(reader::onEvent);
        c.registerLifecycleListener(reader);
        client = c;
        running = true;
        readFile = resume != null ? resume.file() : status[0];
        readPosition = resume != null ? resume.restartPosition() : 4;
        try {
            c.connect(config.connectTimeout().toMillis());
        } catch (IOException | TimeoutException e) {
            running = false;
            client = null;
            throw new SQLException("could not start the binlog stream of " + Redaction.redact(config.jdbcUrl()) + " at "
                    + where + ": " + Redaction.redact(String.valueOf(e.getMessage()), config.password()), "08001", e);
        }
        // the server answers the dump request with a (fake) ROTATE event, or with an error such as a missing privilege
        boolean opened;
        try {
            opened = reader.opened.await(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            opened = false;
        }
        ChangeCaptureException refused = failure.get();
        if (!opened || (refused != null && !reader.sawEvent)) {
            stop0();
            String why = refused != null ? refused.getMessage() : "no answer within " + config.connectTimeout().toMillis() + " ms";
            throw new SQLException("could not start the binlog stream of " + Redaction.redact(config.jdbcUrl()) + " at "
                    + where + ": " + why, "08001", refused);
        }
        LOG.info("streaming binlog of {} from {} for {}", Redaction.redact(config.jdbcUrl()), where, config.tables());
        listener.onStarted(readFile, readPosition);
    }

    /**
     * The next event, waiting up to {@code timeout}; {@code null} when none arrived in time.
     *
     * @throws ChangeCaptureException when the stream failed or paused ({@link MySqlSchemaChangeException}) and every
     *                                event read before was taken
     */
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

    /**
     * Records that the target applied everything up to and including {@code position}; older positions are ignored.
     * MySQL has no server-side replica state: the applier persists {@code position.toText()} itself.
     */
    public void acknowledge(SourcePosition position) {
        if (!(position instanceof MySqlPosition p)) {
            throw new IllegalArgumentException("not a MySQL position: " + position);
        }
        acknowledged.accumulateAndGet(p, (a, b) -> a == null || b.compareTo(a) > 0 ? b : a);
    }

    /** The last acknowledged position (or the start position). */
    public Optional<MySqlPosition> lastAcknowledged() {
        return Optional.ofNullable(acknowledged.get());
    }

    /** Events read but not yet taken by {@link #poll}; never more than the configured queue capacity. */
    public int queuedEvents() {
        return queue.size();
    }

    public boolean isRunning() {
        return running;
    }

    /** Why the stream stopped, if it failed or paused. */
    public Optional<ChangeCaptureException> failure() {
        return Optional.ofNullable(failure.get());
    }

    /** The server's thread id of the running binlog connection (what {@code SHOW PROCESSLIST} lists), -1 when none. */
    public long connectionId() {
        BinaryLogClient c = client;
        return c == null || !running ? -1 : c.getConnectionId();
    }

    /** The binlog file and position the reader got to (the next event to read). */
    public MySqlPosition readPosition() {
        return MySqlPosition.boundary(readFile, readPosition);
    }

    /**
     * Seconds and bytes behind the server; opens a short JDBC connection for {@code SHOW MASTER STATUS}.
     */
    public Lag lag() throws SQLException {
        String[] s;
        try (Connection c = openJdbc()) {
            s = masterStatus(c);
        }
        long serverPos = Long.parseLong(s[1]);
        String file = readFile;
        long pos = readPosition;
        long bytes = s[0].equals(file) ? Math.max(0, serverPos - pos) : -1;
        long last = lastEventMillis;
        Duration behind = last == 0 || bytes == 0 ? Duration.ZERO
                : Duration.ofMillis(Math.max(0, System.currentTimeMillis() - last));
        return new Lag(behind, bytes, s[0], serverPos);
    }

    /**
     * Stops the stream if it still runs, drops the queued (unacknowledged) events and starts again after the last
     * acknowledged position, so every event after it is delivered again. Retry and back-off are the caller's job.
     */
    public synchronized void reconnect() throws SQLException, InterruptedException {
        stop();
        queue.clear();
        MySqlPosition ack = acknowledged.get();
        LOG.info("reconnecting binlog stream of {} after {}", Redaction.redact(config.jdbcUrl()), ack != null ? ack : startGtidSet);
        if (ack == null && startGtidSet != null) {
            startStream(null, startGtidSet);
        } else {
            startStream(ack, null);
        }
    }

    /** Stops the reader and closes the binlog connection; queued events stay available to poll. */
    public synchronized void stop() throws InterruptedException {
        stop0();
    }

    private void stop0() {
        stopping = true;
        running = false;
        BinaryLogClient c = client;
        if (c != null) {
            try {
                c.disconnect();
            } catch (IOException e) {
                LOG.debug("closing the binlog connection: {}", e.getMessage());
            }
            client = null;
        }
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One decoded table map: the captured table, its columns and catalog facts; {@code null} table = not captured. */
    private record TableInfo(QualifiedName table, List<ChangeColumn> columns, List<MySqlColumnInfo> infos, int[] typeIds) {
    }

    /** The reader thread's state; everything here runs on the binlog client's thread. */
    private final class Reader implements BinaryLogClient.LifecycleListener {
        private final BinaryLogClient owner;
        private final MySqlPosition resumeAfter;
        private final Map<QualifiedName, List<MySqlColumnInfo>> catalog;
        private final Map<Long, TableInfo> tables = new HashMap<>();
        private boolean resumeFilterActive;
        private volatile boolean halted;
        private volatile Exception communicationFailure;
        private final java.util.concurrent.CountDownLatch opened = new java.util.concurrent.CountDownLatch(1);
        private volatile boolean sawEvent;
        private String file;
        private long txStart = -1;
        private String txGtid;
        /** The open group is a real transaction (BEGIN, or a non-standalone MariaDB GTID), not a single statement. */
        private boolean txExplicit;
        private long txMillis;
        private boolean beginSent;

        private final Map<Long, TableMapEventData> tableMaps;

        Reader(BinaryLogClient owner, MySqlPosition resumeAfter, String file, Map<QualifiedName, List<MySqlColumnInfo>> catalog,
               Map<Long, TableMapEventData> tableMaps) {
            this.tableMaps = tableMaps;
            this.owner = owner;
            this.resumeAfter = resumeAfter;
            this.resumeFilterActive = resumeAfter != null;
            this.catalog = catalog;
            this.file = file;
        }

        void onEvent(Event event) {
            if (!sawEvent) {
                sawEvent = true;
                opened.countDown();
            }
            if (event.getData() instanceof TableMapEventData m) {
                // the rows deserializers look table maps up here (before the rows events that use them are read)
                tableMaps.put(m.getTableId(), m);
            }
            if (halted || stopping) {
                return;
            }
            try {
                handle(event);
            } catch (InterruptedException e) {
                halted = true;
            } catch (MySqlSchemaChangeException e) {
                halt(e);
            } catch (RuntimeException e) {
                halt(new ChangeCaptureException("binlog capture of " + Redaction.redact(config.jdbcUrl()) + " failed at "
                        + file + ":" + position(event) + ": " + Redaction.redact(String.valueOf(e.getMessage()), config.password()),
                        false, e));
            }
        }

        private void halt(ChangeCaptureException e) {
            halted = true;
            fail(e);
            running = false;
            // the client's thread is ours; disconnecting from it would wait for itself
            Thread t = new Thread(() -> {
                try {
                    owner.disconnect();
                } catch (IOException ex) {
                    LOG.debug("closing the binlog connection: {}", ex.getMessage());
                }
            }, "ferry-mysql-cdc-halt");
            t.setDaemon(true);
            t.start();
        }

        private void fail(ChangeCaptureException e) {
            if (failure.compareAndSet(null, e)) {
                LOG.warn(e.getMessage());
                listener.onFailure(e);
            }
        }

        private long position(Event event) {
            return event.getHeader() instanceof EventHeaderV4 h ? h.getPosition() : -1;
        }

        private void handle(Event event) throws InterruptedException {
            EventHeaderV4 h = event.getHeader();
            EventType type = h.getEventType();
            long pos = h.getPosition();
            if (type == EventType.ROTATE) {
                RotateEventData r = event.getData();
                file = r.getBinlogFilename();
                readFile = file;
                readPosition = r.getBinlogPosition();
                return;
            }
            if (h.getNextPosition() > 0) {
                readPosition = h.getNextPosition();
            }
            if (h.getTimestamp() > 0 && type != EventType.HEARTBEAT) {
                lastEventMillis = h.getTimestamp();
            }
            switch (type) {
                case MARIADB_GTID: {
                    MariadbGtidEventData g = event.getData();
                    // the server id of a MariaDB GTID is the event header's
                    startTransaction(pos, g.getDomainId() + "-" + h.getServerId() + "-" + g.getSequence(), h.getTimestamp());
                    txExplicit = (g.getFlags() & MariadbGtidEventData.FL_STANDALONE) == 0;
                    break;
                }
                case GTID: {
                    GtidEventData g = event.getData();
                    startTransaction(pos, g.getGtid(), h.getTimestamp());
                    break;
                }
                case QUERY:
                    query(event.getData(), pos, h.getTimestamp());
                    break;
                case TABLE_MAP:
                    tableMap(event.getData());
                    break;
                case WRITE_ROWS:
                case EXT_WRITE_ROWS: {
                    WriteRowsEventData d = event.getData();
                    TableInfo t = table(d.getTableId());
                    if (t != null) {
                        checkImage(t, d.getIncludedColumns(), pos);
                        int i = 0;
                        for (Serializable[] row : d.getRows()) {
                            row(Operation.INSERT, t, null, decode(t, row), pos, i++);
                        }
                    }
                    break;
                }
                case UPDATE_ROWS:
                case EXT_UPDATE_ROWS: {
                    UpdateRowsEventData d = event.getData();
                    TableInfo t = table(d.getTableId());
                    if (t != null) {
                        checkImage(t, d.getIncludedColumnsBeforeUpdate(), pos);
                        checkImage(t, d.getIncludedColumns(), pos);
                        int i = 0;
                        for (Map.Entry<Serializable[], Serializable[]> row : d.getRows()) {
                            row(Operation.UPDATE, t, decode(t, row.getKey()), decode(t, row.getValue()), pos, i++);
                        }
                    }
                    break;
                }
                case DELETE_ROWS:
                case EXT_DELETE_ROWS: {
                    DeleteRowsEventData d = event.getData();
                    TableInfo t = table(d.getTableId());
                    if (t != null) {
                        checkImage(t, d.getIncludedColumns(), pos);
                        int i = 0;
                        for (Serializable[] row : d.getRows()) {
                            row(Operation.DELETE, t, decode(t, row), null, pos, i++);
                        }
                    }
                    break;
                }
                case XID:
                    commit(pos, h.getTimestamp());
                    break;
                case XA_PREPARE:
                    // MySQL XA: the rows of an XA transaction are logged at XA PREPARE; they are delivered then
                    LOG.warn("XA transaction prepared at {}:{} is delivered as committed", file, pos);
                    commit(pos, h.getTimestamp());
                    break;
                case TRANSACTION_PAYLOAD:
                    throw new IllegalStateException("compressed binlog transactions (binlog_transaction_compression=ON)"
                            + " are not supported; turn the compression off for change capture");
                default:
                    break;
            }
        }

        private void startTransaction(long pos, String gtid, long millis) {
            txExplicit = false;
            txStart = pos;
            txGtid = gtid;
            txMillis = millis;
            beginSent = false;
        }

        private void endTransaction() {
            txStart = -1;
            txGtid = null;
            beginSent = false;
        }

        private void query(QueryEventData q, long pos, long millis) throws InterruptedException {
            MySqlDdl.Statement s = MySqlDdl.classify(q.getSql(), q.getDatabase());
            switch (s.kind()) {
                case BEGIN:
                    if (txStart < 0) {
                        startTransaction(pos, null, millis);
                    }
                    txExplicit = true;
                    return;
                case COMMIT:
                case ROLLBACK:
                    commit(pos, millis);
                    return;
                case TRUNCATE:
                case TABLE_DDL: {
                    if (txStart < 0) {
                        startTransaction(pos, null, millis);
                    }
                    List<QualifiedName> hit = new ArrayList<>();
                    for (QualifiedName n : s.tables()) {
                        QualifiedName captured = captured(n);
                        if (captured != null && !hit.contains(captured)) {
                            hit.add(captured);
                        }
                    }
                    if (hit.isEmpty()) {
                        endTransaction();
                        return;
                    }
                    if (s.kind() == MySqlDdl.Kind.TRUNCATE) {
                        ensureBegin();
                        deliver(new ChangeEvent.Truncate(hit, false, false, pos(pos, 2)));
                        commit(pos, millis);
                        return;
                    }
                    ensureBegin();
                    List<QualifiedName> named = s.tables();
                    for (int i = 0; i < hit.size(); i++) {
                        QualifiedName t = hit.get(i);
                        QualifiedName newName = t;
                        int idx = named.indexOf(t);
                        boolean rename = q.getSql().trim().toUpperCase(Locale.ROOT).startsWith("RENAME");
                        if (rename && idx >= 0 && idx % 2 == 0 && idx + 1 < named.size()) {
                            newName = named.get(idx + 1);
                        }
                        deliver(new ChangeEvent.RelationChange(t, newName, columns(t, catalog.getOrDefault(t, List.of()), null),
                                currentColumns(newName), pos(pos, 2 + i)));
                    }
                    MySqlPosition commitPos = pos(pos, MySqlPosition.COMMIT_ORDINAL);
                    commit(pos, millis);
                    if (resumeAfter == null || commitPos.compareTo(resumeAfter) > 0) {
                        throw new MySqlSchemaChangeException(q.getSql(), hit, commitPos);
                    }
                    return;
                }
                default:
                    // other statements (CREATE TABLE, SAVEPOINT, GRANT, ...) do not change captured tables' rows
                    if (txStart >= 0 && !txExplicit) {
                        // a standalone statement: its group ends here
                        endTransaction();
                    }
            }
        }

        /** The table's columns as the catalog shows them now (empty when it is gone or cannot be read). */
        private List<ChangeColumn> currentColumns(QualifiedName table) {
            try (Connection c = openJdbc()) {
                List<MySqlColumnInfo> now = MySqlTableCatalog.read(c, List.of(table)).get(table);
                return now == null ? List.of() : columns(table, now, null);
            } catch (SQLException e) {
                LOG.warn("could not read the new columns of {}.{}: {}", table.schema(), table.name(), e.getMessage());
                return List.of();
            }
        }

        private QualifiedName captured(QualifiedName n) {
            for (QualifiedName t : config.tables()) {
                if (t.name().equals(n.name()) && t.schema().equals(n.schema())) {
                    return t;
                }
            }
            for (QualifiedName t : config.tables()) {
                if (t.name().equalsIgnoreCase(n.name()) && t.schema().equalsIgnoreCase(n.schema())) {
                    return t;
                }
            }
            return null;
        }

        private void tableMap(TableMapEventData m) {
            TableInfo known = tables.get(m.getTableId());
            if (known != null) {
                return;
            }
            QualifiedName t = captured(new QualifiedName(m.getDatabase(), m.getTable()));
            if (t == null) {
                tables.put(m.getTableId(), new TableInfo(null, List.of(), List.of(), new int[0]));
                return;
            }
            List<MySqlColumnInfo> infos = catalog.get(t);
            if (infos == null) {
                throw new IllegalStateException("table " + t.schema() + "." + t.name() + " did not exist when the capture"
                        + " started, so its row changes cannot be decoded; start from a position after it was created");
            }
            byte[] types = m.getColumnTypes();
            if (types.length != infos.size()) {
                throw new IllegalStateException("table " + t.schema() + "." + t.name() + " has " + types.length
                        + " columns in the binlog but " + infos.size() + " in the catalog read at start: its definition"
                        + " changed between this binlog position and now; restart the capture from a position after the change");
            }
            int[] typeIds = new int[types.length];
            for (int i = 0; i < types.length; i++) {
                typeIds[i] = types[i] & 0xFF;
            }
            tables.put(m.getTableId(), new TableInfo(t, columns(t, infos, typeIds), infos, typeIds));
        }

        private List<ChangeColumn> columns(QualifiedName t, List<MySqlColumnInfo> infos, int[] typeIds) {
            List<ChangeColumn> cols = new ArrayList<>(infos.size());
            for (int i = 0; i < infos.size(); i++) {
                MySqlColumnInfo c = infos.get(i);
                cols.add(new ChangeColumn(c.name(), c.columnType(), typeIds == null ? 0 : typeIds[i], -1, c.key()));
            }
            // immutable once: every RowChange of the table shares this instance (List.copyOf returns it as is), so
            // the applier compares column lists by identity
            return List.copyOf(cols);
        }

        private TableInfo table(long tableId) {
            TableInfo t = tables.get(tableId);
            if (t == null) {
                throw new IllegalStateException("rows event for table id " + tableId + " without a table map");
            }
            return t.table() == null ? null : t;
        }

        private void checkImage(TableInfo t, BitSet included, long pos) {
            if (included != null && included.cardinality() != t.infos().size()) {
                throw new IllegalStateException("rows event at " + file + ":" + pos + " of " + t.table().schema() + "."
                        + t.table().name() + " carries " + included.cardinality() + " of " + t.infos().size()
                        + " columns; change capture needs binlog_row_image=FULL");
            }
        }

        private List<Object> decode(TableInfo t, Serializable[] row) {
            Object[] values = new Object[row.length];
            for (int i = 0; i < row.length; i++) {
                MySqlColumnInfo info = t.infos().get(i);
                try {
                    values[i] = MySqlValueDecoder.decode(row[i], info, t.typeIds()[i]);
                } catch (RuntimeException e) {
                    throw new IllegalStateException("column " + t.table().schema() + "." + t.table().name() + "." + info.name()
                            + " (" + info.columnType() + "): " + e.getMessage(), e);
                }
            }
            return ChangeEvent.RowChange.row(values); // no second copy in the RowChange
        }

        private MySqlPosition pos(long eventPos, int ordinal) {
            long start = txStart >= 0 ? txStart : eventPos;
            return new MySqlPosition(file, start, Math.max(eventPos, start), ordinal, txGtid);
        }

        private void ensureBegin() throws InterruptedException {
            if (txStart < 0) {
                throw new IllegalStateException("row change outside a transaction");
            }
            if (!beginSent) {
                beginSent = true;
                deliver(new ChangeEvent.Begin(txId(), pos(txStart, MySqlPosition.BEGIN_ORDINAL), Instant.ofEpochMilli(txMillis)));
            }
        }

        private String txId() {
            return txGtid != null ? txGtid : file + ":" + txStart;
        }

        private void row(Operation op, TableInfo t, List<Object> before, List<Object> after, long pos, int index)
                throws InterruptedException {
            if (txStart < 0) {
                // non-transactional table without BEGIN (should not happen with ROW format)
                startTransaction(pos, null, lastEventMillis);
            }
            ensureBegin();
            deliver(new ChangeEvent.RowChange(op, t.table(), t.columns(), before == null ? BeforeImage.NONE : BeforeImage.FULL,
                    before, after, pos(pos, 2 + index)));
        }

        private void commit(long pos, long millis) throws InterruptedException {
            if (beginSent) {
                deliver(new ChangeEvent.Commit(txId(), pos(pos, MySqlPosition.COMMIT_ORDINAL), Instant.ofEpochMilli(millis)));
            }
            endTransaction();
        }

        private void deliver(ChangeEvent event) throws InterruptedException {
            if (resumeFilterActive && !passesResumeFilter(event)) {
                return;
            }
            while (!queue.offer(event, 200, TimeUnit.MILLISECONDS)) {
                if (!running || stopping) {
                    throw new InterruptedException("stopped");
                }
            }
        }

        private boolean passesResumeFilter(ChangeEvent event) {
            MySqlPosition p = (MySqlPosition) event.position();
            if (p.compareTo(resumeAfter) > 0) {
                if (p.transactionStart() != resumeAfter.transactionStart() || !p.file().equals(resumeAfter.file())) {
                    resumeFilterActive = false;
                }
                return true;
            }
            // re-open a partly applied transaction
            return event instanceof ChangeEvent.Begin && !resumeAfter.isTransactionEnd()
                    && p.transactionStart() == resumeAfter.transactionStart() && p.file().equals(resumeAfter.file());
        }

        @Override
        public void onConnect(BinaryLogClient c) {
            LOG.debug("binlog connection {} established", c.getConnectionId());
        }

        @Override
        public void onCommunicationFailure(BinaryLogClient c, Exception ex) {
            communicationFailure = ex;
        }

        @Override
        public void onEventDeserializationFailure(BinaryLogClient c, Exception ex) {
            if (!halted && !stopping) {
                halt(new ChangeCaptureException("could not decode a binlog event of " + Redaction.redact(config.jdbcUrl())
                        + " after " + file + ":" + readPosition + ": " + Redaction.redact(String.valueOf(ex.getMessage()),
                        config.password()), false, ex));
            }
        }

        @Override
        public void onDisconnect(BinaryLogClient c) {
            if (!halted && !stopping) {
                Exception ex = communicationFailure;
                boolean fatal = ex instanceof ServerException se && FATAL_ERRORS.contains(se.getErrorCode());
                fail(new ChangeCaptureException("binlog connection to " + Redaction.redact(config.jdbcUrl())
                        + (fatal ? " was refused by the server (reconnecting will not help)" : " was lost") + " at "
                        + file + ":" + readPosition + (ex == null ? "" : ": " + Redaction.redact(String.valueOf(ex.getMessage()),
                        config.password())), !fatal, ex));
            }
            running = false;
            opened.countDown();
        }
    }
}
