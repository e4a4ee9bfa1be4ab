package dev.ferry.engine.catalog.oracle;

import dev.ferry.engine.catalog.CatalogListener;
import dev.ferry.engine.catalog.CatalogReader;
import dev.ferry.engine.catalog.CatalogRequest;
import dev.ferry.model.schema.CheckConstraint;
import dev.ferry.model.schema.Column;
import dev.ferry.model.schema.DataType;
import dev.ferry.model.schema.DatabaseModel;
import dev.ferry.model.schema.Engine;
import dev.ferry.model.schema.ForeignKey;
import dev.ferry.model.schema.Identity;
import dev.ferry.model.schema.Index;
import dev.ferry.model.schema.KeyConstraint;
import dev.ferry.model.schema.PackageDef;
import dev.ferry.model.schema.Partitioning;
import dev.ferry.model.schema.Routine;
import dev.ferry.model.schema.Schema;
import dev.ferry.model.schema.Sequence;
import dev.ferry.model.schema.Synonym;
import dev.ferry.model.schema.Table;
import dev.ferry.model.schema.Trigger;
import dev.ferry.model.schema.UserType;
import dev.ferry.model.schema.View;
import dev.ferry.model.util.Redaction;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static dev.ferry.engine.catalog.JdbcSupport.blankToNull;
import static dev.ferry.engine.catalog.JdbcSupport.query;

/**
 * Reads an Oracle (11g–23ai) catalog from the {@code ALL_*} dictionary views, so it works for any user that can see
 * the objects (no DBA privileges needed). Source text comes from {@code ALL_SOURCE}, falling back to
 * {@code DBMS_METADATA.GET_DDL} when {@code ALL_SOURCE} has none.
 *
 * <p>Schemas are users: with an empty request every user that owns objects and is not Oracle-maintained
 * ({@code ALL_USERS.ORACLE_MAINTAINED}, 12c+; a fixed list of system users before that). Tables exclude the recycle
 * bin, nested and secondary tables, IOT overflow segments and materialized-view container tables. System-generated
 * {@code "X" IS NOT NULL} check constraints are folded into column nullability. Sequences backing identity columns are
 * not listed. Oracle has no {@code ON UPDATE} referential actions ({@code NO_ACTION}) and no partial indexes. Public
 * synonyms that point into a schema are listed with that schema (their own {@code schema} is {@code PUBLIC}).
 * LONG columns ({@code DATA_DEFAULT}, {@code SEARCH_CONDITION}, {@code TEXT}, {@code HIGH_VALUE}...) are always
 * read in select-list order, as the driver requires.
 *
 * <p>Threading: stateless; one {@link #read} call uses the given connection only from the calling thread.
 */
public final class OracleCatalogReader implements CatalogReader {

    private static final Logger LOG = LoggerFactory.getLogger(OracleCatalogReader.class);

    /** Oracle-supplied users, for servers without {@code ALL_USERS.ORACLE_MAINTAINED} (before 12c). */
    static final Set<String> SYSTEM_USERS = Set.of("SYS", "SYSTEM", "OUTLN", "DBSNMP", "APPQOSSYS", "WMSYS", "EXFSYS", "CTXSYS",
            "XDB", "ANONYMOUS", "ORDSYS", "ORDDATA", "ORDPLUGINS", "SI_INFORMTN_SCHEMA", "MDSYS", "OLAPSYS", "MDDATA", "SPATIAL_WFS_ADMIN_USR",
            "SPATIAL_CSW_ADMIN_USR", "SYSMAN", "MGMT_VIEW", "APEX_030200", "APEX_PUBLIC_USER", "FLOWS_FILES", "OWBSYS", "OWBSYS_AUDIT",
            "DIP", "ORACLE_OCM", "XS$NULL", "AUDSYS", "GSMADMIN_INTERNAL", "GSMCATUSER", "GSMUSER", "DVSYS", "DVF", "LBACSYS", "OJVMSYS",
            "SYSBACKUP", "SYSDG", "SYSKM", "SYSRAC", "REMOTE_SCHEDULER_AGENT", "DBSFWUSER", "GGSYS", "PUBLIC");

