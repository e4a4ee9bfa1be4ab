package dev.ferry.engine.load;

import dev.ferry.model.schema.Engine;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValueConverterTest {

    private final AtomicInteger zeroDates = new AtomicInteger();
    private final ValueConverter.Warnings warnings = c -> zeroDates.incrementAndGet();

    @Test
    void numbersStayExact() throws Exception {
        ValueConverter c = ValueConverter.of(Engine.SQLITE, Engine.POSTGRESQL);
        assertThat(c.convert(19.99, ValueKind.DECIMAL, "p", warnings)).isEqualTo(new BigDecimal("19.99"));
        assertThat(c.convert("12345678901234567890.123456", ValueKind.DECIMAL, "p", warnings))
                .isEqualTo(new BigDecimal("12345678901234567890.123456"));
        assertThat(c.convert(new BigDecimal("5.000"), ValueKind.INTEGER, "i", warnings)).isEqualTo(5L);
        assertThat(c.convert(new BigDecimal("18446744073709551615"), ValueKind.INTEGER, "i", warnings))
                .isEqualTo(new java.math.BigInteger("18446744073709551615"));
        assertThatThrownBy(() -> c.convert(new BigDecimal("5.5"), ValueKind.INTEGER, "i", warnings))
                .isInstanceOf(RowRejectedException.class).hasMessageContaining("fractional");
        assertThatThrownBy(() -> c.convert("abc", ValueKind.DECIMAL, "p", warnings))
                .isInstanceOf(RowRejectedException.class).satisfies(e -> assertThat(((RowRejectedException) e).column()).isEqualTo("p"));
    }

    @Test
    void specialFloatsGoToPostgresButNotMysql() throws Exception {
        assertThat(ValueConverter.of(Engine.POSTGRESQL, Engine.POSTGRESQL).convert(Double.NaN, ValueKind.FLOAT, "f", warnings))
                .isEqualTo(Double.NaN);
        assertThatThrownBy(() -> ValueConverter.of(Engine.POSTGRESQL, Engine.MYSQL).convert(Double.POSITIVE_INFINITY, ValueKind.FLOAT, "f", warnings))
                .isInstanceOf(RowRejectedException.class).hasMessageContaining("Infinity");
    }

    @Test
    void textKeepsEmptyAndRejectsNulForPostgres() throws Exception {
        ValueConverter c = ValueConverter.of(Engine.MYSQL, Engine.POSTGRESQL);
        assertThat(c.convert("", ValueKind.TEXT, "t", warnings)).isEqualTo("");
        assertThat(c.convert(null, ValueKind.TEXT, "t", warnings)).isNull();
        assertThatThrownBy(() -> c.convert("a\0b", ValueKind.TEXT, "t", warnings))
                .isInstanceOf(RowRejectedException.class).hasMessageContaining("NUL")
                .satisfies(e -> assertThat(((RowRejectedException) e).valueExcerpt()).isEqualTo("a\\0b"));
        assertThat(ValueConverter.of(Engine.POSTGRESQL, Engine.MYSQL).convert("a\0b", ValueKind.TEXT, "t", warnings)).isEqualTo("a\0b");
    }

    @Test
    void booleansFromNumbersAndText() throws Exception {
        ValueConverter c = ValueConverter.of(Engine.SQLITE, Engine.POSTGRESQL);
        assertThat(c.convert(1L, ValueKind.BOOLEAN, "b", warnings)).isEqualTo(true);
        assertThat(c.convert(0L, ValueKind.BOOLEAN, "b", warnings)).isEqualTo(false);
        assertThat(c.convert("true", ValueKind.BOOLEAN, "b", warnings)).isEqualTo(true);
        assertThatThrownBy(() -> c.convert(2L, ValueKind.BOOLEAN, "b", warnings)).isInstanceOf(RowRejectedException.class);
    }

    @Test
    void datesFromSqliteTextAndZeroDates() throws Exception {
        ValueConverter c = ValueConverter.of(Engine.SQLITE, Engine.POSTGRESQL);
        assertThat(c.convert("2024-01-31 10:00:00", ValueKind.TIMESTAMP, "d", warnings)).isEqualTo(LocalDateTime.of(2024, 1, 31, 10, 0));
        assertThat(c.convert("2024-01-31T10:00:00.5", ValueKind.TIMESTAMP, "d", warnings)).isEqualTo(LocalDateTime.of(2024, 1, 31, 10, 0, 0, 500_000_000));
        assertThat(c.convert("2024-01-31", ValueKind.TIMESTAMP, "d", warnings)).isEqualTo(LocalDateTime.of(2024, 1, 31, 0, 0));
        assertThat(c.convert("2024-01-31 10:00:00+02:00", ValueKind.TIMESTAMPTZ, "d", warnings))
                .isEqualTo(OffsetDateTime.of(2024, 1, 31, 10, 0, 0, 0, ZoneOffset.ofHours(2)));
        assertThat(c.convert(LocalDateTime.of(2024, 1, 31, 10, 0), ValueKind.TIMESTAMPTZ, "d", warnings))
                .isEqualTo(OffsetDateTime.of(2024, 1, 31, 10, 0, 0, 0, ZoneOffset.UTC));
        assertThat(c.convert(LocalDateTime.of(2024, 1, 31, 10, 0), ValueKind.DATE, "d", warnings)).isEqualTo(LocalDate.of(2024, 1, 31));
        assertThatThrownBy(() -> c.convert("yesterday", ValueKind.DATE, "d", warnings)).isInstanceOf(RowRejectedException.class);

        assertThat(c.convert(SpecialValue.ZERO_DATE, ValueKind.DATE, "d", warnings)).isNull();
        assertThat(c.convert("0000-00-00 00:00:00", ValueKind.TIMESTAMP, "d", warnings)).isNull();
        assertThat(zeroDates).hasValue(2);
        ValueConverter strict = new ValueConverter(Engine.MYSQL, Engine.POSTGRESQL, false);
        assertThatThrownBy(() -> strict.convert(SpecialValue.ZERO_DATE, ValueKind.DATE, "d", warnings))
                .isInstanceOf(RowRejectedException.class).hasMessageContaining("zero date");
    }

    @Test
    void timesOfDay() throws Exception {
        assertThat(ValueConverter.of(Engine.MYSQL, Engine.POSTGRESQL).convert("10:15:30.5", ValueKind.TIME, "t", warnings))
                .isEqualTo(java.time.LocalTime.of(10, 15, 30, 500_000_000));
        assertThatThrownBy(() -> ValueConverter.of(Engine.MYSQL, Engine.POSTGRESQL).convert("838:59:59", ValueKind.TIME, "t", warnings))
                .isInstanceOf(RowRejectedException.class).hasMessageContaining("time of day");
        assertThat(ValueConverter.of(Engine.MYSQL, Engine.MYSQL).convert("838:59:59", ValueKind.TIME, "t", warnings)).isEqualTo("838:59:59");
    }

    @Test
    void utf8DecodesValidTextAndRefusesMalformedBytes() {
        assertThat(ValueConverter.utf8("plain ascii 123".getBytes(java.nio.charset.StandardCharsets.UTF_8))).isEqualTo("plain ascii 123");
        assertThat(ValueConverter.utf8(new byte[0])).isEqualTo("");
        String mixed = "Grüße \uD83D\uDEB2\uD834\uDD1E 中文";
        assertThat(ValueConverter.utf8(mixed.getBytes(java.nio.charset.StandardCharsets.UTF_8))).isEqualTo(mixed);
        // a genuine U+FFFD is valid text (it takes the strict path and is kept)
        assertThat(ValueConverter.utf8("a\uFFFDb".getBytes(java.nio.charset.StandardCharsets.UTF_8))).isEqualTo("a\uFFFDb");
        assertThat(ValueConverter.utf8(new byte[] {'a', (byte) 0xC3, '('})).isNull();             // broken 2-byte sequence
        assertThat(ValueConverter.utf8(new byte[] {(byte) 0xC0, (byte) 0x80})).isNull();          // overlong NUL
        assertThat(ValueConverter.utf8(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})).isNull(); // encoded surrogate
        assertThat(ValueConverter.utf8(new byte[] {'x', (byte) 0xF0, (byte) 0x9F})).isNull();     // truncated at the end
        assertThat(ValueConverter.utf8(new byte[] {(byte) 0xFF})).isNull();
    }
}
