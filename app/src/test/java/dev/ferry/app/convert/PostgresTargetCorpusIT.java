package dev.ferry.app.convert;

import dev.ferry.converter.assess.ConversionResult;
import dev.ferry.converter.assess.ConvertedObject;
import dev.ferry.converter.assess.ObjectStatus;
import dev.ferry.converter.direction.ConversionRequest;
import dev.ferry.converter.direction.Directions;
import dev.ferry.converter.parse.StatementChunk;
import dev.ferry.converter.parse.postgres.PostgresParserFacade;
import dev.ferry.converter.types.SqliteToPostgresTypes;
import dev.ferry.converter.verify.ScratchDeployVerifier;
import dev.ferry.engine.catalog.CatalogListener;
import dev.ferry.engine.catalog.CatalogReaders;
import dev.ferry.engine.catalog.CatalogRequest;
import dev.ferry.model.schema.Column;
import dev.ferry.model.schema.DatabaseModel;
import dev.ferry.model.schema.Engine;
import dev.ferry.model.schema.ForeignKey;
import dev.ferry.model.schema.Index;
import dev.ferry.model.schema.Schema;
import dev.ferry.model.schema.Table;
import dev.ferry.model.schema.View;
import dev.ferry.testsupport.RequiresCorpus;
import dev.ferry.testsupport.TestDatabases;
import dev.ferry.testsupport.TestServer;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The directions into PostgreSQL on the sample corpora, against real databases: the source schema is read from its
 * live catalog (SQLite files; PostgreSQL databases loaded from the corpus scripts into the embedded server), converted
 * through {@link Directions}, deployed into a fresh embedded PostgreSQL database (committed), and the deployed catalog
 * is read back and compared with the source model: tables, columns and their types per the mapping, primary keys,
 * foreign keys, secondary indexes and views. No object the verifier marks AUTO may fail to deploy.
 */
class PostgresTargetCorpusIT {

    private static final Path CORPUS = TestDatabases.corpus().orElse(Path.of("../shared/corpora"));

    @Test
    @RequiresCorpus
    void chinookSqliteToPostgres() throws Exception {
        sqliteToPostgres("chinook", CORPUS.resolve("chinook/ChinookDatabase/DataSources/Chinook_Sqlite.sqlite"));
    }

    @Test
    @RequiresCorpus
    void chinookSqliteAutoIncrementToPostgres() throws Exception {
        sqliteToPostgres("chinook_ai", CORPUS.resolve("chinook/ChinookDatabase/DataSources/Chinook_Sqlite_AutoIncrementPKs.sqlite"));
    }

    @Test
    @RequiresCorpus
    void employeesSqliteToPostgres() throws Exception {
        sqliteToPostgres("employees", CORPUS.resolve("employees/sqlite/dataset_small/employee.db"));
    }

    @Test
    @RequiresCorpus
    void northwindPostgresToPostgres() throws Exception {
        postgresToPostgres("northwind", CORPUS.resolve("northwind-postgres/northwind.sql"), "northwind_copy");
    }

    @Test
    @RequiresCorpus
    void employeesPostgresToPostgres() throws Exception {
        postgresToPostgres("employees_pg", CORPUS.resolve("employees/postgres/dataset_small/employee.sql"), "public");
    }

    @Test
    @RequiresCorpus
    void sakilaLiveMySqlToPostgres() throws Exception {
        TestServer my = TestDatabases.mysql();
        String db = my.createDatabase("sakila");
        java.util.regex.Pattern qualifier = java.util.regex.Pattern.compile("\\bsakila\\b(?=\\s*;|\\s*$|\\.)");
        Schema source;
        try (Connection c = my.connect(db); Statement st = c.createStatement()) {
            // test fixture: load the corpus script into MariaDB under the test database's name
            for (dev.ferry.converter.parse.mysql.MySqlScript.Statement s
                    : dev.ferry.converter.parse.mysql.MySqlScript.split(Files.readString(CORPUS.resolve("sakila-mysql/sakila-schema.sql")))) {
                if (!s.clientCommand() && !s.text().isBlank()) {
                    st.execute(qualifier.matcher(s.text()).replaceAll(java.util.regex.Matcher.quoteReplacement(db)));
                }
            }
            source = CatalogReaders.forEngine(Engine.MYSQL).read(c, CatalogRequest.schemas(db), CatalogListener.NO_OP).schemas().get(0);
        }
        ConversionResult converted = Directions.converter(Engine.MYSQL, Engine.POSTGRESQL).orElseThrow()
                .convert(new ConversionRequest(source, "sakila", List.of(), null));
        Deployed d = deploy("sakila_live", converted, "sakila");
        Function<String, String> n = x -> x.toLowerCase(Locale.ROOT);
        for (Table t : source.tables()) {
            Table dt = d.schema.tables().stream().filter(x -> x.name().equals(n.apply(t.name()))).findFirst().orElse(null);
            assertThat(dt).as("deployed table for " + t.name()).isNotNull();
            assertThat(dt.columns().stream().map(Column::name).toList()).as("columns of " + t.name())
                    .containsExactlyElementsOf(t.columns().stream().map(c -> n.apply(c.name())).toList());
            assertThat(dt.primaryKey().columns()).isEqualTo(t.primaryKey().columns().stream().map(n).toList());
            assertThat(dt.foreignKeys()).as("foreign keys of " + t.name()).hasSameSizeAs(t.foreignKeys());
        }
        assertThat(d.schema.tables()).hasSameSizeAs(source.tables());
        // a view the verifier could not deploy is MANUAL (reported above with the server's message); all others exist
        List<String> manualViews = d.result.objects().stream().filter(o -> o.type().equals("VIEW") && o.status() == ObjectStatus.MANUAL)
                .map(ConvertedObject::name).toList();
        assertThat(d.schema.views().stream().map(View::name).sorted().toList())
                .isEqualTo(source.views().stream().map(v -> n.apply(v.name())).filter(v -> !manualViews.contains(v)).sorted().toList());
        assertThat(manualViews).as("views that need manual work").isEmpty();
    }

