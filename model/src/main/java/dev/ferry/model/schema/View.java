package dev.ferry.model.schema;

import java.util.List;

/** A view or materialized view; {@code definition} is the query text in the source dialect. */
public record View(String schema, String name, boolean materialized, String definition, List<Column> columns,
                   String checkOption, String comment) {
    public View {
        columns = Lists.copy(columns);
    }
}
