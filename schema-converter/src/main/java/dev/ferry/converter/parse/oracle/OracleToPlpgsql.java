package dev.ferry.converter.parse.oracle;

import dev.ferry.converter.assess.ActionCode;
import dev.ferry.converter.assess.ActionItem;
import dev.ferry.converter.naming.PostgresIdentifiers;
import dev.ferry.converter.types.OracleToPostgresTypes;
import dev.ferry.grammar.oracle.OracleLexer;
import dev.ferry.grammar.oracle.OracleParser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Translates PL/SQL units (procedures, functions, trigger bodies, package members, anonymous blocks) to PL/pgSQL by
 * walking the ANTLR parse tree: declarations and statements are re-emitted structurally, expressions, queries and DML
 * go through {@link OracleToPostgresSql}'s emitter with a PL/SQL {@link OracleToPostgresSql.Hook} (:NEW/:OLD,
 * INSERTING, cursor attributes, SQL%ROWCOUNT, collections, package members). Every construct that changes meaning or
 * could not be translated adds an {@link ActionItem}.
 *
 * <p>Threading: not thread-safe; one instance per conversion (it is cheap).
 */
final class OracleToPlpgsql {

    /** What kind of PL/pgSQL unit is being produced. */
    enum Kind { PROCEDURE, FUNCTION, TRIGGER, BLOCK }

    /** Trigger facts the body translation needs. */
    record TriggerInfo(boolean row, String returnStatement, Set<String> newNames, Set<String> oldNames) {
    }

    /** Package context for members: its schema, members (upper-case name → is procedure), state and constants. */
    record PackageInfo(String pgSchema, Map<String, Boolean> members, Set<String> variables, Map<String, String> constants,
                       Map<String, String> types, Set<String> collectionTypes, Map<String, String> exceptions,
                       Map<String, Setting> settings) {
    }

    /** A scalar package variable kept in a custom setting {@code name}: its type and default (SQL text, or null). */
    record Setting(String name, String type, String defaultSql) {
        String read() {
            String v = "CAST(NULLIF(current_setting('" + name + "', true), '') AS " + type + ")";
            return defaultSql == null ? v : "COALESCE(" + v + ", " + defaultSql + ")";
        }
    }

    private static final Map<String, String> PREDEFINED = Map.ofEntries(
            Map.entry("NO_DATA_FOUND", "no_data_found"), Map.entry("TOO_MANY_ROWS", "too_many_rows"),
            Map.entry("DUP_VAL_ON_INDEX", "unique_violation"), Map.entry("ZERO_DIVIDE", "division_by_zero"),
            Map.entry("INVALID_NUMBER", "invalid_text_representation"), Map.entry("VALUE_ERROR", "data_exception"),
            Map.entry("CURSOR_ALREADY_OPEN", "duplicate_cursor"), Map.entry("INVALID_CURSOR", "invalid_cursor_state"),
            Map.entry("TIMEOUT_ON_RESOURCE", "lock_not_available"), Map.entry("OTHERS", "OTHERS"),
            Map.entry("CASE_NOT_FOUND", "case_not_found"), Map.entry("STORAGE_ERROR", "out_of_memory"),
            Map.entry("PROGRAM_ERROR", "internal_error"), Map.entry("LOGIN_DENIED", "invalid_authorization_specification"));

    /** Oracle error numbers (PRAGMA EXCEPTION_INIT) with a PostgreSQL SQLSTATE. */
    private static final Map<Long, String> ORA_CODES = Map.ofEntries(
            Map.entry(-1L, "23505"), Map.entry(-1400L, "23502"), Map.entry(-1407L, "23502"), Map.entry(-2290L, "23514"),
            Map.entry(-2291L, "23503"), Map.entry(-2292L, "23503"), Map.entry(-54L, "55P03"), Map.entry(-60L, "40P01"),
            Map.entry(-1476L, "22012"), Map.entry(-1722L, "22P02"), Map.entry(-12899L, "22001"), Map.entry(-1403L, "P0002"),
            Map.entry(-1422L, "P0003"), Map.entry(-942L, "42P01"), Map.entry(-955L, "42P07"), Map.entry(-6502L, "22000"),
            Map.entry(-8177L, "40001"), Map.entry(-30006L, "55P03"));

    /** Oracle-supplied packages that are flagged wherever they are called. */
    private static final Set<String> DBMS = Set.of("DBMS_SQL", "UTL_FILE", "DBMS_SCHEDULER", "DBMS_JOB", "DBMS_LOB",
            "DBMS_LOCK", "UTL_HTTP", "UTL_SMTP", "UTL_MAIL", "DBMS_PIPE", "DBMS_ALERT", "DBMS_AQ", "DBMS_CRYPTO",
            "DBMS_UTILITY", "DBMS_SESSION", "DBMS_APPLICATION_INFO", "DBMS_XMLGEN", "UTL_TCP", "DBMS_STATS",
            "DBMS_METADATA", "DBMS_RANDOM", "UTL_RAW", "UTL_I18N", "DBMS_FLASHBACK", "DBMS_REDEFINITION");

    private final OracleToPostgresSql sql;
    private final String schema;
    private final Set<String> relations;
    /** Schema-level routines of the script: Oracle name → is procedure. */
    private final Map<String, Boolean> routines;

    /** (Oracle table, Oracle column) → PostgreSQL column type, or null when unknown. */
    private final java.util.function.BiFunction<String, String, String> columnType;

    OracleToPlpgsql(String pgSchema, Set<String> relations, Map<String, Boolean> routines) {
        this(pgSchema, relations, routines, (t, c) -> null);
    }

    OracleToPlpgsql(String pgSchema, Set<String> relations, Map<String, Boolean> routines,
                    java.util.function.BiFunction<String, String, String> columnType) {
        this.columnType = columnType;
        this.schema = pgSchema;
        this.relations = Set.copyOf(relations);
        this.routines = Map.copyOf(routines);
        this.sql = new OracleToPostgresSql(pgSchema, relations);
    }

    // ================================================================================================ entry points

    /** A unit being translated; create one per routine. */
    Unit unit(Kind kind, String unitName, ParserRuleContext anchorTree, OracleToPostgresSql.Origin origin,
              TriggerInfo trigger, PackageInfo pkg) {
        return new Unit(kind, unitName, anchorTree.getStart(), origin, trigger, pkg);
    }

    final class Unit implements OracleToPostgresSql.Hook {
        final Kind kind;
        final String unitName;
        final OracleToPostgresSql.Emitter e;
        final TriggerInfo trigger;
        final PackageInfo pkg;
        /** Declarations to add to the outermost DECLARE (loop records, row-count temporaries). */
        final Map<String, String> extraDecls = new LinkedHashMap<>();
        final Set<String> locals = new HashSet<>();
        final Set<String> collections = new HashSet<>();
        final Map<String, String> exceptions = new HashMap<>();
        final Map<String, String> types = new HashMap<>();
        final Set<String> collectionTypes = new HashSet<>();
        /** Local collection variables → their array type. */
        final Map<String, String> collectionArrayType = new HashMap<>();
        final Set<String> called = new LinkedHashSet<>();
        final List<String> extraDdl = new ArrayList<>();
        boolean usesPackageState;
        boolean inWhen;
        int inParam;

