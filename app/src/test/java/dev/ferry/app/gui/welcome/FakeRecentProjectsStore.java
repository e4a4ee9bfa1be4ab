package dev.ferry.app.gui.welcome;

import dev.ferry.app.config.RecentProject;
import dev.ferry.app.config.RecentProjectsStore;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An in-memory store that records calls and can be told to fail. */
final class FakeRecentProjectsStore implements RecentProjectsStore {

    final List<RecentProject> entries = new ArrayList<>();
    final List<Path> touched = new ArrayList<>();
    final List<Path> removed = new ArrayList<>();
    IOException failure;
    int loads;

    @Override
    public List<RecentProject> load() throws IOException {
        loads++;
        if (failure != null) {
            throw failure;
        }
        return List.copyOf(entries);
    }

    @Override
    public void touch(Path project) {
        touched.add(project);
        entries.removeIf(r -> r.path().equals(project));
        entries.add(0, new RecentProject(project, Instant.parse("2026-11-21T12:00:00Z")));
    }

    @Override
    public void remove(Path project) {
        removed.add(project);
        entries.removeIf(r -> r.path().equals(project));
    }
}
