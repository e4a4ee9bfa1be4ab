package dev.ferry.converter.parse.oracle;

import dev.ferry.converter.assess.ActionCode;
import dev.ferry.converter.assess.ActionItem;
import dev.ferry.converter.assess.ConvertedObject;
import dev.ferry.converter.assess.DeployPhase;
import dev.ferry.converter.assess.ObjectStatus;
import dev.ferry.converter.naming.PostgresIdentifiers;
import dev.ferry.converter.render.SourceRef;
import dev.ferry.grammar.oracle.OracleParser;
import dev.ferry.model.schema.Schema;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

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
 * Turns the PL/SQL statements of a script (procedures, functions, triggers, packages) into {@link ConvertedObject}s
 * with PL/pgSQL DDL, using {@link OracleToPlpgsql} for the bodies. Statuses stay MANUAL until verification (deploying
 * with {@code check_function_bodies = on} compiles each body).
 *
 * <p>Threading: not thread-safe; one instance per conversion.
 */
final class OraclePlsqlUnits {

    private final String s;
    private final Schema schema;
    private final Set<String> relations;
    private final Map<String, Boolean> routines = new HashMap<>();
    private final Map<String, OracleParsedStatement> specs = new HashMap<>();
    private final Set<String> disabledTriggers = new HashSet<>();
    private final OracleToPlpgsql plsql;
    private final Set<String> usedKeys = new HashSet<>();

    OraclePlsqlUnits(String pgSchema, Schema schema, OracleParseResult script) {
        this.s = pgSchema;
        this.schema = schema;
        Set<String> rel = new HashSet<>();
        schema.tables().forEach(t -> rel.add(t.name()));
        schema.views().forEach(v -> rel.add(v.name()));
        schema.sequences().forEach(q -> rel.add(q.name()));
        this.relations = rel;
        for (OracleParsedStatement st : script.statements()) {
            ParseTree c = st.handle().tree().getChild(0);
            if (c instanceof OracleParser.CreateProcedureContext p) {
                routines.put(last(p.objectName()), true);
            } else if (c instanceof OracleParser.CreateFunctionContext f) {
                routines.put(last(f.objectName(0)), false);
            } else if (c instanceof OracleParser.CreatePackageContext pk) {
                specs.put(last(pk.objectName()), st);
            } else if (c instanceof OracleParser.AlterOtherContext ao && ao.TRIGGER() != null && ao.getChildCount() >= 4
                    && ao.getStop().getText().equalsIgnoreCase("DISABLE")) {
                // ALTER TRIGGER [schema.]name DISABLE
                String n = ao.getChild(ao.getChildCount() - 2).getText();
                disabledTriggers.add(n.startsWith("\"") ? n.substring(1, n.length() - 1) : n.toUpperCase(Locale.ROOT));
            }
        }
        this.plsql = new OracleToPlpgsql(pgSchema, relations, routines, (t, c) -> schema.table(t).flatMap(tb -> tb.column(c))
                .map(col -> dev.ferry.converter.types.OracleToPostgresTypes.defaultMapping(c, col.type()))
                .filter(dev.ferry.converter.types.OracleToPostgresTypes.Mapping::mapped)
                .map(dev.ferry.converter.types.OracleToPostgresTypes.Mapping::sqlType).orElse(null));
    }

    /** Units outside a script's schema context (anonymous blocks of a data script). */
    OraclePlsqlUnits(String pgSchema, Set<String> relations) {
        this.s = pgSchema;
        this.schema = null;
        this.relations = Set.copyOf(relations);
        this.plsql = new OracleToPlpgsql(pgSchema, this.relations, Map.of());
    }

    static String last(OracleParser.ObjectNameContext on) {
        var ids = on.identifier();
        return OracleScriptSchemaBuilder.name(ids.get(ids.size() - 1));
    }

    static OracleToPostgresSql.Origin origin(OracleParsedStatement st) {
        return new OracleToPostgresSql.Origin(st.line(), st.column());
    }

