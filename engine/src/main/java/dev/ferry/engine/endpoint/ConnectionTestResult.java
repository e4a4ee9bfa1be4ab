package dev.ferry.engine.endpoint;

import java.time.Duration;

/**
 * The outcome of {@link ConnectionTester#test}.
 *
 * @param outcome       what happened
 * @param message       one sentence for a DBA, naming host:port/database and user; never contains the password
 * @param serverVersion the server's version string when {@link Outcome#OK}, otherwise {@code null}
 * @param elapsed       how long the attempt took
 */
public record ConnectionTestResult(Outcome outcome, String message, String serverVersion, Duration elapsed) {

    /** Classified result of a connection attempt. */
    public enum Outcome {
        OK, UNREACHABLE, AUTH_FAILED, UNKNOWN_DATABASE, TLS_ERROR, INSUFFICIENT_PRIVILEGES, TIMEOUT
    }

    public boolean ok() {
        return outcome == Outcome.OK;
    }
}
