package dev.ferry.engine.load;

import dev.ferry.model.project.ObjectLocator;
import dev.ferry.model.project.TableSettingsRule;
import dev.ferry.model.schema.Column;
import dev.ferry.model.schema.KeyConstraint;
import dev.ferry.model.schema.Table;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds a {@link LoadPlan}: maps columns by name (case-insensitively) and splits large tables. A table whose row
 * identity (primary key, else a NOT NULL unique key) starts with an integer column and which has more than {@link LoadSettings#splitThresholdRows()} rows is split into
 * {@link LoadSettings#rangesPerTable()} equal-width key ranges between MIN and MAX (the first and last ranges are open,
 * so no key can fall outside); every other table is one range. Not thread-safe (use one per plan); uses one source
 * connection.
 *
 * <p>DMS {@code table-settings} rules ({@link #withTableSettings}) override this per table: {@code parallel-load} type
 * {@code none} keeps the table in one range; type {@code ranges} on the integer key column with {@code boundaries}
 * gives explicit ranges (each boundary is the inclusive upper bound of a segment, as in DMS, the last segment is open).
 *
 * <p>Composite keys are split on their leading column when it is an integer.
 *
 * <p>{@code partitions-auto} splits the table into {@code rangesPerTable} equal-width key ranges whatever its size (the
 * source's own partition bounds are not read).
 *
 * <p>TODO (issue 5): composite keys led by a non-integer column, PostgreSQL ctid ranges for tables without a key,
 * partitions-list, sampling-based (not equal-width) splitting for skewed keys.
 */
public final class LoadPlanner {

    /**
     * A source table and the target table it loads into.
     *
     * @param source  the source table
     * @param target  the target table
     * @param columns source column → target column pairs, in load order (a source column may feed several target
     *                columns); {@code null} to map every source column to the target column of the same name
     *                (case-insensitively)
     * @param filter  source row filter, or {@code null}
     */
    public record TablePair(Table source, Table target, List<ColumnPair> columns, RowFilter filter) {
        public TablePair {
            columns = columns == null ? null : List.copyOf(columns);
        }

        public TablePair(Table source, Table target) {
            this(source, target, null, null);
        }
    }

    /**
     * A source column name and the target column name it loads into, or (with {@code expression}) a target column
     * computed by a DMS {@code add-column} expression ({@code source} is then {@code null}).
     */
    public record ColumnPair(String source, String target, String expression, String ruleId) {
        public ColumnPair(String source, String target) {
            this(source, target, null, null);
        }
    }

    private final LoadEndpoint source;
    private final LoadSettings settings;
    private final List<TableSettingsRule> tableSettings;

    public LoadPlanner(LoadEndpoint source, LoadSettings settings) {
        this(source, settings, List.of());
    }

    private LoadPlanner(LoadEndpoint source, LoadSettings settings, List<TableSettingsRule> tableSettings) {
        this.source = source;
        this.settings = settings;
        this.tableSettings = List.copyOf(tableSettings);
    }

    /** A planner that also honours DMS {@code table-settings} {@code parallel-load} rules (the first matching rule wins). */
    public LoadPlanner withTableSettings(List<TableSettingsRule> rules) {
        return new LoadPlanner(source, settings, rules);
    }

    private Optional<TableSettingsRule.ParallelLoad> parallelLoad(Table t) {
        for (TableSettingsRule r : tableSettings) {
            ObjectLocator l = r.objectLocator();
            if (l != null && r.parallelLoad() != null && ObjectLocator.matches(l.schemaName(), t.schema() == null ? "main" : t.schema())
                    && ObjectLocator.matches(l.tableName(), t.name())) {
                return Optional.of(r.parallelLoad());
            }
        }
        return Optional.empty();
    }

    public LoadPlan plan(List<TablePair> tables) throws SQLException {
        List<TableJob> jobs = new ArrayList<>();
        try (Connection c = source.connections().open()) {
            for (TablePair p : tables) {
                jobs.add(job(c, p));
            }
        }
        return new LoadPlan(jobs);
    }

    private TableJob job(Connection c, TablePair p) throws SQLException {
        Table s = p.source();
        Table t = p.target();
        List<ColumnMapping> columns = new ArrayList<>();
        List<ColumnPair> names = p.columns();
        if (names == null) {
            names = s.columns().stream().map(sc -> new ColumnPair(sc.name(), sc.name())).toList();
        }
        for (ColumnPair e : names) {
            if (e.expression() != null) {
                columns.add(computed(s, t, e));
                continue;
            }
            Column sc = s.column(e.source()).orElseThrow(() -> new IllegalArgumentException(
                    "source table " + s.qualifiedName() + " has no column " + e.source()));
            Column tc = t.column(e.target()).orElseThrow(() -> new IllegalArgumentException(
                    "target table " + t.qualifiedName() + " has no column " + e.target() + " (from " + s.qualifiedName()
                            + "." + sc.name() + ")"));
            if (tc.generated() != null) {
                continue;
            }
            columns.add(new ColumnMapping(sc, tc));
        }
        RowFilter filter = p.filter();
        Optional<KeyConstraint> key = s.rowIdentity();
        List<String> sourceKey = key.map(KeyConstraint::columns).orElse(List.of());
        // a key column left out of the load cannot identify target rows: treat the table as keyless
        List<String> keyColumns = sourceKey.stream().allMatch(k -> columns.stream()
                .anyMatch(m -> m.source().name().equalsIgnoreCase(k))) ? sourceKey : List.of();
        String split = null;
        if (!keyColumns.isEmpty()) {
            // the leading key column: with a composite key all rows of one leading value stay in one range
            Column kc = s.column(keyColumns.get(0)).orElseThrow(() -> new IllegalArgumentException(
                    "key column " + keyColumns.get(0) + " not found in " + s.qualifiedName()));
            if (ValueKind.of(source.engine(), kc.type()) == ValueKind.INTEGER) {
                split = kc.name();
            }
        }
        String from = Sql.quote(source.engine(), s.qualifiedName());
        Optional<TableSettingsRule.ParallelLoad> setting = parallelLoad(s);
        if (keyColumns.isEmpty() && source.engine() == dev.ferry.model.schema.Engine.POSTGRESQL
                && (s.kind() == Table.Kind.REGULAR || s.kind() == Table.Kind.UNLOGGED) && settings.rangesPerTable() > 1
                && (setting.isEmpty() || setting.get().type() != TableSettingsRule.ParallelLoadType.NONE)) {
            TableJob ctid = ctidJob(c, p, s, t, columns, from, filter, setting);
            if (ctid != null) {
                return ctid;
            }
        }
        if (split == null) {
            long rows = s.estimatedRows() >= 0 && filter == null ? s.estimatedRows()
                    : count(c, "SELECT COUNT(*) FROM " + from + RowFilter.and("", filter, source.engine()), filter);
            return new TableJob(s, t.qualifiedName(), columns, keyColumns, null, List.of(KeyRange.whole()), rows, filter);
        }
        String k = Sql.quote(source.engine(), split);
        long min;
        long max;
        long rows;
        // a table the catalog says is large is split anyway: its row count (progress, ordering) is the catalog's
        // estimate, so no COUNT(*) scans the whole table before the load; MIN/MAX come from the key's index
        long estimate = filter == null ? catalogEstimate(c, s, from) : -1;
        boolean estimated = estimate > settings.splitThresholdRows();
        try (PreparedStatement st = c.prepareStatement("SELECT MIN(" + k + "), MAX(" + k + ")"
                + (estimated ? "" : ", COUNT(*)") + " FROM " + from + RowFilter.and("", filter, source.engine()))) {
            if (filter != null) {
                filter.bind(source.engine(), st, 1);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                min = rs.getLong(1);
                max = rs.getLong(2);
                rows = estimated ? estimate : rs.getLong(3);
            }
        }
        Optional<TableSettingsRule.ParallelLoad> rule = parallelLoad(s);
        if (rule.isPresent() && rule.get().type() == TableSettingsRule.ParallelLoadType.NONE) {
            return new TableJob(s, t.qualifiedName(), columns, keyColumns, split, List.of(KeyRange.whole()), rows, filter);
        }
        if (rule.isPresent() && rule.get().type() == TableSettingsRule.ParallelLoadType.RANGES) {
            TableSettingsRule.ParallelLoad pl = rule.get();
            if (pl.columns() == null || pl.columns().size() != 1 || !pl.columns().get(0).equalsIgnoreCase(split)
                    || pl.boundaries() == null) {
                throw new IllegalArgumentException("table-settings parallel-load for " + s.qualifiedName()
                        + ": ranges are supported on the leading integer key column " + split + " only");
            }
            return new TableJob(s, t.qualifiedName(), columns, keyColumns, split, boundaries(s, pl.boundaries()), rows, filter);
        }
        if (rule.isPresent() && rule.get().type() == TableSettingsRule.ParallelLoadType.PARTITIONS_AUTO) {
            // Ferry does not read the source's partition bounds: "auto" splits into rangesPerTable key ranges whatever
            // the table's size (at most number-of-partitions when the rule gives it)
            int n = rule.get().numberOfPartitions() == null ? settings.rangesPerTable()
                    : (int) Math.max(1, Math.min(settings.rangesPerTable(), rule.get().numberOfPartitions().value()));
            return new TableJob(s, t.qualifiedName(), columns, keyColumns, split,
                    max <= min || n < 2 ? List.of(KeyRange.whole()) : split(min, max, n), rows, filter);
        }
        if (rows <= settings.splitThresholdRows() || settings.rangesPerTable() < 2 || max <= min) {
            return new TableJob(s, t.qualifiedName(), columns, keyColumns, split, List.of(KeyRange.whole()), rows, filter);
        }
        return new TableJob(s, t.qualifiedName(), columns, keyColumns, split, split(min, max, settings.rangesPerTable()), rows, filter);
    }

    /** A target column computed by an add-column expression over source columns (checked by SQLite now). */
    private static ColumnMapping computed(Table s, Table t, ColumnPair e) {
        String what = "table-mapping rule " + e.ruleId() + ": add-column " + e.target() + " on " + s.qualifiedName();
        Column tc = t.column(e.target()).orElseThrow(() -> new IllegalArgumentException(what + ": target table "
                + t.qualifiedName() + " has no column " + e.target()));
        List<Column> args = new ArrayList<>();
        for (String n : ColumnExpression.parameterNames(e.expression())) {
            args.add(s.column(n).orElseThrow(() -> new IllegalArgumentException(what + ": the expression refers to $" + n
                    + ", which is not a column of the source table")));
        }
        ColumnExpression x = new ColumnExpression(e.ruleId(), tc.name(), e.expression(), args);
        try {
            x.check();
        } catch (SQLException ex) {
            throw new IllegalArgumentException(what + ": '" + e.expression() + "' is not a valid SQLite expression: "
                    + ex.getMessage(), ex);
        }
        return new ColumnMapping(Column.of("$" + tc.name(), 0, tc.type(), true), tc, x);
    }

    /**
     * A keyless PostgreSQL table with more than {@code splitThresholdRows} rows (or a {@code partitions-auto} rule) is
     * split into {@code rangesPerTable} ranges of heap blocks read with ctid range predicates; {@code null} when it
     * stays one range.
     */
    private TableJob ctidJob(Connection c, TablePair p, Table s, Table t, List<ColumnMapping> columns, String from,
                             RowFilter filter, Optional<TableSettingsRule.ParallelLoad> setting) throws SQLException {
        long rows = count(c, "SELECT COUNT(*) FROM " + from + RowFilter.and("", filter, source.engine()), filter);
        boolean auto = setting.isPresent() && setting.get().type() == TableSettingsRule.ParallelLoadType.PARTITIONS_AUTO;
        if (!auto && rows <= settings.splitThresholdRows()) {
            return null;
        }
        long blocks;
        try (PreparedStatement st = c.prepareStatement(
                "SELECT pg_relation_size(CAST(? AS regclass)) / current_setting('block_size')::bigint")) {
            st.setString(1, from);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                blocks = rs.getLong(1);
            }
        }
        if (blocks < 2) {
            return null;
        }
        return new TableJob(s, t.qualifiedName(), columns, List.of(), TableJob.CTID,
                split(0, blocks - 1, settings.rangesPerTable()), rows, filter);
    }

    /** DMS boundaries (inclusive upper bounds, ascending) → ranges {@code (-inf, b1+1), [b1+1, b2+1), ..., [bn+1, +inf)}. */
    static List<KeyRange> boundaries(Table table, List<List<String>> boundaries) {
        List<KeyRange> ranges = new ArrayList<>();
        Long lo = null;
        for (List<String> b : boundaries) {
            long upper;
            try {
                upper = Long.parseLong(b.get(0).trim());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("table-settings parallel-load for " + table.qualifiedName()
                        + ": boundary " + b + " is not an integer");
            }
            long hi = Math.addExact(upper, 1);
            if (lo != null && hi <= lo) {
                throw new IllegalArgumentException("table-settings parallel-load for " + table.qualifiedName()
                        + ": boundaries must ascend, " + upper + " does not");
            }
            ranges.add(new KeyRange(ranges.size(), lo, hi));
            lo = hi;
        }
        ranges.add(new KeyRange(ranges.size(), lo, null));
        return ranges;
    }

    /** Equal-width ranges over [min, max]; the first is open below and the last open above. */
    static List<KeyRange> split(long min, long max, int n) {
        BigInteger span = BigInteger.valueOf(max).subtract(BigInteger.valueOf(min)).add(BigInteger.ONE);
        int count = (int) Math.min(n, span.min(BigInteger.valueOf(Integer.MAX_VALUE)).longValue());
        BigInteger width = span.add(BigInteger.valueOf(count - 1)).divide(BigInteger.valueOf(count));
        List<KeyRange> ranges = new ArrayList<>();
        Long lo = null;
        for (int i = 0; i < count; i++) {
            Long hi = i == count - 1 ? null
                    : BigInteger.valueOf(min).add(width.multiply(BigInteger.valueOf(i + 1L))).longValueExact();
            ranges.add(new KeyRange(i, lo, hi));
            lo = hi;
        }
        return ranges;
    }

    /**
     * The catalog's row estimate of {@code s}: the table model's when it has one, else PostgreSQL's {@code reltuples}
     * (-1 when never analysed); -1 for the other engines.
     */
    private long catalogEstimate(Connection c, Table s, String quotedName) throws SQLException {
        if (s.estimatedRows() >= 0) {
            return s.estimatedRows();
        }
        if (source.engine() != dev.ferry.model.schema.Engine.POSTGRESQL) {
            return -1;
        }
        try (PreparedStatement st = c.prepareStatement("SELECT reltuples FROM pg_class WHERE oid = CAST(? AS regclass)")) {
            st.setString(1, quotedName);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() && rs.getDouble(1) >= 0 ? Math.round(rs.getDouble(1)) : -1;
            }
        }
    }

    private long count(Connection c, String sql, RowFilter filter) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            if (filter != null) {
                filter.bind(source.engine(), st, 1);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
