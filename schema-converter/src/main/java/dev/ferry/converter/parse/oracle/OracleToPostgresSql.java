package dev.ferry.converter.parse.oracle;

import dev.ferry.converter.assess.ActionCode;
import dev.ferry.converter.assess.ActionItem;
import dev.ferry.converter.naming.PostgresIdentifiers;
import dev.ferry.converter.types.OracleToPostgresTypes;
import dev.ferry.grammar.oracle.OracleLexer;
import dev.ferry.grammar.oracle.OracleParser;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.Interval;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates Oracle expressions, conditions, queries and DML statements to PostgreSQL by walking the ANTLR parse tree
 * and re-emitting it: every token is copied with the whitespace and comments before it, except for the constructs
 * that are rewritten (NVL, NVL2, DECODE, SYSDATE, INSTR, TO_DATE, TRUNC, ADD_MONTHS, MONTHS_BETWEEN, LAST_DAY,
 * {@code seq.NEXTVAL}, {@code ||}, LISTAGG, MINUS, {@code FROM DUAL}, {@code WHERE ROWNUM <= n}, {@code (+)} outer
 * joins, simple CONNECT BY, JSON_TABLE in FROM (LATERAL jsonb_path_query), identifiers, CAST types; MONTHS_BETWEEN and
 * INSTR with a position/occurrence call {@link OracleCompatHelpers}). Each rewrite that changes semantics, and each construct that
 * cannot be rewritten, adds an {@link ActionItem} positioned in the source file.
 *
 * <p>Threading: stateless; instances may be shared (each call has its own parser and emitter).
 */
public final class OracleToPostgresSql {

    private final String schema;
    private final Set<String> relations;
    /** Oracle names (upper-case unless quoted) of BLOB/RAW columns: JSON read from them needs convert_from(). */
    private final Set<String> binaryColumns;

    /** A translator that leaves unqualified names unqualified. */
    public OracleToPostgresSql() {
        this(null, Set.of());
    }

    /**
     * A translator that qualifies unqualified references to {@code relations} (Oracle catalog names: tables, views,
     * sequences) with the PostgreSQL schema {@code pgSchema}, so the output does not depend on {@code search_path}.
     */
    public OracleToPostgresSql(String pgSchema, Set<String> relations) {
        this(pgSchema, relations, Set.of());
    }

    /**
     * As {@link #OracleToPostgresSql(String, Set)}; {@code binaryColumns} are the Oracle names of BLOB/RAW columns
     * (they became bytea), so JSON documents read from them are decoded with {@code convert_from(..., 'UTF8')}.
     */
    public OracleToPostgresSql(String pgSchema, Set<String> relations, Set<String> binaryColumns) {
        this.schema = pgSchema;
        this.relations = Set.copyOf(relations);
        this.binaryColumns = Set.copyOf(binaryColumns);
    }

    /**
     * A translation.
     *
     * @param sql        the PostgreSQL text (the source text unchanged when {@code translated} is false)
     * @param items      action items, positioned in the source file
     * @param translated false when the text could not be parsed
     * @param tables     Oracle catalog names (upper-case unless quoted) of the tables/views the text reads, without schema
     */
    public record Translation(String sql, List<ActionItem> items, boolean translated, Set<String> tables) {
        public Translation {
            items = List.copyOf(new LinkedHashSet<>(items)); // a subtree emitted twice reports once
            tables = Set.copyOf(tables);
        }
    }

    /** Where the translated text sits in its source file, for item positions; {@code NONE} when unknown. */
    public record Origin(int line, int column) {
        public static final Origin NONE = new Origin(0, 0);
    }

    /**
     * Translates a scalar expression or condition (a default, check condition, index expression, generated column).
     *
     * @param immutable true where PostgreSQL requires an immutable expression (index, generated column): {@code ||}
     *                  is kept rather than replaced by {@code concat()}, which is only stable
     */
    public Translation expression(String oracle, Origin origin, boolean immutable) {
        return translate(oracle, origin, OracleParser::condition, immutable);
    }

    /** Translates a query (a view's SELECT). */
    public Translation query(String oracle, Origin origin) {
        return translate(oracle, origin, OracleParser::query, false);
    }

    /** Translates a parsed DML statement (INSERT/UPDATE/DELETE/SELECT) of a script. */
    public Translation statement(OracleParsedStatement statement) {
        OracleParser.UnitStatementContext tree = statement.handle().tree();
        Emitter e = new Emitter(tree.getStart(), new Origin(statement.line(), statement.column()), false);
        String sql = e.emit(tree);
        return new Translation(sql, e.items, true, e.tables);
    }

    /**
     * Translates each INSERT/UPDATE/DELETE found in a parsed statement, including the ones inside an anonymous PL/SQL
     * block (as in the Oracle sample schemas' populate scripts), in source order.
     */
    public List<Translation> dmlStatements(OracleParsedStatement statement) {
        OracleParser.UnitStatementContext tree = statement.handle().tree();
        List<ParserRuleContext> found = new ArrayList<>();
        collectDml(tree, found);
        List<Translation> out = new ArrayList<>();
        for (ParserRuleContext dml : found) {
            Emitter e = new Emitter(tree.getStart(), new Origin(statement.line(), statement.column()), false);
            out.add(new Translation(e.emit(dml), e.items, true, e.tables));
        }
        return out;
    }

    /**
     * Translates an anonymous PL/SQL block ({@code [DECLARE ...] BEGIN ... END;}) to a PostgreSQL {@code DO} statement
     * with a PL/pgSQL body; {@code translated} is false when the statement is not an anonymous block.
     */
    public Translation anonymousBlock(OracleParsedStatement statement) {
        if (!(statement.handle().tree().getChild(0) instanceof OracleParser.AnonymousBlockContext)) {
            return new Translation(statement.text(), List.of(), false, Set.of());
        }
        OraclePlsqlUnits units = new OraclePlsqlUnits(schema, relations);
        List<ActionItem> items = new ArrayList<>();
        OracleToPlpgsql.Unit[] unit = new OracleToPlpgsql.Unit[1];
        String sql = units.anonymousBlock(statement, items, unit);
        return new Translation(sql, items, true, unit[0].tables());
    }

    /** Translates the text of dynamic SQL (a DML statement or query held in a string literal); untranslated on failure. */
    Translation dynamicStatement(String oracle, Origin origin) {
        try {
            ParserRuleContext tree = parse(oracle, OracleParser::sqlStatement);
            Emitter e = new Emitter(tree.getStart(), Origin.NONE, false);
            String sql = e.emit(tree);
            List<ActionItem> items = new ArrayList<>();
            e.items.forEach(i -> items.add(i.at(origin.line(), origin.column())));
            return new Translation(sql, items, true, e.tables);
        } catch (RuntimeException ex) {
            return new Translation(oracle, List.of(), false, Set.of());
        }
    }

    private static void collectDml(ParseTree t, List<ParserRuleContext> out) {
        if (t instanceof OracleParser.InsertStatementContext || t instanceof OracleParser.UpdateStatementContext
                || t instanceof OracleParser.DeleteStatementContext) {
            out.add((ParserRuleContext) t);
            return;
        }
        for (int i = 0; i < t.getChildCount(); i++) {
            collectDml(t.getChild(i), out);
        }
    }

