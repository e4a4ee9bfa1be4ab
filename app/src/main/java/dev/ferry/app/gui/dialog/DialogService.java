package dev.ferry.app.gui.dialog;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Shows dialogs on behalf of view models, which never touch JavaFX windows themselves; tests substitute a recording
 * fake. Implementations must be called on the UI thread.
 */
public interface DialogService {

    /** Shows an error and waits until the user closes it. */
    void showError(String title, String message);

    /**
     * Shows an error with what caused it: the message stays first and readable; the cause chain (redacted messages and
     * stack frames) is in an expandable details area, and a Copy button puts message and details on the clipboard for
     * a bug report. Services that cannot show details show the message alone.
     */
    default void showError(String title, String message, Throwable cause) {
        showError(title, message);
    }

    /** Shows information and waits until the user closes it. */
    void showInfo(String title, String message);

    /** Asks a yes/no question; {@code true} when the user confirms. */
    boolean confirm(String title, String question);

    /**
     * Asks for a serious, destructive confirmation: the user must type {@code expected} (a database name, say) before
     * the confirming button is enabled; {@code true} only when it was typed exactly and confirmed. Services that cannot
     * ask refuse ({@code false}): nothing destructive happens without the typed answer.
     */
    default boolean confirmByTyping(String title, String question, String expected) {
        return false;
    }

    /**
     * Lets the user choose an existing file to open; empty when cancelled or when this service cannot choose files.
     *
     * @param extension the file extension offered by default, without the dot (e.g. {@code json})
     */
    default Optional<Path> chooseFileToOpen(String title, String extension) {
        return Optional.empty();
    }

    /** Lets the user choose a file to write; empty when cancelled or when this service cannot choose files. */
    default Optional<Path> chooseFileToSave(String title, String extension, String suggestedName) {
        return Optional.empty();
    }
}
