package dev.ferry.app.gui.task;

/** A submitted task. Thread-safe. */
public interface TaskHandle {

    /** Asks the task to stop; its {@code onSuccess}/{@code onFailure} callbacks are not called after a successful cancel. */
    void cancel();

    boolean isCancelled();

    /** Whether the task has finished (successfully, with an error, or cancelled). */
    boolean isDone();
}
