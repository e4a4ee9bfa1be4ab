package dev.ferry.converter.render;

import dev.ferry.converter.assess.ConversionResult;
import dev.ferry.converter.assess.ConvertedObject;
import dev.ferry.converter.assess.DeployPhase;
import dev.ferry.converter.verify.ScratchDeployVerifier;
import dev.ferry.testsupport.TestDatabases;
import dev.ferry.testsupport.TestServer;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The ferry_compat helpers of the {@code compat_helpers} golden case, deployed for real, return what Oracle returns
 * (values from the Oracle SQL Language Reference examples and hand-checked Oracle results).
 */
class CompatHelpersRuntimeIT {

    private static Object scalar(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getObject(1);
        }
    }

    @Test
    void helpersAreEmittedOnceBeforeTheirUsersAndMatchOracle() throws Exception {
        ConversionResult conversion = GoldenCases.convert("compat_helpers");
        assertThat(conversion.objects()).filteredOn(o -> "ferry_compat".equals(o.schema()) || "ferry_compat".equals(o.name()))
                .extracting(ConvertedObject::key)
                .containsExactlyInAnyOrder("SCHEMA:ferry_compat", "FUNCTION:ferry_compat.instr", "FUNCTION:ferry_compat.months_between");
        assertThat(conversion.object("FUNCTION:ferry_compat.instr").orElseThrow().deployPhase()).isEqualTo(DeployPhase.PRE_LOAD);
        assertThat(conversion.object("VIEW:golden.contract_terms").orElseThrow().dependsOn())
                .contains("FUNCTION:ferry_compat.instr", "FUNCTION:ferry_compat.months_between");
        assertThat(conversion.object("VIEW:golden.contract_codes").orElseThrow().dependsOn())
                .doesNotContain("FUNCTION:ferry_compat.instr");

        TestServer pg = TestDatabases.postgres();
        try (Connection c = pg.connect(pg.createDatabase("rt_compat")); Statement st = c.createStatement()) {
            ScratchDeployVerifier.Outcome outcome = new ScratchDeployVerifier(c).deploy(conversion);
            assertThat(outcome.errors()).isEmpty();
            // MONTHS_BETWEEN: both last days of a month → whole months; otherwise days / 31
            assertThat((BigDecimal) scalar(st, "SELECT ferry_compat.months_between(DATE '2020-03-31', DATE '2020-02-29')"))
                    .isEqualByComparingTo("1");
            assertThat(((BigDecimal) scalar(st, "SELECT ferry_compat.months_between(DATE '2020-03-15', DATE '2020-02-01')")).doubleValue())
                    .isCloseTo(1.4516129, org.assertj.core.api.Assertions.within(1e-7));
            // Oracle documentation example: MONTHS_BETWEEN('02-02-1995', '01-01-1995') = 1.03225806
            assertThat(((BigDecimal) scalar(st, "SELECT ferry_compat.months_between(DATE '1995-02-02', DATE '1995-01-01')")).doubleValue())
                    .isCloseTo(1.03225806, org.assertj.core.api.Assertions.within(1e-8));
            assertThat(((BigDecimal) scalar(st, "SELECT ferry_compat.months_between(DATE '2020-01-15', DATE '2020-03-15')")).intValue())
                    .isEqualTo(-2);
            // time of day counts in the fraction: 12 hours = 0.5 / 31 months
            assertThat(((BigDecimal) scalar(st, "SELECT ferry_compat.months_between(TIMESTAMP '2020-03-16 12:00', TIMESTAMP '2020-02-01 00:00')")).doubleValue())
                    .isCloseTo(1 + 15.5 / 31, org.assertj.core.api.Assertions.within(1e-9));
            // INSTR: Oracle documentation examples
            assertThat(scalar(st, "SELECT ferry_compat.instr('CORPORATE FLOOR', 'OR', 3, 2)")).isEqualTo(14);
            assertThat(scalar(st, "SELECT ferry_compat.instr('CORPORATE FLOOR', 'OR', -3, 2)")).isEqualTo(2);
            assertThat(scalar(st, "SELECT ferry_compat.instr('CORPORATE FLOOR', 'OR', 3)")).isEqualTo(5);
            assertThat(scalar(st, "SELECT ferry_compat.instr('CORPORATE FLOOR', 'OR', -1)")).isEqualTo(14);
            assertThat(scalar(st, "SELECT ferry_compat.instr('CORPORATE FLOOR', 'XY', 1, 1)")).isEqualTo(0);
            assertThat(scalar(st, "SELECT ferry_compat.instr('CORPORATE FLOOR', 'OR', 0)")).isEqualTo(0);
            assertThat(scalar(st, "SELECT ferry_compat.instr(NULL, 'OR', 1)")).isNull();
            assertThatThrownBy(() -> scalar(st, "SELECT ferry_compat.instr('abc', 'b', 1, 0)"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("22003"));
            // the converted view over data
            st.execute("INSERT INTO golden.contracts VALUES (1, 'AB-12-XY', DATE '2020-02-01', DATE '2020-03-15')");
            try (ResultSet rs = st.executeQuery("SELECT months_run, second_dash, last_dash FROM golden.contract_terms")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getDouble(1)).isCloseTo(1.4516129, org.assertj.core.api.Assertions.within(1e-7));
                assertThat(rs.getInt(2)).isEqualTo(6);
                assertThat(rs.getInt(3)).isEqualTo(6);
            }
        }
    }
}
