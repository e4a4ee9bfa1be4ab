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
 * so no key can fall outside). A table whose key is led by another comparable type (text, numeric, uuid, date/time,
 * binary, composite) is split into tuple ranges {@code lower < (k1..kn) <= upper} over the whole key, at quantiles
 * sampled on the source ({@code sample}); a keyless PostgreSQL table into ctid (heap block) ranges; every other table
 * is one range. Not thread-safe (use one per plan); uses one source connection.
 *
 * <p>DMS {@code table-settings} rules ({@link #withTableSettings}) override this per table: {@code parallel-load} type
 * {@code none} keeps the table in one range; type {@code ranges} with {@code columns} (the leading key columns, any
 * comparable type) and {@code boundaries} gives exactly those ranges (each boundary is the inclusive upper bound of a
 * segment, as in DMS, the last segment is open); {@code partitions-list} loads each listed source partition as one
 * unit ({@code partitionUnits}).
 *
 * <p>Integer-led composite keys are split on their leading column (equal width).
 *
 * <p>{@code partitions-auto} splits the table into {@code rangesPerTable} key ranges whatever its size (the source's own
 * partition bounds are not read).
 *
 * <p>TODO (issue 5): subpartitions-auto, sampling-based (not equal-width) splitting for skewed integer keys.
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

    private final long sampleRows;

    private LoadPlanner(LoadEndpoint source, LoadSettings settings, List<TableSettingsRule> tableSettings, long sampleRows) {
        this.source = source;
        this.settings = settings;
        this.tableSettings = List.copyOf(tableSettings);
        this.sampleRows = sampleRows;
    }

    private LoadPlanner(LoadEndpoint source, LoadSettings settings, List<TableSettingsRule> tableSettings) {
        this(source, settings, tableSettings, SAMPLE_ROWS);
    }

    /** A planner that also honours DMS {@code table-settings} {@code parallel-load} rules (the first matching rule wins). */
    public LoadPlanner withTableSettings(List<TableSettingsRule> rules) {
        return new LoadPlanner(source, settings, rules, sampleRows);
    }

    /** Tests: sample tables of more than {@code rows} rows for their boundaries (default {@value #SAMPLE_ROWS}). */
    LoadPlanner withSampleRows(long rows) {
        return new LoadPlanner(source, settings, tableSettings, rows);
    }

    private Optional<TableSettingsRule.ParallelLoad> parallelLoad(Table t) {
        return parallelLoadRule(t).map(TableSettingsRule::parallelLoad);
    }

    private Optional<TableSettingsRule> parallelLoadRule(Table t) {
        for (TableSettingsRule r : tableSettings) {
            ObjectLocator l = r.objectLocator();
            if (l != null && r.parallelLoad() != null && ObjectLocator.matches(l.schemaName(), t.schema() == null ? "main" : t.schema())
                    && ObjectLocator.matches(l.tableName(), t.name())) {
                return Optional.of(r);
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
        if (setting.isPresent() && setting.get().type() == TableSettingsRule.ParallelLoadType.PARTITIONS_LIST) {
            long rows = count(c, "SELECT COUNT(*) FROM " + from + RowFilter.and("", filter, source.engine()), filter);
            List<KeyRange> units = partitionUnits(c, parallelLoadRule(s).orElseThrow(), s);
            return new TableJob(s, t.qualifiedName(), columns, keyColumns, units.size() > 1 ? TableJob.PARTITION : null,
                    units, rows, filter);
        }
        if (keyColumns.isEmpty() && setting.isPresent() && setting.get().type() == TableSettingsRule.ParallelLoadType.RANGES) {
            throw new IllegalArgumentException("table-settings rule " + parallelLoadRule(s).map(TableSettingsRule::ruleId)
                    .orElse("?") + " (parallel-load ranges on " + s.qualifiedName() + "): the table has no primary key or "
                    + "NOT NULL unique key (among the loaded columns) to split on");
        }
        if (keyColumns.isEmpty() && source.engine() == dev.ferry.model.schema.Engine.POSTGRESQL
                && (s.kind() == Table.Kind.REGULAR || s.kind() == Table.Kind.UNLOGGED) && settings.rangesPerTable() > 1
                && (setting.isEmpty() || setting.get().type() != TableSettingsRule.ParallelLoadType.NONE)) {
            TableJob ctid = ctidJob(c, p, s, t, columns, from, filter, setting);
            if (ctid != null) {
                return ctid;
            }
        }
        if (!keyColumns.isEmpty() && (split == null || tupleRangesRule(s, keyColumns, split))) {
            return tupleJob(c, s, t, columns, keyColumns, from, filter);
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
            String id = parallelLoadRule(s).map(TableSettingsRule::ruleId).orElse("?");
            if (pl.columns() == null || pl.columns().size() != 1 || !pl.columns().get(0).equalsIgnoreCase(split)
                    || pl.boundaries() == null || pl.boundaries().isEmpty()) {
                throw new IllegalArgumentException("table-settings rule " + id + " (parallel-load ranges on "
                        + s.qualifiedName() + "): needs columns (the leading columns of the key) and boundaries");
            }
            try {
                return new TableJob(s, t.qualifiedName(), columns, keyColumns, split, boundaries(s, pl.boundaries()), rows, filter);
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw new IllegalArgumentException("table-settings rule " + id + ": " + e.getMessage(), e);
            }
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

    /**
     * DMS {@code partitions-list}: each listed partition (and subpartition) is one unit read whole, followed by one unit
     * per partition of the table that no listed one covers, so no row is left out. PostgreSQL: partitions at any level
     * of the partition tree ({@code pg_partition_tree}), read by their own name; MySQL/MariaDB: partitions and
     * subpartitions from {@code information_schema.PARTITIONS}, read with {@code PARTITION (..)}. An unknown name, a
     * name listed twice or inside another listed one, a table that is not partitioned, or another source engine are
     * errors naming the rule-id.
     */
    private List<KeyRange> partitionUnits(Connection c, TableSettingsRule rule, Table s) throws SQLException {
        TableSettingsRule.ParallelLoad pl = rule.parallelLoad();
        String what = "table-settings rule " + rule.ruleId() + " (parallel-load partitions-list on " + s.qualifiedName() + ")";
        List<String> listed = new ArrayList<>();
        if (pl.partitions() != null) {
            listed.addAll(pl.partitions());
        }
        if (pl.subpartitions() != null) {
            listed.addAll(pl.subpartitions());
        }
        if (listed.isEmpty()) {
            throw new IllegalArgumentException(what + ": lists no partitions");
        }
        // name → parent name (null at the top), in catalog order; and the quoted FROM text per name
        java.util.LinkedHashMap<String, String> parent = new java.util.LinkedHashMap<>();
        java.util.Map<String, String> fromText = new java.util.HashMap<>();
        java.util.Set<String> leaves = new java.util.HashSet<>();
        dev.ferry.model.schema.Engine e = source.engine();
        if (e == dev.ferry.model.schema.Engine.POSTGRESQL) {
            try (PreparedStatement st = c.prepareStatement("SELECT c.relname, p.relname, quote_ident(n.nspname) || '.' || "
                    + "quote_ident(c.relname), t.isleaf FROM pg_partition_tree(CAST(? AS regclass)) t JOIN pg_class c ON c.oid = t.relid "
                    + "JOIN pg_namespace n ON n.oid = c.relnamespace LEFT JOIN pg_class p ON p.oid = t.parentrelid "
                    + "WHERE t.level > 0 ORDER BY t.level, c.relname")) {
                st.setString(1, Sql.quote(e, s.qualifiedName()));
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        String parentName = rs.getString(2).equals(s.name()) ? null : rs.getString(2);
                        parent.put(rs.getString(1), parentName);
                        fromText.put(rs.getString(1), rs.getString(3));
                        if (rs.getBoolean(4)) {
                            leaves.add(rs.getString(1));
                        }
                    }
                }
            }
        } else if (e == dev.ferry.model.schema.Engine.MYSQL) {
            try (PreparedStatement st = c.prepareStatement("SELECT PARTITION_NAME, SUBPARTITION_NAME FROM information_schema.PARTITIONS "
                    + "WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_NAME = ? AND PARTITION_NAME IS NOT NULL "
                    + "ORDER BY PARTITION_ORDINAL_POSITION, SUBPARTITION_ORDINAL_POSITION")) {
                st.setString(1, s.schema());
                st.setString(2, s.name());
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        String p = rs.getString(1);
                        String sub = rs.getString(2);
                        parent.putIfAbsent(p, null);
                        fromText.put(p, p);
                        if (sub == null) {
                            leaves.add(p);
                        } else {
                            parent.put(sub, p);
                            fromText.put(sub, sub);
                            leaves.add(sub);
                        }
                    }
                }
            }
        } else {
            throw new IllegalArgumentException(what + ": partitions-list needs a PostgreSQL or MySQL/MariaDB source");
        }
        if (parent.isEmpty()) {
            throw new IllegalArgumentException(what + ": the table is not partitioned");
        }
        List<String> chosen = new ArrayList<>();
        for (String name : listed) {
            String actual = parent.containsKey(name) ? name : parent.keySet().stream().filter(k -> k.equalsIgnoreCase(name))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException(what + ": unknown partition " + name
                            + " (the table has " + String.join(", ", parent.keySet()) + ")"));
            if (chosen.contains(actual)) {
                throw new IllegalArgumentException(what + ": partition " + name + " is listed twice");
            }
            chosen.add(actual);
        }
        for (String name : chosen) {
            for (String up = parent.get(name); up != null; up = parent.get(up)) {
                if (chosen.contains(up)) {
                    throw new IllegalArgumentException(what + ": partition " + name + " is inside listed partition " + up
                            + " (its rows would load twice)");
                }
            }
        }
        List<KeyRange> units = new ArrayList<>();
        for (String name : chosen) {
            units.add(KeyRange.partition(units.size(), fromText.get(name)));
        }
        // every leaf no listed partition covers: its own unit
        for (String leaf : parent.keySet()) {
            if (!leaves.contains(leaf)) {
                continue;
            }
            boolean covered = false;
            for (String up = leaf; up != null && !covered; up = parent.get(up)) {
                covered = chosen.contains(up);
            }
            if (!covered) {
                units.add(KeyRange.partition(units.size(), fromText.get(leaf)));
            }
        }
        return units;
    }

    /** Whether a DMS {@code ranges} rule names other columns than the leading integer key column alone. */
    private boolean tupleRangesRule(Table s, List<String> keyColumns, String split) {
        Optional<TableSettingsRule.ParallelLoad> pl = parallelLoad(s);
        if (pl.isEmpty() || pl.get().type() != TableSettingsRule.ParallelLoadType.RANGES || pl.get().columns() == null) {
            return false;
        }
        List<String> cols = pl.get().columns();
        return !(cols.size() == 1 && cols.get(0).equalsIgnoreCase(split));
    }

    /**
     * A table whose key is led by a non-integer column (or a DMS {@code ranges} rule on several key columns): tuple
     * ranges {@code lower < (k1..kn) <= upper}, from the rule's boundaries, or from quantiles sampled on the source
     * (see {@link #sample}) when the table has more than {@code splitThresholdRows} rows (or a {@code partitions-auto}
     * rule).
     */
    private TableJob tupleJob(Connection c, Table s, Table t, List<ColumnMapping> columns, List<String> keyColumns,
                              String from, RowFilter filter) throws SQLException {
        Optional<TableSettingsRule> rule = parallelLoadRule(s);
        TableSettingsRule.ParallelLoad pl = rule.map(TableSettingsRule::parallelLoad).orElse(null);
        long estimate = filter == null ? catalogEstimate(c, s, from) : -1;
        long rows = estimate > settings.splitThresholdRows() ? estimate
                : count(c, "SELECT COUNT(*) FROM " + from + RowFilter.and("", filter, source.engine()), filter);
        List<Column> keys = new ArrayList<>();
        for (String k : keyColumns) {
            keys.add(s.column(k).orElseThrow(() -> new IllegalArgumentException("key column " + k + " not found in "
                    + s.qualifiedName())));
        }
        String lead = keys.get(0).name();
        if (pl != null && pl.type() == TableSettingsRule.ParallelLoadType.NONE) {
            return new TableJob(s, t.qualifiedName(), columns, keyColumns, null, List.of(KeyRange.whole()), rows, filter);
        }
        if (pl != null && pl.type() == TableSettingsRule.ParallelLoadType.RANGES) {
            List<KeyRange> ranges = ruleRanges(rule.get().ruleId(), s, source.engine(), keys, pl.columns(), pl.boundaries());
            checkAscending(c, rule.get().ruleId(), s, keys, ranges);
            return new TableJob(s, t.qualifiedName(), columns, keyColumns, lead, ranges, rows, filter);
        }
        int n;
        if (pl != null && pl.type() == TableSettingsRule.ParallelLoadType.PARTITIONS_AUTO) {
            n = pl.numberOfPartitions() == null ? settings.rangesPerTable()
                    : (int) Math.max(1, Math.min(settings.rangesPerTable(), pl.numberOfPartitions().value()));
        } else {
            n = rows > settings.splitThresholdRows() ? settings.rangesPerTable() : 1;
        }
        if (!keys.stream().allMatch(k -> splittable(source.engine(), k)) || hasNullKey(c, from, keys)) {
            return new TableJob(s, t.qualifiedName(), columns, keyColumns, null, List.of(KeyRange.whole()), rows, filter);
        }
        // the split column is kept on a table planned whole: a resumed run may use the ranges stored by an earlier one
        if (n < 2) {
            return new TableJob(s, t.qualifiedName(), columns, keyColumns, lead, List.of(KeyRange.whole()), rows, filter);
        }
        List<List<Object>> bounds = sample(c, from, keys, filter, rows, n,
                s.kind() == Table.Kind.REGULAR || s.kind() == Table.Kind.UNLOGGED);
        if (bounds.isEmpty() || !sqliteConsistent(keys, bounds)) {
            return new TableJob(s, t.qualifiedName(), columns, keyColumns, lead, List.of(KeyRange.whole()), rows, filter);
        }
        List<KeyRange> ranges = new ArrayList<>();
        List<Object> lo = null;
        for (List<Object> b : bounds) {
            ranges.add(KeyRange.tuple(ranges.size(), lo, b));
            lo = b;
        }
        ranges.add(KeyRange.tuple(ranges.size(), lo, null));
        return new TableJob(s, t.qualifiedName(), columns, keyColumns, lead, ranges, rows, filter);
    }

    /**
     * Whether tuple ranges may compare {@code k}: types whose order the source defines for comparison and ORDER BY
     * alike. Not: floats, booleans, JSON, MySQL ENUM/SET (ORDER BY sorts by index, comparison by text), arrays.
     */
    static boolean splittable(dev.ferry.model.schema.Engine engine, Column k) {
        String n = k.type().name().toLowerCase(java.util.Locale.ROOT);
        if (n.equals("enum") || n.equals("set") || k.type().arrayDimensions() > 0) {
            return false;
        }
        return switch (ValueKind.of(engine, k.type())) {
            case INTEGER, DECIMAL, TEXT, BINARY, DATE, TIME, TIMESTAMP, TIMESTAMPTZ -> true;
            default -> false;
        };
    }

    /** SQLite lets primary-key columns (other than INTEGER PRIMARY KEY) hold NULL, which no range predicate matches. */
    private boolean hasNullKey(Connection c, String from, List<Column> keys) throws SQLException {
        if (source.engine() != dev.ferry.model.schema.Engine.SQLITE) {
            return false;
        }
        String where = keys.stream().map(k -> Sql.quote(source.engine(), k.name()) + " IS NULL")
                .collect(java.util.stream.Collectors.joining(" OR "));
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT 1 FROM " + from + " WHERE " + where + " LIMIT 1")) {
            return rs.next();
        }
    }

    /**
     * SQLite compares a column of TEXT affinity with a number literal as text (the literal takes the affinity), while
     * ORDER BY puts numbers before text: sampled bounds of a text column must all be text.
     */
    private boolean sqliteConsistent(List<Column> keys, List<List<Object>> bounds) {
        if (source.engine() != dev.ferry.model.schema.Engine.SQLITE) {
            return true;
        }
        for (int i = 0; i < keys.size(); i++) {
            if (ValueKind.of(source.engine(), keys.get(i).type()) == ValueKind.TEXT) {
                for (List<Object> b : bounds) {
                    if (!(b.get(i) instanceof String)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /**
     * n-1 quantile boundaries of the key tuple, read on the source in the source's own order: the rows are numbered
     * in key order ({@code ROW_NUMBER() OVER (ORDER BY k1, .., kn)}, an index-ordered scan of the key) and the last
     * row of each of n equal buckets is a boundary (the inclusive upper bound of its range). A table of more than
     * {@value #SAMPLE_ROWS} rows is sampled to about {@value #SAMPLE_ROWS} rows instead of numbered whole (PostgreSQL
     * {@code TABLESAMPLE SYSTEM}; MySQL {@code RAND() <}, SQLite {@code random()} filters). Values come back in a form the source parses back: PostgreSQL integers as numbers and every
     * other type as its text output; MySQL integers/decimals as numbers, binary as bytes, temporal types as their text;
     * SQLite values as stored.
     */
    private List<List<Object>> sample(Connection c, String from, List<Column> keys, RowFilter filter, long rows, int n,
                                      boolean plainTable)
            throws SQLException {
        dev.ferry.model.schema.Engine e = source.engine();
        String order = keys.stream().map(k -> Sql.quote(e, k.name())).collect(java.util.stream.Collectors.joining(", "));
        StringBuilder outer = new StringBuilder();
        for (int i = 0; i < keys.size(); i++) {
            String q = "ferry_s." + Sql.quote(e, keys.get(i).name());
            ValueKind kind = ValueKind.of(e, keys.get(i).type());
            outer.append(i > 0 ? ", " : "");
            if (e == dev.ferry.model.schema.Engine.POSTGRESQL && kind != ValueKind.INTEGER) {
                outer.append("CAST(").append(q).append(" AS text)");
            } else if (e == dev.ferry.model.schema.Engine.MYSQL && (kind == ValueKind.DATE || kind == ValueKind.TIME
                    || kind == ValueKind.TIMESTAMP)) {
                outer.append("CAST(").append(q).append(" AS CHAR)");
            } else {
                outer.append(q);
            }
        }
        // a large table is sampled: PostgreSQL reads ~sampleRows rows' blocks (TABLESAMPLE SYSTEM); MySQL and SQLite
        // scan the key but number and sort only a random ~sampleRows of them
        boolean sample = rows > sampleRows;
        String fraction = new java.math.BigDecimal((double) sampleRows / Math.max(1, rows)).setScale(8,
                java.math.RoundingMode.UP).toPlainString();
        // TABLESAMPLE on plain heap tables only (partitioned parents, views and foreign tables use random())
        boolean tablesample = sample && e == dev.ferry.model.schema.Engine.POSTGRESQL && plainTable;
        String sampled = tablesample
                ? " TABLESAMPLE SYSTEM (" + new java.math.BigDecimal(100.0 * sampleRows / rows).setScale(6,
                java.math.RoundingMode.UP).toPlainString() + ")" : "";
        String where = RowFilter.and("", filter, e);
        if (sample && e == dev.ferry.model.schema.Engine.MYSQL) {
            where += (where.isEmpty() ? " WHERE " : " AND ") + "RAND() < " + fraction;
        } else if (sample && e == dev.ferry.model.schema.Engine.POSTGRESQL && !tablesample) {
            where += (where.isEmpty() ? " WHERE " : " AND ") + "random() < " + fraction;
        } else if (sample && e == dev.ferry.model.schema.Engine.SQLITE) {
            where += (where.isEmpty() ? " WHERE " : " AND ") + "(random() & 1073741823) < "
                    + (long) Math.ceil(Double.parseDouble(fraction) * 1073741824L);
        }
        String div = e == dev.ferry.model.schema.Engine.MYSQL ? " DIV " : " / ";
        String sql = "SELECT " + outer + " FROM (SELECT " + order + ", ROW_NUMBER() OVER (ORDER BY " + order
                + ") AS ferry_rn, COUNT(*) OVER () AS ferry_cnt FROM " + from + sampled
                + where + ") ferry_s WHERE ferry_rn < ferry_cnt AND (ferry_rn * " + n + ")" + div
                + "ferry_cnt > ((ferry_rn - 1) * " + n + ")" + div + "ferry_cnt ORDER BY ferry_rn";
        Sql.utcSession(e, c);
        List<List<Object>> bounds = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(sql)) {
            if (filter != null) {
                filter.bind(e, st, 1);
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    List<Object> b = new ArrayList<>();
                    for (int i = 0; i < keys.size(); i++) {
                        b.add(boundValue(e, ValueKind.of(e, keys.get(i).type()), rs, i + 1));
                    }
                    bounds.add(b);
                }
            }
        }
        return bounds;
    }

    /** Tables with more rows than this are sampled (PostgreSQL TABLESAMPLE) to find their range boundaries. */
    static final long SAMPLE_ROWS = 100_000;

    private static Object boundValue(dev.ferry.model.schema.Engine e, ValueKind kind, ResultSet rs, int i) throws SQLException {
        if (e == dev.ferry.model.schema.Engine.SQLITE) {
            Object v = rs.getObject(i);
            if (v instanceof Integer x) {
                return x.longValue();
            }
            if (v instanceof byte[] b) {
                return KeyRange.Bytes.of(b);
            }
            if (v instanceof Number x && !(v instanceof Long) && !(v instanceof Double)) {
                return x.doubleValue();
            }
            if (v == null) {
                throw new SQLException("NULL key value while sampling range boundaries");
            }
            return v;
        }
        if (kind == ValueKind.INTEGER) {
            BigInteger b = new BigInteger(rs.getString(i));
            return b.bitLength() < 64 ? (Object) b.longValueExact() : b;
        }
        if (e == dev.ferry.model.schema.Engine.MYSQL && kind == ValueKind.DECIMAL) {
            return rs.getBigDecimal(i);
        }
        if (e == dev.ferry.model.schema.Engine.MYSQL && kind == ValueKind.BINARY) {
            return KeyRange.Bytes.of(rs.getBytes(i));
        }
        String v = rs.getString(i);
        if (v == null) {
            throw new SQLException("NULL key value while sampling range boundaries");
        }
        return v;
    }

    /**
     * DMS {@code ranges} on any key columns: {@code columns} must be the leading columns of the table's key (so every
     * row has non-NULL values there), each boundary one value per column, parsed for the column's type; boundary i is
     * the inclusive upper bound of range i (as in DMS), the last range is open above.
     */
    static List<KeyRange> ruleRanges(String ruleId, Table table, dev.ferry.model.schema.Engine engine, List<Column> keys,
                                     List<String> columns, List<List<String>> boundaries) {
        String what = "table-settings rule " + ruleId + " (parallel-load ranges on " + table.qualifiedName() + ")";
        if (columns == null || columns.isEmpty() || boundaries == null || boundaries.isEmpty()) {
            throw new IllegalArgumentException(what + ": needs columns and boundaries");
        }
        if (columns.size() > keys.size()) {
            throw new IllegalArgumentException(what + ": columns " + columns + " must be the leading columns of the key "
                    + keys.stream().map(Column::name).toList());
        }
        for (int i = 0; i < columns.size(); i++) {
            if (!columns.get(i).equalsIgnoreCase(keys.get(i).name())) {
                throw new IllegalArgumentException(what + ": columns " + columns + " must be the leading columns of the key "
                        + keys.stream().map(Column::name).toList());
            }
        }
        List<KeyRange> ranges = new ArrayList<>();
        List<Object> lo = null;
        for (int b = 0; b < boundaries.size(); b++) {
            List<String> values = boundaries.get(b);
            if (values.size() != columns.size()) {
                throw new IllegalArgumentException(what + ": boundary " + (b + 1) + " " + values + " has " + values.size()
                        + " value(s) but columns lists " + columns.size());
            }
            List<Object> hi = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                hi.add(parse(what + ": boundary " + (b + 1) + ", column " + keys.get(i).name(), engine, keys.get(i), values.get(i)));
            }
            ranges.add(KeyRange.tuple(ranges.size(), lo, hi));
            lo = hi;
        }
        ranges.add(KeyRange.tuple(ranges.size(), lo, null));
        return ranges;
    }

    private static Object parse(String what, dev.ferry.model.schema.Engine engine, Column k, String v) {
        if (v == null) {
            throw new IllegalArgumentException(what + ": null is not a boundary value");
        }
        String n = k.type().name().toLowerCase(java.util.Locale.ROOT);
        ValueKind kind = ValueKind.of(engine, k.type());
        String t = v.trim();
        try {
            switch (kind) {
                case INTEGER -> {
                    BigInteger b = new BigInteger(t);
                    return b.bitLength() < 64 ? (Object) b.longValueExact() : b;
                }
                case DECIMAL -> {
                    return new java.math.BigDecimal(t);
                }
                case DATE -> {
                    java.time.LocalDate.parse(t);
                    return t;
                }
                case TIME -> {
                    java.time.LocalTime.parse(t);
                    return t;
                }
                case TIMESTAMP -> {
                    java.time.LocalDateTime.parse(t.replace(' ', 'T'));
                    return t;
                }
                case TIMESTAMPTZ -> {
                    String iso = t.replace(' ', 'T');
                    try {
                        java.time.OffsetDateTime.parse(iso.matches(".*[+-]\\d\\d$") ? iso + ":00" : iso);
                    } catch (java.time.format.DateTimeParseException e) {
                        java.time.LocalDateTime.parse(iso);
                    }
                    return t;
                }
                case BINARY -> {
                    String hex = t.startsWith("0x") || t.startsWith("\\x") ? t.substring(2) : t;
                    return new KeyRange.Bytes(java.util.HexFormat.of().formatHex(java.util.HexFormat.of().parseHex(hex)));
                }
                case TEXT -> {
                    if (n.equals("enum") || n.equals("set")) {
                        throw new IllegalArgumentException("ENUM/SET columns cannot be split into ranges");
                    }
                    if (n.equals("uuid")) {
                        java.util.UUID u = java.util.UUID.fromString(t);
                        if (!u.toString().equalsIgnoreCase(t)) {
                            throw new IllegalArgumentException("not a uuid");
                        }
                        return t;
                    }
                    return v;
                }
                default -> throw new IllegalArgumentException("columns of type " + k.type().name()
                        + " cannot be split into ranges");
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(what + ": '" + v + "' is not a valid " + k.type().name() + " value"
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"), e);
        }
    }

    /**
     * DMS boundaries must ascend in the SOURCE's order (else ranges would overlap and load rows twice): checked on the
     * source, each bound typed (and, for text, collated) as its column, except on SQLite (text in binary order).
     */
    private void checkAscending(Connection c, String ruleId, Table s, List<Column> keys, List<KeyRange> ranges)
            throws SQLException {
        dev.ferry.model.schema.Engine e = source.engine();
        int n = ranges.get(0).arity();
        List<String> typing = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            typing.add(typing(c, s, keys.get(i)));
        }
        for (int r = 1; r + 1 < ranges.size(); r++) {
            List<Object> a = ranges.get(r).lower();
            List<Object> b = ranges.get(r).upper();
            StringBuilder x = new StringBuilder("(");
            StringBuilder y = new StringBuilder("(");
            for (int i = 0; i < n; i++) {
                x.append(i > 0 ? ", " : "").append(typing.get(i).replace("?", Sql.literal(e, a.get(i))));
                y.append(i > 0 ? ", " : "").append(typing.get(i).replace("?", Sql.literal(e, b.get(i))));
            }
            String sql = "SELECT CASE WHEN " + x + ") < " + y + ") THEN 1 ELSE 0 END";
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                if (rs.getInt(1) != 1) {
                    throw new IllegalArgumentException("table-settings rule " + ruleId + " (parallel-load ranges on "
                            + s.qualifiedName() + "): boundaries must ascend, boundary " + (r + 1) + " " + b
                            + " is not above boundary " + r + " " + a);
                }
            }
        }
    }

    /** An expression template ({@code ?} = the literal) giving a bound value the type and collation of column {@code k}. */
    private String typing(Connection c, Table s, Column k) throws SQLException {
        dev.ferry.model.schema.Engine e = source.engine();
        ValueKind kind = ValueKind.of(e, k.type());
        if (e == dev.ferry.model.schema.Engine.POSTGRESQL) {
            try (PreparedStatement st = c.prepareStatement("SELECT format_type(a.atttypid, a.atttypmod), quote_ident(n.nspname), "
                    + "quote_ident(co.collname) FROM pg_attribute a LEFT JOIN pg_collation co ON co.oid = a.attcollation "
                    + "LEFT JOIN pg_namespace n ON n.oid = co.collnamespace WHERE a.attrelid = CAST(? AS regclass) AND a.attname = ?")) {
                st.setString(1, Sql.quote(e, s.qualifiedName()));
                st.setString(2, k.name());
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        return "?";
                    }
                    return "CAST(? AS " + rs.getString(1) + ")" + (rs.getString(3) == null ? ""
                            : " COLLATE " + rs.getString(2) + "." + rs.getString(3));
                }
            }
        }
        if (e == dev.ferry.model.schema.Engine.MYSQL) {
            switch (kind) {
                case DATE:
                    return "CAST(? AS DATE)";
                case TIME:
                    return "CAST(? AS TIME(6))";
                case TIMESTAMP:
                    return "CAST(? AS DATETIME(6))";
                case TEXT:
                    try (PreparedStatement st = c.prepareStatement("SELECT CHARACTER_SET_NAME, COLLATION_NAME FROM "
                            + "information_schema.COLUMNS WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_NAME = ? "
                            + "AND COLUMN_NAME = ?")) {
                        st.setString(1, s.schema());
                        st.setString(2, s.name());
                        st.setString(3, k.name());
                        try (ResultSet rs = st.executeQuery()) {
                            if (rs.next() && rs.getString(1) != null && rs.getString(1).matches("[A-Za-z0-9_]+")
                                    && rs.getString(2).matches("[A-Za-z0-9_]+")) {
                                return "CONVERT(? USING " + rs.getString(1) + ") COLLATE " + rs.getString(2);
                            }
                        }
                    }
                    return "?";
                default:
                    return "?";
            }
        }
        return "?";
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
            if (b.size() != 1) {
                throw new IllegalArgumentException("table-settings parallel-load for " + table.qualifiedName()
                        + ": boundary " + b + " has " + b.size() + " values but columns lists 1");
            }
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
