package dev.ferry.engine.cdc.mysql;

import dev.ferry.model.schema.QualifiedName;
import dev.ferry.model.util.Redaction;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Settings of a MySQL/MariaDB binlog capture. Immutable (do not modify the password array) and thread-safe;
 * {@link #toString()} never shows the password.
 *
 * @param jdbcUrl        {@code jdbc:mysql://host:port/db...} (or {@code jdbc:mariadb:}) without credentials; used for
 *                       catalog and status queries, and its host and port for the binlog connection
 * @param user           login (needs {@code REPLICATION SLAVE}, {@code REPLICATION CLIENT} / {@code BINLOG MONITOR} and
 *                       {@code SELECT} on the captured tables)
 * @param password       its password ({@code null} or empty when none); never logged
 * @param tables         the captured tables ({@code schema} = MySQL database); changes of other tables are skipped
 * @param serverId       the replica server id the binlog connection announces; unique among the server's replicas
 * @param queueCapacity  events buffered between the reader thread and {@code poll()}
 * @param connectTimeout how long connecting the binlog stream may take
 */
public record MySqlCdcConfig(String jdbcUrl, String user, char[] password, List<QualifiedName> tables, long serverId,
                             int queueCapacity, Duration connectTimeout) {

    private static final Pattern HOST_PORT = Pattern.compile("^jdbc:(?:mysql|mariadb)://([^/:?]+|\\[[^]]+])(?::(\\d+))?.*");

    public MySqlCdcConfig {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!HOST_PORT.matcher(jdbcUrl).matches()) {
            throw new IllegalArgumentException("not a MySQL/MariaDB JDBC URL with a host: " + Redaction.redact(jdbcUrl));
        }
        Objects.requireNonNull(user, "user");
        tables = List.copyOf(tables);
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("no tables to capture");
        }
        for (QualifiedName t : tables) {
            if (t.schema() == null || t.schema().isBlank()) {
                throw new IllegalArgumentException("captured table " + t.name() + " needs its database (schema)");
            }
        }
        if (serverId < 1 || serverId > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("replica server id must be between 1 and 4294967295, not " + serverId);
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queue capacity must be positive");
        }
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(30) : connectTimeout;
    }

    /** Defaults for a task: a random replica server id, 8192 queued events, 30 s connect timeout. */
    public static MySqlCdcConfig forTables(String jdbcUrl, String user, char[] password, List<QualifiedName> tables) {
        return new MySqlCdcConfig(jdbcUrl, user, password, tables, ThreadLocalRandom.current().nextLong(100_000, 1_000_000_000),
                8192, Duration.ofSeconds(30));
    }

    public MySqlCdcConfig withQueueCapacity(int capacity) {
        return new MySqlCdcConfig(jdbcUrl, user, password, tables, serverId, capacity, connectTimeout);
    }

    public MySqlCdcConfig withServerId(long id) {
        return new MySqlCdcConfig(jdbcUrl, user, password, tables, id, queueCapacity, connectTimeout);
    }

    /** The host of {@link #jdbcUrl()}. */
    public String host() {
        Matcher m = HOST_PORT.matcher(jdbcUrl);
        m.matches();
        String h = m.group(1);
        return h.startsWith("[") ? h.substring(1, h.length() - 1) : h;
    }

    /** The port of {@link #jdbcUrl()} (3306 when none). */
    public int port() {
        Matcher m = HOST_PORT.matcher(jdbcUrl);
        m.matches();
        return m.group(2) == null ? 3306 : Integer.parseInt(m.group(2));
    }

    /** The password as a string for the drivers ({@code ""} when none). */
    String passwordText() {
        return password == null ? "" : new String(password);
    }

    @Override
    public String toString() {
        return "MySqlCdcConfig[" + Redaction.redact(jdbcUrl) + ", user=" + user + ", tables=" + tables + ", serverId=" + serverId
                + ", queueCapacity=" + queueCapacity + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MySqlCdcConfig c && c.jdbcUrl.equals(jdbcUrl) && c.user.equals(user) && c.tables.equals(tables)
                && c.serverId == serverId && c.queueCapacity == queueCapacity && c.connectTimeout.equals(connectTimeout);
    }

    @Override
    public int hashCode() {
        return Objects.hash(jdbcUrl, user, tables, serverId, queueCapacity);
    }
}
