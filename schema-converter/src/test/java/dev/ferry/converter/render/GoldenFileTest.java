package dev.ferry.converter.render;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Each Oracle input under {@code golden/oracle} converts to exactly the PostgreSQL text under
 * {@code golden/expected/postgresql}. A missing expectation is written to {@code target/golden-new/postgresql} and
 * the test fails: a reviewer must read it and copy it over; nothing is accepted silently.
 */
class GoldenFileTest {

    static List<String> cases() throws IOException {
        return GoldenCases.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void convertsAsExpected(String name) throws IOException {
        String actual = GoldenCases.format(GoldenCases.convert(name));
        Path expected = GoldenCases.EXPECTED.resolve(name + ".sql");
        if (!Files.exists(expected)) {
            Path out = GoldenCases.NEW.resolve(name + ".sql");
            Files.createDirectories(out.getParent());
            Files.writeString(out, actual);
            fail("No expectation for golden case '" + name + "'. Review " + out.toAbsolutePath() + " and copy it to "
                    + expected + " if it is right.");
        }
        assertThat(actual).as("golden case " + name + " (expected file " + expected + ")")
                .isEqualTo(Files.readString(expected));
    }

    @org.junit.jupiter.api.Test
    void thereAreGoldenCasesForEveryConstruct() throws IOException {
        assertThat(cases()).contains("types", "identity", "constraints", "indexes", "views", "comments", "partitions", "gtt");
    }
}
