package dev.ferry.engine.load.sqlite;

import dev.ferry.engine.load.ConnectionSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Readers opened by {@link SqliteSourceSnapshot} see one state even when another connection commits between opens. */
class SqliteSourceSnapshotIT {

    @TempDir
    Path dir;

    private String url(String journalMode) throws SQLException {
        String url = "jdbc:sqlite:" + dir.resolve("src-" + journalMode + ".db");
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode = " + journalMode);
            st.execute("CREATE TABLE t (id INTEGER PRIMARY KEY)");
            st.execute("INSERT INTO t VALUES (1)");
        }
        return url;
    }

    /** Opens readers; before every reader after the first, another connection tries to commit a row at once. */
    private List<String> interleaved(String url, List<Connection> readers, SqliteSourceSnapshot snapshot) throws SQLException {
        List<String> writerResults = new ArrayList<>();
        AtomicInteger opened = new AtomicInteger();
        ConnectionSupplier supplier = () -> {
            int n = opened.getAndIncrement();
            if (n >= 2) { // the guard is open #0, the first reader #1
                try (Connection w = DriverManager.getConnection(url); Statement st = w.createStatement()) {
                    st.execute("PRAGMA busy_timeout = 0");
                    st.execute("INSERT INTO t VALUES (" + (100 + n) + ")");
                    writerResults.add("committed");
                } catch (SQLException e) {
                    writerResults.add("blocked: " + e.getMessage());
                }
            }
            return DriverManager.getConnection(url);
        };
        readers.addAll(snapshot.openReaders(supplier, 3));
        return writerResults;
    }

    private static long count(Connection c) {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM t")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void walReadersShareOneStateBecauseCommitsWaitForTheGuard() throws Exception {
        String url = url("wal");
        List<Connection> readers = new ArrayList<>();
        SqliteSourceSnapshot snapshot = new SqliteSourceSnapshot();
        try {
            List<String> writer = interleaved(url, readers, snapshot);
            assertThat(writer).hasSize(2).allSatisfy(r -> assertThat(r).startsWith("blocked").contains("locked"));
            assertThat(readers).extracting(SqliteSourceSnapshotIT::count).containsOnly(1L);
            assertThat(snapshot.position()).containsEntry("journalMode", "wal").containsEntry("writeLockHeld", "true")
                    .containsKey("lockHeldMs");
            // the lock is gone once the readers have their snapshot: a writer commits, the readers still see 1 row
            try (Connection w = DriverManager.getConnection(url); Statement st = w.createStatement()) {
                st.execute("PRAGMA busy_timeout = 0");
                st.execute("INSERT INTO t VALUES (2)");
            }
            assertThat(readers).extracting(SqliteSourceSnapshotIT::count).containsOnly(1L);
        } finally {
            for (Connection c : readers) {
                c.close();
            }
        }
    }

    @Test
    void rollbackJournalReadersNeedNoGuardBecauseTheirSharedLocksBlockCommits() throws Exception {
        String url = url("delete");
        List<Connection> readers = new ArrayList<>();
        SqliteSourceSnapshot snapshot = new SqliteSourceSnapshot();
        try {
            List<String> writer = interleaved(url, readers, snapshot);
            assertThat(writer).hasSize(2).allSatisfy(r -> assertThat(r).startsWith("blocked"));
            assertThat(readers).extracting(SqliteSourceSnapshotIT::count).containsOnly(1L);
            assertThat(snapshot.position()).containsEntry("journalMode", "delete").containsEntry("writeLockHeld", "false");
        } finally {
            for (Connection c : readers) {
                c.close();
            }
        }
    }

    @Test
    void aFailedReaderOpenClosesTheOthersAndReleasesTheLock() throws Exception {
        String url = url("wal");
        AtomicInteger opened = new AtomicInteger();
        List<Connection> handedOut = new ArrayList<>();
        ConnectionSupplier supplier = () -> {
            if (opened.getAndIncrement() == 2) {
                throw new SQLException("reader 2 refused");
            }
            Connection c = DriverManager.getConnection(url);
            handedOut.add(c);
            return c;
        };
        assertThatThrownBy(() -> new SqliteSourceSnapshot().openReaders(supplier, 3)).hasMessage("reader 2 refused");
        assertThat(handedOut).hasSize(2).allSatisfy(c -> assertThat(c.isClosed()).isTrue());
        try (Connection w = DriverManager.getConnection(url); Statement st = w.createStatement()) {
            st.execute("PRAGMA busy_timeout = 0");
            st.execute("INSERT INTO t VALUES (3)"); // no lock left behind
        }
    }
}
