package dev.ferry.converter.parse.postgres;

import dev.ferry.converter.assess.ActionCode;
import dev.ferry.converter.assess.ActionItem;
import dev.ferry.converter.naming.MySqlIdentifiers;
import dev.ferry.converter.parse.TargetSql;
import dev.ferry.converter.parse.TreeTextEmitter;
import dev.ferry.grammar.postgres.PostgresLexer;
import dev.ferry.grammar.postgres.PostgresParser;
import dev.ferry.grammar.postgres.PostgresParser.*;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Translates PostgreSQL expressions (column defaults, check constraints, index expressions as {@code pg_get_expr}
 * writes them) and view queries ({@code pg_get_viewdef}) to MySQL / MariaDB by walking our PostgreSQL parse tree.
 * Identifiers become the converted MySQL names (quoted with backticks unless safe); {@code x::t} and
 * {@code CAST(x AS t)} become MySQL casts (a cast of a literal to a character or numeric type is dropped);
 * {@code ||} → {@code CONCAT}; {@code x = ANY (ARRAY[...])} → {@code x IN (...)}; {@code IS [NOT] DISTINCT FROM}
 * → {@code <=>}; {@code ILIKE} → {@code LOWER() LIKE LOWER()}; {@code string_agg} → {@code GROUP_CONCAT};
 * string literals are re-escaped for MySQL (backslash). Every other construct MySQL lacks (arrays, intervals,
 * {@code DISTINCT ON}, regular-expression operators, unknown functions...) marks the result untranslated with a
 * {@code TO-MY-0201} item; nothing is dropped.
 *
 * <p>Threading: not thread-safe; one instance per conversion.
 */
public final class PostgresToMySqlSql {

    /** Functions MySQL has with the same name and meaning. */
    private static final Set<String> SAME = Set.of("coalesce", "nullif", "greatest", "least", "upper", "lower", "abs",
            "round", "floor", "ceil", "ceiling", "sqrt", "power", "mod", "sign", "exp", "ln", "log10", "char_length",
            "character_length", "substr", "replace", "ltrim", "rtrim", "lpad", "rpad", "repeat", "reverse", "left",
            "right", "concat", "concat_ws", "md5", "count", "sum", "avg", "min", "max", "row_number", "rank",
            "dense_rank", "percent_rank", "cume_dist", "lag", "lead", "first_value", "last_value", "nth_value", "ntile",
            "now", "stddev", "stddev_pop", "stddev_samp", "var_pop", "var_samp", "variance", "ascii", "chr", "pi",
            "degrees", "radians", "sin", "cos", "tan", "asin", "acos", "atan", "atan2", "cot", "trunc", "date");

    /** Functions with another MySQL name and the same arguments. */
    private static final Map<String, String> RENAMED = Map.of("length", "CHAR_LENGTH", "octet_length", "LENGTH",
            "random", "RAND", "btrim", "TRIM", "trunc", "TRUNCATE", "chr", "CHAR", "log", "LOG10", "bool_and", "MIN", "bool_or", "MAX");

    private final UnaryOperator<String> names;
    private final Predicate<String> temporalColumn;
    private final Set<String> transparentTypes;

    /** @param names maps a PostgreSQL name (as stored: unquoted names lower case) to its MySQL name (unquoted form) */
    public PostgresToMySqlSql(UnaryOperator<String> names) {
        this(names, c -> false, Set.of());
    }

    /**
     * @param names            maps a PostgreSQL name to its MySQL name (unquoted form)
     * @param temporalColumn   whether a column name denotes a date/time column (date ± n is refused on it)
     * @param transparentTypes enum and domain type names (lower case) whose casts are dropped ({@code 'ok'::mood})
     */
    public PostgresToMySqlSql(UnaryOperator<String> names, Predicate<String> temporalColumn, Set<String> transparentTypes) {
        this.names = names;
        this.temporalColumn = temporalColumn;
        this.transparentTypes = Set.copyOf(transparentTypes);
    }

    private Predicate<String> sequences = x -> false;
    private Predicate<String> textColumn = x -> false;

