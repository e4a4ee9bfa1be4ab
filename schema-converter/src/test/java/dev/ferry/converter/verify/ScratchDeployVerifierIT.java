package dev.ferry.converter.verify;

import dev.ferry.converter.assess.ActionCode;
import dev.ferry.converter.assess.ActionItem;
import dev.ferry.converter.assess.ConversionResult;
import dev.ferry.converter.assess.ConvertedObject;
import dev.ferry.converter.assess.DeployOrder;
import dev.ferry.converter.assess.DeployPhase;
import dev.ferry.converter.assess.ObjectStatus;
import dev.ferry.model.schema.Engine;
import dev.ferry.testsupport.TestDatabases;
import dev.ferry.testsupport.TestServer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The scratch verifier deploys in order with a savepoint per object, downgrades failures and leaves nothing behind. */
class ScratchDeployVerifierIT {

    private static ConvertedObject obj(String type, String name, String sql, List<String> deps, List<ActionItem> items) {
        return new ConvertedObject("v", name, type, ObjectStatus.MANUAL, false, "x.sql", 1, null, sql,
                type.equals("TABLE") || type.equals("SCHEMA") ? DeployPhase.PRE_LOAD : DeployPhase.POST_LOAD, deps, items);
    }

    @Test
    void verifiesEachObjectAndRollsBack() throws Exception {
        List<ConvertedObject> objects = List.of(
                obj("SCHEMA", "v", "CREATE SCHEMA v", List.of(), List.of()),
                obj("TABLE", "t", "CREATE TABLE v.t (id integer PRIMARY KEY, n numeric)", List.of("SCHEMA:v"),
                        List.of(ActionItem.of(ActionCode.NUMBER_WITHOUT_PRECISION, "n"))),
                obj("TABLE", "plain", "CREATE TABLE v.plain (id integer)", List.of("SCHEMA:v"),
                        List.of(ActionItem.of(ActionCode.BITMAP_INDEX_TO_BTREE, "info only"))),
                obj("VIEW", "bad", "CREATE VIEW v.bad AS SELECT nvl(id, 0) FROM v.t", List.of("TABLE:v.t"), List.of()),
                obj("VIEW", "on_bad", "CREATE VIEW v.on_bad AS SELECT * FROM v.bad", List.of("VIEW:v.bad"), List.of()),
                obj("VIEW", "good", "CREATE VIEW v.good AS SELECT id FROM v.t", List.of("TABLE:v.t"), List.of()),
                obj("ROUTINE", "p", null, List.of(), List.of(ActionItem.of(ActionCode.NOT_CONVERTED, "p"))));
        ConversionResult conversion = new ConversionResult(Engine.ORACLE, Engine.POSTGRESQL, objects,
                DeployOrder.sort(objects).order());
        TestServer pg = TestDatabases.postgres();
        String db = pg.createDatabase("verifier");
        try (Connection c = pg.connect(db)) {
            assertThat(c.getAutoCommit()).isTrue();
            ScratchDeployVerifier.Outcome out = new ScratchDeployVerifier(c).verify(conversion);
            assertThat(c.getAutoCommit()).isTrue();
            assertThat(out.deployed()).isEqualTo(4);
            assertThat(out.failed()).isEqualTo(2);
            ConversionResult r = out.result();
            assertThat(r.object("SCHEMA:v.v").orElseThrow().status()).isEqualTo(ObjectStatus.AUTO);
            assertThat(r.object("TABLE:v.plain").orElseThrow().status()).isEqualTo(ObjectStatus.AUTO);
            assertThat(r.object("TABLE:v.t").orElseThrow().status()).isEqualTo(ObjectStatus.AUTO_WITH_WARNINGS);
            assertThat(r.object("VIEW:v.good").orElseThrow().status()).isEqualTo(ObjectStatus.AUTO);
            ConvertedObject bad = r.object("VIEW:v.bad").orElseThrow();
            assertThat(bad.status()).isEqualTo(ObjectStatus.MANUAL);
            assertThat(bad.verified()).isFalse();
            assertThat(bad.actionItems()).anyMatch(i -> i.code().equals("ORA-PG-0902") && i.message().contains("nvl"));
            assertThat(out.errors().get("VIEW:v.on_bad")).startsWith("depends on VIEW:v.bad");
            assertThat(r.object("ROUTINE:v.p").orElseThrow().status()).isEqualTo(ObjectStatus.MANUAL);
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_namespace WHERE nspname = 'v'")) {
                rs.next();
                assertThat(rs.getLong(1)).as("everything rolled back").isZero();
            }
        }
    }
}
