package dev.ferry.converter.parse.oracle;

import dev.ferry.converter.assess.ConversionResult;
import dev.ferry.converter.assess.ObjectStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Everything the grammar accepts in our synthetic Oracle scripts goes through the converter and the translator
 * without exceptions; every object gets a status and nothing is AUTO before verification.
 */
class OracleToPostgresRobustnessTest {

    @ParameterizedTest
    @ValueSource(strings = {"queries.sql", "misc.sql", "triggers.sql", "pkg_state.sql", "logger_pkg.sql"})
    void convertsWithoutExceptions(String name) throws Exception {
        OracleParseResult parsed = new OracleParserFacade().parseFile(Path.of("src/test/resources/oracle", name));
        ConversionResult r = new OracleToPostgresConverter().convert("APP", parsed);
        assertThat(r.objects()).isNotEmpty().allMatch(o -> o.status() == ObjectStatus.MANUAL && !o.verified());
        assertThat(r.deployOrder()).hasSize(r.objects().size());
        OracleToPostgresSql t = new OracleToPostgresSql();
        int translated = 0;
        for (OracleParsedStatement s : parsed.statements()) {
            if (s.kind() == OracleStatementKind.SELECT) {
                assertThat(t.statement(s).sql()).isNotBlank();
                translated++;
            }
            translated += t.dmlStatements(s).size();
        }
        System.out.println(name + ": " + r.objects().size() + " objects, " + translated + " statements translated");
    }
}
