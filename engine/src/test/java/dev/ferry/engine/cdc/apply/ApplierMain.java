package dev.ferry.engine.cdc.apply;

import dev.ferry.engine.cdc.postgres.PostgresCdcConfig;
import dev.ferry.engine.cdc.postgres.PostgresStreamingSource;
import dev.ferry.engine.load.LoadEndpoint;
import dev.ferry.model.schema.Engine;

import java.sql.DriverManager;
import java.time.Duration;

/**
 * Runs a PostgreSQL → PostgreSQL applier until the process is killed; the crash test starts it in a CHILD JVM.
 * Arguments: source JDBC URL, target JDBC URL, user, slot task name, apply task name, [batch apply: true/false]. The password comes from {@code FERRY_TEST_PW}.
 */
public final class ApplierMain {

    private ApplierMain() {
    }

    public static void main(String[] args) throws Exception {
        String srcUrl = args[0];
        String dstUrl = args[1];
        String user = args[2];
        String slotTask = args[3];
        String task = args[4];
        String pw = System.getenv("FERRY_TEST_PW");
        PostgresCdcConfig config = PostgresCdcConfig.forTask(srcUrl, user, pw == null ? null : pw.toCharArray(), slotTask)
                .withStatusInterval(Duration.ofMillis(200));
        LoadEndpoint target = new LoadEndpoint(Engine.POSTGRESQL, () -> DriverManager.getConnection(dstUrl, user, pw));
        boolean batch = args.length > 5 && Boolean.parseBoolean(args[5]);
        ApplySettings settings = PostgresApplyIT.mode(ApplySettings.defaults(task).withCommit(100, Duration.ofMillis(50)), batch);
        try (ChangeApplier applier = new ChangeApplier(ChangeSource.of(new PostgresStreamingSource(config)), target, settings,
                ApplyListener.NO_OP)) {
            applier.start();
            System.out.println("child applier started");
            applier.run();
        }
    }
}
