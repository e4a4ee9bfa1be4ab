package dev.ferry.app.convert;

import dev.ferry.converter.assess.ConversionResult;
import dev.ferry.converter.assess.ConvertedObject;
import dev.ferry.converter.assess.DeployPhase;
import dev.ferry.converter.assess.ObjectStatus;
import dev.ferry.converter.direction.ConversionRequest;
import dev.ferry.converter.direction.Directions;
import dev.ferry.converter.sqlite.SqliteTypes;
import dev.ferry.engine.catalog.CatalogListener;
import dev.ferry.engine.catalog.CatalogReaders;
import dev.ferry.engine.catalog.CatalogRequest;
import dev.ferry.engine.load.FullLoad;
import dev.ferry.engine.load.LoadEndpoint;
import dev.ferry.engine.load.LoadListener;
import dev.ferry.engine.load.LoadPlan;
import dev.ferry.engine.load.LoadPlanner;
import dev.ferry.engine.load.LoadResult;
import dev.ferry.engine.load.LoadSettings;
import dev.ferry.engine.load.LoadStateStore;
import dev.ferry.engine.load.SourceSnapshot;
import dev.ferry.engine.load.TableResult;
import dev.ferry.engine.load.mysql.MySqlSourceSnapshot;
import dev.ferry.engine.load.postgres.PostgresPlainSnapshot;
import dev.ferry.engine.sql.SqlScriptRunner;
import dev.ferry.engine.validate.TableValidation;
import dev.ferry.engine.validate.Validator;
import dev.ferry.model.schema.Column;
import dev.ferry.model.schema.DatabaseModel;
import dev.ferry.model.schema.Engine;
import dev.ferry.model.schema.Index;
import dev.ferry.model.schema.Schema;
import dev.ferry.model.schema.Table;
import dev.ferry.testsupport.RequiresCorpus;
import dev.ferry.testsupport.TestDatabases;
import dev.ferry.testsupport.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any engine → SQLite on real databases: Sakila on the embedded MariaDB and Northwind on the embedded PostgreSQL are
 * read from their live catalogs, converted through {@link Directions} into SQLite, verified by the SQLite verifier,
 * deployed into a SQLite file (tables first), the file's catalog compared with the source model, then fully loaded
 * and validated with exact counts, and the indexes created after the data.
 */
@RequiresCorpus
class ToSqliteIT {

    @TempDir
    Path dir;

    @Test
    void sakilaFromMariaDbBecomesASqliteFileThatLoadsAndValidates() throws Exception {
        Path corpus = TestDatabases.corpus().orElseThrow().resolve("sakila-mysql");
        TestServer my = TestDatabases.mysql();
        String src = my.createDatabase("sakila_sqlite");
        Pattern qualifier = Pattern.compile("\\bsakila\\b(?=\\s*;|\\s*$|\\.)");
        try (Connection c = my.connect(src)) {
            for (String file : List.of("sakila-schema.sql", "sakila-data.sql")) {
                SqlScriptRunner.run(c, file, Files.readString(corpus.resolve(file), StandardCharsets.UTF_8),
                        SqlScriptRunner.Dialect.MYSQL, sql -> qualifier.matcher(sql).replaceAll(Matcher.quoteReplacement(src)));
            }
        }
        LoadEndpoint source = new LoadEndpoint(Engine.MYSQL, () -> my.connect(src));
        Map<String, Long> rows = migrate(Engine.MYSQL, source, src, dir.resolve("sakila.sqlite"), MySqlSourceSnapshot::new);
        assertThat(rows).containsEntry("payment", 16044L).containsEntry("rental", 16044L).containsEntry("film", 1000L).hasSize(16);
    }

    @Test
    void northwindFromPostgresBecomesASqliteFileThatLoadsAndValidates() throws Exception {
        Path file = TestDatabases.corpus().orElseThrow().resolve("northwind-postgres/northwind.sql");
        TestServer pg = TestDatabases.postgres();
        String src = pg.createDatabase("northwind_sqlite");
        try (Connection c = pg.connect(src)) {
            SqlScriptRunner.run(c, "northwind.sql", Files.readString(file, StandardCharsets.UTF_8), SqlScriptRunner.Dialect.POSTGRESQL, null);
            c.createStatement().execute("ANALYZE");
        }
        LoadEndpoint source = new LoadEndpoint(Engine.POSTGRESQL, () -> pg.connect(src));
        Map<String, Long> rows = migrate(Engine.POSTGRESQL, source, "public", dir.resolve("northwind.sqlite"),
                () -> PostgresPlainSnapshot.export(source.connections()));
        assertThat(rows).containsEntry("order_details", 2155L).hasSize(14);
    }

    interface Snapshots {
        SourceSnapshot open() throws Exception;
    }

