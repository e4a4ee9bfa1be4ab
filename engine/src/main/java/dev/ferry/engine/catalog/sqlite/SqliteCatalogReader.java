package dev.ferry.engine.catalog.sqlite;

import dev.ferry.engine.catalog.CatalogListener;
import dev.ferry.engine.catalog.CatalogReader;
import dev.ferry.engine.catalog.CatalogRequest;
import dev.ferry.engine.catalog.CatalogText;
import dev.ferry.engine.catalog.sqlite.SqliteDdl.Kind;
import dev.ferry.engine.catalog.sqlite.SqliteDdl.Token;
import dev.ferry.model.schema.CheckConstraint;
import dev.ferry.model.schema.Column;
import dev.ferry.model.schema.DataType;
import dev.ferry.model.schema.DatabaseModel;
import dev.ferry.model.schema.Engine;
import dev.ferry.model.schema.ForeignKey;
import dev.ferry.model.schema.Identity;
import dev.ferry.model.schema.Index;
import dev.ferry.model.schema.KeyConstraint;
import dev.ferry.model.schema.Schema;
import dev.ferry.model.schema.Table;
import dev.ferry.model.schema.Trigger;
import dev.ferry.model.schema.View;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.ferry.engine.catalog.JdbcSupport.query;

/**
 * Reads a SQLite database from {@code sqlite_schema} and the table/index/foreign-key pragmas. There is one schema,
 * {@code main}. Column types are kept as declared (affinity is the converter's business); a column without a
 * declared type gets the type name {@code none} and an empty declared text.
 *
 * <p>CHECK constraints, generated-column expressions, constraint names, FK deferrability, index expressions and
 * predicates, view queries and trigger headers are taken from the stored SQL with a tiny tokenizer
 * ({@link SqliteDdl}). {@code INTEGER PRIMARY KEY AUTOINCREMENT} becomes an {@link Identity.Kind#AUTOINCREMENT}
 * identity whose start is the next {@code sqlite_sequence} value; a plain {@code INTEGER PRIMARY KEY} (rowid alias)
 * is recorded as the table option {@code rowid_alias}. Row counts use {@code COUNT(*)} and only when
 * {@link CatalogRequest#includeRowEstimates()} is set; sizes are not known ({@code -1}).
 *
 * <p>Threading: stateless; one {@link #read} call uses the given connection only from the calling thread.
 */
public final class SqliteCatalogReader implements CatalogReader {

    private static final String SCHEMA = "main";
    private static final Pattern VIEW_AS = Pattern.compile(
            "(?is)^\\s*CREATE\\s+(?:TEMP\\s+|TEMPORARY\\s+)?VIEW\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?.+?\\s+AS\\s+(.*)$");

    @Override
    public DatabaseModel read(Connection c, CatalogRequest request, CatalogListener listener) throws SQLException {
        listener.onPhase("server");
        String version = query(c, "SQLite version", "select sqlite_version()", rs -> rs.getString(1)).get(0);
        String file = query(c, "database list", "select file from pragma_database_list where name = 'main'", rs -> rs.getString(1))
                .stream().findFirst().orElse(null);
        String database = file == null || file.isEmpty() ? "main" : Path.of(file).getFileName().toString();
        List<Schema> schemas = new ArrayList<>();
        if (request.wants(SCHEMA)) {
            schemas.add(readMain(c, request, listener));
        }
        return new DatabaseModel(Engine.SQLITE, version, database, Instant.now(), schemas);
    }

    private record SchemaRow(String type, String name, String table, String sql) {
    }

