package dev.ferry.app.convert;

import dev.ferry.converter.assess.ActionItem;
import dev.ferry.converter.assess.ConversionResult;
import dev.ferry.converter.assess.ConvertedObject;
import dev.ferry.converter.assess.DeployPhase;
import dev.ferry.converter.assess.ObjectStatus;
import dev.ferry.converter.target.mysql.MySqlTargetVerifier;
import dev.ferry.model.schema.Engine;
import dev.ferry.testsupport.TestDatabases;
import dev.ferry.testsupport.TestServer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The MySQL verifier on the embedded MariaDB: failures keep objects MANUAL with the server's message, nothing is left behind. */
class MySqlTargetVerifierIT {

    private static ConvertedObject obj(String type, String name, String sql, DeployPhase phase, List<String> deps) {
        return new ConvertedObject(type.equals("SCHEMA") ? null : "shop", name, type, ObjectStatus.MANUAL, false, null, 0, null, sql,
                phase, deps, List.<ActionItem>of());
    }

    @Test
    void failuresStayManualWithTheServersMessageAndTheScratchDatabaseIsDropped() throws Exception {
        List<ConvertedObject> objects = List.of(
                obj("SCHEMA", "shop", "CREATE DATABASE IF NOT EXISTS shop CHARACTER SET utf8mb4 COLLATE utf8mb4_bin", DeployPhase.PRE_LOAD, List.of()),
                obj("TABLE", "good", "CREATE TABLE good (id int NOT NULL, PRIMARY KEY (id))", DeployPhase.PRE_LOAD, List.of("SCHEMA:shop")),
                obj("TABLE", "bad", "CREATE TABLE bad (id nosuchtype)", DeployPhase.PRE_LOAD, List.of("SCHEMA:shop")),
                obj("INDEX", "bad.bad_id", "CREATE INDEX bad_id ON bad (id)", DeployPhase.POST_LOAD, List.of("TABLE:shop.bad")),
                obj("VIEW", "v", "CREATE VIEW v AS SELECT id FROM good", DeployPhase.POST_LOAD, List.of("TABLE:shop.good")),
                obj("VIEW", "unparsable", "CREATE VIEW unparsable AS SELECT FROM WHERE", DeployPhase.POST_LOAD, List.of()));
        ConversionResult conversion = new ConversionResult(Engine.POSTGRESQL, Engine.MYSQL, objects,
                objects.stream().map(ConvertedObject::key).toList());
        TestServer my = TestDatabases.mysql();
        String home = my.createDatabase("verifier_home");
        try (Connection c = my.connect(home)) {
            MySqlTargetVerifier.Outcome out = new MySqlTargetVerifier().verify(c, conversion);
            ConversionResult r = out.result();
            assertThat(r.object("TABLE:shop.good").orElseThrow().status()).isEqualTo(ObjectStatus.AUTO);
            assertThat(r.object("VIEW:shop.v").orElseThrow().status()).isEqualTo(ObjectStatus.AUTO);
            ConvertedObject bad = r.object("TABLE:shop.bad").orElseThrow();
            assertThat(bad.status()).isEqualTo(ObjectStatus.MANUAL);
            assertThat(bad.actionItems()).anyMatch(i -> i.code().equals("ORA-PG-0902") && i.message().contains("nosuchtype"));
            assertThat(r.object("INDEX:shop.bad.bad_id").orElseThrow().actionItems())
                    .anyMatch(i -> i.message().contains("depends on TABLE:shop.bad"));
            assertThat(r.object("VIEW:shop.unparsable").orElseThrow().actionItems())
                    .anyMatch(i -> i.message().contains("does not re-parse with Ferry's MySQL grammar"));
            assertThat(out.failed()).isEqualTo(3);
            // the connection is back in its database and no scratch database (nor "shop") was left behind
            assertThat(c.getCatalog()).isEqualTo(home);
            try (ResultSet rs = c.createStatement().executeQuery(
                    "select count(*) from information_schema.SCHEMATA where SCHEMA_NAME like 'ferry_verify_%' or SCHEMA_NAME = 'shop'")) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
        }
    }
}
