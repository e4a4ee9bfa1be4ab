package dev.ferry.engine.load;

import dev.ferry.engine.catalog.CatalogListener;
import dev.ferry.engine.catalog.CatalogReaders;
import dev.ferry.engine.catalog.CatalogRequest;
import dev.ferry.engine.load.sqlite.SqliteSourceSnapshot;
import dev.ferry.engine.validate.TableValidation;
import dev.ferry.engine.validate.Validator;
import dev.ferry.model.schema.Column;
import dev.ferry.model.schema.DatabaseModel;
import dev.ferry.model.schema.Engine;
import dev.ferry.model.schema.Table;
import dev.ferry.testsupport.RequiresCorpus;
import dev.ferry.testsupport.TestDatabases;
import dev.ferry.testsupport.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Chinook sample (SQLite, opened read-only from ../shared/corpora) loaded into PostgreSQL and into MariaDB with the
 * real full load, then validated: exact row counts and equal per-range checksums for all 11 tables. Target tables are
 * created from the SQLite catalog with target types (NVARCHAR(n) → varchar(n), NUMERIC(10,2) → numeric(10,2),
 * DATETIME → timestamp/datetime(6), INTEGER → bigint). Splitting is forced (threshold 1 000 rows, 4 ranges) so that
 * Track, InvoiceLine and the composite-key PlaylistTrack are loaded and validated range by range.
 */
@RequiresCorpus
class ChinookLoadIT {

    /** Row counts of Chinook_Sqlite.sqlite (from ChinookDatabase/DataSources/Chinook_Sqlite.sql). */
    static final Map<String, Long> ROWS = new TreeMap<>(Map.ofEntries(Map.entry("Album", 347L), Map.entry("Artist", 275L),
            Map.entry("Customer", 59L), Map.entry("Employee", 8L), Map.entry("Genre", 25L), Map.entry("Invoice", 412L),
            Map.entry("InvoiceLine", 2240L), Map.entry("MediaType", 5L), Map.entry("Playlist", 18L),
            Map.entry("PlaylistTrack", 8715L), Map.entry("Track", 3503L)));

    @TempDir
    Path dir;

    private static LoadEndpoint chinook() {
        Path db = TestDatabases.corpus().orElseThrow().resolve("chinook/ChinookDatabase/DataSources/Chinook_Sqlite.sqlite");
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        return new LoadEndpoint(Engine.SQLITE, () -> config.createConnection("jdbc:sqlite:" + db));
    }

    @Test
    void chinookSqliteToPostgres() throws Exception {
        TestServer pg = TestDatabases.postgres();
        String db = pg.createDatabase("chinook_pg");
        load("chinook_pg", new LoadEndpoint(Engine.POSTGRESQL, () -> pg.connect(db)), "public");
    }

    @Test
    void chinookSqliteToMariaDb() throws Exception {
        TestServer my = TestDatabases.mysql();
        String db = my.createDatabase("chinook_my");
        load("chinook_my", new LoadEndpoint(Engine.MYSQL, () -> my.connect(db)), db);
    }

