package dev.ferry.engine.cdc.oracle;

import dev.ferry.engine.cdc.ChangeEvent;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One LogMiner {@code SQL_REDO} statement, parsed by {@link RedoSqlParser}. Values are Java objects as the literals
 * say: {@code String} for a quoted literal (numbers too: LogMiner quotes them), {@code BigDecimal} for an unquoted
 * number, {@code null} for {@code NULL} / {@code IS NULL}, {@code LocalDateTime} for {@code TO_DATE} /
 * {@code TO_TIMESTAMP}, {@code OffsetDateTime} for {@code TO_TIMESTAMP_TZ}, {@code byte[]} for {@code HEXTORAW} and
 * {@code EMPTY_BLOB()}, {@code ""} for {@code EMPTY_CLOB()}. {@link OracleLogMinerSource} converts them by column type.
 *
 * <p>Immutable (the maps are unmodifiable; {@code byte[]} values must not be modified).
 *
 * @param operation INSERT, UPDATE or DELETE
 * @param schema    owner, as written (quoted names keep their case)
 * @param table     table name
 * @param newValues INSERT: the values; UPDATE: the SET list; DELETE: empty. Column → value, in statement order
 * @param oldValues UPDATE / DELETE: the WHERE conditions (the supplementally logged old values); INSERT: empty
 * @param rowId     the {@code ROWID = '...'} condition, or {@code null} (NO_ROWID_IN_STMT)
 */
public record RedoStatement(ChangeEvent.Operation operation, String schema, String table, Map<String, Object> newValues,
                            Map<String, Object> oldValues, String rowId) {

    public RedoStatement {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(table, "table");
        newValues = Collections.unmodifiableMap(new LinkedHashMap<>(newValues));
        oldValues = Collections.unmodifiableMap(new LinkedHashMap<>(oldValues));
    }
}
