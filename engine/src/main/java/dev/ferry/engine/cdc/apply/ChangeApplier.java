package dev.ferry.engine.cdc.apply;

import dev.ferry.engine.cdc.ChangeCaptureException;
import dev.ferry.engine.cdc.ChangeColumn;
import dev.ferry.engine.cdc.ChangeEvent;
import dev.ferry.engine.cdc.IntervalValue;
import dev.ferry.engine.cdc.SourcePosition;
import dev.ferry.engine.cdc.SpecialNumber;
import dev.ferry.engine.cdc.TypedText;
import dev.ferry.engine.cdc.ValueMarker;
import dev.ferry.engine.load.ErrorPolicy;
import dev.ferry.engine.load.LoadEndpoint;
import dev.ferry.engine.load.RowRejectedException;
import dev.ferry.engine.load.Sql;
import dev.ferry.engine.load.TargetDialect;
import dev.ferry.engine.load.ValueConverter;
import dev.ferry.engine.load.ValueKind;
import dev.ferry.model.schema.Engine;
import dev.ferry.model.schema.QualifiedName;
import dev.ferry.model.util.Redaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Applies a source's change stream to a PostgreSQL or MySQL/MariaDB target exactly once.
 *
 * <p>Protocol: source transactions are applied in commit order; several are grouped into one target transaction
 * (at most {@link ApplySettings#maxEvents()} events or {@link ApplySettings#maxDelay()} old, never splitting a source
 * transaction). The group's last {@code Commit} position is written to {@code ferry_apply_state} in the SAME target
 * transaction; only after the target COMMIT is it acknowledged to the source. At start the stored position is read and
 * every event at or before it is skipped, so a crash anywhere (before the commit: the group is rolled back and
 * redelivered; after the commit but before the acknowledgement: redelivered and skipped) neither loses nor repeats a
 * change. Statements are idempotent as well (upsert by primary key, update/delete by the old key). See
 * {@code docs/cdc.md}.
 *
 * <p>Batch mode ({@link ApplySettings#batch()}, DMS {@code BatchApplyEnabled}): the target transaction is a window of
 * source transactions whose row changes are reduced to the net change per key ({@link NetChanges}) and merged per
 * table (PostgreSQL: COPY into a temporary staging table, {@code DELETE … USING}, {@code INSERT … ON CONFLICT};
 * MySQL: multi-row statements); the exactly-once protocol is the same.
 *
 * <p>Threading: one applier thread calls {@link #start}, {@link #run} / {@link #drain}; {@link #stop()},
 * {@link #stats()} may be called from any thread. {@link ApplyListener} callbacks run on the applier thread.
 */
public final class ChangeApplier implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeApplier.class);
    private static final Duration POLL = Duration.ofMillis(50);
    private static final ApplyStats.TableCounts ONE_INSERT = new ApplyStats.TableCounts(1, 0, 0, 0);
    private static final ApplyStats.TableCounts ONE_UPDATE = new ApplyStats.TableCounts(0, 1, 0, 0);
    private static final ApplyStats.TableCounts ONE_DELETE = new ApplyStats.TableCounts(0, 0, 1, 0);

    private final ChangeSource source;
    private final LoadEndpoint target;
    private final Engine engine;
    private final ApplySettings settings;
    private final ApplyListener listener;
    private final ValueConverter converter;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Map<QualifiedName, TargetTable> tables = new HashMap<>();
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private ChangeMapping mapping = ChangeMapping.NONE;

    private Connection connection;
    private String stored;                  // toText() of the stored position (skip everything <= it)
    private boolean pastStored;             // an event after the stored position arrived since the source (re)started
    // the open group (one target transaction)
    private final List<ChangeEvent> group = new ArrayList<>();
    private final List<Object[]> pendingExceptions = new ArrayList<>(); // table, key, column, value, reason
    private boolean inSourceTransaction;
    private SourcePosition groupEnd;        // last Commit of the group
    private Instant groupEndCommitTime;
    private long groupStartNanos;
    private int groupRows;
    private boolean careful;                // replaying a failed group statement by statement
    private final Map<String, ApplyStats.TableCounts> groupCounts = new HashMap<>();
    // batch of same-shape statements
    private String batchSql;
    private final List<Pending> batch = new ArrayList<>();
    // batch apply: net changes per target table of the open window, and the PostgreSQL staging tables
    private final Map<QualifiedName, NetChanges> net = new LinkedHashMap<>();
    private final Map<QualifiedName, Shape> shapes = new HashMap<>();     // by source table
    private long windowBytes;
    private boolean plainCopyOff;           // this window writes new keys through the staging upsert (see recover)
    private final Map<String, String> stagingNames = new HashMap<>();   // table + columns -> temp table name
    private final java.util.Set<String> stagingCreated = new java.util.HashSet<>(); // on this connection, committed
    private final java.util.Set<String> stagingUsed = new java.util.HashSet<>();    // holds rows of this transaction
    // metrics
    private final long startNanos = System.nanoTime();
    private final Map<String, ApplyStats.TableCounts> counts = new LinkedHashMap<>();
    private volatile ApplyStats stats;
    private long applied;
    private long rejected;
    private volatile String lastError;
    private volatile ApplyStats.ConnectionState state = ApplyStats.ConnectionState.CONNECTING;
    private Duration sourceLatency = Duration.ZERO;
    private Duration targetLatency = Duration.ZERO;
    // stop position / time (DMS CdcStopPosition) and incoming-event counter
    private volatile StopCondition stopCondition = StopCondition.NONE;
    private volatile String stopReason;
    private volatile long received;

    /** One statement in the batch: for error reporting and update-count checks. */
    private record Pending(String table, String key, boolean mustMatch) {
    }

    public ChangeApplier(ChangeSource source, LoadEndpoint target, ApplySettings settings, ApplyListener listener) {
        this.source = Objects.requireNonNull(source, "source");
        this.target = Objects.requireNonNull(target, "target");
        this.engine = target.engine();
        if (engine != Engine.POSTGRESQL && engine != Engine.MYSQL) {
            throw new IllegalArgumentException("the change applier supports PostgreSQL and MySQL/MariaDB targets, not "
                    + engine.displayName());
        }
        this.settings = Objects.requireNonNull(settings, "settings");
        this.listener = listener == null ? ApplyListener.NO_OP : listener;
        this.converter = ValueConverter.of(source.engine(), engine);
        this.stats = snapshot();
    }

    // ---------------------------------------------------------------- state table

    /** Creates the control tables if missing and returns the stored position text of this task, if any. */
    public Optional<String> storedPosition() throws SQLException {
        try (Connection c = target.connections().open()) {
            ensureControlTables(c);
            return readStored(c);
        }
    }

    /**
     * Stores {@code position} as the task's applied position unless one is stored already (the handoff from a full
     * load: streaming starts after it). Returns the position in effect.
     */
    public String initializePosition(SourcePosition position) throws SQLException {
        try (Connection c = target.connections().open()) {
            ensureControlTables(c);
            Optional<String> s = readStored(c);
            if (s.isPresent()) {
                return s.get();
            }
            c.setAutoCommit(false);
            writeState(c, position.toText(), 0);
            c.commit();
            return position.toText();
        }
    }

    private void ensureControlTables(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String ddl : TargetDialect.of(engine).controlTableDdl(settings.controlSchema())) {
                st.execute(ddl);
            }
            st.execute("CREATE TABLE IF NOT EXISTS " + control("ferry_apply_state") + " (task varchar(100) NOT NULL PRIMARY KEY, "
                    + "source_position varchar(400) NOT NULL, applied_at timestamp NOT NULL, events bigint NOT NULL)");
        }
        if (!c.getAutoCommit()) {
            c.commit();
        }
    }

    private Optional<String> readStored(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT source_position FROM " + control("ferry_apply_state") + " WHERE task = ?")) {
            ps.setString(1, settings.task());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private void writeState(Connection c, String position, long events) throws SQLException {
        String sql = engine == Engine.POSTGRESQL
                ? "INSERT INTO " + control("ferry_apply_state") + " (task, source_position, applied_at, events) VALUES (?,?,?,?) "
                + "ON CONFLICT (task) DO UPDATE SET source_position = EXCLUDED.source_position, applied_at = EXCLUDED.applied_at, "
                + "events = " + control("ferry_apply_state") + ".events + EXCLUDED.events"
                : "INSERT INTO " + control("ferry_apply_state") + " (task, source_position, applied_at, events) VALUES (?,?,?,?) "
                + "ON DUPLICATE KEY UPDATE source_position = VALUES(source_position), applied_at = VALUES(applied_at), "
                + "events = events + VALUES(events)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, settings.task());
            ps.setString(2, position);
            ps.setTimestamp(3, Timestamp.from(Instant.now()));
            ps.setLong(4, events);
            ps.executeUpdate();
        }
    }

    private String control(String table) {
        return Sql.control(engine, settings.controlSchema(), table);
    }

    // ---------------------------------------------------------------- lifecycle

    /**
     * Opens the target, reads the stored position and starts the source after it (restart = resume from the stored
     * position; with none stored the source starts at its own start point, e.g. the slot's consistent point).
     */
    public void start() throws SQLException {
        openTarget();
        stored = readStored(connection).orElse(null);
        connection.commit();
        LOG.info("applier {} starts after {}", settings.task(), stored == null ? "the source's start point" : stored);
        pastStored = false;
        source.start(stored == null ? null : source.parse(stored));
        setState(ApplyStats.ConnectionState.STREAMING, "started after " + stored);
    }

    private void openTarget() throws SQLException {
        closeTarget();
        Connection c = target.connections().open();
        // MySQL/MariaDB: TIMESTAMP values are bound as UTC text, so the session must read them in UTC whatever the
        // server's default zone (as the full load's writers do)
        Sql.utcSession(engine, c);
        ensureControlTables(c);
        c.setAutoCommit(false);
        connection = c;
    }

    private void closeTarget() {
        statements.clear();
        stagingCreated.clear();
        stagingUsed.clear();
        batch.clear();
        batchSql = null;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // broken connection
            }
            connection = null;
        }
    }

    /**
     * Applies the table-mapping rules (column renames, removed and added columns, row filters) to every row change
     * before it is applied; call before {@link #start()}. The table names still come from
     * {@link ApplySettings#tableMapping()} (use {@link ChangeMapping#target} there). Closed with the applier.
     */
    public void mapChanges(ChangeMapping mapping) {
        this.mapping = mapping == null ? ChangeMapping.NONE : mapping;
    }

    /**
     * Stops the applier BEFORE the first source transaction {@code condition} refuses (DMS {@code CdcStopPosition}):
     * everything before it is committed and acknowledged, the refused transaction is not applied (a restart delivers
     * it again). Call before {@link #run()}; callable from any thread.
     */
    public void stopAt(StopCondition condition) {
        this.stopCondition = condition == null ? StopCondition.NONE : condition;
    }

    /** Why the applier stopped on its own stop condition, or empty (not reached, or stopped by {@link #stop()}). */
    public Optional<String> stopReason() {
        return Optional.ofNullable(stopReason);
    }

    /** Events the source has read but the applier has not taken yet (live; {@link ApplyStats#queueDepth()} is as of the last commit). */
    public int queuedEvents() {
        return source.queuedEvents();
    }

    /** Row events (row changes and truncates) received from the source since start, including redelivered ones. */
    public long receivedEvents() {
        return received;
    }

    private void reachStop(String reason) {
        stopReason = reason;
        LOG.info("applier {} reached its stop condition: {}", settings.task(), reason);
        listener.stopConditionReached(reason);
        stop();
    }

    /** Asks {@link #run()} to commit what is complete and return; callable from any thread. */
    public void stop() {
        stopped.countDown();
    }

    /** Applies until {@link #stop()} is called. */
    public void run() throws ApplyException, InterruptedException {
        try {
            while (stopped.getCount() > 0) {
                step();
            }
            finishQuietly();
        } catch (ApplyException | RuntimeException | Error e) {
            LOG.error("applier {} stopped: {}", settings.task(), e.getMessage(), e);
            throw e;
        }
    }

    /**
     * Applies until no event arrived for {@code idle} and everything received is committed; returns the number of row
     * events applied by this call.
     */
    public long drain(Duration idle) throws ApplyException, InterruptedException {
        long before = applied;
        long lastEvent = System.nanoTime();
        while (stopped.getCount() > 0) {
            if (step()) {
                lastEvent = System.nanoTime();
            } else if (group.isEmpty() && System.nanoTime() - lastEvent > idle.toNanos()) {
                break;
            }
        }
        return applied - before;
    }

    private void finishQuietly() throws ApplyException, InterruptedException {
        if (!inSourceTransaction && !group.isEmpty()) {
            commitGroup();
        }
        setState(ApplyStats.ConnectionState.STOPPED, "stopped");
    }

    @Override
    public void close() {
        stop();
        closeTarget();
        source.close();
        mapping.close();
    }

    /** The latest metrics. */
    public ApplyStats stats() {
        return stats;
    }

    // ---------------------------------------------------------------- main loop

    /** Polls one event and applies it; returns whether an event arrived. */
    private boolean step() throws ApplyException, InterruptedException {
        ChangeEvent e;
        try {
            e = source.poll(POLL);
        } catch (ChangeCaptureException f) {
            if (!f.isConnectionLoss()) {
                fail("change capture failed: " + f.getMessage(), f);
            }
            sourceLost(f);
            return false;
        }
        try {
            if (e == null) {
                if (!inSourceTransaction && !group.isEmpty()) {
                    commitGroup();
                }
                if (!inSourceTransaction && group.isEmpty() && stopReason == null) {
                    String idle = stopCondition.stopWhenIdle();
                    if (idle != null) {
                        reachStop(idle);
                    }
                }
                return false;
            }
            if (e instanceof ChangeEvent.RowChange || e instanceof ChangeEvent.Truncate) {
                received++;
            }
            try {
                accept(e);
            } catch (ReplayGroup r) {
                recover(r);
            }
            return true;
        } catch (SQLException ex) {
            if (isConnectionLoss(ex)) {
                targetLost(ex);
                return false;
            }
            throw new ApplyException("target failed: " + redact(ex), ex);
        }
    }

    private void accept(ChangeEvent e) throws SQLException, ApplyException, InterruptedException {
        if (stored != null && !pastStored) {
            // positions increase along the stream: once past the stored one, every later event is new, until the
            // source restarts (formatting every position as text would cost more than the rest of the event)
            if (e.position().toText().compareTo(stored) <= 0) {
                return; // applied before (crash between target commit and acknowledgement)
            }
            pastStored = true;
        }
        if (e instanceof ChangeEvent.Begin b) {
            String stopHere = stopCondition.stopBefore(b);
            if (stopHere != null) {
                if (!group.isEmpty()) {
                    commitGroup();
                }
                reachStop(stopHere);
                return;
            }
            inSourceTransaction = true;
            if (group.isEmpty()) {
                groupStartNanos = System.nanoTime();
            }
            return;
        }
        if (e instanceof ChangeEvent.Commit c) {
            inSourceTransaction = false;
            groupEnd = c.position();
            groupEndCommitTime = c.commitTime();
            if (groupDue()) {
                commitGroup();
            }
            return;
        }
        if (e instanceof ChangeEvent.RelationChange r) {
            try {
                flushAllNet(); // its rows were netted with the old column list
            } catch (ReplayGroup g) {
                recover(g);
            }
            shapes.remove(r.oldTable());
            shapes.remove(r.table());
            net.remove(settings.tableMapping().apply(r.oldTable()));
            net.remove(settings.tableMapping().apply(r.table()));
            tables.remove(settings.tableMapping().apply(r.oldTable()));
            tables.remove(settings.tableMapping().apply(r.table()));
            statements.values().forEach(ChangeApplier::closeQuietly);
            statements.clear();
            LOG.info("table {} changed on the source; target metadata is read again", r.table());
            listener.schemaChanged(settings.tableMapping().apply(r.table()).toString());
            return;
        }
        if (e instanceof ChangeEvent.LogicalMessage) {
            return;
        }
        if (e instanceof ChangeEvent.RowChange r && mapping != ChangeMapping.NONE) {
            try {
                e = mapping.map(r);
            } catch (RowRejectedException ex) {
                List<Object> row = r.before() != null ? r.before() : r.after();
                rowFailed(settings.tableMapping().apply(r.table()).toString(),
                        keyText(r.columns(), keyColumns(r.columns()), row), ex.getMessage(), null);
                return;
            }
            if (e == null) {
                return; // outside the row filter
            }
        }
        if (group.isEmpty()) {
            groupStartNanos = System.nanoTime();
        }
        group.add(e);
        groupRows++;
        if (settings.batchApplyEnabled()) {
            applyBatched(e);
        } else {
            apply(e);
        }
    }

    /** Whether the open group is committed at this source transaction boundary. */
    private boolean groupDue() {
        long age = System.nanoTime() - groupStartNanos;
        ApplySettings.BatchApply b = settings.batch();
        if (b == null) {
            return groupRows >= settings.maxEvents() || age >= settings.maxDelay().toNanos();
        }
        return age >= b.timeoutMax().toNanos() || windowBytes >= b.memoryLimitBytes()
                || (b.splitSize() > 0 && groupRows >= b.splitSize())
                || (age >= b.timeoutMin().toNanos() && source.queuedEvents() == 0);
    }

    private void apply(ChangeEvent e) throws SQLException, ApplyException {
        if (e instanceof ChangeEvent.Truncate t) {
            flushBatch();
            try (Statement st = connection.createStatement()) {
                for (QualifiedName q : t.tables()) {
                    QualifiedName to = settings.tableMapping().apply(q);
                    String sql = engine == Engine.POSTGRESQL
                            ? "TRUNCATE " + Sql.quote(engine, to) + (t.cascade() ? " CASCADE" : "")
                            : "DELETE FROM " + Sql.quote(engine, to); // MySQL TRUNCATE would commit implicitly
                    st.execute(sql);
                    count(to.toString(), new ApplyStats.TableCounts(0, 0, 0, 1));
                }
            }
        } else if (e instanceof ChangeEvent.RowChange r) {
            applyRow(r);
        }
    }

    // ---------------------------------------------------------------- batch apply

    /**
     * Batch mode: folds a row change into the net change of its table (see {@link NetChanges}); what cannot be reduced
     * (a table without a target primary key, a TRUNCATE, a change {@link NetChanges#add} refuses) goes the row-by-row
     * way after the pending net changes it depends on were merged.
     */
    private void applyBatched(ChangeEvent e) throws SQLException, ApplyException {
        if (!(e instanceof ChangeEvent.RowChange r)) {
            flushAllNet(); // TRUNCATE [CASCADE] may reach any table
            apply(e);
            return;
        }
        windowBytes += NetChanges.estimateBytes(r);
        Shape sh = shapes.get(r.table());
        if (sh == null || (sh.columns() != r.columns() && !sh.columns().equals(r.columns())) || !tables.containsKey(sh.target())) {
            sh = shape(r);
            shapes.put(r.table(), sh);
        }
        if (!sh.nettable()) {
            apply(e); // no key to net by, or a column the target lacks (reported by the row path)
            return;
        }
        QualifiedName to = sh.target();
        List<ChangeColumn> cols = r.columns();
        NetChanges n = net.get(to);
        if (n != null && !n.columns().equals(cols)) {
            flushNet(to, n);
            n = null;
        }
        if (n == null) {
            n = new NetChanges(cols, sh.keyIdx(), sh.covers());
            net.put(to, n);
        }
        if (n.add(r)) {
            count(sh.targetText(), switch (r.operation()) {
                case INSERT -> ONE_INSERT;
                case UPDATE -> ONE_UPDATE;
                case DELETE -> ONE_DELETE;
            });
        } else {
            flushNet(to, n);
            apply(e);
        }
    }

    /** How a source table's events map onto the target, cached per source table and column list. */
    private record Shape(List<ChangeColumn> columns, QualifiedName target, String targetText, List<Integer> keyIdx, boolean nettable,
                         boolean covers) {
    }

    private Shape shape(ChangeEvent.RowChange r) throws SQLException {
        QualifiedName to = settings.tableMapping().apply(r.table());
        TargetTable t = targetTable(to);
        List<ChangeColumn> cols = r.columns();
        List<Integer> keyIdx = keyIndexes(t, cols);
        boolean known = upsertable(t, keyIdx);
        java.util.Set<String> carried = new java.util.HashSet<>();
        for (ChangeColumn c : cols) {
            String tc = t.column(c.name());
            known &= tc != null;
            carried.add(tc);
        }
        return new Shape(cols, to, to.toString(), keyIdx, known, carried.containsAll(t.kinds().keySet()));
    }

    /** Merges every table's net changes into the open target transaction (after the pending JDBC batch). */
    private void flushAllNet() throws SQLException, ApplyException {
        flushBatch();
        for (Map.Entry<QualifiedName, NetChanges> x : net.entrySet()) {
            flushNet(x.getKey(), x.getValue());
        }
        net.clear();
    }

    /**
     * Writes one table's net changes: deletes first, then upserts of full rows, then updates of partial rows
     * (UNCHANGED_TOAST). PostgreSQL: COPY into a temporary staging table, one {@code DELETE … USING} and one
     * {@code INSERT … SELECT … ON CONFLICT DO UPDATE}; MySQL: multi-row {@code DELETE … IN} and
     * {@code INSERT … ON DUPLICATE KEY UPDATE}. Any refusal replays the window row by row (error policy per row).
     */
    private void flushNet(QualifiedName to, NetChanges n) throws SQLException, ApplyException {
        if (n.isEmpty()) {
            return;
        }
        flushBatch();
        TargetTable t = targetTable(to);
        List<ChangeColumn> cols = n.columns();
        int[] keyIdx = n.keyIndexes();
        List<String> names = new ArrayList<>();
        List<ValueKind> kinds = new ArrayList<>();
        for (ChangeColumn c : cols) {
            String tc = t.column(c.name());
            names.add(tc);
            kinds.add(t.kinds().get(tc));
        }
        List<Object[]> deletes = new ArrayList<>();   // converted key values
        List<Object[]> upserts = new ArrayList<>();   // converted rows
        List<Object[]> staged = new ArrayList<>();    // PostgreSQL: converted rows + op (1 delete, 2 upsert, 3 both)
        List<Object[]> fresh = new ArrayList<>();     // PostgreSQL: rows of keys that did not exist before the window
        List<NetChanges.Entry> partial = new ArrayList<>();
        boolean pg = engine == Engine.POSTGRESQL;
        try {
            for (NetChanges.Entry e : n.entries()) {
                if (e.partial()) {
                    partial.add(e);
                    continue;
                }
                boolean del = e.needsDelete();
                List<Object> row = e.row();
                if (!del && row == null) {
                    continue;
                }
                Object[] v = new Object[cols.size() + (pg ? 1 : 0)];
                if (row != null) {
                    for (int i = 0; i < cols.size(); i++) {
                        v[i] = convert(row.get(i), t, names.get(i));
                    }
                } else {
                    List<Object> key = e.key();
                    for (int k = 0; k < keyIdx.length; k++) {
                        v[keyIdx[k]] = convert(key.get(k), t, names.get(keyIdx[k]));
                    }
                }
                if (pg) {
                    v[cols.size()] = (del ? 1 : 0) + (row != null ? 2 : 0);
                    (e.fresh() ? fresh : staged).add(v);
                } else {
                    if (del) {
                        Object[] kv = new Object[keyIdx.length];
                        for (int k = 0; k < keyIdx.length; k++) {
                            kv[k] = v[keyIdx[k]];
                        }
                        deletes.add(kv);
                    }
                    if (row != null) {
                        upserts.add(v);
                    }
                }
            }
        } catch (RowRejectedException ex) {
            throw new ReplayGroup(new SQLException("a change to " + to + " cannot be converted: " + ex.getMessage()));
        }
        List<String> keyNames = new ArrayList<>();
        List<ValueKind> keyKinds = new ArrayList<>();
        for (int k : keyIdx) {
            keyNames.add(names.get(k));
            keyKinds.add(kinds.get(k));
        }
        try {
            if (pg) {
                mergePostgres(t, names, keyNames, fresh, staged);
            } else {
                mergeMySql(t, names, kinds, keyNames, keyKinds, deletes, upserts);
            }
        } catch (SQLException ex) {
            if (ex instanceof ReplayGroup || isConnectionLoss(ex)) {
                throw ex;
            }
            throw new ReplayGroup(ex);
        }
        List<Integer> keyList = java.util.Arrays.stream(keyIdx).boxed().toList();
        for (NetChanges.Entry e : partial) {
            try {
                updateSent(t, cols, e.row(), keyList, e.row(), to.toString(), keyText(cols, keyList, e.row()));
            } catch (RowRejectedException ex) {
                throw new ReplayGroup(new SQLException("a change to " + to + " cannot be converted: " + ex.getMessage()));
            }
        }
        flushBatch();
        n.clear();
    }

    private void mergePostgres(TargetTable t, List<String> names, List<String> keyNames, List<Object[]> fresh, List<Object[]> staged)
            throws SQLException {
        if (!fresh.isEmpty() && plainCopyOff) {
            staged.addAll(fresh);
        } else if (!fresh.isEmpty()) {
            // keys the stream says are new: COPY straight into the table, without a savepoint (two round trips per
            // table and window, a third of the apply time on a loaded machine); a unique violation (the target held
            // such a key anyway: an overlapping snapshot, rows written by someone else) aborts the transaction, and
            // recover() rolls the window back and nets it again with every row through the staging upsert
            try {
                copy("COPY " + Sql.quote(engine, t.name()) + " (" + Sql.columnList(engine, names) + ") FROM STDIN", fresh, names.size());
            } catch (SQLException ex) {
                if (isConnectionLoss(ex)) {
                    throw ex;
                }
                LOG.debug("plain COPY into {} refused ({}); the window is applied again through the staging upsert",
                        t.name(), redact(ex));
                throw "23505".equals(ex.getSQLState()) ? new PlainCopyRefused(ex) : new ReplayGroup(ex);
            }
        }
        if (staged.isEmpty()) {
            return;
        }
        String cacheKey = t.name() + " " + names;
        String stage = stagingNames.computeIfAbsent(cacheKey, k -> "ferry_stage_" + (stagingNames.size() + 1));
        String qStage = Sql.quote(engine, stage);
        String colList = Sql.columnList(engine, names);
        try (Statement st = connection.createStatement()) {
            if (stagingCreated.add(stage)) {
                st.execute("CREATE TEMPORARY TABLE IF NOT EXISTS " + qStage + " ON COMMIT DELETE ROWS AS SELECT " + colList
                        + ", 0::smallint AS ferry_stage_op FROM " + Sql.quote(engine, t.name()) + " WITH NO DATA");
            }
            if (!stagingUsed.add(stage)) {
                st.execute("DELETE FROM " + qStage); // second merge of this table in one transaction
            }
        }
        boolean anyDelete = false;
        boolean anyUpsert = false;
        for (Object[] v : staged) {
            int op = (Integer) v[v.length - 1];
            anyDelete |= (op & 1) != 0;
            anyUpsert |= (op & 2) != 0;
        }
        copy("COPY " + qStage + " (" + colList + ", ferry_stage_op) FROM STDIN", staged, names.size() + 1);
        String target = Sql.quote(engine, t.name());
        try (Statement st = connection.createStatement()) {
            if (anyDelete) {
                st.executeUpdate("DELETE FROM " + target + " AS d USING " + qStage + " AS s WHERE s.ferry_stage_op IN (1, 3) AND "
                        + keyNames.stream().map(k -> "d." + Sql.quote(engine, k) + " = s." + Sql.quote(engine, k))
                        .collect(Collectors.joining(" AND ")));
            }
            if (anyUpsert) {
                List<String> rest = names.stream().filter(c -> !t.primaryKey().contains(c)).toList();
                st.executeUpdate("INSERT INTO " + target + " (" + colList + ") SELECT " + colList + " FROM " + qStage
                        + " WHERE ferry_stage_op >= 2 ON CONFLICT (" + Sql.columnList(engine, t.primaryKey()) + ") DO "
                        + (rest.isEmpty() ? "NOTHING" : "UPDATE SET " + rest.stream()
                        .map(c -> Sql.quote(engine, c) + " = EXCLUDED." + Sql.quote(engine, c)).collect(Collectors.joining(", "))));
            }
        }
    }

    /** {@code COPY … FROM STDIN} of the first {@code width} values of every row (text format). */
    private void copy(String sql, List<Object[]> rows, int width) throws SQLException {
        StringBuilder sb = new StringBuilder(rows.size() * 64);
        for (Object[] v : rows) {
            dev.ferry.engine.load.postgres.PostgresCopyWriter.encodeRow(sb, v.length == width ? v : java.util.Arrays.copyOf(v, width));
        }
        byte[] data = sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        org.postgresql.copy.CopyIn copy = connection.unwrap(org.postgresql.PGConnection.class).getCopyAPI().copyIn(sql);
        try {
            copy.writeToCopy(data, 0, data.length);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    /** Rows per multi-row MySQL statement (bounded by the 65 535 placeholders of a prepared statement). */
    private static int mysqlChunk(int columns) {
        return Math.max(1, Math.min(1000, 60000 / Math.max(1, columns)));
    }

    private void mergeMySql(TargetTable t, List<String> names, List<ValueKind> kinds, List<String> keyNames, List<ValueKind> keyKinds,
                            List<Object[]> deletes, List<Object[]> upserts) throws SQLException {
        String target = Sql.quote(engine, t.name());
        int dc = mysqlChunk(keyNames.size());
        for (int from = 0; from < deletes.size(); from += dc) {
            List<Object[]> part = deletes.subList(from, Math.min(deletes.size(), from + dc));
            String tuple = keyNames.size() == 1 ? "?" : "(" + String.join(", ", java.util.Collections.nCopies(keyNames.size(), "?")) + ")";
            String sql = "DELETE FROM " + target + " WHERE " + (keyNames.size() == 1 ? Sql.quote(engine, keyNames.get(0))
                    : "(" + Sql.columnList(engine, keyNames) + ")") + " IN ("
                    + String.join(", ", java.util.Collections.nCopies(part.size(), tuple)) + ")";
            executeMulti(sql, part, keyKinds, part.size() == dc);
        }
        int uc = mysqlChunk(names.size());
        List<String> rest = names.stream().filter(c -> !t.primaryKey().contains(c)).toList();
        List<String> set = rest.isEmpty() ? List.of(t.primaryKey().get(0)) : rest;
        String tuple = "(" + String.join(", ", java.util.Collections.nCopies(names.size(), "?")) + ")";
        for (int from = 0; from < upserts.size(); from += uc) {
            List<Object[]> part = upserts.subList(from, Math.min(upserts.size(), from + uc));
            String sql = "INSERT INTO " + target + " (" + Sql.columnList(engine, names) + ") VALUES "
                    + String.join(", ", java.util.Collections.nCopies(part.size(), tuple)) + " ON DUPLICATE KEY UPDATE "
                    + set.stream().map(c -> Sql.quote(engine, c) + " = VALUES(" + Sql.quote(engine, c) + ")").collect(Collectors.joining(", "));
            executeMulti(sql, part, kinds, part.size() == uc);
        }
    }

    /** Runs a multi-row statement; only full-chunk shapes are kept prepared (the remainders vary). */
    private void executeMulti(String sql, List<Object[]> rows, List<ValueKind> kinds, boolean keep) throws SQLException {
        PreparedStatement ps = statements.get(sql);
        boolean cached = ps != null;
        if (ps == null) {
            ps = connection.prepareStatement(sql);
            if (keep) {
                statements.put(sql, ps);
                cached = true;
            }
        }
        try {
            int i = 1;
            for (Object[] row : rows) {
                for (int c = 0; c < kinds.size(); c++) {
                    bind(ps, i++, row[c], kinds.get(c));
                }
            }
            ps.executeUpdate();
        } finally {
            if (!cached) {
                ps.close();
            }
        }
    }

    // ---------------------------------------------------------------- rows

    private TargetTable targetTable(QualifiedName to) throws SQLException {
        TargetTable t = tables.get(to);
        if (t == null) {
            t = TargetTable.read(connection, engine, to);
            tables.put(to, t);
        }
        return t;
    }

    /** Key column indexes: the target's primary key when the event carries all of it, else the source's row identity. */
    private static List<Integer> keyIndexes(TargetTable t, List<ChangeColumn> cols) {
        List<Integer> keyIdx = new ArrayList<>();
        for (String pk : t.primaryKey()) {
            for (int i = 0; i < cols.size(); i++) {
                if (pk.equals(t.column(cols.get(i).name()))) {
                    keyIdx.add(i);
                }
            }
        }
        if (keyIdx.size() != t.primaryKey().size() || keyIdx.isEmpty()) {
            keyIdx.clear();
            for (int i = 0; i < cols.size(); i++) {
                if (cols.get(i).key()) {
                    keyIdx.add(i);
                }
            }
        }
        return keyIdx;
    }

    private static boolean upsertable(TargetTable t, List<Integer> keyIdx) {
        return !t.primaryKey().isEmpty() && keyIdx.size() == t.primaryKey().size();
    }

    private void applyRow(ChangeEvent.RowChange r) throws SQLException, ApplyException {
        QualifiedName to = settings.tableMapping().apply(r.table());
        TargetTable t = targetTable(to);
        String tableText = to.toString();
        List<ChangeColumn> cols = r.columns();
        List<Integer> keyIdx = keyIndexes(t, cols);
        boolean upsertable = upsertable(t, keyIdx);
        List<Object> oldRow = r.before() != null ? r.before() : r.after();
        String key = keyText(cols, keyIdx, oldRow);
        try {
            for (ChangeColumn c : cols) {
                if (t.column(c.name()) == null) {
                    throw new RowRejectedException(c.name(), null, "target table " + tableText + " has no column " + c.name());
                }
            }
            if (keyIdx.isEmpty() && r.operation() != ChangeEvent.Operation.INSERT) {
                throw new RowRejectedException(null, null, "no key to identify the row (no primary key or replica identity)");
            }
            switch (r.operation()) {
                case INSERT -> {
                    insert(t, cols, r.after(), upsertable, tableText, key);
                    count(tableText, new ApplyStats.TableCounts(1, 0, 0, 0));
                }
                case DELETE -> {
                    delete(t, cols, keyIdx, oldRow, tableText, key);
                    count(tableText, new ApplyStats.TableCounts(0, 0, 1, 0));
                }
                case UPDATE -> {
                    update(t, r, keyIdx, oldRow, upsertable, tableText, key);
                    count(tableText, new ApplyStats.TableCounts(0, 1, 0, 0));
                }
                default -> throw new IllegalStateException();
            }
        } catch (RowRejectedException ex) {
            rowFailed(tableText, key, ex.getMessage(), null);
        }
    }

    private void update(TargetTable t, ChangeEvent.RowChange r, List<Integer> keyIdx, List<Object> oldRow, boolean upsertable,
                        String table, String key) throws SQLException, ApplyException, RowRejectedException {
        List<ChangeColumn> cols = r.columns();
        boolean toast = false;
        for (int i = 0; i < cols.size(); i++) {
            toast |= r.isUnchangedToast(i);
        }
        boolean keyChanged = false;
        for (int i : keyIdx) {
            keyChanged |= !Objects.deepEquals(oldRow.get(i), r.after().get(i));
        }
        if (!toast && !keyChanged && upsertable) {
            insert(t, cols, r.after(), true, table, key); // idempotent, also when the row is missing
            return;
        }
        if (keyChanged && !toast) {
            // the new key may collide with a row that is deleted later in the stream: delete + upsert
            delete(t, cols, keyIdx, oldRow, table, key);
            insert(t, cols, r.after(), upsertable, table, keyText(cols, keyIdx, r.after()));
            return;
        }
        updateSent(t, cols, r.after(), keyIdx, oldRow, table, key);
    }

    /** {@code UPDATE t SET <every column not UNCHANGED_TOAST> WHERE <old key>}; no row = error policy. */
    private void updateSent(TargetTable t, List<ChangeColumn> cols, List<Object> row, List<Integer> keyIdx, List<Object> oldRow,
                            String table, String key) throws SQLException, ApplyException, RowRejectedException {
        List<String> set = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        List<ValueKind> kinds = new ArrayList<>();
        for (int i = 0; i < cols.size(); i++) {
            if (row.get(i) != ValueMarker.UNCHANGED_TOAST) {
                String c = t.column(cols.get(i).name());
                set.add(Sql.quote(engine, c) + " = ?");
                params.add(convert(row.get(i), t, c));
                kinds.add(t.kinds().get(c));
            }
        }
        StringBuilder sql = new StringBuilder("UPDATE ").append(Sql.quote(engine, t.name())).append(" SET ").append(String.join(", ", set));
        where(sql, t, cols, keyIdx, oldRow, params, kinds);
        add(sql.toString(), params, kinds, new Pending(table, key, true));
    }

    private void insert(TargetTable t, List<ChangeColumn> cols, List<Object> row, boolean upsert, String table, String key)
            throws SQLException, ApplyException, RowRejectedException {
        List<String> names = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        List<ValueKind> kinds = new ArrayList<>();
        for (int i = 0; i < cols.size(); i++) {
            if (row.get(i) == ValueMarker.UNCHANGED_TOAST) {
                continue;
            }
            String c = t.column(cols.get(i).name());
            names.add(c);
            params.add(convert(row.get(i), t, c));
            kinds.add(t.kinds().get(c));
        }
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(Sql.quote(engine, t.name())).append(" (")
                .append(Sql.columnList(engine, names)).append(") VALUES (")
                .append(names.stream().map(n -> "?").collect(Collectors.joining(", "))).append(')');
        if (upsert) {
            List<String> rest = names.stream().filter(n -> !t.primaryKey().contains(n)).toList();
            if (engine == Engine.POSTGRESQL) {
                sql.append(" ON CONFLICT (").append(Sql.columnList(engine, t.primaryKey())).append(") DO ");
                sql.append(rest.isEmpty() ? "NOTHING" : "UPDATE SET " + rest.stream()
                        .map(n -> Sql.quote(engine, n) + " = EXCLUDED." + Sql.quote(engine, n)).collect(Collectors.joining(", ")));
            } else {
                List<String> set = rest.isEmpty() ? List.of(t.primaryKey().get(0)) : rest;
                sql.append(" ON DUPLICATE KEY UPDATE ").append(set.stream()
                        .map(n -> Sql.quote(engine, n) + " = VALUES(" + Sql.quote(engine, n) + ")").collect(Collectors.joining(", ")));
            }
        }
        add(sql.toString(), params, kinds, new Pending(table, key, false));
    }

    private void delete(TargetTable t, List<ChangeColumn> cols, List<Integer> keyIdx, List<Object> oldRow, String table, String key)
            throws SQLException, ApplyException, RowRejectedException {
        List<Object> params = new ArrayList<>();
        List<ValueKind> kinds = new ArrayList<>();
        StringBuilder sql = new StringBuilder("DELETE FROM ").append(Sql.quote(engine, t.name()));
        where(sql, t, cols, keyIdx, oldRow, params, kinds);
        add(sql.toString(), params, kinds, new Pending(table, key, false));
    }

    private void where(StringBuilder sql, TargetTable t, List<ChangeColumn> cols, List<Integer> keyIdx, List<Object> row,
                       List<Object> params, List<ValueKind> kinds) throws RowRejectedException {
        sql.append(" WHERE ");
        for (int n = 0; n < keyIdx.size(); n++) {
            int i = keyIdx.get(n);
            String c = t.column(cols.get(i).name());
            sql.append(n > 0 ? " AND " : "").append(Sql.quote(engine, c)).append(" = ?");
            params.add(convert(row.get(i), t, c));
            kinds.add(t.kinds().get(c));
        }
    }

    private static List<Integer> keyColumns(List<ChangeColumn> cols) {
        List<Integer> k = new ArrayList<>();
        for (int i = 0; i < cols.size(); i++) {
            if (cols.get(i).key()) {
                k.add(i);
            }
        }
        return k;
    }

    private static String keyText(List<ChangeColumn> cols, List<Integer> keyIdx, List<Object> row) {
        if (row == null) {
            return null;
        }
        return keyIdx.stream().map(i -> cols.get(i).name() + "=" + text(row.get(i))).collect(Collectors.joining(", "));
    }

    private static String text(Object v) {
        if (v instanceof byte[] b) {
            return "0x" + dev.ferry.engine.load.Hex.of(b);
        }
        return String.valueOf(v);
    }

    // ---------------------------------------------------------------- values

    private Object convert(Object v, TargetTable t, String column) throws RowRejectedException {
        ValueKind kind = t.kinds().get(column);
        return converter.convert(prepare(v, kind), kind, t.type(column), column, c -> { });
    }

    /** The applier's own value carriers (special numbers, typed text, intervals, instants...) as converter input. */
    private Object prepare(Object v, ValueKind kind) {
        Object x = v;
        if (x instanceof SpecialNumber s) {
            x = switch (s) {
                case NAN -> Double.NaN;
                case POSITIVE_INFINITY -> Double.POSITIVE_INFINITY;
                case NEGATIVE_INFINITY -> Double.NEGATIVE_INFINITY;
            };
        } else if (x instanceof TypedText t) {
            x = t.text();
        } else if (x instanceof IntervalValue iv) {
            x = engine == Engine.POSTGRESQL ? iv.months() + " mons " + iv.days() + " days " + iv.microseconds() + " microseconds"
                    : iv.postgresText();
        } else if (x instanceof Instant i) {
            x = i.atOffset(ZoneOffset.UTC);
        } else if (x instanceof Duration d) {
            x = durationText(d);
        } else if (x instanceof Short || x instanceof Integer || x instanceof Byte) {
            x = ((Number) x).longValue();
        } else if (x instanceof Float f && kind == ValueKind.FLOAT) {
            x = Double.parseDouble(f.toString());
        }
        return x;
    }

    private static String durationText(Duration d) {
        long s = Math.abs(d.getSeconds());
        String t = String.format("%s%02d:%02d:%02d", d.isNegative() ? "-" : "", s / 3600, (s / 60) % 60, s % 60);
        return d.getNano() == 0 ? t : t + String.format(".%06d", d.getNano() / 1000);
    }

    private void bind(PreparedStatement ps, int i, Object v, ValueKind kind) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.NULL);
        } else if (v instanceof LocalDateTime || v instanceof LocalDate || v instanceof OffsetDateTime || v instanceof LocalTime) {
            if (engine == Engine.MYSQL) {
                // as the full load's RowByRowWriter: text, so the driver applies no time-zone shift
                String s = dev.ferry.engine.load.Normalizer.temporal(v instanceof OffsetDateTime o
                        ? o.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime() : v);
                ps.setString(i, s.replace('T', ' '));
            } else {
                ps.setObject(i, v);
            }
        } else if (v instanceof Boolean b) {
            if (engine == Engine.MYSQL) {
                ps.setInt(i, b ? 1 : 0);
            } else {
                ps.setBoolean(i, b);
            }
        } else if (v instanceof BigDecimal d) {
            if (engine == Engine.MYSQL) {
                ps.setString(i, d.toPlainString());
            } else {
                ps.setBigDecimal(i, d);
            }
        } else if (v instanceof BigInteger b) {
            ps.setBigDecimal(i, new BigDecimal(b));
        } else if (v instanceof Long l) {
            ps.setLong(i, l);
        } else if (v instanceof Double d) {
            ps.setDouble(i, d);
        } else if (v instanceof byte[] b) {
            ps.setBytes(i, b);
        } else if (v instanceof String s) {
            if (engine == Engine.POSTGRESQL) {
                ps.setObject(i, s, Types.OTHER); // the server types the literal by its column: text, uuid, enum, json...
            } else {
                ps.setString(i, s);
            }
        } else {
            ps.setObject(i, v);
        }
    }

    // ---------------------------------------------------------------- batching

    private void add(String sql, List<Object> params, List<ValueKind> kinds, Pending p) throws SQLException, ApplyException {
        if (!sql.equals(batchSql)) {
            flushBatch();
        }
        PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            ps = connection.prepareStatement(sql);
            statements.put(sql, ps);
        }
        for (int i = 0; i < params.size(); i++) {
            bind(ps, i + 1, params.get(i), kinds.get(i));
        }
        if (careful) {
            Savepoint sp = engine == Engine.POSTGRESQL ? connection.setSavepoint() : null;
            try {
                int n = ps.executeUpdate();
                if (sp != null) {
                    connection.releaseSavepoint(sp);
                }
                if (p.mustMatch() && n == 0) {
                    rowFailed(p.table(), p.key(), "row not found on the target", null);
                }
            } catch (SQLException e) {
                if (isConnectionLoss(e)) {
                    throw e;
                }
                if (sp != null) {
                    connection.rollback(sp);
                }
                rowFailed(p.table(), p.key(), redact(e), e);
            }
            return;
        }
        ps.addBatch();
        batchSql = sql;
        batch.add(p);
    }

    private void flushBatch() throws SQLException, ApplyException {
        if (batchSql == null) {
            return;
        }
        PreparedStatement ps = statements.get(batchSql);
        List<Pending> done = new ArrayList<>(batch);
        batchSql = null;
        batch.clear();
        int[] n;
        try {
            n = executeBatch(ps);
        } catch (SQLException e) {
            if (isConnectionLoss(e)) {
                throw e;
            }
            SQLException cause = e instanceof BatchUpdateException && e.getNextException() != null ? e.getNextException() : e;
            int at = e instanceof BatchUpdateException b ? Math.min(b.getUpdateCounts().length, done.size() - 1) : 0;
            Pending p = done.get(Math.max(0, at));
            if (settings.errorPolicy() == ErrorPolicy.STOP) {
                rollbackQuietly();
                throw stopError(p.table(), p.key(), redact(cause), cause);
            }
            throw new ReplayGroup(cause);
        }
        for (int i = 0; i < n.length && i < done.size(); i++) {
            if (done.get(i).mustMatch() && n[i] == 0) {
                rowFailed(done.get(i).table(), done.get(i).key(), "row not found on the target", null);
            }
        }
    }

    /**
     * pgjdbc asserts (with {@code -ea}) instead of throwing when the connection died under a batch; that is a lost
     * connection, not a bug of ours.
     */
    private static int[] executeBatch(PreparedStatement ps) throws SQLException {
        try {
            return ps.executeBatch();
        } catch (AssertionError e) {
            throw new SQLException("the target connection failed during a batch: " + e.getMessage(), "08006", e);
        }
    }

    /** Internal signal: roll back the group and apply it again statement by statement. */
    private static class ReplayGroup extends SQLException {
        private static final long serialVersionUID = 1L;

        ReplayGroup(SQLException cause) {
            super(cause.getMessage(), cause.getSQLState(), cause);
        }
    }

    /** Internal signal: a plain COPY of keys new to the window hit an existing key; net the window again without it. */
    private static final class PlainCopyRefused extends ReplayGroup {
        private static final long serialVersionUID = 1L;

        PlainCopyRefused(SQLException cause) {
            super(cause);
        }
    }

    // ---------------------------------------------------------------- commit

    private void commitGroup() throws ApplyException, InterruptedException {
        try {
            try {
                flushAllNet();
            } catch (ReplayGroup r) {
                recover(r);
            }
            long t0 = System.nanoTime();
            insertExceptions();
            writeState(connection, groupEnd.toText(), groupRows);
            connection.commit();
            stagingUsed.clear();
            targetLatency = Duration.ofNanos(System.nanoTime() - t0);
        } catch (SQLException e) {
            if (isConnectionLoss(e)) {
                targetLost(e);
                return;
            }
            rollbackQuietly();
            throw new ApplyException("could not commit the changes up to " + groupEnd + ": " + redact(e), e);
        }
        stored = groupEnd.toText();
        source.acknowledge(groupEnd);
        applied += groupRows;
        groupCounts.forEach((k, v) -> counts.merge(k, v, ApplyStats.TableCounts::plus));
        if (groupEndCommitTime != null) {
            sourceLatency = Duration.between(groupEndCommitTime, Instant.now());
        }
        clearGroup();
        stats = snapshot();
        listener.committed(stats);
    }

    /**
     * After a refused statement, with the target transaction aborted: a refused plain COPY ({@link PlainCopyRefused})
     * rolls the window back and nets it again with every row through the staging upsert, merging it at once;
     * anything else (or a failure of that) replays the window row by row ({@link #replayCarefully()}).
     */
    private void recover(ReplayGroup r) throws SQLException, ApplyException {
        if (r instanceof PlainCopyRefused && !plainCopyOff) {
            try {
                rollbackQuietly();
                net.clear();
                pendingExceptions.clear();
                groupCounts.clear();
                batch.clear();
                batchSql = null;
                windowBytes = 0;
                plainCopyOff = true;
                for (ChangeEvent e : group) {
                    applyBatched(e);
                }
                flushAllNet();
                return;
            } catch (ReplayGroup again) {
                LOG.debug("the staging upsert was refused too ({}); applying the window row by row", redact(again));
            }
        }
        replayCarefully();
    }

    private void replayCarefully() throws SQLException, ApplyException {
        rollbackQuietly();
        net.clear();
        pendingExceptions.clear();
        groupCounts.clear();
        careful = true;
        try {
            for (ChangeEvent e : group) {
                apply(e);
            }
        } finally {
            careful = false;
        }
    }

    private void insertExceptions() throws SQLException {
        if (pendingExceptions.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO " + control("ferry_exceptions")
                + " (task, table_name, key_text, column_name, value_excerpt, reason) VALUES (?,?,?,?,?,?)")) {
            for (Object[] x : pendingExceptions) {
                ps.setString(1, settings.task());
                for (int i = 0; i < 5; i++) {
                    ps.setString(i + 2, x[i] == null ? null : x[i].toString().replace("\0", "\\0"));
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
        rejected += pendingExceptions.size();
    }

    private void rowFailed(String table, String key, String reason, Throwable cause) throws ApplyException {
        lastError = table + " [" + key + "]: " + reason;
        listener.rowFailed(table, key, reason);
        if (settings.errorPolicy() == ErrorPolicy.STOP) {
            rollbackQuietly();
            throw stopError(table, key, reason, cause);
        }
        LOG.warn("change to {} [{}] not applied: {}", table, key, reason);
        pendingExceptions.add(new Object[]{table, key, null, null, reason});
    }

    private ApplyException stopError(String table, String key, String reason, Throwable cause) {
        clearGroup();
        setState(ApplyStats.ConnectionState.FAILED, reason);
        return new ApplyException("change to " + table + " [" + key + "] failed: " + reason, cause);
    }

    private void clearGroup() {
        group.clear();
        groupRows = 0;
        groupCounts.clear();
        pendingExceptions.clear();
        batch.clear();
        batchSql = null;
        net.clear();
        windowBytes = 0;
        plainCopyOff = false;
    }

    private void count(String table, ApplyStats.TableCounts c) {
        groupCounts.merge(table, c, ApplyStats.TableCounts::plus);
    }

    // ---------------------------------------------------------------- failures

    private void rollbackQuietly() {
        try {
            stagingUsed.clear();
            stagingCreated.clear(); // a temp table created by the rolled-back transaction is gone
            if (connection != null) {
                connection.rollback();
            }
        } catch (SQLException ignored) {
            // the connection is broken; it is reopened
        }
    }

    private void sourceLost(ChangeCaptureException f) throws ApplyException, InterruptedException {
        LOG.warn("source connection lost: {}", f.getMessage());
        lastError = "source connection lost: " + f.getMessage();
        rollbackQuietly();
        clearGroup();
        inSourceTransaction = false;
        setState(ApplyStats.ConnectionState.SOURCE_RECONNECTING, f.getMessage());
        pastStored = false;
        retry("source", () -> source.reconnect());
        setState(ApplyStats.ConnectionState.STREAMING, "source reconnected");
    }

    private void targetLost(SQLException e) throws ApplyException, InterruptedException {
        LOG.warn("target connection lost: {}", redact(e));
        lastError = "target connection lost: " + redact(e);
        clearGroup();
        inSourceTransaction = false;
        setState(ApplyStats.ConnectionState.TARGET_RECONNECTING, redact(e));
        retry("target", () -> {
            openTarget();
            stored = readStored(connection).orElse(null);
            connection.commit();
        });
        if (stored != null) {
            source.acknowledge(source.parse(stored)); // a commit whose answer was lost may have succeeded
        }
        pastStored = false;
        retry("source", () -> source.reconnect());
        setState(ApplyStats.ConnectionState.STREAMING, "target reconnected");
    }

    private interface Attempt {
        void run() throws Exception;
    }

    private void retry(String what, Attempt attempt) throws ApplyException, InterruptedException {
        long backoff = 100;
        for (int n = 1; ; n++) {
            try {
                attempt.run();
                return;
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                lastError = what + " reconnect attempt " + n + " failed: " + Redaction.redact(String.valueOf(e.getMessage()));
                LOG.warn(lastError);
                if (n >= settings.maxReconnects()) {
                    setState(ApplyStats.ConnectionState.FAILED, lastError);
                    throw new ApplyException("could not reconnect to the " + what + " after " + n + " attempts", e);
                }
                if (stopped.await(backoff, TimeUnit.MILLISECONDS)) {
                    throw new ApplyException("stopped while reconnecting to the " + what, e);
                }
                backoff = Math.min(backoff * 2, settings.maxBackoff().toMillis());
            }
        }
    }

    private void fail(String message, Exception cause) throws ApplyException {
        rollbackQuietly();
        setState(ApplyStats.ConnectionState.FAILED, message);
        throw new ApplyException(message, cause);
    }

    private boolean isConnectionLoss(SQLException e) {
        try {
            if (connection == null || !connection.isValid(5)) {
                return true;
            }
        } catch (SQLException invalid) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause() != null ? t.getCause()
                : t instanceof SQLException s && s.getNextException() != t ? s.getNextException() : null) {
            if (t instanceof SQLException s && s.getSQLState() != null
                    && (s.getSQLState().startsWith("08") || s.getSQLState().equals("57P01"))) {
                return true;
            }
            if (t instanceof java.io.IOException) {
                return true;
            }
        }
        return e instanceof java.sql.SQLRecoverableException || e instanceof java.sql.SQLNonTransientConnectionException;
    }

    private void setState(ApplyStats.ConnectionState s, String detail) {
        state = s;
        stats = snapshot();
        listener.connectionState(s, detail);
    }

    private String redact(SQLException e) {
        return Redaction.redact(String.valueOf(e.getMessage()));
    }

    private ApplyStats snapshot() {
        double secs = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
        return new ApplyStats(applied, applied / secs, counts, sourceLatency, targetLatency, source.queuedEvents(), stored,
                lastError, state, rejected);
    }

    private static void closeQuietly(PreparedStatement ps) {
        try {
            ps.close();
        } catch (SQLException ignored) {
            // closing
        }
    }
}
