package dev.ferry.engine.catalog;

import dev.ferry.model.util.Redaction;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** JDBC helpers shared by the catalog readers. Stateless; every call runs on the caller's thread. */
public final class JdbcSupport {

    private JdbcSupport() {
    }

    /** Maps one row. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Runs {@code sql} with positional string/number parameters and maps every row; errors name {@code what}. */
    public static <T> List<T> query(Connection c, String what, String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new SQLException("reading " + what + " failed: " + Redaction.redact(e.getMessage()), e.getSQLState(), e.getErrorCode(), e);
        }
    }

    /** {@code rs.getLong} that returns {@code null} for SQL NULL. */
    public static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    public static Integer intOrNull(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    public static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
