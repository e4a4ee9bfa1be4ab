package dev.ferry.app.cli;

import dev.ferry.app.demo.DemoEnvironment;
import dev.ferry.model.project.SelectionRule;
import dev.ferry.model.project.TaskSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code ferry migrate} in a CHILD JVM killed with SIGKILL ({@link Process#destroyForcibly()}) at three points of a
 * SQLite → PostgreSQL load (demo store at scale 20, ~178 000 rows, small ranges), then finished in-process: nothing is
 * lost and nothing is duplicated (a text-keyed table, split into sampled tuple ranges, included). The target tables have NO primary keys, so a range loaded twice would show up as
 * extra rows instead of being refused by the target.
 */
class MigrateKillResumeIT {

    @TempDir
    Path home;

    @Test
    void killedThreeTimesThenResumedLoadsEveryRowExactlyOnce() throws Exception {
        try (DemoEnvironment demo = DemoEnvironment.start(home.resolve("demo"), 20)) {
            List<String> keyless = new ArrayList<>();
            for (String ddl : MigrateCommandIT.PG_DDL) {
                keyless.add(ddl.replace(", PRIMARY KEY (order_id, line_no)", "").replace(" PRIMARY KEY", "").replace(" UNIQUE", ""));
            }
            // a table keyed by text: split into sampled tuple ranges, which must resume exactly like integer ranges
            try (Connection c = DriverManager.getConnection(demo.sourceJdbcUrl()); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE sku_notes (sku TEXT PRIMARY KEY, note TEXT NOT NULL)");
                st.execute("WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < 20000) INSERT INTO sku_notes "
                        + "SELECT printf('%s-%05d', CASE n % 3 WHEN 0 THEN 'ab' WHEN 1 THEN 'AB' ELSE 'Zz''s' END, (n * 7919) % 20011), "
                        + "'note ' || n FROM g");
            }
            keyless.add("CREATE TABLE sku_notes (sku varchar(40) NOT NULL, note text NOT NULL)");
            String db = MigrateCommandIT.createTargetDatabase(demo, "ferry_kill", keyless);
            TaskSettings slow = new TaskSettings(1, 500, TaskSettings.PrepMode.DO_NOTHING, TaskSettings.LobMode.LIMITED, 32, 64,
                    TaskSettings.ErrorPolicy.DEFAULTS, false, null, null, true);
            Path file = MigrateCommandIT.project(home, demo, db, List.of(SelectionRule.include("1", "main", "%")), slow);
            String target = MigrateCommandIT.url(demo, db);
            Map<String, Long> source = MigrateCommandIT.counts(demo.sourceJdbcUrl(), null);
            long sourceTotal = source.values().stream().mapToLong(Long::longValue).sum();
            assertThat(sourceTotal).isGreaterThan(150_000);

            int firstKill = killAfter(file, 1);
            int secondKill = killAfter(file, firstKill + 5);
            assertThat(secondKill).isGreaterThan(firstKill);
            int thirdKill = killAfter(file, secondKill + 30);
            assertThat(thirdKill).isGreaterThan(secondKill);

            MigrateCommandIT.Run finish = MigrateCommandIT.run("migrate", "--project", file.toString(), "--split-threshold", "1000",
                    "--ranges-per-table", "32");
            System.out.println(finish.err() + finish.out());
            assertThat(finish.exit()).as(finish.out() + finish.err()).isZero();
            int finalMarkers = markers(target);
            assertThat(finalMarkers).as("the kills happened before the last range").isGreaterThan(thirdKill);
            assertThat(MigrateCommandIT.counts(target, "postgres")).isEqualTo(source);
            assertThat(finish.out()).contains("SUCCEEDED").contains("0 rejected").contains("0 failed validation");
            // the load after the kills skipped the committed ranges: its result says so
            assertThat(Files.readString(file.getParent().resolve(".ferry").resolve("load.result.json")))
                    .contains("\"totalRows\": " + (sourceTotal + 20_000));
            MigrateCommandIT.Run validate = MigrateCommandIT.run("validate", "--project", file.toString());
            assertThat(validate.exit()).as(validate.out()).isZero();
            assertThat(MigrateCommandIT.count(target, "postgres",
                    "SELECT COUNT(*) FROM (SELECT order_id, line_no FROM order_items GROUP BY 1, 2 HAVING COUNT(*) > 1) d")).isZero();
            assertThat(MigrateCommandIT.count(target, "postgres",
                    "SELECT COUNT(*) - COUNT(DISTINCT customer_id) FROM customers")).isZero();
            assertThat(MigrateCommandIT.count(target, "postgres", "SELECT COUNT(DISTINCT sku) FROM sku_notes")).isEqualTo(20_000);
            assertThat(MigrateCommandIT.count(target, "postgres", "SELECT COUNT(*) FROM sku_notes")).isEqualTo(20_000);
            assertThat(MigrateCommandIT.count(target, "postgres", "SELECT COUNT(*) FROM ferry_load_state "
                    + "WHERE task = 'load' AND table_name LIKE '%sku_notes'")).as("sku_notes in tuple ranges").isGreaterThan(1);
        }
    }

    /** Starts {@code ferry migrate} in a child JVM and SIGKILLs it once at least {@code markers} ranges committed. */
    private int killAfter(Path file, int markers) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = home.resolve("child-" + markers + ".log");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "dev.ferry.app.Main",
                "migrate", "--project", file.toString(), "--split-threshold", "1000", "--ranges-per-table", "32")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        String target = targetUrl(file);
        try {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(10)).ignoreExceptions()
                    .until(() -> !child.isAlive() || markers(target) >= markers);
            assertThat(child.isAlive()).as("the child must still be loading when killed: " + Files.readString(log)).isTrue();
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        int committed = markers(target);
        assertThat(committed).isGreaterThanOrEqualTo(markers);
        System.out.println("killed child after " + committed + " committed ranges");
        return committed;
    }

    private static String targetUrl(Path file) throws Exception {
        var p = dev.ferry.model.project.ProjectFiles.load(file);
        var e = p.endpoint("dst").orElseThrow();
        return "jdbc:postgresql://localhost:" + e.port() + "/" + e.database();
    }

    private static int markers(String target) throws Exception {
        try (Connection c = DriverManager.getConnection(target, "postgres", ""); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM ferry_load_state WHERE task = 'load'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
