package dev.ferry.engine.load;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MemoryBudgetTest {

    private static final long MIB = 1L << 20;

    @Test
    void theConfiguredBudgetStaysWhenTheHeapHoldsIt() {
        assertThat(MemoryBudget.forHeap(256 * MIB, 640 * MIB)).isEqualTo(256 * MIB);
        assertThat(MemoryBudget.forHeap(256 * MIB, 6 * 1024 * MIB)).isEqualTo(256 * MIB);
    }

    @Test
    void aSmallHeapShrinksTheBudgetToTwoFifthsOfIt() {
        assertThat(MemoryBudget.forHeap(256 * MIB, 500 * MIB)).isEqualTo(200 * MIB);
        assertThat(MemoryBudget.forHeap(256 * MIB, 100 * MIB)).isEqualTo(40 * MIB);
    }

    @Test
    void theBudgetNeverFallsBelowOneMibNorRisesAboveTheConfiguredValue() {
        assertThat(MemoryBudget.forHeap(256 * MIB, 1 * MIB)).isEqualTo(MIB);
        assertThat(MemoryBudget.forHeap(64 * 1024, 1 * MIB)).isEqualTo(64 * 1024);
    }
}
