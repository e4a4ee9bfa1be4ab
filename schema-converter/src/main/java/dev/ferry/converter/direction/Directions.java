package dev.ferry.converter.direction;

import dev.ferry.model.schema.Engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The registry of conversion directions and target verifiers. Add a direction by adding its converter to
 * {@link #CONVERTERS}; add a target by adding its verifier to {@link #VERIFIERS}.
 */
public final class Directions {

    private static final List<SchemaConverter> CONVERTERS = List.of(
            // one line per direction, e.g. new SqliteToPostgresConverter(),
            new dev.ferry.converter.parse.sqlite.SqliteToPostgresConverter(),
            new dev.ferry.converter.parse.postgres.PostgresToPostgresConverter(),
            new dev.ferry.converter.parse.mysql.MySqlSchemaToPostgresConverter(),
            new dev.ferry.converter.sqlite.ToSqliteConverter(Engine.POSTGRESQL),
            new dev.ferry.converter.sqlite.ToSqliteConverter(Engine.MYSQL),
            new dev.ferry.converter.sqlite.ToSqliteConverter(Engine.ORACLE),
            new dev.ferry.converter.sqlite.ToSqliteConverter(Engine.SQLITE),
            new dev.ferry.converter.target.mysql.PostgresToMySqlConverter(),
            new dev.ferry.converter.target.mysql.SqliteToMySqlConverter(),
            new dev.ferry.converter.target.mysql.MySqlToMySqlConverter(),
            new dev.ferry.converter.target.mysql.OracleToMySqlConverter()
    );

    private static final List<TargetVerifier> VERIFIERS = List.of(
            // one line per target engine
            new dev.ferry.converter.verify.PostgresTargetVerifier(),
            new dev.ferry.converter.sqlite.SqliteTargetVerifier(),
            new dev.ferry.converter.target.mysql.MySqlTargetVerifier()
    );

    private Directions() {
    }

    public static Optional<SchemaConverter> converter(Engine source, Engine target) {
        return CONVERTERS.stream().filter(c -> c.source() == source && c.target() == target).findFirst();
    }

    public static Optional<TargetVerifier> verifier(Engine target) {
        return VERIFIERS.stream().filter(v -> v.target() == target).findFirst();
    }

    /** Every registered direction as "source → target". */
    public static List<String> supported() {
        List<String> out = new ArrayList<>();
        CONVERTERS.forEach(c -> out.add(c.source().displayName() + " → " + c.target().displayName()));
        return out;
    }
}
