package dev.ferry.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the recent projects in {@code recent-projects.json} in the configuration directory ({@link AppDirs}), as
 * {@code [{"path": "...", "lastOpened": "2026-11-21T12:00:00Z"}, ...]}, at most {@link #MAX_ENTRIES}. An unreadable file
 * is reported, not silently replaced. Methods are synchronized; writes are atomic (temporary file plus rename).
 */
public final class FileRecentProjectsStore implements RecentProjectsStore {

    public static final int MAX_ENTRIES = 10;
    public static final String FILE_NAME = "recent-projects.json";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final Clock clock;

    public FileRecentProjectsStore(Path configDir, Clock clock) {
        this.file = configDir.resolve(FILE_NAME);
        this.clock = clock;
    }

    public static FileRecentProjectsStore inUserConfigDir() {
        return new FileRecentProjectsStore(AppDirs.configDir(), Clock.systemUTC());
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized List<RecentProject> load() throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException(file + ": not a valid recent-projects file: " + firstLine(e.getMessage()), e);
        }
        if (root == null || !root.isArray()) {
            throw new IOException(file + ": not a valid recent-projects file: expected a JSON array");
        }
        List<RecentProject> out = new ArrayList<>();
        for (JsonNode n : root) {
            String path = n.path("path").asText(null);
            if (path == null || path.isBlank()) {
                continue;
            }
            Instant when;
            try {
                when = Instant.parse(n.path("lastOpened").asText());
            } catch (DateTimeParseException e) {
                when = Instant.EPOCH;
            }
            out.add(new RecentProject(Path.of(path), when));
        }
        out.sort((a, b) -> b.lastOpened().compareTo(a.lastOpened()));
        return List.copyOf(out);
    }

    @Override
    public synchronized void touch(Path project) throws IOException {
        Path abs = project.toAbsolutePath().normalize();
        List<RecentProject> list = new ArrayList<>(load());
        list.removeIf(r -> r.path().toAbsolutePath().normalize().equals(abs));
        list.add(0, new RecentProject(abs, clock.instant()));
        write(list.subList(0, Math.min(MAX_ENTRIES, list.size())));
    }

    @Override
    public synchronized void remove(Path project) throws IOException {
        Path abs = project.toAbsolutePath().normalize();
        List<RecentProject> list = new ArrayList<>(load());
        if (list.removeIf(r -> r.path().toAbsolutePath().normalize().equals(abs))) {
            write(list);
        }
    }

    private void write(List<RecentProject> list) throws IOException {
        ArrayNode arr = MAPPER.createArrayNode();
        for (RecentProject r : list) {
            arr.addObject().put("path", r.path().toString()).put("lastOpened", r.lastOpened().toString());
        }
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), "." + FILE_NAME + ".", ".tmp");
        try {
            Files.writeString(tmp, MAPPER.writeValueAsString(arr) + "\n");
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
