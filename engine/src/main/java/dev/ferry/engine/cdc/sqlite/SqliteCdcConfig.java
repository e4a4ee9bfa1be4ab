package dev.ferry.engine.cdc.sqlite;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Settings of a SQLite trigger-based capture. Immutable and thread-safe.
 *
 * @param jdbcUrl       {@code jdbc:sqlite:/path/to/file.db}
 * @param tables        tables whose captured rows are delivered (empty: all); the triggers decide what is captured
 * @param pollInterval  how long the reader waits when the capture table has no new rows
 * @param batchSize     capture rows read per poll, delivered as one transaction
 * @param queueCapacity events buffered between the reader thread and {@code poll()}
 */
public record SqliteCdcConfig(String jdbcUrl, List<String> tables, Duration pollInterval, int batchSize, int queueCapacity) {

    public SqliteCdcConfig {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:sqlite:")) {
            throw new IllegalArgumentException("not a SQLite JDBC URL: " + jdbcUrl);
        }
        tables = List.copyOf(tables == null ? List.of() : tables);
        pollInterval = pollInterval == null ? Duration.ofMillis(200) : pollInterval;
        if (batchSize < 1 || queueCapacity < 1) {
            throw new IllegalArgumentException("batch size and queue capacity must be positive");
        }
    }

    /** Defaults: every captured table, 200 ms poll interval, 1000 rows per batch, 8192 queued events. */
    public static SqliteCdcConfig of(String jdbcUrl) {
        return new SqliteCdcConfig(jdbcUrl, List.of(), Duration.ofMillis(200), 1000, 8192);
    }

    public SqliteCdcConfig withBatchSize(int size) {
        return new SqliteCdcConfig(jdbcUrl, tables, pollInterval, size, queueCapacity);
    }

    public SqliteCdcConfig withPollInterval(Duration interval) {
        return new SqliteCdcConfig(jdbcUrl, tables, interval, batchSize, queueCapacity);
    }

    public SqliteCdcConfig withTables(List<String> names) {
        return new SqliteCdcConfig(jdbcUrl, names, pollInterval, batchSize, queueCapacity);
    }
}
