package dev.ferry.converter.parse.postgres;

import static dev.ferry.converter.parse.AstSupport.keywords;

import dev.ferry.converter.ast.AlterSequence;
import dev.ferry.converter.ast.AlterTable;
import dev.ferry.converter.ast.Cast;
import dev.ferry.converter.ast.ColumnDef;
import dev.ferry.converter.ast.ColumnRef;
import dev.ferry.converter.ast.CommentOn;
import dev.ferry.converter.ast.ConstraintDef;
import dev.ferry.converter.ast.CreateDomain;
import dev.ferry.converter.ast.CreateFunction;
import dev.ferry.converter.ast.CreateIndex;
import dev.ferry.converter.ast.CreateSchema;
import dev.ferry.converter.ast.CreateSequence;
import dev.ferry.converter.ast.CreateTable;
import dev.ferry.converter.ast.CreateTrigger;
import dev.ferry.converter.ast.CreateType;
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
import dev.ferry.converter.ast.SequenceOptions;
import dev.ferry.converter.ast.SourceSpan;
import dev.ferry.converter.ast.Statement;
import dev.ferry.converter.ast.TypeName;
import dev.ferry.converter.parse.AstSupport;
import dev.ferry.converter.parse.SourceMapper;
import dev.ferry.grammar.postgres.PostgresParser;
import dev.ferry.grammar.postgres.PostgresParser.*;
import dev.ferry.grammar.postgres.PostgresParserBaseVisitor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * Builds Ferry's AST from a PostgreSQL parse tree. One instance per statement (it holds the statement's
 * {@link SourceMapper}); not thread-safe.
 */
final class PostgresAstBuilder extends PostgresParserBaseVisitor<Object> {

    private final SourceMapper mapper;

    PostgresAstBuilder(SourceMapper mapper) {
        this.mapper = mapper;
    }

    Statement build(SingleStatementContext ctx) {
        StatementContext st = ctx.statement();
        ParserRuleContext inner = (ParserRuleContext) st.getChild(0);
        SourceSpan span = mapper.statementSpan(st);
        if (inner instanceof CreateSchemaContext c) {
            return new CreateSchema(c.identifier() == null ? null : id(c.identifier()), c.EXISTS() != null,
                    c.roleSpec() == null ? null : mapper.text(c.roleSpec()), span);
        }
        if (inner instanceof CreateTableContext c) {
            return createTable(c, span);
        }
        if (inner instanceof CreateIndexContext c) {
            return createIndex(c, span);
        }
        if (inner instanceof CreateSequenceContext c) {
            return new CreateSequence(name(c.qualifiedName()), c.TEMP() != null || c.TEMPORARY() != null,
                    c.EXISTS() != null, sequenceOptions(c.sequenceOption()), span);
        }
        if (inner instanceof AlterSequenceContext c && !c.sequenceOption().isEmpty()) {
            return new AlterSequence(name(c.qualifiedName()), c.EXISTS() != null,
                    sequenceOptions(c.sequenceOption()), span);
        }
        if (inner instanceof CreateViewContext c) {
            return new CreateView(name(c.qualifiedName()), c.REPLACE() != null,
                    c.TEMP() != null || c.TEMPORARY() != null, false, false, columns(c.columnList()),
                    span(c.query()), span);
        }
        if (inner instanceof CreateMaterializedViewContext c) {
            return new CreateView(name(c.qualifiedName()), false, false, true, c.EXISTS() != null,
                    columns(c.columnList()), span(c.query()), span);
        }
        if (inner instanceof CreateTypeContext c) {
            return createType(c, span);
        }
        if (inner instanceof CreateDomainContext c) {
            return createDomain(c, span);
        }
        if (inner instanceof CreateFunctionContext c) {
            return createFunction(c, span);
        }
        if (inner instanceof CreateTriggerContext c) {
            return createTrigger(c, span);
        }
        if (inner instanceof CommentOnContext c) {
            return commentOn(c, span);
        }
        if (inner instanceof AlterTableContext c) {
            return alterTable(c, span);
        }
        if (inner instanceof DropContext c) {
            return new Drop(keywords(mapper.text(c.dropKind())),
                    c.dropTarget().stream().map(t -> name(t.qualifiedName(0))).toList(), c.EXISTS() != null,
                    c.CASCADE() != null, span);
        }
        return new OtherStatement(kind(inner), null, span);
    }

