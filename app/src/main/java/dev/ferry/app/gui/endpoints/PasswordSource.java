package dev.ferry.app.gui.endpoints;

import dev.ferry.engine.secret.PasswordPrompt;
import dev.ferry.engine.secret.SecretResolver;
import dev.ferry.engine.secret.SecretStore;
import dev.ferry.model.project.EndpointConfig;
import dev.ferry.model.schema.Engine;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Finds the password of a saved endpoint for the workbench: its environment variable or its secret-store entry; an
 * endpoint with neither gets an empty password (trust / peer setups; a server that wants one answers AUTH_FAILED).
 * Never prompts. May touch the OS keyring: call from a background task. Thread-safe.
 */
public final class PasswordSource {

    private final SecretResolver resolver;

    public PasswordSource(Supplier<SecretStore> store, Function<String, String> env) {
        this.resolver = new SecretResolver(store, env, PasswordPrompt.NONE);
    }

    /** The password; the caller owns and clears the array. */
    public char[] resolve(EndpointConfig config) {
        if (config.engine() == Engine.SQLITE) {
            return new char[0];
        }
        boolean noRef = config.passwordRef() == null || config.passwordRef().isBlank();
        boolean noEnv = config.passwordEnv() == null || config.passwordEnv().isBlank();
        if (noRef && noEnv) {
            return new char[0];
        }
        return resolver.resolve(config);
    }
}
