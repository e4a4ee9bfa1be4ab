package dev.ferry.app.convert;

import dev.ferry.converter.assess.ConvertedObject;
import dev.ferry.converter.assess.ObjectStatus;
import dev.ferry.engine.catalog.CatalogListener;
import dev.ferry.engine.catalog.CatalogReaders;
import dev.ferry.engine.catalog.CatalogRequest;
import dev.ferry.engine.sql.SqlScriptRunner;
import dev.ferry.model.schema.Column;
import dev.ferry.model.schema.Engine;
import dev.ferry.model.schema.Schema;
import dev.ferry.model.schema.Table;
import dev.ferry.testsupport.RequiresCorpus;
import dev.ferry.testsupport.TestDatabases;
import dev.ferry.testsupport.TestServer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL → MariaDB on the corpus: Northwind and the employees PostgreSQL set are loaded into the embedded
 * PostgreSQL, read with the catalog reader, converted, verified in a throw-away MariaDB database, deployed for real
 * and the deployed catalog compared with the source model.
 */
@RequiresCorpus
class PostgresToMySqlCorpusIT {

    private static Schema load(String prefix, String fileName, String script) throws Exception {
        TestServer pg = TestDatabases.postgres();
        String db = pg.createDatabase(prefix);
        try (Connection c = pg.connect(db)) {
            SqlScriptRunner.run(c, fileName, script, SqlScriptRunner.Dialect.POSTGRESQL, null);
            return CatalogReaders.forEngine(Engine.POSTGRESQL).read(c, CatalogRequest.schemas("public"), CatalogListener.NO_OP)
                    .schema("public").orElseThrow();
        }
    }

    @Test
    void northwind() throws Exception {
        Path file = TestDatabases.corpus().orElseThrow().resolve("northwind-postgres/northwind.sql");
        Schema source = load("nw_src", "northwind.sql", Files.readString(file, StandardCharsets.UTF_8));
        MySqlTargetHarness.Run run = MySqlTargetHarness.run(Engine.POSTGRESQL, source, "nw_my");
        System.out.println(run.figures("PostgreSQL Northwind → MariaDB"));
        compare(source, run);
        // every Northwind table, key and index converts and deploys
        assertThat(run.verified().objects().stream().filter(o -> o.type().equals("TABLE"))
                .allMatch(o -> o.status() != ObjectStatus.MANUAL)).isTrue();
        Table categories = run.deployed().table("categories").orElseThrow();
        assertThat(categories.column("picture").orElseThrow().type().name()).isEqualTo("longblob");
        assertThat(categories.column("category_name").orElseThrow().type().declared()).isEqualTo("varchar(15)");
        assertThat(run.count(ObjectStatus.MANUAL)).isZero();
    }

    @Test
    void employees() throws Exception {
        Path file = TestDatabases.corpus().orElseThrow().resolve("employees/postgres/dataset_small/employee.sql");
        // the DDL part only: psql meta-commands (\echo, \i) load the data files, which this test does not need
        String ddl = Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.startsWith("\\"))
                .collect(Collectors.joining("\n"));
        Schema source = load("emp_src", "employee.sql", ddl);
        MySqlTargetHarness.Run run = MySqlTargetHarness.run(Engine.POSTGRESQL, source, "emp_my");
        System.out.println(run.figures("PostgreSQL employees → MariaDB"));
        compare(source, run);
        // serial → AUTO_INCREMENT; TEXT key column → varchar(255); the gender check and both views deploy
        Table employee = run.deployed().table("employee").orElseThrow();
        assertThat(employee.column("emp_no").orElseThrow().identity()).isNotNull();
        assertThat(run.deployed().table("department").orElseThrow().column("dept_no").orElseThrow().type().declared())
                .isEqualTo("varchar(255)");
        assertThat(run.deployed().views()).extracting(v -> v.name()).containsExactlyInAnyOrder("dept_emp_latest_date", "current_dept_emp");
        assertThat(employee.checks()).hasSize(1);
        // the PL/pgSQL trigger function and its trigger are MANUAL with recommendations
        ConvertedObject fn = run.verified().objects().stream().filter(o -> o.type().equals("ROUTINE")).findFirst().orElseThrow();
        assertThat(fn.status()).isEqualTo(ObjectStatus.MANUAL);
        assertThat(fn.actionItems()).anyMatch(i -> i.code().equals("TO-MY-0401"));
    }

    /** Tables, columns, primary keys, foreign keys, unique keys, indexes and views of the source exist in the target. */
    static void compare(Schema source, MySqlTargetHarness.Run run) {
        Schema target = run.deployed();
        for (Table s : source.tables()) {
            ConvertedObject table = run.verified().objects().stream()
                    .filter(o -> o.type().equals("TABLE") && o.name().equalsIgnoreCase(s.name())).findFirst().orElseThrow();
            if (table.status() == ObjectStatus.MANUAL) {
                continue;
            }
            Table t = target.table(s.name()).orElseThrow(() -> new AssertionError("table " + s.name() + " not deployed"));
            assertThat(t.columns()).extracting(c -> c.name().toLowerCase()).as("columns of " + s.name())
                    .containsExactlyElementsOf(s.columns().stream().map(c -> c.name().toLowerCase()).toList());
            for (Column c : s.columns()) {
                // the deployed type is the one the conversion rendered
                Column d = t.column(c.name()).orElseThrow();
                String rendered = table.convertedSql().lines().filter(l -> l.trim().startsWith(quote(d.name()) + " "))
                        .findFirst().orElseThrow().trim().substring(quote(d.name()).length() + 1);
                assertThat(MySqlTargetHarness.normalise(rendered)).as("type of " + s.name() + "." + c.name())
                        .startsWith(MySqlTargetHarness.normalise(d.type().declared()));
            }
            if (s.primaryKey() != null) {
                assertThat(t.primaryKey().columns()).as("primary key of " + s.name()).map(String::toLowerCase)
                        .containsExactlyElementsOf(s.primaryKey().columns().stream().map(String::toLowerCase).toList());
            }
            assertThat(t.foreignKeys()).as("foreign keys of " + s.name()).hasSize(s.foreignKeys().size());
            assertThat(t.uniqueKeys().size() + t.indexes().stream().filter(i -> i.unique()).count())
                    .as("unique keys of " + s.name()).isGreaterThanOrEqualTo(s.uniqueKeys().size());
            long sourceIndexes = s.indexes().stream().filter(i -> !i.constraintBacked()).count();
            assertThat(t.indexes().stream().filter(i -> !i.constraintBacked()).count()).as("indexes of " + s.name())
                    .isGreaterThanOrEqualTo(sourceIndexes);
        }
        for (var v : source.views()) {
            boolean auto = run.verified().objects().stream().anyMatch(o -> o.type().equals("VIEW") && o.name().equalsIgnoreCase(v.name())
                    && o.status() != ObjectStatus.MANUAL);
            if (auto) {
                assertThat(target.view(v.name())).as("view " + v.name()).isPresent();
            }
        }
    }

    private static String quote(String name) {
        return dev.ferry.converter.naming.MySqlIdentifiers.quote(name);
    }
}
