package dev.ferry.engine.cdc.apply;

/**
 * Progress of a {@link ChangeApplier}. All callbacks run on the applier's thread and must be quick; an exception
 * thrown by a callback stops the applier (tests use that to fail at a precise point).
 */
public interface ApplyListener {

    /** Ignores everything. */
    ApplyListener NO_OP = new ApplyListener() {
    };

    /** A target transaction committed; {@code stats} is a snapshot taken right after the commit. */
    default void committed(ApplyStats stats) {
    }

    /** A row was refused by the target or could not be converted (recorded in {@code ferry_exceptions} unless STOP). */
    default void rowFailed(String table, String key, String reason) {
    }

    /** The source announced a changed table definition (DDL) of {@code table} (the target table name). */
    default void schemaChanged(String table) {
    }

    /** The applier's {@link StopCondition} was reached; it stops after this callback. */
    default void stopConditionReached(String reason) {
    }

    /** The source or target connection changed state. */
    default void connectionState(ApplyStats.ConnectionState state, String detail) {
    }
}
