package dev.ferry.converter.parse.sqlite;

import static dev.ferry.converter.parse.AstSupport.keywords;
import static dev.ferry.converter.parse.AstSupport.unquoteString;

import dev.ferry.converter.ast.Cast;
import dev.ferry.converter.ast.ColumnDef;
import dev.ferry.converter.ast.ColumnRef;
import dev.ferry.converter.ast.ConstraintDef;
import dev.ferry.converter.ast.CreateIndex;
import dev.ferry.converter.ast.CreateTable;
import dev.ferry.converter.ast.CreateTrigger;
import dev.ferry.converter.ast.CreateView;
import dev.ferry.converter.ast.Drop;
import dev.ferry.converter.ast.Expr;
import dev.ferry.converter.ast.ForeignKeyRef;
import dev.ferry.converter.ast.FunctionCall;
import dev.ferry.converter.ast.Identifier;
import dev.ferry.converter.ast.IndexElement;
import dev.ferry.converter.ast.Literal;
import dev.ferry.converter.ast.OtherStatement;
import dev.ferry.converter.ast.QualifiedName;
import dev.ferry.converter.ast.RawExpr;
import dev.ferry.converter.ast.SourceSpan;
import dev.ferry.converter.ast.Statement;
import dev.ferry.converter.ast.TypeName;
import dev.ferry.converter.parse.AstSupport;
import dev.ferry.converter.parse.SourceMapper;
import dev.ferry.grammar.sqlite.SqliteParser;
import dev.ferry.grammar.sqlite.SqliteParserBaseVisitor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.antlr.v4.runtime.ParserRuleContext;

/**
 * Builds Ferry's AST from a SQLite parse tree. One instance per statement (it holds the statement's
 * {@link SourceMapper}); not thread-safe.
 */
final class SqliteAstBuilder extends SqliteParserBaseVisitor<Object> {

    private final SourceMapper mapper;

    SqliteAstBuilder(SourceMapper mapper) {
        this.mapper = mapper;
    }

    Statement build(SqliteParser.SingleStatementContext ctx) {
        SqliteParser.StatementContext st = ctx.statement();
        ParserRuleContext inner = (ParserRuleContext) st.getChild(0);
        if (inner instanceof SqliteParser.CreateTableContext c) {
            return createTable(c, mapper.statementSpan(st));
        }
        if (inner instanceof SqliteParser.CreateIndexContext c) {
            return createIndex(c, mapper.statementSpan(st));
        }
        if (inner instanceof SqliteParser.CreateViewContext c) {
            return new CreateView(name(c.qualifiedName()), false, c.TEMP() != null || c.TEMPORARY() != null, false,
                    c.EXISTS() != null, ids(c.identifier()), span(c.selectStatement()), mapper.statementSpan(st));
        }
        if (inner instanceof SqliteParser.CreateTriggerContext c) {
            return createTrigger(c, mapper.statementSpan(st));
        }
        if (inner instanceof SqliteParser.DropContext c) {
            return new Drop(c.objectType.getText().toUpperCase(Locale.ROOT), List.of(objectName(c.objectName())),
                    c.EXISTS() != null, false, mapper.statementSpan(st));
        }
        return new OtherStatement(kind(inner), null, mapper.statementSpan(st));
    }

    private static String kind(ParserRuleContext inner) {
        if (inner instanceof SqliteParser.InsertContext i && i.REPLACE() != null && i.INSERT() == null) {
            return "REPLACE";
        }
        String[] words = inner.getStart().getText().toUpperCase(Locale.ROOT).split("\\s+");
        String first = words[0];
        if (inner instanceof SqliteParser.CreateVirtualTableContext) {
            return "CREATE VIRTUAL TABLE";
        }
        if (inner instanceof SqliteParser.AlterTableContext) {
            return "ALTER TABLE";
        }
        return first;
    }

    // ------------------------------------------------------------------ CREATE TABLE

    private CreateTable createTable(SqliteParser.CreateTableContext c, SourceSpan span) {
        List<ColumnDef> columns = new ArrayList<>();
        for (SqliteParser.ColumnDefContext col : c.columnDef()) {
            columns.add(columnDef(col));
        }
        List<ConstraintDef> constraints = new ArrayList<>();
        for (SqliteParser.TableConstraintContext tc : c.tableConstraint()) {
            ConstraintDef constraint = tableConstraint(tc);
            constraints.add(constraint);
            // PRIMARY KEY ("id" AUTOINCREMENT) marks that column like an inline AUTOINCREMENT would
            if (tc.tableConstraintBody() instanceof SqliteParser.TablePrimaryKeyContext pk
                    && pk.AUTOINCREMENT() != null && constraint.columns().size() == 1) {
                String target = constraint.columns().get(0).value();
                columns.replaceAll(col -> col.name().value().equals(target) ? withAutoIncrement(col) : col);
            }
        }
        List<String> options = new ArrayList<>();
        if (c.tableOptions() != null) {
            for (SqliteParser.TableOptionContext o : c.tableOptions().tableOption()) {
                options.add(keywords(mapper.text(o)));
            }
        }
        return new CreateTable(objectName(c.objectName()), c.TEMP() != null || c.TEMPORARY() != null,
                c.EXISTS() != null, columns, constraints, options, null,
                c.selectStatement() == null ? null : span(c.selectStatement()), span);
    }