    private String kind(ParserRuleContext inner) {
        if (inner instanceof QueryContext) {
            return inner.getStart().getType() == PostgresParser.WITH ? "WITH" : keywords(inner.getStart().getText());
        }
        if (inner instanceof CreateExtensionContext) {
            return "CREATE EXTENSION";
        }
        if (inner instanceof AlterSequenceContext) {
            return "ALTER SEQUENCE";
        }
        String first = keywords(inner.getStart().getText());
        if ((first.equals("CREATE") || first.equals("ALTER")) && inner.getChildCount() > 1) {
            int i = 1;
            if (inner.getChild(i).getText().equalsIgnoreCase("OR")) {
                i += 2;
            }
            return first + " " + keywords(inner.getChild(Math.min(i, inner.getChildCount() - 1)).getText());
        }
        return first;
    }

    // ------------------------------------------------------------------ tables

    private CreateTable createTable(CreateTableContext c, SourceSpan span) {
        List<ColumnDef> columns = new ArrayList<>();
        List<ConstraintDef> constraints = new ArrayList<>();
        List<String> options = new ArrayList<>();
        for (TableElementContext e : c.tableElement()) {
            if (e.columnDef() != null) {
                columns.add(columnDef(e.columnDef()));
            } else if (e.tableConstraint() != null) {
                constraints.add(tableConstraint(e.tableConstraint()));
            } else {
                options.add(normalized(e));
            }
        }
        if (c.UNLOGGED() != null) {
            options.add("UNLOGGED");
        }
        if (c.PARTITION() != null) {
            options.add("PARTITION OF " + mapper.text(c.qualifiedName(1)) + " " + normalized(c.partitionBound()));
        }
        if (c.tableInherits() != null) {
            options.add(normalized(c.tableInherits()));
        }
        for (TableTailContext t : c.tableTail()) {
            options.add(normalized(t));
        }
        return new CreateTable(name(c.qualifiedName(0)), c.TEMP() != null || c.TEMPORARY() != null,
                c.EXISTS() != null, columns, constraints, options,
                c.partitionBy() == null ? null : normalized(c.partitionBy()),
                c.query() == null ? null : span(c.query()), span);
    }

    private ColumnDef columnDef(ColumnDefContext c) {
        Identifier name = id(c.identifier());
        Boolean nullable = null;
        Expr defaultValue = null;
        ColumnDef.Identity identity = null;
        ColumnDef.Generated generated = null;
        String collation = c.qualifiedName() == null ? null : mapper.text(c.qualifiedName());
        List<ConstraintDef> constraints = new ArrayList<>();
        for (ColumnConstraintContext cc : c.columnConstraint()) {
            if (cc.COLLATE() != null) {
                collation = mapper.text(cc.qualifiedName());
                continue;
            }
            Identifier cname = cc.identifier() == null ? null : id(cc.identifier());
            ColumnConstraintBodyContext body = cc.columnConstraintBody();
            boolean deferrable = deferrable(cc.constraintAttribute());
            boolean deferred = initiallyDeferred(cc.constraintAttribute());
            SourceSpan cspan = span(cc);
            if (body instanceof ColNotNullContext) {
                nullable = Boolean.FALSE;
            } else if (body instanceof ColNullContext) {
                nullable = Boolean.TRUE;
            } else if (body instanceof ColCheckContext ch) {
                constraints.add(new ConstraintDef(cname, ConstraintDef.Kind.CHECK, List.of(), null, expr(ch.expr()),
                        deferrable, deferred, null, cspan));
            } else if (body instanceof ColDefaultContext d) {
                defaultValue = expr(d.expr());
            } else if (body instanceof ColIdentityContext idc) {
                identity = new ColumnDef.Identity(idc.ALWAYS() != null, sequenceOptions(idc.sequenceOption()));
            } else if (body instanceof ColGeneratedContext g) {
                generated = new ColumnDef.Generated(expr(g.expr()), true);
            } else if (body instanceof ColUniqueContext) {
                constraints.add(new ConstraintDef(cname, ConstraintDef.Kind.UNIQUE, List.of(name), null, null,
                        deferrable, deferred, null, cspan));
            } else if (body instanceof ColPrimaryKeyContext) {
                constraints.add(new ConstraintDef(cname, ConstraintDef.Kind.PRIMARY_KEY, List.of(name), null, null,
                        deferrable, deferred, null, cspan));
            } else if (body instanceof ColReferencesContext r) {
                constraints.add(new ConstraintDef(cname, ConstraintDef.Kind.FOREIGN_KEY, List.of(name),
                        references(r.references()), null, deferrable, deferred, null, cspan));
            }
        }
        return new ColumnDef(name, typeName(c.typeName()), nullable, defaultValue, identity, generated, collation,
                false, constraints, span(c));
    }

