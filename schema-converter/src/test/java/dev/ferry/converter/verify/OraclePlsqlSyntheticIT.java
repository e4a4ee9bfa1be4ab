package dev.ferry.converter.verify;

import dev.ferry.converter.assess.ConversionResult;
import dev.ferry.converter.assess.ConvertedObject;
import dev.ferry.converter.assess.ObjectStatus;
import dev.ferry.converter.assess.Severity;
import dev.ferry.converter.parse.oracle.OracleParseResult;
import dev.ferry.converter.parse.oracle.OracleParserFacade;
import dev.ferry.converter.parse.oracle.OracleToPostgresConverter;
import dev.ferry.testsupport.TestDatabases;
import dev.ferry.testsupport.TestServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The synthetic PL/SQL scripts (packages with state, compound/instead-of triggers, a logging package using LOBs,
 * dynamic SQL and autonomous transactions) deploy into PostgreSQL next to the tables they use: every routine or trigger
 * that does not compile was predicted by a HIGH/CRITICAL item, and everything that compiles is AUTO/AUTO_WITH_WARNINGS.
 */
class OraclePlsqlSyntheticIT {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"pkg_state.sql", "triggers.sql", "logger_pkg.sql"})
    void plsqlDeploysOrIsPredicted(String file) throws Exception {
        Path p = Path.of("src/test/resources/oracle/" + file);
        OracleParseResult parsed = new OracleParserFacade().parseScript(Files.readString(p), p);
        assertThat(parsed.errors()).isEmpty();
        ConversionResult conversion = new OracleToPostgresConverter().convert("APP", parsed);
        TestServer pg = TestDatabases.postgres();
        String db = pg.createDatabase("synth");
        try (Connection c = pg.connect(db)) {
            try (Statement st = c.createStatement()) {
                // the tables these scripts use but do not create
                st.execute("CREATE SCHEMA app");
                st.execute("CREATE TABLE app.orders (order_id numeric PRIMARY KEY, order_tms timestamp, order_status varchar(20), "
                        + "store_id numeric, item_count numeric, total numeric, paid_at timestamp)");
                st.execute("CREATE TABLE app.order_items (order_id numeric, quantity numeric, unit_price numeric)");
                st.execute("CREATE TABLE app.order_log (order_id numeric, action varchar(1), at timestamp)");
                st.execute("CREATE TABLE app.app_settings (name varchar(100), value varchar(100))");
                st.execute("SET search_path TO app, public");
            }
            ScratchDeployVerifier.Outcome outcome = new ScratchDeployVerifier(c).verify(conversion);
            Map<String, String> statuses = new TreeMap<>();
            for (ConvertedObject o : outcome.result().objects()) {
                statuses.put(o.key(), o.status().name());
                if (o.key().equals("SCHEMA:app")) {
                    continue; // created above for the supporting tables
                }
                String error = outcome.errors().get(o.key());
                if (error != null && !error.startsWith("depends on ")) {
                    assertThat(conversion.object(o.key()).orElseThrow().actionItems())
                            .as("%s failed without a HIGH/CRITICAL item predicting it: %s", o.key(), error)
                            .anyMatch(i -> i.severity().compareTo(Severity.HIGH) <= 0);
                }
                if (o.converted() && error == null) {
                    assertThat(o.status()).as(o.key()).isIn(ObjectStatus.AUTO, ObjectStatus.AUTO_WITH_WARNINGS);
                }
            }
            System.out.println("[" + file + "] " + outcome.result().countsByStatus() + " " + statuses);
            outcome.errors().forEach((k, m) -> System.out.println("[" + file + "] FAILED " + k + ": " + m));
            ConversionResult r = outcome.result();
            switch (file) {
                case "triggers.sql" -> {
                    assertThat(r.object("TRIGGER:app.orders_biu").orElseThrow().verified()).isTrue();
                    assertThat(r.object("TRIGGER:app.order_view_ioi").orElseThrow().verified()).isTrue();
                    assertThat(r.object("TRIGGER:app.order_totals_ct").orElseThrow().status()).isEqualTo(ObjectStatus.MANUAL);
                }
                case "logger_pkg.sql" -> {
                    assertThat(r.object("ROUTINE:logger.rank_of").orElseThrow().status()).isEqualTo(ObjectStatus.AUTO);
                    assertThat(r.object("ROUTINE:logger.enabled").orElseThrow().verified()).isTrue();
                    assertThat(r.object("ROUTINE:logger.log").orElseThrow().status()).isEqualTo(ObjectStatus.MANUAL);
                }
                default -> {
                    // g_calls became a session setting: total compiles; archive (autonomous transaction, package cursor)
                    // and open_orders (PIPELINED over a package cursor) were predicted MANUAL
                    assertThat(r.object("ROUTINE:order_api.total").orElseThrow().status()).isEqualTo(ObjectStatus.AUTO_WITH_WARNINGS);
                    assertThat(r.object("ROUTINE:order_api.archive").orElseThrow().status()).isEqualTo(ObjectStatus.MANUAL);
                    assertThat(r.object("ROUTINE:order_api.open_orders").orElseThrow().status()).isEqualTo(ObjectStatus.MANUAL);
                }
            }
        }
    }
}
