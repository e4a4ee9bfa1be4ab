package dev.ferry.engine.cdc.apply;

import dev.ferry.engine.catalog.CatalogListener;
import dev.ferry.engine.catalog.CatalogReaders;
import dev.ferry.engine.catalog.CatalogRequest;
import dev.ferry.engine.cdc.mysql.MySqlCdcConfig;
import dev.ferry.engine.cdc.mysql.MySqlStreamingSource;
import dev.ferry.engine.cdc.postgres.PostgresCdcConfig;
import dev.ferry.engine.cdc.postgres.PostgresReplicationConnection;
import dev.ferry.engine.cdc.postgres.PostgresStreamingSource;
import dev.ferry.engine.load.LoadEndpoint;
import dev.ferry.engine.load.LoadPlan;
import dev.ferry.engine.load.LoadPlanner;
import dev.ferry.engine.load.LoadSettings;
import dev.ferry.engine.mapping.ResolvedTable;
import dev.ferry.engine.mapping.TableMappingResolver;
import dev.ferry.engine.validate.TableValidation;
import dev.ferry.engine.validate.Validator;
import dev.ferry.model.project.DmsTableMappings;
import dev.ferry.model.schema.DatabaseModel;
import dev.ferry.model.schema.Engine;
import dev.ferry.model.schema.QualifiedName;
import dev.ferry.testsupport.TestDatabases;
import dev.ferry.testsupport.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.ferry.engine.cdc.apply.ApplyTestSupport.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The DMS table-mapping rules applied to changes (PostgreSQL → PostgreSQL, embedded): table rename, column
 * convert-lowercase and rename, remove-column, add-column with an expression, and a selection filter, through the same
 * {@link TableMappingResolver} → {@link LoadPlanner} jobs as the full load. Inserts, updates inside, into and out of
 * the filter, a key change, deletes; then the {@link Validator} must find the target equal to the filtered source.
 */
class MappedApplyIT {

    static final String MAPPINGS = """
            {"rules": [
              {"rule-type": "selection", "rule-id": "1", "rule-name": "orders", "rule-action": "include",
               "object-locator": {"schema-name": "Sales", "table-name": "ORDERS"},
               "filters": [
                 {"filter-type": "source", "column-name": "STATUS", "filter-conditions": [
                   {"filter-operator": "eq", "value": "paid"}, {"filter-operator": "eq", "value": "shipped"}]},
                 {"filter-type": "source", "column-name": "AMOUNT", "filter-conditions": [
                   {"filter-operator": "gte", "value": "10"}]}]},
              {"rule-type": "transformation", "rule-id": "10", "rule-name": "s-lower", "rule-target": "schema",
               "object-locator": {"schema-name": "Sales"}, "rule-action": "convert-lowercase"},
              {"rule-type": "transformation", "rule-id": "11", "rule-name": "t-rename", "rule-target": "table",
               "object-locator": {"schema-name": "Sales", "table-name": "ORDERS"}, "rule-action": "rename", "value": "paid_orders"},
              {"rule-type": "transformation", "rule-id": "20", "rule-name": "c-lower", "rule-target": "column",
               "object-locator": {"schema-name": "Sales", "table-name": "%", "column-name": "%"}, "rule-action": "convert-lowercase"},
              {"rule-type": "transformation", "rule-id": "21", "rule-name": "c-remove", "rule-target": "column",
               "object-locator": {"schema-name": "Sales", "table-name": "ORDERS", "column-name": "NOTE"}, "rule-action": "remove-column"},
              {"rule-type": "transformation", "rule-id": "22", "rule-name": "c-rename", "rule-target": "column",
               "object-locator": {"schema-name": "Sales", "table-name": "ORDERS", "column-name": "AMOUNT"}, "rule-action": "rename",
               "value": "amount_eur"},
              {"rule-type": "transformation", "rule-id": "23", "rule-name": "c-expr", "rule-target": "column",
               "object-locator": {"schema-name": "Sales", "table-name": "ORDERS"}, "rule-action": "add-column",
               "value": "label", "expression": "upper($STATUS) || '#' || $ORDER_ID || '/' || length($NOTE)",
               "data-type": {"type": "string", "length": 80}}
            ]}
            """;

