package dev.ferry.engine.endpoint;

import dev.ferry.model.project.EndpointConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static dev.ferry.engine.endpoint.ReadinessChecker.add;
import static dev.ferry.engine.endpoint.ReadinessChecker.dq;
import static dev.ferry.engine.endpoint.ReadinessChecker.list;
import static dev.ferry.engine.endpoint.ReadinessChecker.tables;

/**
 * SQLite readiness checks: the file is writable for a target, there is no log-based change capture for a CDC source,
 * and tables have keys. Not thread-safe; created per {@link ReadinessChecker#check}.
 */
final class SqliteReadiness {

    private final Connection c;
    private final EndpointConfig endpoint;

    SqliteReadiness(Connection c, EndpointConfig endpoint) {
        this.c = c;
        this.endpoint = endpoint;
    }

    List<ReadinessCheck> run(Role role) {
        List<ReadinessCheck> out = new ArrayList<>();
        if (role == Role.TARGET) {
            out.add(writable());
        } else {
            if (role == Role.SOURCE_CDC) {
                out.add(ReadinessCheck.fail("sqlite.cdc", "Source supports change data capture",
                        "SQLite has no transaction log that other processes can stream, so Ferry cannot capture changes from " + endpoint.path() + ".",
                        "Use a full-load task for this source and stop writes to the file during the migration."));
            }
            add(out, "common.primary_keys", "Every table has a primary or unique key", this::keys);
        }
        return out;
    }

    private ReadinessCheck writable() {
        String title = "Database file is writable";
        Path file = Path.of(endpoint.path()).toAbsolutePath();
        Path dir = file.getParent();
        if (Files.exists(file)) {
            if (!Files.isWritable(file)) {
                return ReadinessCheck.fail("sqlite.writable", title, "The file " + file + " is not writable by this user.",
                        "chmod u+w '" + file + "'");
            }
            if (dir != null && !Files.isWritable(dir)) {
                return ReadinessCheck.fail("sqlite.writable", title, "The folder " + dir
                        + " is not writable, so SQLite cannot create its journal next to the file.", "chmod u+w '" + dir + "'");
            }
            return ReadinessCheck.pass("sqlite.writable", title, "The file " + file + " and its folder are writable.");
        }
        if (dir == null || !Files.isDirectory(dir)) {
            return ReadinessCheck.fail("sqlite.writable", title, "The folder " + dir + " for the new file does not exist.",
                    "mkdir -p '" + dir + "'");
        }
        if (!Files.isWritable(dir)) {
            return ReadinessCheck.fail("sqlite.writable", title, "The folder " + dir + " is not writable, so " + file.getFileName()
                    + " cannot be created.", "chmod u+w '" + dir + "'");
        }
        return ReadinessCheck.pass("sqlite.writable", title, "The file " + file + " does not exist yet; Ferry will create it.");
    }

    private ReadinessCheck keys() throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        List<String> without = new ArrayList<>();
        for (String t : tables) {
            if (!hasKey(t)) {
                without.add(t);
            }
        }
        if (without.isEmpty()) {
            return ReadinessCheck.pass("common.primary_keys", "Every table has a primary or unique key",
                    "Every table (" + tables.size() + ") has a primary or unique key.");
        }
        return ReadinessCheck.warn("common.primary_keys", "Every table has a primary or unique key",
                tables(without.size()) + " neither a primary nor a unique key: " + list(without)
                        + ". Rows cannot be matched for validation or resumed loads.",
                "CREATE UNIQUE INDEX ... ON " + dq(without.get(0)) + " (<key columns>); -- for each table listed");
    }

    private boolean hasKey(String table) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA table_info(" + dq(table) + ")")) {
            while (rs.next()) {
                if (rs.getInt("pk") > 0) {
                    return true;
                }
            }
        }
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA index_list(" + dq(table) + ")")) {
            while (rs.next()) {
                if (rs.getInt("unique") == 1 && rs.getInt("partial") == 0) {
                    return true;
                }
            }
        }
        return false;
    }
}