    @Test
    @RequiresCorpus
    void scriptsOfEverySqliteAndPostgresCorpusDeploy() throws Exception {
        Path ds = CORPUS.resolve("chinook/ChinookDatabase/DataSources");
        scriptToPostgres("chinook_sqlite_script", Engine.SQLITE, ds.resolve("Chinook_Sqlite.sql"));
        scriptToPostgres("chinook_sqlite_ai_script", Engine.SQLITE, ds.resolve("Chinook_Sqlite_AutoIncrementPKs.sql"));
        scriptToPostgres("employees_sqlite_script", Engine.SQLITE, CORPUS.resolve("employees/sqlite/dataset_small/employee.sql"),
                CORPUS.resolve("employees/sqlite/dataset_small/object.sql"));
        scriptToPostgres("chinook_pg_script", Engine.POSTGRESQL, ds.resolve("Chinook_PostgreSql.sql"));
        scriptToPostgres("chinook_pg_serial_script", Engine.POSTGRESQL, ds.resolve("Chinook_PostgreSql_SerialPKs.sql"));
        scriptToPostgres("northwind_script", Engine.POSTGRESQL, CORPUS.resolve("northwind-postgres/northwind.sql"));
        scriptToPostgres("employees_pg_script", Engine.POSTGRESQL, CORPUS.resolve("employees/postgres/dataset_small/employee.sql"));
    }

    /** Script → model → convert → deploy: every converted object deploys, and tables, columns, keys and views exist. */
    private void scriptToPostgres(String name, Engine engine, Path... files) throws Exception {
        List<dev.ferry.converter.parse.ScriptSchema.File> in = new ArrayList<>();
        for (Path f : files) {
            in.add(new dev.ferry.converter.parse.ScriptSchema.File(f.getFileName().toString(), Files.readString(f)));
        }
        long t0 = System.nanoTime();
        dev.ferry.converter.parse.ScriptSchema built = engine == Engine.SQLITE
                ? new dev.ferry.converter.parse.sqlite.SqliteScriptSchemaBuilder().build(in)
                : new dev.ferry.converter.parse.postgres.PostgresScriptSchemaBuilder("public").build(in);
        long parseMs = (System.nanoTime() - t0) / 1_000_000;
        assertThat(built.errors()).as("syntax errors in " + name).isEmpty();
        String target = name.replace("_script", "");
        ConversionResult converted = Directions.converter(engine, Engine.POSTGRESQL).orElseThrow()
                .convert(new ConversionRequest(built.schema(), target, List.of(), k -> built.sources().get(k)));
        System.out.printf(Locale.ROOT, "[%s] parsed and modelled in %d ms; unmodelled: %s%n", name, parseMs,
                built.unmodelled().stream().map(u -> u.kind()).toList());
        Deployed d = deploy(name, converted, target);
        assertThat(converted.objects().stream().filter(o -> !o.converted()).map(ConvertedObject::key).toList())
                .as("objects of " + name + " left unconverted").isEmpty();
        Function<String, String> n = engine == Engine.SQLITE ? x -> x.toLowerCase(Locale.ROOT) : Function.identity();
        Schema source = built.schema();
        assertThat(d.schema.tables().stream().map(Table::name).sorted().toList())
                .isEqualTo(source.tables().stream().map(t -> n.apply(t.name())).sorted().toList());
        for (Table t : source.tables()) {
            Table dt = d.schema.table(n.apply(t.name())).orElseThrow();
            assertThat(dt.columns().stream().map(Column::name).toList()).as("columns of " + t.name())
                    .containsExactlyElementsOf(t.columns().stream().map(c -> n.apply(c.name())).toList());
            if (t.primaryKey() != null) {
                assertThat(dt.primaryKey().columns()).as("primary key of " + t.name())
                        .isEqualTo(t.primaryKey().columns().stream().map(n).toList());
            }
            assertThat(dt.foreignKeys()).as("foreign keys of " + t.name()).hasSameSizeAs(t.foreignKeys());
            assertThat(secondary(dt.indexes(), Function.identity())).as("indexes of " + t.name()).isEqualTo(secondary(t.indexes(), n));
        }
        assertThat(d.schema.views().stream().map(View::name).sorted().toList())
                .isEqualTo(source.views().stream().map(v -> n.apply(v.name())).sorted().toList());
        assertThat(d.schema.routines()).hasSameSizeAs(source.routines());
        assertThat(d.schema.triggers()).hasSameSizeAs(source.triggers());
    }

