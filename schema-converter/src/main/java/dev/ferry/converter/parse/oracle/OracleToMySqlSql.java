package dev.ferry.converter.parse.oracle;

import dev.ferry.converter.assess.ActionCode;
import dev.ferry.converter.assess.ActionItem;
import dev.ferry.converter.naming.MySqlIdentifiers;
import dev.ferry.converter.parse.TargetSql;
import dev.ferry.converter.parse.TreeTextEmitter;
import dev.ferry.grammar.oracle.OracleLexer;
import dev.ferry.grammar.oracle.OracleParser;
import dev.ferry.grammar.oracle.OracleParser.*;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Translates Oracle conditions (check constraints, defaults) and view queries to MySQL / MariaDB on our Oracle parse
 * tree. Names become the converted MySQL names (quoted with backticks unless safe; schema qualifiers dropped);
 * {@code ||} → {@code CONCAT_WS('', ...)} (skips NULLs as Oracle does); {@code NVL} → {@code IFNULL}, {@code NVL2}
 * → {@code IF}, {@code DECODE} → {@code CASE} with {@code <=>}; {@code SYSDATE} → {@code NOW()};
 * {@code MINUS} → {@code EXCEPT}; {@code x IS JSON} → {@code JSON_VALID(x)}; {@code FETCH FIRST n ROWS ONLY} →
 * {@code LIMIT n}; string literals (including {@code q'[..]'}) re-escaped. Outer-join {@code (+)}, hierarchical
 * queries, ROWNUM, format-model functions (TO_CHAR, TO_DATE...), sequences and other Oracle-only constructs mark the
 * result untranslated with an item.
 *
 * <p>Threading: not thread-safe; one instance per conversion.
 */
public final class OracleToMySqlSql {

    private static final Set<String> SAME = Set.of("UPPER", "LOWER", "SUBSTR", "LPAD", "RPAD", "ABS", "CEIL", "FLOOR",
            "ROUND", "MOD", "POWER", "SQRT", "SIGN", "EXP", "LN", "GREATEST", "LEAST", "COALESCE", "NULLIF", "COUNT", "SUM",
            "AVG", "MIN", "MAX", "ROW_NUMBER", "RANK", "DENSE_RANK", "LAG", "LEAD", "FIRST_VALUE", "LAST_VALUE", "NTILE",
            "ASCII", "CONCAT", "STDDEV", "VARIANCE");

    private static final Map<String, String> RENAMED = Map.of("NVL", "IFNULL", "LENGTH", "CHAR_LENGTH");

    private final UnaryOperator<String> names;
    private final Predicate<String> temporalColumn;
    private Predicate<String> sequences = s -> false;

    /** @param names maps an Oracle catalog name (unquoted names upper case) to its MySQL name (unquoted form) */
    public OracleToMySqlSql(UnaryOperator<String> names) {
        this(names, c -> false);
    }

    /**
     * @param names          maps an Oracle catalog name to its MySQL name (unquoted form)
     * @param temporalColumn whether a column name (catalog spelling) denotes a DATE/TIMESTAMP column: {@code d + n}
     *                       adds days in Oracle but numbers in MySQL, so it is refused
     */
    public OracleToMySqlSql(UnaryOperator<String> names, Predicate<String> temporalColumn) {
        this.names = names;
        this.temporalColumn = temporalColumn;
    }

    /**
     * Sequences converted to MariaDB sequences (catalog spelling): {@code seq.NEXTVAL} / {@code seq.CURRVAL} on them
     * become {@code NEXTVAL(seq)} / {@code LASTVAL(seq)}.
     */
    public OracleToMySqlSql withSequences(Predicate<String> converted) {
        this.sequences = converted;
        return this;
    }

    public TargetSql expression(String oracle) {
        return translate(oracle, OracleParser::condition);
    }

    public TargetSql query(String oracle) {
        return translate(oracle, OracleParser::query);
    }

    private TargetSql translate(String oracle, Function<OracleParser, ? extends ParserRuleContext> rule) {
        ParserRuleContext tree;
        try {
            tree = OracleToPostgresSql.parse(oracle, rule);
        } catch (RuntimeException e) {
            return TargetSql.failed(oracle, ActionItem.of(ActionCode.TO_MY_EXPRESSION_NOT_TRANSLATED,
                    "Could not parse with Ferry's Oracle grammar: " + e.getMessage()));
        }
        return new Emitter().run(tree);
    }

