package dev.ferry.engine.load;

import dev.ferry.model.schema.QualifiedName;
import dev.ferry.model.schema.Table;

import java.util.List;

/**
 * One table of a {@link LoadPlan}.
 *
 * @param source        the source table
 * @param target        the target table's name
 * @param columns       the columns copied, in order
 * @param keyColumns    the source key columns (primary key or NOT NULL unique key), empty when the table has none
 * @param splitColumn   the (leading) key column the ranges split on ({@link #CTID} for heap block ranges), or
 *                      {@code null} when the table is one range
 * @param ranges        the ranges, in key order; one {@link KeyRange#whole()} for unsplit tables. Integer ranges split
 *                      on {@code splitColumn}; tuple ranges ({@link KeyRange#upperInclusive()}) on the first
 *                      {@link KeyRange#arity()} key columns ({@link #splitColumns()})
 * @param estimatedRows rows expected (the planner's count or the catalog estimate), {@code -1} when unknown
 * @param filter        the source row filter (DMS selection-rule filters), or {@code null} for every row
 */
public record TableJob(Table source, QualifiedName target, List<ColumnMapping> columns, List<String> keyColumns,
                       String splitColumn, List<KeyRange> ranges, long estimatedRows, RowFilter filter) {

    /** A job reading every source row. */
    public TableJob(Table source, QualifiedName target, List<ColumnMapping> columns, List<String> keyColumns,
                    String splitColumn, List<KeyRange> ranges, long estimatedRows) {
        this(source, target, columns, keyColumns, splitColumn, ranges, estimatedRows, null);
    }

    public TableJob {
        columns = List.copyOf(columns);
        keyColumns = List.copyOf(keyColumns);
        ranges = List.copyOf(ranges);
        if (ranges.isEmpty()) {
            throw new IllegalArgumentException("table " + source.qualifiedName() + " has no ranges");
        }
        if (splitColumn == null && ranges.size() > 1) {
            throw new IllegalArgumentException("table " + source.qualifiedName() + " has several ranges but no split column");
        }
    }

    /** The split "column" of a keyless PostgreSQL table split into ranges of heap blocks (ctid ranges). */
    public static final String CTID = "ctid";

    /**
     * Whether the table has no key and is split by PostgreSQL ctid (heap block) ranges: its ranges cannot be redone
     * one by one on the target (no key identifies a range's rows there), so an interrupted table is reloaded whole.
     */
    public boolean ctidSplit() {
        return CTID.equals(splitColumn) && keyColumns.isEmpty();
    }

    /**
     * The source columns the range predicates compare: empty for an unsplit table, {@code [splitColumn]} for integer
     * (and ctid) ranges, the first n key columns for tuple ranges of arity n.
     */
    public List<String> splitColumns() {
        if (splitColumn == null) {
            return List.of();
        }
        int n = ranges.stream().mapToInt(KeyRange::arity).max().orElse(0);
        if (n <= 1 || keyColumns.size() < n) {
            return List.of(splitColumn);
        }
        return keyColumns.subList(0, n);
    }

    /** {@link #splitColumns()} named as in the target table. */
    public List<String> targetSplitColumns() {
        return splitColumns().stream().map(k -> columns.stream().filter(m -> m.computed() == null
                        && m.source().name().equals(k)).map(m -> m.target().name()).findFirst().orElse(k)).toList();
    }

    /** The split "column" of a table loaded as DMS partitions-list units (one source partition per range). */
    public static final String PARTITION = "$partition";

    /** Whether the ranges are DMS {@code partitions-list} units (each reads one source partition). */
    public boolean partitionSplit() {
        return PARTITION.equals(splitColumn);
    }

    /** Whether the ranges are tuple ranges (a key not led by an integer column, or DMS boundaries of any type). */
    public boolean tupleSplit() {
        return ranges.stream().anyMatch(r -> !r.isWhole() && !r.isInteger());
    }

    /** The name used in state, markers and exceptions: the source's qualified name. */
    public String tableKey() {
        return source.qualifiedName().toString();
    }
}