        Unit(Kind kind, String unitName, Token anchor, OracleToPostgresSql.Origin origin, TriggerInfo trigger, PackageInfo pkg) {
            this.kind = kind;
            this.unitName = unitName;
            this.trigger = trigger;
            this.pkg = pkg;
            this.e = sql.emitter(anchor, origin, this);
            if (pkg != null) {
                types.putAll(pkg.types());
                collectionTypes.addAll(pkg.collectionTypes());
                exceptions.putAll(pkg.exceptions());
            }
        }

        void item(ActionCode code, String message, Token at) {
            e.item(code, message, at);
        }

        List<ActionItem> items() {
            return e.items;
        }

        Set<String> tables() {
            return e.tables;
        }

        String x(ParseTree t) {
            return e.emit(t).trim();
        }

        // ------------------------------------------------------------------------------------------ hook

        @Override
        public String terminal(Token t) {
            if (t.getType() == OracleLexer.NUMERIC_LITERAL && t.getText().matches("(?i).*[0-9.][fd]")) {
                return t.getText().substring(0, t.getText().length() - 1); // BINARY_FLOAT/DOUBLE literal suffix
            }
            if (t.getType() == OracleLexer.BIND_VARIABLE) {
                String n = t.getText().substring(1).toUpperCase(Locale.ROOT);
                if (trigger != null && (n.equals("NEW") || trigger.newNames().contains(n))) {
                    return "NEW";
                }
                if (trigger != null && (n.equals("OLD") || trigger.oldNames().contains(n))) {
                    return "OLD";
                }
                item(ActionCode.PLSQL_NOT_TRANSLATED, "Bind variable " + t.getText() + " in PL/SQL", t);
            }
            return null;
        }

        @Override
        public String rule(ParserRuleContext ctx, OracleToPostgresSql.Emitter em) {
            if (ctx instanceof OracleParser.ReferenceContext r) {
                if (r.OUTER_JOIN() != null || r.overClause() != null || r.withinGroupClause() != null || r.keepClause() != null) {
                    return null;
                }
                return reference(r.identifier(), r.referenceSuffix(), r.getStart());
            } else if (ctx instanceof OracleParser.VariableRefContext v) {
                return reference(v.identifier(), v.referenceSuffix(), v.getStart());
            } else if (ctx instanceof OracleParser.AdditiveExpressionContext a && isSysdate(a.expression(0))
                    && a.expression(1) instanceof OracleParser.PrimaryExpressionContext pe
                    && pe.primary() instanceof OracleParser.LiteralPrimaryContext lit && lit.literal().NUMERIC_LITERAL() != null) {
                // SYSDATE ± n (days)
                item(ActionCode.DATE_FUNCTION_TRANSLATED, "SYSDATE " + a.getChild(1).getText() + " n became an interval of days", a.getStart());
                return x(a.expression(0)) + " " + a.getChild(1).getText() + " " + lit.getText() + " * interval '1 day'";
            } else if (ctx instanceof OracleParser.SqlAttributePrimaryContext a) {
                return sqlAttribute(a);
            } else if (ctx instanceof OracleParser.IntoClauseContext into) {
                return into(into);
            } else if (ctx instanceof OracleParser.DataTypeContext d) {
                return type(d, inParam > 0);
            } else if (ctx instanceof OracleParser.InquiryDirectivePrimaryContext d) {
                String n = d.getText().substring(2).toUpperCase(Locale.ROOT);
                if (n.equals("PLSQL_UNIT")) {
                    return "'" + unitName.toUpperCase(Locale.ROOT).replace("'", "''") + "'";
                } else if (n.equals("PLSQL_LINE")) {
                    return String.valueOf(d.getStart().getLine());
                }
                item(ActionCode.PLSQL_NOT_TRANSLATED, "Inquiry directive " + d.getText(), d.getStart());
                return null;
            } else if (ctx instanceof OracleParser.QuerySpecificationContext q && q.intoClause() != null
                    && q.intoClause().BULK() != null) {
                bulkSelect(q);
                return null;
            } else if (ctx instanceof OracleParser.ReturningClauseContext rc && rc.RETURN() != null) {
                return "RETURNING " + x(rc.expressionList()) + " " + x(rc.intoClause());
            }
            return null;
        }

        boolean isSysdate(OracleParser.ExpressionContext ex) {
            return ex instanceof OracleParser.PrimaryExpressionContext pe && pe.primary() instanceof OracleParser.ReferencePrimaryContext rp
                    && rp.reference().referenceSuffix().isEmpty() && rp.reference().identifier() != null
                    && List.of("SYSDATE", "SYSTIMESTAMP").contains(rp.reference().identifier().getText().toUpperCase(Locale.ROOT));
        }

        String suffixes(List<OracleParser.ReferenceSuffixContext> s, int from) {
            StringBuilder sb = new StringBuilder();
            for (int i = from; i < s.size(); i++) {
                sb.append(e.emit(s.get(i)).trim());
            }
            return sb.toString();
        }

        boolean isLocal(String n) {
            return locals.contains(n);
        }

        String reference(OracleParser.IdentifierContext id, List<OracleParser.ReferenceSuffixContext> s, Token at) {
            if (id == null) {
                return null;
            }
            String head = OracleScriptSchemaBuilder.name(id);
            String h = head.toUpperCase(Locale.ROOT);
            boolean quoted = id.getStart().getType() == OracleLexer.QUOTED_IDENTIFIER;
            // WHEN (new.x ...) of a trigger: NEW without colon
            if (inWhen && trigger != null && !s.isEmpty() && s.get(0).DOT() != null) {
                if (h.equals("NEW") || trigger.newNames().contains(h)) {
                    return "NEW" + suffixes(s, 0);
                }
                if (h.equals("OLD") || trigger.oldNames().contains(h)) {
                    return "OLD" + suffixes(s, 0);
                }
            }
            // cursor attributes
            if (s.size() == 1 && s.get(0).PERCENT_SIGN() != null) {
                String attr = s.get(0).identifier(0).getText().toUpperCase(Locale.ROOT);
                switch (attr) {
                    case "NOTFOUND": return "NOT FOUND";
                    case "FOUND": return "FOUND";
                    default:
                        item(ActionCode.CURSOR_ATTRIBUTE, "Cursor attribute " + head + "%" + attr, at);
                        return null;
                }
            }
            if (quoted || isLocal(h)) {
                return collection(h, head, s, at);
            }
            if (trigger != null && s.isEmpty()) {
                switch (h) {
                    case "INSERTING": return "(TG_OP = 'INSERT')";
                    case "UPDATING": return "(TG_OP = 'UPDATE')";
                    case "DELETING": return "(TG_OP = 'DELETE')";
                    default: break;
                }
            }
            if (trigger != null && h.equals("UPDATING") && s.size() == 1 && s.get(0).functionArguments() != null
                    && s.get(0).functionArguments().argument().size() == 1) {
                String lit = s.get(0).functionArguments().argument(0).getText();
                if (lit.startsWith("'")) {
                    String col = PostgresIdentifiers.sql(OracleScriptSchemaBuilder.stringValue(lit));
                    item(ActionCode.TRIGGER_UPDATING_COLUMN, "UPDATING(" + lit + ") became a NEW/OLD comparison", at);
                    return "(TG_OP = 'UPDATE' AND NEW." + col + " IS DISTINCT FROM OLD." + col + ")";
                }
            }
            if (s.isEmpty() && h.equals("SQLCODE")) {
                item(ActionCode.SQLCODE_TO_SQLSTATE, "SQLCODE became SQLSTATE", at);
                return "SQLSTATE";
            }
            if (s.isEmpty() && h.equals("SQLERRM")) {
                return "SQLERRM";
            }
            if (pkg != null && s.isEmpty() && pkg.constants().containsKey(h)) {
                return "(" + pkg.constants().get(h) + ")";
            }
            if (pkg != null && pkg.members().containsKey(h) && (s.isEmpty() || s.get(0).functionArguments() != null)) {
                called.add(pkg.pgSchema() + "." + h);
                return PostgresIdentifiers.quote(pkg.pgSchema()) + "." + PostgresIdentifiers.sql(head) + suffixes(s, 0);
            }
            if (pkg != null && s.isEmpty() && pkg.settings().containsKey(h)) {
                item(ActionCode.PACKAGE_STATE_SETTING, "Package variable " + head + " read from setting "
                        + pkg.settings().get(h).name(), at);
                return pkg.settings().get(h).read();
            }
            if (pkg != null && pkg.variables().contains(h)) {
                usesPackageState = true;
                item(ActionCode.PACKAGE_STATE, "Package variable " + head + " used in " + unitName, at);
                return null;
            }
            if (routines.containsKey(h) && (s.isEmpty() || s.get(0).functionArguments() != null)) {
                called.add(h);
                return PostgresIdentifiers.quote(schema) + "." + PostgresIdentifiers.sql(head) + suffixes(s, 0);
            }
            if (DBMS.contains(h) && !s.isEmpty()) {
                String member = s.get(0).identifier().isEmpty() ? "" : "." + s.get(0).identifier(0).getText().toUpperCase(Locale.ROOT);
                if ((h + member).equals("UTL_RAW.CAST_TO_RAW")) {
                    return null; // convert_to(x, 'UTF8')
                }
                item(ActionCode.DBMS_PACKAGE, h + member + " has no PostgreSQL equivalent", at);
                return null;
            }
            if (!s.isEmpty() && s.get(0).AT_SIGN() != null) {
                item(ActionCode.DATABASE_LINK_CALL, "Remote call over a database link: " + abbreviate(at, s), at);
            }
            return null;
        }

