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
 * <p>Threading: one applier thread calls {@link #start}, {@link #run} / {@link #drain}; {@link #stop()},
 * {@link #stats()} may be called from any thread. {@link ApplyListener} callbacks run on the applier thread.
 */
public final class ChangeApplier implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeApplier.class);
    private static final Duration POLL = Duration.ofMillis(50);

    private final ChangeSource source;
    private final LoadEndpoint target;
    private final Engine engine;
    private final ApplySettings settings;
    private final ApplyListener listener;
    private final ValueConverter converter;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Map<QualifiedName, TargetTable> tables = new HashMap<>();
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    private Connection connection;
    private String stored;                  // toText() of the stored position (skip everything <= it)
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
        source.start(stored == null ? null : source.parse(stored));
        setState(ApplyStats.ConnectionState.STREAMING, "started after " + stored);
    }

    private void openTarget() throws SQLException {
        closeTarget();
        Connection c = target.connections().open();
        ensureControlTables(c);
        c.setAutoCommit(false);
        connection = c;
    }

    private void closeTarget() {
        statements.clear();
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
                replayCarefully();
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
        if (stored != null && e.position().toText().compareTo(stored) <= 0) {
            return; // applied before (crash between target commit and acknowledgement)
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
            if (groupRows >= settings.maxEvents() || System.nanoTime() - groupStartNanos >= settings.maxDelay().toNanos()) {
                commitGroup();
            }
            return;
        }
        if (e instanceof ChangeEvent.RelationChange r) {
            flushBatch();
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
        if (group.isEmpty()) {
            groupStartNanos = System.nanoTime();
        }
        group.add(e);
        groupRows++;
        apply(e);
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

    // ---------------------------------------------------------------- rows

    private void applyRow(ChangeEvent.RowChange r) throws SQLException, ApplyException {
        QualifiedName to = settings.tableMapping().apply(r.table());
        TargetTable t = tables.get(to);
        if (t == null) {
            t = TargetTable.read(connection, engine, to);
            tables.put(to, t);
        }
        String tableText = to.toString();
        List<ChangeColumn> cols = r.columns();
        // key: the target's primary key, else the source's row identity
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
        boolean upsertable = !t.primaryKey().isEmpty() && keyIdx.size() == t.primaryKey().size();
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
        List<String> set = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        List<ValueKind> kinds = new ArrayList<>();
        for (int i = 0; i < cols.size(); i++) {
            if (!r.isUnchangedToast(i)) {
                String c = t.column(cols.get(i).name());
                set.add(Sql.quote(engine, c) + " = ?");
                params.add(convert(r.after().get(i), t.kinds().get(c), c));
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
            params.add(convert(row.get(i), t.kinds().get(c), c));
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
            params.add(convert(row.get(i), t.kinds().get(c), c));
            kinds.add(t.kinds().get(c));
        }
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

    private Object convert(Object v, ValueKind kind, String column) throws RowRejectedException {
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
                    : iv.toString();
        } else if (x instanceof Instant i) {
            x = i.atOffset(ZoneOffset.UTC);
        } else if (x instanceof Duration d) {
            x = durationText(d);
        } else if (x instanceof Short || x instanceof Integer || x instanceof Byte) {
            x = ((Number) x).longValue();
        } else if (x instanceof Float f && kind == ValueKind.FLOAT) {
            x = Double.parseDouble(f.toString());
        }
        return converter.convert(x, kind, column, c -> { });
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
    private static final class ReplayGroup extends SQLException {
        private static final long serialVersionUID = 1L;

        ReplayGroup(SQLException cause) {
            super(cause.getMessage(), cause.getSQLState(), cause);
        }
    }

    // ---------------------------------------------------------------- commit

    private void commitGroup() throws ApplyException, InterruptedException {
        try {
            try {
                flushBatch();
            } catch (ReplayGroup r) {
                replayCarefully();
            }
            long t0 = System.nanoTime();
            insertExceptions();
            writeState(connection, groupEnd.toText(), groupRows);
            connection.commit();
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

    private void replayCarefully() throws SQLException, ApplyException {
        rollbackQuietly();
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
    }

    private void count(String table, ApplyStats.TableCounts c) {
        groupCounts.merge(table, c, ApplyStats.TableCounts::plus);
    }

    // ---------------------------------------------------------------- failures

    private void rollbackQuietly() {
        try {
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
