package dev.ferry.converter.parse.mysql;

import dev.ferry.converter.assess.ConversionResult;
import dev.ferry.converter.direction.ConversionRequest;
import dev.ferry.converter.direction.SchemaConverter;
import dev.ferry.model.schema.Engine;

import java.util.Set;

/**
 * MySQL / MariaDB → PostgreSQL as a {@link SchemaConverter}: the existing {@link MySqlToPostgresConverter} applied to
 * a schema of the neutral model (e.g. read from a live catalog) instead of a parsed script. Tables, keys, indexes,
 * partitions, ENUM types, ON UPDATE triggers and views convert as in the script path; routines and triggers are MANUAL
 * (their full CREATE statements are only in scripts). Script assessments keep using
 * {@link MySqlToPostgresConverter#convert(String, Set, MySqlParseResult)}.
 *
 * <p>Threading: stateless; each call uses its own {@link MySqlToPostgresConverter}.
 */
public final class MySqlSchemaToPostgresConverter implements SchemaConverter {

    @Override
    public Engine source() {
        return Engine.MYSQL;
    }

    @Override
    public Engine target() {
        return Engine.POSTGRESQL;
    }

    @Override
    public ConversionResult convert(ConversionRequest request) {
        String target = request.targetSchema() == null ? request.source().name() : request.targetSchema();
        return new MySqlToPostgresConverter(request.rules()).convert(target, Set.of(), request.source());
    }
}