        String abbreviate(Token at, List<OracleParser.ReferenceSuffixContext> s) {
            return at.getText() + (s.isEmpty() ? "" : s.get(0).getText());
        }

        /** A local variable, possibly a collection: {@code c(i)} → {@code c[i]}, {@code c.COUNT} → cardinality. */
        String collection(String h, String head, List<OracleParser.ReferenceSuffixContext> s, Token at) {
            if (!collections.contains(h) || s.isEmpty()) {
                return null;
            }
            String base = PostgresIdentifiers.sql(head);
            OracleParser.ReferenceSuffixContext first = s.get(0);
            if (first.functionArguments() != null && first.functionArguments().argument().size() == 1) {
                return base + "[" + x(first.functionArguments().argument(0)) + "]" + suffixes(s, 1);
            }
            if (first.DOT() != null && first.identifier().size() == 1) {
                String m = first.identifier(0).getText().toUpperCase(Locale.ROOT);
                switch (m) {
                    case "COUNT":
                        return "coalesce(cardinality(" + base + "), 0)";
                    case "FIRST":
                        return "array_lower(" + base + ", 1)";
                    case "LAST":
                        return "array_upper(" + base + ", 1)";
                    default:
                        break;
                }
            }
            item(ActionCode.COLLECTION_TO_ARRAY, "Collection method " + head + first.getText() + " has no direct array equivalent", at);
            return null;
        }

        String sqlAttribute(OracleParser.SqlAttributePrimaryContext a) {
            String attr = a.identifier().getText().toUpperCase(Locale.ROOT);
            switch (attr) {
                case "ROWCOUNT":
                    extraDecls.put("ferry_rowcount", "ferry_rowcount bigint;");
                    rowCountUsed = true;
                    return "ferry_rowcount";
                case "FOUND":
                    return "FOUND";
                case "NOTFOUND":
                    return "NOT FOUND";
                case "ISOPEN":
                    return "false";
                default:
                    item(ActionCode.BULK_UNSUPPORTED, "SQL%" + attr, a.getStart());
                    return null;
            }
        }

        boolean rowCountUsed;

        String into(OracleParser.IntoClauseContext into) {
            List<String> targets = new ArrayList<>();
            into.variableRef().forEach(v -> targets.add(x(v)));
            if (into.BULK() != null) {
                if (!(into.getParent() instanceof OracleParser.QuerySpecificationContext)) {
                    item(ActionCode.BULK_UNSUPPORTED, "BULK COLLECT INTO outside a SELECT", into.getStart());
                }
                return "INTO " + String.join(", ", targets);
            }
            boolean select = into.getParent() instanceof OracleParser.QuerySpecificationContext;
            if (select) {
                item(ActionCode.SELECT_INTO_STRICT, "SELECT ... INTO became INTO STRICT", into.getStart());
            }
            return (select ? "INTO STRICT " : "INTO ") + String.join(", ", targets);
        }

        void bulkSelect(OracleParser.QuerySpecificationContext q) {
            OracleParser.SelectListContext list = q.selectList();
            if (list.selectItem().size() == 1 && list.selectItem(0).expression() != null && q.groupByClause() == null
                    && q.intoClause().variableRef().size() == 1) {
                OracleParser.ExpressionContext ex = list.selectItem(0).expression();
                e.overrides.put(list, "array_agg(" + x(ex) + ")");
                item(ActionCode.BULK_COLLECT, "SELECT ... BULK COLLECT INTO became array_agg", q.getStart());
            } else {
                item(ActionCode.BULK_UNSUPPORTED, "SELECT of several columns BULK COLLECT INTO", q.getStart());
            }
        }

        // ------------------------------------------------------------------------------------------ types

        String type(OracleParser.DataTypeContext d, boolean parameter) {
            if (d.PERCENT_SIGN() != null) {
                List<OracleParser.IdentifierContext> ids = d.typeName().identifier();
                List<String> parts = new ArrayList<>();
                for (OracleParser.IdentifierContext i : ids) {
                    parts.add(PostgresIdentifiers.sql(OracleScriptSchemaBuilder.name(i)));
                }
                String first = OracleScriptSchemaBuilder.name(ids.get(0));
                if (d.ROWTYPE() != null && ids.size() == 1 && isLocal(first.toUpperCase(Locale.ROOT))) {
                    return "record"; // cursor%ROWTYPE: PL/pgSQL has no cursor row types
                }
                boolean table = d.ROWTYPE() != null ? ids.size() == 1 : ids.size() == 2;
                if (table && relations.contains(first) && !isLocal(first.toUpperCase(Locale.ROOT))) {
                    e.tables.add(first);
                    parts.add(0, PostgresIdentifiers.quote(schema));
                }
                return String.join(".", parts) + (d.ROWTYPE() != null ? "%ROWTYPE" : "%TYPE");
            }
            if (d.REF() != null && d.CURSOR() != null) {
                return "refcursor";
            }
            String upper = d.getText().toUpperCase(Locale.ROOT);
            switch (upper) {
                case "PLS_INTEGER": case "BINARY_INTEGER": case "SIMPLE_INTEGER": case "NATURAL": case "NATURALN":
                case "POSITIVE": case "POSITIVEN": case "SIGNTYPE":
                    return "integer";
                case "SYS_REFCURSOR":
                    return "refcursor";
                case "BOOLEAN":
                    return "boolean";
                case "NUMBER":
                    return "numeric";
                case "INTEGER": case "INT": case "SMALLINT":
                    return parameter ? "bigint" : "bigint";
                default:
                    break;
            }
            if (d.typeName() != null && d.typeName().identifier().size() == 1) {
                String n = OracleScriptSchemaBuilder.name(d.typeName().identifier(0)).toUpperCase(Locale.ROOT);
                if (types.containsKey(n)) {
                    return types.get(n);
                }
            }
            OracleToPostgresTypes.Mapping m = OracleToPostgresTypes.defaultMapping(unitName, OracleScriptSchemaBuilder.dataType(d));
            if (!m.mapped()) {
                item(ActionCode.USER_DEFINED_TYPE, "Type " + OracleScriptSchemaBuilder.text(d) + " in " + unitName
                        + " is user-defined or unknown", d.getStart());
                return OracleScriptSchemaBuilder.text(d);
            }
            m.actionItems().stream().filter(i -> i.severity().isWarning()
                            && !i.code().equals(ActionCode.NUMBER_WITHOUT_PRECISION.code()))
                    .forEach(i -> e.items.add(i.at(0, 0)));
            String t = m.sqlType();
            if (parameter) {
                t = t.replaceAll("\\(\\d+(,\\d+)?\\)", "");
            }
            return t;
        }

