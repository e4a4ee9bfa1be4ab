package dev.ferry.engine.secret;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Chooses the secret store: the OS keyring when one is usable, otherwise the {@link EncryptedFileSecretStore} with a
 * master password from {@value #MASTER_PASSWORD_ENV} or the prompt. {@value #STORE_ENV}{@code =file} skips the keyring,
 * {@code =keyring} insists on it.
 *
 * <p>The returned store is lazy: nothing is probed or prompted until its first use. It is thread-safe.
 */
public final class SecretStores {

    public static final String MASTER_PASSWORD_ENV = "FERRY_MASTER_PASSWORD";
    public static final String STORE_ENV = "FERRY_SECRET_STORE";
    static final Duration KEYRING_PROBE_TIMEOUT = Duration.ofSeconds(3);

    private SecretStores() {
    }

    /** The default store for this user, on the real environment and the console prompt. */
    public static SecretStore defaultStore() {
        return defaultStore(System::getenv, PasswordPrompt.console(), null);
    }

    /**
     * The default store.
     *
     * @param env        environment lookup (for {@value #MASTER_PASSWORD_ENV}, {@value #STORE_ENV}, {@code XDG_CONFIG_HOME})
     * @param prompt     asks for the master password when the environment has none
     * @param secretFile the encrypted file to use, or {@code null} for {@link EncryptedFileSecretStore#defaultFile}
     */
    public static SecretStore defaultStore(Function<String, String> env, PasswordPrompt prompt, Path secretFile) {
        return new Lazy(env, prompt == null ? PasswordPrompt.NONE : prompt, secretFile);
    }

    static SecretStore choose(Function<String, String> env, PasswordPrompt prompt, Path secretFile) {
        String mode = Optional.ofNullable(env.apply(STORE_ENV)).orElse("auto").trim().toLowerCase(Locale.ROOT);
        String keyringReason = "skipped (" + STORE_ENV + "=file)";
        if (!mode.equals("file")) {
            KeyringSecretStore.Availability a = KeyringSecretStore.probe(KEYRING_PROBE_TIMEOUT);
            if (a.available()) {
                return a.store().get();
            }
            keyringReason = a.reason();
            if (mode.equals("keyring")) {
                throw new SecretStoreException(STORE_ENV + "=keyring but " + keyringReason);
            }
        }
        Path file = secretFile != null ? secretFile : EncryptedFileSecretStore.defaultFile(env);
        char[] master = masterPassword(env, prompt, file);
        if (master == null) {
            throw new SecretStoreException("No OS keyring (" + keyringReason + ") and no master password for " + file
                    + ": set " + MASTER_PASSWORD_ENV + " or run in a terminal");
        }
        try {
            return new EncryptedFileSecretStore(file, master);
        } finally {
            Arrays.fill(master, '\0');
        }
    }

    private static char[] masterPassword(Function<String, String> env, PasswordPrompt prompt, Path file) {
        String fromEnv = env.apply(MASTER_PASSWORD_ENV);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return fromEnv.toCharArray();
        }
        boolean exists = Files.exists(file);
        Optional<char[]> first = prompt.ask((exists ? "Master password for " : "New master password for ") + file + ": ");
        if (first.isEmpty()) {
            return null;
        }
        if (!exists) {
            Optional<char[]> again = prompt.ask("Repeat the new master password: ");
            if (again.isEmpty() || !Arrays.equals(first.get(), again.get())) {
                Arrays.fill(first.get(), '\0');
                again.ifPresent(a -> Arrays.fill(a, '\0'));
                throw new SecretStoreException("The two master passwords for " + file + " do not match");
            }
            Arrays.fill(again.get(), '\0');
        }
        return first.get();
    }

    /** Chooses the real store on first use. */
    private static final class Lazy implements SecretStore {
        private final Function<String, String> env;
        private final PasswordPrompt prompt;
        private final Path file;
        private SecretStore delegate;

        Lazy(Function<String, String> env, PasswordPrompt prompt, Path file) {
            this.env = Objects.requireNonNull(env, "env");
            this.prompt = prompt;
            this.file = file;
        }

        private synchronized SecretStore delegate() {
            if (delegate == null) {
                delegate = choose(env, prompt, file);
            }
            return delegate;
        }

        @Override
        public Optional<char[]> get(String key) {
            return delegate().get(key);
        }

        @Override
        public void put(String key, char[] secret) {
            delegate().put(key, secret);
        }

        @Override
        public boolean delete(String key) {
            return delegate().delete(key);
        }

        @Override
        public String describe() {
            return delegate().describe();
        }
    }
}
