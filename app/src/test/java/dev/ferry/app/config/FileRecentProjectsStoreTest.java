package dev.ferry.app.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileRecentProjectsStoreTest {

    @TempDir
    Path dir;

    private final AtomicLong seconds = new AtomicLong(1_700_000_000L);
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochSecond(seconds.incrementAndGet());
        }
    };

    @Test
    void noFileMeansNoRecentProjects() throws IOException {
        assertThat(new FileRecentProjectsStore(dir.resolve("cfg"), clock).load()).isEmpty();
    }

    @Test
    void touchPutsTheProjectFirstAndKeepsAtMostTen() throws IOException {
        FileRecentProjectsStore store = new FileRecentProjectsStore(dir.resolve("cfg"), clock);
        for (int i = 0; i < 12; i++) {
            store.touch(dir.resolve("p" + i + ".ferry.json"));
        }
        store.touch(dir.resolve("p5.ferry.json"));
        var loaded = new FileRecentProjectsStore(dir.resolve("cfg"), clock).load();
        assertThat(loaded).hasSize(FileRecentProjectsStore.MAX_ENTRIES);
        assertThat(loaded.get(0).path()).isEqualTo(dir.resolve("p5.ferry.json"));
        assertThat(loaded.get(1).path()).isEqualTo(dir.resolve("p11.ferry.json"));
        assertThat(loaded).extracting(r -> r.path().getFileName().toString()).doesNotContain("p0.ferry.json", "p1.ferry.json");
        store.remove(dir.resolve("p5.ferry.json"));
        assertThat(store.load()).hasSize(9).extracting(RecentProject::path).doesNotContain(dir.resolve("p5.ferry.json"));
        try (var files = Files.list(dir.resolve("cfg"))) {
            assertThat(files).containsExactly(dir.resolve("cfg").resolve(FileRecentProjectsStore.FILE_NAME));
        }
    }

    @Test
    void aCorruptFileIsReportedNotReplaced() throws IOException {
        Path cfg = Files.createDirectories(dir.resolve("cfg"));
        Path file = cfg.resolve(FileRecentProjectsStore.FILE_NAME);
        Files.writeString(file, "{\"not\": \"an array\"}");
        FileRecentProjectsStore store = new FileRecentProjectsStore(cfg, clock);
        assertThatThrownBy(store::load).isInstanceOf(IOException.class)
                .hasMessage(file + ": not a valid recent-projects file: expected a JSON array");
        assertThatThrownBy(() -> store.touch(dir.resolve("x.json"))).isInstanceOf(IOException.class);
        assertThat(Files.readString(file)).isEqualTo("{\"not\": \"an array\"}");
    }
}
