package dev.ferry.engine.endpoint;

import dev.ferry.engine.secret.PasswordPrompt;
import dev.ferry.engine.secret.SecretResolver;
import dev.ferry.model.project.EndpointConfig;
import dev.ferry.model.project.TlsMode;
import dev.ferry.model.schema.Engine;
import dev.ferry.testsupport.TestDatabases;
import dev.ferry.testsupport.TestServer;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One distinctive password goes through every failure path (bad URL, closed port, silent server, wrong password,
 * unknown database, missing privileges, TLS refused, resolver errors) on the real servers; it must appear in no result
 * message, no exception message, no cause and no printed stack trace.
 */
class PasswordNeverShownIT {

    static final String SECRET = "S3cr3t-Canary-Pw-8181";

    @Test
    void passwordNeverAppears() throws Exception {
        TestServer pg = TestDatabases.postgres();
        TestServer my = TestDatabases.mysql();
        String pgDb = pg.createDatabase("pwshown");
        String myDb = my.createDatabase("pwshown");
        PostgresConnectionTesterIT.requirePasswordFor(pg, PostgresConnectionTesterIT.PW_USER, PostgresConnectionTesterIT.RIGHT);
        MariaDbAccounts.createUser(my, "ferry_pw_canary", "Other-Pw-1");

        List<String> texts = new ArrayList<>();
        ConnectionTester tester = new ConnectionTester();

        // bad URLs
        for (String url : List.of("postgresql://u:" + SECRET + "@host:bad/db", "mysql://u:" + SECRET + "@/db",
                "jdbc:oracle:thin:u/" + SECRET + "@(DESCRIPTION=)", "postgresql://u:" + SECRET + "@h/db?sslmode=x")) {
            try {
                EndpointUrl.parse(url);
                texts.add("parsed?!");
            } catch (IllegalArgumentException e) {
                texts.add(everything(e));
            }
        }

        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        List<EndpointConfig> endpoints = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            for (Engine e : List.of(Engine.POSTGRESQL, Engine.MYSQL, Engine.ORACLE)) {
                endpoints.add(new EndpointConfig("closed", e, "127.0.0.1", closedPort, "db", "u", null, null, null, null, 3, null));
                endpoints.add(new EndpointConfig("silent", e, "127.0.0.1", silent.getLocalPort(), "db", "u", null, null, null, null, 2, null));
            }
            endpoints.add(new EndpointConfig("pg-auth", Engine.POSTGRESQL, pg.host(), pg.port(), pgDb, PostgresConnectionTesterIT.PW_USER, null, null, null, null, null, null));
            endpoints.add(new EndpointConfig("pg-nodb", Engine.POSTGRESQL, pg.host(), pg.port(), "nodb_pw", pg.user(), null, null, null, null, null, null));
            endpoints.add(new EndpointConfig("pg-tls", Engine.POSTGRESQL, pg.host(), pg.port(), pgDb, pg.user(), null, null, TlsMode.VERIFY_FULL, null, null, null));
            endpoints.add(new EndpointConfig("my-auth", Engine.MYSQL, my.host(), my.port(), myDb, "ferry_pw_canary", null, null, null, null, null, null));
            endpoints.add(new EndpointConfig("my-nodb", Engine.MYSQL, my.host(), my.port(), "nodb_pw", my.user(), null, null, null, null, null, null));
            endpoints.add(new EndpointConfig("my-tls", Engine.MYSQL, my.host(), my.port(), myDb, my.user(), null, null, TlsMode.VERIFY_FULL, null, null, null));

            for (EndpointConfig ep : endpoints) {
                ConnectionTestResult r = tester.test(ep, SECRET.toCharArray());
                assertThat(r.outcome()).as(ep.name() + ": " + r.message()).isNotEqualTo(ConnectionTestResult.Outcome.OK);
                texts.add(r.toString());
                SecretResolver resolver = new SecretResolver(null, Map.of("PW", SECRET)::get, PasswordPrompt.NONE);
                try {
                    new ConnectionFactory(resolver).open(ep.withPasswordEnv("PW")).close();
                    texts.add(ep.name() + " opened?!");
                } catch (Exception e) {
                    texts.add(everything(e));
                }
            }
        }
        SecretResolver empty = new SecretResolver(null, k -> null, PasswordPrompt.NONE);
        try {
            empty.resolve(endpoints.get(0).withPasswordRef(SECRET.substring(0, 4)));
        } catch (RuntimeException e) {
            texts.add(everything(e));
        }

        assertThat(texts).hasSize(4 + 2 * endpoints.size() + 1).noneMatch(t -> t.contains("?!"));
        for (String t : texts) {
            assertThat(t).doesNotContain(SECRET).doesNotContain(SECRET.substring(3, 15));
        }
    }

    /** Message, causes, suppressed and the printed stack trace. */
    static String everything(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
