package dev.ferry.engine.load;

import dev.ferry.engine.load.RoundTrip.Group;
import dev.ferry.engine.load.RoundTrip.Side;
import dev.ferry.testsupport.TestDatabases;
import dev.ferry.testsupport.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.List;
import java.util.TimeZone;

import static dev.ferry.engine.load.RoundTrip.c;
import static dev.ferry.engine.load.RoundTrip.changed;
import static dev.ferry.engine.load.RoundTrip.rejected;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Edge values through the real full load for every source → target pair we can run, each value asserted exactly on
 * the target (or its row found in {@code ferry_exceptions} with the reason). The JVM runs in Europe/Berlin and the
 * MariaDB sessions start in +05:00, so no result may depend on a default time zone (DST gaps: 2024-03-31 02:30 does
 * not exist in Berlin, 2024-10-27 02:30 exists twice). The value rules are documented in docs/full-load.md.
 */
class RoundTripIT {

    /** Each supported pair runs through the full load, and through change capture + apply in both apply modes. */
    enum Mode { LOAD, CDC, CDC_BATCH }

    private static final String INVALID_UTF8 = "not valid UTF-8";
    private static TimeZone saved;

    @TempDir
    Path dir;

    @BeforeAll
    static void berlin() {
        saved = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Europe/Berlin"));
    }

    @AfterAll
    static void restore() {
        TimeZone.setDefault(saved);
    }

    private static Side pg(String prefix) {
        TestServer pg = TestDatabases.postgres();
        return Side.postgres(pg, pg.createDatabase(prefix));
    }

    private static Side maria(String prefix) {
        TestServer my = TestDatabases.mysql();
        return Side.mysql(my, my.createDatabase(prefix));
    }

