package dev.ferry.app.cli;

import dev.ferry.engine.deploy.SequenceAdvancer;
import dev.ferry.engine.load.LoadEndpoint;
import dev.ferry.engine.sql.SqlScriptRunner;
import dev.ferry.model.schema.Engine;
import dev.ferry.model.schema.QualifiedName;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The built-in {@link CutoverActions}: plain SQL per target engine.
 *
 * <ul>
 *   <li>Sequences: the engine's {@link SequenceAdvancer} (the same as the deploy's), restricted to the migrated
 *       tables: PostgreSQL sequences owned by a column ({@code serial}, identity) get {@code setval(seq, max)}, MySQL/
 *       MariaDB {@code AUTO_INCREMENT = max + 1}; a counter already further ahead is left alone, an empty table leaves
 *       it at its start.</li>
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
        if (tables.isEmpty() || (target.engine() != Engine.POSTGRESQL && target.engine() != Engine.MYSQL)) {
            return List.of(); // the advancer would take "no tables" as "every table"
        }
        List<SequenceAdvance> done = new ArrayList<>();
        try (Connection c = target.connections().open()) {
            // unqualified names: the connection's schema (PostgreSQL) or database (MySQL), never every schema
            String home = target.engine() == Engine.MYSQL ? c.getCatalog() : c.getSchema();
            List<QualifiedName> qualified = tables.stream()
                    .map(t -> t.schema() == null || t.schema().isEmpty() ? new QualifiedName(home, t.name()) : t).toList();
            List<SequenceAdvancer.Advance> adv = new ArrayList<>(new SequenceAdvancer(target.engine()).advance(c, qualified));
            adv.sort(Comparator.comparingInt(a -> indexOf(qualified, a.table())));
            for (SequenceAdvancer.Advance a : adv) {
                int i = indexOf(qualified, a.table());
                String table = i < tables.size() ? qualified.get(i).toString() : a.table().toString();
                String sequence = target.engine() == Engine.MYSQL ? table + "." + a.column() : a.counter();
                done.add(new SequenceAdvance(sequence, table, a.column(), a.maxValue(), a.after()));
            }
        }
        return done;
    }

    private static int indexOf(List<QualifiedName> tables, QualifiedName t) {
        for (int i = 0; i < tables.size(); i++) {
            QualifiedName q = tables.get(i);
            if (q.name().equalsIgnoreCase(t.name()) && (q.schema() == null || q.schema().equalsIgnoreCase(t.schema()))) {
                return i;
            }
        }
        return tables.size();
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
