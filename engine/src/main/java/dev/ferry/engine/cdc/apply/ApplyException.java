package dev.ferry.engine.cdc.apply;

/** The applier stopped: a row the target refused under the STOP policy, or reconnecting failed too often. */
public class ApplyException extends Exception {

    private static final long serialVersionUID = 1L;

    public ApplyException(String message, Throwable cause) {
        super(message, cause);
    }
}
