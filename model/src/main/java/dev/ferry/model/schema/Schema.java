package dev.ferry.model.schema;

import java.util.List;
import java.util.Optional;

/** One schema (PostgreSQL schema, MySQL database, Oracle user, SQLite {@code main}) and all its objects. */
public record Schema(String name, List<Table> tables, List<View> views, List<Sequence> sequences,
                     List<Routine> routines, List<Trigger> triggers, List<PackageDef> packages,
                     List<Synonym> synonyms, List<UserType> types) {

    public Schema {
        tables = Lists.copy(tables);
        views = Lists.copy(views);
        sequences = Lists.copy(sequences);
        routines = Lists.copy(routines);
        triggers = Lists.copy(triggers);
        packages = Lists.copy(packages);
        synonyms = Lists.copy(synonyms);
        types = Lists.copy(types);
    }

    public Optional<Table> table(String tableName) {
        return tables.stream().filter(t -> t.name().equalsIgnoreCase(tableName)).findFirst();
    }

    public Optional<View> view(String viewName) {
        return views.stream().filter(v -> v.name().equalsIgnoreCase(viewName)).findFirst();
    }
}
