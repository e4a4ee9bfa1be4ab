package dev.ferry.engine.load.postgres;

import dev.ferry.engine.load.postgres.MySqlTextPassThrough.Route;
import dev.ferry.model.schema.DataType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Which MySQL → PostgreSQL columns may travel as the server's text, and which go through the converter. */
class MySqlTextPassThroughTest {

    private static DataType t(String name) {
        return DataType.of(name);
    }

    private static DataType dec(String name, int p, int s) {
        return DataType.of(name, null, p, s, name + "(" + p + "," + s + ")");
    }

    @Test
    void columnsWhoseTextIsThePostgresInputGoRaw() {
        assertThat(MySqlTextPassThrough.route(t("int"), t("integer"))).isEqualTo(Route.INTEGER);
        assertThat(MySqlTextPassThrough.route(t("bigint"), dec("numeric", 20, 0))).isEqualTo(Route.INTEGER);
        assertThat(MySqlTextPassThrough.route(t("varchar"), t("text"))).isEqualTo(Route.TEXT);
        assertThat(MySqlTextPassThrough.route(t("longtext"), t("jsonb"))).isEqualTo(Route.TEXT);
        assertThat(MySqlTextPassThrough.route(t("enum"), t("rt_mood"))).isEqualTo(Route.TEXT); // a PostgreSQL enum
        assertThat(MySqlTextPassThrough.route(t("blob"), t("bytea"))).isEqualTo(Route.BINARY);
        assertThat(MySqlTextPassThrough.route(t("date"), t("date"))).isEqualTo(Route.DATE);
        assertThat(MySqlTextPassThrough.route(t("datetime"), t("timestamp"))).isEqualTo(Route.TIMESTAMP);
        assertThat(MySqlTextPassThrough.route(t("timestamp"), t("timestamptz"))).isEqualTo(Route.TIMESTAMPTZ);
    }

    @Test
    void columnsTheConverterMustCheckOrChangeGoThroughIt() {
        assertThat(MySqlTextPassThrough.route(DataType.of("tinyint", 1L, null, null, "tinyint(1)"), t("boolean")))
                .isEqualTo(Route.CONVERT);
        assertThat(MySqlTextPassThrough.route(t("double"), t("double precision"))).isEqualTo(Route.CONVERT);
        assertThat(MySqlTextPassThrough.route(t("float"), t("real"))).isEqualTo(Route.CONVERT);
        assertThat(MySqlTextPassThrough.route(t("time"), t("interval"))).isEqualTo(Route.CONVERT);
        assertThat(MySqlTextPassThrough.route(t("varbinary"), t("text"))).isEqualTo(Route.CONVERT); // UTF-8 check
        assertThat(MySqlTextPassThrough.route(t("int"), t("boolean"))).isEqualTo(Route.CONVERT);
        assertThat(MySqlTextPassThrough.route(t("date"), t("timestamp"))).isEqualTo(Route.CONVERT);
    }

    @Test
    void decimalsGoRawOnlyWhenTheTargetCanNeverRoundThem() {
        assertThat(MySqlTextPassThrough.route(dec("decimal", 20, 6), dec("numeric", 20, 6))).isEqualTo(Route.DECIMAL);
        assertThat(MySqlTextPassThrough.route(dec("decimal", 20, 6), t("numeric"))).isEqualTo(Route.DECIMAL);
        assertThat(MySqlTextPassThrough.route(dec("decimal", 10, 2), dec("numeric", 12, 4))).isEqualTo(Route.DECIMAL);
        // fewer decimal places: PostgreSQL would round, the converter rejects
        assertThat(MySqlTextPassThrough.route(dec("decimal", 14, 4), dec("numeric", 10, 2))).isEqualTo(Route.CONVERT);
        // fewer integer digits: the converter names the overflow
        assertThat(MySqlTextPassThrough.route(dec("decimal", 20, 2), dec("numeric", 10, 2))).isEqualTo(Route.CONVERT);
        assertThat(MySqlTextPassThrough.route(dec("decimal", 10, 2), t("double precision"))).isEqualTo(Route.CONVERT);
    }

    @Test
    void zeroDatesAreRecognisedInTheServersText() {
        for (String zero : new String[] {"0000-00-00", "0000-00-00 00:00:00", "2024-00-10", "2024-01-00 10:00:00"}) {
            assertThat(MySqlTextPassThrough.zeroDate(zero.getBytes(StandardCharsets.US_ASCII))).as(zero).isTrue();
        }
        for (String date : new String[] {"0001-01-01", "2024-10-01", "1000-01-01 00:00:00.000000", "2024-01-10"}) {
            assertThat(MySqlTextPassThrough.zeroDate(date.getBytes(StandardCharsets.US_ASCII))).as(date).isFalse();
        }
    }
}
