package dev.ferry.converter.parse.sqlite;

import dev.ferry.converter.assess.ActionCode;
import dev.ferry.converter.assess.ActionItem;
import dev.ferry.converter.naming.MySqlIdentifiers;
import dev.ferry.converter.parse.TargetSql;
import dev.ferry.converter.parse.TreeTextEmitter;
import dev.ferry.grammar.sqlite.SqliteLexer;
import dev.ferry.grammar.sqlite.SqliteParser;
import dev.ferry.grammar.sqlite.SqliteParser.*;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Translates SQLite expressions (defaults, checks, generated columns, index expressions) and view queries to MySQL /
 * MariaDB on our SQLite parse tree: identifiers ({@code "x"}, {@code [x]}, {@code `x`}, bare) become the converted
 * MySQL names, {@code ||} → {@code CONCAT}, {@code ifnull}/{@code iif} → {@code IFNULL}/{@code IF}, scalar
 * {@code max}/{@code min} → {@code GREATEST}/{@code LEAST}, {@code group_concat(x, sep)} → {@code GROUP_CONCAT(x
 * SEPARATOR sep)}, {@code datetime('now')} → {@code CURRENT_TIMESTAMP}, string literals re-escaped for MySQL. GLOB,
 * MATCH, strftime, typeof and other SQLite-only constructs mark the result untranslated with an item.
 *
 * <p>Threading: not thread-safe; one instance per conversion.
 */
public final class SqliteToMySqlSql {

    private static final Set<String> SAME = Set.of("coalesce", "nullif", "upper", "lower", "abs", "round", "substr",
            "substring", "replace", "trim", "ltrim", "rtrim", "instr", "hex", "count", "sum", "avg", "row_number", "rank",
            "dense_rank", "percent_rank", "cume_dist", "lag", "lead", "first_value", "last_value", "nth_value", "ntile",
            "char", "unicode", "sign", "ceil", "ceiling", "floor", "ln", "log10", "power", "pow", "sqrt", "exp", "mod",
            "pi", "sin", "cos", "tan", "asin", "acos", "atan", "atan2", "degrees", "radians");

    private static final Map<String, String> RENAMED = Map.of("ifnull", "IFNULL", "iif", "IF", "length", "CHAR_LENGTH",
            "unicode", "ORD");

    private final UnaryOperator<String> names;

    /** @param names maps a SQLite name (quotes removed) to its MySQL name (unquoted form) */
    public SqliteToMySqlSql(UnaryOperator<String> names) {
        this.names = names;
    }

    public TargetSql expression(String sqlite) {
        try {
            SelectStatementContext s = parse("SELECT " + sqlite).statement().selectStatement();
            return new Emitter().run(s.selectCore(0).resultColumn(0).expr());
        } catch (RuntimeException e) {
            return TargetSql.failed(sqlite, ActionItem.of(ActionCode.TO_MY_EXPRESSION_NOT_TRANSLATED,
                    "Expression " + sqlite + " does not parse with Ferry's SQLite grammar: " + e.getMessage()));
        }
    }

    public TargetSql query(String sqlite) {
        try {
            SelectStatementContext s = parse(sqlite).statement().selectStatement();
            if (s == null) {
                throw new IllegalArgumentException("not a query");
            }
            return new Emitter().run(s);
        } catch (RuntimeException e) {
            return TargetSql.failed(sqlite, ActionItem.of(ActionCode.TO_MY_EXPRESSION_NOT_TRANSLATED,
                    "Query does not parse with Ferry's SQLite grammar: " + e.getMessage()));
        }
    }

