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

import static org.assertj.core.api.Assertions.assertThat;

/** Deploys the hand-written {@code mysql-shop} assessment folder into a fresh database of the embedded MariaDB. */
class MariaDbDeployIT {

    @TempDir
    Path dir;

    TestServer my;
    String db;
    Path folder;

    @BeforeEach
    void setUp() {
        my = TestDatabases.mysql();
        db = my.createDatabase("deploy");
        folder = DeployFixtures.copy("mysql-shop", dir.resolve("shop"), db);
    }

    private DeployResult deploy(DeployOptions options) throws SQLException {
        return new Deployer(Engine.MYSQL, () -> my.connect(db), my.jdbcUrl(db))
                .run(AssessmentFolder.read(folder), options, DeployListener.NO_OP);
    }

    private DeployOutcome outcome(DeployResult r, String key) {
        return r.outcomes().stream().filter(o -> o.objectKey().equals(key)).reduce((a, b) -> b).orElseThrow(
                () -> new AssertionError("no outcome for " + key + " in " + r.outcomes()));
    }

    private long count(String sql) throws SQLException {
        try (Connection c = my.connect(db); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void deploysThenSkipsThenReportsDrift() throws Exception {
        DeployResult first = deploy(DeployOptions.defaults());

        assertThat(first.phases()).extracting(DeployResult.PhaseResult::outcome)
                .containsExactly(PhaseOutcome.AUTO_COMMITTED, PhaseOutcome.AUTO_COMMITTED);
        assertThat(first.phases().get(0).message()).contains("commits each DDL statement implicitly");
        assertThat(first.counts().get(Status.OK)).isEqualTo(5);
        assertThat(outcome(first, "TRIGGER:" + db + ".customer_audit").status()).isEqualTo(Status.SKIPPED_MANUAL);
        assertThat(first.exitCode()).isZero();
        assertThat(count("select count(*) from information_schema.REFERENTIAL_CONSTRAINTS where CONSTRAINT_SCHEMA = '"
                + db + "' and CONSTRAINT_NAME = 'orders_customer_fk'")).isEqualTo(1);

        DeployResult second = deploy(DeployOptions.defaults());
        assertThat(second.counts().get(Status.SKIPPED)).isEqualTo(5);
        assertThat(second.counts().get(Status.OK)).isZero();
        assertThat(second.exitCode()).isZero();

        my.execute(db, "ALTER TABLE orders MODIFY amount DECIMAL(12,2) NULL");
        DeployResult third = deploy(DeployOptions.defaults());
        assertThat(outcome(third, "TABLE:" + db + ".orders").differences())
                .containsExactly("column amount: type decimal(12,2) on the target, expected DECIMAL(10,2)");
        assertThat(third.exitCode()).isEqualTo(1);
        assertThat(count("select NUMERIC_PRECISION from information_schema.COLUMNS where TABLE_SCHEMA = '" + db
                + "' and TABLE_NAME = 'orders' and COLUMN_NAME = 'amount'")).isEqualTo(12);
    }

    @Test
    void anErrorStopsButWhatRanStaysBecauseDdlAutoCommits() throws Exception {
        DeployFixtures.replaceSql(folder, "04-foreign_key-db.orders_customer_fk.sql",
                "ALTER TABLE `" + db + "`.`orders` ADD CONSTRAINT `orders_customer_fk` FOREIGN KEY (`no_such_column`)"
                        + " REFERENCES `" + db + "`.`customers` (`customer_id`);");

        DeployResult r = deploy(DeployOptions.defaults());

        assertThat(outcome(r, "FOREIGN_KEY:" + db + ".orders_customer_fk").status()).isEqualTo(Status.ERROR);
        assertThat(outcome(r, "FOREIGN_KEY:" + db + ".orders_customer_fk").message()).contains("no_such_column");
        assertThat(outcome(r, "INDEX:" + db + ".orders_customer_ix").status()).isEqualTo(Status.OK);
        assertThat(outcome(r, "VIEW:" + db + ".order_totals").status()).isEqualTo(Status.NOT_RUN);
        assertThat(r.phases().get(1).outcome()).isEqualTo(PhaseOutcome.AUTO_COMMITTED);
        assertThat(r.phases().get(1).message()).contains("stay on the target");
        assertThat(count("select count(*) from information_schema.STATISTICS where TABLE_SCHEMA = '" + db
                + "' and INDEX_NAME = 'orders_customer_ix'")).isEqualTo(1);

        DeployResult cont = deploy(DeployOptions.defaults().withOnError(DeployOptions.OnError.CONTINUE));
        assertThat(outcome(cont, "VIEW:" + db + ".order_totals").status()).isEqualTo(Status.OK);
        assertThat(outcome(cont, "INDEX:" + db + ".orders_customer_ix").status()).isEqualTo(Status.SKIPPED);
        assertThat(cont.exitCode()).isEqualTo(1);
    }

    @Test
    void truncateAndDropAndCreateWorkAcrossForeignKeys() throws Exception {
        deploy(DeployOptions.defaults());
        my.execute(db, "INSERT INTO customers (email, name) VALUES ('a@example.com', 'A')",
                "INSERT INTO orders VALUES (1, 1, 10.50, now())");
        TargetPrepPreview preview = new Deployer(Engine.MYSQL, () -> my.connect(db), my.jdbcUrl(db))
                .preview(AssessmentFolder.read(folder), DeployOptions.TargetPrep.TRUNCATE);
        assertThat(preview.items()).extracting(TargetPrepPreview.Item::name, TargetPrepPreview.Item::rows)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(db + ".customers", 1L),
                        org.assertj.core.groups.Tuple.tuple(db + ".orders", 1L));

        DeployResult t = deploy(DeployOptions.defaults().withTargetPrep(DeployOptions.TargetPrep.TRUNCATE));
        assertThat(t.exitCode()).isZero();
        assertThat(t.outcomes()).filteredOn(o -> o.action() == DeployOutcome.Action.TRUNCATE).hasSize(2)
                .extracting(DeployOutcome::status).containsOnly(Status.OK);
        assertThat(count("select count(*) from orders")).isZero();
        assertThat(count("select count(*) from customers")).isZero();
        assertThat(count("select @@foreign_key_checks")).isEqualTo(1);

        my.execute(db, "ALTER TABLE customers MODIFY name VARCHAR(200) NULL");
        DeployResult d = deploy(DeployOptions.defaults().withTargetPrep(DeployOptions.TargetPrep.DROP_AND_CREATE));
        assertThat(d.exitCode()).isZero();
        assertThat(outcome(d, "TABLE:" + db + ".customers").status()).isEqualTo(Status.OK);
        assertThat(count("select CHARACTER_MAXIMUM_LENGTH from information_schema.COLUMNS where TABLE_SCHEMA = '" + db
                + "' and TABLE_NAME = 'customers' and COLUMN_NAME = 'name'")).isEqualTo(60);
        assertThat(count("select count(*) from information_schema.REFERENTIAL_CONSTRAINTS where CONSTRAINT_SCHEMA = '"
                + db + "'")).isEqualTo(1);
    }
}
