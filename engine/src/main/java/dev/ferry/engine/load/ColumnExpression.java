package dev.ferry.engine.load;

import dev.ferry.model.schema.Column;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A DMS {@code add-column} expression: SQLite expression syntax with source columns written {@code $NAME}, as in DMS
 * (e.g. {@code $FIRST_NAME||' '||$LAST_NAME}). SQLite itself evaluates it: the expression is prepared once as
 * {@code SELECT (expression)} on an in-memory SQLite database, where {@code $NAME} is SQLite's own named-parameter
 * syntax, and each row binds the source values (integers, exact decimals as text, text, blobs, booleans 1/0, dates and
 * times as ISO text). Nothing is rewritten in the expression text.
 *
 * @param ruleId     the add-column rule's id (named in errors)
 * @param target     the target column's name
 * @param expression the expression as written in the rule
 * @param arguments  the source columns it references, in SQLite's parameter order (first appearance)
 */
public record ColumnExpression(String ruleId, String target, String expression, List<Column> arguments) {

    public ColumnExpression {
        Objects.requireNonNull(expression, "expression");
        arguments = List.copyOf(arguments);
    }

    /**
     * The distinct {@code $NAME} parameters of {@code expression} in order of first appearance (SQLite's numbering),
     * skipping string literals and quoted identifiers.
     */
    public static List<String> parameterNames(String expression) {
        List<String> names = new ArrayList<>();
        int i = 0;
        int n = expression.length();
        while (i < n) {
            char ch = expression.charAt(i);
            if (ch == '\'' || ch == '"' || ch == '`' || ch == '[') {
                char close = ch == '[' ? ']' : ch;
                i++;
                while (i < n) {
                    if (expression.charAt(i) == close) {
                        if (close != ']' && i + 1 < n && expression.charAt(i + 1) == close) {
                            i += 2; // doubled quote inside the literal
                            continue;
                        }
                        break;
                    }
                    i++;
                }
                i++;
            } else if (ch == '$') {
                int start = ++i;
                while (i < n && (Character.isLetterOrDigit(expression.charAt(i)) || expression.charAt(i) == '_')) {
                    i++;
                }
                String name = expression.substring(start, i);
                if (!name.isEmpty() && !names.contains(name)) {
                    names.add(name);
                }
            } else {
                i++;
            }
        }
        return names;
    }

    /** Prepares the expression once (syntax check); the message is SQLite's. */
    public void check() throws SQLException {
        try (Evaluator e = open()) {
            // preparing is the check
        }
    }

    /** An evaluator bound to its own in-memory SQLite connection; use it from one thread and close it. */
    public Evaluator open() throws SQLException {
        return new Evaluator(this);
    }

    /** Evaluates the expression for one row at a time. Not thread-safe. */
    public static final class Evaluator implements AutoCloseable {
        private final Connection connection;
        private final PreparedStatement statement;

        private Evaluator(ColumnExpression e) throws SQLException {
            this.connection = DriverManager.getConnection("jdbc:sqlite::memory:");
            try {
                this.statement = connection.prepareStatement("SELECT (" + e.expression + ")");
            } catch (SQLException ex) {
                connection.close();
                throw ex;
            }
        }

        /** The value for the given argument values (in {@link #arguments()} order): Long, Double, String, byte[] or null. */
        public Object evaluate(Object[] values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                bind(i + 1, values[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                Object v = rs.getObject(1);
                return v instanceof Integer ? Long.valueOf((Integer) v) : v;
            }
        }

        private void bind(int i, Object v) throws SQLException {
            if (v == null || v == SpecialValue.ZERO_DATE) {
                statement.setNull(i, Types.NULL);
            } else if (v instanceof Boolean) {
                statement.setLong(i, (Boolean) v ? 1 : 0);
            } else if (v instanceof BigDecimal) {
                BigDecimal d = (BigDecimal) v;
                if (d.signum() == 0 || d.stripTrailingZeros().scale() <= 0 && d.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
                    statement.setLong(i, d.longValue());
                } else {
                    statement.setString(i, d.toPlainString()); // SQLite converts text to a number where arithmetic needs one
                }
            } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
                statement.setLong(i, ((Number) v).longValue());
            } else if (v instanceof Double || v instanceof Float) {
                statement.setDouble(i, ((Number) v).doubleValue());
            } else if (v instanceof byte[]) {
                statement.setBytes(i, (byte[]) v);
            } else if (v instanceof LocalDate || v instanceof LocalDateTime || v instanceof OffsetDateTime || v instanceof LocalTime) {
                statement.setString(i, Normalizer.temporal(v).replace('T', ' ').replace("Z", ""));
            } else {
                statement.setString(i, v.toString());
            }
        }

        @Override
        public void close() throws SQLException {
            try {
                statement.close();
            } finally {
                connection.close();
            }
        }
    }
}
