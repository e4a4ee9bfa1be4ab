package dev.ferry.app.cli;

import dev.ferry.engine.load.TableProgress;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Without a console the progress display prints at most one line per tick, whatever the update rate. */
class LoadProgressPrinterTest {

    private static TableProgress p(String table, TableProgress.TableState state, long rows) {
        return new TableProgress(table, state, rows, 2000, rows * 10, 1000, null, 0, 0, state == TableProgress.TableState.DONE ? 1 : 0, 1);
    }

    @Test
    void plainOutputIsThrottledAndListsEachFinishedTableOnce() {
        StringWriter sw = new StringWriter();
        PrintWriter err = new PrintWriter(sw, true);
        AtomicLong rows = new AtomicLong();
        ScheduledExecutorService feeder = Executors.newSingleThreadScheduledExecutor();
        long t0 = System.nanoTime();
        try (LoadProgressPrinter printer = new LoadProgressPrinter(err, false, 2, 4000, 200)) {
            // thousands of updates per second, as busy writers would send
            feeder.scheduleAtFixedRate(() -> {
                long n = rows.incrementAndGet();
                if (n < 2000) {
                    printer.tableProgress(p("a", TableProgress.TableState.RUNNING, n));
                    printer.tableProgress(p("b", TableProgress.TableState.RUNNING, n));
                } else {
                    printer.tableProgress(p("a", TableProgress.TableState.DONE, 2000));
                    printer.tableProgress(p("b", TableProgress.TableState.DONE, 2000));
                }
            }, 0, 200, TimeUnit.MICROSECONDS);
            await().atMost(Duration.ofSeconds(30)).until(() -> sw.toString().contains("2/2 tables"));
            feeder.shutdownNow();
        }
        long elapsedMs = (System.nanoTime() - t0) / 1_000_000;
        List<String> lines = Arrays.asList(sw.toString().split("\n"));
        assertThat(rows.get()).isGreaterThan(2000);
        assertThat(lines).allMatch(l -> l.startsWith("progress: "));
        assertThat(lines.size()).as("lines in %d ms", elapsedMs).isLessThanOrEqualTo((int) (elapsedMs / 200) + 1);
        assertThat(lines.stream().filter(l -> l.contains("a done (2,000 rows)")).count()).isEqualTo(1);
        assertThat(lines.stream().filter(l -> l.contains("b done (2,000 rows)")).count()).isEqualTo(1);
        assertThat(lines.get(lines.size() - 1)).contains("2/2 tables, 4,000/4,000 rows");
    }
}