    // ------------------------------------------------------------------------------------------ SQLite

    private void sqliteToPostgres(String name, Path file) throws Exception {
        assertThat(file).exists();
        DatabaseModel source;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            source = CatalogReaders.forEngine(Engine.SQLITE).read(c, CatalogRequest.all(), CatalogListener.NO_OP);
        }
        Schema main = source.schemas().get(0);
        ConversionResult converted = Directions.converter(Engine.SQLITE, Engine.POSTGRESQL).orElseThrow()
                .convert(new ConversionRequest(main, name, List.of(), null));
        Deployed d = deploy(name, converted, name);
        Function<String, String> n = x -> x.toLowerCase(Locale.ROOT);
        compare(main, d.schema, n, (t, c) -> {
            boolean identity = c.identity() != null || c.name().equals(t.options().get("rowid_alias"));
            return identity ? "bigint" : SqliteToPostgresTypes.defaultMapping(c.name(), c.type()).sqlType();
        });
        assertThat(d.schema.tables()).as("tables of " + name).hasSize(main.tables().size());
    }

    // ------------------------------------------------------------------------------------------ PostgreSQL

    private void postgresToPostgres(String name, Path script, String targetSchema) throws Exception {
        assertThat(script).exists();
        TestServer pg = TestDatabases.postgres();
        String sourceDb = pg.createDatabase(name + "_src");
        String text = Files.readString(script);
        try (Connection c = pg.connect(sourceDb); Statement st = c.createStatement()) {
            for (StatementChunk chunk : PostgresParserFacade.INSTANCE.splitter().split(text)) {
                if (!chunk.clientCommand() && !chunk.text().isBlank()) {
                    st.execute(chunk.text());
                }
            }
        }
        Schema source;
        try (Connection c = pg.connect(sourceDb)) {
            source = CatalogReaders.forEngine(Engine.POSTGRESQL).read(c, CatalogRequest.schemas("public"), CatalogListener.NO_OP)
                    .schemas().get(0);
        }
        ConversionResult converted = Directions.converter(Engine.POSTGRESQL, Engine.POSTGRESQL).orElseThrow()
                .convert(new ConversionRequest(source, targetSchema, List.of(), null));
        Deployed d = deploy(name, converted, targetSchema);
        compare(source, d.schema, Function.identity(), (t, c) -> c.type().declared());
        assertThat(d.schema.routines()).as("routines").hasSameSizeAs(source.routines());
        assertThat(d.schema.triggers()).as("triggers").hasSameSizeAs(source.triggers());
        assertThat(d.schema.sequences().stream().map(dev.ferry.model.schema.Sequence::name))
                .containsExactlyInAnyOrderElementsOf(source.sequences().stream().map(dev.ferry.model.schema.Sequence::name).toList());
    }

    // ------------------------------------------------------------------------------------------ shared

    private record Deployed(ConversionResult result, Schema schema) {
    }

    private static Deployed deploy(String name, ConversionResult converted, String targetSchema) throws Exception {
        TestServer pg = TestDatabases.postgres();
        String db = pg.createDatabase(name + "_pg");
        ScratchDeployVerifier.Outcome outcome;
        Schema deployed;
        try (Connection c = pg.connect(db)) {
            // the verifier's verdict (rolled back) decides the statuses; then the same SQL is deployed for real
            ConversionResult verified = Directions.verifier(Engine.POSTGRESQL).orElseThrow().deploy(c, converted);
            outcome = new ScratchDeployVerifier(c).deploy(converted);
            assertThat(outcome.errors().keySet()).as("objects that failed to deploy")
                    .allSatisfy(k -> assertThat(verified.object(k).orElseThrow().status()).isEqualTo(ObjectStatus.MANUAL));
            for (ConvertedObject o : verified.objects()) {
                if (o.status() != ObjectStatus.MANUAL) {
                    assertThat(outcome.errors()).as("AUTO object " + o.key() + " deploys").doesNotContainKey(o.key());
                }
            }
            report(name, verified, outcome);
            deployed = CatalogReaders.forEngine(Engine.POSTGRESQL).read(c, CatalogRequest.schemas(targetSchema), CatalogListener.NO_OP)
                    .schemas().get(0);
        }
        return new Deployed(outcome.result(), deployed);
    }

    private static void report(String name, ConversionResult verified, ScratchDeployVerifier.Outcome outcome) {
        Map<ObjectStatus, Long> counts = verified.countsByStatus();
        long converted = verified.objects().stream().filter(ConvertedObject::converted).count();
        System.out.printf(Locale.ROOT, "[%s %s → %s] objects %d: AUTO %d, AUTO_WITH_WARNINGS %d, MANUAL %d; converted %d, deployed %d, failed %d%n",
                name, verified.sourceEngine().displayName(), verified.targetEngine().displayName(), verified.objects().size(),
                counts.get(ObjectStatus.AUTO), counts.get(ObjectStatus.AUTO_WITH_WARNINGS), counts.get(ObjectStatus.MANUAL),
                converted, outcome.deployed(), outcome.failed());
        outcome.errors().forEach((k, m) -> System.out.println("[" + name + "] did not deploy: " + k + ": " + m));
        verified.objects().stream().filter(o -> !o.converted()).forEach(o -> System.out.println("[" + name + "] MANUAL "
                + o.key() + ": " + o.actionItems()));
    }

    /** Interface for the expected target type of a source column. */
    private interface TypeMapping {
        String type(Table table, Column column);
    }

    private static void compare(Schema source, Schema target, Function<String, String> names, TypeMapping types) {
        for (Table t : source.tables()) {
            if ("true".equals(t.options().get("virtual"))) {
                continue;
            }
            Table d = target.tables().stream().filter(x -> x.name().equals(names.apply(t.name()))).findFirst().orElse(null);
            assertThat(d).as("deployed table for " + t.name()).isNotNull();
            assertThat(d.columns().stream().map(Column::name).toList()).as("columns of " + t.name())
                    .containsExactlyElementsOf(t.columns().stream().map(c -> names.apply(c.name())).toList());
            for (Column c : t.columns()) {
                Column dc = d.column(names.apply(c.name())).orElseThrow();
                assertThat(normalize(dc.type().declared())).as("type of " + t.name() + "." + c.name())
                        .isEqualTo(normalize(types.type(t, c)));
                assertThat(dc.nullable()).as("nullability of " + t.name() + "." + c.name())
                        .isEqualTo(c.nullable() && t.primaryKey() == null
                                || c.nullable() && !t.primaryKey().columns().contains(c.name()));
            }
            if (t.primaryKey() != null) {
                assertThat(d.primaryKey()).as("primary key of " + t.name()).isNotNull();
                assertThat(d.primaryKey().columns()).isEqualTo(t.primaryKey().columns().stream().map(names).toList());
            }
            assertThat(d.foreignKeys().stream().map(f -> fk(f, Function.identity())).sorted().toList()).as("foreign keys of " + t.name())
                    .isEqualTo(t.foreignKeys().stream().map(f -> fk(f, names)).sorted().toList());
            assertThat(secondary(d.indexes(), Function.identity())).as("indexes of " + t.name())
                    .isEqualTo(secondary(t.indexes(), names));
            assertThat(d.uniqueKeys().size()).as("unique keys of " + t.name()).isEqualTo(t.uniqueKeys().size());
            assertThat(d.checks().size()).as("checks of " + t.name()).isEqualTo(t.checks().size());
        }
        assertThat(target.views().stream().map(View::name).sorted().toList()).as("views")
                .isEqualTo(source.views().stream().map(v -> names.apply(v.name())).sorted().toList());
    }

    private static String fk(ForeignKey f, Function<String, String> names) {
        return f.columns().stream().map(names).collect(Collectors.joining(",")) + "→" + names.apply(f.referencedTable())
                + "(" + f.referencedColumns().stream().map(names).collect(Collectors.joining(",")) + ") " + f.onDelete() + " " + f.onUpdate();
    }

    private static List<String> secondary(List<Index> indexes, Function<String, String> names) {
        List<String> out = new ArrayList<>();
        for (Index i : indexes) {
            if (!i.constraintBacked()) {
                out.add(names.apply(i.name()) + (i.unique() ? " unique " : " ") + i.elements().stream()
                        .map(e -> e.column() != null ? names.apply(e.column()) : "expr").collect(Collectors.joining(",")));
            }
        }
        return out.stream().sorted().toList();
    }

    private static String normalize(String type) {
        return type.toLowerCase(Locale.ROOT).replace("character varying", "varchar").replace("character(", "char(")
                .replace("timestamp without time zone", "timestamp").replace(" ", "");
    }
}
