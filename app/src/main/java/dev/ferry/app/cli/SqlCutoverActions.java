package dev.ferry.app.cli;

import dev.ferry.engine.load.LoadEndpoint;
import dev.ferry.engine.load.Sql;
import dev.ferry.engine.sql.SqlScriptRunner;
import dev.ferry.model.schema.Engine;
import dev.ferry.model.schema.QualifiedName;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The built-in {@link CutoverActions}: plain SQL per target engine.
 *
 * <ul>
 *   <li>PostgreSQL: for every column of the migrated tables that owns a sequence ({@code serial} or identity, found
 *       with {@code pg_get_serial_sequence}), {@code setval(seq, max(column))} so the next value is {@code max + 1};
 *       a sequence already further ahead is left alone; an empty table leaves the sequence at its start.</li>
 *   <li>MySQL/MariaDB: {@code ALTER TABLE ... AUTO_INCREMENT = max + 1} for each AUTO_INCREMENT column (InnoDB
 *       never lowers it below that anyway).</li>
 *   <li>Post-load deploy: the SQL scripts given ({@code --post-load-sql}: one file, or every {@code *.sql} of a
 *       folder in name order), run with {@link SqlScriptRunner}; nothing when none were given.</li>
 * </ul>
 *
 * <p>Identifiers come from the target's catalog and are quoted; values are bound. Not thread-safe.
 */
final class SqlCutoverActions implements CutoverActions {

    private final Path postLoadSql;

    SqlCutoverActions(Path postLoadSql) {
        this.postLoadSql = postLoadSql;
    }

    @Override
    public List<SequenceAdvance> advanceSequences(LoadEndpoint target, List<QualifiedName> tables) throws SQLException {
        List<SequenceAdvance> done = new ArrayList<>();
        try (Connection c = target.connections().open()) {
            for (QualifiedName t : tables) {
                if (target.engine() == Engine.POSTGRESQL) {
                    postgres(c, t, done);
                } else if (target.engine() == Engine.MYSQL) {
                    mysql(c, t, done);
                }
            }
        }
        return done;
    }

    private static void postgres(Connection c, QualifiedName t, List<SequenceAdvance> done) throws SQLException {
        String table = Sql.quote(Engine.POSTGRESQL, t);
        List<String[]> owned = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT a.attname, pg_get_serial_sequence(?, a.attname) FROM pg_attribute a"
                + " WHERE a.attrelid = ?::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum")) {
            ps.setString(1, table);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(2) != null) {
                        owned.add(new String[]{rs.getString(1), rs.getString(2)});
                    }
                }
            }
        }
        for (String[] o : owned) {
            Long max = max(c, table, Sql.quote(Engine.POSTGRESQL, o[0]));
            long last;
            boolean called;
            try (PreparedStatement ps = c.prepareStatement("SELECT last_value, is_called FROM " + o[1])) { // regclass text, quoted by the server
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    last = rs.getLong(1);
                    called = rs.getBoolean(2);
                }
            }
            long current = called ? last : last - 1; // the last value handed out
            long next;
            if (max != null && max > current) {
                try (PreparedStatement ps = c.prepareStatement("SELECT setval(?::regclass, ?, true)")) {
                    ps.setString(1, o[1]);
                    ps.setLong(2, max);
                    ps.execute();
                }
                next = max + 1;
            } else {
                next = current + 1;
            }
            done.add(new SequenceAdvance(o[1], t.toString(), o[0], max, next));
        }
    }

    private static void mysql(Connection c, QualifiedName t, List<SequenceAdvance> done) throws SQLException {
        String column = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT column_name FROM information_schema.columns WHERE table_schema = ?"
                + " AND table_name = ? AND extra LIKE '%auto_increment%'")) {
            ps.setString(1, t.schema() == null ? c.getCatalog() : t.schema());
            ps.setString(2, t.name());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    column = rs.getString(1);
                }
            }
        }
        if (column == null) {
            return;
        }
        String table = Sql.quote(Engine.MYSQL, t);
        Long max = max(c, table, Sql.quote(Engine.MYSQL, column));
        long next = max == null ? 1 : max + 1;
        try (Statement st = c.createStatement()) {
            st.execute("ALTER TABLE " + table + " AUTO_INCREMENT = " + next);
        }
        done.add(new SequenceAdvance(t + "." + column, t.toString(), column, max, next));
    }

    private static Long max(Connection c, String table, String column) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT max(" + column + ") FROM " + table)) {
            rs.next();
            long v = rs.getLong(1);
            return rs.wasNull() ? null : v;
        }
    }

    @Override
    public List<String> runPostLoadDeploy(LoadEndpoint target) throws IOException, SQLException {
        if (postLoadSql == null) {
            return List.of("nothing configured: no post-load deploy scripts were given (--post-load-sql)");
        }
        List<Path> scripts;
        if (Files.isDirectory(postLoadSql)) {
            try (Stream<Path> s = Files.list(postLoadSql)) {
                scripts = s.filter(p -> p.getFileName().toString().endsWith(".sql")).sorted().toList();
            }
        } else if (Files.isRegularFile(postLoadSql)) {
            scripts = List.of(postLoadSql);
        } else {
            throw new ConfigurationException("--post-load-sql " + postLoadSql + " is neither a file nor a folder");
        }
        SqlScriptRunner.Dialect dialect = target.engine() == Engine.POSTGRESQL ? SqlScriptRunner.Dialect.POSTGRESQL
                : target.engine() == Engine.MYSQL ? SqlScriptRunner.Dialect.MYSQL : SqlScriptRunner.Dialect.GENERIC;
        List<String> done = new ArrayList<>();
        try (Connection c = target.connections().open()) {
            for (Path p : scripts) {
                int n = SqlScriptRunner.run(c, p.toString(), Files.readString(p, StandardCharsets.UTF_8), dialect, s -> s);
                done.add("ran " + p.getFileName() + ": " + n + " statements");
            }
        }
        return done;
    }
}
