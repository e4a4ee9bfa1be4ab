package dev.ferry.converter.verify;

import dev.ferry.converter.assess.ConversionResult;
import dev.ferry.converter.assess.ConvertedObject;
import dev.ferry.converter.assess.ObjectStatus;
import dev.ferry.converter.parse.oracle.OracleParseResult;
import dev.ferry.converter.parse.oracle.OracleParsedStatement;
import dev.ferry.converter.parse.oracle.OracleParserFacade;
import dev.ferry.converter.parse.oracle.OracleToPostgresConverter;
import dev.ferry.converter.parse.oracle.OracleToPostgresSql;
import dev.ferry.model.project.TypeMappingRule;
import dev.ferry.testsupport.RequiresCorpus;
import dev.ferry.testsupport.TestDatabases;
import dev.ferry.testsupport.TestServer;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Oracle sample schemas (HR, CO) and Chinook for Oracle convert to PostgreSQL, deploy into a fresh embedded
 * PostgreSQL database in deploy order, and accept the scripts' own INSERTs (translated) with the exact row counts.
 */
@RequiresCorpus
class OracleToPostgresCorpusIT {

    private final OracleParserFacade facade = new OracleParserFacade();
    private final OracleToPostgresSql translator = new OracleToPostgresSql();

    private static Path corpus() {
        return TestDatabases.corpus().orElseThrow();
    }

    @Test
    void humanResourcesDeploysAndLoads() throws Exception {
        Path dir = corpus().resolve("oracle-sample-schemas/human_resources");
        ConversionResult deployed = convertAndDeploy("hr", "HR", dir.resolve("hr_create.sql"), dir.resolve("hr_populate.sql"),
                Map.of("regions", 5L, "countries", 25L, "locations", 23L, "departments", 27L, "jobs", 19L,
                        "employees", 107L, "job_history", 10L));
        assertThat(deployed.objects()).filteredOn(o -> o.type().equals("TABLE")).hasSize(7);
        assertThat(deployed.objects()).filteredOn(o -> o.type().equals("FOREIGN_KEY")).hasSize(10);
        assertThat(deployed.objects()).filteredOn(o -> o.type().equals("SEQUENCE")).hasSize(3);
        assertThat(deployed.objects()).filteredOn(o -> o.type().equals("VIEW")).hasSize(1).allMatch(ConvertedObject::verified);
        // no Oracle built-in of HR needs a helper: no ferry_compat object is emitted
        assertThat(deployed.objects()).noneMatch(o -> "ferry_compat".equals(o.schema()) || "ferry_compat".equals(o.name()));
    }


