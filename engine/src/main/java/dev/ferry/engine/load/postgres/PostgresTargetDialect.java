package dev.ferry.engine.load.postgres;

import dev.ferry.engine.load.ColumnMapping;
import dev.ferry.engine.load.Sql;
import dev.ferry.engine.load.TableJob;
import dev.ferry.engine.load.TargetDialect;
import dev.ferry.engine.load.TargetWriter;
import dev.ferry.engine.load.ValueKind;
import dev.ferry.model.schema.Engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

/** PostgreSQL target: {@code COPY ... FROM STDIN} in text format ({@link PostgresCopyWriter}). Stateless, thread-safe. */
public final class PostgresTargetDialect implements TargetDialect {

    @Override
    public Engine engine() {
        return Engine.POSTGRESQL;
    }

    @Override
    public TargetWriter open(Connection connection, TableJob job, List<ValueKind> targetKinds) throws SQLException {
        return open(connection, job, targetKinds, 64 * 1024);
    }

    @Override
    public TargetWriter open(Connection connection, TableJob job, List<ValueKind> targetKinds, int chunkBytes) throws SQLException {
        String columns = job.columns().stream().map(ColumnMapping::target).map(c -> Sql.quote(Engine.POSTGRESQL, c.name()))
                .collect(Collectors.joining(", "));
        String sql = "COPY " + Sql.quote(Engine.POSTGRESQL, job.target()) + " (" + columns + ") FROM STDIN";
        return new PostgresCopyWriter(connection, sql, chunkBytes);
    }

    /** TRUNCATE is transactional on PostgreSQL and much cheaper than DELETE. */
    @Override
    public String truncate(TableJob job) {
        return "TRUNCATE " + Sql.quote(Engine.POSTGRESQL, job.target());
    }

    @Override
    public List<String> controlTableDdl(String schema) {
        return List.of(
                "CREATE TABLE IF NOT EXISTS " + Sql.control(Engine.POSTGRESQL, schema, "ferry_load_state") + " ("
                        + "task varchar(100) NOT NULL, table_name varchar(400) NOT NULL, range_index integer NOT NULL, "
                        + "lo bigint, hi bigint, row_count bigint NOT NULL, byte_count bigint NOT NULL, "
                        + "finished_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP, PRIMARY KEY (task, table_name, range_index))",
                "CREATE TABLE IF NOT EXISTS " + Sql.control(Engine.POSTGRESQL, schema, "ferry_exceptions") + " ("
                        + "id bigserial PRIMARY KEY, task varchar(100) NOT NULL, table_name varchar(400) NOT NULL, "
                        + "key_text text, column_name varchar(400), value_excerpt text, reason text NOT NULL, "
                        + "at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP)");
    }

    @Override
    public String markerUpsert(String controlTable) {
        return "INSERT INTO " + controlTable + " (task, table_name, range_index, lo, hi, row_count, byte_count) "
                + "VALUES (?,?,?,?,?,?,?) ON CONFLICT (task, table_name, range_index) DO UPDATE SET lo = EXCLUDED.lo, "
                + "hi = EXCLUDED.hi, row_count = EXCLUDED.row_count, byte_count = EXCLUDED.byte_count, finished_at = CURRENT_TIMESTAMP";
    }
}