    /** The Oracle catalog spelling of an identifier: quoted exactly, unquoted upper case. */
    static String catalogName(IdentifierContext id) {
        String t = id.getText();
        return t.startsWith("\"") ? t.substring(1, t.length() - 1) : t.toUpperCase(Locale.ROOT);
    }

    private final class Emitter extends TreeTextEmitter {

        @Override
        protected TargetSql run(ParseTree tree) {
            return super.run(tree);
        }

        private void fail(String what) {
            untranslated(ActionItem.of(ActionCode.TO_MY_EXPRESSION_NOT_TRANSLATED, what + " has no MySQL translation"));
        }

        private String id(IdentifierContext id) {
            return MySqlIdentifiers.quote(names.apply(catalogName(id)));
        }

        @Override
        protected String terminal(Token t) {
            switch (t.getType()) {
                case OracleLexer.STRING: case OracleLexer.NATIONAL_STRING: case OracleLexer.Q_STRING:
                    return mysqlString(OracleScriptSchemaBuilder.stringValue(t.getText()));
                case OracleLexer.NOT_EQUAL:
                    return "<>";
                default:
                    return t.getText();
            }
        }

        @Override
        protected String rewrite(ParseTree n) {
            if (n instanceof IdentifierContext id) {
                return id(id);
            }
            if (n instanceof AdditiveExpressionContext a && (temporal(a.expression(0)) || temporal(a.expression(1)))) {
                fail("date arithmetic " + abbreviate(original(a)) + " (days in Oracle, numbers in MySQL)");
                return original(a);
            }
            if (n instanceof ConcatExpressionContext c) {
                List<String> parts = new ArrayList<>();
                flatten(c, parts);
                return "CONCAT_WS(''" + parts.stream().map(p -> ", " + p).reduce("", String::concat) + ")";
            }
            if (n instanceof ReferenceContext r) {
                return reference(r);
            }
            if (n instanceof ColumnAliasContext a && a.stringLiteral() != null) {
                return MySqlIdentifiers.quote(OracleScriptSchemaBuilder.stringValue(a.getText()));
            }
            if (n instanceof TableFactorContext f && f.objectName() != null) {
                if (f.dbLink() != null || f.partitionExtension() != null || f.sampleClause() != null
                        || f.flashbackClause() != null || f.pivotClause() != null) {
                    fail("a database link / partition / SAMPLE / flashback / PIVOT clause");
                    return original(f);
                }
                List<IdentifierContext> parts = f.objectName().identifier();
                String table = names.apply(catalogName(parts.get(parts.size() - 1)));
                tables.add(table);
                return MySqlIdentifiers.quote(table) + (f.tableAlias() == null ? "" : " " + id(f.tableAlias().identifier()));
            }
            if (n instanceof TableFactorContext f && (f.jsonTable() != null || f.TABLE() != null || f.LATERAL() != null
                    || f.ONLY() != null || f.functionArguments() != null)) {
                fail("JSON_TABLE / TABLE() / LATERAL / ONLY / table function in FROM");
                return original(f);
            }
            if (n instanceof PredicateContext p && p.predicateTail() != null && !p.predicateTail().JSON().isEmpty()) {
                return (p.predicateTail().NOT() != null ? "NOT " : "") + "JSON_VALID(" + emit(p.expression()) + ")";
            }
            if (n instanceof PredicateTailContext t && (t.NAN() != null || t.INFINITE() != null || t.EMPTY() != null
                    || t.SET() != null || t.OF() != null || t.MEMBER() != null || t.SUBMULTISET() != null
                    || t.LIKEC() != null || t.LIKE2() != null || t.LIKE4() != null)) {
                fail("predicate " + abbreviate(original(t)));
                return original(t);
            }
            if (n instanceof RowLimitingClauseContext r) {
                if (r.OFFSET() == null && r.ONLY() != null && r.PERCENT() == null && r.expression().size() == 1) {
                    return "LIMIT " + emit(r.expression(0));
                }
                fail("row limiting clause " + abbreviate(original(r)));
                return original(r);
            }
            if (n instanceof LiteralContext l && l.INTERVAL() != null) {
                fail("INTERVAL literal");
                return original(l);
            }
            if (n instanceof OrderByItemContext o && o.NULLS() != null) {
                fail("NULLS FIRST/LAST");
                return original(o);
            }
            if (n instanceof CastPrimaryContext c) {
                String target = castTarget(c.dataType());
                if (target == null || c.MULTISET() != null) {
                    fail("CAST AS " + c.dataType().getText());
                    return original(c);
                }
                return "CAST(" + emit(c.expression()) + " AS " + target + ")";
            }
            if (n instanceof HierarchicalClauseContext || n instanceof ForUpdateClauseContext || n instanceof PriorExpressionContext
                    || n instanceof ConnectByRootExpressionContext || n instanceof RownumPrimaryContext
                    || n instanceof RowidPrimaryContext || n instanceof LevelPrimaryContext || n instanceof MultisetExpressionContext
                    || n instanceof AtTimeZoneExpressionContext || n instanceof TreatPrimaryContext
                    || n instanceof CursorPrimaryContext || n instanceof ConstructorPrimaryContext || n instanceof MultisetPrimaryContext
                    || n instanceof SqlAttributePrimaryContext || n instanceof PlaceholderPrimaryContext
                    || n instanceof SearchClauseContext || n instanceof CycleClauseContext || n instanceof WithClauseContext w
                    && (!w.functionDefinition().isEmpty() || !w.procedureDefinition().isEmpty())) {
                fail(abbreviate(original(n)));
                return original(n);
            }
            if (n instanceof SetOperatorContext s && s.MINUS() != null) {
                return "EXCEPT" + (s.ALL() != null ? " ALL" : "");
            }
            return null;
        }

