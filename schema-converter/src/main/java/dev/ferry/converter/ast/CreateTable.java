package dev.ferry.converter.ast;

import java.util.List;

/**
 * CREATE TABLE.
 *
 * @param options     table options, upper-cased and single-spaced ({@code WITHOUT ROWID}, {@code STRICT},
 *                    {@code UNLOGGED}) or as written for PostgreSQL storage clauses ({@code INHERITS (...)},
 *                    {@code WITH (...)}, {@code TABLESPACE x})
 * @param partitionBy the PARTITION BY clause as written, or {@code null}
 * @param asQuery     the query of {@code CREATE TABLE ... AS query}, or {@code null}
 */
public record CreateTable(QualifiedName name, boolean temporary, boolean ifNotExists, List<ColumnDef> columns,
                          List<ConstraintDef> constraints, List<String> options, String partitionBy,
                          SourceSpan asQuery, SourceSpan span) implements Statement {

    public CreateTable {
        columns = List.copyOf(columns);
        constraints = List.copyOf(constraints);
        options = List.copyOf(options);
    }
}
