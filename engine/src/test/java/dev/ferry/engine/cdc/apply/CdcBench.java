package dev.ferry.engine.cdc.apply;

import dev.ferry.engine.cdc.mysql.MySqlCdcConfig;
import dev.ferry.engine.cdc.mysql.MySqlStreamingSource;
import dev.ferry.engine.cdc.postgres.PostgresCdcConfig;
import dev.ferry.engine.cdc.postgres.PostgresReplicationConnection;
import dev.ferry.engine.cdc.postgres.PostgresStreamingSource;
import dev.ferry.engine.load.LoadEndpoint;
import dev.ferry.model.schema.Engine;
import dev.ferry.model.schema.QualifiedName;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The CDC benchmark's driver (bench/cdc.sh): replicates a MariaDB or PostgreSQL source into PostgreSQL with a
 * {@link ChangeApplier} until a stop file appears, and writes one TSV line per 200 ms:
 * {@code epoch_ms  applied_events  source_latency_ms  queue_depth  heap_used_mb}.
 *
 * <p>Arguments ({@code key=value}): {@code source=mysql|pg}, {@code src-url}, {@code src-user}, {@code tables}
 * (comma-separated, qualified for MySQL: {@code db.t}), {@code dst-url}, {@code mode=batch|tx}, {@code batch-min-ms},
 * {@code batch-max-ms}, {@code commit-events}, {@code metrics} (TSV file), {@code stop} (stop file), {@code start}
 * (MySQL: binlog {@code file:position} to start after), {@code prepare-only=true} (PostgreSQL: create the publication
 * and slot and exit, so a backlog builds up). Not a test.
 */
public final class CdcBench {

    private CdcBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (String s : args) {
            int eq = s.indexOf('=');
            a.put(s.substring(0, eq), s.substring(eq + 1));
        }
        String dst = a.get("dst-url");
        LoadEndpoint target = new LoadEndpoint(Engine.POSTGRESQL, () -> DriverManager.getConnection(dst));
        ApplySettings settings = ApplySettings.defaults("bench").withCommit(Integer.parseInt(a.getOrDefault("commit-events", "5000")),
                Duration.ofMillis(Long.parseLong(a.getOrDefault("commit-ms", "200"))));
        if ("batch".equals(a.get("mode"))) {
            settings = settings.withBatchApply(new ApplySettings.BatchApply(Duration.ofMillis(Long.parseLong(a.getOrDefault("batch-min-ms", "200"))),
                    Duration.ofMillis(Long.parseLong(a.getOrDefault("batch-max-ms", "1000"))), 256L * 1024 * 1024));
        }
        List<QualifiedName> tables = new ArrayList<>();
        for (String t : a.get("tables").split(",")) {
            int dot = t.indexOf('.');
            tables.add(dot < 0 ? new QualifiedName(null, t) : new QualifiedName(t.substring(0, dot), t.substring(dot + 1)));
        }
        ChangeSource source;
        Runnable cleanup = () -> { };
        if ("pg".equals(a.get("source"))) {
            PostgresCdcConfig config = PostgresCdcConfig.forTask(a.get("src-url"), a.get("src-user"), null, "ferry_bench_cdc")
                    .withStatusInterval(Duration.ofMillis(500));
            PostgresReplicationConnection admin = new PostgresReplicationConnection(config);
            if (!admin.publicationExists()) {
                admin.createPublication(tables);
                admin.createSlot();
            }
            if ("true".equals(a.get("prepare-only"))) {
                System.out.println("slot created");
                return; // the slot keeps the changes until the applier starts
            }
            source = ChangeSource.of(new PostgresStreamingSource(config));
            cleanup = () -> {
                try {
                    Thread.sleep(1000);
                    admin.dropSlot();
                    admin.dropPublication();
                } catch (Exception e) {
                    System.err.println("cleanup: " + e.getMessage());
                }
            };
        } else {
            source = ChangeSource.of(new MySqlStreamingSource(MySqlCdcConfig.forTables(a.get("src-url"), a.get("src-user"),
                    new char[0], tables).withQueueCapacity(20_000)));
            settings = settings.intoSchema("public");
        }
        Path stop = Path.of(a.get("stop"));
        AtomicReference<Throwable> failed = new AtomicReference<>();
        try (PrintStream out = new PrintStream(Files.newOutputStream(Path.of(a.get("metrics"))), true);
             ChangeApplier applier = new ChangeApplier(source, target, settings, ApplyListener.NO_OP)) {
            if (a.containsKey("start")) { // MySQL binlog file:position recorded before the workload
                String[] fp = a.get("start").split(":");
                applier.initializePosition(dev.ferry.engine.cdc.mysql.MySqlPosition.boundary(fp[0], Long.parseLong(fp[1])));
            }
            applier.start();
            Thread t = new Thread(() -> {
                try {
                    applier.run();
                } catch (Throwable e) {
                    failed.set(e);
                }
            }, "applier");
            t.start();
            System.out.println("started " + a.get("mode"));
            var mem = ManagementFactory.getMemoryMXBean();
            while (!Files.exists(stop) && failed.get() == null) {
                ApplyStats s = applier.stats();
                out.printf("%d\t%d\t%d\t%d\t%d%n", System.currentTimeMillis(), s.appliedEvents(), s.sourceLatency().toMillis(),
                        s.queueDepth(), mem.getHeapMemoryUsage().getUsed() >> 20);
                Thread.sleep(200);
            }
            applier.stop();
            t.join(60_000);
        } finally {
            cleanup.run();
        }
        if (failed.get() != null) {
            failed.get().printStackTrace();
            System.exit(1);
        }
    }
}
