package dev.ferry.engine.deploy;

import dev.ferry.engine.deploy.DeployOutcome.Status;
import dev.ferry.engine.deploy.DeployResult.PhaseOutcome;
import dev.ferry.model.schema.Engine;
import dev.ferry.testsupport.TestDatabases;
import dev.ferry.testsupport.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Deploys the hand-written {@code pg-shop} assessment folder into a fresh database of the embedded PostgreSQL. */
class PostgresDeployIT {

    @TempDir
    Path dir;

    TestServer pg;
    String db;
    Path folder;

    @BeforeEach
    void setUp() {
        pg = TestDatabases.postgres();
        db = pg.createDatabase("deploy");
        folder = DeployFixtures.copy("pg-shop", dir.resolve("shop"), db);
    }

    private DeployResult deploy(DeployOptions options) throws SQLException {
        return new Deployer(Engine.POSTGRESQL, () -> pg.connect(db), pg.jdbcUrl(db))
                .run(AssessmentFolder.read(folder), options, DeployListener.NO_OP);
    }

    private DeployOutcome outcome(DeployResult r, String key) {
        return r.outcomes().stream().filter(o -> o.objectKey().equals(key)).reduce((a, b) -> b).orElseThrow(
                () -> new AssertionError("no outcome for " + key + " in " + r.outcomes()));
    }