    /** Character columns (by name): a {@code ::text} cast on them is dropped (it is a no-op in PostgreSQL). */
    public PostgresToMySqlSql withTextColumns(Predicate<String> text) {
        this.textColumn = text;
        return this;
    }

    /** Sequences converted to MariaDB sequences (lower case): {@code nextval('s'::regclass)} on them becomes {@code NEXTVAL(s)}. */
    public PostgresToMySqlSql withSequences(Predicate<String> converted) {
        this.sequences = converted;
        return this;
    }

    /** Translates an expression (a default, a check condition, an index or generated-column expression). */
    public TargetSql expression(String pg) {
        try {
            SingleStatementContext st = parse("SELECT " + pg);
            SelectCoreContext core = ((PrimaryQueryContext) st.statement().query().queryExpression()).queryPrimary().selectCore();
            return new Emitter().run(core.selectItem(0).expr());
        } catch (RuntimeException e) {
            return TargetSql.failed(pg, ActionItem.of(ActionCode.TO_MY_EXPRESSION_NOT_TRANSLATED,
                    "Expression " + abbreviate(pg) + " does not parse with Ferry's PostgreSQL grammar: " + e.getMessage()));
        }
    }

    /** Translates a view query. */
    public TargetSql query(String pg) {
        try {
            SingleStatementContext st = parse(pg);
            if (st.statement().query() == null) {
                throw new IllegalArgumentException("not a query");
            }
            return new Emitter().run(st.statement().query());
        } catch (RuntimeException e) {
            return TargetSql.failed(pg, ActionItem.of(ActionCode.TO_MY_EXPRESSION_NOT_TRANSLATED,
                    "Query does not parse with Ferry's PostgreSQL grammar: " + e.getMessage()));
        }
    }

    private static String abbreviate(String s) {
        String t = s.replaceAll("\\s+", " ").trim();
        return t.length() > 60 ? t.substring(0, 57) + "..." : t;
    }

    private static SingleStatementContext parse(String text) {
        PostgresLexer lexer = new PostgresLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        lexer.addErrorListener(THROWING);
        PostgresParser parser = new PostgresParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.addErrorListener(THROWING);
        return parser.singleStatement();
    }