    private Side sqlite(String name) {
        return Side.sqlite(dir.resolve(name + ".sqlite"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Mode.class)
    void mariaDbToPostgres(Mode mode) throws Exception {
        Side target = pg("rt_my_pg");
        target.execute("CREATE TYPE rt_mood AS ENUM ('a', 'b')");
        List<Group> groups = List.of(
                new Group("bigint", "bigint", "bigint", c("-9223372036854775808", "-9223372036854775808"),
                        c("9223372036854775807", "9223372036854775807"), c("NULL", null)),
                new Group("ubig", "bigint unsigned", "numeric(20,0)", c("18446744073709551615", "18446744073709551615"),
                        c("0", "0")),
                new Group("ubig_over", "bigint unsigned", "bigint", rejected("18446744073709551615", "out of range"),
                        c("9223372036854775807", "9223372036854775807")),
                new Group("dec65", "decimal(65,30)", "numeric(65,30)",
                        c("99999999999999999999999999999999999.999999999999999999999999999999",
                                "99999999999999999999999999999999999.999999999999999999999999999999"),
                        c("-0.000000000000000000000000000001", "-0.000000000000000000000000000001"),
                        c("0", "0.000000000000000000000000000000")),
                new Group("dec_scale", "decimal(14,4)", "numeric(10,2)", c("1.2300", "1.23"),
                        rejected("1.2345", "decimal places"), rejected("123456789", "integer digits")),
                new Group("dbl", "double", "double precision", c("1.7976931348623157E308", "1.7976931348623157e+308"),
                        c("-2.2250738585072014E-308", "-2.2250738585072014e-308"), c("0.1", "0.1")),
                new Group("flt", "float", "real", c("3.40282e38", "3.40282e+38"), c("0.5", "0.5")),
                new Group("date", "date", "date", c("'1000-01-01'", "1000-01-01"), c("'0001-01-01'", "0001-01-01"),
                        c("'1582-10-10'", "1582-10-10"), c("'9999-12-31'", "9999-12-31"),
                        changed("'0000-00-00'", null), changed("'2024-00-10'", null)),
                new Group("dt", "datetime(6)", "timestamp(6)", c("'1000-01-01 00:00:00'", "1000-01-01 00:00:00"),
                        c("'9999-12-31 23:59:59.999999'", "9999-12-31 23:59:59.999999"),
                        c("'2024-03-31 02:30:00'", "2024-03-31 02:30:00"),
                        c("'2024-10-27 02:30:00.5'", "2024-10-27 02:30:00.5"),
                        changed("'0000-00-00 00:00:00'", null)),
                new Group("ts", "timestamp(6) NULL DEFAULT NULL", "timestamptz",
                        c("'1970-01-01 00:00:01'", "1970-01-01 00:00:01+00"),
                        c("'2038-01-19 03:14:07.999999'", "2038-01-19 03:14:07.999999+00"),
                        c("'2024-03-31 01:30:00'", "2024-03-31 01:30:00+00")),
                new Group("tm", "time(6)", "time(6)", c("'12:34:56.789012'", "12:34:56.789012"), c("'00:00:00'", "00:00:00"),
                        rejected("'838:59:59'", "not a time of day"), rejected("'-00:00:01'", "not a time of day")),
                new Group("tm_iv", "time", "interval", c("'838:59:59'", "838:59:59"),
                        c("'-838:59:59'", "-838:59:59"), c("'12:00:00'", "12:00:00")),
                new Group("txt", "varchar(50)", "varchar(50)", c("''", ""), c("NULL", null), c("'🚲𝄞 李'", "🚲𝄞 李"),
                        c("'back\\\\slash\\ttab'", "back\\slash\ttab"),
                        rejected("CONCAT('a', CHAR(0), 'b')", "NUL")),
                new Group("txt_len", "varchar(10)", "varchar(3)", c("'abc'", "abc"), rejected("'abcd'", "too long")),
                new Group("bin", "varbinary(10)", "bytea", c("X''", "\\x"), c("X'00FF'", "\\x00ff"), c("NULL", null)),
                new Group("bin_txt", "varbinary(10)", "text", c("X'C3A4'", "ä"), rejected("X'C328'", INVALID_UTF8)),
                new Group("js", "json", "json", c("'{\"a\": [1, 2.50, \"🚲\"]}'", "{\"a\": [1, 2.50, \"🚲\"]}")),
                new Group("jsb", "json", "jsonb", c("'{\"b\": 1, \"a\": 2.50}'", "{\"a\": 2.50, \"b\": 1}")),
                new Group("bool", "tinyint(1)", "boolean", c("0", "false"), c("1", "true"), c("NULL", null),
                        rejected("2", "not a boolean")),
                new Group("en", "enum('a','b','')", "text", c("'b'", "b"), c("''", ""), c("NULL", null)),
                new Group("en_pg", "enum('a','b')", "rt_mood", c("'a'", "a"), c("'b'", "b")),
                new Group("st", "set('x','y','z')", "text", c("'x,z'", "x,z"), c("''", "")),
                new Group("yr", "year", "smallint", c("1901", "1901"), c("2155", "2155"), c("0", "0")),
                new Group("uuid", "uuid", "uuid", c("'123e4567-e89b-12d3-a456-426614174000'", "123e4567-e89b-12d3-a456-426614174000")));
        RoundTrip.Outcome o = RoundTrip.run(mode, "rt_my_pg", maria("rt_my_pg_src"), target, dir, groups);
        if (mode == Mode.LOAD) {
            assertThat(o.result().tables().stream().mapToLong(TableResult::warnings).sum()).isEqualTo(3); // the zero dates, counted
        }
    }

    @Test
    void zeroDatesAreRejectedWhenTheyMayNotBecomeNull() throws Exception {
        List<Group> groups = List.of(
                new Group("zd", "date", "date", c("'2024-02-29'", "2024-02-29"), rejected("'0000-00-00'", "zero date")),
                new Group("zdt", "datetime", "timestamp", rejected("'0000-00-00 00:00:00'", "zero date"),
                        c("'1999-12-31 23:59:59'", "1999-12-31 23:59:59")),
                new Group("bit1", "bit(1)", "boolean", c("b'1'", "true"), c("b'0'", "false")));
        RoundTrip.Outcome o = RoundTrip.run("rt_zero", maria("rt_zero_src"), pg("rt_zero"), dir, groups,
                LoadSettings.defaults("rt_zero").withMaxSubTasks(2).withZeroDateAsNull(false));
        assertThat(o.result().totalRejected()).isEqualTo(2);
        assertThat(o.result().tables().stream().mapToLong(TableResult::warnings).sum()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Mode.class)
    void postgresToPostgres(Mode mode) throws Exception {
        Side source = pg("rt_pg_pg_src");
        Side target = pg("rt_pg_pg");
        for (Side s : List.of(source, target)) {
            s.execute("CREATE TYPE rt_mood AS ENUM ('a', 'b')");
        }
        List<Group> groups = List.of(
                new Group("bigint", "bigint", "bigint", c("-9223372036854775808", "-9223372036854775808"),
                        c("9223372036854775807", "9223372036854775807")),
                new Group("num", "numeric", "numeric",
                        c("123456789012345678901234567890.123456789012345678901234567890",
                                "123456789012345678901234567890.123456789012345678901234567890"),
                        c("'NaN'", "NaN"), c("'Infinity'", "Infinity"), c("'-Infinity'", "-Infinity"), c("0.000", "0.000")),
                new Group("dbl", "double precision", "double precision", c("'NaN'", "NaN"), c("'Infinity'", "Infinity"),
                        c("'-Infinity'", "-Infinity"), c("1.7976931348623157e308", "1.7976931348623157e+308"),
                        c("5e-324", "5e-324"), c("'-0'", "-0"), c("0.1", "0.1")),
                new Group("real", "real", "real", c("3.4028235e38", "3.4028235e+38"), c("1.17549435e-38", "1.1754944e-38")),
                new Group("ts", "timestamp(6)", "timestamp(6)", c("'0001-01-01 00:00:00'", "0001-01-01 00:00:00"),
                        c("'1500-06-01 12:00:00'", "1500-06-01 12:00:00"), c("'2024-03-31 02:30:00'", "2024-03-31 02:30:00"),
                        c("'4713-01-01 00:00:00 BC'", "4713-01-01 00:00:00 BC"), c("'infinity'", "infinity"),
                        c("'-infinity'", "-infinity"), c("'294276-12-31 23:59:59.999999'", "294276-12-31 23:59:59.999999")),
                new Group("tstz", "timestamptz", "timestamptz", c("'2024-03-31 01:30:00+00'", "2024-03-31 01:30:00+00"),
                        c("'2024-10-27 00:30:00+00'", "2024-10-27 00:30:00+00"), c("'2024-06-01 12:00:00.5+05:30'", "2024-06-01 06:30:00.5+00"),
                        c("'0001-01-01 00:00:00+00'", "0001-01-01 00:00:00+00"), c("'infinity'", "infinity")),
                new Group("date", "date", "date", c("'0001-01-01'", "0001-01-01"), c("'1582-10-10'", "1582-10-10"),
                        c("'0044-03-15 BC'", "0044-03-15 BC"), c("'infinity'", "infinity"), c("'5874897-12-31'", "5874897-12-31")),
                new Group("time", "time(6)", "time(6)", c("'24:00:00'", "24:00:00"), c("'00:00:00.000001'", "00:00:00.000001"),
                        c("'23:59:59.999999'", "23:59:59.999999")),
                new Group("timetz", "timetz", "timetz", c("'12:00:00+05:30'", "12:00:00+05:30")),
                new Group("iv", "interval", "interval", c("'1 year 2 mons 3 days 04:05:06.789'", "1 year 2 mons 3 days 04:05:06.789"),
                        c("'-178000000 years'", "-178000000 years"), c("'00:00:00.000001'", "00:00:00.000001")),
                new Group("txt", "text", "text", c("''", ""), c("NULL", null), c("'🚲𝄞'", "🚲𝄞"),
                        c("E'tab\\there\\\\back\\nnl\\rcr'", "tab\there\\back\nnl\rcr")),
                new Group("bytea", "bytea", "bytea", c("'\\x'", "\\x"), c("'\\x00ff'", "\\x00ff"), c("NULL", null)),
                new Group("jsb", "jsonb", "jsonb", c("'{\"b\": 1, \"a\": [1.50, \"🚲\"]}'", "{\"a\": [1.50, \"🚲\"], \"b\": 1}")),
                new Group("js", "json", "json", c("'{\"b\":1,  \"a\":2}'", "{\"b\":1,  \"a\":2}")),
                new Group("bool", "boolean", "boolean", c("true", "true"), c("false", "false"), c("NULL", null)),
                new Group("uuid", "uuid", "uuid", c("'123e4567-e89b-12d3-a456-426614174000'", "123e4567-e89b-12d3-a456-426614174000")),
                new Group("arr", "integer[]", "integer[]", c("'{1,NULL,3}'", "{1,NULL,3}"), c("'{{1,2},{3,4}}'", "{{1,2},{3,4}}")),
                new Group("tarr", "text[]", "text[]", c("'{\"a b\",\"c\\\"d\",NULL}'", "{\"a b\",\"c\\\"d\",NULL}")),
                new Group("en", "rt_mood", "rt_mood", c("'a'", "a"), c("'b'", "b")));
        RoundTrip.run(mode, "rt_pg_pg", source, target, dir, groups);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Mode.class)
    void postgresToMariaDb(Mode mode) throws Exception {
        Side source = pg("rt_pg_my_src");
        source.execute("CREATE TYPE rt_mood AS ENUM ('a', 'b', 'c')");
        List<Group> groups = List.of(
                new Group("bigint", "bigint", "bigint", c("-9223372036854775808", "-9223372036854775808"),
                        c("9223372036854775807", "9223372036854775807")),
                new Group("num", "numeric", "decimal(65,30)",
                        c("123456789012345678901234567890.123456789012345678901234567890",
                                "123456789012345678901234567890.123456789012345678901234567890"),
                        rejected("'NaN'", "NaN"), rejected("'Infinity'", "Infinity"), rejected("1e-40", "decimal places"),
                        rejected("12345678901234567890123456789012345678", "digits")),
                new Group("dbl", "double precision", "double", rejected("'NaN'", "NaN"), rejected("'-Infinity'", "Infinity"),
                        c("1.7976931348623157e308", "1.7976931348623157e308"), c("0.1", "0.1")),
                new Group("ts", "timestamp(6)", "datetime(6)", c("'1000-01-01 00:00:00'", "1000-01-01 00:00:00.000000"),
                        c("'2024-03-31 02:30:00.5'", "2024-03-31 02:30:00.500000"), rejected("'infinity'", "infinity"),
                        rejected("'0044-03-15 BC'", "year")),
                new Group("tstz", "timestamptz", "datetime(6)", c("'2024-06-01 12:00:00+02'", "2024-06-01 10:00:00.000000")),
                new Group("tstz_ts", "timestamptz", "timestamp(6) NULL DEFAULT NULL",
                        c("'2024-06-01 12:00:00+02'", "2024-06-01 10:00:00.000000"),
                        c("'2024-10-27 00:30:00+00'", "2024-10-27 00:30:00.000000")),
                new Group("date", "date", "date", c("'0001-01-01'", "0001-01-01"), c("'2024-02-29'", "2024-02-29"),
                        rejected("'0044-03-15 BC'", "year"), rejected("'infinity'", "infinity")),
                new Group("time", "time(6)", "time(6)", c("'24:00:00'", "24:00:00.000000"),
                        c("'12:34:56.789012'", "12:34:56.789012")),
                new Group("iv", "interval", "varchar(100)", c("'1 year 2 mons'", "1 year 2 mons")),
                new Group("txt", "text", "longtext", c("''", ""), c("NULL", null), c("'🚲𝄞'", "🚲𝄞"),
                        c("E'a\\tb\\\\c\\nd'", "a\tb\\c\nd")),
                new Group("txt_len", "varchar(10)", "varchar(3)", c("'abc'", "abc"), rejected("'abcd'", "too long")),
                new Group("bytea", "bytea", "longblob", c("'\\x'", ""), c("'\\x00ff'", "00FF"), c("NULL", null)),
                new Group("jsb", "jsonb", "json", c("'{\"b\": 1, \"a\": [1.50, \"🚲\"]}'", "{\"a\": [1.50, \"🚲\"], \"b\": 1}")),
                new Group("bool", "boolean", "tinyint(1)", c("true", "1"), c("false", "0"), c("NULL", null)),
                new Group("uuid", "uuid", "uuid", c("'123e4567-e89b-12d3-a456-426614174000'", "123e4567-e89b-12d3-a456-426614174000")),
                new Group("uuid_ch", "uuid", "char(36)", c("'123e4567-e89b-12d3-a456-426614174000'", "123e4567-e89b-12d3-a456-426614174000")),
                new Group("arr", "integer[]", "longtext", c("'{1,NULL,3}'", "{1,NULL,3}")),
                new Group("en", "rt_mood", "enum('a','b')", c("'a'", "a"), rejected("'c'", "truncated")));
        RoundTrip.run(mode, "rt_pg_my", source, maria("rt_pg_my"), dir, groups);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Mode.class)
    void mariaDbToMariaDb(Mode mode) throws Exception {
        List<Group> groups = List.of(
                new Group("ubig", "bigint unsigned", "bigint unsigned", c("18446744073709551615", "18446744073709551615")),
                new Group("dec65", "decimal(65,30)", "decimal(65,30)",
                        c("99999999999999999999999999999999999.999999999999999999999999999999",
                                "99999999999999999999999999999999999.999999999999999999999999999999")),
                new Group("dbl", "double", "double", c("1.7976931348623157E308", "1.7976931348623157e308")),
                new Group("date", "date", "date", c("'1000-01-01'", "1000-01-01"), changed("'0000-00-00'", null)),
                new Group("dt", "datetime(6)", "datetime(6)", c("'9999-12-31 23:59:59.999999'", "9999-12-31 23:59:59.999999")),
                new Group("ts", "timestamp(6) NULL DEFAULT NULL", "timestamp(6) NULL DEFAULT NULL",
                        c("'2038-01-19 03:14:07.999999'", "2038-01-19 03:14:07.999999")),
                new Group("tm", "time(6)", "time(6)", c("'-838:59:59'", "-838:59:59.000000"), c("'838:59:59'", "838:59:59.000000")),
                new Group("txt", "varchar(50)", "varchar(50)", c("''", ""), c("NULL", null), c("'🚲𝄞'", "🚲𝄞"),
                        c("CONCAT('a', CHAR(0), 'b')", "a\0b")),
                new Group("txt_len", "varchar(10)", "varchar(3)", c("'abc'", "abc"), rejected("'abcd'", "too long")),
                new Group("bin", "varbinary(10)", "varbinary(10)", c("X'00FF'", "00FF"), c("X''", "")),
                new Group("js", "json", "json", c("'{\"a\": [1, 2.50]}'", "{\"a\": [1, 2.50]}")),
                new Group("bool", "tinyint(1)", "tinyint(1)", c("1", "1"), c("2", "2"), c("-1", "-1")),
                new Group("en", "enum('a','b','')", "enum('a','b','')", c("'b'", "b"), c("''", "")),
                new Group("st", "set('x','y','z')", "set('x','y','z')", c("'x,z'", "x,z")),
                new Group("yr", "year", "year", c("1901", "1901"), c("0", "0000")),
                new Group("uuid", "uuid", "uuid", c("'123e4567-e89b-12d3-a456-426614174000'", "123e4567-e89b-12d3-a456-426614174000")));
        RoundTrip.run(mode, "rt_my_my", maria("rt_my_my_src"), maria("rt_my_my"), dir, groups);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Mode.class)
    void sqliteToPostgres(Mode mode) throws Exception {
        List<Group> groups = List.of(
                new Group("int", "INTEGER", "bigint", c("9223372036854775807", "9223372036854775807"),
                        c("-9223372036854775808", "-9223372036854775808"), c("2.0", "2"),
                        rejected("'abc'", "not a number"), rejected("1.5", "fractional")),
                new Group("real", "REAL", "double precision", c("0.1", "0.1"), c("1e308", "1e+308"), c("9e999", "Infinity")),
                new Group("num", "NUMERIC", "numeric(10,2)", c("19.99", "19.99"), c("7", "7.00"),
                        rejected("12.345", "decimal places"), rejected("'x'", "not a number")),
                new Group("dec", "DECIMAL(10,2)", "numeric", c("0.1", "0.1"), c("'12345678901234567890.5'", "12345678901234567000") /* SQLite itself keeps a REAL */),
                new Group("txt", "TEXT", "text", c("''", ""), c("NULL", null), c("'🚲𝄞'", "🚲𝄞"), c("42", "42"),
                        rejected("'a' || char(0) || 'b'", "NUL"), rejected("CAST(X'C328' AS TEXT)", INVALID_UTF8)),
                new Group("blob", "BLOB", "bytea", c("X''", "\\x"), c("X'00FF'", "\\x00ff"), c("'abc'", "\\x616263")),
                new Group("dt", "DATETIME", "timestamp(3)", c("'2024-03-31 02:30:00'", "2024-03-31 02:30:00"),
                        c("'1500-01-01 00:00:00'", "1500-01-01 00:00:00"), c("1700000000", "2023-11-14 22:13:20"),
                        c("'2024-01-01T10:00:00Z'", "2024-01-01 10:00:00"), c("'2024-01-01 10:00:00.123'", "2024-01-01 10:00:00.123"),
                        rejected("'2024-02-30 00:00:00'", "not a date/time"), changed("'0000-00-00 00:00:00'", null)),
                new Group("dttz", "DATETIME", "timestamptz", c("'2024-06-01 12:00:00'", "2024-06-01 12:00:00+00"),
                        c("'2024-06-01T12:00:00+02:00'", "2024-06-01 10:00:00+00")),
                new Group("date", "DATE", "date", c("'2024-02-29'", "2024-02-29"), c("'0001-01-01'", "0001-01-01"),
                        rejected("'yesterday'", "not a date/time")),
                new Group("time", "TIME", "time", c("'12:34:56'", "12:34:56"), rejected("'25:00:00'", "not a time of day")),
                new Group("bool", "BOOLEAN", "boolean", c("0", "false"), c("1", "true"), c("'true'", "true"),
                        rejected("2", "not a boolean")),
                new Group("js", "JSON", "jsonb", c("'{\"b\":1,\"a\":2}'", "{\"a\": 2, \"b\": 1}")));
        RoundTrip.run(mode, "rt_lite_pg", sqlite("rt_lite_pg"), pg("rt_lite_pg"), dir, groups);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Mode.class)
    void sqliteToMariaDb(Mode mode) throws Exception {
        List<Group> groups = List.of(
                new Group("int", "INTEGER", "bigint", c("9223372036854775807", "9223372036854775807"),
                        rejected("'abc'", "not a number")),
                new Group("real", "REAL", "double", c("0.1", "0.1"), rejected("9e999", "Infinity")),
                new Group("num", "NUMERIC", "decimal(10,2)", c("19.99", "19.99"), rejected("12.345", "decimal places")),
                new Group("txt", "TEXT", "longtext", c("''", ""), c("NULL", null), c("'🚲𝄞'", "🚲𝄞"),
                        c("'a' || char(0) || 'b'", "a\0b"), rejected("CAST(X'C328' AS TEXT)", INVALID_UTF8)),
                new Group("blob", "BLOB", "longblob", c("X''", ""), c("X'00FF'", "00FF")),
                new Group("dt", "DATETIME", "datetime(6)", c("'2024-03-31 02:30:00'", "2024-03-31 02:30:00.000000"),
                        c("1700000000", "2023-11-14 22:13:20.000000"), c("'0001-01-01 00:00:00'", "0001-01-01 00:00:00.000000")),
                new Group("date", "DATE", "date", c("'2024-02-29'", "2024-02-29")),
                new Group("bool", "BOOLEAN", "tinyint(1)", c("1", "1"), c("0", "0"), c("'true'", "1")),
                new Group("js", "JSON", "json", c("'{\"a\":1}'", "{\"a\":1}")));
        RoundTrip.run(mode, "rt_lite_my", sqlite("rt_lite_my"), maria("rt_lite_my"), dir, groups);
    }

    @Test
    void postgresToSqlite() throws Exception {
        List<Group> groups = List.of(
                new Group("bigint", "bigint", "INTEGER", c("-9223372036854775808", "integer:-9223372036854775808"),
                        c("9223372036854775807", "integer:9223372036854775807")),
                new Group("num", "numeric", "NUMERIC", c("12.5", "real:12.5"), c("42", "integer:42"), c("7.000", "integer:7"),
                        rejected("123456789012345678901234567890", "significant digits"), rejected("'NaN'", "NaN")),
                new Group("num_txt", "numeric", "TEXT", c("123456789012345678901234567890.5", "text:123456789012345678901234567890.5")),
                new Group("dbl", "double precision", "REAL", c("0.1", "real:0.1"), c("'Infinity'", "real:Infinity"),
                        rejected("'NaN'", "NaN")),
                new Group("ts", "timestamp(6)", "DATETIME", c("'2024-03-31 02:30:00.5'", "text:2024-03-31 02:30:00.5"),
                        rejected("'infinity'", "infinity")),
                new Group("tstz", "timestamptz", "DATETIME", c("'2024-06-01 12:00:00+02'", "text:2024-06-01 10:00:00")),
                new Group("date", "date", "DATE", c("'2024-02-29'", "text:2024-02-29"), rejected("'0044-03-15 BC'", "year")),
                new Group("bool", "boolean", "BOOLEAN", c("true", "integer:1"), c("false", "integer:0")),
                new Group("bytea", "bytea", "BLOB", c("'\\x00ff'", "blob:00ff"), c("'\\x'", "blob:")),
                new Group("txt", "text", "TEXT", c("''", "text:"), c("'🚲𝄞'", "text:🚲𝄞"), c("NULL", null)),
                new Group("jsb", "jsonb", "TEXT", c("'{\"b\": 1, \"a\": 2}'", "text:{\"a\": 2, \"b\": 1}")),
                new Group("uuid", "uuid", "TEXT", c("'123e4567-e89b-12d3-a456-426614174000'", "text:123e4567-e89b-12d3-a456-426614174000")),
                new Group("arr", "integer[]", "TEXT", c("'{1,NULL,3}'", "text:{1,NULL,3}")),
                new Group("iv", "interval", "TEXT", c("'1 day 02:00:00'", "text:1 day 02:00:00")));
        RoundTrip.run("rt_pg_lite", pg("rt_pg_lite_src"), sqlite("rt_pg_lite"), dir, groups);
    }

    @Test
    void mariaDbToSqlite() throws Exception {
        List<Group> groups = List.of(
                new Group("ubig", "bigint unsigned", "INTEGER", c("42", "integer:42"),
                        rejected("18446744073709551615", "out of range")),
                new Group("dec65", "decimal(65,30)", "NUMERIC", c("19.99", "real:19.99"), c("7.000", "integer:7"),
                        c("0.000000000000000000000000000001", "real:1.0E-30"),
                        rejected("12345678901234567890.123", "significant digits")),
                new Group("dec_txt", "decimal(65,30)", "TEXT", c("12345678901234567890.123", "text:12345678901234567890.123000000000000000000000000000")),
                new Group("dbl", "double", "REAL", c("1.7976931348623157E308", "real:1.7976931348623157E308")),
                new Group("date", "date", "DATE", c("'1000-01-01'", "text:1000-01-01"), changed("'0000-00-00'", null)),
                new Group("dt", "datetime(6)", "DATETIME", c("'9999-12-31 23:59:59.999999'", "text:9999-12-31 23:59:59.999999")),
                new Group("tm", "time(6)", "TIME", c("'838:59:59'", "text:838:59:59.000000"), c("'12:34:56.789012'", "text:12:34:56.789012")),
                new Group("txt", "varchar(50)", "TEXT", c("''", "text:"), c("NULL", null), c("'🚲𝄞'", "text:🚲𝄞"),
                        c("CONCAT('a', CHAR(0), 'b')", "text:a\0b")),
                new Group("bin", "varbinary(10)", "BLOB", c("X'00FF'", "blob:00ff")),
                new Group("js", "json", "TEXT", c("'{\"a\": 1}'", "text:{\"a\": 1}")),
                new Group("bool", "tinyint(1)", "BOOLEAN", c("1", "integer:1"), c("2", "integer:2")),
                new Group("en", "enum('a','b')", "TEXT", c("'b'", "text:b")));
        RoundTrip.run("rt_my_lite", maria("rt_my_lite_src"), sqlite("rt_my_lite"), dir, groups);
    }
}
