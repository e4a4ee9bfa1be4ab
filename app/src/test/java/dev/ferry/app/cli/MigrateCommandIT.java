package dev.ferry.app.cli;

import dev.ferry.app.demo.DemoEnvironment;
import dev.ferry.model.project.EndpointConfig;
import dev.ferry.model.project.ObjectLocator;
import dev.ferry.model.project.Project;
import dev.ferry.model.project.ProjectFiles;
import dev.ferry.model.project.SelectionRule;
import dev.ferry.model.project.TableMappingRule;
import dev.ferry.model.project.TableMappings;
import dev.ferry.model.project.TaskConfig;
import dev.ferry.model.project.TaskSettings;
import dev.ferry.model.project.TaskType;
import dev.ferry.model.project.TlsMode;
import dev.ferry.model.project.TransformationRule;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ferry migrate} and {@code ferry validate} end to end on the built-in demo (generated SQLite store → embedded
 * PostgreSQL). The demo has no deploy step yet, so each test creates the target tables by hand.
 */
class MigrateCommandIT {

    /** PostgreSQL tables matching {@code DemoStore.ddl()}. */
    static final List<String> PG_DDL = List.of(
            "CREATE TABLE categories (category_id integer PRIMARY KEY, name varchar(60) NOT NULL UNIQUE, description text)",
            "CREATE TABLE products (product_id integer PRIMARY KEY, category_id integer NOT NULL, sku varchar(20) NOT NULL,"
                    + " name varchar(200) NOT NULL, price numeric(10,2) NOT NULL, in_stock integer NOT NULL,"
                    + " discontinued boolean NOT NULL, weight_kg double precision, thumbnail bytea)",
            "CREATE TABLE customers (customer_id integer PRIMARY KEY, first_name varchar(50) NOT NULL, last_name varchar(50) NOT NULL,"
                    + " email varchar(120) NOT NULL, phone varchar(30), country char(2), created_at timestamp NOT NULL,"
                    + " vip boolean NOT NULL)",
            "CREATE TABLE orders (order_id integer PRIMARY KEY, customer_id integer NOT NULL, ordered_at timestamp NOT NULL,"
                    + " status varchar(12) NOT NULL, note text)",
            "CREATE TABLE order_items (order_id integer NOT NULL, line_no integer NOT NULL, product_id integer NOT NULL,"
                    + " quantity integer NOT NULL, unit_price numeric(10,2) NOT NULL, PRIMARY KEY (order_id, line_no))",
            "CREATE TABLE payments (payment_id integer PRIMARY KEY, order_id integer NOT NULL, amount numeric(12,2) NOT NULL,"
                    + " method varchar(20) NOT NULL, paid_at timestamp)",
            "CREATE TABLE inventory_log (log_id integer PRIMARY KEY, product_id integer NOT NULL, delta integer NOT NULL,"
                    + " logged_at timestamp NOT NULL)");

    static final List<String> TABLES = List.of("categories", "products", "customers", "orders", "order_items", "payments",
            "inventory_log");

    @TempDir
    static Path home;

    static DemoEnvironment demo;

    @TempDir
    Path dir;

    @BeforeAll
    static void startDemo() throws Exception {
        demo = DemoEnvironment.start(home.resolve("demo"), 1);
    }

