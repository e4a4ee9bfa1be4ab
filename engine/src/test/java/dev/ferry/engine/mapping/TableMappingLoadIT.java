package dev.ferry.engine.mapping;

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
import dev.ferry.engine.load.TableJob;
import dev.ferry.engine.load.postgres.PostgresPlainSnapshot;
import dev.ferry.engine.validate.TableValidation;
import dev.ferry.engine.validate.Validator;
import dev.ferry.model.project.DmsTableMappings;
import dev.ferry.model.schema.DatabaseModel;
import dev.ferry.model.schema.Engine;
import dev.ferry.model.schema.Table;
import dev.ferry.testsupport.TestDatabases;
import dev.ferry.testsupport.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every DMS table-mapping rule type on real databases (PostgreSQL → PostgreSQL): one DMS JSON document with selection
 * include/exclude rules using {@code %}, source filters with every operator (eq, noteq, ste, gte, between), the naming
 * actions (rename, add/remove/replace prefix and suffix, convert-lowercase/uppercase) at schema, table and column level,
 * remove-column, add-column ({@code $column}), change-data-type and define-primary-key (recorded for the deploy step),
 * and table-settings parallel-load {@code ranges} and {@code partitions-auto}. The target tables are created under the
 * names the rules must produce, so a wrong name fails the load; then every table must validate, the filtered table
 * against the filtered source rows.
 */
class TableMappingLoadIT {