    private String uniqueName(String type, String schemaName, String name) {
        String n = name;
        int i = 2;
        while (!usedKeys.add(ConvertedObject.key(type, schemaName, n))) {
            n = name + "$" + i++;
        }
        return n;
    }

    // ================================================================================================ routines

    /** A translated routine: its DDL, the unit (for items/tables) and whether it could be translated at all. */
    record RoutineDdl(String ddl, OracleToPlpgsql.Unit unit, List<ActionItem> items) {
    }

    RoutineDdl routine(String pgSchema, String name, boolean procedure, OracleParser.ParameterListContext params,
                       OracleParser.DataTypeContext returns, List<OracleParser.RoutineOptionContext> options,
                       OracleParser.BodyContext body, ParserRuleContext anchor, OracleParsedStatement st,
                       OracleToPlpgsql.PackageInfo pkg) {
        OracleToPlpgsql.Unit u = plsql.unit(procedure ? OracleToPlpgsql.Kind.PROCEDURE : OracleToPlpgsql.Kind.FUNCTION,
                (pkg == null ? "" : pkg.pgSchema() + ".") + name, anchor, origin(st), null, pkg);
        List<ActionItem> extra = new ArrayList<>();
        if (body == null) {
            u.item(ActionCode.PLSQL_NOT_TRANSLATED, "External (C/Java) implementation of " + name, anchor.getStart());
            return new RoutineDdl(null, u, extra);
        }
        List<String> ps = new ArrayList<>();
        u.parameters(params, ps, !procedure);
        boolean pipelined = options.stream().anyMatch(o -> o.PIPELINED() != null);
        String ret = null;
        if (!procedure) {
            u.inParam++;
            try {
                ret = u.type(returns, true);
            } finally {
                u.inParam--;
            }
            if (pipelined) {
                u.item(ActionCode.PIPELINED_FUNCTION, "PIPELINED function " + name + " became RETURNS SETOF", anchor.getStart());
                ret = "SETOF " + (ret.endsWith("[]") ? ret.substring(0, ret.length() - 2) : ret);
            }
        }
        String block = u.block(body.declareItem(), body.statements(), body.exceptionSection(), List.of(), null);
        String q = "$$";
        while (block.contains(q)) {
            q = "$ferry" + q.length() + "$";
        }
        String qualified = PostgresIdentifiers.quote(pgSchema) + "." + PostgresIdentifiers.sql(name);
        String ddl = "CREATE OR REPLACE " + (procedure ? "PROCEDURE " : "FUNCTION ") + qualified + "(" + String.join(", ", ps) + ")"
                + (procedure ? "" : "\nRETURNS " + ret) + "\nLANGUAGE plpgsql\nAS " + q + "\n#variable_conflict use_column\n"
                + block + "\n" + q;
        for (String t : u.extraDdl) {
            ddl = t + ";\n" + ddl;
        }
        return new RoutineDdl(ddl, u, extra);
    }

    private List<String> deps(OracleToPlpgsql.Unit u) {
        Set<String> deps = new LinkedHashSet<>();
        for (String t : u.tables()) {
            if (schema.table(t).isPresent()) {
                deps.add(ConvertedObject.key("TABLE", s, PostgresIdentifiers.fold(t)));
            } else if (schema.view(t).isPresent()) {
                deps.add(ConvertedObject.key("VIEW", s, PostgresIdentifiers.fold(t)));
            }
        }
        for (String r : u.called) {
            if (!r.contains(".")) {
                deps.add(ConvertedObject.key("ROUTINE", s, PostgresIdentifiers.fold(r)));
            }
        }
        return new ArrayList<>(deps);
    }

