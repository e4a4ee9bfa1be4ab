package dev.ferry.engine.load.sqlite;

import dev.ferry.engine.load.ColumnMapping;
import dev.ferry.engine.load.Normalizer;
import dev.ferry.engine.load.Sql;
import dev.ferry.engine.load.TableJob;
import dev.ferry.engine.load.TargetWriter;
import dev.ferry.engine.load.ValueKind;
import dev.ferry.model.schema.Engine;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Batched prepared INSERTs ({@code addBatch}/{@code executeBatch} per batch). Booleans are stored as 0/1, date-times as
 * ISO text with a space separator, decimals as their exact text (NUMERIC affinity then stores them as numbers). Used by
 * one writer thread.
 */
public final class SqliteBatchWriter implements TargetWriter {

    private final PreparedStatement insert;
    private long bytes;

    SqliteBatchWriter(Connection connection, TableJob job, List<ValueKind> kinds) throws SQLException {
        String cols = job.columns().stream().map(ColumnMapping::target).map(c -> Sql.quote(Engine.SQLITE, c.name()))
                .collect(Collectors.joining(", "));
        this.insert = connection.prepareStatement("INSERT INTO " + Sql.quote(Engine.SQLITE, job.target()) + " (" + cols
                + ") VALUES (" + String.join(", ", Collections.nCopies(job.columns().size(), "?")) + ")");
    }

    @Override
    public long write(List<Object[]> rows) throws SQLException {
        long before = bytes;
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                Object v = row[i];
                if (v instanceof Boolean) {
                    insert.setInt(i + 1, (Boolean) v ? 1 : 0);
                    bytes += 1;
                } else if (v instanceof BigDecimal) {
                    insert.setString(i + 1, ((BigDecimal) v).toPlainString());
                    bytes += 8;
                } else if (v instanceof LocalDateTime || v instanceof LocalDate || v instanceof OffsetDateTime
                        || v instanceof java.time.LocalTime) {
                    String s = Normalizer.temporal(v).replace('T', ' ');
                    insert.setString(i + 1, s);
                    bytes += s.length();
                } else if (v instanceof byte[]) {
                    insert.setBytes(i + 1, (byte[]) v);
                    bytes += ((byte[]) v).length;
                } else {
                    insert.setObject(i + 1, v);
                    bytes += v instanceof String ? ((String) v).length() : 8;
                }
            }
            insert.addBatch();
        }
        insert.executeBatch();
        return bytes - before;
    }

    @Override
    public void finish() throws SQLException {
        insert.close();
    }

    @Override
    public void abort() {
        try {
            insert.close();
        } catch (SQLException ignored) {
            // rolled back by the load
        }
    }
}
