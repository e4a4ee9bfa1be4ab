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
            String noDisplay = missingDisplay();
            if (noDisplay != null) {
                System.err.println("ferry: cannot open the workbench: " + noDisplay + ". Run 'ferry --help' for the command line.");
                System.exit(2);
            }
            try {
                WorkbenchApp.launchWorkbench();
            } catch (RuntimeException e) {
                System.err.println("ferry: cannot open the workbench: " + e.getMessage());
                System.exit(1);
            }
            return;
        }
        System.exit(FerryCli.execute(args));
    }

    /** Why no window can be shown (Linux/BSD without DISPLAY or WAYLAND_DISPLAY), or {@code null}. */
    static String missingDisplay() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        if (os.contains("win") || os.contains("mac") || "Monocle".equals(System.getProperty("glass.platform"))) {
            return null;
        }
        boolean x11 = System.getenv("DISPLAY") != null && !System.getenv("DISPLAY").isBlank();
        boolean wayland = System.getenv("WAYLAND_DISPLAY") != null && !System.getenv("WAYLAND_DISPLAY").isBlank();
        return x11 || wayland ? null : "no display (neither DISPLAY nor WAYLAND_DISPLAY is set)";
    }
}
