package dev.ferry.converter.parse.mysql;

import dev.ferry.converter.assess.ActionCode;
import dev.ferry.converter.assess.ActionItem;
import dev.ferry.converter.naming.PostgresIdentifiers;
import dev.ferry.grammar.mysql.MySqlLexer;
import dev.ferry.grammar.mysql.MySqlParser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Translates MySQL / MariaDB queries, expressions and INSERT statements to PostgreSQL by walking our MySQL parse tree.
 * Every token is re-emitted (identifiers lower-cased and quoted when not safe, string literals re-escaped), except the
 * constructs PostgreSQL spells differently: {@code IFNULL} → COALESCE, {@code IF(c,a,b)} → CASE, {@code GROUP_CONCAT}
 * → string_agg, {@code LIMIT a,b} → {@code LIMIT b OFFSET a}, {@code CURDATE()} → CURRENT_DATE, {@code NOW()} →
 * CURRENT_TIMESTAMP, {@code DATE_ADD/DATE_SUB(d, INTERVAL n unit)} → {@code d ± n * interval '1 unit'},
 * {@code DATE_FORMAT} → to_char (item), {@code DIV} → integer division, {@code <=>} → IS NOT DISTINCT FROM,
 * {@code CAST(x AS SIGNED/UNSIGNED/CHAR)} → bigint/numeric/text, {@code UCASE/LCASE} → upper/lower, charset
 * introducers dropped, {@code LOCK IN SHARE MODE} → FOR SHARE. Database qualifiers naming the source database are
 * stripped (the target schema is on the search path or set explicitly).
 *
 * <p>Threading: not thread-safe (collects items while translating); one instance per conversion.
 */
public final class MySqlToPostgresSql {

    /**
     * A translated fragment.
     *
     * @param sql        the PostgreSQL text
     * @param items      action items (positions are source file positions)
     * @param tables     tables/views the fragment reads (lower-case names, database qualifier stripped)
     * @param translated false when a construct has no translation (the text then holds a best effort)
     */
    public record Translation(String sql, List<ActionItem> items, Set<String> tables, boolean translated) {
    }

    private final Set<String> sourceDatabases;
    private final String targetSchema;
    private List<ActionItem> items = new ArrayList<>();
    private Set<String> tables = new LinkedHashSet<>();
    private boolean ok = true;

    /**
     * @param sourceDatabases database names whose qualifier is dropped ({@code sakila.film} → {@code film}), lower case
     * @param targetSchema    schema to qualify table names with, or {@code null} to leave them unqualified
     */
    public MySqlToPostgresSql(Set<String> sourceDatabases, String targetSchema) {
        this.sourceDatabases = Set.copyOf(sourceDatabases);
        this.targetSchema = targetSchema;
    }

    public MySqlToPostgresSql() {
        this(Set.of(), null);
    }

    /** Translates a parsed statement (a SELECT, INSERT, UPDATE or DELETE) as a whole. */
    public Translation statement(MySqlParsedStatement st) {
        if (!st.isParsed() || st.handle() == null) {
            throw new IllegalArgumentException("statement at line " + st.span().startLine() + " did not parse");
        }
        return run(st.handle().tree().getChild(0));
    }

    /** Target column types for INSERT translation: the PostgreSQL type of a column, by name or 1-based position. */
    @FunctionalInterface
    public interface ColumnTypes {
        /** @param column the column name when the INSERT lists columns, else {@code null}; null result when unknown */
        String type(String table, String column, int position);
    }

    private ColumnTypes insertTypes;
    private String insertTable;
    private List<String> insertColumns;

    /**
     * Translates an INSERT for loading into the converted schema: values going to boolean columns become TRUE/FALSE,
     * zero dates going to date/timestamp columns become NULL (MySQL's sql_mode allowed them; PostgreSQL rejects them).
     */
    public Translation insert(MySqlParsedStatement st, ColumnTypes types) {
        if (!st.isParsed() || !(st.handle().tree().getChild(0) instanceof MySqlParser.InsertStatementContext ins)) {
            throw new IllegalArgumentException("not an INSERT at line " + st.span().startLine());
        }
        insertTypes = types;
        insertTable = MySqlScriptSchemaBuilder.last(ins.tableName().fullId()).toLowerCase(Locale.ROOT);
        insertColumns = null;
        if (ins.insertBody() instanceof MySqlParser.InsertValuesContext iv && !iv.idList().isEmpty()) {
            insertColumns = iv.idList(0).id().stream().map(i -> MySqlNames.unquote(i.getText()).toLowerCase(Locale.ROOT)).toList();
        }
        try {
            return run(ins);
        } finally {
            insertTypes = null;
        }
    }

