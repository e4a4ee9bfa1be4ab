package dev.ferry.app.config;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A project the user opened before.
 *
 * @param path       the project file
 * @param lastOpened when it was last opened
 */
public record RecentProject(Path path, Instant lastOpened) {

    /** The file name without the directory, for display. */
    public String displayName() {
        Path name = path.getFileName();
        return name == null ? path.toString() : name.toString();
    }
}