    private static ColumnDef withAutoIncrement(ColumnDef c) {
        return new ColumnDef(c.name(), c.type(), c.nullable(), c.defaultValue(), c.identity(), c.generated(),
                c.collation(), true, c.constraints(), c.span());
    }

    ColumnDef columnDef(SqliteParser.ColumnDefContext c) {
        Identifier name = c.columnName().identifier() != null ? id(c.columnName().identifier())
                : stringName(c.columnName().STRING_LITERAL().getSymbol());
        TypeName type = c.typeName() == null ? null : typeName(c.typeName());
        Boolean nullable = null;
        Expr defaultValue = null;
        ColumnDef.Generated generated = null;
        String collation = null;
        boolean autoIncrement = false;
        List<ConstraintDef> constraints = new ArrayList<>();
        for (SqliteParser.ColumnConstraintContext cc : c.columnConstraint()) {
            Identifier cname = cc.name == null ? null : id(cc.name);
            SqliteParser.ColumnConstraintBodyContext body = cc.columnConstraintBody();
            SourceSpan cspan = span(cc);
            if (body instanceof SqliteParser.ColumnPrimaryKeyContext pk) {
                autoIncrement |= pk.AUTOINCREMENT() != null;
                constraints.add(new ConstraintDef(cname, ConstraintDef.Kind.PRIMARY_KEY, List.of(name), null, null,
                        false, false, conflict(pk.conflictClause()), cspan));
            } else if (body instanceof SqliteParser.ColumnNotNullContext) {
                nullable = Boolean.FALSE;
            } else if (body instanceof SqliteParser.ColumnNullContext) {
                nullable = Boolean.TRUE;
            } else if (body instanceof SqliteParser.ColumnUniqueContext u) {
                constraints.add(new ConstraintDef(cname, ConstraintDef.Kind.UNIQUE, List.of(name), null, null,
                        false, false, conflict(u.conflictClause()), cspan));
            } else if (body instanceof SqliteParser.ColumnCheckContext ch) {
                constraints.add(new ConstraintDef(cname, ConstraintDef.Kind.CHECK, List.of(), null, expr(ch.expr()),
                        false, false, null, cspan));
            } else if (body instanceof SqliteParser.ColumnDefaultContext d) {
                defaultValue = defaultValue(d.defaultValue());
            } else if (body instanceof SqliteParser.ColumnCollateContext co) {
                collation = id(co.identifier()).value();
            } else if (body instanceof SqliteParser.ColumnReferencesContext r) {
                SqliteParser.ForeignKeyClauseContext fk = r.foreignKeyClause();
                SqliteParser.DeferrableContext d = fk.deferrable();
                constraints.add(new ConstraintDef(cname, ConstraintDef.Kind.FOREIGN_KEY, List.of(name),
                        references(fk), null, isDeferrable(d), isInitiallyDeferred(d), null, cspan));
            } else if (body instanceof SqliteParser.ColumnGeneratedContext g) {
                generated = new ColumnDef.Generated(expr(g.expr()), g.STORED() != null);
            }
        }
        return new ColumnDef(name, type, nullable, defaultValue, null, generated, collation, autoIncrement,
                constraints, span(c));
    }

    private ConstraintDef tableConstraint(SqliteParser.TableConstraintContext tc) {
        Identifier cname = tc.name == null ? null : id(tc.name);
        SqliteParser.TableConstraintBodyContext body = tc.tableConstraintBody();
        SourceSpan cspan = span(tc);
        if (body instanceof SqliteParser.TablePrimaryKeyContext pk) {
            return new ConstraintDef(cname, ConstraintDef.Kind.PRIMARY_KEY, indexedColumnNames(pk.indexedColumn()),
                    null, null, false, false, conflict(pk.conflictClause()), cspan);
        }
        if (body instanceof SqliteParser.TableUniqueContext u) {
            return new ConstraintDef(cname, ConstraintDef.Kind.UNIQUE, indexedColumnNames(u.indexedColumn()),
                    null, null, false, false, conflict(u.conflictClause()), cspan);
        }
        if (body instanceof SqliteParser.TableCheckContext ch) {
            return new ConstraintDef(cname, ConstraintDef.Kind.CHECK, List.of(), null, expr(ch.expr()), false, false,
                    conflict(ch.conflictClause()), cspan);
        }
        SqliteParser.TableForeignKeyContext fk = (SqliteParser.TableForeignKeyContext) body;
        SqliteParser.DeferrableContext d = fk.foreignKeyClause().deferrable();
        return new ConstraintDef(cname, ConstraintDef.Kind.FOREIGN_KEY, ids(fk.identifier()),
                references(fk.foreignKeyClause()), null, isDeferrable(d), isInitiallyDeferred(d), null, cspan);
    }

