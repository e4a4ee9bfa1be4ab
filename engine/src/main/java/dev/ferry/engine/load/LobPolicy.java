package dev.ferry.engine.load;

import dev.ferry.model.project.ObjectLocator;
import dev.ferry.model.project.TableSettingsRule;
import dev.ferry.model.project.TaskSettings;
import dev.ferry.model.schema.Column;
import dev.ferry.model.schema.DataType;
import dev.ferry.model.schema.Engine;
import dev.ferry.model.schema.Table;

import java.util.List;
import java.util.Locale;

/**
 * How LOB columns of one table are copied (DMS {@code LobMode}, {@code LobMaxSize}, {@code LobChunkSize} and the
 * per-table {@code lob-settings}). Immutable, thread-safe.
 *
 * <ul>
 *   <li>{@link Mode#FULL}: every LOB value is copied whole and exact. Values travel through the byte-bounded
 *       reader→writer queue and are written to the target in {@code chunkBytes} pieces (no second encoded copy).</li>
 *   <li>{@link Mode#LIMITED}: the source query reads at most {@code maxBytes} of each LOB (plus its length); longer values
 *       are cut at {@code maxBytes} (text on a character boundary) and every cut is counted per table and noted as
 *       {@link #truncation} says.</li>
 *   <li>{@link Mode#NONE}: LOB columns are not read; the target gets NULL, and every non-NULL source value that was
 *       left out is counted per table with a warning.</li>
 * </ul>
 *
 * @param mode       the mode
 * @param maxBytes   LIMITED: the most bytes kept per value
 * @param chunkBytes FULL: the size of the pieces written to the target
 * @param truncation LIMITED: what a truncated value does to its row
 */
public record LobPolicy(Mode mode, long maxBytes, int chunkBytes, Truncation truncation) {

    public enum Mode { NONE, LIMITED, FULL }

    /** What a value cut by {@link Mode#LIMITED} does to its row (DMS {@code DataTruncationErrorPolicy}). */
    public enum Truncation {
        /** The row is loaded with the truncated value; the cut is counted and noted in {@code ferry_exceptions} (LOG_ERROR, SUPPRESS_RECORD). */
        LOAD_AND_NOTE,
        /** The row is rejected (counted as rejected, in {@code ferry_exceptions}) and the range goes on (IGNORE_RECORD). */
        SKIP_ROW,
        /** The load stops (STOP_TASK). */
        STOP
    }

    public LobPolicy {
        if (mode == null) {
            throw new IllegalArgumentException("LOB mode is required");
        }
        if (maxBytes < 1 || chunkBytes < 1) {
            throw new IllegalArgumentException("LobMaxSize and LobChunkSize must be positive");
        }
        truncation = truncation == null ? Truncation.LOAD_AND_NOTE : truncation;
    }

    /** FULL mode with 64 KB chunks: what {@link LoadSettings#defaults} uses (nothing is cut unless asked). */
    public static LobPolicy full() {
        return new LobPolicy(Mode.FULL, 32 * 1024L, 64 * 1024, Truncation.LOAD_AND_NOTE);
    }

    /** The task's {@code LobMode}, {@code LobMaxSize} (KB), {@code LobChunkSize} (KB) and {@code DataTruncationErrorPolicy}. */
    public static LobPolicy from(TaskSettings s) {
        Mode mode = switch (s.lobMode()) {
            case NONE -> Mode.NONE;
            case LIMITED -> Mode.LIMITED;
            case FULL -> Mode.FULL;
        };
        Truncation t = switch (s.errorPolicy().dataTruncationErrorPolicy()) {
            case STOP_TASK -> Truncation.STOP;
            case IGNORE_RECORD -> Truncation.SKIP_ROW;
            default -> Truncation.LOAD_AND_NOTE;
        };
        return new LobPolicy(mode, s.lobMaxSize() * 1024L, s.lobChunkSize() * 1024, t);
    }

    /**
     * The policy for one table: the first DMS {@code table-settings} rule with {@code lob-settings} whose locator matches
     * the table wins. {@code limited} → LIMITED with {@code bulk-max-size} KB (else the task's LobMaxSize);
     * {@code unlimited} → FULL with {@code bulk-max-size} KB chunks (else the task's LobChunkSize); {@code none} → the
     * task's settings (as in DMS).
     */
    public static LobPolicy forTable(LobPolicy task, Table table, List<TableSettingsRule> rules) {
        if (rules == null) {
            return task;
        }
        String schema = table.schema() == null ? "main" : table.schema();
        for (TableSettingsRule r : rules) {
            ObjectLocator l = r.objectLocator();
            if (r.lobSettings() == null || l == null || !ObjectLocator.matches(l.schemaName(), schema)
                    || !ObjectLocator.matches(l.tableName(), table.name())) {
                continue;
            }
            TableSettingsRule.LobSettings ls = r.lobSettings();
            Long kb = ls.bulkMaxSize() == null ? null : ls.bulkMaxSize().value();
            if (kb != null && kb < 1) {
                throw new IllegalArgumentException("table-settings rule " + r.ruleId() + ": lob-settings bulk-max-size must be"
                        + " at least 1 KB (was " + kb + ")");
            }
            return switch (ls.mode()) {
                case LIMITED -> new LobPolicy(Mode.LIMITED, kb == null ? task.maxBytes() : kb * 1024, task.chunkBytes(), task.truncation());
                case UNLIMITED -> new LobPolicy(Mode.FULL, task.maxBytes(), kb == null ? task.chunkBytes()
                        : (int) Math.min(Integer.MAX_VALUE, kb * 1024), task.truncation());
                case NONE -> task;
            };
        }
        return task;
    }

    /**
     * Whether values of a column of this declared type on {@code engine} are LOBs:
     * PostgreSQL {@code text}, {@code bytea}, {@code json}, {@code jsonb}, {@code xml};
     * MySQL/MariaDB {@code text}, {@code mediumtext}, {@code longtext}, {@code blob}, {@code mediumblob},
     * {@code longblob}, {@code json} (TINYTEXT/TINYBLOB hold at most 255 bytes and are not LOBs);
     * SQLite a declared type containing {@code TEXT}, {@code CLOB} or {@code BLOB}, or no declared type;
     * Oracle {@code CLOB}, {@code NCLOB}, {@code BLOB}, {@code LONG}, {@code LONG RAW}, {@code XMLTYPE}.
     * Arrays are never LOBs.
     */
    public static boolean isLob(Engine engine, DataType type) {
        if (type.arrayDimensions() > 0) {
            return false;
        }
        String n = type.name().toLowerCase(Locale.ROOT).trim();
        switch (engine) {
            case POSTGRESQL:
                return List.of("text", "bytea", "json", "jsonb", "xml").contains(n);
            case MYSQL:
                return List.of("text", "mediumtext", "longtext", "blob", "mediumblob", "longblob", "json").contains(n);
            case SQLITE:
                return n.isEmpty() || n.contains("text") || n.contains("clob") || n.contains("blob");
            case ORACLE:
                return List.of("clob", "nclob", "blob", "long", "long raw", "xmltype").contains(n);
            default:
                return false;
        }
    }

    public static boolean isLob(Engine engine, Column column) {
        return isLob(engine, column.type());
    }
}
