package dev.ferry.app.gui.assessment;

import java.nio.file.Path;

/**
 * Prints a written PDF report through the operating system's print dialog. Called on a background thread (the dialog
 * is modal and blocks it); JavaFX-free, so view-model tests substitute a fake.
 */
public interface ReportPrinter {

    /**
     * Shows the system print dialog for {@code pdf} and prints it.
     *
     * @return {@code false} when the user cancelled the dialog
     * @throws Exception with a message a DBA can act on when printing is impossible (no desktop session, no printer)
     */
    boolean print(Path pdf) throws Exception;
}
