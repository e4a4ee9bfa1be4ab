package dev.ferry.converter.parse.postgres;

import dev.ferry.converter.assess.ActionCode;
import dev.ferry.converter.assess.ActionItem;
import dev.ferry.converter.assess.ConversionResult;
import dev.ferry.converter.assess.ConvertedObject;
import dev.ferry.converter.assess.DeployOrder;
import dev.ferry.converter.assess.DeployPhase;
import dev.ferry.converter.assess.ObjectStatus;
import dev.ferry.converter.direction.ConversionRequest;
import dev.ferry.converter.direction.SchemaConverter;
import dev.ferry.converter.naming.PostgresIdentifiers;
import dev.ferry.converter.render.SourceRef;
import dev.ferry.model.project.TypeMappingRule;
import dev.ferry.model.schema.CheckConstraint;
import dev.ferry.model.schema.Column;
import dev.ferry.model.schema.Engine;
import dev.ferry.model.schema.ForeignKey;
import dev.ferry.model.schema.Identity;
import dev.ferry.model.schema.Index;
import dev.ferry.model.schema.KeyConstraint;
import dev.ferry.model.schema.Partitioning;
import dev.ferry.model.schema.Routine;
import dev.ferry.model.schema.Schema;
import dev.ferry.model.schema.Sequence;
import dev.ferry.model.schema.Table;
import dev.ferry.model.schema.Trigger;
import dev.ferry.model.schema.UserType;
import dev.ferry.model.schema.View;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * PostgreSQL → PostgreSQL: a faithful copy of every object of a schema of the neutral model (from the live catalog
 * or from scripts, {@link PostgresScriptSchemaBuilder}): types (enum, composite, domain, range), sequences, tables with
 * their columns, defaults, identities, generated columns, collations, partitioning and partitions, comments (pre-load);
 * unique keys, checks, foreign keys, indexes, views, materialized views, routines, triggers, row-level security and
 * policies (post-load; the catalog reader gives them as table options {@code row_security} and {@code policy:<name>}). Names keep
 * their exact spelling (quoted when needed). The schema may be renamed ({@link ConversionRequest#targetSchema()}):
 * qualifiers inside expressions, view queries, routine headers and trigger definitions are renamed on our PostgreSQL
 * lexer's tokens ({@link PostgresSchemaRenamer}); views are created with {@code SET LOCAL search_path} to the target so
 * unqualified names resolve there; a routine body that names the old schema gets an item. User type-mapping rules
 * change column types where they match.
 *
 * <p>Objects come back unverified ({@link ObjectStatus#MANUAL}); a {@code TargetVerifier} decides the final status.
 *
 * <p>Threading: stateless; each {@link #convert} call uses its own state.
 */
public final class PostgresToPostgresConverter implements SchemaConverter {

    private static final Set<String> PLAIN_LANGUAGES = Set.of("sql", "plpgsql", "internal");

    @Override
    public Engine source() {
        return Engine.POSTGRESQL;
    }

    @Override
    public Engine target() {
        return Engine.POSTGRESQL;
    }

    @Override
    public ConversionResult convert(ConversionRequest request) {
        return new Run(request).convert();
    }

    private static String q(String name) {
        return PostgresIdentifiers.quote(name);
    }

    /** One conversion's state. */
    private static final class Run {
        private final Schema schema;
        private final String from;
        private final String s;
        private final List<TypeMappingRule> rules;
        private final Function<String, SourceRef> sources;
        private final List<ConvertedObject> out = new ArrayList<>();
        private final Set<String> relations = new HashSet<>();
        private String schemaKey;

        Run(ConversionRequest request) {
            this.schema = request.source();
            this.from = schema.name();
            this.s = request.targetSchema() == null ? schema.name() : request.targetSchema();
            this.rules = request.rules();
            this.sources = request.sources();
        }

        private SourceRef source(String type, String name) {
            SourceRef r = sources.apply(type + ":" + name);
            return r == null ? SourceRef.NONE : r;
        }

        private ConvertedObject obj(String name, String type, SourceRef src, String ddl, DeployPhase phase, List<String> deps,
                                    List<ActionItem> items) {
            return new ConvertedObject(type.equals("SCHEMA") ? null : s, name, type, ObjectStatus.MANUAL, false, src.file(),
                    src.line(), src.text(), ddl, phase, deps, items);
        }

        private String qn(String name) {
            return q(s) + "." + q(name);
        }

        private String r(String sql) {
            return PostgresSchemaRenamer.rename(sql, from, s);
        }

        /** Unqualified names in copied text (defaults, bodies, CREATE headers) resolve in the target schema. */
        private String sp() {
            return "SET LOCAL search_path TO " + q(s) + ", public;\n";
        }

        ConversionResult convert() {
            schema.tables().forEach(t -> relations.add(t.name()));
            schema.views().forEach(v -> relations.add(v.name()));
            schemaKey = ConvertedObject.key("SCHEMA", null, s);
            out.add(obj(s, "SCHEMA", SourceRef.NONE, "CREATE SCHEMA IF NOT EXISTS " + q(s), DeployPhase.PRE_LOAD, List.of(), List.of()));
            schema.types().forEach(this::type);
            schema.sequences().forEach(this::sequence);
            schema.tables().forEach(this::table);
            schema.views().forEach(this::view);
            schema.routines().forEach(this::routine);
            schema.triggers().forEach(this::trigger);
            List<ConvertedObject> objects = new ArrayList<>(out);
            DeployOrder.Result order = DeployOrder.sort(objects);
            if (!order.cycles().isEmpty()) {
                objects = objects.stream().map(o -> order.cycles().contains(o.key())
                        ? o.withItems(List.of(ActionItem.of(ActionCode.DEPENDENCY_CYCLE, o.type() + " " + o.name()
                        + " is part of or waits on a dependency cycle", o.sourceLine(), 0))) : o).toList();
            }
            return new ConversionResult(Engine.POSTGRESQL, Engine.POSTGRESQL, objects, order.order());
        }

        // ------------------------------------------------------------------------------------------ types

        private void type(UserType t) {
            SourceRef src = source("TYPE", t.name());
            String ddl = switch (t.kind()) {
                case ENUM -> "CREATE TYPE " + qn(t.name()) + " AS ENUM (" + t.labels().stream().map(PostgresToPostgresConverter::literal)
                        .collect(Collectors.joining(", ")) + ")";
                case COMPOSITE -> "CREATE TYPE " + qn(t.name()) + " AS (" + t.attributes().stream()
                        .map(a -> q(a.name()) + " " + r(a.type().declared())).collect(Collectors.joining(", ")) + ")";
                case DOMAIN -> t.source() == null ? null : sp() + r(strip(t.source()));
                case RANGE -> t.elementType() != null ? "CREATE TYPE " + qn(t.name()) + " AS RANGE (SUBTYPE = "
                        + r(t.elementType()) + ")" : t.source() == null ? null : sp() + r(strip(t.source()));
                default -> t.source() == null ? null : sp() + r(strip(t.source()));
            };
            List<ActionItem> items = ddl == null ? List.of(ActionItem.of(ActionCode.PG_NOT_COPIED, t.kind().name().toLowerCase(Locale.ROOT)
                    + " type " + t.name() + " is not copied", src.line(), src.column())) : List.of();
            out.add(obj(t.name(), "TYPE", src, ddl, DeployPhase.PRE_LOAD, List.of(schemaKey), items));
        }

        // ------------------------------------------------------------------------------------------ sequences

        private void sequence(Sequence q) {
            SourceRef src = source("SEQUENCE", q.name());
            StringBuilder sb = new StringBuilder("CREATE SEQUENCE ").append(qn(q.name()));
            if (q.dataType() != null && !q.dataType().equals("bigint")) {
                sb.append(" AS ").append(q.dataType());
            }
            if (q.increment() != null) {
                sb.append(" INCREMENT BY ").append(q.increment());
            }
            if (q.minValue() != null) {
                sb.append(" MINVALUE ").append(q.minValue());
            }
            if (q.maxValue() != null) {
                sb.append(" MAXVALUE ").append(q.maxValue());
            }
            if (q.start() != null) {
                sb.append(" START WITH ").append(q.start());
            }
            if (q.cache() != null && q.cache() > 1) {
                sb.append(" CACHE ").append(q.cache());
            }
            if (q.cycle()) {
                sb.append(" CYCLE");
            }
            out.add(obj(q.name(), "SEQUENCE", src, sb.toString(), DeployPhase.PRE_LOAD, List.of(schemaKey), List.of()));
            if (q.lastValue() != null) {
                out.add(obj(q.name() + "_restart", "IDENTITY_RESTART", src, "SELECT setval(" + literal(qn(q.name())) + ", "
                        + q.lastValue() + ", true)", DeployPhase.POST_LOAD, List.of(ConvertedObject.key("SEQUENCE", s, q.name())), List.of()));
            }
            if (q.ownedBy() != null) {
                String[] parts = q.ownedBy().split("\\.");
                if (parts.length == 3) {
                    String table = unquote(parts[1]);
                    out.add(obj(q.name() + "_owned_by", "SEQUENCE_OWNER", src, "ALTER SEQUENCE " + qn(q.name()) + " OWNED BY "
                            + qn(table) + "." + parts[2], DeployPhase.PRE_LOAD,
                            List.of(ConvertedObject.key("SEQUENCE", s, q.name()), ConvertedObject.key("TABLE", s, table)), List.of()));
                }
            }
        }

        private static String unquote(String ident) {
            return ident.startsWith("\"") ? ident.substring(1, ident.length() - 1).replace("\"\"", "\"") : ident;
        }

        // ------------------------------------------------------------------------------------------ tables

        private void table(Table t) {
            SourceRef src = source("TABLE", t.name());
            List<ActionItem> items = new ArrayList<>();
            String tableKey = ConvertedObject.key("TABLE", s, t.name());
            Set<String> deps = new LinkedHashSet<>(List.of(schemaKey));
            List<String> lines = new ArrayList<>();
            for (Column c : t.columns()) {
                String type = c.type().declared();
                String declared = type;
                Optional<dev.ferry.converter.types.TypeRules.Applied> rule = new dev.ferry.converter.types.TypeRules(rules)
                        .apply(schema.name(), t.name(), c.name(), c.type(), () -> r(declared));
                if (rule.isPresent() && rule.get().targetType() != null) {
                    for (ActionItem i : rule.get().items()) {
                        items.add(new ActionItem(i.code(), i.severity(), i.message(), i.recommendation(), src.line(), src.column(),
                                i.effortMinutes()));
                    }
                    type = rule.get().targetType();
                } else {
                    type = r(type);
                }
                for (UserType ut : schema.types()) {
                    if (c.type().name().equals(ut.name()) || c.type().name().equals(from + "." + ut.name())
                            || type.equals(q(s) + "." + q(ut.name()))) {
                        deps.add(ConvertedObject.key("TYPE", s, ut.name()));
                    }
                }
                StringBuilder col = new StringBuilder("    ").append(q(c.name())).append(' ').append(type);
                if (c.collation() != null) {
                    col.append(" COLLATE ").append(c.collation().contains("\"") ? c.collation() : q(c.collation()));
                }
                Identity id = c.identity();
                if (c.generated() != null) {
                    col.append(" GENERATED ALWAYS AS (").append(r(strip(c.generated()))).append(") STORED");
                } else if (id != null && (id.kind() == Identity.Kind.ALWAYS || id.kind() == Identity.Kind.BY_DEFAULT)) {
                    col.append(id.kind() == Identity.Kind.ALWAYS ? " GENERATED ALWAYS AS IDENTITY" : " GENERATED BY DEFAULT AS IDENTITY");
                    List<String> opts = new ArrayList<>();
                    if (id.start() != null && id.start() != 1) {
                        opts.add("START WITH " + id.start());
                    }
                    if (id.increment() != null && id.increment() != 1) {
                        opts.add("INCREMENT BY " + id.increment());
                    }
                    if (!opts.isEmpty()) {
                        col.append(" (").append(String.join(" ", opts)).append(')');
                    }
                } else if (c.defaultExpression() != null) {
                    col.append(" DEFAULT ").append(r(c.defaultExpression()));
                    for (Sequence seq : schema.sequences()) {
                        if (c.defaultExpression().contains("nextval(") && c.defaultExpression().contains(seq.name())) {
                            deps.add(ConvertedObject.key("SEQUENCE", s, seq.name()));
                        }
                    }
                }
                if (!c.nullable()) {
                    col.append(" NOT NULL");
                }
                lines.add(col.toString());
            }
            KeyConstraint pk = t.primaryKey();
            if (pk != null) {
                lines.add("    " + (pk.name() == null ? "" : "CONSTRAINT " + q(pk.name()) + " ") + "PRIMARY KEY ("
                        + columnList(pk.columns()) + ")" + deferrable(pk.deferrable(), pk.initiallyDeferred()));
            }
            StringBuilder ddl = new StringBuilder("CREATE ").append(t.kind() == Table.Kind.UNLOGGED ? "UNLOGGED " : "")
                    .append("TABLE ").append(qn(t.name())).append(" (\n").append(String.join(",\n", lines)).append("\n)");
            List<String> partitions = new ArrayList<>();
            Partitioning p = t.partitioning();
            if (p != null && p.method() != null) {
                ddl.append(" PARTITION BY ").append(p.method().toUpperCase(Locale.ROOT)).append(" (")
                        .append(p.keys().stream().map(this::r).collect(Collectors.joining(", "))).append(')');
                for (Partitioning.Partition part : p.partitions()) {
                    partitions.add("CREATE TABLE " + qn(part.name()) + " PARTITION OF " + qn(t.name()) + " " + r(part.bound()));
                }
            }
            StringBuilder all = new StringBuilder(sp()).append(ddl);
            partitions.forEach(x -> all.append(";\n").append(x));
            out.add(obj(t.name(), "TABLE", src, all.toString(), DeployPhase.PRE_LOAD, List.copyOf(deps), items));
            // row-level security and policies (catalog table options)
            String rls = t.options().get("row_security");
            if (rls != null) {
                out.add(obj(t.name() + "_row_security", "ROW_SECURITY", src, "ALTER TABLE " + qn(t.name()) + " ENABLE ROW LEVEL SECURITY"
                        + ("forced".equals(rls) ? ";\nALTER TABLE " + qn(t.name()) + " FORCE ROW LEVEL SECURITY" : ""),
                        DeployPhase.POST_LOAD, List.of(tableKey), List.of()));
            }
            t.options().forEach((k, v) -> {
                if (k.startsWith("policy:")) {
                    String policy = k.substring("policy:".length());
                    out.add(obj(t.name() + "." + policy, "POLICY", source("POLICY", policy), sp() + r(v), DeployPhase.POST_LOAD,
                            List.of(tableKey), List.of()));
                }
            });
            // comments
            List<String> comments = new ArrayList<>();
            if (t.comment() != null) {
                comments.add("COMMENT ON TABLE " + qn(t.name()) + " IS " + literal(t.comment()));
            }
            for (Column c : t.columns()) {
                if (c.comment() != null) {
                    comments.add("COMMENT ON COLUMN " + qn(t.name()) + "." + q(c.name()) + " IS " + literal(c.comment()));
                }
            }
            if (!comments.isEmpty()) {
                out.add(obj(t.name(), "COMMENT", src, String.join(";\n", comments), DeployPhase.PRE_LOAD, List.of(tableKey), List.of()));
            }
            for (KeyConstraint u : t.uniqueKeys()) {
                String name = u.name() == null ? t.name() + "_" + String.join("_", u.columns()) + "_key" : u.name();
                out.add(obj(name, "CONSTRAINT", source("CONSTRAINT", name), "ALTER TABLE " + qn(t.name()) + " ADD CONSTRAINT "
                        + q(name) + " UNIQUE (" + columnList(u.columns()) + ")" + deferrable(u.deferrable(), u.initiallyDeferred()),
                        DeployPhase.POST_LOAD, List.of(tableKey), List.of()));
            }
            int checkNo = 0;
            for (CheckConstraint c : t.checks()) {
                checkNo++;
                String name = c.name() == null ? t.name() + "_check" + (checkNo == 1 ? "" : String.valueOf(checkNo)) : c.name();
                out.add(obj(name, "CONSTRAINT", source("CONSTRAINT", name), sp() + "ALTER TABLE " + qn(t.name()) + " ADD CONSTRAINT "
                        + q(name) + " CHECK (" + r(strip(c.expression())) + ")" + (c.enforced() ? "" : " NOT VALID"),
                        DeployPhase.POST_LOAD, List.of(tableKey), List.of()));
            }
            for (ForeignKey fk : t.foreignKeys()) {
                String name = fk.name() == null ? t.name() + "_" + String.join("_", fk.columns()) + "_fkey" : fk.name();
                String refSchema = fk.referencedSchema() == null || fk.referencedSchema().equals(from) ? s : fk.referencedSchema();
                StringBuilder f = new StringBuilder("ALTER TABLE ").append(qn(t.name())).append(" ADD CONSTRAINT ").append(q(name))
                        .append(" FOREIGN KEY (").append(columnList(fk.columns())).append(") REFERENCES ")
                        .append(q(refSchema)).append('.').append(q(fk.referencedTable()));
                if (!fk.referencedColumns().isEmpty()) {
                    f.append(" (").append(columnList(fk.referencedColumns())).append(')');
                }
                if ("FULL".equals(fk.match())) {
                    f.append(" MATCH FULL");
                }
                f.append(action(" ON DELETE ", fk.onDelete())).append(action(" ON UPDATE ", fk.onUpdate()))
                        .append(deferrable(fk.deferrable(), fk.initiallyDeferred()));
                List<String> deps2 = new ArrayList<>(List.of(tableKey, ConvertedObject.key("TABLE", refSchema, fk.referencedTable())));
                schema.table(fk.referencedTable()).ifPresent(target -> {
                    for (KeyConstraint u : target.uniqueKeys()) {
                        if (u.columns().equals(fk.referencedColumns()) && u.name() != null) {
                            deps2.add(ConvertedObject.key("CONSTRAINT", s, u.name()));
                        }
                    }
                    for (Index ix : target.indexes()) {
                        if (ix.unique() && !ix.constraintBacked()) {
                            deps2.add(ConvertedObject.key("INDEX", s, ix.name()));
                        }
                    }
                });
                out.add(obj(name, "FOREIGN_KEY", source("CONSTRAINT", name), f.toString(), DeployPhase.POST_LOAD, deps2, List.of()));
            }
            for (Index ix : t.indexes()) {
                if (ix.constraintBacked()) {
                    continue;
                }
                List<String> elems = new ArrayList<>();
                for (Index.Element e : ix.elements()) {
                    String el = e.isExpression() ? "(" + r(e.expression()) + ")" : q(e.column());
                    elems.add(el + (e.descending() ? " DESC" : ""));
                }
                String method = ix.method() == null || ix.method().equals("btree") ? "" : " USING " + ix.method();
                String sql = "CREATE " + (ix.unique() ? "UNIQUE " : "") + "INDEX " + q(ix.name()) + " ON " + qn(t.name())
                        + method + " (" + String.join(", ", elems) + ")" + (ix.where() == null ? "" : " WHERE " + r(ix.where()));
                out.add(obj(ix.name(), "INDEX", source("INDEX", ix.name()), sql, DeployPhase.POST_LOAD, List.of(tableKey), List.of()));
            }
        }

        // ------------------------------------------------------------------------------------------ views, routines, triggers

        private void view(View v) {
            SourceRef src = source("VIEW", v.name());
            List<ActionItem> items = new ArrayList<>();
            String type = v.materialized() ? "MATERIALIZED_VIEW" : "VIEW";
            if (v.definition() == null) {
                items.add(ActionItem.of(ActionCode.PG_NOT_COPIED, "View " + v.name() + " has no query text (no privilege to read it?)"));
                out.add(obj(v.name(), type, src, null, DeployPhase.POST_LOAD, List.of(schemaKey), items));
                return;
            }
            String query = r(strip(v.definition()));
            StringBuilder sb = new StringBuilder(sp()).append("CREATE ")
                    .append(v.materialized() ? "MATERIALIZED VIEW " : "VIEW ").append(qn(v.name()));
            sb.append(" AS\n").append(query);
            if (v.materialized()) {
                sb.append("\nWITH NO DATA");
            } else if (v.checkOption() != null) {
                sb.append("\nWITH ").append(v.checkOption().toUpperCase(Locale.ROOT).contains("LOCAL") ? "LOCAL " : "CASCADED ")
                        .append("CHECK OPTION");
            }
            if (v.comment() != null) {
                sb.append(";\nCOMMENT ON ").append(v.materialized() ? "MATERIALIZED VIEW " : "VIEW ").append(qn(v.name()))
                        .append(" IS ").append(literal(v.comment()));
            }
            out.add(obj(v.name(), type, src, sb.toString(), DeployPhase.POST_LOAD, bodyDeps(v.definition(), schemaKey, v.name()), items));
            if (v.materialized()) {
                out.add(obj(v.name() + "_refresh", "MATERIALIZED_VIEW_REFRESH", src, "REFRESH MATERIALIZED VIEW " + qn(v.name()),
                        DeployPhase.POST_LOAD, List.of(ConvertedObject.key(type, s, v.name())), List.of()));
            }
        }

        /** Tables and views a text names (on our lexer's tokens), as dependency keys. */
        private List<String> bodyDeps(String sql, String first, String self) {
            Set<String> deps = new LinkedHashSet<>();
            deps.add(first);
            for (String name : PostgresNames.identifiers(sql)) {
                if (name.equals(self)) {
                    continue;
                }
                if (schema.table(name).isPresent() && schema.table(name).get().name().equals(name)) {
                    deps.add(ConvertedObject.key("TABLE", s, name));
                } else {
                    schema.views().stream().filter(x -> x.name().equals(name)).findFirst().ifPresent(x ->
                            deps.add(ConvertedObject.key(x.materialized() ? "MATERIALIZED_VIEW" : "VIEW", s, name)));
                }
            }
            return List.copyOf(deps);
        }

        private void routine(Routine rt) {
            String sig = rt.name() + "(" + rt.parameters().stream().filter(p -> !"OUT".equals(p.mode()))
                    .map(Routine.Parameter::type).collect(Collectors.joining(", ")) + ")";
            SourceRef src = source("ROUTINE", rt.name());
            List<ActionItem> items = new ArrayList<>();
            if (rt.source() == null || !rt.source().trim().toUpperCase(Locale.ROOT).startsWith("CREATE")) {
                items.add(ActionItem.of(ActionCode.PG_NOT_COPIED, rt.kind().name().toLowerCase(Locale.ROOT) + " " + sig
                        + " has no CREATE text (no privilege to read it?)", src.line(), src.column()));
                out.add(obj(sig, "ROUTINE", src, null, DeployPhase.POST_LOAD, List.of(schemaKey), items));
                return;
            }
            if (rt.language() != null && !PLAIN_LANGUAGES.contains(rt.language().toLowerCase(Locale.ROOT))) {
                items.add(ActionItem.of(ActionCode.PG_ROUTINE_LANGUAGE, sig + " is written in " + rt.language(), src.line(), src.column()));
            }
            if (!from.equals(s) && PostgresSchemaRenamer.bodyNamesSchema(rt.source(), from)) {
                items.add(ActionItem.of(ActionCode.PG_BODY_NAMES_SOURCE_SCHEMA, sig + " names schema " + from + " in its body",
                        src.line(), src.column()));
            }
            List<String> deps = new ArrayList<>(List.of(schemaKey));
            for (UserType ut : schema.types()) {
                if (PostgresNames.identifiers(rt.source()).contains(ut.name())) {
                    deps.add(ConvertedObject.key("TYPE", s, ut.name()));
                }
            }
            out.add(obj(sig, "ROUTINE", src, sp() + r(strip(rt.source())), DeployPhase.POST_LOAD, deps, items));
        }

        private void trigger(Trigger tr) {
            SourceRef src = source("TRIGGER", tr.name());
            List<ActionItem> items = new ArrayList<>();
            String name = tr.table() + "." + tr.name();
            String owner = ConvertedObject.key(relations.contains(tr.table()) && schema.view(tr.table()).isPresent()
                    && schema.view(tr.table()).get().name().equals(tr.table()) ? "VIEW" : "TABLE", s, tr.table());
            if (tr.source() == null || !tr.source().trim().toUpperCase(Locale.ROOT).startsWith("CREATE")) {
                items.add(ActionItem.of(ActionCode.PG_NOT_COPIED, "Trigger " + tr.name() + " has no CREATE text", src.line(), src.column()));
                out.add(obj(name, "TRIGGER", src, null, DeployPhase.POST_LOAD, List.of(owner), items));
                return;
            }
            List<String> deps = new ArrayList<>(List.of(owner));
            Set<String> used = PostgresNames.identifiers(tr.source());
            for (Routine rt : schema.routines()) {
                if (used.contains(rt.name())) {
                    deps.add(ConvertedObject.key("ROUTINE", s, rt.name() + "(" + rt.parameters().stream()
                            .filter(p -> !"OUT".equals(p.mode())).map(Routine.Parameter::type).collect(Collectors.joining(", ")) + ")"));
                }
            }
            out.add(obj(name, "TRIGGER", src, sp() + r(strip(tr.source())), DeployPhase.POST_LOAD, deps, items));
            if (!tr.enabled()) {
                out.add(obj(name + "_disable", "TRIGGER_DISABLE", src, "ALTER TABLE " + qn(tr.table()) + " DISABLE TRIGGER "
                        + q(tr.name()), DeployPhase.POST_LOAD, List.of(ConvertedObject.key("TRIGGER", s, name)), List.of()));
            }
        }
    }

    static String strip(String sql) {
        String t = sql.trim();
        return t.endsWith(";") ? t.substring(0, t.length() - 1).trim() : t;
    }

    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static String columnList(List<String> cols) {
        return cols.stream().map(PostgresToPostgresConverter::q).collect(Collectors.joining(", "));
    }

    private static String deferrable(boolean deferrable, boolean deferred) {
        return !deferrable ? "" : deferred ? " DEFERRABLE INITIALLY DEFERRED" : " DEFERRABLE";
    }

    private static String action(String prefix, ForeignKey.Action a) {
        return switch (a) {
            case CASCADE -> prefix + "CASCADE";
            case SET_NULL -> prefix + "SET NULL";
            case SET_DEFAULT -> prefix + "SET DEFAULT";
            case RESTRICT -> prefix + "RESTRICT";
            default -> "";
        };
    }
}
