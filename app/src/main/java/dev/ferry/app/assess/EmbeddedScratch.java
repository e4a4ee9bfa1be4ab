package dev.ferry.app.assess;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A scratch PostgreSQL for verification: an embedded server (zonky binaries, loopback only, temporary data folder)
 * started on the first {@link #open()} and kept until {@link #close()}, so verifying an edit takes milliseconds after
 * the first time. Everything deployed into it is rolled back by the verifiers. Thread-safe; blocking.
 */
public final class EmbeddedScratch implements ScriptAssessments.ScratchDatabase, AutoCloseable {

    private EmbeddedPostgres server;
    private Path data;

    @Override
    public synchronized Connection open() throws SQLException, IOException {
        if (server == null) {
            data = Files.createTempDirectory("ferry-scratch-pg");
            server = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(true).start();
            try (Connection admin = server.getPostgresDatabase().getConnection(); Statement st = admin.createStatement()) {
                st.execute("CREATE DATABASE ferry_scratch");
            }
        }
        return server.getDatabase("postgres", "ferry_scratch").getConnection();
    }

    @Override
    public String describe(Connection c) {
        return "embedded " + ScriptAssessments.ScratchDatabase.super.describe(c);
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                System.err.println("ferry: could not stop the scratch PostgreSQL: " + e.getMessage());
            }
            server = null;
        }
        if (data != null) {
            try (Stream<Path> s = Files.walk(data)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary folder; the OS cleans it up eventually
            }
            data = null;
        }
    }
}
