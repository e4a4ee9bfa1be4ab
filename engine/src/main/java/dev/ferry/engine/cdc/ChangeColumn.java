package dev.ferry.engine.cdc;

import java.util.Objects;

/**
 * Metadata of one column of a captured table, in the column order of the row values.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name         column name as in the source
 * @param typeName     source type name (PostgreSQL: {@code int4}, {@code numeric}, {@code _int4}, {@code public.mood})
 * @param typeId       source type id (PostgreSQL: the type OID)
 * @param typeModifier source type modifier ({@code atttypmod}, -1 when none)
 * @param key          whether the column is part of the key the source uses to identify rows (PostgreSQL: the
 *                     replica identity; all columns for REPLICA IDENTITY FULL)
 */
public record ChangeColumn(String name, String typeName, int typeId, int typeModifier, boolean key) {
    public ChangeColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(typeName, "typeName");
    }
}
