package dev.ferry.converter.render;

import dev.ferry.converter.assess.ConversionResult;
import dev.ferry.converter.assess.ConvertedObject;
import dev.ferry.converter.assess.ObjectStatus;
import dev.ferry.converter.assess.Severity;
import dev.ferry.converter.verify.ScratchDeployVerifier;
import dev.ferry.testsupport.TestDatabases;
import dev.ferry.testsupport.TestServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.sql.Connection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parse → render → deploy round trip for every golden case against the embedded PostgreSQL: objects that deploy
 * become AUTO/AUTO_WITH_WARNINGS, and the only objects allowed to fail are those the converter already flagged with a
 * HIGH or CRITICAL item.
 */
class GoldenDeployIT {

    static List<String> cases() throws IOException {
        return GoldenCases.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void deploysIntoPostgres(String name) throws Exception {
        ConversionResult conversion = GoldenCases.convert(name);
        TestServer pg = TestDatabases.postgres();
        String db = pg.createDatabase("golden_" + name);
        ScratchDeployVerifier.Outcome outcome;
        try (Connection c = pg.connect(db)) {
            outcome = new ScratchDeployVerifier(c).verify(conversion);
        }
        outcome.errors().forEach((k, m) -> System.out.println("[" + name + "] FAILED " + k + ": " + m));
        for (String failed : outcome.errors().keySet()) {
            if (outcome.errors().get(failed).startsWith("depends on ")) {
                continue; // a dependency failed first (and was itself predicted)
            }
            assertThat(conversion.object(failed).orElseThrow().actionItems()).as(failed + ": " + outcome.errors().get(failed))
                    .anyMatch(i -> i.severity().compareTo(Severity.HIGH) <= 0);
        }
        for (ConvertedObject o : outcome.result().objects()) {
            boolean failed = outcome.errors().containsKey(o.key());
            if (o.converted() && !failed) {
                assertThat(o.status()).as(o.key()).isNotEqualTo(ObjectStatus.MANUAL);
            } else {
                assertThat(o.status()).as(o.key()).isEqualTo(ObjectStatus.MANUAL);
            }
        }
        System.out.println("[" + name + "] " + outcome.result().countsByStatus());
    }
}