    private long count(String sql) throws SQLException {
        try (Connection c = pg.connect(db); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private boolean relationExists(String name) throws SQLException {
        return count("select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                + " where n.nspname = 'shop' and c.relname = '" + name + "'") == 1;
    }

    @Test
    void deploysBothPhasesThenSkipsEverythingOnTheSecondRun() throws Exception {
        DeployResult first = deploy(DeployOptions.defaults());

        assertThat(first.phases()).extracting(DeployResult.PhaseResult::outcome)
                .containsExactly(PhaseOutcome.COMMITTED, PhaseOutcome.COMMITTED);
        assertThat(first.counts().get(Status.OK)).isEqualTo(10);
        assertThat(first.counts().get(Status.SKIPPED_MANUAL)).isEqualTo(2);
        assertThat(outcome(first, "ROUTINE:shop.audit_orders").message()).contains("did not verify");
        assertThat(outcome(first, "ROUTINE:shop.archive_orders").message()).contains("not converted");
        assertThat(first.exitCode()).isZero();
        // pre-load before post-load, deploy-order.txt order within a phase
        assertThat(first.outcomes()).extracting(DeployOutcome::objectKey).startsWith(
                "SCHEMA:shop", "SEQUENCE:shop.order_no_seq", "TABLE:shop.customers", "TABLE:shop.orders", "COMMENT:shop.orders",
                "INDEX:shop.orders_customer_ix");
        assertThat(relationExists("order_totals")).isTrue();
        assertThat(relationExists("orders_customer_ix")).isTrue();
        assertThat(count("select count(*) from pg_proc where proname = 'audit_orders'")).isZero();
        assertThat(count("select count(*) from pg_constraint where conname = 'orders_customer_fk'")).isEqualTo(1);

        DeployResult second = deploy(DeployOptions.defaults());

        assertThat(second.exitCode()).isZero();
        assertThat(second.counts().get(Status.ERROR)).isZero();
        assertThat(second.counts().get(Status.DRIFT)).isZero();
        // every object that can be checked is skipped; only the comment (no existence check) runs again
        assertThat(second.outcomes()).filteredOn(o -> o.status() == Status.OK)
                .extracting(DeployOutcome::objectKey).containsExactly("COMMENT:shop.orders");
        assertThat(second.counts().get(Status.SKIPPED)).isEqualTo(9);
        assertThat(outcome(second, "TABLE:shop.orders").message()).contains("same columns");
        assertThat(outcome(second, "INDEX:shop.orders_customer_ix").message()).contains("same table");
    }

    @Test
    void aChangedColumnTypeIsReportedAsDriftAndLeftAlone() throws Exception {
        deploy(DeployOptions.defaults());
        pg.execute(db, "ALTER TABLE shop.orders ALTER COLUMN ordered_at TYPE timestamp(3)",
                "ALTER TABLE shop.customers ALTER COLUMN name SET NOT NULL");

        DeployResult r = deploy(DeployOptions.defaults());

        DeployOutcome orders = outcome(r, "TABLE:shop.orders");
        assertThat(orders.status()).isEqualTo(Status.DRIFT);
        assertThat(orders.differences()).containsExactly(
                "column ordered_at: type timestamp(3) without time zone on the target, expected timestamp(0)");
        assertThat(outcome(r, "TABLE:shop.customers").differences()).containsExactly(
                "column name: NOT NULL on the target, expected NULL");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(count("select datetime_precision from information_schema.columns where table_schema = 'shop'"
                + " and table_name = 'orders' and column_name = 'ordered_at'")).isEqualTo(3);
    }

    @Test
    void dropAndCreateReplacesTheTablesAndTheirDependents() throws Exception {
        deploy(DeployOptions.defaults());
        pg.execute(db, "INSERT INTO shop.customers (email, name) VALUES ('a@example.com', 'A')",
                "INSERT INTO shop.orders VALUES (1, 1, 10.50, now())",
                "ALTER TABLE shop.orders ALTER COLUMN ordered_at TYPE timestamp(3)");

        DeployResult r = deploy(DeployOptions.defaults().withTargetPrep(DeployOptions.TargetPrep.DROP_AND_CREATE));

        assertThat(r.exitCode()).isZero();
        assertThat(r.outcomes()).filteredOn(o -> o.action() == DeployOutcome.Action.DROP)
                .extracting(DeployOutcome::name, DeployOutcome::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("shop.order_totals", Status.OK),
                        org.assertj.core.groups.Tuple.tuple("shop.orders, shop.customers", Status.OK));
        assertThat(outcome(r, "TABLE:shop.orders").status()).isEqualTo(Status.OK);
        assertThat(outcome(r, "VIEW:shop.order_totals").status()).isEqualTo(Status.OK);
        assertThat(outcome(r, "SEQUENCE:shop.order_no_seq").status()).isEqualTo(Status.SKIPPED);
        assertThat(count("select count(*) from shop.orders")).isZero();
        assertThat(count("select datetime_precision from information_schema.columns where table_schema = 'shop'"
                + " and table_name = 'orders' and column_name = 'ordered_at'")).isZero();
        assertThat(count("select count(*) from pg_constraint where conname = 'orders_customer_fk'")).isEqualTo(1);
    }

    @Test
    void previewNamesWhatEachPreparationWouldDropOrTruncateWithRowCountsAndChangesNothing() throws Exception {
        Deployer deployer = new Deployer(Engine.POSTGRESQL, () -> pg.connect(db), pg.jdbcUrl(db));
        DeployInput input = AssessmentFolder.read(folder);
        assertThat(deployer.preview(input, DeployOptions.TargetPrep.DROP_AND_CREATE).items())
                .as("nothing exists yet").isEmpty();
        deploy(DeployOptions.defaults());
        pg.execute(db, "INSERT INTO shop.customers (email, name) VALUES ('a@example.com', 'A'), ('b@example.com', 'B')",
                "INSERT INTO shop.orders VALUES (1, 1, 10.50, now())");

        TargetPrepPreview drop = deployer.preview(input, DeployOptions.TargetPrep.DROP_AND_CREATE);
        assertThat(drop.items()).extracting(TargetPrepPreview.Item::key, TargetPrepPreview.Item::rows).containsExactly(
                org.assertj.core.groups.Tuple.tuple("VIEW:shop.order_totals", -1L),
                org.assertj.core.groups.Tuple.tuple("TABLE:shop.orders", 1L),
                org.assertj.core.groups.Tuple.tuple("TABLE:shop.customers", 2L));
        assertThat(drop.summary()).isEqualTo("drop 2 tables and 1 view (3 rows)");
        assertThat(drop.items().get(2).describe(drop.prep())).isEqualTo("DROP TABLE shop.customers (2 rows)");
        assertThat(drop.question("warehouse")).contains("drop-and-create").contains("2 tables and 1 view").contains("warehouse");

        TargetPrepPreview truncate = deployer.preview(input, DeployOptions.TargetPrep.TRUNCATE);
        assertThat(truncate.items()).extracting(TargetPrepPreview.Item::name)
                .containsExactly("shop.customers", "shop.orders");
        assertThat(truncate.summary()).isEqualTo("truncate 2 tables (3 rows)");
        assertThat(deployer.preview(input, DeployOptions.TargetPrep.DO_NOTHING).items()).isEmpty();
        assertThat(count("select count(*) from shop.customers")).as("a preview changes nothing").isEqualTo(2);
    }

    @Test
    void truncateEmptiesThePlansTablesAfterThePreLoadPhase() throws Exception {
        deploy(DeployOptions.defaults());
        pg.execute(db, "INSERT INTO shop.customers (email, name) VALUES ('a@example.com', 'A')",
                "INSERT INTO shop.orders VALUES (1, 1, 10.50, now())");

        DeployResult r = deploy(DeployOptions.defaults().withPhases(EnumSet.of(DeployPhase.PRE_LOAD))
                .withTargetPrep(DeployOptions.TargetPrep.TRUNCATE));

        assertThat(r.exitCode()).isZero();
        assertThat(r.phases()).hasSize(1);
        DeployOutcome t = r.outcomes().stream().filter(o -> o.action() == DeployOutcome.Action.TRUNCATE).findFirst().orElseThrow();
        assertThat(t.status()).isEqualTo(Status.OK);
        assertThat(t.message()).contains("TRUNCATE TABLE \"shop\".\"customers\", \"shop\".\"orders\"");
        assertThat(count("select count(*) from shop.orders")).isZero();
        assertThat(count("select count(*) from shop.customers")).isZero();
        assertThat(relationExists("order_totals")).isTrue();
    }

    @Test
    void aFailingPostLoadStatementRollsTheWholePhaseBack() throws Exception {
        DeployFixtures.replaceSql(folder, "09-view-shop.order_totals.sql",
                "CREATE VIEW shop.order_totals AS SELECT no_such_column FROM shop.orders;");

        DeployResult r = deploy(DeployOptions.defaults());

        assertThat(r.phases()).extracting(DeployResult.PhaseResult::outcome)
                .containsExactly(PhaseOutcome.COMMITTED, PhaseOutcome.ROLLED_BACK);
        DeployOutcome view = outcome(r, "VIEW:shop.order_totals");
        assertThat(view.status()).isEqualTo(Status.ERROR);
        assertThat(view.message()).contains("no_such_column");
        assertThat(outcome(r, "INDEX:shop.orders_customer_ix").status()).isEqualTo(Status.ROLLED_BACK);
        assertThat(outcome(r, "FOREIGN_KEY:shop.orders_customer_fk").status()).isEqualTo(Status.ROLLED_BACK);
        assertThat(outcome(r, "ROUTINE:shop.order_count").status()).isEqualTo(Status.NOT_RUN);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(relationExists("orders")).isTrue();
        assertThat(relationExists("orders_customer_ix")).isFalse();
        assertThat(count("select count(*) from pg_constraint where conname in ('orders_customer_fk', 'customers_email_uk')")).isZero();
    }

    @Test
    void onErrorContinueKeepsEveryObjectThatWorked() throws Exception {
        DeployFixtures.replaceSql(folder, "09-view-shop.order_totals.sql",
                "CREATE VIEW shop.order_totals AS SELECT no_such_column FROM shop.orders;");

        DeployResult r = deploy(DeployOptions.defaults().withOnError(DeployOptions.OnError.CONTINUE));

        assertThat(r.phases()).extracting(DeployResult.PhaseResult::outcome)
                .containsExactly(PhaseOutcome.COMMITTED, PhaseOutcome.COMMITTED);
        assertThat(outcome(r, "VIEW:shop.order_totals").status()).isEqualTo(Status.ERROR);
        assertThat(outcome(r, "ROUTINE:shop.order_count").status()).isEqualTo(Status.OK);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(relationExists("orders_customer_ix")).isTrue();
        assertThat(count("select shop.order_count(1)")).isZero();
        assertThat(relationExists("order_totals")).isFalse();
    }

    @Test
    void aDryRunPlansAndChecksDriftWithoutChangingAnything() throws Exception {
        DeployResult plan = deploy(DeployOptions.defaults().withDryRun(true));

        assertThat(plan.phases()).extracting(DeployResult.PhaseResult::outcome)
                .containsExactly(PhaseOutcome.DRY_RUN, PhaseOutcome.DRY_RUN);
        assertThat(plan.counts().get(Status.PLANNED)).isEqualTo(10);
        assertThat(outcome(plan, "TABLE:shop.orders").action()).isEqualTo(DeployOutcome.Action.CREATE);
        assertThat(count("select count(*) from pg_namespace where nspname = 'shop'")).isZero();

        deploy(DeployOptions.defaults());
        pg.execute(db, "ALTER TABLE shop.orders ALTER COLUMN ordered_at TYPE timestamp(3)");
        DeployResult again = deploy(DeployOptions.defaults().withDryRun(true));
        assertThat(outcome(again, "TABLE:shop.orders").status()).isEqualTo(Status.DRIFT);
        assertThat(outcome(again, "TABLE:shop.customers").status()).isEqualTo(Status.SKIPPED);

        DeployResult dropPlan = deploy(DeployOptions.defaults().withDryRun(true)
                .withTargetPrep(DeployOptions.TargetPrep.DROP_AND_CREATE));
        assertThat(dropPlan.outcomes()).filteredOn(o -> o.action() == DeployOutcome.Action.DROP)
                .extracting(DeployOutcome::status).containsOnly(Status.PLANNED).hasSize(2);
        assertThat(outcome(dropPlan, "TABLE:shop.orders").status()).isEqualTo(Status.PLANNED);
        assertThat(outcome(dropPlan, "INDEX:shop.orders_customer_ix").status()).isEqualTo(Status.PLANNED);
        // still the drifted table: nothing was dropped
        assertThat(count("select datetime_precision from information_schema.columns where table_schema = 'shop'"
                + " and table_name = 'orders' and column_name = 'ordered_at'")).isEqualTo(3);
    }

    @Test
    void theResultJsonListsEveryStatement() throws Exception {
        DeployResult r = deploy(DeployOptions.defaults());
        Path json = DeployResultJson.write(r, folder.toString(), dir.resolve("deploy-result.json"));
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile());
        assertThat(tree.get("exitCode").asInt()).isZero();
        assertThat(tree.get("summary").get("ok").asInt()).isEqualTo(10);
        assertThat(tree.get("summary").get("skippedManual").asInt()).isEqualTo(2);
        assertThat(tree.get("statements")).hasSize(12);
        assertThat(tree.get("phases").get(0).get("outcome").asText()).isEqualTo("COMMITTED");
        assertThat(tree.get("target").asText()).doesNotContain(pg.password().isEmpty() ? "\u0000" : pg.password());
        assertThat(List.of(tree.get("statements").get(2).get("file").asText())).containsExactly("converted/03-table-shop.customers.sql");
    }
}
