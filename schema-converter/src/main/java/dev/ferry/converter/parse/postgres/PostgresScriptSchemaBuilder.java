package dev.ferry.converter.parse.postgres;

import dev.ferry.converter.ast.AlterSequence;
import dev.ferry.converter.ast.AlterTable;
import dev.ferry.converter.ast.ColumnDef;
import dev.ferry.converter.ast.CommentOn;
import dev.ferry.converter.ast.ConstraintDef;
import dev.ferry.converter.ast.CreateDomain;
import dev.ferry.converter.ast.CreateFunction;
import dev.ferry.converter.ast.CreateIndex;
import dev.ferry.converter.ast.CreateSequence;
import dev.ferry.converter.ast.CreateTable;
import dev.ferry.converter.ast.CreateTrigger;
import dev.ferry.converter.ast.CreateType;
import dev.ferry.converter.ast.CreateView;
import dev.ferry.converter.ast.Drop;
import dev.ferry.converter.ast.Identifier;
import dev.ferry.converter.ast.IndexElement;
import dev.ferry.converter.ast.OtherStatement;
import dev.ferry.converter.ast.QualifiedName;
import dev.ferry.converter.ast.SequenceOptions;
import dev.ferry.converter.ast.Statement;
import dev.ferry.converter.ast.TypeName;
import dev.ferry.converter.parse.ParseResult;
import dev.ferry.converter.parse.ParsedStatement;
import dev.ferry.converter.parse.ParsingException;
import dev.ferry.converter.parse.ScriptSchema;
import dev.ferry.converter.render.SourceRef;
import dev.ferry.model.schema.CheckConstraint;
import dev.ferry.model.schema.Column;
import dev.ferry.model.schema.DataType;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds one PostgreSQL schema of the neutral model from PostgreSQL scripts (hand-written DDL or {@code pg_dump
 * --schema-only} output), parsed statement by statement with our PostgreSQL grammar ({@link PostgresParserFacade}):
 * types (enum, composite, domain), sequences (with {@code ALTER SEQUENCE ... OWNED BY}), tables (columns, defaults,
 * {@code serial} → integer + owned sequence, identities, generated columns, collations, keys and checks, partitioning
 * and {@code PARTITION OF} partitions), {@code ALTER TABLE ... ADD CONSTRAINT} and {@code ALTER COLUMN ... SET DEFAULT},
 * indexes, views, materialized views, functions, procedures, triggers and comments, in the shape the live catalog
 * reader produces. Unqualified names belong to {@code public}; only objects of the requested schema are modelled.
 * Statements that do not parse are returned as errors (file:line:column); DDL the model does not hold (policies,
 * extensions, row-level security, rules, grants are not DDL of objects) is returned as unmodelled.
 *
 * <p>Threading: not thread-safe; one instance per build.
 */
public final class PostgresScriptSchemaBuilder {

    private static final Set<String> IGNORED = Set.of("ALTER OWNER", "SET", "CREATE DATABASE", "ALTER DATABASE", "SELECT", "INSERT", "UPDATE", "DELETE", "COPY",
            "GRANT", "REVOKE", "BEGIN", "COMMIT", "START", "CLIENT COMMAND", "WITH", "VALUES", "TRUNCATE", "ANALYZE", "VACUUM");

    private final String schemaName;
    private final Map<String, TableBuilder> tables = new LinkedHashMap<>();
    private final Map<String, View> views = new LinkedHashMap<>();
    private final Map<String, Sequence> sequences = new LinkedHashMap<>();
    private final Map<String, Routine> routines = new LinkedHashMap<>();
    private final Map<String, Trigger> triggers = new LinkedHashMap<>();
    private final Map<String, UserType> types = new LinkedHashMap<>();
    private final Map<String, SourceRef> sources = new HashMap<>();
    private final List<ParsingException> errors = new ArrayList<>();
    private final List<ScriptSchema.Unmodelled> unmodelled = new ArrayList<>();
    private final List<String[]> partitionsOf = new ArrayList<>();