    private Translation translate(String oracle, Origin origin, Function<OracleParser, ? extends ParserRuleContext> rule,
                                  boolean immutable) {
        ParserRuleContext tree;
        try {
            tree = parse(oracle, rule);
        } catch (RuntimeException e) {
            return new Translation(oracle, List.of(ActionItem.of(ActionCode.EXPRESSION_NOT_TRANSLATED,
                    "Could not parse '" + abbreviate(oracle) + "': " + e.getMessage(), origin.line(), origin.column())),
                    false, Set.of());
        }
        Emitter e = new Emitter(tree.getStart(), origin, immutable);
        String sql = e.emit(tree);
        return new Translation(sql, e.items, true, e.tables);
    }

    private static String abbreviate(String s) {
        String t = s.replaceAll("\\s+", " ").trim();
        return t.length() > 60 ? t.substring(0, 57) + "..." : t;
    }

    static <T extends ParserRuleContext> T parse(String text, Function<OracleParser, T> rule) {
        OracleLexer lexer = new OracleLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        lexer.addErrorListener(THROWING);
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        OracleParser parser = new OracleParser(tokens);
        parser.removeErrorListeners();
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        T tree;
        try {
            tree = rule.apply(parser);
        } catch (ParseCancellationException sll) {
            tokens.seek(0);
            parser.reset();
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            parser.setErrorHandler(new DefaultErrorStrategy());
            parser.addErrorListener(THROWING);
            tree = rule.apply(parser);
        }
        if (tokens.LA(1) != Token.EOF) {
            Token t = tokens.LT(1);
            throw new IllegalArgumentException("unexpected '" + t.getText() + "' at " + t.getLine() + ":"
                    + (t.getCharPositionInLine() + 1));
        }
        return tree;
    }

