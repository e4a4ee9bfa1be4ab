package dev.ferry.engine.endpoint;

import dev.ferry.model.project.EndpointConfig;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static dev.ferry.engine.endpoint.ReadinessChecker.add;
import static dev.ferry.engine.endpoint.ReadinessChecker.bq;
import static dev.ferry.engine.endpoint.ReadinessChecker.list;
import static dev.ferry.engine.endpoint.ReadinessChecker.tables;
import static dev.ferry.engine.endpoint.ReadinessChecker.sq;

/**
 * MySQL/MariaDB readiness checks: binary log settings for CDC, replication and data privileges (from
 * {@code SHOW GRANTS}), {@code local_infile} for fast loads, and keys. Not thread-safe; created per
 * {@link ReadinessChecker#check}.
 */
final class MySqlReadiness {

    /** Privileges a target user needs on each schema: DDL, DML, and DROP because TRUNCATE needs it. */
    static final List<String> TARGET_PRIVILEGES = List.of("CREATE", "ALTER", "INDEX", "REFERENCES", "INSERT", "UPDATE", "DELETE", "DROP");

    private final Connection c;
    private final EndpointConfig endpoint;
    private String account;   // 'user'@'host' for GRANT statements
    private MySqlGrants grants;
    private String grantsError;
    private Map<String, String> vars;
    private boolean mariadb;

    MySqlReadiness(Connection c, EndpointConfig endpoint) {
        this.c = c;
        this.endpoint = endpoint;
    }