    private List<Identifier> indexedColumnNames(List<SqliteParser.IndexedColumnContext> cols) {
        List<Identifier> out = new ArrayList<>();
        for (SqliteParser.IndexedColumnContext ic : cols) {
            SqliteParser.ExprContext e = ic.expr();
            if (e instanceof SqliteParser.CollateExprContext co) {
                e = co.expr();
            }
            if (e instanceof SqliteParser.ColumnExprContext ce && ce.qualifiedName().identifier().size() == 1) {
                out.add(id(ce.qualifiedName().identifier(0)));
            } else {
                SourceSpan s = span(e);
                out.add(new Identifier(s.text(), false, s));
            }
        }
        return out;
    }

    private ForeignKeyRef references(SqliteParser.ForeignKeyClauseContext fk) {
        String onDelete = null;
        String onUpdate = null;
        for (SqliteParser.ForeignKeyActionContext a : fk.foreignKeyAction()) {
            String action = keywords(mapper.text(a.referentialAction()));
            if (a.DELETE() != null) {
                onDelete = action;
            } else {
                onUpdate = action;
            }
        }
        String match = fk.matchType == null ? null : keywords(mapper.text(fk.matchType));
        List<Identifier> cols = ids(fk.refColumns);
        return new ForeignKeyRef(name(fk.qualifiedName()), cols, onDelete, onUpdate, match);
    }

    private static boolean isDeferrable(SqliteParser.DeferrableContext d) {
        return d != null && d.NOT() == null;
    }

    private static boolean isInitiallyDeferred(SqliteParser.DeferrableContext d) {
        return d != null && d.NOT() == null && d.DEFERRED() != null;
    }

    private String conflict(SqliteParser.ConflictClauseContext c) {
        return c == null ? null : keywords(mapper.text(c.conflictAction()));
    }

    TypeName typeName(SqliteParser.TypeNameContext t) {
        List<String> words = t.typeWord().stream().map(w -> w.getText()).toList();
        List<String> mods = t.signedNumber().stream().map(n -> mapper.text(n).replaceAll("\\s+", "")).toList();
        return new TypeName(AstSupport.typeWords(words), mods, 0, span(t));
    }

