package dev.ferry.engine.load;

import java.sql.SQLException;

/**
 * Writes one range's converted rows into the target table on a connection whose transaction the load owns (auto-commit
 * off; the load commits the data together with the range's {@code ferry_load_state} marker). One instance per range,
 * used by ONE writer thread.
 */
public interface TargetWriter {

    /**
     * Writes converted rows (values in the job's column order, as produced by {@link ValueConverter}); returns the
     * bytes sent (or estimated) for them.
     */
    long write(java.util.List<Object[]> rows) throws SQLException;

    /** Flushes and ends the range's bulk operation (the transaction stays open). */
    void finish() throws SQLException;

    /** Abandons the range after a failure (the load rolls the transaction back). Must not throw. */
    void abort();
}
