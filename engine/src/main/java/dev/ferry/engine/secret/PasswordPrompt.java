package dev.ferry.engine.secret;

import java.io.Console;
import java.util.Optional;

/**
 * Asks a person for a password (terminal, dialog). Returns empty when the person cancels or no one can be asked.
 *
 * <p>Implementations may block; they are called from the thread that needs the password.
 */
@FunctionalInterface
public interface PasswordPrompt {

    /** Never asks; always empty. */
    PasswordPrompt NONE = message -> Optional.empty();

    /** Shows {@code message} and reads a password without echo. */
    Optional<char[]> ask(String message);

    /** A prompt on {@link System#console()}, or {@link #NONE} when the JVM has no console (GUI, CI, pipes). */
    static PasswordPrompt console() {
        Console console = System.console();
        if (console == null) {
            return NONE;
        }
        return message -> Optional.ofNullable(console.readPassword("%s", message));
    }
}
