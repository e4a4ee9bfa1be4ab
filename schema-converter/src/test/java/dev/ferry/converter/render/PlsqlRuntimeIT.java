package dev.ferry.converter.render;

import dev.ferry.converter.assess.ConversionResult;
import dev.ferry.converter.verify.ScratchDeployVerifier;
import dev.ferry.testsupport.TestDatabases;
import dev.ferry.testsupport.TestServer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The translated PL/SQL golden cases do what the Oracle code did: deployed for real into the embedded PostgreSQL
 * (bodies compiled with check_function_bodies = on), then called.
 */
class PlsqlRuntimeIT {

    private static Connection deploy(String golden) throws Exception {
        ConversionResult conversion = GoldenCases.convert(golden);
        TestServer pg = TestDatabases.postgres();
        Connection c = pg.connect(pg.createDatabase("rt_" + golden));
        ScratchDeployVerifier.Outcome outcome = new ScratchDeployVerifier(c).deploy(conversion);
        outcome.errors().forEach((k, m) -> System.out.println("[" + golden + "] FAILED " + k + ": " + m));
        return c;
    }

    private static Object scalar(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getObject(1);
        }
    }

    @Test
    void routinesBehaveLikeOracle() throws Exception {
        try (Connection c = deploy("plsql_routines"); Statement st = c.createStatement()) {
            st.execute("INSERT INTO golden.accounts (account_id, owner, balance, status) VALUES "
                    + "(1, 'ann', 500, 'OPEN'), (2, 'bob', 100, 'OPEN'), (3, 'cy', 7, 'CLOSED')");
            // SELECT INTO STRICT + NO_DATA_FOUND handler
            assertThat(((Number) scalar(st, "SELECT golden.balance_of(1)")).intValue()).isEqualTo(500);
            assertThat(scalar(st, "SELECT golden.balance_of(99)")).isNull();
            // OUT + INOUT parameters, RETURNING INTO, SQL%ROWCOUNT, procedure calls with named arguments
            // CALL returns the OUT/INOUT values as a row
            try (ResultSet rs = st.executeQuery("CALL golden.transfer(1, 2, 200, NULL, 4)")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBigDecimal("p_new_balance")).isEqualByComparingTo("300");
                assertThat(rs.getInt("p_attempts")).isEqualTo(5);
            }
            assertThat(((Number) scalar(st, "SELECT balance FROM golden.accounts WHERE account_id = 2")).intValue()).isEqualTo(300);
            assertThat(scalar(st, "SELECT string_agg(message, '|' ORDER BY log_id) FROM golden.account_log"))
                    .isEqualTo("transfer of 200 to 2|received");
            // RAISE_APPLICATION_ERROR(-20001) → SQLSTATE U0001
            assertThatThrownBy(() -> st.execute("CALL golden.transfer(1, 2, -5, NULL, 0)"))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("U0001");
                        assertThat(e.getMessage()).contains("Amount must be positive: -5");
                    });
            // user exception (EXCEPTION_INIT -20010) raised, handled (logged) and re-raised with RAISE;
            assertThatThrownBy(() -> st.execute("CALL golden.transfer(3, 2, 50, NULL, 0)"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("U0010"));
            // SQL%ROWCOUNT = 0 on the credit side → NO_DATA_FOUND (P0002), logged by WHEN OTHERS with SQLCODE → SQLSTATE
            assertThatThrownBy(() -> st.execute("CALL golden.transfer(1, 42, 10, NULL, 0)"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("P0002"));
            // cursors with parameters, FETCH/%NOTFOUND, cursor FOR loops, FOR r IN (SELECT), REVERSE, WHILE, CASE
            assertThat(((Number) scalar(st, "SELECT golden.total_balance()")).intValue()).isEqualTo(600);
            assertThat(((Number) scalar(st, "SELECT golden.total_balance('CLOSED')")).intValue()).isEqualTo(7);
            // EXECUTE IMMEDIATE with USING, dynamic INTO, COMMIT inside a procedure
            c.setAutoCommit(true);
            st.execute("SET search_path TO golden");
            st.execute("CALL golden.close_accounts('bob', 'golden.accounts')");
            assertThat(scalar(st, "SELECT status FROM golden.accounts WHERE account_id = 2")).isEqualTo("CLOSED");
        }
    }

    @Test
    void triggersFireLikeOracle() throws Exception {
        try (Connection c = deploy("plsql_triggers"); Statement st = c.createStatement()) {
            st.execute("INSERT INTO golden.orders (order_id, amount) VALUES (1, 10)");
            // BEFORE INSERT: INSERTING branch filled defaults through NEW
            assertThat(scalar(st, "SELECT status FROM golden.orders WHERE order_id = 1")).isEqualTo("NEW");
            assertThat(scalar(st, "SELECT created_at IS NOT NULL FROM golden.orders WHERE order_id = 1")).isEqualTo(true);
            // UPDATING('STATUS') only when the status changes
            st.execute("UPDATE golden.orders SET amount = 20 WHERE order_id = 1");
            assertThat(((Number) scalar(st, "SELECT count(*) FROM golden.order_audit WHERE action = 'STATUS'")).intValue()).isZero();
            st.execute("UPDATE golden.orders SET status = 'PAID' WHERE order_id = 1");
            assertThat(scalar(st, "SELECT old_status || '>' || new_status FROM golden.order_audit WHERE action = 'STATUS'"))
                    .isEqualTo("NEW>PAID");
            // AFTER ... WHEN (n.amount > 1000 AND o.amount <= 1000) with REFERENCING aliases
            st.execute("UPDATE golden.orders SET amount = 5000 WHERE order_id = 1");
            st.execute("UPDATE golden.orders SET amount = 6000 WHERE order_id = 1");
            assertThat(((Number) scalar(st, "SELECT count(*) FROM golden.order_audit WHERE action = 'BIG'")).intValue()).isEqualTo(1);
            // RAISE_APPLICATION_ERROR in a trigger
            assertThatThrownBy(() -> st.execute("UPDATE golden.orders SET amount = -1 WHERE order_id = 1"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("U0100"));
            // INSTEAD OF trigger on the view
            st.execute("INSERT INTO golden.open_orders (order_id, amount) VALUES (2, 30)");
            assertThat(scalar(st, "SELECT status FROM golden.orders WHERE order_id = 2")).isEqualTo("NEW");
            // DELETING branch; BEFORE DELETE returns OLD so the row really goes
            st.execute("DELETE FROM golden.orders WHERE order_id = 2");
            assertThat(((Number) scalar(st, "SELECT count(*) FROM golden.orders WHERE order_id = 2")).intValue()).isZero();
            assertThat(((Number) scalar(st, "SELECT count(*) FROM golden.order_audit WHERE action = 'DELETE'")).intValue()).isEqualTo(1);
        }
    }

    @Test
    void packageMembersCallEachOtherThroughTheirSchema() throws Exception {
        ConversionResult conversion = GoldenCases.convert("plsql_package");
        try (Connection c = deploy("plsql_package"); Statement st = c.createStatement()) {
            st.execute("INSERT INTO golden.items VALUES (1, 'pen', 10), (2, 'ink', 5)");
            // gross → item_api.net, package constant c_vat inlined
            assertThat(scalar(st, "SELECT item_api.gross(1)").toString()).isEqualTo("12.00");
            st.execute("CALL item_api.reprice(2, 2)");
            assertThat(scalar(st, "SELECT price FROM golden.items WHERE item_id = 2").toString()).isEqualTo("10.00");
            assertThatThrownBy(() -> st.execute("CALL item_api.reprice(9)"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("U0404"));
            assertThatThrownBy(() -> st.executeQuery("SELECT item_api.gross(9)"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("U0404"));
            // package state (g_calls) lives in a session setting: reprice_all compiles and counts its calls
            assertThat(conversion.object("ROUTINE:item_api.reprice_all").orElseThrow().actionItems())
                    .anyMatch(i -> i.code().equals("ORA-PG-0632"));
            st.execute("CALL item_api.reprice_all(1)");
            st.execute("CALL item_api.reprice_all(2)");
            assertThat(scalar(st, "SELECT current_setting('item_api.g_calls')")).isEqualTo("2");
            assertThat(scalar(st, "SELECT sum(price) FROM golden.items").toString()).isEqualTo("40.00");
        }
    }
}
