package dev.ferry.engine.load;

/**
 * Receives full-load progress. Threading: every method is called from the load's WORKER and WRITER threads, possibly
 * concurrently for different tables and ranges (never concurrently for the same range), so implementations must be
 * thread-safe and quick (hand off to a UI thread, do not block). An exception thrown by a listener method fails the
 * load like a {@link ErrorPolicy#STOP} error (tests use this to stop a load at a precise point).
 */
public interface LoadListener {

    LoadListener NO_OP = new LoadListener() {
    };

    /** A table's state or counters changed (after every batch written, at most once per batch). */
    default void tableProgress(TableProgress progress) {
    }

    /** A range and its marker were committed on the target (called after the state store records it). */
    default void rangeCommitted(String table, KeyRange range, long rows) {
    }

    /** A row was rejected (already in the JSONL file; in {@code ferry_exceptions} once its range ends). */
    default void rowRejected(RejectedRow row) {
    }

    /**
     * A LOB value was cut at {@code LobMaxSize} (LobMode LIMITED) and its row loaded; {@code note} is also in the JSONL
     * file and goes to {@code ferry_exceptions} with the range.
     */
    default void lobTruncated(RejectedRow note) {
    }
}