        // ------------------------------------------------------------------------------------------ declarations

        void parameters(OracleParser.ParameterListContext list, List<String> out, boolean function) {
            if (list == null) {
                return;
            }
            // PostgreSQL: no parameter without a default (and, in procedures, no OUT parameter) after one with a default
            int lastRequired = -1;
            for (int k = 0; k < list.parameter().size(); k++) {
                OracleParser.ParameterContext p = list.parameter(k);
                boolean isOut = p.OUT() != null || p.INOUT() != null;
                if (p.condition() == null && (!isOut || !function)) {
                    lastRequired = k;
                }
            }
            int index = -1;
            for (OracleParser.ParameterContext p : list.parameter()) {
                index++;
                String n = OracleScriptSchemaBuilder.name(p.identifier());
                locals.add(n.toUpperCase(Locale.ROOT));
                String mode = "";
                if (p.OUT() != null && p.IN() != null || p.INOUT() != null) {
                    mode = "INOUT ";
                } else if (p.OUT() != null) {
                    mode = "OUT ";
                }
                if (!mode.isEmpty() && function) {
                    item(ActionCode.FUNCTION_OUT_PARAMETERS, "Function " + unitName + " has OUT parameter " + n, p.getStart());
                }
                inParam++;
                String t;
                try {
                    t = type(p.dataType(), true);
                } finally {
                    inParam--;
                }
                if (p.dataType().typeName() != null && collectionTypes.contains(p.dataType().getText().toUpperCase(Locale.ROOT))) {
                    collections.add(n.toUpperCase(Locale.ROOT));
                }
                String def = p.condition() == null ? "" : " DEFAULT " + x(p.condition());
                if (!def.isEmpty() && index < lastRequired) {
                    item(ActionCode.PARAMETER_DEFAULT_ORDER, "Default of parameter " + n + " dropped: a parameter without a "
                            + "default follows it", p.getStart());
                    def = "";
                }
                out.add(mode + PostgresIdentifiers.sql(n) + " " + t + def);
            }
        }

        /** Declarations → PL/pgSQL DECLARE lines. */
        void declarations(List<OracleParser.DeclareItemContext> items, List<String> out) {
            for (OracleParser.DeclareItemContext d : items) {
                declaration(d, out);
            }
        }

        void declaration(OracleParser.DeclareItemContext d, List<String> out) {
            if (d.PRAGMA() != null) {
                OracleParser.PragmaBodyContext p = d.pragmaBody();
                if (p.AUTONOMOUS_TRANSACTION() != null) {
                    item(ActionCode.AUTONOMOUS_TRANSACTION, unitName + " uses PRAGMA AUTONOMOUS_TRANSACTION", d.getStart());
                } else if (p.EXCEPTION_INIT() != null) {
                    String n = OracleScriptSchemaBuilder.name(p.identifier()).toUpperCase(Locale.ROOT);
                    long code = Long.parseLong(p.signedNumber().getText());
                    String state = oracleCode(code);
                    if (state == null) {
                        item(ActionCode.EXCEPTION_CODE_UNMAPPED, "PRAGMA EXCEPTION_INIT(" + n + ", " + code + ")", d.getStart());
                        state = "P0001";
                    } else {
                        item(ActionCode.USER_EXCEPTION, "Exception " + n + " (" + code + ") became SQLSTATE '" + state + "'", d.getStart());
                    }
                    exceptions.put(n, state);
                }
                return;
            }
            if (d.EXCEPTION() != null) {
                String n = OracleScriptSchemaBuilder.name(d.identifier()).toUpperCase(Locale.ROOT);
                exceptions.putIfAbsent(n, userState(n));
                return;
            }
            if (d.SUBTYPE() != null) {
                String n = OracleScriptSchemaBuilder.name(d.identifier()).toUpperCase(Locale.ROOT);
                types.put(n, type(d.dataType(), false));
                return;
            }
            if (d.TYPE() != null) {
                typeDeclaration(OracleScriptSchemaBuilder.name(d.identifier()), d.typeSpec(), d.getStart());
                return;
            }
            if (d.CURSOR() != null) {
                String n = OracleScriptSchemaBuilder.name(d.identifier());
                locals.add(n.toUpperCase(Locale.ROOT));
                if (d.query() == null) {
                    return;
                }
                List<String> params = new ArrayList<>();
                if (d.parameterList() != null) {
                    for (OracleParser.ParameterContext p : d.parameterList().parameter()) {
                        String pn = OracleScriptSchemaBuilder.name(p.identifier());
                        locals.add(pn.toUpperCase(Locale.ROOT));
                        inParam++;
                        try {
                            params.add(PostgresIdentifiers.sql(pn) + " " + type(p.dataType(), true));
                        } finally {
                            inParam--;
                        }
                        if (p.condition() != null) {
                            item(ActionCode.PLSQL_NOT_TRANSLATED, "Cursor parameter " + pn + " has a default: PL/pgSQL cursor "
                                    + "parameters cannot have defaults; pass the value in every OPEN/FOR", p.getStart());
                        }
                    }
                }
                out.add(PostgresIdentifiers.sql(n) + " CURSOR" + (params.isEmpty() ? "" : " (" + String.join(", ", params) + ")")
                        + " FOR " + indentMore(x(d.query()), "    ") + ";");
                return;
            }
            if (d.procedureDefinition() != null || d.functionDefinition() != null) {
                item(ActionCode.PLSQL_NOT_TRANSLATED, "Nested subprogram in " + unitName
                        + ": PL/pgSQL has no local functions; create it as a separate function", d.getStart());
                return;
            }
            OracleParser.VariableDeclarationContext v = d.variableDeclaration();
            if (v != null) {
                String n = OracleScriptSchemaBuilder.name(v.identifier());
                locals.add(n.toUpperCase(Locale.ROOT));
                String t = type(v.dataType(), false);
                if (v.dataType().typeName() != null && collectionTypes.contains(v.dataType().getText().toUpperCase(Locale.ROOT))) {
                    collections.add(n.toUpperCase(Locale.ROOT));
                    collectionArrayType.put(n.toUpperCase(Locale.ROOT), t);
                }
                StringBuilder sb = new StringBuilder(PostgresIdentifiers.sql(n));
                if (v.CONSTANT() != null) {
                    sb.append(" CONSTANT");
                }
                sb.append(' ').append(t);
                if (v.NOT() != null) {
                    sb.append(" NOT NULL");
                }
                if (v.condition() != null) {
                    String init = x(v.condition());
                    if (collections.contains(n.toUpperCase(Locale.ROOT)) && v.condition().getText().matches("(?i)[A-Z0-9_$#]+\\(\\)")) {
                        init = "'{}'";
                    }
                    sb.append(" := ").append(init);
                }
                out.add(sb.append(';').toString());
            }
        }

