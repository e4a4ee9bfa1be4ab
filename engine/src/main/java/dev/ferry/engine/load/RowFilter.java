package dev.ferry.engine.load;

import dev.ferry.model.schema.Engine;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A source row filter (DMS selection-rule {@code filters}): the load reads, plans and validates only the source rows it
 * accepts. Rendered per engine with every identifier quoted and every value a bound parameter. Immutable, thread-safe.
 *
 * <p>Shape: {@code alternatives} are OR-ed (one per selection rule that selects the table with filters); inside one
 * alternative the column filters are AND-ed; inside one column filter the conditions are OR-ed (as in DMS).
 *
 * @param alternatives the alternatives; never empty
 */
public record RowFilter(List<List<ColumnFilter>> alternatives) {

    public enum Op { EQ, NOTEQ, LTE, GTE, BETWEEN, NOTBETWEEN, NULL, NOTNULL }

    /** One condition; {@code value}/{@code end} as given in the rule (strings, bound as parameters). */
    public record Condition(Op op, String value, String end) {
        public Condition {
            Objects.requireNonNull(op, "op");
        }

        /** A one-value condition ({@code eq}, {@code noteq}, {@code lte}, {@code gte}). */
        public Condition(Op op, String value) {
            this(op, value, null);
        }
    }

    /** Conditions on one source column, OR-ed. */
    public record ColumnFilter(String column, List<Condition> conditions) {
        public ColumnFilter {
            conditions = List.copyOf(conditions);
            if (conditions.isEmpty()) {
                throw new IllegalArgumentException("filter on " + column + " has no conditions");
            }
        }
    }

    public RowFilter {
        alternatives = alternatives.stream().map(List::copyOf).toList();
        if (alternatives.isEmpty() || alternatives.stream().anyMatch(List::isEmpty)) {
            throw new IllegalArgumentException("a row filter needs at least one column filter");
        }
    }

    public static RowFilter of(List<ColumnFilter> filters) {
        return new RowFilter(List.of(filters));
    }

    /** The predicate (without WHERE) for {@code engine}, with {@code ?} placeholders in {@link #parameters()} order. */
    public String sql(Engine engine) {
        return render(engine, v -> "?");
    }

    /**
     * The predicate with every value written as a literal by {@code literal} (which must quote and escape it), for
     * statements that take no parameters, such as PostgreSQL's {@code COPY (SELECT ...) TO STDOUT}.
     */
    public String sqlWithLiterals(Engine engine, java.util.function.UnaryOperator<String> literal) {
        return render(engine, literal);
    }

    private String render(Engine engine, java.util.function.UnaryOperator<String> value) {
        StringBuilder sb = new StringBuilder();
        for (int a = 0; a < alternatives.size(); a++) {
            sb.append(a > 0 ? " OR " : "").append('(');
            List<ColumnFilter> alt = alternatives.get(a);
            for (int f = 0; f < alt.size(); f++) {
                ColumnFilter cf = alt.get(f);
                String c = Sql.quote(engine, cf.column());
                sb.append(f > 0 ? " AND " : "").append('(');
                for (int i = 0; i < cf.conditions().size(); i++) {
                    sb.append(i > 0 ? " OR " : "");
                    Condition cond = cf.conditions().get(i);
                    switch (cond.op()) {
                        case EQ -> sb.append(c).append(" = ").append(value.apply(cond.value()));
                        case NOTEQ -> sb.append(c).append(" <> ").append(value.apply(cond.value()));
                        case LTE -> sb.append(c).append(" <= ").append(value.apply(cond.value()));
                        case GTE -> sb.append(c).append(" >= ").append(value.apply(cond.value()));
                        case BETWEEN -> sb.append(c).append(" BETWEEN ").append(value.apply(cond.value()))
                                .append(" AND ").append(value.apply(cond.end()));
                        case NOTBETWEEN -> sb.append(c).append(" NOT BETWEEN ").append(value.apply(cond.value()))
                                .append(" AND ").append(value.apply(cond.end()));
                        case NULL -> sb.append(c).append(" IS NULL");
                        case NOTNULL -> sb.append(c).append(" IS NOT NULL");
                        default -> throw new IllegalStateException(cond.op().name());
                    }
                }
                sb.append(')');
            }
            sb.append(')');
        }
        return sb.toString();
    }

    /** The values to bind, in placeholder order. */
    public List<String> parameters() {
        List<String> out = new ArrayList<>();
        for (List<ColumnFilter> alt : alternatives) {
            for (ColumnFilter cf : alt) {
                for (Condition c : cf.conditions()) {
                    switch (c.op()) {
                        case EQ, NOTEQ, LTE, GTE -> out.add(c.value());
                        case BETWEEN, NOTBETWEEN -> {
                            out.add(c.value());
                            out.add(c.end());
                        }
                        default -> {
                        }
                    }
                }
            }
        }
        return out;
    }

    /**
     * Binds the parameters from index {@code first}. PostgreSQL gets untyped parameters (the server infers the column's
     * type, so {@code '100'} compares with an integer and {@code '2024-01-01'} with a date); MySQL and SQLite compare
     * text parameters with their usual conversions (SQLite applies the column's affinity).
     *
     * @return the next free parameter index
     */
    public int bind(Engine engine, PreparedStatement ps, int first) throws SQLException {
        int i = first;
        for (String v : parameters()) {
            if (engine == Engine.POSTGRESQL) {
                ps.setObject(i++, v, Types.OTHER);
            } else {
                ps.setString(i++, v);
            }
        }
        return i;
    }

    /** {@code base} (SQL that may end in a WHERE clause from {@link Sql#rangePredicate}) with this filter added. */
    public static String and(String baseWhere, RowFilter filter, Engine engine) {
        if (filter == null) {
            return baseWhere;
        }
        return (baseWhere.isEmpty() ? " WHERE " : baseWhere + " AND ") + "(" + filter.sql(engine) + ")";
    }
}
