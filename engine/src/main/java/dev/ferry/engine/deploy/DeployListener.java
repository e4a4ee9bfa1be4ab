package dev.ferry.engine.deploy;

/**
 * Progress of a deploy. Called on the thread that runs {@link Deployer#run}; implementations must be quick and must not
 * use the deploy's connection.
 */
public interface DeployListener {

    /** A listener that ignores everything. */
    DeployListener NO_OP = new DeployListener() {
    };

    /** A phase starts; {@code transactional} says whether it runs in one transaction. */
    default void onPhaseStart(DeployPhase phase, int steps, boolean transactional) {
    }

    /** One step finished (in a dry run: was planned). */
    default void onOutcome(DeployOutcome outcome) {
    }

    /** A phase ended with {@code result}. */
    default void onPhaseEnd(DeployResult.PhaseResult result) {
    }
}
