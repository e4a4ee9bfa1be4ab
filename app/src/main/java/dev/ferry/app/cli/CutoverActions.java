package dev.ferry.app.cli;

import dev.ferry.engine.load.LoadEndpoint;
import dev.ferry.model.schema.QualifiedName;

import java.util.List;

/**
 * The target-side steps of {@code ferry cutover} that belong to the deploy side of Ferry: advancing sequences and
 * identities, and the post-load deploy phase. {@link SqlCutoverActions} is the built-in implementation (plain
 * per-engine SQL); a deploy plan API can supply another one to {@link CutoverCommand}.
 *
 * <p>Threading: called on the cutover's thread, one step at a time.
 */
public interface CutoverActions {

    /**
     * One sequence (or identity / AUTO_INCREMENT counter) moved past the migrated data.
     *
     * @param sequence    the sequence (PostgreSQL) or {@code table.column} (AUTO_INCREMENT)
     * @param table       the target table that uses it
     * @param column      its column
     * @param migratedMax the largest value of the column on the target ({@code null} when the table is empty)
     * @param next        the value the next insert gets
     */
    record SequenceAdvance(String sequence, String table, String column, Long migratedMax, long next) {
    }

    /** Moves every sequence / identity of {@code tables} past the largest value of its column; never moves one back. */
    List<SequenceAdvance> advanceSequences(LoadEndpoint target, List<QualifiedName> tables) throws Exception;

    /**
     * Runs the post-load deploy phase (indexes, foreign keys, triggers, ... created after the load) on the target.
     *
     * @return one line per thing done, or a single line saying that nothing was configured
     */
    List<String> runPostLoadDeploy(LoadEndpoint target) throws Exception;
}
