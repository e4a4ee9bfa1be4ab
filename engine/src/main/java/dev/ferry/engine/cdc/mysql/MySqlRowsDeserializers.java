package dev.ferry.engine.cdc.mysql;

import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.deserialization.DeleteRowsEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.UpdateRowsEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.WriteRowsEventDataDeserializer;
import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;

import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Map;

/**
 * Rows-event deserializers that decode {@code DATE}, {@code DATETIME(n)} and {@code TIME(n)} exactly instead of the
 * library's epoch longs, which cannot carry negative or over-24-hour times, nor the text of zero and partly zero dates
 * ({@code 2020-00-15}). They return {@link LocalDate}, {@link LocalDateTime}, {@link Duration} (signed) or a
 * {@link ZeroDate} with the server's text; {@link MySqlValueDecoder} maps those to the neutral values.
 *
 * <p>They read table maps from the map the reader fills from the {@code TABLE_MAP} events it receives (a table map is
 * always delivered before the rows events that use it). Used only on the binlog client's thread.
 */
final class MySqlRowsDeserializers {

    /** A date or datetime with a zero year, month or day, as the server prints it. */
    record ZeroDate(String text) implements Serializable {
    }

    private MySqlRowsDeserializers() {
    }

    /** Registers the deserializers for all rows event types on {@code d}, reading table maps from {@code tableMaps}. */
    static void register(EventDeserializer d, Map<Long, TableMapEventData> tableMaps) {
        d.setEventDataDeserializer(EventType.WRITE_ROWS, new Write(tableMaps));
        d.setEventDataDeserializer(EventType.EXT_WRITE_ROWS, new Write(tableMaps).setMayContainExtraInformation(true));
        d.setEventDataDeserializer(EventType.UPDATE_ROWS, new Update(tableMaps));
        d.setEventDataDeserializer(EventType.EXT_UPDATE_ROWS, new Update(tableMaps).setMayContainExtraInformation(true));
        d.setEventDataDeserializer(EventType.DELETE_ROWS, new Delete(tableMaps));
        d.setEventDataDeserializer(EventType.EXT_DELETE_ROWS, new Delete(tableMaps).setMayContainExtraInformation(true));
    }

    private static final class Write extends WriteRowsEventDataDeserializer {
        Write(Map<Long, TableMapEventData> m) {
            super(m);
        }

        @Override
        protected Serializable deserializeDate(ByteArrayInputStream in) throws IOException {
            return date(in);
        }

        @Override
        protected Serializable deserializeDatetimeV2(int meta, ByteArrayInputStream in) throws IOException {
            return datetime2(meta, in);
        }

        @Override
        protected Serializable deserializeTimeV2(int meta, ByteArrayInputStream in) throws IOException {
            return time2(meta, in);
        }
    }

    private static final class Update extends UpdateRowsEventDataDeserializer {
        Update(Map<Long, TableMapEventData> m) {
            super(m);
        }

        @Override
        protected Serializable deserializeDate(ByteArrayInputStream in) throws IOException {
            return date(in);
        }

        @Override
        protected Serializable deserializeDatetimeV2(int meta, ByteArrayInputStream in) throws IOException {
            return datetime2(meta, in);
        }

        @Override
        protected Serializable deserializeTimeV2(int meta, ByteArrayInputStream in) throws IOException {
            return time2(meta, in);
        }
    }

    private static final class Delete extends DeleteRowsEventDataDeserializer {
        Delete(Map<Long, TableMapEventData> m) {
            super(m);
        }

        @Override
        protected Serializable deserializeDate(ByteArrayInputStream in) throws IOException {
            return date(in);
        }

        @Override
        protected Serializable deserializeDatetimeV2(int meta, ByteArrayInputStream in) throws IOException {
            return datetime2(meta, in);
        }

        @Override
        protected Serializable deserializeTimeV2(int meta, ByteArrayInputStream in) throws IOException {
            return time2(meta, in);
        }
    }

