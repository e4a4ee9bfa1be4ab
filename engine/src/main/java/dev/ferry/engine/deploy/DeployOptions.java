package dev.ferry.engine.deploy;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * How to deploy.
 *
 * @param phases     the phases to run (pre-load, post-load or both)
 * @param dryRun     plan and check only: nothing is changed on the target
 * @param onError    stop at the first error (PostgreSQL: the phase is rolled back) or continue (each object on its own)
 * @param targetPrep what to do with the plan's tables that already exist
 */
public record DeployOptions(Set<DeployPhase> phases, boolean dryRun, OnError onError, TargetPrep targetPrep) {

    /** Error handling. */
    public enum OnError { STOP, CONTINUE }

    /** Target preparation, as DMS's TargetTablePrepMode. */
    public enum TargetPrep {
        /** Leave existing tables as they are (existing objects are compared: skipped or reported as drift). */
        DO_NOTHING,
        /** Drop the plan's existing tables (and views) in reverse deploy order, then create them. Destructive. */
        DROP_AND_CREATE,
        /** Truncate the plan's tables after the pre-load phase. Destructive. */
        TRUNCATE;

        public boolean destructive() {
            return this != DO_NOTHING;
        }
    }

    public DeployOptions {
        phases = phases == null || phases.isEmpty() ? EnumSet.allOf(DeployPhase.class) : EnumSet.copyOf(phases);
        Objects.requireNonNull(onError, "onError");
        Objects.requireNonNull(targetPrep, "targetPrep");
    }

    /** Both phases, stop on error, no preparation. */
    public static DeployOptions defaults() {
        return new DeployOptions(EnumSet.allOf(DeployPhase.class), false, OnError.STOP, TargetPrep.DO_NOTHING);
    }

    public DeployOptions withPhases(Set<DeployPhase> p) {
        return new DeployOptions(p, dryRun, onError, targetPrep);
    }

    public DeployOptions withDryRun(boolean d) {
        return new DeployOptions(phases, d, onError, targetPrep);
    }

    public DeployOptions withOnError(OnError e) {
        return new DeployOptions(phases, dryRun, e, targetPrep);
    }

    public DeployOptions withTargetPrep(TargetPrep t) {
        return new DeployOptions(phases, dryRun, onError, t);
    }
}
