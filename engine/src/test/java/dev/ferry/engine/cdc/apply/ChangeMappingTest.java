package dev.ferry.engine.cdc.apply;

import dev.ferry.engine.cdc.ChangeColumn;
import dev.ferry.engine.cdc.ChangeEvent;
import dev.ferry.engine.cdc.ChangeEvent.BeforeImage;
import dev.ferry.engine.cdc.ChangeEvent.Operation;
import dev.ferry.engine.cdc.ValueMarker;
import dev.ferry.engine.cdc.postgres.PostgresPosition;
import dev.ferry.engine.load.RowFilter;
import dev.ferry.engine.load.RowFilter.ColumnFilter;
import dev.ferry.engine.load.RowFilter.Condition;
import dev.ferry.engine.load.RowFilter.Op;
import dev.ferry.model.schema.QualifiedName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The row-filter decisions of {@link ChangeMapping} per operation and before image, without a database. */
class ChangeMappingTest {

    private static final QualifiedName T = new QualifiedName("s", "t");
    private static final List<ChangeColumn> COLS = List.of(
            new ChangeColumn("id", "int4", 23, -1, true),
            new ChangeColumn("status", "text", 25, -1, false),
            new ChangeColumn("amount", "numeric", 1700, -1, false));
    /** status in (paid, shipped) AND amount >= 10 */
    private static final RowFilter PAID = RowFilter.of(List.of(
            new ColumnFilter("status", List.of(new Condition(Op.EQ, "paid"), new Condition(Op.EQ, "shipped"))),
            new ColumnFilter("amount", List.of(new Condition(Op.GTE, "10")))));
    private static final RowFilter BY_KEY = RowFilter.of(List.of(
            new ColumnFilter("id", List.of(new Condition(Op.BETWEEN, "1", "100")))));

    private static ChangeEvent.RowChange change(Operation op, BeforeImage image, List<Object> before, List<Object> after) {
        return new ChangeEvent.RowChange(op, T, COLS, image, before, after, new PostgresPosition(100, 0, 100));
    }

    private static List<Object> row(Object id, Object status, Object amount) {
        return Arrays.asList(id, status, amount);
    }

    @Test
    void insertsOutsideTheFilterAreSkipped() {
        assertThat(ChangeMapping.filter(PAID, change(Operation.INSERT, BeforeImage.NONE, null, row(1, "paid", new BigDecimal("10.00")))))
                .isNotNull();
        assertThat(ChangeMapping.filter(PAID, change(Operation.INSERT, BeforeImage.NONE, null, row(1, "paid", new BigDecimal("9.99")))))
                .isNull();
        assertThat(ChangeMapping.filter(PAID, change(Operation.INSERT, BeforeImage.NONE, null, row(1, "open", 50L)))).isNull();
        assertThat(ChangeMapping.filter(PAID, change(Operation.INSERT, BeforeImage.NONE, null, row(1, "shipped", null)))).isNull();
    }

    @Test
    void anUpdateLeavingTheFilterBecomesADeleteOfTheOldKey() {
        ChangeEvent.RowChange out = ChangeMapping.filter(PAID, change(Operation.UPDATE, BeforeImage.NONE, null, row(7, "void", 50L)));
        assertThat(out.operation()).isEqualTo(Operation.DELETE);
        assertThat(out.before()).containsExactly(7, "void", 50L);
        // with the full old row: a key change out of the filter deletes the OLD key
        ChangeEvent.RowChange full = ChangeMapping.filter(PAID, change(Operation.UPDATE, BeforeImage.FULL,
                row(7, "paid", 50L), row(8, "void", 50L)));
        assertThat(full.operation()).isEqualTo(Operation.DELETE);
        assertThat(full.before().get(0)).isEqualTo(7);
    }

    @Test
    void anUpdateEnteringTheFilterBecomesAnInsertWhenTheOldRowIsKnown() {
        ChangeEvent.RowChange in = ChangeMapping.filter(PAID, change(Operation.UPDATE, BeforeImage.FULL,
                row(7, "open", 50L), row(7, "paid", 50L)));
        assertThat(in.operation()).isEqualTo(Operation.INSERT);
        assertThat(in.after()).containsExactly(7, "paid", 50L);
        // old row unknown (default replica identity): stays an update, which the applier applies as an upsert
        ChangeEvent.RowChange unknown = ChangeMapping.filter(PAID, change(Operation.UPDATE, BeforeImage.NONE, null, row(7, "paid", 50L)));
        assertThat(unknown.operation()).isEqualTo(Operation.UPDATE);
    }

    @Test
    void changesOutsideTheFilterBeforeAndAfterAreSkippedWhenTheOldRowIsKnown() {
        assertThat(ChangeMapping.filter(PAID, change(Operation.UPDATE, BeforeImage.FULL, row(7, "open", 1L), row(7, "void", 1L))))
                .isNull();
        assertThat(ChangeMapping.filter(PAID, change(Operation.DELETE, BeforeImage.FULL, row(7, "open", 1L), null))).isNull();
        // only the key is known and the filter is not on the key: the delete is applied (harmless when the row is absent)
        assertThat(ChangeMapping.filter(PAID, change(Operation.DELETE, BeforeImage.KEY, row(7, null, null), null))).isNotNull();
        // a filter on the key alone is decided from the key image
        assertThat(ChangeMapping.filter(BY_KEY, change(Operation.DELETE, BeforeImage.KEY, row(700, null, null), null))).isNull();
        assertThat(ChangeMapping.filter(BY_KEY, change(Operation.DELETE, BeforeImage.KEY, row(70, null, null), null))).isNotNull();
        assertThat(ChangeMapping.filter(BY_KEY, change(Operation.UPDATE, BeforeImage.NONE, null, row(700, "paid", 1L)))).isNull();
    }

    @Test
    void anUnsentFilteredValueLeavesTheUpdateAsItIs() {
        ChangeEvent.RowChange r = change(Operation.UPDATE, BeforeImage.NONE, null, row(7, ValueMarker.UNCHANGED_TOAST, 50L));
        assertThat(ChangeMapping.filter(PAID, r)).isSameAs(r);
    }

    @Test
    void valuesCompareByTheirType() {
        assertThat(ChangeMapping.compare(9L, "10")).isNegative();          // numerically, not "9" > "10"
        assertThat(ChangeMapping.compare(new BigDecimal("10.00"), "10")).isZero();
        assertThat(ChangeMapping.compare(LocalDate.of(2024, 1, 2), "2024-01-02")).isZero();
        assertThat(ChangeMapping.compare(true, "t")).isZero();
        assertThat(ChangeMapping.compare("b", "a")).isPositive();
    }
}
