package dev.ferry.app.gui.fakes;

import dev.ferry.engine.secret.SecretStore;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** An in-memory secret store; {@link #failure} makes {@link #put} fail. */
public final class FakeSecretStore implements SecretStore {

    public final Map<String, String> secrets = new ConcurrentHashMap<>();
    public RuntimeException failure;

    @Override
    public Optional<char[]> get(String key) {
        String v = secrets.get(key);
        return v == null ? Optional.empty() : Optional.of(v.toCharArray());
    }

    @Override
    public void put(String key, char[] secret) {
        if (failure != null) {
            throw failure;
        }
        secrets.put(key, new String(secret));
    }

    @Override
    public boolean delete(String key) {
        return secrets.remove(key) != null;
    }

    @Override
    public String describe() {
        return "test store";
    }
}
