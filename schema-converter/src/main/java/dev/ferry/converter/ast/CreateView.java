package dev.ferry.converter.ast;

import java.util.List;

/** CREATE [OR REPLACE] [TEMP] [MATERIALIZED] VIEW; the query is kept as source text. */
public record CreateView(QualifiedName name, boolean orReplace, boolean temporary, boolean materialized,
                         boolean ifNotExists, List<Identifier> columns, SourceSpan query, SourceSpan span)
        implements Statement {

    public CreateView {
        columns = List.copyOf(columns);
    }
}