    private TestServer pg;
    private String src;
    private String dst;
    private LoadEndpoint source;
    private LoadEndpoint target;
    private PostgresCdcConfig config;
    private PostgresReplicationConnection admin;
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private boolean slot;

    @BeforeEach
    void databases() {
        pg = TestDatabases.postgres();
        src = pg.createDatabase("map_src");
        dst = pg.createDatabase("map_dst");
        source = new LoadEndpoint(Engine.POSTGRESQL, () -> pg.connect(src));
        target = new LoadEndpoint(Engine.POSTGRESQL, () -> pg.connect(dst));
        config = PostgresCdcConfig.forTask(pg.jdbcUrl(src), pg.user(), pg.password().toCharArray(), src)
                .withStatusInterval(Duration.ofMillis(200));
        admin = new PostgresReplicationConnection(config);
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
        if (slot) {
            await().atMost(Duration.ofSeconds(30)).until(() -> !admin.slotActive());
            admin.dropSlot();
            admin.dropPublication();
        }
    }

    @ParameterizedTest(name = "batch apply: {0}")
    @ValueSource(booleans = {false, true})
    void columnRulesAndRowFiltersApplyToChanges(boolean batch) throws Exception {
        pg.execute(src, "CREATE SCHEMA \"Sales\"",
                "CREATE TABLE \"Sales\".\"ORDERS\" (\"ORDER_ID\" integer PRIMARY KEY, \"STATUS\" varchar(20) NOT NULL,"
                        + " \"AMOUNT\" numeric(10,2), \"NOTE\" text)");
        pg.execute(dst, "CREATE SCHEMA sales",
                "CREATE TABLE sales.paid_orders (order_id integer PRIMARY KEY, status varchar(20) NOT NULL,"
                        + " amount_eur numeric(10,2), label varchar(80))");
        LoadPlan plan = plan();
        admin.createPublication(List.of());
        admin.createSlot();
        slot = true;

        ChangeMapping mapping = ChangeMapping.of(plan.jobs());
        ApplySettings settings = ApplySettings.defaults("mapped").withCommit(500, Duration.ofMillis(100))
                .withTableMapping(mapping::target);
        ChangeApplier a = new ChangeApplier(ChangeSource.of(new PostgresStreamingSource(config)), target,
                PostgresApplyIT.mode(settings, batch), ApplyListener.NO_OP);
        a.mapChanges(mapping);
        closeables.add(a);
        a.start();

        String orders = "\"Sales\".\"ORDERS\"";
        pg.execute(src,
                // statuses cycle paid, shipped, open, void; amounts 1..120
                "INSERT INTO " + orders + " SELECT g, (ARRAY['paid','shipped','open','void'])[1 + g % 4], g, 'note ' || g"
                        + " FROM generate_series(1, 120) g",
                // inside the filter: amount and note change (label is recomputed)
                "UPDATE " + orders + " SET \"AMOUNT\" = \"AMOUNT\" + 1000, \"NOTE\" = 'longer note ' || \"ORDER_ID\""
                        + " WHERE \"ORDER_ID\" BETWEEN 20 AND 40",
                // out of the filter: becomes a DELETE on the target
                "UPDATE " + orders + " SET \"STATUS\" = 'void' WHERE \"ORDER_ID\" BETWEEN 41 AND 60",
                // into the filter: open rows become paid (an upsert on the target)
                "UPDATE " + orders + " SET \"STATUS\" = 'paid' WHERE \"STATUS\" = 'open' AND \"ORDER_ID\" BETWEEN 61 AND 90",
                // into the filter by amount: small paid rows grow
                "UPDATE " + orders + " SET \"AMOUNT\" = 50 WHERE \"ORDER_ID\" < 10",
                // outside the filter before and after: nothing reaches the target
                "UPDATE " + orders + " SET \"NOTE\" = 'still void' WHERE \"STATUS\" = 'void'",
                // a key change inside the filter
                "UPDATE " + orders + " SET \"ORDER_ID\" = 1001 WHERE \"ORDER_ID\" = 101",
                "DELETE FROM " + orders + " WHERE \"ORDER_ID\" BETWEEN 110 AND 120");
        a.drain(Duration.ofSeconds(2));

        long expected = count(source, "SELECT COUNT(*) FROM " + orders
                + " WHERE \"STATUS\" IN ('paid', 'shipped') AND \"AMOUNT\" >= 10");
        assertThat(expected).isBetween(40L, 100L);
        assertThat(count(target, "SELECT COUNT(*) FROM sales.paid_orders")).isEqualTo(expected);
        assertThat(count(target, "SELECT COUNT(*) FROM sales.paid_orders WHERE order_id = 1001")).isEqualTo(1);
        assertThat(count(target, "SELECT COUNT(*) FROM sales.paid_orders WHERE order_id BETWEEN 41 AND 60"))
                .isZero();
        // add-column: evaluated on every applied change from the source row (NOTE is removed but feeds the expression)
        try (Connection s = pg.connect(src)) {
            List<String> want = new ArrayList<>();
            try (var rs = s.createStatement().executeQuery("SELECT upper(\"STATUS\") || '#' || \"ORDER_ID\" || '/' || length(\"NOTE\")"
                    + " FROM " + orders + " WHERE \"STATUS\" IN ('paid', 'shipped') AND \"AMOUNT\" >= 10 ORDER BY \"ORDER_ID\"")) {
                while (rs.next()) {
                    want.add(rs.getString(1));
                }
            }
            List<String> got = new ArrayList<>();
            try (Connection t = pg.connect(dst);
                 var rs = t.createStatement().executeQuery("SELECT label FROM sales.paid_orders ORDER BY order_id")) {
                while (rs.next()) {
                    got.add(rs.getString(1));
                }
            }
            assertThat(got).isEqualTo(want);
        }

        List<TableValidation> validation = Validator.compare(source, target, plan.jobs());
        assertThat(validation).singleElement().satisfies(v -> {
            assertThat(v.status()).as(v.toString()).isEqualTo(TableValidation.Status.VALIDATED);
            assertThat(v.sourceRows()).isEqualTo(expected);
            assertThat(v.targetRows()).isEqualTo(expected);
            assertThat(v.missing() + v.extra() + v.different()).isZero();
        });
    }

