package dev.ferry.engine.cdc.postgres;

import dev.ferry.engine.cdc.ChangeCaptureException;
import dev.ferry.engine.cdc.ChangeEvent;
import dev.ferry.engine.cdc.ChangeListener;
import dev.ferry.engine.cdc.SourcePosition;
import dev.ferry.model.util.Redaction;
import org.postgresql.PGConnection;
import org.postgresql.replication.LogSequenceNumber;
import org.postgresql.replication.PGReplicationStream;
import org.postgresql.replication.fluent.logical.ChainedLogicalStreamBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Streams the changes of a PostgreSQL logical replication slot (pgoutput, protocol 1 or 2) as {@link ChangeEvent}s.
 *
 * <p>One reader thread per running stream owns the replication connection: it reads messages, decodes them with
 * {@link PgOutputDecoder} and puts the events into a bounded queue; when the queue is full the reader waits (keeping
 * the connection alive with status updates), which is the capture's back-pressure. The consumer takes events with
 * {@link #poll(Duration)} and, once the target committed them, calls {@link #acknowledge(SourcePosition)}: only
 * acknowledged positions are ever confirmed to the server as flushed, so the slot keeps every unacknowledged change.
 *
 * <p>After {@link #start(PostgresPosition)} with a position, events at or before it are not delivered again (see
 * {@link #start(PostgresPosition)} for a position inside a transaction). When the connection drops, {@link #poll}
 * throws a {@link ChangeCaptureException} (with {@link ChangeCaptureException#isConnectionLoss()}) after the events
 * already queued; {@link #reconnect()} restarts from the last acknowledged position.
 *
 * <p>Thread-safety: {@link #poll} is for one consumer thread; {@link #acknowledge}, {@link #lastAcknowledged},
 * {@link #isRunning}, {@link #failure} and {@link #close} may be called from any thread; {@link #start} and
 * {@link #reconnect} are synchronized. {@link Listener} callbacks run on the reader thread.
 */
public final class PostgresStreamingSource implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresStreamingSource.class);
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    private static final long MIN_ACK_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long SLOT_BUSY_WAIT_NANOS = TimeUnit.SECONDS.toNanos(10);
    /** SQLSTATE of "replication slot ... is active for PID ...". */
    private static final String OBJECT_IN_USE = "55006";

    /** Progress of the stream; every method runs on the reader thread and must not block. */
    public interface Listener extends PgOutputDecoder.StreamListener {
        /** Ignores everything. */
        Listener NO_OP = new Listener() {
        };

        /** The stream started at {@code startLsn} with this pgoutput protocol version. */
        default void onStarted(long startLsn, int protocolVersion, boolean streaming) {
        }

        /** A standby status update confirmed {@code flushedLsn} to the server. */
        default void onStatusSent(long flushedLsn) {
        }

        /** The stream stopped because of {@code failure}. */
        default void onFailure(ChangeCaptureException failure) {
        }
    }

    private final PostgresReplicationConnection admin;
    private final PostgresCdcConfig config;
    private final Listener listener;
    private final BlockingQueue<ChangeEvent> queue;
    private final AtomicReference<PostgresPosition> acknowledged = new AtomicReference<>();
    private final AtomicReference<ChangeCaptureException> failure = new AtomicReference<>();
    private volatile Thread reader;
    private volatile boolean running;
    private volatile int protocolVersion;

    public PostgresStreamingSource(PostgresCdcConfig config, Listener listener) {
        this.config = config;
        this.admin = new PostgresReplicationConnection(config);
        this.listener = listener == null ? Listener.NO_OP : listener;
        this.queue = new ArrayBlockingQueue<>(config.queueCapacity());
    }

    public PostgresStreamingSource(PostgresCdcConfig config) {
        this(config, Listener.NO_OP);
    }

    /** The administration helper for this source's slot and publication. */
    public PostgresReplicationConnection admin() {
        return admin;
    }

    /** The pgoutput protocol version of the running (or last) stream, 0 before the first start. */
    public int protocolVersion() {
        return protocolVersion;
    }

    /**
     * Starts streaming on a new reader thread.
     *
     * @param after {@code null} to stream from the slot's confirmed position; otherwise the last position the target
     *              applied: the server restarts at {@link PostgresPosition#flushLsn()} and events at or before
     *              {@code after} are dropped. When {@code after} lies inside a transaction, that transaction's
     *              {@code Begin} is delivered again, followed by its changes after {@code after} and its {@code Commit}.
     *              {@code after} also becomes the last acknowledged position.
     * @throws SQLException when the replication connection or the stream cannot be opened (message redacted); a slot
     *                      still held by a just-closed stream is waited for up to 10 seconds
     */
    public synchronized void start(PostgresPosition after) throws SQLException {
        if (running) {
            throw new IllegalStateException("replication stream of slot " + config.slotName() + " is already running");
        }
        if (after != null) {
            acknowledged.accumulateAndGet(after, (a, b) -> a == null || b.compareTo(a) > 0 ? b : a);
        }
        failure.set(null);
        int serverVersion = admin.serverVersionNum();
        int proto = config.protocolVersion() != 0 ? config.protocolVersion() : serverVersion >= 140000 ? 2 : 1;
        boolean streaming = proto >= 2 && config.streaming() && serverVersion >= 140000;
        long startLsn = after == null ? 0L : after.flushLsn();
        long deadline = System.nanoTime() + SLOT_BUSY_WAIT_NANOS;
        while (true) {
            try {
                startReader(after, startLsn, proto, streaming, serverVersion >= 140000);
                return;
            } catch (SQLException e) {
                // the walsender of a connection we just closed may still hold the slot for a moment
                if (!OBJECT_IN_USE.equals(e.getSQLState()) || System.nanoTime() > deadline) {
                    throw e;
                }
                LOG.debug("slot {} still in use, retrying: {}", config.slotName(), e.getMessage());
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            }
        }
    }

    private void startReader(PostgresPosition after, long startLsn, int proto, boolean streaming, boolean messages)
            throws SQLException {
        Connection connection = admin.openReplication();
        PGReplicationStream stream;
        try {
            ChainedLogicalStreamBuilder b = connection.unwrap(PGConnection.class).getReplicationAPI().replicationStream()
                    .logical()
                    .withSlotName(config.slotName())
                    .withStartPosition(LogSequenceNumber.valueOf(startLsn))
                    .withSlotOption("proto_version", Integer.toString(proto))
                    .withSlotOption("publication_names", PostgresReplicationConnection.quoteIdent(config.publicationName()))
                    .withStatusInterval((int) Math.max(1, config.statusInterval().toMillis()), TimeUnit.MILLISECONDS)
                    // pgjdbc's default "automatic flush" confirms the server's WAL end on a keepalive whenever the last
                    // explicitly flushed LSN is at or past the start of the last message read. With interleaved
                    // transactions (a later commit whose first change lies before an earlier commit's end) that
                    // confirms changes the target never applied, and a restart skips them. Only acknowledge() may
                    // move the slot.
                    .withAutomaticFlush(false);
            if (streaming) {
                b.withSlotOption("streaming", "on");
            }
            if (messages) {
                b.withSlotOption("messages", "true");
            }
            stream = b.start();
        } catch (SQLException e) {
            try {
                connection.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new SQLException("could not start replication from slot " + config.slotName() + " on "
                    + Redaction.redact(config.jdbcUrl()) + ": " + Redaction.redact(e.getMessage(), config.password()),
                    e.getSQLState(), e);
        }
        protocolVersion = proto;
        running = true;
        Reader r = new Reader(connection, stream, after, startLsn, proto, streaming);
        Thread t = new Thread(r::run, "ferry-pg-cdc-" + config.slotName());
        t.setDaemon(true);
        reader = t;
        t.start();
    }

    /**
     * The next event, waiting up to {@code timeout}; {@code null} when none arrived in time.
     *
     * @throws ChangeCaptureException when the stream failed and every event read before the failure was taken
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
     * Records that the target applied everything up to and including {@code position}. Only such positions are
     * confirmed to the server (as {@link PostgresPosition#flushLsn()}), at the latest with the next status update.
     * Older positions than the last acknowledged one are ignored.
     */
    public void acknowledge(SourcePosition position) {
        if (!(position instanceof PostgresPosition p)) {
            throw new IllegalArgumentException("not a PostgreSQL position: " + position);
        }
        acknowledged.accumulateAndGet(p, (a, b) -> a == null || b.compareTo(a) > 0 ? b : a);
    }

    /** The last acknowledged position. */
    public Optional<PostgresPosition> lastAcknowledged() {
        return Optional.ofNullable(acknowledged.get());
    }

    /** Events read but not yet taken by {@link #poll}; never more than the configured queue capacity. */
    public int queuedEvents() {
        return queue.size();
    }

    public boolean isRunning() {
        return running;
    }

    /** Why the stream stopped, if it failed. */
    public Optional<ChangeCaptureException> failure() {
        return Optional.ofNullable(failure.get());
    }

    /**
     * Stops the stream if it still runs, drops the queued (unacknowledged) events and starts again right after the last
     * acknowledged position, so every event after it is delivered again. Retry and back-off are the caller's job.
     */
    public synchronized void reconnect() throws SQLException, InterruptedException {
        stop();
        queue.clear();
        LOG.info("reconnecting replication stream of slot {} after {}", config.slotName(), acknowledged.get());
        start(acknowledged.get());
    }

    /** Stops the reader thread and closes the replication connection; queued events stay available to poll. */
    public synchronized void stop() throws InterruptedException {
        running = false;
        Thread t = reader;
        if (t != null) {
            t.join(TimeUnit.SECONDS.toMillis(30));
            if (t.isAlive()) {
                throw new IllegalStateException("reader thread of slot " + config.slotName() + " did not stop");
            }
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

    /** The reader thread's state; everything here runs on that thread. */
    private final class Reader {
        private final Connection connection;
        private final PGReplicationStream stream;
        private final PostgresPosition resumeAfter;
        private final long startLsn;
        private final int proto;
        private final boolean streaming;
        private long sentFlushLsn = -1;
        private long lastStatusNanos = System.nanoTime();
        private boolean resumeFilterActive;

        Reader(Connection connection, PGReplicationStream stream, PostgresPosition resumeAfter, long startLsn, int proto,
               boolean streaming) {
            this.connection = connection;
            this.stream = stream;
            this.resumeAfter = resumeAfter;
            this.resumeFilterActive = resumeAfter != null;
            this.startLsn = startLsn;
            this.proto = proto;
            this.streaming = streaming;
        }

        void run() {
            ChangeListener sink = this::deliver;
            try (PgOutputDecoder decoder = new PgOutputDecoder(sink, config.streamMemoryBytes(), config.spillDirectory())) {
                decoder.streamListener(listener);
                listener.onStarted(startLsn, proto, streaming);
                LOG.info("streaming slot {} from {} with pgoutput protocol {}{}", config.slotName(),
                        PostgresPosition.formatLsn(startLsn), proto, streaming ? " (streaming in-progress transactions)" : "");
                while (running) {
                    sendStatus(false);
                    ByteBuffer message = stream.readPending();
                    if (message == null) {
                        LockSupport.parkNanos(IDLE_PARK_NANOS);
                        continue;
                    }
                    decoder.decode(message, stream.getLastReceiveLSN().asLong());
                }
                sendStatus(true);
            } catch (InterruptedException e) {
                LOG.debug("reader of slot {} interrupted", config.slotName());
            } catch (SQLException e) {
                fail(new ChangeCaptureException("replication connection of slot " + config.slotName() + " to "
                        + Redaction.redact(config.jdbcUrl()) + " was lost: " + Redaction.redact(e.getMessage(), config.password()),
                        true, e));
            } catch (RuntimeException e) {
                fail(new ChangeCaptureException("change capture of slot " + config.slotName() + " failed: "
                        + Redaction.redact(e.getMessage(), config.password()), false, e));
            } finally {
                running = false;
                close();
            }
        }

        private void fail(ChangeCaptureException e) {
            LOG.warn(e.getMessage());
            failure.set(e);
            listener.onFailure(e);
        }

        private void close() {
            try {
                if (!stream.isClosed()) {
                    stream.close();
                }
            } catch (SQLException e) {
                LOG.debug("closing the replication stream of slot {}: {}", config.slotName(), e.getMessage());
            }
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("closing the replication connection of slot {}: {}", config.slotName(), e.getMessage());
            }
        }

        /** Confirms the acknowledged LSN when it moved (at most every 100 ms) or the status interval passed. */
        private void sendStatus(boolean force) throws SQLException {
            PostgresPosition ack = acknowledged.get();
            long flush = ack == null ? -1 : ack.flushLsn();
            long now = System.nanoTime();
            boolean moved = flush > sentFlushLsn && now - lastStatusNanos >= MIN_ACK_INTERVAL_NANOS;
            boolean due = now - lastStatusNanos >= config.statusInterval().toNanos();
            if (!(force || moved || due)) {
                return;
            }
            if (flush >= 0) {
                LogSequenceNumber lsn = LogSequenceNumber.valueOf(flush);
                stream.setFlushedLSN(lsn);
                stream.setAppliedLSN(lsn);
            }
            stream.forceUpdateStatus();
            lastStatusNanos = now;
            if (flush > sentFlushLsn) {
                sentFlushLsn = flush;
                listener.onStatusSent(flush);
            }
        }

        private void deliver(ChangeEvent event) throws InterruptedException {
            if (resumeFilterActive && !passesResumeFilter(event)) {
                return;
            }
            while (!queue.offer(event, 200, TimeUnit.MILLISECONDS)) {
                if (!running) {
                    throw new InterruptedException("stopped");
                }
                try {
                    sendStatus(false);
                } catch (SQLException e) {
                    throw new IllegalStateException("status update failed while the event queue was full: " + e.getMessage(), e);
                }
            }
        }

        private boolean passesResumeFilter(ChangeEvent event) {
            PostgresPosition p = (PostgresPosition) event.position();
            if (p.compareTo(resumeAfter) > 0) {
                if (p.commitLsn() != resumeAfter.commitLsn()) {
                    resumeFilterActive = false;
                }
                return true;
            }
            // re-open a partly applied transaction
            return event instanceof ChangeEvent.Begin && !resumeAfter.isTransactionEnd()
                    && p.commitLsn() == resumeAfter.commitLsn();
        }
    }
}
