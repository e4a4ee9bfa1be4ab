package dev.ferry.engine.load;

import dev.ferry.model.schema.Engine;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The slow, exact fallback for a range whose bulk write failed on the target under {@link ErrorPolicy#SKIP_ROW} (a
 * value too long, a constraint violated...): one INSERT per row, each in a savepoint on PostgreSQL (where a failed
 * statement would abort the transaction), so only the offending rows are rejected. Used by one writer thread.
 */
final class RowByRowWriter implements AutoCloseable {

    private final Connection connection;
    private final Engine engine;
    private final List<ValueKind> kinds;
    private final PreparedStatement insert;

    RowByRowWriter(Connection connection, Engine engine, TableJob job, List<ValueKind> kinds) throws SQLException {
        this.connection = connection;
        this.engine = engine;
        this.kinds = kinds;
        String cols = job.columns().stream().map(m -> Sql.quote(engine, m.target().name())).collect(Collectors.joining(", "));
        this.insert = connection.prepareStatement("INSERT INTO " + Sql.quote(engine, job.target()) + " (" + cols
                + ") VALUES (" + String.join(", ", Collections.nCopies(job.columns().size(), "?")) + ")");
    }

    /** Inserts one converted row; throws the target's error for this row (the transaction stays usable). */
    void insert(Object[] row) throws SQLException {
        for (int i = 0; i < row.length; i++) {
            bind(i + 1, row[i], kinds.get(i));
        }
        Savepoint sp = engine == Engine.POSTGRESQL ? connection.setSavepoint() : null;
        try {
            insert.executeUpdate();
            if (sp != null) {
                connection.releaseSavepoint(sp);
            }
        } catch (SQLException e) {
            if (sp != null) {
                connection.rollback(sp);
            }
            throw e;
        }
    }

    private void bind(int i, Object v, ValueKind kind) throws SQLException {
        if (v == null) {
            insert.setNull(i, Types.NULL);
        } else if (v instanceof LocalDateTime || v instanceof LocalDate || v instanceof OffsetDateTime || v instanceof LocalTime) {
            if (engine == Engine.POSTGRESQL) {
                insert.setObject(i, v);
            } else {
                String s = Normalizer.temporal(v instanceof OffsetDateTime
                        ? ((OffsetDateTime) v).withOffsetSameInstant(java.time.ZoneOffset.UTC).toLocalDateTime() : v);
                insert.setString(i, s.replace('T', ' '));
            }
        } else if (v instanceof Boolean && engine != Engine.POSTGRESQL) {
            insert.setInt(i, (Boolean) v ? 1 : 0);
        } else if (v instanceof BigDecimal && engine == Engine.SQLITE) {
            insert.setString(i, ((BigDecimal) v).toPlainString());
        } else if (v instanceof String && engine == Engine.POSTGRESQL && kind != ValueKind.TEXT) {
            insert.setObject(i, v, Types.OTHER); // json, uuid, enum...: let the server type the literal
        } else {
            insert.setObject(i, v);
        }
    }

    @Override
    public void close() throws SQLException {
        insert.close();
    }
}
