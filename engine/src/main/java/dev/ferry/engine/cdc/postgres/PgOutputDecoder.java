package dev.ferry.engine.cdc.postgres;

import dev.ferry.engine.cdc.ChangeColumn;
import dev.ferry.engine.cdc.ChangeEvent;
import dev.ferry.engine.cdc.ChangeListener;
import dev.ferry.engine.cdc.ValueMarker;
import dev.ferry.model.schema.QualifiedName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes PostgreSQL's binary {@code pgoutput} logical replication protocol (versions 1 and 2) into neutral
 * {@link ChangeEvent}s: Begin, Commit, Origin, Relation, Type, Insert, Update, Delete, Truncate, Message and the
 * version-2 streaming messages Stream Start / Stop / Commit / Abort.
 *
 * <p>Streamed (in-progress) transactions are buffered per top-level transaction id in a
 * {@link PgStreamedTransactionBuffer} (in memory up to a limit, then in a temporary file) and emitted, as one ordinary
 * Begin ... Commit sequence, only when their Stream Commit arrives; a Stream Abort discards them (or, for a
 * subtransaction, only that subtransaction's changes). So the listener always sees whole transactions in commit order.
 *
 * <p>Values arrive in text format and are converted by {@link PgTypes#decodeText}; an unchanged TOASTed value
 * ({@code 'u'}) becomes {@link ValueMarker#UNCHANGED_TOAST}.
 *
 * <p>Not thread-safe: one decoder per replication stream, called from that stream's reader thread; the listener is
 * called on the same thread.
 */
public final class PgOutputDecoder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PgOutputDecoder.class);
    /** 2000-01-01T00:00:00Z in microseconds since the Unix epoch: PostgreSQL timestamps count from there. */
    private static final long PG_EPOCH_MICROS = 946_684_800_000_000L;
    /** Default memory limit per streamed transaction before spilling to disk. */
    public static final long DEFAULT_STREAM_MEMORY_BYTES = 16L * 1024 * 1024;

    /** A column of a relation as sent in a Relation message. */
    public record PgColumn(boolean key, String name, int typeOid, int typeModifier) {
    }

    /** A relation as sent in a Relation message. */
    public record PgRelation(int id, String namespace, String name, char replicaIdentity, List<PgColumn> pgColumns,
                             List<ChangeColumn> columns) {
        QualifiedName qualifiedName() {
            return new QualifiedName(namespace, name);
        }
    }

    /**
     * Progress of streamed (protocol v2) transactions; called on the decoder's thread.
     */
    public interface StreamListener {
        /** Ignores everything. */
        StreamListener NO_OP = new StreamListener() {
        };

        /** A streamed transaction was committed and is about to be emitted. */
        default void onStreamCommitted(String xid, long messages, boolean spilled) {
        }

        /** A streamed transaction (or, when {@code subXid} differs, one of its subtransactions) was rolled back. */
        default void onStreamAborted(String xid, String subXid, long messages) {
        }
    }

    private final ChangeListener listener;
    private StreamListener streamListener = StreamListener.NO_OP;
    private final long streamMemoryBytes;
    private final Path spillDirectory;
    private final Map<Integer, PgRelation> relations = new HashMap<>();
    private final Map<Integer, String> typeNames = new HashMap<>();
    private final Map<Integer, PgStreamedTransactionBuffer> streamed = new LinkedHashMap<>();

    /** The ordinary transaction being decoded; {@code null} between transactions. */
    private Tx tx;
    /** Top-level xid of the open stream block, or {@code null} outside Stream Start ... Stream Stop. */
    private Integer streamXid;

    private static final class Tx {
        final String xid;
        final long commitLsn;
        long ordinal;
        /** Relations announced inside a streamed transaction, applied to the shared cache at its commit. */
        final Map<Integer, PgRelation> overlay;

        Tx(String xid, long commitLsn, Map<Integer, PgRelation> overlay) {
            this.xid = xid;
            this.commitLsn = commitLsn;
            this.overlay = overlay;
        }

        long lastChangeLsn;

        PostgresPosition next(long changeLsn) {
            // Relation messages carry no WAL position of their own (0): use the last one seen
            long lsn = changeLsn != 0 ? changeLsn : lastChangeLsn != 0 ? lastChangeLsn : commitLsn;
            lastChangeLsn = lsn;
            return new PostgresPosition(commitLsn, ++ordinal, lsn);
        }
    }

    /** A decoder that keeps up to {@link #DEFAULT_STREAM_MEMORY_BYTES} of each streamed transaction in memory. */
    public PgOutputDecoder(ChangeListener listener) {
        this(listener, DEFAULT_STREAM_MEMORY_BYTES, null);
    }

    /**
     * @param streamMemoryBytes memory per streamed transaction before its messages spill to a temporary file
     * @param spillDirectory    where spill files go; {@code null} for {@code java.io.tmpdir}
     */
    public PgOutputDecoder(ChangeListener listener, long streamMemoryBytes, Path spillDirectory) {
        this.listener = listener;
        this.streamMemoryBytes = streamMemoryBytes;
        this.spillDirectory = spillDirectory;
    }

    /** Sets who hears about streamed transactions. */
    public PgOutputDecoder streamListener(StreamListener l) {
        this.streamListener = l == null ? StreamListener.NO_OP : l;
        return this;
    }

    /** The relation cache (by relation OID), for diagnostics. */
    public Map<Integer, PgRelation> relations() {
        return Map.copyOf(relations);
    }

    /** Number of streamed transactions currently buffered (neither committed nor aborted yet). */
    public int openStreamedTransactions() {
        return streamed.size();
    }

    /** Whether the last buffered streamed transaction with this xid spilled to disk (for tests and metrics). */
    public boolean isSpilled(int xid) {
        PgStreamedTransactionBuffer b = streamed.get(xid);
        return b != null && b.spilled();
    }

    /**
     * Decodes one pgoutput message.
     *
     * @param message  the message bytes, from its position to its limit (the position is not changed)
     * @param walStart the WAL start LSN of the XLogData message that carried it
     * @throws IllegalArgumentException when the message is malformed or refers to an unknown relation
     */
    public void decode(ByteBuffer message, long walStart) throws InterruptedException {
        ByteBuffer b = message.duplicate().order(ByteOrder.BIG_ENDIAN);
        if (!b.hasRemaining()) {
            throw new IllegalArgumentException("empty pgoutput message at " + PostgresPosition.formatLsn(walStart));
        }
        char tag = (char) b.get(b.position());
        try {
            dispatch(tag, b, walStart);
        } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("truncated pgoutput message '" + tag + "' at "
                    + PostgresPosition.formatLsn(walStart), e);
        }
    }

    private void dispatch(char tag, ByteBuffer b, long walStart) throws InterruptedException {
        switch (tag) {
            case 'S':
                b.get();
                streamStart(b.getInt(), b.get());
                return;
            case 'E':
                streamXid = null;
                return;
            case 'c':
                b.get();
                streamCommit(b);
                return;
            case 'A':
                b.get();
                streamAbort(b.getInt(), b.getInt());
                return;
            default:
                break;
        }
        if (streamXid != null) {
            bufferStreamed(tag, b, walStart);
            return;
        }
        decodeOrdinary(tag, b, walStart, false, null);
    }

    private void decodeOrdinary(char tag, ByteBuffer b, long walStart, boolean hasXid, Map<Integer, PgRelation> overlay)
            throws InterruptedException {
        b.get(); // tag
        switch (tag) {
            case 'B': {
                long finalLsn = b.getLong();
                Instant commitTime = pgTime(b.getLong());
                String xid = Integer.toUnsignedString(b.getInt());
                tx = new Tx(xid, finalLsn, null);
                listener.onEvent(new ChangeEvent.Begin(xid, new PostgresPosition(finalLsn, 0, finalLsn), commitTime));
                return;
            }
            case 'C': {
                b.get(); // flags, unused
                long commitLsn = b.getLong();
                long endLsn = b.getLong();
                Instant commitTime = pgTime(b.getLong());
                String xid = tx == null ? null : tx.xid;
                tx = null;
                listener.onEvent(new ChangeEvent.Commit(xid, PostgresPosition.commit(commitLsn, endLsn), commitTime));
                return;
            }
            case 'O': {
                long lsn = b.getLong();
                String name = string(b);
                LOG.debug("transaction from replication origin {} at {}", name, PostgresPosition.formatLsn(lsn));
                return;
            }
            case 'Y': {
                if (hasXid) {
                    b.getInt();
                }
                int oid = b.getInt();
                String ns = string(b);
                String name = string(b);
                typeNames.put(oid, ns.isEmpty() || ns.equals("pg_catalog") ? name : ns + "." + name);
                return;
            }
            case 'R':
                relation(b, walStart, hasXid, overlay);
                return;
            case 'I':
            case 'U':
            case 'D':
                row(tag, b, walStart, hasXid, overlay);
                return;
            case 'T':
                truncate(b, walStart, hasXid, overlay);
                return;
            case 'M':
                message(b, walStart, hasXid);
                return;
            default:
                throw new IllegalArgumentException("unknown pgoutput message type '" + tag + "' (0x"
                        + Integer.toHexString(tag) + ") at " + PostgresPosition.formatLsn(walStart));
        }
    }

    // ---- streaming (protocol v2) ----

    private void streamStart(int xid, byte first) {
        if (streamXid != null) {
            throw new IllegalArgumentException("Stream Start for transaction " + Integer.toUnsignedString(xid)
                    + " inside the open stream of " + Integer.toUnsignedString(streamXid));
        }
        streamXid = xid;
        if (first == 1 || !streamed.containsKey(xid)) {
            streamed.computeIfAbsent(xid, x -> new PgStreamedTransactionBuffer(x, streamMemoryBytes, spillDirectory));
        }
    }

    private void bufferStreamed(char tag, ByteBuffer b, long walStart) {
        int xid;
        switch (tag) {
            case 'R':
            case 'Y':
            case 'I':
            case 'U':
            case 'D':
            case 'T':
            case 'M':
                xid = b.getInt(b.position() + 1);
                break;
            default:
                throw new IllegalArgumentException("unexpected pgoutput message '" + tag + "' inside the stream of "
                        + "transaction " + Integer.toUnsignedString(streamXid) + " at " + PostgresPosition.formatLsn(walStart));
        }
        byte[] bytes = new byte[b.remaining()];
        b.duplicate().get(bytes);
        streamed.get(streamXid).add(xid, walStart, bytes);
    }

    private void streamAbort(int xid, int subXid) {
        PgStreamedTransactionBuffer buffer = streamed.get(xid);
        if (buffer == null) {
            LOG.debug("Stream Abort of unknown transaction {}", Integer.toUnsignedString(xid));
            return;
        }
        streamListener.onStreamAborted(Integer.toUnsignedString(xid), Integer.toUnsignedString(subXid), buffer.count());
        if (xid == subXid) {
            streamed.remove(xid);
            buffer.close();
            LOG.debug("discarded streamed transaction {} ({} messages)", Integer.toUnsignedString(xid), buffer.count());
        } else {
            buffer.abortSubtransaction(subXid);
        }
    }

    private void streamCommit(ByteBuffer b) throws InterruptedException {
        int xid = b.getInt();
        b.get(); // flags
        long commitLsn = b.getLong();
        long endLsn = b.getLong();
        Instant commitTime = pgTime(b.getLong());
        PgStreamedTransactionBuffer buffer = streamed.remove(xid);
        String xidText = Integer.toUnsignedString(xid);
        Map<Integer, PgRelation> overlay = new HashMap<>();
        if (buffer != null) {
            streamListener.onStreamCommitted(xidText, buffer.count(), buffer.spilled());
        }
        tx = new Tx(xidText, commitLsn, overlay);
        try {
            listener.onEvent(new ChangeEvent.Begin(xidText, new PostgresPosition(commitLsn, 0, commitLsn), commitTime));
            if (buffer != null) {
                buffer.replay(e -> {
                    char tag = (char) e.message()[0];
                    boolean change = tag != 'R' && tag != 'Y';
                    if (change && buffer.isAborted(e.xid())) {
                        return;
                    }
                    decodeOrdinary(tag, ByteBuffer.wrap(e.message()), e.walStart(), true, overlay);
                });
            }
            relations.putAll(overlay);
            listener.onEvent(new ChangeEvent.Commit(xidText, PostgresPosition.commit(commitLsn, endLsn), commitTime));
        } finally {
            tx = null;
            if (buffer != null) {
                buffer.close();
            }
        }
    }

    // ---- relations and rows ----

    private void relation(ByteBuffer b, long walStart, boolean hasXid, Map<Integer, PgRelation> overlay)
            throws InterruptedException {
        if (hasXid) {
            b.getInt();
        }
        int id = b.getInt();
        String ns = string(b);
        if (ns.isEmpty()) {
            ns = "pg_catalog";
        }
        String name = string(b);
        char identity = (char) b.get();
        int n = Short.toUnsignedInt(b.getShort());
        List<PgColumn> pgColumns = new ArrayList<>(n);
        List<ChangeColumn> columns = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            boolean key = (b.get() & 1) != 0;
            String col = string(b);
            int typeOid = b.getInt();
            int typmod = b.getInt();
            pgColumns.add(new PgColumn(key, col, typeOid, typmod));
            columns.add(new ChangeColumn(col, typeName(typeOid), typeOid, typmod, key));
        }
        PgRelation rel = new PgRelation(id, ns, name, identity, List.copyOf(pgColumns), List.copyOf(columns));
        PgRelation previous = overlay != null && overlay.containsKey(id) ? overlay.get(id) : relations.get(id);
        if (overlay != null) {
            overlay.put(id, rel);
        } else {
            relations.put(id, rel);
        }
        if (previous != null && (!previous.pgColumns().equals(rel.pgColumns())
                || !previous.qualifiedName().equals(rel.qualifiedName()))) {
            listener.onEvent(new ChangeEvent.RelationChange(previous.qualifiedName(), rel.qualifiedName(),
                    previous.columns(), rel.columns(), position(walStart)));
        }
    }

    private String typeName(int oid) {
        String builtin = PgTypes.builtinName(oid);
        if (builtin != null) {
            return builtin;
        }
        String user = typeNames.get(oid);
        return user != null ? user : Integer.toString(oid);
    }

    private PgRelation relation(int id, Map<Integer, PgRelation> overlay, long walStart) {
        PgRelation rel = overlay != null && overlay.containsKey(id) ? overlay.get(id) : relations.get(id);
        if (rel == null) {
            throw new IllegalArgumentException("pgoutput change at " + PostgresPosition.formatLsn(walStart)
                    + " refers to relation " + Integer.toUnsignedString(id) + " that no Relation message described");
        }
        return rel;
    }

    private void row(char tag, ByteBuffer b, long walStart, boolean hasXid, Map<Integer, PgRelation> overlay)
            throws InterruptedException {
        if (hasXid) {
            b.getInt();
        }
        PgRelation rel = relation(b.getInt(), overlay, walStart);
        char kind = (char) b.get();
        List<Object> before = null;
        ChangeEvent.BeforeImage image = ChangeEvent.BeforeImage.NONE;
        List<Object> after = null;
        if (kind == 'K' || kind == 'O') {
            image = kind == 'K' ? ChangeEvent.BeforeImage.KEY : ChangeEvent.BeforeImage.FULL;
            before = tuple(b, rel, walStart);
            if (tag == 'U') {
                kind = (char) b.get();
            }
        }
        if (tag != 'D') {
            if (kind != 'N') {
                throw new IllegalArgumentException("pgoutput " + (tag == 'I' ? "Insert" : "Update") + " of " + rel.qualifiedName()
                        + " at " + PostgresPosition.formatLsn(walStart) + " has tuple kind '" + kind + "', expected 'N'");
            }
            after = tuple(b, rel, walStart);
        } else if (before == null) {
            throw new IllegalArgumentException("pgoutput Delete of " + rel.qualifiedName() + " at "
                    + PostgresPosition.formatLsn(walStart) + " has tuple kind '" + kind + "', expected 'K' or 'O'");
        }
        ChangeEvent.Operation op = tag == 'I' ? ChangeEvent.Operation.INSERT
                : tag == 'U' ? ChangeEvent.Operation.UPDATE : ChangeEvent.Operation.DELETE;
        listener.onEvent(new ChangeEvent.RowChange(op, rel.qualifiedName(), rel.columns(), image, before, after,
                position(walStart)));
    }

    private List<Object> tuple(ByteBuffer b, PgRelation rel, long walStart) {
        int n = Short.toUnsignedInt(b.getShort());
        if (n != rel.pgColumns().size()) {
            throw new IllegalArgumentException("pgoutput tuple of " + rel.qualifiedName() + " at "
                    + PostgresPosition.formatLsn(walStart) + " has " + n + " columns, the relation has " + rel.pgColumns().size());
        }
        Object[] values = new Object[n];
        for (int i = 0; i < n; i++) {
            char kind = (char) b.get();
            PgColumn col = rel.pgColumns().get(i);
            switch (kind) {
                case 'n':
                    values[i] = null;
                    break;
                case 'u':
                    values[i] = ValueMarker.UNCHANGED_TOAST;
                    break;
                case 't': {
                    byte[] bytes = new byte[b.getInt()];
                    b.get(bytes);
                    values[i] = PgTypes.decodeText(col.typeOid(), rel.columns().get(i).typeName(),
                            new String(bytes, StandardCharsets.UTF_8));
                    break;
                }
                case 'b': {
                    // binary format is never requested by Ferry; keep the raw bytes
                    byte[] bytes = new byte[b.getInt()];
                    b.get(bytes);
                    values[i] = bytes;
                    break;
                }
                default:
                    throw new IllegalArgumentException("pgoutput tuple of " + rel.qualifiedName() + " at "
                            + PostgresPosition.formatLsn(walStart) + " has unknown kind '" + kind + "' for column " + col.name());
            }
        }
        return Arrays.asList(values);
    }

    private void truncate(ByteBuffer b, long walStart, boolean hasXid, Map<Integer, PgRelation> overlay)
            throws InterruptedException {
        if (hasXid) {
            b.getInt();
        }
        int n = b.getInt();
        int options = b.get();
        List<QualifiedName> tables = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            tables.add(relation(b.getInt(), overlay, walStart).qualifiedName());
        }
        listener.onEvent(new ChangeEvent.Truncate(tables, (options & 1) != 0, (options & 2) != 0, position(walStart)));
    }

    private void message(ByteBuffer b, long walStart, boolean hasXid) throws InterruptedException {
        if (hasXid) {
            b.getInt();
        }
        boolean transactional = (b.get() & 1) != 0;
        long lsn = b.getLong();
        String prefix = string(b);
        byte[] content = new byte[b.getInt()];
        b.get(content);
        PostgresPosition pos = transactional && tx != null ? tx.next(lsn)
                : new PostgresPosition(lsn, PostgresPosition.COMMIT_ORDINAL, lsn);
        listener.onEvent(new ChangeEvent.LogicalMessage(transactional, prefix, content, pos));
    }

    private PostgresPosition position(long walStart) {
        if (tx == null) {
            throw new IllegalArgumentException("pgoutput change at " + PostgresPosition.formatLsn(walStart)
                    + " outside a transaction (no Begin)");
        }
        return tx.next(walStart);
    }

    private static String string(ByteBuffer b) {
        int start = b.position();
        int end = start;
        while (b.get(end) != 0) {
            end++;
        }
        byte[] bytes = new byte[end - start];
        b.get(bytes);
        b.get(); // terminator
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static Instant pgTime(long micros) {
        long unixMicros = micros + PG_EPOCH_MICROS;
        return Instant.ofEpochSecond(Math.floorDiv(unixMicros, 1_000_000L), Math.floorMod(unixMicros, 1_000_000L) * 1000L);
    }

    /** Discards every buffered streamed transaction and deletes its spill file. */
    @Override
    public void close() {
        streamed.values().forEach(PgStreamedTransactionBuffer::close);
        streamed.clear();
        streamXid = null;
        tx = null;
    }
}
