package dev.ferry.engine.catalog.mysql;

import dev.ferry.engine.catalog.CatalogListener;
import dev.ferry.engine.catalog.CatalogReader;
import dev.ferry.engine.catalog.CatalogRequest;
import dev.ferry.engine.catalog.CatalogText;
import dev.ferry.model.schema.CheckConstraint;
import dev.ferry.model.schema.Column;
import dev.ferry.model.schema.DataType;
import dev.ferry.model.schema.DatabaseModel;
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
import dev.ferry.model.schema.View;
import dev.ferry.model.util.Redaction;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static dev.ferry.engine.catalog.JdbcSupport.blankToNull;
import static dev.ferry.engine.catalog.JdbcSupport.intOrNull;
import static dev.ferry.engine.catalog.JdbcSupport.longOrNull;
import static dev.ferry.engine.catalog.JdbcSupport.query;

/**
 * Reads a MySQL 8 or MariaDB 10.x catalog from {@code information_schema} plus {@code SHOW CREATE} for source text.
 * A MySQL database is a {@link Schema}; {@code mysql}, {@code information_schema}, {@code performance_schema} and
 * {@code sys} are skipped.
 *
 * <p>Normalisation: column defaults are SQL expression text on both flavours — string literals are single-quoted
 * ({@code 'it''s'}), SQL NULL defaults are {@code null}, functions such as {@code current_timestamp(3)} stay as they
 * are (MariaDB quotes literals in {@code COLUMN_DEFAULT} and spells a NULL default {@code NULL}; MySQL reports the bare
 * value and marks expressions {@code DEFAULT_GENERATED}). A MariaDB {@code JSON} column (a {@code LONGTEXT} with a
 * column-level {@code json_valid} check) is reported as type {@code json} and the implied check is dropped.
 * {@code ON UPDATE} goes to {@link Column#onUpdate()}. MariaDB sequences are read; events are not.
 *
 * <p>Threading: stateless; one {@link #read} call uses the given connection only from the calling thread.
 */
public final class MySqlCatalogReader implements CatalogReader {

    private static final Set<String> SYSTEM = Set.of("mysql", "information_schema", "performance_schema", "sys");
    private static final Set<String> STRING_TYPES = Set.of("char", "varchar", "tinytext", "text", "mediumtext", "longtext",
            "enum", "set", "binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob", "date", "datetime", "timestamp",
            "time", "year", "json");
    private static final Set<String> TEMPORAL = Set.of("datetime", "timestamp", "time");

    @Override
    public DatabaseModel read(Connection c, CatalogRequest request, CatalogListener listener) throws SQLException {
        listener.onPhase("server");
        String[] server = query(c, "server version", "select version(), database()",
                rs -> new String[]{rs.getString(1), rs.getString(2)}).get(0);
        boolean mariadb = server[0].toLowerCase(Locale.ROOT).contains("mariadb");
        listener.onPhase("schemas");
        List<String> names = query(c, "schemas", "select SCHEMA_NAME from information_schema.SCHEMATA order by SCHEMA_NAME",
                rs -> rs.getString(1));
        List<Schema> schemas = new ArrayList<>();
        for (String n : names) {
            boolean wanted = request.schemas().isEmpty() ? !SYSTEM.contains(n.toLowerCase(Locale.ROOT)) : request.wants(n);
            if (wanted) {
                schemas.add(new SchemaReader(c, n, mariadb, request, listener).read());
            }
        }
        return new DatabaseModel(Engine.MYSQL, server[0], server[1] != null ? server[1] : schemas.size() == 1 ? schemas.get(0).name() : null,
                Instant.now(), schemas);
    }

    /** Reads one database; holds per-schema lookups. */
    private static final class SchemaReader {
        private final Connection c;
        private final String schema;
        private final boolean mariadb;
        private final CatalogRequest request;
        private final CatalogListener listener;

        SchemaReader(Connection c, String schema, boolean mariadb, CatalogRequest request, CatalogListener listener) {
            this.c = c;
            this.schema = schema;
            this.mariadb = mariadb;
            this.request = request;
            this.listener = listener;
        }

