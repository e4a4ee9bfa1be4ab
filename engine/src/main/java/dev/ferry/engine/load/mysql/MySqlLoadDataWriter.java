package dev.ferry.engine.load.mysql;

import dev.ferry.engine.load.ColumnMapping;
import dev.ferry.engine.load.Hex;
import dev.ferry.engine.load.Normalizer;
import dev.ferry.engine.load.Sql;
import dev.ferry.engine.load.TableJob;
import dev.ferry.engine.load.TargetWriter;
import dev.ferry.engine.load.ValueKind;
import dev.ferry.model.schema.Engine;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes batches with {@code LOAD DATA LOCAL INFILE} from an in-memory stream
 * ({@code com.mysql.cj.jdbc.JdbcStatement.setLocalInfileInputStream}), one statement per batch inside the range's
 * transaction; binary columns travel as hex and are decoded with {@code UNHEX}. Without local infile: multi-row
 * INSERTs, each under half of {@code max_allowed_packet} and 60 000 parameters. Used by one writer thread.
 */
public final class MySqlLoadDataWriter implements TargetWriter {

    private final Connection connection;
    private final TableJob job;
    private final List<ValueKind> kinds;
    private final boolean loadData;
    private final long maxPacket;
    private final String loadSql;
    private long bytes;

    MySqlLoadDataWriter(Connection connection, TableJob job, List<ValueKind> kinds, boolean loadData, long maxPacket) {
        this.connection = connection;
        this.job = job;
        this.kinds = kinds;
        this.loadData = loadData;
        this.maxPacket = maxPacket;
        StringBuilder cols = new StringBuilder();
        StringBuilder sets = new StringBuilder();
        for (int i = 0; i < job.columns().size(); i++) {
            String name = Sql.quote(Engine.MYSQL, job.columns().get(i).target().name());
            if (i > 0) {
                cols.append(", ");
            }
            if (kinds.get(i) == ValueKind.BINARY) {
                cols.append("@v").append(i);
                sets.append(sets.length() == 0 ? " SET " : ", ").append(name).append(" = UNHEX(@v").append(i).append(')');
            } else {
                cols.append(name);
            }
        }
        this.loadSql = "LOAD DATA LOCAL INFILE 'ferry.tsv' INTO TABLE " + Sql.quote(Engine.MYSQL, job.target())
                + " CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' ("
                + cols + ")" + sets;
    }

    @Override
    public long write(List<Object[]> rows) throws SQLException {
        long before = bytes;
        if (rows.isEmpty()) {
            return 0;
        }
        if (loadData) {
            StringBuilder sb = new StringBuilder(rows.size() * 64);
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    if (i > 0) {
                        sb.append('\t');
                    }
                    encode(sb, row[i]);
                }
                sb.append('\n');
            }
            byte[] data = sb.toString().getBytes(StandardCharsets.UTF_8);
            try (Statement st = connection.createStatement()) {
                st.unwrap(com.mysql.cj.jdbc.JdbcStatement.class).setLocalInfileInputStream(new ByteArrayInputStream(data));
                int loaded = st.executeUpdate(loadSql);
                java.sql.SQLWarning warning = st.getWarnings();
                if (loaded != rows.size() || warning != null) {
                    // LOCAL implies IGNORE: data errors become warnings, values are truncated or clamped and rows
                    // skipped; never keep a changed value silently: fail the batch (the load then goes row by row
                    // under SKIP_ROW, where strict mode rejects exactly the offending rows)
                    StringBuilder w = new StringBuilder();
                    for (java.sql.SQLWarning x = warning; x != null && w.length() < 500; x = x.getNextWarning()) {
                        w.append(x.getMessage()).append("; ");
                    }
                    throw new SQLException("LOAD DATA into " + job.target() + " loaded " + loaded + " of " + rows.size()
                            + " rows" + (warning == null ? "" : " with warnings") + ": " + w);
                }
            }
            bytes += data.length;
        } else {
            insert(rows);
        }
        return bytes - before;
    }

    private static void encode(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("\\N");
        } else if (v instanceof Boolean) {
            sb.append((Boolean) v ? '1' : '0');
        } else if (v instanceof byte[]) {
            Hex.append(sb, (byte[]) v);
        } else if (v instanceof BigDecimal) {
            sb.append(((BigDecimal) v).toPlainString());
        } else if (v instanceof Number) {
            sb.append(v);
        } else if (v instanceof String) {
            String s = (String) v;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '\\': sb.append("\\\\"); break;
                    case '\t': sb.append("\\t"); break;
                    case '\n': sb.append("\\n"); break;
                    case '\r': sb.append("\\r"); break;
                    case '\0': sb.append("\\0"); break;
                    default: sb.append(c);
                }
            }
        } else {
            sb.append(temporal(v));
        }
    }

    /** MySQL date-time literal text: space separator, no zone (zoned values in UTC). */
    static String temporal(Object v) {
        if (v instanceof OffsetDateTime) {
            v = ((OffsetDateTime) v).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        }
        if (v instanceof LocalDateTime || v instanceof LocalDate || v instanceof java.time.LocalTime) {
            return Normalizer.temporal(v).replace('T', ' ');
        }
        return String.valueOf(v);
    }

    private void insert(List<Object[]> rows) throws SQLException {
        int cols = job.columns().size();
        String head = "INSERT INTO " + Sql.quote(Engine.MYSQL, job.target()) + " ("
                + String.join(", ", job.columns().stream().map(ColumnMapping::target)
                .map(c -> Sql.quote(Engine.MYSQL, c.name())).toList()) + ") VALUES ";
        String tuple = "(" + String.join(",", java.util.Collections.nCopies(cols, "?")) + ")";
        long budget = Math.max(64 * 1024, maxPacket / 2);
        List<Object[]> chunk = new ArrayList<>();
        long size = 0;
        for (Object[] row : rows) {
            long rowSize = estimate(row);
            if (!chunk.isEmpty() && (size + rowSize > budget || (chunk.size() + 1) * cols > 60_000)) {
                flush(head, tuple, chunk);
                chunk.clear();
                size = 0;
            }
            chunk.add(row);
            size += rowSize;
        }
        if (!chunk.isEmpty()) {
            flush(head, tuple, chunk);
        }
    }

    private void flush(String head, String tuple, List<Object[]> chunk) throws SQLException {
        String sql = head + String.join(",", java.util.Collections.nCopies(chunk.size(), tuple));
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            int p = 1;
            for (Object[] row : chunk) {
                for (Object v : row) {
                    if (v instanceof LocalDateTime || v instanceof LocalDate || v instanceof OffsetDateTime
                            || v instanceof java.time.LocalTime) {
                        ps.setString(p++, temporal(v));
                    } else {
                        ps.setObject(p++, v);
                    }
                }
                bytes += estimate(row);
            }
            ps.executeUpdate();
        }
    }

    private static long estimate(Object[] row) {
        long n = 8;
        for (Object v : row) {
            n += v instanceof byte[] ? ((byte[]) v).length * 2L + 4 : v instanceof String ? ((String) v).length() * 4L + 4 : 24;
        }
        return n;
    }

    @Override
    public void finish() {
        // every batch is complete when write returns
    }

    @Override
    public void abort() {
        // statements are complete after each batch; the load rolls the transaction back
    }
}
