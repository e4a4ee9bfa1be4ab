package dev.ferry.engine.endpoint;

import dev.ferry.engine.endpoint.ReadinessCheck.Status;
import dev.ferry.model.project.EndpointConfig;
import dev.ferry.model.schema.Engine;
import dev.ferry.testsupport.TestDatabases;
import dev.ferry.testsupport.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class MySqlReadinessIT {

    static final String READER = "ferry_rd_reader";
    static final String PW = "Reader-pw-77";
    static TestServer my;
    static String db;

    @BeforeAll
    static void setUp() {
        my = TestDatabases.mysql();
        db = my.createDatabase("myready");
        my.execute(db,
                "CREATE TABLE orders (id BIGINT PRIMARY KEY, total DECIMAL(10,2))",
                "CREATE TABLE audit_log (at DATETIME, msg TEXT)",
                "CREATE TABLE codes (code VARCHAR(10) NOT NULL, UNIQUE KEY uk_code (code))");
        MariaDbAccounts.createUser(my, READER, PW, "GRANT SELECT ON `" + db + "`.*");
    }

    static Map<String, ReadinessCheck> run(String user, char[] pw, Role role, List<String> schemas) throws Exception {
        EndpointConfig ep = new EndpointConfig("my", Engine.MYSQL, my.host(), my.port(), db, user, null, null, null, null, null, null);
        try (Connection c = ConnectionFactory.open(ep, pw)) {
            return ReadinessChecker.check(c, ep, role, schemas).stream()
                    .collect(Collectors.toMap(ReadinessCheck::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        }
    }

    @Test
    void rootCdcSourcePassesBinlogChecks() throws Exception {
        Map<String, ReadinessCheck> r = run(my.user(), my.password().toCharArray(), Role.SOURCE_CDC, List.of());
        assertThat(r.get("mysql.log_bin").status()).as(r.get("mysql.log_bin").detail()).isEqualTo(Status.PASS);
        assertThat(r.get("mysql.binlog_format").status()).isEqualTo(Status.PASS);
        assertThat(r.get("mysql.binlog_format").detail()).contains("ROW");
        assertThat(r.get("mysql.binlog_row_image").status()).isEqualTo(Status.PASS);
        assertThat(r.get("mysql.server_id").status()).isEqualTo(Status.PASS);
        assertThat(r.get("mysql.binlog_retention").status()).isEqualTo(Status.PASS);
        assertThat(r.get("mysql.replication_grants").status()).isEqualTo(Status.PASS);
        assertThat(r.get("mysql.select_privilege").status()).isEqualTo(Status.PASS);
        assertThat(r.get("mysql.schemas").status()).isEqualTo(Status.PASS);

        ReadinessCheck keys = r.get("common.primary_keys");
        assertThat(keys.status()).isEqualTo(Status.WARN);
        assertThat(keys.detail()).contains(db + ".audit_log").doesNotContain(db + ".orders").doesNotContain(db + ".codes");
        assertThat(keys.fix()).contains("ALTER TABLE `" + db + "`.`audit_log` ADD PRIMARY KEY");
    }

    @Test
    void userWithoutReplicationGrantsFails() throws Exception {
        Map<String, ReadinessCheck> r = run(READER, PW.toCharArray(), Role.SOURCE_CDC, List.of(db));
        ReadinessCheck rep = r.get("mysql.replication_grants");
        assertThat(rep.status()).isEqualTo(Status.FAIL);
        assertThat(rep.detail()).contains(READER).contains("REPLICATION SLAVE").contains("REPLICATION CLIENT");
        assertThat(rep.fix()).matches("GRANT REPLICATION SLAVE, REPLICATION CLIENT ON \\*\\.\\* TO '" + READER + "'@'[^']+';");
        assertThat(r.get("mysql.select_privilege").status()).isEqualTo(Status.PASS);
        // the binlog settings are server-wide and readable by anyone
        assertThat(r.get("mysql.binlog_format").status()).isEqualTo(Status.PASS);
    }

    @Test
    void readOnlyUserCannotBeATarget() throws Exception {
        Map<String, ReadinessCheck> r = run(READER, PW.toCharArray(), Role.TARGET, List.of(db, "not_there_yet"));
        ReadinessCheck create = r.get("mysql.create_privilege");
        assertThat(create.status()).isEqualTo(Status.FAIL);
        assertThat(create.detail()).contains(db).contains("not_there_yet").contains("CREATE");
        assertThat(create.fix()).contains("GRANT CREATE, ALTER, INDEX, REFERENCES, INSERT, UPDATE, DELETE, DROP ON `" + db + "`.* TO '" + READER + "'@");
        assertThat(r.get("mysql.local_infile").status()).isEqualTo(Status.PASS);

        Map<String, ReadinessCheck> root = run(my.user(), my.password().toCharArray(), Role.TARGET, List.of(db, "not_there_yet"));
        assertThat(root.get("mysql.create_privilege").status()).isEqualTo(Status.PASS);
    }

    @Test
    void missingSchemaFails() throws Exception {
        Map<String, ReadinessCheck> r = run(my.user(), my.password().toCharArray(), Role.SOURCE_FULL_LOAD, List.of(db, "nope_db"));
        assertThat(r.get("mysql.schemas").status()).isEqualTo(Status.FAIL);
        assertThat(r.get("mysql.schemas").detail()).contains("nope_db");
        assertThat(r).doesNotContainKey("mysql.log_bin");
    }
}
