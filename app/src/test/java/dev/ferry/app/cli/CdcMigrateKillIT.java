package dev.ferry.app.cli;

import dev.ferry.model.project.TaskType;
import dev.ferry.testsupport.TestDatabases;
import dev.ferry.testsupport.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static dev.ferry.app.cli.CdcCliSupport.count;
import static dev.ferry.app.cli.CdcCliSupport.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code ferry migrate} of a MariaDB → PostgreSQL full-load-and-cdc task in a CHILD JVM, SIGKILLed while it streams a
 * write load; {@code ferry status} then says it is not running; a restart resumes from {@code ferry_apply_state} without
 * loading again and ends with an exact validation. The target's audit table has NO key, so a change applied twice
 * would show as a duplicate row.
 */
class CdcMigrateKillIT {

    @TempDir
    Path dir;

    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
    }

    @Test
    void killedWhileStreamingThenResumedExactlyOnce() throws Exception {
        TestServer maria = TestDatabases.mysql();
        TestServer pg = TestDatabases.postgres();
        String src = maria.createDatabase("cdccli_kill");
        String dst = pg.createDatabase("cdccli_kill_dst");
        maria.execute(src, "CREATE TABLE acc (id bigint PRIMARY KEY, n int) ENGINE=InnoDB",
                "INSERT INTO acc SELECT seq, 0 FROM seq_1_to_5000",
                "CREATE TABLE audit (seq bigint, note varchar(20)) ENGINE=InnoDB");
        pg.execute(dst, "CREATE TABLE acc (id bigint PRIMARY KEY, n int)", "CREATE TABLE audit (seq bigint, note varchar(20))");
        Path project = CdcCliSupport.project(dir, maria, src, src, pg, dst, "k", TaskType.FULL_LOAD_AND_CDC,
                CdcCliSupport.settings(null, null));
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicLong written = new AtomicLong();
        Future<?> writer = pool.submit(() -> {
            long i = 0;
            while (writing.get()) {
                i++;
                maria.execute(src, "UPDATE acc SET n = n + 1 WHERE id = " + (i % 5000 + 1),
                        "INSERT INTO audit VALUES (" + i + ", 'w')");
                written.set(i);
            }
            return null;
        });
        Path log = dir.resolve("child.log");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.ferry.app.Main", "migrate", "--project", project.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(CdcCliSupport.env(maria, pg));
        Process child = pb.start();
        try {
            Path statusFile = dir.resolve(".ferry").resolve("k.cdc.json");
            await().atMost(Duration.ofSeconds(120)).failFast("migrate ended", () -> !child.isAlive())
                    .until(() -> Files.exists(statusFile) && Files.readString(statusFile).contains("\"STREAMING\""));
            long streamingFrom = count(pg, dst, "SELECT count(*) FROM audit");
            await().atMost(Duration.ofSeconds(60)).failFast("migrate ended", () -> !child.isAlive())
                    .until(() -> count(pg, dst, "SELECT count(*) FROM audit") > streamingFrom + 50);
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).as("SIGKILL").isEqualTo(137);
        } finally {
            child.destroyForcibly();
        }
        long atKill = count(pg, dst, "SELECT count(*) FROM audit");
        CdcCliSupport.Run status = run(maria, pg, "status", "--project", project.toString());
        assertThat(status.out()).as(status.all() + Files.readString(log)).contains("Task k: STREAMING (not running)");
        await().atMost(Duration.ofSeconds(30)).until(() -> written.get() > atKill + 50);
        writing.set(false);
        writer.get(30, TimeUnit.SECONDS);

        CdcCliSupport.Run resumed = run(maria, pg, "migrate", "--project", project.toString(), "--validate", "--stop-at",
                CdcMigrateIT.serverTimeIn(Duration.ofSeconds(4)));
        System.out.println(Files.readString(log));
        System.out.println(resumed.all());
        assertThat(resumed.exit()).as(resumed.all()).isZero();
        assertThat(resumed.err()).contains("resumes streaming after its stored position");
        assertThat(resumed.out()).contains("VALIDATED: 2 tables compared, 0 failed validation").doesNotContain("LOADED");
        assertThat(count(pg, dst, "SELECT count(*) FROM audit")).isEqualTo(written.get());
        assertThat(count(pg, dst, "SELECT count(*) - count(DISTINCT seq) FROM audit")).as("duplicates").isZero();
    }
}
