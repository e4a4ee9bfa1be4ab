package dev.ferry.engine.cdc.apply;

import dev.ferry.engine.cdc.ChangeColumn;
import dev.ferry.engine.cdc.ChangeEvent;
import dev.ferry.engine.cdc.ValueMarker;
import dev.ferry.engine.load.ColumnExpression;
import dev.ferry.engine.load.ColumnMapping;
import dev.ferry.engine.load.Normalizer;
import dev.ferry.engine.load.RowFilter;
import dev.ferry.engine.load.RowRejectedException;
import dev.ferry.engine.load.TableJob;
import dev.ferry.model.schema.Column;
import dev.ferry.model.schema.QualifiedName;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The DMS table-mapping rules applied to row changes, from the same resolved {@link TableJob}s as the full load:
 * column renames and case conversions (the job's target column names), removed columns (source columns the job does
 * not copy are left out), added columns (the {@code add-column} expression evaluated by {@link ColumnExpression} on
 * the new row) and selection-rule row filters.
 *
 * <p>Filters: an INSERT whose row does not match is skipped; an UPDATE moving a row out of the filter becomes a DELETE
 * of the old key, one moving a row into the filter an INSERT (the applier upserts by the target key); an UPDATE or
 * DELETE whose old row is known not to match is skipped. Whether the old row matched is known when the before image
 * holds every filtered column (REPLICA IDENTITY FULL, MySQL row images) or the filter uses key columns only; when it is
 * unknown the UPDATE/DELETE is applied (an update is an upsert, a delete of a missing row changes nothing). A filtered
 * column whose new value was not sent (unchanged TOAST) leaves the UPDATE as it is. Values are compared with the
 * filter's text as numbers when the value is a number, as dates/times when it is temporal, else as text (binary
 * order); the full load compares on the source server, whose collation may order text differently.
 *
 * <p>Columns the plan does not know (added on the source after planning) pass through unchanged, so the applier
 * reports them if the target lacks them: nothing is dropped silently. Tables without a job pass through unchanged.
 *
 * <p>Threading: not thread-safe; used by the applier thread only (expression evaluators hold SQLite connections;
 * {@link #close()} releases them).
 */
public final class ChangeMapping implements AutoCloseable {

    /** Applies no rules. */
    public static final ChangeMapping NONE = new ChangeMapping(List.of());

    private final Map<QualifiedName, TableRules> exact = new HashMap<>();
    private final Map<String, TableRules> byName = new HashMap<>();
    private final Set<String> ambiguous = new HashSet<>();

    private ChangeMapping(List<TableJob> jobs) {
        for (TableJob j : jobs) {
            TableRules r = new TableRules(j);
            exact.put(j.source().qualifiedName(), r);
            if (byName.putIfAbsent(j.source().name(), r) != null) {
                ambiguous.add(j.source().name());
            }
        }
        ambiguous.forEach(byName::remove);
    }

    /** The rules of a load plan's jobs. */
    public static ChangeMapping of(List<TableJob> jobs) {
        return new ChangeMapping(jobs);
    }

    /** The target table of a source table (the job's target), or the source name when no job covers it. */
    public QualifiedName target(QualifiedName source) {
        TableRules r = rules(source);
        return r == null ? source : r.job.target();
    }

    /** Whether a job of the plan covers this source table (its rules and target name apply). */
    public boolean covers(QualifiedName source) {
        return rules(source) != null;
    }

    /**
     * {@code settings} with its table mapping sending every covered source table to its job's target; tables no job
     * covers keep the mapping {@code settings} had.
     */
    public ApplySettings applyTo(ApplySettings settings) {
        if (exact.isEmpty()) {
            return settings;
        }
        java.util.function.UnaryOperator<QualifiedName> fallback = settings.tableMapping();
        return settings.withTableMapping(q -> {
            TableRules r = rules(q);
            return r != null ? r.job.target() : fallback.apply(q);
        });
    }

    private TableRules rules(QualifiedName table) {
        TableRules r = exact.get(table);
        return r != null ? r : byName.get(table.name());
    }

    /**
     * The change as it applies to the target table, or {@code null} when the row filter skips it.
     *
     * @throws RowRejectedException an added column's expression failed for this row (error policy applies)
     */
    public ChangeEvent.RowChange map(ChangeEvent.RowChange r) throws RowRejectedException {
        TableRules t = rules(r.table());
        if (t == null) {
            return r;
        }
        ChangeEvent.RowChange f = t.job.filter() == null ? r : filter(t.job.filter(), r);
        return f == null ? null : t.project(f);
    }

    // ---------------------------------------------------------------- filters

    /** The change after the row filter (possibly turned into a DELETE or INSERT), or {@code null} when skipped. */
    static ChangeEvent.RowChange filter(RowFilter filter, ChangeEvent.RowChange r) {
        Boolean newMatch = r.after() == null ? null : matches(filter, r, r.after());
        Boolean oldMatch = oldMatch(filter, r);
        switch (r.operation()) {
            case INSERT -> {
                return Boolean.FALSE.equals(newMatch) ? null : r;
            }
            case DELETE -> {
                return Boolean.FALSE.equals(oldMatch) ? null : r;
            }
            default -> {
                if (newMatch == null) {
                    return r;
                }
                if (newMatch) {
                    if (Boolean.FALSE.equals(oldMatch) && !hasUnsent(r.after())) {
                        return new ChangeEvent.RowChange(ChangeEvent.Operation.INSERT, r.table(), r.columns(),
                                ChangeEvent.BeforeImage.NONE, null, r.after(), r.position());
                    }
                    return r;
                }
                if (Boolean.FALSE.equals(oldMatch)) {
                    return null;
                }
                // moved out of the filter (or old state unknown): delete by the old key
                List<Object> old = r.before() != null ? r.before() : r.after();
                return new ChangeEvent.RowChange(ChangeEvent.Operation.DELETE, r.table(), r.columns(),
                        r.before() != null ? r.beforeImage() : ChangeEvent.BeforeImage.KEY, old, null, r.position());
            }
        }
    }

    private static boolean hasUnsent(List<Object> row) {
        return row.stream().anyMatch(v -> v == ValueMarker.UNCHANGED_TOAST);
    }

    /** Whether the old row matched: {@code null} when the event does not carry the filtered columns' old values. */
    private static Boolean oldMatch(RowFilter filter, ChangeEvent.RowChange r) {
        boolean keyOnly = true;
        for (List<RowFilter.ColumnFilter> alt : filter.alternatives()) {
            for (RowFilter.ColumnFilter cf : alt) {
                int i = index(r.columns(), cf.column());
                keyOnly &= i >= 0 && r.columns().get(i).key();
            }
        }
        return switch (r.beforeImage()) {
            case FULL -> matches(filter, r, r.before());
            case KEY -> keyOnly ? matches(filter, r, r.before()) : null;
            // no old row: an update that did not change the key, or an insert
            case NONE -> keyOnly && r.after() != null && r.operation() == ChangeEvent.Operation.UPDATE
                    ? matches(filter, r, r.after()) : null;
        };
    }

    /** OR of alternatives, AND of column filters, OR of conditions; {@code null} when a filtered value is unknown. */
    static Boolean matches(RowFilter filter, ChangeEvent.RowChange r, List<Object> row) {
        boolean unknown = false;
        for (List<RowFilter.ColumnFilter> alt : filter.alternatives()) {
            boolean all = true;
            boolean altUnknown = false;
            for (RowFilter.ColumnFilter cf : alt) {
                int i = index(r.columns(), cf.column());
                if (i < 0 || row.get(i) == ValueMarker.UNCHANGED_TOAST) {
                    altUnknown = true;
                    continue;
                }
                Object v = row.get(i);
                boolean any = false;
                for (RowFilter.Condition c : cf.conditions()) {
                    any |= holds(c, v);
                }
                all &= any;
            }
            if (all && !altUnknown) {
                return true;
            }
            unknown |= all && altUnknown;
        }
        return unknown ? null : false;
    }

    private static boolean holds(RowFilter.Condition c, Object v) {
        return switch (c.op()) {
            case NULL -> v == null;
            case NOTNULL -> v != null;
            case EQ -> v != null && compare(v, c.value()) == 0;
            case NOTEQ -> v != null && compare(v, c.value()) != 0;
            case LTE -> v != null && compare(v, c.value()) <= 0;
            case GTE -> v != null && compare(v, c.value()) >= 0;
            case BETWEEN -> v != null && compare(v, c.value()) >= 0 && compare(v, c.end()) <= 0;
            case NOTBETWEEN -> v != null && (compare(v, c.value()) < 0 || compare(v, c.end()) > 0);
        };
    }

    /** Compares a change value with a filter literal (see the class comment). */
    static int compare(Object v, String literal) {
        String lit = literal.trim();
        if (v instanceof Number n) {
            try {
                return new BigDecimal(n.toString()).compareTo(new BigDecimal(lit));
            } catch (NumberFormatException e) {
                return n.toString().compareTo(literal);
            }
        }
        if (v instanceof Boolean b) {
            boolean l = lit.equalsIgnoreCase("true") || lit.equalsIgnoreCase("t") || lit.equals("1");
            return Boolean.compare(b, l);
        }
        try {
            if (v instanceof LocalDate d) {
                return d.compareTo(LocalDate.parse(lit.length() > 10 ? lit.substring(0, 10) : lit));
            }
            if (v instanceof LocalDateTime d) {
                return d.compareTo(lit.length() == 10 ? LocalDate.parse(lit).atStartOfDay() : LocalDateTime.parse(lit.replace(' ', 'T')));
            }
            if (v instanceof LocalTime t) {
                return t.compareTo(LocalTime.parse(lit));
            }
            if (v instanceof OffsetDateTime t) {
                return Normalizer.temporal(t).compareTo(lit);
            }
        } catch (java.time.format.DateTimeParseException e) {
            return Normalizer.temporal(v).replace('T', ' ').compareTo(lit);
        }
        return String.valueOf(v).compareTo(literal);
    }

    private static int index(List<ChangeColumn> cols, String name) {
        for (int i = 0; i < cols.size(); i++) {
            if (cols.get(i).name().equals(name)) {
                return i;
            }
        }
        for (int i = 0; i < cols.size(); i++) {
            if (cols.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void close() {
        exact.values().forEach(TableRules::close);
    }

    // ---------------------------------------------------------------- columns

    /** One job's column rules; caches the projection per incoming column list. */
    private static final class TableRules {
        private final TableJob job;
        private final Map<String, String> renames = new HashMap<>();     // source name (exact) -> target name
        private final Set<String> planned = new HashSet<>();             // lower-cased source names the plan knows
        private final List<ColumnMapping> computed = new ArrayList<>();
        private final List<ColumnExpression.Evaluator> evaluators = new ArrayList<>();
        private List<ChangeColumn> lastIn;
        private Projection last;

        TableRules(TableJob job) {
            this.job = job;
            for (Column c : job.source().columns()) {
                planned.add(c.name().toLowerCase(Locale.ROOT));
            }
            for (ColumnMapping m : job.columns()) {
                if (m.computed() == null) {
                    renames.put(m.source().name(), m.target().name());
                } else {
                    computed.add(m);
                }
            }
        }

        /** Per incoming column list: which event columns are kept (and as what), then the computed columns' arguments. */
        private record Projection(List<ChangeColumn> columns, int[] kept, int[][] args) {
        }

        private Projection projection(List<ChangeColumn> in) {
            if (in.equals(lastIn)) {
                return last;
            }
            List<ChangeColumn> out = new ArrayList<>();
            List<Integer> kept = new ArrayList<>();
            for (int i = 0; i < in.size(); i++) {
                ChangeColumn c = in.get(i);
                String to = renames.get(c.name());
                if (to == null) {
                    to = renames.entrySet().stream().filter(x -> x.getKey().equalsIgnoreCase(c.name()))
                            .map(Map.Entry::getValue).findFirst().orElse(null);
                }
                if (to == null && planned.contains(c.name().toLowerCase(Locale.ROOT))) {
                    continue; // removed by a remove-column rule
                }
                out.add(to == null ? c : new ChangeColumn(to, c.typeName(), c.typeId(), c.typeModifier(), c.key()));
                kept.add(i);
            }
            int[][] args = new int[computed.size()][];
            for (int k = 0; k < computed.size(); k++) {
                ColumnMapping m = computed.get(k);
                List<Column> a = m.computed().arguments();
                args[k] = new int[a.size()];
                for (int j = 0; j < a.size(); j++) {
                    args[k][j] = index(in, a.get(j).name());
                }
                out.add(new ChangeColumn(m.target().name(), "computed", 0, -1, false));
            }
            lastIn = in;
            last = new Projection(List.copyOf(out), kept.stream().mapToInt(Integer::intValue).toArray(), args);
            return last;
        }

        ChangeEvent.RowChange project(ChangeEvent.RowChange r) throws RowRejectedException {
            Projection p = projection(r.columns());
            if (p.kept().length == r.columns().size() && computed.isEmpty() && p.columns().equals(r.columns())) {
                return r;
            }
            List<Object> before = r.before() == null ? null : values(p, r.before(), false);
            List<Object> after = r.after() == null ? null : values(p, r.after(), true);
            return new ChangeEvent.RowChange(r.operation(), r.table(), p.columns(), r.beforeImage(), before, after, r.position());
        }

        private List<Object> values(Projection p, List<Object> row, boolean evaluate) throws RowRejectedException {
            List<Object> out = new ArrayList<>(p.columns().size());
            for (int i : p.kept()) {
                out.add(row.get(i));
            }
            for (int k = 0; k < computed.size(); k++) {
                out.add(evaluate ? compute(k, p.args()[k], row) : null);
            }
            return out;
        }

        private Object compute(int k, int[] args, List<Object> row) throws RowRejectedException {
            ColumnExpression x = computed.get(k).computed();
            Object[] values = new Object[args.length];
            for (int j = 0; j < args.length; j++) {
                if (args[j] < 0) {
                    throw new RowRejectedException(x.target(), null, "add-column rule " + x.ruleId() + ": the change to "
                            + job.source().qualifiedName() + " has no column " + x.arguments().get(j).name());
                }
                values[j] = row.get(args[j]);
                if (values[j] == ValueMarker.UNCHANGED_TOAST) {
                    return ValueMarker.UNCHANGED_TOAST; // not sent: the target keeps its value
                }
            }
            try {
                while (evaluators.size() <= k) {
                    evaluators.add(null);
                }
                if (evaluators.get(k) == null) {
                    evaluators.set(k, x.open());
                }
                return evaluators.get(k).evaluate(values);
            } catch (SQLException e) {
                throw new RowRejectedException(x.target(), null, "add-column rule " + x.ruleId() + " (" + x.expression()
                        + ") failed: " + e.getMessage());
            }
        }

        void close() {
            for (ColumnExpression.Evaluator e : evaluators) {
                if (e != null) {
                    try {
                        e.close();
                    } catch (SQLException ignored) {
                        // in-memory SQLite
                    }
                }
            }
            evaluators.clear();
        }
    }
}
