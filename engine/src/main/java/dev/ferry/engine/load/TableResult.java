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
 * @param lobsTruncated LOB values cut at {@code LobMaxSize} this run (LobMode LIMITED), each noted in
 *                      {@code ferry_exceptions}
 * @param lobsNulled    non-NULL LOB values not copied this run (LobMode NONE: NULL on the target)
 */
public record TableResult(String table, TableProgress.TableState state, long rows, long bytes, long rejected,
                          long warnings, int rangesLoaded, int rangesSkipped, String error, long lobsTruncated,
                          long lobsNulled) {

    /** A result without LOB counts. */
    public TableResult(String table, TableProgress.TableState state, long rows, long bytes, long rejected, long warnings,
                       int rangesLoaded, int rangesSkipped, String error) {
        this(table, state, rows, bytes, rejected, warnings, rangesLoaded, rangesSkipped, error, 0, 0);
    }
}
