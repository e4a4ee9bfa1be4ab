package dev.ferry.engine.load;

import java.time.Instant;

/**
 * A row the load did not write, as recorded in {@code ferry_exceptions} and the JSONL file.
 *
 * @param task         task name
 * @param table        source table (qualified name)
 * @param key          the row's key as {@code col=value[, col=value]}, or {@code null} when not known
 * @param column       the offending column, or {@code null} for a whole-range failure
 * @param valueExcerpt the first 200 characters of the value, or {@code null}
 * @param reason       why (driver messages redacted)
 * @param at           when
 */
public record RejectedRow(String task, String table, String key, String column, String valueExcerpt, String reason,
                          Instant at) {
}