        /** A DATE/TIMESTAMP operand: a temporal column, SYSDATE / SYSTIMESTAMP / CURRENT_DATE, or a DATE literal. */
        private boolean temporal(ExpressionContext e) {
            if (!(e instanceof PrimaryExpressionContext pe)) {
                return false;
            }
            PrimaryContext p = pe.primary();
            if (p instanceof LiteralPrimaryContext l) {
                return l.literal().DATE() != null || l.literal().TIMESTAMP() != null || l.literal().INTERVAL() != null;
            }
            if (p instanceof ParenthesizedContext par && par.condition().size() == 1
                    && par.condition(0) instanceof PredicateConditionContext pc && pc.predicate().predicateTail() == null
                    && pc.predicate().expression() != null) {
                return temporal(pc.predicate().expression());
            }
            if (p instanceof ReferencePrimaryContext rp && rp.reference().identifier() != null) {
                ReferenceContext r = rp.reference();
                List<ReferenceSuffixContext> sx = r.referenceSuffix();
                String last = sx.isEmpty() ? catalogName(r.identifier())
                        : sx.get(sx.size() - 1).identifier().size() == 1 ? catalogName(sx.get(sx.size() - 1).identifier(0)) : null;
                if (last == null) {
                    return false;
                }
                if (sx.isEmpty() && Set.of("SYSDATE", "SYSTIMESTAMP", "CURRENT_DATE", "CURRENT_TIMESTAMP", "LOCALTIMESTAMP").contains(last)) {
                    return true;
                }
                return temporalColumn.test(last);
            }
            return false;
        }

        private void flatten(ExpressionContext e, List<String> out) {
            if (e instanceof ConcatExpressionContext c) {
                flatten(c.expression(0), out);
                flatten(c.expression(1), out);
            } else {
                out.add(emit(e));
            }
        }

