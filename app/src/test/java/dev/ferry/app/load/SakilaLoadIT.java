package dev.ferry.app.load;

import dev.ferry.converter.assess.ConversionResult;
import dev.ferry.converter.assess.ConvertedObject;
import dev.ferry.converter.assess.DeployPhase;
import dev.ferry.converter.parse.mysql.MySqlParserFacade;
import dev.ferry.converter.parse.mysql.MySqlToPostgresConverter;
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
import dev.ferry.engine.load.TableResult;
import dev.ferry.engine.load.mysql.MySqlSourceSnapshot;
import dev.ferry.engine.sql.SqlScriptRunner;
import dev.ferry.engine.validate.TableValidation;
import dev.ferry.engine.validate.Validator;
import dev.ferry.model.schema.DatabaseModel;
import dev.ferry.model.schema.Engine;
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
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sakila end to end: sakila-schema.sql + sakila-data.sql into the embedded MariaDB, the schema converted to PostgreSQL
 * by {@link MySqlToPostgresConverter} and its pre-load objects deployed, the 16 tables copied by the real full load
 * from a consistent MariaDB snapshot, the post-load objects deployed, then the {@link Validator}: exact counts and
 * equal checksums for every table (ENUM, SET, YEAR, BLOB, TIMESTAMP, DECIMAL columns included).
 */
@RequiresCorpus
class SakilaLoadIT {

    static final Map<String, Long> ROWS = new TreeMap<>(Map.ofEntries(Map.entry("actor", 200L), Map.entry("address", 603L),
            Map.entry("category", 16L), Map.entry("city", 600L), Map.entry("country", 109L),
            Map.entry("customer", 599L), Map.entry("film", 1000L), Map.entry("film_actor", 5462L),
            Map.entry("film_category", 1000L), Map.entry("film_text", 1000L), Map.entry("inventory", 4581L),
            Map.entry("language", 6L), Map.entry("payment", 16044L), Map.entry("rental", 16044L),
            Map.entry("staff", 2L), Map.entry("store", 2L)));

    @TempDir
    Path dir;

    @Test
    void sakilaMariaDbToPostgresLoadsAndValidates() throws Exception {
        Path corpus = TestDatabases.corpus().orElseThrow().resolve("sakila-mysql");
        TestServer my = TestDatabases.mysql();
        String src = my.createDatabase("sakila_load");
        Pattern qualifier = Pattern.compile("\\bsakila\\b(?=\\s*;|\\s*$|\\.)");
        try (Connection c = my.connect(src)) {
            for (String file : List.of("sakila-schema.sql", "sakila-data.sql")) {
                SqlScriptRunner.run(c, file, Files.readString(corpus.resolve(file), StandardCharsets.UTF_8),
                        SqlScriptRunner.Dialect.MYSQL, sql -> qualifier.matcher(sql).replaceAll(Matcher.quoteReplacement(src)));
            }
        }

        ConversionResult conversion = new MySqlToPostgresConverter()
                .convert("sakila", Set.of("sakila"), new MySqlParserFacade().parseFile(corpus.resolve("sakila-schema.sql")));
        TestServer pg = TestDatabases.postgres();
        String dst = pg.createDatabase("sakila_load");
        List<ConvertedObject> post = new ArrayList<>();
        try (Connection c = pg.connect(dst); Statement st = c.createStatement()) {
            for (ConvertedObject o : conversion.inDeployOrder()) {
                if (!o.converted()) {
                    continue;
                }
                if (o.deployPhase() == DeployPhase.PRE_LOAD) {
                    st.execute(o.convertedSql());
                } else {
                    post.add(o);
                }
            }
            // sakila-schema.sql declares address.location inside /*!50705 ... */, which MariaDB skips (MySQL runs it):
            // the MariaDB source has no such column, so the converted NOT NULL column cannot be filled by any load
            st.execute("ALTER TABLE sakila.address ALTER COLUMN location DROP NOT NULL");
        }

        LoadEndpoint source = new LoadEndpoint(Engine.MYSQL, () -> my.connect(src));
        LoadEndpoint target = new LoadEndpoint(Engine.POSTGRESQL, () -> pg.connect(dst));
        List<Table> sourceTables = catalog(source, src).tables();
        Schema targetSchema = catalog(target, "sakila");
        assertThat(sourceTables).extracting(Table::name).containsExactlyInAnyOrderElementsOf(ROWS.keySet());
        List<LoadPlanner.TablePair> pairs = new ArrayList<>();
        for (Table t : sourceTables) {
            pairs.add(new LoadPlanner.TablePair(t, targetSchema.table(t.name()).orElseThrow(
                    () -> new AssertionError("the converted schema has no table " + t.name()))));
        }
        LoadSettings settings = LoadSettings.defaults("sakila").withMaxSubTasks(4).withSplit(5000, 4);
        LoadPlan plan = new LoadPlanner(source, settings).plan(pairs);
        LoadResult result;
        try (LoadStateStore store = LoadStateStore.open(dir.resolve("sakila.load.db"));
             MySqlSourceSnapshot snapshot = new MySqlSourceSnapshot()) {
            result = new FullLoad(source, target, settings, store, LoadListener.NO_OP).run(plan, snapshot);
        }
        System.out.printf("SAKILA mariadb->postgresql: %d rows in %d ms = %.0f rows/s%n", result.totalRows(),
                result.elapsed().toMillis(), result.rowsPerSecond(result.totalRows()));
        Map<String, Long> loaded = result.tables().stream().collect(Collectors.toMap(
                r -> r.table().substring(r.table().indexOf('.') + 1), TableResult::rows, (a, b) -> a, TreeMap::new));
        assertThat(loaded).isEqualTo(ROWS);
        assertThat(result.totalRejected()).isZero();

        try (Connection c = pg.connect(dst); Statement st = c.createStatement()) {
            for (ConvertedObject o : post) {
                st.execute(o.convertedSql());
            }
        }

        List<TableValidation> validation = Validator.compare(source, target, plan.jobs());
        assertThat(validation).allSatisfy(v -> assertThat(v.status()).as(v.toString()).isEqualTo(TableValidation.Status.VALIDATED));
        Map<String, Long> counted = validation.stream().collect(Collectors.toMap(v -> v.table().substring(v.table().indexOf('.') + 1),
                TableValidation::targetRows, (a, b) -> a, TreeMap::new));
        assertThat(counted).isEqualTo(ROWS);

        try (Connection c = pg.connect(dst); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT rating::text, special_features::text, release_year::text, rental_rate::text "
                     + "FROM sakila.film WHERE film_id = 1")) {
            rs.next();
            System.out.printf("SAKILA film 1 on PostgreSQL: %s | %s | %s | %s%n", rs.getString(1), rs.getString(2),
                    rs.getString(3), rs.getString(4));
            assertThat(rs.getString(1)).isEqualTo("PG");
            assertThat(rs.getString(3)).isEqualTo("2006");
            assertThat(rs.getString(4)).isEqualTo("0.99");
        }
    }

    private static Schema catalog(LoadEndpoint endpoint, String schema) throws Exception {
        try (Connection c = endpoint.connections().open()) {
            DatabaseModel m = CatalogReaders.forEngine(endpoint.engine()).read(c, CatalogRequest.schemas(schema), CatalogListener.NO_OP);
            return m.schema(schema).orElseThrow();
        }
    }
}
