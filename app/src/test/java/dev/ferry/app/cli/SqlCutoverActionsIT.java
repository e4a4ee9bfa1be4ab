package dev.ferry.app.cli;

import dev.ferry.engine.load.LoadEndpoint;
import dev.ferry.model.schema.Engine;
import dev.ferry.model.schema.QualifiedName;
import dev.ferry.testsupport.TestDatabases;
import dev.ferry.testsupport.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.ferry.app.cli.CdcCliSupport.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The built-in cutover actions on real targets: sequences and AUTO_INCREMENT past the maximum, post-load scripts. */
class SqlCutoverActionsIT {

    @TempDir
    Path dir;

    @Test
    void postgresSerialIdentityEmptyAndAheadSequences() throws Exception {
        TestServer pg = TestDatabases.postgres();
        String db = pg.createDatabase("cdccli_seq");
        pg.execute(db, "CREATE SCHEMA \"Sales\"",
                "CREATE TABLE \"Sales\".\"Order\" (\"Id\" serial PRIMARY KEY, note text)",
                "INSERT INTO \"Sales\".\"Order\" (\"Id\", note) VALUES (41, 'a'), (7, 'b')",
                "CREATE TABLE items (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, v text)",
                "INSERT INTO items OVERRIDING SYSTEM VALUE VALUES (1000, 'x')",
                "CREATE TABLE empty_t (id serial PRIMARY KEY)",
                "CREATE TABLE ahead (id serial PRIMARY KEY)", "SELECT setval('ahead_id_seq', 500)", "INSERT INTO ahead VALUES (10)",
                "CREATE TABLE plain (id int PRIMARY KEY)");
        LoadEndpoint target = new LoadEndpoint(Engine.POSTGRESQL, () -> pg.connect(db));
        List<CutoverActions.SequenceAdvance> done = new SqlCutoverActions(null).advanceSequences(target, List.of(
                new QualifiedName("Sales", "Order"), new QualifiedName("public", "items"), new QualifiedName("public", "empty_t"),
                new QualifiedName("public", "ahead"), new QualifiedName("public", "plain")));
        assertThat(done).extracting(CutoverActions.SequenceAdvance::table, CutoverActions.SequenceAdvance::next).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Sales.Order", 42L), org.assertj.core.groups.Tuple.tuple("public.items", 1001L),
                org.assertj.core.groups.Tuple.tuple("public.empty_t", 1L), org.assertj.core.groups.Tuple.tuple("public.ahead", 501L));
        assertThat(count(pg, db, "INSERT INTO \"Sales\".\"Order\" (note) VALUES ('new') RETURNING \"Id\"")).isEqualTo(42);
        assertThat(count(pg, db, "INSERT INTO items (v) VALUES ('new') RETURNING id")).isEqualTo(1001);
        assertThat(count(pg, db, "INSERT INTO empty_t DEFAULT VALUES RETURNING id")).isEqualTo(1);
        assertThat(count(pg, db, "INSERT INTO ahead DEFAULT VALUES RETURNING id")).as("never moved back").isEqualTo(501);
    }

    @Test
    void mariaDbAutoIncrementAndPostLoadScripts() throws Exception {
        TestServer maria = TestDatabases.mysql();
        String db = maria.createDatabase("cdccli_ai");
        maria.execute(db, "CREATE TABLE t (id int AUTO_INCREMENT PRIMARY KEY, v varchar(10)) ENGINE=InnoDB",
                "INSERT INTO t VALUES (77, 'x')", "CREATE TABLE n (id int PRIMARY KEY) ENGINE=InnoDB");
        LoadEndpoint target = new LoadEndpoint(Engine.MYSQL, () -> maria.connect(db));
        List<CutoverActions.SequenceAdvance> done = new SqlCutoverActions(null).advanceSequences(target,
                List.of(new QualifiedName(db, "t"), new QualifiedName(db, "n")));
        assertThat(done).singleElement().satisfies(a -> {
            assertThat(a.migratedMax()).isEqualTo(77L);
            assertThat(a.next()).isEqualTo(78L);
        });
        maria.execute(db, "INSERT INTO t (v) VALUES ('y')");
        assertThat(count(maria, db, "SELECT max(id) FROM t")).isEqualTo(78);

        Path scripts = dir.resolve("post");
        Files.createDirectories(scripts);
        Files.writeString(scripts.resolve("02-fk.sql"), "ALTER TABLE t ADD INDEX t_v (v);\n");
        Files.writeString(scripts.resolve("01-idx.sql"), "CREATE TABLE audit (id int PRIMARY KEY);\nINSERT INTO audit VALUES (1);\n");
        Files.writeString(scripts.resolve("notes.txt"), "not a script");
        assertThat(new SqlCutoverActions(scripts).runPostLoadDeploy(target))
                .containsExactly("ran 01-idx.sql: 2 statements", "ran 02-fk.sql: 1 statements");
        assertThat(count(maria, db, "SELECT count(*) FROM audit")).isOne();
        assertThat(new SqlCutoverActions(null).runPostLoadDeploy(target)).singleElement().asString().startsWith("nothing configured");
        Files.writeString(scripts.resolve("03-bad.sql"), "CREATE TABLE audit (id int);\n");
        assertThatThrownBy(() -> new SqlCutoverActions(scripts.resolve("03-bad.sql")).runPostLoadDeploy(target))
                .hasMessageContaining("03-bad.sql line 1");
    }
}
