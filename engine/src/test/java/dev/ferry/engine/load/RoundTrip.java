package dev.ferry.engine.load;

import dev.ferry.engine.catalog.CatalogListener;
import dev.ferry.engine.catalog.CatalogReaders;
import dev.ferry.engine.catalog.CatalogRequest;
import dev.ferry.engine.cdc.SourcePosition;
import dev.ferry.engine.cdc.apply.ApplyListener;
import dev.ferry.engine.cdc.apply.ApplySettings;
import dev.ferry.engine.cdc.apply.ChangeApplier;
import dev.ferry.engine.cdc.apply.TaskCapture;
import dev.ferry.engine.cdc.mysql.MySqlCdcConfig;
import dev.ferry.engine.cdc.postgres.PostgresCdcConfig;
import dev.ferry.engine.cdc.sqlite.SqliteCdcConfig;
import dev.ferry.engine.load.mysql.MySqlSourceSnapshot;
import dev.ferry.engine.load.postgres.PostgresPlainSnapshot;
import dev.ferry.engine.load.sqlite.SqliteSourceSnapshot;
import dev.ferry.engine.validate.TableValidation;
import dev.ferry.engine.validate.Validator;
import dev.ferry.model.schema.DatabaseModel;
import dev.ferry.model.schema.Engine;
import dev.ferry.model.schema.QualifiedName;
import dev.ferry.model.schema.Table;
import dev.ferry.testsupport.TestServer;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Table-driven round trips of edge values through the real {@link FullLoad}: for each {@link Group} a source table
 * {@code rt_<group>(id int primary key, v <source type>)} is created and filled with the group's literals (one row per
 * case, id = case number), a target table {@code rt_<group>(id, v <target type>)} is created, everything is loaded in
 * ONE full load, then every target value is read back through JDBC and compared exactly with the case's expectation, or
 * the row must be absent from the target and present in {@code ferry_exceptions} (table, key, column, value excerpt,
 * reason). Finally the {@link Validator} must agree: VALIDATED for groups without rejections or lossy cases, and the
 * rejected keys listed as missing otherwise.
 *
 * <p>Read-back text per target engine: PostgreSQL {@code v::text} in a UTC session; MySQL {@code CAST(v AS CHAR)}
 * ({@code HEX(v)} for binary types); SQLite {@code typeof(v) || ':' || value} with REAL rendered by
 * {@link Double#toString} and BLOB in hex.
 */
final class RoundTrip {

    /** Expected outcome of one case: the target's text, SQL NULL, or a rejection whose reason contains the text. */
    record Case(String literal, String expect, boolean rejected, boolean lossy) {
    }

    /** Exact value expected on the target (null = SQL NULL). */
    static Case c(String literal, String expect) {
        return new Case(literal, expect, false, false);
    }

    /** The value changes on purpose (zero date → NULL): the validator sees the same normalised value or not. */
    static Case changed(String literal, String expect) {
        return new Case(literal, expect, false, true);
    }

    /** The row must go to ferry_exceptions with a reason containing {@code reason}. */
    static Case rejected(String literal, String reason) {
        return new Case(literal, reason, true, false);
    }

    /**
     * One column type under test.
     *
     * @param readAs target read-back expression with {@code v} as the column ({@code null}: the engine's default)
     */
    record Group(String name, String sourceType, String targetType, String readAs, List<Case> cases) {
        Group(String name, String sourceType, String targetType, Case... cases) {
            this(name, sourceType, targetType, null, List.of(cases));
        }

        Group readAs(String expression) {
            return new Group(name, sourceType, targetType, expression, cases);
        }

        String table() {
            return "rt_" + name;
        }
    }

    /** One database of a round trip. */
    record Side(Engine engine, String schema, ConnectionSupplier connections, Capture capture) {

        /** Opens the change capture of a source side for a task over the given tables. */
        interface Capture {
            TaskCapture open(String task, List<String> tables);
        }

        static Side postgres(TestServer pg, String db) {
            return new Side(Engine.POSTGRESQL, "public", () -> pg.connect(db),
                    (task, tables) -> TaskCapture.postgres(PostgresCdcConfig.forTask(pg.jdbcUrl(db), pg.user(),
                            pg.password().toCharArray(), task).withStatusInterval(java.time.Duration.ofMillis(200))));
        }

        /**
         * A MariaDB database whose sessions start in time zone +05:00, like a server running in local time: the load
         * must not depend on the session zone (TIMESTAMP columns are instants).
         */
        static Side mysql(TestServer my, String db) {
            return new Side(Engine.MYSQL, db, () -> {
                Connection c = my.connect(db);
                try (Statement st = c.createStatement()) {
                    st.execute("SET time_zone = '+05:00'");
                }
                return c;
            }, (task, tables) -> TaskCapture.mysql(MySqlCdcConfig.forTables(my.jdbcUrl(db), my.user(),
                    my.password().toCharArray(), tables.stream().map(t -> new QualifiedName(db, t)).toList())));
        }

        static Side sqlite(Path file) {
            return new Side(Engine.SQLITE, "main", () -> DriverManager.getConnection("jdbc:sqlite:" + file),
                    (task, tables) -> TaskCapture.sqlite(SqliteCdcConfig.of("jdbc:sqlite:" + file)
                            .withPollInterval(java.time.Duration.ofMillis(50)), tables));
        }

        LoadEndpoint endpoint() {
            return new LoadEndpoint(engine, connections);
        }

        void execute(String... sql) throws SQLException {
            try (Connection c = connections.open(); Statement st = c.createStatement()) {
                if (engine == Engine.MYSQL) {
                    st.execute("SET SESSION sql_mode = 'NO_ENGINE_SUBSTITUTION'"); // lets the test insert zero dates
                    st.execute("SET time_zone = '+00:00'"); // TIMESTAMP literals are UTC
                }
                for (String s : sql) {
                    st.execute(s);
                }
            }
        }

        String create(Group g, String type) {
            String suffix = engine == Engine.MYSQL ? " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4" : "";
            return "CREATE TABLE " + Sql.quote(engine, g.table()) + " (id integer NOT NULL PRIMARY KEY, v " + type + ")" + suffix;
        }

        String readExpression(Group g) {
            if (g.readAs() != null) {
                return g.readAs();
            }
            switch (engine) {
                case POSTGRESQL:
                    return "v::text";
                case MYSQL: {
                    String t = g.targetType().toLowerCase(java.util.Locale.ROOT);
                    return t.contains("blob") || t.contains("binary") ? "HEX(v)" : "CAST(v AS CHAR)";
                }
                default:
                    return "v";
            }
        }

        /** id → target text of every row of the group's table. */
        Map<Integer, String> read(Group g) throws SQLException {
            Map<Integer, String> out = new LinkedHashMap<>();
            try (Connection c = connections.open(); Statement st = c.createStatement()) {
                if (engine == Engine.POSTGRESQL) {
                    st.execute("SET TIME ZONE 'UTC'");
                    st.execute("SET extra_float_digits = 1");
                } else if (engine == Engine.MYSQL) {
                    st.execute("SET time_zone = '+00:00'");
                }
                String sql = engine == Engine.SQLITE
                        ? "SELECT id, typeof(v), v FROM " + Sql.quote(engine, g.table()) + " ORDER BY id"
                        : "SELECT id, " + readExpression(g) + " FROM " + Sql.quote(engine, g.table()) + " ORDER BY id";
                try (ResultSet rs = st.executeQuery(sql)) {
                    while (rs.next()) {
                        out.put(rs.getInt(1), engine == Engine.SQLITE ? sqliteText(rs) : rs.getString(2));
                    }
                }
            }
            return out;
        }

        private static String sqliteText(ResultSet rs) throws SQLException {
            String type = rs.getString(2);
            switch (type) {
                case "null":
                    return null;
                case "real":
                    return "real:" + rs.getDouble(3);
                case "blob":
                    return "blob:" + Hex.of(rs.getBytes(3));
                default:
                    return type + ":" + rs.getString(3);
            }
        }

        SourceSnapshot snapshot() throws SQLException {
            switch (engine) {
                case POSTGRESQL:
                    return PostgresPlainSnapshot.export(connections);
                case MYSQL:
                    return new MySqlSourceSnapshot();
                default:
                    return new SqliteSourceSnapshot();
            }
        }

        DatabaseModel catalog() throws SQLException {
            try (Connection c = connections.open()) {
                return CatalogReaders.forEngine(engine).read(c, CatalogRequest.schemas(schema), CatalogListener.NO_OP);
            }
        }
    }

    /** A rejected row as found in ferry_exceptions. */
    record Exception(String table, String key, String column, String excerpt, String reason) {
    }

    /** What one round trip produced. */
    record Outcome(LoadResult result, Map<String, Map<Integer, String>> values, List<Exception> exceptions,
                   Map<String, TableValidation> validation, String targetSchema) {
    }

    private RoundTrip() {
    }

    /**
     * Creates and fills the source tables, creates the target tables, runs one full load of all groups, reads back the
     * target and asserts every case and the validation.
     */
    /** {@link #run} or {@link #runCdc} in either apply mode, per {@code mode}. */
    static Outcome run(RoundTripIT.Mode mode, String task, Side source, Side target, Path stateDir, List<Group> groups)
            throws java.lang.Exception {
        return switch (mode) {
            case LOAD -> run(task, source, target, stateDir, groups);
            case CDC -> runCdc(task + "_c", source, target, groups, false);
            case CDC_BATCH -> runCdc(task + "_b", source, target, groups, true);
        };
    }

    static Outcome run(String task, Side source, Side target, Path stateDir, List<Group> groups) throws java.lang.Exception {
        return run(task, source, target, stateDir, groups, LoadSettings.defaults(task).withMaxSubTasks(4));
    }

    static Outcome run(String task, Side source, Side target, Path stateDir, List<Group> groups, LoadSettings settings)
            throws java.lang.Exception {
        for (Group g : groups) {
            source.execute(source.create(g, g.sourceType()));
            target.execute(target.create(g, g.targetType()));
            source.execute(inserts(source, g).toArray(String[]::new));
        }
        LoadPlan plan = plan(source, target, groups, settings);
        LoadEndpoint from = source.endpoint();
        LoadEndpoint to = target.endpoint();
        LoadResult result;
        try (LoadStateStore store = LoadStateStore.open(stateDir.resolve(task + ".load.db"));
             SourceSnapshot snapshot = source.snapshot()) {
            result = new FullLoad(from, to, settings, store, LoadListener.NO_OP).run(plan, snapshot);
        }
        Outcome outcome = outcome(task, source, target, groups, plan, result);
        verify(source, groups, outcome);
        return outcome;
    }

    private static List<String> inserts(Side source, Group g) {
        List<String> inserts = new ArrayList<>();
        for (int i = 0; i < g.cases().size(); i++) {
            inserts.add("INSERT INTO " + Sql.quote(source.engine(), g.table()) + " (id, v) VALUES (" + (i + 1) + ", "
                    + g.cases().get(i).literal() + ")");
        }
        return inserts;
    }

    /**
     * The same cases through change data capture instead of the full load: empty tables on both sides, capture started
     * at {@code now}, then every case INSERTed on the source (one transaction per row) and streamed by a
     * {@link ChangeApplier} with the skip-row error policy; the target must hold exactly what the full load would have
     * written, and every refused row must be in {@code ferry_exceptions} with the same reason. Then every surviving
     * row's key is changed on the source ({@code id = id + 1000}: an UPDATE whose after-image carries the value again)
     * and the target must hold the same values under the new keys.
     */
    static Outcome runCdc(String task, Side source, Side target, List<Group> groups, boolean batch) throws java.lang.Exception {
        List<String> tables = new ArrayList<>();
        for (Group g : groups) {
            source.execute(source.create(g, g.sourceType()));
            target.execute(target.create(g, g.targetType()));
            tables.add(g.table());
        }
        LoadPlan plan = plan(source, target, groups, LoadSettings.defaults(task));
        ApplySettings settings = ApplySettings.defaults(task).intoSchema(target.schema())
                .withErrorPolicy(ErrorPolicy.SKIP_ROW).withCommit(50, java.time.Duration.ofMillis(50)).withBatchApply(batch);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        TaskCapture capture = source.capture().open(task, tables);
        ChangeApplier applier = new ChangeApplier(capture.changeSource(), target.endpoint(), settings, ApplyListener.NO_OP);
        try {
            capture.prepare();
            SourcePosition start = capture.startAt("now");
            applier.initializePosition(start);
            applier.start();
            java.util.concurrent.Future<?> running = pool.submit(() -> {
                applier.run();
                return null;
            });
            int cases = 0;
            for (Group g : groups) {
                for (String insert : inserts(source, g)) {
                    source.execute(insert);
                    cases++;
                }
            }
            int expected = cases;
            await().atMost(java.time.Duration.ofSeconds(90)).pollInterval(java.time.Duration.ofMillis(200))
                    .failFast("the applier ended", running::isDone)
                    .until(() -> rowsOnTarget(target, groups) + exceptionCount(target, task) >= expected);
            Outcome outcome = outcome(task, source, target, groups, plan, null);
            verify(source, groups, outcome);

            // key changes: every row that reached the target moves to id + 1000, carrying its value through an UPDATE
            long exceptionsBefore = exceptionCount(target, task);
            for (Group g : groups) {
                source.execute("UPDATE " + Sql.quote(source.engine(), g.table()) + " SET id = id + 1000");
            }
            await().atMost(java.time.Duration.ofSeconds(90)).pollInterval(java.time.Duration.ofMillis(200))
                    .failFast("the applier ended", running::isDone)
                    .until(() -> movedOnTarget(target, groups) + (exceptionCount(target, task) - exceptionsBefore) >= expected);
            List<String> failures = new ArrayList<>();
            for (Group g : groups) {
                Map<Integer, String> before = outcome.values().get(g.name());
                Map<Integer, String> after = target.read(g);
                for (Map.Entry<Integer, String> e : before.entrySet()) {
                    int moved = e.getKey() + 1000;
                    if (!after.containsKey(moved)) {
                        failures.add(g.name() + " #" + e.getKey() + ": the key change to " + moved + " did not reach the target");
                    } else if (!Objects.equals(after.get(moved), e.getValue())) {
                        failures.add(g.name() + " #" + e.getKey() + ": after the key change <" + after.get(moved)
                                + "> instead of <" + e.getValue() + ">");
                    }
                }
                for (Integer id : after.keySet()) {
                    if (id < 1000) {
                        failures.add(g.name() + " #" + id + ": still on the target under its old key");
                    }
                }
            }
            assertThat(failures).as("key-change failures (" + source.engine() + " -> " + target.engine() + ", batch " + batch + ")")
                    .isEmpty();
            applier.stop();
            running.get(30, java.util.concurrent.TimeUnit.SECONDS);
            return outcome;
        } finally {
            applier.close();
            pool.shutdownNow();
            // a just-closed walsender may hold the slot for a moment
            await().atMost(java.time.Duration.ofSeconds(30)).ignoreExceptions().until(() -> capture.cleanup() != null);
            capture.close();
        }
    }

    private static long rowsOnTarget(Side target, List<Group> groups) throws SQLException {
        long n = 0;
        for (Group g : groups) {
            n += target.read(g).size();
        }
        return n;
    }

    private static long movedOnTarget(Side target, List<Group> groups) throws SQLException {
        long n = 0;
        for (Group g : groups) {
            n += target.read(g).keySet().stream().filter(id -> id > 1000).count();
        }
        return n;
    }

    private static long exceptionCount(Side target, String task) throws SQLException {
        try (Connection c = target.connections().open()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM ferry_exceptions WHERE task = ?")) {
                ps.setString(1, task);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            } catch (SQLException e) {
                return 0; // not created yet
            }
        }
    }

    private static LoadPlan plan(Side source, Side target, List<Group> groups, LoadSettings settings) throws SQLException {
        DatabaseModel sourceModel = source.catalog();
        DatabaseModel targetModel = target.catalog();
        List<LoadPlanner.TablePair> pairs = new ArrayList<>();
        for (Group g : groups) {
            Table s = sourceModel.schema(source.schema()).orElseThrow().table(g.table()).orElseThrow();
            Table t = targetModel.schema(target.schema()).orElseThrow().table(g.table()).orElseThrow();
            pairs.add(new LoadPlanner.TablePair(s, t));
        }
        return new LoadPlanner(source.endpoint(), settings).plan(pairs);
    }

    private static Outcome outcome(String task, Side source, Side target, List<Group> groups, LoadPlan plan, LoadResult result)
            throws SQLException {
        LoadEndpoint from = source.endpoint();
        LoadEndpoint to = target.endpoint();
        Map<String, Map<Integer, String>> values = new LinkedHashMap<>();
        for (Group g : groups) {
            values.put(g.name(), target.read(g));
        }
        List<Exception> exceptions = new ArrayList<>();
        try (Connection c = to.connections().open(); PreparedStatement ps = c.prepareStatement(
                "SELECT table_name, key_text, column_name, value_excerpt, reason FROM ferry_exceptions WHERE task = ? ORDER BY id")) {
            ps.setString(1, task);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    exceptions.add(new Exception(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                }
            }
        }
        Map<String, TableValidation> validation = new LinkedHashMap<>();
        List<TableValidation> v = Validator.compare(from, to, plan.jobs());
        for (int i = 0; i < groups.size(); i++) {
            validation.put(groups.get(i).name(), v.get(i));
        }
        return new Outcome(result, values, exceptions, validation, target.schema());
    }

    private static void verify(Side source, List<Group> groups, Outcome o) {
        List<String> failures = new ArrayList<>();
        for (Group g : groups) {
            Map<Integer, String> got = o.values().get(g.name());
            String tableKey = source.schema() + "." + g.table();
            String targetKey = o.targetSchema() + "." + g.table(); // the applier names the target table it writes
            List<String> rejectedKeys = new ArrayList<>();
            boolean lossy = false;
            for (int i = 0; i < g.cases().size(); i++) {
                Case k = g.cases().get(i);
                int id = i + 1;
                String where = g.name() + " #" + id + " " + k.literal() + " (" + g.sourceType() + " -> " + g.targetType() + ")";
                List<Exception> ex = o.exceptions().stream()
                        .filter(e -> (e.table().equals(tableKey) || e.table().equals(targetKey)) && ("id=" + id).equals(e.key()))
                        .toList();
                if (k.rejected()) {
                    rejectedKeys.add("id=" + id);
                    if (got.containsKey(id)) {
                        failures.add(where + ": expected a rejection (" + k.expect() + ") but the target holds " + got.get(id));
                    } else if (ex.size() != 1) {
                        failures.add(where + ": expected one ferry_exceptions row, found " + ex + " among " + o.exceptions());
                    } else if (!"v".equals(ex.get(0).column()) && ex.get(0).column() != null) {
                        failures.add(where + ": exception names column " + ex.get(0).column());
                    } else if (!ex.get(0).reason().contains(k.expect())) {
                        failures.add(where + ": reason '" + ex.get(0).reason() + "' does not contain '" + k.expect() + "'");
                    }
                } else {
                    lossy |= k.lossy();
                    if (!got.containsKey(id)) {
                        failures.add(where + ": row missing on the target; exceptions: " + ex);
                    } else if (!Objects.equals(got.get(id), k.expect())) {
                        failures.add(where + ": expected <" + k.expect() + "> but was <" + got.get(id) + ">");
                    }
                }
            }
            TableValidation v = o.validation().get(g.name());
            if (rejectedKeys.isEmpty() && !lossy && v.status() != TableValidation.Status.VALIDATED) {
                failures.add(g.name() + ": validation " + v);
            }
            if (!rejectedKeys.isEmpty() && !v.missingKeys().containsAll(rejectedKeys)) {
                failures.add(g.name() + ": validation does not list the rejected keys " + rejectedKeys + " as missing: " + v);
            }
        }
        assertThat(failures).as("round-trip failures").isEmpty();
    }
}
