package dev.ferry.engine.load;

import dev.ferry.engine.load.postgres.MySqlTextPassThrough;
import dev.ferry.engine.load.postgres.PostgresCopyPassThrough;
import dev.ferry.engine.load.postgres.PostgresDeferredIndexes;
import dev.ferry.model.schema.Engine;
import dev.ferry.model.util.Redaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The full-load engine: copies the tables of a {@link LoadPlan} from a source to a target, pgcopydb/DMS style.
 *
 * <pre>
 * run() (caller thread)
 *  ├─ SourceSnapshot.openReaders(n)        n = min(maxSubTasks, ranges to load) reader connections, one snapshot
 *  ├─ worker pool  (n threads)             one task per RANGE, round robin over tables, largest ranges first
 *  │    └─ reader: SELECT cols WHERE key in range (forward-only, fetch size) → batches of batchSize rows
 *  │         └─ ArrayBlockingQueue(queueCapacity batches)   bounded: memory never depends on table size
 *  └─ writer pool  (n threads)             one writer per running range, own target connection + transaction
 *       └─ convert (ValueConverter) → TargetWriter (COPY / LOAD DATA / batched INSERT)
 *          → ferry_exceptions rows + ferry_load_state marker → COMMIT (data and marker atomically)
 * </pre>
 *
 * <p>Exactly-once resume: a range's rows and its {@code ferry_load_state} marker commit in ONE target transaction. At
 * the start of a run the markers are read: marked ranges are skipped; any other range that an earlier run started is
 * redone after deleting its key span (whole-table ranges: truncating the table) in the same transaction as the reload.
 *
 * <p>Threading: {@link #run} blocks the calling thread; one run at a time per instance. The {@link LoadListener} is
 * called from worker and writer threads.
 */
public final class FullLoad {

    private static final Logger LOG = LoggerFactory.getLogger(FullLoad.class);
    private static final Object END = new Object();

    private final LoadEndpoint source;
    private final LoadEndpoint target;
    private final LoadSettings settings;
    private final LoadStateStore store;
    private final LoadListener listener;
    private final TargetDialect dialect;
    private final ValueConverter converter;
    /** SQLite has one writer at a time: range transactions on a SQLite target take turns (reading stays parallel). */
    private final java.util.concurrent.Semaphore singleWriter;
    /** The byte budget of the running load's queues (one run at a time per instance). */
    private volatile MemoryBudget budget;
    /** Target connections of the pass-through between ranges (see {@link #loadConnection}). */
    private final BlockingQueue<Connection> idleTargets = new java.util.concurrent.LinkedBlockingQueue<>();
    private volatile boolean asyncCommits;
    /** PostgreSQL targets: drop an empty target table's indexes and re-create them after its data (default on). */
    private boolean deferIndexes = true;
    /** Per source table key: the indexes dropped for the load, re-created once the table's last range commits. */
    private final Map<String, List<PostgresDeferredIndexes.Deferred>> deferred = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<Future<?>> indexBuilds = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicReference<Throwable> indexFailure = new AtomicReference<>();
    private volatile ExecutorService indexPool;

    public FullLoad(LoadEndpoint source, LoadEndpoint target, LoadSettings settings, LoadStateStore store, LoadListener listener) {
        this.source = source;
        this.target = target;
        this.settings = settings;
        this.store = store;
        this.listener = listener == null ? LoadListener.NO_OP : listener;
        this.dialect = TargetDialect.of(target.engine());
        this.converter = new ValueConverter(source.engine(), target.engine(), settings.zeroDateAsNull());
        this.singleWriter = target.engine() == Engine.SQLITE ? new java.util.concurrent.Semaphore(1, true) : null;
    }

    /** Unit of work: one range of one table. */
    private record Work(TableJob job, KeyRange range, boolean redo, Tracker tracker, boolean rowByRow) {
        Work(TableJob job, KeyRange range, boolean redo, Tracker tracker) {
            this(job, range, redo, tracker, false);
        }
    }

    /**
     * Whether a PostgreSQL target table that the load fills from empty gets its indexes built after its data instead
     * of maintained row by row ({@link PostgresDeferredIndexes}); on by default.
     */
    public FullLoad withDeferredIndexes(boolean on) {
        this.deferIndexes = on;
        return this;
    }

    /**
     * Loads the plan, reading through {@code snapshot} (which the caller closes afterwards).
     *
     * @throws LoadException when the load stopped; committed ranges stay and a rerun resumes after them
     */
    public LoadResult run(LoadPlan plan, SourceSnapshot snapshot) throws LoadException, SQLException {
        Instant start = Instant.now();
        String task = settings.task();
        long budgetBytes = MemoryBudget.forHeap(settings.maxQueueBytes(), Runtime.getRuntime().maxMemory());
        if (budgetBytes < settings.maxQueueBytes()) {
            LOG.info("full load {}: queue budget {} MiB instead of {} MiB (2/5 of the {} MiB heap)", task,
                    budgetBytes >> 20, settings.maxQueueBytes() >> 20, Runtime.getRuntime().maxMemory() >> 20);
        }
        budget = new MemoryBudget(budgetBytes);
        Map<String, Marker> markers = prepareTarget();
        List<Tracker> trackers = new ArrayList<>();
        List<Work> work = new ArrayList<>();
        Connection ddl = null;
        try {
            for (TableJob planned : plan.jobs()) {
                TableJob job = reconcile(planned);
                Tracker t = new Tracker(job);
                trackers.add(t);
                if (job.ctidSplit()) {
                    restartIfPartial(job, markers);
                } else if (!markersMatch(job, markers)) {
                    if (job.tupleSplit()) {
                        // tuple ranges are not cleared on the target one by one (see below): empty the table at once
                        LOG.warn("table {}: the target's load markers do not match the planned ranges; emptying it and "
                                + "loading it again", job.tableKey());
                        emptyTable(job, markers);
                    } else {
                        forgetTable(job, markers);
                    }
                }
                List<RangeState> states = store.ranges(task, job.tableKey());
                Map<Integer, RangeState> byIndex = new HashMap<>();
                states.forEach(s -> byIndex.put(s.range().index(), s));
                boolean anyMarker = false;
                for (KeyRange r : job.ranges()) {
                    Marker m = markers.get(job.tableKey() + "#" + r.index());
                    if (m != null) {
                        anyMarker = true;
                        store.markDone(task, job.tableKey(), r.index(), m.rows, m.bytes, byIndex.containsKey(r.index())
                                ? byIndex.get(r.index()).rejected() : 0);
                        t.skipped(m.rows, m.bytes);
                    } else {
                        RangeState s = byIndex.get(r.index());
                        // ctid ranges are never redone one by one: restartIfPartial emptied a partly loaded table. Tuple
                        // ranges are not cleared on the target either (the target may order text differently from the
                        // source): an unmarked range committed nothing, as its rows commit with its marker, and ranges
                        // that changed since the target was loaded made the table be emptied above
                        boolean redo = s != null && s.attempts() > 0 && !job.ctidSplit() && !job.tupleSplit();
                        work.add(new Work(job, r, redo, t));
                    }
                }
                boolean hasWork = work.stream().anyMatch(w -> w.tracker == t);
                if (!anyMarker && settings.truncateBeforeLoad() && hasWork) {
                    truncate(job);
                }
                // a table with re-creates pending from an earlier run gets them once its ranges are done (or below)
                if (!deferred.containsKey(job.tableKey()) && deferIndexes && hasWork && !anyMarker && target.engine() == Engine.POSTGRESQL) {
                    if (ddl == null) {
                        ddl = target.connections().open();
                    }
                    try {
                        List<PostgresDeferredIndexes.Deferred> d = PostgresDeferredIndexes.defer(ddl,
                                control("ferry_deferred_index"), task, job);
                        if (!d.isEmpty()) {
                            deferred.put(job.tableKey(), d);
                            LOG.info("table {}: {} index(es) dropped for the load, re-created after its data: {}", job.tableKey(),
                                    d.size(), d.stream().map(PostgresDeferredIndexes.Deferred::indexName).toList());
                        }
                    } catch (SQLException e) {
                        LOG.warn("table {}: its indexes stay during the load ({})", job.tableKey(),
                                Redaction.redact(String.valueOf(e.getMessage())));
                        SourceSnapshot.closeAll(List.of(ddl));
                        ddl = null;
                    }
                }
                t.publish(listener);
            }
        } finally {
            if (ddl != null) {
                SourceSnapshot.closeAll(List.of(ddl));
            }
        }
        if (work.isEmpty()) {
            buildRemainingIndexes();
            store.beginRun(task, snapshot.position());
            Throwable failed = indexFailure.get();
            store.finishRun(task, failed == null ? "DONE" : "FAILED");
            LoadResult r = result(start, trackers, snapshot.position());
            if (failed != null) {
                throw new LoadException("full load " + task + ": " + Redaction.redact(String.valueOf(failed.getMessage())), failed, r);
            }
            return r;
        }
        // round robin over the tables (each table's ranges in key order), the largest ranges first in each round: the
        // long tables do not start last, and concurrent workers write different tables where they can, so each target
        // table grows at its end (its key index appends on the right) without several COPYs contending on it
        Map<TableJob, Integer> seen = new java.util.IdentityHashMap<>();
        Map<Work, Integer> round = new java.util.IdentityHashMap<>();
        work.sort(Comparator.comparingInt((Work w) -> w.range.index()));
        for (Work w : work) {
            round.put(w, seen.merge(w.job, 1, Integer::sum));
        }
        work.sort(Comparator.comparingInt((Work w) -> round.get(w))
                .thenComparingLong(w -> -w.job.estimatedRows() / Math.max(1, w.job.ranges().size()))
                .thenComparing(w -> w.job.tableKey()).thenComparingInt(w -> w.range.index()));
        int n = Math.min(settings.maxSubTasks(), work.size());
        List<Connection> readerList = snapshot.openReaders(source.connections(), n);
        Map<String, String> position = snapshot.position();
        store.beginRun(task, position);
        LOG.info("full load {}: {} ranges of {} tables with {} workers from snapshot {}", task, work.size(),
                plan.jobs().size(), n, position);
        BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(n, false, readerList);
        AtomicReference<Throwable> fatal = new AtomicReference<>();
        ExecutorService workers = Executors.newFixedThreadPool(n, named("ferry-load-worker-" + task));
        ExecutorService writers = Executors.newFixedThreadPool(n, named("ferry-load-writer-" + task));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Work w : work) {
                futures.add(workers.submit(() -> {
                    try {
                        runRange(w, readers, writers, fatal);
                    } catch (Throwable e) {
                        if (fatal.compareAndSet(null, e)) {
                            LOG.error("full load {} stops: {} range {} failed: {}", task, w.job.tableKey(), w.range,
                                    Redaction.redact(String.valueOf(e.getMessage())));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    fatal.compareAndSet(null, e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    fatal.compareAndSet(null, e);
                }
            }
        } finally {
            workers.shutdownNow();
            writers.shutdownNow();
            awaitQuietly(workers);
            awaitQuietly(writers);
            SourceSnapshot.closeAll(readerList);
            awaitIndexBuilds();
            buildRemainingIndexes();
        }
        try {
            flushTargetCommits();
        } catch (SQLException e) {
            fatal.compareAndSet(null, e);
        }
        fatal.compareAndSet(null, indexFailure.get());
        Throwable f = fatal.get();
        for (Tracker t : trackers) {
            t.finish(f != null);
            t.publish(listener);
        }
        LoadResult result = result(start, trackers, position);
        boolean suspended = trackers.stream().anyMatch(Tracker::suspended);
        store.finishRun(task, f != null ? "FAILED" : suspended ? "PARTIAL" : "DONE");
        if (f != null) {
            throw new LoadException("full load " + task + " stopped: " + Redaction.redact(String.valueOf(f.getMessage())), f, result);
        }
        return result;
    }

    private static void awaitQuietly(ExecutorService pool) {
        try {
            if (!pool.awaitTermination(60, TimeUnit.SECONDS)) {
                LOG.warn("full-load threads did not stop within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private LoadResult result(Instant start, List<Tracker> trackers, Map<String, String> position) {
        List<TableResult> tables = new ArrayList<>();
        for (Tracker t : trackers) {
            tables.add(t.result());
        }
        return new LoadResult(settings.task(), position, tables, Duration.between(start, Instant.now()));
    }

    /** Uses the ranges stored by an earlier run of the task (same split on resume), else stores the plan's. */
    private TableJob reconcile(TableJob job) throws SQLException {
        List<RangeState> stored = store.ranges(settings.task(), job.tableKey());
        if (stored.isEmpty()) {
            store.saveRanges(settings.task(), job.tableKey(), job.ranges());
            return job;
        }
        List<KeyRange> ranges = stored.stream().map(RangeState::range).toList();
        if (ranges.equals(job.ranges())) {
            return job;
        }
        if (ranges.size() > 1 && job.splitColumn() == null) {
            throw new IllegalStateException("table " + job.tableKey() + " was split by an earlier run of task "
                    + settings.task() + " but has no key to split on now; forget the task to reload it");
        }
        LOG.info("table {}: resuming with the {} ranges of the earlier run", job.tableKey(), ranges.size());
        return new TableJob(job.source(), job.target(), job.columns(), job.keyColumns(), job.splitColumn(), ranges,
                job.estimatedRows(), job.filter());
    }

    private record Marker(long rows, long bytes, Long lo, Long hi) {
        boolean covers(KeyRange r) {
            return java.util.Objects.equals(lo, markerBound(r, true)) && java.util.Objects.equals(hi, markerBound(r, false));
        }
    }

    /**
     * The {@code lo}/{@code hi} a target marker stores for a range: an integer range's bounds; for a tuple range a
     * 63-bit fingerprint (SHA-256) of the typed bound, so a marker still identifies its key span exactly.
     */
    static Long markerBound(KeyRange r, boolean lower) {
        if (r.isInteger()) {
            return lower ? r.lo() : r.hi();
        }
        if (r.partition() != null) {
            return lower ? fingerprint("partition " + r.partition()) : null;
        }
        List<Object> b = lower ? r.lower() : r.upper();
        if (b == null) {
            return null;
        }
        return fingerprint(LoadStateStore.boundsJson(new KeyRange(0, b, null, r.upperInclusive())));
    }

    private static long fingerprint(String json) {
        try {
            byte[] h = java.security.MessageDigest.getInstance("SHA-256").digest(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.nio.ByteBuffer.wrap(h).getLong() & Long.MAX_VALUE;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Marker> prepareTarget() throws SQLException {
        Map<String, Marker> markers = new HashMap<>();
        try (Connection c = target.connections().open()) {
            c.setAutoCommit(true);
            try (Statement st = c.createStatement()) {
                for (String ddl : dialect.controlTableDdl(settings.controlSchema())) {
                    st.execute(ddl);
                }
                if (target.engine() == Engine.POSTGRESQL) {
                    st.execute(PostgresDeferredIndexes.ddl(control("ferry_deferred_index")));
                }
            }
            if (target.engine() == Engine.POSTGRESQL) {
                deferred.putAll(PostgresDeferredIndexes.pending(c, control("ferry_deferred_index"), settings.task()));
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT table_name, range_index, row_count, byte_count, lo, hi FROM "
                    + control("ferry_load_state") + " WHERE task = ?")) {
                ps.setString(1, settings.task());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Long lo = rs.getObject(5) == null ? null : rs.getLong(5);
                        Long hi = rs.getObject(6) == null ? null : rs.getLong(6);
                        markers.put(rs.getString(1) + "#" + rs.getInt(2), new Marker(rs.getLong(3), rs.getLong(4), lo, hi));
                    }
                }
            }
        }
        return markers;
    }

    /** Whether every marker of the table describes a range of the job (same index, same span). */
    private static boolean markersMatch(TableJob job, Map<String, Marker> markers) {
        String prefix = job.tableKey() + "#";
        for (Map.Entry<String, Marker> e : markers.entrySet()) {
            if (e.getKey().startsWith(prefix)) {
                int index;
                try {
                    index = Integer.parseInt(e.getKey().substring(prefix.length()));
                } catch (NumberFormatException ex) {
                    return false;
                }
                if (index >= job.ranges().size() || !e.getValue().covers(job.ranges().get(index))) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The target's markers describe other ranges than the plan (the state store was lost or replaced and the table was
     * re-planned differently): every range of the table is marked as attempted in the state store FIRST (so any later
     * run redoes it, deleting its key span), then the stale markers are removed. The table is then reloaded range by
     * range, each range deleting its span in its own transaction: nothing is lost or duplicated at any point.
     */
    private void forgetTable(TableJob job, Map<String, Marker> markers) throws SQLException {
        LOG.warn("table {}: the target's load markers do not match the planned ranges; reloading the table", job.tableKey());
        for (KeyRange r : job.ranges()) {
            store.markRunning(settings.task(), job.tableKey(), r.index());
            store.markFailed(settings.task(), job.tableKey(), r.index(), "ranges changed since the target was loaded");
        }
        try (Connection c = target.connections().open();
             PreparedStatement ps = c.prepareStatement("DELETE FROM " + control("ferry_load_state") + " WHERE task = ? AND table_name = ?")) {
            c.setAutoCommit(true);
            ps.setString(1, settings.task());
            ps.setString(2, job.tableKey());
            ps.executeUpdate();
        }
        markers.keySet().removeIf(k -> k.startsWith(job.tableKey() + "#"));
    }

    /**
     * A ctid-split table (no key) with markers for some of its ranges only, or for other ranges than planned: its ranges
     * cannot be redone one by one (nothing identifies a range's rows on the target, and a new snapshot may have moved
     * rows between heap blocks), so the markers are deleted and the table emptied in ONE target transaction, and every
     * range is loaded again. A table with all ranges marked is skipped as usual; one with none needs nothing.
     */
    private void restartIfPartial(TableJob job, Map<String, Marker> markers) throws SQLException {
        String prefix = job.tableKey() + "#";
        long marked = markers.keySet().stream().filter(k -> k.startsWith(prefix)).count();
        if (marked == 0 || (marked == job.ranges().size() && markersMatch(job, markers))) {
            return;
        }
        LOG.warn("table {} (no key, split by ctid) was partly loaded ({} of {} ranges): emptying it and loading it again",
                job.tableKey(), marked, job.ranges().size());
        emptyTable(job, markers);
    }

    /** Deletes the table's markers and empties it in ONE target transaction. */
    private void emptyTable(TableJob job, Map<String, Marker> markers) throws SQLException {
        String prefix = job.tableKey() + "#";
        try (Connection c = target.connections().open()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + control("ferry_load_state")
                    + " WHERE task = ? AND table_name = ?"); Statement st = c.createStatement()) {
                ps.setString(1, settings.task());
                ps.setString(2, job.tableKey());
                ps.executeUpdate();
                st.execute(dialect.truncate(job));
                c.commit();
            } catch (SQLException e) {
                rollbackQuietly(c);
                throw e;
            }
        }
        markers.keySet().removeIf(k -> k.startsWith(prefix));
    }

    private void truncate(TableJob job) throws SQLException {
        try (Connection c = target.connections().open(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute(dialect.truncate(job));
            c.commit();
        }
    }

    private String control(String table) {
        return Sql.control(target.engine(), settings.controlSchema(), table);
    }

    // ---- one range ----

    private void runRange(Work w, BlockingQueue<Connection> readers, ExecutorService writers,
                          AtomicReference<Throwable> fatal) throws Exception {
        Tracker t = w.tracker;
        if (fatal.get() != null || t.suspended()) {
            return;
        }
        Connection reader = null;
        while (reader == null) {
            if (fatal.get() != null) {
                return;
            }
            reader = readers.poll(100, TimeUnit.MILLISECONDS);
        }
        boolean readerUsable = true;
        String task = settings.task();
        try {
            if (t.suspended()) {
                return;
            }
            t.running();
            t.publish(listener);
            long[] done = null;
            boolean rowByRow = false;
            boolean mysqlText = mysqlPassThrough(w.job);
            boolean rowPath = !mysqlText && !passThrough(w.job);
            for (int attempt = 1; done == null; attempt++) {
                store.markRunning(task, w.job.tableKey(), w.range.index());
                if (!rowPath) {
                    Work pw = attempt == 1 ? w : new Work(w.job, w.range, true, t, false);
                    try {
                        done = mysqlText ? mysqlCopyRange(pw, reader) : copyRange(pw, reader);
                    } catch (PostgresCopyPassThrough.SourceFailure e) {
                        readerUsable = false;
                        throw new SourceReadException(e.getCause());
                    } catch (SQLException e) {
                        store.markFailed(task, w.job.tableKey(), w.range.index(), Redaction.redact(String.valueOf(e.getMessage())));
                        if (isTransient(e) && attempt < 3 && fatal.get() == null) {
                            LOG.warn("table {} range {}: transient target error, retrying (attempt {}): {}", w.job.tableKey(),
                                    w.range, attempt + 1, Redaction.redact(String.valueOf(e.getMessage())));
                            continue;
                        }
                        if (fatal.get() != null) {
                            throw e;
                        }
                        LOG.warn("table {} range {}: the COPY pass-through failed on the target ({}); loading the range "
                                + "through the row path", w.job.tableKey(), w.range, Redaction.redact(String.valueOf(e.getMessage())));
                    } catch (RuntimeException | Error e) {
                        readerUsable = false; // the source COPY may still be open on the reader
                        throw e;
                    }
                    if (done == null) {
                        rowPath = true;
                        attempt = 0; // the row path starts its own attempts
                    }
                    continue;
                }
                Pipe pipe = new Pipe(settings.queueCapacity(), fatal, budget);
                Work attemptWork = attempt == 1 && !rowByRow ? w : new Work(w.job, w.range, true, t, rowByRow);
                Future<long[]> writer = writers.submit(() -> writeRange(attemptWork, pipe, fatal));
                try {
                    readRange(reader, w, pipe);
                    pipe.put(END);
                } catch (Cancelled e) {
                    // the writer failed or the load stops: the writer's outcome decides
                } catch (Throwable e) {
                    readerUsable = false; // a failed source transaction has lost the snapshot: the load stops
                    pipe.fail(e);
                    if (fatal.compareAndSet(null, new SourceReadException(e))) {
                        LOG.error("full load {} stops: reading {} range {} failed: {}", task, w.job.tableKey(), w.range,
                                Redaction.redact(String.valueOf(e.getMessage())));
                    }
                }
                try {
                    done = writer.get();
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    store.markFailed(task, w.job.tableKey(), w.range.index(), Redaction.redact(String.valueOf(cause.getMessage())));
                    if (cause instanceof SQLException && isTransient((SQLException) cause) && attempt < 3 && readerUsable
                            && fatal.get() == null) {
                        LOG.warn("table {} range {}: transient target error, retrying (attempt {}): {}", w.job.tableKey(),
                                w.range, attempt + 1, Redaction.redact(String.valueOf(cause.getMessage())));
                        continue;
                    }
                    if (cause instanceof RetryRowByRow && !rowByRow && readerUsable && fatal.get() == null) {
                        LOG.warn("table {} range {}: the bulk write failed ({}); reloading the range row by row to reject "
                                + "only the offending rows", w.job.tableKey(), w.range, cause.getMessage());
                        rowByRow = true;
                        attempt--; // not a retry of a transient error
                        continue;
                    }
                    if (cause instanceof RetryRowByRow) {
                        cause = ((RetryRowByRow) cause).suspended;
                    }
                    if (cause instanceof TableSuspended) {
                        LOG.warn("{}", cause.getMessage());
                        t.suspend(cause.getMessage());
                        t.publish(listener);
                        return;
                    }
                    throw cause instanceof Exception ? (Exception) cause : new RuntimeException(cause);
                }
            }
            store.markDone(task, w.job.tableKey(), w.range.index(), done[0], done[1], done[2]);
            if (done.length > 3) {
                t.lobsTruncated.addAndGet(done[3]);
                t.lobsNulled.addAndGet(done[4]);
            }
            boolean completed = t.rangeDone();
            t.publish(listener);
            if (completed && deferred.containsKey(w.job.tableKey())) {
                submitIndexBuild(w.job);
            }
            if (completed) {
                TableResult r = t.result();
                LOG.info("table {} loaded: {} rows, {} bytes, {} rejected, {} warnings, {} ranges ({} skipped)", r.table(),
                        r.rows(), r.bytes(), r.rejected(), r.warnings(), r.rangesLoaded() + r.rangesSkipped(), r.rangesSkipped());
            }
            listener.rangeCommitted(w.job.tableKey(), w.range, done[0]);
        } finally {
            if (readerUsable) {
                readers.put(reader);
            } else {
                SourceSnapshot.closeAll(List.of(reader));
            }
        }
    }

    /**
     * Whether a range of {@code job} can go through the PostgreSQL → PostgreSQL binary COPY pass-through: both ends
     * PostgreSQL, pass-through enabled, every column keeps its type, and no LOB column is left out (LobMode NONE).
     * LIMITED is checked per range ({@link #copyRange}).
     */
    private boolean passThrough(TableJob job) {
        if (!settings.copyPassThrough() || source.engine() != Engine.POSTGRESQL || target.engine() != Engine.POSTGRESQL
                || !PostgresCopyPassThrough.eligible(job)) {
            return false;
        }
        LobPolicy lob = settings.lobPolicyFor(job.source());
        return lob.mode() != LobPolicy.Mode.NONE || job.columns().stream().noneMatch(m -> LobPolicy.isLob(Engine.POSTGRESQL, m.source()));
    }

    /**
     * One range through the binary COPY pass-through, in ONE target transaction with its marker (as the row path).
     * Returns {rows, bytes, 0, 0, 0}, or {@code null} when the range must take the row path (LobMode LIMITED and some
     * value is longer than LobMaxSize: the row path cuts and notes it).
     */
    private long[] copyRange(Work w, Connection reader) throws SQLException, PostgresCopyPassThrough.SourceFailure {
        TableJob job = w.job;
        Tracker t = w.tracker;
        String select = PostgresCopyPassThrough.select(reader, job, w.range);
        LobPolicy lob = settings.lobPolicyFor(job.source());
        if (lob.mode() == LobPolicy.Mode.LIMITED) {
            StringBuilder longer = new StringBuilder();
            for (ColumnMapping m : job.columns()) {
                if (LobPolicy.isLob(Engine.POSTGRESQL, m.source())) {
                    ValueKind k = ValueKind.of(Engine.POSTGRESQL, m.source().type());
                    longer.append(longer.length() == 0 ? "" : " OR ").append(byteLengthExpr(Engine.POSTGRESQL,
                            "x." + Sql.quote(Engine.POSTGRESQL, m.source().name()), k)).append(" > ").append(lob.maxBytes());
                }
            }
            if (longer.length() > 0) {
                try (Statement st = reader.createStatement();
                     ResultSet rs = st.executeQuery("SELECT EXISTS (SELECT 1 FROM (" + select + ") x WHERE " + longer + ")")) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        LOG.info("table {} range {}: LOB values longer than LobMaxSize; loading through the row path",
                                job.tableKey(), w.range);
                        return null;
                    }
                } catch (SQLException e) {
                    throw new PostgresCopyPassThrough.SourceFailure(e);
                }
            }
        }
        long[] moved = new long[2];
        Connection c = loadConnection();
        try {
            if (w.redo) {
                clearRange(c, w);
            }
            long[] r = PostgresCopyPassThrough.stream(reader, select, c, PostgresCopyPassThrough.copyIn(job), (rows, bytes) -> {
                moved[0] += rows;
                moved[1] += bytes;
                t.rows.addAndGet(rows);
                t.bytes.addAndGet(bytes);
                t.publish(listener);
            });
            t.rows.addAndGet(r[0] - moved[0]);
            t.bytes.addAndGet(r[1] - moved[1]);
            moved[0] = r[0];
            moved[1] = r[1];
            writeMarker(c, w, r[0], r[1]);
            c.commit();
            t.publish(listener);
            idleTargets.add(c);
            return new long[] {r[0], r[1], 0, 0, 0};
        } catch (Throwable e) {
            rollbackQuietly(c);
            closeQuietly(c);
            t.rows.addAndGet(-moved[0]);
            t.bytes.addAndGet(-moved[1]);
            throw e;
        }
    }

    /**
     * A target connection for one range of a pass-through (no autocommit): an idle one that an earlier range of this
     * run committed on, else a new one. PostgreSQL sessions commit asynchronously ({@code synchronous_commit = off}):
     * a range's rows and marker still commit atomically, a server crash can only lose whole ranges that the next run
     * then redoes (the markers are the truth), and {@link #flushTargetCommits} makes them durable before the load
     * reports success. The caller puts the connection back into {@link #idleTargets} after a commit, or closes it.
     */
    private Connection loadConnection() throws SQLException {
        Connection c = idleTargets.poll();
        if (c != null) {
            return c;
        }
        c = target.connections().open();
        try {
            if (target.engine() == Engine.POSTGRESQL) {
                try (Statement st = c.createStatement()) {
                    st.execute("SET synchronous_commit = off");
                }
                asyncCommits = true;
            }
            c.setAutoCommit(false);
            return c;
        } catch (SQLException | RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    /**
     * Waits until every range committed asynchronously is on disk: a commit with {@code synchronous_commit = on} flushes
     * the server's WAL up to its own commit record, which comes after theirs. Then closes the idle load connections.
     */
    private void flushTargetCommits() throws SQLException {
        try {
            if (asyncCommits) {
                Connection c = idleTargets.poll();
                if (c == null) {
                    c = target.connections().open();
                    c.setAutoCommit(false);
                }
                try (Statement st = c.createStatement()) {
                    st.execute("SET synchronous_commit = on");
                    st.execute("SELECT txid_current()"); // a transaction id: its commit waits for the WAL flush
                    c.commit();
                } finally {
                    closeQuietly(c);
                }
                asyncCommits = false;
            }
        } finally {
            closeIdleTargets();
        }
    }

    /**
     * Re-creates a completed table's deferred indexes on the index pool (up to two builds at a time, as pgcopydb's
     * {@code --index-jobs 2}) while the workers go on with other tables' ranges.
     */
    private void submitIndexBuild(TableJob job) {
        synchronized (indexBuilds) {
            if (indexPool == null) {
                indexPool = Executors.newFixedThreadPool(Math.max(1, Math.min(2, settings.maxSubTasks())),
                        named("ferry-load-index-" + settings.task()));
            }
            indexBuilds.add(indexPool.submit(() -> buildIndexes(job.tableKey())));
        }
    }

    /**
     * Re-creates the indexes still deferred at the end of a run: tables loaded by an earlier run that stopped before
     * re-creating them, and tables this run did not finish (suspended, or the load stopped) — their later ranges then
     * load into indexed tables, and the target never keeps a table without its indexes.
     */
    private void buildRemainingIndexes() {
        for (String tableKey : new ArrayList<>(deferred.keySet())) {
            buildIndexes(tableKey);
        }
    }

    /** Re-creates the deferred indexes of a table; a failure is kept in {@link #indexFailure}. */
    private void buildIndexes(String tableKey) {
        List<PostgresDeferredIndexes.Deferred> d = deferred.get(tableKey);
        if (d == null) {
            return;
        }
        long t0 = System.nanoTime();
        try (Connection c = target.connections().open()) {
            int built = PostgresDeferredIndexes.build(c, control("ferry_deferred_index"), settings.task(), tableKey, d);
            deferred.remove(tableKey);
            LOG.info("table {}: {} index(es) re-created after its data in {} ms", tableKey, built,
                    (System.nanoTime() - t0) / 1_000_000);
        } catch (SQLException | RuntimeException e) {
            String msg = "table " + tableKey + ": re-creating its indexes "
                    + d.stream().map(PostgresDeferredIndexes.Deferred::indexName).toList() + " failed ("
                    + Redaction.redact(String.valueOf(e.getMessage())) + "); run the load again to retry";
            LOG.error("{}", msg);
            indexFailure.compareAndSet(null, new SQLException(msg, e instanceof SQLException ? ((SQLException) e).getSQLState() : null, e));
        }
    }

    private void awaitIndexBuilds() {
        List<Future<?>> builds;
        synchronized (indexBuilds) {
            builds = new ArrayList<>(indexBuilds);
        }
        for (Future<?> f : builds) {
            try {
                f.get();
            } catch (ExecutionException e) {
                indexFailure.compareAndSet(null, e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        synchronized (indexBuilds) {
            if (indexPool != null) {
                indexPool.shutdown();
                awaitQuietly(indexPool);
                indexPool = null;
            }
            indexBuilds.clear();
        }
    }

    private void closeIdleTargets() {
        for (Connection c; (c = idleTargets.poll()) != null; ) {
            closeQuietly(c);
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // nothing left to do with it
        }
    }

    /**
     * Whether a range of {@code job} can go through the MySQL → PostgreSQL text pass-through
     * ({@link MySqlTextPassThrough}): MySQL source, PostgreSQL target, pass-through enabled, no add-column expression,
     * and every LOB column read whole (LobMode FULL, or no LOB column).
     */
    private boolean mysqlPassThrough(TableJob job) {
        if (!settings.copyPassThrough() || source.engine() != Engine.MYSQL || target.engine() != Engine.POSTGRESQL
                || !MySqlTextPassThrough.eligible(job)) {
            return false;
        }
        LobPolicy lob = settings.lobPolicyFor(job.source());
        return lob.mode() == LobPolicy.Mode.FULL || job.columns().stream().noneMatch(m -> LobPolicy.isLob(Engine.MYSQL, m.source()));
    }

    /**
     * One range through the MySQL → PostgreSQL text pass-through, in ONE target transaction with its marker. Returns
     * {rows, bytes, 0, 0, 0}, or {@code null} when a value was rejected by the converter: the target is rolled back and
     * the range must take the row path, which records the rejected rows. A target failure is thrown (the reader stays
     * usable); a source failure is a {@link PostgresCopyPassThrough.SourceFailure}.
     */
    private long[] mysqlCopyRange(Work w, Connection reader) throws SQLException, PostgresCopyPassThrough.SourceFailure {
        TableJob job = w.job;
        Tracker t = w.tracker;
        Engine se = Engine.MYSQL;
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < job.columns().size(); i++) {
            sql.append(i > 0 ? ", " : "").append(Sql.quote(se, job.columns().get(i).source().name()));
        }
        sql.append(" FROM ").append(Sql.from(se, job.source().qualifiedName(), w.range));
        sql.append(RowFilter.and(job.splitColumn() == null ? "" : Sql.rangePredicate(se, job.splitColumns(), w.range),
                job.filter(), se));
        MySqlTextPassThrough.Route[] routes = MySqlTextPassThrough.plan(job);
        long[] moved = new long[2];
        PreparedStatement st = null;
        ResultSet rs = null;
        Connection c = loadConnection();
        try {
            if (w.redo) {
                clearRange(c, w);
            }
            try {
                Sql.utcSession(se, reader);
                st = reader.prepareStatement(sql.toString(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
                st.setFetchSize(Integer.MIN_VALUE); // streaming: one row at a time
                if (job.filter() != null) {
                    job.filter().bind(se, st, 1);
                }
                rs = st.executeQuery();
                MySqlTextPassThrough.checkEncodings(rs, routes);
            } catch (SQLException e) {
                throw new PostgresCopyPassThrough.SourceFailure(e);
            }
            MySqlTextPassThrough.Result r = MySqlTextPassThrough.stream(rs, routes, job, converter, c, (rows, bytes) -> {
                moved[0] += rows;
                moved[1] += bytes;
                t.rows.addAndGet(rows);
                t.bytes.addAndGet(bytes);
                t.publish(listener);
            });
            if (r == null) {
                LOG.info("table {} range {}: a value needs rejecting; loading the range through the row path",
                        job.tableKey(), w.range);
                rollbackQuietly(c);
                t.rows.addAndGet(-moved[0]);
                t.bytes.addAndGet(-moved[1]);
                closeSource(rs, st);
                idleTargets.add(c);
                return null;
            }
            closeSource(rs, st);
            t.rows.addAndGet(r.rows() - moved[0]);
            t.bytes.addAndGet(r.bytes() - moved[1]);
            moved[0] = r.rows();
            moved[1] = r.bytes();
            writeMarker(c, w, r.rows(), r.bytes());
            c.commit();
            t.warnings.addAndGet(r.warnings());
            t.publish(listener);
            idleTargets.add(c);
            return new long[] {r.rows(), r.bytes(), 0, 0, 0};
        } catch (Throwable e) {
            rollbackQuietly(c);
            closeQuietly(c);
            t.rows.addAndGet(-moved[0]);
            t.bytes.addAndGet(-moved[1]);
            if (rs != null && e instanceof SQLException) {
                closeSource(rs, st); // reads (and drops) the rest of the streaming result: the reader stays usable
            }
            throw e;
        }
    }

    /** Closes a streaming source result (Connector/J reads its remaining rows); a failure there loses the reader. */
    private static void closeSource(ResultSet rs, Statement st) throws PostgresCopyPassThrough.SourceFailure {
        try {
            if (rs != null) {
                rs.close();
            }
            if (st != null) {
                st.close();
            }
        } catch (SQLException e) {
            throw new PostgresCopyPassThrough.SourceFailure(e);
        }
    }

    /** How each column is read: as is, not at all (LOB, NONE), or cut (LOB, LIMITED). */
    private enum LobRead { PLAIN, NONE, LIMITED }

    private LobRead[] lobReads(TableJob job, LobPolicy policy) {
        LobRead[] out = new LobRead[job.columns().size()];
        for (int i = 0; i < out.length; i++) {
            boolean lob = LobPolicy.isLob(source.engine(), job.columns().get(i).source());
            out[i] = !lob || policy.mode() == LobPolicy.Mode.FULL ? LobRead.PLAIN
                    : policy.mode() == LobPolicy.Mode.NONE ? LobRead.NONE : LobRead.LIMITED;
        }
        return out;
    }

    /** The source expression reading at most {@code max} characters/bytes of a LOB column. */
    private static String prefixExpr(Engine se, String quoted, ValueKind kind, long max) {
        switch (se) {
            case POSTGRESQL:
                return kind == ValueKind.BINARY ? "substring(" + quoted + " from 1 for " + max + ")"
                        : "substring(" + quoted + "::text from 1 for " + max + ")";
            case MYSQL:
                return "SUBSTRING(" + quoted + ", 1, " + max + ")";
            default:
                return "substr(" + quoted + ", 1, " + max + ")";
        }
    }

    /** The source expression giving a LOB column's length in bytes. */
    private static String byteLengthExpr(Engine se, String quoted, ValueKind kind) {
        switch (se) {
            case POSTGRESQL:
                return kind == ValueKind.BINARY ? "octet_length(" + quoted + ")" : "octet_length(" + quoted + "::text)";
            case MYSQL:
                return "LENGTH(" + quoted + ")";
            default:
                return "length(CAST(" + quoted + " AS BLOB))";
        }
    }

    private void readRange(Connection reader, Work w, Pipe pipe) throws Exception {
        TableJob job = w.job;
        Engine se = source.engine();
        List<ColumnMapping> cols = job.columns();
        // plain columns in job order, then the arguments of computed (add-column expression) columns
        List<dev.ferry.model.schema.Column> selected = new ArrayList<>();
        int[] position = new int[cols.size()];
        for (int i = 0; i < cols.size(); i++) {
            if (cols.get(i).computed() == null) {
                position[i] = selected.size();
                selected.add(cols.get(i).source());
            }
        }
        int[][] argPositions = new int[cols.size()][];
        for (int i = 0; i < cols.size(); i++) {
            ColumnExpression x = cols.get(i).computed();
            if (x != null) {
                argPositions[i] = new int[x.arguments().size()];
                for (int a = 0; a < argPositions[i].length; a++) {
                    argPositions[i][a] = selected.size();
                    selected.add(x.arguments().get(a));
                }
            }
        }
        LobPolicy lob = settings.lobPolicyFor(job.source());
        int plainCount = (int) cols.stream().filter(c -> c.computed() == null).count();
        LobRead[] lobRead = new LobRead[selected.size()];
        ValueKind[] kinds = new ValueKind[selected.size()];
        for (int i = 0; i < kinds.length; i++) {
            kinds[i] = ValueKind.of(se, selected.get(i).type());
            boolean isLob = LobPolicy.isLob(se, selected.get(i));
            // arguments of computed columns are read whole: the expression needs the real value
            lobRead[i] = !isLob || i >= plainCount || lob.mode() == LobPolicy.Mode.FULL ? LobRead.PLAIN
                    : lob.mode() == LobPolicy.Mode.NONE ? LobRead.NONE : LobRead.LIMITED;
        }
        boolean hasLob = false;
        StringBuilder sql = new StringBuilder("SELECT ");
        StringBuilder extra = new StringBuilder(); // LIMITED: byte lengths, after the columns
        for (int i = 0; i < selected.size(); i++) {
            String q = Sql.quote(se, selected.get(i).name());
            sql.append(i > 0 ? ", " : "");
            switch (lobRead[i]) {
                case NONE -> sql.append("CASE WHEN ").append(q).append(" IS NULL THEN 0 ELSE 1 END");
                case LIMITED -> {
                    sql.append(prefixExpr(se, q, kinds[i], lob.maxBytes()));
                    extra.append(", ").append(byteLengthExpr(se, q, kinds[i]));
                }
                default -> sql.append(q);
            }
            hasLob |= lobRead[i] != LobRead.NONE && LobPolicy.isLob(se, selected.get(i));
        }
        sql.append(extra);
        sql.append(" FROM ").append(Sql.from(se, job.source().qualifiedName(), w.range));
        sql.append(RowFilter.and(job.splitColumn() == null ? "" : Sql.rangePredicate(se, job.splitColumns(), w.range),
                job.filter(), se));
        ColumnExpression.Evaluator[] evaluator = new ColumnExpression.Evaluator[cols.size()];
        List<ColumnExpression.Evaluator> evaluators = new ArrayList<>();
        Sql.utcSession(se, reader);
        try {
            for (int i = 0; i < cols.size(); i++) {
                if (cols.get(i).computed() != null) {
                    evaluator[i] = cols.get(i).computed().open();
                    evaluators.add(evaluator[i]);
                }
            }
            readRows(reader, w, pipe, sql.toString(), kinds, lobRead, lob, hasLob, position, evaluator, argPositions);
        } finally {
            for (ColumnExpression.Evaluator e : evaluators) {
                e.close();
            }
        }
    }

    private void readRows(Connection reader, Work w, Pipe pipe, String sql, ValueKind[] kinds, LobRead[] lobRead,
                          LobPolicy lob, boolean hasLob, int[] position, ColumnExpression.Evaluator[] evaluator,
                          int[][] argPositions) throws Exception {
        TableJob job = w.job;
        Engine se = source.engine();
        MemoryBudget budget = this.budget;
        boolean anyComputed = java.util.Arrays.stream(evaluator).anyMatch(java.util.Objects::nonNull);
        try (PreparedStatement st = reader.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            // PostgreSQL buffers a whole fetch: rows with LOBs start with one row per fetch and adapt to their size
            int fetch = se == Engine.MYSQL ? Integer.MIN_VALUE : hasLob ? 1 : settings.batchSize();
            st.setFetchSize(fetch);
            if (job.filter() != null) {
                job.filter().bind(se, st, 1);
            }
            try (ResultSet rs = st.executeQuery()) {
                Batch batch = new Batch(settings.batchSize());
                long maxRow = 0;
                try {
                while (rs.next()) {
                    Object[] read = new Object[kinds.length];
                    long rowBytes = 0;
                    int lengthColumn = kinds.length + 1;
                    for (int i = 0; i < kinds.length; i++) {
                        if (lobRead[i] == LobRead.NONE) {
                            if (rs.getInt(i + 1) != 0) {
                                batch.lobsNulled++;
                            }
                            continue;
                        }
                        try {
                            read[i] = ValueReader.read(se, kinds[i], rs, i + 1);
                        } catch (RuntimeException e) {
                            read[i] = new UnreadableValue(rs.getString(i + 1), String.valueOf(e.getMessage()));
                        }
                        if (lobRead[i] == LobRead.LIMITED) {
                            long length = rs.getLong(lengthColumn++);
                            if (read[i] != null && length > lob.maxBytes()) {
                                read[i] = new TruncatedLob(cut(read[i], lob.maxBytes()), length);
                            }
                        }
                        rowBytes += sizeOf(read[i]);
                    }
                    Object[] row = read;
                    if (anyComputed) {
                        row = new Object[position.length];
                        for (int i = 0; i < row.length; i++) {
                            row[i] = evaluator[i] == null ? read[position[i]] : compute(evaluator[i], read, argPositions[i]);
                        }
                    }
                    int cost = budget.cost(rowBytes);
                    if (!budget.tryAcquire(cost)) {
                        // hand over what we hold first, so writers can free the budget we wait for
                        if (!batch.rows.isEmpty()) {
                            pipe.put(batch);
                            batch = new Batch(settings.batchSize());
                        }
                        if (!budget.acquire(cost, pipe::stopping)) {
                            throw new Cancelled();
                        }
                    }
                    batch.add(row, rowBytes, cost);
                    if (batch.rows.size() >= settings.batchSize() || batch.bytes >= settings.maxBatchBytes()) {
                        pipe.put(batch);
                        batch = new Batch(settings.batchSize());
                    }
                    if (se == Engine.POSTGRESQL && rowBytes > maxRow) {
                        maxRow = rowBytes;
                        int adapted = (int) Math.max(1, Math.min(settings.batchSize(), settings.maxBatchBytes() / Math.max(1, maxRow)));
                        if (hasLob || adapted < fetch) {
                            fetch = adapted;
                            rs.setFetchSize(fetch);
                        }
                    }
                }
                if (!batch.rows.isEmpty() || batch.lobsNulled > 0) {
                    Batch last = batch;
                    batch = null;
                    pipe.put(last);
                }
                } catch (Throwable e) {
                    if (batch != null) {
                        budget.release(batch.permits); // never handed over
                    }
                    throw e;
                }
            }
        }
    }

    /** The first {@code max} bytes of a LOB value (text: the longest prefix whose UTF-8 fits, never half a character). */
    private static Object cut(Object v, long max) {
        if (v instanceof byte[] && ((byte[]) v).length > max) {
            return java.util.Arrays.copyOf((byte[]) v, (int) max);
        }
        if (v instanceof String) {
            return TruncatedLob.cutUtf8((String) v, max);
        }
        return v;
    }

    /** One add-column expression for one row; a failure makes the value unreadable (the row is rejected). */
    private static Object compute(ColumnExpression.Evaluator e, Object[] read, int[] args) {
        Object[] values = new Object[args.length];
        for (int a = 0; a < args.length; a++) {
            values[a] = read[args[a]];
            if (values[a] instanceof UnreadableValue) {
                return values[a];
            }
        }
        try {
            return e.evaluate(values);
        } catch (SQLException ex) {
            return new UnreadableValue(null, "add-column expression failed: " + ex.getMessage());
        }
    }

    /** Rough heap size of a value, for the batch byte limit. */
    static long sizeOf(Object v) {
        if (v instanceof byte[]) {
            return 16L + ((byte[]) v).length;
        }
        if (v instanceof String) {
            return 40L + 2L * ((String) v).length();
        }
        if (v instanceof TruncatedLob) {
            return 16 + sizeOf(((TruncatedLob) v).value());
        }
        return 16;
    }

    /** Writer thread: returns {rows, bytes, rejected}. */
    @SuppressWarnings("unchecked")
    private long[] writeRange(Work w, Pipe pipe, AtomicReference<Throwable> fatal) throws Exception {
        TableJob job = w.job;
        Tracker t = w.tracker;
        ErrorPolicy policy = settings.policyFor(job.tableKey());
        List<ColumnMapping> cols = job.columns();
        List<ValueKind> targetKinds = new ArrayList<>();
        for (ColumnMapping m : cols) {
            targetKinds.add(ValueKind.of(target.engine(), m.target().type()));
        }
        int[] keyIdx = keyIndexes(job);
        List<RejectedRow> rejected = new ArrayList<>();
        ValueConverter.Warnings warnings = column -> t.warnings.incrementAndGet();
        if (singleWriter != null) {
            while (!singleWriter.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                if (fatal.get() != null) {
                    throw new IllegalStateException("load stopping: another range failed");
                }
            }
        }
        try {
            return writeRangeOnTarget(w, pipe, fatal, policy, cols, targetKinds, keyIdx, rejected, warnings);
        } finally {
            if (singleWriter != null) {
                singleWriter.release();
            }
        }
    }

    @SuppressWarnings("unchecked")
    private long[] writeRangeOnTarget(Work w, Pipe pipe, AtomicReference<Throwable> fatal, ErrorPolicy policy,
                                      List<ColumnMapping> cols, List<ValueKind> targetKinds, int[] keyIdx,
                                      List<RejectedRow> rejected, ValueConverter.Warnings warnings) throws Exception {
        TableJob job = w.job;
        Tracker t = w.tracker;
        try (Connection c = target.connections().open()) {
            c.setAutoCommit(false);
            TargetWriter writer = null;
            long rows = 0;
            long bytes = 0;
            long truncated = 0;
            long nulled = 0;
            List<RejectedRow> notes = new ArrayList<>();
            LobPolicy lob = settings.lobPolicyFor(job.source());
            Batch current = null;
            try {
                if (w.redo) {
                    clearRange(c, w);
                }
                RowByRowWriter slow = w.rowByRow ? new RowByRowWriter(c, target.engine(), job, targetKinds) : null;
                writer = slow != null ? null : dialect.open(c, job, targetKinds, lob.chunkBytes());
                while (true) {
                    Object item = pipe.take();
                    if (item == END) {
                        break;
                    }
                    current = (Batch) item;
                    nulled += current.lobsNulled;
                    List<Object[]> batch = current.rows;
                    List<Object[]> out = new ArrayList<>(batch.size());
                    for (Object[] row : batch) {
                        Object[] converted = new Object[row.length];
                        try {
                            for (int i = 0; i < row.length; i++) {
                                Object v = row[i];
                                if (v instanceof TruncatedLob) {
                                    TruncatedLob tl = (TruncatedLob) v;
                                    String column = cols.get(i).source().name();
                                    String reason = "LOB truncated to " + lobLength(tl.value()) + " of " + tl.originalBytes()
                                            + " bytes (LobMode LIMITED, LobMaxSize " + (lob.maxBytes() + 1023) / 1024 + " KB)";
                                    if (lob.truncation() == LobPolicy.Truncation.SKIP_ROW) {
                                        throw new RowRejectedException(column, excerptOf(tl.value()), reason);
                                    }
                                    RejectedRow note = new RejectedRow(settings.task(), job.tableKey(), keyText(job, keyIdx, row),
                                            column, RowRejectedException.excerpt(excerptOf(tl.value())), reason, Instant.now());
                                    store.appendException(note);
                                    if (lob.truncation() == LobPolicy.Truncation.STOP) {
                                        t.rejected.incrementAndGet();
                                        listener.rowRejected(note);
                                        throw new RowStop(note);
                                    }
                                    notes.add(note);
                                    truncated++;
                                    listener.lobTruncated(note);
                                    v = tl.value();
                                }
                                if (v instanceof UnreadableValue) {
                                    throw new RowRejectedException(cols.get(i).source().name(), ((UnreadableValue) v).raw(),
                                            "unreadable value: " + ((UnreadableValue) v).reason());
                                }
                                converted[i] = converter.convert(v, targetKinds.get(i), cols.get(i).target().type(), cols.get(i).source().name(), warnings);
                            }
                            out.add(converted);
                        } catch (RowRejectedException e) {
                            RejectedRow rr = new RejectedRow(settings.task(), job.tableKey(), keyText(job, keyIdx, row),
                                    e.column(), e.valueExcerpt(), e.getMessage(), Instant.now());
                            rejected.add(rr);
                            t.rejected.incrementAndGet();
                            store.appendException(rr);
                            listener.rowRejected(rr);
                            if (policy == ErrorPolicy.STOP) {
                                throw new RowStop(rr);
                            }
                            if (policy == ErrorPolicy.SKIP_TABLE) {
                                throw new TableSuspended(job.tableKey() + " suspended: row " + rr.key() + ": " + rr.reason(), rr);
                            }
                        }
                    }
                    long b;
                    if (slow != null) {
                        b = 0;
                        List<Object[]> written = new ArrayList<>(out.size());
                        for (Object[] row : out) {
                            try {
                                slow.insert(row);
                                written.add(row);
                                b += 16L * row.length;
                            } catch (SQLException e) {
                                if (isTransient(e)) {
                                    throw e;
                                }
                                RejectedRow rr = new RejectedRow(settings.task(), job.tableKey(), keyText(job, keyIdx, row),
                                        null, null, "rejected by the target: " + Redaction.redact(String.valueOf(e.getMessage())),
                                        Instant.now());
                                rejected.add(rr);
                                t.rejected.incrementAndGet();
                                store.appendException(rr);
                                listener.rowRejected(rr);
                            }
                        }
                        out = written;
                    } else {
                        b = writer.write(out);
                    }
                    rows += out.size();
                    bytes += b;
                    t.rows.addAndGet(out.size());
                    t.bytes.addAndGet(b);
                    budget.release(current.permits);
                    current = null;
                    t.publish(listener);
                }
                if (writer != null) {
                    writer.finish();
                } else {
                    slow.close();
                }
                List<RejectedRow> recorded = new ArrayList<>(rejected);
                recorded.addAll(notes);
                insertExceptions(c, recorded);
                writeMarker(c, w, rows, bytes);
                c.commit();
                if (nulled > 0) {
                    LOG.warn("table {} range {}: {} LOB values not copied (LobMode NONE): the target has NULL there",
                            job.tableKey(), w.range, nulled);
                }
                return new long[] {rows, bytes, rejected.size(), truncated, nulled};
            } catch (Throwable e) {
                if (current != null) {
                    budget.release(current.permits);
                }
                pipe.cancel();
                if (writer != null) {
                    writer.abort();
                }
                rollbackQuietly(c);
                t.rows.addAndGet(-rows); // the range was rolled back: its rows and bytes are not on the target
                t.bytes.addAndGet(-bytes);
                RejectedRow stopRow = e instanceof RowStop ? ((RowStop) e).row
                        : e instanceof TableSuspended ? ((TableSuspended) e).row : null;
                if (stopRow != null) {
                    recordQuietly(List.of(stopRow));
                } else if (e instanceof SQLException && fatal.get() == null && !isTransient((SQLException) e)
                        && policy == ErrorPolicy.SKIP_ROW && !w.rowByRow) {
                    throw new RetryRowByRow(new TableSuspended(job.tableKey() + " suspended: range " + w.range
                            + " failed on the target: " + Redaction.redact(String.valueOf(e.getMessage())), null),
                            Redaction.redact(String.valueOf(e.getMessage())));
                } else if (e instanceof SQLException && fatal.get() == null && !isTransient((SQLException) e)) {
                    RejectedRow rr = new RejectedRow(settings.task(), job.tableKey(), "range " + w.range, null, null,
                            "range failed on the target: " + Redaction.redact(String.valueOf(e.getMessage())), Instant.now());
                    store.appendException(rr);
                    recordQuietly(List.of(rr));
                    if (policy != ErrorPolicy.STOP) {
                        throw new TableSuspended(job.tableKey() + " suspended: " + rr.reason(), rr);
                    }
                }
                throw e;
            }
        }
    }

    private static long lobLength(Object v) {
        if (v instanceof byte[]) {
            return ((byte[]) v).length;
        }
        return v == null ? 0 : String.valueOf(v).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    /** A short prefix of a value for excerpts (never hex-encodes a whole LOB). */
    private static Object excerptOf(Object v) {
        if (v instanceof byte[] && ((byte[]) v).length > 100) {
            return java.util.Arrays.copyOf((byte[]) v, 100);
        }
        if (v instanceof String && ((String) v).length() > 200) {
            return ((String) v).substring(0, 200);
        }
        return v;
    }

    /** Deadlocks, serialization failures and lock wait timeouts: the range is simply retried. */
    static boolean isTransient(SQLException e) {
        String state = e.getSQLState();
        return (state != null && state.startsWith("40")) || e.getErrorCode() == 1213 || e.getErrorCode() == 1205
                || (e.getMessage() != null && e.getMessage().contains("SQLITE_BUSY"));
    }

    private void clearRange(Connection c, Work w) throws SQLException {
        TableJob job = w.job;
        String sql;
        if (w.range.isWhole() || job.splitColumn() == null) {
            sql = dialect.truncate(job);
        } else {
            sql = "DELETE FROM " + Sql.quote(target.engine(), job.target())
                    + Sql.rangePredicate(target.engine(), job.targetSplitColumns(), w.range);
        }
        try (Statement st = c.createStatement()) {
            int n = st.executeUpdate(sql);
            LOG.info("table {} range {}: redoing an unfinished range ({} rows removed first)", job.tableKey(), w.range, Math.max(n, 0));
        }
    }

    private void writeMarker(Connection c, Work w, long rows, long bytes) throws SQLException {
        try (PreparedStatement ins = c.prepareStatement(dialect.markerUpsert(control("ferry_load_state")))) {
            ins.setString(1, settings.task());
            ins.setString(2, w.job.tableKey());
            ins.setInt(3, w.range.index());
            setLong(ins, 4, markerBound(w.range, true));
            setLong(ins, 5, markerBound(w.range, false));
            ins.setLong(6, rows);
            ins.setLong(7, bytes);
            ins.executeUpdate();
        }
    }

    private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, java.sql.Types.BIGINT);
        } else {
            ps.setLong(i, v);
        }
    }

    private void insertExceptions(Connection c, List<RejectedRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + control("ferry_exceptions")
                + " (task, table_name, key_text, column_name, value_excerpt, reason) VALUES (?,?,?,?,?,?)")) {
            for (RejectedRow r : rows) {
                ps.setString(1, r.task());
                ps.setString(2, r.table());
                ps.setString(3, noNul(r.key()));
                ps.setString(4, r.column());
                ps.setString(5, noNul(r.valueExcerpt()));
                ps.setString(6, noNul(r.reason()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static String noNul(String s) {
        return s == null ? null : s.replace("\0", "\\0");
    }

    /** Records rows in ferry_exceptions in their own transaction (the range's was rolled back). */
    private void recordQuietly(List<RejectedRow> rows) {
        try (Connection c = target.connections().open()) {
            c.setAutoCommit(false);
            insertExceptions(c, rows);
            c.commit();
        } catch (SQLException e) {
            LOG.warn("could not record {} rejected rows in ferry_exceptions (they are in {}): {}", rows.size(),
                    store.exceptionsFile(), Redaction.redact(String.valueOf(e.getMessage())));
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is closed next
        }
    }

    private static int[] keyIndexes(TableJob job) {
        List<Integer> idx = new ArrayList<>();
        for (String k : job.keyColumns()) {
            for (int i = 0; i < job.columns().size(); i++) {
                if (job.columns().get(i).source().name().equalsIgnoreCase(k)) {
                    idx.add(i);
                }
            }
        }
        return idx.stream().mapToInt(Integer::intValue).toArray();
    }

    private static String keyText(TableJob job, int[] keyIdx, Object[] row) {
        if (keyIdx.length == 0) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < keyIdx.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            ColumnMapping m = job.columns().get(keyIdx[i]);
            sb.append(m.source().name()).append('=').append(RowRejectedException.excerpt(row[keyIdx[i]]));
        }
        return sb.toString();
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread th = new Thread(r, prefix + "-" + n.incrementAndGet());
            th.setDaemon(true);
            // below the UI thread where the JVM maps priorities to the OS (-XX:ThreadPriorityPolicy=1 on Linux, as the
            // workbench's launcher sets it): a load in the workbench never competes with the JavaFX thread for a CPU
            th.setPriority(Thread.NORM_PRIORITY - 2);
            return th;
        };
    }

    /** A rejected row under {@link ErrorPolicy#STOP}. */
    private static final class RowStop extends Exception {
        final transient RejectedRow row;

        RowStop(RejectedRow row) {
            super(row.table() + " row " + row.key() + " rejected (" + row.column() + "): " + row.reason());
            this.row = row;
        }
    }

    /** The table is suspended ({@link ErrorPolicy#SKIP_TABLE}, or a target error under a non-STOP policy). */
    private static final class TableSuspended extends Exception {
        final transient RejectedRow row;

        TableSuspended(String message, RejectedRow row) {
            super(message);
            this.row = row;
        }
    }

    /** The bulk write of a range failed under SKIP_ROW: load it again row by row; carries the suspension to use otherwise. */
    private static final class RetryRowByRow extends Exception {
        final transient TableSuspended suspended;

        RetryRowByRow(TableSuspended suspended, String message) {
            super(message);
            this.suspended = suspended;
        }
    }

    /** Rows read but not yet written, with the budget permits they hold and the LOB values NONE left out. */
    private static final class Batch {
        final List<Object[]> rows;
        long bytes;
        int permits;
        long lobsNulled;

        Batch(int capacity) {
            this.rows = new ArrayList<>(Math.min(capacity, 1024));
        }

        void add(Object[] row, long rowBytes, int cost) {
            rows.add(row);
            bytes += rowBytes;
            permits += cost;
        }
    }

    /**
     * Bounded hand-off between one reader and one writer; either side can cancel. Bounded in batches (queueCapacity) and,
     * through the load's {@link MemoryBudget}, in bytes: permits of batches that will never be written are released here.
     */
    private static final class Pipe {
        private final ArrayBlockingQueue<Object> queue;
        private final AtomicReference<Throwable> fatal;
        private final MemoryBudget budget;
        private volatile boolean cancelled;
        private volatile Throwable readerFailure;

        Pipe(int capacity, AtomicReference<Throwable> fatal, MemoryBudget budget) {
            this.queue = new ArrayBlockingQueue<>(capacity);
            this.fatal = fatal;
            this.budget = budget;
        }

        boolean stopping() {
            return cancelled || fatal.get() != null;
        }

        void put(Object item) throws InterruptedException {
            while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                if (stopping()) {
                    if (item instanceof Batch) {
                        budget.release(((Batch) item).permits);
                    }
                    throw new Cancelled();
                }
            }
            if (cancelled) {
                drain();
            }
        }

        private void drain() {
            Object o;
            while ((o = queue.poll()) != null) {
                if (o instanceof Batch) {
                    budget.release(((Batch) o).permits);
                }
            }
        }

        Object take() throws Exception {
            while (true) {
                Object item = queue.poll(100, TimeUnit.MILLISECONDS);
                if (item != null) {
                    return item;
                }
                if (readerFailure != null) {
                    throw new SourceReadException(readerFailure);
                }
                if (fatal.get() != null) {
                    throw new IllegalStateException("load stopping: another range failed");
                }
            }
        }

        void fail(Throwable e) {
            readerFailure = e;
        }

        void cancel() {
            cancelled = true;
            drain();
        }
    }

    /** The writer gave up the range (or the load is stopping): the reader stops, its connection stays usable. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("range cancelled", null, false, false);
        }
    }

    /** The reader failed; carries its cause. */
    private static final class SourceReadException extends Exception {
        SourceReadException(Throwable cause) {
            super("reading the source failed: " + Redaction.redact(String.valueOf(cause.getMessage())), cause);
        }
    }

    /** Per-table counters, updated from worker and writer threads. */
    private static final class Tracker {
        final TableJob job;
        final AtomicLong rows = new AtomicLong();
        final AtomicLong bytes = new AtomicLong();
        final AtomicLong rejected = new AtomicLong();
        final AtomicLong warnings = new AtomicLong();
        final AtomicLong lobsTruncated = new AtomicLong();
        final AtomicLong lobsNulled = new AtomicLong();
        final AtomicLong committedRows = new AtomicLong();
        final AtomicInteger rangesDone = new AtomicInteger();
        final AtomicInteger rangesLoaded = new AtomicInteger();
        final AtomicInteger rangesSkipped = new AtomicInteger();
        final AtomicLong skippedRows = new AtomicLong();
        volatile TableProgress.TableState state = TableProgress.TableState.PENDING;
        volatile String error;
        volatile long startNanos;

        Tracker(TableJob job) {
            this.job = job;
        }

        void skipped(long r, long b) {
            rangesSkipped.incrementAndGet();
            rangesDone.incrementAndGet();
            skippedRows.addAndGet(r);
            bytes.addAndGet(b);
            if (rangesDone.get() == job.ranges().size()) {
                state = TableProgress.TableState.DONE;
            }
        }

        synchronized void running() {
            if (state == TableProgress.TableState.PENDING) {
                state = TableProgress.TableState.RUNNING;
                startNanos = System.nanoTime();
            }
        }

        /** Counts a loaded range; true for the call that completes the table. */
        synchronized boolean rangeDone() {
            rangesLoaded.incrementAndGet();
            if (rangesDone.incrementAndGet() == job.ranges().size() && state == TableProgress.TableState.RUNNING) {
                state = TableProgress.TableState.DONE;
                return true;
            }
            return false;
        }

        synchronized void suspend(String why) {
            state = TableProgress.TableState.SUSPENDED;
            error = why;
        }

        boolean suspended() {
            return state == TableProgress.TableState.SUSPENDED;
        }

        synchronized void finish(boolean failed) {
            if (failed && state != TableProgress.TableState.DONE && state != TableProgress.TableState.SUSPENDED) {
                state = TableProgress.TableState.FAILED;
            }
        }

        void publish(LoadListener listener) {
            long done = rows.get() + skippedRows.get();
            long est = job.estimatedRows();
            double secs = startNanos == 0 ? 0 : (System.nanoTime() - startNanos) / 1e9;
            double rate = secs > 0 ? rows.get() / secs : 0;
            Duration eta = rate > 0 && est >= 0 ? Duration.ofMillis((long) (Math.max(0, est - done) / rate * 1000)) : null;
            listener.tableProgress(new TableProgress(job.tableKey(), state, done, est, bytes.get(), rate, eta,
                    rejected.get(), warnings.get(), rangesDone.get(), job.ranges().size()));
        }

        TableResult result() {
            return new TableResult(job.tableKey(), state, rows.get() + skippedRows.get(), bytes.get(), rejected.get(),
                    warnings.get(), rangesLoaded.get(), rangesSkipped.get(), error, lobsTruncated.get(), lobsNulled.get());
        }
    }
}