    private static final BaseErrorListener THROWING = new BaseErrorListener() {
        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
                                String msg, RecognitionException e) {
            throw new IllegalArgumentException(line + ":" + (charPositionInLine + 1) + ": " + msg);
        }
    };

    /** The MySQL spelling of a PostgreSQL identifier token's name (quotes removed, unquoted names lower-cased). */
    static String identifierName(IdentifierContext id) {
        String t = id.getText();
        if (t.startsWith("\"")) {
            return t.substring(1, t.length() - 1).replace("\"\"", "\"");
        }
        return t.toLowerCase(Locale.ROOT);
    }

    /**
     * The MySQL CAST target for a PostgreSQL type, or {@code null} when MySQL has none. {@code charTarget} tells
     * whether the type is a character type (a cast of a string literal to it can be dropped).
     */
    static String castTarget(TypeNameContext type) {
        if (type.SETOF() != null || !type.arraySuffix().getText().isEmpty()) {
            return null;
        }
        BaseTypeNameContext b = type.baseTypeName();
        String mods = "";
        List<String> args = new ArrayList<>();
        TypeModifiersContext tm = null;
        if (b instanceof CharacterTypeContext c) {
            tm = c.typeModifiers();
        } else if (b instanceof GenericTypeContext g) {
            tm = g.typeModifiers();
        } else if (b instanceof TimeTypeContext t) {
            tm = t.typeModifiers();
        }
        if (tm != null) {
            tm.typeModifier().forEach(m -> args.add(m.getText()));
            mods = "(" + String.join(",", args) + ")";
        }
        if (b instanceof DoublePrecisionTypeContext) {
            return "DOUBLE";
        }
        if (b instanceof CharacterTypeContext) {
            return "CHAR" + (args.isEmpty() ? "" : mods);
        }
        if (b instanceof TimeTypeContext t) {
            return t.TIME() != null ? "TIME" + mods : "DATETIME" + (args.isEmpty() ? "(6)" : mods);
        }
        if (!(b instanceof GenericTypeContext g)) {
            return null;
        }
        String n = g.qualifiedName().getText().toLowerCase(Locale.ROOT);
        n = n.startsWith("pg_catalog.") ? n.substring("pg_catalog.".length()) : n;
        switch (n) {
            case "text": case "varchar": case "bpchar": case "char": case "name": case "citext":
                return "CHAR" + (args.isEmpty() ? "" : mods);
            case "int": case "int2": case "int4": case "int8": case "integer": case "smallint": case "bigint":
                return "SIGNED";
            case "numeric": case "decimal":
                return "DECIMAL" + (args.isEmpty() ? "(65,30)" : mods);
            case "float8": return "DOUBLE";
            case "real": case "float4": return "FLOAT";
            case "date": return "DATE";
            case "timestamp": return "DATETIME" + (args.isEmpty() ? "(6)" : mods);
            case "timestamptz": return "DATETIME" + (args.isEmpty() ? "(6)" : mods);
            case "time": return "TIME" + mods;
            case "bytea": return "BINARY";
            case "json": case "jsonb": return "JSON";
            default: return null;
        }
    }

    private static boolean isCharacterCast(String target) {
        return target != null && target.startsWith("CHAR");
    }

    private final class Emitter extends TreeTextEmitter {

        @Override
        protected TargetSql run(ParseTree tree) {
            return super.run(tree);
        }

        private void fail(String construct) {
            untranslated(ActionItem.of(ActionCode.TO_MY_EXPRESSION_NOT_TRANSLATED, construct + " has no MySQL translation"));
        }

        @Override
        protected String terminal(Token t) {
            switch (t.getType()) {
                case PostgresLexer.STRING:
                    return mysqlString(t.getText().substring(1, t.getText().length() - 1).replace("''", "'"));
                case PostgresLexer.NATIONAL_STRING:
                    return mysqlString(t.getText().substring(2, t.getText().length() - 1).replace("''", "'"));
                case PostgresLexer.ESCAPE_STRING:
                case PostgresLexer.UNICODE_STRING:
                    fail("string literal " + t.getText());
                    return t.getText();
                case PostgresLexer.DOLLAR_STRING: {
                    String s = t.getText();
                    int open = s.indexOf('$', 1);
                    return mysqlString(s.substring(open + 1, s.length() - open - 1));
                }
                case PostgresLexer.PARAM:
                    fail("parameter " + t.getText());
                    return t.getText();
                default:
                    return t.getText();
            }
        }

        private String id(IdentifierContext id) {
            return MySqlIdentifiers.quote(names.apply(identifierName(id)));
        }

        @Override
        protected String rewrite(ParseTree n) {
            if (n instanceof IdentifierContext id) {
                return id(id);
            }
            if (n instanceof AnyNameContext a) {
                return a.identifier() != null ? id(a.identifier()) : MySqlIdentifiers.quote(a.getText().toLowerCase(Locale.ROOT));
            }
            if (n instanceof ColumnRefContext c) {
                List<IdentifierContext> parts = c.qualifiedName().identifier();
                // schema.table.column → table.column (the converted objects live in one database)
                List<IdentifierContext> keep = parts.size() > 2 ? parts.subList(parts.size() - 2, parts.size()) : parts;
                return keep.stream().map(this::id).collect(Collectors.joining("."));
            }
            if (n instanceof FromPrimaryContext f && f.qualifiedName() != null) {
                if (f.ONLY() != null || f.STAR() != null || f.tablesampleWord != null) {
                    fail("ONLY / * / TABLESAMPLE in FROM");
                }
                List<IdentifierContext> parts = f.qualifiedName().identifier();
                String table = names.apply(identifierName(parts.get(parts.size() - 1)));
                tables.add(table);
                return MySqlIdentifiers.quote(table) + (f.aliasClause() == null ? "" : " " + emit(f.aliasClause()));
            }
            if (n instanceof FromPrimaryContext f && f.functionCall() != null) {
                fail("a function in FROM");
                return original(f);
            }
            if (n instanceof AliasClauseContext a && (a.LPAREN() != null)) {
                fail("a column alias list");
                return original(a);
            }
            if (n instanceof CastOperatorContext c) {
                return cast(c.expr(), c.typeName());
            }
            if (n instanceof CastExprContext c) {
                return cast(c.expr(), c.typeName());
            }
            if (n instanceof BinaryContext b) {
                Token op = b.op;
                if (op.getType() == PostgresLexer.CONCAT) {
                    return "CONCAT(" + emit(b.expr(0)) + ", " + emit(b.expr(1)) + ")";
                }
                if (b.CARET() != null) {
                    return "POWER(" + emit(b.expr(0)) + ", " + emit(b.expr(1)) + ")";
                }
                if (op.getType() == PostgresLexer.OP) {
                    switch (op.getText()) {
                        case "~~": return emit(b.expr(0)) + " LIKE " + emit(b.expr(1));
                        case "!~~": return emit(b.expr(0)) + " NOT LIKE " + emit(b.expr(1));
                        default:
                            fail("operator " + op.getText());
                            return original(b);
                    }
                }
                if ((op.getType() == PostgresLexer.PLUS || op.getType() == PostgresLexer.MINUS)
                        && (temporal(b.expr(0)) || temporal(b.expr(1)))) {
                    fail("date/time arithmetic " + abbreviate(original(b)) + " (days in PostgreSQL, numbers in MySQL)");
                    return original(b);
                }
                if (op.getType() == PostgresLexer.SLASH) {
                    item(ActionItem.of(ActionCode.TO_MY_DIVISION, "Division " + abbreviate(original(b))
                            + ": integer operands truncate in PostgreSQL, not in MySQL"));
                }
                return null;
            }
            if (n instanceof UnaryContext u && u.op.getType() == PostgresLexer.OP) {
                fail("prefix operator " + u.op.getText());
                return original(u);
            }
            if (n instanceof LikeContext l && l.ILIKE() != null) {
                item(ActionItem.of(ActionCode.TO_MY_CASE_INSENSITIVE_LIKE, "ILIKE in " + abbreviate(original(l))));
                return "LOWER(" + emit(l.expr(0)) + ")" + (l.NOT() != null ? " NOT" : "") + " LIKE LOWER(" + emit(l.expr(1)) + ")"
                        + (l.ESCAPE() != null ? " ESCAPE " + emit(l.expr(2)) : "");
            }
            if (n instanceof QuantifiedContext q && q.expr().size() == 2 && q.expr(1) instanceof PrimaryContext p
                    && p.primaryExpr() instanceof ArrayExprContext a && a.LBRACKET() != null) {
                String op = q.comparisonOperator().getText();
                boolean any = q.ANY() != null || q.SOME() != null;
                if (any && op.equals("=") || !any && (op.equals("<>") || op.equals("!="))) {
                    List<String> values = new ArrayList<>();
                    for (ArrayElementContext e : a.arrayElement()) {
                        if (e.expr() == null) {
                            fail("a nested array");
                            return original(q);
                        }
                        values.add(emit(e.expr()));
                    }
                    return emit(q.expr(0)) + (any ? " IN (" : " NOT IN (") + String.join(", ", values) + ")";
                }
                fail("an array comparison");
                return original(q);
            }
            if (n instanceof IsContext i && i.DISTINCT() != null) {
                String eq = "(" + emit(i.expr(0)) + " <=> " + emit(i.expr(1)) + ")";
                return i.NOT() != null ? eq : "NOT " + eq;
            }
            if (n instanceof NullTestContext t) {
                return emit(t.expr()) + (t.ISNULL() != null ? " IS NULL" : " IS NOT NULL");
            }
            if (n instanceof SimilarContext || n instanceof AtTimeZoneContext || n instanceof SubscriptContext
                    || n instanceof CollateContext || n instanceof IsJsonContext || n instanceof IntervalLiteralContext
                    || n instanceof OverlayExprContext || n instanceof ArrayExprContext || n instanceof ParamExprContext
                    || n instanceof FieldAccessContext) {
                fail(describe(n) + " " + abbreviate(original(n)));
                return original(n);
            }
            if (n instanceof BetweenContext b && b.SYMMETRIC() != null) {
                fail("BETWEEN SYMMETRIC");
                return original(n);
            }
            if (n instanceof TypedLiteralContext t) {
                String type = t.qualifiedName().getText().toLowerCase(Locale.ROOT);
                if (type.equals("date") || type.equals("time") || type.equals("timestamp")) {
                    return type.toUpperCase(Locale.ROOT) + " " + emit(t.string());
                }
                fail("typed literal " + abbreviate(original(t)));
                return original(t);
            }
            if (n instanceof TimeLiteralContext t) {
                if (t.WITH() != null) {
                    fail("a literal with time zone");
                }
                return (t.getStart().getType() == PostgresLexer.TIME ? "TIME " : "TIMESTAMP ") + emit(t.string());
            }
            if (n instanceof SpecialFunctionContext s) {
                switch (s.getStart().getType()) {
                    case PostgresLexer.CURRENT_CATALOG:
                    case PostgresLexer.CURRENT_SCHEMA:
                        return "DATABASE()";
                    case PostgresLexer.SESSION_USER:
                    case PostgresLexer.USER:
                        return "SESSION_USER()";
                    case PostgresLexer.CURRENT_ROLE:
                        return "CURRENT_ROLE()";
                    case PostgresLexer.CURRENT_TIMESTAMP:
                    case PostgresLexer.LOCALTIMESTAMP:
                    case PostgresLexer.CURRENT_TIME:
                    case PostgresLexer.LOCALTIME:
                        // PostgreSQL keeps microseconds; MySQL's functions default to whole seconds
                        return s.getText().toUpperCase(Locale.ROOT) + (sf(s).INTEGER_LITERAL() == null ? "(6)" : "");
                    default:
                        return s.getText().toUpperCase(Locale.ROOT);
                }
            }
            if (n instanceof ExtractExprContext e) {
                String field = e.identifier() != null ? identifierName(e.identifier())
                        : e.string() != null ? e.string().getText().replace("'", "") : e.timeUnit().getText();
                field = field.toLowerCase(Locale.ROOT);
                if (!Set.of("year", "month", "day", "hour", "minute", "second", "quarter", "week", "microsecond").contains(field)) {
                    fail("EXTRACT(" + field + ")");
                    return original(e);
                }
                return "EXTRACT(" + field.toUpperCase(Locale.ROOT) + " FROM " + emit(e.expr()) + ")";
            }
            if (n instanceof FunctionCallContext f) {
                return function(f);
            }
            if (n instanceof SelectCoreContext s && s.ON() != null) {
                fail("DISTINCT ON");
                return original(s);
            }
            if (n instanceof SelectCoreContext s && s.INTO() != null) {
                fail("SELECT INTO");
                return original(s);
            }
            if (n instanceof SortItemContext s && (s.NULLS() != null || s.USING() != null)) {
                fail("NULLS FIRST/LAST or USING in ORDER BY");
                return original(s);
            }
            if (n instanceof LimitClauseContext l && (l.FETCH() != null || l.ALL() != null)) {
                if (l.FETCH() != null && l.expr() != null && l.ONLY() != null) {
                    return "LIMIT " + emit(l.expr());
                }
                fail("LIMIT ALL / FETCH WITH TIES");
                return original(l);
            }
            if (n instanceof LockingClauseContext || n instanceof ValuesClauseContext || n instanceof FrameClauseContext f0
                    && (f0.GROUPS() != null || f0.EXCLUDE() != null)) {
                fail(describe(n));
                return original(n);
            }
            if (n instanceof QueryPrimaryContext q && q.TABLE() != null) {
                fail("TABLE name");
                return original(q);
            }
            if (n instanceof GroupItemContext g && (g.rollupWord != null || g.groupingWord != null || g.LPAREN() != null && g.expr().isEmpty())) {
                fail("ROLLUP / CUBE / GROUPING SETS");
                return original(g);
            }
            if (n instanceof CommonTableExpressionContext c && (c.MATERIALIZED() != null || c.searchWord != null
                    || c.query() == null)) {
                fail("a data-modifying or MATERIALIZED / SEARCH common table expression");
                return original(c);
            }
            if (n instanceof TerminalNode t && t.getSymbol().getType() == PostgresLexer.ILIKE) {
                return "LIKE";
            }
            return null;
        }

        /** Whether an operand is a date/time value: a temporal column, a datetime special function or now(). */
        private boolean temporal(ExprContext e) {
            if (e instanceof PrimaryContext p) {
                PrimaryExprContext pe = p.primaryExpr();
                if (pe instanceof ParenExprContext par) {
                    return temporal(par.expr());
                }
                if (pe instanceof ColumnRefContext c) {
                    List<IdentifierContext> parts = c.qualifiedName().identifier();
                    return temporalColumn.test(identifierName(parts.get(parts.size() - 1)));
                }
                if (pe instanceof SpecialFunctionExprContext sf) {
                    int t = sf.specialFunction().getStart().getType();
                    return t == PostgresLexer.CURRENT_DATE || t == PostgresLexer.CURRENT_TIMESTAMP || t == PostgresLexer.LOCALTIMESTAMP
                            || t == PostgresLexer.CURRENT_TIME || t == PostgresLexer.LOCALTIME;
                }
                if (pe instanceof FunctionExprContext f) {
                    return f.functionCall().functionName().getText().equalsIgnoreCase("now");
                }
                return pe instanceof TimeLiteralContext || pe instanceof IntervalLiteralContext;
            }
            if (e instanceof CastOperatorContext c) {
                String t = c.typeName().getText().toLowerCase(Locale.ROOT);
                return t.startsWith("date") || t.startsWith("time") || t.startsWith("interval");
            }
            return false;
        }

        private SpecialFunctionExprContext sf(SpecialFunctionContext s) {
            return (SpecialFunctionExprContext) s.getParent();
        }

        private String describe(ParseTree n) {
            String s = n.getClass().getSimpleName().replace("Context", "");
            return s.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        }

        private String cast(ExprContext operand, TypeNameContext type) {
            if (transparentTypes.contains(type.getText().toLowerCase(Locale.ROOT).replace("\"", ""))) {
                return emit(operand);
            }
            // (0)::numeric: look through the parentheses for the literal
            ExprContext inner = operand;
            while (inner instanceof PrimaryContext p && p.primaryExpr() instanceof ParenExprContext par) {
                inner = par.expr();
            }
            operand = inner;
            String target = castTarget(type);
            if (target == null) {
                String t = type.getText().toLowerCase(Locale.ROOT);
                if (t.equals("regclass") || t.equals("oid")) {
                    fail("a cast to " + t);
                    return original(operand);
                }
                if (t.equals("boolean") || t.equals("bool")) {
                    return emit(operand);
                }
                fail("a cast to " + t);
                return original(operand) + "::" + original(type);
            }
            // a literal cast to a character or numeric type needs no cast in MySQL ('abc'::character varying)
            if (operand instanceof PrimaryContext p && p.primaryExpr() instanceof LiteralExprContext l
                    && (isCharacterCast(target) && l.literal().string() != null
                    || (target.equals("SIGNED") || target.startsWith("DECIMAL") || target.equals("DOUBLE"))
                    && (l.literal().INTEGER_LITERAL() != null || l.literal().NUMERIC_LITERAL() != null)
                    || l.literal().NULL() != null)) {
                return emit(operand);
            }
            // (name)::text on a varchar column is a no-op in PostgreSQL; CAST(.. AS CHAR) would switch to the
            // connection's collation in MySQL (often case-insensitive), so the column is kept as it is
            if (target.equals("CHAR") && operand instanceof PrimaryContext p && p.primaryExpr() instanceof ColumnRefContext c) {
                List<IdentifierContext> parts = c.qualifiedName().identifier();
                if (textColumn.test(identifierName(parts.get(parts.size() - 1)))) {
                    return emit(operand);
                }
            }
            if (target.startsWith("DATE") || target.startsWith("TIME")) {
                if (operand instanceof PrimaryContext p && p.primaryExpr() instanceof LiteralExprContext l && l.literal().string() != null) {
                    return "CAST(" + emit(operand) + " AS " + target + ")";
                }
            }
            return "CAST(" + emit(operand) + " AS " + target + ")";
        }

        private String function(FunctionCallContext f) {
            if (f.FILTER() != null || f.WITHIN() != null || f.VARIADIC() != null) {
                fail("FILTER / WITHIN GROUP / VARIADIC in " + abbreviate(original(f)));
                return original(f);
            }
            FunctionNameContext fn = f.functionName();
            String name;
            if (fn.qualifiedName() != null) {
                List<IdentifierContext> parts = fn.qualifiedName().identifier();
                if (parts.size() > 1 && !identifierName(parts.get(0)).equals("pg_catalog")) {
                    fail("function " + fn.getText());
                    return original(f);
                }
                name = identifierName(parts.get(parts.size() - 1));
            } else {
                name = fn.getText().toLowerCase(Locale.ROOT);
            }
            if (name.equals("nextval") || name.equals("currval")) {
                if (f.functionArgument().size() == 1) {
                    ExprContext a = f.functionArgument(0).expr();
                    if (a instanceof CastOperatorContext c) {
                        a = c.expr();
                    }
                    if (a instanceof PrimaryContext p && p.primaryExpr() instanceof LiteralExprContext l && l.literal().string() != null
                            && l.literal().string().STRING() != null) {
                        String raw = l.literal().getText();
                        String seq = raw.substring(1, raw.length() - 1).replace("''", "'");
                        seq = seq.substring(seq.lastIndexOf('.') + 1).replace("\"", "");
                        if (sequences.test(seq)) {
                            String mf = name.equals("nextval") ? "NEXTVAL" : "LASTVAL";
                            item(ActionItem.of(ActionCode.TO_MY_SEQUENCE_MARIADB, name + "('" + seq + "') → " + mf + "(" + seq + ")"));
                            return mf + "(" + MySqlIdentifiers.quote(names.apply(seq)) + ")";
                        }
                    }
                }
            }
            List<String> args = f.functionArgument().stream().map(a -> {
                if (a.identifier() != null) {
                    fail("named argument in " + name);
                }
                return emit(a.expr());
            }).toList();
            String distinct = f.DISTINCT() != null ? "DISTINCT " : "";
            String over = f.OVER() == null ? "" : " " + children(f, indexOf(f, f.OVER()), f.getChildCount());
            String order = f.orderByClause().isEmpty() ? "" : " " + emit(f.orderByClause(0));
            switch (name) {
                case "strpos":
                    if (args.size() == 2) {
                        item(ActionItem.of(ActionCode.TO_MY_FUNCTION_REWRITTEN, "strpos(a, b) → LOCATE(b, a)"));
                        return "LOCATE(" + args.get(1) + ", " + args.get(0) + ")";
                    }
                    break;
                case "string_agg":
                    if (args.size() == 2) {
                        item(ActionItem.of(ActionCode.TO_MY_STRING_AGG, "string_agg → GROUP_CONCAT"));
                        return "GROUP_CONCAT(" + distinct + args.get(0) + order + " SEPARATOR " + args.get(1) + ")" + over;
                    }
                    break;
                case "date_part":
                    break;
                default:
                    if (!order.isEmpty()) {
                        break;
                    }
                    if (f.STAR() != null) {
                        if (name.equals("count")) {
                            return "COUNT(*)" + over;
                        }
                        break;
                    }
                    String mysql = RENAMED.get(name);
                    if (mysql != null) {
                        item(ActionItem.of(ActionCode.TO_MY_FUNCTION_REWRITTEN, name + "() → " + mysql + "()"));
                        return mysql + "(" + distinct + String.join(", ", args) + ")" + over;
                    }
                    if (name.equals("now") && args.isEmpty()) {
                        return "NOW(6)";
                    }
                    if (SAME.contains(name)) {
                        return name.toUpperCase(Locale.ROOT) + "(" + distinct + String.join(", ", args) + ")" + over;
                    }
            }
            fail("function " + name + "()");
            return original(f);
        }

        private int indexOf(ParseTree parent, ParseTree child) {
            for (int i = 0; i < parent.getChildCount(); i++) {
                if (parent.getChild(i) == child) {
                    return i;
                }
            }
            return parent.getChildCount();
        }
    }
}
