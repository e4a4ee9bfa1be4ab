package dev.ferry.model.schema;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The root of the engine-neutral schema model: what a catalog reader produces and the converter consumes.
 * Immutable; safe to share between threads.
 *
 * @param engine        source engine
 * @param serverVersion the server's version string, e.g. {@code 10.11.5-MariaDB-log}
 * @param database      database / service name
 * @param capturedAt    when the catalog was read
 */
public record DatabaseModel(Engine engine, String serverVersion, String database, Instant capturedAt,
                            List<Schema> schemas) {

    public DatabaseModel {
        schemas = Lists.copy(schemas);
    }

    public Optional<Schema> schema(String schemaName) {
        return schemas.stream().filter(s -> s.name().equalsIgnoreCase(schemaName)).findFirst();
    }

    public Counts counts() {
        int tables = 0, views = 0, mviews = 0, sequences = 0, routines = 0, triggers = 0, indexes = 0, packages = 0,
                synonyms = 0, types = 0, fks = 0;
        for (Schema s : schemas) {
            tables += s.tables().size();
            for (View v : s.views()) {
                if (v.materialized()) {
                    mviews++;
                } else {
                    views++;
                }
            }
            sequences += s.sequences().size();
            routines += s.routines().size();
            triggers += s.triggers().size();
            packages += s.packages().size();
            synonyms += s.synonyms().size();
            types += s.types().size();
            for (Table t : s.tables()) {
                indexes += t.indexes().size();
                fks += t.foreignKeys().size();
            }
        }
        return new Counts(schemas.size(), tables, views, mviews, sequences, routines, triggers, indexes, fks, packages, synonyms, types);
    }

    /** Object counts, as printed by {@code ferry catalog}. */
    public record Counts(int schemas, int tables, int views, int materializedViews, int sequences, int routines,
                         int triggers, int indexes, int foreignKeys, int packages, int synonyms, int types) {
    }
}
