package dev.ferry.app.gui.workbench;

import dev.ferry.app.config.AppDirs;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Reads and writes {@link WindowState} as a small properties file ({@code window.properties} in the user configuration
 * directory). Blocking file I/O: call from a background task. Stateless apart from the path; thread-safe.
 */
public final class WindowStateStore {

    private final Path file;

    public WindowStateStore(Path file) {
        this.file = file;
    }

    public static WindowStateStore inUserConfigDir() {
        return new WindowStateStore(AppDirs.configDir().resolve("window.properties"));
    }

    public Path file() {
        return file;
    }

    /** The stored state, or {@link WindowState#DEFAULT} when there is none or it cannot be read. */
    public WindowState load() {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (NoSuchFileException e) {
            return WindowState.DEFAULT;
        } catch (IOException | IllegalArgumentException e) {
            return WindowState.DEFAULT;
        }
        Map<String, Double> dividers = new TreeMap<>();
        for (String k : p.stringPropertyNames()) {
            if (k.startsWith("divider.")) {
                double v = num(p, k, Double.NaN);
                if (v >= 0 && v <= 1) {
                    dividers.put(k.substring("divider.".length()), v);
                }
            }
        }
        double w = num(p, "width", WindowState.DEFAULT.width());
        double h = num(p, "height", WindowState.DEFAULT.height());
        return new WindowState(num(p, "x", Double.NaN), num(p, "y", Double.NaN), w >= 400 ? w : WindowState.DEFAULT.width(),
                h >= 300 ? h : WindowState.DEFAULT.height(), Boolean.parseBoolean(p.getProperty("maximized", "false")), dividers);
    }

    /** Writes {@code state} atomically (temporary file, then move). */
    public void save(WindowState state) throws IOException {
        Properties p = new Properties();
        if (!Double.isNaN(state.x())) {
            p.setProperty("x", String.valueOf(state.x()));
            p.setProperty("y", String.valueOf(state.y()));
        }
        p.setProperty("width", String.valueOf(state.width()));
        p.setProperty("height", String.valueOf(state.height()));
        p.setProperty("maximized", String.valueOf(state.maximized()));
        state.dividers().forEach((k, v) -> p.setProperty("divider." + k, String.valueOf(v)));
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".window.", ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "Ferry workbench window");
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static double num(Properties p, String key, double fallback) {
        String v = p.getProperty(key);
        if (v == null) {
            return fallback;
        }
        try {
            double d = Double.parseDouble(v.trim());
            return Double.isFinite(d) ? d : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