    static final String MAPPINGS = """
            {"rules": [
              {"rule-type": "selection", "rule-id": "1", "rule-name": "lines", "rule-action": "include",
               "object-locator": {"schema-name": "Sales", "table-name": "%_LINES"}},
              {"rule-type": "selection", "rule-id": "2", "rule-name": "no-tmp", "rule-action": "exclude",
               "object-locator": {"schema-name": "Sales", "table-name": "TMP%"}},
              {"rule-type": "selection", "rule-id": "3", "rule-name": "orders", "rule-action": "include",
               "object-locator": {"schema-name": "Sales", "table-name": "ORDERS"},
               "filters": [
                 {"filter-type": "source", "column-name": "STATUS", "filter-conditions": [
                   {"filter-operator": "eq", "value": "paid"}, {"filter-operator": "eq", "value": "shipped"}]},
                 {"filter-type": "source", "column-name": "ORDER_ID", "filter-conditions": [
                   {"filter-operator": "between", "start-value": "100", "end-value": "800"}]},
                 {"filter-type": "source", "column-name": "AMOUNT", "filter-conditions": [
                   {"filter-operator": "gte", "value": "50"}, {"filter-operator": "ste", "value": "5"}]},
                 {"filter-type": "source", "column-name": "REGION", "filter-conditions": [
                   {"filter-operator": "noteq", "value": "XX"}]}]},
              {"rule-type": "selection", "rule-id": "4", "rule-name": "customers", "rule-action": "include",
               "object-locator": {"schema-name": "Sales", "table-name": "CUST%"}},
              {"rule-type": "selection", "rule-id": "7", "rule-name": "products", "rule-action": "include",
               "object-locator": {"schema-name": "Sales", "table-name": "tbl_%"}},
              {"rule-type": "selection", "rule-id": "5", "rule-name": "tmp", "rule-action": "include",
               "object-locator": {"schema-name": "Sales", "table-name": "TMP_CACHE"}},
              {"rule-type": "selection", "rule-id": "6", "rule-name": "hr", "rule-action": "explicit",
               "object-locator": {"schema-name": "hr", "table-name": "staff"}},

              {"rule-type": "transformation", "rule-id": "10", "rule-name": "s-lower", "rule-target": "schema",
               "object-locator": {"schema-name": "Sales"}, "rule-action": "convert-lowercase"},
              {"rule-type": "transformation", "rule-id": "11", "rule-name": "s-prefix", "rule-target": "schema",
               "object-locator": {"schema-name": "Sales"}, "rule-action": "add-prefix", "value": "app_"},
              {"rule-type": "transformation", "rule-id": "12", "rule-name": "s-upper", "rule-target": "schema",
               "object-locator": {"schema-name": "hr"}, "rule-action": "convert-uppercase"},
              {"rule-type": "transformation", "rule-id": "13", "rule-name": "s-suffix", "rule-target": "schema",
               "object-locator": {"schema-name": "hr"}, "rule-action": "add-suffix", "value": "_X"},
              {"rule-type": "transformation", "rule-id": "14", "rule-name": "s-rm-suffix", "rule-target": "schema",
               "object-locator": {"schema-name": "hr"}, "rule-action": "remove-suffix", "value": "X"},
              {"rule-type": "transformation", "rule-id": "15", "rule-name": "s-repl-suffix", "rule-target": "schema",
               "object-locator": {"schema-name": "hr"}, "rule-action": "replace-suffix", "old-value": "_", "value": "_2"},
              {"rule-type": "transformation", "rule-id": "16", "rule-name": "s-repl-prefix", "rule-target": "schema",
               "object-locator": {"schema-name": "hr"}, "rule-action": "replace-prefix", "old-value": "HR", "value": "PEOPLE"},
              {"rule-type": "transformation", "rule-id": "17", "rule-name": "s-rm-prefix", "rule-target": "schema",
               "object-locator": {"schema-name": "hr"}, "rule-action": "remove-prefix", "value": "PEO"},

              {"rule-type": "transformation", "rule-id": "20", "rule-name": "t-repl-prefix", "rule-target": "table",
               "object-locator": {"schema-name": "Sales", "table-name": "ORDER_LINES"}, "rule-action": "replace-prefix",
               "old-value": "ORDER_", "value": "ORD_"},
              {"rule-type": "transformation", "rule-id": "21", "rule-name": "t-repl-suffix", "rule-target": "table",
               "object-locator": {"schema-name": "Sales", "table-name": "CUSTOMERS_OLD"}, "rule-action": "replace-suffix",
               "old-value": "_OLD", "value": "_V2"},
              {"rule-type": "transformation", "rule-id": "22", "rule-name": "t-rm-prefix", "rule-target": "table",
               "object-locator": {"schema-name": "Sales", "table-name": "tbl_%"}, "rule-action": "remove-prefix", "value": "tbl_"},
              {"rule-type": "transformation", "rule-id": "23", "rule-name": "t-add-suffix", "rule-target": "table",
               "object-locator": {"schema-name": "Sales", "table-name": "tbl_products"}, "rule-action": "add-suffix", "value": "_x"},
              {"rule-type": "transformation", "rule-id": "24", "rule-name": "t-lower", "rule-target": "table",
               "object-locator": {"schema-name": "Sales", "table-name": "%"}, "rule-action": "convert-lowercase"},
              {"rule-type": "transformation", "rule-id": "25", "rule-name": "t-rename", "rule-target": "table",
               "object-locator": {"schema-name": "Sales", "table-name": "ORDERS"}, "rule-action": "rename", "value": "paid_orders"},
              {"rule-type": "transformation", "rule-id": "26", "rule-name": "t-rm-suffix", "rule-target": "table",
               "object-locator": {"schema-name": "Sales", "table-name": "ORDER_LINES"}, "rule-action": "remove-suffix", "value": "_lines"},
              {"rule-type": "transformation", "rule-id": "27", "rule-name": "t-add-prefix", "rule-target": "table",
               "object-locator": {"schema-name": "Sales", "table-name": "CUSTOMERS_OLD"}, "rule-action": "add-prefix", "value": "dim_"},
              {"rule-type": "transformation", "rule-id": "28", "rule-name": "t-upper", "rule-target": "table",
               "object-locator": {"schema-name": "hr", "table-name": "staff"}, "rule-action": "convert-uppercase"},

              {"rule-type": "transformation", "rule-id": "30", "rule-name": "c-lower", "rule-target": "column",
               "object-locator": {"schema-name": "Sales", "table-name": "%", "column-name": "%"}, "rule-action": "convert-lowercase"},
              {"rule-type": "transformation", "rule-id": "31", "rule-name": "c-remove", "rule-target": "column",
               "object-locator": {"schema-name": "Sales", "table-name": "ORDERS", "column-name": "NOTE"}, "rule-action": "remove-column"},
              {"rule-type": "transformation", "rule-id": "32", "rule-name": "c-rename", "rule-target": "column",
               "object-locator": {"schema-name": "Sales", "table-name": "ORDERS", "column-name": "AMOUNT"}, "rule-action": "rename",
               "value": "amount_eur"},
              {"rule-type": "transformation", "rule-id": "33", "rule-name": "c-upper", "rule-target": "column",
               "object-locator": {"schema-name": "Sales", "table-name": "CUSTOMERS_OLD", "column-name": "NAME"},
               "rule-action": "convert-uppercase"},
              {"rule-type": "transformation", "rule-id": "34", "rule-name": "c-add", "rule-target": "column",
               "object-locator": {"schema-name": "Sales", "table-name": "ORDERS"}, "rule-action": "add-column",
               "value": "order_ref", "expression": "$ORDER_ID", "data-type": {"type": "int4"}},
              {"rule-type": "transformation", "rule-id": "35", "rule-name": "c-type", "rule-target": "column",
               "object-locator": {"schema-name": "Sales", "table-name": "ORDERS", "column-name": "STATUS"},
               "rule-action": "change-data-type", "data-type": {"type": "string", "length": 20}},
              {"rule-type": "transformation", "rule-id": "36", "rule-name": "pk", "rule-target": "table",
               "object-locator": {"schema-name": "Sales", "table-name": "tbl_products"}, "rule-action": "define-primary-key",
               "primary-key-def": {"name": "pk_products", "origin": "primary-key", "columns": ["id"]}},
              {"rule-type": "transformation", "rule-id": "37", "rule-name": "c-add-prefix", "rule-target": "column",
               "object-locator": {"schema-name": "Sales", "table-name": "ORDER_LINES", "column-name": "QTY"},
               "rule-action": "add-prefix", "value": "n_"},
              {"rule-type": "transformation", "rule-id": "38", "rule-name": "c-add-suffix", "rule-target": "column",
               "object-locator": {"schema-name": "Sales", "table-name": "ORDER_LINES", "column-name": "LINE_NO"},
               "rule-action": "add-suffix", "value": "_nr"},
              {"rule-type": "transformation", "rule-id": "39", "rule-name": "c-rm-prefix", "rule-target": "column",
               "object-locator": {"schema-name": "Sales", "table-name": "CUSTOMERS_OLD", "column-name": "CUST_CODE"},
               "rule-action": "remove-prefix", "value": "cust_"},
              {"rule-type": "transformation", "rule-id": "40", "rule-name": "c-repl-suffix", "rule-target": "column",
               "object-locator": {"schema-name": "Sales", "table-name": "ORDER_LINES", "column-name": "ORDER_ID"},
               "rule-action": "replace-suffix", "old-value": "_id", "value": "_key"},

              {"rule-type": "table-settings", "rule-id": "50", "rule-name": "lines-ranges",
               "object-locator": {"schema-name": "Sales", "table-name": "ORDER_LINES"},
               "parallel-load": {"type": "ranges", "columns": ["ORDER_ID"], "boundaries": [["300"], ["600"]]}},
              {"rule-type": "table-settings", "rule-id": "51", "rule-name": "orders-auto",
               "object-locator": {"schema-name": "Sales", "table-name": "ORDERS"},
               "parallel-load": {"type": "partitions-auto"}}
            ]}
            """;

