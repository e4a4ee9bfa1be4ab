package dev.ferry.converter.parse.oracle;

import dev.ferry.grammar.oracle.OracleLexer;
import dev.ferry.grammar.oracle.OracleParser;
import dev.ferry.model.schema.CheckConstraint;
import dev.ferry.model.schema.Column;
import dev.ferry.model.schema.DataType;
import dev.ferry.model.schema.ForeignKey;
import dev.ferry.model.schema.Identity;
import dev.ferry.model.schema.Index;
import dev.ferry.model.schema.KeyConstraint;
import dev.ferry.model.schema.Partitioning;
import dev.ferry.model.schema.PackageDef;
import dev.ferry.model.schema.Routine;
import dev.ferry.model.schema.Schema;
import dev.ferry.model.schema.Trigger;
import dev.ferry.model.schema.Sequence;
import dev.ferry.model.schema.Table;
import dev.ferry.model.schema.View;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * First cut of reading an Oracle DDL script into the neutral schema model: tables (columns, types, NOT NULL, defaults,
 * identity and virtual columns, primary/unique/foreign keys and checks, inline or via {@code ALTER TABLE ... ADD},
 * temporary/index-organized/partitioned kinds), indexes, sequences, views and comments. Other statements (PL/SQL
 * units, grants, DML) are ignored here. Unquoted names are stored upper-case, as Oracle's catalog would; quoted names
 * keep their exact spelling. Expressions (defaults, checks, view queries) are kept as source text.
 *
 * <p>Threading: stateless; {@link #build} may be called concurrently.
 */
public final class OracleScriptSchemaBuilder {

    /** Builds the schema {@code schemaName} from the statements of {@code result} that create objects in it. */
    public Schema build(String schemaName, OracleParseResult result) {
        State st = new State(schemaName);
        for (OracleParsedStatement s : result.statements()) {
            ParserRuleContext c = (ParserRuleContext) s.handle().tree().getChild(0);
            if (c instanceof OracleParser.CreateTableContext ct) {
                st.createTable(ct);
            } else if (c instanceof OracleParser.AlterTableContext at) {
                st.alterTable(at);
            } else if (c instanceof OracleParser.CreateIndexContext ci) {
                st.createIndex(ci);
            } else if (c instanceof OracleParser.CreateSequenceContext cs) {
                st.createSequence(cs);
            } else if (c instanceof OracleParser.CreateViewContext cv) {
                st.createView(cv);
            } else if (c instanceof OracleParser.CommentOnContext co) {
                st.comment(co);
            } else if (c instanceof OracleParser.CreateProcedureContext p) {
                st.routines.add(new Routine(st.schemaOf(p.objectName()), st.nameOf(p.objectName()), Routine.Kind.PROCEDURE,
                        List.of(), null, "plsql", false, s.text(), null));
            } else if (c instanceof OracleParser.CreateFunctionContext f) {
                st.routines.add(new Routine(st.schemaOf(f.objectName(0)), st.nameOf(f.objectName(0)), Routine.Kind.FUNCTION,
                        List.of(), text(f.dataType()), "plsql", false, s.text(), null));
            } else if (c instanceof OracleParser.CreatePackageContext pk) {
                st.packages.merge(st.nameOf(pk.objectName()), new PackageDef(st.schemaOf(pk.objectName()), st.nameOf(pk.objectName()),
                        s.text(), null), (a, b) -> new PackageDef(a.schema(), a.name(), b.specSource(), a.bodySource()));
            } else if (c instanceof OracleParser.CreatePackageBodyContext pb) {
                st.packages.merge(st.nameOf(pb.objectName()), new PackageDef(st.schemaOf(pb.objectName()), st.nameOf(pb.objectName()),
                        null, s.text()), (a, b) -> new PackageDef(a.schema(), a.name(), a.specSource(), b.bodySource()));
            } else if (c instanceof OracleParser.CreateTriggerContext tr) {
                st.trigger(tr, s.text());
            }
        }
        return st.toSchema();
    }

    // ================================================================================================== helpers

    /** Oracle's catalog spelling of a name: quoted names exactly, others upper-case. */
    static String name(OracleParser.IdentifierContext id) {
        Token t = id.getStart();
        String text = t.getText();
        if (t.getType() == OracleLexer.QUOTED_IDENTIFIER) {
            return text.substring(1, text.length() - 1);
        }
        return text.toUpperCase(Locale.ROOT);
    }

    /** The source text of a rule, exactly as written (including comments and line breaks inside it). */
    static String text(ParserRuleContext ctx) {
        if (ctx == null || ctx.getStart() == null) {
            return null;
        }
        Token stop = ctx.getStop() == null ? ctx.getStart() : ctx.getStop();
        return ctx.getStart().getInputStream().getText(Interval.of(ctx.getStart().getStartIndex(), stop.getStopIndex()));
    }

    private static final Pattern PARENS = Pattern.compile("\\(([^)]*)\\)");

    /** Maps a declared type to the model: lower-case base name (parenthesised parts removed) and its numbers. */
    static DataType dataType(OracleParser.DataTypeContext d) {
        if (d == null) {
            return DataType.of("undefined");
        }
        String declared = text(d).replaceAll("\\s+", " ").trim();
        String base = PARENS.matcher(declared).replaceAll("").replaceAll("\\s+", " ").trim().toLowerCase(Locale.ROOT);
        Matcher m = PARENS.matcher(declared);
        List<String> groups = new ArrayList<>();
        while (m.find()) {
            groups.add(m.group(1).trim());
        }
        Long length = null;
        Integer precision = null;
        Integer scale = null;
        DataType.CharSemantics semantics = null;
        if (!groups.isEmpty()) {
            String first = groups.get(0);
            if (base.matches("varchar2|varchar|nvarchar2|char|nchar|raw|urowid|character( varying)?")) {
                String[] parts = first.split("\\s+");
                length = Long.parseLong(parts[0]);
                if (parts.length > 1) {
                    semantics = DataType.CharSemantics.valueOf(parts[1].toUpperCase(Locale.ROOT));
                }
            } else {
                String[] parts = first.split("\\s*,\\s*");
                precision = parts[0].equals("*") ? null : Integer.valueOf(parts[0]);
                if (parts.length > 1) {
                    scale = Integer.valueOf(parts[1]);
                } else if (groups.size() > 1) {
                    scale = Integer.valueOf(groups.get(1)); // INTERVAL DAY(p) TO SECOND(s)
                }
            }
        }
        return new DataType(base, length, precision, scale, semantics, false, false, List.of(), 0, declared);
    }

    /** The value of a string literal: '..' with doubled quotes, N'..', q'[..]'. */
    static String stringValue(String raw) {
        String s = raw;
        if (s.startsWith("N") || s.startsWith("n")) {
            s = s.substring(1);
        }
        if (s.startsWith("q") || s.startsWith("Q")) {
            return s.substring(3, s.length() - 2);
        }
        return s.substring(1, s.length() - 1).replace("''", "'");
    }

    private static Long number(OracleParser.SignedNumberContext n) {
        if (n == null) {
            return null;
        }
        try {
            return Long.valueOf(n.getText());
        } catch (NumberFormatException e) {
            return null; // larger than a long (Oracle allows 28 digits)
        }
    }

    private static List<String> columns(OracleParser.ColumnListContext list) {
        List<String> out = new ArrayList<>();
        if (list != null) {
            list.identifier().forEach(i -> out.add(name(i)));
        }
        return out;
    }

    // ================================================================================================== state

    private static final class TableBuilder {
        String schema;
        String name;
        Table.Kind kind = Table.Kind.REGULAR;
        final List<ColumnBuilder> columns = new ArrayList<>();
        KeyConstraint primaryKey;
        final List<KeyConstraint> uniqueKeys = new ArrayList<>();
        final List<ForeignKey> foreignKeys = new ArrayList<>();
        final List<CheckConstraint> checks = new ArrayList<>();
        final List<Index> indexes = new ArrayList<>();
        String comment;
        Partitioning partitioning;
        final Map<String, String> options = new LinkedHashMap<>();

        ColumnBuilder column(String n) {
            return columns.stream().filter(c -> c.name.equals(n)).findFirst().orElse(null);
        }

        Table build() {
            List<Column> cols = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                ColumnBuilder c = columns.get(i);
                boolean inPk = primaryKey != null && primaryKey.columns().contains(c.name);
                cols.add(new Column(c.name, i + 1, c.type, c.nullable && !inPk, c.defaultExpression, c.identity,
                        c.generated, false, null, null, c.comment));
            }
            List<Index> idx = new ArrayList<>();
            for (Index ix : indexes) {
                boolean backing = ix.unique() && !ix.hasExpressions() && backs(ix);
                idx.add(new Index(ix.name(), ix.unique(), ix.elements(), ix.method(), ix.where(), backing, ix.comment()));
            }
            return new Table(schema, name, kind, cols, primaryKey, uniqueKeys, foreignKeys, checks, idx, comment,
                    -1, -1, partitioning, options);
        }

        private boolean backs(Index ix) {
            List<String> cols = ix.elements().stream().map(Index.Element::column).toList();
            if (primaryKey != null && primaryKey.columns().equals(cols)) {
                return true;
            }
            return uniqueKeys.stream().anyMatch(u -> u.columns().equals(cols));
        }
    }

    private static final class ColumnBuilder {
        String name;
        DataType type;
        boolean nullable = true;
        String defaultExpression;
        Identity identity;
        String generated;
        String comment;
    }

    private static final class State {
        final String defaultSchema;
        final Map<String, TableBuilder> tables = new LinkedHashMap<>();
        final List<Sequence> sequences = new ArrayList<>();
        final Map<String, View> views = new LinkedHashMap<>();
        final List<Routine> routines = new ArrayList<>();
        final List<Trigger> triggers = new ArrayList<>();
        final Map<String, PackageDef> packages = new LinkedHashMap<>();

        /** A DML trigger (timing, events, table, level); system-event triggers are kept with no table. */
        void trigger(OracleParser.CreateTriggerContext tr, String source) {
            OracleParser.DmlEventClauseContext ev = tr.dmlEventClause();
            Trigger.Timing timing = tr.INSTEAD() != null ? Trigger.Timing.INSTEAD_OF : tr.BEFORE() != null ? Trigger.Timing.BEFORE
                    : tr.AFTER() != null ? Trigger.Timing.AFTER : Trigger.Timing.COMPOUND;
            List<String> events = ev == null ? List.of() : ev.dmlEvent().stream()
                    .map(e -> e.getStart().getText().toUpperCase(Locale.ROOT)).toList();
            triggers.add(new Trigger(schemaOf(tr.objectName()), nameOf(tr.objectName()), ev == null ? null : schemaOf(ev.objectName()),
                    ev == null ? null : nameOf(ev.objectName()), timing, events, List.of(),
                    tr.ROW() != null ? Trigger.Level.ROW : Trigger.Level.STATEMENT, null, true, source));
        }

        State(String defaultSchema) {
            this.defaultSchema = defaultSchema;
        }

        String schemaOf(OracleParser.ObjectNameContext n) {
            return n.identifier().size() > 1 ? name(n.identifier(0)) : defaultSchema;
        }

        String nameOf(OracleParser.ObjectNameContext n) {
            return name(n.identifier(n.identifier().size() - 1));
        }

        TableBuilder table(OracleParser.ObjectNameContext n) {
            if (!schemaOf(n).equals(defaultSchema)) {
                return null;
            }
            return tables.get(nameOf(n));
        }

        void createTable(OracleParser.CreateTableContext ct) {
            if (!schemaOf(ct.objectName()).equals(defaultSchema)) {
                return;
            }
            TableBuilder t = new TableBuilder();
            t.schema = defaultSchema;
            t.name = nameOf(ct.objectName());
            if (ct.GLOBAL() != null || ct.PRIVATE() != null) {
                t.kind = Table.Kind.GLOBAL_TEMPORARY;
            }
            for (OracleParser.RelationalPropertyContext p : ct.relationalProperty()) {
                if (p.columnDefinition() != null) {
                    addColumn(t, p.columnDefinition());
                } else {
                    addConstraint(t, p.outOfLineConstraint());
                }
            }
            for (OracleParser.TablePropertyContext p : ct.tableProperty()) {
                if (p.ORGANIZATION() != null && p.INDEX() != null) {
                    t.kind = Table.Kind.INDEX_ORGANIZED;
                } else if (p.partitioningClause() != null) {
                    t.partitioning = partitioning(p.partitioningClause());
                    if (t.kind == Table.Kind.REGULAR) {
                        t.kind = Table.Kind.PARTITIONED;
                    }
                } else if (p.physicalClause() != null && p.physicalClause().TABLESPACE() != null) {
                    t.options.put("tablespace", name(p.physicalClause().identifier(0)));
                } else if (p.ON() != null && p.COMMIT() != null) {
                    t.options.put("on_commit", p.PRESERVE() != null ? "preserve rows" : "delete rows");
                }
            }
            tables.put(t.name, t);
        }

        private static Partitioning partitioning(OracleParser.PartitioningClauseContext pc) {
            String method = pc.RANGE() != null ? "range" : pc.LIST() != null ? "list" : pc.HASH() != null ? "hash" : "reference";
            List<String> keys = pc.columnList() != null ? columns(pc.columnList()) : List.of(text(pc.identifier()));
            List<Partitioning.Partition> parts = new ArrayList<>();
            if (pc.partitionList() != null) {
                for (OracleParser.PartitionDefinitionContext d : pc.partitionList().partitionDefinition()) {
                    String bound = null;
                    if (d.VALUES() != null && d.RPAREN() != null) {
                        Token from = d.VALUES().getSymbol();
                        bound = from.getInputStream().getText(Interval.of(from.getStartIndex(), d.RPAREN().getSymbol().getStopIndex()));
                    }
                    parts.add(new Partitioning.Partition(d.identifier() == null ? null : name(d.identifier()), bound));
                }
            }
            return new Partitioning(method, keys, parts);
        }

        private void addColumn(TableBuilder t, OracleParser.ColumnDefinitionContext cd) {
            ColumnBuilder c = new ColumnBuilder();
            c.name = name(cd.identifier(0));
            c.type = dataType(cd.dataType());
            OracleParser.ColumnDefaultContext def = cd.columnDefault();
            if (def != null) {
                if (def.DEFAULT() != null) {
                    c.defaultExpression = text(def.expression());
                } else if (def.identityClause() != null) {
                    c.identity = identity(def.identityClause());
                } else if (def.virtualColumn() != null) {
                    c.generated = text(def.virtualColumn().expression());
                }
            }
            t.columns.add(c);
            for (OracleParser.InlineConstraintContext ic : cd.inlineConstraint()) {
                applyInline(t, c, ic);
            }
        }

        private static Identity identity(OracleParser.IdentityClauseContext ic) {
            Identity.Kind kind = ic.BY() != null ? Identity.Kind.BY_DEFAULT : Identity.Kind.ALWAYS;
            Long start = null;
            Long increment = null;
            for (OracleParser.SequenceOptionContext o : ic.sequenceOption()) {
                if (o.START() != null) {
                    start = number(o.signedNumber());
                } else if (o.INCREMENT() != null) {
                    increment = number(o.signedNumber());
                }
            }
            return new Identity(kind, start, increment, null);
        }

        private void applyInline(TableBuilder t, ColumnBuilder c, OracleParser.InlineConstraintContext ic) {
            String cname = ic.constraintName == null ? null : name(ic.constraintName);
            boolean deferrable = deferrable(ic.constraintState());
            boolean deferred = initiallyDeferred(ic.constraintState());
            if (ic.NULL_() != null) {
                c.nullable = ic.NOT() == null;
            } else if (ic.PRIMARY() != null) {
                t.primaryKey = new KeyConstraint(cname, List.of(c.name), deferrable, deferred);
            } else if (ic.UNIQUE() != null) {
                t.uniqueKeys.add(new KeyConstraint(cname, List.of(c.name), deferrable, deferred));
            } else if (ic.CHECK() != null) {
                t.checks.add(new CheckConstraint(cname, text(ic.condition()), enabled(ic.constraintState())));
            } else if (ic.referencesClause() != null) {
                t.foreignKeys.add(foreignKey(cname, List.of(c.name), ic.referencesClause(), deferrable, deferred));
            }
        }

        private void addConstraint(TableBuilder t, OracleParser.OutOfLineConstraintContext oc) {
            String cname = oc.constraintName == null ? null : name(oc.constraintName);
            boolean deferrable = deferrable(oc.constraintState());
            boolean deferred = initiallyDeferred(oc.constraintState());
            if (oc.PRIMARY() != null) {
                t.primaryKey = new KeyConstraint(cname, columns(oc.columnList()), deferrable, deferred);
            } else if (oc.UNIQUE() != null) {
                t.uniqueKeys.add(new KeyConstraint(cname, columns(oc.columnList()), deferrable, deferred));
            } else if (oc.CHECK() != null) {
                t.checks.add(new CheckConstraint(cname, text(oc.condition()), enabled(oc.constraintState())));
            } else if (oc.FOREIGN() != null) {
                t.foreignKeys.add(foreignKey(cname, columns(oc.columnList()), oc.referencesClause(), deferrable, deferred));
            }
        }

        private ForeignKey foreignKey(String cname, List<String> cols, OracleParser.ReferencesClauseContext r,
                                      boolean deferrable, boolean deferred) {
            ForeignKey.Action onDelete = r.CASCADE() != null ? ForeignKey.Action.CASCADE
                    : r.NULL_() != null ? ForeignKey.Action.SET_NULL : ForeignKey.Action.NO_ACTION;
            // an empty column list means the referenced table's primary key; resolved in toSchema()
            return new ForeignKey(cname, cols, schemaOf(r.objectName()), nameOf(r.objectName()), columns(r.columnList()),
                    onDelete, ForeignKey.Action.NO_ACTION, deferrable, deferred, null);
        }

        private static boolean deferrable(List<OracleParser.ConstraintStateContext> states) {
            return states.stream().anyMatch(s -> s.DEFERRABLE() != null && s.NOT() == null);
        }

        private static boolean initiallyDeferred(List<OracleParser.ConstraintStateContext> states) {
            return states.stream().anyMatch(s -> s.INITIALLY() != null && s.DEFERRED() != null);
        }

        private static boolean enabled(List<OracleParser.ConstraintStateContext> states) {
            return states.stream().noneMatch(s -> s.DISABLE() != null);
        }

        void alterTable(OracleParser.AlterTableContext at) {
            TableBuilder t = table(at.objectName());
            if (t == null) {
                return;
            }
            for (OracleParser.AlterTableActionContext a : at.alterTableAction()) {
                if (a.ADD() != null) {
                    for (OracleParser.RelationalPropertyContext p : a.relationalProperty()) {
                        if (p.columnDefinition() != null) {
                            addColumn(t, p.columnDefinition());
                        } else {
                            addConstraint(t, p.outOfLineConstraint());
                        }
                    }
                    if (a.outOfLineConstraint() != null) {
                        addConstraint(t, a.outOfLineConstraint());
                    }
                    if (a.columnDefinition() != null) {
                        addColumn(t, a.columnDefinition());
                    }
                } else if (!a.DROP().isEmpty() && a.CONSTRAINT() != null) {
                    String cname = name(a.identifier(0));
                    if (t.primaryKey != null && cname.equals(t.primaryKey.name())) {
                        t.primaryKey = null;
                    }
                    t.uniqueKeys.removeIf(k -> cname.equals(k.name()));
                    t.foreignKeys.removeIf(k -> cname.equals(k.name()));
                    t.checks.removeIf(k -> cname.equals(k.name()));
                }
            }
        }

        void createIndex(OracleParser.CreateIndexContext ci) {
            if (ci.objectName().size() < 2) {
                return; // CREATE INDEX ... ON CLUSTER
            }
            TableBuilder t = table(ci.objectName(1));
            if (t == null) {
                return;
            }
            List<Index.Element> elements = new ArrayList<>();
            for (OracleParser.IndexElementContext e : ci.indexElement()) {
                boolean desc = e.DESC() != null;
                String expr = text(e.expression());
                if (expr.matches("[A-Za-z][A-Za-z0-9_$#]*|\"[^\"]+\"")) {
                    String col = expr.startsWith("\"") ? expr.substring(1, expr.length() - 1) : expr.toUpperCase(Locale.ROOT);
                    elements.add(new Index.Element(col, null, desc));
                } else {
                    elements.add(new Index.Element(null, expr, desc));
                }
            }
            String method = ci.BITMAP() != null ? "bitmap"
                    : ci.indexProperty().stream().anyMatch(p -> p.REVERSE() != null) ? "reverse" : "btree";
            t.indexes.add(new Index(nameOf(ci.objectName(0)), ci.UNIQUE() != null, elements, method, null, false, null));
        }

        void createSequence(OracleParser.CreateSequenceContext cs) {
            if (!schemaOf(cs.objectName()).equals(defaultSchema)) {
                return;
            }
            Long start = null;
            Long increment = null;
            Long min = null;
            Long max = null;
            Long cache = null;
            boolean cycle = false;
            for (OracleParser.SequenceOptionContext o : cs.sequenceOption()) {
                if (o.START() != null) {
                    start = number(o.signedNumber());
                } else if (o.INCREMENT() != null) {
                    increment = number(o.signedNumber());
                } else if (o.MINVALUE() != null) {
                    min = number(o.signedNumber());
                } else if (o.MAXVALUE() != null) {
                    max = number(o.signedNumber());
                } else if (o.CACHE() != null) {
                    cache = number(o.signedNumber());
                } else if (o.NOCACHE() != null) {
                    cache = 1L;
                } else if (o.CYCLE() != null) {
                    cycle = true;
                }
            }
            sequences.add(new Sequence(defaultSchema, nameOf(cs.objectName()), "number", start, increment, min, max,
                    cache, cycle, null, null));
        }

        void createView(OracleParser.CreateViewContext cv) {
            if (!schemaOf(cv.objectName()).equals(defaultSchema)) {
                return;
            }
            List<Column> cols = new ArrayList<>();
            int pos = 1;
            for (OracleParser.ViewColumnContext vc : cv.viewColumn()) {
                if (vc.identifier() != null) {
                    cols.add(Column.of(name(vc.identifier()), pos++, DataType.of("undefined"), true));
                }
            }
            String check = cv.READ() != null ? "READ ONLY" : cv.CHECK() != null ? "CHECK OPTION" : null;
            String name = nameOf(cv.objectName());
            views.put(name, new View(defaultSchema, name, false, text(cv.query()), cols, check, null));
        }

        void comment(OracleParser.CommentOnContext co) {
            List<OracleParser.IdentifierContext> parts = co.qualifiedName().identifier();
            String value = stringValue(co.stringLiteral().getText());
            if (co.COLUMN() != null && parts.size() >= 2) {
                if (parts.size() == 3 && !name(parts.get(0)).equals(defaultSchema)) {
                    return;
                }
                String tableName = name(parts.get(parts.size() - 2));
                String columnName = name(parts.get(parts.size() - 1));
                TableBuilder t = tables.get(tableName);
                if (t != null && t.column(columnName) != null) {
                    t.column(columnName).comment = value;
                } else if (views.containsKey(tableName)) {
                    View v = views.get(tableName);
                    List<Column> cols = new ArrayList<>();
                    for (Column c : v.columns()) {
                        cols.add(c.name().equals(columnName) ? c.withComment(value) : c);
                    }
                    views.put(tableName, new View(v.schema(), v.name(), v.materialized(), v.definition(), cols,
                            v.checkOption(), v.comment()));
                }
            } else if (co.TABLE() != null) {
                if (parts.size() == 2 && !name(parts.get(0)).equals(defaultSchema)) {
                    return;
                }
                String tableName = name(parts.get(parts.size() - 1));
                TableBuilder t = tables.get(tableName);
                if (t != null) {
                    t.comment = value;
                } else if (views.containsKey(tableName)) {
                    View v = views.get(tableName);
                    views.put(tableName, new View(v.schema(), v.name(), v.materialized(), v.definition(), v.columns(),
                            v.checkOption(), value));
                }
            }
        }

        Schema toSchema() {
            List<Table> out = new ArrayList<>();
            for (TableBuilder t : tables.values()) {
                // REFERENCES t without columns means t's primary key
                for (int i = 0; i < t.foreignKeys.size(); i++) {
                    ForeignKey fk = t.foreignKeys.get(i);
                    TableBuilder target = fk.referencedSchema().equals(defaultSchema) ? tables.get(fk.referencedTable()) : null;
                    if (fk.referencedColumns().isEmpty() && target != null && target.primaryKey != null) {
                        t.foreignKeys.set(i, new ForeignKey(fk.name(), fk.columns(), fk.referencedSchema(),
                                fk.referencedTable(), target.primaryKey.columns(), fk.onDelete(), fk.onUpdate(),
                                fk.deferrable(), fk.initiallyDeferred(), fk.match()));
                    }
                }
                out.add(t.build());
            }
            return new Schema(defaultSchema, out, List.copyOf(views.values()), sequences, routines, triggers,
                    List.copyOf(packages.values()), List.of(), List.of());
        }
    }
}
