package dev.ferry.engine.secret;

/** The master password does not decrypt the secrets file. */
public class WrongMasterPasswordException extends SecretStoreException {

    private static final long serialVersionUID = 1L;

    public WrongMasterPasswordException(String message) {
        super(message);
    }
}
