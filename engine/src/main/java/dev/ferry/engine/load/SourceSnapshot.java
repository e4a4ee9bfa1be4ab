package dev.ferry.engine.load;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How a full load's reader connections see ONE consistent state of the source, and the source position (LSN, binlog
 * file and offset, GTID set) that state corresponds to, so change capture can start exactly there. See
 * {@code dev.ferry.engine.load.postgres.PostgresSourceSnapshot}, {@code ...mysql.MySqlSourceSnapshot} and
 * {@code ...sqlite.SqliteSourceSnapshot}.
 *
 * <p>The caller owns the snapshot and closes it after the load (and after validating against it, where the engine
 * allows that). {@link #openReaders} is called once per load from the coordinating thread; the returned connections are
 * then used by one worker thread at a time.
 */
public interface SourceSnapshot extends AutoCloseable {

    /**
     * Opens {@code n} connections to the source, each inside a read transaction that sees the snapshot. The load closes
     * them (after rolling back) when it ends.
     */
    List<Connection> openReaders(ConnectionSupplier source, int n) throws SQLException;

    /** The source position of the snapshot (engine-specific keys), empty when unknown or before {@link #openReaders}. */
    Map<String, String> position();

    @Override
    void close();

    /**
     * No cross-connection consistency: each reader is an ordinary read transaction (auto-commit off, REPEATABLE READ
     * where supported), so each RANGE is consistent but ranges may see different moments. For a quiet source, tests and
     * resumed loads whose original snapshot is gone.
     */
    static SourceSnapshot independent() {
        return new SourceSnapshot() {
            @Override
            public List<Connection> openReaders(ConnectionSupplier source, int n) throws SQLException {
                List<Connection> list = new ArrayList<>();
                try {
                    for (int i = 0; i < n; i++) {
                        Connection c = source.open();
                        list.add(c);
                        c.setAutoCommit(false);
                    }
                } catch (SQLException | RuntimeException e) {
                    closeAll(list);
                    throw e;
                }
                return list;
            }

            @Override
            public Map<String, String> position() {
                return Map.of();
            }

            @Override
            public void close() {
            }
        };
    }

    /** Rolls back and closes every connection, ignoring failures. */
    static void closeAll(List<Connection> connections) {
        for (Connection c : connections) {
            try {
                if (!c.isClosed() && !c.getAutoCommit()) {
                    c.rollback();
                }
            } catch (SQLException ignored) {
                // closing anyway
            }
            try {
                c.close();
            } catch (SQLException ignored) {
                // nothing more to do
            }
        }
    }
}
