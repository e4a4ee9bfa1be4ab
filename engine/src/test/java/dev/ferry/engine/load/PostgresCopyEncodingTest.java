package dev.ferry.engine.load;

import dev.ferry.engine.load.postgres.PostgresCopyWriter;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresCopyEncodingTest {

    private static String row(Object... values) {
        StringBuilder sb = new StringBuilder();
        PostgresCopyWriter.encodeRow(sb, values);
        return sb.toString();
    }

    @Test
    void escapesTextSpecialCharactersAndNull() {
        assertThat(row("a\\b", "t\tab", "l\nf", "c\rr", null, ""))
                .isEqualTo("a\\\\b\tt\\tab\tl\\nf\tc\\rr\t\\N\t\n");
    }

    @Test
    void encodesBinaryBooleansNumbersAndTimes() {
        assertThat(row(new byte[] {0, (byte) 0xff, 0x5c}, true, false, new BigDecimal("1E+3"), new BigDecimal("0.000001"),
                Double.NaN, Double.NEGATIVE_INFINITY, 42L))
                .isEqualTo("\\\\x00ff5c\tt\tf\t1000\t0.000001\tNaN\t-Infinity\t42\n");
        assertThat(row(LocalDate.of(2024, 2, 29), LocalDateTime.of(2024, 1, 2, 3, 4), LocalDateTime.of(2024, 1, 2, 3, 4, 5, 120_000_000),
                OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(2))))
                .isEqualTo("2024-02-29\t2024-01-02T03:04:00\t2024-01-02T03:04:05.12\t2024-01-02T01:04:05Z\n");
    }

    @Test
    void keepsFourByteUtf8() {
        assertThat(row("Zubehör 🚲")).isEqualTo("Zubehör 🚲\n");
    }
}
