package dev.ferry.engine.deploy;

import dev.ferry.engine.load.Sql;
import dev.ferry.model.schema.Engine;
import dev.ferry.model.schema.QualifiedName;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Advances every sequence, identity and auto-increment counter that feeds a column past the column's maximum, so the
 * first insert after a cutover does not collide with loaded rows. Counters are only ever moved forward.
 *
 * <ul>
 *   <li>PostgreSQL: sequences owned by a column ({@code serial}, {@code OWNED BY}) and identity columns:
 *       {@code setval(seq, max)} when the sequence's next value is not above the maximum (ascending sequences).</li>
 *   <li>MySQL/MariaDB: {@code ALTER TABLE t AUTO_INCREMENT = max + 1} when the counter is not above the maximum.</li>
 *   <li>SQLite: {@code sqlite_sequence} of {@code AUTOINCREMENT} tables raised to the maximum rowid.</li>
 * </ul>
 *
 * <p>Threading: stateless; {@link #advance} uses the given connection from the calling thread only and leaves its
 * auto-commit state as it found it (each change is its own statement).
 */
public final class SequenceAdvancer {

    /**
     * One counter that was looked at.
     *
     * @param table    the table
     * @param column   the column it feeds
     * @param counter  the sequence (PostgreSQL, qualified), {@code AUTO_INCREMENT} or {@code sqlite_sequence}
     * @param maxValue the column's maximum, or {@code null} when the table is empty
     * @param before   the next value the counter would have handed out
     * @param after    the next value it hands out now
     */
    public record Advance(QualifiedName table, String column, String counter, Long maxValue, long before, long after) {
        public boolean changed() {
            return after != before;
        }
    }

    private final Engine engine;

    public SequenceAdvancer(Engine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    /**
     * Advances the counters of {@code tables} (all tables of the connection's database with a counter when empty).
     *
     * @return every counter looked at, changed or not
     * @throws SQLException naming the table when a query fails
     */
    public List<Advance> advance(Connection c, Collection<QualifiedName> tables) throws SQLException {
        return switch (engine) {
            case POSTGRESQL -> postgres(c, tables);
            case MYSQL -> mysql(c, tables);
            case SQLITE -> sqlite(c, tables);
            default -> throw new IllegalArgumentException("sequences of " + engine.displayName() + " are not supported");
        };
    }

    private static boolean wanted(Collection<QualifiedName> tables, String schema, String table) {
        return tables.isEmpty() || tables.stream().anyMatch(t -> t.name().equalsIgnoreCase(table)
                && (t.schema() == null || t.schema().isEmpty() || t.schema().equalsIgnoreCase(schema)));
    }

    private List<Advance> postgres(Connection c, Collection<QualifiedName> tables) throws SQLException {
        record Owned(String schema, String table, String column, String seqSchema, String seq, long increment) {
        }
        List<Owned> owned = new ArrayList<>();
        // deptype 'a': serial / OWNED BY; 'i': identity column
        String q = """
                select tn.nspname, t.relname, a.attname, sn.nspname as seq_schema, s.relname as seq, ps.seqincrement
                from pg_depend d
                join pg_class s on s.oid = d.objid and s.relkind = 'S'
                join pg_namespace sn on sn.oid = s.relnamespace
                join pg_sequence ps on ps.seqrelid = s.oid
                join pg_class t on t.oid = d.refobjid
                join pg_namespace tn on tn.oid = t.relnamespace
                join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
                where d.classid = 'pg_class'::regclass and d.refclassid = 'pg_class'::regclass and d.deptype in ('a', 'i')
                  and tn.nspname not in ('pg_catalog', 'information_schema')
                order by 1, 2, 3""";
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(q)) {
            while (rs.next()) {
                if (wanted(tables, rs.getString(1), rs.getString(2))) {
                    owned.add(new Owned(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getLong(6)));
                }
            }
        }
        List<Advance> out = new ArrayList<>();
        for (Owned o : owned) {
            QualifiedName table = new QualifiedName(o.schema(), o.table());
            String seq = Sql.quote(Engine.POSTGRESQL, new QualifiedName(o.seqSchema(), o.seq()));
            Long max = max(c, table, o.column());
            long next;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT last_value, is_called FROM " + seq)) {
                rs.next();
                next = rs.getBoolean(2) ? rs.getLong(1) + o.increment() : rs.getLong(1);
            }
            long after = next;
            if (max != null && o.increment() > 0 && next <= max) {
                try (PreparedStatement ps = c.prepareStatement("SELECT setval(?::regclass, ?, true)")) {
                    ps.setString(1, seq);
                    ps.setLong(2, max);
                    ps.executeQuery().close();
                }
                after = max + o.increment();
            }
            out.add(new Advance(table, o.column(), o.seqSchema() + "." + o.seq(), max, next, after));
        }
        return out;
    }

    private List<Advance> mysql(Connection c, Collection<QualifiedName> tables) throws SQLException {
        record Auto(String schema, String table, String column, long next) {
        }
        List<Auto> autos = new ArrayList<>();
        String q = """
                select c.TABLE_SCHEMA, c.TABLE_NAME, c.COLUMN_NAME, t.AUTO_INCREMENT
                from information_schema.COLUMNS c
                join information_schema.TABLES t on t.TABLE_SCHEMA = c.TABLE_SCHEMA and t.TABLE_NAME = c.TABLE_NAME
                where c.EXTRA like '%auto_increment%' and t.TABLE_TYPE = 'BASE TABLE'
                  and c.TABLE_SCHEMA not in ('mysql', 'information_schema', 'performance_schema', 'sys')
                  and (? or c.TABLE_SCHEMA = database())
                order by 1, 2""";
        try (PreparedStatement ps = c.prepareStatement(q)) {
            ps.setBoolean(1, !tables.isEmpty());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (wanted(tables, rs.getString(1), rs.getString(2))) {
                        autos.add(new Auto(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
                    }
                }
            }
        }
        List<Advance> out = new ArrayList<>();
        for (Auto a : autos) {
            QualifiedName table = new QualifiedName(a.schema(), a.table());
            Long max = max(c, table, a.column());
            long after = a.next();
            if (max != null && a.next() <= max) {
                try (Statement st = c.createStatement()) {
                    st.execute("ALTER TABLE " + Sql.quote(Engine.MYSQL, table) + " AUTO_INCREMENT = " + (max + 1));
                }
                after = max + 1;
            }
            out.add(new Advance(table, a.column(), "AUTO_INCREMENT", max, a.next(), after));
        }
        return out;
    }

    private List<Advance> sqlite(Connection c, Collection<QualifiedName> tables) throws SQLException {
        // sqlite_sequence exists once an AUTOINCREMENT table was created and holds a row per such table that ever had
        // a row inserted; a table without a row there has nothing to protect
        List<String> names = new ArrayList<>();
        List<Long> seqs = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select count(*) from sqlite_master where type = 'table' and name = 'sqlite_sequence'")) {
            rs.next();
            if (rs.getInt(1) == 0) {
                return List.of();
            }
        }
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select name, seq from sqlite_sequence order by name")) {
            while (rs.next()) {
                if (wanted(tables, "main", rs.getString(1))) {
                    names.add(rs.getString(1));
                    seqs.add(rs.getLong(2));
                }
            }
        }
        List<Advance> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            long seq = seqs.get(i);
            QualifiedName table = new QualifiedName(null, name);
            Long max = max(c, table, "rowid");
            long after = seq + 1;
            if (max != null && seq < max) {
                try (PreparedStatement ps = c.prepareStatement("update sqlite_sequence set seq = ? where name = ?")) {
                    ps.setLong(1, max);
                    ps.setString(2, name);
                    ps.executeUpdate();
                }
                after = max + 1;
            }
            out.add(new Advance(table, "rowid", "sqlite_sequence", max, seq + 1, after));
        }
        return out;
    }

    private Long max(Connection c, QualifiedName table, String column) throws SQLException {
        String sql = "SELECT MAX(" + ("rowid".equals(column) && engine == Engine.SQLITE ? "rowid" : Sql.quote(engine, column))
                + ") FROM " + Sql.quote(engine, table);
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            long v = rs.getLong(1);
            return rs.wasNull() ? null : v;
        } catch (SQLException e) {
            throw new SQLException("reading the maximum of " + table + "." + column + ": " + e.getMessage(), e.getSQLState(), e);
        }
    }
}
