package dev.ferry.engine.cdc.oracle;

import dev.ferry.model.schema.QualifiedName;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Settings of an {@link OracleLogMinerSource}. Immutable; the password array is not copied (the caller owns it).
 *
 * @param jdbcUrl       Oracle JDBC URL ({@code jdbc:oracle:thin:@//host:1521/SERVICE}) of a user with the LogMiner
 *                      privileges ({@code LOGMINING}, {@code SELECT ANY TRANSACTION}, {@code EXECUTE ON DBMS_LOGMNR},
 *                      {@code SELECT} on {@code V_$DATABASE}, {@code V_$LOG}, {@code V_$LOGFILE}, {@code V_$ARCHIVED_LOG},
 *                      {@code V_$LOGMNR_CONTENTS}) and supplemental logging enabled for the captured tables
 * @param user          user name
 * @param password      password, or {@code null}
 * @param tables        captured tables (owner, name), names as stored in the dictionary (usually upper case)
 * @param pollInterval  wait between mining rounds when nothing new was committed
 * @param queueCapacity events buffered for the applier (back-pressure beyond it)
 */
public record OracleCdcConfig(String jdbcUrl, String user, char[] password, List<QualifiedName> tables, Duration pollInterval,
                              int queueCapacity) {

    public OracleCdcConfig {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        tables = List.copyOf(tables);
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("an Oracle LogMiner source needs at least one table");
        }
        for (QualifiedName t : tables) {
            if (t.schema() == null) {
                throw new IllegalArgumentException("Oracle table " + t.name() + " needs its owner");
            }
        }
        Objects.requireNonNull(pollInterval, "pollInterval");
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queueCapacity must be positive");
        }
    }

    /** One-second polling, 10 000 queued events. */
    public static OracleCdcConfig forTables(String jdbcUrl, String user, char[] password, List<QualifiedName> tables) {
        return new OracleCdcConfig(jdbcUrl, user, password, tables, Duration.ofSeconds(1), 10_000);
    }
}
