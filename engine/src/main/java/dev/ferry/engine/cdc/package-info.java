/**
 * Neutral change data capture model: {@link dev.ferry.engine.cdc.ChangeEvent} (Begin, RowChange, Truncate,
 * RelationChange, LogicalMessage, Commit), {@link dev.ferry.engine.cdc.SourcePosition} and the value types
 * ({@link dev.ferry.engine.cdc.ValueMarker}, {@link dev.ferry.engine.cdc.SpecialNumber},
 * {@link dev.ferry.engine.cdc.TypedText}, {@link dev.ferry.engine.cdc.IntervalValue}). Engine-specific capture lives
 * in sub-packages ({@code postgres}).
 *
 * <h2>Contract for an applier</h2>
 * <ol>
 *   <li>Events arrive as whole transactions in source commit order; positions strictly increase.</li>
 *   <li>Apply one source transaction (Begin .. Commit) per target transaction, and in the same target transaction
 *       store {@code commit.position().toText()} (for example in {@code ferry_apply_state}); then call the source's
 *       {@code acknowledge(position)}. Only acknowledged positions are confirmed to the source, so a crash between
 *       the target commit and the acknowledgement redelivers that transaction: skip every event whose position is
 *       {@code <=} the stored one (string comparison of {@code toText()} is enough).</li>
 *   <li>On restart, parse the stored text with the engine's position class and start the source after it.</li>
 *   <li>{@link dev.ferry.engine.cdc.ValueMarker#UNCHANGED_TOAST} means "keep the target's value": leave the column
 *       out of the UPDATE's SET list (with a full before image, {@code before} holds the value).</li>
 *   <li>Key columns ({@link dev.ferry.engine.cdc.ChangeColumn#key()}) identify the row in UPDATE/DELETE; use the
 *       before values when {@code beforeImage} is not {@code NONE} (the key may have changed), else the after values.</li>
 *   <li>A {@link dev.ferry.engine.cdc.ChangeEvent.RelationChange} announces DDL on the source; later rows of that
 *       table use the new column list.</li>
 * </ol>
 */
package dev.ferry.engine.cdc;
