package dev.ferry.engine.load;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of {@link FullLoad#run}.
 *
 * @param task     task name
 * @param position the source position of the snapshot the load read (start CDC there), empty when none
 * @param tables   per-table results in plan order
 * @param elapsed  wall-clock time of the run
 */
public record LoadResult(String task, Map<String, String> position, List<TableResult> tables, Duration elapsed) {

    public LoadResult {
        position = Map.copyOf(position);
        tables = List.copyOf(tables);
    }

    public long totalRows() {
        return tables.stream().mapToLong(TableResult::rows).sum();
    }

    public long totalRejected() {
        return tables.stream().mapToLong(TableResult::rejected).sum();
    }

    public Optional<TableResult> table(String qualifiedName) {
        return tables.stream().filter(t -> t.table().equals(qualifiedName)).findFirst();
    }

    /** Rows loaded by THIS run per second of wall-clock time. */
    public double rowsPerSecond(long rowsThisRun) {
        double s = Math.max(elapsed.toNanos(), 1) / 1e9;
        return rowsThisRun / s;
    }
}
