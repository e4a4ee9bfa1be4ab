package dev.ferry.engine.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Starts a task's load afresh: removes the task's {@code ferry_load_state} markers from the target (they are the truth
 * for "this range is loaded", so a table that was emptied or re-created would otherwise be skipped) and forgets the
 * task in the local state store. Used by {@code ferry migrate} when a new load follows a finished one with a
 * destructive {@code TargetTablePrepMode}; never for a resumed (unfinished) load.
 *
 * <p>Threading: stateless; one call uses one target connection on the calling thread.
 */
public final class LoadReset {

    private LoadReset() {
    }

    /**
     * @return the number of target markers removed
     */
    public static int reset(LoadEndpoint target, LoadSettings settings, LoadStateStore store) throws SQLException {
        int removed = 0;
        try (Connection c = target.connections().open(); Statement st = c.createStatement()) {
            c.setAutoCommit(true);
            // the control tables exist after this (as the load would create them), so the DELETE cannot miss a table
            for (String ddl : TargetDialect.of(target.engine()).controlTableDdl(settings.controlSchema())) {
                st.execute(ddl);
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM "
                    + Sql.control(target.engine(), settings.controlSchema(), "ferry_load_state") + " WHERE task = ?")) {
                ps.setString(1, settings.task());
                removed = ps.executeUpdate();
            }
        }
        store.forget(settings.task());
        return removed;
    }
}
