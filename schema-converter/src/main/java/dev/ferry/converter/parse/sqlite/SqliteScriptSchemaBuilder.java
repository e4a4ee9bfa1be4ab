package dev.ferry.converter.parse.sqlite;

import dev.ferry.converter.ast.ColumnDef;
import dev.ferry.converter.ast.ColumnRef;
import dev.ferry.converter.ast.ConstraintDef;
import dev.ferry.converter.ast.CreateIndex;
import dev.ferry.converter.ast.CreateTable;
import dev.ferry.converter.ast.CreateTrigger;
import dev.ferry.converter.ast.CreateView;
import dev.ferry.converter.ast.Drop;
import dev.ferry.converter.ast.Expr;
import dev.ferry.converter.ast.Identifier;
import dev.ferry.converter.ast.IndexElement;
import dev.ferry.converter.ast.Literal;
import dev.ferry.converter.ast.OtherStatement;
import dev.ferry.converter.ast.QualifiedName;
import dev.ferry.converter.ast.Statement;
import dev.ferry.converter.parse.ParseResult;
import dev.ferry.converter.parse.ParsedStatement;
import dev.ferry.converter.parse.ParsingException;
import dev.ferry.converter.parse.ScriptSchema;
import dev.ferry.converter.render.SourceRef;
import dev.ferry.converter.types.SqliteToPostgresTypes;
import dev.ferry.model.schema.CheckConstraint;
import dev.ferry.model.schema.Column;
import dev.ferry.model.schema.DataType;
import dev.ferry.model.schema.ForeignKey;
import dev.ferry.model.schema.Identity;
import dev.ferry.model.schema.Index;
import dev.ferry.model.schema.KeyConstraint;
import dev.ferry.model.schema.Schema;
import dev.ferry.model.schema.Table;
import dev.ferry.model.schema.Trigger;
import dev.ferry.model.schema.View;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the SQLite schema ({@code main}) of the neutral model from SQLite scripts, parsed statement by statement with
 * our SQLite grammar ({@link SqliteParserFacade}): tables (declared types, NOT NULL, defaults, generated columns,
 * collations, primary/unique/check/foreign keys, {@code AUTOINCREMENT}, the {@code INTEGER PRIMARY KEY} rowid alias,
 * {@code WITHOUT ROWID}, {@code STRICT}), indexes, views and triggers, in the same shape as the live catalog reader
 * produces, so a script and a database file convert alike. {@code DROP} removes what an earlier statement created.
 * Statements that do not parse are returned as errors with file:line:column; DDL the model does not hold (virtual
 * tables, ALTER TABLE) is returned as unmodelled.
 *
 * <p>Threading: not thread-safe; one instance per build.
 */
public final class SqliteScriptSchemaBuilder {

    public static final String SCHEMA = "main";

    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final Map<String, View> views = new LinkedHashMap<>();
    private final Map<String, Trigger> triggers = new LinkedHashMap<>();
    private final Map<String, List<Index>> indexes = new HashMap<>();
    private final Map<String, SourceRef> sources = new HashMap<>();
    private final List<ParsingException> errors = new ArrayList<>();
    private final List<ScriptSchema.Unmodelled> unmodelled = new ArrayList<>();

