package dev.ferry.app.gui.tasks;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The application's {@link LoadMonitor.Scheduler}: one shared daemon thread ({@code ferry-monitor}). Thread-safe. */
public final class MonitorScheduler implements LoadMonitor.Scheduler {

    private static final MonitorScheduler SHARED = new MonitorScheduler();

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ferry-monitor");
        t.setDaemon(true);
        return t;
    });

    private MonitorScheduler() {
    }

    public static MonitorScheduler shared() {
        return SHARED;
    }

    @Override
    public void schedule(Runnable task, long delayMillis) {
        executor.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
    }
}