    private void load(String task, LoadEndpoint target, String schema) throws Exception {
        LoadEndpoint source = chinook();
        DatabaseModel model;
        try (Connection c = source.connections().open()) {
            model = CatalogReaders.forEngine(Engine.SQLITE).read(c, CatalogRequest.all(), CatalogListener.NO_OP);
        }
        List<Table> tables = model.schema("main").orElseThrow().tables();
        assertThat(tables).extracting(Table::name).containsExactlyInAnyOrderElementsOf(ROWS.keySet());
        try (Connection c = target.connections().open(); Statement st = c.createStatement()) {
            for (Table t : tables) {
                st.execute(ddl(target.engine(), schema, t));
            }
        }
        DatabaseModel targetModel;
        try (Connection c = target.connections().open()) {
            targetModel = CatalogReaders.forEngine(target.engine()).read(c, CatalogRequest.schemas(schema), CatalogListener.NO_OP);
        }
        List<LoadPlanner.TablePair> pairs = new ArrayList<>();
        for (Table t : tables) {
            pairs.add(new LoadPlanner.TablePair(t, targetModel.schema(schema).orElseThrow().table(t.name()).orElseThrow()));
        }
        LoadSettings settings = LoadSettings.defaults(task).withMaxSubTasks(4).withSplit(1000, 4);
        LoadPlan plan = new LoadPlanner(source, settings).plan(pairs);
        TableJob playlistTrack = plan.jobs().stream().filter(j -> j.source().name().equals("PlaylistTrack")).findFirst().orElseThrow();
        assertThat(playlistTrack.keyColumns()).containsExactly("PlaylistId", "TrackId");
        assertThat(playlistTrack.ranges()).hasSize(4); // a composite key split on its leading column
        LoadResult result;
        try (LoadStateStore store = LoadStateStore.open(dir.resolve(task + ".load.db"));
             SqliteSourceSnapshot snapshot = new SqliteSourceSnapshot()) {
            result = new FullLoad(source, target, settings, store, LoadListener.NO_OP).run(plan, snapshot);
        }
        System.out.printf("CHINOOK sqlite->%s: %d rows in %d ms = %.0f rows/s%n", target.engine().displayName(),
                result.totalRows(), result.elapsed().toMillis(), result.rowsPerSecond(result.totalRows()));
        Map<String, Long> loaded = result.tables().stream().collect(Collectors.toMap(
                r -> r.table().substring(r.table().indexOf('.') + 1), TableResult::rows, (a, b) -> a, TreeMap::new));
        assertThat(loaded).isEqualTo(ROWS);
        assertThat(result.totalRejected()).isZero();

        List<TableValidation> validation = Validator.compare(source, target, plan.jobs());
        assertThat(validation).allSatisfy(v -> assertThat(v.status()).as(v.toString()).isEqualTo(TableValidation.Status.VALIDATED));
        Map<String, Long> counted = validation.stream().collect(Collectors.toMap(
                v -> v.table().substring(v.table().indexOf('.') + 1), TableValidation::targetRows, (a, b) -> a, TreeMap::new));
        assertThat(counted).isEqualTo(ROWS);
        assertThat(validation.stream().mapToInt(TableValidation::rangesCompared).sum()).isGreaterThan(ROWS.size());

        // spot checks of exact values: a NUMERIC(10,2) price, a DATETIME, non-ASCII text
        try (Connection c = target.connections().open(); Statement st = c.createStatement()) {
            String q = target.engine() == Engine.POSTGRESQL ? "\"" : "`";
            try (ResultSet rs = st.executeQuery("SELECT " + q + "UnitPrice" + q + ", " + q + "Name" + q + " FROM " + q + "Track"
                    + q + " WHERE " + q + "TrackId" + q + " = 3503")) {
                rs.next();
                assertThat(rs.getBigDecimal(1)).isEqualByComparingTo("0.99");
                assertThat(rs.getString(2)).isEqualTo("Koyaanisqatsi");
            }
            try (ResultSet rs = st.executeQuery("SELECT " + q + "BirthDate" + q + " FROM " + q + "Employee" + q
                    + " WHERE " + q + "EmployeeId" + q + " = 1")) {
                rs.next();
                assertThat(rs.getString(1)).startsWith("1962-02-18 00:00:00");
            }
            try (ResultSet rs = st.executeQuery("SELECT " + q + "Name" + q + " FROM " + q + "Artist" + q + " WHERE "
                    + q + "ArtistId" + q + " = 11")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("Black Label Society");
            }
        }
    }

    /** CREATE TABLE on the target with target types derived from the SQLite declared types. */
    static String ddl(Engine engine, String schema, Table t) {
        String q = engine == Engine.POSTGRESQL ? "\"" : "`";
        StringBuilder sb = new StringBuilder("CREATE TABLE ").append(q).append(schema).append(q).append('.').append(q)
                .append(t.name()).append(q).append(" (");
        for (int i = 0; i < t.columns().size(); i++) {
            Column c = t.columns().get(i);
            sb.append(i > 0 ? ", " : "").append(q).append(c.name()).append(q).append(' ').append(type(engine, c))
                    .append(c.nullable() ? "" : " NOT NULL");
        }
        sb.append(", PRIMARY KEY (").append(t.primaryKey().columns().stream().map(k -> q + k + q)
                .collect(Collectors.joining(", "))).append("))");
        return sb.toString() + (engine == Engine.MYSQL ? " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4" : "");
    }

    private static String type(Engine engine, Column c) {
        var type = c.type();
        switch (ValueKind.of(Engine.SQLITE, type)) {
            case INTEGER:
                return "bigint";
            case DECIMAL:
                return (engine == Engine.POSTGRESQL ? "numeric(" : "decimal(") + type.precision() + "," + type.scale() + ")";
            case TIMESTAMP:
                return engine == Engine.POSTGRESQL ? "timestamp(6)" : "datetime(6)";
            case TEXT:
                return type.length() == null ? "text" : "varchar(" + type.length() + ")";
            default:
                throw new IllegalArgumentException("Chinook column " + c.name() + " has an unexpected type " + type);
        }
    }
}
