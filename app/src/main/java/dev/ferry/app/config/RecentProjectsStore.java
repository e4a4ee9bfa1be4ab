package dev.ferry.app.config;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The user's list of recently opened projects, most recent first. Implementations are thread-safe. */
public interface RecentProjectsStore {

    /** The recent projects, most recent first; empty when there are none. */
    List<RecentProject> load() throws IOException;

    /** Records that {@code project} was opened now, moving it to the front. */
    void touch(Path project) throws IOException;

    /** Forgets {@code project}. */
    void remove(Path project) throws IOException;
}
