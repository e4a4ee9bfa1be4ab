package dev.ferry.engine.secret;

import java.util.Optional;

/**
 * Where Ferry keeps endpoint passwords, addressed by a key (an endpoint's {@code passwordRef}). Implementations never
 * log or put secret values into exception messages.
 *
 * <p>Implementations are thread-safe.
 */
public interface SecretStore {

    /** The secret stored under {@code key}, or empty. The caller owns (and should clear) the returned array. */
    Optional<char[]> get(String key);

    /** Stores {@code secret} under {@code key}, replacing any previous value. The array is not retained. */
    void put(String key, char[] secret);

    /** Removes {@code key}; returns whether something was removed (best effort where the backend cannot tell). */
    boolean delete(String key);

    /** A one-line description for users, e.g. {@code encrypted file /home/ann/.config/ferry/secrets.json}. */
    String describe();
}
