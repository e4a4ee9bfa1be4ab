package dev.ferry.converter.parse.mysql;

import dev.ferry.converter.assess.ConversionResult;
import dev.ferry.converter.direction.ConversionRequest;
import dev.ferry.converter.direction.SchemaConverter;
import dev.ferry.model.schema.Engine;

import dev.ferry.model.schema.Column;
import dev.ferry.model.schema.DataType;
import dev.ferry.model.schema.Schema;
import dev.ferry.model.schema.Table;

import java.util.ArrayList;
import java.util.List;
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
        return new MySqlToPostgresConverter(request.rules()).convert(target, Set.of(), withDisplayWidths(request.source()));
    }

    private static final Set<String> INTEGERS = Set.of("tinyint", "smallint", "mediumint", "int", "integer", "bigint");

    /**
     * The catalog reader keeps an integer's display width only in the declared text ({@code tinyint(1)}); the script
     * builder puts it in {@link DataType#length()}, where the type mapping looks for {@code tinyint(1)} → boolean. This
     * gives catalog schemas the script shape, so both paths convert alike.
     */
    static Schema withDisplayWidths(Schema s) {
        List<Table> tables = new ArrayList<>();
        for (Table t : s.tables()) {
            List<Column> cols = new ArrayList<>();
            for (Column c : t.columns()) {
                DataType d = c.type();
                Long width = INTEGERS.contains(d.name()) && d.length() == null ? displayWidth(d.declared()) : null;
                cols.add(width == null ? c : new Column(c.name(), c.position(), new DataType(d.name(), width, d.precision(),
                        d.scale(), d.charSemantics(), d.unsigned(), d.zerofill(), d.values(), d.arrayDimensions(), d.declared()),
                        c.nullable(), c.defaultExpression(), c.identity(), c.generated(), c.generatedStored(), c.charset(),
                        c.collation(), c.comment(), c.onUpdate()));
            }
            tables.add(new Table(t.schema(), t.name(), t.kind(), cols, t.primaryKey(), t.uniqueKeys(), t.foreignKeys(), t.checks(),
                    t.indexes(), t.comment(), t.estimatedRows(), t.sizeBytes(), t.partitioning(), t.options()));
        }
        return new Schema(s.name(), tables, s.views(), s.sequences(), s.routines(), s.triggers(), s.packages(), s.synonyms(), s.types());
    }

    /** {@code tinyint(1) unsigned} → 1; null without a width. */
    private static Long displayWidth(String declared) {
        if (declared == null) {
            return null;
        }
        int open = declared.indexOf('(');
        int close = declared.indexOf(')', open + 1);
        if (open < 0 || close < 0) {
            return null;
        }
        try {
            return Long.parseLong(declared.substring(open + 1, close).trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
