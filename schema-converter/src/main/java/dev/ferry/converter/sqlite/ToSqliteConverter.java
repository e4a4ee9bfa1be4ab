package dev.ferry.converter.sqlite;

import dev.ferry.converter.assess.ActionCode;
import dev.ferry.converter.assess.ActionItem;
import dev.ferry.converter.assess.ConversionResult;
import dev.ferry.converter.assess.ConvertedObject;
import dev.ferry.converter.assess.DeployPhase;
import dev.ferry.converter.assess.ObjectStatus;
import dev.ferry.converter.direction.ConversionRequest;
import dev.ferry.converter.direction.SchemaConverter;
import dev.ferry.converter.render.SourceRef;
import dev.ferry.converter.types.TypeRules;
import dev.ferry.model.schema.Column;
import dev.ferry.model.schema.Engine;
import dev.ferry.model.schema.ForeignKey;
import dev.ferry.model.schema.Index;
import dev.ferry.model.schema.KeyConstraint;
import dev.ferry.model.schema.Schema;
import dev.ferry.model.schema.Table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Any engine → SQLite, for local analysis copies: every table (columns with SQLite types by affinity, NOT NULL,
 * portable defaults, the primary key, foreign keys within the schema) in the pre-load phase, and its indexes — unique
 * keys and secondary indexes on plain columns — in the post-load phase. Views, routines, triggers, sequences and user
 * types are listed as MANUAL ({@link ActionCode#SQ_NOT_CONVERTED}); nothing is left out silently. User type-mapping
 * rules ({@link ConversionRequest#rules()}) decide column types through the shared {@link TypeRules}.
 *
 * <p>Objects land in SQLite's {@code main} schema under their source names; every identifier is double-quoted.
 * Results are unverified (MANUAL) until {@link SqliteTargetVerifier} re-parses and deploys them.
 *
 * <p>Threading: immutable; {@link #convert} keeps no state between calls.
 */
public final class ToSqliteConverter implements SchemaConverter {

    /** The schema every converted object lands in. */
    public static final String MAIN = "main";

    private final Engine source;

    public ToSqliteConverter(Engine source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    @Override
    public Engine source() {
        return source;
    }

    @Override
    public Engine target() {
        return Engine.SQLITE;
    }

    @Override
    public ConversionResult convert(ConversionRequest request) {
        Schema schema = request.source();
        TypeRules rules = new TypeRules(request.rules());
        List<ConvertedObject> objects = new ArrayList<>();
        List<String> order = new ArrayList<>();
        List<ConvertedObject> post = new ArrayList<>();
        Set<String> tableNames = new HashSet<>();
        schema.tables().forEach(t -> tableNames.add(t.name().toLowerCase(Locale.ROOT)));
        Set<String> indexNames = new HashSet<>();
        for (Table t : schema.tables()) {
            ConvertedObject table = table(schema, t, rules, tableNames, request.sources().apply("TABLE:" + t.name()));
            objects.add(table);
            order.add(table.key());
            post.addAll(indexes(t, indexNames, tableNames, table.key()));
        }
        for (ConvertedObject o : post) {
            objects.add(o);
            order.add(o.key());
        }
        schema.views().forEach(v -> objects.add(manual("VIEW", v.name(), request.sources().apply("VIEW:" + v.name()))));
        // a sequence owned by a column (serial, identity) is the column's auto-number, reported on its table
        schema.sequences().stream().filter(s -> s.ownedBy() == null).forEach(s -> objects.add(manual("SEQUENCE", s.name(), request.sources().apply("SEQUENCE:" + s.name()))));
        schema.routines().forEach(r -> objects.add(manual("ROUTINE", r.name(), request.sources().apply("ROUTINE:" + r.name()))));
        schema.triggers().forEach(r -> objects.add(manual("TRIGGER", r.name(), request.sources().apply("TRIGGER:" + r.name()))));
        schema.types().forEach(r -> objects.add(manual("TYPE", r.name(), request.sources().apply("TYPE:" + r.name()))));
        schema.packages().forEach(r -> objects.add(manual("PACKAGE", r.name(), request.sources().apply("PACKAGE:" + r.name()))));
        schema.synonyms().forEach(r -> objects.add(manual("SYNONYM", r.name(), request.sources().apply("SYNONYM:" + r.name()))));
        return new ConversionResult(source, Engine.SQLITE, objects, order);
    }

    private ConvertedObject table(Schema schema, Table t, TypeRules rules, Set<String> tableNames, SourceRef ref) {
        List<ActionItem> items = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        List<String> approximate = new ArrayList<>();
        KeyConstraint pk = t.primaryKey();
        for (Column c : t.columns()) {
            SqliteTypes.Mapped m = SqliteTypes.map(source, c.type());
            String type = m.sql();
            Optional<TypeRules.Applied> rule = rules.apply(schema.name(), t.name(), c.name(), c.type(), () -> m.sql());
            if (rule.isPresent() && rule.get().targetType() != null) {
                type = rule.get().targetType();
                items.addAll(rule.get().items());
            } else if (m.approximate()) {
                approximate.add(c.name() + " " + c.type().declared() + " → " + type);
            }
            StringBuilder sb = new StringBuilder("    ").append(q(c.name())).append(' ').append(type);
            if (!c.nullable()) {
                sb.append(" NOT NULL");
            }
            boolean rowid = pk != null && pk.columns().size() == 1 && pk.columns().get(0).equals(c.name()) && m.integer();
            String dflt = c.defaultExpression();
            if (c.identity() != null || dflt != null && dflt.toLowerCase(Locale.ROOT).contains("nextval")) {
                if (rowid) {
                    items.add(ActionItem.of(ActionCode.SQ_AUTO_NUMBER, "Column " + c.name() + ": the auto-number became the rowid"));
                } else {
                    items.add(ActionItem.of(ActionCode.SQ_DEFAULT_NOT_PORTABLE, "Column " + c.name() + ": auto-number "
                            + (dflt == null ? "(identity)" : dflt) + " left out: only a single INTEGER primary key is numbered by SQLite"));
                }
            } else if (dflt != null && !dflt.equalsIgnoreCase("NULL")) {
                Optional<String> d = SqliteDefaults.portable(source, dflt);
                if (d.isPresent()) {
                    sb.append(" DEFAULT ").append(d.get());
                } else {
                    items.add(ActionItem.of(ActionCode.SQ_DEFAULT_NOT_PORTABLE, "Column " + c.name() + ": DEFAULT " + dflt + " left out"));
                }
            }
            if (c.generated() != null) {
                items.add(ActionItem.of(ActionCode.SQ_CONSTRAINT_NOT_CONVERTED, "Column " + c.name()
                        + ": generated as " + c.generated() + " in the source; a plain column here"));
            }
            lines.add(sb.toString());
        }
        if (!approximate.isEmpty()) {
            items.add(ActionItem.of(ActionCode.SQ_TYPE_BY_AFFINITY, "Columns stored by affinity: " + String.join(", ", approximate)));
        }
        if (pk != null && !pk.columns().isEmpty()) {
            lines.add("    " + constraintName(pk.name()) + "PRIMARY KEY (" + cols(pk.columns()) + ")");
        }
        for (ForeignKey fk : t.foreignKeys()) {
            boolean sameSchema = fk.referencedSchema() == null || fk.referencedSchema().equals(schema.name());
            if (!sameSchema || !tableNames.contains(fk.referencedTable().toLowerCase(Locale.ROOT))) {
                items.add(ActionItem.of(ActionCode.SQ_CONSTRAINT_NOT_CONVERTED, "Foreign key " + fk.name() + " references "
                        + (fk.referencedSchema() == null ? "" : fk.referencedSchema() + ".") + fk.referencedTable()
                        + ", which is not part of this copy"));
                continue;
            }
            StringBuilder sb = new StringBuilder("    ").append(constraintName(fk.name())).append("FOREIGN KEY (")
                    .append(cols(fk.columns())).append(") REFERENCES ").append(q(fk.referencedTable())).append(" (")
                    .append(cols(fk.referencedColumns())).append(')');
            if (fk.onDelete() != ForeignKey.Action.NO_ACTION) {
                sb.append(" ON DELETE ").append(fk.onDelete().name().replace('_', ' '));
            }
            if (fk.onUpdate() != ForeignKey.Action.NO_ACTION) {
                sb.append(" ON UPDATE ").append(fk.onUpdate().name().replace('_', ' '));
            }
            lines.add(sb.toString());
        }
        for (var check : t.checks()) {
            items.add(ActionItem.of(ActionCode.SQ_CONSTRAINT_NOT_CONVERTED, "Check constraint "
                    + (check.name() == null ? "" : check.name() + " ") + "(" + check.expression() + ") not carried over"));
        }
        String sql = "CREATE TABLE " + q(t.name()) + " (\n" + String.join(",\n", lines) + "\n)";
        return new ConvertedObject(MAIN, t.name(), "TABLE", ObjectStatus.MANUAL, false, ref.file(), ref.line(), ref.text(),
                sql, DeployPhase.PRE_LOAD, List.of(), items);
    }

    private List<ConvertedObject> indexes(Table t, Set<String> used, Set<String> tableNames, String tableKey) {
        List<ConvertedObject> out = new ArrayList<>();
        Set<String> covered = new HashSet<>();
        if (t.primaryKey() != null) {
            covered.add(String.join(",", t.primaryKey().columns()));
        }
        for (KeyConstraint uk : t.uniqueKeys()) {
            if (covered.add(String.join(",", uk.columns()))) {
                out.add(index(t, uk.name() == null ? t.name() + "_" + String.join("_", uk.columns()) + "_key" : uk.name(), true,
                        uk.columns(), List.of(), used, tableNames, tableKey, List.of()));
            }
        }
        for (Index ix : t.indexes()) {
            List<String> columns = new ArrayList<>();
            List<Boolean> desc = new ArrayList<>();
            boolean plain = ix.where() == null && (ix.method() == null || List.of("btree", "hash").contains(ix.method().toLowerCase(Locale.ROOT)));
            for (Index.Element e : ix.elements()) {
                if (e.column() == null) {
                    plain = false;
                    break;
                }
                columns.add(e.column());
                desc.add(e.descending());
            }
            if (!plain) {
                out.add(new ConvertedObject(MAIN, ix.name(), "INDEX", ObjectStatus.MANUAL, false, null, 0, null, null,
                        DeployPhase.POST_LOAD, List.of(tableKey), List.of(ActionItem.of(ActionCode.SQ_INDEX_NOT_CONVERTED,
                        "Index " + ix.name() + " on " + t.name() + (ix.method() == null ? "" : " (" + ix.method() + ")")
                                + " is not a plain column index"))));
                continue;
            }
            if (ix.constraintBacked() || ix.unique() && !covered.add(String.join(",", columns))) {
                continue; // the primary key or a unique key above already indexes these columns
            }
            out.add(index(t, ix.name(), ix.unique(), columns, desc, used, tableNames, tableKey, List.of()));
        }
        return out;
    }

    private ConvertedObject index(Table t, String name, boolean unique, List<String> columns, List<Boolean> desc,
                                  Set<String> used, Set<String> tableNames, String tableKey, List<ActionItem> extra) {
        List<ActionItem> items = new ArrayList<>(extra);
        String n = name;
        if (used.contains(n.toLowerCase(Locale.ROOT)) || tableNames.contains(n.toLowerCase(Locale.ROOT))) {
            n = t.name() + "_" + name;
            for (int k = 2; used.contains(n.toLowerCase(Locale.ROOT)); k++) {
                n = t.name() + "_" + name + "_" + k;
            }
            items.add(ActionItem.of(ActionCode.SQ_INDEX_RENAMED, "Index " + name + " on " + t.name() + " became " + n));
        }
        used.add(n.toLowerCase(Locale.ROOT));
        List<String> cols = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            cols.add(q(columns.get(i)) + (i < desc.size() && desc.get(i) ? " DESC" : ""));
        }
        String sql = "CREATE " + (unique ? "UNIQUE " : "") + "INDEX " + q(n) + " ON " + q(t.name()) + " (" + String.join(", ", cols) + ")";
        return new ConvertedObject(MAIN, n, "INDEX", ObjectStatus.MANUAL, false, null, 0, null, sql, DeployPhase.POST_LOAD,
                List.of(tableKey), items);
    }

    private ConvertedObject manual(String type, String name, SourceRef ref) {
        return new ConvertedObject(MAIN, name, type, ObjectStatus.MANUAL, false, ref.file(), ref.line(), ref.text(), null,
                DeployPhase.POST_LOAD, List.of(), List.of(ActionItem.of(ActionCode.SQ_NOT_CONVERTED,
                type.toLowerCase(Locale.ROOT) + " " + name + " is not converted for SQLite")));
    }

    private static String constraintName(String name) {
        return name == null || name.isBlank() || name.equalsIgnoreCase("PRIMARY") ? "" : "CONSTRAINT " + q(name) + " ";
    }

    private static String cols(List<String> columns) {
        return String.join(", ", columns.stream().map(ToSqliteConverter::q).toList());
    }

    /** Always double-quoted: no identifier is trusted as safe. */
    static String q(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
