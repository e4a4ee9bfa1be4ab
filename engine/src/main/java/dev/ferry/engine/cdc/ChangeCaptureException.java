package dev.ferry.engine.cdc;

/**
 * The change capture stopped: the replication connection was lost, the server refused the stream, or a message could
 * not be decoded. The message names the source and slot/stream and never contains secrets. Whether to retry is the
 * caller's decision; {@link #isConnectionLoss()} tells whether a reconnect can help. Immutable.
 */
public class ChangeCaptureException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean connectionLoss;

    public ChangeCaptureException(String message, boolean connectionLoss, Throwable cause) {
        super(message, cause);
        this.connectionLoss = connectionLoss;
    }

    /** Whether the failure was the loss of the connection (retrying from the last acknowledged position may help). */
    public boolean isConnectionLoss() {
        return connectionLoss;
    }
}
