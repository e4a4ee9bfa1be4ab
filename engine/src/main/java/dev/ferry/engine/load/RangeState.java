package dev.ferry.engine.load;

/**
 * The stored state of one range.
 *
 * @param table    the source's qualified name
 * @param range    the range
 * @param state    PENDING, RUNNING, DONE or FAILED
 * @param rows     rows committed (DONE only)
 * @param bytes    bytes sent (DONE only)
 * @param rejected rows rejected (DONE only)
 * @param attempts how many times loading the range started
 */
public record RangeState(String table, KeyRange range, Status state, long rows, long bytes, long rejected, int attempts) {
    public enum Status { PENDING, RUNNING, DONE, FAILED }
}
