package dev.ferry.engine.endpoint;

import dev.ferry.engine.endpoint.ConnectionTestResult.Outcome;
import dev.ferry.model.schema.Engine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import javax.net.ssl.SSLHandshakeException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Classification of driver exceptions as the drivers raise them (codes and message shapes copied from real driver
 * output). Oracle has no embedded server, so this is where its codes are covered; PostgreSQL and MySQL are also
 * covered end to end by the ITs.
 */
class FailureClassifierTest {

    private static SQLException ora(int code, String message) {
        return new SQLException(message, code == 17002 ? "08006" : "72000", code);
    }

    private static SQLException io(String message, Throwable cause) {
        return new SQLRecoverableException(message, "08006", 17002, cause);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(Engine.ORACLE, ora(1017, "ORA-01017: invalid credential or not authorized; logon denied"), Outcome.AUTH_FAILED),
                Arguments.of(Engine.ORACLE, ora(28000, "ORA-28000: The account is locked."), Outcome.AUTH_FAILED),
                Arguments.of(Engine.ORACLE, ora(12514, "ORA-12514: Cannot connect to database. Service FOO is not registered with the listener"), Outcome.UNKNOWN_DATABASE),
                Arguments.of(Engine.ORACLE, ora(12505, "ORA-12505: Cannot connect to database. SID XE is not registered with the listener"), Outcome.UNKNOWN_DATABASE),
                Arguments.of(Engine.ORACLE, ora(1045, "ORA-01045: Login denied. User HR does not have CREATE SESSION privilege."), Outcome.INSUFFICIENT_PRIVILEGES),
                Arguments.of(Engine.ORACLE, io("ORA-17002: I/O error: ORA-12541: Cannot connect. No listener at host h port 1521.",
                        new IOException("ORA-12541: Cannot connect. No listener", new ConnectException("Connection refused"))), Outcome.UNREACHABLE),
                Arguments.of(Engine.ORACLE, io("ORA-17002: I/O error: ORA-12543: TNS:destination host unreachable", null), Outcome.UNREACHABLE),
                Arguments.of(Engine.ORACLE, io("ORA-17002: I/O error: ORA-12170: Cannot connect. TCP connect timeout of 2000ms", null), Outcome.TIMEOUT),
                Arguments.of(Engine.ORACLE, io("ORA-17002: I/O error: Read timed out", new SocketTimeoutException("Read timed out")), Outcome.TIMEOUT),
                Arguments.of(Engine.ORACLE, io("ORA-17002: I/O error: PKIX path building failed",
                        new SSLHandshakeException("PKIX path building failed")), Outcome.TLS_ERROR),
                Arguments.of(Engine.POSTGRESQL, new SQLException("FATAL: password authentication failed for user \"u\"", "28P01"), Outcome.AUTH_FAILED),
                Arguments.of(Engine.POSTGRESQL, new SQLException("FATAL: no pg_hba.conf entry for host \"10.0.0.1\", user \"u\", database \"d\", no encryption", "28000"), Outcome.AUTH_FAILED),
                Arguments.of(Engine.POSTGRESQL, new SQLException("The connection attempt failed.", "08001", new SocketTimeoutException("Connect timed out")), Outcome.TIMEOUT),
                Arguments.of(Engine.POSTGRESQL, new SQLException("Connection to h:5432 refused.", "08001", new ConnectException("Connection refused")), Outcome.UNREACHABLE),
                Arguments.of(Engine.POSTGRESQL, new SQLException("SSL error: PKIX path building failed", "08006", new SSLHandshakeException("PKIX")), Outcome.TLS_ERROR),
                Arguments.of(Engine.MYSQL, new SQLException("Access denied for user 'u'@'h' to database 'd'", "42000", 1044), Outcome.INSUFFICIENT_PRIVILEGES),
                Arguments.of(Engine.MYSQL, new SQLException("Connections using insecure transport are prohibited while --require_secure_transport=ON.", "08004", 3159), Outcome.TLS_ERROR),
                Arguments.of(Engine.MYSQL, new SQLException("Communications link failure", "08S01", new ConnectException("Connection refused")), Outcome.UNREACHABLE),
                Arguments.of(Engine.MYSQL, new SQLException("Public Key Retrieval is not allowed", "08001"), Outcome.AUTH_FAILED));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void classifies(Engine engine, SQLException e, Outcome expected) {
        assertThat(FailureClassifier.classify(engine, e)).as(e.getMessage()).isEqualTo(expected);
    }
}
