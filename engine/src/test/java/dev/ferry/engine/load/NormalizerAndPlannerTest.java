package dev.ferry.engine.load;

import dev.ferry.model.schema.Engine;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class NormalizerAndPlannerTest {

    @Test
    void equalValuesFromDifferentEnginesNormaliseAlike() {
        assertThat(Normalizer.normalize(1.0, ValueKind.FLOAT)).isEqualTo(Normalizer.normalize(new BigDecimal("1.000"), ValueKind.DECIMAL))
                .isEqualTo(Normalizer.normalize(1L, ValueKind.INTEGER)).isEqualTo("1");
        assertThat(Normalizer.normalize(new BigDecimal("0.00"), ValueKind.DECIMAL)).isEqualTo("0");
        assertThat(Normalizer.normalize(new BigDecimal("1E+3"), ValueKind.DECIMAL)).isEqualTo("1000");
        assertThat(Normalizer.normalize(true, ValueKind.BOOLEAN)).isEqualTo(Normalizer.normalize(1L, ValueKind.BOOLEAN)).isEqualTo("1");
        assertThat(Normalizer.normalize("2024-01-02 03:04:00", ValueKind.TIMESTAMP))
                .isEqualTo(Normalizer.normalize(LocalDateTime.of(2024, 1, 2, 3, 4), ValueKind.TIMESTAMP)).isEqualTo("2024-01-02T03:04:00");
        assertThat(Normalizer.normalize(OffsetDateTime.of(2024, 1, 2, 3, 4, 0, 0, ZoneOffset.ofHours(1)), ValueKind.TIMESTAMPTZ))
                .isEqualTo("2024-01-02T02:04:00")
                .isEqualTo(Normalizer.normalize(LocalDateTime.of(2024, 1, 2, 2, 4), ValueKind.TIMESTAMP));
        assertThat(Normalizer.normalize(new byte[] {1, (byte) 0xAB}, ValueKind.BINARY)).isEqualTo("01ab");
        assertThat(Normalizer.normalize("", ValueKind.TEXT)).isEmpty();
        assertThat(Normalizer.normalize(null, ValueKind.TEXT)).isNull();
        assertThat(Normalizer.normalize(SpecialValue.ZERO_DATE, ValueKind.DATE)).isNull();
    }

    @Test
    void splitsIntoEqualWidthRangesOpenAtBothEnds() {
        assertThat(LoadPlanner.split(1, 100, 4)).containsExactly(new KeyRange(0, null, 26L), new KeyRange(1, 26L, 51L),
                new KeyRange(2, 51L, 76L), new KeyRange(3, 76L, null));
        assertThat(LoadPlanner.split(5, 7, 8)).hasSize(3); // never more ranges than keys
        assertThat(LoadPlanner.split(Long.MIN_VALUE, Long.MAX_VALUE, 2))
                .containsExactly(new KeyRange(0, null, 0L), new KeyRange(1, 0L, null));
    }

    @Test
    void valueKindsFromDeclaredTypes() {
        assertThat(ValueKind.of(Engine.MYSQL, TestTables.type("tinyint(1)"))).isEqualTo(ValueKind.BOOLEAN);
        assertThat(ValueKind.of(Engine.MYSQL, TestTables.type("tinyint(4)"))).isEqualTo(ValueKind.INTEGER);
        assertThat(ValueKind.of(Engine.MYSQL, TestTables.type("int unsigned"))).isEqualTo(ValueKind.INTEGER);
        assertThat(ValueKind.of(Engine.SQLITE, TestTables.type("DATETIME"))).isEqualTo(ValueKind.TIMESTAMP);
        assertThat(ValueKind.of(Engine.SQLITE, TestTables.type("NUMERIC(10,2)"))).isEqualTo(ValueKind.DECIMAL);
        assertThat(ValueKind.of(Engine.SQLITE, TestTables.type("BOOLEAN"))).isEqualTo(ValueKind.BOOLEAN);
        assertThat(ValueKind.of(Engine.SQLITE, TestTables.type("VARCHAR(20)"))).isEqualTo(ValueKind.TEXT);
        assertThat(ValueKind.of(Engine.POSTGRESQL, TestTables.type("double precision"))).isEqualTo(ValueKind.FLOAT);
        assertThat(ValueKind.of(Engine.POSTGRESQL, TestTables.type("timestamp with time zone"))).isEqualTo(ValueKind.TIMESTAMPTZ);
    }

    @Test
    void quotesIdentifiersPerEngine() {
        assertThat(Sql.quote(Engine.MYSQL, "a`b")).isEqualTo("`a``b`");
        assertThat(Sql.quote(Engine.POSTGRESQL, "a\"b")).isEqualTo("\"a\"\"b\"");
        assertThat(Sql.quote(Engine.SQLITE, "a`b")).isEqualTo("`a``b`"); // never "..." (SQLite's string fallback)
        assertThat(Sql.rangePredicate(Engine.POSTGRESQL, "id", new KeyRange(1, 10L, 20L))).isEqualTo(" WHERE \"id\" >= 10 AND \"id\" < 20");
        assertThat(Sql.rangePredicate(Engine.POSTGRESQL, "id", KeyRange.whole())).isEmpty();
    }
}
