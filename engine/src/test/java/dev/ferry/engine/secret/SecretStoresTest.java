package dev.ferry.engine.secret;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretStoresTest {

    @TempDir
    Path dir;

    @Test
    void fileStoreWithMasterPasswordFromEnvironment() {
        Path file = dir.resolve("secrets.json");
        SecretStore s = SecretStores.defaultStore(Map.of("FERRY_SECRET_STORE", "file", "FERRY_MASTER_PASSWORD", "m4ster")::get,
                PasswordPrompt.NONE, file);
        assertThat(Files.exists(file)).isFalse(); // lazy
        s.put("k", "v".toCharArray());
        assertThat(s.describe()).isEqualTo("encrypted file " + file.toAbsolutePath());
        assertThat(new String(new EncryptedFileSecretStore(file, "m4ster".toCharArray()).get("k").orElseThrow())).isEqualTo("v");
    }

    @Test
    void newFileAsksTwiceAndRejectsMismatch() {
        Deque<String> answers = new ArrayDeque<>(java.util.List.of("one", "two"));
        SecretStore s = SecretStores.defaultStore(Map.of("FERRY_SECRET_STORE", "file")::get,
                m -> Optional.of(answers.pop().toCharArray()), dir.resolve("s.json"));
        assertThatThrownBy(() -> s.get("k")).isInstanceOf(SecretStoreException.class).hasMessageContaining("do not match");
    }

    @Test
    void noMasterPasswordIsAClearError() {
        SecretStore s = SecretStores.defaultStore(Map.of("FERRY_SECRET_STORE", "file")::get, PasswordPrompt.NONE, dir.resolve("s.json"));
        assertThatThrownBy(() -> s.get("k")).isInstanceOf(SecretStoreException.class)
                .hasMessageContaining("FERRY_MASTER_PASSWORD");
    }

    @Test
    void keyringProbeNeverThrowsAndAnswersInTime() {
        long start = System.nanoTime();
        KeyringSecretStore.Availability a = KeyringSecretStore.probe(Duration.ofSeconds(3));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        if (a.available()) {
            assertThat(a.store().get().describe()).contains("OS keyring");
        } else {
            System.err.println("keyring unavailable here: " + a.reason());
            assertThat(a.reason()).isNotBlank();
        }
    }

    @Test
    void autoModeFallsBackToTheFileWhenNoKeyring() {
        KeyringSecretStore.Availability a = KeyringSecretStore.probe(Duration.ofSeconds(3));
        Path file = dir.resolve("auto.json");
        SecretStore s = SecretStores.defaultStore(Map.of("FERRY_MASTER_PASSWORD", "m")::get, PasswordPrompt.NONE, file);
        if (a.available()) {
            assertThat(s.describe()).contains("OS keyring");
        } else {
            assertThat(s.describe()).isEqualTo("encrypted file " + file.toAbsolutePath());
        }
    }
}