    /**
     * HR's PL/SQL (hr_code.sql: secure_dml, add_job_history and the two triggers) converts together with the tables,
     * compiles with check_function_bodies = on, and behaves: add_job_history inserts, update_job_history fires on a job
     * change, and secure_dml raises the mapped SQLSTATE outside office hours.
     */
    @Test
    void humanResourcesCodeCompilesAndRuns() throws Exception {
        Path dir = corpus().resolve("oracle-sample-schemas/human_resources");
        OracleParseResult create = facade.parseFile(dir.resolve("hr_create.sql"));
        OracleParseResult code = facade.parseFile(dir.resolve("hr_code.sql"));
        assertThat(code.errors()).isEmpty();
        List<OracleParsedStatement> all = new ArrayList<>(create.statements());
        all.addAll(code.statements());
        ConversionResult conversion = new OracleToPostgresConverter().convert("HR",
                new OracleParseResult(all, List.of(), List.of()));
        List<String> codeKeys = List.of("ROUTINE:hr.secure_dml", "ROUTINE:hr.add_job_history",
                "TRIGGER:hr.secure_employees", "TRIGGER:hr.update_job_history");
        for (String k : codeKeys) {
            assertThat(conversion.object(k)).as(k).isPresent();
            assertThat(conversion.object(k).orElseThrow().converted()).as(k).isTrue();
        }
        TestServer pg = TestDatabases.postgres();
        String db = pg.createDatabase("hr_code");
        try (Connection c = pg.connect(db)) {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW check_function_bodies")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("on");
            }
            ScratchDeployVerifier.Outcome outcome = new ScratchDeployVerifier(c).deploy(conversion);
            ConversionResult r = outcome.result();
            report("HR code", r, outcome, 0);
            for (String k : codeKeys) {
                ConvertedObject o = r.object(k).orElseThrow();
                System.out.println("[HR code] " + k + " " + o.status() + "\n" + o.convertedSql());
                assertThat(o.verified()).as(k + ": " + outcome.errors().get(k)).isTrue();
                assertThat(o.status()).as(k).isIn(ObjectStatus.AUTO, ObjectStatus.AUTO_WITH_WARNINGS);
            }
            assertThat(r.object("ROUTINE:hr.secure_dml").orElseThrow().convertedSql())
                    .contains("RAISE EXCEPTION USING ERRCODE = 'U0205'").contains("to_char(LOCALTIMESTAMP(0), 'HH24:MI')");
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO hr.regions VALUES (1, 'Europe')");
                st.execute("INSERT INTO hr.countries VALUES ('UK', 'United Kingdom', 1)");
                st.execute("INSERT INTO hr.locations (location_id, city, country_id) VALUES (2400, 'London', 'UK')");
                st.execute("INSERT INTO hr.departments (department_id, department_name, location_id) VALUES (40, 'HR', 2400), (50, 'Shipping', 2400)");
                st.execute("INSERT INTO hr.jobs (job_id, job_title) VALUES ('HR_REP', 'HR Rep'), ('ST_MAN', 'Stock Manager')");
                st.execute("INSERT INTO hr.employees (employee_id, last_name, email, hire_date, job_id, department_id) "
                        + "VALUES (203, 'Mavris', 'SMAVRIS', TIMESTAMP '2012-06-07 00:00:00', 'HR_REP', 40)");
                // the procedure, called directly (department_id is NUMBER(4) → smallint: an integer literal needs a cast)
                st.execute("CALL hr.add_job_history(203, TIMESTAMP '2010-01-01 00:00:00', TIMESTAMP '2012-06-06 00:00:00', 'ST_MAN', 50::smallint)");
                // the row trigger calls the procedure with :OLD values when the job changes
                st.execute("UPDATE hr.employees SET job_id = 'ST_MAN', department_id = 50 WHERE employee_id = 203");
                try (ResultSet rs = st.executeQuery("SELECT start_date, job_id, department_id FROM hr.job_history "
                        + "WHERE employee_id = 203 ORDER BY start_date")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(2)).isEqualTo("ST_MAN");
                    assertThat(rs.next()).as("row written by update_job_history").isTrue();
                    assertThat(rs.getObject(1, java.time.LocalDateTime.class)).isEqualTo(java.time.LocalDateTime.of(2012, 6, 7, 0, 0));
                    assertThat(rs.getString(2)).isEqualTo("HR_REP");
                    assertThat(rs.getInt(3)).isEqualTo(40);
                    assertThat(rs.next()).isFalse();
                }
                // a salary change does not fire update_job_history (UPDATE OF job_id, department_id)
                st.execute("UPDATE hr.employees SET salary = 5000 WHERE employee_id = 203");
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM hr.job_history WHERE employee_id = 203")) {
                    rs.next();
                    assertThat(rs.getInt(1)).isEqualTo(2);
                }
                // secure_employees was disabled in Oracle (ALTER TRIGGER ... DISABLE) and is disabled here
                try (ResultSet rs = st.executeQuery("SELECT tgenabled FROM pg_trigger WHERE tgname = 'secure_employees'")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("D");
                }
                // secure_dml outside office hours: choose a session time zone in which it is 03:00 now (LOCALTIMESTAMP
                // follows TimeZone), so the result does not depend on the wall clock
                int utcHour = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).getHour();
                int offset = Math.floorMod(3 - utcHour + 12, 24) - 12; // -12..+11
                st.execute("SET TIME ZONE INTERVAL '" + (offset >= 0 ? "+" : "-") + String.format("%02d", Math.abs(offset)) + ":00' HOUR TO MINUTE");
                try (ResultSet rs = st.executeQuery("SELECT extract(hour FROM LOCALTIMESTAMP)")) {
                    rs.next();
                    assertThat(rs.getInt(1)).isBetween(2, 4);
                }
                assertThatThrownBy(() -> st.execute("CALL hr.secure_dml()"))
                        .isInstanceOfSatisfying(SQLException.class, e -> {
                            assertThat(e.getSQLState()).isEqualTo("U0205");
                            assertThat(e.getMessage()).contains("You may only make changes during normal office hours");
                        });
                // the enabled statement trigger would now block DML
                st.execute("ALTER TABLE hr.employees ENABLE TRIGGER secure_employees");
                assertThatThrownBy(() -> st.execute("UPDATE hr.employees SET salary = 5100 WHERE employee_id = 203"))
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("U0205"));
            }
        }
    }

    @Test
    void chinookDeploysAndLoads() throws Exception {
        Path file = corpus().resolve("chinook/ChinookDatabase/DataSources/Chinook_Oracle.sql");
        convertAndDeploy("chinook", "CHINOOK", file, file,
                Map.ofEntries(Map.entry("album", 347L), Map.entry("artist", 275L), Map.entry("customer", 59L),
                        Map.entry("employee", 8L), Map.entry("genre", 25L), Map.entry("invoice", 412L),
                        Map.entry("invoiceline", 2240L), Map.entry("mediatype", 5L), Map.entry("playlist", 18L),
                        Map.entry("playlisttrack", 8715L), Map.entry("track", 3503L)));
    }

    @Test
    void chinookWithATypeMappingRuleIsFullyAutomatic() throws Exception {
        Path file = corpus().resolve("chinook/ChinookDatabase/DataSources/Chinook_Oracle.sql");
        // NUMBER without precision (precision range "at most 0" only matches an absent precision) → bigint
        TypeMappingRule rule = new TypeMappingRule(TypeMappingRule.Scope.PROJECT, null, null, null, "number", null,
                new TypeMappingRule.Range(null, 0), null, "bigint", List.of());
        ConversionResult conversion = new OracleToPostgresConverter(List.of(rule)).convert("CHINOOK", facade.parseFile(file));
        TestServer pg = TestDatabases.postgres();
        try (Connection c = pg.connect(pg.createDatabase("chinook_rule"))) {
            ScratchDeployVerifier.Outcome outcome = new ScratchDeployVerifier(c).verify(conversion);
            assertThat(outcome.errors()).isEmpty();
            ConversionResult r = outcome.result();
            report("CHINOOK+rule", r, outcome, 0);
            assertThat(r.objects()).allMatch(o -> o.status() == ObjectStatus.AUTO);
            ConvertedObject track = r.object("TABLE:chinook.track").orElseThrow();
            assertThat(track.convertedSql()).contains("trackid bigint NOT NULL").contains("unitprice numeric(10,2) NOT NULL");
            assertThat(track.actionItems()).anyMatch(i -> i.code().equals("ORA-PG-0206") && i.message().contains("MILLISECONDS"));
        }
    }

    @Test
    void customerOrdersDeploysAndLoads() throws Exception {
        Path dir = corpus().resolve("oracle-sample-schemas/customer_orders");
        // co_populate.sql builds product JSON in PL/SQL variables: its anonymous blocks run as DO blocks
        ConversionResult co = convertAndDeploy("co", "CO", dir.resolve("co_create.sql"), dir.resolve("co_populate.sql"),
                Map.of("customers", 392L, "stores", 23L, "products", 46L, "orders", 1950L, "shipments", 1892L,
                        "order_items", 3914L, "inventory", 566L));
        // JSON_TABLE (product_reviews) converts to LATERAL jsonb_path_query: every object of CO deploys
        assertThat(co.objects()).filteredOn(o -> o.type().equals("VIEW") && o.verified()).hasSize(4);
        ConvertedObject reviews = co.object("VIEW:co.product_reviews").orElseThrow();
        assertThat(reviews.status()).isEqualTo(ObjectStatus.AUTO_WITH_WARNINGS);
        assertThat(reviews.actionItems()).anyMatch(i -> i.code().equals("ORA-PG-0527"));
        assertThat(co.objects()).hasSize(43).allMatch(ConvertedObject::verified);
    }

    private ConversionResult convertAndDeploy(String prefix, String schema, Path create, Path populate,
                                              Map<String, Long> expectedRows) throws Exception {
        long t0 = System.nanoTime();
        OracleParseResult parsed = facade.parseFile(create);
        assertThat(parsed.errors()).isEmpty();
        ConversionResult conversion = new OracleToPostgresConverter().convert(schema, parsed);
        long convertMs = (System.nanoTime() - t0) / 1_000_000;
        // before verification nothing may claim to be automatic
        assertThat(conversion.objects()).allMatch(o -> o.status() == ObjectStatus.MANUAL);

        TestServer pg = TestDatabases.postgres();
        // 1) scratch verification: everything rolled back
        String scratch = pg.createDatabase(prefix + "_scratch");
        ScratchDeployVerifier.Outcome verified;
        try (Connection c = pg.connect(scratch)) {
            verified = new ScratchDeployVerifier(c).verify(conversion);
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_namespace WHERE nspname = '" + schema.toLowerCase() + "'")) {
                rs.next();
                assertThat(rs.getLong(1)).as("scratch verification rolls back").isZero();
            }
        }
        ConversionResult result = verified.result();
        report(schema, result, verified, convertMs);
        for (ConvertedObject o : result.objects()) {
            if (o.status() != ObjectStatus.MANUAL) {
                assertThat(o.verified()).as(o.key()).isTrue();
            }
        }
        // every table, constraint, index, sequence and view of these schemas deploys
        // the only objects allowed to fail are those the converter already flagged as needing manual work
        for (String failed : verified.errors().keySet()) {
            assertThat(conversion.object(failed).orElseThrow().actionItems())
                    .as("%s failed to deploy without a HIGH/CRITICAL item predicting it", failed)
                    .anyMatch(i -> i.severity().compareTo(dev.ferry.converter.assess.Severity.HIGH) <= 0);
        }
        assertThat(result.objects()).filteredOn(o -> List.of("TABLE", "SEQUENCE", "INDEX", "CONSTRAINT", "FOREIGN_KEY")
                .contains(o.type())).allMatch(ConvertedObject::verified);

        // 2) real deploy: pre-load, load, post-load
        String db = pg.createDatabase(prefix);
        try (Connection c = pg.connect(db)) {
            List<ConvertedObject> pre = new ArrayList<>();
            List<ConvertedObject> post = new ArrayList<>();
            for (ConvertedObject o : result.inDeployOrder()) {
                if (o.converted()) {
                    (o.deployPhase() == dev.ferry.converter.assess.DeployPhase.PRE_LOAD ? pre : post).add(o);
                }
            }
            execute(c, pre);
            long l0 = System.nanoTime();
            int inserts = populate == null ? 0 : schema.equals("CO") ? loadBlocks(c, "co", populate)
                    : load(c, schema.toLowerCase(), populate);
            long loadMs = (System.nanoTime() - l0) / 1_000_000;
            execute(c, post);
            Map<String, Long> counts = new TreeMap<>();
            try (Statement st = c.createStatement()) {
                for (String t : expectedRows.keySet()) {
                    try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + schema.toLowerCase() + "." + t)) {
                        rs.next();
                        counts.put(t, rs.getLong(1));
                    }
                }
            }
            System.out.printf("[%s] %d INSERT statements loaded in %d ms; rows %s%n", schema, inserts, loadMs, counts);
            if (schema.equals("HR")) {
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT hire_date, salary, commission_pct FROM hr.employees WHERE employee_id = 100")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getObject(1, java.time.LocalDateTime.class)).isEqualTo(java.time.LocalDateTime.of(2013, 6, 17, 0, 0));
                    assertThat(rs.getBigDecimal(2)).isEqualByComparingTo("24000");
                    assertThat(rs.getObject(3)).isNull();
                }
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT count(*) FROM hr.emp_details_view")) {
                    rs.next();
                    assertThat(rs.getLong(1)).as("view over the loaded data").isEqualTo(106);
                }
            }
            if (schema.equals("CO")) {
                // product 4 was inserted from a PL/SQL variable assembled with || chr(10) || inside a DECLARE block
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT convert_from(product_details, 'UTF8')::jsonb ->> 'brand', "
                             + "jsonb_array_length(convert_from(product_details, 'UTF8')::jsonb -> 'reviews') FROM co.products WHERE product_id = 4")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("INTERLOO");
                    assertThat(rs.getInt(2)).isEqualTo(30);
                }
                // the JSON_TABLE view over the loaded data: NESTED PATH is an outer join in Oracle, so each product
                // gives one row per review, and one row with NULL rating/review when it has no reviews
                long reviewCount;
                long expectedViewRows;
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT sum(n), sum(greatest(n, 1)) FROM (SELECT coalesce(jsonb_array_length("
                             + "convert_from(product_details, 'UTF8')::jsonb -> 'reviews'), 0) AS n FROM co.products "
                             + "WHERE product_details IS NOT NULL) x")) {
                    assertThat(rs.next()).isTrue();
                    reviewCount = rs.getLong(1);
                    expectedViewRows = rs.getLong(2);
                }
                assertThat(reviewCount).isPositive();
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT count(*), count(*) FILTER (WHERE rating IS NOT NULL OR review IS NOT NULL), "
                             + "count(DISTINCT product_name) FROM co.product_reviews")) {
                    assertThat(rs.next()).isTrue();
                    System.out.printf("[CO] product_reviews: %d rows, %d reviews (populated JSON has %d reviews)%n",
                            rs.getLong(1), rs.getLong(2), reviewCount);
                    assertThat(rs.getLong(1)).isEqualTo(expectedViewRows);
                    assertThat(rs.getLong(2)).isEqualTo(reviewCount);
                }
            }
            assertThat(counts).isEqualTo(new TreeMap<>(expectedRows));
        }
        return result;
    }

    private static void execute(Connection c, List<ConvertedObject> objects) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (ConvertedObject o : objects) {
                try {
                    st.execute(o.convertedSql());
                } catch (SQLException e) {
                    if (o.verified()) {
                        throw new AssertionError(o.key() + " deployed in verification but not for real: " + e.getMessage(), e);
                    }
                }
            }
        }
    }

    private int load(Connection c, String schema, Path populate) throws Exception {
        OracleParseResult data = facade.parseFile(populate);
        assertThat(data.errors()).isEmpty();
        int n = 0;
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute("SET search_path TO " + schema);
            for (OracleParsedStatement s : data.statements()) {
                for (OracleToPostgresSql.Translation t : translator.dmlStatements(s)) {
                    if (!t.sql().trim().toUpperCase().startsWith("INSERT")) {
                        continue;
                    }
                    try {
                        st.execute(t.sql());
                    } catch (SQLException e) {
                        throw new AssertionError("INSERT at " + s.file().getFileName() + ":" + s.line() + " failed: "
                                + e.getMessage() + "\n" + t.sql().substring(0, Math.min(400, t.sql().length())), e);
                    }
                    n++;
                }
            }
            c.commit();
        } finally {
            c.setAutoCommit(true);
        }
        return n;
    }

    /** Runs the script's anonymous PL/SQL blocks as DO blocks (and its top-level INSERTs); returns the blocks run. */
    private int loadBlocks(Connection c, String schema, Path populate) throws Exception {
        OracleParseResult data = facade.parseFile(populate);
        assertThat(data.errors()).isEmpty();
        int n = 0;
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute("SET search_path TO " + schema);
            for (OracleParsedStatement s : data.statements()) {
                OracleToPostgresSql.Translation t = translator.anonymousBlock(s);
                if (!t.translated()) {
                    if (s.kind() == dev.ferry.converter.parse.oracle.OracleStatementKind.INSERT) {
                        st.execute(translator.statement(s).sql());
                    }
                    continue;
                }
                assertThat(t.sql()).startsWith("DO $$");
                try {
                    st.execute(t.sql());
                } catch (SQLException e) {
                    throw new AssertionError("block at " + s.file().getFileName() + ":" + s.line() + " failed: "
                            + e.getMessage() + "\n" + t.sql().substring(0, Math.min(600, t.sql().length())), e);
                }
                n++;
            }
            c.commit();
        } finally {
            c.setAutoCommit(true);
        }
        return n;
    }

    private static void report(String schema, ConversionResult r, ScratchDeployVerifier.Outcome v, long convertMs) {
        System.out.printf("[%s] parse+convert %d ms; objects %d; by status %s; deployed %d, failed %d; effort %d min (%s)%n",
                schema, convertMs, r.objects().size(), r.countsByStatus(), v.deployed(), v.failed(),
                r.totalEffortMinutes(), r.complexity());
        Map<String, Long> byType = new TreeMap<>();
        r.objects().forEach(o -> byType.merge(o.type() + "/" + o.status(), 1L, Long::sum));
        System.out.printf("[%s] by type/status %s%n", schema, byType);
        v.errors().forEach((k, msg) -> System.out.printf("[%s] FAILED %s: %s%n", schema, k, msg));
        r.objects().stream().filter(o -> o.status() == ObjectStatus.MANUAL).forEach(o ->
                System.out.printf("[%s] MANUAL %s %s%n", schema, o.key(), o.actionItems()));
    }
}
