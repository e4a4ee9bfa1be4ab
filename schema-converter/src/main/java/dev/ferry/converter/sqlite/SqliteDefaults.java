package dev.ferry.converter.sqlite;

import dev.ferry.converter.ast.Cast;
import dev.ferry.converter.ast.ColumnDef;
import dev.ferry.converter.ast.CreateTable;
import dev.ferry.converter.ast.Expr;
import dev.ferry.converter.ast.FunctionCall;
import dev.ferry.converter.ast.Literal;
import dev.ferry.converter.ast.Statement;
import dev.ferry.converter.parse.ParsingException;
import dev.ferry.converter.parse.postgres.PostgresParserFacade;
import dev.ferry.converter.parse.sqlite.SqliteParserFacade;
import dev.ferry.model.schema.Engine;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Column defaults that mean the same in SQLite: a number, a string, NULL, a boolean (as 1/0) or the current
 * date/time ({@code now()}, {@code CURRENT_TIMESTAMP}, {@code current_timestamp()} → {@code CURRENT_TIMESTAMP}), also
 * under a cast ({@code 'a'::character varying}). The source text is parsed into Ferry's AST — with the PostgreSQL
 * grammar for PostgreSQL sources, otherwise with the SQLite grammar, whose expression syntax covers the literal forms
 * MySQL and Oracle catalogs report — and only those shapes are accepted; anything else (sequences, functions,
 * expressions) is not portable and left to the caller to report — except from a SQLite source, whose default
 * expressions are kept as they are once they parse.
 *
 * <p>Threading: stateless.
 */
public final class SqliteDefaults {

    private static final Set<String> NOW = Set.of("now", "current_timestamp", "localtimestamp", "sysdate", "getdate",
            "transaction_timestamp", "statement_timestamp");

    private SqliteDefaults() {
    }

    /** The SQLite default text for {@code sourceDefault}, or empty when it is not portable. */
    public static Optional<String> portable(Engine source, String sourceDefault) {
        if (sourceDefault == null || sourceDefault.isBlank()) {
            return Optional.empty();
        }
        Expr e;
        try {
            Statement st = source == Engine.POSTGRESQL
                    ? PostgresParserFacade.INSTANCE.parseStatement("CREATE TABLE t (c int DEFAULT " + sourceDefault + ")", "default")
                    : SqliteParserFacade.INSTANCE.parseStatement("CREATE TABLE t (c DEFAULT (" + sourceDefault + "))", "default");
            if (!(st instanceof CreateTable ct) || ct.columns().size() != 1) {
                return Optional.empty();
            }
            ColumnDef c = ct.columns().get(0);
            e = c.defaultValue();
        } catch (ParsingException ex) {
            return Optional.empty();
        }
        Optional<String> literal = render(e);
        if (literal.isEmpty() && source == Engine.SQLITE && e != null) {
            // already SQLite: any expression that parses keeps its meaning (datetime('now'), abs(-1) ...)
            return Optional.of("(" + sourceDefault.strip() + ")");
        }
        return literal;
    }

    private static Optional<String> render(Expr e) {
        if (e instanceof Cast c) {
            return render(c.operand());
        }
        if (e instanceof FunctionCall f && f.arguments().stream().allMatch(a -> a instanceof Literal l && l.kind() == Literal.Kind.NUMBER)
                && NOW.contains(f.name().parts().get(f.name().parts().size() - 1).value().toLowerCase(Locale.ROOT))) {
            return Optional.of("CURRENT_TIMESTAMP");
        }
        if (!(e instanceof Literal l)) {
            return Optional.empty();
        }
        return switch (l.kind()) {
            case NUMBER -> Optional.of(l.value().startsWith("-") ? "(" + l.value() + ")" : l.value());
            case STRING -> Optional.of("'" + l.value().replace("'", "''") + "'");
            case NULL -> Optional.of("NULL");
            case BOOLEAN -> Optional.of(l.value().equalsIgnoreCase("TRUE") ? "1" : "0");
            case CURRENT_DATE, CURRENT_TIME, CURRENT_TIMESTAMP -> Optional.of(l.kind().name());
            case BLOB -> Optional.of("X'" + l.value() + "'");
            default -> Optional.empty();
        };
    }
}
