package dev.ferry.app.cli;

/** A problem with the user's input or configuration (not with the work itself); the CLI exits with {@link ExitCodes#USAGE}. */
public class ConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
        super(message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
