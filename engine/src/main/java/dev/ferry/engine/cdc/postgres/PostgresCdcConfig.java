package dev.ferry.engine.cdc.postgres;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Settings of a PostgreSQL logical replication capture. Immutable (do not modify the password array) and thread-safe;
 * {@link #toString()} never shows the password.
 *
 * @param jdbcUrl           {@code jdbc:postgresql://host:port/db} without credentials
 * @param user              login role (needs the REPLICATION attribute, or superuser)
 * @param password          its password ({@code null} or empty when none); never logged
 * @param slotName          logical replication slot ({@code [a-z0-9_]}, at most 63 characters)
 * @param publicationName   publication the slot streams
 * @param protocolVersion   pgoutput {@code proto_version}: 1, 2, or 0 for "2 on PostgreSQL 14+, else 1"
 * @param streaming         ask for in-progress transaction streaming ({@code streaming 'on'}) with protocol 2
 * @param queueCapacity     events buffered between the reader thread and {@code poll()}
 * @param statusInterval    how often standby status updates (the acknowledged LSN) are sent at the latest
 * @param streamMemoryBytes memory per streamed transaction before it spills to a temporary file
 * @param spillDirectory    where such files go ({@code null}: {@code java.io.tmpdir})
 * @param serverSettings    extra settings for the replication session ({@code -c name=value}), e.g.
 *                          {@code logical_decoding_work_mem}
 */
public record PostgresCdcConfig(String jdbcUrl, String user, char[] password, String slotName, String publicationName,
                                int protocolVersion, boolean streaming, int queueCapacity, Duration statusInterval,
                                long streamMemoryBytes, Path spillDirectory, Map<String, String> serverSettings) {

    private static final Pattern SLOT = Pattern.compile("[a-z0-9_]{1,63}");
    private static final Pattern SETTING = Pattern.compile("[a-z_.]+");

    public PostgresCdcConfig {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + dev.ferry.model.util.Redaction.redact(jdbcUrl));
        }
        if (slotName == null || !SLOT.matcher(slotName).matches()) {
            throw new IllegalArgumentException("replication slot name '" + slotName
                    + "' must be 1 to 63 characters of lower-case letters, digits and underscores");
        }
        if (publicationName == null || publicationName.isBlank()) {
            throw new IllegalArgumentException("publication name is required");
        }
        if (protocolVersion < 0 || protocolVersion > 2) {
            throw new IllegalArgumentException("pgoutput protocol version must be 0 (auto), 1 or 2, not " + protocolVersion);
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queue capacity must be positive");
        }
        serverSettings = Map.copyOf(serverSettings == null ? Map.of() : serverSettings);
        for (Map.Entry<String, String> e : serverSettings.entrySet()) {
            if (!SETTING.matcher(e.getKey()).matches() || !e.getValue().matches("[A-Za-z0-9_.:+-]+")) {
                throw new IllegalArgumentException("unsupported server setting " + e.getKey() + "=" + e.getValue());
            }
        }
    }

    /**
     * Defaults for a migration task: slot and publication {@code ferry_<task>}, protocol auto, streaming on, a queue of
     * 10 000 events, status every 10 s, 16 MiB per streamed transaction in memory.
     */
    public static PostgresCdcConfig forTask(String jdbcUrl, String user, char[] password, String task) {
        String name = "ferry_" + task.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (name.length() > 63) {
            name = name.substring(0, 63);
        }
        return new PostgresCdcConfig(jdbcUrl, user, password, name, name, 0, true, 10_000, Duration.ofSeconds(10),
                PgOutputDecoder.DEFAULT_STREAM_MEMORY_BYTES, null, Map.of());
    }

    public PostgresCdcConfig withSlotName(String slot) {
        return new PostgresCdcConfig(jdbcUrl, user, password, slot, publicationName, protocolVersion, streaming,
                queueCapacity, statusInterval, streamMemoryBytes, spillDirectory, serverSettings);
    }

    public PostgresCdcConfig withProtocol(int version, boolean stream) {
        return new PostgresCdcConfig(jdbcUrl, user, password, slotName, publicationName, version, stream,
                queueCapacity, statusInterval, streamMemoryBytes, spillDirectory, serverSettings);
    }

    public PostgresCdcConfig withQueueCapacity(int capacity) {
        return new PostgresCdcConfig(jdbcUrl, user, password, slotName, publicationName, protocolVersion, streaming,
                capacity, statusInterval, streamMemoryBytes, spillDirectory, serverSettings);
    }

    public PostgresCdcConfig withStatusInterval(Duration interval) {
        return new PostgresCdcConfig(jdbcUrl, user, password, slotName, publicationName, protocolVersion, streaming,
                queueCapacity, interval, streamMemoryBytes, spillDirectory, serverSettings);
    }

    public PostgresCdcConfig withStreamBuffer(long memoryBytes, Path directory) {
        return new PostgresCdcConfig(jdbcUrl, user, password, slotName, publicationName, protocolVersion, streaming,
                queueCapacity, statusInterval, memoryBytes, directory, serverSettings);
    }

    public PostgresCdcConfig withServerSettings(Map<String, String> settings) {
        return new PostgresCdcConfig(jdbcUrl, user, password, slotName, publicationName, protocolVersion, streaming,
                queueCapacity, statusInterval, streamMemoryBytes, spillDirectory, settings);
    }

    @Override
    public String toString() {
        return "PostgresCdcConfig[url=" + dev.ferry.model.util.Redaction.redact(jdbcUrl) + ", user=" + user
                + ", slot=" + slotName + ", publication=" + publicationName + ", protocol=" + protocolVersion
                + ", streaming=" + streaming + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PostgresCdcConfig c && c.toString().equals(toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }
}