    private String rowValues(MySqlParser.RowValuesContext rv) {
        List<String> vals = new ArrayList<>();
        List<MySqlParser.InsertValueContext> list = rv.insertValue();
        for (int i = 0; i < list.size(); i++) {
            String v = t(list.get(i));
            String col = insertColumns != null && i < insertColumns.size() ? insertColumns.get(i) : null;
            String type = insertTypes.type(insertTable, col, i + 1);
            if (type != null) {
                String up = v.toUpperCase(Locale.ROOT);
                if (type.equals("boolean") && up.matches("-?\\d+|B'[01]+'|'[01]'")) {
                    v = up.matches("0|B'0+'|'0'") ? "FALSE" : "TRUE";
                } else if ((type.startsWith("date") || type.startsWith("timestamp"))
                        && v.matches("'0000-00-00.*'")) {
                    v = "NULL";
                }
            }
            vals.add(v);
        }
        return "(" + String.join(", ", vals) + ")";
    }

    /** Translates one subtree (package-private: trees stay in this package). */
    Translation run(ParseTree tree) {
        items = new ArrayList<>();
        tables = new LinkedHashSet<>();
        ok = true;
        ctes = new java.util.HashSet<>();
        collectCtes(tree);
        String sql = t(tree);
        return new Translation(sql, items, tables, ok);
    }

    private Set<String> ctes = new java.util.HashSet<>();

    private void collectCtes(ParseTree n) {
        if (n instanceof MySqlParser.CommonTableExpressionContext c) {
            ctes.add(MySqlNames.unquote(c.id().getText()).toLowerCase(Locale.ROOT));
        }
        for (int i = 0; i < n.getChildCount(); i++) {
            collectCtes(n.getChild(i));
        }
    }

    // ============================================================================================ walker

    private String t(ParseTree n) {
        if (n == null) {
            return "";
        }
        if (n instanceof TerminalNode tn) {
            return terminal(tn.getSymbol());
        }
        if (n instanceof MySqlParser.IdContext id) {
            return ident(id);
        }
        if (n instanceof MySqlParser.RowValuesContext rv && insertTypes != null) {
            return rowValues(rv);
        }
        if (n instanceof MySqlParser.GroupByClauseContext gb && gb.getParent() instanceof MySqlParser.QuerySpecificationContext qs) {
            return groupBy(gb, qs);
        }
        if (n instanceof MySqlParser.DottedIdContext d) {
            return d.id() != null ? ident(d.id()) : PostgresIdentifiers.quote(d.getText().toLowerCase(Locale.ROOT));
        }
        if (n instanceof MySqlParser.TableNameContext tnc) {
            return tableName(tnc.fullId());
        }
        if (n instanceof MySqlParser.ColumnRefContext c) {
            return columnRef(c);
        }
        if (n instanceof MySqlParser.StringLiteralContext s) {
            return stringLiteral(s);
        }
        if (n instanceof MySqlParser.AliasContext a) {
            return a.id() != null ? ident(a.id()) : PostgresIdentifiers.quote(unescape(a.getText()));
        }
        if (n instanceof MySqlParser.ComparisonPredicateContext cp && cp.comparisonOperator().NULL_SAFE_EQ() != null) {
            return t(cp.predicate(0)) + " IS NOT DISTINCT FROM " + t(cp.predicate(1));
        }
        if (n instanceof MySqlParser.MultiplicativeExpressionContext m && m.DIV() != null) {
            rewritten("DIV");
            return "trunc((" + t(m.bitExpression(0)) + ") / (" + t(m.bitExpression(1)) + "))::bigint";
        }
        if (n instanceof MySqlParser.XorExpressionContext x) {
            return "((" + t(x.expression(0)) + ") <> (" + t(x.expression(1)) + "))";
        }
        if (n instanceof MySqlParser.UnaryExpressionContext u && u.BANG() != null) {
            return "NOT " + t(u.simpleExpression());
        }
        if (n instanceof MySqlParser.LimitClauseContext l) {
            List<MySqlParser.LimitValueContext> v = l.limitValue();
            if (v.size() == 2 && l.COMMA() != null) {
                rewritten("LIMIT a, b");
                return "LIMIT " + t(v.get(1)) + " OFFSET " + t(v.get(0));
            }
            return v.size() == 2 ? "LIMIT " + t(v.get(0)) + " OFFSET " + t(v.get(1)) : "LIMIT " + t(v.get(0));
        }
        if (n instanceof MySqlParser.LockingClauseContext lc && lc.LOCK() != null) {
            return "FOR SHARE";
        }
        if (n instanceof MySqlParser.SelectOptionContext so && so.ALL() == null && so.DISTINCT() == null) {
            return ""; // SQL_NO_CACHE, STRAIGHT_JOIN, HIGH_PRIORITY ...
        }
        if (n instanceof MySqlParser.IndexHintContext) {
            return "";
        }
        if (n instanceof MySqlParser.StraightJoinContext sj) {
            return "JOIN " + t(sj.tableFactor()) + (sj.expression() == null ? " ON TRUE" : " ON " + t(sj.expression()));
        }
        if (n instanceof MySqlParser.InnerJoinContext ij && ij.joinSpecification() == null && ij.CROSS() == null) {
            return "CROSS JOIN " + t(ij.tableFactor());
        }
        if (n instanceof MySqlParser.CollateExpressionContext ce) {
            items.add(item(ActionCode.MY_COLLATION_IGNORED, "COLLATE " + ce.collationName().getText() + " dropped", ce));
            return t(ce.simpleExpression());
        }
        if (n instanceof MySqlParser.BinaryExpressionContext be) {
            return t(be.simpleExpression());
        }
        if (n instanceof MySqlParser.IntervalExpressionContext ie) {
            return interval(ie.expression(), ie.intervalUnit());
        }
        if (n instanceof MySqlParser.MatchExpressionContext me) {
            fail("MATCH ... AGAINST", me);
        }
        if (n instanceof MySqlParser.UserVariableExpressionContext || n instanceof MySqlParser.SystemVariableExpressionContext
                || n instanceof MySqlParser.AssignmentExpressionContext) {
            fail("variable " + n.getText(), (ParserRuleContext) n);
        }
        if (n instanceof MySqlParser.LiteralContext lit) {
            return literal(lit);
        }
        if (n instanceof MySqlParser.FunctionCallContext f) {
            String r = function(f);
            if (r != null) {
                return r;
            }
        }
        return join((ParserRuleContext) n);
    }