        Schema read() throws SQLException {
            listener.onPhase("tables of " + schema);
            Map<String, List<Column>> columns = readColumns();
            Map<String, List<CheckConstraint>> checks = readChecks();
            // MariaDB JSON = LONGTEXT + CHECK (json_valid(`col`)) named after the column
            if (mariadb) {
                for (Map.Entry<String, List<Column>> e : columns.entrySet()) {
                    List<CheckConstraint> tableChecks = checks.getOrDefault(e.getKey(), List.of());
                    List<Column> fixed = new ArrayList<>();
                    for (Column col : e.getValue()) {
                        String implied = "json_valid(`" + col.name() + "`)";
                        boolean json = col.type().name().equals("longtext")
                                && tableChecks.stream().anyMatch(k -> k.name().equals(col.name()) && k.expression().equals(implied));
                        if (json) {

                            fixed.add(new Column(col.name(), col.position(), new DataType("json", null, null, null, null, false, false,
                                    List.of(), 0, "json"), col.nullable(), col.defaultExpression(), col.identity(), col.generated(),
                                    col.generatedStored(), null, null, col.comment(), col.onUpdate()));
                            tableChecks = new ArrayList<>(tableChecks);
                            tableChecks.removeIf(k -> k.name().equals(col.name()) && k.expression().equals(implied));
                            checks.put(e.getKey(), tableChecks);
                        } else {
                            fixed.add(col);
                        }
                    }
                    e.setValue(fixed);
                }
            }
            Map<String, Keys> keys = readKeys();
            Map<String, List<Index>> indexes = readIndexes(keys);
            Map<String, Partitioning> partitions = readPartitions();
            List<Table> tables = new ArrayList<>();
            List<View> views = new ArrayList<>();
            List<Sequence> sequences = new ArrayList<>();
            Map<String, String[]> viewInfo = new HashMap<>();
            query(c, "views of " + schema, "select TABLE_NAME, VIEW_DEFINITION, CHECK_OPTION from information_schema.VIEWS where TABLE_SCHEMA = ?",
                    rs -> viewInfo.put(rs.getString(1), new String[]{rs.getString(2), rs.getString(3)}), schema);
            record TableRow(String name, String type, String engine, Long rows, Long data, Long index, Long autoInc,
                            String collation, String charset, String options, String comment) {
            }
            List<TableRow> rows = query(c, "tables of " + schema, """
                    select t.TABLE_NAME, t.TABLE_TYPE, t.ENGINE, t.TABLE_ROWS, t.DATA_LENGTH, t.INDEX_LENGTH, t.AUTO_INCREMENT,
                           t.TABLE_COLLATION, cs.CHARACTER_SET_NAME, t.CREATE_OPTIONS, t.TABLE_COMMENT
                    from information_schema.TABLES t
                    left join information_schema.COLLATION_CHARACTER_SET_APPLICABILITY cs on cs.COLLATION_NAME = t.TABLE_COLLATION
                    where t.TABLE_SCHEMA = ? order by t.TABLE_NAME""",
                    rs -> new TableRow(rs.getString(1), rs.getString(2), rs.getString(3), longOrNull(rs, "TABLE_ROWS"),
                            longOrNull(rs, "DATA_LENGTH"), longOrNull(rs, "INDEX_LENGTH"), longOrNull(rs, "AUTO_INCREMENT"),
                            rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11)), schema);
            for (TableRow r : rows) {
                String q = schema + "." + r.name;
                if ("VIEW".equals(r.type)) {
                    String[] v = viewInfo.getOrDefault(r.name, new String[2]);
                    String check = v[1] == null || "NONE".equals(v[1]) ? null : v[1];
                    views.add(new View(schema, r.name, false, request.includeSource() ? v[0] : null,
                            columns.getOrDefault(r.name, List.of()), check, null));
                    listener.onObject("view", q);
                    continue;
                }
                if ("SEQUENCE".equals(r.type)) {
                    sequences.add(readMariaDbSequence(r.name));
                    listener.onObject("sequence", q);
                    continue;
                }
                List<Column> cols = columns.getOrDefault(r.name, List.of());
                if (r.autoInc != null) {
                    List<Column> withStart = new ArrayList<>();
                    for (Column col : cols) {
                        withStart.add(col.identity() == null ? col
                                : col.withIdentity(new Identity(Identity.Kind.AUTO_INCREMENT, r.autoInc, col.identity().increment(), null)));
                    }
                    cols = withStart;
                }
                Keys k = keys.getOrDefault(r.name, new Keys());
                Map<String, String> options = new LinkedHashMap<>();
                if (r.engine != null) {
                    options.put("engine", r.engine);
                }
                if (r.charset != null) {
                    options.put("charset", r.charset);
                }
                if (r.collation != null) {
                    options.put("collation", r.collation);
                }
                if (blankToNull(r.options) != null) {
                    options.put("create_options", r.options.trim());
                }
                if ("SYSTEM VERSIONED".equals(r.type)) {
                    options.put("system_versioned", "true");
                }
                Partitioning p = partitions.get(r.name);
                long rowsEstimate = request.includeRowEstimates() && r.rows != null ? r.rows : -1;
                long size = request.includeRowEstimates() && r.data != null ? r.data + (r.index == null ? 0 : r.index) : -1;
                tables.add(new Table(schema, r.name, p != null ? Table.Kind.PARTITIONED : Table.Kind.REGULAR, cols, k.primary,
                        k.uniques, k.foreignKeys, checks.getOrDefault(r.name, List.of()), indexes.getOrDefault(r.name, List.of()),
                        blankToNull(r.comment), rowsEstimate, size, p, options));
                listener.onObject("table", q);
            }
            listener.onPhase("routines of " + schema);
            List<Routine> routines = readRoutines();
            listener.onPhase("triggers of " + schema);
            List<Trigger> triggers = readTriggers();
            return new Schema(schema, tables, views, sequences, routines, triggers, List.of(), List.of(), List.of());
        }

