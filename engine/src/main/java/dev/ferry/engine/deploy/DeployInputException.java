package dev.ferry.engine.deploy;

/** An assessment folder that cannot be deployed from; the message names the file (and JSON path or line). */
public final class DeployInputException extends RuntimeException {
    public DeployInputException(String message) {
        super(message);
    }

    public DeployInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
