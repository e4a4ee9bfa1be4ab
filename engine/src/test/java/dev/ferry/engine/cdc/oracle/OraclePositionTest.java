package dev.ferry.engine.cdc.oracle;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OraclePositionTest {

    @Test
    void textRoundTripsAndSortsLikeThePositions() {
        List<OraclePosition> ps = List.of(new OraclePosition(9, 0, 1, 5), new OraclePosition(10, 0, 0, 5),
                new OraclePosition(10, 0, 2, 5), new OraclePosition(10, 0, OraclePosition.COMMIT_ORDINAL, 5),
                new OraclePosition(10, 1, 0, 5), new OraclePosition(0x1_0000_0000L, 0, 1, 7), OraclePosition.afterScn(0x1_0000_0001L));
        for (OraclePosition p : ps) {
            assertThat(OraclePosition.parse(p.toText())).isEqualTo(p);
        }
        List<OraclePosition> byText = new ArrayList<>(ps);
        byText.sort(Comparator.comparing(OraclePosition::toText));
        List<OraclePosition> byOrder = new ArrayList<>(ps);
        byOrder.sort(OraclePosition::compareTo);
        assertThat(byText).isEqualTo(byOrder).isEqualTo(ps);
        assertThat(new OraclePosition(10, 0, OraclePosition.COMMIT_ORDINAL, 5).isTransactionEnd()).isTrue();
    }

    @Test
    void refusesOtherText() {
        assertThatThrownBy(() -> OraclePosition.parse("pg:0000000000000010:7FFFFFFFFFFFFFFF:0000000000000018"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an Oracle source position");
    }
}
