package dev.ferry.app.gui.task;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ThreadPoolTaskExecutorTest {

    @Test
    void runsOnAWorkerThreadAndDeliversCallbacksOnTheCallbackThread() {
        ExecutorService ui = Executors.newSingleThreadExecutor(r -> new Thread(r, "fake-ui"));
        try (ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor(2, ui)) {
            AtomicReference<String> workerThread = new AtomicReference<>();
            AtomicReference<String> callbackThread = new AtomicReference<>();
            AtomicReference<Integer> result = new AtomicReference<>();
            List<String> progress = new CopyOnWriteArrayList<>();
            TaskHandle handle = executor.submit((p, cancel) -> {
                workerThread.set(Thread.currentThread().getName());
                p.progress(0.5, "half");
                return 42;
            }, new TaskCallbacks<Integer>(r -> {
                callbackThread.set(Thread.currentThread().getName());
                result.set(r);
            }, e -> { }, (f, m) -> progress.add(m + "@" + Thread.currentThread().getName())));
            await().atMost(Duration.ofSeconds(10)).until(() -> result.get() != null);
            assertThat(result.get()).isEqualTo(42);
            assertThat(workerThread.get()).startsWith("ferry-task-");
            assertThat(callbackThread.get()).isEqualTo("fake-ui");
            assertThat(progress).containsExactly("half@fake-ui");
            await().atMost(Duration.ofSeconds(10)).until(handle::isDone);
        } finally {
            ui.shutdownNow();
        }
    }

    @Test
    void failuresReachOnFailure() {
        try (ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor(1, Runnable::run)) {
            AtomicReference<Throwable> failure = new AtomicReference<>();
            executor.submit((p, cancel) -> {
                throw new IllegalStateException("catalog unreadable");
            }, TaskCallbacks.of(r -> { }, failure::set));
            await().atMost(Duration.ofSeconds(10)).until(() -> failure.get() != null);
            assertThat(failure.get()).hasMessage("catalog unreadable");
        }
    }

    @Test
    void aCancelledTaskStopsAndReportsNothing() {
        try (ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor(1, Runnable::run)) {
            AtomicBoolean started = new AtomicBoolean();
            AtomicBoolean stopped = new AtomicBoolean();
            AtomicBoolean called = new AtomicBoolean();
            TaskHandle handle = executor.submit((p, cancel) -> {
                started.set(true);
                while (!cancel.isCancelled()) {
                    Thread.onSpinWait();
                }
                stopped.set(true);
                return "late";
            }, TaskCallbacks.of(r -> called.set(true), e -> called.set(true)));
            await().atMost(Duration.ofSeconds(10)).untilTrue(started);
            handle.cancel();
            await().atMost(Duration.ofSeconds(10)).untilTrue(stopped);
            await().atMost(Duration.ofSeconds(10)).until(handle::isDone);
            assertThat(handle.isCancelled()).isTrue();
            assertThat(called).isFalse();
        }
    }

    @Test
    void currentThreadExecutorRunsInline() {
        CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
        AtomicReference<String> thread = new AtomicReference<>();
        TaskHandle h = executor.submit((p, c) -> Thread.currentThread().getName(), TaskCallbacks.of(thread::set, e -> { }));
        assertThat(thread.get()).isEqualTo(Thread.currentThread().getName());
        assertThat(h.isDone()).isTrue();
    }
}
