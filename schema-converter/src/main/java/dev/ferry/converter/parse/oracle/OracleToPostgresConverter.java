package dev.ferry.converter.parse.oracle;

import dev.ferry.converter.assess.ActionCode;
import dev.ferry.converter.assess.ActionItem;
import dev.ferry.converter.assess.ConversionResult;
import dev.ferry.converter.assess.ConvertedObject;
import dev.ferry.converter.assess.DeployPhase;
import dev.ferry.converter.assess.ObjectStatus;
import dev.ferry.converter.naming.PostgresIdentifiers;
import dev.ferry.converter.render.PostgresRenderer;
import dev.ferry.converter.render.SourceRef;
import dev.ferry.grammar.oracle.OracleParser;
import dev.ferry.model.project.TypeMappingRule;
import dev.ferry.model.schema.Schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Converts a parsed Oracle DDL script to PostgreSQL: builds the neutral model with {@link OracleScriptSchemaBuilder},
 * renders it with {@link PostgresRenderer} (which records each object's source line), translates PL/SQL units to
 * PL/pgSQL with {@link OraclePlsqlUnits} and lists the statements this
 * version does not convert (types, synonyms) as MANUAL objects.
 *
 * <p>Threading: stateless; each call uses its own renderer.
 */
public final class OracleToPostgresConverter {

    private final List<TypeMappingRule> rules;

    public OracleToPostgresConverter(List<TypeMappingRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public OracleToPostgresConverter() {
        this(List.of());
    }

    /** Converts the objects of {@code schemaName} (Oracle spelling, e.g. {@code HR}) created by {@code script}. */
    public ConversionResult convert(String schemaName, OracleParseResult script) {
        Schema schema = new OracleScriptSchemaBuilder().build(schemaName, script);
        Map<String, SourceRef> sources = new HashMap<>();
        List<ConvertedObject> manual = new ArrayList<>();
        String s = PostgresIdentifiers.fold(schemaName);
        OraclePlsqlUnits units = new OraclePlsqlUnits(s, schema, script);
        java.util.Set<String> bodies = new java.util.HashSet<>();
        for (OracleParsedStatement st : script.statements()) {
            if (st.kind() == OracleStatementKind.CREATE_PACKAGE_BODY) {
                st.objectName().map(OracleToPostgresConverter::lastPart).ifPresent(bodies::add);
            }
        }
        for (OracleParsedStatement st : script.statements()) {
            String name = st.objectName().map(OracleToPostgresConverter::lastPart).orElse(null);
            SourceRef ref = new SourceRef(st.file() == null ? null : st.file().toString(), st.line(), st.column(), st.text());
            switch (st.kind()) {
                case CREATE_TABLE -> sources.putIfAbsent("TABLE:" + name, ref);
                case ALTER_TABLE -> constraintNames(st.handle().tree(), n -> sources.putIfAbsent("CONSTRAINT:" + n, ref));
                case CREATE_INDEX -> sources.putIfAbsent("INDEX:" + name, ref);
                case CREATE_SEQUENCE -> sources.putIfAbsent("SEQUENCE:" + name, ref);
                case CREATE_VIEW -> sources.put("VIEW:" + name, ref);
                case CREATE_TRIGGER -> {
                    java.util.Optional<OracleSequenceTriggers.Match> m = OracleSequenceTriggers.match(st);
                    if (m.isPresent() && schema.table(m.get().table()).flatMap(t -> t.column(m.get().column())).isPresent()) {
                        manual.add(sequenceTrigger(s, schema, m.get(), ref));
                    } else {
                        manual.add(units.trigger(st, ref));
                    }
                }
                case CREATE_PROCEDURE, CREATE_FUNCTION -> manual.add(units.procedureOrFunction(st, ref));
                case CREATE_PACKAGE_BODY -> manual.addAll(units.packageBody(st, ref));
                case CREATE_PACKAGE -> {
                    if (!bodies.contains(name)) {
                        manual.add(notConverted(s, "PACKAGE", name, st, ref));
                    }
                }
                case CREATE_MATERIALIZED_VIEW -> manual.add(materializedView(s, schema, st, ref));
                case CREATE_TYPE,
                        CREATE_TYPE_BODY, CREATE_SYNONYM -> {
                    String type = switch (st.kind()) {
                        case CREATE_TYPE, CREATE_TYPE_BODY -> "TYPE";
                        case CREATE_SYNONYM -> "SYNONYM";
                        case CREATE_MATERIALIZED_VIEW -> "MATERIALIZED_VIEW";
                        case CREATE_PACKAGE, CREATE_PACKAGE_BODY -> "PACKAGE";
                        default -> "ROUTINE";
                    };
                    String n = name == null ? "unnamed_" + st.line() : PostgresIdentifiers.fold(name)
                            + (st.kind() == OracleStatementKind.CREATE_PACKAGE_BODY || st.kind() == OracleStatementKind.CREATE_TYPE_BODY ? "$body" : "");
                    manual.add(new ConvertedObject(s, n, type, ObjectStatus.MANUAL, false, ref.file(), ref.line(), ref.text(),
                            null, DeployPhase.POST_LOAD, List.of(),
                            List.of(ActionItem.of(ActionCode.NOT_CONVERTED, st.kind().name().toLowerCase(Locale.ROOT)
                                    .replace('_', ' ') + " " + (name == null ? "" : name) + " is not converted", st.line(), st.column()))));
                }
                default -> { }
            }
        }
        return new PostgresRenderer(rules, sources::get).render(schema, manual);
    }

    private static ConvertedObject notConverted(String s, String type, String name, OracleParsedStatement st, SourceRef ref) {
        String n = name == null ? "unnamed_" + st.line() : PostgresIdentifiers.fold(name);
        return new ConvertedObject(s, n, type, ObjectStatus.MANUAL, false, ref.file(), ref.line(), ref.text(), null,
                DeployPhase.POST_LOAD, List.of(), List.of(ActionItem.of(ActionCode.NOT_CONVERTED,
                st.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " " + (name == null ? "" : name)
                        + " is not converted", st.line(), st.column())));
    }

    private static ConvertedObject sequenceTrigger(String s, Schema schema, OracleSequenceTriggers.Match m, SourceRef ref) {
        String table = PostgresIdentifiers.fold(m.table());
        boolean local = schema.sequences().stream().anyMatch(q -> q.name().equals(m.sequence()));
        String seq = (local ? PostgresIdentifiers.quote(s) + "." : "") + PostgresIdentifiers.sql(m.sequence());
        String ddl = "ALTER TABLE " + PostgresIdentifiers.quote(s) + "." + PostgresIdentifiers.quote(table) + " ALTER COLUMN "
                + PostgresIdentifiers.sql(m.column()) + " SET DEFAULT nextval('" + seq.replace("'", "''") + "')";
        ActionCode code = m.onlyWhenNull() ? ActionCode.SEQUENCE_TRIGGER_TO_DEFAULT : ActionCode.SEQUENCE_TRIGGER_OVERRIDES;
        List<String> deps = new ArrayList<>(List.of(ConvertedObject.key("TABLE", s, table)));
        if (local) {
            deps.add(ConvertedObject.key("SEQUENCE", s, PostgresIdentifiers.fold(m.sequence())));
        }
        return new ConvertedObject(s, PostgresIdentifiers.fold(m.trigger()), "TRIGGER", ObjectStatus.MANUAL, false,
                ref.file(), ref.line(), ref.text(), ddl, DeployPhase.POST_LOAD, deps,
                List.of(ActionItem.of(code, "Trigger " + m.trigger() + " (" + m.sequence() + ".NEXTVAL into "
                        + m.table() + "." + m.column() + ") became a column default", ref.line(), ref.column())));
    }

    private static ConvertedObject materializedView(String s, Schema schema, OracleParsedStatement st, SourceRef ref) {
        OracleParser.CreateMaterializedViewContext mv = (OracleParser.CreateMaterializedViewContext) st.handle().tree().getChild(0);
        var ids = mv.objectName().identifier();
        String name = PostgresIdentifiers.fold(OracleScriptSchemaBuilder.name(ids.get(ids.size() - 1)));
        java.util.Set<String> relations = new java.util.HashSet<>();
        schema.tables().forEach(t -> relations.add(t.name()));
        schema.views().forEach(v -> relations.add(v.name()));
        schema.sequences().forEach(q -> relations.add(q.name()));
        org.antlr.v4.runtime.Token unitStart = st.handle().tree().getStart();
        org.antlr.v4.runtime.Token qStart = mv.query().getStart();
        int line = st.line() + (qStart.getLine() - unitStart.getLine());
        int col = qStart.getLine() == unitStart.getLine()
                ? st.column() + (qStart.getCharPositionInLine() - unitStart.getCharPositionInLine()) : qStart.getCharPositionInLine() + 1;
        OracleToPostgresSql.Translation q = new OracleToPostgresSql(s, relations)
                .query(OracleScriptSchemaBuilder.text(mv.query()), new OracleToPostgresSql.Origin(line, col));
        List<ActionItem> items = new ArrayList<>(q.items());
        boolean deferred = false;
        for (OracleParser.MaterializedViewOptionContext o : mv.materializedViewOption()) {
            if (o.BUILD() != null && o.DEFERRED() != null) {
                deferred = true;
            } else if (o.REFRESH() != null && (o.FAST() != null || o.COMMIT() != null || o.STATEMENT() != null
                    || o.START() != null || o.NEXT() != null)) {
                items.add(ActionItem.of(ActionCode.MVIEW_REFRESH, "Materialized view " + name + ": "
                        + OracleScriptSchemaBuilder.text(o).replaceAll("\\s+", " "), st.line(), st.column()));
            } else if (o.QUERY() != null && o.ENABLE() != null) {
                items.add(ActionItem.of(ActionCode.MVIEW_QUERY_REWRITE, "Materialized view " + name
                        + " had ENABLE QUERY REWRITE", st.line(), st.column()));
            } else if (o.PREBUILT() != null) {
                items.add(ActionItem.of(ActionCode.UNSUPPORTED_FEATURE, "Materialized view " + name
                        + " ON PREBUILT TABLE", st.line(), st.column()));
            }
        }
        StringBuilder ddl = new StringBuilder("CREATE MATERIALIZED VIEW ").append(PostgresIdentifiers.quote(s)).append('.')
                .append(PostgresIdentifiers.quote(name));
        if (!mv.identifier().isEmpty()) {
            ddl.append(" (").append(mv.identifier().stream().map(i -> PostgresIdentifiers.sql(OracleScriptSchemaBuilder.name(i)))
                    .collect(java.util.stream.Collectors.joining(", "))).append(')');
        }
        ddl.append(" AS\n").append(q.sql().trim());
        if (deferred) {
            ddl.append("\nWITH NO DATA");
        }
        List<String> deps = new ArrayList<>();
        for (String t : q.tables()) {
            if (schema.table(t).isPresent()) {
                deps.add(ConvertedObject.key("TABLE", s, PostgresIdentifiers.fold(t)));
            } else if (schema.view(t).isPresent()) {
                deps.add(ConvertedObject.key("VIEW", s, PostgresIdentifiers.fold(t)));
            }
        }
        return new ConvertedObject(s, name, "MATERIALIZED_VIEW", ObjectStatus.MANUAL, false, ref.file(), ref.line(),
                ref.text(), q.translated() ? ddl.toString() : null, DeployPhase.POST_LOAD, deps, items);
    }

    /** Names of the constraints an ALTER TABLE adds. */
    private static void constraintNames(org.antlr.v4.runtime.tree.ParseTree t, java.util.function.Consumer<String> out) {
        if (t instanceof OracleParser.OutOfLineConstraintContext oc && oc.constraintName != null) {
            out.accept(OracleScriptSchemaBuilder.name(oc.constraintName));
            return;
        }
        for (int i = 0; i < t.getChildCount(); i++) {
            constraintNames(t.getChild(i), out);
        }
    }

    private static String lastPart(String qualified) {
        String[] parts = qualified.split("\\.");
        String last = parts[parts.length - 1];
        return last.startsWith("\"") ? last.substring(1, last.length() - 1) : last.toUpperCase(Locale.ROOT);
    }
}
