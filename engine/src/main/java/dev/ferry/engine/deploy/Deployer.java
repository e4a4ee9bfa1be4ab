package dev.ferry.engine.deploy;

import dev.ferry.engine.catalog.CatalogListener;
import dev.ferry.engine.catalog.CatalogReaders;
import dev.ferry.engine.catalog.CatalogRequest;
import dev.ferry.engine.load.ConnectionSupplier;
import dev.ferry.engine.load.Sql;
import dev.ferry.model.schema.DatabaseModel;
import dev.ferry.model.schema.Engine;
import dev.ferry.model.schema.QualifiedName;
import dev.ferry.model.util.Redaction;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Runs a deploy: for each asked-for phase (pre-load, then post-load) and each object in deploy order, checks the
 * object against the target's catalog, then creates it, skips it (exists and matches, or MANUAL) or reports drift
 * (exists and differs; never dropped or altered). Target preparation: {@code DROP_AND_CREATE} drops the plan's existing
 * views and tables in reverse deploy order before the pre-load objects; {@code TRUNCATE} truncates the plan's existing
 * tables after them.
 *
 * <p>Transactions: on PostgreSQL and SQLite each phase runs in one transaction; with {@link DeployOptions.OnError#STOP}
 * an error rolls the whole phase back (the result marks what had run as {@code ROLLED_BACK}); with
 * {@link DeployOptions.OnError#CONTINUE} each object runs under its own savepoint and the rest is committed. MySQL/MariaDB
 * DDL commits implicitly: each object stands on its own and what ran before an error stays (the phase result says so).
 *
 * <p>Threading: one {@link #run} uses one connection from the calling thread only; the listener is called on that thread.
 * A {@code Deployer} holds no state between runs and may be reused, but not concurrently.
 */
public final class Deployer {

    private final Engine engine;
    private final ConnectionSupplier connections;
    private final String targetDescription;

    /**
     * @param engine            the target's engine
     * @param connections       opens a connection to the target (one per run)
     * @param targetDescription what to call the target in the result (already redacted)
     */
    public Deployer(Engine engine, ConnectionSupplier connections, String targetDescription) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.connections = Objects.requireNonNull(connections, "connections");
        this.targetDescription = Redaction.redact(targetDescription);
    }

    /** Whether a phase runs in one transaction on this engine. */
    public static boolean transactional(Engine engine) {
        return engine == Engine.POSTGRESQL || engine == Engine.SQLITE;
    }

    /**
     * Deploys (or, with {@link DeployOptions#dryRun()}, plans) {@code input}.
     *
     * @throws SQLException when the target cannot be reached or its catalog cannot be read (not in a dry run, which
     *                      then plans without drift checks); statement failures are outcomes, not exceptions
     */
    public DeployResult run(DeployInput input, DeployOptions options, DeployListener listener) throws SQLException {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        Run run = new Run(input, options, listener == null ? DeployListener.NO_OP : listener);
        if (input.targetEngine() != engine) {
            throw new IllegalArgumentException(input.folder() + ": the objects were converted for "
                    + input.targetEngine().displayName() + ", the target is " + engine.displayName());
        }
        Connection c = null;
        try {
            try {
                c = connections.open();
            } catch (SQLException e) {
                if (!options.dryRun()) {
                    throw e;
                }
                run.noCatalogReason = "cannot connect to the target (" + Redaction.redact(e.getMessage()) + "): no drift check";
            }
            for (DeployPhase phase : DeployPhase.values()) {
                run.phase(c, phase);
            }
        } finally {
            if (c != null) {
                c.close();
            }
        }
        return new DeployResult(targetDescription, engine, options, run.phases, run.outcomes, started,
                Duration.ofNanos(System.nanoTime() - t0));
    }

    /**
     * What {@code prep} would drop or truncate on the target now: the objects {@link #run} selects for it (same
     * selection), each table with its row count up to {@link TargetPrepPreview#ROW_COUNT_LIMIT}. Changes nothing.
     * {@code DO_NOTHING} gives an empty preview without connecting.
     *
     * @throws SQLException when the target cannot be reached or its catalog cannot be read
     */
    public TargetPrepPreview preview(DeployInput input, DeployOptions.TargetPrep prep) throws SQLException {
        Objects.requireNonNull(prep, "prep");
        if (prep == DeployOptions.TargetPrep.DO_NOTHING) {
            return new TargetPrepPreview(prep, targetDescription, List.of());
        }
        if (input.targetEngine() != engine) {
            throw new IllegalArgumentException(input.folder() + ": the objects were converted for "
                    + input.targetEngine().displayName() + ", the target is " + engine.displayName());
        }
        Run run = new Run(input, DeployOptions.defaults().withDryRun(true).withTargetPrep(prep), DeployListener.NO_OP);
        try (Connection c = connections.open()) {
            DatabaseModel catalog = run.readCatalog(c);
            List<TargetPrepPreview.Item> items = new ArrayList<>();
            for (DeployObject o : prepObjects(input, catalog, engine, prep)) {
                long rows = "TABLE".equals(o.type()) ? countRows(c, o) : -1;
                items.add(new TargetPrepPreview.Item(o.key(), o.type(), o.displayName(), rows));
            }
            return new TargetPrepPreview(prep, targetDescription, items);
        }
    }

    /** Rows of {@code o} up to the preview's limit + 1; -1 when the count fails (the preview still lists the table). */
    private long countRows(Connection c, DeployObject o) {
        String sql = "SELECT count(*) FROM (SELECT 1 FROM " + Sql.quote(engine, new QualifiedName(
                engine == Engine.SQLITE ? null : o.schema(), o.name())) + " LIMIT " + (TargetPrepPreview.ROW_COUNT_LIMIT + 1)
                + ") counted";
        try (Statement st = c.createStatement(); var rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : -1;
        } catch (SQLException e) {
            return -1;
        }
    }

    /**
     * The plan's objects {@code prep} handles, given the target's catalog: for {@code DROP_AND_CREATE} the runnable
     * tables, views and materialized views that exist, in reverse deploy order; for {@code TRUNCATE} the runnable tables
     * that exist, in deploy order; none for {@code DO_NOTHING}. Objects outside the plan are never selected.
     */
    static List<DeployObject> prepObjects(DeployInput input, DatabaseModel catalog, Engine engine, DeployOptions.TargetPrep prep) {
        List<DeployObject> selected = new ArrayList<>();
        if (catalog == null || prep == DeployOptions.TargetPrep.DO_NOTHING) {
            return selected;
        }
        boolean drop = prep == DeployOptions.TargetPrep.DROP_AND_CREATE;
        List<DeployObject> all = input.objects();
        for (int n = 0; n < all.size(); n++) {
            DeployObject o = all.get(drop ? all.size() - 1 - n : n);
            boolean table = "TABLE".equals(o.type());
            boolean view = "VIEW".equals(o.type()) || "MATERIALIZED_VIEW".equals(o.type());
            if ((table || drop && view) && o.runnable()
                    && DriftCheck.check(o, catalog, engine).state() != DriftCheck.State.ABSENT) {
                selected.add(o);
            }
        }
        return selected;
    }

    /** The state of one run. */
    private final class Run {
        final DeployInput input;
        final DeployOptions options;
        final DeployListener listener;
        final List<DeployOutcome> outcomes = new ArrayList<>();
        final List<DeployResult.PhaseResult> phases = new ArrayList<>();
        String noCatalogReason;
        boolean failed;
        /** Keys of the tables and views dropped (or, in a dry run, to be dropped) by DROP_AND_CREATE. */
        final Set<String> dropped = new java.util.HashSet<>();

        Run(DeployInput input, DeployOptions options, DeployListener listener) {
            this.input = input;
            this.options = options;
            this.listener = listener;
        }

        void phase(Connection c, DeployPhase phase) throws SQLException {
            List<DeployObject> objects = input.objects().stream().filter(o -> o.phase() == phase).toList();
            if (!options.phases().contains(phase)) {
                return;
            }
            boolean tx = transactional(engine) && !options.dryRun() && c != null;
            listener.onPhaseStart(phase, objects.size(), tx);
            int first = outcomes.size();
            if (failed && options.onError() == DeployOptions.OnError.STOP) {
                for (DeployObject o : objects) {
                    add(outcome(phase, o, DeployOutcome.Action.NONE, DeployOutcome.Status.NOT_RUN,
                            "not run: an earlier phase failed", List.of(), 0));
                }
                end(new DeployResult.PhaseResult(phase, false, DeployResult.PhaseOutcome.NOT_RUN, "an earlier phase failed"));
                return;
            }
            boolean autoCommit = true;
            if (tx) {
                autoCommit = c.getAutoCommit();
                c.setAutoCommit(false);
            }
            boolean error = false;
            try {
                DatabaseModel catalog = c == null ? null : readCatalog(c);
                if (phase == DeployPhase.PRE_LOAD && options.targetPrep() == DeployOptions.TargetPrep.DROP_AND_CREATE) {
                    error = drop(c, catalog, tx);
                    if (!error && c != null && !options.dryRun()) {
                        catalog = readCatalog(c);
                    }
                }
                for (DeployObject o : objects) {
                    if (error && options.onError() == DeployOptions.OnError.STOP) {
                        add(outcome(phase, o, DeployOutcome.Action.NONE, DeployOutcome.Status.NOT_RUN,
                                "not run: the deploy stopped at the first error", List.of(), 0));
                        continue;
                    }
                    error |= deploy(c, phase, o, catalog, tx);
                }
                if (phase == DeployPhase.PRE_LOAD && options.targetPrep() == DeployOptions.TargetPrep.TRUNCATE
                        && !(error && options.onError() == DeployOptions.OnError.STOP)) {
                    error |= truncate(c, catalog);
                }
                failed |= error;
                if (options.dryRun()) {
                    end(new DeployResult.PhaseResult(phase, false, DeployResult.PhaseOutcome.DRY_RUN,
                            noCatalogReason != null ? noCatalogReason : "nothing was changed"));
                } else if (tx && error && options.onError() == DeployOptions.OnError.STOP) {
                    c.rollback();
                    for (int i = first; i < outcomes.size(); i++) {
                        DeployOutcome o = outcomes.get(i);
                        if (o.status() == DeployOutcome.Status.OK) {
                            outcomes.set(i, o.withStatus(DeployOutcome.Status.ROLLED_BACK,
                                    "ran, then rolled back with the phase" + (o.message() == null ? "" : " (" + o.message() + ")")));
                        }
                    }
                    end(new DeployResult.PhaseResult(phase, true, DeployResult.PhaseOutcome.ROLLED_BACK,
                            "an error rolled the whole " + phase.cliName() + " phase back: nothing of it remains on the target"));
                } else if (tx) {
                    c.commit();
                    end(new DeployResult.PhaseResult(phase, true, DeployResult.PhaseOutcome.COMMITTED,
                            error ? "committed without the objects that failed (each ran under its own savepoint)" : null));
                } else {
                    end(new DeployResult.PhaseResult(phase, false, DeployResult.PhaseOutcome.AUTO_COMMITTED,
                            engine.displayName() + " commits each DDL statement implicitly"
                                    + (error ? ": the objects that ran before the error stay on the target" : "")));
                }
            } catch (SQLException | RuntimeException e) {
                if (tx) {
                    try {
                        c.rollback();
                    } catch (SQLException ignored) {
                        // the original failure is what matters
                    }
                }
                throw e;
            } finally {
                if (tx) {
                    c.setAutoCommit(autoCommit);
                }
            }
        }

        private void end(DeployResult.PhaseResult r) {
            phases.add(r);
            listener.onPhaseEnd(r);
        }

        private DatabaseModel readCatalog(Connection c) throws SQLException {
            Set<String> schemas = new LinkedHashSet<>();
            for (DeployObject o : input.objects()) {
                if ("SCHEMA".equals(o.type())) {
                    schemas.add(o.name());
                } else if (!o.schema().isEmpty()) {
                    schemas.add(o.schema());
                }
            }
            if (engine == Engine.SQLITE) {
                schemas.clear();
            }
            return CatalogReaders.forEngine(engine).read(c, new CatalogRequest(List.copyOf(schemas), false, false),
                    CatalogListener.NO_OP);
        }

        /** Deploys one object; returns true on error. */
        private boolean deploy(Connection c, DeployPhase phase, DeployObject o, DatabaseModel catalog, boolean tx)
                throws SQLException {
            if (!o.runnable()) {
                add(outcome(phase, o, DeployOutcome.Action.NONE, DeployOutcome.Status.SKIPPED_MANUAL,
                        o.statements().isEmpty() ? "MANUAL: not converted; convert it by hand"
                                : "MANUAL: the converted SQL did not verify; fix it by hand", List.of(), 0));
                return false;
            }
            DriftCheck.Finding f = catalog == null
                    ? new DriftCheck.Finding(DriftCheck.State.NOT_CHECKED, List.of(), noCatalogReason)
                    : DriftCheck.check(o, catalog, engine);
            if (options.dryRun() && (dropped.contains(o.key()) || o.owningTable() != null
                    && dropped.contains("TABLE:" + (o.schema().isEmpty() ? "" : o.schema() + ".") + o.owningTable()))) {
                f = new DriftCheck.Finding(DriftCheck.State.ABSENT, List.of(), "dropped by drop-and-create first");
            }
            DeployOutcome.Action create = f.state() == DriftCheck.State.NOT_CHECKED && !isCreate(o)
                    ? DeployOutcome.Action.RUN : DeployOutcome.Action.CREATE;
            switch (f.state()) {
                case SAME, EXISTS_NOT_COMPARED -> {
                    add(outcome(phase, o, DeployOutcome.Action.SKIP, DeployOutcome.Status.SKIPPED, "exists: " + f.note(), List.of(), 0));
                    return false;
                }
                case DIFFERENT -> {
                    add(outcome(phase, o, DeployOutcome.Action.NONE, DeployOutcome.Status.DRIFT,
                            "exists and differs from the plan; left as it is", f.differences(), 0));
                    return false;
                }
                default -> {
                    // ABSENT or NOT_CHECKED: run it
                }
            }
            if (options.dryRun()) {
                add(outcome(phase, o, create, DeployOutcome.Status.PLANNED, f.note(), List.of(), 0));
                return false;
            }
            return execute(c, phase, o.key(), o.type(), o.displayName(), o.file(), create, o.statements(), tx, f.note());
        }

        private boolean isCreate(DeployObject o) {
            return !"COMMENT".equals(o.type()) && !"STATEMENT".equals(o.type());
        }

        private boolean execute(Connection c, DeployPhase phase, String key, String type, String name, String file,
                                DeployOutcome.Action action, List<String> statements, boolean tx, String note)
                throws SQLException {
            long t = System.nanoTime();
            Savepoint sp = tx && options.onError() == DeployOptions.OnError.CONTINUE ? c.setSavepoint() : null;
            try (Statement st = c.createStatement()) {
                for (String sql : statements) {
                    st.execute(sql);
                }
                if (sp != null) {
                    c.releaseSavepoint(sp);
                }
                add(new DeployOutcome(phase, outcomes.size() + 1, key, type, name, file, action, DeployOutcome.Status.OK,
                        note, List.of(), millis(t)));
                return false;
            } catch (SQLException e) {
                if (sp != null) {
                    c.rollback(sp);
                }
                add(new DeployOutcome(phase, outcomes.size() + 1, key, type, name, file, action, DeployOutcome.Status.ERROR,
                        serverMessage(e), List.of(), millis(t)));
                return true;
            }
        }

        /**
         * DROP_AND_CREATE: the plan's existing views (reverse deploy order, one by one), then the plan's existing tables
         * in one statement (so foreign keys between them, even circular ones, do not block it). Nothing outside the plan
         * is dropped: no CASCADE; a dependent object outside the plan makes it fail with the server's message.
         * Returns true on error.
         */
        private boolean drop(Connection c, DatabaseModel catalog, boolean tx) throws SQLException {
            if (catalog == null) {
                return false; // dry run without a connection: nothing known to exist
            }
            List<DeployObject> tables = new ArrayList<>();
            boolean error = false;
            for (DeployObject o : prepObjects(input, catalog, engine, DeployOptions.TargetPrep.DROP_AND_CREATE)) {
                boolean table = "TABLE".equals(o.type());
                dropped.add(o.key());
                if (table) {
                    tables.add(o);
                    continue;
                }
                if (error && options.onError() == DeployOptions.OnError.STOP) {
                    return true;
                }
                String sql = ("VIEW".equals(o.type()) ? "DROP VIEW " : "DROP MATERIALIZED VIEW ") + qualified(o);
                error |= dropStep(c, o.key(), o.type(), o.displayName(), o.file(), List.of(sql), sql, tx);
            }
            if (tables.isEmpty() || error && options.onError() == DeployOptions.OnError.STOP) {
                return error;
            }
            String names = String.join(", ", tables.stream().map(DeployObject::displayName).toList());
            if (engine == Engine.SQLITE) {
                for (DeployObject o : tables) {
                    String sql = "DROP TABLE " + qualified(o);
                    error |= dropStep(c, o.key(), o.type(), o.displayName(), o.file(), List.of(sql), sql, tx);
                }
                return error;
            }
            String sql = "DROP TABLE " + String.join(", ", tables.stream().map(this::qualified).toList());
            List<String> statements = engine == Engine.MYSQL
                    ? List.of("SET FOREIGN_KEY_CHECKS = 0", sql, "SET FOREIGN_KEY_CHECKS = 1") : List.of(sql);
            boolean failedHere = dropStep(c, "DROP", "TABLE", names, null, statements, sql, tx);
            if (failedHere && engine == Engine.MYSQL && !options.dryRun()) {
                try (Statement st = c.createStatement()) {
                    st.execute("SET FOREIGN_KEY_CHECKS = 1");
                }
            }
            return error | failedHere;
        }

        private boolean dropStep(Connection c, String key, String type, String name, String file, List<String> statements,
                                 String shown, boolean tx) throws SQLException {
            if (options.dryRun()) {
                add(new DeployOutcome(DeployPhase.PRE_LOAD, outcomes.size() + 1, key, type, name, file,
                        DeployOutcome.Action.DROP, DeployOutcome.Status.PLANNED, "would run: " + shown, List.of(), 0));
                return false;
            }
            return execute(c, DeployPhase.PRE_LOAD, key, type, name, file, DeployOutcome.Action.DROP, statements, tx,
                    "target prep drop-and-create: " + shown);
        }

        private String qualified(DeployObject o) {
            return Sql.quote(engine, new QualifiedName(engine == Engine.SQLITE ? null : o.schema(), o.name()));
        }

        /** TRUNCATE: the plan's tables that existed before the phase. Returns true on error. */
        private boolean truncate(Connection c, DatabaseModel catalog) throws SQLException {
            if (catalog == null) {
                return false;
            }
            List<DeployObject> tables = prepObjects(input, catalog, engine, DeployOptions.TargetPrep.TRUNCATE);
            if (tables.isEmpty()) {
                return false;
            }
            if (engine == Engine.POSTGRESQL) {
                // one statement: foreign keys between the plan's tables do not block it, and nothing outside the plan
                // is touched (no CASCADE: a foreign key from another table makes it fail with the server's message)
                String sql = "TRUNCATE TABLE " + String.join(", ", tables.stream()
                        .map(o -> Sql.quote(engine, new QualifiedName(o.schema(), o.name()))).toList());
                String names = String.join(", ", tables.stream().map(DeployObject::displayName).toList());
                if (options.dryRun()) {
                    add(new DeployOutcome(DeployPhase.PRE_LOAD, outcomes.size() + 1, "TRUNCATE", "TABLE", names, null,
                            DeployOutcome.Action.TRUNCATE, DeployOutcome.Status.PLANNED, "would run: " + sql, List.of(), 0));
                    return false;
                }
                return execute(c, DeployPhase.PRE_LOAD, "TRUNCATE", "TABLE", names, null, DeployOutcome.Action.TRUNCATE,
                        List.of(sql), transactional(engine), "target prep truncate: " + sql);
            }
            boolean error = false;
            for (DeployObject o : tables) {
                String q = Sql.quote(engine, new QualifiedName(engine == Engine.SQLITE ? null : o.schema(), o.name()));
                String sql = engine == Engine.SQLITE ? "DELETE FROM " + q : "TRUNCATE TABLE " + q;
                if (options.dryRun()) {
                    add(new DeployOutcome(DeployPhase.PRE_LOAD, outcomes.size() + 1, o.key(), o.type(), o.displayName(), o.file(),
                            DeployOutcome.Action.TRUNCATE, DeployOutcome.Status.PLANNED, "would run: " + sql, List.of(), 0));
                    continue;
                }
                if (error && options.onError() == DeployOptions.OnError.STOP) {
                    add(new DeployOutcome(DeployPhase.PRE_LOAD, outcomes.size() + 1, o.key(), o.type(), o.displayName(), o.file(),
                            DeployOutcome.Action.TRUNCATE, DeployOutcome.Status.NOT_RUN, "not run: an earlier truncate failed", List.of(), 0));
                    continue;
                }
                // MySQL/MariaDB refuse TRUNCATE of a table referenced by a foreign key even when the plan empties the
                // referencing table too: the checks are off for this statement only
                List<String> statements = engine == Engine.MYSQL
                        ? List.of("SET FOREIGN_KEY_CHECKS = 0", sql, "SET FOREIGN_KEY_CHECKS = 1") : List.of(sql);
                boolean failedHere = execute(c, DeployPhase.PRE_LOAD, o.key(), o.type(), o.displayName(), o.file(),
                        DeployOutcome.Action.TRUNCATE, statements, transactional(engine), "target prep truncate: " + sql);
                if (failedHere && engine == Engine.MYSQL) {
                    try (Statement st = c.createStatement()) {
                        st.execute("SET FOREIGN_KEY_CHECKS = 1");
                    }
                }
                error |= failedHere;
            }
            return error;
        }

        private DeployOutcome outcome(DeployPhase phase, DeployObject o, DeployOutcome.Action action, DeployOutcome.Status status,
                                      String message, List<String> diffs, long millis) {
            return new DeployOutcome(phase, outcomes.size() + 1, o.key(), o.type(), o.displayName(), o.file(), action, status,
                    message, diffs, millis);
        }

        private void add(DeployOutcome o) {
            outcomes.add(o);
            listener.onOutcome(o);
        }
    }

    private static long millis(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    /** The server's message (and SQLSTATE), redacted. */
    static String serverMessage(SQLException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        String state = e.getSQLState();
        return Redaction.redact(state == null || m.contains(state) ? m : m + " [SQLSTATE " + state + "]");
    }
}
