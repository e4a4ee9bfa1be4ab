package dev.ferry.engine.secret;

import dev.ferry.model.project.EndpointConfig;
import dev.ferry.model.schema.Engine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretResolverTest {

    @TempDir
    Path dir;

    private static EndpointConfig pg(String ref, String env) {
        return new EndpointConfig("src", Engine.POSTGRESQL, "db.local", 5432, "sales", "app", ref, env, null, null, null, null);
    }

    private SecretStore store() {
        EncryptedFileSecretStore s = new EncryptedFileSecretStore(dir.resolve("s.json"), "master".toCharArray());
        s.put("src-ref", "from-store".toCharArray());
        return s;
    }

    @Test
    void environmentComesFirst() {
        List<String> asked = new ArrayList<>();
        SecretResolver r = new SecretResolver(this::store, Map.of("PG_PW", "from-env")::get, m -> {
            asked.add(m);
            return Optional.of("typed".toCharArray());
        });
        assertThat(new String(r.resolve(pg("src-ref", "PG_PW")))).isEqualTo("from-env");
        assertThat(asked).isEmpty();
    }

    @Test
    void emptyEnvironmentValueIsAnEmptyPassword() {
        SecretResolver r = new SecretResolver(null, Map.of("PG_PW", "")::get, PasswordPrompt.NONE);
        assertThat(r.resolve(pg(null, "PG_PW"))).isEmpty();
    }

    @Test
    void unsetEnvironmentFallsBackToStore() {
        SecretResolver r = new SecretResolver(this::store, k -> null, PasswordPrompt.NONE);
        assertThat(new String(r.resolve(pg("src-ref", "PG_PW")))).isEqualTo("from-store");
    }

    @Test
    void storeIsOnlyOpenedWhenAReferenceIsUsed() {
        SecretResolver r = new SecretResolver(() -> {
            throw new AssertionError("store must not be opened");
        }, Map.of("PG_PW", "e")::get, PasswordPrompt.NONE);
        assertThat(new String(r.resolve(pg(null, "PG_PW")))).isEqualTo("e");
    }

    @Test
    void promptWhenNothingElseHasIt() {
        List<String> asked = new ArrayList<>();
        SecretResolver r = new SecretResolver(this::store, k -> null, m -> {
            asked.add(m);
            return Optional.of("typed".toCharArray());
        });
        assertThat(new String(r.resolve(pg("missing-ref", null)))).isEqualTo("typed");
        assertThat(asked).singleElement().asString().contains("app@db.local:5432/sales");
    }

    @Test
    void clearErrorNamingTheEndpointAndWhatWasTried() {
        SecretResolver r = new SecretResolver(this::store, k -> null, PasswordPrompt.NONE);
        assertThatThrownBy(() -> r.resolve(pg("missing-ref", "PG_PW")))
                .isInstanceOf(SecretStoreException.class)
                .hasMessageContaining("endpoint 'src'")
                .hasMessageContaining("PG_PW is not set")
                .hasMessageContaining("no secret 'missing-ref'")
                .message().doesNotContain("from-store");
        assertThatThrownBy(() -> r.resolve(pg(null, null)))
                .hasMessageContaining("neither passwordEnv nor passwordRef");
    }

    @Test
    void sqliteNeedsNoPassword() {
        SecretResolver r = new SecretResolver(null, k -> null, PasswordPrompt.NONE);
        EndpointConfig lite = new EndpointConfig("lite", Engine.SQLITE, null, null, null, null, null, null, null, null, null, "/x.db");
        assertThat(r.resolve(lite)).isEmpty();
    }
}
