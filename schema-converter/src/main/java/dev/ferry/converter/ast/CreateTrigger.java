package dev.ferry.converter.ast;

import java.util.List;

/**
 * CREATE TRIGGER, for SQLite (a {@code BEGIN ... END} body) and PostgreSQL ({@code EXECUTE FUNCTION f(args)}).
 *
 * @param timing            {@code BEFORE}, {@code AFTER}, {@code INSTEAD OF}, or {@code null} (SQLite default)
 * @param events            {@code INSERT}, {@code UPDATE}, {@code DELETE}, {@code TRUNCATE}
 * @param updateColumns     the columns of {@code UPDATE OF}
 * @param forEachRow        row-level trigger (SQLite triggers always are)
 * @param when              WHEN condition, or {@code null}
 * @param body              SQLite body including BEGIN and END, or {@code null}
 * @param function          PostgreSQL trigger function, or {@code null}
 * @param functionArguments PostgreSQL trigger arguments as written
 */
public record CreateTrigger(QualifiedName name, boolean orReplace, boolean temporary, boolean ifNotExists,
                            String timing, List<String> events, List<Identifier> updateColumns, QualifiedName table,
                            boolean forEachRow, Expr when, SourceSpan body, QualifiedName function,
                            List<String> functionArguments, SourceSpan span) implements Statement {

    public CreateTrigger {
        events = List.copyOf(events);
        updateColumns = List.copyOf(updateColumns);
        functionArguments = List.copyOf(functionArguments);
    }
}
