package dev.ferry.converter.direction;

import dev.ferry.converter.assess.ConversionResult;
import dev.ferry.converter.assess.ConvertedObject;
import dev.ferry.converter.assess.ObjectStatus;
import dev.ferry.converter.assess.Severity;
import dev.ferry.model.schema.Engine;
import dev.ferry.testsupport.TestDatabases;
import dev.ferry.testsupport.TestServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.sql.Connection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every SQLite and PostgreSQL golden case, converted and deployed through the registered PostgreSQL
 * {@link dev.ferry.converter.direction.TargetVerifier} into the embedded PostgreSQL: converted objects that deploy become
 * AUTO/AUTO_WITH_WARNINGS, the rest MANUAL, and only objects the converter already flagged HIGH or worse may fail.
 */
class DirectionGoldenDeployIT {

    static List<String> cases() throws IOException {
        return DirectionGoldenTest.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void deploysIntoPostgres(String name) throws Exception {
        ConversionResult conversion = DirectionGoldenTest.convert(name);
        TestServer pg = TestDatabases.postgres();
        String db = pg.createDatabase("dir_" + name);
        ConversionResult verified;
        try (Connection c = pg.connect(db)) {
            verified = Directions.verifier(Engine.POSTGRESQL).orElseThrow().deploy(c, conversion);
        }
        for (ConvertedObject o : verified.objects()) {
            ConvertedObject before = conversion.object(o.key()).orElseThrow();
            if (o.converted() && !o.verified()) {
                System.out.println("[" + name + "] FAILED " + o.key() + ": " + o.actionItems());
                assertThat(before.actionItems()).as(o.key() + " failed without a HIGH item")
                        .anyMatch(i -> i.severity().compareTo(Severity.HIGH) <= 0);
            }
            assertThat(o.status() == ObjectStatus.MANUAL).as(o.key()).isEqualTo(!o.converted() || !o.verified());
        }
        long failed = verified.objects().stream().filter(o -> o.converted() && !o.verified()).count();
        assertThat(failed).as("converted objects of " + name + " that did not deploy").isZero();
        System.out.println("[" + name + "] " + verified.countsByStatus());
    }
}