    /** @param schemaName the schema to model (catalog spelling, e.g. {@code public}) */
    public PostgresScriptSchemaBuilder(String schemaName) {
        this.schemaName = schemaName;
    }

    /** The catalog spelling of a name: unquoted names fold to lower case. */
    static String fold(Identifier id) {
        return id.quoted() ? id.value() : id.value().toLowerCase(Locale.ROOT);
    }

    private boolean mine(QualifiedName n) {
        return n.parts().size() < 2 || fold(n.parts().get(n.parts().size() - 2)).equals(schemaName);
    }

    private static String last(QualifiedName n) {
        return fold(n.last());
    }

    /** Parses and models the files in order. */
    public ScriptSchema build(List<ScriptSchema.File> files) {
        for (ScriptSchema.File f : files) {
            ParseResult r = PostgresParserFacade.INSTANCE.parseScript(f.text(), f.name());
            for (ParsedStatement st : r.statements()) {
                if (!st.isParsed()) {
                    errors.add(st.error());
                } else {
                    statement(st.statement(), f.name());
                }
            }
        }
        for (String[] p : partitionsOf) {
            TableBuilder parent = tables.get(p[1]);
            TableBuilder child = tables.remove(p[0]);
            if (parent != null && parent.partitioning != null) {
                parent.partitions.add(new Partitioning.Partition(p[0], p[2]));
            } else if (child != null) {
                tables.put(p[0], child);
            }
        }
        List<Table> out = tables.values().stream().map(TableBuilder::build).toList();
        Schema schema = new Schema(schemaName, out, List.copyOf(views.values()), List.copyOf(sequences.values()),
                List.copyOf(routines.values()), List.copyOf(triggers.values()), List.of(), List.of(), List.copyOf(types.values()));
        return new ScriptSchema(schema, sources, errors, unmodelled);
    }

