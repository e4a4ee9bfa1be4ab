package dev.ferry.engine.catalog;

import java.util.List;
import java.util.Locale;

/**
 * What a {@link CatalogReader} should read.
 *
 * @param schemas             schema names to read (PostgreSQL schemas, MySQL databases, Oracle owners, SQLite
 *                            {@code main}); empty means every non-system schema. Matched case-insensitively.
 * @param includeRowEstimates read row and size estimates (PostgreSQL reltuples / relation size, MySQL TABLE_ROWS /
 *                            DATA_LENGTH, Oracle NUM_ROWS); on SQLite this runs {@code COUNT(*)} per table
 * @param includeSource       read routine / view / trigger / package source text (can be large)
 */
public record CatalogRequest(List<String> schemas, boolean includeRowEstimates, boolean includeSource) {

    public CatalogRequest {
        schemas = schemas == null ? List.of() : List.copyOf(schemas);
    }

    /** Every non-system schema, with row estimates and source. */
    public static CatalogRequest all() {
        return new CatalogRequest(List.of(), true, true);
    }

    /** Just these schemas, with row estimates and source. */
    public static CatalogRequest schemas(String... names) {
        return new CatalogRequest(List.of(names), true, true);
    }

    public CatalogRequest withRowEstimates(boolean on) {
        return new CatalogRequest(schemas, on, includeSource);
    }

    public CatalogRequest withSource(boolean on) {
        return new CatalogRequest(schemas, includeRowEstimates, on);
    }

    /** Whether {@code schema} was asked for. */
    public boolean wants(String schema) {
        if (schemas.isEmpty()) {
            return true;
        }
        String s = schema.toLowerCase(Locale.ROOT);
        return schemas.stream().anyMatch(x -> x.toLowerCase(Locale.ROOT).equals(s));
    }
}
