package dev.ferry.engine.load.sqlite;

import dev.ferry.engine.load.Sql;
import dev.ferry.engine.load.TableJob;
import dev.ferry.engine.load.TargetDialect;
import dev.ferry.engine.load.TargetWriter;
import dev.ferry.engine.load.ValueKind;
import dev.ferry.model.schema.Engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * SQLite target: batched prepared INSERTs in one large transaction per range ({@link SqliteBatchWriter}). SQLite allows
 * ONE writer at a time, so the load lets range transactions on a SQLite target take turns (reading stays parallel).
 * Stateless.
 */
public final class SqliteTargetDialect implements TargetDialect {

    @Override
    public Engine engine() {
        return Engine.SQLITE;
    }

    @Override
    public TargetWriter open(Connection connection, TableJob job, List<ValueKind> targetKinds) throws SQLException {
        return new SqliteBatchWriter(connection, job, targetKinds);
    }

    @Override
    public List<String> controlTableDdl(String schema) {
        return List.of(
                "CREATE TABLE IF NOT EXISTS " + Sql.control(Engine.SQLITE, schema, "ferry_load_state") + " ("
                        + "task TEXT NOT NULL, table_name TEXT NOT NULL, range_index INTEGER NOT NULL, lo INTEGER, hi INTEGER, "
                        + "row_count INTEGER NOT NULL, byte_count INTEGER NOT NULL, finished_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP, "
                        + "PRIMARY KEY (task, table_name, range_index))",
                "CREATE TABLE IF NOT EXISTS " + Sql.control(Engine.SQLITE, schema, "ferry_exceptions") + " ("
                        + "id INTEGER PRIMARY KEY, task TEXT NOT NULL, table_name TEXT NOT NULL, key_text TEXT, column_name TEXT, "
                        + "value_excerpt TEXT, reason TEXT NOT NULL, at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP)");
    }

    @Override
    public String markerUpsert(String controlTable) {
        return "INSERT OR REPLACE INTO " + controlTable + " (task, table_name, range_index, lo, hi, row_count, byte_count) "
                + "VALUES (?,?,?,?,?,?,?)";
    }
}