    private void statement(Statement st, String file) {
        SourceRef ref = new SourceRef(file, st.span().line(), st.span().column(), st.span().text());
        if (st instanceof CreateTable ct) {
            if (!mine(ct.name()) || ct.temporary()) {
                return;
            }
            String name = last(ct.name());
            if (ct.asQuery() != null) {
                unmodelled.add(new ScriptSchema.Unmodelled("CREATE TABLE AS", name, file, ref.line(), ref.column(), ref.text()));
                return;
            }
            if (ct.ifNotExists() && tables.containsKey(name)) {
                return;
            }
            TableBuilder t = new TableBuilder(name);
            t.unlogged = ct.options().contains("UNLOGGED");
            for (ColumnDef c : ct.columns()) {
                t.column(c, this);
            }
            for (ConstraintDef c : ct.constraints()) {
                t.constraint(c);
            }
            for (String o : ct.options()) {
                if (o.startsWith("PARTITION OF ")) {
                    String rest = o.substring("PARTITION OF ".length());
                    int sp = rest.indexOf(' ');
                    String parent = sp < 0 ? rest : rest.substring(0, sp);
                    parent = parent.contains(".") ? parent.substring(parent.lastIndexOf('.') + 1) : parent;
                    parent = parent.startsWith("\"") ? parent.substring(1, parent.length() - 1) : parent.toLowerCase(Locale.ROOT);
                    partitionsOf.add(new String[]{name, parent, sp < 0 ? "" : rest.substring(sp + 1).trim()});
                }
            }
            if (ct.partitionBy() != null) {
                String p = ct.partitionBy().trim();
                String body = p.substring("PARTITION BY".length()).trim();
                int open = body.indexOf('(');
                t.partitioning = body.substring(0, open).trim().toLowerCase(Locale.ROOT);
                t.partitionKeys = splitTopLevel(body.substring(open + 1, body.lastIndexOf(')')));
            }
            tables.put(name, t);
            sources.put("TABLE:" + name, ref);
        } else if (st instanceof AlterTable at) {
            TableBuilder t = mine(at.table()) ? tables.get(last(at.table())) : null;
            if (t == null) {
                return;
            }
            for (AlterTable.Action a : at.actions()) {
                if (a instanceof AlterTable.AddConstraint ac) {
                    t.constraint(ac.constraint());
                    if (ac.constraint().name() != null) {
                        sources.put("CONSTRAINT:" + fold(ac.constraint().name()), ref);
                    }
                } else if (a instanceof AlterTable.AddColumn ac) {
                    t.column(ac.column(), this);
                } else if (a instanceof AlterTable.AlterColumnDefault d) {
                    t.setDefault(fold(d.column()), d.defaultValue() == null ? null : d.defaultValue().text());
                } else if (a instanceof AlterTable.OtherAction o && !o.kind().startsWith("OWNER")) {
                    unmodelled.add(new ScriptSchema.Unmodelled("ALTER TABLE " + o.kind(), t.name, file, ref.line(), ref.column(), ref.text()));
                }
            }
        } else if (st instanceof CreateIndex ci) {
            if (!mine(ci.table()) || ci.name() == null) {
                return;
            }
            TableBuilder t = tables.get(last(ci.table()));
            if (t == null) {
                return;
            }
            List<Index.Element> elems = new ArrayList<>();
            for (IndexElement e : ci.elements()) {
                Identifier col = e.columnName();
                boolean desc = "DESC".equals(e.ordering());
                elems.add(col != null ? new Index.Element(fold(col), null, desc, null) : new Index.Element(null, e.expression().text(), desc, null));
            }
            String name = last(ci.name());
            t.indexes.add(new Index(name, ci.unique(), elems, ci.method() == null ? "btree" : ci.method().toLowerCase(Locale.ROOT),
                    ci.where() == null ? null : ci.where().text(), false, null));
            sources.put("INDEX:" + name, ref);
        } else if (st instanceof CreateSequence cs) {
            if (mine(cs.name()) && !cs.temporary()) {
                String name = last(cs.name());
                sequences.put(name, sequence(name, cs.options(), null));
                sources.put("SEQUENCE:" + name, ref);
            }
        } else if (st instanceof AlterSequence as) {
            Sequence q = mine(as.name()) ? sequences.get(last(as.name())) : null;
            if (q != null && as.options().ownedBy() != null) {
                QualifiedName o = as.options().ownedBy();
                String owner = o.parts().size() >= 2 ? fold(o.parts().get(o.parts().size() - 2)) + "." + fold(o.last()) : null;
                sequences.put(q.name(), new Sequence(q.schema(), q.name(), q.dataType(), q.start(), q.increment(), q.minValue(),
                        q.maxValue(), q.cache(), q.cycle(), q.lastValue(), owner == null ? null : quoteIdent(schemaName) + "."
                        + quote(owner)));
            }
        } else if (st instanceof CreateView cv) {
            if (!mine(cv.name()) || cv.temporary()) {
                return;
            }
            String name = last(cv.name());
            List<Column> cols = new ArrayList<>();
            for (int i = 0; i < cv.columns().size(); i++) {
                cols.add(Column.of(fold(cv.columns().get(i)), i + 1, DataType.of("unknown"), true));
            }
            views.put(name, new View(schemaName, name, cv.materialized(), cv.query().text(), cols, null, null));
            sources.put("VIEW:" + name, ref);
        } else if (st instanceof CreateType ty) {
            if (!mine(ty.name())) {
                return;
            }
            String name = last(ty.name());
            UserType u = switch (ty.kind()) {
                case ENUM -> new UserType(schemaName, name, UserType.Kind.ENUM, ty.labels(), List.of(), null, ref.text());
                case COMPOSITE -> new UserType(schemaName, name, UserType.Kind.COMPOSITE, List.of(), ty.attributes().stream()
                        .map(a -> Column.of(fold(a.name()), 0, typeOf(a.type()), true)).toList(), null, ref.text());
                default -> new UserType(schemaName, name, ty.kind() == CreateType.Kind.RANGE ? UserType.Kind.RANGE : UserType.Kind.OTHER,
                        List.of(), List.of(), null, ref.text());
            };
            types.put(name, u);
            sources.put("TYPE:" + name, ref);
        } else if (st instanceof CreateDomain d) {
            if (mine(d.name())) {
                String name = last(d.name());
                types.put(name, new UserType(schemaName, name, UserType.Kind.DOMAIN, List.of(), List.of(), d.type().text(), ref.text()));
                sources.put("TYPE:" + name, ref);
            }
        } else if (st instanceof CreateFunction f) {
            if (!mine(f.name())) {
                return;
            }
            String name = last(f.name());
            List<Routine.Parameter> params = f.parameters().stream().map(p -> new Routine.Parameter(
                    p.name() == null ? null : fold(p.name()), p.mode() == null ? "IN" : p.mode().toUpperCase(Locale.ROOT),
                    p.type().text(), p.defaultValue() == null ? null : p.defaultValue().text())).toList();
            String key = name + "(" + params.stream().filter(p -> !"OUT".equals(p.mode())).map(Routine.Parameter::type)
                    .map(x -> x.toLowerCase(Locale.ROOT)).reduce((a, b) -> a + ", " + b).orElse("") + ")";
            routines.put(key, new Routine(schemaName, name, f.procedure() ? Routine.Kind.PROCEDURE : Routine.Kind.FUNCTION, params,
                    f.returns(), f.language() == null ? "sql" : f.language().toLowerCase(Locale.ROOT), false, ref.text(), null));
            sources.put("ROUTINE:" + name, ref);
        } else if (st instanceof CreateTrigger tr) {
            if (!mine(tr.table())) {
                return;
            }
            String name = fold(tr.name().last());
            Trigger.Timing timing = "AFTER".equals(tr.timing()) ? Trigger.Timing.AFTER
                    : "INSTEAD OF".equals(tr.timing()) ? Trigger.Timing.INSTEAD_OF : Trigger.Timing.BEFORE;
            triggers.put(last(tr.table()) + "." + name, new Trigger(schemaName, name, schemaName, last(tr.table()), timing, tr.events(),
                    tr.updateColumns().stream().map(PostgresScriptSchemaBuilder::fold).toList(),
                    tr.forEachRow() ? Trigger.Level.ROW : Trigger.Level.STATEMENT, tr.when() == null ? null : tr.when().text(),
                    true, ref.text()));
            sources.put("TRIGGER:" + name, ref);
        } else if (st instanceof CommentOn c) {
            comment(c);
        } else if (st instanceof Drop d) {
            for (QualifiedName n : d.names()) {
                if (!mine(n)) {
                    continue;
                }
                String k = last(n);
                switch (d.objectKind()) {
                    case "TABLE" -> tables.remove(k);
                    case "VIEW", "MATERIALIZED VIEW" -> views.remove(k);
                    case "SEQUENCE" -> sequences.remove(k);
                    case "TYPE", "DOMAIN" -> types.remove(k);
                    case "INDEX" -> tables.values().forEach(t -> t.indexes.removeIf(i -> i.name().equals(k)));
                    case "FUNCTION", "PROCEDURE" -> routines.keySet().removeIf(r -> r.startsWith(k + "("));
                    default -> { }
                }
            }
        } else if (st instanceof OtherStatement o && !IGNORED.contains(o.kind()) && !o.kind().startsWith("ALTER DEFAULT")
                && (o.kind().startsWith("CREATE") || o.kind().startsWith("ALTER"))) {
            unmodelled.add(new ScriptSchema.Unmodelled(o.kind(), null, file, ref.line(), ref.column(), ref.text()));
        }
    }

