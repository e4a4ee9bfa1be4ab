package dev.ferry.engine.deploy;

import java.util.List;

/**
 * The outcome of one step of the deploy (one object, or one preparation statement).
 *
 * @param phase       the phase the step belongs to
 * @param seq         1-based position in the run
 * @param objectKey   the object's key ({@code TABLE:hr.regions}), or for preparation steps the table's key
 * @param type        object type
 * @param name        {@code schema.name}
 * @param file        the converted file, or {@code null}
 * @param action      what was (or, in a dry run, would be) done
 * @param status      the result
 * @param message     details: the server's message (redacted) for errors, what was compared for skips
 * @param differences for {@link Status#DRIFT}: one line per difference
 * @param millis      time spent on the step
 */
public record DeployOutcome(DeployPhase phase, int seq, String objectKey, String type, String name, String file,
                            Action action, Status status, String message, List<String> differences, long millis) {

    /** What a step does. */
    public enum Action { CREATE, RUN, SKIP, DROP, TRUNCATE, NONE }

    /** The result of a step. */
    public enum Status {
        /** Ran successfully (and stayed: committed, or auto-committed). */
        OK,
        /** Exists and matches (or cannot be compared and is left alone); nothing ran. */
        SKIPPED,
        /** MANUAL or not verified: never run. */
        SKIPPED_MANUAL,
        /** Exists and differs from the plan; left alone. */
        DRIFT,
        /** Failed with the server's message. */
        ERROR,
        /** Ran successfully but the phase's transaction was rolled back because of an error. */
        ROLLED_BACK,
        /** Not attempted because an earlier step failed and the deploy stopped. */
        NOT_RUN,
        /** Dry run: what would happen ({@link #action}) was computed; nothing ran. */
        PLANNED
    }

    public DeployOutcome {
        differences = differences == null ? List.of() : List.copyOf(differences);
    }

    public DeployOutcome withStatus(Status s, String msg) {
        return new DeployOutcome(phase, seq, objectKey, type, name, file, action, s, msg, differences, millis);
    }
}
