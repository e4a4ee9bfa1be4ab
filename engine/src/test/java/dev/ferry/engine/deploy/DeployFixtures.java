package dev.ferry.engine.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies an assessment-folder fixture from the test resources, replacing {@code {{db}}} with a database name. */
final class DeployFixtures {

    private DeployFixtures() {
    }

    static Path copy(String fixture, Path to, String db) {
        try {
            Path from = Path.of(DeployFixtures.class.getResource("/deploy/" + fixture).toURI());
            try (Stream<Path> files = Files.walk(from)) {
                for (Path p : files.toList()) {
                    Path target = to.resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.writeString(target, Files.readString(p, StandardCharsets.UTF_8).replace("{{db}}", db == null ? "" : db),
                                StandardCharsets.UTF_8);
                    }
                }
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Replaces one converted file's SQL. */
    static void replaceSql(Path folder, String file, String sql) throws IOException {
        Files.writeString(folder.resolve("converted").resolve(file), sql, StandardCharsets.UTF_8);
    }
}