    /** Converts, verifies, deploys, compares, loads, validates; returns the validated row counts per table. */
    private Map<String, Long> migrate(Engine engine, LoadEndpoint source, String schemaName, Path sqlite, Snapshots snapshots)
            throws Exception {
        Schema schema = catalog(source, schemaName);
        ConversionResult converted = Directions.converter(engine, Engine.SQLITE).orElseThrow()
                .convert(new ConversionRequest(schema, null, List.of(), null));
        try (Connection scratch = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            converted = Directions.verifier(Engine.SQLITE).orElseThrow().deploy(scratch, converted);
        }
        Map<ObjectStatus, Long> byStatus = converted.countsByStatus();
        long tables = converted.objects().stream().filter(o -> o.type().equals("TABLE")).count();
        System.out.printf("%s -> SQLite (%s): %d objects, %s; %d tables%n", engine.displayName(), schemaName,
                converted.objects().size(), byStatus, tables);
        for (ConvertedObject o : converted.objects()) {
            if (o.converted()) {
                assertThat(o.verified()).as(o.key() + " " + o.actionItems()).isTrue();
            }
            if (o.status() != ObjectStatus.MANUAL) {
                assertThat(o.verified()).as("AUTO only when verified: " + o.key()).isTrue();
            }
        }
        assertThat(tables).isEqualTo(schema.tables().size());

        String url = "jdbc:sqlite:" + sqlite;
        List<ConvertedObject> post = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            for (ConvertedObject o : converted.inDeployOrder()) {
                if (!o.converted()) {
                    continue; // MANUAL: nothing to run (reported by the conversion)
                }
                if (o.deployPhase() == DeployPhase.PRE_LOAD) {
                    st.executeUpdate(o.convertedSql());
                } else {
                    post.add(o);
                }
            }
        }
        LoadEndpoint target = new LoadEndpoint(Engine.SQLITE, () -> DriverManager.getConnection(url));
        Schema copy = catalog(target, "main");
        compare(engine, schema, copy);

        List<LoadPlanner.TablePair> pairs = new ArrayList<>();
        for (Table t : schema.tables()) {
            pairs.add(new LoadPlanner.TablePair(t, copy.table(t.name()).orElseThrow()));
        }
        LoadSettings settings = LoadSettings.defaults("to-sqlite").withMaxSubTasks(2);
        LoadPlan plan = new LoadPlanner(source, settings).plan(pairs);
        LoadResult result;
        try (LoadStateStore store = LoadStateStore.open(dir.resolve(schemaName + ".load.db"));
             SourceSnapshot snapshot = snapshots.open()) {
            result = new FullLoad(source, target, settings, store, LoadListener.NO_OP).run(plan, snapshot);
        }
        System.out.printf("%s -> SQLite: %d rows in %d ms%n", engine.displayName(), result.totalRows(), result.elapsed().toMillis());
        assertThat(result.totalRejected()).isZero();

        // the indexes after the data
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            for (ConvertedObject o : post) {
                st.executeUpdate(o.convertedSql());
            }
        }
        Schema indexed = catalog(target, "main");
        for (ConvertedObject o : post) {
            Table t = indexed.table(o.dependsOn().get(0).substring("TABLE:main.".length())).orElseThrow();
            assertThat(t.indexes()).as(o.key()).extracting(Index::name).contains(o.name());
        }

        List<TableValidation> validation = Validator.compare(source, target, plan.jobs());
        assertThat(validation).allSatisfy(v -> assertThat(v.status()).as(v.toString()).isEqualTo(TableValidation.Status.VALIDATED));
        Map<String, Long> loaded = result.tables().stream().collect(Collectors.toMap(
                r -> r.table().substring(r.table().indexOf('.') + 1), TableResult::rows, (a, b) -> a, TreeMap::new));
        Map<String, Long> counted = validation.stream().collect(Collectors.toMap(v -> v.table().substring(v.table().indexOf('.') + 1),
                TableValidation::targetRows, (a, b) -> a, TreeMap::new));
        Map<String, Long> sourceRows = validation.stream().collect(Collectors.toMap(v -> v.table().substring(v.table().indexOf('.') + 1),
                TableValidation::sourceRows, (a, b) -> a, TreeMap::new));
        assertThat(counted).isEqualTo(loaded).isEqualTo(sourceRows);
        return counted;
    }

    /** The SQLite file's catalog against the source model: tables, columns (order, nullability), keys and types. */
    private static void compare(Engine engine, Schema source, Schema copy) {
        assertThat(copy.tables()).extracting(Table::name)
                .containsExactlyInAnyOrderElementsOf(source.tables().stream().map(Table::name).toList());
        for (Table s : source.tables()) {
            Table t = copy.table(s.name()).orElseThrow();
            assertThat(t.columns()).as(s.name()).extracting(Column::name)
                    .containsExactlyElementsOf(s.columns().stream().map(Column::name).toList());
            Function<Table, Map<String, Boolean>> nullability = x -> x.columns().stream()
                    .collect(Collectors.toMap(Column::name, Column::nullable, (a, b) -> a, TreeMap::new));
            Map<String, Boolean> expectedNulls = nullability.apply(s);
            if (s.primaryKey() != null) {
                // SQLite reports an INTEGER PRIMARY KEY (the rowid) as nullable in table_info only when not declared NOT NULL
                s.primaryKey().columns().forEach(c -> expectedNulls.put(c, false));
            }
            assertThat(nullability.apply(t)).as(s.name() + " nullability").isEqualTo(expectedNulls);
            assertThat(t.primaryKey() == null ? List.of() : t.primaryKey().columns()).as(s.name() + " primary key")
                    .isEqualTo(s.primaryKey() == null ? List.of() : s.primaryKey().columns());
            assertThat(t.foreignKeys()).as(s.name() + " foreign keys").hasSameSizeAs(s.foreignKeys());
            for (Column c : s.columns()) {
                // the types as the converter chose them by affinity, read back from SQLite's catalog
                String declared = t.column(c.name()).orElseThrow().type().declared();
                assertThat(declared).as(s.name() + "." + c.name() + " " + c.type().declared())
                        .isEqualToIgnoringCase(SqliteTypes.map(engine, c.type()).sql());
            }
        }
    }

    private static Schema catalog(LoadEndpoint endpoint, String schema) throws Exception {
        try (Connection c = endpoint.connections().open()) {
            CatalogRequest request = endpoint.engine() == Engine.SQLITE ? CatalogRequest.all() : CatalogRequest.schemas(schema);
            DatabaseModel m = CatalogReaders.forEngine(endpoint.engine()).read(c, request, CatalogListener.NO_OP);
            return m.schema(schema).orElseThrow();
        }
    }
}
