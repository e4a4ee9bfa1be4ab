package dev.ferry.app.cli;

import dev.ferry.engine.cdc.apply.ApplyException;
import dev.ferry.engine.cdc.apply.ApplyListener;
import dev.ferry.engine.cdc.apply.ApplySettings;
import dev.ferry.engine.cdc.apply.CdcMetrics;
import dev.ferry.engine.cdc.apply.CdcMonitor;
import dev.ferry.engine.cdc.apply.ChangeApplier;
import dev.ferry.engine.cdc.apply.ChangeMapping;
import dev.ferry.engine.cdc.apply.StopCondition;
import dev.ferry.engine.cdc.apply.TaskCapture;
import dev.ferry.engine.cdc.mysql.MySqlCdcConfig;
import dev.ferry.engine.cdc.postgres.PostgresCdcConfig;
import dev.ferry.engine.cdc.sqlite.SqliteCdcConfig;
import dev.ferry.engine.endpoint.JdbcUrls;
import dev.ferry.engine.load.ErrorPolicy;
import dev.ferry.engine.load.LoadPlan;
import dev.ferry.engine.load.TableJob;
import dev.ferry.model.project.EndpointConfig;
import dev.ferry.model.project.TaskSettings;
import dev.ferry.model.schema.QualifiedName;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the streaming phase of a task on the calling thread: builds the source's {@link TaskCapture} and a
 * {@link ChangeApplier} into the target, applies until the stop condition, {@link #requestStop()} (Ctrl-C / SIGTERM
 * through a shutdown hook) or a failure, and meanwhile shows live metrics: a status line redrawn at most once a second
 * on a console, a plain line every {@code intervalMillis} otherwise, JSON lines on stdout with {@code --json-progress};
 * and keeps {@code .ferry/<task>.cdc.json} up to date for {@code ferry status}.
 *
 * <p>Threading: {@link #stream} on one thread; {@link #requestStop()} from any thread (the shutdown hook); a daemon
 * ticker thread samples the metrics.
 */
final class CdcRunner implements AutoCloseable {

    /** How streaming ended. */
    enum End { STOP_CONDITION, STOPPED, FAILED }

    private final MigrationContext ctx;
    private final TaskCapture capture;
    private final ChangeApplier applier;
    private final CdcMonitor monitor;
    private final CdcStatusFile status;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean stopRequested;
    private String failure;
    private Thread hook;

    CdcRunner(MigrationContext ctx, LoadPlan plan, ApplyListener listener) {
        this.ctx = ctx;
        this.capture = capture(ctx, plan);
        ChangeApplier[] ref = new ChangeApplier[1];
        this.monitor = new CdcMonitor(() -> ref[0], capture::lag, listener);
        this.applier = new ChangeApplier(capture.changeSource(), ctx.targetEndpoint, applySettings(ctx, plan), monitor);
        applier.mapChanges(ChangeMapping.of(plan.jobs())); // column rules and row filters, as in the full load
        ref[0] = applier;
        this.status = new CdcStatusFile(CdcStatusFile.of(ctx.projectDir, ctx.task.name()), ctx.task.name());
        status.source = ctx.source.config().describe();
        status.target = ctx.target.config().describe();
    }

    TaskCapture capture() {
        return capture;
    }

    ChangeApplier applier() {
        return applier;
    }

    CdcMonitor monitor() {
        return monitor;
    }

    CdcStatusFile status() {
        return status;
    }

    String failure() {
        return failure;
    }

    /** The capture for the task's source; PostgreSQL slot and publication are {@code ferry_<task>}. */
    static TaskCapture capture(MigrationContext ctx, LoadPlan plan) {
        EndpointConfig sc = ctx.source.config();
        List<QualifiedName> tables = plan.jobs().stream().map(j -> j.source().qualifiedName()).toList();
        return switch (sc.engine()) {
            case POSTGRESQL -> TaskCapture.postgres(PostgresCdcConfig.forTask(JdbcUrls.of(sc).url(), sc.user(),
                    ctx.source.password(), ctx.task.name()), tables);
            case MYSQL -> TaskCapture.mysql(MySqlCdcConfig.forTables(JdbcUrls.of(sc).url(), sc.user(), ctx.source.password(), tables));
            case SQLITE -> {
                List<String> names = plan.jobs().stream().map(j -> j.source().name()).toList();
                yield TaskCapture.sqlite(SqliteCdcConfig.of("jdbc:sqlite:" + sc.path()).withTables(names), names);
            }
            default -> throw new ConfigurationException("task " + ctx.task.name() + ": no change capture from "
                    + sc.engine().displayName());
        };
    }

    /** Source table → target table from the plan (the project's table mappings), and the apply error policy. */
    static ApplySettings applySettings(MigrationContext ctx, LoadPlan plan) {
        Map<QualifiedName, QualifiedName> exact = new HashMap<>();
        Map<String, QualifiedName> byName = new HashMap<>();
        for (TableJob j : plan.jobs()) {
            exact.put(j.source().qualifiedName(), j.target());
            byName.merge(j.source().name(), j.target(), (a, b) -> null);
        }
        TaskSettings.ErrorPolicy ep = ctx.task.settings().errorPolicy();
        boolean stop = ep.applyErrorInsertPolicy() == TaskSettings.ErrorAction.STOP_TASK
                || ep.applyErrorUpdatePolicy() == TaskSettings.ErrorAction.STOP_TASK
                || ep.applyErrorDeletePolicy() == TaskSettings.ErrorAction.STOP_TASK;
        return ApplySettings.defaults(ctx.task.name())
                .withErrorPolicy(stop ? ErrorPolicy.STOP : ErrorPolicy.SKIP_ROW)
                .withBatchApply(batchApply(ctx.task.settings()))
                .withTableMapping(q -> {
                    QualifiedName t = exact.get(q);
                    if (t == null) {
                        t = byName.get(q.name());
                    }
                    return t != null ? t : q;
                });
    }

    /** DMS {@code BatchApplyEnabled} with its tuning settings, or {@code null} for transactional apply. */
    static ApplySettings.BatchApply batchApply(TaskSettings s) {
        if (!s.batchApplyEnabled()) {
            return null;
        }
        TaskSettings.BatchApplySettings b = s.batchApply();
        return ApplySettings.BatchApply.of(b.timeoutMinSeconds(), b.timeoutMaxSeconds(), b.memoryLimitMb(), b.splitSize());
    }

    /** Registers the shutdown hook: Ctrl-C / SIGTERM stop the applier cleanly and wait for the final state. */
    void installSignalHandler() {
        hook = new Thread(() -> {
            requestStop();
            try {
                finished.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "ferry-cdc-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    void requestStop() {
        stopRequested = true;
        applier.stop();
    }

    /**
     * Starts the applier (after the stored position) and applies until it stops.
     *
     * @param stop           where to stop on its own ({@link StopCondition#NONE}: only when asked)
     * @param err            human progress
     * @param out            JSON progress lines ({@code json})
     * @param intervalMillis plain progress lines without a console
     */
    End stream(StopCondition stop, String stopText, PrintWriter err, PrintWriter out, boolean console, boolean json,
               long intervalMillis) throws Exception {
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ferry-cdc-progress");
            t.setDaemon(true);
            return t;
        });
        long tick = console ? 1000 : Math.max(1000, intervalMillis);
        long[] lastPlain = {0};
        try {
            applier.stopAt(stop);
            status.stopCondition = stopText;
            status.phase = "STREAMING";
            applier.start();
            status.startedAfter = applier.stats().lastPosition();
            err.println("Streaming changes of task " + ctx.task.name() + (stopText == null ? " until stopped (Ctrl-C)"
                    : " until " + stopText) + "; status: " + status.file());
            err.flush();
            ticker.scheduleAtFixedRate(() -> {
                CdcMetrics m = monitor.sample();
                status.write(m);
                if (json) {
                    out.println(CdcStatusFile.metricsJson(m).put("task", ctx.task.name()).toString());
                    out.flush();
                }
                String line = CdcStatusFile.line(ctx.task.name(), status.phase, m);
                if (console) {
                    err.print("\r" + line + "\033[K");
                    err.flush();
                } else if (System.nanoTime() - lastPlain[0] >= intervalMillis * 1_000_000L) {
                    lastPlain[0] = System.nanoTime();
                    err.println(line);
                    err.flush();
                }
            }, 0, Math.min(tick, 1000), TimeUnit.MILLISECONDS);
            try {
                applier.run();
            } catch (ApplyException e) {
                failure = ctx.redact(e);
            }
        } catch (java.sql.SQLException e) {
            failure = ctx.redact(e);
        } finally {
            ticker.shutdownNow();
            ticker.awaitTermination(5, TimeUnit.SECONDS);
        }
        if (console) {
            err.println();
        }
        End end = failure != null ? End.FAILED : applier.stopReason().isPresent() ? End.STOP_CONDITION : End.STOPPED;
        status.phase = end == End.FAILED ? "FAILED" : "STOPPED";
        status.stopReason = applier.stopReason().orElse(stopRequested ? "stop requested (signal or operator)" : null);
        status.error = failure;
        CdcMetrics last = monitor.sample();
        status.write(last);
        err.println(CdcStatusFile.line(ctx.task.name(), status.phase, last));
        err.flush();
        return end;
    }

    /** Called at the very end: removes the shutdown hook (normal end) and releases a waiting hook. */
    void finished() {
        finished.countDown();
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it waits for the latch released above
            }
        }
    }

    @Override
    public void close() {
        applier.close();
    }

    static Duration seconds(long s) {
        return Duration.ofSeconds(s);
    }
}
