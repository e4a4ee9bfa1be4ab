package dev.ferry.engine.load.mysql;

import dev.ferry.engine.load.Sql;
import dev.ferry.engine.load.TableJob;
import dev.ferry.engine.load.TargetDialect;
import dev.ferry.engine.load.TargetWriter;
import dev.ferry.engine.load.ValueKind;
import dev.ferry.model.schema.Engine;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * MySQL/MariaDB target: {@code LOAD DATA LOCAL INFILE} fed from an InputStream per batch ({@link MySqlLoadDataWriter})
 * when the server allows {@code local_infile} and the URL has {@code allowLoadLocalInfile=true}; otherwise multi-row
 * INSERTs sized under {@code max_allowed_packet}. Note: TRUNCATE commits implicitly on MySQL, so tables are emptied
 * with DELETE inside the range transaction. Stateless, thread-safe.
 */
public final class MySqlTargetDialect implements TargetDialect {

    @Override
    public Engine engine() {
        return Engine.MYSQL;
    }

    @Override
    public TargetWriter open(Connection connection, TableJob job, List<ValueKind> targetKinds) throws SQLException {
        boolean localInfile = false;
        long maxPacket = 4L << 20;
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT @@local_infile, @@max_allowed_packet")) {
            if (rs.next()) {
                localInfile = rs.getInt(1) == 1;
                maxPacket = rs.getLong(2);
            }
        }
        try (Statement st = connection.createStatement()) {
            // TIMESTAMP values are written as UTC; strict mode turns a value the column cannot hold into an error on
            // the row-by-row path (LOAD DATA LOCAL only warns: MySqlLoadDataWriter checks its warnings)
            st.execute("SET time_zone = '+00:00'");
            st.execute("SET SESSION sql_mode = CONCAT_WS(',', NULLIF(@@SESSION.sql_mode, ''), 'STRICT_ALL_TABLES')");
        }
        String url = connection.getMetaData().getURL();
        boolean clientAllows = url != null && url.toLowerCase(java.util.Locale.ROOT).contains("allowloadlocalinfile=true");
        return new MySqlLoadDataWriter(connection, job, targetKinds, localInfile && clientAllows, maxPacket);
    }

    @Override
    public List<String> controlTableDdl(String schema) {
        return List.of(
                "CREATE TABLE IF NOT EXISTS " + Sql.control(Engine.MYSQL, schema, "ferry_load_state") + " ("
                        + "task varchar(100) NOT NULL, table_name varchar(400) NOT NULL, range_index int NOT NULL, "
                        + "lo bigint, hi bigint, row_count bigint NOT NULL, byte_count bigint NOT NULL, "
                        + "finished_at datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), PRIMARY KEY (task, table_name, range_index)"
                        + ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4",
                "CREATE TABLE IF NOT EXISTS " + Sql.control(Engine.MYSQL, schema, "ferry_exceptions") + " ("
                        + "id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY, task varchar(100) NOT NULL, table_name varchar(400) NOT NULL, "
                        + "key_text text, column_name varchar(400), value_excerpt text, reason text NOT NULL, "
                        + "at datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
    }

    @Override
    public String markerUpsert(String controlTable) {
        return "INSERT INTO " + controlTable + " (task, table_name, range_index, lo, hi, row_count, byte_count) "
                + "VALUES (?,?,?,?,?,?,?) ON DUPLICATE KEY UPDATE lo = VALUES(lo), hi = VALUES(hi), "
                + "row_count = VALUES(row_count), byte_count = VALUES(byte_count), finished_at = CURRENT_TIMESTAMP(6)";
    }
}