    private void comment(CommentOn c) {
        if (c.comment() == null) {
            return;
        }
        List<Identifier> parts = c.target().parts();
        switch (c.objectKind()) {
            case "TABLE" -> {
                TableBuilder t = mine(c.target()) ? tables.get(last(c.target())) : null;
                if (t != null) {
                    t.comment = c.comment();
                }
            }
            case "COLUMN" -> {
                if (parts.size() >= 2) {
                    TableBuilder t = tables.get(fold(parts.get(parts.size() - 2)));
                    if (t != null && (parts.size() < 3 || fold(parts.get(parts.size() - 3)).equals(schemaName))) {
                        t.columnComment(fold(parts.get(parts.size() - 1)), c.comment());
                    }
                }
            }
            default -> { }
        }
    }

    static DataType typeOf(TypeName t) {
        String text = t.text();
        return new DataType(t.name(), null, null, null, null, false, false, List.of(), t.arrayDimensions(), text);
    }

    private Sequence sequence(String name, SequenceOptions o, String ownedBy) {
        return new Sequence(schemaName, name, o.dataType() == null ? "bigint" : o.dataType().text().toLowerCase(Locale.ROOT),
                o.start(), o.increment(), o.minValue(), o.maxValue(), o.cache(), Boolean.TRUE.equals(o.cycle()), null, ownedBy);
    }

