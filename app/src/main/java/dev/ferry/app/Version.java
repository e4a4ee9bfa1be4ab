package dev.ferry.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Ferry's version, from the build-filtered {@code version.properties}. Thread-safe. */
public final class Version {

    private static final String VERSION = load();

    private Version() {
    }

    /** The version, e.g. {@code 0.1.0-SNAPSHOT}; {@code unknown} when the resource is missing. */
    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown");
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