    private static final Pattern NOT_NULL_CHECK = Pattern.compile("^\\s*\"[^\"]+\"\\s+IS\\s+NOT\\s+NULL\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern IDENTITY_START = Pattern.compile("START WITH:\\s*(-?\\d+)");
    private static final Pattern IDENTITY_INCREMENT = Pattern.compile("INCREMENT BY:\\s*(-?\\d+)");
    private static final Pattern QUOTED_COLUMN = Pattern.compile("^\"([^\"]+)\"$");

    @Override
    public DatabaseModel read(Connection c, CatalogRequest request, CatalogListener listener) throws SQLException {
        listener.onPhase("server");
        DatabaseMetaData md = c.getMetaData();
        Version v = new Version(md.getDatabaseMajorVersion(), md.getDatabaseMinorVersion());
        String product = md.getDatabaseProductVersion();
        String database = query(c, "database name", "select sys_context('USERENV', 'DB_NAME') from dual", rs -> rs.getString(1)).get(0);
        listener.onPhase("schemas");
        List<String> users;
        if (v.atLeast(12, 1)) {
            users = query(c, "schemas", """
                    select u.username from all_users u
                    where u.oracle_maintained = 'N' and exists (select 1 from all_objects o where o.owner = u.username)
                    order by u.username""", rs -> rs.getString(1));
        } else {
            users = new ArrayList<>();
            for (String u : query(c, "schemas", """
                    select u.username from all_users u where exists (select 1 from all_objects o where o.owner = u.username)
                    order by u.username""", rs -> rs.getString(1))) {
                if (!SYSTEM_USERS.contains(u)) {
                    users.add(u);
                }
            }
        }
        if (!request.schemas().isEmpty()) {
            users = query(c, "schemas", "select username from all_users order by username", rs -> rs.getString(1));
        }
        List<Schema> schemas = new ArrayList<>();
        for (String u : users) {
            if (request.wants(u)) {
                schemas.add(new SchemaReader(c, u, v, request, listener).read());
            }
        }
        return new DatabaseModel(Engine.ORACLE, product, database, Instant.now(), schemas);
    }

    record Version(int major, int minor) {
        boolean atLeast(int maj, int min) {
            return major > maj || (major == maj && minor >= min);
        }
    }

    /** Reads one owner; each dictionary view is queried once per schema and grouped by object name. */
    private static final class SchemaReader {
        private final Connection c;
        private final String owner;
        private final Version v;
        private final CatalogRequest request;
        private final CatalogListener listener;

        SchemaReader(Connection c, String owner, Version v, CatalogRequest request, CatalogListener listener) {
            this.c = c;
            this.owner = owner;
            this.v = v;
            this.request = request;
            this.listener = listener;
        }

        Schema read() throws SQLException {
            listener.onPhase("tables of " + owner);
            Map<String, String> tableComments = new HashMap<>();
            query(c, "table comments of " + owner, "select table_name, comments from all_tab_comments where owner = ? and comments is not null",
                    rs -> tableComments.put(rs.getString(1), rs.getString(2)), owner);
            if (v.atLeast(10, 1)) {
                query(c, "materialized view comments of " + owner,
                        "select mview_name, comments from all_mview_comments where owner = ? and comments is not null",
                        rs -> tableComments.put(rs.getString(1), rs.getString(2)), owner);
            }
            Map<String, List<Column>> columns = readColumns();
            Map<String, Constraints> constraints = readConstraints();
            Map<String, List<Index>> indexes = readIndexes();
            Map<String, Partitioning> partitions = readPartitioning();
            Map<String, Long> sizes = readSizes();

            record TableRow(String name, String temporary, String duration, String iot, String partitioned, Long rows, String tablespace,
                            String logging, String compression) {
            }
            List<TableRow> rows = query(c, "tables of " + owner, """
                    select t.table_name, t.temporary, t.duration, t.iot_type, t.partitioned, t.num_rows, t.tablespace_name, t.logging,
                           t.compression
                    from all_tables t
                    where t.owner = ? and t.nested = 'NO' and t.secondary = 'N' and (t.iot_type is null or t.iot_type = 'IOT')
                      and t.dropped = 'NO'
                      and not exists (select 1 from all_mviews m where m.owner = t.owner and m.container_name = t.table_name)
                    order by t.table_name""",
                    rs -> new TableRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), longOrNull(rs, 6),
                            rs.getString(7), rs.getString(8), rs.getString(9)), owner);
            List<Table> tables = new ArrayList<>();
            for (TableRow r : rows) {
                Table.Kind kind = "Y".equals(r.temporary) ? Table.Kind.GLOBAL_TEMPORARY
                        : "IOT".equals(r.iot) ? Table.Kind.INDEX_ORGANIZED
                        : "YES".equals(r.partitioned) ? Table.Kind.PARTITIONED : Table.Kind.REGULAR;
                Map<String, String> options = new LinkedHashMap<>();
                if (r.tablespace != null) {
                    options.put("tablespace", r.tablespace);
                }
                if ("Y".equals(r.temporary)) {
                    options.put("on_commit", "SYS$TRANSACTION".equals(r.duration) ? "delete rows" : "preserve rows");
                }
                if ("NO".equals(r.logging)) {
                    options.put("logging", "nologging");
                }
                if ("ENABLED".equals(r.compression)) {
                    options.put("compression", "enabled");
                }
                if ("IOT".equals(r.iot) && "YES".equals(r.partitioned)) {
                    options.put("partitioned", "true");
                }
                Constraints k = constraints.getOrDefault(r.name, new Constraints());
                long est = request.includeRowEstimates() && r.rows != null ? r.rows : -1;
                long size = request.includeRowEstimates() ? sizes.getOrDefault(r.name, -1L) : -1;
                tables.add(new Table(owner, r.name, kind, columns.getOrDefault(r.name, List.of()), k.primary, k.uniques, k.foreignKeys,
                        k.checks, indexes.getOrDefault(r.name, List.of()), tableComments.get(r.name), est, size, partitions.get(r.name), options));
                listener.onObject("table", owner + "." + r.name);
            }

            listener.onPhase("views of " + owner);
            List<View> views = new ArrayList<>();
            Map<String, String> checkOptions = new HashMap<>();
            query(c, "view check options of " + owner,
                    "select table_name, constraint_type from all_constraints where owner = ? and constraint_type in ('V', 'O')",
                    rs -> checkOptions.put(rs.getString(1), "V".equals(rs.getString(2)) ? "CASCADED" : "READ ONLY"), owner);
            List<String[]> viewRows = query(c, "views of " + owner, "select view_name, text from all_views where owner = ? order by view_name",
                    rs -> {
                        String name = rs.getString(1);
                        return new String[]{name, rs.getString(2)};
                    }, owner);
            for (String[] vr : viewRows) {
                views.add(new View(owner, vr[0], false, request.includeSource() ? trimSql(vr[1]) : null, columns.getOrDefault(vr[0], List.of()),
                        checkOptions.get(vr[0]), tableComments.get(vr[0])));
                listener.onObject("view", owner + "." + vr[0]);
            }
            List<String[]> mviewRows = query(c, "materialized views of " + owner,
                    "select mview_name, refresh_method, refresh_mode, build_mode, query from all_mviews where owner = ? order by mview_name",
                    rs -> {
                        String name = rs.getString(1);
                        String method = rs.getString(2);
                        String mode = rs.getString(3);
                        String build = rs.getString(4);
                        return new String[]{name, method, mode, build, rs.getString(5)};
                    }, owner);
            for (String[] mv : mviewRows) {
                views.add(new View(owner, mv[0], true, request.includeSource() ? trimSql(mv[4]) : null, columns.getOrDefault(mv[0], List.of()),
                        null, tableComments.get(mv[0])));
                listener.onObject("materialized view", owner + "." + mv[0]);
            }
            views.sort((a, b) -> a.name().compareTo(b.name()));

            listener.onPhase("sequences of " + owner);
            List<Sequence> sequences = readSequences();
            listener.onPhase("routines of " + owner);
            List<Routine> routines = readRoutines();
            List<PackageDef> packages = readPackages();
            listener.onPhase("triggers of " + owner);
            List<Trigger> triggers = readTriggers();
            listener.onPhase("synonyms and types of " + owner);
            List<Synonym> synonyms = query(c, "synonyms of " + owner, """
                    select owner, synonym_name, table_owner, table_name, db_link from all_synonyms
                    where owner = ? or (owner = 'PUBLIC' and table_owner = ?)
                    order by owner, synonym_name""",
                    rs -> new Synonym(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)), owner, owner);
            synonyms.forEach(s -> listener.onObject("synonym", s.schema() + "." + s.name()));
            List<UserType> types = readTypes();
            return new Schema(owner, tables, views, sequences, routines, triggers, packages, synonyms, types);
        }

        // ------------------------------------------------------------ columns

        private Map<String, List<Column>> readColumns() throws SQLException {
            Map<String, String> comments = new HashMap<>();
            query(c, "column comments of " + owner,
                    "select table_name, column_name, comments from all_col_comments where owner = ? and comments is not null",
                    rs -> comments.put(rs.getString(1) + "." + rs.getString(2), rs.getString(3)), owner);
            Map<String, Identity> identities = new HashMap<>();
            if (v.atLeast(12, 1)) {
                query(c, "identity columns of " + owner,
                        "select table_name, column_name, generation_type, sequence_name, identity_options from all_tab_identity_cols where owner = ?",
                        rs -> {
                            String options = rs.getString(5) == null ? "" : rs.getString(5);
                            identities.put(rs.getString(1) + "." + rs.getString(2), new Identity(
                                    "ALWAYS".equals(rs.getString(3)) ? Identity.Kind.ALWAYS : Identity.Kind.BY_DEFAULT,
                                    match(IDENTITY_START, options), match(IDENTITY_INCREMENT, options), rs.getString(4)));
                            return null;
                        }, owner);
            }
            String collation = v.atLeast(12, 2) ? "collation" : "cast(null as varchar2(1)) as collation";
            Map<String, List<Column>> out = new LinkedHashMap<>();
            // data_default is a LONG: it is selected last and read last
            query(c, "columns of " + owner, """
                    select table_name, column_name, column_id, data_type, data_type_owner, data_length, data_precision, data_scale,
                           nullable, char_used, char_length, virtual_column, %s, data_default
                    from all_tab_cols
                    where owner = ? and hidden_column = 'NO' and column_id is not null and table_name not like 'BIN$%%'
                    order by table_name, column_id""".formatted(collation), rs -> {
                String table = rs.getString(1);
                String name = rs.getString(2);
                int position = rs.getInt(3);
                String dataType = rs.getString(4);
                String typeOwner = rs.getString(5);
                Long dataLength = longOrNull(rs, 6);
                Integer precision = intOrNull(rs, 7);
                Integer scale = intOrNull(rs, 8);
                boolean nullable = "Y".equals(rs.getString(9));
                String charUsed = rs.getString(10);
                Long charLength = longOrNull(rs, 11);
                boolean virtual = "YES".equals(rs.getString(12));
                String coll = rs.getString(13);
                String dataDefault = rs.getString(14);
                DataType type = dataType(dataType, typeOwner, dataLength, precision, scale, charUsed, charLength);
                String key = table + "." + name;
                Identity identity = identities.get(key);
                String def = dataDefault == null ? null : dataDefault.trim();
                String generated = null;
                if (virtual) {
                    generated = def;
                    def = null;
                }
                if (identity != null) {
                    def = null; // "ISEQ$$_n".nextval
                }
                Column col = new Column(name, position, type, nullable, blankToNull(def), identity, generated, false,
                        null, "USING_NLS_COMP".equals(coll) ? null : coll, comments.get(key), null);
                out.computeIfAbsent(table, k -> new ArrayList<>()).add(col);
                return null;
            }, owner);
            return out;
        }

        // ------------------------------------------------------------ constraints

        private static final class Constraints {
            KeyConstraint primary;
            final List<KeyConstraint> uniques = new ArrayList<>();
            final List<ForeignKey> foreignKeys = new ArrayList<>();
            final List<CheckConstraint> checks = new ArrayList<>();
        }

        private Map<String, Constraints> readConstraints() throws SQLException {
            Map<String, List<String>> consColumns = new HashMap<>();
            // columns of this owner's constraints and of the constraints they reference (any owner)
            query(c, "constraint columns of " + owner, """
                    select cc.owner, cc.constraint_name, cc.column_name from all_cons_columns cc
                    where cc.owner = ? or (cc.owner, cc.constraint_name) in
                          (select r_owner, r_constraint_name from all_constraints where owner = ? and constraint_type = 'R')
                    order by cc.owner, cc.constraint_name, cc.position""", rs -> {
                consColumns.computeIfAbsent(rs.getString(1) + "." + rs.getString(2), k -> new ArrayList<>()).add(rs.getString(3));
                return null;
            }, owner, owner);
            Map<String, String> refTables = new HashMap<>();
            query(c, "referenced keys of " + owner, """
                    select owner, constraint_name, table_name from all_constraints
                    where (owner, constraint_name) in (select r_owner, r_constraint_name from all_constraints where owner = ? and constraint_type = 'R')""",
                    rs -> refTables.put(rs.getString(1) + "." + rs.getString(2), rs.getString(3)), owner);
            String condition = v.atLeast(12, 2) ? "search_condition_vc" : "search_condition"; // LONG before 12.2: selected last
            Map<String, Constraints> out = new HashMap<>();
            query(c, "constraints of " + owner, """
                    select table_name, constraint_name, constraint_type, r_owner, r_constraint_name, delete_rule, deferrable, deferred,
                           status, %s
                    from all_constraints
                    where owner = ? and constraint_type in ('P', 'U', 'R', 'C') and table_name not like 'BIN$%%'
                    order by table_name, constraint_name""".formatted(condition), rs -> {
                String table = rs.getString(1);
                String name = rs.getString(2);
                String type = rs.getString(3);
                String rOwner = rs.getString(4);
                String rName = rs.getString(5);
                String deleteRule = rs.getString(6);
                boolean deferrable = "DEFERRABLE".equals(rs.getString(7));
                boolean deferred = "DEFERRED".equals(rs.getString(8));
                boolean enabled = "ENABLED".equals(rs.getString(9));
                String search = rs.getString(10);
                Constraints k = out.computeIfAbsent(table, x -> new Constraints());
                List<String> cols = consColumns.getOrDefault(owner + "." + name, List.of());
                switch (type) {
                    case "P":
                        k.primary = new KeyConstraint(name, cols, deferrable, deferred);
                        break;
                    case "U":
                        k.uniques.add(new KeyConstraint(name, cols, deferrable, deferred));
                        break;
                    case "R":
                        k.foreignKeys.add(new ForeignKey(name, cols, rOwner, refTables.get(rOwner + "." + rName),
                                consColumns.getOrDefault(rOwner + "." + rName, List.of()), ForeignKey.action(deleteRule), ForeignKey.Action.NO_ACTION,
                                deferrable, deferred, "SIMPLE"));
                        break;
                    default:
                        if (search != null && !NOT_NULL_CHECK.matcher(search).matches()) {
                            k.checks.add(new CheckConstraint(name, search.trim(), enabled));
                        }
                }
                return null;
            }, owner);
            return out;
        }

        // ------------------------------------------------------------ indexes

        private Map<String, List<Index>> readIndexes() throws SQLException {
            Map<String, String> expressions = new HashMap<>();
            // column_expression is a LONG: selected last
            query(c, "index expressions of " + owner,
                    "select index_name, column_position, column_expression from all_ind_expressions where index_owner = ?", rs -> {
                        String key = rs.getString(1) + "#" + rs.getInt(2);
                        expressions.put(key, rs.getString(3));
                        return null;
                    }, owner);
            Map<String, List<Index.Element>> elements = new HashMap<>();
            query(c, "index columns of " + owner, """
                    select index_name, column_position, column_name, descend from all_ind_columns
                    where index_owner = ? order by index_name, column_position""", rs -> {
                String index = rs.getString(1);
                int pos = rs.getInt(2);
                String column = rs.getString(3);
                boolean desc = "DESC".equals(rs.getString(4));
                String expr = expressions.get(index + "#" + pos);
                Index.Element e;
                if (expr == null) {
                    e = new Index.Element(column, null, desc, null);
                } else {
                    Matcher m = QUOTED_COLUMN.matcher(expr.trim());
                    // a DESC column is stored as a function-based index on "COLUMN"
                    e = m.matches() ? new Index.Element(m.group(1), null, desc, null) : new Index.Element(null, expr.trim(), desc, null);
                }
                elements.computeIfAbsent(index, k -> new ArrayList<>()).add(e);
                return null;
            }, owner);
            Set<String> backing = new HashSet<>(query(c, "constraint indexes of " + owner,
                    "select index_name from all_constraints where owner = ? and constraint_type in ('P', 'U') and index_name is not null",
                    rs -> rs.getString(1), owner));
            Map<String, List<Index>> out = new HashMap<>();
            query(c, "indexes of " + owner, """
                    select table_name, index_name, index_type, uniqueness from all_indexes
                    where owner = ? and table_owner = ? and index_type not in ('LOB', 'CLUSTER') and table_name not like 'BIN$%'
                      and index_name not like 'BIN$%'
                    order by table_name, index_name""", rs -> {
                String type = rs.getString(3);
                String name = rs.getString(2);
                out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Index(name, "UNIQUE".equals(rs.getString(4)),
                        elements.getOrDefault(name, List.of()), indexMethod(type), null, backing.contains(name), null));
                return null;
            }, owner, owner);
            return out;
        }

        // ------------------------------------------------------------ partitions & sizes

        private Map<String, Partitioning> readPartitioning() throws SQLException {
            Map<String, List<String>> keys = new HashMap<>();
            query(c, "partition keys of " + owner, """
                    select name, column_name from all_part_key_columns where owner = ? and object_type = 'TABLE'
                    order by name, column_position""", rs -> {
                keys.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                return null;
            }, owner);
            Map<String, String> methods = new HashMap<>();
            query(c, "partitioned tables of " + owner, "select table_name, partitioning_type, subpartitioning_type, interval from all_part_tables where owner = ?",
                    rs -> {
                        String method = rs.getString(2).toLowerCase(Locale.ROOT);
                        String sub = rs.getString(3);
                        String interval = rs.getString(4);
                        if (interval != null) {
                            method = method + " interval " + interval;
                        }
                        if (sub != null && !"NONE".equals(sub)) {
                            method = method + " subpartition by " + sub.toLowerCase(Locale.ROOT);
                        }
                        methods.put(rs.getString(1), method);
                        return null;
                    }, owner);
            Map<String, List<Partitioning.Partition>> parts = new HashMap<>();
            // high_value is a LONG: selected last
            query(c, "partitions of " + owner, """
                    select table_name, partition_name, partition_position, high_value from all_tab_partitions
                    where table_owner = ? order by table_name, partition_position""", rs -> {
                String table = rs.getString(1);
                String name = rs.getString(2);
                rs.getInt(3);
                String high = rs.getString(4);
                String method = methods.getOrDefault(table, "");
                String bound = null;
                if (method.startsWith("range")) {
                    bound = high == null ? null : "VALUES LESS THAN (" + high + ")";
                } else if (method.startsWith("list")) {
                    bound = high == null ? null : "VALUES (" + high + ")";
                }
                parts.computeIfAbsent(table, k -> new ArrayList<>()).add(new Partitioning.Partition(name, bound));
                return null;
            }, owner);
            Map<String, Partitioning> out = new HashMap<>();
            methods.forEach((t, m) -> out.put(t, new Partitioning(m, keys.getOrDefault(t, List.of()), parts.getOrDefault(t, List.of()))));
            return out;
        }

        /** Segment sizes from DBA_SEGMENTS when visible, else USER_SEGMENTS for the connected user; empty otherwise. */
        private Map<String, Long> readSizes() {
            Map<String, Long> out = new HashMap<>();
            if (!request.includeRowEstimates()) {
                return out;
            }
            try {
                query(c, "segment sizes of " + owner, """
                        select segment_name, sum(bytes) from dba_segments where owner = ? and segment_type like 'TABLE%' group by segment_name""",
                        rs -> out.put(rs.getString(1), rs.getLong(2)), owner);
            } catch (SQLException noDbaView) {
                try {
                    query(c, "segment sizes of " + owner, """
                            select segment_name, sum(bytes) from user_segments
                            where segment_type like 'TABLE%' and user = ? group by segment_name""",
                            rs -> out.put(rs.getString(1), rs.getLong(2)), owner);
                } catch (SQLException ignored) {
                    // sizes stay unknown
                }
            }
            return out;
        }

        // ------------------------------------------------------------ sequences

        private List<Sequence> readSequences() throws SQLException {
            String exclude = v.atLeast(12, 1)
                    ? "and not exists (select 1 from all_tab_identity_cols i where i.owner = s.sequence_owner and i.sequence_name = s.sequence_name)"
                    : "";
            List<Sequence> out = query(c, "sequences of " + owner, """
                    select s.sequence_name, s.min_value, s.max_value, s.increment_by, s.cycle_flag, s.cache_size, s.last_number
                    from all_sequences s where s.sequence_owner = ? %s order by s.sequence_name""".formatted(exclude),
                    rs -> new Sequence(owner, rs.getString(1), "number", toLong(rs.getBigDecimal(7)), toLong(rs.getBigDecimal(4)),
                            toLong(rs.getBigDecimal(2)), toLong(rs.getBigDecimal(3)), toLong(rs.getBigDecimal(6)), "Y".equals(rs.getString(5)),
                            toLong(rs.getBigDecimal(7)), null), owner);
            out.forEach(s -> listener.onObject("sequence", owner + "." + s.name()));
            return out;
        }

        // ------------------------------------------------------------ routines, packages, triggers, types

        private List<Routine> readRoutines() throws SQLException {
            record ArgRow(String object, int position, String name, String mode, String type, String defaulted) {
            }
            Map<String, List<ArgRow>> args = new HashMap<>();
            query(c, "routine arguments of " + owner, """
                    select object_name, position, argument_name, in_out, data_type, type_owner, type_name, pls_type, defaulted
                    from all_arguments
                    where owner = ? and package_name is null and data_level = 0
                    order by object_name, sequence""", rs -> {
                String object = rs.getString(1);
                int position = rs.getInt(2);
                String name = rs.getString(3);
                String mode = rs.getString(4);
                String dataType = rs.getString(5);
                String typeOwner = rs.getString(6);
                String typeName = rs.getString(7);
                String plsType = rs.getString(8);
                String defaulted = rs.getString(9);
                String type = typeName != null ? (typeOwner == null ? typeName : typeOwner + "." + typeName)
                        : plsType != null ? plsType : dataType;
                args.computeIfAbsent(object, k -> new ArrayList<>()).add(new ArgRow(object, position, name, mode, type, defaulted));
                return null;
            }, owner);
            Map<String, Boolean> deterministic = new HashMap<>();
            query(c, "routine flags of " + owner, """
                    select object_name, deterministic from all_procedures
                    where owner = ? and object_type in ('FUNCTION', 'PROCEDURE') and procedure_name is null""",
                    rs -> deterministic.put(rs.getString(1), "YES".equals(rs.getString(2))), owner);
            List<String[]> objects = query(c, "routines of " + owner, """
                    select object_name, object_type from all_objects
                    where owner = ? and object_type in ('FUNCTION', 'PROCEDURE') order by object_name""",
                    rs -> new String[]{rs.getString(1), rs.getString(2)}, owner);
            List<Routine> out = new ArrayList<>();
            for (String[] o : objects) {
                boolean function = "FUNCTION".equals(o[1]);
                String returnType = null;
                List<Routine.Parameter> params = new ArrayList<>();
                for (ArgRow a : args.getOrDefault(o[0], List.of())) {
                    if (a.position == 0) {
                        returnType = a.type;
                    } else if (a.name != null || a.type != null) {
                        String mode = "IN/OUT".equals(a.mode) ? "INOUT" : a.mode == null ? "IN" : a.mode;
                        // ALL_ARGUMENTS does not expose default expressions reliably; "DEFAULT" marks that one exists
                        params.add(new Routine.Parameter(a.name, mode, a.type, "Y".equals(a.defaulted) ? "DEFAULT" : null));
                    }
                }
                String source = request.includeSource() ? source(o[1], o[0]) : null;
                out.add(new Routine(owner, o[0], function ? Routine.Kind.FUNCTION : Routine.Kind.PROCEDURE, params, returnType, "plsql",
                        deterministic.getOrDefault(o[0], false), source, null));
                listener.onObject(function ? "function" : "procedure", owner + "." + o[0]);
            }
            return out;
        }

        private List<PackageDef> readPackages() throws SQLException {
            List<String> names = query(c, "packages of " + owner,
                    "select object_name from all_objects where owner = ? and object_type = 'PACKAGE' order by object_name", rs -> rs.getString(1), owner);
            List<PackageDef> out = new ArrayList<>();
            for (String n : names) {
                String spec = request.includeSource() ? source("PACKAGE", n) : null;
                String body = request.includeSource() ? sourceOrNull("PACKAGE BODY", n) : null;
                out.add(new PackageDef(owner, n, spec, body));
                listener.onObject("package", owner + "." + n);
            }
            return out;
        }

        private List<Trigger> readTriggers() throws SQLException {
            Map<String, List<String>> updateCols = new HashMap<>();
            query(c, "trigger columns of " + owner, """
                    select trigger_name, column_name from all_trigger_cols
                    where trigger_owner = ? and column_list = 'YES' order by trigger_name, column_name""", rs -> {
                updateCols.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                return null;
            }, owner);
            record TrigRow(String name, String type, String event, String tableOwner, String table, String when, boolean enabled) {
            }
            List<TrigRow> rows = query(c, "triggers of " + owner, """
                    select trigger_name, trigger_type, triggering_event, table_owner, table_name, when_clause, status
                    from all_triggers
                    where owner = ? and base_object_type in ('TABLE', 'VIEW') and trigger_name not like 'BIN$%'
                    order by table_name, trigger_name""",
                    rs -> new TrigRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), "ENABLED".equals(rs.getString(7))), owner);
            List<Trigger> out = new ArrayList<>();
            for (TrigRow t : rows) {
                String type = t.type == null ? "" : t.type.toUpperCase(Locale.ROOT);
                Trigger.Timing timing = type.startsWith("BEFORE") ? Trigger.Timing.BEFORE
                        : type.startsWith("AFTER") ? Trigger.Timing.AFTER
                        : type.startsWith("INSTEAD") ? Trigger.Timing.INSTEAD_OF : Trigger.Timing.COMPOUND;
                Trigger.Level level = type.contains("EACH ROW") || timing == Trigger.Timing.INSTEAD_OF ? Trigger.Level.ROW
                        : timing == Trigger.Timing.COMPOUND ? Trigger.Level.ROW : Trigger.Level.STATEMENT;
                List<String> events = new ArrayList<>();
                for (String e : (t.event == null ? "" : t.event).split("\\s+OR\\s+")) {
                    if (!e.isBlank()) {
                        events.add(e.trim().toUpperCase(Locale.ROOT));
                    }
                }
                String source = request.includeSource() ? source("TRIGGER", t.name) : null;
                out.add(new Trigger(owner, t.name, t.tableOwner, t.table, timing, events, updateCols.getOrDefault(t.name, List.of()), level,
                        blankToNull(t.when), t.enabled, source));
                listener.onObject("trigger", owner + "." + t.name);
            }
            return out;
        }

        private List<UserType> readTypes() throws SQLException {
            Map<String, List<Column>> attrs = new HashMap<>();
            query(c, "type attributes of " + owner, """
                    select type_name, attr_name, attr_no, attr_type_owner, attr_type_name, length, precision, scale, char_used
                    from all_type_attrs where owner = ? order by type_name, attr_no""", rs -> {
                String type = rs.getString(1);
                String name = rs.getString(2);
                int no = rs.getInt(3);
                String tOwner = rs.getString(4);
                String tName = rs.getString(5);
                Long length = longOrNull(rs, 6);
                Integer precision = intOrNull(rs, 7);
                Integer scale = intOrNull(rs, 8);
                String charUsed = rs.getString(9);
                attrs.computeIfAbsent(type, k -> new ArrayList<>())
                        .add(Column.of(name, no, dataType(tName, tOwner, length, precision, scale, charUsed, length), true));
                return null;
            }, owner);
            Map<String, String[]> colls = new HashMap<>();
            query(c, "collection types of " + owner, """
                    select type_name, coll_type, elem_type_owner, elem_type_name, length, precision, scale, upper_bound
                    from all_coll_types where owner = ?""", rs -> {
                String name = rs.getString(1);
                String coll = rs.getString(2);
                String eOwner = rs.getString(3);
                String eName = rs.getString(4);
                Long length = longOrNull(rs, 5);
                Integer precision = intOrNull(rs, 6);
                Integer scale = intOrNull(rs, 7);
                String element = dataType(eName, eOwner, length, precision, scale, null, length).declared();
                colls.put(name, new String[]{coll, element, rs.getString(8)});
                return null;
            }, owner);
            List<String[]> rows = query(c, "types of " + owner, "select type_name, typecode from all_types where owner = ? order by type_name",
                    rs -> new String[]{rs.getString(1), rs.getString(2)}, owner);
            List<UserType> out = new ArrayList<>();
            for (String[] r : rows) {
                String[] coll = colls.get(r[0]);
                UserType.Kind kind;
                String element = null;
                if (coll != null) {
                    kind = "TABLE".equals(coll[0]) ? UserType.Kind.NESTED_TABLE : UserType.Kind.VARRAY;
                    element = coll[1];
                } else {
                    kind = "OBJECT".equals(r[1]) ? UserType.Kind.OBJECT : UserType.Kind.OTHER;
                }
                String source = null;
                if (request.includeSource()) {
                    source = sourceOrNull("TYPE", r[0]);
                    String body = sourceOrNull("TYPE BODY", r[0]);
                    if (source != null && body != null) {
                        source = source + "\n/\n" + body;
                    }
                }
                out.add(new UserType(owner, r[0], kind, List.of(), attrs.getOrDefault(r[0], List.of()), element, source));
                listener.onObject("type", owner + "." + r[0]);
            }
            return out;
        }

        /** {@code CREATE OR REPLACE} + ALL_SOURCE text, else DBMS_METADATA.GET_DDL, else {@code null}. */
        private String source(String type, String name) throws SQLException {
            String s = sourceOrNull(type, name);
            return s != null ? s : metadataDdl(type, name);
        }

        private String sourceOrNull(String type, String name) throws SQLException {
            List<String> lines = query(c, type.toLowerCase(Locale.ROOT) + " source of " + owner + "." + name,
                    "select text from all_source where owner = ? and name = ? and type = ? order by line", rs -> rs.getString(1),
                    owner, name, type);
            if (lines.isEmpty()) {
                return null;
            }
            String text = String.join("", lines).stripTrailing();
            return "CREATE OR REPLACE " + text;
        }

        private String metadataDdl(String type, String name) {
            String objectType = type.replace(' ', '_');
            try (PreparedStatement ps = c.prepareStatement("select dbms_metadata.get_ddl(?, ?, ?) from dual")) {
                ps.setString(1, objectType);
                ps.setString(2, name);
                ps.setString(3, owner);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? trimSql(rs.getString(1)) : null;
                }
            } catch (SQLException e) {
                LOG.warn("no DDL for {} {}.{}: {}", type.toLowerCase(Locale.ROOT), owner, name, Redaction.redact(e.getMessage()));
                return null;
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Builds the {@link DataType} of an {@code ALL_TAB_COLS} row: {@code VARCHAR2(30 CHAR)}, {@code NUMBER(10,2)},
     * {@code NUMBER(*,0)}, {@code TIMESTAMP(6) WITH TIME ZONE}, {@code RAW(16)}, {@code HR.ADDRESS_T}.
     */
    static DataType dataType(String dataType, String typeOwner, Long dataLength, Integer precision, Integer scale, String charUsed,
                             Long charLength) {
        String raw = dataType == null ? "UNKNOWN" : dataType;
        if (typeOwner != null && !"SYS".equals(typeOwner) && !"PUBLIC".equals(typeOwner)) {
            String name = typeOwner + "." + raw;
            return new DataType(name, null, null, null, null, false, false, List.of(), 0, name);
        }
        // TIMESTAMP(6) WITH TIME ZONE / INTERVAL DAY(2) TO SECOND(6): the precision is part of the name
        String base = raw.replaceAll("\\(\\d+\\)", "").replaceAll("\\s+", " ").trim();
        String lower = base.toLowerCase(Locale.ROOT);
        Long length = null;
        Integer p = null;
        Integer s = null;
        DataType.CharSemantics semantics = null;
        String declared;
        switch (base) {
            case "VARCHAR2": case "CHAR": case "NVARCHAR2": case "NCHAR":
                boolean national = base.startsWith("N");
                length = national ? charLength : ("C".equals(charUsed) ? charLength : dataLength);
                if (!national) {
                    semantics = "C".equals(charUsed) ? DataType.CharSemantics.CHAR : DataType.CharSemantics.BYTE;
                }
                declared = base + "(" + length + (national ? "" : semantics == DataType.CharSemantics.CHAR ? " CHAR" : " BYTE") + ")";
                break;
            case "RAW":
                length = dataLength;
                declared = "RAW(" + length + ")";
                break;
            case "NUMBER":
                p = precision;
                s = scale;
                if (p == null && s == null) {
                    declared = "NUMBER";
                } else if (p == null) {
                    declared = "NUMBER(*," + s + ")";
                } else {
                    declared = "NUMBER(" + p + "," + (s == null ? 0 : s) + ")";
                }
                break;
            case "FLOAT":
                p = precision;
                declared = p == null ? "FLOAT" : "FLOAT(" + p + ")";
                break;
            default:
                if (base.startsWith("TIMESTAMP")) {
                    p = scale != null ? scale : firstNumber(raw);
                } else if (base.startsWith("INTERVAL")) {
                    p = precision;
                    s = scale;
                }
                declared = raw;
        }
        return new DataType(lower, length, p, s, semantics, false, false, List.of(), 0, declared);
    }

    private static Integer firstNumber(String s) {
        Matcher m = Pattern.compile("\\((\\d+)\\)").matcher(s);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    static String indexMethod(String indexType) {
        if (indexType == null) {
            return null;
        }
        String t = indexType.toUpperCase(Locale.ROOT);
        if (t.contains("BITMAP")) {
            return "bitmap";
        }
        if (t.contains("/REV")) {
            return "reverse";
        }
        if (t.startsWith("DOMAIN")) {
            return "domain";
        }
        return "btree";
    }

    private static String trimSql(String sql) {
        if (sql == null) {
            return null;
        }
        String t = sql.trim();
        while (t.endsWith(";") || t.endsWith("/")) {
            t = t.substring(0, t.length() - 1).trim();
        }
        return t;
    }

    private static Long match(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? Long.valueOf(m.group(1)) : null;
    }

    /** Oracle NUMBERs beyond a long (e.g. the default sequence MAXVALUE 10^28-1) become {@code null}. */
    static Long toLong(BigDecimal d) {
        if (d == null) {
            return null;
        }
        try {
            return d.longValueExact();
        } catch (ArithmeticException e) {
            return null;
        }
    }

    private static Long longOrNull(ResultSet rs, int column) throws SQLException {
        BigDecimal d = rs.getBigDecimal(column);
        return toLong(d);
    }

    private static Integer intOrNull(ResultSet rs, int column) throws SQLException {
        BigDecimal d = rs.getBigDecimal(column);
        return d == null ? null : d.intValue();
    }
}
