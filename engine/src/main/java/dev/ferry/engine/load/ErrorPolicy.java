package dev.ferry.engine.load;

/** What the full load does with a row it cannot convert or write (per table). */
public enum ErrorPolicy {
    /** Record the row in {@code ferry_exceptions} and the JSONL file, then fail the whole load. */
    STOP,
    /** Record the row in {@code ferry_exceptions} and the JSONL file, leave it out and go on. */
    SKIP_ROW,
    /** Record the row, roll back the range and suspend the table (its other ranges are not loaded); other tables go on. */
    SKIP_TABLE
}
