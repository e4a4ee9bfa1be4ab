package dev.ferry.engine.deploy;

import dev.ferry.model.schema.Engine;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a deploy: every step's outcome and how each phase ended.
 *
 * @param target       the target (redacted)
 * @param engine       the target's engine
 * @param options      the options it ran with
 * @param phases       how each phase ended, in order
 * @param outcomes     every step, in order
 * @param startedAt    when it started
 * @param elapsed      how long it took
 */
public record DeployResult(String target, Engine engine, DeployOptions options, List<PhaseResult> phases,
                           List<DeployOutcome> outcomes, Instant startedAt, Duration elapsed) {

    /** How a phase ended. */
    public enum PhaseOutcome {
        /** One transaction, committed (PostgreSQL). */
        COMMITTED,
        /** One transaction, rolled back after an error: nothing of the phase remains (PostgreSQL). */
        ROLLED_BACK,
        /** No transaction (MySQL/MariaDB DDL commits implicitly): what ran stays, even after an error. */
        AUTO_COMMITTED,
        /** Dry run: nothing ran. */
        DRY_RUN,
        /** Not run (an earlier phase failed with --on-error stop, or the phase was not asked for). */
        NOT_RUN
    }

    /**
     * @param phase         the phase
     * @param transactional whether it ran in one transaction
     * @param outcome       how it ended
     * @param message       a remark (why it rolled back, why it did not run), or {@code null}
     */
    public record PhaseResult(DeployPhase phase, boolean transactional, PhaseOutcome outcome, String message) {
    }

    public DeployResult {
        phases = List.copyOf(phases);
        outcomes = List.copyOf(outcomes);
    }

    /** Steps per status (every status present, 0 when none). */
    public Map<DeployOutcome.Status, Integer> counts() {
        Map<DeployOutcome.Status, Integer> m = new EnumMap<>(DeployOutcome.Status.class);
        for (DeployOutcome.Status s : DeployOutcome.Status.values()) {
            m.put(s, 0);
        }
        outcomes.forEach(o -> m.merge(o.status(), 1, Integer::sum));
        return m;
    }

    /** True when nothing failed and nothing drifted (exit code 0). */
    public boolean ok() {
        return outcomes.stream().noneMatch(o -> o.status() == DeployOutcome.Status.ERROR
                || o.status() == DeployOutcome.Status.DRIFT || o.status() == DeployOutcome.Status.ROLLED_BACK);
    }

    /** 0 when {@link #ok()}, else 1. */
    public int exitCode() {
        return ok() ? 0 : 1;
    }
}
