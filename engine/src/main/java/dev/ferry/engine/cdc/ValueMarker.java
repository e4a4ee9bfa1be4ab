package dev.ferry.engine.cdc;

/**
 * Special column values that are not data. They appear in {@link ChangeEvent.RowChange#after()} /
 * {@link ChangeEvent.RowChange#before()} instead of a Java value. Constants: thread-safe.
 */
public enum ValueMarker {
    /**
     * The column holds a TOASTed value that the update did not change and the source did not send. The applier must
     * keep the target's current value (never write {@code null}).
     */
    UNCHANGED_TOAST
}
