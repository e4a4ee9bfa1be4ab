package dev.ferry.app.cli;

import dev.ferry.engine.load.LoadListener;
import dev.ferry.engine.load.TableProgress;

import java.io.PrintWriter;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Shows a full load's progress. The load's worker and writer threads only record the latest {@link TableProgress}
 * (thread-safe, cheap); a single daemon ticker thread prints. With a console: a line per finished table and an overall
 * {@link ProgressBar} redrawn in place. Without one (logs, CI): at most one plain line per tick ({@code tickMillis},
 * default 1 s), and only when something changed — finished tables are listed on that line.
 */
final class LoadProgressPrinter implements LoadListener, AutoCloseable {

    private static final Set<TableProgress.TableState> FINISHED = Set.of(TableProgress.TableState.DONE,
            TableProgress.TableState.SUSPENDED, TableProgress.TableState.FAILED);

    private final PrintWriter err;
    private final boolean console;
    private final int tablesTotal;
    private final long rowsExpected;
    private final Map<String, TableProgress> latest = new ConcurrentHashMap<>();
    private final Set<String> reported = new LinkedHashSet<>();
    private final ProgressBar bar = new ProgressBar(System.err, false, 20);
    private final ScheduledExecutorService ticker;
    private final long started = System.nanoTime();
    private String lastLine = "";
    private int lastBarLength;

    LoadProgressPrinter(PrintWriter err, boolean console, int tablesTotal, long rowsExpected, long tickMillis) {
        this.err = err;
        this.console = console;
        this.tablesTotal = tablesTotal;
        this.rowsExpected = rowsExpected;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ferry-progress");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(this::tick, tickMillis, tickMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void tableProgress(TableProgress progress) {
        latest.put(progress.table(), progress);
    }

    /** The last progress seen for {@code table}, or {@code null}. */
    TableProgress last(String table) {
        return latest.get(table);
    }

    private synchronized void tick() {
        try {
            long rows = 0;
            List<String> finishedNow = new ArrayList<>();
            int finished = 0;
            for (TableProgress p : latest.values()) {
                rows += p.rowsDone();
                if (FINISHED.contains(p.state())) {
                    finished++;
                    if (reported.add(p.table())) {
                        finishedNow.add(describe(p));
                    }
                }
            }
            double secs = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
            double rate = rows / secs;
            if (console) {
                if (!finishedNow.isEmpty()) {
                    clearBar();
                    for (String f : finishedNow) {
                        err.println(f);
                    }
                }
                String line = bar.render(rowsExpected > 0 ? (double) rows / rowsExpected : 0, "tables", finished, tablesTotal, rate)
                        + "  " + fmt(rows) + " rows";
                err.print("\r" + line + " ".repeat(Math.max(0, lastBarLength - line.length())));
                lastBarLength = Math.max(lastBarLength, line.length());
                err.flush();
            } else {
                String line = "progress: " + finished + "/" + tablesTotal + " tables, " + fmt(rows)
                        + (rowsExpected > 0 ? "/" + fmt(rowsExpected) : "") + " rows, " + fmt(Math.round(rate)) + " rows/s"
                        + (finishedNow.isEmpty() ? "" : "; done: " + String.join(", ", finishedNow));
                String key = finished + "/" + rows;
                if (!key.equals(lastLine)) {
                    lastLine = key;
                    err.println(line);
                    err.flush();
                }
            }
        } catch (RuntimeException e) {
            // never let the display break the load
        }
    }

    private void clearBar() {
        if (lastBarLength > 0) {
            err.print("\r" + " ".repeat(lastBarLength) + "\r");
            lastBarLength = 0;
        }
    }

    private static String describe(TableProgress p) {
        return p.table() + " " + p.state().name().toLowerCase(Locale.ROOT) + " (" + fmt(p.rowsDone()) + " rows"
                + (p.rejected() > 0 ? ", " + fmt(p.rejected()) + " rejected" : "") + ")";
    }

    static String fmt(long n) {
        return NumberFormat.getIntegerInstance(Locale.US).format(n);
    }

    /** Stops the ticker and prints the final state once (so even a load shorter than a tick shows its outcome). */
    @Override
    public void close() {
        if (ticker.isShutdown()) {
            return;
        }
        ticker.shutdownNow();
        try {
            ticker.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            tick();
            if (console) {
                clearBar();
                err.flush();
            }
        }
    }
}