    @TempDir
    Path dir;

    @Test
    void everyRuleTypeSelectsRenamesFiltersAndSplitsOnRealDatabases() throws Exception {
        TestServer pg = TestDatabases.postgres();
        String src = pg.createDatabase("map_src");
        String dst = pg.createDatabase("map_dst");
        pg.execute(src,
                "CREATE SCHEMA \"Sales\"", "CREATE SCHEMA hr",
                "CREATE TABLE \"Sales\".\"ORDERS\" (\"ORDER_ID\" integer PRIMARY KEY, \"STATUS\" varchar(10) NOT NULL,"
                        + " \"AMOUNT\" numeric(10,2) NOT NULL, \"NOTE\" text, \"REGION\" varchar(2) NOT NULL)",
                "INSERT INTO \"Sales\".\"ORDERS\" SELECT i, (ARRAY['paid','shipped','open'])[i % 3 + 1], (i % 100) + 0.5,"
                        + " 'note ' || i, (ARRAY['EU','US','XX'])[i % 7 % 3 + 1] FROM generate_series(1, 1000) i",
                "CREATE TABLE \"Sales\".\"ORDER_LINES\" (\"ORDER_ID\" integer, \"LINE_NO\" integer, \"QTY\" integer NOT NULL,"
                        + " PRIMARY KEY (\"ORDER_ID\", \"LINE_NO\"))",
                "INSERT INTO \"Sales\".\"ORDER_LINES\" SELECT o, l, o * l FROM generate_series(1, 1000) o, generate_series(1, 3) l",
                "CREATE TABLE \"Sales\".\"CUSTOMERS_OLD\" (\"ID\" integer PRIMARY KEY, \"NAME\" text, \"CUST_CODE\" text)",
                "INSERT INTO \"Sales\".\"CUSTOMERS_OLD\" SELECT i, 'name ' || i, 'C' || i FROM generate_series(1, 50) i",
                "CREATE TABLE \"Sales\".tbl_products (id integer NOT NULL, name text)",
                "INSERT INTO \"Sales\".tbl_products SELECT i, 'p' || i FROM generate_series(1, 20) i",
                "CREATE TABLE \"Sales\".\"TMP_CACHE\" (id integer PRIMARY KEY)",
                "CREATE TABLE \"Sales\".\"NOT_SELECTED\" (id integer PRIMARY KEY)",
                "CREATE TABLE hr.staff (id integer PRIMARY KEY, name text)",
                "INSERT INTO hr.staff VALUES (1, 'Ann'), (2, 'Bob')");
        // the target names the rules must produce
        pg.execute(dst,
                "CREATE SCHEMA app_sales", "CREATE SCHEMA \"PLE_2\"",
                "CREATE TABLE app_sales.paid_orders (order_id integer PRIMARY KEY, status varchar(20), amount_eur numeric(10,2),"
                        + " region varchar(2), order_ref integer)",
                "CREATE TABLE app_sales.ord (order_key integer, line_no_nr integer, n_qty integer, PRIMARY KEY (order_key, line_no_nr))",
                "CREATE TABLE app_sales.dim_customers_v2 (id integer PRIMARY KEY, \"NAME\" text, code text)",
                "CREATE TABLE app_sales.products_x (id integer PRIMARY KEY, name text)",
                "CREATE TABLE \"PLE_2\".\"STAFF\" (id integer PRIMARY KEY, name text)");

        TableMappingResolver resolver = new TableMappingResolver(DmsTableMappings.parse("mappings.json", MAPPINGS));
        assertThat(resolver.selectedSchemas()).containsExactly("Sales", "hr"); // only the schemas the rules name are read
        LoadEndpoint source = new LoadEndpoint(Engine.POSTGRESQL, () -> pg.connect(src));
        LoadEndpoint target = new LoadEndpoint(Engine.POSTGRESQL, () -> pg.connect(dst));
        DatabaseModel sourceModel = catalog(source, "Sales", "hr");
        DatabaseModel targetModel = catalog(target, "app_sales", "PLE_2");
        List<ResolvedTable> resolved = resolver.resolve(sourceModel);
        Map<String, String> names = new TreeMap<>();
        resolved.forEach(r -> names.put(r.source().qualifiedName().toString(), r.target().toString()));
        assertThat(names).containsExactlyInAnyOrderEntriesOf(Map.of(
                "Sales.ORDERS", "app_sales.paid_orders",
                "Sales.ORDER_LINES", "app_sales.ord",
                "Sales.CUSTOMERS_OLD", "app_sales.dim_customers_v2",
                "Sales.tbl_products", "app_sales.products_x",
                "hr.staff", "PLE_2.STAFF")); // TMP_CACHE excluded although rule 5 includes it; NOT_SELECTED matches nothing
        ResolvedTable orders = resolved.stream().filter(r -> r.source().name().equals("ORDERS")).findFirst().orElseThrow();
        assertThat(orders.columns()).filteredOn(c -> c.source().equals("STATUS")).singleElement()
                .satisfies(c -> assertThat(c.changedType().type()).isEqualTo("string")); // change-data-type: for the deploy
        assertThat(resolved.stream().filter(r -> r.source().name().equals("tbl_products")).findFirst().orElseThrow().primaryKey())
                .containsExactly("id"); // define-primary-key: for the deploy (and it gives the keyless table a row identity there)

        List<LoadPlanner.TablePair> pairs = new ArrayList<>();
        for (ResolvedTable r : resolved) {
            Table t = targetModel.schema(r.target().schema()).orElseThrow().table(r.target().name()).orElseThrow();
            pairs.add(new LoadPlanner.TablePair(r.source(), t, r.loadedColumns(), r.filter()));
        }
        LoadSettings settings = LoadSettings.defaults("mapping").withMaxSubTasks(4).withSplit(100_000, 4);
        LoadPlan plan = new LoadPlanner(source, settings).withTableSettings(resolver.tableSettings()).plan(pairs);
        Map<String, Integer> ranges = plan.jobs().stream().collect(Collectors.toMap(j -> j.source().name(), j -> j.ranges().size()));
        assertThat(ranges).containsEntry("ORDER_LINES", 3) // boundaries 300 and 600
                .containsEntry("ORDERS", 4) // partitions-auto: rangesPerTable although far below the split threshold
                .containsEntry("CUSTOMERS_OLD", 1);
        TableJob lines = plan.jobs().stream().filter(j -> j.source().name().equals("ORDER_LINES")).findFirst().orElseThrow();
        assertThat(lines.ranges()).extracting(r -> r.lo(), r -> r.hi())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(null, 301L), org.assertj.core.groups.Tuple.tuple(301L, 601L),
                        org.assertj.core.groups.Tuple.tuple(601L, null));

