package dev.ferry.engine.load.postgres;

import dev.ferry.engine.load.ColumnMapping;
import dev.ferry.engine.load.Sql;
import dev.ferry.engine.load.TableJob;
import dev.ferry.model.schema.Engine;
import dev.ferry.model.schema.QualifiedName;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Index builds after the data, as pgcopydb and pgloader do, for a PostgreSQL target table that a load fills from empty:
 * its indexes are dropped before the first range and re-created (one sort per index instead of one index insertion per
 * row) as soon as the table's last range has committed. What is dropped is recorded in the target's
 * {@code ferry_deferred_index} in the SAME transaction as the drops, so a load killed in between re-creates them when
 * it is resumed (and a re-create is skipped for an index that exists again, e.g. after a redeploy).
 *
 * <p>Not for a table in a publication (its replica identity) or one locked by another session for more than 5 s.
 * Only indexes whose later build cannot fail because of the data are deferred: plain column indexes (no expression,
 * no predicate), valid, not an exclusion constraint, not the replica identity, not used by a foreign key of any table;
 * a unique one (or a primary key / unique constraint) only when its columns are exactly the target columns of the
 * source table's key and none of them has a collation (the source key already guarantees the uniqueness: a duplicate
 * could never reach the build, and rejected rows keep going to {@code ferry_exceptions} as before). A constraint is
 * re-created with its name and definition ({@code pg_get_constraintdef}), an index with {@code pg_get_indexdef}.
 *
 * <p>Stateless; each method uses the caller's connection and does not commit unless it says so.
 */
public final class PostgresDeferredIndexes {

    /** One dropped index: its name and the statement that re-creates it. */
    public record Deferred(String indexName, String createSql) {
    }

    private PostgresDeferredIndexes() {
    }

    /** The control table's DDL. */
    public static String ddl(String table) {
        return "CREATE TABLE IF NOT EXISTS " + table + " (task varchar(100) NOT NULL, table_name varchar(400) NOT NULL, "
                + "position integer NOT NULL, index_schema varchar(400) NOT NULL, index_name varchar(400) NOT NULL, "
                + "create_sql text NOT NULL, dropped_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP, "
                + "PRIMARY KEY (task, table_name, position))";
    }