        private String reference(ReferenceContext r) {
            if (r.withinGroupClause() != null && r.identifier() != null && catalogName(r.identifier()).equals("LISTAGG")
                    && r.referenceSuffix().size() == 1 && r.referenceSuffix(0).functionArguments() != null
                    && r.OUTER_JOIN() == null && r.keepClause() == null && r.overClause() == null) {
                return listagg(r.referenceSuffix(0).functionArguments(), r.withinGroupClause(), r);
            }
            if (r.OUTER_JOIN() != null || r.keepClause() != null || r.withinGroupClause() != null || r.identifier() == null) {
                fail("outer join (+) / KEEP / WITHIN GROUP / bind variable in " + abbreviate(original(r)));
                return original(r);
            }
            List<ReferenceSuffixContext> suffixes = r.referenceSuffix();
            String over = r.overClause() == null ? "" : " " + emit(r.overClause());
            if (!suffixes.isEmpty() && suffixes.get(0).functionArguments() != null && suffixes.size() == 1) {
                return function(catalogName(r.identifier()), suffixes.get(0).functionArguments(), r) + over;
            }
            List<String> parts = new ArrayList<>();
            parts.add(catalogName(r.identifier()));
            for (ReferenceSuffixContext s : suffixes) {
                if (s.identifier().size() != 1 || s.DOT().isEmpty() || s.AT_SIGN() != null) {
                    fail("reference " + abbreviate(original(r)));
                    return original(r);
                }
                parts.add(catalogName(s.identifier(0)));
            }
            if (parts.size() == 1 && r.identifier().QUOTED_IDENTIFIER() == null) {
                switch (parts.get(0)) {
                    case "SYSDATE": return "NOW()";
                    case "SYSTIMESTAMP": return "NOW(6)";
                    case "USER": return "CURRENT_USER()";
                    default: break;
                }
            }
            String last = parts.get(parts.size() - 1);
            if (parts.size() > 1 && (last.equals("NEXTVAL") || last.equals("CURRVAL"))) {
                String seq = parts.get(parts.size() - 2);
                if (sequences.test(seq)) {
                    item(ActionItem.of(ActionCode.TO_MY_SEQUENCE_MARIADB, seq + "." + last + " → "
                            + (last.equals("NEXTVAL") ? "NEXTVAL" : "LASTVAL") + "(" + names.apply(seq) + ")"));
                    return (last.equals("NEXTVAL") ? "NEXTVAL(" : "LASTVAL(") + MySqlIdentifiers.quote(names.apply(seq)) + ")";
                }
                fail("sequence reference " + abbreviate(original(r)));
                return original(r);
            }
            if (parts.size() > 2) {
                parts = parts.subList(parts.size() - 2, parts.size());
            }
            return String.join(".", parts.stream().map(p -> MySqlIdentifiers.quote(names.apply(p))).toList()) + over;
        }

        /** {@code LISTAGG(x, sep) WITHIN GROUP (ORDER BY ...)} → {@code GROUP_CONCAT(x ORDER BY ... SEPARATOR sep)}. */
        private String listagg(FunctionArgumentsContext fa, WithinGroupClauseContext wg, ReferenceContext r) {
            if (!fa.argumentOption().isEmpty() || fa.orderByClause() != null || fa.argument().isEmpty() || fa.argument().size() > 2
                    || fa.argument().stream().anyMatch(a -> a.ARROW() != null || a.KEY() != null || a.AS() != null || a.VALUE() != null)) {
                fail("LISTAGG with ON OVERFLOW or other options in " + abbreviate(original(r)));
                return original(r);
            }
            String sep = fa.argument().size() == 2 ? emit(fa.argument(1).condition(0)) : "''";
            item(ActionItem.of(ActionCode.TO_MY_STRING_AGG, "LISTAGG → GROUP_CONCAT"));
            return "GROUP_CONCAT(" + (fa.DISTINCT() != null ? "DISTINCT " : "") + emit(fa.argument(0).condition(0)) + " "
                    + emit(wg.orderByClause()) + " SEPARATOR " + sep + ")";
        }

