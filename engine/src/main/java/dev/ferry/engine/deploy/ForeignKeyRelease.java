package dev.ferry.engine.deploy;

import dev.ferry.engine.catalog.CatalogListener;
import dev.ferry.engine.catalog.CatalogReaders;
import dev.ferry.engine.catalog.CatalogRequest;
import dev.ferry.engine.load.Sql;
import dev.ferry.model.schema.DatabaseModel;
import dev.ferry.model.schema.Engine;
import dev.ferry.model.schema.QualifiedName;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Before a reload into tables that already carry the plan's foreign keys (a second {@code ferry migrate} with
 * {@code TRUNCATE_BEFORE_LOAD}), drops those foreign keys so that the parallel load can fill the tables in any order;
 * the post-load phase re-creates them after the data, as on the first run. Only the plan's own runnable
 * {@code FOREIGN_KEY} objects that exist on the target are dropped; nothing else is touched. SQLite cannot drop a
 * constraint and is left alone (its foreign keys are not enforced unless {@code PRAGMA foreign_keys} is on).
 *
 * <p>Threading: stateless; {@link #drop} uses the given connection on the calling thread.
 */
public final class ForeignKeyRelease {

    private ForeignKeyRelease() {
    }

    /**
     * Drops the plan's existing foreign keys (PostgreSQL in one transaction).
     *
     * @return the dropped foreign keys as {@code schema.table.name}, in plan order
     * @throws SQLException when the catalog cannot be read or a drop fails (PostgreSQL: nothing was dropped)
     */
    public static List<String> drop(Connection c, Engine engine, DeployInput input) throws SQLException {
        if (engine == Engine.SQLITE) {
            return List.of();
        }
        Set<String> schemas = new LinkedHashSet<>();
        for (DeployObject o : input.objects()) {
            if (!o.schema().isEmpty()) {
                schemas.add(o.schema());
            }
        }
        DatabaseModel catalog = CatalogReaders.forEngine(engine).read(c, new CatalogRequest(List.copyOf(schemas), false, false),
                CatalogListener.NO_OP);
        List<String> sql = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (DeployObject o : input.objects()) {
            if (!"FOREIGN_KEY".equals(o.type()) || !o.runnable() || o.owningTable() == null
                    || DriftCheck.check(o, catalog, engine).state() == DriftCheck.State.ABSENT) {
                continue;
            }
            String table = Sql.quote(engine, new QualifiedName(o.schema().isEmpty() ? null : o.schema(), o.owningTable()));
            sql.add("ALTER TABLE " + table + (engine == Engine.MYSQL ? " DROP FOREIGN KEY " : " DROP CONSTRAINT ")
                    + Sql.quote(engine, o.name()));
            dropped.add((o.schema().isEmpty() ? "" : o.schema() + ".") + o.owningTable() + "." + o.name());
        }
        if (sql.isEmpty()) {
            return List.of();
        }
        boolean tx = engine == Engine.POSTGRESQL;
        boolean auto = c.getAutoCommit();
        if (tx) {
            c.setAutoCommit(false);
        }
        try (Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
            if (tx) {
                c.commit();
            }
        } catch (SQLException e) {
            if (tx) {
                c.rollback();
            }
            throw e;
        } finally {
            if (tx) {
                c.setAutoCommit(auto);
            }
        }
        return dropped;
    }
}
