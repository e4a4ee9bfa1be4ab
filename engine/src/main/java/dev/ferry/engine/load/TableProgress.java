package dev.ferry.engine.load;

import java.time.Duration;

/**
 * A snapshot of one table's load progress.
 *
 * @param table         the source's qualified name
 * @param state         the table's state
 * @param rowsDone      rows written so far (committed or in an open range transaction)
 * @param rowsEstimated rows expected, {@code -1} when unknown
 * @param bytes         bytes sent to the target so far
 * @param rowsPerSecond average since the table started
 * @param eta           estimated time left, or {@code null} when unknown
 * @param rejected      rows rejected so far
 * @param warnings      values changed with a warning (e.g. zero dates → NULL)
 * @param rangesDone    ranges committed (including those skipped as already done)
 * @param rangesTotal   ranges of the table
 */
public record TableProgress(String table, TableState state, long rowsDone, long rowsEstimated, long bytes,
                            double rowsPerSecond, Duration eta, long rejected, long warnings, int rangesDone,
                            int rangesTotal) {

    public enum TableState { PENDING, RUNNING, DONE, SUSPENDED, FAILED }
}
