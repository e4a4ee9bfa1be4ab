package dev.ferry.engine.load;

/**
 * How one table's load ended.
 *
 * @param table         the source's qualified name
 * @param state         DONE, SUSPENDED (skip-table policy) or FAILED (load stopped)
 * @param rows          rows written, this run plus ranges committed by earlier runs
 * @param bytes         bytes sent, idem
 * @param rejected      rows rejected this run
 * @param warnings      values changed with a warning this run (zero dates)
 * @param rangesLoaded  ranges loaded by this run
 * @param rangesSkipped ranges skipped because an earlier run committed them
 * @param error         why the table did not finish, or {@code null}
 */
public record TableResult(String table, TableProgress.TableState state, long rows, long bytes, long rejected,
                          long warnings, int rangesLoaded, int rangesSkipped, String error) {
}