        void typeDeclaration(String name, OracleParser.TypeSpecContext ts, Token at) {
            String n = name.toUpperCase(Locale.ROOT);
            if (ts.TABLE() != null || ts.VARRAY() != null || ts.ARRAY() != null) {
                String element = elementType(ts.dataType(0), name, at);
                types.put(n, element + "[]");
                collectionTypes.add(n);
                item(ActionCode.COLLECTION_TO_ARRAY, "Collection type " + name + " became " + element + "[]", at);
            } else if (ts.REF() != null) {
                types.put(n, "refcursor");
            } else if (ts.RECORD() != null) {
                String typeName = PostgresIdentifiers.fold(unitName.replace('.', '_') + "_" + name);
                List<String> fields = new ArrayList<>();
                for (OracleParser.RecordFieldContext f : ts.recordField()) {
                    fields.add(PostgresIdentifiers.sql(OracleScriptSchemaBuilder.name(f.identifier())) + " " + type(f.dataType(), false));
                }
                String q = PostgresIdentifiers.quote(schema) + "." + PostgresIdentifiers.quote(typeName);
                extraDdl.add("DROP TYPE IF EXISTS " + q + " CASCADE;\nCREATE TYPE " + q + " AS (" + String.join(", ", fields) + ")");
                types.put(n, q);
                item(ActionCode.RECORD_TYPE, "Record type " + name + " became composite type " + typeName, at);
            }
        }

        /** A collection's element type: %TYPE/%ROWTYPE cannot be followed by [] before PostgreSQL 17, so resolve them. */
        String elementType(OracleParser.DataTypeContext d, String collection, Token at) {
            if (d.PERCENT_SIGN() == null) {
                return type(d, false);
            }
            List<OracleParser.IdentifierContext> ids = d.typeName().identifier();
            String first = OracleScriptSchemaBuilder.name(ids.get(0));
            if (d.TYPE() != null && ids.size() == 2) {
                String t = columnType.apply(first, OracleScriptSchemaBuilder.name(ids.get(1)));
                if (t != null) {
                    e.tables.add(first);
                    return t;
                }
            } else if (d.ROWTYPE() != null && ids.size() == 1 && relations.contains(first)) {
                e.tables.add(first);
                return PostgresIdentifiers.quote(schema) + "." + PostgresIdentifiers.sql(first); // a table's row type
            }
            item(ActionCode.PLSQL_NOT_TRANSLATED, "Element type " + OracleScriptSchemaBuilder.text(d) + " of collection "
                    + collection + " could not be resolved (table not in the script); an array of %TYPE/%ROWTYPE needs "
                    + "PostgreSQL 17: replace it with the column's type", at);
            return type(d, false);
        }

        String userState(String name) {
            int h = Math.floorMod((unitName + "." + name).toUpperCase(Locale.ROOT).hashCode(), 36 * 36 * 36);
            String s = Integer.toString(h, 36).toUpperCase(Locale.ROOT);
            return "UE" + "000".substring(s.length()) + s;
        }

        // ------------------------------------------------------------------------------------------ blocks

        /** {@code DECLARE ... BEGIN ... EXCEPTION ... END;} for the outermost block (with extra declarations). */
        String block(List<OracleParser.DeclareItemContext> decls, OracleParser.StatementsContext stmts,
                     OracleParser.ExceptionSectionContext exc, List<String> preDecls, String epilogue) {
            List<String> d = new ArrayList<>(preDecls);
            declarations(decls, d);
            String body;
            String handlers;
            if (epilogue != null && exc != null) {
                // handlers must not fall off the end of a trigger function: nest the block, return after it
                body = "  BEGIN\n" + statements(stmts, "    ") + handlers(exc, "    ") + "  END;\n  " + epilogue + "\n";
                handlers = "";
            } else {
                body = statements(stmts, "  ") + (epilogue == null ? "" : "  " + epilogue + "\n");
                handlers = exc == null ? "" : handlers(exc, "  ");
            }
            d.addAll(extraDecls.values());
            StringBuilder sb = new StringBuilder();
            if (!d.isEmpty()) {
                sb.append("DECLARE\n");
                d.forEach(l -> sb.append("  ").append(l).append('\n'));
            }
            sb.append("BEGIN\n").append(body).append(handlers).append("END;");
            return sb.toString();
        }

        String handlers(OracleParser.ExceptionSectionContext exc, String ind) {
            StringBuilder sb = new StringBuilder(ind.substring(2)).append("EXCEPTION\n");
            for (OracleParser.ExceptionHandlerContext h : exc.exceptionHandler()) {
                List<String> names = new ArrayList<>();
                for (OracleParser.ExceptionNameContext n : h.exceptionName()) {
                    names.add(exceptionName(n));
                }
                sb.append(ind).append("WHEN ").append(String.join(" OR ", names)).append(" THEN\n")
                        .append(statements(h.statements(), ind + "  "));
            }
            return sb.toString();
        }

        String exceptionName(OracleParser.ExceptionNameContext n) {
            if (n.OTHERS() != null) {
                return "OTHERS";
            }
            String text = n.qualifiedName().getText().toUpperCase(Locale.ROOT);
            String last = text.substring(text.lastIndexOf('.') + 1);
            if (exceptions.containsKey(last)) {
                return "SQLSTATE '" + exceptions.get(last) + "'";
            }
            if (PREDEFINED.containsKey(last)) {
                if (last.equals("VALUE_ERROR")) {
                    item(ActionCode.EXCEPTION_CODE_UNMAPPED, "VALUE_ERROR became data_exception (class 22), which is wider", n.getStart());
                }
                return PREDEFINED.get(last);
            }
            item(ActionCode.EXCEPTION_CODE_UNMAPPED, "Exception " + text + " is not declared in this unit", n.getStart());
            return "SQLSTATE '" + userState(last) + "'";
        }

        String statements(OracleParser.StatementsContext ss, String ind) {
            StringBuilder sb = new StringBuilder();
            for (OracleParser.LabeledStatementContext ls : ss.labeledStatement()) {
                for (OracleParser.LabelContext l : ls.label()) {
                    sb.append(ind).append("<<").append(PostgresIdentifiers.sql(l.labelName().getText().toUpperCase(Locale.ROOT)))
                            .append(">>\n");
                }
                boolean saved = pendingRowCount;
                pendingRowCount = false;
                String st = statement(ls.plsqlStatement(), ind);
                if (pendingRowCount) {
                    sb.append(ind).append("GET DIAGNOSTICS ferry_rowcount = ROW_COUNT;\n");
                }
                pendingRowCount = saved;
                sb.append(st);
            }
            return sb.toString();
        }

        boolean pendingRowCount;

