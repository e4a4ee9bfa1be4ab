package dev.ferry.engine.endpoint;

import dev.ferry.engine.endpoint.ConnectionTestResult.Outcome;
import dev.ferry.model.project.EndpointConfig;
import dev.ferry.model.schema.Engine;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SqliteConnectionTesterTest {

    @TempDir
    Path dir;

    private static EndpointConfig lite(Path file) {
        return EndpointUrl.parse("sqlite:" + file).config();
    }

    private Path database(String name, String... ddl) throws Exception {
        Path file = dir.resolve(name);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            for (String s : ddl) {
                st.execute(s);
            }
        }
        return file;
    }

    @Test
    void existingDatabaseIsOkWithVersion() throws Exception {
        Path file = database("ok.db", "CREATE TABLE t (id INTEGER PRIMARY KEY)");
        ConnectionTestResult r = new ConnectionTester().test(lite(file), null);
        assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.OK);
        assertThat(r.serverVersion()).matches("SQLite 3\\.\\d+\\.\\d+");
        assertThat(r.message()).contains(file.toString()).contains(r.serverVersion());
    }

    @Test
    void missingFileIsUnknownDatabaseAndIsNotCreated() {
        Path file = dir.resolve("missing.db");
        ConnectionTestResult r = new ConnectionTester().test(lite(file), null);
        assertThat(r.outcome()).isEqualTo(Outcome.UNKNOWN_DATABASE);
        assertThat(r.message()).contains(file.toString()).contains("does not exist");
        assertThat(Files.exists(file)).isFalse();
    }

    @Test
    void nonDatabaseFileIsUnknownDatabase() throws Exception {
        Path file = dir.resolve("notes.db");
        Files.writeString(file, "this is a text file, certainly not a SQLite database; ".repeat(40));
        ConnectionTestResult r = new ConnectionTester().test(lite(file), null);
        assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.UNKNOWN_DATABASE);
        assertThat(r.message()).contains(file.toString());
    }

    @Test
    void directoryIsUnknownDatabase() {
        ConnectionTestResult r = new ConnectionTester().test(lite(dir), null);
        assertThat(r.outcome()).isEqualTo(Outcome.UNKNOWN_DATABASE);
        assertThat(r.message()).contains("directory");
    }

    @Test
    void unreadableFileIsInsufficientPrivileges() throws Exception {
        Assumptions.assumeFalse("root".equals(System.getProperty("user.name")),
                "SKIPPED: root reads every file, so an unreadable file cannot be made");
        Path file = database("locked.db", "CREATE TABLE t (id INTEGER PRIMARY KEY)");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        ConnectionTestResult r = new ConnectionTester().test(lite(file), null);
        assertThat(r.outcome()).isEqualTo(Outcome.INSUFFICIENT_PRIVILEGES);
    }

    @Test
    void readinessListsTablesWithoutKeys() throws Exception {
        Path file = database("keys.db",
                "CREATE TABLE with_pk (id INTEGER PRIMARY KEY, v TEXT)",
                "CREATE TABLE with_unique (code TEXT NOT NULL UNIQUE)",
                "CREATE TABLE composite (a INT, b INT, PRIMARY KEY (a, b)) WITHOUT ROWID",
                "CREATE TABLE heap (v TEXT)",
                "CREATE TABLE \"odd name\" (v TEXT)");
        EndpointConfig c = lite(file);
        try (Connection conn = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            List<ReadinessCheck> checks = ReadinessChecker.check(conn, c, Role.SOURCE_FULL_LOAD, List.of());
            ReadinessCheck keys = checks.stream().filter(k -> k.id().equals("common.primary_keys")).findFirst().orElseThrow();
            assertThat(keys.status()).isEqualTo(ReadinessCheck.Status.WARN);
            assertThat(keys.detail()).contains("2 tables").contains("heap").contains("odd name")
                    .doesNotContain("with_pk").doesNotContain("with_unique").doesNotContain("composite");

            List<ReadinessCheck> cdc = ReadinessChecker.check(conn, c, Role.SOURCE_CDC, List.of());
            assertThat(cdc).anySatisfy(k -> {
                assertThat(k.id()).isEqualTo("sqlite.cdc");
                assertThat(k.status()).isEqualTo(ReadinessCheck.Status.FAIL);
            });
        }
    }

    @Test
    void targetWritability() throws Exception {
        Path file = database("target.db");
        try (Connection conn = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertThat(ReadinessChecker.check(conn, lite(file), Role.TARGET, List.of()))
                    .singleElement().satisfies(k -> {
                        assertThat(k.id()).isEqualTo("sqlite.writable");
                        assertThat(k.status()).isEqualTo(ReadinessCheck.Status.PASS);
                    });
            Path missingDir = dir.resolve("nope/new.db");
            assertThat(ReadinessChecker.check(conn, lite(missingDir), Role.TARGET, List.of()))
                    .singleElement().satisfies(k -> {
                        assertThat(k.status()).isEqualTo(ReadinessCheck.Status.FAIL);
                        assertThat(k.fix()).startsWith("mkdir -p");
                    });
        }
    }
}
