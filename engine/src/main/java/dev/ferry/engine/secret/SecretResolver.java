package dev.ferry.engine.secret;

import dev.ferry.model.project.EndpointConfig;
import dev.ferry.model.schema.Engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Finds an endpoint's password, in this order:
 * <ol>
 *   <li>{@code passwordEnv}: the named environment variable (an empty value counts as an empty password);</li>
 *   <li>{@code passwordRef}: the key in the {@link SecretStore};</li>
 *   <li>the {@link PasswordPrompt} (the console when there is one);</li>
 *   <li>otherwise a {@link SecretStoreException} naming the endpoint and what was tried.</li>
 * </ol>
 * SQLite endpoints need no password and resolve to an empty array.
 *
 * <p>Thread-safe if the store and prompt are; the store is obtained lazily, only when a {@code passwordRef} is used.
 */
public final class SecretResolver {

    private final Supplier<SecretStore> store;
    private final Function<String, String> env;
    private final PasswordPrompt prompt;

    /**
     * @param store  the secret store, fetched on first use; may supply {@code null} for "no store"
     * @param env    environment lookup, e.g. {@code System::getenv}; tests pass a map's {@code get}
     * @param prompt asks a person, or {@link PasswordPrompt#NONE}
     */
    public SecretResolver(Supplier<SecretStore> store, Function<String, String> env, PasswordPrompt prompt) {
        this.store = store == null ? () -> null : store;
        this.env = Objects.requireNonNull(env, "env");
        this.prompt = prompt == null ? PasswordPrompt.NONE : prompt;
    }

    /** Resolver on the real environment and the console prompt. */
    public static SecretResolver standard(Supplier<SecretStore> store) {
        return new SecretResolver(store, System::getenv, PasswordPrompt.console());
    }

    /**
     * The password for {@code endpoint}. The caller owns the array and should clear it after use.
     *
     * @throws SecretStoreException when no source has a password; the message names the endpoint
     */
    public char[] resolve(EndpointConfig endpoint) {
        if (endpoint.engine() == Engine.SQLITE) {
            return new char[0];
        }
        List<String> tried = new ArrayList<>();
        if (endpoint.passwordEnv() != null && !endpoint.passwordEnv().isBlank()) {
            String v = env.apply(endpoint.passwordEnv());
            if (v != null) {
                return v.toCharArray();
            }
            tried.add("environment variable " + endpoint.passwordEnv() + " is not set");
        }
        if (endpoint.passwordRef() != null && !endpoint.passwordRef().isBlank()) {
            SecretStore s = store.get();
            if (s == null) {
                tried.add("no secret store is configured for password reference '" + endpoint.passwordRef() + "'");
            } else {
                Optional<char[]> v = s.get(endpoint.passwordRef());
                if (v.isPresent()) {
                    return v.get();
                }
                tried.add("no secret '" + endpoint.passwordRef() + "' in " + s.describe());
            }
        }
        Optional<char[]> asked = prompt.ask("Password for " + endpoint.describe() + ": ");
        if (asked.isPresent()) {
            return asked.get();
        }
        if (endpoint.passwordEnv() == null && endpoint.passwordRef() == null) {
            tried.add("it has neither passwordEnv nor passwordRef");
        }
        tried.add("no terminal to ask on");
        throw new SecretStoreException("No password for endpoint '" + endpoint.name() + "' (" + endpoint.describe()
                + "): " + String.join("; ", tried)
                + ". Set passwordEnv, store the password with a passwordRef, or run in a terminal.");
    }
}
