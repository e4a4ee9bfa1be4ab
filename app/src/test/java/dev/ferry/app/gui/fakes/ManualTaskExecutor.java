package dev.ferry.app.gui.fakes;

import dev.ferry.app.gui.task.BackgroundTask;
import dev.ferry.app.gui.task.TaskCallbacks;
import dev.ferry.app.gui.task.TaskExecutor;
import dev.ferry.app.gui.task.TaskHandle;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Queues tasks until the test calls {@link #runNext()}, so the "running" state can be observed; like the thread pool,
 * a cancelled task's callbacks are not called.
 */
public final class ManualTaskExecutor implements TaskExecutor {

    private final Deque<Runnable> queue = new ArrayDeque<>();

    @Override
    public <T> TaskHandle submit(BackgroundTask<T> task, TaskCallbacks<T> callbacks) {
        Handle h = new Handle();
        queue.add(() -> {
            try {
                T r = task.run((f, m) -> {
                    if (!h.cancelled) {
                        callbacks.onProgress().progress(f, m);
                    }
                }, () -> h.cancelled);
                if (!h.cancelled) {
                    callbacks.onSuccess().accept(r);
                }
            } catch (Exception e) {
                if (!h.cancelled) {
                    callbacks.onFailure().accept(e);
                }
            } finally {
                h.done = true;
            }
        });
        return h;
    }

    public int pending() {
        return queue.size();
    }

    public void runNext() {
        queue.removeFirst().run();
    }

    public void runAll() {
        while (!queue.isEmpty()) {
            runNext();
        }
    }

    @Override
    public void close() {
        queue.clear();
    }

    private static final class Handle implements TaskHandle {
        volatile boolean cancelled;
        volatile boolean done;

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
