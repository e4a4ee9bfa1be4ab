package dev.ferry.engine.endpoint;

import dev.ferry.model.project.EndpointConfig;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static dev.ferry.engine.endpoint.ReadinessChecker.add;
import static dev.ferry.engine.endpoint.ReadinessChecker.dq;
import static dev.ferry.engine.endpoint.ReadinessChecker.list;
import static dev.ferry.engine.endpoint.ReadinessChecker.tables;

/**
 * Oracle readiness checks: ARCHIVELOG mode and supplemental logging plus LogMiner privileges for CDC, CREATE TABLE for
 * a target, and keys. Not thread-safe; created per {@link ReadinessChecker#check}.
 */
final class OracleReadiness {

    private final Connection c;
    private String user;
    private Set<String> sessionPrivileges;

    OracleReadiness(Connection c, EndpointConfig endpoint) {
        this.c = c;
    }

    List<ReadinessCheck> run(Role role, List<String> requested) {
        List<ReadinessCheck> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT USER FROM DUAL")) {
            rs.next();
            user = rs.getString(1);
            sessionPrivileges = new HashSet<>();
            try (ResultSet p = st.executeQuery("SELECT privilege FROM session_privs")) {
                while (p.next()) {
                    sessionPrivileges.add(p.getString(1).toUpperCase(Locale.ROOT));
                }
            }
        } catch (SQLException e) {
            out.add(ReadinessCheck.fail("oracle.session", "Session information is readable",
                    "Could not read the session privileges: " + ReadinessChecker.firstLine(e.getMessage()), "Check the connection."));
            return out;
        }
        List<String> schemas = requested.isEmpty() ? List.of(user) : requested;
        if (role != Role.TARGET) {
            add(out, "oracle.schemas", "Selected schemas exist", () -> schemasExist(schemas));
            if (role == Role.SOURCE_CDC) {
                add(out, "oracle.archivelog", "Database runs in ARCHIVELOG mode with supplemental logging", this::archiveLog);
                out.add(logMinerPrivileges());
            }
            add(out, "common.primary_keys", "Every table has a primary or unique key", () -> keys(schemas));
        } else {
            boolean ok = sessionPrivileges.contains("CREATE TABLE") || sessionPrivileges.contains("CREATE ANY TABLE");
            out.add(ok
                    ? ReadinessCheck.pass("oracle.create_privilege", "User may create tables", "User " + user + " has CREATE TABLE.")
                    : ReadinessCheck.fail("oracle.create_privilege", "User may create tables", "User " + user + " lacks CREATE TABLE.",
                    "GRANT CREATE TABLE, CREATE VIEW, CREATE SEQUENCE, CREATE PROCEDURE, CREATE TRIGGER TO " + dq(user)
                            + "; ALTER USER " + dq(user) + " QUOTA UNLIMITED ON USERS;"));
        }
        return out;
    }

    private ReadinessCheck schemasExist(List<String> schemas) throws SQLException {
        Set<String> existing = new LinkedHashSet<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT username FROM all_users ORDER BY username")) {
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
            return ReadinessCheck.pass("oracle.schemas", "Selected schemas exist", "Found " + list(schemas) + ".");
        }
        return ReadinessCheck.fail("oracle.schemas", "Selected schemas exist",
                "Schemas " + list(missing) + " do not exist (Oracle names are usually upper case).", "Check the schema names.");
    }

    private ReadinessCheck archiveLog() throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT log_mode, supplemental_log_data_min FROM v$database")) {
            rs.next();
            String mode = rs.getString(1);
            String supp = rs.getString(2);
            List<String> fixes = new ArrayList<>();
            if (!"ARCHIVELOG".equals(mode)) {
                fixes.add("SHUTDOWN IMMEDIATE; STARTUP MOUNT; ALTER DATABASE ARCHIVELOG; ALTER DATABASE OPEN;");
            }
            if (!"YES".equals(supp) && !"IMPLICIT".equals(supp)) {
                fixes.add("ALTER DATABASE ADD SUPPLEMENTAL LOG DATA; ALTER DATABASE ADD SUPPLEMENTAL LOG DATA (PRIMARY KEY) COLUMNS;");
            }
            String detail = "log_mode = " + mode + ", supplemental_log_data_min = " + supp + ".";
            return fixes.isEmpty()
                    ? ReadinessCheck.pass("oracle.archivelog", "Database runs in ARCHIVELOG mode with supplemental logging", detail)
                    : ReadinessCheck.fail("oracle.archivelog", "Database runs in ARCHIVELOG mode with supplemental logging",
                    detail + " LogMiner needs both.", String.join("\n", fixes));
        }
    }

    private ReadinessCheck logMinerPrivileges() {
        List<String> missing = new ArrayList<>();
        for (String p : List.of("LOGMINING", "SELECT ANY TRANSACTION", "CREATE SESSION")) {
            if (!sessionPrivileges.contains(p)) {
                missing.add(p);
            }
        }
        if (missing.isEmpty()) {
            return ReadinessCheck.pass("oracle.logminer_privileges", "User may run LogMiner", "User " + user + " has LOGMINING and SELECT ANY TRANSACTION.");
        }
        return ReadinessCheck.fail("oracle.logminer_privileges", "User may run LogMiner",
                "User " + user + " lacks " + String.join(", ", missing) + ".",
                "GRANT " + String.join(", ", missing) + " TO " + dq(user) + "; GRANT SELECT ON V_$DATABASE TO " + dq(user)
                        + "; GRANT EXECUTE ON DBMS_LOGMNR TO " + dq(user) + ";");
    }

    private ReadinessCheck keys(List<String> schemas) throws SQLException {
        List<String> without = new ArrayList<>();
        String in = String.join(", ", java.util.Collections.nCopies(schemas.size(), "?"));
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT t.owner, t.table_name FROM all_tables t WHERE t.owner IN (" + in + ") AND t.nested = 'NO' "
                        + "AND t.table_name NOT LIKE 'BIN$%' AND (t.iot_type IS NULL OR t.iot_type = 'IOT') "
                        + "AND NOT EXISTS (SELECT 1 FROM all_constraints k WHERE k.owner = t.owner AND k.table_name = t.table_name "
                        + "AND k.constraint_type IN ('P', 'U')) ORDER BY 1, 2")) {
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
            fixes.add("ALTER TABLE " + dq(t.substring(0, dot)) + "." + dq(t.substring(dot + 1)) + " ADD SUPPLEMENTAL LOG DATA (ALL) COLUMNS;");
        }
        return ReadinessCheck.warn("common.primary_keys", "Every table has a primary or unique key",
                tables(without.size()) + " neither a primary nor a unique key: " + list(without)
                        + ". Changes to them cannot be matched to target rows.",
                "Add a primary key (ALTER TABLE ... ADD PRIMARY KEY (...);), or log all columns:\n" + String.join("\n", fixes));
    }
}