    /**
     * MariaDB (binlog, full row images) → PostgreSQL: the old row is always known, so an update into the filter becomes
     * an INSERT and changes outside the filter before and after are skipped, not applied as harmless deletes.
     */
    @ParameterizedTest(name = "batch apply: {0}")
    @ValueSource(booleans = {false, true})
    void mariaDbChangesWithFullRowImages(boolean batch) throws Exception {
        TestServer maria = TestDatabases.mysql();
        String msrc = maria.createDatabase("map_msrc");
        LoadEndpoint msource = new LoadEndpoint(Engine.MYSQL, () -> maria.connect(msrc));
        maria.execute(msrc, "CREATE TABLE ORDERS (ORDER_ID int PRIMARY KEY, STATUS varchar(20) NOT NULL, AMOUNT decimal(10,2),"
                + " NOTE text) ENGINE=InnoDB");
        pg.execute(dst, "CREATE SCHEMA \"" + msrc + "\"",
                "CREATE TABLE \"" + msrc + "\".paid_orders (order_id integer PRIMARY KEY, status varchar(20) NOT NULL,"
                        + " amount_eur numeric(10,2), label varchar(80))");
        LoadPlan plan = plan(msource, MAPPINGS.replace("\"Sales\"", "\"" + msrc + "\""), msrc, msrc);
        ChangeMapping mapping = ChangeMapping.of(plan.jobs());
        ApplySettings settings = ApplySettings.defaults("mapped_m").withCommit(500, Duration.ofMillis(100))
                .withTableMapping(mapping::target);
        MySqlStreamingSource stream = new MySqlStreamingSource(MySqlCdcConfig.forTables(maria.jdbcUrl(msrc), maria.user(),
                maria.password().toCharArray(), List.of(new QualifiedName(msrc, "ORDERS"))));
        ChangeApplier a = new ChangeApplier(ChangeSource.of(stream), target, PostgresApplyIT.mode(settings, batch), ApplyListener.NO_OP);
        a.mapChanges(mapping);
        closeables.add(a);
        a.start();
        StringBuilder values = new StringBuilder();
        String[] statuses = {"paid", "shipped", "open", "void"};
        for (int g = 1; g <= 120; g++) {
            values.append(g > 1 ? "," : "").append('(').append(g).append(", '").append(statuses[g % 4]).append("', ").append(g)
                    .append(", 'note ").append(g).append("')");
        }
        maria.execute(msrc, "INSERT INTO ORDERS VALUES " + values,
                "UPDATE ORDERS SET AMOUNT = AMOUNT + 1000, NOTE = concat('longer note ', ORDER_ID) WHERE ORDER_ID BETWEEN 20 AND 40",
                "UPDATE ORDERS SET STATUS = 'void' WHERE ORDER_ID BETWEEN 41 AND 60",
                "UPDATE ORDERS SET STATUS = 'paid' WHERE STATUS = 'open' AND ORDER_ID BETWEEN 61 AND 90",
                "UPDATE ORDERS SET AMOUNT = 50 WHERE ORDER_ID < 10",
                "UPDATE ORDERS SET NOTE = 'still void' WHERE STATUS = 'void'",
                "UPDATE ORDERS SET ORDER_ID = 1001 WHERE ORDER_ID = 101",
                "DELETE FROM ORDERS WHERE ORDER_ID BETWEEN 110 AND 120");
        a.drain(Duration.ofSeconds(2));

        long expected = count(msource, "SELECT COUNT(*) FROM ORDERS WHERE STATUS IN ('paid', 'shipped') AND AMOUNT >= 10");
        assertThat(expected).isBetween(40L, 100L);
        String t = "\"" + msrc + "\".paid_orders";
        assertThat(count(target, "SELECT COUNT(*) FROM " + t)).isEqualTo(expected);
        assertThat(count(target, "SELECT COUNT(*) FROM " + t + " WHERE order_id = 1001")).isEqualTo(1);
        // 62 moved into the filter (open -> paid: an INSERT), 21 was updated inside it
        assertThat(count(target, "SELECT COUNT(*) FROM " + t + " WHERE label IN ('PAID#62/7', 'SHIPPED#21/14')")).isEqualTo(2);
        List<TableValidation> validation = Validator.compare(msource, target, plan.jobs());
        assertThat(validation).singleElement().satisfies(v -> {
            assertThat(v.status()).as(v.toString()).isEqualTo(TableValidation.Status.VALIDATED);
            assertThat(v.sourceRows()).isEqualTo(expected);
            assertThat(v.targetRows()).isEqualTo(expected);
        });
    }

