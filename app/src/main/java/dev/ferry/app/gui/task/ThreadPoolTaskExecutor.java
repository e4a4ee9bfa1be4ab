package dev.ferry.app.gui.task;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.Executor;

/**
 * Runs tasks on a fixed pool of daemon threads named {@code ferry-task-N}; callbacks and progress go through
 * {@code callbackExecutor} (in the workbench {@code Platform::runLater}, so view models touch JavaFX properties only on
 * the application thread). Thread-safe.
 */
public final class ThreadPoolTaskExecutor implements TaskExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(ThreadPoolTaskExecutor.class);

    private final ExecutorService pool;
    private final Executor callbackExecutor;

    public ThreadPoolTaskExecutor(int threads, Executor callbackExecutor) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "ferry-task-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.pool = Executors.newFixedThreadPool(threads, factory);
        this.callbackExecutor = callbackExecutor;
    }

    @Override
    public <T> TaskHandle submit(BackgroundTask<T> task, TaskCallbacks<T> callbacks) {
        PoolHandle handle = new PoolHandle();
        ProgressListener progress = (fraction, message) -> {
            if (!handle.cancelled.get()) {
                callbackExecutor.execute(() -> callbacks.onProgress().progress(fraction, message));
            }
        };
        handle.future = pool.submit(() -> {
            try {
                T result = task.run(progress, handle.cancelled::get);
                if (!handle.cancelled.get()) {
                    callbackExecutor.execute(() -> callbacks.onSuccess().accept(result));
                }
            } catch (Exception e) {
                if (!handle.cancelled.get()) {
                    LOG.debug("background task failed", e);
                    callbackExecutor.execute(() -> callbacks.onFailure().accept(e));
                }
            } finally {
                handle.done.set(true);
            }
        });
        return handle;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    private static final class PoolHandle implements TaskHandle {
        final AtomicBoolean cancelled = new AtomicBoolean();
        final AtomicBoolean done = new AtomicBoolean();
        volatile Future<?> future;

        @Override
        public void cancel() {
            cancelled.set(true);
            Future<?> f = future;
            if (f != null) {
                f.cancel(true);
            }
        }

        @Override
        public boolean isCancelled() {
            return cancelled.get();
        }

        @Override
        public boolean isDone() {
            return done.get() || (future != null && future.isDone());
        }
    }
}
