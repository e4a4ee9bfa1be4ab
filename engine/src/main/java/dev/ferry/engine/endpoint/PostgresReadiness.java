package dev.ferry.engine.endpoint;

import dev.ferry.model.project.EndpointConfig;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static dev.ferry.engine.endpoint.ReadinessChecker.add;
import static dev.ferry.engine.endpoint.ReadinessChecker.dq;
import static dev.ferry.engine.endpoint.ReadinessChecker.list;
import static dev.ferry.engine.endpoint.ReadinessChecker.tables;

/**
 * PostgreSQL readiness checks: logical decoding settings, replication slots and senders, the REPLICATION privilege,
 * SELECT/CREATE privileges and keys. Not thread-safe (uses one connection); created per {@link ReadinessChecker#check}.
 */
final class PostgresReadiness {

    private final Connection c;
    private String user;
    private String database;
    private boolean superuser;

    PostgresReadiness(Connection c, EndpointConfig endpoint) {
        this.c = c;
    }

    List<ReadinessCheck> run(Role role, List<String> requested) {
        List<ReadinessCheck> out = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_user, current_database(), (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)")) {
            rs.next();
            user = rs.getString(1);
            database = rs.getString(2);
            superuser = rs.getBoolean(3);
        } catch (SQLException e) {
            out.add(ReadinessCheck.fail("pg.session", "Session information is readable",
                    "Could not read the current user: " + ReadinessChecker.firstLine(e.getMessage()), "Check the connection."));
            return out;
        }
        List<String> schemas = new ArrayList<>();
        add(out, "pg.schemas", "Selected schemas exist", () -> schemasExist(requested, schemas, role));
        if (role == Role.SOURCE_CDC) {
            add(out, "pg.version", "PostgreSQL 10 or later (pgoutput)", this::version);
            add(out, "pg.wal_level", "WAL level is logical", this::walLevel);
            add(out, "pg.replication_slots", "A free replication slot", this::slots);
            add(out, "pg.wal_senders", "A free WAL sender", this::walSenders);
            add(out, "pg.replication_privilege", "User may replicate", this::replicationPrivilege);
        }
        if (role == Role.SOURCE_FULL_LOAD || role == Role.SOURCE_CDC) {
            add(out, "pg.select_privilege", "User may read the selected tables", () -> selectPrivilege(schemas));
            add(out, "common.primary_keys", "Every table has a primary or unique key", () -> keys(schemas, role));
        }
        if (role == Role.TARGET) {
            add(out, "pg.create_privilege", "User may create schemas and tables", () -> createPrivilege(requested));
            add(out, "pg.session_replication_role", "User may disable triggers and foreign keys during load",
                    this::sessionReplicationRole);
        }
        return out;
    }

    private ReadinessCheck schemasExist(List<String> requested, List<String> resolved, Role role) throws SQLException {
        Set<String> existing = new LinkedHashSet<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT nspname FROM pg_namespace WHERE nspname NOT IN ('pg_catalog', 'information_schema') "
                        + "AND nspname NOT LIKE 'pg\\_toast%' AND nspname NOT LIKE 'pg\\_temp%' ORDER BY nspname")) {
            while (rs.next()) {
                existing.add(rs.getString(1));
            }
        }
        if (requested.isEmpty()) {
            resolved.addAll(existing);
            return ReadinessCheck.pass("pg.schemas", "Selected schemas exist", "All user schemas: " + list(existing) + ".");
        }
        List<String> missing = new ArrayList<>();
        for (String s : requested) {
            if (existing.contains(s)) {
                resolved.add(s);
            } else {
                missing.add(s);
            }
        }
        if (missing.isEmpty()) {
            return ReadinessCheck.pass("pg.schemas", "Selected schemas exist", "Found " + list(requested) + " in database " + database + ".");
        }
        if (role == Role.TARGET) {
            return ReadinessCheck.pass("pg.schemas", "Selected schemas exist",
                    "Schemas " + list(missing) + " do not exist yet in database " + database + "; Ferry will create them.");
        }
        return ReadinessCheck.fail("pg.schemas", "Selected schemas exist",
                "Schemas " + list(missing) + " do not exist in database " + database + " (names are case-sensitive).",
                "Check the schema names; existing schemas: " + list(existing) + ".");
    }

    private ReadinessCheck version() throws SQLException {
        int v = intQuery("SELECT current_setting('server_version_num')::int");
        if (v >= 100000) {
            return ReadinessCheck.pass("pg.version", "PostgreSQL 10 or later (pgoutput)", "Server version number " + v + ".");
        }
        return ReadinessCheck.fail("pg.version", "PostgreSQL 10 or later (pgoutput)",
                "Server version number " + v + " has no pgoutput logical decoding plugin.", "Upgrade the source to PostgreSQL 10 or later.");
    }

    private ReadinessCheck walLevel() throws SQLException {
        String level = stringQuery("SELECT current_setting('wal_level')");
        if ("logical".equals(level)) {
            return ReadinessCheck.pass("pg.wal_level", "WAL level is logical", "wal_level = logical.");
        }
        String rds = stringQuery("SELECT current_setting('rds.logical_replication', true)");
        String fix = rds != null
                ? "Set rds.logical_replication = 1 in the DB cluster parameter group, then reboot the instance."
                : "ALTER SYSTEM SET wal_level = logical; -- then restart PostgreSQL";
        return ReadinessCheck.fail("pg.wal_level", "WAL level is logical",
                "wal_level = " + level + "; change data capture needs logical decoding.", fix);
    }

    private ReadinessCheck slots() throws SQLException {
        int max = intQuery("SELECT current_setting('max_replication_slots')::int");
        int used = intQuery("SELECT count(*)::int FROM pg_replication_slots");
        String detail = used + " of max_replication_slots = " + max + " in use.";
        if (max - used >= 1) {
            return ReadinessCheck.pass("pg.replication_slots", "A free replication slot", detail);
        }
        return ReadinessCheck.fail("pg.replication_slots", "A free replication slot", detail + " Ferry needs one slot.",
                "ALTER SYSTEM SET max_replication_slots = " + Math.max(10, used + 4)
                        + "; -- then restart PostgreSQL (or drop unused slots: SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE NOT active;)");
    }

    private ReadinessCheck walSenders() throws SQLException {
        int max = intQuery("SELECT current_setting('max_wal_senders')::int");
        int used = intQuery("SELECT count(*)::int FROM pg_stat_replication");
        String detail = used + " of max_wal_senders = " + max + " in use.";
        if (max - used >= 1) {
            return ReadinessCheck.pass("pg.wal_senders", "A free WAL sender", detail);
        }
        return ReadinessCheck.fail("pg.wal_senders", "A free WAL sender", detail + " Ferry's replication connection needs one.",
                "ALTER SYSTEM SET max_wal_senders = " + Math.max(10, used + 4) + "; -- then restart PostgreSQL");
    }

    private ReadinessCheck replicationPrivilege() throws SQLException {
        boolean replication;
        try (PreparedStatement ps = c.prepareStatement("SELECT rolreplication FROM pg_roles WHERE rolname = current_user");
             ResultSet rs = ps.executeQuery()) {
            replication = rs.next() && rs.getBoolean(1);
        }
        boolean rds = exists("SELECT 1 FROM pg_roles WHERE rolname = 'rds_replication'");
        boolean rdsMember = rds && exists("SELECT 1 WHERE pg_has_role(current_user, 'rds_replication', 'MEMBER')");
        if (superuser || replication || rdsMember) {
            String how = superuser ? "is a superuser" : replication ? "has the REPLICATION attribute" : "is a member of rds_replication";
            return ReadinessCheck.pass("pg.replication_privilege", "User may replicate", "User " + user + " " + how + ".");
        }
        String fix = rds ? "GRANT rds_replication TO " + dq(user) + ";" : "ALTER ROLE " + dq(user) + " WITH REPLICATION;";
        return ReadinessCheck.fail("pg.replication_privilege", "User may replicate",
                "User " + user + " is not a superuser and has no REPLICATION attribute, so it cannot create a replication slot or stream changes.",
                fix);
    }

    private ReadinessCheck selectPrivilege(List<String> schemas) throws SQLException {
        List<String> denied = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                        + "WHERE c.relkind IN ('r', 'p', 'v', 'm') AND n.nspname = ANY (?) "
                        + "AND NOT (has_schema_privilege(n.oid, 'USAGE') AND has_table_privilege(c.oid, 'SELECT')) ORDER BY 1, 2")) {
            ps.setArray(1, textArray(schemas));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    denied.add(rs.getString(1) + "." + rs.getString(2));
                }
            }
        }
        if (denied.isEmpty()) {
            return ReadinessCheck.pass("pg.select_privilege", "User may read the selected tables",
                    "User " + user + " may read every table in " + list(schemas) + ".");
        }
        StringBuilder fix = new StringBuilder();
        for (String s : schemas) {
            fix.append("GRANT USAGE ON SCHEMA ").append(dq(s)).append(" TO ").append(dq(user)).append("; GRANT SELECT ON ALL TABLES IN SCHEMA ")
                    .append(dq(s)).append(" TO ").append(dq(user)).append(";\n");
        }
        return ReadinessCheck.fail("pg.select_privilege", "User may read the selected tables",
                "User " + user + " may not read " + denied.size() + (denied.size() == 1 ? " table or view: " : " tables or views: ") + list(denied) + ".", fix.toString().trim());
    }

    private ReadinessCheck keys(List<String> schemas, Role role) throws SQLException {
        // for CDC a unique index is not a replica identity unless set with REPLICA IDENTITY USING INDEX
        String cond = role == Role.SOURCE_CDC
                ? "c.relreplident NOT IN ('f', 'i') AND NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisprimary)"
                : "c.relreplident <> 'f' AND NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND (i.indisprimary "
                + "OR (i.indisunique AND i.indisvalid AND i.indpred IS NULL AND i.indexprs IS NULL)))";
        List<String> without = new ArrayList<>();
        List<String> fixes = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                        + "WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname = ANY (?) AND " + cond + " ORDER BY 1, 2")) {
            ps.setArray(1, textArray(schemas));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    without.add(rs.getString(1) + "." + rs.getString(2));
                    if (fixes.size() < ReadinessChecker.LIST_LIMIT) {
                        fixes.add("ALTER TABLE " + dq(rs.getString(1)) + "." + dq(rs.getString(2)) + " REPLICA IDENTITY FULL;");
                    }
                }
            }
        }
        if (without.isEmpty()) {
            return ReadinessCheck.pass("common.primary_keys", "Every table has a primary or unique key",
                    "Every table in " + list(schemas) + " has a " + (role == Role.SOURCE_CDC ? "primary key or replica identity." : "primary or unique key."));
        }
        String impact = role == Role.SOURCE_CDC
                ? " Without a replica identity, UPDATE and DELETE on them fail once they are in a publication, and changes cannot be matched on the target."
                : " Rows cannot be matched for validation or resumed loads.";
        return ReadinessCheck.warn("common.primary_keys", "Every table has a primary or unique key",
                tables(without.size()) + " no primary key: " + list(without) + "." + impact,
                "Add a primary key (ALTER TABLE ... ADD PRIMARY KEY (...);), or:\n" + String.join("\n", fixes));
    }

    private ReadinessCheck createPrivilege(List<String> requested) throws SQLException {
        boolean dbCreate = exists("SELECT 1 WHERE has_database_privilege(current_database(), 'CREATE')");
        List<String> denied = new ArrayList<>();
        List<String> toCreate = new ArrayList<>();
        for (String s : requested) {
            Boolean can = null;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT has_schema_privilege(n.oid, 'CREATE') AND has_schema_privilege(n.oid, 'USAGE') FROM pg_namespace n WHERE n.nspname = ?")) {
                ps.setString(1, s);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        can = rs.getBoolean(1);
                    }
                }
            }
            if (can == null) {
                toCreate.add(s);
            } else if (!can) {
                denied.add(s);
            }
        }
        boolean ok = denied.isEmpty() && (toCreate.isEmpty() || dbCreate) && (dbCreate || !requested.isEmpty());
        String where = "database " + database;
        if (ok) {
            return ReadinessCheck.pass("pg.create_privilege", "User may create schemas and tables",
                    "User " + user + (dbCreate ? " may create schemas in " + where : " may create tables in " + list(requested)) + ".");
        }
        StringBuilder detail = new StringBuilder("User " + user);
        StringBuilder fix = new StringBuilder();
        if (!denied.isEmpty()) {
            detail.append(" may not create objects in schemas ").append(list(denied));
            for (String s : denied) {
                fix.append("GRANT USAGE, CREATE ON SCHEMA ").append(dq(s)).append(" TO ").append(dq(user)).append(";\n");
            }
        }
        if (!dbCreate && (!toCreate.isEmpty() || requested.isEmpty())) {
            if (!denied.isEmpty()) {
                detail.append(" and");
            }
            detail.append(" may not create schemas in ").append(where)
                    .append(toCreate.isEmpty() ? "" : " (needed for " + list(toCreate) + ")");
            fix.append("GRANT CREATE ON DATABASE ").append(dq(database)).append(" TO ").append(dq(user)).append(";\n");
        }
        return ReadinessCheck.fail("pg.create_privilege", "User may create schemas and tables", detail.append('.').toString(), fix.toString().trim());
    }

    private ReadinessCheck sessionReplicationRole() throws SQLException {
        if (superuser) {
            return ReadinessCheck.pass("pg.session_replication_role", "User may disable triggers and foreign keys during load",
                    "User " + user + " is a superuser and may SET session_replication_role = replica.");
        }
        boolean grantable = intQuery("SELECT current_setting('server_version_num')::int") >= 150000
                && exists("SELECT 1 WHERE has_parameter_privilege('session_replication_role', 'SET')");
        if (grantable) {
            return ReadinessCheck.pass("pg.session_replication_role", "User may disable triggers and foreign keys during load",
                    "User " + user + " has SET on session_replication_role.");
        }
        return ReadinessCheck.warn("pg.session_replication_role", "User may disable triggers and foreign keys during load",
                "User " + user + " may not SET session_replication_role, so triggers and foreign keys stay active during the full load "
                        + "(tables must load in dependency order and triggers fire).",
                "GRANT SET ON PARAMETER session_replication_role TO " + dq(user) + "; -- PostgreSQL 15+, run as superuser");
    }

    private Array textArray(List<String> values) throws SQLException {
        return c.createArrayOf("text", values.toArray());
    }

    private boolean exists(String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next();
        }
    }

    private int intQuery(String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private String stringQuery(String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