    List<ReadinessCheck> run(Role role, List<String> requested) {
        List<ReadinessCheck> out = new ArrayList<>();
        try {
            String current = string("SELECT CURRENT_USER()");
            int at = current.lastIndexOf('@');
            String userName = at >= 0 ? current.substring(0, at) : current;
            account = sq(userName) + "@" + sq(at >= 0 ? current.substring(at + 1) : "%");
            mariadb = string("SELECT VERSION()").toLowerCase(Locale.ROOT).contains("mariadb");
        } catch (SQLException e) {
            out.add(ReadinessCheck.fail("mysql.session", "Session information is readable",
                    "Could not read the current user: " + ReadinessChecker.firstLine(e.getMessage()), "Check the connection."));
            return out;
        }
        List<String> lines = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW GRANTS")) {
            while (rs.next()) {
                lines.add(rs.getString(1));
            }
            grants = MySqlGrants.parse(lines);
        } catch (SQLException e) {
            if (String.valueOf(e.getMessage()).contains("skip-grant-tables")) {
                // the server checks no privileges at all
                grants = MySqlGrants.parse(List.of("GRANT ALL PRIVILEGES ON *.* TO CURRENT_USER"));
                out.add(ReadinessCheck.warn("mysql.grant_tables", "Server enforces privileges",
                        "The server runs with --skip-grant-tables, so every user has every privilege and anyone can log in.",
                        "Remove skip-grant-tables from my.cnf and restart, or run FLUSH PRIVILEGES."));
            } else {
                grantsError = ReadinessChecker.firstLine(e.getMessage());
            }
        }
        List<String> schemas = new ArrayList<>(requested);
        if (schemas.isEmpty() && endpoint.database() != null) {
            schemas.add(endpoint.database());
        }
        if (role != Role.TARGET) {
            add(out, "mysql.schemas", "Selected schemas exist", () -> schemasExist(schemas));
        }
        if (role == Role.SOURCE_CDC) {
            add(out, "mysql.log_bin", "Binary log is enabled", () -> logBin(vars()));
            add(out, "mysql.binlog_format", "Binary log format is ROW", () -> binlogFormat(vars()));
            add(out, "mysql.binlog_row_image", "Binary log row image is FULL", () -> rowImage(vars()));
            add(out, "mysql.server_id", "server_id is set", () -> serverId(vars()));
            add(out, "mysql.binlog_retention", "Binary logs are kept at least a day", () -> retention(vars()));
            add(out, "mysql.replication_grants", "User has REPLICATION SLAVE and REPLICATION CLIENT", () -> needGrants(this::replicationGrants));
        }
        if (role != Role.TARGET) {
            add(out, "mysql.select_privilege", "User may read the selected schemas", () -> needGrants(() -> selectPrivilege(schemas)));
            add(out, "common.primary_keys", "Every table has a primary or unique key", () -> keys(schemas));
        } else {
            add(out, "mysql.create_privilege", "User may create and load tables", () -> needGrants(() -> createPrivilege(schemas)));
            add(out, "mysql.local_infile", "Server allows LOAD DATA LOCAL INFILE", this::localInfile);
        }
        return out;
    }

    /** Runs a grant-based check, or throws so that it becomes a WARN when SHOW GRANTS failed. */
    private ReadinessCheck needGrants(java.util.function.Supplier<ReadinessCheck> check) throws SQLException {
        if (grants == null) {
            throw new SQLException("SHOW GRANTS failed: " + grantsError);
        }
        return check.get();
    }

    private ReadinessCheck schemasExist(List<String> schemas) throws SQLException {
        if (schemas.isEmpty()) {
            return ReadinessCheck.fail("mysql.schemas", "Selected schemas exist", "No schema was selected and the endpoint names no database.",
                    "Select the schemas (databases) to migrate, or set the endpoint's database.");
        }
        Set<String> existing = new LinkedHashSet<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA ORDER BY SCHEMA_NAME")) {
            while (rs.next()) {
                existing.add(rs.getString(1));
            }
        }
        List<String> missing = new ArrayList<>();
        for (String s : schemas) {
            if (!existing.contains(s)) {
                missing.add(s);
            }
        }
        if (missing.isEmpty()) {
            return ReadinessCheck.pass("mysql.schemas", "Selected schemas exist", "Found " + list(schemas) + ".");
        }
        return ReadinessCheck.fail("mysql.schemas", "Selected schemas exist",
                "Schemas " + list(missing) + " do not exist or are not visible to " + account + ".",
                "Check the names, or GRANT SELECT ON `schema`.* TO " + account + "; visible schemas: " + list(existing) + ".");
    }

    private Map<String, String> vars() throws SQLException {
        if (vars == null) {
            vars = variables();
        }
        return vars;
    }

    private Map<String, String> variables() throws SQLException {
        Map<String, String> vars = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SHOW GLOBAL VARIABLES WHERE Variable_name IN ('log_bin', 'binlog_format', 'binlog_row_image', 'server_id', 'local_infile', 'binlog_expire_logs_seconds', 'expire_logs_days')")) {
            while (rs.next()) {
                vars.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getString(2));
            }
        }
        return vars;
    }

    private String persist() {
        return mariadb ? "SET GLOBAL" : "SET PERSIST";
    }

    private ReadinessCheck logBin(Map<String, String> vars) {
        String v = vars.getOrDefault("log_bin", "OFF");
        if (v.equalsIgnoreCase("ON") || v.equals("1")) {
            return ReadinessCheck.pass("mysql.log_bin", "Binary log is enabled", "log_bin = ON.");
        }
        return ReadinessCheck.fail("mysql.log_bin", "Binary log is enabled", "log_bin = " + v + "; change data capture reads the binary log.",
                "Add to my.cnf under [mysqld]: log_bin = mysql-bin, binlog_format = ROW, binlog_row_image = FULL, server_id = 1; "
                        + "then restart (RDS/Aurora: enable automated backups and set binlog_format = ROW in the parameter group).");
    }

    private ReadinessCheck binlogFormat(Map<String, String> vars) {
        String v = vars.getOrDefault("binlog_format", "?");
        if (v.equalsIgnoreCase("ROW")) {
            return ReadinessCheck.pass("mysql.binlog_format", "Binary log format is ROW", "binlog_format = ROW.");
        }
        return ReadinessCheck.fail("mysql.binlog_format", "Binary log format is ROW",
                "binlog_format = " + v + "; only ROW events carry the changed rows.",
                persist() + " binlog_format = 'ROW'; -- and binlog_format = ROW in my.cnf; existing sessions keep the old format until they reconnect");
    }

    private ReadinessCheck rowImage(Map<String, String> vars) {
        String v = vars.get("binlog_row_image");
        if (v == null) {
            return ReadinessCheck.pass("mysql.binlog_row_image", "Binary log row image is FULL", "This server has no binlog_row_image setting; row images are always full.");
        }
        if (v.equalsIgnoreCase("FULL")) {
            return ReadinessCheck.pass("mysql.binlog_row_image", "Binary log row image is FULL", "binlog_row_image = FULL.");
        }
        return ReadinessCheck.fail("mysql.binlog_row_image", "Binary log row image is FULL",
                "binlog_row_image = " + v + "; updates would not carry every column.",
                persist() + " binlog_row_image = 'FULL'; -- and binlog_row_image = FULL in my.cnf");
    }

    private ReadinessCheck serverId(Map<String, String> vars) {
        String v = vars.getOrDefault("server_id", "0");
        if (!v.equals("0")) {
            return ReadinessCheck.pass("mysql.server_id", "server_id is set", "server_id = " + v + ".");
        }
        return ReadinessCheck.fail("mysql.server_id", "server_id is set", "server_id = 0; a server without an id cannot serve a binlog client.",
                persist() + " server_id = 1; -- and server_id = 1 in my.cnf, then restart");
    }

    private ReadinessCheck retention(Map<String, String> vars) {
        String title = "Binary logs are kept at least a day";
        long seconds = parseLong(vars.get("binlog_expire_logs_seconds"));
        if (seconds <= 0) {
            double days = parseDouble(vars.get("expire_logs_days"));
            seconds = (long) (days * 86_400);
        }
        if (seconds <= 0) {
            return ReadinessCheck.pass("mysql.binlog_retention", title, "Binary logs are never purged automatically.");
        }
        String kept = seconds % 3600 == 0 ? seconds / 3600 + " h" : seconds + " s";
        if (seconds >= 86_400) {
            return ReadinessCheck.pass("mysql.binlog_retention", title, "Binary logs are kept for " + kept + ".");
        }
        return ReadinessCheck.warn("mysql.binlog_retention", title,
                "Binary logs are purged after " + kept + "; if change capture stops for longer, it cannot resume without a new full load.",
                persist() + " binlog_expire_logs_seconds = 604800; -- 7 days (RDS/Aurora: CALL mysql.rds_set_configuration('binlog retention hours', 168);)");
    }

    private static long parseLong(String v) {
        try {
            return v == null ? 0 : Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static double parseDouble(String v) {
        try {
            return v == null ? 0 : Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private ReadinessCheck replicationGrants() {
        List<String> missing = new ArrayList<>();
        for (String p : List.of("REPLICATION SLAVE", "REPLICATION CLIENT")) {
            if (!grants.hasGlobal(p)) {
                missing.add(p);
            }
        }
        if (missing.isEmpty()) {
            return ReadinessCheck.pass("mysql.replication_grants", "User has REPLICATION SLAVE and REPLICATION CLIENT",
                    account + " holds REPLICATION SLAVE and REPLICATION CLIENT on *.*.");
        }
        return ReadinessCheck.fail("mysql.replication_grants", "User has REPLICATION SLAVE and REPLICATION CLIENT",
                account + " lacks " + String.join(" and ", missing) + " on *.*" + rolesNote() + ".",
                "GRANT " + String.join(", ", missing) + " ON *.* TO " + account + ";");
    }

    private ReadinessCheck selectPrivilege(List<String> schemas) {
        List<String> denied = new ArrayList<>();
        List<String> partial = new ArrayList<>();
        for (String s : schemas) {
            if (!grants.hasOnDatabase("SELECT", s)) {
                (grants.hasTableGrantsIn(s) ? partial : denied).add(s);
            }
        }
        if (denied.isEmpty() && partial.isEmpty()) {
            return ReadinessCheck.pass("mysql.select_privilege", "User may read the selected schemas",
                    account + " has SELECT on " + list(schemas) + ".");
        }
        StringBuilder fix = new StringBuilder();
        List<String> all = new ArrayList<>(denied);
        all.addAll(partial);
        for (String s : all) {
            fix.append("GRANT SELECT, SHOW VIEW ON ").append(bq(s)).append(".* TO ").append(account).append(";\n");
        }
        String detail = account + (denied.isEmpty() ? "" : " has no SELECT on " + list(denied))
                + (partial.isEmpty() ? "" : (denied.isEmpty() ? "" : " and") + " has SELECT only on some tables of " + list(partial))
                + rolesNote() + ".";
        if (denied.isEmpty()) {
            return ReadinessCheck.warn("mysql.select_privilege", "User may read the selected schemas", detail, fix.toString().trim());
        }
        return ReadinessCheck.fail("mysql.select_privilege", "User may read the selected schemas", detail, fix.toString().trim());
    }

    private ReadinessCheck keys(List<String> schemas) throws SQLException {
        if (schemas.isEmpty()) {
            return ReadinessCheck.pass("common.primary_keys", "Every table has a primary or unique key", "No schema selected.");
        }
        String in = String.join(", ", java.util.Collections.nCopies(schemas.size(), "?"));
        List<String> without = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT t.TABLE_SCHEMA, t.TABLE_NAME FROM information_schema.TABLES t WHERE t.TABLE_TYPE = 'BASE TABLE' "
                        + "AND t.TABLE_SCHEMA IN (" + in + ") AND NOT EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS k "
                        + "WHERE k.TABLE_SCHEMA = t.TABLE_SCHEMA AND k.TABLE_NAME = t.TABLE_NAME AND k.CONSTRAINT_TYPE IN ('PRIMARY KEY', 'UNIQUE')) "
                        + "ORDER BY 1, 2")) {
            for (int i = 0; i < schemas.size(); i++) {
                ps.setString(i + 1, schemas.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    without.add(rs.getString(1) + "." + rs.getString(2));
                }
            }
        }
        if (without.isEmpty()) {
            return ReadinessCheck.pass("common.primary_keys", "Every table has a primary or unique key",
                    "Every table in " + list(schemas) + " has a primary or unique key.");
        }
        List<String> fixes = new ArrayList<>();
        for (String t : without.subList(0, Math.min(without.size(), ReadinessChecker.LIST_LIMIT))) {
            int dot = t.indexOf('.');
            fixes.add("ALTER TABLE " + bq(t.substring(0, dot)) + "." + bq(t.substring(dot + 1)) + " ADD PRIMARY KEY (<key columns>);");
        }
        return ReadinessCheck.warn("common.primary_keys", "Every table has a primary or unique key",
                tables(without.size()) + " neither a primary nor a unique key: " + list(without)
                        + ". Changes to them cannot be matched to target rows, and loads cannot resume mid-table.",
                String.join("\n", fixes));
    }

    private ReadinessCheck createPrivilege(List<String> schemas) {
        if (schemas.isEmpty()) {
            List<String> missing = new ArrayList<>();
            for (String p : TARGET_PRIVILEGES) {
                if (!grants.hasGlobal(p)) {
                    missing.add(p);
                }
            }
            if (missing.isEmpty()) {
                return ReadinessCheck.pass("mysql.create_privilege", "User may create and load tables", account + " holds " + String.join(", ", TARGET_PRIVILEGES) + " on *.*.");
            }
            return ReadinessCheck.fail("mysql.create_privilege", "User may create and load tables",
                    "No target schema was selected and " + account + " lacks " + String.join(", ", missing) + " on *.*" + rolesNote() + ".",
                    "GRANT " + String.join(", ", TARGET_PRIVILEGES) + " ON `target_schema`.* TO " + account + "; -- for each target schema");
        }
        List<String> problems = new ArrayList<>();
        StringBuilder fix = new StringBuilder();
        for (String s : schemas) {
            List<String> missing = new ArrayList<>();
            for (String p : TARGET_PRIVILEGES) {
                if (!grants.hasOnDatabase(p, s)) {
                    missing.add(p);
                }
            }
            if (!missing.isEmpty()) {
                problems.add(s + " (" + String.join(", ", missing) + ")");
                fix.append("GRANT ").append(String.join(", ", TARGET_PRIVILEGES)).append(" ON ").append(bq(s)).append(".* TO ").append(account).append(";\n");
            }
        }
        if (problems.isEmpty()) {
            return ReadinessCheck.pass("mysql.create_privilege", "User may create and load tables",
                    account + " holds " + String.join(", ", TARGET_PRIVILEGES) + " on " + list(schemas) + ".");
        }
        return ReadinessCheck.fail("mysql.create_privilege", "User may create and load tables",
                account + " lacks privileges on " + list(problems) + rolesNote() + ".", fix.toString().trim());
    }

    private ReadinessCheck localInfile() throws SQLException {
        String v = vars().getOrDefault("local_infile", "OFF");
        if (v.equalsIgnoreCase("ON") || v.equals("1")) {
            return ReadinessCheck.pass("mysql.local_infile", "Server allows LOAD DATA LOCAL INFILE", "local_infile = ON.");
        }
        return ReadinessCheck.warn("mysql.local_infile", "Server allows LOAD DATA LOCAL INFILE",
                "local_infile = " + v + "; Ferry falls back to batched INSERTs, which load several times slower.",
                "SET GLOBAL local_infile = 1; -- and local_infile = 1 in my.cnf (RDS: parameter group)");
    }

    private String rolesNote() {
        return grants.roles().isEmpty() ? "" : " (privileges granted through roles " + String.join(", ", grants.roles())
                + " were not expanded; make sure they are default roles)";
    }

    private String string(String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
