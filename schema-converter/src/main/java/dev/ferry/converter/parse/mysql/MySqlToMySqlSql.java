package dev.ferry.converter.parse.mysql;

import dev.ferry.converter.assess.ActionCode;
import dev.ferry.converter.assess.ActionItem;
import dev.ferry.converter.parse.TargetSql;
import dev.ferry.converter.parse.TreeTextEmitter;
import dev.ferry.grammar.mysql.MySqlParser;
import org.antlr.v4.runtime.tree.ParseTree;

import java.util.Locale;
import java.util.Set;

/**
 * Copies MySQL / MariaDB text to another MySQL / MariaDB database on our MySQL parse tree (the homogeneous direction):
 * every token is kept as written, except qualifiers naming the source database ({@code `sakila`.`film`} →
 * {@code `film`}, as catalogs write view definitions) and {@code DEFINER=} clauses (the account may not exist on the
 * target; the object then runs as the deploying user).
 *
 * <p>Threading: not thread-safe; one instance per conversion.
 */
public final class MySqlToMySqlSql {

    private final Set<String> sourceDatabases;
    private final MySqlParserFacade facade = new MySqlParserFacade();

    /** @param sourceDatabases database names whose qualifier is dropped (compared case-insensitively) */
    public MySqlToMySqlSql(Set<String> sourceDatabases) {
        this.sourceDatabases = sourceDatabases.stream().map(s -> s.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toSet());
    }

    /** A default, check, generated-column or index expression. */
    public TargetSql expression(String mysql) {
        MySqlParsedStatement st = facade.parseStatement("expression", "SELECT " + mysql);
        if (!st.isParsed()) {
            return failed(mysql, st);
        }
        var sel = (MySqlParser.SelectStatementContext) st.handle().tree().getChild(0);
        var item = (MySqlParser.ExpressionItemContext) sel.queryExpression().queryBody().queryTerm(0).querySpecification()
                .selectList().selectItem(0);
        return new Emitter().run(item.expression());
    }

    /**
     * Whether an expression is a plain literal or a niladic temporal function ({@code CURRENT_TIMESTAMP}), which a
     * column DEFAULT may hold without parentheses (TEXT/BLOB columns on MySQL 8 accept only those bare).
     */
    public boolean isConstant(String mysql) {
        MySqlParsedStatement st = facade.parseStatement("expression", "SELECT " + mysql);
        if (!st.isParsed()) {
            return false;
        }
        var sel = (MySqlParser.SelectStatementContext) st.handle().tree().getChild(0);
        ParseTree n = ((MySqlParser.ExpressionItemContext) sel.queryExpression().queryBody().queryTerm(0).querySpecification()
                .selectList().selectItem(0)).expression();
        while (true) {
            if (n instanceof MySqlParser.LiteralExpressionContext || n instanceof MySqlParser.NiladicFunctionContext) {
                return true;
            }
            if (n.getChildCount() != 1 || n.getChild(0) instanceof org.antlr.v4.runtime.tree.TerminalNode) {
                return false;
            }
            n = n.getChild(0);
        }
    }

    /** A view query, or a whole CREATE statement (routine, trigger). */
    public TargetSql statement(String mysql) {
        MySqlParsedStatement st = facade.parseStatement("statement", mysql);
        if (!st.isParsed()) {
            return failed(mysql, st);
        }
        return new Emitter().run(st.handle().tree().getChild(0));
    }

    private static TargetSql failed(String text, MySqlParsedStatement st) {
        return TargetSql.failed(text, ActionItem.of(ActionCode.TO_MY_EXPRESSION_NOT_TRANSLATED,
                "The source text does not parse with Ferry's MySQL grammar: " + st.error().getMessage()));
    }

    private boolean isSource(MySqlParser.IdContext id) {
        return sourceDatabases.contains(MySqlNames.unquote(id.getText()).toLowerCase(Locale.ROOT));
    }

    private final class Emitter extends TreeTextEmitter {

        @Override
        protected TargetSql run(ParseTree tree) {
            return super.run(tree);
        }

        @Override
        protected String rewrite(ParseTree n) {
            if (n instanceof MySqlParser.DefinerClauseContext) {
                return "";
            }
            if (n instanceof MySqlParser.TableNameContext t) {
                tables.add(MySqlScriptSchemaBuilder.last(t.fullId()));
                return null;
            }
            if (n instanceof MySqlParser.FullIdContext f && f.dottedId() != null && isSource(f.id())) {
                return emit(f.dottedId());
            }
            if (n instanceof MySqlParser.ColumnRefContext c && c.dottedId().size() == 2 && isSource(c.id())) {
                return emit(c.dottedId(0)) + "." + emit(c.dottedId(1));
            }
            return null;
        }
    }
}