    private ConvertedObject object(String pgSchema, String name, String type, OracleParsedStatement st, SourceRef ref,
                                   String ddl, List<String> deps, List<ActionItem> items) {
        List<ActionItem> all = new ArrayList<>(items);
        if (ddl != null) {
            all.add(ActionItem.of(ActionCode.ROUTINE_CONVERTED, type.toLowerCase(Locale.ROOT) + " " + name
                    + " translated to PL/pgSQL", ref.line(), ref.column()));
        }
        return new ConvertedObject(pgSchema, uniqueName(type, pgSchema, name), type, ObjectStatus.MANUAL, false, ref.file(),
                ref.line(), ref.text(), ddl, DeployPhase.POST_LOAD, deps, all);
    }

    ConvertedObject procedureOrFunction(OracleParsedStatement st, SourceRef ref) {
        ParseTree c = st.handle().tree().getChild(0);
        String name;
        RoutineDdl r;
        if (c instanceof OracleParser.CreateProcedureContext p) {
            name = last(p.objectName());
            r = routine(s, name, true, p.parameterList(), null, p.routineOption(), p.body(), p, st, null);
        } else {
            OracleParser.CreateFunctionContext f = (OracleParser.CreateFunctionContext) c;
            name = last(f.objectName(0));
            if (f.body() == null && f.externalBody() == null) {
                List<ActionItem> items = List.of(ActionItem.of(ActionCode.PLSQL_NOT_TRANSLATED, "User-defined aggregate "
                        + name + ": create it with CREATE AGGREGATE", st.line(), st.column()));
                return object(s, PostgresIdentifiers.fold(name), "ROUTINE", st, ref, null, List.of(), items);
            }
            r = routine(s, name, false, f.parameterList(), f.dataType(), f.routineOption(), f.body(), f, st, null);
        }
        return object(s, PostgresIdentifiers.fold(name), "ROUTINE", st, ref, r.ddl(), deps(r.unit()), r.unit().items());
    }

    // ================================================================================================ triggers