        // ------------------------------------------------------------ columns

        private Map<String, List<Column>> readColumns() throws SQLException {
            Map<String, List<Column>> out = new LinkedHashMap<>();
            query(c, "columns of " + schema, """
                    select TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION, COLUMN_DEFAULT, IS_NULLABLE, DATA_TYPE, COLUMN_TYPE,
                           DATETIME_PRECISION, CHARACTER_SET_NAME, COLLATION_NAME, EXTRA, GENERATION_EXPRESSION, COLUMN_COMMENT
                    from information_schema.COLUMNS where TABLE_SCHEMA = ? order by TABLE_NAME, ORDINAL_POSITION""", rs -> {
                String dataType = rs.getString("DATA_TYPE").toLowerCase(Locale.ROOT);
                String columnType = rs.getString("COLUMN_TYPE");
                DataType type = parseType(dataType, columnType, intOrNull(rs, "DATETIME_PRECISION"));
                String extra = rs.getString("EXTRA") == null ? "" : rs.getString("EXTRA");
                String extraLower = extra.toLowerCase(Locale.ROOT);
                Identity identity = extraLower.contains("auto_increment") ? new Identity(Identity.Kind.AUTO_INCREMENT, null, null, null) : null;
                String generated = null;
                boolean stored = false;
                if (extraLower.contains("generated") && !extraLower.contains("default_generated")) {
                    generated = rs.getString("GENERATION_EXPRESSION");
                    stored = extraLower.contains("stored");
                }
                String onUpdate = null;
                int on = extraLower.indexOf("on update ");
                if (on >= 0) {
                    onUpdate = extra.substring(on + "on update ".length()).trim();
                }
                String def = generated != null ? null
                        : normaliseDefault(rs.getString("COLUMN_DEFAULT"), dataType, extraLower.contains("default_generated"), mariadb);
                Column col = new Column(rs.getString("COLUMN_NAME"), rs.getInt("ORDINAL_POSITION"), type,
                        "YES".equals(rs.getString("IS_NULLABLE")), def, identity, generated, stored, rs.getString("CHARACTER_SET_NAME"),
                        rs.getString("COLLATION_NAME"), blankToNull(rs.getString("COLUMN_COMMENT")), onUpdate);
                out.computeIfAbsent(rs.getString("TABLE_NAME"), k -> new ArrayList<>()).add(col);
                return null;
            }, schema);
            return out;
        }

        // ------------------------------------------------------------ checks & keys

