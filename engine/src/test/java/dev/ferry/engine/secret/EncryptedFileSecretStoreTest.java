package dev.ferry.engine.secret;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EncryptedFileSecretStoreTest {

    private static final char[] MASTER = "correct horse battery staple".toCharArray();

    @TempDir
    Path dir;

    @Test
    void roundTripAcrossInstances() {
        Path file = dir.resolve("cfg/secrets.json");
        EncryptedFileSecretStore a = new EncryptedFileSecretStore(file, MASTER.clone());
        assertThat(a.get("pg-source")).isEmpty();
        assertThat(Files.exists(file)).isFalse();

        a.put("pg-source", "pässwörd-1".toCharArray());
        a.put("mysql-target", "other".toCharArray());
        assertThat(a.get("pg-source")).hasValueSatisfying(v -> assertThat(new String(v)).isEqualTo("pässwörd-1"));

        EncryptedFileSecretStore b = new EncryptedFileSecretStore(file, MASTER.clone());
        assertThat(new String(b.get("pg-source").orElseThrow())).isEqualTo("pässwörd-1");
        assertThat(new String(b.get("mysql-target").orElseThrow())).isEqualTo("other");

        b.put("pg-source", "changed".toCharArray());
        assertThat(new String(a.get("pg-source").orElseThrow())).isEqualTo("changed");

        assertThat(b.delete("mysql-target")).isTrue();
        assertThat(b.delete("mysql-target")).isFalse();
        assertThat(a.get("mysql-target")).isEmpty();
        assertThat(a.describe()).contains(file.toAbsolutePath().toString());
    }

    @Test
    void wrongMasterPasswordIsAClearError() {
        Path file = dir.resolve("secrets.json");
        new EncryptedFileSecretStore(file, MASTER.clone()).put("k", "v-secret".toCharArray());
        assertThatThrownBy(() -> new EncryptedFileSecretStore(file, "wrong".toCharArray()))
                .isInstanceOf(WrongMasterPasswordException.class)
                .hasMessageContaining("Wrong master password")
                .hasMessageContaining(file.toAbsolutePath().toString());
    }

    @Test
    void fileHoldsNoPlaintextAndUsesFreshIvsAndStrongKdf() throws Exception {
        Path file = dir.resolve("secrets.json");
        EncryptedFileSecretStore s = new EncryptedFileSecretStore(file, MASTER.clone());
        s.put("endpoint-a", "PlainTextPassword42".toCharArray());
        s.put("endpoint-b", "PlainTextPassword42".toCharArray());
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("PlainTextPassword42").doesNotContain("correct horse");
        JsonNode root = new ObjectMapper().readTree(text);
        assertThat(root.path("kdf").path("iterations").asInt()).isGreaterThanOrEqualTo(210_000);
        assertThat(root.path("kdf").path("algorithm").asText()).isEqualTo("PBKDF2WithHmacSHA256");
        JsonNode a = root.path("entries").path("endpoint-a");
        JsonNode b = root.path("entries").path("endpoint-b");
        assertThat(java.util.Base64.getDecoder().decode(a.path("iv").asText())).hasSize(12);
        assertThat(a.path("iv").asText()).isNotEqualTo(b.path("iv").asText());
        assertThat(a.path("data").asText()).isNotEqualTo(b.path("data").asText());
    }

    @Test
    void fileAndFolderArePrivate() throws Exception {
        Path file = dir.resolve("newdir/secrets.json");
        new EncryptedFileSecretStore(file, MASTER.clone()).put("k", "v".toCharArray());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        try (var files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("secrets.json"); // no temp files left
        }
    }

    @Test
    void swappedEntryIsDetected() throws Exception {
        Path file = dir.resolve("secrets.json");
        EncryptedFileSecretStore s = new EncryptedFileSecretStore(file, MASTER.clone());
        s.put("a", "alpha".toCharArray());
        s.put("b", "bravo".toCharArray());
        ObjectMapper om = new ObjectMapper();
        ObjectNode root = (ObjectNode) om.readTree(file.toFile());
        ObjectNode entries = (ObjectNode) root.get("entries");
        JsonNode a = entries.get("a");
        entries.set("a", entries.get("b"));
        entries.set("b", a);
        om.writeValue(file.toFile(), root);
        assertThatThrownBy(() -> s.get("a")).isInstanceOf(SecretStoreException.class)
                .hasMessageContaining("'a'").message().doesNotContain("bravo");
    }

    @Test
    void foreignFileIsRejected() throws Exception {
        Path file = dir.resolve("secrets.json");
        Files.writeString(file, "{\"hello\": 1}");
        assertThatThrownBy(() -> new EncryptedFileSecretStore(file, MASTER.clone()))
                .isInstanceOf(SecretStoreException.class).hasMessageContaining("not a Ferry secrets file");
    }

    @Test
    void defaultLocationFollowsPropertyThenXdgThenHome() {
        String old = System.getProperty("ferry.config.dir");
        try {
            System.clearProperty("ferry.config.dir");
            assertThat(EncryptedFileSecretStore.defaultFile(Map.of("XDG_CONFIG_HOME", "/x/cfg")::get))
                    .isEqualTo(Path.of("/x/cfg/ferry/secrets.json"));
            assertThat(EncryptedFileSecretStore.defaultFile(k -> null))
                    .isEqualTo(Path.of(System.getProperty("user.home"), ".config", "ferry", "secrets.json"));
            System.setProperty("ferry.config.dir", dir.toString());
            assertThat(EncryptedFileSecretStore.defaultFile(Map.of("XDG_CONFIG_HOME", "/x/cfg")::get)).isEqualTo(dir.resolve("secrets.json"));
        } finally {
            if (old == null) {
                System.clearProperty("ferry.config.dir");
            } else {
                System.setProperty("ferry.config.dir", old);
            }
        }
    }
}
