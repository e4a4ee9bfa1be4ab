package dev.ferry.engine.load;

import dev.ferry.engine.load.postgres.PostgresCopyWriter;
import dev.ferry.model.schema.DataType;
import dev.ferry.model.schema.Engine;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The exactness rules of {@link ValueConverter}, {@link Normalizer} and the COPY encoding, without a database. */
class ExactValueRulesTest {

    private final ValueConverter.Warnings none = c -> {
        throw new AssertionError("no warning expected for " + c);
    };

    private static DataType type(String name, Integer precision, Integer scale) {
        return new DataType(name, null, precision, scale, null, false, false, java.util.List.of(), 0, name);
    }

    @Test
    void decimalsTheTargetWouldRoundOrClampAreRejected() throws Exception {
        ValueConverter toPg = ValueConverter.of(Engine.MYSQL, Engine.POSTGRESQL);
        DataType n102 = type("numeric", 10, 2);
        assertThat(toPg.convert(new BigDecimal("1.2300"), ValueKind.DECIMAL, n102, "v", none)).isEqualTo(new BigDecimal("1.2300"));
        assertThat(toPg.convert(new BigDecimal("99999999.99"), ValueKind.DECIMAL, n102, "v", none)).isNotNull();
        assertThatThrownBy(() -> toPg.convert(new BigDecimal("1.235"), ValueKind.DECIMAL, n102, "v", none))
                .hasMessage("has more than 2 decimal places; numeric(10,2) would round it");
        assertThatThrownBy(() -> toPg.convert(new BigDecimal("123456789"), ValueKind.DECIMAL, n102, "v", none))
                .hasMessage("has 9 integer digits; numeric(10,2) holds at most 8 digits before the point");
        // unconstrained numeric: anything
        assertThat(toPg.convert(new BigDecimal("1e-40"), ValueKind.DECIMAL, type("numeric", null, null), "v", none)).isNotNull();

        ValueConverter toLite = ValueConverter.of(Engine.POSTGRESQL, Engine.SQLITE);
        assertThat(toLite.convert(new BigDecimal("7.000"), ValueKind.DECIMAL, type("NUMERIC", null, null), "v", none)).isEqualTo(7L);
        assertThat(toLite.convert(new BigDecimal("19.99"), ValueKind.DECIMAL, type("NUMERIC", null, null), "v", none))
                .isEqualTo(new BigDecimal("19.99"));
        assertThatThrownBy(() -> toLite.convert(new BigDecimal("1234567890123456.7"), ValueKind.DECIMAL, type("NUMERIC", null, null), "v", none))
                .hasMessageContaining("17 significant digits");
        assertThatThrownBy(() -> toLite.convert(new BigInteger("18446744073709551615"), ValueKind.INTEGER, type("INTEGER", null, null), "v", none))
                .hasMessageContaining("64-bit");
        assertThatThrownBy(() -> toPg.convert(new BigDecimal("12345678901234567890.5"), ValueKind.FLOAT, type("float8", null, null), "v", none))
                .hasMessageContaining("floating-point");
    }

    @Test
    void bytesThatAreNotUtf8AreNeverReplaced() throws Exception {
        ValueConverter c = ValueConverter.of(Engine.MYSQL, Engine.POSTGRESQL);
        assertThat(c.convert(new byte[] {(byte) 0xC3, (byte) 0xA4}, ValueKind.TEXT, "v", none)).isEqualTo("ä");
        assertThatThrownBy(() -> c.convert(new byte[] {(byte) 0xC3, 0x28}, ValueKind.TEXT, "v", none))
                .isInstanceOf(RowRejectedException.class).hasMessageContaining("not valid UTF-8")
                .satisfies(e -> assertThat(((RowRejectedException) e).valueExcerpt()).isEqualTo("c328"));
    }

