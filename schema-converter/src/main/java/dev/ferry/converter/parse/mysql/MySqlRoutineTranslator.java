package dev.ferry.converter.parse.mysql;

import dev.ferry.converter.assess.ActionCode;
import dev.ferry.converter.assess.ActionItem;
import dev.ferry.converter.naming.PostgresIdentifiers;
import dev.ferry.converter.types.MySqlToPostgresTypes;
import dev.ferry.grammar.mysql.MySqlParser;
import org.antlr.v4.runtime.ParserRuleContext;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Translates MySQL stored functions and triggers to PL/pgSQL by walking their parse trees: DECLARE (variables), SET,
 * IF/ELSEIF/ELSE, WHILE/REPEAT/LOOP with labels, LEAVE/ITERATE, RETURN, SELECT ... INTO, INSERT/UPDATE/DELETE, nested BEGIN ... END, and handlers {@code FOR NOT
 * FOUND} whose action is a RETURN or SET (re-expressed as {@code IF NOT FOUND THEN ...} after each SELECT INTO).
 * Local variables shadow columns as in MySQL ({@code #variable_conflict use_variable}). Anything else (cursors,
 * SIGNAL, other handlers, CASE statements, procedures) makes the routine untranslated, with an item naming the construct.
 *
 * <p>Threading: not thread-safe; one instance per conversion.
 */
public final class MySqlRoutineTranslator {

    /**
     * A translated routine or trigger.
     *
     * @param sql        the PostgreSQL DDL (function, plus the CREATE TRIGGER for triggers), null when not translated
     * @param items      action items
     * @param tables     tables the body touches (lower case)
     * @param translated whether the whole body was translated
     */
    public record Result(String sql, List<ActionItem> items, Set<String> tables, boolean translated) {
    }

    private final MySqlToPostgresSql sql;
    private final String schema;
    private List<ActionItem> items;
    private Set<String> tables;
    private boolean ok;
    private String notFoundAction;
    private final List<String> declarations = new ArrayList<>();

    MySqlRoutineTranslator(MySqlToPostgresSql sql, String schema) {
        this.sql = sql;
        this.schema = schema;
    }

    private void reset() {
        items = new ArrayList<>();
        tables = new LinkedHashSet<>();
        ok = true;
        notFoundAction = null;
        declarations.clear();
    }

    /** CREATE FUNCTION → a PL/pgSQL function. */
    Result function(MySqlParser.CreateFunctionContext f) {
        reset();
        String name = MySqlToPostgresConverter.pgName(MySqlScriptSchemaBuilder.last(f.fullId()));
        List<String> params = new ArrayList<>();
        for (MySqlParser.FunctionParameterContext p : f.functionParameter()) {
            params.add(PostgresIdentifiers.quote(MySqlToPostgresConverter.pgName(MySqlScriptSchemaBuilder.name(p.id())))
                    + " " + type(p.id().getText(), p.dataType()));
        }
        String returns = type("return value", f.dataType());
        String body = body(f.routineBody().routineStatement(), "");
        String ddl = "CREATE FUNCTION " + PostgresIdentifiers.quote(schema) + "." + PostgresIdentifiers.quote(name) + "("
                + String.join(", ", params) + ") RETURNS " + returns + " LANGUAGE plpgsql AS $$\n" + wrap(body);
        return new Result(ok ? ddl : null, items, tables, ok);
    }

    /** CREATE TRIGGER → a trigger function and its CREATE TRIGGER. */
    Result trigger(MySqlParser.CreateTriggerContext t) {
        reset();
        String name = MySqlToPostgresConverter.pgName(MySqlScriptSchemaBuilder.last(t.fullId(0)));
        String table = MySqlToPostgresConverter.pgName(MySqlScriptSchemaBuilder.last(t.tableName().fullId()));
        String timing = t.triggerTime.getText().toUpperCase(Locale.ROOT);
        String event = t.triggerEvent.getText().toUpperCase(Locale.ROOT);
        if (t.FOLLOWS() != null || t.PRECEDES() != null) {
            items.add(ActionItem.of(ActionCode.MY_TRIGGER_NOT_CONVERTED, "FOLLOWS/PRECEDES of trigger " + name
                    + " dropped: PostgreSQL fires triggers in name order"));
        }
        String ret = timing.equals("AFTER") ? "NULL" : event.equals("DELETE") ? "OLD" : "NEW";
        String body = body(t.routineBody().routineStatement(), "") + "    RETURN " + ret + ";\n";
        String fn = PostgresIdentifiers.quote(schema) + "." + PostgresIdentifiers.quote(name);
        String ddl = "CREATE FUNCTION " + fn + "() RETURNS trigger LANGUAGE plpgsql AS $$\n" + wrap(body)
                + ";\nCREATE TRIGGER " + PostgresIdentifiers.quote(name) + " " + timing + " " + event + " ON "
                + PostgresIdentifiers.quote(schema) + "." + PostgresIdentifiers.quote(table)
                + " FOR EACH ROW EXECUTE FUNCTION " + fn + "()";
        return new Result(ok ? ddl : null, items, tables, ok);
    }

    private String wrap(String body) {
        StringBuilder sb = new StringBuilder("#variable_conflict use_variable\n");
        if (!declarations.isEmpty()) {
            sb.append("DECLARE\n");
            declarations.forEach(d -> sb.append("    ").append(d).append('\n'));
        }
        return sb.append("BEGIN\n").append(body).append("END\n$$").toString();
    }

    private String type(String what, MySqlParser.DataTypeContext d) {
        MySqlToPostgresTypes.Mapping m = MySqlToPostgresTypes.defaultMapping(what, MySqlScriptSchemaBuilder.dataType(d));
        if (!m.mapped()) {
            fail("type " + MySqlParserFacade.textOf(d), d);
        }
        return m.sqlType();
    }

    /** The statements of a body (a BEGIN ... END block is flattened into the function's block). */
    private String body(MySqlParser.RoutineStatementContext st, String indent) {
        if (st.blockStatement() != null && st.blockStatement().beginLabel() == null) {
            return statements(st.blockStatement().routineStatementList(), indent + "    ");
        }
        return statement(st, indent + "    ");
    }

    private String statements(MySqlParser.RoutineStatementListContext list, String indent) {
        StringBuilder sb = new StringBuilder();
        for (MySqlParser.RoutineStatementContext s : list.routineStatement()) {
            sb.append(statement(s, indent));
        }
        return sb.toString();
    }

    private String statement(MySqlParser.RoutineStatementContext st, String indent) {
        if (st.declareStatement() != null) {
            declare(st.declareStatement());
            return "";
        }
        if (st.blockStatement() != null) {
            return indent + label(st.blockStatement().beginLabel()) + "BEGIN\n"
                    + statements(st.blockStatement().routineStatementList(), indent + "    ") + indent + "END;\n";
        }
        if (st.whileStatement() != null) {
            MySqlParser.WhileStatementContext w = st.whileStatement();
            return indent + label(w.beginLabel()) + "WHILE " + expr(w.expression()) + " LOOP\n"
                    + statements(w.routineStatementList(), indent + "    ") + indent + "END LOOP;\n";
        }
        if (st.repeatStatement() != null) {
            MySqlParser.RepeatStatementContext r = st.repeatStatement();
            return indent + label(r.beginLabel()) + "LOOP\n" + statements(r.routineStatementList(), indent + "    ")
                    + indent + "    EXIT WHEN " + expr(r.expression()) + ";\n" + indent + "END LOOP;\n";
        }
        if (st.loopStatement() != null) {
            MySqlParser.LoopStatementContext l = st.loopStatement();
            return indent + label(l.beginLabel()) + "LOOP\n" + statements(l.routineStatementList(), indent + "    ")
                    + indent + "END LOOP;\n";
        }
        if (st.leaveStatement() != null) {
            return indent + "EXIT " + labelName(st.leaveStatement().id()) + ";\n";
        }
        if (st.iterateStatement() != null) {
            return indent + "CONTINUE " + labelName(st.iterateStatement().id()) + ";\n";
        }
        if (st.returnStatement() != null) {
            return indent + "RETURN " + expr(st.returnStatement().expression()) + ";\n";
        }
        if (st.ifStatement() != null) {
            MySqlParser.IfStatementContext i = st.ifStatement();
            StringBuilder sb = new StringBuilder();
            List<MySqlParser.ExpressionContext> conds = i.expression();
            List<MySqlParser.RoutineStatementListContext> lists = i.routineStatementList();
            for (int k = 0; k < conds.size(); k++) {
                sb.append(indent).append(k == 0 ? "IF " : "ELSIF ").append(expr(conds.get(k))).append(" THEN\n")
                        .append(statements(lists.get(k), indent + "    "));
            }
            if (lists.size() > conds.size()) {
                sb.append(indent).append("ELSE\n").append(statements(lists.get(lists.size() - 1), indent + "    "));
            }
            return sb.append(indent).append("END IF;\n").toString();
        }
        MySqlParser.SqlStatementInRoutineContext s = st.sqlStatementInRoutine();
        if (s != null && s.setStatement() instanceof MySqlParser.SetVariablesContext sv) {
            StringBuilder sb = new StringBuilder();
            for (MySqlParser.SetAssignmentContext a : sv.setAssignment()) {
                if (a.setTarget().columnRef() == null || a.setValue().expression() == null) {
                    fail("SET " + MySqlParserFacade.textOf(a), a);
                    continue;
                }
                MySqlToPostgresSql.Translation target = sql.run(a.setTarget().columnRef());
                sb.append(indent).append(target.sql()).append(" := ").append(expr(a.setValue().expression())).append(";\n");
            }
            return sb.toString();
        }
        if (s != null && (s.selectStatement() != null || s.insertStatement() != null || s.updateStatement() != null
                || s.deleteStatement() != null)) {
            ParserRuleContext dml = (ParserRuleContext) s.getChild(0);
            MySqlToPostgresSql.Translation x = sql.run(dml);
            items.addAll(x.items());
            tables.addAll(x.tables());
            ok &= x.translated();
            String out = indent + x.sql().replace("\n", "\n" + indent) + ";\n";
            if (s.selectStatement() != null && notFoundAction != null && hasInto(s.selectStatement())) {
                out += indent + "IF NOT FOUND THEN\n" + indent + "    " + notFoundAction + "\n" + indent + "END IF;\n";
            }
            return out;
        }
        fail(MySqlParserFacade.textOf(st).split("\\s+")[0].toUpperCase(Locale.ROOT) + " statement", st);
        return "";
    }

    private static String label(MySqlParser.BeginLabelContext l) {
        return l == null ? "" : "<<" + labelName(l.id()) + ">> ";
    }

    private static String labelName(MySqlParser.IdContext id) {
        return PostgresIdentifiers.quote(MySqlToPostgresConverter.pgName(MySqlScriptSchemaBuilder.name(id)));
    }

    private static boolean hasInto(MySqlParser.SelectStatementContext s) {
        return !s.intoClause().isEmpty() || s.queryExpression().queryBody().queryTerm(0).querySpecification() != null
                && s.queryExpression().queryBody().queryTerm(0).querySpecification().intoClause() != null;
    }

    private void declare(MySqlParser.DeclareStatementContext d) {
        if (d instanceof MySqlParser.DeclareVariableContext v) {
            String type = type(v.id(0).getText(), v.dataType());
            for (MySqlParser.IdContext id : v.id()) {
                declarations.add(PostgresIdentifiers.quote(MySqlToPostgresConverter.pgName(MySqlScriptSchemaBuilder.name(id)))
                        + " " + type + (v.expression() == null ? "" : " := " + expr(v.expression())) + ";");
            }
        } else if (d instanceof MySqlParser.DeclareHandlerContext h && h.handlerCondition().size() == 1
                && h.handlerCondition(0).NOT() != null && h.handlerCondition(0).FOUND() != null && h.UNDO() == null) {
            MySqlParser.RoutineStatementContext action = h.routineStatement();
            if (action.returnStatement() != null) {
                notFoundAction = "RETURN " + expr(action.returnStatement().expression()) + ";";
            } else if (h.CONTINUE() != null && action.sqlStatementInRoutine() != null
                    && action.sqlStatementInRoutine().setStatement() != null) {
                notFoundAction = statement(action, "").trim();
            } else {
                fail("NOT FOUND handler with " + MySqlParserFacade.textOf(action), h);
            }
            items.add(ActionItem.of(ActionCode.MY_HANDLER_TO_FOUND, "DECLARE " + (h.CONTINUE() != null ? "CONTINUE" : "EXIT")
                    + " HANDLER FOR NOT FOUND became IF NOT FOUND checks after SELECT ... INTO", h.getStart().getLine(),
                    h.getStart().getCharPositionInLine() + 1));
        } else {
            fail(MySqlParserFacade.textOf(d).replaceAll("\\s+", " "), d);
        }
    }

    private String expr(ParserRuleContext e) {
        MySqlToPostgresSql.Translation x = sql.run(e);
        items.addAll(x.items());
        tables.addAll(x.tables());
        ok &= x.translated();
        return x.sql();
    }

    private void fail(String what, ParserRuleContext ctx) {
        ok = false;
        items.add(ActionItem.of(ActionCode.MY_ROUTINE_NOT_CONVERTED, what + " has no automatic PL/pgSQL translation",
                ctx.getStart().getLine(), ctx.getStart().getCharPositionInLine() + 1));
    }
}
