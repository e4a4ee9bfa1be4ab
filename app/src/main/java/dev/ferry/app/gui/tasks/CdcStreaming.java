package dev.ferry.app.gui.tasks;

import dev.ferry.engine.cdc.SourcePosition;
import dev.ferry.engine.cdc.apply.ApplyException;
import dev.ferry.engine.cdc.apply.ApplyListener;
import dev.ferry.engine.cdc.apply.ApplySettings;
import dev.ferry.engine.cdc.apply.ApplyStats;
import dev.ferry.engine.cdc.apply.CdcMonitor;
import dev.ferry.engine.cdc.apply.ChangeApplier;
import dev.ferry.engine.cdc.apply.ChangeMapping;
import dev.ferry.engine.cdc.apply.StopCondition;
import dev.ferry.engine.cdc.apply.TaskCapture;
import dev.ferry.engine.cdc.mysql.MySqlCdcConfig;
import dev.ferry.engine.cdc.postgres.PostgresCdcConfig;
import dev.ferry.engine.cdc.postgres.PostgresReplicationConnection;
import dev.ferry.engine.cdc.sqlite.SqliteCdcConfig;
import dev.ferry.engine.endpoint.JdbcUrls;
import dev.ferry.engine.load.ErrorPolicy;
import dev.ferry.engine.load.FullLoad;
import dev.ferry.engine.load.LoadEndpoint;
import dev.ferry.engine.load.LoadException;
import dev.ferry.engine.load.LoadPlan;
import dev.ferry.engine.load.LoadResult;
import dev.ferry.engine.load.LoadSettings;
import dev.ferry.engine.load.LoadStateStore;
import dev.ferry.engine.load.SourceSnapshot;
import dev.ferry.engine.load.TableJob;
import dev.ferry.engine.load.TableProgress;
import dev.ferry.engine.load.mysql.MySqlSourceSnapshot;
import dev.ferry.engine.load.postgres.PostgresSourceSnapshot;
import dev.ferry.engine.load.sqlite.SqliteSourceSnapshot;
import dev.ferry.model.project.EndpointConfig;
import dev.ferry.model.project.TaskConfig;
import dev.ferry.model.project.TaskSettings;
import dev.ferry.model.project.TaskType;
import dev.ferry.model.schema.QualifiedName;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A {@code full-load-and-cdc} or {@code cdc} task run from the workbench, with the same steps as {@code ferry migrate}:
 * the source's {@link TaskCapture} (PostgreSQL slot and publication {@code ferry_<task>}, binlog, SQLite triggers), a
 * {@link ChangeApplier} into the target; when no position is stored yet, the full load from the snapshot the stream
 * starts after ({@code full-load-and-cdc}) or the task's {@code CdcStartPosition} ({@code cdc}, default {@code now});
 * then streaming until the user stops it, the task's {@code CdcStopPosition}, or a failure. A {@link CdcMonitor}
 * sample reaches {@link LoadRunning.Events#cdc} once a second (the workbench's {@link LoadMonitor} throttles them to
 * the UI like every other event).
 *
 * <p>Threading: {@link #run} blocks the calling (background) thread; a daemon thread {@code ferry-gui-cdc} samples the
 * metrics and turns a stop request into {@link ChangeApplier#stop()}. One use per instance.
 */
final class CdcStreaming {

    /** How often the stop flag is checked, milliseconds. */
    static final long STOP_POLL_MS = 100;
    /** How often metrics are sampled, milliseconds. */
    static final long SAMPLE_MS = 1000;

    private final TaskConfig task;
    private final EndpointConfig sourceConfig;
    private final char[] sourcePassword;
    private final LoadEndpoint source;
    private final LoadEndpoint target;
    private final LoadSettings settings;
    private final LoadPlan plan;
    private final Path stateFile;
    private final LoadRunning.Events events;
    private final BooleanSupplier stopRequested;

    CdcStreaming(TaskConfig task, EndpointConfig sourceConfig, char[] sourcePassword, LoadEndpoint source, LoadEndpoint target,
                 LoadSettings settings, LoadPlan plan, Path stateFile, LoadRunning.Events events, BooleanSupplier stopRequested) {
        this.task = task;
        this.sourceConfig = sourceConfig;
        this.sourcePassword = sourcePassword;
        this.source = source;
        this.target = target;
        this.settings = settings;
        this.plan = plan;
        this.stateFile = stateFile;
        this.events = events;
        this.stopRequested = stopRequested;
    }

    LoadRunning.Outcome run() throws Exception {
        int[] capacity = {0};
        TaskCapture capture = capture(capacity);
        ChangeApplier[] ref = new ChangeApplier[1];
        CdcMonitor monitor = new CdcMonitor(() -> ref[0], capture::lag, new ApplyListener() {
            @Override
            public void rowFailed(String table, String key, String reason) {
                events.log(LoadRunning.Level.WARN, "Rejected a change of " + table + " (" + key + "): " + reason);
            }

            @Override
            public void schemaChanged(String table) {
                events.log(LoadRunning.Level.INFO, "DDL on " + table);
            }

            @Override
            public void stopConditionReached(String reason) {
                events.log(LoadRunning.Level.INFO, "Stop position reached: " + reason);
            }

            @Override
            public void connectionState(ApplyStats.ConnectionState state, String detail) {
                events.log(state == ApplyStats.ConnectionState.FAILED ? LoadRunning.Level.ERROR : LoadRunning.Level.INFO,
                        "Connection " + state.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                                + (detail == null || detail.isBlank() ? "" : ": " + detail));
            }
        });
        ChangeApplier applier = new ChangeApplier(capture.changeSource(), target, applySettings(), monitor);
        ref[0] = applier;
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ferry-gui-cdc");
            t.setDaemon(true);
            return t;
        });
        try {
            applier.mapChanges(ChangeMapping.of(plan.jobs()));
            String stopText = task.settings().cdcStopPosition();
            StopCondition stop = stopText == null ? StopCondition.NONE
                    : StopCondition.parse(stopText, capture.kind(), capture.serverClock());
            Optional<String> stored = applier.storedPosition();
            if (stored.isPresent()) {
                events.log(LoadRunning.Level.INFO, "Resuming streaming after the stored position " + stored.get()
                        + (task.type() == TaskType.FULL_LOAD_AND_CDC ? " (the full load finished in an earlier run)" : ""));
            } else if (task.type() == TaskType.FULL_LOAD_AND_CDC) {
                capture.prepare(); // publication / triggers BEFORE the snapshot
                LoadRunning.Outcome failed = fullLoad(capture, applier);
                if (failed != null) {
                    return failed;
                }
            } else {
                String spec = task.settings().cdcStartPosition() == null ? "now" : task.settings().cdcStartPosition();
                SourcePosition start = capture.startAt(spec);
                if (start != null) {
                    applier.initializePosition(start);
                }
                events.log(LoadRunning.Level.INFO, "Streaming starts at " + spec + (start == null ? "" : " (" + start + ")"));
            }
            if (stopRequested.getAsBoolean()) {
                return new LoadRunning.Outcome(null, true, null);
            }
            applier.stopAt(stop);
            applier.start();
            events.phase(LoadRunning.Phase.STREAMING, 0, 0);
            events.log(LoadRunning.Level.INFO, "Streaming changes of task " + task.name()
                    + (stopText == null ? " until stopped" : " until " + stopText));
            events.cdc(monitor.sample(), capacity[0]);
            long[] lastSample = {System.nanoTime()};
            ticker.scheduleWithFixedDelay(() -> {
                if (stopRequested.getAsBoolean()) {
                    applier.stop();
                }
                if (System.nanoTime() - lastSample[0] >= SAMPLE_MS * 1_000_000L) {
                    lastSample[0] = System.nanoTime();
                    events.cdc(monitor.sample(), capacity[0]);
                }
            }, STOP_POLL_MS, STOP_POLL_MS, TimeUnit.MILLISECONDS);
            String error = null;
            try {
                applier.run();
            } catch (ApplyException e) {
                error = EngineLoadRunning.redact(String.valueOf(e.getMessage()), sourcePassword, new char[0]);
            }
            ticker.shutdownNow();
            ticker.awaitTermination(5, TimeUnit.SECONDS);
            events.cdc(monitor.sample(), capacity[0]);
            ApplyStats stats = applier.stats();
            if (error != null) {
                events.log(LoadRunning.Level.ERROR, "Streaming failed: " + error);
                return new LoadRunning.Outcome(null, false, error);
            }
            events.log(LoadRunning.Level.INFO, "Streaming stopped" + applier.stopReason().map(r -> " at " + r).orElse("")
                    + " after " + TasksViewModel.fmt(stats.appliedEvents()) + " applied changes; last position "
                    + stats.lastPosition() + ". Start again to resume after it.");
            return new LoadRunning.Outcome(null, applier.stopReason().isEmpty(), null);
        } finally {
            ticker.shutdownNow();
            applier.close();
            capture.close();
        }
    }

    /** The full load from the snapshot the stream starts after; {@code null} when it finished. */
    private LoadRunning.Outcome fullLoad(TaskCapture capture, ChangeApplier applier) throws Exception {
        LoadResult result;
        String error = null;
        boolean stopped = false;
        try (LoadStateStore store = LoadStateStore.open(stateFile)) {
            boolean resumed = store.taskStatus(task.name()).isPresent();
            events.phase(LoadRunning.Phase.LOAD, 0, 0);
            try (SourceSnapshot snapshot = snapshot(resumed)) {
                try {
                    result = new FullLoad(source, target, settings, store, EngineLoadRunning.stopping(events, stopRequested))
                            .withDeferredIndexes(task.settings().deferIndexesDuringLoad()).run(plan, snapshot);
                } catch (EngineLoadRunning.StopRequested e) {
                    // a stop raised outside FullLoad's workers (a safety net: stopping() only raises it for running tables)
                    result = null;
                    stopped = true;
                } catch (LoadException e) {
                    result = e.partial();
                    stopped = EngineLoadRunning.isStop(e);
                    if (!stopped) {
                        Throwable cause = e.getCause() != null ? e.getCause() : e;
                        error = EngineLoadRunning.redact(String.valueOf(cause.getMessage()), sourcePassword, new char[0]);
                    }
                }
            }
            if (stopped) {
                events.log(LoadRunning.Level.WARN, "Stopped during the full load: committed ranges are kept; Start again resumes"
                        + " the load, then streams from the first run's snapshot position.");
                return new LoadRunning.Outcome(result, true, null);
            }
            long notDone = result == null ? plan.jobs().size()
                    : result.tables().stream().filter(t -> t.state() != TableProgress.TableState.DONE).count();
            if (error != null || notDone > 0) {
                String why = error != null ? error : notDone + " table(s) not loaded";
                events.log(LoadRunning.Level.ERROR, "The full load failed: " + why);
                return new LoadRunning.Outcome(result, false, why);
            }
            events.log(LoadRunning.Level.INFO, "Loaded " + TasksViewModel.fmt(result.totalRows()) + " rows.");
            SourcePosition start = capture.afterLoad(store.firstPosition(task.name()));
            applier.initializePosition(start);
            events.log(LoadRunning.Level.INFO, "Full load done; streaming starts after the snapshot position " + start);
            return null;
        }
    }

    private SourceSnapshot snapshot(boolean resumed) throws SQLException {
        return switch (source.engine()) {
            case POSTGRESQL -> {
                PostgresReplicationConnection replication = new PostgresReplicationConnection(pgConfig());
                if (replication.slotExists()) {
                    events.log(LoadRunning.Level.INFO, "Replication slot " + replication.config().slotName() + " exists (an earlier"
                            + " run): " + (resumed ? "resuming" : "loading") + " with plain read transactions; CDC replays the"
                            + " changes since the first run from the slot.");
                    yield SourceSnapshot.independent();
                }
                yield PostgresSourceSnapshot.export(replication);
            }
            case MYSQL -> new MySqlSourceSnapshot();
            case SQLITE -> new SqliteSourceSnapshot();
            default -> throw new IllegalArgumentException("no full load from " + source.engine().displayName());
        };
    }

    private PostgresCdcConfig pgConfig() {
        return PostgresCdcConfig.forTask(JdbcUrls.of(sourceConfig).url(), sourceConfig.user(), sourcePassword, task.name());
    }

    private TaskCapture capture(int[] capacity) {
        List<QualifiedName> tables = plan.jobs().stream().map(j -> j.source().qualifiedName()).toList();
        return switch (sourceConfig.engine()) {
            case POSTGRESQL -> {
                PostgresCdcConfig c = pgConfig();
                capacity[0] = c.queueCapacity();
                yield TaskCapture.postgres(c, tables);
            }
            case MYSQL -> {
                MySqlCdcConfig c = MySqlCdcConfig.forTables(JdbcUrls.of(sourceConfig).url(), sourceConfig.user(), sourcePassword, tables);
                capacity[0] = c.queueCapacity();
                yield TaskCapture.mysql(c);
            }
            case SQLITE -> {
                List<String> names = plan.jobs().stream().map(j -> j.source().name()).toList();
                SqliteCdcConfig c = SqliteCdcConfig.of("jdbc:sqlite:" + sourceConfig.path()).withTables(names);
                capacity[0] = c.queueCapacity();
                yield TaskCapture.sqlite(c, names);
            }
            default -> throw new IllegalArgumentException("task " + task.name() + ": no change capture from "
                    + sourceConfig.engine().displayName());
        };
    }

    /** Source table → target table from the plan, and the apply error policy (as {@code ferry migrate}). */
    private ApplySettings applySettings() {
        Map<QualifiedName, QualifiedName> exact = new HashMap<>();
        Map<String, QualifiedName> byName = new HashMap<>();
        for (TableJob j : plan.jobs()) {
            exact.put(j.source().qualifiedName(), j.target());
            byName.merge(j.source().name(), j.target(), (a, b) -> null);
        }
        TaskSettings.ErrorPolicy ep = task.settings().errorPolicy();
        boolean stop = ep.applyErrorInsertPolicy() == TaskSettings.ErrorAction.STOP_TASK
                || ep.applyErrorUpdatePolicy() == TaskSettings.ErrorAction.STOP_TASK
                || ep.applyErrorDeletePolicy() == TaskSettings.ErrorAction.STOP_TASK;
        return ApplySettings.defaults(task.name())
                .withErrorPolicy(stop ? ErrorPolicy.STOP : ErrorPolicy.SKIP_ROW)
                .withTableMapping(q -> {
                    QualifiedName t = exact.get(q);
                    if (t == null) {
                        t = byName.get(q.name());
                    }
                    return t != null ? t : q;
                });
    }
}