    ConvertedObject trigger(OracleParsedStatement st, SourceRef ref) {
        OracleParser.CreateTriggerContext ct = (OracleParser.CreateTriggerContext) st.handle().tree().getChild(0);
        String name = last(ct.objectName());
        String fold = PostgresIdentifiers.fold(name);
        List<ActionItem> items = new ArrayList<>();
        if (ct.triggerBody().COMPOUND() != null) {
            items.add(ActionItem.of(ActionCode.COMPOUND_TRIGGER, "Compound trigger " + name, st.line(), st.column()));
            return object(s, fold, "TRIGGER", st, ref, null, List.of(), items);
        }
        if (!ct.systemEvent().isEmpty() || ct.dmlEventClause() == null) {
            items.add(ActionItem.of(ActionCode.SYSTEM_TRIGGER, "System/DDL event trigger " + name, st.line(), st.column()));
            return object(s, fold, "TRIGGER", st, ref, null, List.of(), items);
        }
        OracleParser.DmlEventClauseContext ev = ct.dmlEventClause();
        if (ev.NESTED() != null) {
            items.add(ActionItem.of(ActionCode.PLSQL_NOT_TRANSLATED, "Trigger on a nested table column", st.line(), st.column()));
            return object(s, fold, "TRIGGER", st, ref, null, List.of(), items);
        }
        boolean insteadOf = ct.INSTEAD() != null;
        boolean before = ct.BEFORE() != null;
        boolean row = ct.ROW() != null || insteadOf;
        Set<String> events = new LinkedHashSet<>();
        List<String> eventSql = new ArrayList<>();
        for (OracleParser.DmlEventContext e : ev.dmlEvent()) {
            if (e.INSERT() != null) {
                events.add("INSERT");
                eventSql.add("INSERT");
            } else if (e.DELETE() != null) {
                events.add("DELETE");
                eventSql.add("DELETE");
            } else {
                events.add("UPDATE");
                List<String> cols = new ArrayList<>();
                e.identifier().forEach(i -> cols.add(PostgresIdentifiers.sql(OracleScriptSchemaBuilder.name(i))));
                eventSql.add(cols.isEmpty() || insteadOf ? "UPDATE" : "UPDATE OF " + String.join(", ", cols));
            }
        }
        Set<String> newNames = new HashSet<>();
        Set<String> oldNames = new HashSet<>();
        OracleParser.ReferencingClauseContext rc = ct.referencingClause();
        if (rc != null) {
            int k = 0;
            for (int i = 0; i < rc.getChildCount(); i++) {
                ParseTree ch = rc.getChild(i);
                if (ch instanceof TerminalNode tn && (tn.getSymbol().getText().equalsIgnoreCase("NEW")
                        || tn.getSymbol().getText().equalsIgnoreCase("OLD"))) {
                    boolean isNew = tn.getSymbol().getText().equalsIgnoreCase("NEW");
                    (isNew ? newNames : oldNames).add(OracleScriptSchemaBuilder.name(rc.identifier(k)).toUpperCase(Locale.ROOT));
                    k++;
                } else if (ch instanceof TerminalNode tn && tn.getSymbol().getText().equalsIgnoreCase("PARENT")) {
                    k++;
                }
            }
        }
        String ret;
        if (!row || !(before || insteadOf)) {
            ret = "RETURN NULL;";
        } else if (!events.contains("DELETE")) {
            ret = "RETURN NEW;";
        } else if (events.size() == 1) {
            ret = "RETURN OLD;";
        } else {
            ret = "IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; RETURN NEW;";
        }
        OracleToPlpgsql.TriggerInfo info = new OracleToPlpgsql.TriggerInfo(row, ret, newNames, oldNames);
        OracleToPlpgsql.Unit u = plsql.unit(OracleToPlpgsql.Kind.TRIGGER, name, ct, origin(st), info, null);
        String table = last(ev.objectName());
        String qTable = PostgresIdentifiers.quote(s) + "." + PostgresIdentifiers.sql(table);
        u.tables().add(table);
        // WHEN: in CREATE TRIGGER when PostgreSQL allows the references, else a guard at the top of the body
        String when = null;
        String guard = null;
        if (ct.WHEN() != null) {
            u.inWhen = true;
            String cond;
            try {
                cond = u.x(ct.condition());
            } finally {
                u.inWhen = false;
            }
            boolean usesOld = cond.contains("OLD.");
            boolean usesNew = cond.contains("NEW.");
            if ((events.contains("INSERT") && usesOld) || (events.contains("DELETE") && usesNew)) {
                guard = "IF NOT coalesce(" + cond + ", false) THEN " + ret + " END IF;";
            } else {
                when = cond;
            }
        }
        if (!ct.triggerOrdering().isEmpty()) {
            u.item(ActionCode.TRIGGER_ORDERING, "Trigger " + name + " uses FOLLOWS/PRECEDES", ct.triggerOrdering(0).getStart());
        }
        String block;
        OracleParser.TriggerBodyContext tb = ct.triggerBody();
        if (tb.CALL() != null) {
            String target = tb.qualifiedName().getText();
            String args = tb.functionArguments() == null ? "()" : u.x(tb.functionArguments());
            block = "BEGIN\n" + (guard == null ? "" : "  " + guard + "\n") + "  CALL " + target.toLowerCase(Locale.ROOT) + args + ";\n  " + ret + "\nEND;";
        } else {
            OracleParser.AnonymousBlockContext b = tb.anonymousBlock();
            block = u.block(b.declareItem(), b.statements(), b.exceptionSection(), List.of(), ret);
            if (guard != null) {
                block = block.replaceFirst("(?m)^BEGIN$", java.util.regex.Matcher.quoteReplacement("BEGIN\n  " + guard));
            }
        }
        String q = "$$";
        while (block.contains(q)) {
            q = "$ferry" + q.length() + "$";
        }
        String fn = PostgresIdentifiers.quote(s) + "." + PostgresIdentifiers.sql(name + "_FN");
        StringBuilder ddl = new StringBuilder();
        for (String t : u.extraDdl) {
            ddl.append(t).append(";\n");
        }
        ddl.append("CREATE OR REPLACE FUNCTION ").append(fn).append("()\nRETURNS trigger\nLANGUAGE plpgsql\nAS ").append(q)
                .append("\n#variable_conflict use_column\n").append(block).append('\n').append(q).append(";\n");
        ddl.append("CREATE TRIGGER ").append(PostgresIdentifiers.sql(name)).append(' ')
                .append(insteadOf ? "INSTEAD OF" : before ? "BEFORE" : "AFTER").append(' ')
                .append(String.join(" OR ", eventSql)).append(" ON ").append(qTable)
                .append(row ? " FOR EACH ROW" : " FOR EACH STATEMENT");
        if (when != null) {
            ddl.append(" WHEN (").append(when).append(')');
        }
        ddl.append(" EXECUTE FUNCTION ").append(fn).append("()");
        if (ct.DISABLE() != null || disabledTriggers.contains(name)) {
            if (insteadOf) {
                // a trigger on a view cannot be disabled in PostgreSQL: create the function only
                String create = ddl.substring(ddl.indexOf("CREATE TRIGGER "));
                ddl.setLength(ddl.indexOf("CREATE TRIGGER ") - 2);
                u.item(ActionCode.TRIGGER_DISABLED, "INSTEAD OF trigger " + name + " was disabled; PostgreSQL cannot disable "
                        + "triggers on views, so only its function was created. To enable it run: " + create, ct.getStart());
            } else {
                ddl.append(";\nALTER TABLE ").append(qTable).append(" DISABLE TRIGGER ").append(PostgresIdentifiers.sql(name));
                u.item(ActionCode.TRIGGER_DISABLED, "Trigger " + name + " is disabled", ct.getStart());
            }
        }
        List<String> deps = deps(u);
        return object(s, fold, "TRIGGER", st, ref, ddl.toString(), deps, u.items());
    }

