package dev.ferry.app.gui.fakes;

import dev.ferry.app.config.RecentProject;
import dev.ferry.app.config.RecentProjectsStore;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Recent projects in memory. Thread-safe enough for UI tests (copy-on-write list). */
public final class MemoryRecentProjects implements RecentProjectsStore {

    public final List<RecentProject> entries = new CopyOnWriteArrayList<>();

    @Override
    public List<RecentProject> load() {
        return new ArrayList<>(entries);
    }

    @Override
    public void touch(Path project) {
        entries.removeIf(r -> r.path().equals(project));
        entries.add(0, new RecentProject(project, Instant.now()));
    }

    @Override
    public void remove(Path project) {
        entries.removeIf(r -> r.path().equals(project));
    }
}
