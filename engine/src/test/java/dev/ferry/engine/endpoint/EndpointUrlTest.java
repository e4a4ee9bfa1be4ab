package dev.ferry.engine.endpoint;

import dev.ferry.model.project.EndpointConfig;
import dev.ferry.model.project.TlsMode;
import dev.ferry.model.schema.Engine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EndpointUrlTest {

    @Test
    void postgresWithEverything() {
        ParsedEndpoint p = EndpointUrl.parse("postgresql://app:s3cret@db.example.com:6543/sales?sslmode=require&ApplicationName=x&connect_timeout=7");
        EndpointConfig c = p.config();
        assertThat(c.engine()).isEqualTo(Engine.POSTGRESQL);
        assertThat(c.host()).isEqualTo("db.example.com");
        assertThat(c.port()).isEqualTo(6543);
        assertThat(c.database()).isEqualTo("sales");
        assertThat(c.user()).isEqualTo("app");
        assertThat(c.tls()).isEqualTo(TlsMode.REQUIRE);
        assertThat(c.connectTimeoutSeconds()).isEqualTo(7);
        assertThat(c.properties()).containsExactly(Map.entry("ApplicationName", "x"));
        assertThat(c.passwordRef()).isNull();
        assertThat(c.passwordEnv()).isNull();
        assertThat(c.name()).isEqualTo("sales");
        assertThat(p.password()).containsExactly("s3cret".toCharArray());
        assertThat(p.toString()).doesNotContain("s3cret");
    }

    @Test
    void jdbcAndPostgresSchemesAreEquivalent() {
        EndpointConfig a = EndpointUrl.parse("n", "jdbc:postgresql://h/db").config();
        EndpointConfig b = EndpointUrl.parse("n", "postgres://h/db").config();
        assertThat(a).isEqualTo(b);
        assertThat(a.port()).isNull();
        assertThat(a.effectivePort()).isEqualTo(5432);
        assertThat(a.tls()).isEqualTo(TlsMode.DISABLE);
    }

    @Test
    void credentialsArePercentDecodedAndPlusStays() {
        ParsedEndpoint p = EndpointUrl.parse("mysql://d%C3%A9v%40corp:p%40ss%3Aw%2Fo+rd@127.0.0.1:3307/shop");
        assertThat(p.config().user()).isEqualTo("dév@corp");
        assertThat(new String(p.password())).isEqualTo("p@ss:w/o+rd");
        assertThat(p.config().engine()).isEqualTo(Engine.MYSQL);
        assertThat(p.config().port()).isEqualTo(3307);
    }

    @Test
    void unencodedAtInPasswordUsesLastAt() {
        ParsedEndpoint p = EndpointUrl.parse("postgresql://u:p@ss@host/db");
        assertThat(new String(p.password())).isEqualTo("p@ss");
        assertThat(p.config().host()).isEqualTo("host");
    }

    @Test
    void mysqlAndMariadbQueryParameters() {
        EndpointConfig c = EndpointUrl.parse("jdbc:mariadb://root@[::1]:3306/test?sslMode=VERIFY_IDENTITY&connectTimeout=2500&useCursorFetch=true").config();
        assertThat(c.engine()).isEqualTo(Engine.MYSQL);
        assertThat(c.host()).isEqualTo("::1");
        assertThat(c.tls()).isEqualTo(TlsMode.VERIFY_FULL);
        assertThat(c.connectTimeoutSeconds()).isEqualTo(3); // Connector/J milliseconds, rounded up
        assertThat(c.properties()).containsExactly(Map.entry("useCursorFetch", "true"));
        assertThat(EndpointUrl.parse("mysql://h/x?useSSL=false").config().tls()).isEqualTo(TlsMode.DISABLE);
        assertThat(EndpointUrl.parse("mysql://h/x?sslMode=VERIFY_CA").config().tls()).isEqualTo(TlsMode.VERIFY_CA);
    }

    @Test
    void userAndPasswordAsQueryParameters() {
        ParsedEndpoint p = EndpointUrl.parse("jdbc:postgresql://h:5/db?user=bob&password=pw%26x");
        assertThat(p.config().user()).isEqualTo("bob");
        assertThat(new String(p.password())).isEqualTo("pw&x");
        assertThat(p.config().properties()).isEmpty();
    }

    @Test
    void oracleServiceAndSid() {
        ParsedEndpoint svc = EndpointUrl.parse("oracle://hr:pw@ora.local:1522/FREEPDB1");
        assertThat(svc.config().engine()).isEqualTo(Engine.ORACLE);
        assertThat(svc.config().database()).isEqualTo("FREEPDB1");
        assertThat(svc.config().port()).isEqualTo(1522);
        assertThat(svc.config().properties()).isEmpty();
        assertThat(new String(svc.password())).isEqualTo("pw");

        EndpointConfig sid = EndpointUrl.parse("oracle://system@ora.local:1521?sid=XE").config();
        assertThat(sid.database()).isEqualTo("XE");
        assertThat(sid.properties()).containsEntry(EndpointUrl.ORACLE_SID_PROPERTY, "XE");
    }

    @Test
    void oracleThinForms() {
        EndpointConfig a = EndpointUrl.parse("jdbc:oracle:thin:@//ora.local:1521/ORCLPDB1").config();
        assertThat(a.host()).isEqualTo("ora.local");
        assertThat(a.database()).isEqualTo("ORCLPDB1");
        assertThat(a.user()).isNull();

        ParsedEndpoint b = EndpointUrl.parse("jdbc:oracle:thin:scott/tiger@//ora.local:1521/ORCL");
        assertThat(b.config().user()).isEqualTo("scott");
        assertThat(new String(b.password())).isEqualTo("tiger");

        EndpointConfig c = EndpointUrl.parse("jdbc:oracle:thin:@ora.local:1521:XE").config();
        assertThat(c.database()).isEqualTo("XE");
        assertThat(c.properties()).containsEntry(EndpointUrl.ORACLE_SID_PROPERTY, "XE");

        EndpointConfig d = EndpointUrl.parse("jdbc:oracle:thin:@tcps://ora.cloud:2484/svc").config();
        assertThat(d.tls()).isEqualTo(TlsMode.REQUIRE);
        assertThat(d.port()).isEqualTo(2484);
    }

    @Test
    void sqliteForms() {
        assertThat(EndpointUrl.parse("sqlite:/data/chinook.db").config().path()).isEqualTo("/data/chinook.db");
        assertThat(EndpointUrl.parse("jdbc:sqlite:rel/x.sqlite").config().path()).isEqualTo("rel/x.sqlite");
        assertThat(EndpointUrl.parse("sqlite:///abs/y.db").config().path()).isEqualTo("/abs/y.db");
        ParsedEndpoint bare = EndpointUrl.parse("/tmp/Chinook_Sqlite.sqlite3");
        assertThat(bare.config().engine()).isEqualTo(Engine.SQLITE);
        assertThat(bare.config().path()).isEqualTo("/tmp/Chinook_Sqlite.sqlite3");
        assertThat(bare.config().name()).isEqualTo("Chinook_Sqlite");
        assertThat(bare.password()).isNull();
        assertThat(EndpointUrl.parse("C:\\data\\x.db").config().engine()).isEqualTo(Engine.SQLITE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "postgresql://u:TopSecret99@host:notaport/db",
            "postgresql://u:TopSecret99@host:99999/db",
            "ftp://u:TopSecret99@host/db",
            "postgresql://u:TopSecret99@/db",
            "postgresql://u:TopSecret99@host/db?sslmode=bogus",
            "mysql://u:TopSecret99@host/db?connectTimeout=abc",
            "postgresql://u:TopSecret99@host/db?sid=X",
            "jdbc:oracle:thin:u/TopSecret99@(DESCRIPTION=(ADDRESS=(HOST=h)))",
            "postgresql://u:TopSecret99@h1,h2/db",
            "postgresql://u:Top%ZZSecret99@host/db",
    })
    void badUrlsFailClearlyWithoutThePassword(String url) {
        assertThatThrownBy(() -> EndpointUrl.parse(url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid endpoint URL '")
                .message().doesNotContain("TopSecret99").doesNotContain("Secret99");
    }

    @Test
    void errorMessageNamesTheProblem() {
        assertThatThrownBy(() -> EndpointUrl.parse("postgresql://u:pw@host:abc/db"))
                .hasMessageContaining("port 'abc' is not a number")
                .hasMessageContaining("host:abc/db");
        assertThatThrownBy(() -> EndpointUrl.parse("hello")).hasMessageContaining("sqlite:<path>");
        assertThatThrownBy(() -> EndpointUrl.parse(" ")).hasMessageContaining("empty");
    }
}