    private static SingleStatementContext parse(String text) {
        SqliteLexer lexer = new SqliteLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        lexer.addErrorListener(THROWING);
        SqliteParser parser = new SqliteParser(new CommonTokenStream(lexer));
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

    static String unquote(String t) {
        if (t.startsWith("\"") || t.startsWith("`")) {
            char q = t.charAt(0);
            return t.substring(1, t.length() - 1).replace("" + q + q, "" + q);
        }
        if (t.startsWith("[")) {
            return t.substring(1, t.length() - 1);
        }
        return t;
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
            return MySqlIdentifiers.quote(names.apply(unquote(id.getText())));
        }

        @Override
        protected String terminal(Token t) {
            if (t.getType() == SqliteLexer.STRING_LITERAL) {
                return mysqlString(t.getText().substring(1, t.getText().length() - 1).replace("''", "'"));
            }
            if (t.getType() == SqliteLexer.BLOB_LITERAL) {
                return "X" + t.getText().substring(1);
            }
            if (t.getType() == SqliteLexer.BIND_PARAMETER) {
                fail("parameter " + t.getText());
            }
            return t.getText();
        }

        @Override
        protected String rewrite(ParseTree n) {
            if (n instanceof IdentifierContext id) {
                return id(id);
            }
            if (n instanceof ColumnExprContext c) {
                List<IdentifierContext> parts = c.qualifiedName().identifier();
                if (parts.size() == 1 && parts.get(0).IDENTIFIER() != null) {
                    String w = parts.get(0).getText().toLowerCase(Locale.ROOT);
                    if (w.equals("true") || w.equals("false")) {
                        return w.toUpperCase(Locale.ROOT);
                    }
                }
                List<IdentifierContext> keep = parts.size() > 2 ? parts.subList(parts.size() - 2, parts.size()) : parts;
                if (parts.size() == 2 && unquote(parts.get(0).getText()).equalsIgnoreCase("main")) {
                    keep = parts.subList(1, 2);
                }
                return keep.stream().map(this::id).collect(Collectors.joining("."));
            }
            if (n instanceof TableOrSubqueryContext t && t.qualifiedName() != null) {
                if (t.LPAREN() != null) {
                    fail("a table-valued function");
                    return original(t);
                }
                if (t.INDEXED() != null) {
                    fail("INDEXED BY");
                }
                List<IdentifierContext> parts = t.qualifiedName().identifier();
                String table = names.apply(unquote(parts.get(parts.size() - 1).getText()));
                tables.add(table);
                return MySqlIdentifiers.quote(table) + (t.alias() == null ? "" : " AS " + emit(t.alias()));
            }
            if (n instanceof AliasContext a) {
                return a.identifier() != null ? id(a.identifier())
                        : MySqlIdentifiers.quote(a.getText().substring(1, a.getText().length() - 1).replace("''", "'"));
            }
            if (n instanceof BinaryExprContext b) {
                switch (b.op.getType()) {
                    case SqliteLexer.PIPE2:
                        return "CONCAT(" + emit(b.expr(0)) + ", " + emit(b.expr(1)) + ")";
                    case SqliteLexer.JPTR: case SqliteLexer.JPTR2:
                        fail("JSON operator " + b.op.getText());
                        return original(b);
                    case SqliteLexer.DIV:
                        item(ActionItem.of(ActionCode.TO_MY_DIVISION, "Division in " + original(b)));
                        return null;
                    case SqliteLexer.ASSIGN:
                        return emit(b.expr(0)) + " = " + emit(b.expr(1));
                    default:
                        return null;
                }
            }
            if (n instanceof IsExprContext i) {
                String eq = "(" + emit(i.expr(0)) + " <=> " + emit(i.expr(1)) + ")";
                return i.NOT() != null ? "NOT " + eq : eq;
            }
            if (n instanceof NullTestExprContext t) {
                return emit(t.expr()) + (t.ISNULL() != null ? " IS NULL" : " IS NOT NULL");
            }
            if (n instanceof LikeExprContext l && l.op.getType() != SqliteLexer.LIKE && l.op.getType() != SqliteLexer.REGEXP) {
                fail(l.op.getText().toUpperCase(Locale.ROOT));
                return original(l);
            }
            if (n instanceof CastExprContext c) {
                String target = castTarget(c.typeName().getText().toLowerCase(Locale.ROOT));
                if (target == null) {
                    fail("CAST AS " + c.typeName().getText());
                    return original(c);
                }
                return "CAST(" + emit(c.expr()) + " AS " + target + ")";
            }
            if (n instanceof RaiseExprContext || n instanceof CollateExprContext || n instanceof ParameterExprContext
                    || n instanceof FilterClauseContext || n instanceof FrameSpecContext f && (f.GROUPS() != null || f.EXCLUDE() != null)) {
                fail(original(n));
                return original(n);
            }
            if (n instanceof OrderingTermContext o && (o.NULLS() != null || o.COLLATE() != null)) {
                fail("NULLS FIRST/LAST or COLLATE in ORDER BY");
                return original(o);
            }
            if (n instanceof LimitClauseContext l && l.COMMA() != null) {
                return "LIMIT " + emit(l.expr(0)) + ", " + emit(l.expr(1));
            }
            if (n instanceof FunctionExprContext f) {
                return function(f);
            }
            return null;
        }

        private String function(FunctionExprContext f) {
            String name = unquote(f.functionName().getText()).toLowerCase(Locale.ROOT);
            List<String> args = f.expr().stream().map(this::emit).toList();
            String distinct = f.DISTINCT() != null ? "DISTINCT " : "";
            String over = f.overClause() == null ? "" : " " + emit(f.overClause());
            if (f.filterClause() != null || f.orderByClause() != null) {
                fail("FILTER / ORDER BY in " + name + "()");
                return original(f);
            }
            if (f.STAR() != null) {
                if (name.equals("count")) {
                    return "COUNT(*)" + over;
                }
                fail(name + "(*)");
                return original(f);
            }
            switch (name) {
                case "max": case "min":
                    if (args.size() > 1) {
                        String m = name.equals("max") ? "GREATEST" : "LEAST";
                        item(ActionItem.of(ActionCode.TO_MY_FUNCTION_REWRITTEN, "scalar " + name + "() → " + m + "()"));
                        return m + "(" + String.join(", ", args) + ")";
                    }
                    return name.toUpperCase(Locale.ROOT) + "(" + distinct + String.join(", ", args) + ")" + over;
                case "group_concat":
                    item(ActionItem.of(ActionCode.TO_MY_STRING_AGG, "group_concat → GROUP_CONCAT"));
                    return "GROUP_CONCAT(" + distinct + args.get(0) + (args.size() > 1 ? " SEPARATOR " + args.get(1) : " SEPARATOR ','") + ")" + over;
                case "date": case "datetime": case "time":
                    if (args.size() == 1 && f.expr(0).getText().equalsIgnoreCase("'now'")) {
                        return name.equals("date") ? "CURRENT_DATE" : name.equals("time") ? "CURRENT_TIME" : "CURRENT_TIMESTAMP";
                    }
                    break;
                default:
                    String m = RENAMED.get(name);
                    if (m != null) {
                        item(ActionItem.of(ActionCode.TO_MY_FUNCTION_REWRITTEN, name + "() → " + m + "()"));
                        return m + "(" + distinct + String.join(", ", args) + ")" + over;
                    }
                    if (SAME.contains(name)) {
                        return name.toUpperCase(Locale.ROOT) + "(" + distinct + String.join(", ", args) + ")" + over;
                    }
            }
            fail("function " + name + "()");
            return original(f);
        }
    }

    /** MySQL CAST target for a SQLite type (by affinity), or null. */
    static String castTarget(String type) {
        if (type.contains("int")) {
            return "SIGNED";
        }
        if (type.contains("char") || type.contains("clob") || type.contains("text")) {
            return "CHAR";
        }
        if (type.contains("blob")) {
            return "BINARY";
        }
        if (type.contains("real") || type.contains("floa") || type.contains("doub")) {
            return "DOUBLE";
        }
        if (type.startsWith("numeric") || type.startsWith("decimal")) {
            return "DECIMAL(65,30)";
        }
        return null;
    }
}
