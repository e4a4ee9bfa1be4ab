package dev.ferry.model.schema;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A table with everything that hangs off it.
 *
 * @param kind          regular, temporary, partitioned, index-organized...
 * @param estimatedRows the catalog's row estimate, or {@code -1} when unknown
 * @param sizeBytes     the catalog's size estimate, or {@code -1} when unknown
 * @param partitioning  partitioning, or {@code null}
 * @param options       engine-specific options: {@code engine}, {@code charset}, {@code collation}, {@code without_rowid}, {@code strict}, {@code tablespace}...
 */
public record Table(String schema, String name, Kind kind, List<Column> columns, KeyConstraint primaryKey,
                    List<KeyConstraint> uniqueKeys, List<ForeignKey> foreignKeys, List<CheckConstraint> checks,
                    List<Index> indexes, String comment, long estimatedRows, long sizeBytes,
                    Partitioning partitioning, Map<String, String> options) {

    public enum Kind { REGULAR, TEMPORARY, GLOBAL_TEMPORARY, PARTITIONED, INDEX_ORGANIZED, UNLOGGED }

    public Table {
        kind = kind == null ? Kind.REGULAR : kind;
        columns = Lists.copy(columns);
        uniqueKeys = Lists.copy(uniqueKeys);
        foreignKeys = Lists.copy(foreignKeys);
        checks = Lists.copy(checks);
        indexes = Lists.copy(indexes);
        options = Lists.copy(options);
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equalsIgnoreCase(columnName)).findFirst();
    }

    /** The primary key, else the first unique key whose columns are all NOT NULL: the key CDC and validation can use. */
    public Optional<KeyConstraint> rowIdentity() {
        if (primaryKey != null) {
            return Optional.of(primaryKey);
        }
        return uniqueKeys.stream()
                .filter(u -> u.columns().stream().allMatch(c -> column(c).map(col -> !col.nullable()).orElse(false)))
                .findFirst();
    }

    public QualifiedName qualifiedName() {
        return new QualifiedName(schema, name);
    }
}