    @AfterAll
    static void stopDemo() throws Exception {
        if (demo != null) {
            demo.close();
        }
    }

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = FerryCli.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true), CommandLine.defaultFactory())
                .execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    static String createTargetDatabase(DemoEnvironment demo, String name, List<String> ddl) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + demo.targetPort() + "/postgres", "postgres", "");
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        try (Connection c = DriverManager.getConnection(url(demo, name), "postgres", ""); Statement st = c.createStatement()) {
            for (String s : ddl) {
                st.execute(s);
            }
        }
        return name;
    }

    static String url(DemoEnvironment demo, String db) {
        return "jdbc:postgresql://localhost:" + demo.targetPort() + "/" + db;
    }

    static TaskSettings settings(TaskSettings.PrepMode prep, boolean validate) {
        return new TaskSettings(4, 10000, prep, TaskSettings.LobMode.LIMITED, 32, 64, TaskSettings.ErrorPolicy.DEFAULTS,
                false, null, null, validate);
    }

    /** A project: the demo's SQLite store → database {@code db} of the demo's PostgreSQL. */
    static Path project(Path dir, DemoEnvironment demo, String db, List<TableMappingRule> rules, TaskSettings settings) throws Exception {
        EndpointConfig source = new EndpointConfig("src", dev.ferry.model.schema.Engine.SQLITE, null, null, null, null, null, null,
                TlsMode.DISABLE, null, null, demo.sourceFile().toAbsolutePath().toString());
        EndpointConfig target = new EndpointConfig("dst", dev.ferry.model.schema.Engine.POSTGRESQL, "localhost", demo.targetPort(),
                db, "postgres", null, null, TlsMode.DISABLE, null, null, null);
        Project p = Project.empty("it").withEndpoint(source).withEndpoint(target).withTableMappings(new TableMappings(rules))
                .withTask(new TaskConfig("load", TaskType.FULL_LOAD, "src", "dst", settings));
        Path file = dir.resolve("p.ferry.json");
        ProjectFiles.save(p, file);
        return file;
    }

    static long count(String jdbcUrl, String user, String sql) throws Exception {
        try (Connection c = user == null ? DriverManager.getConnection(jdbcUrl) : DriverManager.getConnection(jdbcUrl, user, "");
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static Map<String, Long> counts(String jdbcUrl, String user) throws Exception {
        Map<String, Long> m = new LinkedHashMap<>();
        for (String t : TABLES) {
            m.put(t, count(jdbcUrl, user, "SELECT COUNT(*) FROM " + t));
        }
        return m;
    }

    @Test
    void demoProjectMigratesAndValidatesWithExactCounts() throws Exception {
        Path file = demo.writeProject();
        Run missing = run("migrate", "--project", file.toString());
        assertThat(missing.exit()).as(missing.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("target table public.orders (for main.orders) does not exist").contains("ferry deploy");

        try (Connection c = DriverManager.getConnection(demo.targetJdbcUrl(), "postgres", ""); Statement st = c.createStatement()) {
            for (String s : PG_DDL) {
                st.execute(s);
            }
        }
        Run migrate = run("migrate", "--project", file.toString(), "--validate", "--progress-interval", "500",
                "--stop-after-full-load");
        System.out.println(migrate.err() + migrate.out());
        assertThat(migrate.exit()).as(migrate.out() + migrate.err()).isZero();
        Map<String, Long> source = counts(demo.sourceJdbcUrl(), null);
        assertThat(counts(demo.targetJdbcUrl(), "postgres")).isEqualTo(source);
        assertThat(source.values().stream().mapToLong(Long::longValue).sum()).isGreaterThan(8000);
        assertThat(migrate.out()).contains("SUCCEEDED").contains("0 failed validation").contains("main.order_items -> public.order_items");
        for (String t : TABLES) {
            assertThat(migrate.out()).containsPattern("main\\." + t + " -> public\\." + t + "\\s+"
                    + String.format(java.util.Locale.US, "%,d", source.get(t)) + "\\s+0\\s+\\S+\\s+ok");
        }
        long total = source.values().stream().mapToLong(Long::longValue).sum();
        assertThat(migrate.err()).contains(String.format(java.util.Locale.US, "progress: 7/7 tables, %,d/%,d rows", total, total));
        Path result = file.getParent().resolve(".ferry").resolve("demo.result.json");
        assertThat(Files.readString(result)).contains("\"status\": \"SUCCEEDED\"").contains("\"exitCode\": 0")
                .contains("\"table\": \"main.orders\"").contains("\"status\": \"VALIDATED\"");
        assertThat(file.getParent().resolve(".ferry").resolve("demo.load.db")).exists();

        Run validate = run("validate", "--project", file.toString());
        assertThat(validate.exit()).as(validate.out() + validate.err()).isZero();
        assertThat(validate.out()).contains("VALIDATED: 7 tables compared, 0 failed validation");

        // a second migrate of this full-load-and-cdc task loads nothing again: it streams from the stored position
        Run again = run("migrate", "--project", file.toString(), "--validate", "--stop-at",
                CdcMigrateIT.serverTimeIn(java.time.Duration.ofSeconds(3)));
        assertThat(again.err()).contains("resumes streaming after its stored position");
        assertThat(again.exit()).as(again.out() + again.err()).isZero();
        assertThat(counts(demo.targetJdbcUrl(), "postgres")).isEqualTo(source);

        // a changed target row is found by ferry validate
        try (Connection c = DriverManager.getConnection(demo.targetJdbcUrl(), "postgres", ""); Statement st = c.createStatement()) {
            st.execute("UPDATE orders SET status = 'tampered' WHERE order_id = (SELECT MIN(order_id) FROM orders)");
            st.execute("DELETE FROM payments WHERE payment_id = (SELECT MAX(payment_id) FROM payments)");
        }
        Run mismatch = run("validate", "--project", file.toString());
        assertThat(mismatch.exit()).isEqualTo(ExitCodes.WORK_FAILED);
        assertThat(mismatch.out()).contains("MISMATCHED: 7 tables compared, 2 failed validation")
                .contains("1 missing").contains("1 different").contains("[status]");
    }

    @Test
    void deferIndexesDuringLoadFalseKeepsTheTargetIndexesInPlace() throws Exception {
        List<String> ddl = new java.util.ArrayList<>(PG_DDL);
        ddl.add("CREATE INDEX orders_customer ON orders (customer_id)");
        Map<String, String> oids = new LinkedHashMap<>();
        for (boolean defer : List.of(true, false)) {
            String db = createTargetDatabase(demo, "ferry_defer_" + defer, ddl);
            Map<String, String> before = indexOids(url(demo, db));
            assertThat(before).containsKeys("orders_pkey", "orders_customer");
            Path projectDir = Files.createDirectories(dir.resolve("defer-" + defer));
            Path file = project(projectDir, demo, db, List.of(SelectionRule.include("1", "main", "orders")),
                    settings(TaskSettings.PrepMode.DO_NOTHING, false).withDeferIndexesDuringLoad(defer));
            assertThat(Files.readString(file).contains("\"DeferIndexesDuringLoad\" : false")).isEqualTo(!defer);
            Run migrate = run("migrate", "--project", file.toString());
            assertThat(migrate.exit()).as(migrate.out() + migrate.err()).isZero();
            assertThat(count(url(demo, db), "postgres", "SELECT COUNT(*) FROM orders"))
                    .isEqualTo(count(demo.sourceJdbcUrl(), null, "SELECT COUNT(*) FROM orders")).isPositive();
            Map<String, String> after = indexOids(url(demo, db));
            assertThat(after.keySet()).isEqualTo(before.keySet());
            for (String index : List.of("orders_pkey", "orders_customer")) {
                if (defer) {
                    assertThat(after.get(index)).as(index + " dropped for the load and re-created").isNotEqualTo(before.get(index));
                } else {
                    assertThat(after.get(index)).as(index + " kept (same relation) during the load").isEqualTo(before.get(index));
                }
            }
        }
    }

    /** Index name → relation oid for the public schema's tables (a dropped and re-created index gets a new oid). */
    private static Map<String, String> indexOids(String jdbcUrl) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", ""); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT ic.relname, ic.oid::text FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid"
                     + " JOIN pg_class tc ON tc.oid = i.indrelid JOIN pg_namespace n ON n.oid = tc.relnamespace"
                     + " WHERE n.nspname = 'public' AND tc.relname = 'orders' ORDER BY 1")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }

    @Test
    void mappingsRenameRemoveAndFilterAndValidationComparesTheFilteredRows() throws Exception {
        String db = createTargetDatabase(demo, "ferry_mapped", List.of(
                "CREATE SCHEMA shop",
                "CREATE TABLE shop.paid_orders (id integer PRIMARY KEY, customer_id integer NOT NULL, ordered_at timestamp NOT NULL,"
                        + " status varchar(12) NOT NULL)",
                "CREATE TABLE shop.customers (customer_id integer PRIMARY KEY, first_name varchar(50), last_name varchar(50),"
                        + " email varchar(120), phone varchar(30), country char(2), created_at timestamp, vip boolean, customer_ref integer)"));
        List<TableMappingRule> rules = List.of(
                new SelectionRule("1", "orders", ObjectLocator.table("main", "orders"), SelectionRule.Action.INCLUDE, null,
                        List.of(new SelectionRule.Filter("source", "status", List.of(
                                new SelectionRule.Condition(SelectionRule.Operator.EQ, "paid", null, null))),
                                new SelectionRule.Filter("source", "order_id", List.of(
                                        new SelectionRule.Condition(SelectionRule.Operator.BETWEEN, null, "100", "1500")))), Set.of()),
                SelectionRule.include("2", "main", "customers"),
                new TransformationRule("10", "schema", TransformationRule.Target.SCHEMA,
                        new ObjectLocator("main", null, null, null, null, null, null), TransformationRule.Action.RENAME,
                        "shop", null, null, null, null, null, Set.of()),
                new TransformationRule("11", "table", TransformationRule.Target.TABLE, ObjectLocator.table("main", "orders"),
                        TransformationRule.Action.ADD_PREFIX, "paid_", null, null, null, null, null, Set.of()),
                new TransformationRule("12", "col", TransformationRule.Target.COLUMN, ObjectLocator.column("main", "orders", "order_id"),
                        TransformationRule.Action.RENAME, "id", null, null, null, null, null, Set.of()),
                new TransformationRule("13", "drop", TransformationRule.Target.COLUMN, ObjectLocator.column("main", "orders", "note"),
                        TransformationRule.Action.REMOVE_COLUMN, null, null, null, null, null, null, Set.of()),
                new TransformationRule("14", "copy", TransformationRule.Target.COLUMN, ObjectLocator.table("main", "customers"),
                        TransformationRule.Action.ADD_COLUMN, "customer_ref", null,
                        new TransformationRule.DataType("int4", null, null, null), "$customer_id", null, null, Set.of()));
        Path file = project(dir, demo, db, rules, settings(TaskSettings.PrepMode.DO_NOTHING, true));
        Run migrate = run("migrate", "--project", file.toString());
        assertThat(migrate.exit()).as(migrate.out() + migrate.err()).isZero();
        long expected = count(demo.sourceJdbcUrl(), null,
                "SELECT COUNT(*) FROM orders WHERE status = 'paid' AND order_id BETWEEN 100 AND 1500");
        assertThat(expected).isPositive();
        assertThat(count(url(demo, db), "postgres", "SELECT COUNT(*) FROM shop.paid_orders")).isEqualTo(expected);
        assertThat(count(url(demo, db), "postgres", "SELECT COUNT(*) FROM shop.paid_orders WHERE status <> 'paid' OR id NOT BETWEEN 100 AND 1500")).isZero();
        assertThat(count(url(demo, db), "postgres", "SELECT COUNT(*) FROM shop.customers WHERE customer_ref IS DISTINCT FROM customer_id")).isZero();
        assertThat(migrate.out()).contains("main.orders -> shop.paid_orders").contains("SUCCEEDED");
        Run validate = run("validate", "--project", file.toString());
        assertThat(validate.exit()).as(validate.out() + validate.err()).isZero();
    }

    @Test
    void validationIsOnByDefaultAndAMismatchExitsOneWithASummary() throws Exception {
        String ddl = "CREATE TABLE categories (category_id integer PRIMARY KEY, name varchar(60) NOT NULL, description text)";
        // a row the source does not have: the load succeeds, only the validation can notice it
        String db = createTargetDatabase(demo, "ferry_default_validation", List.of(ddl,
                "INSERT INTO categories VALUES (999999, 'stray', NULL)"));
        List<TableMappingRule> select = List.of(SelectionRule.include("1", "main", "categories"));
        Path file = project(dir, demo, db, select, TaskSettings.DEFAULTS); // ValidationEnabled not set: true
        assertThat(TaskSettings.DEFAULTS.validationEnabled()).isTrue();
        Run run = run("migrate", "--project", file.toString());
        long total = count(demo.sourceJdbcUrl(), null, "SELECT COUNT(*) FROM categories");
        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(ExitCodes.WORK_FAILED);
        assertThat(run.err()).contains("Validating 1 tables");
        assertThat(run.out()).contains("COMPLETED_WITH_ERRORS: " + total + " rows in 1 tables, 0 rejected, 0 not loaded, 1 failed validation")
                .contains("1 extra");
        assertThat(Files.readString(file.getParent().resolve(".ferry").resolve("load.result.json")))
                .contains("\"exitCode\": 1").contains("\"status\": \"MISMATCHED\"");

        Path dir2 = Files.createDirectories(dir.resolve("skip"));
        String db2 = createTargetDatabase(demo, "ferry_no_validation", List.of(ddl, "INSERT INTO categories VALUES (999999, 'stray', NULL)"));
        Path skip = project(dir2, demo, db2, select, TaskSettings.DEFAULTS);
        Run skipped = run("migrate", "--project", skip.toString(), "--no-validate");
        assertThat(skipped.exit()).as(skipped.out() + skipped.err()).isZero();
        assertThat(skipped.out()).contains("SUCCEEDED: " + total + " rows in 1 tables, 0 rejected, 0 not loaded, validation not run");
        assertThat(skipped.err()).doesNotContain("Validating");
    }

    @Test
    void unsupportedAddColumnExpressionDropAndCreateAndRejectedRowsHaveClearOutcomes() throws Exception {
        String db = createTargetDatabase(demo, "ferry_rejects", List.of(
                "CREATE TABLE categories (category_id integer PRIMARY KEY, name varchar(8) NOT NULL, description text)"));
        List<TableMappingRule> select = List.of(SelectionRule.include("1", "main", "categories"));
        Path file = project(dir, demo, db, select, settings(TaskSettings.PrepMode.TRUNCATE_BEFORE_LOAD, true));
        Run rejected = run("migrate", "--project", file.toString());
        long total = count(demo.sourceJdbcUrl(), null, "SELECT COUNT(*) FROM categories");
        long tooLong = count(demo.sourceJdbcUrl(), null, "SELECT COUNT(*) FROM categories WHERE length(name) > 8");
        assertThat(tooLong).isPositive();
        assertThat(rejected.exit()).as(rejected.out() + rejected.err()).isEqualTo(ExitCodes.WORK_FAILED);
        assertThat(rejected.out()).contains("COMPLETED_WITH_ERRORS").contains(tooLong + " rejected").contains("ferry_exceptions");
        assertThat(count(url(demo, db), "postgres", "SELECT COUNT(*) FROM categories")).isEqualTo(total - tooLong);

        Path drop = project(dir, demo, db, select, settings(TaskSettings.PrepMode.DROP_AND_CREATE, true));
        Run dropRun = run("migrate", "--project", drop.toString());
        assertThat(dropRun.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(dropRun.err()).contains("DROP_AND_CREATE").contains("ferry deploy");

        // an add-column expression SQLite cannot prepare is a configuration error naming the rule
        Path expr = project(dir, demo, db, List.of(select.get(0), new TransformationRule("77", "concat",
                TransformationRule.Target.COLUMN, ObjectLocator.table("main", "categories"), TransformationRule.Action.ADD_COLUMN,
                "label", null, new TransformationRule.DataType("string", null, null, dev.ferry.model.project.DmsInteger.of(80)), "$name|||'!'", null, null, Set.of())), settings(TaskSettings.PrepMode.DO_NOTHING, true));
        Run exprRun = run("migrate", "--project", expr.toString());
        assertThat(exprRun.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(exprRun.err()).contains("rule 77").contains("label").contains("not a valid SQLite expression");
    }

    @Test
    void postgresToPostgresFullLoadUsesAPlainSnapshotAndCdcTasksASlot() throws Exception {
        String src = createTargetDatabase(demo, "ferry_pgsrc", List.of(
                "CREATE TABLE items (id bigint PRIMARY KEY, name text NOT NULL, price numeric(12,2), seen timestamptz)",
                "INSERT INTO items SELECT g, 'item ' || g, g * 1.25, TIMESTAMPTZ '2024-01-01 00:00:00+00' + g * INTERVAL '1 minute'"
                        + " FROM generate_series(1, 5000) g",
                "CREATE TABLE notes (body text)", "INSERT INTO notes VALUES ('a'), ('b'), (NULL)"));
        String dst = createTargetDatabase(demo, "ferry_pgdst", List.of(
                "CREATE TABLE items (id bigint PRIMARY KEY, name text NOT NULL, price numeric(12,2), seen timestamptz)",
                "CREATE TABLE notes (body text)"));
        EndpointConfig source = new EndpointConfig("src", dev.ferry.model.schema.Engine.POSTGRESQL, "localhost", demo.targetPort(),
                src, "postgres", null, null, TlsMode.DISABLE, null, null, null);
        EndpointConfig target = new EndpointConfig("dst", dev.ferry.model.schema.Engine.POSTGRESQL, "localhost", demo.targetPort(),
                dst, "postgres", null, null, TlsMode.DISABLE, null, null, null);
        Project p = Project.empty("pg").withEndpoint(source).withEndpoint(target)
                .withTableMappings(new TableMappings(List.of(SelectionRule.include("1", "public", "%"))))
                .withTask(new TaskConfig("full", TaskType.FULL_LOAD, "src", "dst", settings(TaskSettings.PrepMode.TRUNCATE_BEFORE_LOAD, true)))
                .withTask(new TaskConfig("withcdc", TaskType.FULL_LOAD_AND_CDC, "src", "dst", settings(TaskSettings.PrepMode.TRUNCATE_BEFORE_LOAD, true)));
        Path file = dir.resolve("pg.ferry.json");
        ProjectFiles.save(p, file);

        Run noTask = run("migrate", "--project", file.toString());
        assertThat(noTask.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(noTask.err()).contains("choose one with --task (full, withcdc)");

        Run full = run("migrate", "--project", file.toString(), "--task", "full", "--split-threshold", "100");
        assertThat(full.exit()).as(full.out() + full.err()).isZero();
        assertThat(count(url(demo, dst), "postgres", "SELECT COUNT(*) FROM items")).isEqualTo(5000);
        assertThat(count(url(demo, dst), "postgres", "SELECT COUNT(*) FROM notes")).isEqualTo(3);
        assertThat(full.out()).contains("counts equal (no key)").contains("SUCCEEDED");
        assertThat(Files.readString(dir.resolve(".ferry").resolve("full.result.json"))).contains("\"snapshot\":").doesNotContain("\"slot\"");
        assertThat(count(url(demo, src), "postgres", "SELECT COUNT(*) FROM pg_replication_slots")).isZero();

        Run cdc = run("migrate", "--project", file.toString(), "--task", "withcdc", "--stop-after-full-load");
        assertThat(cdc.exit()).as(cdc.out() + cdc.err()).isZero();
        assertThat(count(url(demo, dst), "postgres", "SELECT COUNT(*) FROM items")).isEqualTo(5000);
        assertThat(Files.readString(dir.resolve(".ferry").resolve("withcdc.result.json"))).contains("\"slot\": \"ferry_withcdc\"");
        assertThat(cdc.out()).contains("CDC will start after the snapshot position");
        assertThat(count(url(demo, dst), "postgres", "SELECT COUNT(*) FROM ferry_apply_state WHERE task = 'withcdc'")).isOne();
        assertThat(count(url(demo, src), "postgres", "SELECT COUNT(*) FROM pg_replication_slots WHERE slot_name = 'ferry_withcdc'")).isEqualTo(1);
        try (Connection c = DriverManager.getConnection(url(demo, src), "postgres", ""); Statement st = c.createStatement()) {
            st.execute("SELECT pg_drop_replication_slot('ferry_withcdc')");
            st.execute("DROP PUBLICATION ferry_withcdc");
        }
    }

    @Test
    void lobSettingsFromTheTaskAndATableRuleTruncateCountAndReport() throws Exception {
        String src = createTargetDatabase(demo, "ferry_lobsrc", List.of(
                "CREATE TABLE docs (id int PRIMARY KEY, body text)", "CREATE TABLE kept (id int PRIMARY KEY, body text)",
                "INSERT INTO docs SELECT g, repeat('d', g * 600) FROM generate_series(1, 4) g",   // 600 .. 2400 bytes
                "INSERT INTO kept VALUES (1, repeat('k', 5000))"));
        String dst = createTargetDatabase(demo, "ferry_lobdst", List.of(
                "CREATE TABLE docs (id int PRIMARY KEY, body text)", "CREATE TABLE kept (id int PRIMARY KEY, body text)"));
        EndpointConfig source = new EndpointConfig("src", dev.ferry.model.schema.Engine.POSTGRESQL, "localhost", demo.targetPort(),
                src, "postgres", null, null, TlsMode.DISABLE, null, null, null);
        EndpointConfig target = new EndpointConfig("dst", dev.ferry.model.schema.Engine.POSTGRESQL, "localhost", demo.targetPort(),
                dst, "postgres", null, null, TlsMode.DISABLE, null, null, null);
        TaskSettings limited1k = new TaskSettings(2, 10000, TaskSettings.PrepMode.DO_NOTHING, TaskSettings.LobMode.LIMITED, 1, 64,
                TaskSettings.ErrorPolicy.DEFAULTS, false, null, null, false);
        dev.ferry.model.project.TableSettingsRule keptFull = new dev.ferry.model.project.TableSettingsRule("2", "kept",
                dev.ferry.model.project.ObjectLocator.table("public", "kept"), null,
                new dev.ferry.model.project.TableSettingsRule.LobSettings(dev.ferry.model.project.TableSettingsRule.LobMode.UNLIMITED, null),
                java.util.Set.of());
        Project p = Project.empty("lob").withEndpoint(source).withEndpoint(target)
                .withTableMappings(new TableMappings(List.of(SelectionRule.include("1", "public", "%"), keptFull)))
                .withTask(new TaskConfig("lob", TaskType.FULL_LOAD, "src", "dst", limited1k));
        Path file = dir.resolve("lob.ferry.json");
        ProjectFiles.save(p, file);

        Run r = run("migrate", "--project", file.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("warning: public.docs: 3 LOB values truncated at LobMaxSize").doesNotContain("public.kept: ");
        assertThat(Files.readString(dir.resolve(".ferry").resolve("lob.result.json"))).contains("\"lobsTruncated\": 3")
                .contains("\"lobsTruncated\": 0");
        assertThat(count(url(demo, dst), "postgres", "SELECT max(octet_length(body)) FROM docs")).isEqualTo(1024);
        assertThat(count(url(demo, dst), "postgres", "SELECT octet_length(body) FROM kept")).isEqualTo(5000);
        assertThat(count(url(demo, dst), "postgres", "SELECT count(*) FROM ferry_exceptions WHERE task = 'lob' "
                + "AND reason LIKE 'LOB truncated to 1024 of %'")).isEqualTo(3);
    }

    @Test
    void mariaDbSourceWithPasswordFromTheEnvironmentLoadsIntoTheSameNamedSchema() throws Exception {
        dev.ferry.testsupport.TestServer my = dev.ferry.testsupport.TestDatabases.mysql();
        String srcDb = my.createDatabase("mig_src");
        my.execute(srcDb, "CREATE TABLE accounts (id int PRIMARY KEY, owner varchar(40) NOT NULL, balance decimal(12,2),"
                + " opened date, active tinyint(1) NOT NULL)");
        my.execute(srcDb, "INSERT INTO accounts SELECT seq, CONCAT('owner ', seq), seq * 10.5, DATE '2020-01-01' + INTERVAL seq DAY,"
                + " seq % 2 FROM seq_1_to_3000");
        String dst = createTargetDatabase(demo, "ferry_from_maria", List.of("CREATE SCHEMA " + srcDb,
                "CREATE TABLE " + srcDb + ".accounts (id integer PRIMARY KEY, owner varchar(40) NOT NULL, balance numeric(12,2),"
                        + " opened date, active boolean NOT NULL)"));
        EndpointConfig source = new EndpointConfig("maria", dev.ferry.model.schema.Engine.MYSQL, "127.0.0.1", my.port(), srcDb,
                my.user(), null, "MIG_IT_MARIA_PW", TlsMode.DISABLE, null, null, null);
        EndpointConfig target = new EndpointConfig("dst", dev.ferry.model.schema.Engine.POSTGRESQL, "localhost", demo.targetPort(),
                dst, "postgres", null, null, TlsMode.DISABLE, null, null, null);
        Project p = Project.empty("maria").withEndpoint(source).withEndpoint(target)
                .withTableMappings(new TableMappings(List.of(SelectionRule.include("1", srcDb, "%"))))
                .withTask(new TaskConfig("m", TaskType.FULL_LOAD, "maria", "dst", settings(TaskSettings.PrepMode.DO_NOTHING, true)));
        Path file = dir.resolve("maria.ferry.json");
        ProjectFiles.save(p, file);
        assertThat(Files.readString(file)).doesNotContain(my.password().isEmpty() ? "\u0000never" : my.password());
        CommandLine.IFactory withEnv = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                K k = CommandLine.defaultFactory().create(cls);
                java.util.function.Function<String, String> env = name -> name.equals("MIG_IT_MARIA_PW") ? my.password() : null;
                if (k instanceof MigrateCommand) {
                    ((MigrateCommand) k).env = env;
                } else if (k instanceof ValidateCommand) {
                    ((ValidateCommand) k).env = env;
                }
                return k;
            }
        };
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = FerryCli.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true), withEnv)
                .execute("migrate", "--project", file.toString(), "--split-threshold", "500");
        assertThat(code).as(out + "" + err).isZero();
        assertThat(out.toString()).contains(srcDb + ".accounts").contains("SUCCEEDED").contains("0 failed validation");
        assertThat(count(url(demo, dst), "postgres", "SELECT COUNT(*) FROM " + srcDb + ".accounts")).isEqualTo(3000);
        assertThat(count(url(demo, dst), "postgres", "SELECT COUNT(*) FROM " + srcDb + ".accounts WHERE active")).isEqualTo(1500);
        assertThat(Files.readString(dir.resolve(".ferry").resolve("m.result.json"))).contains("\"flavor\": \"mariadb\"")
                .contains("\"file\":");
        if (!my.password().isEmpty()) {
            assertThat(out.toString() + err).doesNotContain(my.password());
        }
        // without the variable the password is missing: a configuration error naming the variable
        Run noEnv = run("validate", "--project", file.toString());
        assertThat(noEnv.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(noEnv.err()).contains("MIG_IT_MARIA_PW");
    }
}