        LoadResult result;
        try (LoadStateStore store = LoadStateStore.open(dir.resolve("mapping.load.db"));
             PostgresPlainSnapshot snapshot = PostgresPlainSnapshot.export(source.connections())) {
            result = new FullLoad(source, target, settings, store, LoadListener.NO_OP).run(plan, snapshot);
        }
        long filtered = count(pg, src, "SELECT COUNT(*) FROM \"Sales\".\"ORDERS\" WHERE \"STATUS\" IN ('paid', 'shipped')"
                + " AND \"ORDER_ID\" BETWEEN 100 AND 800 AND (\"AMOUNT\" >= 50 OR \"AMOUNT\" <= 5) AND \"REGION\" <> 'XX'");
        assertThat(filtered).isBetween(100L, 400L);
        assertThat(result.table("Sales.ORDERS").orElseThrow().rows()).isEqualTo(filtered);
        assertThat(result.table("Sales.ORDER_LINES").orElseThrow().rows()).isEqualTo(3000);
        assertThat(result.totalRejected()).isZero();
        assertThat(count(pg, dst, "SELECT COUNT(*) FROM app_sales.paid_orders WHERE order_ref IS DISTINCT FROM order_id"
                + " OR status NOT IN ('paid', 'shipped') OR region = 'XX' OR amount_eur > 5 AND amount_eur < 50")).isZero();
        assertThat(count(pg, dst, "SELECT COUNT(*) FROM app_sales.dim_customers_v2 WHERE \"NAME\" = 'name 7' AND code = 'C7'")).isEqualTo(1);
        assertThat(count(pg, dst, "SELECT COUNT(*) FROM \"PLE_2\".\"STAFF\"")).isEqualTo(2);