        private Map<String, List<CheckConstraint>> readChecks() throws SQLException {
            Map<String, List<CheckConstraint>> out = new HashMap<>();
            String sql = mariadb
                    ? "select TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE, 'YES' from information_schema.CHECK_CONSTRAINTS where CONSTRAINT_SCHEMA = ? order by TABLE_NAME, CONSTRAINT_NAME"
                    : """
                    select tc.TABLE_NAME, tc.CONSTRAINT_NAME, cc.CHECK_CLAUSE, tc.ENFORCED
                    from information_schema.TABLE_CONSTRAINTS tc
                    join information_schema.CHECK_CONSTRAINTS cc on cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA and cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
                    where tc.CONSTRAINT_SCHEMA = ? and tc.CONSTRAINT_TYPE = 'CHECK' order by tc.TABLE_NAME, tc.CONSTRAINT_NAME""";
            if (!hasTable("CHECK_CONSTRAINTS")) {
                return out; // MySQL < 8.0.16 / MariaDB < 10.2: no catalog of checks
            }
            query(c, "check constraints of " + schema, sql, rs -> {
                out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new CheckConstraint(rs.getString(2), CatalogText.stripOuterParens(rs.getString(3)), !"NO".equals(rs.getString(4))));
                return null;
            }, schema);
            return out;
        }

        private boolean hasTable(String name) throws SQLException {
            return !query(c, "information_schema tables", "select 1 from information_schema.TABLES where TABLE_SCHEMA = 'information_schema' and TABLE_NAME = ?",
                    rs -> 1, name).isEmpty();
        }

        private static final class Keys {
            KeyConstraint primary;
            final List<KeyConstraint> uniques = new ArrayList<>();
            final List<ForeignKey> foreignKeys = new ArrayList<>();
            final Set<String> uniqueNames = new java.util.HashSet<>();
        }

        private Map<String, Keys> readKeys() throws SQLException {
            record KeyCol(String table, String name, String type, String column, String refSchema, String refTable, String refColumn,
                          String updateRule, String deleteRule, String match) {
            }
            List<KeyCol> cols = query(c, "keys of " + schema, """
                    select tc.TABLE_NAME, tc.CONSTRAINT_NAME, tc.CONSTRAINT_TYPE, k.COLUMN_NAME, k.REFERENCED_TABLE_SCHEMA,
                           k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME, rc.UPDATE_RULE, rc.DELETE_RULE, rc.MATCH_OPTION
                    from information_schema.TABLE_CONSTRAINTS tc
                    join information_schema.KEY_COLUMN_USAGE k on k.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA
                         and k.TABLE_NAME = tc.TABLE_NAME and k.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
                    left join information_schema.REFERENTIAL_CONSTRAINTS rc on rc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA
                         and rc.TABLE_NAME = tc.TABLE_NAME and rc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
                    where tc.TABLE_SCHEMA = ? and tc.CONSTRAINT_TYPE in ('PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY')
                    order by tc.TABLE_NAME, tc.CONSTRAINT_TYPE, tc.CONSTRAINT_NAME, k.ORDINAL_POSITION""",
                    rs -> new KeyCol(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                            rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10)), schema);
            Map<String, Keys> out = new HashMap<>();
            Map<String, List<KeyCol>> grouped = new LinkedHashMap<>();
            for (KeyCol k : cols) {
                grouped.computeIfAbsent(k.table + "\u0000" + k.type + "\u0000" + k.name, x -> new ArrayList<>()).add(k);
            }
            for (List<KeyCol> g : grouped.values()) {
                KeyCol f = g.get(0);
                Keys keys = out.computeIfAbsent(f.table, x -> new Keys());
                List<String> names = g.stream().map(KeyCol::column).toList();
                switch (f.type) {
                    case "PRIMARY KEY":
                        keys.primary = KeyConstraint.of(f.name, names);
                        break;
                    case "UNIQUE":
                        keys.uniques.add(KeyConstraint.of(f.name, names));
                        keys.uniqueNames.add(f.name);
                        break;
                    default:
                        String match = f.match == null || "NONE".equals(f.match) ? "SIMPLE" : f.match;
                        keys.foreignKeys.add(new ForeignKey(f.name, names, f.refSchema, f.refTable,
                                g.stream().map(KeyCol::refColumn).toList(), ForeignKey.action(f.deleteRule), ForeignKey.action(f.updateRule),
                                false, false, match));
                }
            }
            return out;
        }

        // ------------------------------------------------------------ indexes

        private Map<String, List<Index>> readIndexes(Map<String, Keys> keys) throws SQLException {
            record IxCol(String table, String index, boolean unique, String column, String expression, boolean desc, Integer sub,
                         String type, String comment) {
            }
            List<IxCol> cols = query(c, "indexes of " + schema,
                    "select * from information_schema.STATISTICS where TABLE_SCHEMA = ? order by TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX", rs -> {
                        String expression = hasColumn(rs, "EXPRESSION") ? rs.getString("EXPRESSION") : null;
                        String type = rs.getString("INDEX_TYPE");
                        Integer sub = intOrNull(rs, "SUB_PART");
                        if ("SPATIAL".equalsIgnoreCase(type)) {
                            sub = null; // MariaDB reports an internal key length for spatial indexes
                        }
                        return new IxCol(rs.getString("TABLE_NAME"), rs.getString("INDEX_NAME"), rs.getInt("NON_UNIQUE") == 0,
                                rs.getString("COLUMN_NAME"), expression, "D".equals(rs.getString("COLLATION")), sub, type,
                                blankToNull(rs.getString("INDEX_COMMENT")));
                    }, schema);
            Map<String, List<IxCol>> grouped = new LinkedHashMap<>();
            for (IxCol x : cols) {
                grouped.computeIfAbsent(x.table + "\u0000" + x.index, k -> new ArrayList<>()).add(x);
            }
            Map<String, List<Index>> out = new HashMap<>();
            for (List<IxCol> g : grouped.values()) {
                IxCol f = g.get(0);
                List<Index.Element> elements = new ArrayList<>();
                for (IxCol x : g) {
                    elements.add(x.column != null ? new Index.Element(x.column, null, x.desc, x.sub)
                            : new Index.Element(null, CatalogText.stripOuterParens(x.expression), x.desc, null));
                }
                Keys k = keys.get(f.table);
                boolean backed = "PRIMARY".equals(f.index) || (k != null && k.uniqueNames.contains(f.index));
                out.computeIfAbsent(f.table, t -> new ArrayList<>()).add(new Index(f.index, f.unique, elements,
                        f.type == null ? null : f.type.toLowerCase(Locale.ROOT), null, backed, f.comment));
            }
            return out;
        }

        private static boolean hasColumn(ResultSet rs, String name) throws SQLException {
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                if (md.getColumnLabel(i).equalsIgnoreCase(name)) {
                    return true;
                }
            }
            return false;
        }

        // ------------------------------------------------------------ partitions

        private Map<String, Partitioning> readPartitions() throws SQLException {
            record PartRow(String table, String name, String method, String expression, String description) {
            }
            List<PartRow> rows = query(c, "partitions of " + schema, """
                    select TABLE_NAME, PARTITION_NAME, PARTITION_METHOD, PARTITION_EXPRESSION, PARTITION_DESCRIPTION
                    from information_schema.PARTITIONS where TABLE_SCHEMA = ? and PARTITION_NAME is not null
                    order by TABLE_NAME, PARTITION_ORDINAL_POSITION, SUBPARTITION_ORDINAL_POSITION""",
                    rs -> new PartRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)), schema);
            Map<String, String> methods = new LinkedHashMap<>();
            Map<String, String> expressions = new HashMap<>();
            Map<String, Map<String, String>> parts = new HashMap<>();
            for (PartRow r : rows) {
                methods.putIfAbsent(r.table, r.method);
                expressions.putIfAbsent(r.table, r.expression);
                String method = r.method == null ? "" : r.method.toUpperCase(Locale.ROOT);
                String bound;
                if (method.startsWith("RANGE")) {
                    bound = "MAXVALUE".equals(r.description) ? "VALUES LESS THAN MAXVALUE" : "VALUES LESS THAN (" + r.description + ")";
                } else if (method.startsWith("LIST")) {
                    bound = "VALUES IN (" + r.description + ")";
                } else {
                    bound = null;
                }
                parts.computeIfAbsent(r.table, k -> new LinkedHashMap<>()).putIfAbsent(r.name, bound);
            }
            Map<String, Partitioning> out = new HashMap<>();
            for (Map.Entry<String, String> e : methods.entrySet()) {
                List<String> keys = new ArrayList<>();
                for (String k : CatalogText.splitTopLevel(expressions.get(e.getKey()))) {
                    keys.add(k.matches("`[^`]+`") ? CatalogText.unquoteIdentifier(k) : k);
                }
                List<Partitioning.Partition> ps = new ArrayList<>();
                parts.get(e.getKey()).forEach((n, b) -> ps.add(new Partitioning.Partition(n, b)));
                out.put(e.getKey(), new Partitioning(e.getValue() == null ? null : e.getValue().toLowerCase(Locale.ROOT), keys, ps));
            }
            return out;
        }

        private Sequence readMariaDbSequence(String name) throws SQLException {
            String sql = "select start_value, increment, minimum_value, maximum_value, cache_size, cycle_option, next_not_cached_value from "
                    + quote(schema) + "." + quote(name);
            return query(c, "sequence " + schema + "." + name, sql, rs -> new Sequence(schema, name, "bigint", longOrNull(rs, "start_value"),
                    longOrNull(rs, "increment"), longOrNull(rs, "minimum_value"), longOrNull(rs, "maximum_value"), longOrNull(rs, "cache_size"),
                    rs.getInt("cycle_option") != 0, longOrNull(rs, "next_not_cached_value"), null)).get(0);
        }

        // ------------------------------------------------------------ routines

        private List<Routine> readRoutines() throws SQLException {
            record ParamRow(String routine, int position, String mode, String name, String type) {
            }
            Map<String, List<ParamRow>> params = new HashMap<>();
            query(c, "routine parameters of " + schema, """
                    select SPECIFIC_NAME, ORDINAL_POSITION, PARAMETER_MODE, PARAMETER_NAME, DTD_IDENTIFIER
                    from information_schema.PARAMETERS where SPECIFIC_SCHEMA = ? and ORDINAL_POSITION > 0
                    order by SPECIFIC_NAME, ORDINAL_POSITION""", rs -> {
                params.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new ParamRow(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                return null;
            }, schema);
            record RoutineRow(String name, String type, String returns, boolean deterministic, String body, String comment) {
            }
            List<RoutineRow> rows = query(c, "routines of " + schema, """
                    select ROUTINE_NAME, ROUTINE_TYPE, DTD_IDENTIFIER, IS_DETERMINISTIC, ROUTINE_DEFINITION, ROUTINE_COMMENT
                    from information_schema.ROUTINES where ROUTINE_SCHEMA = ? and ROUTINE_TYPE in ('PROCEDURE', 'FUNCTION')
                    order by ROUTINE_NAME, ROUTINE_TYPE""",
                    rs -> new RoutineRow(rs.getString(1), rs.getString(2), rs.getString(3), "YES".equals(rs.getString(4)),
                            rs.getString(5), rs.getString(6)), schema);
            List<Routine> out = new ArrayList<>();
            for (RoutineRow r : rows) {
                boolean function = "FUNCTION".equals(r.type);
                List<Routine.Parameter> ps = new ArrayList<>();
                for (ParamRow p : params.getOrDefault(r.name, List.of())) {
                    ps.add(new Routine.Parameter(p.name, p.mode == null ? "IN" : p.mode, p.type, null));
                }
                String source = null;
                if (request.includeSource()) {
                    source = showCreate((function ? "FUNCTION " : "PROCEDURE ") + quote(schema) + "." + quote(r.name),
                            function ? "Create Function" : "Create Procedure");
                    if (source == null) {
                        source = r.body;
                    }
                }
                out.add(new Routine(schema, r.name, function ? Routine.Kind.FUNCTION : Routine.Kind.PROCEDURE, ps,
                        function ? r.returns : null, "sql", r.deterministic, source, blankToNull(r.comment)));
                listener.onObject(function ? "function" : "procedure", schema + "." + r.name);
            }
            return out;
        }

        /** {@code SHOW CREATE ...}; {@code null} when the text is hidden (missing privileges). */
        private String showCreate(String what, String column) throws SQLException {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW CREATE " + what)) {
                return rs.next() ? rs.getString(column) : null;
            } catch (SQLException e) {
                throw new SQLException("reading SHOW CREATE " + what + " failed: " + Redaction.redact(e.getMessage()), e.getSQLState(),
                        e.getErrorCode(), e);
            }
        }

        // ------------------------------------------------------------ triggers

        private List<Trigger> readTriggers() throws SQLException {
            record TrigRow(String name, String event, String tableSchema, String table, String statement, String orientation, String timing) {
            }
            List<TrigRow> rows = query(c, "triggers of " + schema, """
                    select TRIGGER_NAME, EVENT_MANIPULATION, EVENT_OBJECT_SCHEMA, EVENT_OBJECT_TABLE, ACTION_STATEMENT,
                           ACTION_ORIENTATION, ACTION_TIMING
                    from information_schema.TRIGGERS where TRIGGER_SCHEMA = ? order by EVENT_OBJECT_TABLE, TRIGGER_NAME""",
                    rs -> new TrigRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                            rs.getString(7)), schema);
            List<Trigger> out = new ArrayList<>();
            for (TrigRow t : rows) {
                String source = null;
                if (request.includeSource()) {
                    source = showCreate("TRIGGER " + quote(schema) + "." + quote(t.name), "SQL Original Statement");
                    if (source == null) {
                        source = t.statement;
                    }
                }
                out.add(new Trigger(schema, t.name, t.tableSchema, t.table, "BEFORE".equals(t.timing) ? Trigger.Timing.BEFORE : Trigger.Timing.AFTER,
                        List.of(t.event), List.of(), "STATEMENT".equals(t.orientation) ? Trigger.Level.STATEMENT : Trigger.Level.ROW, null,
                        true, source));
                listener.onObject("trigger", schema + "." + t.name);
            }
            return out;
        }
    }

    /**
     * Turns {@code COLUMN_DEFAULT} into SQL expression text. MariaDB (10.2.7+) already reports SQL: quoted literals,
     * {@code NULL} for a NULL default, expressions as is. MySQL reports the bare literal and flags expressions with
     * {@code DEFAULT_GENERATED} in {@code EXTRA} ({@code expression}).
     */
    static String normaliseDefault(String raw, String dataType, boolean expression, boolean mariadb) {
        if (raw == null) {
            return null;
        }
        if (mariadb) {
            return "NULL".equalsIgnoreCase(raw) ? null : raw;
        }
        if (expression) {
            return raw;
        }
        if (STRING_TYPES.contains(dataType) && !raw.toUpperCase(Locale.ROOT).startsWith("CURRENT_TIMESTAMP")) {
            return CatalogText.quoteLiteral(raw);
        }
        return raw;
    }

    static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }

    /**
     * Parses {@code COLUMN_TYPE}: {@code int(10) unsigned zerofill}, {@code enum('a','b''c')}, {@code decimal(10,2)},
     * {@code varchar(20)}, {@code datetime(6)}.
     */
    static DataType parseType(String dataType, String columnType, Integer datetimePrecision) {
        String ct = columnType == null ? dataType : columnType;
        String lower = ct.toLowerCase(Locale.ROOT);
        boolean unsigned = lower.contains(" unsigned");
        boolean zerofill = lower.contains(" zerofill");
        List<String> values = List.of();
        Long length = null;
        Integer precision = null;
        Integer scale = null;
        if (dataType.equals("enum") || dataType.equals("set")) {
            int open = ct.indexOf('(');
            int close = CatalogText.matchParen(ct, open);
            List<String> vs = new ArrayList<>();
            for (String v : CatalogText.splitTopLevel(ct.substring(open + 1, close))) {
                vs.add(CatalogText.unquoteLiteral(v));
            }
            values = vs;
        } else {
            List<Integer> args = CatalogText.typeArguments(ct);
            switch (dataType) {
                case "char": case "varchar": case "binary": case "varbinary": case "bit":
                    length = args.isEmpty() ? null : (long) args.get(0);
                    break;
                case "decimal": case "numeric": case "float": case "double": case "real":
                    if (!args.isEmpty()) {
                        precision = args.get(0);
                        scale = args.size() > 1 ? args.get(1) : 0;
                    }
                    break;
                default:
                    if (TEMPORAL.contains(dataType)) {
                        precision = datetimePrecision != null ? datetimePrecision : args.isEmpty() ? 0 : args.get(0);
                    }
            }
        }
        return new DataType(dataType, length, precision, scale, null, unsigned, zerofill, values, 0, ct);
    }
}
