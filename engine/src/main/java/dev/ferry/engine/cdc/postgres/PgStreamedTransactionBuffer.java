package dev.ferry.engine.cdc.postgres;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The raw pgoutput messages of one streamed (protocol v2, in-progress) top-level transaction, kept until its Stream
 * Commit or Stream Abort. Messages stay in memory up to {@code maxMemoryBytes}; beyond that all of them move to a
 * temporary file (deleted by {@link #close()}) so a huge transaction does not exhaust the heap.
 *
 * <p>Not thread-safe: used only by the decoder's thread.
 */
final class PgStreamedTransactionBuffer implements AutoCloseable {

    /** One buffered message: the (sub)transaction it belongs to, its WAL position and its bytes. */
    record Entry(int xid, long walStart, byte[] message) {
    }

    /** Receives the entries on replay. */
    interface EntryConsumer {
        void accept(Entry entry) throws InterruptedException;
    }

    private final int topXid;
    private final long maxMemoryBytes;
    private final Path spillDirectory;
    private final List<Entry> memory = new ArrayList<>();
    private final Set<Integer> abortedSubtransactions = new HashSet<>();
    private long memoryBytes;
    private long count;
    private Path spillFile;
    private DataOutputStream spillOut;

    PgStreamedTransactionBuffer(int topXid, long maxMemoryBytes, Path spillDirectory) {
        this.topXid = topXid;
        this.maxMemoryBytes = maxMemoryBytes;
        this.spillDirectory = spillDirectory;
    }

    int topXid() {
        return topXid;
    }

    long count() {
        return count;
    }

    boolean spilled() {
        return spillFile != null;
    }

    void add(int xid, long walStart, byte[] message) {
        count++;
        try {
            if (spillOut != null) {
                write(spillOut, xid, walStart, message);
                return;
            }
            memory.add(new Entry(xid, walStart, message));
            memoryBytes += message.length + 32L;
            if (memoryBytes > maxMemoryBytes) {
                spill();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not spill streamed transaction " + Integer.toUnsignedString(topXid)
                    + " to " + spillFile + ": " + e.getMessage(), e);
        }
    }

    /** Marks a subtransaction as rolled back: its row changes and messages are skipped on replay. */
    void abortSubtransaction(int subXid) {
        abortedSubtransactions.add(subXid);
    }

    boolean isAborted(int xid) {
        return abortedSubtransactions.contains(xid);
    }

    private void spill() throws IOException {
        Path dir = spillDirectory != null ? spillDirectory : Path.of(System.getProperty("java.io.tmpdir"));
        Files.createDirectories(dir);
        spillFile = Files.createTempFile(dir, "ferry-pgstream-" + Integer.toUnsignedString(topXid) + "-", ".bin");
        spillOut = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(spillFile), 1 << 16));
        for (Entry e : memory) {
            write(spillOut, e.xid(), e.walStart(), e.message());
        }
        memory.clear();
        memoryBytes = 0;
    }

    private static void write(DataOutputStream out, int xid, long walStart, byte[] message) throws IOException {
        out.writeInt(xid);
        out.writeLong(walStart);
        out.writeInt(message.length);
        out.write(message);
    }

    /** Hands every entry to {@code consumer} in arrival order. */
    void replay(EntryConsumer consumer) throws InterruptedException {
        if (spillOut == null) {
            for (Entry e : memory) {
                consumer.accept(e);
            }
            return;
        }
        try {
            spillOut.close();
            spillOut = null;
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(spillFile), 1 << 16))) {
                for (long i = 0; i < count; i++) {
                    int xid = in.readInt();
                    long walStart = in.readLong();
                    byte[] message = new byte[in.readInt()];
                    in.readFully(message);
                    consumer.accept(new Entry(xid, walStart, message));
                }
            }
        } catch (EOFException e) {
            throw new IllegalStateException("spill file " + spillFile + " of streamed transaction "
                    + Integer.toUnsignedString(topXid) + " is truncated", e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read spill file " + spillFile + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        memory.clear();
        try {
            if (spillOut != null) {
                spillOut.close();
                spillOut = null;
            }
            if (spillFile != null) {
                Files.deleteIfExists(spillFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete spill file " + spillFile + ": " + e.getMessage(), e);
        }
    }
}
