package dev.ferry.app.gui.task;

/** Receives a background task's progress. Called on the task's worker thread unless the executor says otherwise. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NO_OP = (fraction, message) -> { };

    /**
     * @param fraction 0..1, or a negative value when the amount of work is unknown
     * @param message  what the task is doing now, or {@code null}
     */
    void progress(double fraction, String message);
}