    private ConstraintDef tableConstraint(TableConstraintContext tc) {
        Identifier cname = tc.identifier() == null ? null : id(tc.identifier());
        boolean deferrable = deferrable(tc.constraintAttribute());
        boolean deferred = initiallyDeferred(tc.constraintAttribute());
        TableConstraintBodyContext body = tc.tableConstraintBody();
        SourceSpan cspan = span(tc);
        if (body instanceof TabCheckContext ch) {
            return new ConstraintDef(cname, ConstraintDef.Kind.CHECK, List.of(), null, expr(ch.expr()), deferrable,
                    deferred, null, cspan);
        }
        if (body instanceof TabUniqueContext u) {
            return new ConstraintDef(cname, ConstraintDef.Kind.UNIQUE, columns(u.columnList()), null, null,
                    deferrable, deferred, null, cspan);
        }
        if (body instanceof TabPrimaryKeyContext pk) {
            return new ConstraintDef(cname, ConstraintDef.Kind.PRIMARY_KEY, columns(pk.columnList()), null, null,
                    deferrable, deferred, null, cspan);
        }
        if (body instanceof TabForeignKeyContext fk) {
            return new ConstraintDef(cname, ConstraintDef.Kind.FOREIGN_KEY, columns(fk.columnList()),
                    references(fk.references()), null, deferrable, deferred, null, cspan);
        }
        return new ConstraintDef(cname, ConstraintDef.Kind.EXCLUDE, List.of(), null, null, deferrable, deferred,
                null, cspan);
    }

    private ForeignKeyRef references(ReferencesContext r) {
        String onDelete = null;
        String onUpdate = null;
        for (ReferentialActionContext a : r.referentialAction()) {
            String action = keywords(mapper.text(a.referentialActionKind()));
            if (a.DELETE() != null) {
                onDelete = action;
            } else {
                onUpdate = action;
            }
        }
        String match = r.MATCH() == null ? null : keywords(r.getChild(r.getChildCount() - 1 - r.referentialAction()
                .size()).getText());
        return new ForeignKeyRef(name(r.qualifiedName()), columns(r.columnList()), onDelete, onUpdate, match);
    }

    private static boolean deferrable(List<ConstraintAttributeContext> attrs) {
        boolean d = false;
        for (ConstraintAttributeContext a : attrs) {
            if (a.DEFERRABLE() != null) {
                d = a.NOT() == null;
            }
        }
        return d;
    }

    private static boolean initiallyDeferred(List<ConstraintAttributeContext> attrs) {
        return attrs.stream().anyMatch(a -> a.INITIALLY() != null && a.DEFERRED() != null);
    }

    private AlterTable alterTable(AlterTableContext c, SourceSpan span) {
        List<AlterTable.Action> actions = new ArrayList<>();
        for (AlterTableActionContext a : c.alterTableAction()) {
            SourceSpan as = span(a);
            if (a instanceof AddConstraintContext ac) {
                actions.add(new AlterTable.AddConstraint(tableConstraint(ac.tableConstraint()), as));
            } else if (a instanceof AddColumnContext ac) {
                actions.add(new AlterTable.AddColumn(columnDef(ac.columnDef()), ac.EXISTS() != null, as));
            } else if (a instanceof AlterColumnContext ac && ac.alterColumnAction().DEFAULT() != null
                    && ac.alterColumnAction().TYPE() == null) {
                AlterColumnActionContext act = ac.alterColumnAction();
                actions.add(new AlterTable.AlterColumnDefault(id(ac.identifier()),
                        act.SET().isEmpty() ? null : expr(act.expr()), as));
            } else {
                actions.add(new AlterTable.OtherAction(actionKind(a), as));
            }
        }
        if (actions.isEmpty()) {
            int index = c.children.indexOf(c.qualifiedName(0)) + (c.STAR() != null ? 2 : 1);
            Token first = ((org.antlr.v4.runtime.tree.TerminalNode) c.getChild(index)).getSymbol();
            actions.add(new AlterTable.OtherAction(keywords(first.getText()), mapper.span(first, c.getStop())));
        }
        return new AlterTable(name(c.qualifiedName(0)), c.EXISTS() != null, c.ONLY() != null, actions, span);
    }