    private LoadPlan plan() throws Exception {
        return plan(source, MAPPINGS, "Sales", "sales");
    }

    /** The full load's plan for the rules: resolver → planner, target tables from the target catalog. */
    private LoadPlan plan(LoadEndpoint from, String mappings, String sourceSchema, String targetSchema) throws Exception {
        TableMappingResolver resolver = new TableMappingResolver(DmsTableMappings.parse("mappings.json", mappings));
        DatabaseModel sourceModel = catalog(from, sourceSchema);
        DatabaseModel targetModel = catalog(target, targetSchema);
        List<LoadPlanner.TablePair> pairs = new ArrayList<>();
        for (ResolvedTable r : resolver.resolve(sourceModel)) {
            assertThat(r.target().toString()).isEqualTo(targetSchema + ".paid_orders");
            pairs.add(new LoadPlanner.TablePair(r.source(),
                    targetModel.schema(r.target().schema()).orElseThrow().table(r.target().name()).orElseThrow(),
                    r.loadedColumns(), r.filter()));
        }
        return new LoadPlanner(from, LoadSettings.defaults("mapped")).plan(pairs);
    }

    private static DatabaseModel catalog(LoadEndpoint e, String... schemas) throws Exception {
        try (Connection c = e.connections().open()) {
            return CatalogReaders.forEngine(e.engine()).read(c, CatalogRequest.schemas(schemas), CatalogListener.NO_OP);
        }
    }
}
