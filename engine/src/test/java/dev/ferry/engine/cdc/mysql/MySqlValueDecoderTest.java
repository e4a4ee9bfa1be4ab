package dev.ferry.engine.cdc.mysql;

import dev.ferry.engine.cdc.TypedText;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalTime;
import java.util.BitSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MySqlValueDecoderTest {

    private static MySqlColumnInfo col(String dataType, String columnType, boolean unsigned, List<String> members, String charset,
                                       long length) {
        return new MySqlColumnInfo("c", dataType, columnType, unsigned, members, charset, length, false);
    }

    @Test
    void unsignedIntegersAreCorrectedFromTheSignedWireValues() {
        assertThat(MySqlValueDecoder.decode(-1, col("tinyint", "tinyint unsigned", true, List.of(), null, 0), 1)).isEqualTo(255);
        assertThat(MySqlValueDecoder.decode(-1, col("smallint", "smallint unsigned", true, List.of(), null, 0), 2)).isEqualTo(65535);
        assertThat(MySqlValueDecoder.decode(-1, col("mediumint", "mediumint unsigned", true, List.of(), null, 0), 9))
                .isEqualTo(16_777_215);
        assertThat(MySqlValueDecoder.decode(-1, col("int", "int unsigned", true, List.of(), null, 0), 3)).isEqualTo(4_294_967_295L);
        assertThat(MySqlValueDecoder.decode(-1L, col("bigint", "bigint unsigned", true, List.of(), null, 0), 8))
                .isEqualTo(new BigInteger("18446744073709551615"));
        assertThat(MySqlValueDecoder.decode(Long.MAX_VALUE, col("bigint", "bigint unsigned", true, List.of(), null, 0), 8))
                .isEqualTo(Long.MAX_VALUE);
        assertThat(MySqlValueDecoder.decode(-5, col("int", "int", false, List.of(), null, 0), 3)).isEqualTo(-5);
    }

    @Test
    void mariaDbUuidRecordImagesAreUnswappedOnlyWhenTheyAreRfc4122() {
        // version 1, variant 10x: MariaDB keeps node, clock_seq, time_hi, time_mid, time_low
        assertThat(MySqlValueDecoder.mariaDbUuid(java.util.HexFormat.of().parseHex("426614174000a45612d3e89b123e4567")))
                .isEqualTo("123e4567-e89b-12d3-a456-426614174000");
        // not RFC 4122 (version nibble f): stored as is
        assertThat(MySqlValueDecoder.mariaDbUuid(java.util.HexFormat.of().parseHex("00112233445566778899aabbccddeeff")))
                .isEqualTo("00112233-4455-6677-8899-aabbccddeeff");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MySqlValueDecoder.mariaDbUuid(new byte[4]))
                .hasMessageContaining("16 bytes");
    }

    @Test
    void jsonEnumSetBitBinaryAndStrings() {
        // MySQL binary JSON: literal true (type 0x04, value 0x01) and string "ab" (type 0x0C, length 2)
        assertThat(MySqlValueDecoder.decode(new byte[]{0x04, 0x01}, col("json", "json", false, List.of(), null, 0), 245))
                .isEqualTo("true");
        assertThat(MySqlValueDecoder.decode(new byte[]{0x0C, 0x02, 'a', 'b'}, col("json", "json", false, List.of(), null, 0), 245))
                .isEqualTo("\"ab\"");
        // MariaDB JSON is text
        assertThat(MySqlValueDecoder.decode("{\"a\":1}".getBytes(StandardCharsets.UTF_8),
                col("json", "longtext", false, List.of(), "utf8mb4", 0), 252)).isEqualTo("{\"a\":1}");
        MySqlColumnInfo en = col("enum", "enum('s','m')", false, List.of("s", "m"), "utf8mb4", 1);
        assertThat(MySqlValueDecoder.decode(2, en, 247)).isEqualTo("m");
        assertThat(MySqlValueDecoder.decode(0, en, 247)).isEqualTo("");
        assertThatThrownBy(() -> MySqlValueDecoder.decode(3, en, 247)).hasMessageContaining("column c").hasMessageContaining("3");
        MySqlColumnInfo set = col("set", "set('a','b','c')", false, List.of("a", "b", "c"), "utf8mb4", 5);
        assertThat(MySqlValueDecoder.decode(5L, set, 248)).isEqualTo("a,c");
        assertThat(MySqlValueDecoder.decode(0L, set, 248)).isEqualTo("");
        BitSet bits = new BitSet();
        bits.set(0);
        bits.set(2);
        assertThat(MySqlValueDecoder.decode(bits, col("bit", "bit(5)", false, List.of(), null, 0), 16))
                .isEqualTo(new TypedText("00101", 16, "bit(5)"));
        assertThat((byte[]) MySqlValueDecoder.decode(new byte[]{1}, col("binary", "binary(3)", false, List.of(), null, 3), 254))
                .containsExactly(1, 0, 0);
        assertThat(MySqlValueDecoder.decode(new byte[]{(byte) 0xE4}, col("varchar", "varchar(3)", false, List.of(), "latin1", 3), 15))
                .isEqualTo("\u00e4");
        assertThatThrownBy(() -> MySqlValueDecoder.charset("klingon")).hasMessageContaining("klingon");
    }

    @Test
    void timesOutsideADayStayDurations() {
        MySqlColumnInfo t = col("time", "time(6)", false, List.of(), null, 0);
        assertThat(MySqlValueDecoder.decode(Duration.ofHours(25), t, 19)).isEqualTo(Duration.ofHours(25));
        assertThat(MySqlValueDecoder.decode(Duration.ofSeconds(-1), t, 19)).isEqualTo(Duration.ofSeconds(-1));
        assertThat(MySqlValueDecoder.decode(Duration.ofMinutes(90), t, 19)).isEqualTo(LocalTime.of(1, 30));
        assertThat(MySqlValueDecoder.decode(1900, col("year", "year(4)", false, List.of(), null, 0), 13)).isEqualTo(0);
    }
}
