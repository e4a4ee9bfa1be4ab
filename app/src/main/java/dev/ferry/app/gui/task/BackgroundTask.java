package dev.ferry.app.gui.task;

/**
 * A unit of work that must not run on the UI thread (reading a catalog, loading a project). JavaFX-free: view models
 * create tasks and hand them to a {@link TaskExecutor}, so they can be tested with {@link CurrentThreadTaskExecutor}.
 *
 * @param <T> the result type
 */
@FunctionalInterface
public interface BackgroundTask<T> {

    /**
     * Does the work on a worker thread.
     *
     * @param progress where to report progress; never {@code null}
     * @param cancel   polled by long tasks; when it returns {@code true} the task should stop early
     */
    T run(ProgressListener progress, CancellationToken cancel) throws Exception;

    /** Tells a running task that it has been cancelled. */
    @FunctionalInterface
    interface CancellationToken {
        boolean isCancelled();
    }
}
