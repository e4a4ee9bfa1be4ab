package dev.ferry.converter.render;

import dev.ferry.converter.assess.ActionCode;
import dev.ferry.converter.assess.ActionItem;
import dev.ferry.converter.assess.ConversionResult;
import dev.ferry.converter.assess.ConvertedObject;
import dev.ferry.converter.assess.DeployOrder;
import dev.ferry.converter.assess.DeployPhase;
import dev.ferry.converter.assess.ObjectStatus;
import dev.ferry.converter.naming.PostgresIdentifiers;
import dev.ferry.converter.parse.oracle.OracleToPostgresSql;
import dev.ferry.converter.types.OracleToPostgresTypes;
import dev.ferry.model.project.TypeMappingRule;
import dev.ferry.model.schema.CheckConstraint;
import dev.ferry.model.schema.Column;
import dev.ferry.model.schema.Engine;
import dev.ferry.model.schema.ForeignKey;
import dev.ferry.model.schema.Identity;
import dev.ferry.model.schema.Index;
import dev.ferry.model.schema.KeyConstraint;
import dev.ferry.model.schema.Partitioning;
import dev.ferry.model.schema.Schema;
import dev.ferry.model.schema.Sequence;
import dev.ferry.model.schema.Table;
import dev.ferry.model.schema.View;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Renders an Oracle schema of the neutral model as PostgreSQL DDL, one {@link ConvertedObject} per deployable object:
 * the schema, sequences, tables (columns, defaults, identity, generated columns, primary key inline, partitions),
 * comments (pre-load); secondary indexes, unique and check constraints, foreign keys and views (post-load).
 * Expressions go through {@link OracleToPostgresSql}. Objects come back unverified, hence {@link ObjectStatus#MANUAL};
 * a verifier (see {@code dev.ferry.converter.verify.ScratchDeployVerifier}) decides their final status.
 *
 * <p>Defaults: {@code SYSDATE} becomes {@code LOCALTIMESTAMP(0)} (a timestamp without time zone, like an Oracle DATE,
 * fixed for the transaction); {@code seq.NEXTVAL} becomes {@code nextval('seq')}.
 *
 * <p>Threading: not thread-safe (one instance per conversion).
 */
public final class PostgresRenderer {

    private static final Pattern NUMERIC_TYPE = Pattern.compile("numeric.*|decimal.*");

    private final OracleToPostgresTypes types;
    private OracleToPostgresSql sql = new OracleToPostgresSql();
    private final PostgresIdentifiers names = new PostgresIdentifiers();
    private final Function<String, SourceRef> sources;

    /**
     * @param rules   user type mapping rules (may be empty)
     * @param sources source location per object key {@code TYPE:NAME} with the Oracle name, e.g.
     *                {@code TABLE:EMPLOYEES}; returns {@link SourceRef#NONE} or null when unknown
     */
    public PostgresRenderer(List<TypeMappingRule> rules, Function<String, SourceRef> sources) {
        this.types = new OracleToPostgresTypes(rules);
        this.sources = sources == null ? k -> SourceRef.NONE : sources;
    }

    private SourceRef sourceOr(String type, String oracleName, SourceRef fallback) {
        SourceRef r = source(type, oracleName);
        return r.line() > 0 ? r : fallback;
    }

    private SourceRef source(String type, String oracleName) {
        SourceRef r = sources.apply(type + ":" + oracleName);
        return r == null ? SourceRef.NONE : r;
    }

    private static OracleToPostgresSql.Origin origin(SourceRef r) {
        return r.line() > 0 ? new OracleToPostgresSql.Origin(r.line(), r.column()) : OracleToPostgresSql.Origin.NONE;
    }

    /** Where the column {@code name} is declared in the table's source statement (whole-word, case-insensitive). */
    static OracleToPostgresSql.Origin columnOrigin(SourceRef r, String name) {
        if (r.line() <= 0 || r.text() == null) {
            return origin(r);
        }
        String upper = r.text().toUpperCase(Locale.ROOT);
        String n = name.toUpperCase(Locale.ROOT);
        int from = Math.max(0, upper.indexOf('('));
        for (int idx = upper.indexOf(n, from); idx >= 0; idx = upper.indexOf(n, idx + 1)) {
            boolean startOk = idx == 0 || !Character.isLetterOrDigit(upper.charAt(idx - 1)) && upper.charAt(idx - 1) != '_';
            int end = idx + n.length();
            boolean endOk = end >= upper.length() || !Character.isLetterOrDigit(upper.charAt(end)) && upper.charAt(end) != '_';
            if (startOk && endOk) {
                return origin(r, r.text().substring(idx, end), null);
            }
        }
        return origin(r);
    }

    /**
     * Where {@code fragment} (an expression the model kept as source text) starts in the source statement, so items
     * point at the expression itself; the statement start when it cannot be located. The first occurrence after
     * {@code after} (e.g. the column name) is taken.
     */
    static OracleToPostgresSql.Origin origin(SourceRef r, String fragment, String after) {
        if (r.line() <= 0 || r.text() == null || fragment == null) {
            return origin(r);
        }
        String text = r.text();
        int from = 0;
        if (after != null) {
            int a = text.toUpperCase(Locale.ROOT).indexOf(after.toUpperCase(Locale.ROOT));
            from = Math.max(0, a);
        }
        int idx = text.indexOf(fragment, from);
        if (idx < 0) {
            idx = text.indexOf(fragment);
        }
        if (idx < 0) {
            return origin(r);
        }
        int line = r.line();
        int lastNl = -1;
        for (int i = 0; i < idx; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lastNl = i;
            }
        }
        int col = lastNl < 0 ? r.column() + idx : idx - lastNl;
        return new OracleToPostgresSql.Origin(line, col);
    }

    /** Converts one schema; {@code extra} are objects the caller converted or flagged elsewhere (e.g. PL/SQL). */
    public ConversionResult render(Schema schema, List<ConvertedObject> extra) {
        List<ConvertedObject> out = new ArrayList<>();
        String s = PostgresIdentifiers.fold(schema.name());
        Set<String> relations = new java.util.HashSet<>();
        schema.tables().forEach(t -> relations.add(t.name()));
        schema.views().forEach(v -> relations.add(v.name()));
        schema.sequences().forEach(q -> relations.add(q.name()));
        Set<String> binaryColumns = new java.util.HashSet<>();
        schema.tables().forEach(t -> t.columns().forEach(c -> {
            String type = c.type().name().toLowerCase(java.util.Locale.ROOT);
            if (type.equals("blob") || type.equals("raw") || type.equals("long raw") || type.equals("bfile")) {
                binaryColumns.add(c.name());
            }
        }));
        sql = new OracleToPostgresSql(s, relations, binaryColumns);
        String schemaKey = ConvertedObject.key("SCHEMA", null, s);
        List<ActionItem> schemaItems = new ArrayList<>();
        names.claim("schemas", schema.name(), schemaItems::add);
        out.add(obj(null, s, "SCHEMA", SourceRef.NONE, "CREATE SCHEMA " + PostgresIdentifiers.quote(s),
                DeployPhase.PRE_LOAD, List.of(), schemaItems));
        for (Sequence q : schema.sequences()) {
            out.add(sequence(s, schemaKey, q));
        }
        for (Table t : schema.tables()) {
            table(schema, s, schemaKey, t, out);
        }
        Set<String> viewNames = schema.views().stream().map(View::name).collect(Collectors.toSet());
        Set<String> tableNames = schema.tables().stream().map(Table::name).collect(Collectors.toSet());
        for (View v : schema.views()) {
            out.add(view(s, schemaKey, v, viewNames, tableNames));
        }
        out.addAll(extra);
        out = new ArrayList<>(dev.ferry.converter.parse.oracle.OracleCompatHelpers.attach(out));
        DeployOrder.Result order = DeployOrder.sort(out);
        if (!order.cycles().isEmpty()) {
            List<ConvertedObject> fixed = new ArrayList<>();
            for (ConvertedObject o : out) {
                fixed.add(order.cycles().contains(o.key())
                        ? o.withItems(List.of(ActionItem.of(ActionCode.DEPENDENCY_CYCLE, o.type() + " " + o.name()
                        + " is part of or waits on a dependency cycle", o.sourceLine(), 0)))
                        : o);
            }
            out = fixed;
        }
        return new ConversionResult(Engine.ORACLE, Engine.POSTGRESQL, out, order.order());
    }

    private static ConvertedObject obj(String schema, String name, String type, SourceRef src, String ddl,
                                       DeployPhase phase, List<String> deps, List<ActionItem> items) {
        return new ConvertedObject(schema, name, type, ObjectStatus.MANUAL, false, src.file(), src.line(), src.text(),
                ddl, phase, deps, items);
    }

    // ================================================================================================ sequences

    private ConvertedObject sequence(String s, String schemaKey, Sequence q) {
        SourceRef src = source("SEQUENCE", q.name());
        List<ActionItem> items = new ArrayList<>();
        String n = names.claim("relations:" + s, q.name(), items::add);
        StringBuilder sb = new StringBuilder("CREATE SEQUENCE ").append(PostgresIdentifiers.quote(s)).append('.')
                .append(PostgresIdentifiers.quote(n));
        if (q.increment() != null) {
            sb.append(" INCREMENT BY ").append(q.increment());
        }
        if (q.minValue() != null) {
            sb.append(" MINVALUE ").append(q.minValue());
        }
        if (q.maxValue() != null) {
            sb.append(" MAXVALUE ").append(q.maxValue());
        } else if (src.text() != null && Pattern.compile("(?i)\\bMAXVALUE\\s+\\d").matcher(src.text()).find()) {
            items.add(ActionItem.of(ActionCode.SEQUENCE_MAXVALUE_OMITTED, "Sequence " + q.name()
                    + ": MAXVALUE exceeds bigint and was omitted", src.line(), src.column()));
        }
        if (q.start() != null) {
            sb.append(" START WITH ").append(q.start());
        }
        if (q.cache() != null) {
            sb.append(" CACHE ").append(Math.max(1, q.cache()));
        }
        if (q.cycle()) {
            sb.append(" CYCLE");
        }
        return obj(s, n, "SEQUENCE", src, sb.toString(), DeployPhase.PRE_LOAD, List.of(schemaKey), items);
    }

    // ================================================================================================ tables

    private void table(Schema schema, String s, String schemaKey, Table t, List<ConvertedObject> out) {
        SourceRef src = source("TABLE", t.name());
        OracleToPostgresSql.Origin origin = origin(src);
        List<ActionItem> items = new ArrayList<>();
        String tn = names.claim("relations:" + s, t.name(), items::add);
        String qt = PostgresIdentifiers.quote(s) + "." + PostgresIdentifiers.quote(tn);
        String tableKey = ConvertedObject.key("TABLE", s, tn);
        boolean converted = true;
        List<String> lines = new ArrayList<>();
        for (Column c : t.columns()) {
            OracleToPostgresSql.Origin at = columnOrigin(src, c.name());
            String cn = names.claim("columns:" + s + "." + tn, c.name(), i -> items.add(i.at(at.line(), at.column())));
            StringBuilder col = new StringBuilder("    ").append(PostgresIdentifiers.quote(cn)).append(' ');
            OracleToPostgresTypes.Mapping m = c.type().name().equals("undefined") ? null
                    : types.map(schema.name(), t.name(), c.name(), c.type());
            if (m == null || !m.mapped()) {
                if (m != null) {
                    m.actionItems().forEach(i -> items.add(i.at(at.line(), at.column())));
                } else {
                    items.add(ActionItem.of(ActionCode.UNSUPPORTED_FEATURE, "Column " + c.name()
                            + " has no declared type", at.line(), at.column()));
                }
                converted = false;
                col.append(c.type().declared());
            } else {
                m.actionItems().forEach(i -> items.add(i.at(at.line(), at.column())));
                String type = m.sqlType();
                if (c.identity() != null && NUMERIC_TYPE.matcher(type).matches()) {
                    items.add(new ActionItem(ActionCode.NUMBER_STAR_SCALE_ZERO.code(), dev.ferry.converter.assess.Severity.INFO,
                            "Identity column " + c.name() + " became bigint (PostgreSQL identities are integer types)",
                            "", at.line(), at.column(), 0));
                    type = "bigint";
                }
                col.append(type);
            }
            if (c.generated() != null) {
                OracleToPostgresSql.Translation g = sql.expression(c.generated(), origin(src, c.generated(), c.name()), true);
                items.addAll(g.items());
                converted &= g.translated();
                items.add(ActionItem.of(ActionCode.VIRTUAL_COLUMN_STORED, "Virtual column " + c.name()
                        + " became a stored generated column", at.line(), at.column()));
                col.append(" GENERATED ALWAYS AS (").append(g.sql().trim()).append(") STORED");
            } else if (c.identity() != null) {
                Identity id = c.identity();
                col.append(id.kind() == Identity.Kind.ALWAYS ? " GENERATED ALWAYS AS IDENTITY" : " GENERATED BY DEFAULT AS IDENTITY");
                List<String> opts = new ArrayList<>();
                if (id.start() != null) {
                    opts.add("START WITH " + id.start());
                }
                if (id.increment() != null) {
                    opts.add("INCREMENT BY " + id.increment());
                }
                if (!opts.isEmpty()) {
                    col.append(" (").append(String.join(" ", opts)).append(')');
                }
                if (src.text() != null && Pattern.compile("(?i)\\b" + Pattern.quote(c.name()) + "\\b[^,]*\\bON\\s+NULL\\b")
                        .matcher(src.text()).find()) {
                    items.add(ActionItem.of(ActionCode.IDENTITY_ON_NULL, "Column " + c.name()
                            + ": GENERATED BY DEFAULT ON NULL became GENERATED BY DEFAULT", at.line(), at.column()));
                }
            } else if (c.defaultExpression() != null) {
                OracleToPostgresSql.Translation d = sql.expression(c.defaultExpression(), origin(src, c.defaultExpression(), c.name()), false);
                items.addAll(d.items());
                converted &= d.translated();
                col.append(" DEFAULT ").append(d.sql().trim());
            }
            if (!c.nullable()) {
                col.append(" NOT NULL");
            }
            lines.add(col.toString());
        }
        KeyConstraint pk = t.primaryKey();
        if (pk != null) {
            lines.add("    " + constraintPrefix(s, pk.name(), items) + "PRIMARY KEY (" + columnList(pk.columns()) + ")"
                    + deferrable(pk.deferrable(), pk.initiallyDeferred()));
        }
        StringBuilder ddl = new StringBuilder("CREATE TABLE ").append(qt).append(" (\n")
                .append(String.join(",\n", lines)).append("\n)");
        List<String> partitionDdl = new ArrayList<>();
        switch (t.kind()) {
            case GLOBAL_TEMPORARY -> items.add(ActionItem.of(ActionCode.GLOBAL_TEMPORARY_TABLE, "Global temporary table "
                    + t.name() + " (" + t.options().getOrDefault("on_commit", "delete rows")
                    + " on commit) was created as a permanent table", src.line(), src.column()));
            case INDEX_ORGANIZED -> items.add(ActionItem.of(ActionCode.IOT_TO_HEAP, "Index-organized table " + t.name()
                    + " became a heap table", src.line(), src.column()));
            default -> { }
        }
        if (t.partitioning() != null) {
            String p = partitioning(s, tn, t.partitioning(), origin, items, partitionDdl);
            if (p != null) {
                ddl.append(" ").append(p);
            }
        }
        if (t.options().containsKey("tablespace")) {
            items.add(ActionItem.of(ActionCode.STORAGE_CLAUSE_IGNORED, "Tablespace " + t.options().get("tablespace")
                    + " of " + t.name() + " ignored", src.line(), src.column()));
        }
        StringBuilder all = new StringBuilder(ddl);
        for (String p : partitionDdl) {
            all.append(";\n").append(p);
        }
        out.add(obj(s, tn, "TABLE", src, converted ? all.toString() : null, DeployPhase.PRE_LOAD, List.of(schemaKey), items));

        // comments
        List<String> comments = new ArrayList<>();
        if (t.comment() != null) {
            comments.add("COMMENT ON TABLE " + qt + " IS " + literal(t.comment()));
        }
        for (Column c : t.columns()) {
            if (c.comment() != null) {
                comments.add("COMMENT ON COLUMN " + qt + "." + PostgresIdentifiers.sql(c.name()) + " IS " + literal(c.comment()));
            }
        }
        if (!comments.isEmpty()) {
            out.add(obj(s, tn, "COMMENT", src, String.join(";\n", comments), DeployPhase.PRE_LOAD, List.of(tableKey), List.of()));
        }
        // unique keys and checks
        for (KeyConstraint u : t.uniqueKeys()) {
            List<ActionItem> ci = new ArrayList<>();
            String cname = u.name() == null ? tn + "_" + String.join("_", u.columns()).toLowerCase(Locale.ROOT) + "_key"
                    : names.claim("relations:" + s, u.name(), ci::add);
            String ddlU = "ALTER TABLE " + qt + " ADD CONSTRAINT " + PostgresIdentifiers.quote(cname) + " UNIQUE ("
                    + columnList(u.columns()) + ")" + deferrable(u.deferrable(), u.initiallyDeferred());
            out.add(obj(s, cname, "CONSTRAINT", u.name() == null ? src : sourceOr("CONSTRAINT", u.name(), src), ddlU,
                    DeployPhase.POST_LOAD, List.of(tableKey), ci));
        }
        int checkNo = 0;
        for (CheckConstraint c : t.checks()) {
            checkNo++;
            SourceRef csrc = c.name() == null ? src : sourceOr("CONSTRAINT", c.name(), src);
            List<ActionItem> ci = new ArrayList<>();
            String cname = c.name() == null ? tn + "_check" + checkNo : names.claim("constraints:" + s + "." + tn, c.name(), ci::add);
            OracleToPostgresSql.Translation x = sql.expression(c.expression(), origin(csrc, c.expression(), c.name()), false);
            ci.addAll(x.items());
            String ddlC = "ALTER TABLE " + qt + " ADD CONSTRAINT " + PostgresIdentifiers.quote(cname) + " CHECK ("
                    + x.sql().trim() + ")";
            if (!c.enforced()) {
                ddlC += " NOT VALID";
                ci.add(ActionItem.of(ActionCode.CONSTRAINT_DISABLED, "Check constraint " + c.name() + " is disabled in Oracle",
                        csrc.line(), csrc.column()));
            }
            out.add(obj(s, cname, "CONSTRAINT", csrc, x.translated() ? ddlC : null, DeployPhase.POST_LOAD, List.of(tableKey), ci));
        }
        // foreign keys
        for (ForeignKey fk : t.foreignKeys()) {
            List<ActionItem> ci = new ArrayList<>();
            String cname = fk.name() == null ? tn + "_" + String.join("_", fk.columns()).toLowerCase(Locale.ROOT) + "_fkey"
                    : names.claim("constraints:" + s + "." + tn, fk.name(), ci::add);
            String refSchema = PostgresIdentifiers.fold(fk.referencedSchema() == null ? schema.name() : fk.referencedSchema());
            String refTable = PostgresIdentifiers.fold(fk.referencedTable());
            StringBuilder f = new StringBuilder("ALTER TABLE ").append(qt).append(" ADD CONSTRAINT ")
                    .append(PostgresIdentifiers.quote(cname)).append(" FOREIGN KEY (").append(columnList(fk.columns()))
                    .append(") REFERENCES ").append(PostgresIdentifiers.quote(refSchema)).append('.')
                    .append(PostgresIdentifiers.quote(refTable));
            if (!fk.referencedColumns().isEmpty()) {
                f.append(" (").append(columnList(fk.referencedColumns())).append(')');
            }
            if (fk.onDelete() == ForeignKey.Action.CASCADE) {
                f.append(" ON DELETE CASCADE");
            } else if (fk.onDelete() == ForeignKey.Action.SET_NULL) {
                f.append(" ON DELETE SET NULL");
            }
            f.append(deferrable(fk.deferrable(), fk.initiallyDeferred()));
            List<String> deps = new ArrayList<>(List.of(tableKey, ConvertedObject.key("TABLE", refSchema, refTable)));
            Table target = schema.table(fk.referencedTable()).orElse(null);
            if (target != null) {
                for (KeyConstraint u : target.uniqueKeys()) {
                    if (u.name() != null && u.columns().equals(fk.referencedColumns())) {
                        deps.add(ConvertedObject.key("CONSTRAINT", refSchema, PostgresIdentifiers.fold(u.name())));
                    }
                }
            }
            out.add(obj(s, cname, "FOREIGN_KEY", fk.name() == null ? src : sourceOr("CONSTRAINT", fk.name(), src), f.toString(),
                    DeployPhase.POST_LOAD, deps, ci));
        }
        // indexes
        for (Index ix : t.indexes()) {
            if (ix.constraintBacked()) {
                continue; // the primary key / unique constraint creates it
            }
            SourceRef isrc = source("INDEX", ix.name());
            List<ActionItem> ii = new ArrayList<>();
            String in = names.claim("relations:" + s, ix.name(), ii::add);
            boolean ok = true;
            List<String> elems = new ArrayList<>();
            for (Index.Element e : ix.elements()) {
                String el;
                if (e.isExpression()) {
                    OracleToPostgresSql.Translation x = sql.expression(e.expression(), origin(isrc, e.expression(), null), true);
                    ii.addAll(x.items());
                    ok &= x.translated();
                    el = "(" + x.sql().trim() + ")";
                } else {
                    el = PostgresIdentifiers.sql(e.column());
                }
                elems.add(el + (e.descending() ? " DESC" : ""));
            }
            if ("bitmap".equals(ix.method())) {
                ii.add(ActionItem.of(ActionCode.BITMAP_INDEX_TO_BTREE, "Bitmap index " + ix.name() + " became a B-tree index",
                        isrc.line(), isrc.column()));
            } else if ("reverse".equals(ix.method())) {
                ii.add(ActionItem.of(ActionCode.REVERSE_INDEX_TO_BTREE, "Reverse-key index " + ix.name()
                        + " became a B-tree index", isrc.line(), isrc.column()));
            }
            String ddlI = "CREATE " + (ix.unique() ? "UNIQUE " : "") + "INDEX " + PostgresIdentifiers.quote(in) + " ON "
                    + qt + " (" + String.join(", ", elems) + ")";
            out.add(obj(s, in, "INDEX", isrc, ok ? ddlI : null, DeployPhase.POST_LOAD, List.of(tableKey), ii));
        }
    }

    private String constraintPrefix(String s, String name, List<ActionItem> items) {
        if (name == null) {
            return "";
        }
        return "CONSTRAINT " + PostgresIdentifiers.quote(names.claim("relations:" + s, name, items::add)) + " ";
    }

    private static String deferrable(boolean deferrable, boolean deferred) {
        if (!deferrable) {
            return "";
        }
        return deferred ? " DEFERRABLE INITIALLY DEFERRED" : " DEFERRABLE";
    }

    private static String columnList(List<String> cols) {
        return cols.stream().map(PostgresIdentifiers::sql).collect(Collectors.joining(", "));
    }

    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** PARTITION BY clause, with the partitions' DDL appended to {@code partitionDdl}; null when not convertible. */
    private String partitioning(String s, String tn, Partitioning p, OracleToPostgresSql.Origin origin,
                                List<ActionItem> items, List<String> partitionDdl) {
        String method = p.method().toLowerCase(Locale.ROOT);
        if (!method.equals("range") && !method.equals("list") && !method.equals("hash")) {
            items.add(ActionItem.of(ActionCode.PARTITIONING_NOT_CONVERTED, method + " partitioning of " + tn,
                    origin.line(), origin.column()));
            return null;
        }
        String keys = p.keys().stream().map(PostgresIdentifiers::sql).collect(Collectors.joining(", "));
        String previous = null;
        int i = 0;
        List<String> ddl = new ArrayList<>();
        for (Partitioning.Partition part : p.partitions()) {
            String name = names.claim("relations:" + s, part.name() == null ? tn + "_p" + i : part.name(), items::add);
            String head = "CREATE TABLE " + PostgresIdentifiers.quote(s) + "." + PostgresIdentifiers.quote(name)
                    + " PARTITION OF " + PostgresIdentifiers.quote(s) + "." + PostgresIdentifiers.quote(tn);
            String bound = part.bound() == null ? null : part.bound().replaceAll("\\s+", " ").trim();
            String upperBound = bound == null ? "" : bound.toUpperCase(Locale.ROOT);
            if (method.equals("hash")) {
                ddl.add(head + " FOR VALUES WITH (MODULUS " + p.partitions().size() + ", REMAINDER " + i + ")");
            } else if (method.equals("range") && upperBound.startsWith("VALUES LESS THAN")) {
                String values = bound.substring("VALUES LESS THAN".length()).trim();
                String to = rangeValues(values, origin, items);
                if (to == null) {
                    return null;
                }
                ddl.add(head + " FOR VALUES FROM (" + (previous == null ? minvalues(p.keys().size()) : previous)
                        + ") TO (" + to + ")");
                previous = to;
            } else if (method.equals("list") && upperBound.startsWith("VALUES")) {
                String values = bound.substring("VALUES".length()).trim();
                if (values.toUpperCase(Locale.ROOT).replace(" ", "").equals("(DEFAULT)")) {
                    ddl.add(head + " DEFAULT");
                } else {
                    String in = rangeValues(values, origin, items);
                    if (in == null) {
                        return null;
                    }
                    ddl.add(head + " FOR VALUES IN (" + in + ")");
                }
            } else {
                items.add(ActionItem.of(ActionCode.PARTITIONING_NOT_CONVERTED, "Partition " + part.name() + " of " + tn
                        + " has no convertible bound", origin.line(), origin.column()));
                return null;
            }
            i++;
        }
        if (p.partitions().isEmpty()) {
            items.add(ActionItem.of(ActionCode.PARTITIONING_NOT_CONVERTED, tn + " has no partition list (interval/automatic?)",
                    origin.line(), origin.column()));
            return null;
        }
        partitionDdl.addAll(ddl);
        items.add(ActionItem.of(ActionCode.PARTITIONING_CONVERTED, method + " partitioning of " + tn + " with "
                + p.partitions().size() + " partitions", origin.line(), origin.column()));
        return "PARTITION BY " + method.toUpperCase(Locale.ROOT) + " (" + keys + ")";
    }

    private static String minvalues(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "MINVALUE"));
    }

    /** {@code (v1, v2)} → translated {@code v1, v2} (MAXVALUE kept). */
    private String rangeValues(String parenthesized, OracleToPostgresSql.Origin origin, List<ActionItem> items) {
        String inner = parenthesized.trim();
        if (!inner.startsWith("(") || !inner.endsWith(")")) {
            return null;
        }
        OracleToPostgresSql.Translation x = sql.expression(inner, origin, true);
        items.addAll(x.items());
        if (!x.translated()) {
            return null;
        }
        String t = x.sql().trim();
        List<String> parts = new ArrayList<>();
        for (String v : t.substring(1, t.length() - 1).trim().split(",(?=(?:[^']*'[^']*')*[^']*$)")) {
            parts.add(v.trim().equalsIgnoreCase("maxvalue") ? "MAXVALUE" : v.trim());
        }
        return String.join(", ", parts);
    }

    // ================================================================================================ views

    private ConvertedObject view(String s, String schemaKey, View v, Set<String> viewNames, Set<String> tableNames) {
        SourceRef src = source("VIEW", v.name());
        List<ActionItem> items = new ArrayList<>();
        String vn = names.claim("relations:" + s, v.name(), items::add);
        OracleToPostgresSql.Translation q = sql.query(v.definition(), origin(src, v.definition(), null));
        items.addAll(q.items());
        StringBuilder sb = new StringBuilder("CREATE VIEW ").append(PostgresIdentifiers.quote(s)).append('.')
                .append(PostgresIdentifiers.quote(vn));
        if (!v.columns().isEmpty()) {
            sb.append(" (").append(v.columns().stream().map(c -> PostgresIdentifiers.sql(c.name()))
                    .collect(Collectors.joining(", "))).append(')');
        }
        sb.append(" AS\n").append(q.sql().trim());
        if ("CHECK OPTION".equals(v.checkOption())) {
            sb.append("\nWITH CHECK OPTION");
        } else if ("READ ONLY".equals(v.checkOption())) {
            items.add(ActionItem.of(ActionCode.VIEW_READ_ONLY, "WITH READ ONLY of view " + v.name() + " dropped",
                    src.line(), src.column()));
        }
        String qv = PostgresIdentifiers.quote(s) + "." + PostgresIdentifiers.quote(vn);
        if (v.comment() != null) {
            sb.append(";\nCOMMENT ON VIEW ").append(qv).append(" IS ").append(literal(v.comment()));
        }
        for (Column c : v.columns()) {
            if (c.comment() != null) {
                sb.append(";\nCOMMENT ON COLUMN ").append(qv).append('.').append(PostgresIdentifiers.sql(c.name()))
                        .append(" IS ").append(literal(c.comment()));
            }
        }
        Set<String> deps = new LinkedHashSet<>();
        deps.add(schemaKey);
        for (String t : q.tables()) {
            if (viewNames.contains(t)) {
                deps.add(ConvertedObject.key("VIEW", s, PostgresIdentifiers.fold(t)));
            } else if (tableNames.contains(t)) {
                deps.add(ConvertedObject.key("TABLE", s, PostgresIdentifiers.fold(t)));
            }
        }
        return obj(s, vn, "VIEW", src, q.translated() ? sb.toString() : null, DeployPhase.POST_LOAD, List.copyOf(deps), items);
    }
}
