package dev.ferry.engine.secret;

import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Secrets in the operating system's keyring through java-keyring: macOS Keychain, Windows Credential Manager,
 * freedesktop Secret Service (GNOME Keyring, KWallet) on Linux. Entries live under the service name
 * {@value #SERVICE} with the secret key as account.
 *
 * <p>Use {@link #probe(Duration)} to find out whether a keyring is usable: on a headless Linux without a D-Bus session
 * or Secret Service, or when the keyring would block on an unlock dialog, it reports unavailable instead of failing
 * later.
 *
 * <p>Thread-safe: calls to the native keyring are serialized.
 */
public final class KeyringSecretStore implements SecretStore, AutoCloseable {

    public static final String SERVICE = "ferry";
    private static final Logger LOG = LoggerFactory.getLogger(KeyringSecretStore.class);
    private static final String PROBE_KEY = "ferry-keyring-probe";

    /** Whether a keyring is usable and, if not, why. */
    public record Availability(Optional<KeyringSecretStore> store, String reason) {
        public boolean available() {
            return store.isPresent();
        }
    }

    private final Keyring keyring;

    private KeyringSecretStore(Keyring keyring) {
        this.keyring = keyring;
    }

    /**
     * Opens the platform keyring and performs a harmless read, all within {@code timeout}. Never throws.
     */
    public static Availability probe(Duration timeout) {
        CompletableFuture<Keyring> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                Keyring k = Keyring.create();
                try {
                    k.getPassword(SERVICE, PROBE_KEY);
                } catch (PasswordAccessException e) {
                    // "not found" is the expected answer; anything that reached the backend proves it works
                    LOG.debug("keyring probe read: {}", e.getMessage());
                }
                f.complete(k);
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        }, "ferry-keyring-probe");
        t.setDaemon(true);
        t.start();
        try {
            Keyring k = f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Availability(Optional.of(new KeyringSecretStore(k)), "OS keyring " + k.getKeyringStorageType());
        } catch (TimeoutException e) {
            t.interrupt();
            return new Availability(Optional.empty(), "the OS keyring did not answer within " + timeout.toMillis() + " ms (locked or no Secret Service)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Availability(Optional.empty(), "interrupted while probing the OS keyring");
        } catch (ExecutionException e) {
            Throwable c = e.getCause() == null ? e : e.getCause();
            String why = c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
            if (c.getCause() != null && c.getCause().getMessage() != null) {
                why += ": " + c.getCause().getMessage();
            }
            return new Availability(Optional.empty(), "no usable OS keyring (" + why + ")");
        }
    }

    @Override
    public synchronized Optional<char[]> get(String key) {
        Objects.requireNonNull(key, "key");
        try {
            String v = keyring.getPassword(SERVICE, key);
            return v == null ? Optional.empty() : Optional.of(v.toCharArray());
        } catch (PasswordAccessException e) {
            // backends report a missing entry as an exception; treat as absent
            LOG.debug("keyring has no entry {}: {}", key, e.getMessage());
            return Optional.empty();
        } catch (RuntimeException e) {
            throw new SecretStoreException("Cannot read secret '" + key + "' from the OS keyring: " + e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public synchronized void put(String key, char[] secret) {
        Objects.requireNonNull(key, "key");
        try {
            keyring.setPassword(SERVICE, key, new String(secret));
        } catch (PasswordAccessException | RuntimeException e) {
            throw new SecretStoreException("Cannot store secret '" + key + "' in the OS keyring: " + e.getClass().getSimpleName());
        }
    }

    @Override
    public synchronized boolean delete(String key) {
        try {
            Optional<char[]> old = get(key);
            if (old.isEmpty()) {
                return false;
            }
            java.util.Arrays.fill(old.get(), '\0');
            keyring.deletePassword(SERVICE, key);
            return true;
        } catch (PasswordAccessException | RuntimeException e) {
            throw new SecretStoreException("Cannot delete secret '" + key + "' from the OS keyring: " + e.getClass().getSimpleName());
        }
    }

    @Override
    public String describe() {
        return "OS keyring (" + keyring.getKeyringStorageType() + ", service " + SERVICE + ")";
    }

    @Override
    public void close() {
        try {
            keyring.close();
        } catch (Exception e) {
            LOG.debug("closing keyring: {}", e.getMessage());
        }
    }
}