        List<TableValidation> validation = Validator.compare(source, target, plan.jobs());
        assertThat(validation).allSatisfy(v -> assertThat(v.status()).as(v.toString()).isIn(TableValidation.Status.VALIDATED,
                TableValidation.Status.NOT_COMPARABLE));
        assertThat(validation).filteredOn(v -> v.status() == TableValidation.Status.NOT_COMPARABLE)
                .extracting(TableValidation::table).containsExactly("Sales.tbl_products"); // no key on the source
        assertThat(validation).filteredOn(v -> v.table().equals("Sales.ORDERS")).singleElement()
                .satisfies(v -> assertThat(v.sourceRows()).isEqualTo(filtered));
    }

    @Test
    void unknownFilterColumnAndUnsupportedRangesNameTheRule() {
        String badFilter = MAPPINGS.replace("\"column-name\": \"REGION\"", "\"column-name\": \"AREA\"");
        TestServer pg = TestDatabases.postgres();
        String src = pg.createDatabase("map_bad");
        pg.execute(src, "CREATE SCHEMA \"Sales\"", "CREATE TABLE \"Sales\".\"ORDERS\" (\"ORDER_ID\" integer PRIMARY KEY,"
                + " \"STATUS\" text, \"AMOUNT\" numeric, \"NOTE\" text, \"REGION\" text)");
        assertThatThrownBy(() -> new TableMappingResolver(DmsTableMappings.parse("m.json", badFilter))
                .resolve(catalog(new LoadEndpoint(Engine.POSTGRESQL, () -> pg.connect(src)), "Sales")))
                .isInstanceOf(MappingException.class)
                .hasMessage("table-mapping rule 3: filter column AREA is not a column of Sales.ORDERS");
    }

    private static DatabaseModel catalog(LoadEndpoint e, String... schemas) throws Exception {
        try (Connection c = e.connections().open()) {
            return CatalogReaders.forEngine(e.engine()).read(c, CatalogRequest.schemas(schemas), CatalogListener.NO_OP);
        }
    }

    private static long count(TestServer pg, String db, String sql) throws Exception {
        try (Connection c = pg.connect(db); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