    private static final BaseErrorListener THROWING = new BaseErrorListener() {
        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
                                String msg, RecognitionException e) {
            throw new IllegalArgumentException(line + ":" + (charPositionInLine + 1) + ": " + msg);
        }
    };

    // ============================================================================================== emitter

    private static final Pattern UNSUPPORTED_FORMAT = Pattern.compile("(?i)RRRR|RR|SSSSS|FF(?![1-9])|TZR|TZD|\\bX\\b|SP\\b|SPTH|THSP|\\bE\\b|\\bEE\\b|\\bDL\\b|\\bDS\\b|\\bTS\\b");

    /** A PL/SQL-aware extension point: returns replacement text for a node, or null for the default translation. */
    interface Hook {
        String rule(ParserRuleContext ctx, Emitter e);

        String terminal(Token t);
    }

    /** An emitter over a PL/SQL unit's tree (used by {@link OracleToPlpgsql}). */
    Emitter emitter(Token anchor, Origin origin, Hook hook) {
        Emitter e = new Emitter(anchor, origin, false);
        e.hook = hook;
        return e;
    }

    final class Emitter {
        Hook hook;
        final CharStream input;
        final Token anchor;
        final Origin origin;
        final boolean immutable;
        final List<ActionItem> items = new ArrayList<>();
        final Set<String> tables = new LinkedHashSet<>();
        /** Subtrees replaced by other text ("" deletes them). */
        final Map<ParseTree, String> overrides = new IdentityHashMap<>();
        int stripOuterJoin;
        /** PRIOR / LEVEL rewriting inside a converted CONNECT BY. */
        String hierarchyAlias;
        String priorAlias;
        int inPrior;

        Emitter(Token anchor, Origin origin, boolean immutable) {
            this.input = anchor.getInputStream();
            this.anchor = anchor;
            this.origin = origin;
            this.immutable = immutable;
        }

        void item(ActionCode code, String message, Token at) {
            Origin o = originOf(at);
            items.add(ActionItem.of(code, message, o.line(), o.column()));
        }

        /** Where a token of this tree sits in the source file. */
        Origin originOf(Token at) {
            if (origin.line() <= 0 || at == null) {
                return Origin.NONE;
            }
            return new Origin(origin.line() + (at.getLine() - anchor.getLine()), at.getLine() == anchor.getLine()
                    ? origin.column() + (at.getCharPositionInLine() - anchor.getCharPositionInLine())
                    : at.getCharPositionInLine() + 1);
        }

        String source(ParserRuleContext ctx) {
            Token stop = ctx.getStop() == null ? ctx.getStart() : ctx.getStop();
            return input.getText(Interval.of(ctx.getStart().getStartIndex(), stop.getStopIndex()));
        }

        static boolean empty(ParseTree t) {
            if (t instanceof TerminalNode n) {
                return n.getSymbol().getType() == Token.EOF;
            }
            ParserRuleContext c = (ParserRuleContext) t;
            return c.getStart() == null || c.getStop() == null
                    || c.getStop().getTokenIndex() < c.getStart().getTokenIndex();
        }

        static int startChar(ParseTree t) {
            return t instanceof TerminalNode n ? n.getSymbol().getStartIndex() : ((ParserRuleContext) t).getStart().getStartIndex();
        }

        static int stopChar(ParseTree t) {
            return t instanceof TerminalNode n ? n.getSymbol().getStopIndex() : ((ParserRuleContext) t).getStop().getStopIndex();
        }

        String emit(ParseTree t) {
            String o = overrides.get(t);
            if (o != null) {
                return o;
            }
            if (t instanceof TerminalNode n) {
                return terminal(n);
            }
            ParserRuleContext ctx = (ParserRuleContext) t;
            String special = special(ctx);
            return special != null ? special : generic(ctx);
        }

        /** Children in order with the original whitespace/comments between them; a deleted child takes its gap along. */
        String generic(ParserRuleContext ctx) {
            StringBuilder sb = new StringBuilder();
            int pos = -1;
            for (int i = 0; i < ctx.getChildCount(); i++) {
                ParseTree c = ctx.getChild(i);
                if (empty(c)) {
                    continue;
                }
                String text = emit(c);
                int start = startChar(c);
                if (!text.isEmpty()) {
                    if (pos >= 0 && start > pos) {
                        sb.append(input.getText(Interval.of(pos, start - 1)));
                    }
                    sb.append(text);
                }
                pos = stopChar(c) + 1;
            }
            return sb.toString();
        }

        String terminal(TerminalNode n) {
            Token t = n.getSymbol();
            if (hook != null) {
                String h = hook.terminal(t);
                if (h != null) {
                    return h;
                }
            }
            if (t.getType() == OracleLexer.OUTER_JOIN && stripOuterJoin > 0) {
                return "";
            }
            return t.getText();
        }

        /** Oracle-only constructs without an automatic conversion: flagged, then copied as written. */
        String unsupported(ParserRuleContext ctx) {
            String what = null;
            if (ctx instanceof OracleParser.KeepClauseContext) {
                what = "KEEP (DENSE_RANK FIRST/LAST ...) aggregate";
            } else if (ctx instanceof OracleParser.PivotClauseContext) {
                what = "PIVOT/UNPIVOT";
            } else if (ctx instanceof OracleParser.SampleClauseContext) {
                what = "SAMPLE clause (use TABLESAMPLE)";
            } else if (ctx instanceof OracleParser.FlashbackClauseContext) {
                what = "flashback query AS OF";
            } else if (ctx instanceof OracleParser.ConnectByRootExpressionContext) {
                what = "CONNECT_BY_ROOT";
            } else if (ctx instanceof OracleParser.MultisetExpressionContext || ctx instanceof OracleParser.MultisetPrimaryContext) {
                what = "MULTISET";
            } else if (ctx instanceof OracleParser.RowidPrimaryContext) {
                what = "ROWID pseudo-column";
            } else if (ctx instanceof OracleParser.CursorPrimaryContext) {
                what = "CURSOR expression";
            } else if (ctx instanceof OracleParser.TreatPrimaryContext || ctx instanceof OracleParser.ConstructorPrimaryContext) {
                what = "object type expression";
            } else if (ctx instanceof OracleParser.OrderByClauseContext o && o.SIBLINGS() != null) {
                what = "ORDER SIBLINGS BY";
            } else if (ctx instanceof OracleParser.TableFactorContext tf && (tf.TABLE() != null || tf.AT_SIGN() != null)) {
                what = tf.TABLE() != null ? "TABLE() collection expression" : "database link";
            } else if (ctx instanceof OracleParser.ReferenceContext r && r.identifier() != null
                    && r.identifier().getStart().getType() != OracleLexer.QUOTED_IDENTIFIER) {
                String n = r.identifier().getText().toUpperCase(Locale.ROOT);
                if (n.equals("SYS_CONNECT_BY_PATH") || n.equals("CONNECT_BY_ISLEAF") || n.equals("CONNECT_BY_ISCYCLE")
                        || n.equals("SYS_GUID") || n.equals("USERENV") || n.equals("SYS_CONTEXT") || n.equals("DBMS_RANDOM")
                        || n.equals("REGEXP_LIKE") && r.referenceSuffix().size() == 1 && r.referenceSuffix(0).functionArguments() != null
                        && r.referenceSuffix(0).functionArguments().argument().size() > 2) {
                    what = n;
                }
            }
            if (what != null) {
                item(ActionCode.UNSUPPORTED_FEATURE, what + " has no automatic PostgreSQL conversion", ctx.getStart());
            }
            return null;
        }

        String special(ParserRuleContext ctx) {
            if (hook != null) {
                String h = hook.rule(ctx, this);
                if (h != null) {
                    return h;
                }
            }
            unsupported(ctx);
            if (ctx instanceof OracleParser.IdentifierContext id) {
                return PostgresIdentifiers.sql(OracleScriptSchemaBuilder.name(id));
            } else if (ctx instanceof OracleParser.ReferenceContext r) {
                return reference(r);
            } else if (ctx instanceof OracleParser.StringLiteralContext s) {
                return stringLiteral(s);
            } else if (ctx instanceof OracleParser.SetOperatorContext so && so.MINUS() != null) {
                item(ActionCode.MINUS_TO_EXCEPT, "MINUS became EXCEPT", so.getStart());
                return so.ALL() != null ? "EXCEPT ALL" : "EXCEPT";
            } else if (ctx instanceof OracleParser.QuerySpecificationContext q) {
                return querySpecification(q);
            } else if (ctx instanceof OracleParser.ConcatExpressionContext c) {
                return concat(c);
            } else if (ctx instanceof OracleParser.DataTypeContext d) {
                OracleToPostgresTypes.Mapping m = OracleToPostgresTypes.defaultMapping("CAST", OracleScriptSchemaBuilder.dataType(d));
                m.actionItems().forEach(i -> items.add(i.at(0, 0)));
                return m.mapped() ? m.sqlType() : source(d);
            } else if (ctx instanceof OracleParser.RownumPrimaryContext r) {
                item(ActionCode.ROWNUM_UNSUPPORTED, "ROWNUM outside a WHERE ROWNUM <= n filter became row_number() OVER ()", r.getStart());
                return "row_number() OVER ()";
            } else if (ctx instanceof OracleParser.LevelPrimaryContext l) {
                if (hierarchyAlias != null) {
                    return hierarchyAlias + ".ferry_level";
                }
                item(ActionCode.CONNECT_BY_UNSUPPORTED, "LEVEL outside a convertible CONNECT BY query", l.getStart());
                return null;
            } else if (ctx instanceof OracleParser.PriorExpressionContext p) {
                if (priorAlias != null) {
                    inPrior++;
                    try {
                        return emit(p.expression());
                    } finally {
                        inPrior--;
                    }
                }
                return null;
            } else if (ctx instanceof OracleParser.TableFactorContext tf && tf.jsonTable() != null) {
                return jsonTableFactor(tf);
            } else if (ctx instanceof OracleParser.JsonTableContext j && !(j.getParent() instanceof OracleParser.TableFactorContext)) {
                item(ActionCode.UNSUPPORTED_FEATURE, "JSON_TABLE has no automatic conversion (PostgreSQL 17 has JSON_TABLE; "
                        + "use jsonb_to_recordset/jsonb_path_query before that)", j.getStart());
                return null;
            } else if (ctx instanceof OracleParser.TableFactorContext tf && tf.objectName() != null) {
                var ids = tf.objectName().identifier();
                String last = OracleScriptSchemaBuilder.name(ids.get(ids.size() - 1));
                tables.add(last);
                if (ids.size() == 1 && schema != null && relations.contains(last)) {
                    overrides.put(tf.objectName(), PostgresIdentifiers.quote(schema) + "." + PostgresIdentifiers.sql(last));
                }
                return null;
            } else if (ctx instanceof OracleParser.ObjectNameContext on && on.getParent() instanceof OracleParser.DmlTargetContext) {
                String last = OracleScriptSchemaBuilder.name(on.identifier(on.identifier().size() - 1));
                tables.add(last);
                if (on.identifier().size() == 1 && schema != null && relations.contains(last)) {
                    return PostgresIdentifiers.quote(schema) + "." + PostgresIdentifiers.sql(last);
                }
                return null;
            }
            return null;
        }

        /**
         * JSON_TABLE in a FROM clause → {@code LATERAL (SELECT cols FROM jsonb_path_query(doc, rowPath) WITH ORDINALITY
         * [LEFT JOIN LATERAL jsonb_path_query(row, nestedPath) WITH ORDINALITY ON true]) alias}. Returns null (the
         * JSON_TABLE stays MANUAL) for anything outside the supported subset, with the reason as an action item.
         */
        String jsonTableFactor(OracleParser.TableFactorContext tf) {
            OracleParser.JsonTableContext j = tf.jsonTable();
            String why = jsonTableUnsupported(tf);
            if (why != null) {
                item(ActionCode.UNSUPPORTED_FEATURE, "JSON_TABLE not converted: " + why + ". Rewrite it by hand as a LATERAL "
                        + "subquery over jsonb_path_query(doc, path) / jsonb_to_recordset, or use JSON_TABLE on PostgreSQL 17+",
                        j.getStart());
                return null;
            }
            String doc = emit(j.expression());
            String docJson = binaryColumns.contains(lastName(j.expression().getText()))
                    ? "convert_from(" + doc + ", 'UTF8')::jsonb" : "(" + doc + ")::jsonb";
            String rowPath = j.stringLiteral() == null ? "$" : OracleScriptSchemaBuilder.stringValue(j.stringLiteral().getText());
            String top = "ferry_jt0";
            String nested = "ferry_jt1";
            List<String> cols = new ArrayList<>();
            String nestedPath = null;
            for (OracleParser.JsonColumnContext c : j.jsonColumnsClause().jsonColumn()) {
                if (c.NESTED() != null) {
                    nestedPath = OracleScriptSchemaBuilder.stringValue(c.stringLiteral().getText());
                    for (OracleParser.JsonColumnContext n : c.jsonColumnsClause().jsonColumn()) {
                        cols.add(jsonColumn(n, nested));
                    }
                } else {
                    cols.add(jsonColumn(c, top));
                }
            }
            StringBuilder sb = new StringBuilder("LATERAL (SELECT ");
            sb.append(String.join(", ", cols));
            sb.append(" FROM jsonb_path_query(").append(docJson).append(", ").append(sqlString(rowPath))
                    .append(") WITH ORDINALITY AS ").append(top).append("(value, ord)");
            if (nestedPath != null) {
                sb.append(" LEFT JOIN LATERAL jsonb_path_query(").append(top).append(".value, ").append(sqlString(nestedPath))
                        .append(") WITH ORDINALITY AS ").append(nested).append("(value, ord) ON true");
            }
            sb.append(")");
            sb.append(tf.tableAlias() != null ? " " + emit(tf.tableAlias()) : " ferry_json_table");
            item(ActionCode.JSON_TABLE_CONVERTED, "JSON_TABLE became LATERAL jsonb_path_query" + (nestedPath != null
                    ? " with LEFT JOIN LATERAL for NESTED PATH '" + nestedPath + "'" : ""), j.getStart());
            return sb.toString();
        }

        private static final Pattern JSON_ROW_PATH = Pattern.compile("\\$(\\.[A-Za-z_][A-Za-z0-9_]*(\\[\\*\\])?)*");
        private static final Pattern JSON_MEMBER_PATH = Pattern.compile("\\$(\\.[A-Za-z_][A-Za-z0-9_]*)+");

        String jsonTableUnsupported(OracleParser.TableFactorContext tf) {
            OracleParser.JsonTableContext j = tf.jsonTable();
            if (tf.pivotClause() != null) {
                return "PIVOT/UNPIVOT over JSON_TABLE";
            }
            if (j.FORMAT() != null) {
                return "FORMAT JSON on the document";
            }
            for (OracleParser.JsonOnClauseContext on : j.jsonOnClause()) {
                if (!defaultOnClause(on)) {
                    return "'" + source(on) + "' (only the default NULL ON ERROR / NULL ON EMPTY converts)";
                }
            }
            if (j.stringLiteral() != null) {
                String path = OracleScriptSchemaBuilder.stringValue(j.stringLiteral().getText());
                if (!JSON_ROW_PATH.matcher(path).matches()) {
                    return "row path '" + path + "' (only $ and $.member[*] chains convert)";
                }
            }
            int nestedCount = 0;
            for (OracleParser.JsonColumnContext c : j.jsonColumnsClause().jsonColumn()) {
                if (c.NESTED() != null) {
                    if (++nestedCount > 1) {
                        return "more than one NESTED PATH";
                    }
                    String path = OracleScriptSchemaBuilder.stringValue(c.stringLiteral().getText());
                    if (!JSON_ROW_PATH.matcher(path).matches()) {
                        return "NESTED PATH '" + path + "' (only $.member[*] chains convert)";
                    }
                    for (OracleParser.JsonColumnContext n : c.jsonColumnsClause().jsonColumn()) {
                        if (n.NESTED() != null) {
                            return "NESTED PATH inside NESTED PATH";
                        }
                        String w = jsonColumnUnsupported(n);
                        if (w != null) {
                            return w;
                        }
                    }
                } else {
                    String w = jsonColumnUnsupported(c);
                    if (w != null) {
                        return w;
                    }
                }
            }
            return null;
        }

        String jsonColumnUnsupported(OracleParser.JsonColumnContext c) {
            if (c.ORDINALITY() != null) {
                return null;
            }
            String name = source(c.identifier());
            if (c.EXISTS() != null) {
                return "EXISTS PATH column " + name;
            }
            if (c.FORMAT() != null) {
                return "FORMAT JSON column " + name;
            }
            if (c.jsonWrapper() != null) {
                return "wrapper clause on column " + name;
            }
            for (OracleParser.JsonOnClauseContext on : c.jsonOnClause()) {
                if (!defaultOnClause(on)) {
                    return "'" + source(on) + "' on column " + name;
                }
            }
            if (c.stringLiteral() != null) {
                String path = OracleScriptSchemaBuilder.stringValue(c.stringLiteral().getText());
                if (!JSON_MEMBER_PATH.matcher(path).matches()) {
                    return "column path '" + path + "' of " + name + " (only $.member chains convert)";
                }
            }
            if (c.dataType() != null && !OracleToPostgresTypes.defaultMapping("CAST",
                    OracleScriptSchemaBuilder.dataType(c.dataType())).mapped()) {
                return "type " + source(c.dataType()) + " of column " + name;
            }
            return null;
        }

        static boolean defaultOnClause(OracleParser.JsonOnClauseContext on) {
            String t = on.getText().toUpperCase(Locale.ROOT);
            return t.equals("NULLONERROR") || t.equals("NULLONEMPTY");
        }

        /** One projected column of a converted JSON_TABLE, reading {@code rowAlias.value} / {@code rowAlias.ord}. */
        String jsonColumn(OracleParser.JsonColumnContext c, String rowAlias) {
            String name = PostgresIdentifiers.sql(OracleScriptSchemaBuilder.name(c.identifier()));
            if (c.ORDINALITY() != null) {
                return rowAlias + ".ord AS " + name;
            }
            String path = c.stringLiteral() != null ? OracleScriptSchemaBuilder.stringValue(c.stringLiteral().getText())
                    : "$." + source(c.identifier()).replace("\"", "");
            String[] members = path.substring(2).split("\\.");
            StringBuilder v = new StringBuilder(rowAlias).append(".value");
            for (int i = 0; i < members.length; i++) {
                v.append(i == members.length - 1 ? " ->> " : " -> ").append(sqlString(members[i]));
            }
            String type = "text";
            if (c.dataType() != null) {
                OracleToPostgresTypes.Mapping m = OracleToPostgresTypes.defaultMapping("CAST", OracleScriptSchemaBuilder.dataType(c.dataType()));
                type = m.sqlType();
            }
            return type.equals("text") ? "(" + v + ") AS " + name : "(" + v + ")::" + type + " AS " + name;
        }

        static String sqlString(String v) {
            return "'" + v.replace("'", "''") + "'";
        }

        /** The Oracle name of the last part of a dotted reference (upper-case unless quoted). */
        static String lastName(String text) {
            String last = text.substring(text.lastIndexOf('.') + 1);
            if (last.startsWith("\"") && last.endsWith("\"") && last.length() > 1) {
                return last.substring(1, last.length() - 1);
            }
            return last.toUpperCase(Locale.ROOT);
        }

        String stringLiteral(OracleParser.StringLiteralContext s) {
            String raw = s.getText();
            String value = OracleScriptSchemaBuilder.stringValue(raw);
            if (value.isEmpty()) {
                if (valuePosition(s)) {
                    item(ActionCode.EMPTY_STRING_NULL, "'' used as a value became NULL (Oracle stores '' as NULL)", s.getStart());
                    return "NULL";
                }
                item(ActionCode.EMPTY_STRING_NULL, "'' is NULL in Oracle but an empty string in PostgreSQL", s.getStart());
            }
            if (raw.startsWith("'")) {
                return raw;
            }
            return "'" + value.replace("'", "''") + "'";
        }

        /** Whether a literal is a whole value: an INSERT value, an UPDATE SET value or a whole (default) expression. */
        static boolean valuePosition(ParserRuleContext literal) {
            ParserRuleContext c = literal.getParent();
            while (c instanceof OracleParser.LiteralContext || c instanceof OracleParser.LiteralPrimaryContext
                    || c instanceof OracleParser.PrimaryExpressionContext
                    || (c instanceof OracleParser.PredicateContext p && p.predicateTail() == null)
                    || c instanceof OracleParser.PredicateConditionContext) {
                c = c.getParent();
            }
            return c == null || (c instanceof OracleParser.ExpressionListContext && c.getParent() instanceof OracleParser.ValuesClauseContext)
                    || c instanceof OracleParser.UpdateSetItemContext;
        }

        // ---------------------------------------------------------------------------------- || and functions

        String concat(OracleParser.ConcatExpressionContext c) {
            List<OracleParser.ExpressionContext> parts = new ArrayList<>();
            flattenConcat(c, parts);
            if (immutable) {
                item(ActionCode.CONCAT_NULL, "|| with a NULL operand yields NULL in PostgreSQL (Oracle treats NULL as '')", c.CONCAT().getSymbol());
                return generic(c);
            }
            List<String> args = new ArrayList<>();
            for (OracleParser.ExpressionContext p : parts) {
                args.add(emit(p).trim());
            }
            return "concat(" + String.join(", ", args) + ")";
        }

        static void flattenConcat(OracleParser.ExpressionContext e, List<OracleParser.ExpressionContext> out) {
            if (e instanceof OracleParser.ConcatExpressionContext c) {
                flattenConcat(c.expression(0), out);
                flattenConcat(c.expression(1), out);
            } else {
                out.add(e);
            }
        }

        String reference(OracleParser.ReferenceContext r) {
            List<OracleParser.ReferenceSuffixContext> suffixes = r.referenceSuffix();
            if (r.identifier() == null) {
                return null;
            }
            String head = OracleScriptSchemaBuilder.name(r.identifier());
            String upper = head.toUpperCase(Locale.ROOT);
            boolean plain = r.OUTER_JOIN() == null && r.withinGroupClause() == null && r.keepClause() == null
                    && r.overClause() == null;
            if (suffixes.isEmpty() && plain) {
                if (upper.equals("SYSDATE")) {
                    item(ActionCode.SYSDATE_TRANSLATED, "SYSDATE became LOCALTIMESTAMP(0)", r.getStart());
                    return "LOCALTIMESTAMP(0)";
                } else if (upper.equals("SYSTIMESTAMP")) {
                    item(ActionCode.SYSDATE_TRANSLATED, "SYSTIMESTAMP became CURRENT_TIMESTAMP", r.getStart());
                    return "CURRENT_TIMESTAMP";
                } else if (upper.equals("USER")) {
                    return "CURRENT_USER";
                }
            }
            // seq.NEXTVAL / schema.seq.NEXTVAL
            if (plain && !suffixes.isEmpty() && suffixes.stream().allMatch(s -> s.DOT() != null && s.identifier().size() == 1)) {
                String last = OracleScriptSchemaBuilder.name(suffixes.get(suffixes.size() - 1).identifier(0)).toUpperCase(Locale.ROOT);
                if (last.equals("NEXTVAL") || last.equals("CURRVAL")) {
                    List<String> parts = new ArrayList<>();
                    if (suffixes.size() == 1 && schema != null && relations.contains(head)) {
                        parts.add(PostgresIdentifiers.quote(schema));
                    }
                    parts.add(PostgresIdentifiers.sql(head));
                    for (int i = 0; i < suffixes.size() - 1; i++) {
                        parts.add(PostgresIdentifiers.sql(OracleScriptSchemaBuilder.name(suffixes.get(i).identifier(0))));
                    }
                    return (last.equals("NEXTVAL") ? "nextval" : "currval") + "('" + String.join(".", parts).replace("'", "''") + "')";
                }
                if (inPrior > 0 && suffixes.size() == 1 && head.equalsIgnoreCase(priorAlias)) {
                    return "ferry_h." + PostgresIdentifiers.sql(OracleScriptSchemaBuilder.name(suffixes.get(0).identifier(0)));
                }
            }
            if (inPrior > 0 && suffixes.isEmpty() && plain) {
                return "ferry_h." + PostgresIdentifiers.sql(head);
            }
            if (priorAlias != null && inPrior == 0 && suffixes.isEmpty() && plain) {
                return PostgresIdentifiers.sql(priorAlias) + "." + PostgresIdentifiers.sql(head);
            }
            // UTL_RAW.CAST_TO_RAW(s) → convert_to(s, 'UTF8')
            if (plain && upper.equals("UTL_RAW") && suffixes.size() == 2 && suffixes.get(0).DOT() != null
                    && suffixes.get(0).identifier().size() == 1
                    && OracleScriptSchemaBuilder.name(suffixes.get(0).identifier(0)).equals("CAST_TO_RAW")
                    && suffixes.get(1).functionArguments() != null && suffixes.get(1).functionArguments().argument().size() == 1) {
                return "convert_to(" + emit(suffixes.get(1).functionArguments().argument(0)).trim() + ", 'UTF8')";
            }
            if (suffixes.size() == 1 && suffixes.get(0).functionArguments() != null) {
                OracleParser.FunctionArgumentsContext fa = suffixes.get(0).functionArguments();
                if (plain) {
                    String f = function(r, upper, fa);
                    if (f != null) {
                        return f;
                    }
                }
                if (upper.equals("LISTAGG") && r.withinGroupClause() != null && r.OUTER_JOIN() == null
                        && r.overClause() == null && fa.argument().size() >= 1) {
                    String sep = fa.argument().size() > 1 ? emit(fa.argument(1)).trim() : "''";
                    if (!fa.argumentOption().isEmpty()) {
                        item(ActionCode.LISTAGG_TO_STRING_AGG,
                                "LISTAGG ... ON OVERFLOW was dropped: string_agg has no length limit", fa.getStart());
                    }
                    return "string_agg(CAST(" + emit(fa.argument(0)).trim() + " AS text), " + sep + " "
                            + emit(r.withinGroupClause().orderByClause()).trim() + ")";
                }
                // other function: lower-case unquoted name (quoting would break COALESCE, GREATEST...)
                if (r.identifier().getStart().getType() != OracleLexer.QUOTED_IDENTIFIER) {
                    overrides.put(r.identifier(), upper.equals("GROUPING_ID") ? "grouping" : head.toLowerCase(Locale.ROOT));
                }
            }
            return null;
        }

        List<String> args(OracleParser.FunctionArgumentsContext fa) {
            List<String> out = new ArrayList<>();
            for (OracleParser.ArgumentContext a : fa.argument()) {
                out.add(emit(a).trim());
            }
            return out;
        }

        String function(OracleParser.ReferenceContext r, String name, OracleParser.FunctionArgumentsContext fa) {
            if (fa.STAR() != null || !fa.argumentOption().isEmpty() || fa.orderByClause() != null
                    || fa.DISTINCT() != null || fa.UNIQUE() != null || fa.ALL() != null
                    || fa.argument().stream().anyMatch(a -> a.ARROW() != null)) {
                return null;
            }
            int n = fa.argument().size();
            Token at = r.getStart();
            switch (name) {
                case "NVL": {
                    if (n != 2) {
                        return null;
                    }
                    List<String> a = args(fa);
                    return "COALESCE(" + a.get(0) + ", " + a.get(1) + ")";
                }
                case "NVL2": {
                    if (n != 3) {
                        return null;
                    }
                    List<String> a = args(fa);
                    return "CASE WHEN " + a.get(0) + " IS NOT NULL THEN " + a.get(1) + " ELSE " + a.get(2) + " END";
                }
                case "DECODE": {
                    if (n < 3) {
                        return null;
                    }
                    List<String> a = args(fa);
                    StringBuilder sb = new StringBuilder("CASE");
                    int i = 1;
                    for (; i + 1 < n; i += 2) {
                        OracleParser.ArgumentContext search = fa.argument(i);
                        if (search.getText().equalsIgnoreCase("NULL")) {
                            sb.append(" WHEN ").append(a.get(0)).append(" IS NULL");
                        } else {
                            sb.append(" WHEN ").append(a.get(0)).append(" IS NOT DISTINCT FROM ").append(a.get(i));
                        }
                        sb.append(" THEN ").append(a.get(i + 1));
                    }
                    if (i < n) {
                        sb.append(" ELSE ").append(a.get(i));
                    }
                    item(ActionCode.DECODE_TO_CASE, "DECODE became CASE", at);
                    return sb.append(" END").toString();
                }
                case "SUBSTR": {
                    List<String> a = args(fa);
                    if (n >= 2 && !a.get(1).matches("\\d+")) {
                        item(ActionCode.SUBSTR_POSITION,
                                "SUBSTR with a non-literal or negative start position: Oracle counts negative positions from the end and treats 0 as 1", at);
                    }
                    return "substr(" + String.join(", ", a) + ")";
                }
                case "INSTR": {
                    List<String> a = args(fa);
                    if (n == 2 || (n == 3 && a.get(2).equals("1")) || (n == 4 && a.get(2).equals("1") && a.get(3).equals("1"))) {
                        return "strpos(" + a.get(0) + ", " + a.get(1) + ")";
                    }
                    if (n == 3 || n == 4) {
                        item(ActionCode.COMPAT_HELPER_USED, OracleCompatHelpers.useMessage("INSTR with " + n + " arguments", "instr"), at);
                        return "ferry_compat.instr(" + String.join(", ", a) + ")";
                    }
                    item(ActionCode.INSTR_ARGUMENTS, "INSTR with " + n + " arguments", at);
                    return null;
                }
                case "TO_DATE": {
                    List<String> a = args(fa);
                    if (n == 2) {
                        checkFormat(fa.argument(1), at);
                        String fmt = fa.argument(1).getText().toUpperCase(Locale.ROOT);
                        if (fmt.startsWith("'") && !fmt.matches("'.*(HH|MI|SS|FF|AM|PM|A\\.M\\.|P\\.M\\.).*'")) {
                            // date-only format: to_date has no time-zone step
                            return "to_date(" + a.get(0) + ", " + a.get(1) + ")::timestamp(0)";
                        }
                        item(ActionCode.TO_DATE_TIME_ZONE, "TO_DATE with a time of day became to_timestamp(...)::timestamp(0)", at);
                        return "to_timestamp(" + a.get(0) + ", " + a.get(1) + ")::timestamp(0)";
                    } else if (n == 1) {
                        item(ActionCode.FORMAT_MODEL, "TO_DATE without a format model depends on NLS_DATE_FORMAT; it became a cast", at);
                        return "CAST(" + a.get(0) + " AS timestamp(0))";
                    }
                    item(ActionCode.FORMAT_MODEL, "TO_DATE with NLS parameters", at);
                    return null;
                }
                case "TO_TIMESTAMP": {
                    if (n == 2) {
                        checkFormat(fa.argument(1), at);
                        List<String> a = args(fa);
                        return "to_timestamp(" + a.get(0) + ", " + a.get(1) + ")::timestamp";
                    }
                    return null;
                }
                case "TO_CHAR": {
                    List<String> a = args(fa);
                    if (n == 1) {
                        item(ActionCode.FORMAT_MODEL, "TO_CHAR without a format model uses NLS defaults in Oracle; it became a cast to text", at);
                        return "CAST(" + a.get(0) + " AS text)";
                    } else if (n == 2) {
                        checkFormat(fa.argument(1), at);
                        return "to_char(" + a.get(0) + ", " + a.get(1) + ")";
                    }
                    item(ActionCode.FORMAT_MODEL, "TO_CHAR with NLS parameters", at);
                    return null;
                }
                case "TO_NUMBER": {
                    List<String> a = args(fa);
                    if (n == 1) {
                        return "CAST(" + a.get(0) + " AS numeric)";
                    } else if (n == 2) {
                        checkFormat(fa.argument(1), at);
                        return "to_number(" + a.get(0) + ", " + a.get(1) + ")";
                    }
                    return null;
                }
                case "TRUNC": {
                    List<String> a = args(fa);
                    if (n == 1) {
                        if (a.get(0).matches("[-+]?[0-9.]+")) {
                            return "trunc(" + a.get(0) + ")";
                        }
                        item(ActionCode.TRUNC_ASSUMED_DATE, "TRUNC(" + abbreviate(a.get(0)) + ") taken as a date truncation", at);
                        return "date_trunc('day', " + a.get(0) + ")";
                    } else if (n == 2) {
                        String unit = dateUnit(fa.argument(1).getText());
                        if (unit == null) {
                            return "trunc(" + a.get(0) + ", " + a.get(1) + ")";
                        }
                        item(ActionCode.DATE_FUNCTION_TRANSLATED, "TRUNC(date, " + fa.argument(1).getText() + ") became date_trunc", at);
                        return "date_trunc('" + unit + "', " + a.get(0) + ")";
                    }
                    return null;
                }
                case "ADD_MONTHS": {
                    if (n != 2) {
                        return null;
                    }
                    List<String> a = args(fa);
                    item(ActionCode.ADD_MONTHS_END_OF_MONTH, "ADD_MONTHS became + interval", at);
                    return "(" + a.get(0) + " + (" + a.get(1) + ") * interval '1 month')";
                }
                case "MONTHS_BETWEEN": {
                    if (n != 2) {
                        return null;
                    }
                    List<String> a = args(fa);
                    item(ActionCode.COMPAT_HELPER_USED, OracleCompatHelpers.useMessage("MONTHS_BETWEEN", "months_between"), at);
                    return "ferry_compat.months_between(" + a.get(0) + ", " + a.get(1) + ")";
                }
                case "LAST_DAY": {
                    if (n != 1) {
                        return null;
                    }
                    String d = args(fa).get(0);
                    item(ActionCode.DATE_FUNCTION_TRANSLATED, "LAST_DAY became a date_trunc expression", at);
                    return "(date_trunc('month', " + d + ") + interval '1 month - 1 day' + (" + d
                            + " - date_trunc('day', " + d + ")))";
                }
                default:
                    return null;
            }
        }

        static String dateUnit(String literal) {
            if (!literal.startsWith("'")) {
                return null;
            }
            switch (literal.replace("'", "").toUpperCase(Locale.ROOT)) {
                case "DD": case "DDD": case "J": return "day";
                case "MM": case "MON": case "MONTH": case "RM": return "month";
                case "YYYY": case "YEAR": case "YYY": case "YY": case "Y": case "SYYYY": case "SYEAR": return "year";
                case "Q": return "quarter";
                case "HH": case "HH12": case "HH24": return "hour";
                case "MI": return "minute";
                case "IW": return "week";
                case "CC": case "SCC": return "century";
                default: return null;
            }
        }

        void checkFormat(OracleParser.ArgumentContext fmt, Token at) {
            String text = fmt.getText();
            if (!text.startsWith("'")) {
                item(ActionCode.FORMAT_MODEL, "Format model is not a literal: " + abbreviate(text), at);
                return;
            }
            Matcher m = UNSUPPORTED_FORMAT.matcher(text.substring(1, text.length() - 1).replaceAll("\"[^\"]*\"", ""));
            if (m.find()) {
                item(ActionCode.FORMAT_MODEL, "Format element " + m.group() + " in " + text
                        + " is not supported by PostgreSQL or behaves differently", at);
            }
        }

        // ---------------------------------------------------------------------------------- query specification

        String querySpecification(OracleParser.QuerySpecificationContext q) {
            if (q.UNIQUE() != null) {
                overrides.put(q.UNIQUE(), "DISTINCT");
            }
            List<OracleParser.TableReferenceContext> from = q.tableReference();
            // FROM DUAL
            if (from.size() == 1 && from.get(0).joinClause().isEmpty() && from.get(0).tableFactor().objectName() != null
                    && from.get(0).tableFactor().getText().equalsIgnoreCase("DUAL")) {
                overrides.put(q.FROM(), "");
                overrides.put(from.get(0), "");
                item(ActionCode.DUAL_REMOVED, "FROM DUAL removed", q.FROM().getSymbol());
            }
            String limit = null;
            if (q.whereClause() != null && q.whereClause().condition() != null) {
                List<OracleParser.ConditionContext> conjuncts = new ArrayList<>();
                flattenAnd(q.whereClause().condition(), conjuncts);
                List<OracleParser.ConditionContext> keep = new ArrayList<>(conjuncts);
                // ROWNUM <= n
                for (OracleParser.ConditionContext c : conjuncts) {
                    Long n = rownumLimit(c);
                    if (n != null && limit == null && limitAllowed(q)) {
                        limit = String.valueOf(n);
                        keep.remove(c);
                        item(ActionCode.ROWNUM_TO_LIMIT, "ROWNUM filter became LIMIT " + n, c.getStart());
                    }
                }
                // (+) outer joins
                List<OracleParser.ConditionContext> outer = keep.stream().filter(Emitter::hasOuterJoinMark).toList();
                boolean anywhere = containsOuterJoin(q.whereClause());
                if (anywhere) {
                    String joined = outerJoins(q, outer, anywhere && outer.size() == countOuterConjuncts(q.whereClause()));
                    if (joined != null) {
                        keep.removeAll(outer);
                        overrides.put(from.get(0), joined);
                        for (int i = 1; i < from.size(); i++) {
                            overrides.put(from.get(i), "");
                        }
                        for (TerminalNode comma : q.COMMA()) {
                            overrides.put(comma, "");
                        }
                    }
                }
                if (keep.size() != conjuncts.size()) {
                    if (keep.isEmpty()) {
                        overrides.put(q.whereClause(), "");
                    } else {
                        List<String> parts = new ArrayList<>();
                        for (OracleParser.ConditionContext c : keep) {
                            String t = emit(c).trim();
                            parts.add(c instanceof OracleParser.OrConditionContext ? "(" + t + ")" : t);
                        }
                        overrides.put(q.whereClause(), "WHERE " + String.join("\n  AND ", parts));
                    }
                }
            }
            if (q.hierarchicalClause() != null) {
                String rec = connectBy(q);
                if (rec != null) {
                    return rec;
                }
                item(ActionCode.CONNECT_BY_UNSUPPORTED, "CONNECT BY query", q.hierarchicalClause().getStart());
            }
            String body = generic(q);
            return limit == null ? body : body + "\nLIMIT " + limit;
        }

        static void flattenAnd(OracleParser.ConditionContext c, List<OracleParser.ConditionContext> out) {
            if (c instanceof OracleParser.AndConditionContext a) {
                flattenAnd(a.condition(0), out);
                flattenAnd(a.condition(1), out);
            } else {
                out.add(c);
            }
        }

        /** {@code ROWNUM <= n}, {@code ROWNUM < n}, {@code ROWNUM = 1} → the LIMIT, else null. */
        static Long rownumLimit(OracleParser.ConditionContext c) {
            if (!(c instanceof OracleParser.PredicateConditionContext pc)) {
                return null;
            }
            OracleParser.PredicateContext p = pc.predicate();
            if (p.expression() == null || p.predicateTail() == null || p.predicateTail().comparisonOperator() == null
                    || p.predicateTail().expression().size() != 1 || p.predicateTail().ANY() != null
                    || p.predicateTail().SOME() != null || p.predicateTail().ALL() != null) {
                return null;
            }
            if (!(p.expression() instanceof OracleParser.PrimaryExpressionContext pe)
                    || !(pe.primary() instanceof OracleParser.RownumPrimaryContext)) {
                return null;
            }
            String rhs = p.predicateTail().expression(0).getText();
            if (!rhs.matches("\\d+")) {
                return null;
            }
            long n = Long.parseLong(rhs);
            OracleParser.ComparisonOperatorContext op = p.predicateTail().comparisonOperator();
            if (op.LESS_EQUAL() != null) {
                return n;
            } else if (op.LESS() != null && op.GREATER() == null) {
                return Math.max(0, n - 1);
            } else if (op.EQUAL() != null && n == 1) {
                return 1L;
            }
            return null;
        }

        /** LIMIT can be appended when this specification is the whole query body and no ORDER BY/FETCH follows. */
        static boolean limitAllowed(OracleParser.QuerySpecificationContext q) {
            if (!(q.getParent() instanceof OracleParser.QueryTermContext term)
                    || !(term.getParent() instanceof OracleParser.QueryExpressionContext qe)
                    || qe.queryTerm().size() != 1 || !(qe.getParent() instanceof OracleParser.QueryContext query)) {
                return false;
            }
            return query.orderByClause() == null && query.rowLimitingClause() == null && query.forUpdateClause() == null;
        }

        static boolean containsOuterJoin(ParseTree t) {
            if (t instanceof TerminalNode n) {
                return n.getSymbol().getType() == OracleLexer.OUTER_JOIN;
            }
            if (t instanceof OracleParser.ScalarSubqueryContext || t instanceof OracleParser.QueryContext) {
                return false;
            }
            for (int i = 0; i < t.getChildCount(); i++) {
                if (containsOuterJoin(t.getChild(i))) {
                    return true;
                }
            }
            return false;
        }

        static boolean hasOuterJoinMark(OracleParser.ConditionContext c) {
            return containsOuterJoin(c);
        }

        static int countOuterConjuncts(OracleParser.WhereClauseContext w) {
            List<OracleParser.ConditionContext> cs = new ArrayList<>();
            flattenAnd(w.condition(), cs);
            return (int) cs.stream().filter(Emitter::hasOuterJoinMark).count();
        }

        /** The qualifiers (table aliases, upper-case) of the references marked with (+) in a condition. */
        static void markedQualifiers(ParseTree t, Set<String> out, boolean[] unqualified) {
            if (t instanceof OracleParser.ReferenceContext r && r.OUTER_JOIN() != null) {
                if (r.identifier() != null && r.referenceSuffix().size() == 1 && r.referenceSuffix(0).DOT() != null) {
                    out.add(OracleScriptSchemaBuilder.name(r.identifier()));
                } else {
                    unqualified[0] = true;
                }
                return;
            }
            for (int i = 0; i < t.getChildCount(); i++) {
                markedQualifiers(t.getChild(i), out, unqualified);
            }
        }

        static String aliasOf(OracleParser.TableReferenceContext tr) {
            OracleParser.TableFactorContext tf = tr.tableFactor();
            if (tf.tableAlias() != null) {
                return OracleScriptSchemaBuilder.name(tf.tableAlias().identifier());
            }
            if (tf.objectName() != null) {
                var ids = tf.objectName().identifier();
                return OracleScriptSchemaBuilder.name(ids.get(ids.size() - 1));
            }
            return null;
        }

        /** Rewrites the FROM list as required tables (CROSS JOIN) followed by LEFT JOINs, or null (with an item). */
        String outerJoins(OracleParser.QuerySpecificationContext q, List<OracleParser.ConditionContext> outer, boolean allTopLevel) {
            Token at = q.whereClause().getStart();
            if (!allTopLevel) {
                item(ActionCode.OUTER_JOIN_COMPLEX, "(+) inside OR/NOT or nested conditions", at);
                return null;
            }
            Map<String, OracleParser.TableReferenceContext> byAlias = new LinkedHashMap<>();
            for (OracleParser.TableReferenceContext tr : q.tableReference()) {
                String alias = aliasOf(tr);
                if (alias == null || !tr.joinClause().isEmpty()) {
                    item(ActionCode.OUTER_JOIN_COMPLEX, "(+) together with ANSI joins or derived tables without alias", at);
                    return null;
                }
                byAlias.put(alias, tr);
            }
            Map<String, List<OracleParser.ConditionContext>> on = new LinkedHashMap<>();
            for (OracleParser.ConditionContext c : outer) {
                Set<String> quals = new LinkedHashSet<>();
                boolean[] unq = {false};
                markedQualifiers(c, quals, unq);
                if (unq[0] || quals.size() != 1 || !byAlias.containsKey(quals.iterator().next())) {
                    item(ActionCode.OUTER_JOIN_COMPLEX, "(+) on unqualified columns or on several tables in one condition", c.getStart());
                    return null;
                }
                on.computeIfAbsent(quals.iterator().next(), k -> new ArrayList<>()).add(c);
            }
            List<String> required = new ArrayList<>();
            for (Map.Entry<String, OracleParser.TableReferenceContext> e : byAlias.entrySet()) {
                if (!on.containsKey(e.getKey())) {
                    required.add(emit(e.getValue()).trim());
                }
            }
            if (required.isEmpty()) {
                item(ActionCode.OUTER_JOIN_COMPLEX, "every table is outer-joined", at);
                return null;
            }
            StringBuilder sb = new StringBuilder(String.join(" CROSS JOIN ", required));
            stripOuterJoin++;
            try {
                for (Map.Entry<String, OracleParser.TableReferenceContext> e : byAlias.entrySet()) {
                    List<OracleParser.ConditionContext> conds = on.get(e.getKey());
                    if (conds == null) {
                        continue;
                    }
                    List<String> parts = new ArrayList<>();
                    for (OracleParser.ConditionContext c : conds) {
                        parts.add(emit(c).trim());
                    }
                    sb.append("\n  LEFT JOIN ").append(emit(e.getValue()).trim()).append(" ON ")
                            .append(String.join(" AND ", parts));
                }
            } finally {
                stripOuterJoin--;
            }
            item(ActionCode.OUTER_JOIN_CONVERTED, "(+) outer join became LEFT JOIN", at);
            return sb.toString();
        }

        /**
         * {@code SELECT list FROM t [alias] [WHERE w] START WITH s CONNECT BY [NOCYCLE] PRIOR a = b} (one table, one
         * equality) → {@code WITH RECURSIVE}; null when the shape is different.
         */
        String connectBy(OracleParser.QuerySpecificationContext q) {
            OracleParser.HierarchicalClauseContext h = q.hierarchicalClause();
            if (q.tableReference().size() != 1 || !q.tableReference(0).joinClause().isEmpty()
                    || q.tableReference(0).tableFactor().objectName() == null || h.condition().size() != 2
                    || q.groupByClause() != null || h.NOCYCLE() != null) {
                return null;
            }
            OracleParser.ConditionContext start = h.START() != null
                    ? (h.getChild(0).getText().equalsIgnoreCase("START") ? h.condition(0) : h.condition(1)) : null;
            OracleParser.ConditionContext connect = start == h.condition(0) ? h.condition(1) : h.condition(0);
            if (start == null || !(connect instanceof OracleParser.PredicateConditionContext pc)
                    || pc.predicate().predicateTail() == null || pc.predicate().predicateTail().comparisonOperator() == null
                    || pc.predicate().predicateTail().comparisonOperator().EQUAL() == null) {
                return null;
            }
            OracleParser.TableFactorContext tf = q.tableReference(0).tableFactor();
            String alias = aliasOf(q.tableReference(0));
            boolean priorLeft = pc.predicate().expression() instanceof OracleParser.PriorExpressionContext;
            boolean priorRight = pc.predicate().predicateTail().expression(0) instanceof OracleParser.PriorExpressionContext;
            if (priorLeft == priorRight) {
                return null;
            }
            var tids = tf.objectName().identifier();
            String tlast = OracleScriptSchemaBuilder.name(tids.get(tids.size() - 1));
            tables.add(tlast);
            String table = tids.size() == 1 && schema != null && relations.contains(tlast)
                    ? PostgresIdentifiers.quote(schema) + "." + PostgresIdentifiers.sql(tlast) : emit(tf.objectName()).trim();
            String a = PostgresIdentifiers.sql(alias);
            String startSql = emit(start).trim();
            priorAlias = alias;
            String joinCond;
            try {
                joinCond = emit(connect).trim();
            } finally {
                priorAlias = null;
            }
            hierarchyAlias = a;
            String selectList;
            String where;
            try {
                selectList = emit(q.selectList()).trim();
                where = q.whereClause() == null ? "" : "\nWHERE " + emit(q.whereClause().condition()).trim();
            } finally {
                hierarchyAlias = null;
            }
            String distinct = q.DISTINCT() != null || q.UNIQUE() != null ? "DISTINCT " : "";
            item(ActionCode.CONNECT_BY_CONVERTED, "CONNECT BY became WITH RECURSIVE", h.getStart());
            return "WITH RECURSIVE ferry_h AS (\n"
                    + "  SELECT " + a + ".*, 1 AS ferry_level FROM " + table + " " + a + " WHERE " + startSql + "\n"
                    + "  UNION ALL\n"
                    + "  SELECT " + a + ".*, ferry_h.ferry_level + 1 FROM " + table + " " + a + " JOIN ferry_h ON " + joinCond + "\n"
                    + ")\nSELECT " + distinct + selectList + "\nFROM ferry_h " + a + where;
        }
    }
}
