package dev.ferry.converter.parse.sqlite;

import dev.ferry.converter.assess.ActionCode;
import dev.ferry.converter.assess.ActionItem;
import dev.ferry.converter.naming.PostgresIdentifiers;
import dev.ferry.converter.parse.CollectingErrorListener;
import dev.ferry.converter.parse.ParsingException;
import dev.ferry.converter.parse.SourceMapper;
import dev.ferry.converter.parse.StatementChunk;
import dev.ferry.grammar.sqlite.SqliteLexer;
import dev.ferry.grammar.sqlite.SqliteParser;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.Interval;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Translates SQLite expressions, queries and trigger bodies to PostgreSQL by walking our SQLite parse tree (never by
 * rewriting raw text). Every token is re-emitted (names lower-cased, since SQLite names are case-insensitive, and
 * quoted when not safe; table names qualified with the target schema), except the constructs PostgreSQL spells
 * differently: {@code ==} → {@code =}, {@code a IS b} → {@code IS NOT DISTINCT FROM}, {@code ISNULL}/{@code NOTNULL},
 * {@code LIKE} → {@code ILIKE} (SQLite's LIKE ignores ASCII case), {@code REGEXP} → {@code ~}, {@code x'..'} → bytea,
 * {@code IFNULL} → COALESCE, {@code IIF} → CASE, {@code INSTR} → strpos, {@code GROUP_CONCAT} → string_agg,
 * {@code TOTAL}, multi-argument {@code MIN/MAX} → LEAST/GREATEST, {@code date/datetime/time('now')}, {@code LIMIT a, b},
 * CAST types through the SQLite type mapping, and COLLATE dropped. Functions without a known translation (strftime,
 * julianday, printf, GLOB, ...) make the translation fail with an {@link ActionCode#SL_EXPRESSION_NOT_TRANSLATED} item.
 *
 * <p>Threading: not thread-safe (collects items while translating); one instance per conversion.
 */
public final class SqliteToPostgresSql {

    /**
     * A translated fragment.
     *
     * @param sql        the PostgreSQL text (a best effort when not translated)
     * @param items      action items with source positions
     * @param tables     tables and views the fragment reads or writes (lower-case names, schema qualifier dropped)
     * @param translated false when some construct has no translation
     */
    public record Translation(String sql, List<ActionItem> items, Set<String> tables, boolean translated) {
    }

    /** Functions whose name and arguments mean the same in PostgreSQL. */
    private static final Set<String> SAME = Set.of("abs", "avg", "coalesce", "count", "length", "lower", "ltrim", "max",
            "min", "nullif", "replace", "round", "rtrim", "sum", "trim", "upper", "substr", "row_number", "rank",
            "dense_rank", "percent_rank", "cume_dist", "ntile", "lag", "lead", "first_value", "last_value", "nth_value");

    private final String targetSchema;
    private final UnaryOperator<String> castType;
    private List<ActionItem> items = new ArrayList<>();
    private Set<String> tables = new LinkedHashSet<>();
    private Set<String> ctes = new HashSet<>();
    private boolean ok = true;
    private boolean rewrote;
    private boolean triggerMode;
    private int baseLine;
    private int baseColumn;
    private int prefix;

    /**
     * @param targetSchema the PostgreSQL schema that qualifies table names, or {@code null} for none
     * @param castType     maps a SQLite declared type text (of a CAST) to a PostgreSQL type
     */
    public SqliteToPostgresSql(String targetSchema, UnaryOperator<String> castType) {
        this.targetSchema = targetSchema;
        this.castType = castType;
    }

    // ============================================================================================ entry points

    /** Translates an expression kept as text; {@code line}/{@code column} locate it in its file (0 when unknown). */
    public Translation expression(String text, String file, int line, int column) {
        String sql = "SELECT " + text;
        SqliteParser.SingleStatementContext tree;
        try {
            tree = parse(sql, file, line, column - 7);
        } catch (ParsingException e) {
            return failedParse(text, "Expression " + text, e, line, column);
        }
        begin(line, column, 7);
        SqliteParser.SelectStatementContext sel = tree.statement().selectStatement();
        if (sel == null || sel.selectCore().size() != 1 || sel.selectCore(0).resultColumn().size() != 1
                || sel.selectCore(0).resultColumn(0).expr() == null || sel.selectCore(0).FROM() != null) {
            return new Translation(text, List.of(ActionItem.of(ActionCode.SL_EXPRESSION_NOT_TRANSLATED,
                    "Expression " + text + " is not a single expression", line, column)), Set.of(), false);
        }
        return end(t(sel.selectCore(0).resultColumn(0).expr()));
    }

    /** Translates a query ({@code SELECT ...}, a view's definition). */
    public Translation query(String text, String file, int line, int column) {
        SqliteParser.SingleStatementContext tree;
        try {
            tree = parse(text, file, line, column);
        } catch (ParsingException e) {
            return failedParse(text, "Query", e, line, column);
        }
        if (tree.statement().selectStatement() == null) {
            return new Translation(text, List.of(ActionItem.of(ActionCode.SL_EXPRESSION_NOT_TRANSLATED,
                    "The view definition is not a SELECT", line, column)), Set.of(), false);
        }
        begin(line, column, 0);
        collectCtes(tree);
        return end(t(tree.statement().selectStatement()));
    }

    /**
     * A translated trigger.
     *
     * @param timing      BEFORE, AFTER or INSTEAD OF
     * @param events      PostgreSQL event list, e.g. {@code UPDATE OF a, b OR DELETE}
     * @param table       the SQLite table or view name (as written, unquoted)
     * @param when        the translated WHEN condition, or {@code null}
     * @param body        the PL/pgSQL statements (without BEGIN/END), ending with the RETURN
     */
    public record Trigger(String timing, String events, String table, String when, String body, Translation translation) {
    }

    /** Translates a whole {@code CREATE TRIGGER} statement's header and body to the parts of a PL/pgSQL trigger. */
    public Trigger trigger(String createTrigger, String file, int line, int column) {
        SqliteParser.SingleStatementContext tree;
        try {
            tree = parse(createTrigger, file, line, column);
        } catch (ParsingException e) {
            Translation f = failedParse(createTrigger, "Trigger", e, line, column);
            return new Trigger(null, null, null, null, null, f);
        }
        SqliteParser.CreateTriggerContext ct = tree.statement().createTrigger();
        if (ct == null) {
            return new Trigger(null, null, null, null, null, new Translation(createTrigger, List.of(ActionItem.of(
                    ActionCode.SL_TRIGGER_NOT_CONVERTED, "not a CREATE TRIGGER statement", line, column)), Set.of(), false));
        }
        begin(line, column, 0);
        triggerMode = true;
        try {
            collectCtes(tree);
            String timing = ct.triggerTiming() == null ? "BEFORE" : ct.triggerTiming().INSTEAD() != null ? "INSTEAD OF"
                    : ct.triggerTiming().getText().toUpperCase(Locale.ROOT);
            SqliteParser.TriggerEventContext ev = ct.triggerEvent();
            String event;
            if (ev.UPDATE() != null) {
                event = "UPDATE" + (ev.identifier().isEmpty() ? "" : " OF " + String.join(", ",
                        ev.identifier().stream().map(this::ident).toList()));
            } else {
                event = ev.getText().toUpperCase(Locale.ROOT);
            }
            String table = name(ct.qualifiedName(1).identifier(ct.qualifiedName(1).identifier().size() - 1));
            tables.add(table.toLowerCase(Locale.ROOT));
            String when = ct.when == null ? null : t(ct.when);
            String returns = timing.equals("AFTER") ? "RETURN NULL;" : ev.DELETE() != null ? "RETURN OLD;" : "RETURN NEW;";
            StringBuilder body = new StringBuilder();
            if (when != null && timing.equals("INSTEAD OF")) {
                // PostgreSQL allows no WHEN on INSTEAD OF triggers: the condition moves into the function
                body.append("    IF NOT (").append(when).append(") THEN\n        ").append(returns).append("\n    END IF;\n");
                when = null;
            }
            for (SqliteParser.TriggerStatementContext s : ct.triggerBody().triggerStatement()) {
                body.append(triggerStatement(s, timing)).append('\n');
            }
            body.append("    ").append(returns);
            return new Trigger(timing, event, table, when, body.toString(), end(body.toString()));
        } finally {
            triggerMode = false;
        }
    }

    private String triggerStatement(SqliteParser.TriggerStatementContext s, String timing) {
        SqliteParser.SelectStatementContext sel = s.selectStatement();
        if (sel == null) {
            return "    " + indent(t(s.getChild(0))) + ";";
        }
        if (sel.withClause() == null && sel.selectCore().size() == 1 && sel.orderByClause() == null && sel.limitClause() == null) {
            SqliteParser.SelectCoreContext core = sel.selectCore(0);
            if (core.resultColumn().size() == 1 && core.resultColumn(0).expr() != null && core.GROUP() == null) {
                SqliteParser.ExprContext e = unparen(core.resultColumn(0).expr());
                // SELECT RAISE(...) [FROM ...] [WHERE c]
                if (e instanceof SqliteParser.RaiseExprContext r) {
                    String raise = raise(r, timing);
                    if (core.FROM() == null) {
                        return core.where == null ? "    " + raise
                                : "    IF " + t(core.where) + " THEN\n        " + raise + "\n    END IF;";
                    }
                    return "    IF EXISTS (SELECT 1 FROM " + t(core.fromClause()) + (core.where == null ? "" : " WHERE " + t(core.where))
                            + ") THEN\n        " + raise + "\n    END IF;";
                }
                // SELECT CASE WHEN c THEN RAISE(...) END (no FROM)
                if (e instanceof SqliteParser.CaseExprContext c && core.FROM() == null && core.where == null && c.operand == null
                        && c.ELSE() == null) {
                    StringBuilder sb = new StringBuilder();
                    int n = c.expr().size() / 2;
                    boolean allRaise = true;
                    for (int i = 0; i < n; i++) {
                        allRaise &= unparen(c.expr(2 * i + 1)) instanceof SqliteParser.RaiseExprContext;
                    }
                    if (allRaise) {
                        for (int i = 0; i < n; i++) {
                            sb.append(i == 0 ? "    IF " : "    ELSIF ").append(t(c.expr(2 * i))).append(" THEN\n        ")
                                    .append(raise((SqliteParser.RaiseExprContext) unparen(c.expr(2 * i + 1)), timing)).append('\n');
                        }
                        return sb.append("    END IF;").toString();
                    }
                }
            }
            if (core.valuesClause() == null) {
                // a SELECT whose result is thrown away: PERFORM in PL/pgSQL
                String text = t(sel);
                rewritten();
                return "    PERFORM" + indent(text.substring("SELECT".length())) + ";";
            }
        }
        fail("SELECT with WITH, ORDER BY, LIMIT or a compound in a trigger body", sel);
        return "    " + indent(t(sel)) + ";";
    }

    private String raise(SqliteParser.RaiseExprContext r, String timing) {
        rewritten();
        if (r.IGNORE() != null) {
            if (timing.equals("AFTER")) {
                fail("RAISE(IGNORE) in an AFTER trigger", r);
            }
            return "RETURN NULL;";
        }
        String msg = r.STRING_LITERAL().getText();
        return "RAISE EXCEPTION USING MESSAGE = " + msg + ";";
    }

    private static SqliteParser.ExprContext unparen(SqliteParser.ExprContext e) {
        while (e instanceof SqliteParser.ParenExprContext p && p.expr().size() == 1) {
            e = p.expr(0);
        }
        return e;
    }

    private static String indent(String s) {
        return s.replace("\n", "\n    ");
    }

    // ============================================================================================ parsing

    /** Parses one statement with our SQLite grammar (SLL, then LL); errors name file:line:column. */
    static SqliteParser.SingleStatementContext parse(String sql, String file, int line, int column) {
        StatementChunk chunk = new StatementChunk(sql, 0, Math.max(1, line), Math.max(1, column), false, null);
        CollectingErrorListener listener = new CollectingErrorListener(new SourceMapper(chunk), file == null ? "sql" : file);
        SqliteLexer lexer = new SqliteLexer(CharStreams.fromString(sql));
        lexer.removeErrorListeners();
        lexer.addErrorListener(listener);
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        SqliteParser parser = new SqliteParser(tokens);
        parser.removeErrorListeners();
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        SqliteParser.SingleStatementContext tree;
        try {
            tree = parser.singleStatement();
        } catch (ParseCancellationException first) {
            tokens.seek(0);
            parser.reset();
            parser.setErrorHandler(new DefaultErrorStrategy());
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            parser.addErrorListener(listener);
            tree = parser.singleStatement();
        }
        if (!listener.errors().isEmpty()) {
            throw listener.errors().get(0);
        }
        return tree;
    }

    private Translation failedParse(String text, String what, ParsingException e, int line, int column) {
        return new Translation(text, List.of(ActionItem.of(ActionCode.SL_EXPRESSION_NOT_TRANSLATED,
                what + " does not parse with Ferry's SQLite grammar: " + e.getMessage(), line, column)), Set.of(), false);
    }

    private void begin(int line, int column, int prefixLength) {
        items = new ArrayList<>();
        tables = new LinkedHashSet<>();
        ctes = new HashSet<>();
        ok = true;
        rewrote = false;
        baseLine = line;
        baseColumn = column;
        prefix = prefixLength;
    }

    private Translation end(String sql) {
        List<ActionItem> out = new ArrayList<>(items);
        if (rewrote) {
            out.add(0, ActionItem.of(ActionCode.SL_EXPRESSION_REWRITTEN, "SQLite-only syntax rewritten for PostgreSQL",
                    baseLine, baseColumn));
        }
        return new Translation(sql, out, tables, ok);
    }

    private void collectCtes(ParseTree n) {
        if (n instanceof SqliteParser.CommonTableExpressionContext c) {
            ctes.add(name(c.identifier(0)).toLowerCase(Locale.ROOT));
        }
        for (int i = 0; i < n.getChildCount(); i++) {
            collectCtes(n.getChild(i));
        }
    }

    private void rewritten() {
        rewrote = true;
    }

    private void fail(String what, ParserRuleContext at) {
        ok = false;
        Token tok = at.getStart();
        int line = baseLine <= 0 ? 0 : baseLine + tok.getLine() - 1;
        int col = baseLine <= 0 ? 0 : tok.getLine() == 1 ? baseColumn + tok.getCharPositionInLine() - prefix : tok.getCharPositionInLine() + 1;
        items.add(ActionItem.of(ActionCode.SL_EXPRESSION_NOT_TRANSLATED, what + " has no PostgreSQL translation here", line, col));
    }

    // ============================================================================================ walker

    private String t(ParseTree n) {
        if (n == null) {
            return "";
        }
        if (n instanceof TerminalNode tn) {
            return terminal(tn.getSymbol());
        }
        if (n instanceof SqliteParser.IdentifierContext id) {
            return ident(id);
        }
        if (n instanceof SqliteParser.FunctionNameContext fnc) {
            return unquoteName(fnc.getText()).toLowerCase(Locale.ROOT);
        }
        if (n instanceof SqliteParser.ColumnExprContext c) {
            return columnRef(c.qualifiedName());
        }
        if (n instanceof SqliteParser.TableOrSubqueryContext ts && ts.qualifiedName() != null) {
            return tableRef(ts);
        }
        if (n instanceof SqliteParser.ObjectNameContext o) {
            return o.qualifiedName() != null ? table(o.qualifiedName()) : PostgresIdentifiers.quote(
                    unquoteString(o.STRING_LITERAL().getText()).toLowerCase(Locale.ROOT));
        }
        if (n instanceof SqliteParser.UpdateContext u) {
            return update(u);
        }
        if (n instanceof SqliteParser.DeleteContext d) {
            return delete(d);
        }
        if (n instanceof SqliteParser.InsertContext ins) {
            if (ins.REPLACE() != null || ins.conflictAction() != null) {
                fail("INSERT OR " + (ins.conflictAction() == null ? "REPLACE" : ins.conflictAction().getText().toUpperCase(Locale.ROOT)), ins);
            }
            if (ins.upsertClause().size() > 0) {
                fail("ON CONFLICT (upsert)", ins);
            }
        }
        if (n instanceof SqliteParser.AliasContext a) {
            return a.identifier() != null ? ident(a.identifier()) : PostgresIdentifiers.quote(unquoteString(a.STRING_LITERAL().getText()));
        }
        if (n instanceof SqliteParser.LiteralContext lit) {
            return literal(lit);
        }
        if (n instanceof SqliteParser.BinaryExprContext b) {
            if (b.op.getType() == SqliteLexer.EQ) {
                return t(b.expr(0)) + " = " + t(b.expr(1));
            }
            if (b.op.getType() == SqliteLexer.JPTR || b.op.getType() == SqliteLexer.JPTR2) {
                fail("JSON operator " + b.op.getText(), b);
            }
        }
        if (n instanceof SqliteParser.IsExprContext is && is.DISTINCT() == null) {
            boolean not = is.NOT() != null;
            if (unparen(is.expr(1)) instanceof SqliteParser.LiteralExprContext le && le.literal().NULL() != null) {
                return t(is.expr(0)) + (not ? " IS NOT NULL" : " IS NULL");
            }
            rewritten();
            return t(is.expr(0)) + (not ? " IS DISTINCT FROM " : " IS NOT DISTINCT FROM ") + t(is.expr(1));
        }
        if (n instanceof SqliteParser.NullTestExprContext nt) {
            if (nt.ISNULL() != null || nt.NOTNULL() != null) {
                rewritten();
            }
            return t(nt.expr()) + (nt.ISNULL() != null ? " IS NULL" : " IS NOT NULL");
        }
        if (n instanceof SqliteParser.LikeExprContext like) {
            String not = like.NOT() != null ? " NOT" : "";
            switch (like.op.getType()) {
                case SqliteLexer.LIKE -> {
                    rewritten();
                    return t(like.expr(0)) + not + " ILIKE " + t(like.expr(1));
                }
                case SqliteLexer.REGEXP -> {
                    rewritten();
                    return t(like.expr(0)) + (not.isEmpty() ? " ~ " : " !~ ") + t(like.expr(1));
                }
                default -> fail(like.op.getText().toUpperCase(Locale.ROOT), like);
            }
        }
        if (n instanceof SqliteParser.CollateExprContext ce) {
            rewritten();
            return t(ce.expr());
        }
        if (n instanceof SqliteParser.OrderingTermContext ot && ot.COLLATE() != null) {
            rewritten();
            return t(ot.expr()) + (ot.DESC() != null ? " DESC" : ot.ASC() != null ? " ASC" : "")
                    + (ot.NULLS() != null ? " NULLS " + (ot.FIRST() != null ? "FIRST" : "LAST") : "");
        }
        if (n instanceof SqliteParser.CastExprContext c) {
            return "CAST(" + t(c.expr()) + " AS " + castType.apply(c.typeName().getText().isEmpty() ? ""
                    : source(c.typeName())) + ")";
        }
        if (n instanceof SqliteParser.ParameterExprContext p) {
            fail("Bind parameter " + p.getText(), p);
        }
        if (n instanceof SqliteParser.RaiseExprContext r) {
            fail("RAISE(...) outside a trigger's SELECT RAISE/CASE pattern", r);
        }
        if (n instanceof SqliteParser.LimitClauseContext l && l.COMMA() != null) {
            rewritten();
            return "LIMIT " + t(l.expr(1)) + " OFFSET " + t(l.expr(0));
        }
        if (n instanceof SqliteParser.FunctionExprContext f) {
            return function(f);
        }
        return join((ParserRuleContext) n);
    }

    /** The text of a rule as written in the source. */
    private static String source(ParserRuleContext ctx) {
        return ctx.getStart().getInputStream().getText(Interval.of(ctx.getStart().getStartIndex(), ctx.getStop().getStopIndex()));
    }

    /** Children re-emitted with a single space (or line break) where the source had whitespace. */
    private String join(ParserRuleContext ctx) {
        StringBuilder sb = new StringBuilder();
        int prevStop = -1;
        for (int i = 0; i < ctx.getChildCount(); i++) {
            ParseTree c = ctx.getChild(i);
            String part = t(c);
            int start = startIndex(c);
            if (sb.length() > 0 && !part.isEmpty()) {
                if (prevStop >= 0 && start > prevStop + 1) {
                    String gap = ctx.getStart().getInputStream().getText(Interval.of(prevStop + 1, start - 1));
                    sb.append(gap.contains("\n") ? "\n" : " ");
                } else if (needsSpace(sb, part)) {
                    sb.append(' ');
                }
            }
            sb.append(part);
            int stop = stopIndex(c);
            if (stop >= 0) {
                prevStop = stop;
            }
        }
        return sb.toString();
    }

    private static boolean needsSpace(StringBuilder sb, String next) {
        char a = sb.charAt(sb.length() - 1);
        char b = next.charAt(0);
        return (Character.isLetterOrDigit(a) || a == '_' || a == '"' || a == '\'') && (Character.isLetterOrDigit(b) || b == '_' || b == '"' || b == '\'');
    }

    private static int startIndex(ParseTree c) {
        if (c instanceof TerminalNode tn) {
            return tn.getSymbol().getStartIndex();
        }
        ParserRuleContext r = (ParserRuleContext) c;
        return r.getStart() == null ? -1 : r.getStart().getStartIndex();
    }

    private static int stopIndex(ParseTree c) {
        if (c instanceof TerminalNode tn) {
            return tn.getSymbol().getStopIndex();
        }
        ParserRuleContext r = (ParserRuleContext) c;
        return r.getStop() == null ? -1 : r.getStop().getStopIndex();
    }

    private String terminal(Token tok) {
        return switch (tok.getType()) {
            case Token.EOF -> "";
            case SqliteLexer.IDENTIFIER, SqliteLexer.QUOTED_IDENTIFIER ->
                    PostgresIdentifiers.quote(unquoteName(tok.getText()).toLowerCase(Locale.ROOT));
            case SqliteLexer.EQ -> "=";
            default -> tok.getText();
        };
    }

    /** A SQLite name without its delimiters ("x", [x], `x`). */
    static String unquoteName(String raw) {
        if (raw.length() >= 2) {
            char f = raw.charAt(0);
            if (f == '"' || f == '`') {
                return raw.substring(1, raw.length() - 1).replace(String.valueOf(f) + f, String.valueOf(f));
            }
            if (f == '[') {
                return raw.substring(1, raw.length() - 1);
            }
        }
        return raw;
    }

    static String unquoteString(String raw) {
        return raw.substring(1, raw.length() - 1).replace("''", "'");
    }

    private static String name(SqliteParser.IdentifierContext id) {
        return unquoteName(id.getText());
    }

    private String ident(SqliteParser.IdentifierContext id) {
        return PostgresIdentifiers.quote(name(id).toLowerCase(Locale.ROOT));
    }

    private String columnRef(SqliteParser.QualifiedNameContext q) {
        List<SqliteParser.IdentifierContext> parts = new ArrayList<>(q.identifier());
        if (parts.size() == 1) {
            String only = parts.get(0).getText().toLowerCase(Locale.ROOT);
            if (only.equals("true") || only.equals("false")) {
                return only.toUpperCase(Locale.ROOT);
            }
        }
        if (parts.size() == 3 && isSchemaName(name(parts.get(0)))) {
            parts.remove(0);
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            String raw = name(parts.get(i)).toLowerCase(Locale.ROOT);
            if (i == 0 && parts.size() == 2 && triggerMode && (raw.equals("new") || raw.equals("old"))
                    && !parts.get(0).getText().startsWith("\"")) {
                out.add(raw.toUpperCase(Locale.ROOT));
            } else {
                out.add(PostgresIdentifiers.quote(raw));
            }
        }
        return String.join(".", out);
    }

    private static boolean isSchemaName(String n) {
        return n.equalsIgnoreCase("main") || n.equalsIgnoreCase("temp");
    }

    /** A table name: SQLite schema (main/temp) dropped, qualified with the target schema unless a CTE. */
    private String table(SqliteParser.QualifiedNameContext q) {
        List<SqliteParser.IdentifierContext> parts = q.identifier();
        String last = name(parts.get(parts.size() - 1)).toLowerCase(Locale.ROOT);
        if (parts.size() > 1 && !isSchemaName(name(parts.get(0)))) {
            fail("Attached database " + name(parts.get(0)), q);
        }
        if (ctes.contains(last)) {
            return PostgresIdentifiers.quote(last);
        }
        tables.add(last);
        return (targetSchema == null ? "" : PostgresIdentifiers.quote(targetSchema) + ".") + PostgresIdentifiers.quote(last);
    }

    private String tableRef(SqliteParser.TableOrSubqueryContext ts) {
        if (ts.LPAREN() != null) {
            fail("Table-valued function " + ts.qualifiedName().getText(), ts);
            return join(ts);
        }
        StringBuilder sb = new StringBuilder(table(ts.qualifiedName()));
        if (ts.alias() != null) {
            sb.append(' ').append(t(ts.alias()));
        }
        if (ts.INDEXED() != null) {
            rewritten(); // INDEXED BY / NOT INDEXED are planner hints: dropped
        }
        return sb.toString();
    }

    private String update(SqliteParser.UpdateContext u) {
        if (u.conflictAction() != null) {
            fail("UPDATE OR " + u.conflictAction().getText().toUpperCase(Locale.ROOT), u);
        }
        StringBuilder sb = new StringBuilder();
        if (u.withClause() != null) {
            sb.append(t(u.withClause())).append(' ');
        }
        sb.append("UPDATE ").append(table(u.qualifiedName()));
        if (u.identifier() != null) {
            sb.append(" AS ").append(ident(u.identifier()));
        }
        sb.append(" SET ").append(String.join(", ", u.setItem().stream().map(this::t).toList()));
        if (u.fromClause() != null) {
            sb.append(" FROM ").append(t(u.fromClause()));
        }
        if (u.WHERE() != null) {
            sb.append(" WHERE ").append(t(u.expr()));
        }
        if (u.returningClause() != null) {
            sb.append(' ').append(t(u.returningClause()));
        }
        return sb.toString();
    }

    private String delete(SqliteParser.DeleteContext d) {
        StringBuilder sb = new StringBuilder();
        if (d.withClause() != null) {
            sb.append(t(d.withClause())).append(' ');
        }
        sb.append("DELETE FROM ").append(table(d.qualifiedName()));
        if (d.identifier() != null) {
            sb.append(" AS ").append(ident(d.identifier()));
        }
        if (d.WHERE() != null) {
            sb.append(" WHERE ").append(t(d.expr()));
        }
        if (d.returningClause() != null) {
            sb.append(' ').append(t(d.returningClause()));
        }
        return sb.toString();
    }

    private String literal(SqliteParser.LiteralContext lit) {
        Token tok = lit.getStart();
        String text = tok.getText();
        if (tok.getType() == SqliteLexer.BLOB_LITERAL) {
            rewritten();
            return "'\\x" + text.substring(2, text.length() - 1) + "'::bytea";
        }
        if (tok.getType() == SqliteLexer.NUMERIC_LITERAL && text.toLowerCase(Locale.ROOT).startsWith("0x")) {
            rewritten();
            return Long.toString(Long.parseUnsignedLong(text.substring(2), 16));
        }
        return text;
    }

    // ============================================================================================ functions

    private String function(SqliteParser.FunctionExprContext f) {
        String fn = f.functionName().getText().toLowerCase(Locale.ROOT);
        List<SqliteParser.ExprContext> args = f.expr();
        boolean plain = f.DISTINCT() == null && f.STAR() == null && f.filterClause() == null && f.overClause() == null
                && f.orderByClause() == null;
        List<String> a = args.stream().map(this::t).toList();
        switch (fn) {
            case "ifnull":
                if (plain && a.size() == 2) {
                    rewritten();
                    return "COALESCE(" + a.get(0) + ", " + a.get(1) + ")";
                }
                break;
            case "iif":
            case "if":
                if (plain && a.size() == 3) {
                    rewritten();
                    return "CASE WHEN " + a.get(0) + " THEN " + a.get(1) + " ELSE " + a.get(2) + " END";
                }
                break;
            case "instr":
                if (plain && a.size() == 2) {
                    rewritten();
                    return "strpos(" + a.get(0) + ", " + a.get(1) + ")";
                }
                break;
            case "substring":
                if (plain) {
                    rewritten();
                    return "substr(" + String.join(", ", a) + ")";
                }
                break;
            case "group_concat":
                if (f.STAR() == null && f.filterClause() == null && f.overClause() == null && (a.size() == 1 || a.size() == 2)) {
                    rewritten();
                    return "string_agg(" + (f.DISTINCT() != null ? "DISTINCT " : "") + "CAST(" + a.get(0) + " AS text), "
                            + (a.size() == 2 ? a.get(1) : "','") + ")";
                }
                break;
            case "total":
                if (plain && a.size() == 1) {
                    rewritten();
                    return "CAST(COALESCE(sum(" + a.get(0) + "), 0) AS double precision)";
                }
                break;
            case "min":
            case "max":
                if (plain && a.size() > 1) {
                    rewritten();
                    return (fn.equals("min") ? "LEAST(" : "GREATEST(") + String.join(", ", a) + ")";
                }
                break;
            case "round":
                if (plain && a.size() == 2) {
                    rewritten();
                    return "round(CAST(" + a.get(0) + " AS numeric), " + a.get(1) + ")";
                }
                break;
            case "quote":
                if (plain && a.size() == 1) {
                    rewritten();
                    return "quote_nullable(" + a.get(0) + ")";
                }
                break;
            case "unicode":
                if (plain && a.size() == 1) {
                    rewritten();
                    return "ascii(" + a.get(0) + ")";
                }
                break;
            case "date":
            case "datetime":
            case "time":
                if (plain && a.size() == 1) {
                    rewritten();
                    if (isNow(args.get(0))) {
                        return switch (fn) {
                            case "date" -> "CURRENT_DATE";
                            case "time" -> "LOCALTIME(0)";
                            default -> "LOCALTIMESTAMP(0)";
                        };
                    }
                    return "CAST(" + a.get(0) + " AS " + (fn.equals("datetime") ? "timestamp(0)" : fn) + ")";
                }
                break;
            default:
                break;
        }
        if (SAME.contains(fn)) {
            return join(f);
        }
        fail("Function " + fn + "(" + (f.STAR() != null ? "*" : a.size() + " argument" + (a.size() == 1 ? "" : "s")) + ")", f);
        return join(f);
    }

    private static boolean isNow(SqliteParser.ExprContext e) {
        return e instanceof SqliteParser.LiteralExprContext le && le.literal().STRING_LITERAL() != null
                && unquoteString(le.literal().getText()).equalsIgnoreCase("now");
    }
}
