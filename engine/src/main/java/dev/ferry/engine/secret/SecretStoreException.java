package dev.ferry.engine.secret;

/** A secret store could not be read or written. The message never contains a secret. */
public class SecretStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SecretStoreException(String message) {
        super(message);
    }

    public SecretStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