    // ================================================================================================ packages

    List<ConvertedObject> packageBody(OracleParsedStatement st, SourceRef ref) {
        OracleParser.CreatePackageBodyContext pb = (OracleParser.CreatePackageBodyContext) st.handle().tree().getChild(0);
        String name = last(pb.objectName());
        String pg = PostgresIdentifiers.fold(name);
        OracleParsedStatement specSt = specs.get(name);
        OracleParser.CreatePackageContext spec = specSt == null ? null
                : (OracleParser.CreatePackageContext) specSt.handle().tree().getChild(0);
        // package-level declarations: a scratch unit collects types, exceptions, constants and state
        OracleToPlpgsql.Unit pu = plsql.unit(OracleToPlpgsql.Kind.BLOCK, name, pb, origin(st), null, null);
        Map<String, Boolean> members = new LinkedHashMap<>();
        Map<String, String> constants = new HashMap<>();
        Set<String> variables = new HashSet<>();
        Map<String, OracleToPlpgsql.Setting> settings = new LinkedHashMap<>();
        // the spec and the body are separate statements (separate token streams): each has its own scratch unit
        OracleToPlpgsql.Unit su = spec == null ? null
                : plsql.unit(OracleToPlpgsql.Kind.BLOCK, name, spec, origin(specSt), null, null);
        List<ActionItem> declItems = new ArrayList<>();
        for (int pass = 0; pass < 2; pass++) {
            OracleToPlpgsql.Unit u = pass == 0 ? su : pu;
            if (u == null) {
                continue;
            }
            if (pass == 1 && su != null) {
                pu.types.putAll(su.types);
                pu.collectionTypes.addAll(su.collectionTypes);
                pu.exceptions.putAll(su.exceptions);
                pu.extraDdl.addAll(su.extraDdl);
            }
            List<OracleParser.DeclareItemContext> items = pass == 0 ? spec.declareItem() : pb.declareItem();
            for (OracleParser.DeclareItemContext d : items) {
                if (d.procedureDefinition() != null) {
                    members.put(OracleScriptSchemaBuilder.name(d.procedureDefinition().procedureHeading().identifier()).toUpperCase(Locale.ROOT), true);
                } else if (d.functionDefinition() != null) {
                    members.put(OracleScriptSchemaBuilder.name(d.functionDefinition().functionHeading().identifier()).toUpperCase(Locale.ROOT), false);
                } else if (d.variableDeclaration() != null) {
                    OracleParser.VariableDeclarationContext v = d.variableDeclaration();
                    String vn = OracleScriptSchemaBuilder.name(v.identifier()).toUpperCase(Locale.ROOT);
                    if (v.CONSTANT() != null && v.condition() != null) {
                        constants.put(vn, u.x(v.condition()));
                    } else if (scalar(v, u)) {
                        String t = u.type(v.dataType(), false);
                        settings.put(vn, new OracleToPlpgsql.Setting(pg + "." + vn.toLowerCase(Locale.ROOT), t,
                                v.condition() == null ? null : "CAST(" + u.x(v.condition()) + " AS " + t + ")"));
                    } else {
                        variables.add(vn);
                    }
                } else if (d.CURSOR() != null) {
                    variables.add(OracleScriptSchemaBuilder.name(d.identifier()).toUpperCase(Locale.ROOT));
                } else {
                    u.declaration(d, new ArrayList<>());
                }
            }
            declItems.addAll(u.items());
        }
        List<ActionItem> pkgItems = new ArrayList<>(declItems);
        if (!variables.isEmpty()) {
            pkgItems.add(ActionItem.of(ActionCode.PACKAGE_STATE, "Package " + name + " keeps state in "
                    + String.join(", ", new java.util.TreeSet<>(variables)), st.line(), st.column()));
        }
        if (!settings.isEmpty()) {
            pkgItems.add(ActionItem.of(ActionCode.PACKAGE_STATE_SETTING, "Package " + name + " variables "
                    + String.join(", ", settings.keySet()) + " became session settings "
                    + String.join(", ", settings.values().stream().map(OracleToPlpgsql.Setting::name).toList()),
                    st.line(), st.column()));
        }
        if (pb.BEGIN() != null) {
            pkgItems.add(ActionItem.of(ActionCode.PACKAGE_INITIALIZATION, "Package " + name + " has an initialisation section",
                    pb.BEGIN().getSymbol().getLine() - pb.getStart().getLine() + st.line(), pb.BEGIN().getSymbol().getCharPositionInLine() + 1));
        }
        OracleToPlpgsql.PackageInfo info = new OracleToPlpgsql.PackageInfo(pg, members, variables, constants,
                pu.types, pu.collectionTypes, pu.exceptions, settings);
        StringBuilder pkgDdl = new StringBuilder("CREATE SCHEMA IF NOT EXISTS ").append(PostgresIdentifiers.quote(pg));
        for (String t : pu.extraDdl) {
            pkgDdl.append(";\n").append(t);
        }
        List<ConvertedObject> out = new ArrayList<>();
        String pkgKey = ConvertedObject.key("PACKAGE", s, pg);
        out.add(new ConvertedObject(s, uniqueName("PACKAGE", s, pg), "PACKAGE", ObjectStatus.MANUAL, false, ref.file(), ref.line(),
                ref.text(), pkgDdl.toString(), DeployPhase.POST_LOAD, List.of(), pkgItems));
        for (OracleParser.DeclareItemContext d : pb.declareItem()) {
            String mn;
            RoutineDdl r;
            Token at = d.getStart();
            if (d.procedureDefinition() != null && d.procedureDefinition().body() != null) {
                OracleParser.ProcedureDefinitionContext p = d.procedureDefinition();
                mn = OracleScriptSchemaBuilder.name(p.procedureHeading().identifier());
                r = routine(pg, mn, true, p.procedureHeading().parameterList(), null, p.routineOption(), p.body(), pb, st, info);
            } else if (d.functionDefinition() != null && d.functionDefinition().body() != null) {
                OracleParser.FunctionDefinitionContext f = d.functionDefinition();
                mn = OracleScriptSchemaBuilder.name(f.functionHeading().identifier());
                r = routine(pg, mn, false, f.functionHeading().parameterList(), f.functionHeading().dataType(),
                        f.functionHeading().routineOption(), f.body(), pb, st, info);
            } else {
                continue;
            }
            int line = st.line() + at.getLine() - pb.getStart().getLine();
            SourceRef mref = new SourceRef(ref.file(), line, at.getCharPositionInLine() + 1, OracleScriptSchemaBuilder.text(d));
            List<String> deps = new ArrayList<>(deps(r.unit()));
            deps.add(pkgKey);
            List<ActionItem> items = new ArrayList<>(r.unit().items());
            if (r.unit().usesPackageState) {
                items.add(ActionItem.of(ActionCode.PACKAGE_STATE, "Member " + mn + " of package " + name
                        + " reads or writes package state", line, at.getCharPositionInLine() + 1));
            }
            out.add(object(pg, PostgresIdentifiers.fold(mn), "ROUTINE", st, mref, r.ddl(), deps, items));
        }
        return out;
    }

