package dev.ferry.engine.mapping;

import dev.ferry.engine.load.RowFilter;
import dev.ferry.model.project.TableSettingsRule;
import dev.ferry.model.schema.QualifiedName;
import dev.ferry.model.schema.Table;

import dev.ferry.engine.load.LoadPlanner;

import java.util.ArrayList;
import java.util.List;

/**
 * A selected source table with every table-mapping rule applied. Immutable.
 *
 * @param source     the source table
 * @param target     the target table's name (schema and table transformations applied)
 * @param columns    every source column in source order, with its target name or removed
 * @param added      columns added on the target
 * @param filter     the source row filter, or {@code null} for every row
 * @param settings   the first matching {@code table-settings} rule, or {@code null}
 * @param primaryKey target primary key from {@code define-primary-key} (target column names), or empty
 * @param loadOrder  the selecting rule's {@code load-order} (higher loads first in DMS), or 0
 */
public record ResolvedTable(Table source, QualifiedName target, List<ResolvedColumn> columns, List<AddedColumn> added,
                            RowFilter filter, TableSettingsRule settings, List<String> primaryKey, int loadOrder) {

    public ResolvedTable {
        columns = List.copyOf(columns);
        added = List.copyOf(added);
        primaryKey = List.copyOf(primaryKey);
    }

    /**
     * The columns the load copies, source name → target name: the kept source columns in source order, then the added
     * columns: a copy of a source column ({@code $column}) or an expression the load evaluates with SQLite per row.
     */
    public List<LoadPlanner.ColumnPair> loadedColumns() {
        List<LoadPlanner.ColumnPair> m = new ArrayList<>();
        for (ResolvedColumn c : columns) {
            if (!c.removed()) {
                m.add(new LoadPlanner.ColumnPair(c.source(), c.target()));
            }
        }
        for (AddedColumn a : added) {
            m.add(a.sourceColumn() != null ? new LoadPlanner.ColumnPair(a.sourceColumn(), a.name())
                    : new LoadPlanner.ColumnPair(null, a.name(), a.expression(), a.ruleId()));
        }
        return m;
    }

    /** The target column a source column loads into, or {@code null} when it is removed or unknown. */
    public String targetColumn(String sourceColumn) {
        return columns.stream().filter(c -> c.source().equalsIgnoreCase(sourceColumn) && !c.removed())
                .map(ResolvedColumn::target).findFirst().orElse(null);
    }
}