    /** Parses and models the files in order (a later file sees the tables of an earlier one). */
    public ScriptSchema build(List<ScriptSchema.File> files) {
        for (ScriptSchema.File f : files) {
            ParseResult r = SqliteParserFacade.INSTANCE.parseScript(f.text(), f.name());
            for (ParsedStatement st : r.statements()) {
                if (!st.isParsed()) {
                    errors.add(st.error());
                    continue;
                }
                statement(st.statement(), f.name());
            }
        }
        List<Table> out = new ArrayList<>();
        for (Table t : tables.values()) {
            List<Index> ix = new ArrayList<>(t.indexes());
            ix.addAll(indexes.getOrDefault(key(t.name()), List.of()));
            out.add(new Table(t.schema(), t.name(), t.kind(), t.columns(), t.primaryKey(), t.uniqueKeys(),
                    resolveFks(t.foreignKeys()), t.checks(), ix, t.comment(), -1, -1, null, t.options()));
        }
        Schema schema = new Schema(SCHEMA, out, List.copyOf(views.values()), List.of(), List.of(),
                List.copyOf(triggers.values()), List.of(), List.of(), List.of());
        return new ScriptSchema(schema, sources, errors, unmodelled);
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private void statement(Statement st, String file) {
        SourceRef ref = new SourceRef(file, st.span().line(), st.span().column(), st.span().text());
        if (st instanceof CreateTable ct) {
            if (ct.temporary()) {
                unmodelled.add(new ScriptSchema.Unmodelled("CREATE TEMP TABLE", ct.name().last().value(), file, ref.line(), ref.column(), ref.text()));
            } else if (ct.asQuery() != null) {
                unmodelled.add(new ScriptSchema.Unmodelled("CREATE TABLE AS", ct.name().last().value(), file, ref.line(), ref.column(), ref.text()));
            } else if (!(ct.ifNotExists() && tables.containsKey(key(ct.name().last().value())))) {
                Table t = table(ct);
                tables.put(key(t.name()), t);
                indexes.remove(key(t.name()));
                sources.put("TABLE:" + t.name(), ref);
            }
        } else if (st instanceof CreateIndex ci) {
            String table = ci.table().last().value();
            List<Index.Element> elems = new ArrayList<>();
            for (IndexElement e : ci.elements()) {
                Identifier col = e.columnName();
                boolean desc = "DESC".equals(e.ordering());
                elems.add(col != null ? new Index.Element(col.value(), null, desc, null)
                        : new Index.Element(null, e.expression().text(), desc, null));
            }
            String name = ci.name().last().value();
            indexes.computeIfAbsent(key(table), k -> new ArrayList<>()).add(new Index(name, ci.unique(), elems, "btree",
                    ci.where() == null ? null : ci.where().text(), false, null));
            sources.put("INDEX:" + name, ref);
        } else if (st instanceof CreateView cv) {
            String name = cv.name().last().value();
            List<Column> cols = new ArrayList<>();
            for (int i = 0; i < cv.columns().size(); i++) {
                cols.add(Column.of(cv.columns().get(i).value(), i + 1, DataType.of("none", null, null, null, ""), true));
            }
            if (!(cv.ifNotExists() && views.containsKey(key(name)))) {
                views.put(key(name), new View(SCHEMA, name, false, cv.query().text(), cols, null, null));
                sources.put("VIEW:" + name, ref);
            }
        } else if (st instanceof CreateTrigger tr) {
            String name = tr.name().last().value();
            Trigger.Timing timing = tr.timing() == null || tr.timing().equals("BEFORE") ? Trigger.Timing.BEFORE
                    : tr.timing().equals("AFTER") ? Trigger.Timing.AFTER : Trigger.Timing.INSTEAD_OF;
            triggers.put(key(name), new Trigger(SCHEMA, name, SCHEMA, tr.table().last().value(), timing, tr.events(),
                    tr.updateColumns().stream().map(Identifier::value).toList(), Trigger.Level.ROW,
                    tr.when() == null ? null : tr.when().text(), true, st.span().text()));
            sources.put("TRIGGER:" + name, ref);
        } else if (st instanceof Drop d) {
            for (QualifiedName n : d.names()) {
                String k = key(n.last().value());
                switch (d.objectKind()) {
                    case "TABLE" -> {
                        tables.remove(k);
                        indexes.remove(k);
                    }
                    case "VIEW" -> views.remove(k);
                    case "TRIGGER" -> triggers.remove(k);
                    case "INDEX" -> indexes.values().forEach(l -> l.removeIf(i -> key(i.name()).equals(k)));
                    default -> { }
                }
            }
        } else if (st instanceof OtherStatement o && (o.kind().startsWith("CREATE") || o.kind().startsWith("ALTER"))) {
            unmodelled.add(new ScriptSchema.Unmodelled(o.kind(), null, file, ref.line(), ref.column(), ref.text()));
        }
    }

    private Table table(CreateTable ct) {
        String name = ct.name().last().value();
        boolean withoutRowid = ct.options().contains("WITHOUT ROWID");
        boolean strict = ct.options().contains("STRICT");
        List<ConstraintDef> all = new ArrayList<>(ct.constraints());
        ct.columns().forEach(c -> all.addAll(c.constraints()));
        ConstraintDef pkDef = all.stream().filter(c -> c.kind() == ConstraintDef.Kind.PRIMARY_KEY).findFirst().orElse(null);
        List<String> pkCols = pkDef == null ? List.of() : pkDef.columns().stream().map(Identifier::value).toList();
        boolean tableAutoIncrement = pkDef != null && pkDef.span().text().toUpperCase(Locale.ROOT).contains("AUTOINCREMENT")
                && !ct.columns().stream().anyMatch(c -> c.constraints().contains(pkDef));
        List<Column> columns = new ArrayList<>();
        String rowidAlias = null;
        int pos = 0;
        for (ColumnDef c : ct.columns()) {
            pos++;
            String declared = c.type() == null ? "" : c.type().span().text();
            DataType type = SqliteToPostgresTypes.parseDeclared(declared);
            boolean inPk = pkCols.stream().anyMatch(p -> p.equalsIgnoreCase(c.name().value()));
            boolean integerPk = inPk && pkCols.size() == 1 && declared.trim().equalsIgnoreCase("integer");
            if (integerPk && !withoutRowid && !descPrimaryKey(c)) {
                rowidAlias = c.name().value();
            }
            boolean nullable = !Boolean.FALSE.equals(c.nullable()) && !integerPk;
            Identity identity = (c.autoIncrement() || tableAutoIncrement && inPk) && integerPk
                    ? new Identity(Identity.Kind.AUTOINCREMENT, 1L, 1L, null) : null;
            String def = c.defaultValue() == null ? null : defaultText(c.defaultValue());
            String generated = c.generated() == null ? null : c.generated().expression().text();
            columns.add(new Column(c.name().value(), pos, type, nullable, generated == null ? def : null, identity,
                    generated, c.generated() != null && c.generated().stored(), null, c.collation(), null, null));
        }
        Map<String, String> options = new LinkedHashMap<>();
        if (withoutRowid) {
            options.put("without_rowid", "true");
        }
        if (strict) {
            options.put("strict", "true");
        }
        if (rowidAlias != null) {
            options.put("rowid_alias", rowidAlias);
        }
        KeyConstraint pk = pkDef == null ? null : KeyConstraint.of(pkDef.name() == null ? null : pkDef.name().value(), pkCols);
        List<KeyConstraint> uniques = new ArrayList<>();
        List<CheckConstraint> checks = new ArrayList<>();
        List<ForeignKey> fks = new ArrayList<>();
        for (ConstraintDef c : all) {
            String cname = c.name() == null ? null : c.name().value();
            switch (c.kind()) {
                case UNIQUE -> uniques.add(KeyConstraint.of(cname, c.columns().stream().map(Identifier::value).toList()));
                case CHECK -> checks.add(new CheckConstraint(cname, c.check().text(), true));
                case FOREIGN_KEY -> fks.add(new ForeignKey(cname, c.columns().stream().map(Identifier::value).toList(),
                        SCHEMA, c.references().table().last().value(),
                        c.references().columns().stream().map(Identifier::value).toList(),
                        ForeignKey.action(c.references().onDelete()), ForeignKey.action(c.references().onUpdate()),
                        c.deferrable(), c.initiallyDeferred(), c.references().match() == null ? "SIMPLE" : c.references().match()));
                default -> { }
            }
        }
        return new Table(SCHEMA, name, Table.Kind.REGULAR, columns, pk, uniques, fks, checks, List.of(), null, -1, -1,
                null, options);
    }

    private static boolean descPrimaryKey(ColumnDef c) {
        return c.constraints().stream().anyMatch(k -> k.kind() == ConstraintDef.Kind.PRIMARY_KEY
                && k.span().text().toUpperCase(Locale.ROOT).matches("(?s).*PRIMARY\\s+KEY\\s+DESC.*"));
    }

    /** A default as SQL text, like SQLite's {@code pragma table_info}: a bare-word default is a string. */
    private static String defaultText(Expr e) {
        String text = e.text();
        if (e instanceof Literal l && l.kind() == Literal.Kind.STRING && !text.startsWith("'")) {
            return "'" + l.value().replace("'", "''") + "'";
        }
        if (e instanceof ColumnRef) {
            return "'" + text.replace("'", "''") + "'";
        }
        return text;
    }

    /** Foreign keys without referenced columns point at the referenced table's primary key. */
    private List<ForeignKey> resolveFks(List<ForeignKey> fks) {
        List<ForeignKey> out = new ArrayList<>();
        for (ForeignKey fk : fks) {
            Table target = tables.get(key(fk.referencedTable()));
            if (fk.referencedColumns().isEmpty() && target != null && target.primaryKey() != null) {
                out.add(new ForeignKey(fk.name(), fk.columns(), fk.referencedSchema(), fk.referencedTable(),
                        target.primaryKey().columns(), fk.onDelete(), fk.onUpdate(), fk.deferrable(), fk.initiallyDeferred(),
                        fk.match()));
            } else {
                out.add(fk);
            }
        }
        return out;
    }
}