    /** A package variable that can live in a setting: a plain scalar type and no default or a literal default. */
    private static boolean scalar(OracleParser.VariableDeclarationContext v, OracleToPlpgsql.Unit pu) {
        OracleParser.DataTypeContext d = v.dataType();
        String n = d.getText().toUpperCase(Locale.ROOT);
        if (d.PERCENT_SIGN() != null || d.REF() != null || n.equals("SYS_REFCURSOR") || pu.collectionTypes.contains(n)) {
            return false;
        }
        String t = pu.type(d, false);
        if (t.contains("%") || t.contains(".") || t.equals("refcursor") || t.endsWith("[]")) {
            return false; // %TYPE, composite (record) types, cursors and arrays stay unemulated
        }
        return v.condition() == null || v.condition().getText().matches("(?i)-?[0-9.]+|'[^']*'|NULL|TRUE|FALSE");
    }

    /** A package spec alone (no body in the script): the schema only. */
    ConvertedObject packageSpec(OracleParsedStatement st, SourceRef ref) {
        OracleParser.CreatePackageContext spec = (OracleParser.CreatePackageContext) st.handle().tree().getChild(0);
        String pg = PostgresIdentifiers.fold(last(spec.objectName()));
        return new ConvertedObject(s, uniqueName("PACKAGE", s, pg + "$spec"), "PACKAGE", ObjectStatus.MANUAL, false,
                ref.file(), ref.line(), ref.text(), null, DeployPhase.POST_LOAD, List.of(),
                List.of(ActionItem.of(ActionCode.ROUTINE_CONVERTED, "Package specification " + last(spec.objectName())
                        + " is converted together with its body", st.line(), st.column())));
    }

    /** An anonymous block → {@code DO $$ ... $$}. */
    String anonymousBlock(OracleParsedStatement st, List<ActionItem> items, OracleToPlpgsql.Unit[] unitOut) {
        OracleParser.AnonymousBlockContext b = (OracleParser.AnonymousBlockContext) st.handle().tree().getChild(0);
        OracleToPlpgsql.Unit u = plsql.unit(OracleToPlpgsql.Kind.BLOCK, "anonymous block", b, origin(st), null, null);
        String block = u.block(b.declareItem(), b.statements(), b.exceptionSection(), List.of(), null);
        items.addAll(u.items());
        unitOut[0] = u;
        String q = "$$";
        while (block.contains(q)) {
            q = "$ferry" + q.length() + "$";
        }
        return "DO " + q + "\n#variable_conflict use_column\n" + block + "\n" + q;
    }
}
