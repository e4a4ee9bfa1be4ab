package dev.ferry.model.project;

import java.util.List;

/**
 * A table-mapping document in the AWS DMS format ({@code {"rules": [...]}}). Import and export it with
 * {@link DmsTableMappings}; an imported document exports unchanged.
 *
 * @param rules the rules in document order
 */
public record TableMappings(List<TableMappingRule> rules) {

    public static final TableMappings EMPTY = new TableMappings(List.of());

    public TableMappings {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }
}
