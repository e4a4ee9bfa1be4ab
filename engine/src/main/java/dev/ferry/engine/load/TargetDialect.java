package dev.ferry.engine.load;

import dev.ferry.model.schema.Engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The target-engine specifics of a load: how rows are bulk-written and the DDL of the control tables. Implementations
 * are stateless and thread-safe ({@code PostgresTargetDialect}, {@code MySqlTargetDialect}, {@code SqliteTargetDialect}).
 */
public interface TargetDialect {

    Engine engine();

    /** Starts writing one range of {@code job} on {@code connection} (auto-commit off). */
    TargetWriter open(Connection connection, TableJob job, List<ValueKind> targetKinds) throws SQLException;

    /** As {@link #open(Connection, TableJob, List)}, sending LOB-sized data in pieces of {@code chunkBytes} where the writer streams. */
    default TargetWriter open(Connection connection, TableJob job, List<ValueKind> targetKinds, int chunkBytes) throws SQLException {
        return open(connection, job, targetKinds);
    }

    /** {@code CREATE TABLE IF NOT EXISTS} statements for {@code ferry_load_state} and {@code ferry_exceptions}. */
    List<String> controlTableDdl(String schema);

    /** Empties a whole target table inside the current transaction. */
    default String truncate(TableJob job) {
        return "DELETE FROM " + Sql.quote(engine(), job.target());
    }

    /**
     * An upsert of one {@code ferry_load_state} row with parameters (task, table_name, range_index, lo, hi, row_count,
     * byte_count). A single statement (not DELETE + INSERT) so concurrent range commits do not deadlock on gap locks.
     */
    String markerUpsert(String controlTable);

    static TargetDialect of(Engine engine) {
        switch (engine) {
            case POSTGRESQL:
                return new dev.ferry.engine.load.postgres.PostgresTargetDialect();
            case MYSQL:
                return new dev.ferry.engine.load.mysql.MySqlTargetDialect();
            case SQLITE:
                return new dev.ferry.engine.load.sqlite.SqliteTargetDialect();
            default:
                throw new IllegalArgumentException("no full-load writer for " + engine.displayName());
        }
    }
}