    static String quoteIdent(String n) {
        return n.matches("[a-z_][a-z0-9_$]*") ? n : "\"" + n.replace("\"", "\"\"") + "\"";
    }

    private static String quote(String tableDotColumn) {
        int dot = tableDotColumn.indexOf('.');
        return quoteIdent(tableDotColumn.substring(0, dot)) + "." + quoteIdent(tableDotColumn.substring(dot + 1));
    }

    /** Splits on commas outside parentheses and quotes. */
    static List<String> splitTopLevel(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        StringBuilder cur = new StringBuilder();
        for (char ch : s.toCharArray()) {
            if (quote != 0) {
                if (ch == quote) {
                    quote = 0;
                }
            } else if (ch == '\'' || ch == '"') {
                quote = ch;
            } else if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
            } else if (ch == ',' && depth == 0) {
                out.add(cur.toString().trim());
                cur.setLength(0);
                continue;
            }
            cur.append(ch);
        }
        if (!cur.toString().isBlank()) {
            out.add(cur.toString().trim());
        }
        return out;
    }

    /** A table being modelled. */
    private final class TableBuilder {
        final String name;
        final List<Column> columns = new ArrayList<>();
        KeyConstraint pk;
        final List<KeyConstraint> uniques = new ArrayList<>();
        final List<ForeignKey> fks = new ArrayList<>();
        final List<CheckConstraint> checks = new ArrayList<>();
        final List<Index> indexes = new ArrayList<>();
        final List<Partitioning.Partition> partitions = new ArrayList<>();
        String partitioning;
        List<String> partitionKeys = List.of();
        String comment;
        boolean unlogged;

        TableBuilder(String name) {
            this.name = name;
        }

        void column(ColumnDef c, PostgresScriptSchemaBuilder b) {
            String cn = fold(c.name());
            String declared = c.type().text();
            String base = c.type().name();
            Identity identity = null;
            String def = c.defaultValue() == null ? null : c.defaultValue().text();
            String serialType = switch (base) {
                case "serial", "serial4" -> "integer";
                case "bigserial", "serial8" -> "bigint";
                case "smallserial", "serial2" -> "smallint";
                default -> null;
            };
            DataType type = typeOf(c.type());
            if (serialType != null) {
                String seq = PostgresIdentifiersCompat.truncate(name + "_" + cn + "_seq");
                type = new DataType(serialType, null, null, null, null, false, false, List.of(), 0, serialType);
                def = "nextval('" + (seq.matches("[a-z_][a-z0-9_$]*") ? seq : "\"" + seq + "\"").replace("'", "''") + "'::regclass)";
                identity = new Identity(Identity.Kind.SERIAL, 1L, 1L, seq);
                b.sequences.put(seq, new Sequence(schemaName, seq, serialType, 1L, 1L, 1L, null, 1L, false, null,
                        quoteIdent(schemaName) + "." + quoteIdent(name) + "." + quoteIdent(cn)));
            } else if (c.identity() != null) {
                SequenceOptions o = c.identity().options();
                identity = new Identity(c.identity().always() ? Identity.Kind.ALWAYS : Identity.Kind.BY_DEFAULT,
                        o == null ? null : o.start(), o == null ? null : o.increment(), null);
            }
            boolean notNull = Boolean.FALSE.equals(c.nullable()) || identity != null && identity.kind() != Identity.Kind.SERIAL
                    || serialType != null;
            String generated = c.generated() == null ? null : c.generated().expression().text();
            columns.add(new Column(cn, columns.size() + 1, type, !notNull, generated == null ? def : null, identity, generated,
                    generated != null, null, c.collation(), null, null));
            for (ConstraintDef k : c.constraints()) {
                constraint(k);
            }
            if (declared == null) {
                throw new IllegalStateException("column " + cn + " has no type");
            }
        }

        void constraint(ConstraintDef c) {
            String cname = c.name() == null ? null : fold(c.name());
            List<String> cols = c.columns().stream().map(PostgresScriptSchemaBuilder::fold).toList();
            switch (c.kind()) {
                case PRIMARY_KEY -> {
                    pk = new KeyConstraint(cname, cols, c.deferrable(), c.initiallyDeferred());
                    for (int i = 0; i < columns.size(); i++) {
                        Column col = columns.get(i);
                        if (cols.contains(col.name()) && col.nullable()) {
                            columns.set(i, new Column(col.name(), col.position(), col.type(), false, col.defaultExpression(),
                                    col.identity(), col.generated(), col.generatedStored(), col.charset(), col.collation(),
                                    col.comment(), col.onUpdate()));
                        }
                    }
                }
                case UNIQUE -> uniques.add(new KeyConstraint(cname, cols, c.deferrable(), c.initiallyDeferred()));
                case CHECK -> checks.add(new CheckConstraint(cname, c.check().text(), true));
                case FOREIGN_KEY -> {
                    QualifiedName ref = c.references().table();
                    String refSchema = ref.parts().size() >= 2 ? fold(ref.parts().get(ref.parts().size() - 2)) : schemaName;
                    List<String> refCols = c.references().columns().stream().map(PostgresScriptSchemaBuilder::fold).toList();
                    if (refCols.isEmpty()) {
                        TableBuilder target = tables.get(fold(ref.last()));
                        if (target == null && fold(ref.last()).equals(name)) {
                            target = this;
                        }
                        if (target != null && target.pk != null) {
                            refCols = target.pk.columns();
                        }
                    }
                    fks.add(new ForeignKey(cname, cols, refSchema, fold(ref.last()), refCols,
                            ForeignKey.action(c.references().onDelete()), ForeignKey.action(c.references().onUpdate()),
                            c.deferrable(), c.initiallyDeferred(), c.references().match() == null ? "SIMPLE" : c.references().match()));
                }
                default -> unmodelled.add(new ScriptSchema.Unmodelled("EXCLUDE constraint", name, null, c.span().line(),
                        c.span().column(), c.span().text()));
            }
        }

        void setDefault(String column, String expression) {
            for (int i = 0; i < columns.size(); i++) {
                Column col = columns.get(i);
                if (col.name().equals(column)) {
                    columns.set(i, col.withDefault(expression));
                }
            }
        }

        void columnComment(String column, String text) {
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).name().equals(column)) {
                    columns.set(i, columns.get(i).withComment(text));
                }
            }
        }

        Table build() {
            Partitioning p = partitioning == null ? null : new Partitioning(partitioning, partitionKeys, partitions);
            return new Table(schemaName, name, p != null ? Table.Kind.PARTITIONED : unlogged ? Table.Kind.UNLOGGED : Table.Kind.REGULAR,
                    columns, pk, uniques, fks, checks, indexes, comment, -1, -1, p, Map.of());
        }
    }

    /** The 63-byte identifier limit PostgreSQL applies to generated sequence names. */
    private static final class PostgresIdentifiersCompat {
        static String truncate(String n) {
            byte[] b = n.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            return b.length <= 63 ? n : new String(java.util.Arrays.copyOf(b, 63), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
