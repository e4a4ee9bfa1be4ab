package dev.ferry.engine.endpoint;

import dev.ferry.engine.endpoint.ReadinessCheck.Status;
import dev.ferry.model.project.EndpointConfig;
import dev.ferry.model.schema.Engine;
import dev.ferry.testsupport.TestDatabases;
import dev.ferry.testsupport.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresReadinessIT {

    static final String PLAIN = "ferry_rd_plain";
    static TestServer pg;
    static String db;

    @BeforeAll
    static void setUp() {
        pg = TestDatabases.postgres();
        db = pg.createDatabase("readiness");
        pg.execute(db,
                "CREATE SCHEMA app",
                "CREATE TABLE app.orders (id bigint PRIMARY KEY, total numeric)",
                "CREATE TABLE app.audit_log (at timestamptz, msg text)",
                "CREATE TABLE app.codes (code text NOT NULL UNIQUE)",
                "CREATE TABLE app.full_ident (v text)",
                "ALTER TABLE app.full_ident REPLICA IDENTITY FULL",
                "CREATE TABLE app.\"Mixed Case\" (v int)",
                "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + PLAIN + "') THEN CREATE ROLE " + PLAIN + " LOGIN; END IF; END $$",
                "GRANT USAGE ON SCHEMA app TO " + PLAIN,
                "GRANT SELECT ON app.orders TO " + PLAIN);
    }

    static EndpointConfig endpoint(String user) {
        return new EndpointConfig("pg", Engine.POSTGRESQL, pg.host(), pg.port(), db, user, null, null, null, null, null, null);
    }

    static Map<String, ReadinessCheck> run(String user, Role role, List<String> schemas) throws Exception {
        EndpointConfig ep = endpoint(user);
        try (Connection c = ConnectionFactory.open(ep, new char[0])) {
            List<ReadinessCheck> checks = ReadinessChecker.check(c, ep, role, schemas);
            assertThat(c.getAutoCommit()).isTrue();
            return checks.stream().collect(Collectors.toMap(ReadinessCheck::id, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
        }
    }

    @Test
    void superuserCdcSourcePassesServerChecksAndWarnsAboutKeylessTables() throws Exception {
        Map<String, ReadinessCheck> r = run(pg.user(), Role.SOURCE_CDC, List.of("app"));
        assertThat(r.get("pg.wal_level").status()).isEqualTo(Status.PASS);
        assertThat(r.get("pg.wal_level").detail()).contains("logical");
        assertThat(r.get("pg.version").status()).isEqualTo(Status.PASS);
        assertThat(r.get("pg.replication_slots").status()).isEqualTo(Status.PASS);
        assertThat(r.get("pg.wal_senders").status()).isEqualTo(Status.PASS);
        assertThat(r.get("pg.replication_privilege").status()).isEqualTo(Status.PASS);
        assertThat(r.get("pg.select_privilege").status()).isEqualTo(Status.PASS);
        assertThat(r.get("pg.schemas").status()).isEqualTo(Status.PASS);

        ReadinessCheck keys = r.get("common.primary_keys");
        assertThat(keys.status()).isEqualTo(Status.WARN);
        // for CDC a unique key is no replica identity; REPLICA IDENTITY FULL is
        assertThat(keys.detail()).contains("app.audit_log", "app.codes", "app.Mixed Case").doesNotContain("app.orders").doesNotContain("full_ident");
        assertThat(keys.fix()).contains("ALTER TABLE \"app\".\"audit_log\" REPLICA IDENTITY FULL;")
                .contains("ALTER TABLE \"app\".\"Mixed Case\" REPLICA IDENTITY FULL;");
    }

    @Test
    void fullLoadCountsUniqueKeys() throws Exception {
        Map<String, ReadinessCheck> r = run(pg.user(), Role.SOURCE_FULL_LOAD, List.of("app"));
        assertThat(r).doesNotContainKey("pg.wal_level");
        assertThat(r.get("common.primary_keys").detail()).contains("app.audit_log").doesNotContain("app.codes");
    }

    @Test
    void nonReplicationRoleFailsWithFix() throws Exception {
        Map<String, ReadinessCheck> r = run(PLAIN, Role.SOURCE_CDC, List.of("app"));
        ReadinessCheck rep = r.get("pg.replication_privilege");
        assertThat(rep.status()).isEqualTo(Status.FAIL);
        assertThat(rep.detail()).contains(PLAIN);
        assertThat(rep.fix()).isEqualTo("ALTER ROLE \"" + PLAIN + "\" WITH REPLICATION;");

        ReadinessCheck sel = r.get("pg.select_privilege");
        assertThat(sel.status()).isEqualTo(Status.FAIL);
        assertThat(sel.detail()).contains("app.audit_log").doesNotContain("app.orders");
        assertThat(sel.fix()).contains("GRANT SELECT ON ALL TABLES IN SCHEMA \"app\" TO \"" + PLAIN + "\";");
    }

    @Test
    void missingSchemaFailsForSources() throws Exception {
        Map<String, ReadinessCheck> r = run(pg.user(), Role.SOURCE_FULL_LOAD, List.of("app", "nope"));
        assertThat(r.get("pg.schemas").status()).isEqualTo(Status.FAIL);
        assertThat(r.get("pg.schemas").detail()).contains("nope").doesNotContain("app,");
    }

    @Test
    void targetPrivileges() throws Exception {
        Map<String, ReadinessCheck> su = run(pg.user(), Role.TARGET, List.of("app", "new_schema"));
        assertThat(su.get("pg.create_privilege").status()).isEqualTo(Status.PASS);
        assertThat(su.get("pg.session_replication_role").status()).isEqualTo(Status.PASS);

        Map<String, ReadinessCheck> plain = run(PLAIN, Role.TARGET, List.of("app", "new_schema"));
        ReadinessCheck create = plain.get("pg.create_privilege");
        assertThat(create.status()).isEqualTo(Status.FAIL);
        assertThat(create.detail()).contains("app").contains("new_schema");
        assertThat(create.fix()).contains("GRANT USAGE, CREATE ON SCHEMA \"app\" TO \"" + PLAIN + "\";")
                .contains("GRANT CREATE ON DATABASE \"" + db + "\" TO \"" + PLAIN + "\";");
        assertThat(plain.get("pg.session_replication_role").status()).isEqualTo(Status.WARN);

        pg.execute(db, "GRANT CREATE ON SCHEMA app TO " + PLAIN);
        assertThat(run(PLAIN, Role.TARGET, List.of("app")).get("pg.create_privilege").status()).isEqualTo(Status.PASS);
    }
}
