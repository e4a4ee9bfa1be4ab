package dev.ferry.app.config;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where Ferry keeps per-user files. The configuration directory is, in order: the {@code ferry.config.dir} system
 * property, the {@code FERRY_CONFIG_DIR} environment variable, then the platform's convention
 * ({@code $XDG_CONFIG_HOME/ferry} or {@code ~/.config/ferry} on Linux, {@code %APPDATA%\Ferry} on Windows,
 * {@code ~/Library/Application Support/Ferry} on macOS). Stateless and thread-safe.
 */
public final class AppDirs {
    private AppDirs() {
    }

    public static Path configDir() {
        String prop = System.getProperty("ferry.config.dir");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        String env = System.getenv("FERRY_CONFIG_DIR");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        String home = System.getProperty("user.home");
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return appData != null ? Path.of(appData, "Ferry") : Path.of(home, "AppData", "Roaming", "Ferry");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "Ferry");
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "ferry") : Path.of(home, ".config", "ferry");
    }
}