        private String function(String name, FunctionArgumentsContext fa, ReferenceContext r) {
            if (!fa.argumentOption().isEmpty() || fa.orderByClause() != null) {
                fail("function options in " + abbreviate(original(r)));
                return original(r);
            }
            if (fa.STAR() != null) {
                if (name.equals("COUNT")) {
                    return "COUNT(*)";
                }
                fail(name + "(*)");
                return original(r);
            }
            List<String> args = new ArrayList<>();
            for (ArgumentContext a : fa.argument()) {
                if (a.ARROW() != null || a.KEY() != null || a.AS() != null || a.VALUE() != null) {
                    fail("named or JSON argument in " + name + "()");
                    return original(r);
                }
                args.add(emit(a.condition(0)));
            }
            String distinct = fa.DISTINCT() != null || fa.UNIQUE() != null ? "DISTINCT " : "";
            switch (name) {
                case "NVL2":
                    if (args.size() == 3) {
                        item(ActionItem.of(ActionCode.TO_MY_FUNCTION_REWRITTEN, "NVL2 → IF"));
                        return "IF(" + args.get(0) + " IS NOT NULL, " + args.get(1) + ", " + args.get(2) + ")";
                    }
                    break;
                case "DECODE":
                    if (args.size() >= 3) {
                        item(ActionItem.of(ActionCode.TO_MY_FUNCTION_REWRITTEN, "DECODE → CASE"));
                        StringBuilder sb = new StringBuilder("CASE");
                        int i = 1;
                        for (; i + 1 < args.size(); i += 2) {
                            sb.append(" WHEN ").append(args.get(0)).append(" <=> ").append(args.get(i)).append(" THEN ").append(args.get(i + 1));
                        }
                        if (i < args.size()) {
                            sb.append(" ELSE ").append(args.get(i));
                        }
                        return sb.append(" END").toString();
                    }
                    break;
                case "INSTR":
                    if (args.size() == 2) {
                        return "INSTR(" + args.get(0) + ", " + args.get(1) + ")";
                    }
                    break;
                case "REPLACE":
                    if (args.size() == 2) {
                        return "REPLACE(" + args.get(0) + ", " + args.get(1) + ", '')";
                    }
                    if (args.size() == 3) {
                        return "REPLACE(" + String.join(", ", args) + ")";
                    }
                    break;
                case "LTRIM": case "RTRIM":
                    if (args.size() == 1) {
                        return name + "(" + args.get(0) + ")";
                    }
                    break;
                default:
                    String m = RENAMED.get(name);
                    if (m != null) {
                        item(ActionItem.of(ActionCode.TO_MY_FUNCTION_REWRITTEN, name + " → " + m));
                        return m + "(" + distinct + String.join(", ", args) + ")";
                    }
                    if (SAME.contains(name)) {
                        return name + "(" + distinct + String.join(", ", args) + ")";
                    }
            }
            fail("function " + name + "()");
            return original(r);
        }
    }

    private static String abbreviate(String s) {
        String t = s.replaceAll("\\s+", " ").trim();
        return t.length() > 60 ? t.substring(0, 57) + "..." : t;
    }

    /** MySQL CAST target of an Oracle data type, or null. */
    static String castTarget(DataTypeContext d) {
        String t = d.getText().toUpperCase(Locale.ROOT);
        List<String> nums = new ArrayList<>();
        for (int i = 0; i < d.getChildCount(); i++) {
            if (d.getChild(i) instanceof TerminalNode tn && tn.getSymbol().getType() == OracleLexer.NUMERIC_LITERAL
                    || d.getChild(i) instanceof SignedNumberContext) {
                nums.add(d.getChild(i).getText());
            }
        }
        if (t.startsWith("NUMBER") || t.startsWith("DECIMAL") || t.startsWith("NUMERIC") || t.startsWith("DEC")) {
            return nums.isEmpty() ? "DECIMAL(65,30)" : nums.size() == 1 ? (Integer.parseInt(nums.get(0)) < 19 ? "SIGNED"
                    : "DECIMAL(" + nums.get(0) + ",0)") : "DECIMAL(" + nums.get(0) + "," + nums.get(1) + ")";
        }
        if (t.startsWith("INTEGER") || t.startsWith("INT") || t.startsWith("SMALLINT")) {
            return "SIGNED";
        }
        if (t.startsWith("VARCHAR") || t.startsWith("NVARCHAR") || t.startsWith("CHAR") || t.startsWith("NCHAR")) {
            return "CHAR" + (nums.isEmpty() ? "" : "(" + nums.get(0) + ")");
        }
        if (t.equals("DATE")) {
            return "DATETIME";
        }
        if (t.startsWith("TIMESTAMP") && !t.contains("ZONE")) {
            return "DATETIME(" + (nums.isEmpty() ? "6" : Math.min(6, Integer.parseInt(nums.get(0)))) + ")";
        }
        if (t.startsWith("BINARY_DOUBLE") || t.startsWith("DOUBLE") || t.startsWith("FLOAT")) {
            return "DOUBLE";
        }
        if (t.startsWith("BINARY_FLOAT")) {
            return "FLOAT";
        }
        return null;
    }
}
