package dev.ferry.engine.cdc.sqlite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.engine.cdc.ChangeCaptureException;
import dev.ferry.engine.cdc.ChangeColumn;
import dev.ferry.engine.cdc.ChangeEvent;
import dev.ferry.engine.cdc.ChangeEvent.BeforeImage;
import dev.ferry.engine.cdc.ChangeEvent.Operation;
import dev.ferry.engine.cdc.SourcePosition;
import dev.ferry.model.schema.QualifiedName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Streams the rows that {@link SqliteTriggerCapture}'s triggers wrote into {@code ferry_capture}, in {@code seq}
 * order, as {@link ChangeEvent}s.
 *
 * <p>SQLite records no transaction ids, so the source cannot reproduce the source's transactions: <b>each poll batch
 * (up to {@link SqliteCdcConfig#batchSize()} capture rows) is delivered as one transaction</b> ({@code Begin}, the
 * row changes, {@code Commit}); a source transaction may be split over two batches or share one with others. Because
 * SQLite admits one writer at a time, {@code seq} order is commit order and a poll never sees a later-filled gap.
 * Updates and deletes carry the full old row ({@link BeforeImage#FULL}); values are {@code Long} (INTEGER),
 * {@code Double} (REAL), {@code String} (TEXT), {@code byte[]} (BLOB) or {@code null}, as stored.
 * {@link ChangeColumn#typeName()} is the declared column type; table names have no schema ({@code null}).
 *
 * <p>{@link #acknowledge} records the applied position; the reader then deletes capture rows up to it (never the
 * newest one, which keeps {@code seq} increasing). The applier persists the position and passes it to
 * {@link #start(SqlitePosition)} after a restart.
 *
 * <p>Thread-safety: one reader thread per running source; {@link #poll} is for one consumer thread;
 * {@link #acknowledge}, {@link #lastAcknowledged}, {@link #isRunning}, {@link #failure} and {@link #close} may be
 * called from any thread; {@link #start} and {@link #stop} are synchronized.
 */
public final class SqliteStreamingSource implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteStreamingSource.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SqliteCdcConfig config;
    private final BlockingQueue<ChangeEvent> queue;
    private final AtomicReference<SqlitePosition> acknowledged = new AtomicReference<>();
    private final AtomicReference<ChangeCaptureException> failure = new AtomicReference<>();
    private volatile boolean running;
    private volatile Thread reader;
    private volatile long compactedThrough = -1;

    public SqliteStreamingSource(SqliteCdcConfig config) {
        this.config = config;
        this.queue = new ArrayBlockingQueue<>(config.queueCapacity());
    }

    /**
     * Starts the reader thread.
     *
     * @param after {@code null} to deliver every row in the capture table, else the last applied position: rows with
     *              {@code seq <= after.appliedSeq()} are not delivered
     * @throws SQLException when the database cannot be opened or the capture is not installed
     */
    public synchronized void start(SqlitePosition after) throws SQLException {
        if (running) {
            throw new IllegalStateException("SQLite capture of " + config.jdbcUrl() + " is already running");
        }
        Connection c = DriverManager.getConnection(config.jdbcUrl());
        try {
            if (!SqliteTriggerCapture.isInstalled(c)) {
                throw new SQLException("change capture is not installed in " + config.jdbcUrl() + " (no "
                        + SqliteTriggerCapture.CAPTURE_TABLE + " table)");
            }
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA busy_timeout = 10000");
            }
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        if (after != null) {
            acknowledged.accumulateAndGet(after, (a, b) -> a == null || b.compareTo(a) > 0 ? b : a);
        }
        failure.set(null);
        running = true;
        long from = after == null ? 0 : after.appliedSeq();
        Thread t = new Thread(() -> run(c, from), "ferry-sqlite-cdc");
        t.setDaemon(true);
        reader = t;
        t.start();
    }

    /**
     * The next event, waiting up to {@code timeout}; {@code null} when none arrived in time.
     *
     * @throws ChangeCaptureException when the reader failed and every event read before was taken
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

    /** Records that the target applied everything up to {@code position}; capture rows up to it get deleted. */
    public void acknowledge(SourcePosition position) {
        if (!(position instanceof SqlitePosition p)) {
            throw new IllegalArgumentException("not a SQLite position: " + position);
        }
        acknowledged.accumulateAndGet(p, (a, b) -> a == null || b.compareTo(a) > 0 ? b : a);
    }

    public Optional<SqlitePosition> lastAcknowledged() {
        return Optional.ofNullable(acknowledged.get());
    }

    /** The highest {@code seq} whose capture rows were deleted after acknowledgement (-1: none yet). */
    public long compactedThrough() {
        return compactedThrough;
    }

    public int queuedEvents() {
        return queue.size();
    }

    public boolean isRunning() {
        return running;
    }

    public Optional<ChangeCaptureException> failure() {
        return Optional.ofNullable(failure.get());
    }

    /** Stops the reader; queued events stay available to poll. */
    public synchronized void stop() throws InterruptedException {
        running = false;
        Thread t = reader;
        if (t != null) {
            t.join(TimeUnit.SECONDS.toMillis(30));
            reader = null;
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

    private void run(Connection c, long from) {
        long last = from;
        try (c; PreparedStatement read = c.prepareStatement("SELECT seq, tbl, op, pk, before, after, types, at FROM "
                + SqliteTriggerCapture.CAPTURE_TABLE + " WHERE seq > ? ORDER BY seq LIMIT ?");
             PreparedStatement compact = c.prepareStatement("DELETE FROM " + SqliteTriggerCapture.CAPTURE_TABLE
                     + " WHERE seq <= ? AND seq < (SELECT max(seq) FROM " + SqliteTriggerCapture.CAPTURE_TABLE + ")")) {
            read.setInt(2, config.batchSize());
            while (running) {
                compact(compact);
                read.setLong(1, last);
                List<ChangeEvent> rows = new ArrayList<>();
                long first = -1;
                String lastAt = null;
                int count = 0;
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        count++;
                        long seq = rs.getLong(1);
                        last = seq;
                        String table = rs.getString(2);
                        if (!config.tables().isEmpty() && !config.tables().contains(table)) {
                            continue;
                        }
                        if (first < 0) {
                            first = seq;
                        }
                        lastAt = rs.getString(8);
                        // the images as raw bytes: a TEXT value that is not valid UTF-8 must not be "repaired"
                        rows.add(row(seq, table, rs.getString(3), rs.getString(4), rs.getBytes(5), rs.getBytes(6),
                                rs.getString(7)));
                    }
                }
                if (!rows.isEmpty()) {
                    String txId = "seq " + first + "-" + last;
                    Instant at = Instant.parse(lastAt);
                    deliver(new ChangeEvent.Begin(txId, new SqlitePosition(first, SqlitePosition.BEGIN_ORDINAL), at));
                    for (ChangeEvent e : rows) {
                        deliver(e);
                    }
                    deliver(new ChangeEvent.Commit(txId, SqlitePosition.after(last), at));
                }
                if (count < config.batchSize()) {
                    LockSupport.parkNanos(config.pollInterval().toNanos());
                }
            }
        } catch (InterruptedException e) {
            LOG.debug("SQLite capture reader stopped");
        } catch (SQLException | RuntimeException e) {
            ChangeCaptureException f = new ChangeCaptureException("SQLite change capture of " + config.jdbcUrl()
                    + " failed after seq " + last + ": " + e.getMessage(), false, e);
            LOG.warn(f.getMessage());
            failure.set(f);
        } finally {
            running = false;
        }
    }

    private void compact(PreparedStatement compact) throws SQLException {
        SqlitePosition ack = acknowledged.get();
        if (ack != null && ack.appliedSeq() > compactedThrough) {
            compact.setLong(1, ack.appliedSeq());
            compact.executeUpdate();
            compactedThrough = ack.appliedSeq();
        }
    }

    private void deliver(ChangeEvent event) throws InterruptedException {
        while (!queue.offer(event, 200, TimeUnit.MILLISECONDS)) {
            if (!running) {
                throw new InterruptedException("stopped");
            }
        }
    }

    private static ChangeEvent row(long seq, String table, String op, String pk, byte[] before, byte[] after, String types) {
        try {
            JsonNode typeNode = JSON.readTree(types);
            JsonNode keyNode = JSON.readTree(pk);
            List<ChangeColumn> columns = new ArrayList<>();
            Iterator<Map.Entry<String, JsonNode>> it = typeNode.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                columns.add(new ChangeColumn(e.getKey(), e.getValue().asText(), 0, -1, keyNode.has(e.getKey())));
            }
            List<Object> b = before == null ? null : image(columns, before);
            List<Object> a = after == null ? null : image(columns, after);
            Operation operation = Operation.valueOf(op);
            return new ChangeEvent.RowChange(operation, new QualifiedName(null, table), columns,
                    b == null ? BeforeImage.NONE : BeforeImage.FULL, b, a, new SqlitePosition(seq, SqlitePosition.ROW_ORDINAL));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("capture row seq " + seq + " of table " + table + " is malformed: "
                    + e.getMessage(), e);
        }
    }

    /**
     * One row image. SQLite lets a TEXT value hold bytes that are not UTF-8, and its JSON functions copy them as they
     * are: such an image is parsed byte for byte (ISO-8859-1), and each text value is decoded strictly on its own; a
     * value that is not UTF-8 stays {@code byte[]}, so the applier refuses it with the row's key (as the full load does)
     * instead of writing replacement characters.
     */
    static List<Object> image(List<ChangeColumn> columns, byte[] json) throws IOException {
        String strict = dev.ferry.engine.load.ValueConverter.utf8(json);
        JsonNode row = JSON.readTree(strict != null ? strict : new String(json, StandardCharsets.ISO_8859_1));
        List<Object> out = new ArrayList<>(columns.size());
        for (ChangeColumn c : columns) {
            Object v = value(row.get(c.name()));
            if (strict == null && v instanceof String latin1) {
                byte[] raw = latin1.getBytes(StandardCharsets.ISO_8859_1);
                String text = dev.ferry.engine.load.ValueConverter.utf8(raw);
                v = text != null ? text : raw;
            }
            out.add(v);
        }
        return out;
    }

    /** One JSON value written by the triggers back to its SQLite storage class. */
    static Object value(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isObject()) {
            if (v.has("blob")) {
                return HexFormat.of().parseHex(v.get("blob").asText());
            }
            if (v.has("real")) {
                return v.get("real").asText().startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            throw new IllegalArgumentException("unexpected JSON object " + v);
        }
        if (v.isIntegralNumber()) {
            return v.longValue();
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        return v.asText();
    }
}