        /** Emits an expression of a statement; notes when SQL%ROWCOUNT is read so GET DIAGNOSTICS goes first. */
        String expr(ParseTree t) {
            boolean before = rowCountUsed;
            rowCountUsed = false;
            String s = x(t);
            if (rowCountUsed) {
                pendingRowCount = true;
            }
            rowCountUsed = rowCountUsed || before;
            return s;
        }

        String statement(OracleParser.PlsqlStatementContext p, String ind) {
            Token first = p.getStart();
            if (p.ifStatement() != null) {
                OracleParser.IfStatementContext i = p.ifStatement();
                StringBuilder sb = new StringBuilder();
                int n = i.condition().size();
                for (int k = 0; k < n; k++) {
                    sb.append(ind).append(k == 0 ? "IF " : "ELSIF ").append(indentMore(expr(i.condition(k)), ind)).append(" THEN\n")
                            .append(statements(i.statements(k), ind + "  "));
                }
                if (i.ELSE() != null) {
                    sb.append(ind).append("ELSE\n").append(statements(i.statements(n), ind + "  "));
                }
                return sb.append(ind).append("END IF;\n").toString();
            }
            if (p.caseStatement() != null) {
                OracleParser.CaseStatementContext c = p.caseStatement();
                StringBuilder sb = new StringBuilder(ind).append("CASE");
                if (c.expression() != null) {
                    sb.append(' ').append(expr(c.expression()));
                }
                sb.append('\n');
                for (int k = 0; k < c.condition().size(); k++) {
                    sb.append(ind).append("  WHEN ").append(expr(c.condition(k))).append(" THEN\n")
                            .append(statements(c.statements(k), ind + "    "));
                }
                if (c.ELSE() != null) {
                    sb.append(ind).append("  ELSE\n").append(statements(c.statements(c.condition().size()), ind + "    "));
                }
                return sb.append(ind).append("END CASE;\n").toString();
            }
            if (p.loopStatement() != null) {
                return loop(p.loopStatement(), ind);
            }
            if (p.forallStatement() != null) {
                return forall(p.forallStatement(), ind);
            }
            if (p.EXIT() != null || p.CONTINUE() != null) {
                String label = p.labelName() == null ? "" : " " + PostgresIdentifiers.sql(p.labelName().getText().toUpperCase(Locale.ROOT));
                String when = p.WHEN() == null ? "" : " WHEN " + expr(p.condition());
                return ind + (p.EXIT() != null ? "EXIT" : "CONTINUE") + label + when + ";\n";
            }
            if (p.GOTO() != null) {
                item(ActionCode.PLSQL_NOT_TRANSLATED, "GOTO " + p.labelName().getText(), first);
                return ind + notTranslated(p) + "\n";
            }
            if (p.NULL_() != null && p.getChildCount() == 2) {
                return ind + "NULL;\n";
            }
            if (p.RETURN() != null) {
                return ind + returnStatement(p.condition()) + "\n";
            }
            if (p.RAISE() != null) {
                return ind + raise(p.qualifiedName()) + "\n";
            }
            if (p.executeImmediate() != null) {
                return ind + executeImmediate(p.executeImmediate()) + ";\n";
            }
            if (p.openStatement() != null) {
                OracleParser.OpenStatementContext o = p.openStatement();
                String target = x(o.variableRef());
                if (o.FOR() == null) {
                    return ind + "OPEN " + target + ";\n";
                }
                if (o.query() != null) {
                    return ind + "OPEN " + target + " FOR " + indentMore(expr(o.query()), ind) + ";\n";
                }
                return ind + "OPEN " + target + " FOR EXECUTE " + dynamic(o.expression(), o.usingClause()) + ";\n";
            }
            if (p.fetchStatement() != null) {
                OracleParser.FetchStatementContext f = p.fetchStatement();
                if (f.intoClause().BULK() != null || f.LIMIT() != null) {
                    item(ActionCode.BULK_UNSUPPORTED, "FETCH ... BULK COLLECT INTO", first);
                    return ind + notTranslated(p) + "\n";
                }
                return ind + "FETCH " + x(f.variableRef()) + " " + x(f.intoClause()) + ";\n";
            }
            if (p.CLOSE() != null) {
                return ind + "CLOSE " + x(p.variableRef()) + ";\n";
            }
            if (p.PIPE() != null) {
                item(ActionCode.PIPELINED_FUNCTION, "PIPE ROW in " + unitName, first);
                return ind + "RETURN NEXT " + expr(p.condition()) + ";\n";
            }
            if (p.anonymousBlock() != null) {
                OracleParser.AnonymousBlockContext b = p.anonymousBlock();
                List<String> d = new ArrayList<>();
                declarations(b.declareItem(), d);
                StringBuilder sb = new StringBuilder();
                if (!d.isEmpty()) {
                    sb.append(ind).append("DECLARE\n");
                    d.forEach(l -> sb.append(ind).append("  ").append(l).append('\n'));
                }
                sb.append(ind).append("BEGIN\n").append(statements(b.statements(), ind + "  "));
                if (b.exceptionSection() != null) {
                    sb.append(handlers(b.exceptionSection(), ind + "  "));
                }
                return sb.append(ind).append("END;\n").toString();
            }
            if (p.sqlStatement() != null) {
                return sqlStatement(p.sqlStatement(), ind);
            }
            if (p.variableRef() != null) {
                if (p.ASSIGN() != null) {
                    OracleParser.VariableRefContext target = p.variableRef();
                    if (pkg != null && target.identifier() != null && target.referenceSuffix().isEmpty()) {
                        String h = OracleScriptSchemaBuilder.name(target.identifier()).toUpperCase(Locale.ROOT);
                        Setting setting = pkg.settings().get(h);
                        if (setting != null && !isLocal(h)) {
                            item(ActionCode.PACKAGE_STATE_SETTING, "Package variable " + h + " written to setting "
                                    + setting.name(), first);
                            return ind + "PERFORM set_config('" + setting.name() + "', CAST(" + expr(p.condition())
                                    + " AS text), false);\n";
                        }
                    }
                    return ind + x(p.variableRef()) + " := " + indentMore(expr(p.condition()), ind) + ";\n";
                }
                return ind + call(p.variableRef()) + "\n";
            }
            item(ActionCode.PLSQL_NOT_TRANSLATED, "Statement not translated: " + oneLine(OracleScriptSchemaBuilder.text(p)), first);
            return ind + notTranslated(p) + "\n";
        }

        String returnStatement(OracleParser.ConditionContext c) {
            if (kind == Kind.TRIGGER) {
                return triggerReturn();
            }
            return c == null ? "RETURN;" : "RETURN " + expr(c) + ";";
        }

        String triggerReturn() {
            return trigger.returnStatement();
        }

        String raise(OracleParser.QualifiedNameContext q) {
            if (q == null) {
                return "RAISE;";
            }
            String text = q.getText().toUpperCase(Locale.ROOT);
            String last = text.substring(text.lastIndexOf('.') + 1);
            if (exceptions.containsKey(last)) {
                return "RAISE EXCEPTION USING ERRCODE = '" + exceptions.get(last) + "', MESSAGE = '" + last + "';";
            }
            if (PREDEFINED.containsKey(last) && !last.equals("OTHERS")) {
                return "RAISE " + PREDEFINED.get(last) + ";";
            }
            item(ActionCode.EXCEPTION_CODE_UNMAPPED, "RAISE of undeclared exception " + text, q.getStart());
            return "RAISE EXCEPTION USING ERRCODE = '" + userState(last) + "', MESSAGE = '" + last + "';";
        }

