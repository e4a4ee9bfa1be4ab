package dev.ferry.engine.catalog.postgres;

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
import dev.ferry.model.schema.UserType;
import dev.ferry.model.schema.View;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.ferry.engine.catalog.JdbcSupport.blankToNull;
import static dev.ferry.engine.catalog.JdbcSupport.longOrNull;
import static dev.ferry.engine.catalog.JdbcSupport.query;

/**
 * Reads a PostgreSQL (11+) catalog from {@code pg_catalog}. Generated columns need 12+, trigger clones on partitions
 * are recognised by {@code tgparentid} on 13+.
 *
 * <p>Partitions (relations with {@code relispartition}) are not listed as tables of their own: they appear in their
 * parent's {@link Partitioning} with their bound ({@code pg_get_expr(relpartbound)}), and the parent's row estimate
 * and size are the sums over its partitions. Sequences that only back identity columns are not listed (the identity
 * recreates them); sequences owned by a serial column are listed with {@code ownedBy}. Objects that belong to
 * extensions are skipped.
 *
 * <p>Threading: stateless; one {@link #read} call uses the given connection only from the calling thread.
 */
public final class PostgresCatalogReader implements CatalogReader {

    @Override
    public DatabaseModel read(Connection c, CatalogRequest request, CatalogListener listener) throws SQLException {
        listener.onPhase("server");
        String[] server = query(c, "server version",
                "select current_setting('server_version'), current_database(), current_setting('server_version_num')",
                rs -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3)}).get(0);
        int versionNum = Integer.parseInt(server[2].trim());
        if (versionNum < 110000) {
            throw new SQLException("PostgreSQL " + server[0] + " is not supported: Ferry reads catalogs of PostgreSQL 11 or newer");
        }
        listener.onPhase("schemas");
        List<String> names = query(c, "schemas", """
                select n.nspname from pg_namespace n
                where n.nspname not like 'pg\\_%' and n.nspname <> 'information_schema'
                  and not exists (select 1 from pg_depend d where d.classid = 'pg_namespace'::regclass and d.objid = n.oid and d.deptype = 'e')
                order by n.nspname""", rs -> rs.getString(1));
        if (!request.schemas().isEmpty()) {
            // explicitly named schemas may include temp schemas etc.
            names = query(c, "schemas", "select nspname from pg_namespace order by nspname", rs -> rs.getString(1));
        }
        List<Schema> schemas = new ArrayList<>();
        for (String n : names) {
            if (request.wants(n)) {
                schemas.add(new PostgresCatalogReader.Reader(versionNum).readSchema(c, n, request, listener));
            }
        }
        return new DatabaseModel(Engine.POSTGRESQL, server[0], server[1], Instant.now(), schemas);
    }

    /** One read: knows the server version. */
    private static final class Reader {
        private final int versionNum;

        private String schema;
        private Map<Long, List<Column>> columnsByRel;
        private Map<Long, Constraints> constraintsByRel;
        private Map<Long, List<Index>> indexesByRel;

        Reader(int versionNum) {
            this.versionNum = versionNum;
        }

        private Schema readSchema(Connection c, String schema, CatalogRequest request, CatalogListener listener) throws SQLException {
            this.schema = schema;
            listener.onPhase("tables of " + schema);
            List<Table> tables = readTables(c, schema, request, listener);
            listener.onPhase("views of " + schema);
            List<View> views = readViews(c, schema, request, listener);
            listener.onPhase("sequences of " + schema);
            List<Sequence> sequences = readSequences(c, schema, listener);
            listener.onPhase("routines of " + schema);
            List<Routine> routines = readRoutines(c, schema, request, listener);
            listener.onPhase("triggers of " + schema);
            List<Trigger> triggers = readTriggers(c, schema, listener);
            listener.onPhase("types of " + schema);
            List<UserType> types = readTypes(c, schema, listener);
            return new Schema(schema, tables, views, sequences, routines, triggers, List.of(), List.of(), types);
        }

        // ---------------------------------------------------------------- tables

        private record RelRow(long oid, String name, String kind, String persistence, double reltuples, long size,
                              String comment, String partKey, String tablespace, String rowSecurity) {
        }

        private List<Table> readTables(Connection c, String schema, CatalogRequest request, CatalogListener listener) throws SQLException {
            List<RelRow> rels = query(c, "tables of " + schema, """
                    select c.oid, c.relname, c.relkind, c.relpersistence,
                           case when c.relkind = 'p' then (select coalesce(sum(greatest(p.reltuples, 0)), 0) from pg_inherits i
                                    join pg_class p on p.oid = i.inhrelid where i.inhparent = c.oid) else c.reltuples end as reltuples,
                           case when c.relkind = 'p' then (select coalesce(sum(pg_total_relation_size(i.inhrelid)), 0) from pg_inherits i
                                    where i.inhparent = c.oid) else pg_total_relation_size(c.oid) end as size,
                           obj_description(c.oid, 'pg_class') as comment,
                           case when c.relkind = 'p' then pg_get_partkeydef(c.oid) end as partkey,
                           t.spcname,
                           case when c.relforcerowsecurity then 'forced' when c.relrowsecurity then 'enabled' end
                    from pg_class c join pg_namespace n on n.oid = c.relnamespace
                    left join pg_tablespace t on t.oid = c.reltablespace
                    where n.nspname = ? and c.relkind in ('r', 'p') and not c.relispartition
                      and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')
                    order by c.relname""",
                    rs -> new RelRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getDouble(5), rs.getLong(6),
                            rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10)),
                    schema);
            Map<Long, Map<String, String>> policies = rels.isEmpty() ? Map.of() : readPolicies(c, schema);
            List<Table> out = new ArrayList<>();
            for (RelRow r : rels) {
                String q = schema + "." + r.name;
                List<Column> columns = readColumns(c, r.oid, q);
                Constraints k = readConstraints(c, r.oid, q);
                List<Index> indexes = readIndexes(c, r.oid, q);
                Table.Kind kind = "p".equals(r.kind) ? Table.Kind.PARTITIONED
                        : "u".equals(r.persistence) ? Table.Kind.UNLOGGED
                        : "t".equals(r.persistence) ? Table.Kind.TEMPORARY : Table.Kind.REGULAR;
                Partitioning partitioning = "p".equals(r.kind) ? readPartitioning(c, r.oid, r.partKey, q) : null;
                Map<String, String> options = new LinkedHashMap<>();
                if (r.tablespace != null) {
                    options.put("tablespace", r.tablespace);
                }
                if ("u".equals(r.persistence) && kind == Table.Kind.PARTITIONED) {
                    options.put("unlogged", "true");
                }
                if (r.rowSecurity != null) {
                    options.put("row_security", r.rowSecurity);
                }
                options.putAll(policies.getOrDefault(r.oid, Map.of()));
                long rows = request.includeRowEstimates() ? (r.reltuples < 0 ? -1 : Math.round(r.reltuples)) : -1;
                long size = request.includeRowEstimates() ? r.size : -1;
                out.add(new Table(schema, r.name, kind, columns, k.primaryKey, k.uniques, k.foreignKeys, k.checks, indexes,
                        r.comment, rows, size, partitioning, options));
                listener.onObject("table", q);
            }
            return out;
        }

        private Partitioning readPartitioning(Connection c, long oid, String partKey, String q) throws SQLException {
            String method = null;
            List<String> keys = List.of();
            if (partKey != null) {
                int open = partKey.indexOf('(');
                method = partKey.substring(0, open < 0 ? partKey.length() : open).trim().toLowerCase(Locale.ROOT);
                if (open >= 0) {
                    int close = CatalogText.matchParen(partKey, open);
                    keys = CatalogText.splitTopLevel(partKey.substring(open + 1, close < 0 ? partKey.length() : close));
                }
            }
            List<Partitioning.Partition> parts = query(c, "partitions of " + q, """
                    select p.relname, pg_get_expr(p.relpartbound, p.oid)
                    from pg_inherits i join pg_class p on p.oid = i.inhrelid
                    where i.inhparent = ? order by p.relname""",
                    rs -> new Partitioning.Partition(rs.getString(1), rs.getString(2)), oid);
            return new Partitioning(method, keys, parts);
        }

        /** Columns of a table, view or composite type (by relation oid); the whole schema is read with the first call. */
        private List<Column> readColumns(Connection c, long relOid, String q) throws SQLException {
            if (columnsByRel == null) {
                columnsByRel = new HashMap<>();
                loadColumns(c);
            }
            return columnsByRel.getOrDefault(relOid, List.of());
        }

        private void loadColumns(Connection c) throws SQLException {
            query(c, "columns of schema " + schema, """
                    select a.attrelid, a.attnum, a.attname, format_type(a.atttypid, a.atttypmod) as full_type,
                           format_type(case when t.typcategory = 'A' and t.typelem <> 0 then t.typelem else a.atttypid end, null) as base_type,
                           t.typcategory, a.attndims, a.attnotnull, pg_get_expr(d.adbin, d.adrelid) as def,
                           a.attidentity, %s as attgenerated,
                           case when a.attcollation <> 0 and a.attcollation <> t.typcollation then co.collname end as collname,
                           col_description(a.attrelid, a.attnum) as comment,
                           sq.seqrelid::regclass::text as seqname, sq.seqstart, sq.seqincrement
                    from pg_attribute a
                    join pg_type t on t.oid = a.atttypid
                    left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
                    left join pg_collation co on co.oid = a.attcollation
                    left join lateral (select s.seqrelid, s.seqstart, s.seqincrement from pg_depend dep
                                       join pg_sequence s on s.seqrelid = dep.objid
                                       where dep.classid = 'pg_class'::regclass and dep.refclassid = 'pg_class'::regclass
                                         and dep.refobjid = a.attrelid and dep.refobjsubid = a.attnum and dep.deptype in ('a', 'i')
                                       limit 1) sq on true
                    where a.attrelid in (select c2.oid from pg_class c2 join pg_namespace n2 on n2.oid = c2.relnamespace
                                        where n2.nspname = ? and c2.relkind in ('r', 'p', 'v', 'm', 'c', 'f') and not c2.relispartition)
                      and a.attnum > 0 and not a.attisdropped
                    order by a.attrelid, a.attnum""".formatted(versionNum >= 120000 ? "a.attgenerated" : "''::\"char\""), rs -> {
                String full = rs.getString("full_type");
                int dims = rs.getInt("attndims");
                if ("A".equals(rs.getString("typcategory")) && dims == 0) {
                    dims = Math.max(1, countBrackets(full));
                }
                DataType type = parseType(full, rs.getString("base_type"), dims);
                String def = rs.getString("def");
                String identityFlag = rs.getString("attidentity");
                String generatedFlag = rs.getString("attgenerated");
                String seq = rs.getString("seqname");
                Identity identity = null;
                String generated = null;
                boolean stored = false;
                if ("a".equals(identityFlag) || "d".equals(identityFlag)) {
                    identity = new Identity("a".equals(identityFlag) ? Identity.Kind.ALWAYS : Identity.Kind.BY_DEFAULT,
                            longOrNull(rs, "seqstart"), longOrNull(rs, "seqincrement"), seq);
                } else if ("s".equals(generatedFlag)) {
                    generated = def;
                    stored = true;
                    def = null;
                } else if (seq != null && def != null && def.startsWith("nextval(")) {
                    identity = new Identity(Identity.Kind.SERIAL, longOrNull(rs, "seqstart"), longOrNull(rs, "seqincrement"), seq);
                }
                Column col = new Column(rs.getString("attname"), rs.getInt("attnum"), type, !rs.getBoolean("attnotnull"), def, identity,
                        generated, stored, null, rs.getString("collname"), rs.getString("comment"), null);
                columnsByRel.computeIfAbsent(rs.getLong("attrelid"), k -> new ArrayList<>()).add(col);
                return null;
            }, schema);
        }

        private static int countBrackets(String s) {
            int n = 0;
            for (int i = s.indexOf("[]"); i >= 0; i = s.indexOf("[]", i + 2)) {
                n++;
            }
            return n;
        }

        /**
         * Builds a {@link DataType} from {@code format_type} output: {@code character varying(30)},
         * {@code numeric(10,2)}, {@code timestamp(3) with time zone}, {@code integer[]}.
         */
        static DataType parseType(String full, String base, int arrayDims) {
            String name = base == null ? full : base;
            Long length = null;
            Integer precision = null;
            Integer scale = null;
            List<Integer> args = CatalogText.typeArguments(full);
            String n = name.toLowerCase(Locale.ROOT);
            if (!args.isEmpty()) {
                if (n.equals("numeric") || n.equals("decimal")) {
                    precision = args.get(0);
                    scale = args.size() > 1 ? args.get(1) : 0;
                } else if (n.startsWith("time") || n.startsWith("interval")) {
                    precision = args.get(0);
                } else if (n.startsWith("character") || n.startsWith("bit") || n.equals("varchar") || n.equals("char")) {
                    length = (long) args.get(0);
                } else {
                    precision = args.get(0);
                }
            }
            return new DataType(name, length, precision, scale, null, false, false, List.of(), arrayDims, full);
        }

        // ---------------------------------------------------------------- constraints

        private record Constraints(KeyConstraint primaryKey, List<KeyConstraint> uniques, List<ForeignKey> foreignKeys,
                                   List<CheckConstraint> checks) {
        }

        /** Keys and checks of a table; the whole schema is read with the first call. */
        private Constraints readConstraints(Connection c, long relOid, String q) throws SQLException {
            if (constraintsByRel == null) {
                constraintsByRel = new HashMap<>();
                loadConstraints(c);
            }
            Constraints k = constraintsByRel.get(relOid);
            return k == null ? new Constraints(null, List.of(), List.of(), List.of()) : k;
        }

        private void loadConstraints(Connection c) throws SQLException {
            query(c, "constraints of schema " + schema, """
                    select con.conrelid, con.conname, con.contype, con.condeferrable, con.condeferred,
                           array(select a.attname from unnest(con.conkey) with ordinality k(attnum, ord)
                                 join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum order by k.ord) as cols,
                           rn.nspname as ref_schema, rc.relname as ref_table,
                           array(select a.attname from unnest(con.confkey) with ordinality k(attnum, ord)
                                 join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.attnum order by k.ord) as ref_cols,
                           con.confupdtype, con.confdeltype, con.confmatchtype, pg_get_constraintdef(con.oid) as def
                    from pg_constraint con
                    left join pg_class rc on rc.oid = con.confrelid
                    left join pg_namespace rn on rn.oid = rc.relnamespace
                    where con.conrelid in (select c2.oid from pg_class c2 join pg_namespace n2 on n2.oid = c2.relnamespace
                                        where n2.nspname = ? and c2.relkind in ('r', 'p') and not c2.relispartition)
                      and con.contype in ('p', 'u', 'f', 'c')
                    order by con.conrelid, con.conname""", rs -> {
                Constraints k = constraintsByRel.computeIfAbsent(rs.getLong("conrelid"),
                        x -> new Constraints(null, new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
                List<KeyConstraint> uniques = k.uniques();
                List<ForeignKey> fks = k.foreignKeys();
                List<CheckConstraint> checks = k.checks();
                String type = rs.getString("contype");
                String name = rs.getString("conname");
                List<String> cols = strings(rs.getArray("cols"));
                boolean deferrable = rs.getBoolean("condeferrable");
                boolean deferred = rs.getBoolean("condeferred");
                switch (type) {
                    case "p":
                        constraintsByRel.put(rs.getLong("conrelid"),
                                new Constraints(new KeyConstraint(name, cols, deferrable, deferred), uniques, fks, checks));
                        break;
                    case "u":
                        uniques.add(new KeyConstraint(name, cols, deferrable, deferred));
                        break;
                    case "f":
                        String match = rs.getString("confmatchtype");
                        fks.add(new ForeignKey(name, cols, rs.getString("ref_schema"), rs.getString("ref_table"),
                                strings(rs.getArray("ref_cols")), action(rs.getString("confdeltype")), action(rs.getString("confupdtype")),
                                deferrable, deferred, "f".equals(match) ? "FULL" : "p".equals(match) ? "PARTIAL" : "SIMPLE"));
                        break;
                    default:
                        checks.add(new CheckConstraint(name, checkExpression(rs.getString("def")), true));
                }
                return null;
            }, schema);
        }

        private static ForeignKey.Action action(String code) {
            if ("a".equals(code)) {
                return ForeignKey.Action.NO_ACTION;
            }
            return ForeignKey.action(code);
        }

        /** {@code CHECK ((price > (0)::numeric)) NOT VALID} → {@code price > (0)::numeric}. */
        static String checkExpression(String def) {
            String d = def.trim();
            if (d.toUpperCase(Locale.ROOT).startsWith("CHECK")) {
                d = d.substring(5).trim();
            }
            if (d.startsWith("(")) {
                int close = CatalogText.matchParen(d, 0);
                if (close > 0) {
                    d = d.substring(0, close + 1);
                }
            }
            return CatalogText.stripOuterParens(d);
        }

        private static List<String> strings(Array array) throws SQLException {
            if (array == null) {
                return List.of();
            }
            Object[] values = (Object[]) array.getArray();
            List<String> out = new ArrayList<>();
            for (Object o : values) {
                out.add(String.valueOf(o));
            }
            return out;
        }

        // ---------------------------------------------------------------- indexes

        /** Indexes of a table; the whole schema is read with the first call. */
        private List<Index> readIndexes(Connection c, long relOid, String q) throws SQLException {
            if (indexesByRel == null) {
                indexesByRel = new HashMap<>();
                loadIndexes(c);
            }
            return indexesByRel.getOrDefault(relOid, List.of());
        }

        private void loadIndexes(Connection c) throws SQLException {
            Map<Long, List<Index.Element>> elements = new LinkedHashMap<>();
            query(c, "index columns of schema " + schema, """
                    select i.indexrelid, g.n, i.indkey[g.n - 1] as attnum, a.attname,
                           pg_get_indexdef(i.indexrelid, g.n, true) as def,
                           (i.indoption[g.n - 1]::int & 1) = 1 as descending
                    from pg_index i cross join lateral generate_series(1, i.indnkeyatts) g(n)
                    left join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[g.n - 1] and i.indkey[g.n - 1] > 0
                    where i.indrelid in (select c2.oid from pg_class c2 join pg_namespace n2 on n2.oid = c2.relnamespace
                                        where n2.nspname = ? and c2.relkind in ('r', 'p', 'm') and not c2.relispartition)
                    order by i.indexrelid, g.n""", rs -> {
                String col = rs.getInt("attnum") > 0 ? rs.getString("attname") : null;
                Index.Element e = new Index.Element(col, col == null ? rs.getString("def") : null, rs.getBoolean("descending"), null);
                elements.computeIfAbsent(rs.getLong("indexrelid"), k -> new ArrayList<>()).add(e);
                return null;
            }, schema);
            query(c, "indexes of schema " + schema, """
                    select i.indrelid, i.indexrelid, ic.relname, i.indisunique, am.amname, pg_get_expr(i.indpred, i.indrelid, true) as pred,
                           exists (select 1 from pg_constraint con where con.conindid = i.indexrelid and con.conrelid = i.indrelid
                                   and con.contype in ('p', 'u', 'x')) as backed,
                           obj_description(i.indexrelid, 'pg_class') as comment
                    from pg_index i join pg_class ic on ic.oid = i.indexrelid join pg_am am on am.oid = ic.relam
                    where i.indrelid in (select c2.oid from pg_class c2 join pg_namespace n2 on n2.oid = c2.relnamespace
                                        where n2.nspname = ? and c2.relkind in ('r', 'p', 'm') and not c2.relispartition)
                    order by ic.relname""", rs -> {
                Index ix = new Index(rs.getString("relname"), rs.getBoolean("indisunique"),
                        elements.getOrDefault(rs.getLong("indexrelid"), List.of()), rs.getString("amname"), rs.getString("pred"),
                        rs.getBoolean("backed"), rs.getString("comment"));
                indexesByRel.computeIfAbsent(rs.getLong("indrelid"), k -> new ArrayList<>()).add(ix);
                return null;
            }, schema);
        }

        // ---------------------------------------------------------------- views

        private List<View> readViews(Connection c, String schema, CatalogRequest request, CatalogListener listener) throws SQLException {
            record ViewRow(long oid, String name, boolean materialized, String definition, String checkOption, String comment) {
            }
            List<ViewRow> rows = query(c, "views of " + schema, """
                    select c.oid, c.relname, c.relkind = 'm' as mat, pg_get_viewdef(c.oid, true) as def,
                           (select upper(substr(o, length('check_option=') + 1)) from unnest(c.reloptions) o where o like 'check\\_option=%') as chk,
                           obj_description(c.oid, 'pg_class') as comment
                    from pg_class c join pg_namespace n on n.oid = c.relnamespace
                    where n.nspname = ? and c.relkind in ('v', 'm')
                      and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')
                    order by c.relname""",
                    rs -> new ViewRow(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getString(4), rs.getString(5), rs.getString(6)),
                    schema);
            List<View> out = new ArrayList<>();
            for (ViewRow v : rows) {
                String q = schema + "." + v.name;
                out.add(new View(schema, v.name, v.materialized, request.includeSource() ? stripSemicolon(v.definition) : null,
                        readColumns(c, v.oid, q), v.checkOption, v.comment));
                listener.onObject(v.materialized ? "materialized view" : "view", q);
            }
            return out;
        }

        private static String stripSemicolon(String sql) {
            String t = sql.trim();
            return t.endsWith(";") ? t.substring(0, t.length() - 1).trim() : t;
        }

        // ---------------------------------------------------------------- sequences

        private List<Sequence> readSequences(Connection c, String schema, CatalogListener listener) throws SQLException {
            List<Sequence> out = query(c, "sequences of " + schema, """
                    select c.relname, format_type(s.seqtypid, null) as data_type, s.seqstart, s.seqincrement, s.seqmin, s.seqmax,
                           s.seqcache, s.seqcycle,
                           case when has_sequence_privilege(c.oid, 'SELECT') then pg_sequence_last_value(c.oid) end as last_value,
                           (select quote_ident(tn.nspname) || '.' || quote_ident(t.relname) || '.' || quote_ident(a.attname)
                              from pg_depend d join pg_class t on t.oid = d.refobjid join pg_namespace tn on tn.oid = t.relnamespace
                              join pg_attribute a on a.attrelid = d.refobjid and a.attnum = d.refobjsubid
                             where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.refclassid = 'pg_class'::regclass
                               and d.deptype = 'a' and d.refobjsubid > 0 limit 1) as owned_by
                    from pg_class c join pg_namespace n on n.oid = c.relnamespace join pg_sequence s on s.seqrelid = c.oid
                    where n.nspname = ? and c.relkind = 'S'
                      and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype in ('i', 'e'))
                    order by c.relname""",
                    rs -> new Sequence(schema, rs.getString("relname"), rs.getString("data_type"), longOrNull(rs, "seqstart"),
                            longOrNull(rs, "seqincrement"), longOrNull(rs, "seqmin"), longOrNull(rs, "seqmax"), longOrNull(rs, "seqcache"),
                            rs.getBoolean("seqcycle"), longOrNull(rs, "last_value"), rs.getString("owned_by")),
                    schema);
            out.forEach(s -> listener.onObject("sequence", schema + "." + s.name()));
            return out;
        }

        // ---------------------------------------------------------------- routines

        private List<Routine> readRoutines(Connection c, String schema, CatalogRequest request, CatalogListener listener) throws SQLException {
            List<Routine> out = query(c, "routines of " + schema, """
                    select p.oid, p.proname, p.prokind, l.lanname, p.provolatile,
                           case when p.prokind = 'f' then pg_get_function_result(p.oid) end as result,
                           p.proargnames, p.proargmodes,
                           array(select format_type(t, null) from unnest(coalesce(p.proallargtypes, p.proargtypes::oid[])) with ordinality x(t, o) order by o) as argtypes,
                           p.pronargdefaults, pg_get_expr(p.proargdefaults, 0) as defaults,
                           pg_get_functiondef(p.oid) as source, obj_description(p.oid, 'pg_proc') as comment
                    from pg_proc p join pg_namespace n on n.oid = p.pronamespace join pg_language l on l.oid = p.prolang
                    where n.nspname = ? and p.prokind in ('f', 'p')
                      and not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype in ('e', 'i'))
                    order by p.proname, p.oid""", rs -> {
                List<String> types = strings(rs.getArray("argtypes"));
                List<String> argNames = strings(rs.getArray("proargnames"));
                List<String> modes = strings(rs.getArray("proargmodes"));
                List<String> defaults = CatalogText.splitTopLevel(rs.getString("defaults"));
                List<Routine.Parameter> params = new ArrayList<>();
                int inputs = 0;
                for (int i = 0; i < types.size(); i++) {
                    String m = modes.isEmpty() ? "i" : modes.get(i);
                    if ("i".equals(m) || "b".equals(m) || "v".equals(m)) {
                        inputs++;
                    }
                }
                int firstDefault = inputs - defaults.size();
                int input = 0;
                for (int i = 0; i < types.size(); i++) {
                    String m = modes.isEmpty() ? "i" : modes.get(i);
                    if ("t".equals(m)) {
                        continue; // RETURNS TABLE columns are in the result type
                    }
                    String def = null;
                    if ("i".equals(m) || "b".equals(m) || "v".equals(m)) {
                        if (input >= firstDefault && input - firstDefault < defaults.size()) {
                            def = defaults.get(input - firstDefault);
                        }
                        input++;
                    }
                    String name = i < argNames.size() ? blankToNull(argNames.get(i)) : null;
                    params.add(new Routine.Parameter(name, mode(m), types.get(i), def));
                }
                boolean function = "f".equals(rs.getString("prokind"));
                return new Routine(schema, rs.getString("proname"), function ? Routine.Kind.FUNCTION : Routine.Kind.PROCEDURE, params,
                        rs.getString("result"), rs.getString("lanname"), "i".equals(rs.getString("provolatile")),
                        request.includeSource() ? rs.getString("source") : null, rs.getString("comment"));
            }, schema);
            out.forEach(r -> listener.onObject(r.kind() == Routine.Kind.FUNCTION ? "function" : "procedure", schema + "." + r.name()));
            return out;
        }

        private static String mode(String m) {
            switch (m) {
                case "o": return "OUT";
                case "b": return "INOUT";
                case "v": return "VARIADIC";
                default: return "IN";
            }
        }

        // ---------------------------------------------------------------- triggers

        private List<Trigger> readTriggers(Connection c, String schema, CatalogListener listener) throws SQLException {
            List<Trigger> out = query(c, "triggers of " + schema, """
                    select t.tgname, c.relname, t.tgtype, t.tgenabled, pg_get_triggerdef(t.oid, true) as def,
                           array(select a.attname from unnest(t.tgattr::int2[]) with ordinality k(attnum, ord)
                                 join pg_attribute a on a.attrelid = t.tgrelid and a.attnum = k.attnum order by k.ord) as cols
                    from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
                    where n.nspname = ? and not t.tgisinternal and not c.relispartition and %s
                    order by c.relname, t.tgname""".formatted(versionNum >= 130000 ? "t.tgparentid = 0" : "true"), rs -> {
                int type = rs.getInt("tgtype");
                Trigger.Timing timing = (type & 64) != 0 ? Trigger.Timing.INSTEAD_OF : (type & 2) != 0 ? Trigger.Timing.BEFORE : Trigger.Timing.AFTER;
                List<String> events = new ArrayList<>();
                if ((type & 4) != 0) {
                    events.add("INSERT");
                }
                if ((type & 16) != 0) {
                    events.add("UPDATE");
                }
                if ((type & 8) != 0) {
                    events.add("DELETE");
                }
                if ((type & 32) != 0) {
                    events.add("TRUNCATE");
                }
                String def = rs.getString("def");
                return new Trigger(schema, rs.getString("tgname"), schema, rs.getString("relname"), timing, events,
                        strings(rs.getArray("cols")), (type & 1) != 0 ? Trigger.Level.ROW : Trigger.Level.STATEMENT,
                        whenClause(def), !"D".equals(rs.getString("tgenabled")), def);
            }, schema);
            out.forEach(t -> listener.onObject("trigger", schema + "." + t.name()));
            return out;
        }

        /** The condition of {@code ... WHEN (cond) EXECUTE ...} in a trigger definition, without the parentheses. */
        static String whenClause(String def) {
            int i = def.indexOf(" WHEN (");
            if (i < 0) {
                return null;
            }
            int open = i + 6;
            int close = CatalogText.matchParen(def, open);
            return close < 0 ? null : CatalogText.stripOuterParens(def.substring(open, close + 1));
        }

        // ---------------------------------------------------------------- types

        private List<UserType> readTypes(Connection c, String schema, CatalogListener listener) throws SQLException {
            record TypeRow(long oid, String name, String typtype, long relid, String base, boolean notNull, String def, String rangeSub) {
            }
            List<TypeRow> rows = query(c, "types of " + schema, """
                    select t.oid, t.typname, t.typtype, t.typrelid,
                           case when t.typtype = 'd' then format_type(t.typbasetype, t.typtypmod) end as base,
                           t.typnotnull, t.typdefault,
                           (select format_type(r.rngsubtype, null) from pg_range r where r.rngtypid = t.oid) as range_sub
                    from pg_type t join pg_namespace n on n.oid = t.typnamespace
                    left join pg_class rc on rc.oid = t.typrelid
                    where n.nspname = ? and t.typtype in ('e', 'c', 'd', 'r') and (t.typtype <> 'c' or rc.relkind = 'c')
                      and not exists (select 1 from pg_depend d where d.classid = 'pg_type'::regclass and d.objid = t.oid and d.deptype = 'e')
                    order by t.typname""",
                    rs -> new TypeRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5), rs.getBoolean(6),
                            rs.getString(7), rs.getString(8)),
                    schema);
            List<UserType> out = new ArrayList<>();
            for (TypeRow t : rows) {
                String q = schema + "." + t.name;
                switch (t.typtype) {
                    case "e":
                        List<String> labels = query(c, "labels of enum " + q,
                                "select enumlabel from pg_enum where enumtypid = ? order by enumsortorder", rs -> rs.getString(1), t.oid);
                        out.add(new UserType(schema, t.name, UserType.Kind.ENUM, labels, List.of(), null, null));
                        break;
                    case "c":
                        out.add(new UserType(schema, t.name, UserType.Kind.COMPOSITE, List.of(), readColumns(c, t.relid, q), null, null));
                        break;
                    case "d":
                        List<String> checks = query(c, "constraints of domain " + q,
                                "select 'CONSTRAINT ' || quote_ident(conname) || ' ' || pg_get_constraintdef(oid) from pg_constraint where contypid = ? order by conname",
                                rs -> rs.getString(1), t.oid);
                        StringBuilder src = new StringBuilder("CREATE DOMAIN ").append(quoteIdent(schema)).append('.').append(quoteIdent(t.name))
                                .append(" AS ").append(t.base);
                        if (t.def != null) {
                            src.append(" DEFAULT ").append(t.def);
                        }
                        if (t.notNull) {
                            src.append(" NOT NULL");
                        }
                        checks.forEach(ch -> src.append(' ').append(ch));
                        out.add(new UserType(schema, t.name, UserType.Kind.DOMAIN, List.of(), List.of(), t.base, src.toString()));
                        break;
                    default:
                        out.add(new UserType(schema, t.name, UserType.Kind.RANGE, List.of(), List.of(), t.rangeSub, null));
                }
                listener.onObject("type", q);
            }
            return out;
        }

        /**
         * Row-level security as table options: {@code row_security} = {@code enabled} or {@code forced}, and one
         * {@code policy:<name>} option per policy holding its complete {@code CREATE POLICY} statement.
         */
        /** The row-security policies of every table of the schema (one query): relation oid → "policy:name" → statement. */
        private Map<Long, Map<String, String>> readPolicies(Connection c, String schema) throws SQLException {
            Map<Long, Map<String, String>> out = new HashMap<>();
            query(c, "policies of schema " + schema, """
                    select p.polrelid, cl.relname, p.polname, p.polpermissive,
                           case p.polcmd when 'r' then 'SELECT' when 'a' then 'INSERT' when 'w' then 'UPDATE' when 'd' then 'DELETE' else 'ALL' end,
                           case when p.polroles = '{0}' then 'PUBLIC'
                                else (select string_agg(quote_ident(a.rolname), ', ' order by a.rolname) from pg_roles a where a.oid = any (p.polroles)) end,
                           pg_get_expr(p.polqual, p.polrelid), pg_get_expr(p.polwithcheck, p.polrelid)
                    from pg_policy p join pg_class cl on cl.oid = p.polrelid join pg_namespace n on n.oid = cl.relnamespace
                    where n.nspname = ? order by p.polrelid, p.polname""", rs -> {
                StringBuilder sb = new StringBuilder("CREATE POLICY ").append(quoteIdent(rs.getString(3))).append(" ON ")
                        .append(quoteIdent(schema)).append('.').append(quoteIdent(rs.getString(2)))
                        .append(rs.getBoolean(4) ? " AS PERMISSIVE" : " AS RESTRICTIVE").append(" FOR ").append(rs.getString(5))
                        .append(" TO ").append(rs.getString(6));
                if (rs.getString(7) != null) {
                    sb.append(" USING (").append(rs.getString(7)).append(')');
                }
                if (rs.getString(8) != null) {
                    sb.append(" WITH CHECK (").append(rs.getString(8)).append(')');
                }
                out.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>()).put("policy:" + rs.getString(3), sb.toString());
                return null;
            }, schema);
            return out;
        }

        private static String quoteIdent(String s) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
    }
}