    private Expr defaultValue(SqliteParser.DefaultValueContext d) {
        if (d.signedNumber() != null) {
            return new Literal(Literal.Kind.NUMBER, mapper.text(d.signedNumber()).replaceAll("\\s+", ""),
                    span(d.signedNumber()));
        }
        if (d.literal() != null) {
            return literal(d.literal());
        }
        if (d.expr() != null) {
            return expr(d.expr());
        }
        Identifier word = id(d.identifier());
        String v = word.value();
        if (!word.quoted() && (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false"))) {
            return new Literal(Literal.Kind.BOOLEAN, v.toUpperCase(Locale.ROOT), word.span());
        }
        return new Literal(Literal.Kind.STRING, v, word.span()); // SQLite reads a bare word default as a string
    }

    // ------------------------------------------------------------------ INDEX / TRIGGER

    private CreateIndex createIndex(SqliteParser.CreateIndexContext c, SourceSpan span) {
        List<IndexElement> elements = new ArrayList<>();
        for (SqliteParser.IndexedColumnContext ic : c.indexedColumn()) {
            SqliteParser.ExprContext e = ic.expr();
            String collation = null;
            if (e instanceof SqliteParser.CollateExprContext co) {
                collation = id(co.identifier()).value();
                e = co.expr();
            }
            String ordering = ic.ASC() != null ? "ASC" : ic.DESC() != null ? "DESC" : null;
            elements.add(new IndexElement(expr(e), collation, null, ordering, null, span(ic)));
        }
        QualifiedName table = new QualifiedName(List.of(id(c.identifier())), span(c.identifier()));
        return new CreateIndex(name(c.qualifiedName()), table, c.UNIQUE() != null, c.EXISTS() != null, false, null,
                elements, List.of(), c.where == null ? null : expr(c.where), span);
    }

    private CreateTrigger createTrigger(SqliteParser.CreateTriggerContext c, SourceSpan span) {
        SqliteParser.TriggerEventContext ev = c.triggerEvent();
        String event = ev.DELETE() != null ? "DELETE" : ev.INSERT() != null ? "INSERT" : "UPDATE";
        String timing = c.triggerTiming() == null ? null : keywords(mapper.text(c.triggerTiming()));
        return new CreateTrigger(name(c.qualifiedName(0)), false, c.TEMP() != null || c.TEMPORARY() != null,
                c.EXISTS() != null, timing, List.of(event), ids(ev.identifier()), name(c.qualifiedName(1)), true,
                c.when == null ? null : expr(c.when), span(c.triggerBody()), null, List.of(), span);
    }

    // ------------------------------------------------------------------ expressions

    Expr expr(SqliteParser.ExprContext e) {
        if (e instanceof SqliteParser.LiteralExprContext l) {
            return literal(l.literal());
        }
        if (e instanceof SqliteParser.ColumnExprContext c) {
            QualifiedName n = name(c.qualifiedName());
            String v = n.last().value();
            if (n.parts().size() == 1 && !n.last().quoted() && (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false"))) {
                return new Literal(Literal.Kind.BOOLEAN, v.toUpperCase(Locale.ROOT), span(e)); // SQLite 3.23+
            }
            return new ColumnRef(n, span(e));
        }
        if (e instanceof SqliteParser.ParenExprContext p && p.expr().size() == 1) {
            return expr(p.expr(0));
        }
        if (e instanceof SqliteParser.CastExprContext c) {
            return new Cast(expr(c.expr()), typeName(c.typeName()), span(e));
        }
        if (e instanceof SqliteParser.UnaryExprContext u && u.op.getType() == SqliteParser.MINUS
                && u.expr() instanceof SqliteParser.LiteralExprContext l && l.literal().NUMERIC_LITERAL() != null) {
            return new Literal(Literal.Kind.NUMBER, "-" + l.getText(), span(e));
        }
        if (e instanceof SqliteParser.FunctionExprContext f && f.DISTINCT() == null && f.STAR() == null
                && f.filterClause() == null && f.overClause() == null && f.orderByClause() == null) {
            QualifiedName fname = new QualifiedName(List.of(AstSupport.identifier(f.functionName(), mapper)),
                    span(f.functionName()));
            return new FunctionCall(fname, f.expr().stream().map(this::expr).toList(), span(e));
        }
        return new RawExpr(span(e));
    }

    private Literal literal(SqliteParser.LiteralContext l) {
        SourceSpan s = span(l);
        if (l.NUMERIC_LITERAL() != null) {
            return new Literal(Literal.Kind.NUMBER, s.text(), s);
        }
        if (l.STRING_LITERAL() != null) {
            return new Literal(Literal.Kind.STRING, unquoteString(s.text()), s);
        }
        if (l.BLOB_LITERAL() != null) {
            return new Literal(Literal.Kind.BLOB, unquoteString(s.text()), s);
        }
        if (l.NULL() != null) {
            return new Literal(Literal.Kind.NULL, "NULL", s);
        }
        if (l.CURRENT_DATE() != null) {
            return new Literal(Literal.Kind.CURRENT_DATE, "CURRENT_DATE", s);
        }
        if (l.CURRENT_TIME() != null) {
            return new Literal(Literal.Kind.CURRENT_TIME, "CURRENT_TIME", s);
        }
        return new Literal(Literal.Kind.CURRENT_TIMESTAMP, "CURRENT_TIMESTAMP", s);
    }

    // ------------------------------------------------------------------ names

    private Identifier id(SqliteParser.IdentifierContext c) {
        return AstSupport.identifier(c, mapper);
    }

    private List<Identifier> ids(List<SqliteParser.IdentifierContext> list) {
        return list.stream().map(this::id).toList();
    }

    private QualifiedName objectName(SqliteParser.ObjectNameContext o) {
        if (o.qualifiedName() != null) {
            return name(o.qualifiedName());
        }
        Identifier id = stringName(o.STRING_LITERAL().getSymbol());
        return new QualifiedName(List.of(id), id.span());
    }

    /** A name written as a string literal ('name'): SQLite's legacy fallback; it counts as quoted. */
    private Identifier stringName(org.antlr.v4.runtime.Token token) {
        SourceSpan s = mapper.span(token);
        return new Identifier(unquoteString(s.text()), true, s);
    }

    private QualifiedName name(SqliteParser.QualifiedNameContext q) {
        return AstSupport.qualifiedName(q.identifier(), q, mapper);
    }

    private SourceSpan span(ParserRuleContext ctx) {
        return mapper.span(ctx);
    }
}