    @Test
    void integerBooleansKeepTheirValueWhereTheTargetIsAnInteger() throws Exception {
        assertThat(ValueConverter.of(Engine.MYSQL, Engine.MYSQL).convert(2L, ValueKind.BOOLEAN, "b", none)).isEqualTo(2L);
        assertThat(ValueConverter.of(Engine.MYSQL, Engine.SQLITE).convert(-1L, ValueKind.BOOLEAN, "b", none)).isEqualTo(-1L);
        assertThatThrownBy(() -> ValueConverter.of(Engine.MYSQL, Engine.POSTGRESQL).convert(2L, ValueKind.BOOLEAN, "b", none))
                .hasMessageContaining("not a boolean");
        assertThat(Normalizer.normalize(2L, ValueKind.BOOLEAN)).isNotEqualTo(Normalizer.normalize(true, ValueKind.BOOLEAN));
    }

    @Test
    void postgresOnlyDatesAreRejectedElsewhereAndEncodedForCopy() throws Exception {
        ValueConverter toMy = ValueConverter.of(Engine.POSTGRESQL, Engine.MYSQL);
        assertThatThrownBy(() -> toMy.convert(LocalDate.MAX, ValueKind.DATE, "d", none)).hasMessage("infinity has no equivalent on MySQL/MariaDB");
        assertThatThrownBy(() -> toMy.convert(LocalDate.of(-43, 3, 15), ValueKind.DATE, "d", none))
                .hasMessage("year -43 (44 BC) has no equivalent on MySQL/MariaDB");
        ValueConverter toPg = ValueConverter.of(Engine.POSTGRESQL, Engine.POSTGRESQL);
        assertThat(toPg.convert(OffsetDateTime.MAX, ValueKind.TIMESTAMP, "t", none)).isEqualTo(LocalDateTime.MAX);
        assertThat(toPg.convert("24:00:00", ValueKind.TIME, "t", none)).isEqualTo("24:00:00");
        assertThatThrownBy(() -> toPg.convert("-00:00:01", ValueKind.TIME, "t", none)).hasMessage("not a time of day");
        assertThat(ValueConverter.of(Engine.MYSQL, Engine.MYSQL).convert("-838:59:59.000000", ValueKind.TIME, "t", none))
                .isEqualTo("-838:59:59.000000");

        StringBuilder sb = new StringBuilder();
        PostgresCopyWriter.encodeRow(sb, new Object[] {LocalDate.MAX, LocalDateTime.MIN, LocalDate.of(-43, 3, 15),
                LocalDateTime.of(-4712, 1, 1, 0, 0), LocalDate.of(294276, 12, 31), OffsetDateTime.of(2024, 6, 1, 12, 0, 0, 0, ZoneOffset.ofHours(2))});
        assertThat(sb.toString()).isEqualTo("infinity\t-infinity\t0044-03-15 BC\t4713-01-01T00:00:00 BC\t294276-12-31\t2024-06-01T10:00:00Z\n");
    }

    @Test
    void normalisationComparesDocumentsTimesAndEpochsByValue() {
        assertThat(Normalizer.normalize("{\"b\": 1, \"a\": [1.50, \"🚲\"]}", ValueKind.JSON))
                .isEqualTo(Normalizer.normalize("{\"a\":[1.5,\"🚲\"],\"b\":1}", ValueKind.JSON))
                .isEqualTo("{\"a\":[1.5,\"🚲\"],\"b\":1}");
        assertThat(Normalizer.normalize("{\"a\": 1}", ValueKind.JSON)).isNotEqualTo(Normalizer.normalize("{\"a\": \"1\"}", ValueKind.JSON));
        assertThat(Normalizer.normalize("not json {", ValueKind.JSON)).isEqualTo("not json {");
        assertThat(Normalizer.normalize("24:00:00.000000", ValueKind.TIME)).isEqualTo("24:00:00");
        assertThat(Normalizer.normalize("-838:59:59.500000", ValueKind.TIME)).isEqualTo("-838:59:59.5");
        assertThat(Normalizer.normalize(1700000000L, ValueKind.TIMESTAMP)).isEqualTo("2023-11-14T22:13:20");
        assertThat(Normalizer.normalize(OffsetDateTime.MAX, ValueKind.TIMESTAMPTZ)).isEqualTo("infinity");
        assertThat(Normalizer.normalize(new byte[] {(byte) 0xC3, (byte) 0xA4}, ValueKind.TEXT)).isEqualTo("ä");
        assertThat(Normalizer.normalize(new byte[] {(byte) 0xC3, 0x28}, ValueKind.TEXT)).isEqualTo("\\xc328");
    }
}
