package dev.ferry.app.gui.task;

/**
 * Runs {@link BackgroundTask}s off the UI thread and delivers their callbacks on a callback thread. Implementations:
 * {@link ThreadPoolTaskExecutor} (the workbench) and {@link CurrentThreadTaskExecutor} (tests).
 */
public interface TaskExecutor extends AutoCloseable {

    <T> TaskHandle submit(BackgroundTask<T> task, TaskCallbacks<T> callbacks);

    /** Stops accepting tasks and interrupts running ones. */
    @Override
    void close();
}
