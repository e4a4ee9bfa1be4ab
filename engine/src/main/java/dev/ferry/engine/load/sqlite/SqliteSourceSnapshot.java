package dev.ferry.engine.load.sqlite;

import dev.ferry.engine.load.ConnectionSupplier;
import dev.ferry.engine.load.SourceSnapshot;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * SQLite consistency: each reader opens a read transaction and reads once so SQLite takes its snapshot (in WAL mode a
 * reader sees the database as of its first read; in rollback-journal mode the shared lock blocks writers until the
 * readers end). LIMITATION: SQLite cannot share one snapshot between connections, so readers started while another
 * process writes may see different states; load a SQLite file nobody writes to (Ferry's usual case: a file copied for
 * migration). There is no change log, hence no position.
 *
 * <p>Thread contract: {@link #openReaders} from one thread.
 */
public final class SqliteSourceSnapshot implements SourceSnapshot {

    @Override
    public List<Connection> openReaders(ConnectionSupplier source, int n) throws SQLException {
        List<Connection> list = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                Connection c = source.open();
                list.add(c);
                c.setAutoCommit(false);
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM sqlite_master")) {
                    rs.next();
                }
            }
        } catch (SQLException | RuntimeException e) {
            SourceSnapshot.closeAll(list);
            throw e;
        }
        return list;
    }

    @Override
    public Map<String, String> position() {
        return Map.of("engine", "sqlite");
    }

    @Override
    public void close() {
    }
}
