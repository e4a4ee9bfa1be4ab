package dev.ferry.engine.load;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The byte budget shared by every reader→writer queue of one load ({@link LoadSettings#maxQueueBytes}): a reader
 * acquires a row's estimated size before keeping the row, the writer releases a batch's bytes once the batch has been
 * written. A row larger than the whole budget takes the whole budget (it waits until everything else is written).
 * Counted in KiB. Thread-safe.
 */
final class MemoryBudget {

    private final int totalKb;
    private final Semaphore permits;

    MemoryBudget(long bytes) {
        this.totalKb = (int) Math.max(1, Math.min(Integer.MAX_VALUE, bytes / 1024));
        this.permits = new Semaphore(totalKb, false);
    }

    /**
     * The budget a load uses: the configured {@code maxQueueBytes}, but at most 2/5 of the JVM's maximum heap, so the
     * queued rows, the batches being read and written and the drivers' buffers fit in a capped heap (the launcher's
     * {@code -Xmx}) instead of failing with an OutOfMemoryError. At least 1 MiB.
     */
    static long forHeap(long configured, long maxHeap) {
        return Math.max(Math.min(configured, 1L << 20), Math.min(configured, maxHeap / 5 * 2));
    }

    /** The permits a value of {@code bytes} costs (at least 1, at most the whole budget). */
    int cost(long bytes) {
        return (int) Math.max(1, Math.min(totalKb, (bytes + 1023) / 1024));
    }

    boolean tryAcquire(int kb) {
        return permits.tryAcquire(kb);
    }

    /** Waits for {@code kb} permits; gives up (false) as soon as {@code stop} says so. */
    boolean acquire(int kb, BooleanSupplier stop) throws InterruptedException {
        while (!permits.tryAcquire(kb, 100, TimeUnit.MILLISECONDS)) {
            if (stop.getAsBoolean()) {
                return false;
            }
        }
        return true;
    }

    void release(int kb) {
        if (kb > 0) {
            permits.release(kb);
        }
    }

    int available() {
        return permits.availablePermits();
    }
}
