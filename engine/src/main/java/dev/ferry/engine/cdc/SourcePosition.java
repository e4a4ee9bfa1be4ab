package dev.ferry.engine.cdc;

import java.io.Serializable;

/**
 * An opaque, totally ordered position in a source's change stream. Every {@link ChangeEvent} carries one; the applier
 * stores {@link #toText()} (for example in {@code ferry_apply_state}) after the target commits, and hands the position
 * back to the source through {@code acknowledge(...)} and when it restarts.
 *
 * <p>Contract for implementations:
 * <ul>
 *   <li>{@link #compareTo} orders positions of the same source kind in the order their events were emitted; comparing
 *       positions of different kinds throws {@link IllegalArgumentException}.</li>
 *   <li>{@link #toText()} is stable across versions and its plain string order ({@link String#compareTo}) equals the
 *       order of {@link #compareTo} for positions of the same kind, so a target can compare stored positions in SQL.
 *       The engine-specific class parses it back (for PostgreSQL: {@code PostgresPosition.parse(text)}).</li>
 * </ul>
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface SourcePosition extends Comparable<SourcePosition>, Serializable {

    /** The kind of source, also the prefix of {@link #toText()} (for example {@code "pg"}). */
    String kind();

    /** The stable textual form; see the class comment. */
    String toText();

    /**
     * Whether this is the position of the end of a transaction: acknowledging it confirms the whole transaction, so
     * it is never redelivered.
     */
    boolean isTransactionEnd();
}