    private static long bigEndian(byte[] b) {
        long v = 0;
        for (byte x : b) {
            v = (v << 8) | (x & 0xFF);
        }
        return v;
    }

    /** DATE: 3 bytes little-endian, day 5 bits, month 4 bits, year 15 bits. */
    static Serializable date(ByteArrayInputStream in) throws IOException {
        int v = in.readInteger(3);
        return date(v >> 9, (v >> 5) & 15, v & 31);
    }

    static Serializable date(int year, int month, int day) {
        if (year == 0 || month == 0 || day == 0) {
            return new ZeroDate(String.format(Locale.ROOT, "%04d-%02d-%02d", year, month, day));
        }
        return LocalDate.of(year, month, day);
    }

    /** Fractional seconds of a DATETIME2/TIME2/TIMESTAMP2 value with {@code meta} digits, in microseconds. */
    private static int micros(int meta, ByteArrayInputStream in) throws IOException {
        int bytes = (meta + 1) / 2;
        if (bytes == 0) {
            return 0;
        }
        long frac = bigEndian(in.read(bytes));
        return (int) (frac * (bytes == 1 ? 10_000 : bytes == 2 ? 100 : 1));
    }

    /** DATETIME2: 5 bytes big-endian (minus 0x8000000000) plus fractional bytes; see MySQL's my_datetime_packed. */
    static Serializable datetime2(int meta, ByteArrayInputStream in) throws IOException {
        long intPart = bigEndian(in.read(5)) - 0x8000000000L;
        int micros = micros(meta, in);
        long ymd = intPart >> 17;
        long ym = ymd >> 5;
        long hms = intPart % (1 << 17);
        int year = (int) (ym / 13);
        int month = (int) (ym % 13);
        int day = (int) (ymd % (1 << 5));
        int hour = (int) (hms >> 12);
        int minute = (int) ((hms >> 6) % (1 << 6));
        int second = (int) (hms % (1 << 6));
        if (year == 0 || month == 0 || day == 0) {
            return new ZeroDate(String.format(Locale.ROOT, "%04d-%02d-%02d %02d:%02d:%02d%s", year, month, day, hour, minute,
                    second, micros == 0 ? "" : String.format(Locale.ROOT, ".%06d", micros)));
        }
        return LocalDateTime.of(year, month, day, hour, minute, second, micros * 1000);
    }

    /** TIME2: signed packed time (MySQL's my_time_packed_from_binary), to a signed {@link Duration}. */
    static Serializable time2(int meta, ByteArrayInputStream in) throws IOException {
        long packed;
        int dec = Math.min(meta, 6);
        switch (dec) {
            case 0: {
                long intPart = bigEndian(in.read(3)) - 0x800000L;
                packed = intPart << 24;
                break;
            }
            case 1:
            case 2: {
                long intPart = bigEndian(in.read(3)) - 0x800000L;
                int frac = in.read(1)[0] & 0xFF; // negative values store the fraction in reverse order
                if (intPart < 0 && frac != 0) {
                    intPart++;
                    frac -= 0x100;
                }
                packed = (intPart << 24) + frac * 10_000L;
                break;
            }
            case 3:
            case 4: {
                long intPart = bigEndian(in.read(3)) - 0x800000L;
                byte[] f = in.read(2);
                int frac = ((f[0] & 0xFF) << 8) | (f[1] & 0xFF);
                if (intPart < 0 && frac != 0) {
                    intPart++;
                    frac -= 0x10000;
                }
                packed = (intPart << 24) + frac * 100L;
                break;
            }
            default:
                packed = bigEndian(in.read(6)) - 0x800000000000L;
                break;
        }
        boolean negative = packed < 0;
        long p = Math.abs(packed);
        long hms = p >> 24;
        long micros = p % (1L << 24);
        long hour = (hms >> 12) % (1 << 10);
        long minute = (hms >> 6) % (1 << 6);
        long second = hms % (1 << 6);
        long total = (hour * 3600 + minute * 60 + second) * 1_000_000L + micros;
        return Duration.ofNanos((negative ? -total : total) * 1000);
    }
}
