package dev.ferry.app.gui.task;

/**
 * Runs each task immediately on the calling thread and calls its callbacks on the same thread before
 * {@link #submit} returns. For tests of view models: no threads, no waiting.
 */
public final class CurrentThreadTaskExecutor implements TaskExecutor {

    private int submitted;

    @Override
    public <T> TaskHandle submit(BackgroundTask<T> task, TaskCallbacks<T> callbacks) {
        submitted++;
        SimpleHandle handle = new SimpleHandle();
        try {
            T result = task.run(callbacks.onProgress(), handle::isCancelled);
            callbacks.onSuccess().accept(result);
        } catch (Exception e) {
            callbacks.onFailure().accept(e);
        } finally {
            handle.done = true;
        }
        return handle;
    }

    /** How many tasks were submitted so far. */
    public int submittedCount() {
        return submitted;
    }

    @Override
    public void close() {
        // nothing to stop
    }

    private static final class SimpleHandle implements TaskHandle {
        private volatile boolean cancelled;
        private volatile boolean done;

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return done;
        }
    }
}
