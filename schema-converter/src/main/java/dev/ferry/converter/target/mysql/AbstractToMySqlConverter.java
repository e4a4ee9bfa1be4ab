package dev.ferry.converter.target.mysql;

import dev.ferry.converter.assess.ActionCode;
import dev.ferry.converter.assess.ActionItem;
import dev.ferry.converter.assess.ConversionResult;
import dev.ferry.converter.assess.ConvertedObject;
import dev.ferry.converter.assess.DeployOrder;
import dev.ferry.converter.assess.DeployPhase;
import dev.ferry.converter.assess.ObjectStatus;
import dev.ferry.converter.direction.ConversionRequest;
import dev.ferry.converter.direction.SchemaConverter;
import dev.ferry.converter.naming.MySqlIdentifiers;
import dev.ferry.converter.parse.TargetSql;
import dev.ferry.converter.parse.TreeTextEmitter;
import dev.ferry.converter.render.SourceRef;
import dev.ferry.model.project.TypeMappingRule;
import dev.ferry.model.schema.CheckConstraint;
import dev.ferry.model.schema.Column;
import dev.ferry.model.schema.Engine;
import dev.ferry.model.schema.ForeignKey;
import dev.ferry.model.schema.Identity;
import dev.ferry.model.schema.Index;
import dev.ferry.model.schema.KeyConstraint;
import dev.ferry.model.schema.PackageDef;
import dev.ferry.model.schema.Routine;
import dev.ferry.model.schema.Schema;
import dev.ferry.model.schema.Sequence;
import dev.ferry.model.schema.Synonym;
import dev.ferry.model.schema.Table;
import dev.ferry.model.schema.Trigger;
import dev.ferry.model.schema.UserType;
import dev.ferry.model.schema.View;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The MySQL / MariaDB DDL pipeline shared by every direction into MySQL: from a source {@link Schema} of the neutral
 * model it renders one {@link ConvertedObject} per deployable object:
 * <ul>
 *   <li>PRE_LOAD: the database ({@code CREATE DATABASE ... CHARACTER SET utf8mb4}, object type {@code SCHEMA}),
 *       sequences (MariaDB), tables with their columns (AUTO_INCREMENT, generated columns, defaults, comments) and
 *       primary key;</li>
 *   <li>POST_LOAD: unique keys, check constraints, foreign keys, secondary indexes (prefix lengths for TEXT/BLOB
 *       columns), views, routines and triggers.</li>
 * </ul>
 * Objects are written unqualified (they are deployed into the target database, {@code USE db}); indexes and unique
 * keys, which MySQL names per table, are named {@code table.index} in the result so that keys stay unique. Every identifier is
 * quoted with backticks unless verified safe ({@link MySqlIdentifiers}), names longer than 64 characters are truncated
 * and collisions renamed, each with an item. A direction supplies the type mapping, the expression and query
 * translation (on parse trees) and, where it can, routines and triggers.
 *
 * <p>Every object comes back unverified (MANUAL); {@link MySqlTargetVerifier} decides AUTO.
 *
 * <p>Threading: instances are stateless and may be shared; each {@link #convert} call uses its own {@link Context}.
 */
public abstract class AbstractToMySqlConverter implements SchemaConverter {

    /** Where an expression is used (a direction may translate differently, e.g. no non-deterministic functions in checks). */
    public enum Use { DEFAULT, CHECK, GENERATED, INDEX }

    @Override
    public final Engine target() {
        return Engine.MYSQL;
    }

    // ============================================================================================ direction hooks

    /** The MySQL spelling (unquoted, before truncation) of a source name. */
    protected String fold(String sourceName) {
        return sourceName;
    }

    /** The MySQL column type of a source column; {@code keyColumn} when it is part of a primary, unique or foreign key. */
    protected abstract TypeResult mapType(Context cx, Table table, Column column, boolean keyColumn);

    /** Translates a source expression (default, check, generated column, index expression) to MySQL. */
    protected abstract TargetSql expression(Context cx, String sourceExpression, Use use);

    /** Translates a view's query to MySQL. */
    protected abstract TargetSql query(Context cx, View view);

    /** Whether a column generates its own values (AUTO_INCREMENT in MySQL). */
    protected boolean isIdentity(Table table, Column column) {
        return column.identity() != null;
    }

    /** The default of a column in MySQL, or {@code null} for none (with an item in {@code items} when one was dropped). */
    protected String defaultValue(Context cx, Table table, Column column, TypeResult type, List<ActionItem> items) {
        TargetSql x = expression(cx, column.defaultExpression(), Use.DEFAULT);
        if (!x.translated()) {
            items.addAll(x.items());
            items.add(ActionItem.of(ActionCode.TO_MY_EXPRESSION_NOT_TRANSLATED, "Default of " + table.name() + "."
                    + column.name() + " (" + column.defaultExpression() + ") dropped: it has no MySQL translation"));
            return null;
        }
        items.addAll(x.items());
        return "(" + x.sql() + ")";
    }

    /** Extra column attributes ({@code CHARACTER SET x COLLATE y}, {@code ON UPDATE ...}) after the type; empty by default. */
    protected String columnAttributes(Context cx, Table table, Column column) {
        return "";
    }

    /** Table options after the closing parenthesis. */
    protected String tableOptions(Context cx, Table table) {
        return "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin";
    }

    /** The database options after {@code CREATE DATABASE name}. */
    protected String databaseOptions(Context cx) {
        return "CHARACTER SET utf8mb4 COLLATE utf8mb4_bin";
    }

    /** Items about the database object (e.g. the collation choice). */
    protected List<ActionItem> databaseItems(Context cx) {
        return List.of(ActionItem.of(ActionCode.TO_MY_COLLATION, "Database " + cx.database
                + " uses utf8mb4 / utf8mb4_bin (case-sensitive like the source)"));
    }

    /** A routine; MANUAL with recommendations unless a direction translates it. */
    protected ConvertedObject routine(Context cx, Routine r) {
        String name = cx.names.claim("routines", fold(r.name()), m -> { });
        return cx.object(name, "ROUTINE", sourceOf(cx, "ROUTINE", r.name()), r.source(), null, DeployPhase.POST_LOAD,
                List.of(cx.schemaKey), List.of(ActionItem.of(ActionCode.TO_MY_ROUTINE_NOT_CONVERTED,
                        r.kind().name().toLowerCase(Locale.ROOT) + " " + r.name() + " (" + (r.language() == null ? "?" : r.language())
                                + ") is not converted to a MySQL stored program")));
    }

    /** A trigger; MANUAL with recommendations unless a direction translates it. */
    protected ConvertedObject trigger(Context cx, Trigger t) {
        String name = cx.names.claim("triggers", fold(t.name()), m -> { });
        List<String> deps = new ArrayList<>(List.of(cx.schemaKey));
        String table = cx.tableName(t.table());
        if (table != null) {
            deps.add(ConvertedObject.key("TABLE", cx.database, table));
        }
        return cx.object(name, "TRIGGER", sourceOf(cx, "TRIGGER", t.name()), t.source(), null, DeployPhase.POST_LOAD, deps,
                List.of(ActionItem.of(ActionCode.TO_MY_TRIGGER_NOT_CONVERTED, "trigger " + t.name() + " (" + t.timing() + " "
                        + String.join("/", t.events()) + " on " + t.table() + ", " + t.level() + ") is not converted")));
    }

    /** A sequence not owned by an identity column; MariaDB {@code CREATE SEQUENCE} by default. */
    protected ConvertedObject sequence(Context cx, Sequence s) {
        List<ActionItem> items = new ArrayList<>();
        String name = cx.names.claim("relations", fold(s.name()), m -> items.add(ActionItem.of(ActionCode.TO_MY_NAME_CHANGED, m)));
        StringBuilder sql = new StringBuilder("CREATE SEQUENCE ").append(MySqlIdentifiers.quote(name));
        if (s.start() != null) {
            sql.append(" START WITH ").append(s.start());
        }
        if (s.increment() != null) {
            sql.append(" INCREMENT BY ").append(s.increment());
        }
        if (s.minValue() != null) {
            sql.append(" MINVALUE ").append(s.minValue());
        }
        if (s.maxValue() != null) {
            sql.append(" MAXVALUE ").append(s.maxValue());
        } else {
            sql.append(" NO MAXVALUE");
        }
        if (s.cache() != null && s.cache() > 1) {
            sql.append(" CACHE ").append(s.cache());
        } else {
            sql.append(" NOCACHE");
        }
        sql.append(s.cycle() ? " CYCLE" : " NOCYCLE");
        items.add(ActionItem.of(ActionCode.TO_MY_SEQUENCE_MARIADB, "sequence " + s.name() + " became a MariaDB SEQUENCE"));
        return cx.object(name, "SEQUENCE", sourceOf(cx, "SEQUENCE", s.name()), null, sql.toString(), DeployPhase.PRE_LOAD,
                List.of(cx.schemaKey), items);
    }

    /** The {@code PARTITION BY ...} clause of a partitioned table, or {@code null} when not converted (an item is added). */
    protected String partitionClause(Context cx, Table table, List<ActionItem> items) {
        return null;
    }

    /** Extra objects a direction adds after the standard ones (e.g. Oracle packages). */
    protected void extra(Context cx, List<ConvertedObject> out) {
    }

    // ============================================================================================ pipeline

    /** State of one conversion. */
    public static final class Context {
        public final Schema source;
        public final String database;
        public final String schemaKey;
        public final List<TypeMappingRule> rules;
        final MySqlIdentifiers names = new MySqlIdentifiers();
        final ConversionRequest request;
        final AbstractToMySqlConverter converter;
        /** source table/view name (lower case) → MySQL name. */
        final Map<String, String> relations = new HashMap<>();
        /** source table (lower case) → source column (lower case) → MySQL name. */
        final Map<String, Map<String, String>> columns = new HashMap<>();
        /** MySQL table → MySQL column → MySQL type. */
        final Map<String, Map<String, TypeResult>> types = new HashMap<>();
        final Set<String> views = new HashSet<>();
        /** MySQL table → (MySQL columns of a unique key → key of the object that creates it). */
        final Map<String, Map<List<String>, String>> uniqueObjects = new HashMap<>();

        Context(AbstractToMySqlConverter converter, ConversionRequest request, String database) {
            this.converter = converter;
            this.request = request;
            this.source = request.source();
            this.rules = request.rules();
            this.database = database;
            this.schemaKey = ConvertedObject.key("SCHEMA", null, database);
        }

        /** The MySQL name of a source table or view, or {@code null} when it is not part of the conversion. */
        public String tableName(String sourceName) {
            return sourceName == null ? null : relations.get(sourceName.toLowerCase(Locale.ROOT));
        }

        /**
         * The MySQL name for a source identifier met in an expression or query: a converted table or view, else a
         * column of any converted table, else the folded and truncated name.
         */
        public String name(String sourceName) {
            String lower = sourceName.toLowerCase(Locale.ROOT);
            String rel = relations.get(lower);
            if (rel != null) {
                return rel;
            }
            for (Map<String, String> cols : columns.values()) {
                String c = cols.get(lower);
                if (c != null) {
                    return c;
                }
            }
            return MySqlIdentifiers.truncate(converter.fold(sourceName));
        }

        /**
         * Whether some source table has a date/time column of this name: date arithmetic ({@code d + 1}, {@code d - 30})
         * means days in PostgreSQL and Oracle but numbers in MySQL, so translators refuse it on such columns.
         */
        public boolean isTemporal(String sourceColumn) {
            String lower = sourceColumn.toLowerCase(Locale.ROOT);
            return source.tables().stream().flatMap(t -> t.columns().stream())
                    .anyMatch(c -> c.name().toLowerCase(Locale.ROOT).equals(lower) && isTemporalType(c.type().name()));
        }

        static boolean isTemporalType(String typeName) {
            String t = typeName.toLowerCase(Locale.ROOT);
            return t.startsWith("date") || t.startsWith("time") || t.startsWith("interval") || t.equals("year");
        }

        /** The MySQL name of a column of a source table. */
        public String columnName(String sourceTable, String sourceColumn) {
            Map<String, String> cols = columns.get(sourceTable.toLowerCase(Locale.ROOT));
            String c = cols == null ? null : cols.get(sourceColumn.toLowerCase(Locale.ROOT));
            return c != null ? c : MySqlIdentifiers.truncate(converter.fold(sourceColumn));
        }

        ConvertedObject object(String name, String type, SourceRef src, String sourceText, String sql, DeployPhase phase,
                               List<String> deps, List<ActionItem> items) {
            return new ConvertedObject(database, name, type, ObjectStatus.MANUAL, false, src.file(), src.line(),
                    sourceText != null ? sourceText : src.text(), sql, phase, deps, items);
        }
    }

    protected static SourceRef sourceOf(Context cx, String type, String name) {
        SourceRef r = cx.request.sources().apply(type + ":" + name);
        return r == null ? SourceRef.NONE : r;
    }

    protected static String q(String mysqlName) {
        return MySqlIdentifiers.quote(mysqlName);
    }

    @Override
    public ConversionResult convert(ConversionRequest request) {
        Schema s = request.source();
        String db = MySqlIdentifiers.truncate(request.targetSchema() != null ? request.targetSchema() : fold(s.name()));
        Context cx = new Context(this, request, db);
        List<ConvertedObject> out = new ArrayList<>();
        out.add(new ConvertedObject(null, db, "SCHEMA", ObjectStatus.MANUAL, false, null, 0, null, "CREATE DATABASE IF NOT EXISTS "
                + q(db) + " " + databaseOptions(cx), DeployPhase.PRE_LOAD, List.of(), databaseItems(cx)));
        // names first, so that expressions and foreign keys can refer to any table
        for (Table t : s.tables()) {
            String tn = cx.names.claim("relations", fold(t.name()), m -> { });
            cx.relations.put(t.name().toLowerCase(Locale.ROOT), tn);
            Map<String, String> cols = new HashMap<>();
            for (Column c : t.columns()) {
                cols.put(c.name().toLowerCase(Locale.ROOT), cx.names.claim("columns:" + tn, fold(c.name()), m -> { }));
            }
            cx.columns.put(t.name().toLowerCase(Locale.ROOT), cols);
        }
        for (View v : s.views()) {
            String vn = cx.names.claim("relations", fold(v.name()), m -> { });
            cx.relations.put(v.name().toLowerCase(Locale.ROOT), vn);
            cx.views.add(vn);
        }
        Set<String> keyColumns = keyColumns(s);
        Set<String> ownedSequences = new HashSet<>();
        for (Table t : s.tables()) {
            for (Column c : t.columns()) {
                if (c.identity() != null && c.identity().sequence() != null) {
                    String seq = c.identity().sequence();
                    ownedSequences.add(seq.substring(seq.lastIndexOf('.') + 1).replace("\"", "").toLowerCase(Locale.ROOT));
                }
            }
        }
        for (Sequence seq : s.sequences()) {
            if (seq.ownedBy() == null && !ownedSequences.contains(seq.name().toLowerCase(Locale.ROOT))) {
                out.add(sequence(cx, seq));
            }
        }
        for (UserType ut : s.types()) {
            if (ut.kind() != UserType.Kind.ENUM && ut.kind() != UserType.Kind.DOMAIN) {
                out.add(cx.object(fold(ut.name()), "TYPE", sourceOf(cx, "TYPE", ut.name()), ut.source(), null, DeployPhase.PRE_LOAD,
                        List.of(cx.schemaKey), List.of(ActionItem.of(ActionCode.TO_MY_NOT_SUPPORTED,
                                ut.kind().name().toLowerCase(Locale.ROOT) + " type " + ut.name() + " has no MySQL equivalent"))));
            }
        }
        for (Table t : s.tables()) {
            table(cx, t, keyColumns, out);
        }
        for (Table t : s.tables()) {
            constraints(cx, t, out);
        }
        for (View v : s.views()) {
            out.add(view(cx, v));
        }
        for (Routine r : s.routines()) {
            out.add(routine(cx, r));
        }
        for (Trigger t : s.triggers()) {
            out.add(trigger(cx, t));
        }
        for (PackageDef p : s.packages()) {
            out.add(cx.object(fold(p.name()), "PACKAGE", sourceOf(cx, "PACKAGE", p.name()), null, null, DeployPhase.POST_LOAD,
                    List.of(cx.schemaKey), List.of(ActionItem.of(ActionCode.TO_MY_PACKAGE_NOT_CONVERTED, "package " + p.name()
                            + " is not converted"))));
        }
        for (Synonym syn : s.synonyms()) {
            out.add(cx.object(fold(syn.name()), "SYNONYM", sourceOf(cx, "SYNONYM", syn.name()), null, null, DeployPhase.POST_LOAD,
                    List.of(cx.schemaKey), List.of(ActionItem.of(ActionCode.TO_MY_NOT_SUPPORTED, "synonym " + syn.name()
                            + ": MySQL has no synonyms (use a view or qualify the name)"))));
        }
        extra(cx, out);
        DeployOrder.Result order = DeployOrder.sort(out);
        if (!order.cycles().isEmpty()) {
            List<ConvertedObject> fixed = new ArrayList<>();
            for (ConvertedObject o : out) {
                fixed.add(order.cycles().contains(o.key()) ? o.withItems(List.of(ActionItem.of(ActionCode.DEPENDENCY_CYCLE,
                        o.type() + " " + o.name() + " is part of or waits on a dependency cycle"))) : o);
            }
            out = fixed;
        }
        return new ConversionResult(source(), Engine.MYSQL, out, order.order());
    }

    /** "table.column" (lower case) of every column in a primary, unique or foreign key, on either side of the FK. */
    private static Set<String> keyColumns(Schema s) {
        Set<String> out = new HashSet<>();
        for (Table t : s.tables()) {
            String tn = t.name().toLowerCase(Locale.ROOT);
            if (t.primaryKey() != null) {
                t.primaryKey().columns().forEach(c -> out.add(tn + "." + c.toLowerCase(Locale.ROOT)));
            }
            t.uniqueKeys().forEach(k -> k.columns().forEach(c -> out.add(tn + "." + c.toLowerCase(Locale.ROOT))));
            for (Index ix : t.indexes()) {
                if (ix.unique() && !ix.isPartial()) {
                    ix.elements().stream().filter(e -> !e.isExpression() && e.prefixLength() == null)
                            .forEach(e -> out.add(tn + "." + e.column().toLowerCase(Locale.ROOT)));
                }
            }
            for (ForeignKey fk : t.foreignKeys()) {
                fk.columns().forEach(c -> out.add(tn + "." + c.toLowerCase(Locale.ROOT)));
                String rt = fk.referencedTable().toLowerCase(Locale.ROOT);
                fk.referencedColumns().forEach(c -> out.add(rt + "." + c.toLowerCase(Locale.ROOT)));
            }
        }
        return out;
    }

    // ============================================================================================ tables

    private TypeResult type(Context cx, Table t, Column c, boolean key) {
        var rule = TypeMappingRule.resolve(cx.rules, cx.source.name(), t.name(), c.name(), c.type().name(),
                c.type().length() == null ? null : c.type().length().intValue(), c.type().precision(), c.type().scale());
        if (rule.isPresent()) {
            return TypeResult.of(rule.get().targetType(), ActionItem.of(ActionCode.TO_MY_TYPE_RULE_APPLIED, "Column "
                    + t.name() + "." + c.name() + ": rule " + rule.get().sourceType() + " → " + rule.get().targetType()));
        }
        return mapType(cx, t, c, key);
    }

    private void table(Context cx, Table t, Set<String> keyColumns, List<ConvertedObject> out) {
        List<ActionItem> items = new ArrayList<>();
        String tn = cx.tableName(t.name());
        if (!tn.equals(fold(t.name()))) {
            items.add(ActionItem.of(ActionCode.TO_MY_NAME_CHANGED, "Table " + t.name() + " renamed to " + tn));
        }
        SourceRef src = sourceOf(cx, "TABLE", t.name());
        boolean converted = true;
        List<String> defs = new ArrayList<>();
        Map<String, TypeResult> colTypes = new HashMap<>();
        String autoColumn = null;
        for (Column c : t.columns()) {
            String cn = cx.columnName(t.name(), c.name());
            if (!cn.equals(fold(c.name()))) {
                items.add(ActionItem.of(ActionCode.TO_MY_NAME_CHANGED, "Column " + t.name() + "." + c.name() + " renamed to " + cn));
            }
            boolean key = keyColumns.contains(t.name().toLowerCase(Locale.ROOT) + "." + c.name().toLowerCase(Locale.ROOT));
            TypeResult type = type(cx, t, c, key);
            items.addAll(type.items());
            colTypes.put(cn, type);
            if (!type.mapped()) {
                converted = false;
                continue;
            }
            StringBuilder d = new StringBuilder(q(cn)).append(' ').append(type.sql());
            String attrs = columnAttributes(cx, t, c);
            if (!attrs.isEmpty()) {
                d.append(' ').append(attrs);
            }
            boolean identity = isIdentity(t, c);
            if (c.generated() != null) {
                TargetSql g = expression(cx, c.generated(), Use.GENERATED);
                items.addAll(g.items());
                converted &= g.translated();
                d.append(" GENERATED ALWAYS AS (").append(g.sql()).append(c.generatedStored() ? ") STORED" : ") VIRTUAL");
            } else {
                d.append(c.nullable() && !isPrimaryKeyColumn(t, c) ? " NULL" : " NOT NULL");
                if (identity) {
                    if (autoColumn == null && type.sql().toLowerCase(Locale.ROOT).matches("(tiny|small|medium|big)?int.*")) {
                        autoColumn = cn;
                        d.append(" AUTO_INCREMENT");
                        if (c.identity() != null && c.identity().kind() == Identity.Kind.ALWAYS) {
                            items.add(ActionItem.of(ActionCode.TO_MY_IDENTITY_ALWAYS, "Column " + c.name()
                                    + " GENERATED ALWAYS AS IDENTITY became AUTO_INCREMENT"));
                        }
                    } else {
                        items.add(ActionItem.of(ActionCode.TO_MY_SECOND_IDENTITY, "Identity column " + t.name() + "."
                                + c.name() + " became a plain column (" + (autoColumn == null ? "its type " + type.sql()
                                + " cannot be AUTO_INCREMENT" : autoColumn + " is the table's AUTO_INCREMENT column") + ")"));
                    }
                } else if (c.defaultExpression() != null) {
                    String def = defaultValue(cx, t, c, type, items);
                    if (def != null) {
                        d.append(" DEFAULT ").append(def);
                    }
                }
            }
            if (c.comment() != null && !c.comment().isEmpty()) {
                d.append(" COMMENT ").append(TreeTextEmitter.mysqlString(c.comment()));
            }
            defs.add(d.toString());
        }
        cx.types.put(tn, colTypes);
        if (t.primaryKey() != null) {
            defs.add("PRIMARY KEY (" + keyParts(cx, t, t.primaryKey().columns(), colTypes, items) + ")");
        }
        if (autoColumn != null && (t.primaryKey() == null
                || !cx.columnName(t.name(), t.primaryKey().columns().get(0)).equalsIgnoreCase(autoColumn))) {
            // MySQL: the AUTO_INCREMENT column must be the first column of some index
            defs.add("KEY " + q(cx.names.claim("indexes:" + tn, MySqlIdentifiers.truncate(tn + "_" + autoColumn + "_ai"), m -> { }))
                    + " (" + q(autoColumn) + ")");
        }
        StringBuilder ddl = new StringBuilder("CREATE TABLE ").append(q(tn)).append(" (\n    ")
                .append(String.join(",\n    ", defs)).append("\n) ").append(tableOptions(cx, t));
        if (t.comment() != null && !t.comment().isEmpty()) {
            ddl.append(" COMMENT=").append(TreeTextEmitter.mysqlString(t.comment()));
        }
        if (t.kind() != Table.Kind.REGULAR && t.kind() != Table.Kind.PARTITIONED && t.kind() != Table.Kind.INDEX_ORGANIZED) {
            items.add(ActionItem.of(ActionCode.TO_MY_NOT_SUPPORTED, t.kind().name().toLowerCase(Locale.ROOT) + " table "
                    + t.name() + " became a regular table"));
        }
        if (t.partitioning() != null) {
            String clause = partitionClause(cx, t, items);
            if (clause != null) {
                ddl.append('\n').append(clause);
            } else {
                items.add(ActionItem.of(ActionCode.TO_MY_NOT_SUPPORTED, t.partitioning().method() + " partitioning of " + t.name()
                        + " is not converted: the table is created unpartitioned"));
            }
        }
        out.add(cx.object(tn, "TABLE", src, null, converted ? ddl.toString() : null, DeployPhase.PRE_LOAD,
                List.of(cx.schemaKey), items));
    }

    private static boolean isPrimaryKeyColumn(Table t, Column c) {
        return t.primaryKey() != null && t.primaryKey().columns().stream().anyMatch(k -> k.equalsIgnoreCase(c.name()));
    }

    /** Column list of a key; TEXT/BLOB columns get a 255 prefix length with an item. */
    private static String keyParts(Context cx, Table t, List<String> cols, Map<String, TypeResult> types, List<ActionItem> items) {
        List<String> parts = new ArrayList<>();
        for (String c : cols) {
            String cn = cx.columnName(t.name(), c);
            TypeResult tr = types.get(cn);
            if (tr != null && tr.text()) {
                parts.add(q(cn) + "(255)");
                items.add(ActionItem.of(ActionCode.TO_MY_PREFIX_INDEX, "Key column " + t.name() + "." + c
                        + " (" + tr.sql() + ") is indexed on its first 255 characters"));
            } else {
                parts.add(q(cn));
            }
        }
        return String.join(", ", parts);
    }

    private void constraints(Context cx, Table t, List<ConvertedObject> out) {
        String tn = cx.tableName(t.name());
        String tableKey = ConvertedObject.key("TABLE", cx.database, tn);
        SourceRef src = sourceOf(cx, "TABLE", t.name());
        Map<String, TypeResult> types = cx.types.getOrDefault(tn, Map.of());
        // unique keys
        for (KeyConstraint u : t.uniqueKeys()) {
            List<ActionItem> items = new ArrayList<>();
            String base = u.name() != null ? fold(u.name()) : tn + "_" + u.columns().stream().map(c -> cx.columnName(t.name(), c))
                    .collect(Collectors.joining("_")) + "_key";
            String name = cx.names.claim("indexes:" + tn, MySqlIdentifiers.truncate(base), m -> items.add(ActionItem.of(ActionCode.TO_MY_NAME_CHANGED, m)));
            if (u.deferrable()) {
                items.add(ActionItem.of(ActionCode.TO_MY_DEFERRABLE, "Unique key " + base + " was DEFERRABLE"));
            }
            String sql = "ALTER TABLE " + q(tn) + " ADD CONSTRAINT " + q(name) + " UNIQUE (" + keyParts(cx, t, u.columns(), types, items) + ")";
            ConvertedObject o = cx.object(tn + "." + name, "CONSTRAINT", src, null, sql, DeployPhase.POST_LOAD, List.of(tableKey), items);
            cx.uniqueObjects.computeIfAbsent(tn, k -> new HashMap<>()).put(u.columns().stream()
                    .map(c -> cx.columnName(t.name(), c).toLowerCase(Locale.ROOT)).toList(), o.key());
            out.add(o);
        }
        // secondary indexes
        for (Index ix : t.indexes()) {
            if (ix.constraintBacked()) {
                continue;
            }
            out.add(index(cx, t, tn, tableKey, src, ix, types));
        }
        // checks
        int n = 0;
        for (CheckConstraint ch : t.checks()) {
            n++;
            List<ActionItem> items = new ArrayList<>();
            String base = ch.name() != null ? fold(ch.name()) : tn + "_chk_" + n;
            String name = cx.names.claim("checks", MySqlIdentifiers.truncate(base), m -> items.add(ActionItem.of(ActionCode.TO_MY_NAME_CHANGED, m)));
            TargetSql x = expression(cx, ch.expression(), Use.CHECK);
            items.addAll(x.items());
            String sql = "ALTER TABLE " + q(tn) + " ADD CONSTRAINT " + q(name) + " CHECK (" + x.sql() + ")";
            out.add(cx.object(name, "CONSTRAINT", src, ch.expression(), x.translated() ? sql : null, DeployPhase.POST_LOAD,
                    List.of(tableKey), items));
        }
        // foreign keys
        for (ForeignKey fk : t.foreignKeys()) {
            out.add(foreignKey(cx, t, tn, tableKey, src, fk));
        }
    }

    private ConvertedObject index(Context cx, Table t, String tn, String tableKey, SourceRef src, Index ix, Map<String, TypeResult> types) {
        List<ActionItem> items = new ArrayList<>();
        String base = ix.name() != null ? fold(ix.name()) : tn + "_idx";
        String name = cx.names.claim("indexes:" + tn, MySqlIdentifiers.truncate(base), m -> items.add(ActionItem.of(ActionCode.TO_MY_NAME_CHANGED, m)));
        boolean ok = true;
        String method = ix.method() == null ? "btree" : ix.method().toLowerCase(Locale.ROOT);
        String kind = ix.unique() ? "UNIQUE " : "";
        switch (method) {
            case "btree":
                break;
            case "fulltext":
                kind = "FULLTEXT ";
                break;
            case "spatial":
                kind = "SPATIAL ";
                break;
            case "hash": case "bitmap": case "reverse": case "brin":
                items.add(ActionItem.of(ActionCode.TO_MY_INDEX_METHOD, method + " index " + ix.name() + " became a B-tree index"));
                break;
            default:
                items.add(ActionItem.of(ActionCode.TO_MY_INDEX_METHOD, method + " index " + ix.name() + " has no InnoDB equivalent"));
                ok = false;
        }
        if (ix.isPartial()) {
            items.add(ActionItem.of(ActionCode.TO_MY_PARTIAL_INDEX, "Partial index " + ix.name() + " (WHERE " + ix.where() + ")"
                    + (ix.unique() ? " is not converted" : " covers all rows")));
            ok &= !ix.unique();
        }
        List<String> parts = new ArrayList<>();
        for (Index.Element e : ix.elements()) {
            String part;
            if (e.isExpression()) {
                TargetSql x = expression(cx, e.expression(), Use.INDEX);
                items.addAll(x.items());
                ok &= x.translated();
                items.add(ActionItem.of(ActionCode.TO_MY_EXPRESSION_INDEX, "Index " + ix.name() + " on expression " + e.expression()));
                part = "(" + x.sql() + ")";
            } else {
                String cn = cx.columnName(t.name(), e.column());
                TypeResult tr = types.get(cn);
                part = q(cn);
                if (e.prefixLength() != null) {
                    part += "(" + e.prefixLength() + ")";
                } else if (tr != null && tr.text() && !"fulltext".equals(method)) {
                    part += "(255)";
                    items.add(ActionItem.of(ActionCode.TO_MY_PREFIX_INDEX, "Index " + ix.name() + ": column " + e.column()
                            + " (" + tr.sql() + ") is indexed on its first 255 characters"));
                }
            }
            parts.add(part + (e.descending() ? " DESC" : ""));
        }
        String sql = "CREATE " + kind + "INDEX " + q(name) + " ON " + q(tn) + " (" + String.join(", ", parts) + ")";
        ConvertedObject o = cx.object(tn + "." + name, "INDEX", src, null, ok ? sql : null, DeployPhase.POST_LOAD, List.of(tableKey), items);
        if (ix.unique() && !ix.hasExpressions() && !ix.isPartial()) {
            cx.uniqueObjects.computeIfAbsent(tn, k -> new HashMap<>()).put(ix.elements().stream()
                    .map(e -> cx.columnName(t.name(), e.column()).toLowerCase(Locale.ROOT)).toList(), o.key());
        }
        return o;
    }

    private ConvertedObject foreignKey(Context cx, Table t, String tn, String tableKey, SourceRef src, ForeignKey fk) {
        List<ActionItem> items = new ArrayList<>();
        String base = fk.name() != null ? fold(fk.name()) : tn + "_" + fk.columns().stream().map(c -> cx.columnName(t.name(), c))
                .collect(Collectors.joining("_")) + "_fkey";
        String name = cx.names.claim("foreign_keys", MySqlIdentifiers.truncate(base), m -> items.add(ActionItem.of(ActionCode.TO_MY_NAME_CHANGED, m)));
        String rt = cx.tableName(fk.referencedTable());
        boolean sameSchema = fk.referencedSchema() == null || fk.referencedSchema().equalsIgnoreCase(cx.source.name());
        if (rt == null || !sameSchema) {
            items.add(ActionItem.of(ActionCode.TO_MY_NOT_SUPPORTED, "Foreign key " + base + " references "
                    + fk.referencedSchema() + "." + fk.referencedTable() + ", which is not part of this conversion"));
            return cx.object(name, "FOREIGN_KEY", src, null, null, DeployPhase.POST_LOAD, List.of(tableKey), items);
        }
        List<String> refCols = fk.referencedColumns().stream().map(c -> cx.columnName(fk.referencedTable(), c)).toList();
        StringBuilder sql = new StringBuilder("ALTER TABLE ").append(q(tn)).append(" ADD CONSTRAINT ").append(q(name))
                .append(" FOREIGN KEY (").append(fk.columns().stream().map(c -> q(cx.columnName(t.name(), c))).collect(Collectors.joining(", ")))
                .append(") REFERENCES ").append(q(rt)).append(" (").append(refCols.stream().map(AbstractToMySqlConverter::q)
                        .collect(Collectors.joining(", "))).append(')');
        sql.append(action(" ON DELETE ", fk.onDelete(), fk, items)).append(action(" ON UPDATE ", fk.onUpdate(), fk, items));
        if (fk.deferrable()) {
            items.add(ActionItem.of(ActionCode.TO_MY_DEFERRABLE, "Foreign key " + base + " was DEFERRABLE"));
        }
        if (fk.match() != null && !fk.match().isBlank() && !fk.match().toUpperCase(Locale.ROOT).startsWith("SIMPLE")
                && !fk.match().equalsIgnoreCase("NONE") && !fk.match().equalsIgnoreCase("s")) {
            items.add(ActionItem.of(ActionCode.TO_MY_FK_ACTION, "Foreign key " + base + ": MATCH " + fk.match() + " dropped"));
        }
        List<String> deps = new ArrayList<>(List.of(tableKey, ConvertedObject.key("TABLE", cx.database, rt)));
        String uk = cx.uniqueObjects.getOrDefault(rt, Map.of()).get(refCols.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList());
        if (uk != null) {
            deps.add(uk);
        }
        return cx.object(name, "FOREIGN_KEY", src, null, sql.toString(), DeployPhase.POST_LOAD, deps, items);
    }

    private static String action(String prefix, ForeignKey.Action a, ForeignKey fk, List<ActionItem> items) {
        switch (a) {
            case CASCADE: return prefix + "CASCADE";
            case SET_NULL: return prefix + "SET NULL";
            case RESTRICT: return prefix + "RESTRICT";
            case SET_DEFAULT:
                items.add(ActionItem.of(ActionCode.TO_MY_FK_ACTION, "Foreign key " + fk.name() + ":" + prefix
                        + "SET DEFAULT became NO ACTION (InnoDB rejects SET DEFAULT)"));
                return "";
            default: return "";
        }
    }

    // ============================================================================================ views

    private ConvertedObject view(Context cx, View v) {
        List<ActionItem> items = new ArrayList<>();
        String vn = cx.tableName(v.name());
        SourceRef src = sourceOf(cx, "VIEW", v.name());
        if (v.materialized()) {
            items.add(ActionItem.of(ActionCode.TO_MY_NOT_SUPPORTED, "materialized view " + v.name()
                    + ": MySQL has none (create a table refreshed by an event, or a plain view)"));
            return cx.object(vn, "VIEW", src, v.definition(), null, DeployPhase.POST_LOAD, List.of(cx.schemaKey), items);
        }
        if (v.definition() == null) {
            items.add(ActionItem.of(ActionCode.TO_MY_EXPRESSION_NOT_TRANSLATED, "view " + v.name() + " has no readable definition"));
            return cx.object(vn, "VIEW", src, null, null, DeployPhase.POST_LOAD, List.of(cx.schemaKey), items);
        }
        TargetSql x = query(cx, v);
        items.addAll(x.items());
        StringBuilder sql = new StringBuilder("CREATE VIEW ").append(q(vn)).append(" AS\n").append(x.sql());
        if (v.checkOption() != null) {
            sql.append("\nWITH ").append(v.checkOption().toUpperCase(Locale.ROOT).contains("LOCAL") ? "LOCAL " : "CASCADED ")
                    .append("CHECK OPTION");
        }
        Set<String> deps = new LinkedHashSet<>(List.of(cx.schemaKey));
        for (String table : x.tables()) {
            String lower = table.toLowerCase(Locale.ROOT);
            cx.relations.values().stream().filter(r -> r.toLowerCase(Locale.ROOT).equals(lower)).findFirst().ifPresent(r ->
                    deps.add(ConvertedObject.key(cx.views.contains(r) ? "VIEW" : "TABLE", cx.database, r)));
        }
        deps.remove(ConvertedObject.key("VIEW", cx.database, vn));
        return cx.object(vn, "VIEW", src, v.definition(), x.translated() ? sql.toString() : null, DeployPhase.POST_LOAD,
                List.copyOf(deps), items);
    }
}