    /** {@code OwnerToContext} becomes {@code OWNER TO}. */
    private static String actionKind(AlterTableActionContext a) {
        String simple = a.getClass().getSimpleName().replace("Context", "");
        return simple.replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase(Locale.ROOT);
    }

    // ------------------------------------------------------------------ index, sequence, type, domain

    private CreateIndex createIndex(CreateIndexContext c, SourceSpan span) {
        List<IndexElement> elements = new ArrayList<>();
        for (IndexElemContext e : c.indexElem()) {
            elements.add(indexElement(e));
        }
        QualifiedName indexName = c.identifier().isEmpty() || c.identifier(0).getStart().getTokenIndex()
                > c.ON().getSymbol().getTokenIndex() ? null
                : new QualifiedName(List.of(id(c.identifier(0))), span(c.identifier(0)));
        String method = c.USING() == null ? null
                : id(c.identifier(indexName == null ? 0 : 1)).value();
        return new CreateIndex(indexName, name(c.qualifiedName()), c.UNIQUE() != null, c.EXISTS() != null,
                c.CONCURRENTLY() != null, method, elements, columns(c.columnList()),
                c.where == null ? null : expr(c.where), span);
    }

    private IndexElement indexElement(IndexElemContext e) {
        Expr expression;
        if (e.identifier() != null) {
            expression = new ColumnRef(new QualifiedName(List.of(id(e.identifier())), span(e.identifier())),
                    span(e.identifier()));
        } else if (e.functionCall() != null) {
            expression = functionCall(e.functionCall(), span(e.functionCall()));
        } else {
            expression = expr(e.expr());
        }
        String collation = e.COLLATE() == null ? null : mapper.text(e.qualifiedName(0));
        String opclass = e.opclass == null ? null : mapper.text(e.opclass);
        String ordering = e.ASC() != null ? "ASC" : e.DESC() != null ? "DESC" : null;
        String nulls = e.NULLS() == null ? null : e.FIRST() != null ? "FIRST" : "LAST";
        return new IndexElement(expression, collation, opclass, ordering, nulls, span(e));
    }

    private SequenceOptions sequenceOptions(List<SequenceOptionContext> options) {
        TypeName type = null;
        Long start = null;
        Long increment = null;
        Long min = null;
        Long max = null;
        Long cache = null;
        Boolean cycle = null;
        QualifiedName ownedBy = null;
        boolean ownedByNone = false;
        for (SequenceOptionContext o : options) {
            if (o instanceof SeqAsContext a) {
                type = typeName(a.typeName());
            } else if (o instanceof SeqIncrementContext i) {
                increment = number(i.signedNumber());
            } else if (o instanceof SeqMinValueContext m) {
                min = number(m.signedNumber());
            } else if (o instanceof SeqMaxValueContext m) {
                max = number(m.signedNumber());
            } else if (o instanceof SeqStartContext s) {
                start = number(s.signedNumber());
            } else if (o instanceof SeqRestartContext r && r.signedNumber() != null) {
                start = number(r.signedNumber());
            } else if (o instanceof SeqCacheContext ca) {
                cache = number(ca.signedNumber());
            } else if (o instanceof SeqCycleContext cy) {
                cycle = cy.NO() == null;
            } else if (o instanceof SeqOwnedByContext ob) {
                ownedByNone = ob.NONE() != null;
                ownedBy = ob.qualifiedName() == null ? null : name(ob.qualifiedName());
            }
        }
        return new SequenceOptions(type, start, increment, min, max, cache, cycle, ownedBy, ownedByNone);
    }