    /** Children re-emitted with a single space (or line break) where the source had whitespace. */
    private String join(ParserRuleContext ctx) {
        StringBuilder sb = new StringBuilder();
        int prevStop = -1;
        String src = null;
        for (int i = 0; i < ctx.getChildCount(); i++) {
            ParseTree c = ctx.getChild(i);
            String part = t(c);
            int start = startIndex(c);
            if (sb.length() > 0 && !part.isEmpty()) {
                if (prevStop >= 0 && start > prevStop + 1) {
                    if (src == null) {
                        src = ctx.getStart().getInputStream().toString();
                    }
                    String gap = ctx.getStart().getInputStream().getText(org.antlr.v4.runtime.misc.Interval.of(prevStop + 1, start - 1));
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
        switch (tok.getType()) {
            case MySqlLexer.SQ_STRING:
            case MySqlLexer.DQ_STRING:
                return pgString(unescape(tok.getText()));
            case MySqlLexer.CHARSET_INTRODUCER:
                return "";
            case MySqlLexer.AND_AND:
                return "AND";
            case MySqlLexer.OR_OR:
                return "OR";
            case MySqlLexer.BACKTICK_ID:
            case MySqlLexer.DQ_IDENTIFIER:
            case MySqlLexer.IDENTIFIER:
                return PostgresIdentifiers.quote(MySqlNames.unquote(tok.getText()).toLowerCase(Locale.ROOT));
            case Token.EOF:
                return "";
            default:
                return tok.getText();
        }
    }

    private String ident(MySqlParser.IdContext id) {
        return PostgresIdentifiers.quote(MySqlNames.unquote(id.getText()).toLowerCase(Locale.ROOT));
    }

    private String tableName(MySqlParser.FullIdContext f) {
        String first = MySqlNames.unquote(f.id().getText()).toLowerCase(Locale.ROOT);
        String name = first;
        if (f.dottedId() != null) {
            name = MySqlNames.unquote(f.dottedId().getText()).toLowerCase(Locale.ROOT);
            if (!sourceDatabases.contains(first)) {
                tables.add(name);
                return PostgresIdentifiers.quote(first) + "." + PostgresIdentifiers.quote(name);
            }
        }
        if (ctes.contains(name)) {
            return PostgresIdentifiers.quote(name);
        }
        tables.add(name);
        return (targetSchema == null ? "" : PostgresIdentifiers.quote(targetSchema) + ".") + PostgresIdentifiers.quote(name);
    }

    private String columnRef(MySqlParser.ColumnRefContext c) {
        List<String> parts = new ArrayList<>();
        parts.add(ident(c.id()));
        for (MySqlParser.DottedIdContext d : c.dottedId()) {
            parts.add(t(d));
        }
        if (parts.size() == 3 && sourceDatabases.contains(MySqlNames.unquote(c.id().getText()).toLowerCase(Locale.ROOT))) {
            parts.remove(0);
        }
        return String.join(".", parts);
    }

    private String stringLiteral(MySqlParser.StringLiteralContext s) {
        if (s.HEX_STRING() != null || s.HEX_NUMBER() != null || s.BIT_STRING() != null || s.BIT_NUMBER() != null) {
            return t(s.getChild(1));
        }
        StringBuilder v = new StringBuilder();
        for (TerminalNode tn : s.SQ_STRING()) {
            v.append(unescape(tn.getText()));
        }
        for (TerminalNode tn : s.DQ_STRING()) {
            v.append(unescape(tn.getText()));
        }
        if (s.NATIONAL_STRING() != null) {
            v.insert(0, unescape(s.NATIONAL_STRING().getText().substring(1)));
        }
        if (s.COLLATE() != null) {
            items.add(item(ActionCode.MY_COLLATION_IGNORED, "COLLATE " + s.collationName().getText() + " dropped", s));
        }
        return pgString(v.toString());
    }

    private String literal(MySqlParser.LiteralContext lit) {
        if (lit.stringLiteral() != null) {
            return stringLiteral(lit.stringLiteral());
        }
        Token tok = lit.getStart();
        String text = tok.getText();
        switch (tok.getType()) {
            case MySqlLexer.HEX_STRING:
                return "'\\x" + text.substring(2, text.length() - 1) + "'::bytea";
            case MySqlLexer.HEX_NUMBER:
                return "'\\x" + text.substring(2) + "'::bytea";
            case MySqlLexer.BIT_STRING:
                return "B'" + text.substring(2, text.length() - 1) + "'";
            case MySqlLexer.BIT_NUMBER:
                return "B'" + text.substring(2) + "'";
            default:
                return join(lit);
        }
    }

    /** The value of a MySQL string literal token (quotes removed, backslash escapes and doubled quotes resolved). */
    public static String unescape(String token) {
        char q = token.charAt(0);
        String body = token.substring(1, token.length() - 1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                char e = body.charAt(++i);
                switch (e) {
                    case '0' -> sb.append('\0');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'b' -> sb.append('\b');
                    case 'Z' -> sb.append((char) 26);
                    case '%', '_' -> sb.append('\\').append(e); // kept for LIKE patterns, as MySQL does
                    default -> sb.append(e);
                }
            } else if (c == q && i + 1 < body.length() && body.charAt(i + 1) == q) {
                sb.append(q);
                i++;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** A PostgreSQL standard string literal; NUL characters (invalid in PostgreSQL text) are dropped. */
    public static String pgString(String value) {
        return "'" + value.replace("\0", "").replace("'", "''") + "'";
    }

    private static final Set<String> AGGREGATES = Set.of("sum", "count", "min", "max", "avg", "bit_and", "bit_or",
            "bit_xor", "std", "stddev", "stddev_pop", "stddev_samp", "variance", "var_pop", "var_samp", "json_arrayagg",
            "json_objectagg");

    /**
     * GROUP BY as written, plus the select list's non-aggregated column expressions PostgreSQL needs in it (MySQL
     * without ONLY_FULL_GROUP_BY picks any row's value; with functionally dependent columns the result is the same).
     */
    private String groupBy(MySqlParser.GroupByClauseContext gb, MySqlParser.QuerySpecificationContext qs) {
        String written = join(gb);
        if (gb.ROLLUP() != null || qs.selectList().STAR() != null) {
            return written;
        }
        Set<String> have = new LinkedHashSet<>();
        for (MySqlParser.GroupItemContext g : gb.groupItem()) {
            have.add(t(g.expression()));
        }
        List<String> extra = new ArrayList<>();
        Set<String> aliases = new java.util.HashSet<>();
        List<ParseTree> sources = new ArrayList<>();
        for (MySqlParser.SelectItemContext si : qs.selectList().selectItem()) {
            if (si instanceof MySqlParser.ExpressionItemContext ei) {
                sources.add(ei.expression());
                if (ei.alias() != null) {
                    aliases.add(t(ei.alias()));
                }
            }
        }
        if (qs.havingClause() != null) {
            sources.add(qs.havingClause());
        }
        if (qs.getParent() instanceof MySqlParser.QueryTermContext qt && qt.getParent() instanceof MySqlParser.QueryBodyContext qb
                && qb.queryTerm().size() == 1 && qb.getParent() instanceof MySqlParser.QueryExpressionContext qe
                && qe.orderByClause() != null) {
            sources.add(qe.orderByClause());
        }
        for (ParseTree src : sources) {
            List<MySqlParser.ColumnRefContext> refs = new ArrayList<>();
            plainColumns(src, refs);
            for (MySqlParser.ColumnRefContext ref : refs) {
                String e = t(ref);
                if ((ref.dottedId().isEmpty() && aliases.contains(e)) || have.contains(e)) {
                    continue;
                }
                have.add(e);
                extra.add(e);
            }
        }
        if (extra.isEmpty()) {
            return written;
        }
        rewritten("GROUP BY completed with " + String.join(", ", extra));
        return written + ", " + String.join(", ", extra);
    }

    /** Column references outside aggregates and subqueries. */
    private static void plainColumns(ParseTree n, List<MySqlParser.ColumnRefContext> out) {
        if (n instanceof MySqlParser.ColumnRefContext c) {
            out.add(c);
            return;
        }
        if (n instanceof MySqlParser.SubqueryExpressionContext || n instanceof MySqlParser.ExistsExpressionContext
                || n instanceof MySqlParser.GroupConcatFunctionContext || n instanceof MySqlParser.QuantifiedComparisonContext
                || n instanceof MySqlParser.GenericFunctionContext g && g.overClause() == null
                && AGGREGATES.contains(g.functionName().getText().toLowerCase(Locale.ROOT))
                || n instanceof MySqlParser.InPredicateContext ip && ip.queryExpression() != null) {
            return;
        }
        for (int i = 0; i < n.getChildCount(); i++) {
            plainColumns(n.getChild(i), out);
        }
    }

    private static boolean hasColumn(ParseTree n) {
        if (n instanceof MySqlParser.ColumnRefContext) {
            return true;
        }
        if (n instanceof MySqlParser.SubqueryExpressionContext || n instanceof MySqlParser.ExistsExpressionContext) {
            return false;
        }
        for (int i = 0; i < n.getChildCount(); i++) {
            if (hasColumn(n.getChild(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasAggregate(ParseTree n) {
        if (n instanceof MySqlParser.GroupConcatFunctionContext) {
            return true;
        }
        if (n instanceof MySqlParser.GenericFunctionContext g && g.overClause() == null
                && AGGREGATES.contains(g.functionName().getText().toLowerCase(Locale.ROOT))) {
            return true;
        }
        if (n instanceof MySqlParser.SubqueryExpressionContext || n instanceof MySqlParser.ExistsExpressionContext) {
            return false;
        }
        for (int i = 0; i < n.getChildCount(); i++) {
            if (hasAggregate(n.getChild(i))) {
                return true;
            }
        }
        return false;
    }

    // ============================================================================================ functions

    private static final Map<String, String> RENAMED = Map.ofEntries(
            Map.entry("ucase", "upper"), Map.entry("lcase", "lower"), Map.entry("ifnull", "coalesce"),
            Map.entry("substr", "substr"), Map.entry("char_length", "char_length"), Map.entry("length", "octet_length"),
            Map.entry("character_length", "char_length"), Map.entry("rand", "random"), Map.entry("pow", "power"),
            Map.entry("ceiling", "ceiling"), Map.entry("truncate", "trunc"));

    private String function(MySqlParser.FunctionCallContext f) {
        if (f instanceof MySqlParser.GroupConcatFunctionContext g) {
            items.add(item(ActionCode.MY_GROUP_CONCAT, "GROUP_CONCAT → string_agg", g));
            List<String> args = new ArrayList<>();
            for (MySqlParser.ExpressionContext e : g.expressionList().expression()) {
                args.add(t(e));
            }
            String value = args.size() == 1 ? args.get(0) : concat(args, g.expressionList().expression());
            String sep = g.stringLiteral() == null ? "','" : stringLiteral(g.stringLiteral());
            String order = g.orderByClause() == null ? "" : " " + t(g.orderByClause());
            if (g.DISTINCT() != null && g.orderByClause() != null) {
                // PostgreSQL: with DISTINCT the ORDER BY must use the aggregated value itself
                boolean desc = g.orderByClause().orderItem(0).DESC() != null;
                order = " ORDER BY (" + value + ")::text" + (desc ? " DESC" : "");
                rewritten("GROUP_CONCAT(DISTINCT ... ORDER BY ...) now orders by the concatenated value");
            }
            return "string_agg(" + (g.DISTINCT() != null ? "DISTINCT " : "") + "(" + value + ")::text, " + sep
                    + order + ")" + (g.overClause() == null ? "" : " " + t(g.overClause()));
        }
        if (f instanceof MySqlParser.NiladicFunctionContext nf) {
            String k = nf.getStart().getText().toUpperCase(Locale.ROOT);
            return switch (k) {
                case "CURRENT_TIMESTAMP", "LOCALTIMESTAMP", "LOCALTIME" -> k.equals("LOCALTIME") ? "LOCALTIMESTAMP" : k;
                case "CURRENT_DATE" -> "CURRENT_DATE";
                case "CURRENT_TIME" -> "LOCALTIME";
                case "UTC_TIMESTAMP" -> "(CURRENT_TIMESTAMP AT TIME ZONE 'UTC')";
                case "UTC_DATE" -> "(CURRENT_TIMESTAMP AT TIME ZONE 'UTC')::date";
                case "UTC_TIME" -> "(CURRENT_TIMESTAMP AT TIME ZONE 'UTC')::time";
                case "CURRENT_USER" -> "CURRENT_USER";
                default -> null;
            };
        }
        if (f instanceof MySqlParser.CastFunctionContext c) {
            return "CAST(" + t(c.expression()) + " AS " + castType(c.castType()) + ")";
        }
        if (f instanceof MySqlParser.ConvertFunctionContext c) {
            return c.castType() != null ? "CAST(" + t(c.expression()) + " AS " + castType(c.castType()) + ")" : t(c.expression());
        }
        if (f instanceof MySqlParser.TimestampArithmeticFunctionContext ta) {
            if (ta.TIMESTAMPADD() != null) {
                return "(" + t(ta.expression(1)) + " + " + interval(ta.expression(0), ta.intervalUnit()) + ")";
            }
            String unit = ta.intervalUnit().getText().toUpperCase(Locale.ROOT);
            String a = t(ta.expression(0));
            String b = t(ta.expression(1));
            return switch (unit) {
                case "DAY" -> "(CAST(" + b + " AS date) - CAST(" + a + " AS date))";
                case "SECOND" -> "trunc(extract(epoch FROM (" + b + ") - (" + a + ")))::bigint";
                case "MINUTE" -> "trunc(extract(epoch FROM (" + b + ") - (" + a + ")) / 60)::bigint";
                case "HOUR" -> "trunc(extract(epoch FROM (" + b + ") - (" + a + ")) / 3600)::bigint";
                default -> fail("TIMESTAMPDIFF(" + unit + ")", ta);
            };
        }
        if (f instanceof MySqlParser.GenericFunctionContext g) {
            String name = g.functionName().getText().toLowerCase(Locale.ROOT);
            List<MySqlParser.FunctionArgumentContext> a = g.functionArgument();
            switch (name) {
                case "if":
                    if (a.size() == 3) {
                        rewritten("IF()");
                        return "CASE WHEN " + cond(a.get(0)) + " THEN " + t(a.get(1)) + " ELSE " + t(a.get(2)) + " END";
                    }
                    break;
                case "ifnull":
                    return "COALESCE(" + t(a.get(0)) + ", " + t(a.get(1)) + ")";
                case "now": case "sysdate": case "current_timestamp":
                    return "CURRENT_TIMESTAMP";
                case "curdate":
                    return "CURRENT_DATE";
                case "curtime":
                    return "LOCALTIME";
                case "date_add": case "adddate": case "date_sub": case "subdate":
                    if (a.size() == 2) {
                        String op = name.startsWith("date_add") || name.equals("adddate") ? " + " : " - ";
                        String iv = t(a.get(1));
                        if (!iv.startsWith("(") && !iv.toLowerCase(Locale.ROOT).startsWith("interval")) {
                            iv = "(" + iv + ") * interval '1 day'";
                        }
                        return "(" + t(a.get(0)) + op + iv + ")";
                    }
                    break;
                case "concat":
                    if (!a.isEmpty()) {
                        List<String> parts = new ArrayList<>();
                        a.forEach(x -> parts.add(t(x)));
                        return concat(parts, a);
                    }
                    break;
                case "to_days":
                    if (a.size() == 1) {
                        return "(CAST(" + t(a.get(0)) + " AS date) - DATE '0001-01-01' + 366)";
                    }
                    break;
                case "datediff":
                    return "(CAST(" + t(a.get(0)) + " AS date) - CAST(" + t(a.get(1)) + " AS date))";
                case "date_format":
                    items.add(item(ActionCode.MY_DATE_FORMAT, "DATE_FORMAT → to_char", g));
                    return "to_char(" + t(a.get(0)) + ", " + dateFormat(a.get(1)) + ")";
                case "concat_ws": case "coalesce": case "greatest": case "least": case "nullif":
                case "upper": case "lower": case "trim": case "ltrim": case "rtrim": case "replace": case "left": case "right":
                case "lpad": case "rpad": case "repeat": case "reverse": case "abs": case "round": case "floor": case "ceil":
                case "sum": case "count": case "min": case "max": case "avg": case "mod": case "sign": case "sqrt":
                case "power": case "exp": case "ln": case "md5": case "substring": case "substr": case "char_length":
                case "year": case "month": case "day": case "hour": case "minute": case "second": case "dayofmonth":
                    break;
                case "locate":
                    if (a.size() == 2) {
                        return "strpos(" + t(a.get(1)) + ", " + t(a.get(0)) + ")";
                    }
                    break;
                case "instr":
                    return "strpos(" + t(a.get(0)) + ", " + t(a.get(1)) + ")";
                case "last_insert_id":
                    return "lastval()";
                case "database": case "schema":
                    return "current_schema()";
                default:
                    break;
            }
            if (name.matches("year|month|day|dayofmonth|hour|minute|second") && a.size() == 1) {
                String field = name.equals("dayofmonth") ? "day" : name;
                return "CAST(extract(" + field + " FROM " + t(a.get(0)) + ") AS integer)";
            }
            if (RENAMED.containsKey(name) && RENAMED.get(name) != null) {
                StringBuilder sb = new StringBuilder(RENAMED.get(name)).append('(');
                for (int i = 0; i < a.size(); i++) {
                    sb.append(i == 0 ? "" : ", ").append(t(a.get(i)));
                }
                return sb.append(')').toString();
            }
            return null;
        }
        return null;
    }

    /**
     * MySQL CONCAT is NULL when any argument is NULL, like PostgreSQL's {@code ||} (PostgreSQL's concat() skips NULLs
     * and is not immutable, so it cannot appear in generated columns or indexes). The first argument is cast to text
     * unless some argument is a string literal.
     */
    private static String concat(List<String> parts, List<? extends ParserRuleContext> args) {
        if (parts.size() == 1) {
            return "(" + parts.get(0) + ")::text";
        }
        boolean literal = parts.stream().anyMatch(p -> p.startsWith("'"));
        List<String> out = new ArrayList<>(parts);
        if (!literal) {
            out.set(0, "(" + out.get(0) + ")::text");
        }
        return "(" + String.join(" || ", out) + ")";
    }

    /** A MySQL truth value as a PostgreSQL condition: numbers / booleans are compared with 0 unless clearly boolean. */
    private String cond(ParserRuleContext e) {
        String s = t(e);
        if (e.getText().matches("(?is).*(=|<|>|\\bis\\b|\\blike\\b|\\bin\\b|\\bbetween\\b|\\band\\b|\\bor\\b|\\bnot\\b|exists).*")) {
            return s;
        }
        return "(" + s + ")::boolean";
    }

    private String interval(ParserRuleContext amount, MySqlParser.IntervalUnitContext unit) {
        String u = unit.getText().toLowerCase(Locale.ROOT);
        String pgUnit = switch (u) {
            case "microsecond" -> "microseconds";
            case "second" -> "seconds";
            case "minute" -> "minutes";
            case "hour" -> "hours";
            case "day" -> "days";
            case "week" -> "weeks";
            case "month" -> "months";
            case "quarter" -> "3 months";
            case "year" -> "years";
            default -> null;
        };
        if (pgUnit == null) {
            // compound units take a string: INTERVAL '1:30' HOUR_MINUTE
            fail("INTERVAL ... " + u.toUpperCase(Locale.ROOT), unit);
            return "interval " + t(amount);
        }
        String amt = t(amount);
        if (amt.matches("\\d+")) {
            return "interval '" + (u.equals("quarter") ? Integer.parseInt(amt) * 3 + " months" : amt + " " + pgUnit) + "'";
        }
        return "(" + amt + ") * interval '1 " + (u.equals("quarter") ? "3 months" : pgUnit) + "'";
    }

    private String castType(MySqlParser.CastTypeContext c) {
        String k = c.getStart().getText().toUpperCase(Locale.ROOT);
        switch (k) {
            case "SIGNED": case "INTEGER": case "INT": case "BIGINT":
                rewritten("CAST AS " + k);
                return "bigint";
            case "UNSIGNED":
                rewritten("CAST AS UNSIGNED");
                return "numeric(20)";
            case "CHAR": case "CHARACTER": case "NCHAR":
                return c.fieldLength() == null ? "text" : "varchar" + c.fieldLength().getText();
            case "BINARY":
                return "bytea";
            case "DATE":
                return "date";
            case "DATETIME":
                return "timestamp" + (c.fieldLength() == null ? "" : c.fieldLength().getText());
            case "TIMESTAMP":
                return "timestamptz" + (c.fieldLength() == null ? "" : c.fieldLength().getText());
            case "TIME":
                return "time" + (c.fieldLength() == null ? "" : c.fieldLength().getText());
            case "DECIMAL": case "DEC": case "NUMERIC":
                return "numeric" + (c.precision() == null ? "" : c.precision().getText());
            case "JSON":
                return "jsonb";
            case "DOUBLE":
                return "double precision";
            case "FLOAT": case "REAL":
                return "real";
            case "YEAR":
                return "smallint";
            default:
                return fail("CAST AS " + k, c);
        }
    }

    private static final Map<Character, String> DATE_FORMAT = Map.ofEntries(
            Map.entry('Y', "YYYY"), Map.entry('y', "YY"), Map.entry('m', "MM"), Map.entry('c', "FMMM"),
            Map.entry('d', "DD"), Map.entry('e', "FMDD"), Map.entry('H', "HH24"), Map.entry('k', "FMHH24"),
            Map.entry('h', "HH12"), Map.entry('I', "HH12"), Map.entry('l', "FMHH12"), Map.entry('i', "MI"),
            Map.entry('s', "SS"), Map.entry('S', "SS"), Map.entry('p', "AM"), Map.entry('M', "FMMonth"),
            Map.entry('b', "Mon"), Map.entry('W', "FMDay"), Map.entry('a', "Dy"), Map.entry('j', "DDD"),
            Map.entry('f', "US"), Map.entry('T', "HH24:MI:SS"), Map.entry('r', "HH12:MI:SS AM"), Map.entry('%', "%"));

    private String dateFormat(MySqlParser.FunctionArgumentContext fmt) {
        String lit = fmt.getText();
        if (!(lit.startsWith("'") || lit.startsWith("\""))) {
            fail("DATE_FORMAT with a computed format", fmt);
            return t(fmt);
        }
        String f = unescape(lit);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            if (c == '%' && i + 1 < f.length()) {
                String m = DATE_FORMAT.get(f.charAt(++i));
                if (m == null) {
                    items.add(item(ActionCode.MY_DATE_FORMAT, "DATE_FORMAT specifier %" + f.charAt(i) + " has no to_char equivalent", fmt));
                    m = "";
                }
                sb.append(m);
            } else if (Character.isLetter(c)) {
                sb.append('"').append(c).append('"');
            } else {
                sb.append(c);
            }
        }
        return pgString(sb.toString());
    }

    private void rewritten(String what) {
        items.add(ActionItem.of(ActionCode.MY_VIEW_QUERY_REWRITTEN, what.startsWith("GROUP BY") ? what : what + " rewritten for PostgreSQL"));
    }

    private String fail(String what, ParserRuleContext ctx) {
        ok = false;
        items.add(item(ActionCode.MY_EXPRESSION_NOT_TRANSLATED, what + " has no automatic translation", ctx));
        return MySqlParserFacade.textOf(ctx);
    }

    private static ActionItem item(ActionCode code, String message, ParserRuleContext ctx) {
        Token s = ctx.getStart();
        return ActionItem.of(code, message, s.getLine(), s.getCharPositionInLine() + 1);
    }
}