        String loop(OracleParser.LoopStatementContext l, String ind) {
            String head;
            if (l.WHILE() != null) {
                head = "WHILE " + expr(l.condition()) + " ";
            } else if (l.DOUBLE_DOT() != null) {
                String v = PostgresIdentifiers.sql(OracleScriptSchemaBuilder.name(l.identifier()));
                String lo = expr(l.expression(0));
                String hi = expr(l.expression(1));
                // PostgreSQL's REVERSE takes the bounds high..low
                head = "FOR " + v + " IN " + (l.REVERSE() != null ? "REVERSE " + hi + " .. " + lo : lo + " .. " + hi) + " ";
                locals.add(OracleScriptSchemaBuilder.name(l.identifier()).toUpperCase(Locale.ROOT));
            } else if (l.query() != null) {
                String v = OracleScriptSchemaBuilder.name(l.identifier());
                if (!locals.contains(v.toUpperCase(Locale.ROOT))) {
                    extraDecls.put(v.toUpperCase(Locale.ROOT), PostgresIdentifiers.sql(v) + " record;");
                }
                head = "FOR " + PostgresIdentifiers.sql(v) + " IN " + indentMore(expr(l.query()), ind + "  ") + "\n" + ind;
            } else if (l.FOR() != null) {
                String v = PostgresIdentifiers.sql(OracleScriptSchemaBuilder.name(l.identifier()));
                head = "FOR " + v + " IN " + x(l.variableRef()) + " ";
            } else {
                head = "";
            }
            String label = l.labelName() == null ? "" : " " + PostgresIdentifiers.sql(l.labelName().getText().toUpperCase(Locale.ROOT));
            return ind + head + "LOOP\n" + statements(l.statements(), ind + "  ") + ind + "END LOOP" + label + ";\n";
        }

        String forall(OracleParser.ForallStatementContext f, String ind) {
            String v = PostgresIdentifiers.sql(OracleScriptSchemaBuilder.name(f.identifier()));
            locals.add(OracleScriptSchemaBuilder.name(f.identifier()).toUpperCase(Locale.ROOT));
            if (f.SAVE() != null) {
                item(ActionCode.FORALL_TO_LOOP, "FORALL ... SAVE EXCEPTIONS: the loop stops at the first error", f.getStart());
            }
            String head;
            if (f.DOUBLE_DOT() != null) {
                head = "FOR " + v + " IN " + expr(f.expression(0)) + " .. " + expr(f.expression(1));
            } else if (f.INDICES() != null) {
                String arr = x(f.variableRef());
                head = "FOR " + v + " IN coalesce(array_lower(" + arr + ", 1), 1) .. coalesce(array_upper(" + arr + ", 1), 0)";
            } else {
                String arr = x(f.variableRef());
                head = "FOREACH " + v + " IN ARRAY " + arr;
                extraDecls.putIfAbsent(v.toUpperCase(Locale.ROOT), v + " bigint;");
            }
            item(ActionCode.FORALL_TO_LOOP, "FORALL became a row-by-row loop", f.getStart());
            String body;
            if (f.executeImmediate() != null) {
                body = ind + "  " + executeImmediate(f.executeImmediate()) + ";\n";
            } else {
                ParserRuleContext dml = f.insertStatement() != null ? f.insertStatement() : f.updateStatement() != null
                        ? f.updateStatement() : f.deleteStatement() != null ? f.deleteStatement() : f.mergeStatement();
                body = ind + "  " + indentMore(expr(dml), ind + "  ") + ";\n";
            }
            return ind + head + " LOOP\n" + body + ind + "END LOOP;\n";
        }

        String sqlStatement(OracleParser.SqlStatementContext s, String ind) {
            Token first = s.getStart();
            if (s.transactionStatement() != null) {
                OracleParser.TransactionStatementContext t = s.transactionStatement();
                boolean simple = (t.COMMIT() != null && t.COMMENT() == null && t.WRITE() == null)
                        || (t.ROLLBACK() != null && t.TO() == null);
                if (simple && kind == Kind.PROCEDURE) {
                    item(ActionCode.TRANSACTION_IN_PROCEDURE, (t.COMMIT() != null ? "COMMIT" : "ROLLBACK") + " in procedure " + unitName, first);
                    return ind + (t.COMMIT() != null ? "COMMIT" : "ROLLBACK") + ";\n";
                }
                item(ActionCode.TRANSACTION_NOT_ALLOWED, oneLine(OracleScriptSchemaBuilder.text(t)) + " in " + unitName, first);
                return ind + notTranslated(t) + "\n";
            }
            if (s.mergeStatement() != null) {
                item(ActionCode.PLSQL_NOT_TRANSLATED, "MERGE: PostgreSQL 15+ MERGE syntax differs (no DELETE WHERE, ON without parentheses is fine); check it", first);
            }
            if (s.query() != null) {
                OracleParser.QueryTermContext term = s.query().queryExpression().queryTerm(0);
                if (!hasInto(s.query()) && s.query().withClause() == null && term.querySpecification() != null) {
                    // a SELECT whose result is discarded
                    e.overrides.put(term.querySpecification().SELECT(), "PERFORM");
                } else if (!hasInto(s.query())) {
                    item(ActionCode.PLSQL_NOT_TRANSLATED, "SELECT without INTO", first);
                }
            }
            return ind + indentMore(expr(s), ind) + ";\n";
        }

        boolean hasInto(OracleParser.QueryContext q) {
            OracleParser.QueryTermContext t = q.queryExpression().queryTerm(0);
            return t.querySpecification() != null && t.querySpecification().intoClause() != null;
        }

