package dev.ferry.app.gui.dialog;

/**
 * Shows dialogs on behalf of view models, which never touch JavaFX windows themselves; tests substitute a recording
 * fake. Implementations must be called on the UI thread.
 */
public interface DialogService {

    /** Shows an error and waits until the user closes it. */
    void showError(String title, String message);

    /** Shows information and waits until the user closes it. */
    void showInfo(String title, String message);

    /** Asks a yes/no question; {@code true} when the user confirms. */
    boolean confirm(String title, String question);
}