    private Schema readMain(Connection c, CatalogRequest request, CatalogListener listener) throws SQLException {
        listener.onPhase("tables of main");
        List<SchemaRow> rows = query(c, "sqlite_schema", """
                select type, name, tbl_name, sql from sqlite_master
                where name not like 'sqlite\\_%' escape '\\' order by type, name""",
                rs -> new SchemaRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
        Map<String, String[]> tableList = new HashMap<>();
        try {
            query(c, "table list", "select name, wr, strict from pragma_table_list where schema = 'main'", rs -> {
                tableList.put(rs.getString(1), new String[]{rs.getString(2), rs.getString(3)});
                return null;
            });
        } catch (SQLException e) {
            // SQLite < 3.37 has no table_list: WITHOUT ROWID / STRICT are then taken from the SQL text
        }
        Map<String, Long> sequences = new HashMap<>();
        if (!query(c, "sqlite_sequence", "select 1 from sqlite_master where name = 'sqlite_sequence'", rs -> 1).isEmpty()) {
            query(c, "sqlite_sequence", "select name, seq from sqlite_sequence", rs -> sequences.put(rs.getString(1), rs.getLong(2)));
        }
        Map<String, String> indexSql = new HashMap<>();
        for (SchemaRow r : rows) {
            if ("index".equals(r.type) && r.sql != null) {
                indexSql.put(r.name, r.sql);
            }
        }
        List<Table> tables = new ArrayList<>();
        List<View> views = new ArrayList<>();
        List<Trigger> triggers = new ArrayList<>();
        for (SchemaRow r : rows) {
            switch (r.type) {
                case "table":
                    // virtual tables (FTS, R-tree...) are reported as tables with the option virtual=true
                    tables.add(readTable(c, r, tableList.get(r.name), sequences, indexSql, request));
                    listener.onObject("table", r.name);
                    break;
                case "view":
                    Matcher m = VIEW_AS.matcher(r.sql);
                    String definition = m.matches() ? m.group(1).trim() : r.sql;
                    if (definition.endsWith(";")) {
                        definition = definition.substring(0, definition.length() - 1).trim();
                    }
                    views.add(new View(SCHEMA, r.name, false, request.includeSource() ? definition : null,
                            readColumns(c, r.name, List.of(), null), null, null));
                    listener.onObject("view", r.name);
                    break;
                case "trigger":
                    triggers.add(parseTrigger(r.name, r.table, r.sql));
                    listener.onObject("trigger", r.name);
                    break;
                default:
                    break;
            }
        }
        return new Schema(SCHEMA, tables, views, List.of(), List.of(), triggers, List.of(), List.of(), List.of());
    }

    // ---------------------------------------------------------------- tables

    private Table readTable(Connection c, SchemaRow r, String[] listInfo, Map<String, Long> sequences, Map<String, String> indexSql,
                            CatalogRequest request) throws SQLException {
        String sql = r.sql == null ? "" : r.sql;
        List<String> elements = SqliteDdl.tableElements(sql);
        List<String> columnDefs = new ArrayList<>();
        List<String> constraints = new ArrayList<>();
        for (String e : elements) {
            (SqliteDdl.isTableConstraint(e) ? constraints : columnDefs).add(e);
        }
        Map<String, String> defsByName = new HashMap<>();
        for (String d : columnDefs) {
            List<Token> ts = SqliteDdl.tokens(d);
            if (!ts.isEmpty()) {
                defsByName.put(ts.get(0).identifier().toLowerCase(Locale.ROOT), d);
            }
        }
        List<Column> columns = readColumns(c, r.name, columnDefs, sequences.get(r.name));
        String q = quote(r.name);
        // primary key (pk = position in the key)
        List<String[]> pkCols = query(c, "primary key of " + r.name, "select name, pk from pragma_table_xinfo(?) where pk > 0 order by pk",
                rs -> new String[]{rs.getString(1), rs.getString(2)}, r.name);
        KeyConstraint pk = null;
        if (!pkCols.isEmpty()) {
            pk = KeyConstraint.of(constraintName(constraints, columnDefs, "PRIMARY", pkCols.size() == 1 ? pkCols.get(0)[0] : null),
                    pkCols.stream().map(p -> p[0]).toList());
        }
        Map<String, String> options = new LinkedHashMap<>();
        String upper = sql.toUpperCase(Locale.ROOT);
        boolean withoutRowid = listInfo != null ? "1".equals(listInfo[0]) : upper.matches("(?s).*\\)\\s*(?:STRICT\\s*,\\s*)?WITHOUT\\s+ROWID.*");
        boolean strict = listInfo != null ? "1".equals(listInfo[1]) : upper.matches("(?s).*\\)\\s*(?:WITHOUT\\s+ROWID\\s*,\\s*)?STRICT\\s*$");
        if (withoutRowid) {
            options.put("without_rowid", "true");
        }
        if (strict) {
            options.put("strict", "true");
        }
        if (upper.startsWith("CREATE VIRTUAL TABLE")) {
            options.put("virtual", "true");
        }
        if (!withoutRowid && pkCols.size() == 1) {
            Column pkCol = columns.stream().filter(col -> col.name().equals(pkCols.get(0)[0])).findFirst().orElse(null);
            if (pkCol != null && pkCol.type().declared().equalsIgnoreCase("integer") && !isDescPrimaryKey(defsByName.get(pkCol.name().toLowerCase(Locale.ROOT)))) {
                options.put("rowid_alias", pkCol.name());
            }
        }
        // indexes and unique constraints
        record IndexRow(String name, boolean unique, String origin, boolean partial) {
        }
        List<IndexRow> indexRows = query(c, "indexes of " + r.name, "select name, \"unique\", origin, partial from pragma_index_list(?) order by name",
                rs -> new IndexRow(rs.getString(1), rs.getInt(2) == 1, rs.getString(3), rs.getInt(4) == 1), r.name);
        List<Index> indexes = new ArrayList<>();
        List<KeyConstraint> uniques = new ArrayList<>();
        for (IndexRow ix : indexRows) {
            record XCol(int cid, String name, boolean desc) {
            }
            List<XCol> xcols = query(c, "columns of index " + ix.name, "select cid, name, \"desc\" from pragma_index_xinfo(?) where key = 1 order by seqno",
                    rs -> new XCol(rs.getInt(1), rs.getString(2), rs.getInt(3) == 1), ix.name);
            String ixSql = indexSql.get(ix.name);
            List<String> exprTexts = ixSql == null ? List.of() : indexElements(ixSql);
            List<Index.Element> elems = new ArrayList<>();
            for (int i = 0; i < xcols.size(); i++) {
                XCol x = xcols.get(i);
                if (x.cid == -2) {
                    String e = i < exprTexts.size() ? stripOrdering(exprTexts.get(i)) : null;
                    elems.add(new Index.Element(null, e, x.desc, null));
                } else {
                    elems.add(new Index.Element(x.name, null, x.desc, null));
                }
            }
            String where = ix.partial && ixSql != null ? indexWhere(ixSql) : null;
            boolean backed = !"c".equals(ix.origin);
            if ("u".equals(ix.origin)) {
                List<String> cols = elems.stream().map(Index.Element::column).toList();
                uniques.add(KeyConstraint.of(constraintName(constraints, columnDefs, "UNIQUE", cols.size() == 1 ? cols.get(0) : null), cols));
            }
            indexes.add(new Index(ix.name, ix.unique, elems, "btree", where, backed, null));
        }
        List<ForeignKey> fks = readForeignKeys(c, r.name, constraints, columnDefs);
        List<CheckConstraint> checks = checks(constraints, columnDefs);
        long rows = -1;
        if (request.includeRowEstimates()) {
            rows = query(c, "row count of " + r.name, "select count(*) from " + q, rs -> rs.getLong(1)).get(0);
        }
        return new Table(SCHEMA, r.name, Table.Kind.REGULAR, columns, pk, uniques, fks, checks, indexes, null, rows, -1, null, options);
    }

    private static boolean isDescPrimaryKey(String def) {
        return def != null && def.toUpperCase(Locale.ROOT).matches("(?s).*PRIMARY\\s+KEY\\s+DESC.*");
    }

    private List<Column> readColumns(Connection c, String table, List<String> columnDefs, Long sequence) throws SQLException {
        Map<String, String> defs = new HashMap<>();
        for (String d : columnDefs) {
            List<Token> ts = SqliteDdl.tokens(d);
            if (!ts.isEmpty()) {
                defs.put(ts.get(0).identifier().toLowerCase(Locale.ROOT), d);
            }
        }
        int[] position = {0};
        return query(c, "columns of " + table, "select name, type, \"notnull\", dflt_value, pk, hidden from pragma_table_xinfo(?) order by cid", rs -> {
            String name = rs.getString(1);
            String declared = rs.getString(2) == null ? "" : rs.getString(2);
            int hidden = rs.getInt(6);
            String def = defs.get(name.toLowerCase(Locale.ROOT));
            String generated = null;
            if ((hidden == 2 || hidden == 3) && def != null) {
                generated = generatedExpression(def);
            }
            Identity identity = null;
            if (rs.getInt(5) > 0 && def != null && hasWord(def, "AUTOINCREMENT")) {
                identity = new Identity(Identity.Kind.AUTOINCREMENT, sequence == null ? 1L : sequence + 1, 1L, null);
            }
            String collation = def == null ? null : wordAfter(def, "COLLATE");
            position[0]++;
            // an INTEGER PRIMARY KEY is the rowid and can never be NULL; other PK columns can (a SQLite quirk)
            boolean nullable = rs.getInt(3) == 0 && !(rs.getInt(5) > 0 && declared.equalsIgnoreCase("integer"));
            return new Column(name, position[0], parseType(declared), nullable,
                    generated == null ? rs.getString(4) : null, identity, generated, hidden == 3, null, collation, null, null);
        }, table);
    }

    /** {@code NVARCHAR(70)} → name {@code nvarchar}, length 70; {@code NUMERIC(10,2)} → precision 10, scale 2. */
    static DataType parseType(String declared) {
        String d = declared.trim();
        if (d.isEmpty()) {
            return new DataType("none", null, null, null, null, false, false, List.of(), 0, "");
        }
        int open = d.indexOf('(');
        String name = (open < 0 ? d : d.substring(0, open)).trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        List<Integer> args = CatalogText.typeArguments(d);
        Long length = null;
        Integer precision = null;
        Integer scale = null;
        if (!args.isEmpty()) {
            if (name.contains("char") || name.contains("clob") || name.contains("text") || name.contains("binary") || name.contains("blob")) {
                length = (long) args.get(0);
            } else {
                precision = args.get(0);
                scale = args.size() > 1 ? args.get(1) : (name.contains("dec") || name.contains("num") ? 0 : null);
            }
        }
        return new DataType(name, length, precision, scale, null, false, false, List.of(), 0, d);
    }

    private static boolean hasWord(String def, String word) {
        return SqliteDdl.find(SqliteDdl.tokens(def), 0, word) >= 0;
    }

    private static String wordAfter(String def, String keyword) {
        List<Token> ts = SqliteDdl.tokens(def);
        int i = SqliteDdl.find(ts, 1, keyword);
        return i >= 0 && i + 1 < ts.size() ? ts.get(i + 1).identifier() : null;
    }

    /** The expression of {@code [GENERATED ALWAYS] AS (expr) [STORED|VIRTUAL]}. */
    static String generatedExpression(String def) {
        List<Token> ts = SqliteDdl.tokens(def);
        for (int i = 1; i + 1 < ts.size(); i++) {
            if (ts.get(i).is("AS") && ts.get(i + 1).kind() == Kind.GROUP) {
                return ts.get(i + 1).inner().trim();
            }
        }
        return null;
    }

    /** Name given by {@code CONSTRAINT name PRIMARY KEY/UNIQUE ...} for the matching key, else {@code null}. */
    private static String constraintName(List<String> constraints, List<String> columnDefs, String keyword, String singleColumn) {
        for (String e : constraints) {
            List<Token> ts = SqliteDdl.tokens(e);
            if (ts.size() > 2 && ts.get(0).is("CONSTRAINT") && ts.get(2).is(keyword)) {
                return ts.get(1).identifier();
            }
        }
        if (singleColumn != null) {
            for (String d : columnDefs) {
                List<Token> ts = SqliteDdl.tokens(d);
                if (!ts.isEmpty() && ts.get(0).identifier().equalsIgnoreCase(singleColumn)) {
                    int k = SqliteDdl.find(ts, 1, keyword);
                    if (k >= 2 && ts.get(k - 2).is("CONSTRAINT")) {
                        return ts.get(k - 1).identifier();
                    }
                }
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- checks

    static List<CheckConstraint> checks(List<String> constraints, List<String> columnDefs) {
        List<CheckConstraint> out = new ArrayList<>();
        List<String> all = new ArrayList<>(columnDefs);
        all.addAll(constraints);
        for (String e : all) {
            List<Token> ts = SqliteDdl.tokens(e);
            for (int i = 0; i + 1 < ts.size(); i++) {
                if (ts.get(i).is("CHECK") && ts.get(i + 1).kind() == Kind.GROUP) {
                    String name = i >= 2 && ts.get(i - 2).is("CONSTRAINT") ? ts.get(i - 1).identifier() : null;
                    out.add(new CheckConstraint(name, ts.get(i + 1).inner().trim(), true));
                }
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- foreign keys

    private List<ForeignKey> readForeignKeys(Connection c, String table, List<String> constraints, List<String> columnDefs) throws SQLException {
        record FkRow(int id, String refTable, String from, String to, String onUpdate, String onDelete, String match) {
        }
        List<FkRow> rows = query(c, "foreign keys of " + table,
                "select id, \"table\", \"from\", \"to\", on_update, on_delete, \"match\" from pragma_foreign_key_list(?) order by id, seq",
                rs -> new FkRow(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)),
                table);
        Map<Integer, List<FkRow>> byId = new LinkedHashMap<>();
        rows.forEach(r -> byId.computeIfAbsent(r.id, k -> new ArrayList<>()).add(r));
        Map<String, String> clauses = fkClauses(constraints, columnDefs);
        List<ForeignKey> out = new ArrayList<>();
        List<Integer> ids = new ArrayList<>(byId.keySet());
        java.util.Collections.reverse(ids); // pragma_foreign_key_list numbers the last declared key 0
        for (int id : ids) {
            List<FkRow> g = byId.get(id);
            FkRow f = g.get(0);
            List<String> from = g.stream().map(FkRow::from).toList();
            List<String> to = new ArrayList<>();
            for (FkRow r : g) {
                to.add(r.to);
            }
            if (to.stream().anyMatch(x -> x == null)) {
                // REFERENCES parent without columns: the parent's primary key
                to = query(c, "primary key of " + f.refTable, "select name from pragma_table_info(?) where pk > 0 order by pk",
                        rs -> rs.getString(1), f.refTable);
            }
            String clause = clauses.get(String.join(",", from).toLowerCase(Locale.ROOT));
            String name = null;
            boolean deferrable = false;
            boolean deferred = false;
            if (clause != null) {
                List<Token> ts = SqliteDdl.tokens(clause);
                if (ts.size() > 1 && ts.get(0).is("CONSTRAINT")) {
                    name = ts.get(1).identifier();
                }
                int d = SqliteDdl.find(ts, 0, "DEFERRABLE");
                if (d >= 0 && !(d > 0 && ts.get(d - 1).is("NOT"))) {
                    deferrable = true;
                    deferred = d + 2 < ts.size() && ts.get(d + 1).is("INITIALLY") && ts.get(d + 2).is("DEFERRED");
                }
            }
            String match = f.match == null || "NONE".equalsIgnoreCase(f.match) ? "SIMPLE" : f.match.toUpperCase(Locale.ROOT);
            out.add(new ForeignKey(name, from, SCHEMA, f.refTable, to, ForeignKey.action(f.onDelete), ForeignKey.action(f.onUpdate),
                    deferrable, deferred, match));
        }
        return out;
    }

    /** FK clause text by lower-cased comma-joined child columns. */
    private static Map<String, String> fkClauses(List<String> constraints, List<String> columnDefs) {
        Map<String, String> out = new HashMap<>();
        for (String e : constraints) {
            List<Token> ts = SqliteDdl.tokens(e);
            int fk = SqliteDdl.find(ts, 0, "FOREIGN");
            if (fk >= 0 && fk + 2 < ts.size() && ts.get(fk + 2).kind() == Kind.GROUP) {
                List<String> cols = new ArrayList<>();
                for (String p : SqliteDdl.splitOnCommas(ts.get(fk + 2).inner())) {
                    cols.add(CatalogText.unquoteIdentifier(p.trim()).toLowerCase(Locale.ROOT));
                }
                out.put(String.join(",", cols), e);
            }
        }
        for (String d : columnDefs) {
            List<Token> ts = SqliteDdl.tokens(d);
            int ref = SqliteDdl.find(ts, 1, "REFERENCES");
            if (ref > 0) {
                int start = ref >= 2 && ts.get(ref - 2).is("CONSTRAINT") ? ref - 2 : ref;
                out.put(ts.get(0).identifier().toLowerCase(Locale.ROOT), SqliteDdl.text(d, ts, start, ts.size()));
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- indexes

    /** The element texts of {@code CREATE INDEX ... ON t (a, lower(b) DESC) WHERE ...}. */
    static List<String> indexElements(String sql) {
        List<Token> ts = SqliteDdl.tokens(sql);
        int on = SqliteDdl.find(ts, 0, "ON");
        for (int i = on + 1; on >= 0 && i < ts.size(); i++) {
            if (ts.get(i).kind() == Kind.GROUP) {
                return SqliteDdl.splitOnCommas(ts.get(i).inner());
            }
        }
        return List.of();
    }

    static String indexWhere(String sql) {
        List<Token> ts = SqliteDdl.tokens(sql);
        int w = SqliteDdl.find(ts, 0, "WHERE");
        return w < 0 ? null : SqliteDdl.text(sql, ts, w + 1, ts.size());
    }

    /** Drops a trailing {@code ASC}/{@code DESC} and {@code COLLATE x} from an index element. */
    static String stripOrdering(String element) {
        List<Token> ts = SqliteDdl.tokens(element);
        int end = ts.size();
        if (end > 0 && (ts.get(end - 1).is("ASC") || ts.get(end - 1).is("DESC"))) {
            end--;
        }
        if (end > 1 && ts.get(end - 2).is("COLLATE")) {
            end -= 2;
        }
        return SqliteDdl.text(element, ts, 0, end);
    }

    // ---------------------------------------------------------------- triggers

    /** Parses the header {@code CREATE TRIGGER n [BEFORE|AFTER|INSTEAD OF] event [OF cols] ON t [FOR EACH ROW] [WHEN e] BEGIN}. */
    static Trigger parseTrigger(String name, String table, String sql) {
        List<Token> ts = SqliteDdl.tokens(sql);
        int begin = SqliteDdl.find(ts, 0, "BEGIN");
        int end = begin < 0 ? ts.size() : begin;
        int trig = SqliteDdl.find(ts, 0, "TRIGGER");
        int i = trig + 1;
        if (i + 2 < end && ts.get(i).is("IF") && ts.get(i + 1).is("NOT") && ts.get(i + 2).is("EXISTS")) {
            i += 3;
        }
        i++; // trigger name (maybe schema.name: skip the dot and the second part)
        if (i + 1 < end && ts.get(i).text().equals(".")) {
            i += 2;
        }
        Trigger.Timing timing = Trigger.Timing.BEFORE;
        if (ts.get(i).is("BEFORE")) {
            i++;
        } else if (ts.get(i).is("AFTER")) {
            timing = Trigger.Timing.AFTER;
            i++;
        } else if (ts.get(i).is("INSTEAD")) {
            timing = Trigger.Timing.INSTEAD_OF;
            i += 2;
        }
        String event = ts.get(i).text().toUpperCase(Locale.ROOT);
        i++;
        List<String> updateColumns = new ArrayList<>();
        if ("UPDATE".equals(event) && i < end && ts.get(i).is("OF")) {
            i++;
            while (i < end && !ts.get(i).is("ON")) {
                if (ts.get(i).kind() != Kind.PUNCT) {
                    updateColumns.add(ts.get(i).identifier());
                }
                i++;
            }
        }
        int when = SqliteDdl.find(ts, i, "WHEN");
        String whenText = when >= 0 && when < end ? SqliteDdl.text(sql, ts, when + 1, end) : null;
        return new Trigger(SCHEMA, name, SCHEMA, table, timing, List.of(event), updateColumns, Trigger.Level.ROW, whenText, true, sql);
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
