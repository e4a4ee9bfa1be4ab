package dev.ferry.engine.cdc.postgres;

import dev.ferry.engine.cdc.IntervalValue;
import dev.ferry.engine.cdc.SpecialNumber;
import org.junit.jupiter.api.Test;

import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresPositionTest {

    @Test
    void textRoundTripsAndSortsLikePositions() {
        List<PostgresPosition> ps = new ArrayList<>(List.of(
                new PostgresPosition(0x1_0000_0000L, 0, 0x1_0000_0000L),
                new PostgresPosition(0x1_0000_0000L, 2, 0xFFFF_0000L),
                new PostgresPosition(0x1_0000_0000L, 10, 0xFFFF_0100L),
                PostgresPosition.commit(0x1_0000_0000L, 0x1_0000_0040L),
                new PostgresPosition(0x2_0000_0000L, 1, 0x1_8000_0000L),
                PostgresPosition.commit(0xFFFF_FFFF_0000L, 0xFFFF_FFFF_0010L)));
        List<PostgresPosition> shuffled = new ArrayList<>(ps);
        Collections.reverse(shuffled);
        Collections.sort(shuffled);
        assertThat(shuffled).isEqualTo(ps);
        List<String> texts = new ArrayList<>(ps.stream().map(PostgresPosition::toText).toList());
        Collections.reverse(texts);
        Collections.sort(texts);
        assertThat(texts).isEqualTo(ps.stream().map(PostgresPosition::toText).toList());
        for (PostgresPosition p : ps) {
            assertThat(PostgresPosition.parse(p.toText())).isEqualTo(p);
        }
        assertThat(ps.get(3).toText()).isEqualTo("pg:0000000100000000:7FFFFFFFFFFFFFFF:0000000100000040");
    }

    @Test
    void flushLsnConfirmsWholeTransactionsOnly() {
        assertThat(PostgresPosition.commit(0x100, 0x140).flushLsn()).isEqualTo(0x140);
        assertThat(new PostgresPosition(0x100, 3, 0x90).flushLsn()).isEqualTo(0x100);
    }

    @Test
    void lsnTextAndBadInput() {
        assertThat(PostgresPosition.formatLsn(0x16_B374_D848L)).isEqualTo("16/B374D848");
        assertThat(PostgresPosition.parseLsn("16/B374D848")).isEqualTo(0x16_B374_D848L);
        assertThatThrownBy(() -> PostgresPosition.parse("pg:zz")).hasMessageContaining("'pg:zz'");
        assertThatThrownBy(() -> PostgresPosition.parseLsn("nope")).hasMessageContaining("'nope'");
    }

    @Test
    void textValuesKeepWhatJavaCannotRepresent() {
        assertThat(PgTypes.decodeText(PgTypes.NUMERIC, "numeric", "Infinity")).isEqualTo(SpecialNumber.POSITIVE_INFINITY);
        // dates and timestamps as pgjdbc's getObject gives them to the full load
        assertThat(PgTypes.decodeText(PgTypes.TIMESTAMPTZ, "timestamptz", "-infinity")).isEqualTo(java.time.OffsetDateTime.MIN);
        assertThat(PgTypes.decodeText(PgTypes.TIMESTAMP, "timestamp", "infinity")).isEqualTo(java.time.LocalDateTime.MAX);
        assertThat(PgTypes.decodeText(PgTypes.DATE, "date", "0044-03-15 BC")).isEqualTo(java.time.LocalDate.of(-43, 3, 15));
        assertThat(PgTypes.decodeText(PgTypes.DATE, "date", "5874897-12-31")).isEqualTo(java.time.LocalDate.of(5874897, 12, 31));
        assertThat(PgTypes.decodeText(PgTypes.TIMESTAMP, "timestamp", "4713-01-01 00:00:00 BC"))
                .isEqualTo(java.time.LocalDateTime.of(-4712, 1, 1, 0, 0));
        assertThat(PgTypes.decodeText(PgTypes.TIMESTAMP, "timestamp", "294276-12-31 23:59:59.999999"))
                .isEqualTo(java.time.LocalDateTime.of(294276, 12, 31, 23, 59, 59, 999_999_000));
        assertThat(PgTypes.decodeText(PgTypes.TIMESTAMPTZ, "timestamptz", "0044-03-15 10:00:00+00:53:28 BC"))
                .isEqualTo(java.time.OffsetDateTime.of(-43, 3, 15, 10, 0, 0, 0, ZoneOffset.ofHoursMinutesSeconds(0, 53, 28)));
        assertThat(PgTypes.decodeText(PgTypes.TIMESTAMPTZ, "timestamptz", "2024-02-29 13:14:15.5+05:30"))
                .isEqualTo(java.time.OffsetDateTime.of(2024, 2, 29, 13, 14, 15, 500_000_000, ZoneOffset.ofHoursMinutes(5, 30)));
        assertThat(PgTypes.decodeText(PgTypes.TIME, "time", "24:00:00")).isEqualTo("24:00:00");
        assertThat(PgTypes.decodeText(PgTypes.TIMETZ, "timetz", "10:11:12-03"))
                .isEqualTo(OffsetTime.of(LocalTime.of(10, 11, 12), ZoneOffset.ofHours(-3)));
        assertThat(PgTypes.decodeText(PgTypes.INTERVAL, "interval", "-00:00:01.25")).isEqualTo(new IntervalValue(0, 0, -1_250_000));
        assertThat(PgTypes.decodeText(PgTypes.INTERVAL, "interval", "3 days")).isEqualTo(new IntervalValue(0, 3, 0));
        assertThat(PgTypes.decodeText(PgTypes.INTERVAL, "interval", "P1D")).isEqualTo("P1D");
        assertThat(new IntervalValue(14, 3, 3_600_000_000L).toString()).isEqualTo("P1Y2M3DT1H");
        // PostgreSQL's own "postgres" IntervalStyle text, as the full load reads it
        assertThat(new IntervalValue(14, 0, 0).postgresText()).isEqualTo("1 year 2 mons");
        assertThat(new IntervalValue(14, -3, 14_706_500_000L).postgresText()).isEqualTo("1 year 2 mons -3 days +04:05:06.5");
        assertThat(new IntervalValue(1, 1, 0).postgresText()).isEqualTo("1 mon 1 day");
        assertThat(new IntervalValue(0, 0, -1_250_000).postgresText()).isEqualTo("-00:00:01.25");
        assertThat(new IntervalValue(0, 0, 0).postgresText()).isEqualTo("00:00:00");
        assertThat(new IntervalValue(-13, 0, 0).postgresText()).isEqualTo("-1 years -1 mons");
        assertThat(new IntervalValue(0, 2, 90_000_000_000L).postgresText()).isEqualTo("2 days 25:00:00");
        assertThat(PgTypes.decodeText(PgTypes.BYTEA, "bytea", "a\\\\b\\001")).isEqualTo(new byte[] {'a', '\\', 'b', 1});
    }
}