    private Long number(SignedNumberContext n) {
        String text = mapper.text(n).replaceAll("[\\s_]", "");
        try {
            return Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
        } catch (NumberFormatException e) {
            return text.startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    private CreateType createType(CreateTypeContext c, SourceSpan span) {
        if (c instanceof CreateEnumTypeContext e) {
            return new CreateType(name(e.qualifiedName()), CreateType.Kind.ENUM,
                    e.string().stream().map(this::stringValue).toList(), List.of(), span);
        }
        if (c instanceof CreateCompositeTypeContext comp) {
            List<ColumnDef> attrs = comp.typeAttribute().stream().map(this::attribute).toList();
            return new CreateType(name(comp.qualifiedName()), CreateType.Kind.COMPOSITE, List.of(), attrs, span);
        }
        if (c instanceof CreateRangeTypeContext r) {
            return new CreateType(name(r.qualifiedName()), CreateType.Kind.RANGE, List.of(), List.of(), span);
        }
        return new CreateType(name(((CreateBaseTypeContext) c).qualifiedName()), CreateType.Kind.BASE, List.of(),
                List.of(), span);
    }

    private ColumnDef attribute(TypeAttributeContext a) {
        return new ColumnDef(id(a.identifier()), typeName(a.typeName()), null, null, null, null,
                a.qualifiedName() == null ? null : mapper.text(a.qualifiedName()), false, List.of(), span(a));
    }

    private CreateDomain createDomain(CreateDomainContext c, SourceSpan span) {
        Expr defaultValue = null;
        boolean notNull = false;
        String collation = null;
        List<ConstraintDef> checks = new ArrayList<>();
        for (DomainConstraintContext d : c.domainConstraint()) {
            if (d.COLLATE() != null) {
                collation = mapper.text(d.qualifiedName());
            } else if (d.DEFAULT() != null) {
                defaultValue = expr(d.expr());
            } else if (d.CHECK() != null) {
                checks.add(new ConstraintDef(d.identifier() == null ? null : id(d.identifier()),
                        ConstraintDef.Kind.CHECK, List.of(), null, expr(d.expr()), false, false, null, span(d)));
            } else if (d.NOT() != null && d.NULL() != null) {
                notNull = true;
            }
        }
        return new CreateDomain(name(c.qualifiedName()), typeName(c.typeName()), defaultValue, notNull, collation,
                checks, span);
    }

    // ------------------------------------------------------------------ routines and triggers

    private CreateFunction createFunction(CreateFunctionContext c, SourceSpan span) {
        List<CreateFunction.Parameter> params = new ArrayList<>();
        for (FunctionParameterContext p : c.functionParameter()) {
            params.add(new CreateFunction.Parameter(
                    p.argMode() == null ? null : keywords(p.argMode().getText()),
                    p.identifier() == null ? null : id(p.identifier()), typeName(p.typeName()),
                    p.expr() == null ? null : expr(p.expr()), span(p)));
        }
        String returns = null;
        if (c.RETURNS() != null) {
            Token last = c.typeName() != null ? c.typeName().getStop() : c.RPAREN(c.RPAREN().size() - 1).getSymbol();
            Token afterReturns = c.typeName() != null ? c.typeName().getStart() : c.TABLE().getSymbol();
            returns = mapper.text(afterReturns, last).replaceAll("\\s+", " ");
        }
        String language = null;
        String body = null;
        SourceSpan bodySpan = null;
        List<String> options = new ArrayList<>();
        for (FunctionOptionContext o : c.functionOption()) {
            if (o instanceof FnLanguageContext l) {
                language = l.identifier() != null ? id(l.identifier()).value() : stringValue(l.string());
            } else if (o instanceof FnBodyContext b) {
                FunctionBodyContext fb = b.functionBody(0);
                bodySpan = span(fb);
                body = fb.DOLLAR_STRING() != null ? AstSupport.undollar(fb.getText()) : stringValue(fb.string());
                if (b.functionBody().size() > 1) {
                    options.add("AS " + normalized(b.functionBody(0)) + ", " + normalized(b.functionBody(1)));
                }
            } else {
                options.add(normalized(o));
            }
        }
        return new CreateFunction(name(c.qualifiedName()), c.REPLACE() != null, c.PROCEDURE() != null, params,
                returns, language, body, bodySpan, options, span);
    }

    private CreateTrigger createTrigger(CreateTriggerContext c, SourceSpan span) {
        List<String> events = new ArrayList<>();
        List<Identifier> updateColumns = new ArrayList<>();
        for (TriggerEventContext e : c.triggerEvent()) {
            events.add(keywords(e.getStart().getText()));
            updateColumns.addAll(e.identifier().stream().map(this::id).toList());
        }
        List<QualifiedNameContext> names = c.qualifiedName();
        QualifiedName name = new QualifiedName(List.of(id(c.identifier(0))), span(c.identifier(0)));
        return new CreateTrigger(name, c.REPLACE() != null, false, false, keywords(mapper.text(c.triggerTiming())),
                events, updateColumns, name(names.get(0)), c.ROW() != null, c.when == null ? null : expr(c.when),
                null, name(names.get(names.size() - 1)),
                c.triggerArg().stream().map(a -> mapper.text(a)).toList(), span);
    }

    private CommentOn commentOn(CommentOnContext c, SourceSpan span) {
        String comment = c.string() == null ? null : stringValue(c.string());
        CommentTargetContext t = c.commentTarget();
        if (t instanceof CommentColumnContext col) {
            return new CommentOn("COLUMN", name(col.qualifiedName()), null, comment, span);
        }
        if (t instanceof CommentOnTableObjectContext o) {
            return new CommentOn(keywords(o.getStart().getText()),
                    new QualifiedName(List.of(id(o.identifier())), span(o.identifier())), name(o.qualifiedName()),
                    comment, span);
        }
        if (t instanceof CommentRoutineContext r) {
            return new CommentOn(keywords(r.getStart().getText()), name(r.qualifiedName()), null, comment, span);
        }
        CommentObjectContext o = (CommentObjectContext) t;
        return new CommentOn(keywords(mapper.text(o.objectKind())), name(o.qualifiedName()), null, comment, span);
    }

    // ------------------------------------------------------------------ types and expressions

    TypeName typeName(TypeNameContext t) {
        BaseTypeNameContext b = t.baseTypeName();
        String name;
        List<String> mods = List.of();
        TypeModifiersContext tm = null;
        if (b instanceof DoublePrecisionTypeContext) {
            name = "double precision";
        } else if (b instanceof CharacterTypeContext ch) {
            name = (ch.NATIONAL() != null ? "national " : "") + "character" + (ch.VARYING() != null ? " varying" : "");
            tm = ch.typeModifiers();
        } else if (b instanceof BitTypeContext bit) {
            name = bit.VARYING() != null ? "bit varying" : "bit";
            tm = bit.typeModifiers();
        } else if (b instanceof TimeTypeContext tt) {
            name = (tt.TIME(0) != null && tt.getStart().getType() == PostgresParser.TIME ? "time" : "timestamp")
                    + (tt.WITH() != null ? " with time zone" : tt.WITHOUT() != null ? " without time zone" : "");
            tm = tt.typeModifiers();
        } else if (b instanceof IntervalTypeContext it) {
            name = "interval" + (it.intervalFields() == null ? ""
                    : " " + mapper.text(it.intervalFields()).toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
            tm = it.typeModifiers();
        } else if (b instanceof GenericTypeContext g) {
            List<String> parts = g.qualifiedName().identifier().stream().map(i -> {
                Identifier id = id(i);
                // quoted parts keep their quotes: "char" is not char
                return id.quoted() ? "\"" + id.value().replace("\"", "\"\"") + "\""
                        : id.value().toLowerCase(Locale.ROOT);
            }).toList();
            name = String.join(".", parts) + (g.VARYING() != null ? " varying" : "");
            tm = g.typeModifiers();
        } else {
            name = mapper.text(b).toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
        }
        if (tm != null) {
            mods = tm.typeModifier().stream().map(m -> mapper.text(m).replaceAll("\\s+", "")).toList();
        }
        if (t.SETOF() != null) {
            name = "setof " + name;
        }
        ArraySuffixContext a = t.arraySuffix();
        int dims = a.ARRAY() != null ? 1 : a.LBRACKET().size();
        return new TypeName(name, mods, dims, span(t));
    }

    Expr expr(ExprContext e) {
        SourceSpan s = span(e);
        if (e instanceof PrimaryContext p) {
            PrimaryExprContext pe = p.primaryExpr();
            if (pe instanceof LiteralExprContext l) {
                return literal(l.literal());
            }
            if (pe instanceof ColumnRefContext c) {
                return new ColumnRef(name(c.qualifiedName()), s);
            }
            if (pe instanceof ParenExprContext par) {
                return expr(par.expr());
            }
            if (pe instanceof CastExprContext c) {
                return new Cast(expr(c.expr()), typeName(c.typeName()), s);
            }
            if (pe instanceof FunctionExprContext f) {
                return functionCall(f.functionCall(), s);
            }
            if (pe instanceof SpecialFunctionExprContext sf && sf.INTEGER_LITERAL() == null) {
                int type = sf.specialFunction().getStart().getType();
                if (type == PostgresParser.CURRENT_TIMESTAMP) {
                    return new Literal(Literal.Kind.CURRENT_TIMESTAMP, "CURRENT_TIMESTAMP", s);
                }
                if (type == PostgresParser.CURRENT_DATE) {
                    return new Literal(Literal.Kind.CURRENT_DATE, "CURRENT_DATE", s);
                }
                if (type == PostgresParser.CURRENT_TIME) {
                    return new Literal(Literal.Kind.CURRENT_TIME, "CURRENT_TIME", s);
                }
            }
            return new RawExpr(s);
        }
        if (e instanceof CastOperatorContext c) {
            return new Cast(expr(c.expr()), typeName(c.typeName()), s);
        }
        if (e instanceof UnaryContext u && u.op.getType() == PostgresParser.MINUS
                && u.expr() instanceof PrimaryContext p && p.primaryExpr() instanceof LiteralExprContext l
                && (l.literal().INTEGER_LITERAL() != null || l.literal().NUMERIC_LITERAL() != null)) {
            return new Literal(Literal.Kind.NUMBER, "-" + l.getText(), s);
        }
        return new RawExpr(s);
    }

    private Expr functionCall(FunctionCallContext f, SourceSpan s) {
        if (f.STAR() != null || f.DISTINCT() != null || f.ALL() != null || !f.orderByClause().isEmpty()
                || f.OVER() != null || f.FILTER() != null || f.WITHIN() != null || f.VARIADIC() != null
                || f.functionName().qualifiedName() == null
                || f.functionArgument().stream().anyMatch(a -> a.identifier() != null || a.VARIADIC() != null)) {
            return new RawExpr(s);
        }
        return new FunctionCall(name(f.functionName().qualifiedName()),
                f.functionArgument().stream().map(a -> expr(a.expr())).toList(), s);
    }

    private Literal literal(LiteralContext l) {
        SourceSpan s = span(l);
        if (l.INTEGER_LITERAL() != null || l.NUMERIC_LITERAL() != null) {
            return new Literal(Literal.Kind.NUMBER, s.text(), s);
        }
        if (l.string() != null) {
            return new Literal(Literal.Kind.STRING, stringValue(l.string()), s);
        }
        if (l.BIT_STRING() != null) {
            return new Literal(Literal.Kind.BIT_STRING, AstSupport.unquoteString(s.text()), s);
        }
        if (l.TRUE() != null || l.FALSE() != null) {
            return new Literal(Literal.Kind.BOOLEAN, keywords(s.text()), s);
        }
        return new Literal(Literal.Kind.NULL, "NULL", s);
    }

    private String stringValue(StringContext s) {
        String raw = mapper.text(s);
        if (s.DOLLAR_STRING() != null) {
            return AstSupport.undollar(raw);
        }
        return AstSupport.unquoteString(raw);
    }

    // ------------------------------------------------------------------ names and text

    private Identifier id(IdentifierContext c) {
        return AstSupport.identifier(c, mapper);
    }

    private List<Identifier> columns(ColumnListContext c) {
        return c == null ? List.of() : c.identifier().stream().map(this::id).toList();
    }

    private QualifiedName name(QualifiedNameContext q) {
        return AstSupport.qualifiedName(q.identifier(), q, mapper);
    }

    private SourceSpan span(ParserRuleContext ctx) {
        return mapper.span(ctx);
    }

    /** The text of a clause with runs of blanks collapsed to one space. */
    private String normalized(ParserRuleContext ctx) {
        return mapper.text(ctx).replaceAll("\\s+", " ");
    }
}