    /** Every table's pending re-creates of {@code task}, by the source table key, in their original order. */
    public static Map<String, List<Deferred>> pending(Connection c, String table, String task) throws SQLException {
        Map<String, List<Deferred>> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT table_name, index_schema, index_name, create_sql FROM " + table
                + " WHERE task = ? ORDER BY table_name, position")) {
            ps.setString(1, task);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Deferred(
                            rs.getString(2) + "." + rs.getString(3), rs.getString(4)));
                }
            }
        }
        return out;
    }

    /**
     * Drops the deferrable indexes of {@code job}'s target table when it is an empty ordinary table, recording them in
     * {@code table}; commits. Returns what was dropped (empty when nothing was: the table has rows or no such index).
     */
    public static List<Deferred> defer(Connection c, String table, String task, TableJob job) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            List<Deferred> dropped = new ArrayList<>();
            String target = Sql.quote(Engine.POSTGRESQL, job.target());
            try (Statement st = c.createStatement()) {
                // the lock keeps the table as seen: no row can arrive between the emptiness check and the drops; a
                // table busy elsewhere keeps its indexes rather than holding up the load
                st.execute("SET LOCAL lock_timeout = '5s'");
                st.execute("LOCK TABLE " + target + " IN SHARE ROW EXCLUSIVE MODE");
                // published tables keep their indexes: the replica identity of a redone range's DELETE needs the key
                try (ResultSet rs = st.executeQuery("SELECT c.relkind = 'r' AND NOT c.relhassubclass AND NOT c.relispartition"
                        + " AND NOT EXISTS (SELECT 1 FROM pg_publication_rel r WHERE r.prrelid = c.oid)"
                        + " AND NOT EXISTS (SELECT 1 FROM pg_publication p WHERE p.puballtables)"
                        + " AND NOT EXISTS (SELECT 1 FROM " + target + ") FROM pg_class c WHERE c.oid = '"
                        + target.replace("'", "''") + "'::regclass")) {
                    if (!rs.next() || !rs.getBoolean(1)) {
                        c.rollback();
                        return List.of();
                    }
                }
            }
            Set<String> key = keyTargetColumns(job);
            List<String[]> drops = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT n.nspname, ic.relname, i.indisunique, con.conname, con.contype, pg_get_indexdef(i.indexrelid),"
                    + " pg_get_constraintdef(con.oid),"
                    + " ARRAY(SELECT a.attname FROM unnest(i.indkey) k(attnum) JOIN pg_attribute a"
                    + "       ON a.attrelid = i.indrelid AND a.attnum = k.attnum)::text[],"
                    + " NOT EXISTS (SELECT 1 FROM unnest(i.indkey) k(attnum) JOIN pg_attribute a"
                    + "       ON a.attrelid = i.indrelid AND a.attnum = k.attnum WHERE a.attcollation <> 0),"
                    + " i.indexprs IS NULL AND i.indpred IS NULL AND i.indisvalid AND i.indisready AND NOT i.indisreplident"
                    + "   AND NOT i.indisexclusion AND 0 <> ALL (i.indkey::int2[])"
                    + "   AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.conindid = i.indexrelid)"
                    + "   AND (con.oid IS NULL OR (con.contype IN ('p', 'u') AND con.conname = ic.relname))"
                    + " FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_namespace n ON n.oid = ic.relnamespace"
                    + " LEFT JOIN pg_constraint con ON con.conindid = i.indexrelid AND con.conrelid = i.indrelid"
                    + "   AND con.contype IN ('p', 'u', 'x')"
                    + " WHERE i.indrelid = ?::regclass ORDER BY coalesce(con.contype = 'p', false) DESC, ic.relname")) {
                ps.setString(1, target);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (!rs.getBoolean(10)) {
                            continue;
                        }
                        boolean unique = rs.getBoolean(3);
                        if (unique) {
                            Array a = rs.getArray(8);
                            Set<String> cols = new HashSet<>();
                            for (Object o : (Object[]) a.getArray()) {
                                cols.add(String.valueOf(o).toLowerCase(Locale.ROOT));
                            }
                            if (key.isEmpty() || !cols.equals(key) || !rs.getBoolean(9)) {
                                continue; // only the source key vouches for the uniqueness
                            }
                        }
                        String schema = rs.getString(1);
                        String name = rs.getString(2);
                        String conname = rs.getString(4);
                        String create = conname == null ? rs.getString(6)
                                : "ALTER TABLE " + target + " ADD CONSTRAINT " + Sql.quote(Engine.POSTGRESQL, conname)
                                + " " + rs.getString(7);
                        String drop = conname == null
                                ? "DROP INDEX " + Sql.quote(Engine.POSTGRESQL, new QualifiedName(schema, name))
                                : "ALTER TABLE " + target + " DROP CONSTRAINT " + Sql.quote(Engine.POSTGRESQL, conname);
                        drops.add(new String[] {schema, name, create, drop});
                    }
                }
            }
            if (drops.isEmpty()) {
                c.rollback();
                return List.of();
            }
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO " + table
                    + " (task, table_name, position, index_schema, index_name, create_sql) VALUES (?,?,?,?,?,?)");
                 Statement st = c.createStatement()) {
                int pos = 0;
                for (String[] d : drops) {
                    ins.setString(1, task);
                    ins.setString(2, job.tableKey());
                    ins.setInt(3, pos++);
                    ins.setString(4, d[0]);
                    ins.setString(5, d[1]);
                    ins.setString(6, d[2]);
                    ins.executeUpdate();
                    st.execute(d[3]);
                    dropped.add(new Deferred(d[0] + "." + d[1], d[2]));
                }
            }
            c.commit();
            return dropped;
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // the caller closes the connection
            }
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    /**
     * Re-creates the recorded indexes of one table and forgets them, in one transaction (commits). An index that
     * exists again is not re-created.
     */
    public static int build(Connection c, String table, String task, String tableKey, List<Deferred> deferred) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        int built = 0;
        try (Statement st = c.createStatement();
             PreparedStatement exists = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            for (Deferred d : deferred) {
                int dot = d.indexName().indexOf('.');
                exists.setString(1, Sql.quote(Engine.POSTGRESQL, new QualifiedName(d.indexName().substring(0, dot),
                        d.indexName().substring(dot + 1))));
                boolean there;
                try (ResultSet rs = exists.executeQuery()) {
                    rs.next();
                    there = rs.getBoolean(1);
                }
                if (!there) {
                    st.execute(d.createSql());
                    built++;
                }
            }
            try (PreparedStatement del = c.prepareStatement("DELETE FROM " + table + " WHERE task = ? AND table_name = ?")) {
                del.setString(1, task);
                del.setString(2, tableKey);
                del.executeUpdate();
            }
            c.commit();
            return built;
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // the caller closes the connection
            }
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    /** The target column names (lower case) that the source key columns are copied into; empty without a key. */
    private static Set<String> keyTargetColumns(TableJob job) {
        Set<String> out = new HashSet<>();
        for (String k : job.keyColumns()) {
            ColumnMapping m = job.columns().stream().filter(x -> x.computed() == null && x.source().name().equalsIgnoreCase(k))
                    .findFirst().orElse(null);
            if (m == null) {
                return Set.of(); // the key is not copied whole: nothing vouches for a unique target index
            }
            out.add(m.target().name().toLowerCase(Locale.ROOT));
        }
        return out;
    }
}
