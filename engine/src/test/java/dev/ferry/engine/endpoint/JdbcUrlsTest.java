package dev.ferry.engine.endpoint;

import dev.ferry.model.project.EndpointConfig;
import dev.ferry.model.project.TlsMode;
import dev.ferry.model.schema.Engine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdbcUrlsTest {

    private static EndpointConfig ep(Engine engine, String host, Integer port, String db, TlsMode tls, Map<String, String> props, Integer timeout) {
        return new EndpointConfig("e", engine, host, port, db, "app", null, null, tls, props, timeout, null);
    }

    static Stream<Arguments> urls() {
        return Stream.of(
                Arguments.of(ep(Engine.POSTGRESQL, "db.local", null, "sales", TlsMode.DISABLE, null, null), "jdbc:postgresql://db.local:5432/sales"),
                Arguments.of(ep(Engine.POSTGRESQL, "::1", 6000, "a b", TlsMode.DISABLE, null, null), "jdbc:postgresql://[::1]:6000/a%20b"),
                Arguments.of(ep(Engine.MYSQL, "m", 3307, "shop", TlsMode.DISABLE, null, null), "jdbc:mysql://m:3307/shop"),
                Arguments.of(ep(Engine.MYSQL, "m", null, null, TlsMode.DISABLE, null, null), "jdbc:mysql://m:3306/"),
                Arguments.of(ep(Engine.ORACLE, "o", null, "FREEPDB1", TlsMode.DISABLE, null, null), "jdbc:oracle:thin:@//o:1521/FREEPDB1"),
                Arguments.of(ep(Engine.ORACLE, "o", 2484, "svc", TlsMode.VERIFY_FULL, null, null), "jdbc:oracle:thin:@tcps://o:2484/svc"),
                Arguments.of(ep(Engine.ORACLE, "o", null, "XE", TlsMode.DISABLE, Map.of("oracle.sid", "XE"), null), "jdbc:oracle:thin:@o:1521:XE"),
                Arguments.of(ep(Engine.ORACLE, "o", 2484, "XE", TlsMode.REQUIRE, Map.of("oracle.sid", "XE"), null),
                        "jdbc:oracle:thin:@(DESCRIPTION=(ADDRESS=(PROTOCOL=tcps)(HOST=o)(PORT=2484))(CONNECT_DATA=(SID=XE)))"),
                Arguments.of(new EndpointConfig("s", Engine.SQLITE, null, null, null, null, null, null, null, null, null, "/tmp/x.db"), "jdbc:sqlite:/tmp/x.db"));
    }

    @ParameterizedTest
    @MethodSource("urls")
    void url(EndpointConfig config, String expected) {
        assertThat(JdbcUrls.of(config).url()).isEqualTo(expected);
    }

    static Stream<Arguments> tls() {
        return Stream.of(
                Arguments.of(TlsMode.DISABLE, "disable", "DISABLED", "false", null),
                Arguments.of(TlsMode.REQUIRE, "require", "REQUIRED", "true", "false"),
                Arguments.of(TlsMode.VERIFY_CA, "verify-ca", "VERIFY_CA", "true", "false"),
                Arguments.of(TlsMode.VERIFY_FULL, "verify-full", "VERIFY_IDENTITY", "true", "true"));
    }

    @ParameterizedTest
    @MethodSource("tls")
    void tlsMapping(TlsMode mode, String pgSslMode, String mysqlSslMode, String useSsl, String oracleDnMatch) {
        Properties pg = JdbcUrls.of(ep(Engine.POSTGRESQL, "h", null, "d", mode, null, null)).properties();
        assertThat(pg.getProperty("sslmode")).isEqualTo(pgSslMode);

        Properties my = JdbcUrls.of(ep(Engine.MYSQL, "h", null, "d", mode, null, null)).properties();
        assertThat(my.getProperty("sslMode")).isEqualTo(mysqlSslMode);
        assertThat(my.getProperty("useSSL")).isEqualTo(useSsl);
        assertThat(my.getProperty("allowPublicKeyRetrieval")).isEqualTo(mode == TlsMode.DISABLE ? "true" : null);

        JdbcUrls.JdbcTarget ora = JdbcUrls.of(ep(Engine.ORACLE, "h", null, "svc", mode, null, null));
        assertThat(ora.properties().getProperty("oracle.net.ssl_server_dn_match")).isEqualTo(oracleDnMatch);
        assertThat(ora.url()).startsWith(mode == TlsMode.DISABLE ? "jdbc:oracle:thin:@//" : "jdbc:oracle:thin:@tcps://");
    }

    static Stream<Arguments> timeouts() {
        // engine, property, value for a 7 s timeout, whether it is only set for tests
        return Stream.of(
                Arguments.of(Engine.POSTGRESQL, "connectTimeout", "7", false),
                Arguments.of(Engine.POSTGRESQL, "loginTimeout", "7", false),
                Arguments.of(Engine.POSTGRESQL, "socketTimeout", "7", true),
                Arguments.of(Engine.MYSQL, "connectTimeout", "7000", false),
                Arguments.of(Engine.MYSQL, "socketTimeout", "7000", true),
                Arguments.of(Engine.ORACLE, "oracle.net.CONNECT_TIMEOUT", "7000", false),
                Arguments.of(Engine.ORACLE, "oracle.jdbc.ReadTimeout", "7000", true));
    }

    @ParameterizedTest
    @MethodSource("timeouts")
    void connectTimeout(Engine engine, String property, String value, boolean testOnly) {
        EndpointConfig c = ep(engine, "h", null, "d", TlsMode.DISABLE, null, 7);
        assertThat(JdbcUrls.forTest(c).properties().getProperty(property)).isEqualTo(value);
        assertThat(JdbcUrls.of(c).properties().getProperty(property)).isEqualTo(testOnly ? null : value);
    }

    @Test
    void defaultTimeoutIsTenSeconds() {
        assertThat(JdbcUrls.of(ep(Engine.POSTGRESQL, "h", null, "d", TlsMode.DISABLE, null, null)).properties().getProperty("connectTimeout"))
                .isEqualTo("10");
    }

    @Test
    void mysqlDefaults() {
        Properties p = JdbcUrls.of(ep(Engine.MYSQL, "h", null, "d", TlsMode.DISABLE, null, null)).properties();
        assertThat(p.getProperty("allowLoadLocalInfile")).isEqualTo("true");
        assertThat(p.getProperty("rewriteBatchedStatements")).isEqualTo("true");
        assertThat(p.getProperty("zeroDateTimeBehavior")).isEqualTo("CONVERT_TO_NULL");
    }

    @Test
    void extraPropertiesPassThroughAndOverrideButNeverCredentialsOrInternalKeys() {
        Map<String, String> extra = Map.of("zeroDateTimeBehavior", "EXCEPTION", "useCursorFetch", "true", "password", "x", "user", "y");
        Properties p = JdbcUrls.of(ep(Engine.MYSQL, "h", null, "d", TlsMode.DISABLE, extra, null)).properties();
        assertThat(p.getProperty("zeroDateTimeBehavior")).isEqualTo("EXCEPTION");
        assertThat(p.getProperty("useCursorFetch")).isEqualTo("true");
        assertThat(p).doesNotContainKeys("password", "user");

        Properties o = JdbcUrls.of(ep(Engine.ORACLE, "h", null, "XE", TlsMode.DISABLE, Map.of("oracle.sid", "XE", "oracle.jdbc.fanEnabled", "false"), null)).properties();
        assertThat(o).doesNotContainKey("oracle.sid").containsEntry("oracle.jdbc.fanEnabled", "false");
    }

    @Test
    void missingPiecesFailClearly() {
        assertThatThrownBy(() -> JdbcUrls.of(ep(Engine.POSTGRESQL, null, null, "d", TlsMode.DISABLE, null, null)))
                .hasMessageContaining("'e' has no host");
        assertThatThrownBy(() -> JdbcUrls.of(ep(Engine.ORACLE, "h", null, null, TlsMode.DISABLE, null, null)))
                .hasMessageContaining("needs a service name");
        assertThatThrownBy(() -> JdbcUrls.of(new EndpointConfig("lite", Engine.SQLITE, null, null, null, null, null, null, null, null, null, null)))
                .hasMessageContaining("'lite' has no file path");
    }

    @Test
    void roundTripFromParsedUrl() {
        ParsedEndpoint p = EndpointUrl.parse("postgresql://u:pw@h:5433/db?sslmode=verify-full&connect_timeout=3&options=-c%20search_path%3Dx");
        JdbcUrls.JdbcTarget t = JdbcUrls.of(p.config());
        assertThat(t.url()).isEqualTo("jdbc:postgresql://h:5433/db");
        assertThat(t.properties().getProperty("sslmode")).isEqualTo("verify-full");
        assertThat(t.properties().getProperty("connectTimeout")).isEqualTo("3");
        assertThat(t.properties().getProperty("options")).isEqualTo("-c search_path=x");
        assertThat(t.url() + t.properties()).doesNotContain("pw");
    }
}