        String call(OracleParser.VariableRefContext v) {
            Token at = v.getStart();
            String text = v.getText().toUpperCase(Locale.ROOT);
            List<OracleParser.ReferenceSuffixContext> s = v.referenceSuffix();
            String head = v.identifier() == null ? "" : OracleScriptSchemaBuilder.name(v.identifier()).toUpperCase(Locale.ROOT);
            OracleParser.FunctionArgumentsContext args = s.isEmpty() ? null : s.get(s.size() - 1).functionArguments();
            if (head.equals("DBMS_OUTPUT") && s.size() == 2 && args != null) {
                String member = s.get(0).identifier().isEmpty() ? "" : s.get(0).identifier(0).getText().toUpperCase(Locale.ROOT);
                if ((member.equals("PUT_LINE") || member.equals("PUT")) && args.argument().size() == 1) {
                    item(ActionCode.DBMS_OUTPUT, "DBMS_OUTPUT." + member + " became RAISE NOTICE", at);
                    return "RAISE NOTICE '%', " + expr(args.argument(0).condition(0)) + ";";
                }
                item(ActionCode.DBMS_OUTPUT, "DBMS_OUTPUT." + member + " dropped", at);
                return "NULL; -- FERRY: DBMS_OUTPUT." + member + " dropped";
            }
            if (head.equals("DBMS_OUTPUT")) {
                item(ActionCode.DBMS_OUTPUT, "DBMS_OUTPUT call dropped", at);
                return "NULL; -- FERRY: " + oneLine(OracleScriptSchemaBuilder.text(v)) + " dropped";
            }
            if (head.equals("RAISE_APPLICATION_ERROR") && s.size() == 1 && args != null && args.argument().size() >= 2) {
                String code = args.argument(0).getText();
                String state = "P0001";
                if (code.matches("-20\\d\\d\\d")) {
                    state = "U0" + code.substring(3);
                } else {
                    item(ActionCode.EXCEPTION_CODE_UNMAPPED, "RAISE_APPLICATION_ERROR with a computed code " + code, at);
                }
                item(ActionCode.RAISE_APPLICATION_ERROR, "RAISE_APPLICATION_ERROR(" + code + ") became SQLSTATE '" + state + "'", at);
                return "RAISE EXCEPTION USING ERRCODE = '" + state + "', MESSAGE = " + expr(args.argument(1).condition(0))
                        + ", DETAIL = 'ORA" + code.replace("'", "''") + "';";
            }
            if (head.equals("DBMS_LOCK") && text.startsWith("DBMS_LOCK.SLEEP(") && args != null && args.argument().size() == 1) {
                return "PERFORM pg_sleep(" + expr(args.argument(0).condition(0)) + ");";
            }
            if (collections.contains(head) && s.size() >= 1 && s.get(0).DOT() != null) {
                String m = s.get(0).getText().substring(1).toUpperCase(Locale.ROOT);
                String arr = PostgresIdentifiers.sql(OracleScriptSchemaBuilder.name(v.identifier()));
                String arrayType = collectionArrayType.get(head);
                if (m.equals("DELETE") && s.size() == 1 && arrayType != null) {
                    item(ActionCode.COLLECTION_TO_ARRAY, head + ".DELETE became an empty array", at);
                    return arr + " := '{}';";
                }
                if (m.equals("EXTEND") && arrayType != null && arrayType.endsWith("[]")
                        && (s.size() == 1 || (s.size() == 2 && args != null && args.argument().size() == 1))) {
                    String n = s.size() == 1 ? "1" : expr(args.argument(0).condition(0));
                    item(ActionCode.COLLECTION_TO_ARRAY, head + ".EXTEND became array_cat with NULL elements", at);
                    return arr + " := array_cat(" + arr + ", array_fill(NULL::" + arrayType.substring(0, arrayType.length() - 2)
                            + ", ARRAY[" + n + "]));";
                }
                item(ActionCode.COLLECTION_TO_ARRAY, "Collection method " + head + "." + m + " not translated", at);
                return notTranslated(v);
            }
            if (v.BIND_VARIABLE() != null || v.SUBSTITUTION_VARIABLE() != null) {
                item(ActionCode.PLSQL_NOT_TRANSLATED, "Call through a bind/substitution variable " + text, at);
            }
            String target = expr(v);
            if (args == null) {
                target += "()";
            }
            return "CALL " + target + ";";
        }

        String executeImmediate(OracleParser.ExecuteImmediateContext x) {
            StringBuilder sb = new StringBuilder("EXECUTE ").append(dynamic(x.expression(), null));
            if (x.intoClause() != null) {
                if (x.intoClause().BULK() != null) {
                    item(ActionCode.BULK_UNSUPPORTED, "EXECUTE IMMEDIATE ... BULK COLLECT INTO", x.getStart());
                }
                sb.append(' ').append(x(x.intoClause()));
            }
            if (x.usingClause() != null) {
                sb.append(' ').append(using(x.usingClause()));
            }
            if (x.dynamicReturning() != null) {
                item(ActionCode.DYNAMIC_SQL_RUNTIME, "EXECUTE IMMEDIATE ... RETURNING INTO: add RETURNING to the statement text "
                        + "and use INTO", x.getStart());
                sb.append(' ').append(x(x.dynamicReturning().intoClause()));
            }
            return sb.toString();
        }

        String using(OracleParser.UsingClauseContext u) {
            List<String> args = new ArrayList<>();
            for (OracleParser.UsingArgumentContext a : u.usingArgument()) {
                if (a.OUT() != null) {
                    item(ActionCode.DYNAMIC_SQL_RUNTIME, "OUT bind argument in dynamic SQL", a.getStart());
                }
                args.add(expr(a.condition()));
            }
            return "USING " + String.join(", ", args);
        }

        /** The statement text of dynamic SQL: a literal gets $n placeholders; anything else is flagged. */
        String dynamic(OracleParser.ExpressionContext ex, OracleParser.UsingClauseContext using) {
            if (ex instanceof OracleParser.PrimaryExpressionContext pe && pe.primary() instanceof OracleParser.LiteralPrimaryContext lp
                    && lp.literal().stringLiteral() != null) {
                String value = OracleScriptSchemaBuilder.stringValue(lp.literal().stringLiteral().getText());
                item(ActionCode.DYNAMIC_SQL_LITERAL, "EXECUTE IMMEDIATE of a literal statement", ex.getStart());
                // the statement text itself is Oracle SQL: translate it like static SQL when it parses
                OracleToPostgresSql.Translation t = sql.dynamicStatement(value, e.originOf(ex.getStart()));
                if (t.translated()) {
                    value = t.sql();
                    e.items.addAll(t.items());
                    e.tables.addAll(t.tables());
                }
                return "'" + placeholders(value).replace("'", "''") + "'"
                        + (using == null ? "" : " " + using(using));
            }
            item(ActionCode.DYNAMIC_SQL_RUNTIME, "Dynamic SQL built at runtime: " + oneLine(OracleScriptSchemaBuilder.text(ex)), ex.getStart());
            return expr(ex) + (using == null ? "" : " " + using(using));
        }

        // ------------------------------------------------------------------------------------------ helpers

        /**
         * Stands in for a statement that was not translated: it fails loudly at run time instead of being skipped
         * silently (the unit also carries a HIGH item naming the statement).
         */
        String notTranslated(ParserRuleContext ctx) {
            OracleToPostgresSql.Origin o = e.originOf(ctx.getStart());
            String text = oneLine(OracleScriptSchemaBuilder.text(ctx));
            return "RAISE EXCEPTION USING ERRCODE = 'FE001', MESSAGE = 'Ferry: PL/SQL statement at line " + o.line()
                    + " not translated: " + text.replace("'", "''") + "';";
        }

        String oneLine(String s) {
            String t = s.replaceAll("\\s+", " ").trim();
            return t.length() > 80 ? t.substring(0, 77) + "..." : t;
        }
    }

    /** {@code :name} / {@code :1} bind placeholders outside quotes → {@code $1, $2...} in order of appearance. */
    static String placeholders(String sqlText) {
        StringBuilder sb = new StringBuilder();
        int n = 0;
        boolean quoted = false;
        for (int i = 0; i < sqlText.length(); i++) {
            char c = sqlText.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
                sb.append(c);
            } else if (c == ':' && !quoted && i + 1 < sqlText.length()
                    && (Character.isLetterOrDigit(sqlText.charAt(i + 1)) || sqlText.charAt(i + 1) == '_')
                    && (i == 0 || sqlText.charAt(i - 1) != ':')) {
                int j = i + 1;
                while (j < sqlText.length() && (Character.isLetterOrDigit(sqlText.charAt(j)) || sqlText.charAt(j) == '_'
                        || sqlText.charAt(j) == '$' || sqlText.charAt(j) == '#')) {
                    j++;
                }
                sb.append('$').append(++n);
                i = j - 1;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The SQLSTATE of an Oracle error number, or null. */
    static String oracleCode(long code) {
        if (code <= -20000 && code >= -20999) {
            return "U0" + String.valueOf(-code).substring(2);
        }
        return ORA_CODES.get(code);
    }

    /** Multi-line expressions keep the layout they had in the source (hook for re-indenting later). */
    static String indentMore(String text, String ind) {
        return text;
    }
}
