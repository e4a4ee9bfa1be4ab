package dev.ferry.app;

import dev.ferry.app.cli.FerryCli;
import dev.ferry.app.gui.WorkbenchApp;

/**
 * Entry point: no arguments opens the workbench, anything else runs the command line ({@code ferry --help}).
 *
 * <p>This class deliberately does not extend {@code javafx.application.Application}: a launcher class lets JavaFX start
 * from the plain classpath (no module path), which is how {@code ./ferry} and the installers run Ferry.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            WorkbenchApp.launchWorkbench();
            return;
        }
        System.exit(FerryCli.execute(args));
    }
}
