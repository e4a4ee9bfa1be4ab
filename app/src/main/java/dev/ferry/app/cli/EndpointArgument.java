package dev.ferry.app.cli;

import dev.ferry.engine.endpoint.EndpointUrl;
import dev.ferry.engine.endpoint.ParsedEndpoint;
import dev.ferry.engine.secret.SecretResolver;
import dev.ferry.engine.secret.SecretStores;
import dev.ferry.model.project.EndpointConfig;
import dev.ferry.model.project.Project;
import dev.ferry.model.project.ProjectFiles;
import dev.ferry.model.schema.Engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Resolves a command-line endpoint argument, which is either a URL ({@code postgresql://…}, {@code jdbc:mysql://…},
 * {@code sqlite:/path}, a path to a {@code .db} file) or the name of an endpoint in a project file. A password in a URL
 * is used for this run only; a named endpoint gets its password from {@code passwordEnv}, the secret store or a
 * terminal prompt.
 */
final class EndpointArgument {

    /** A resolved endpoint and its password (the caller clears it). */
    record Resolved(EndpointConfig config, char[] password) {
        void clear() {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    private EndpointArgument() {
    }

    static boolean looksLikeUrl(String arg) {
        String a = arg.toLowerCase(java.util.Locale.ROOT);
        return a.contains("://") || a.startsWith("jdbc:") || a.startsWith("sqlite:") || a.endsWith(".db")
                || a.endsWith(".sqlite") || a.endsWith(".sqlite3") || a.contains("/") && !a.contains(" ");
    }

    static Resolved resolve(String arg, Path projectFile, String passwordEnv, Function<String, String> env) {
        if (looksLikeUrl(arg)) {
            ParsedEndpoint parsed;
            try {
                parsed = EndpointUrl.parse(arg);
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(e.getMessage(), e);
            }
            char[] password = parsed.password();
            if (password == null && passwordEnv != null) {
                String v = env.apply(passwordEnv);
                if (v == null) {
                    throw new ConfigurationException("environment variable " + passwordEnv + " is not set");
                }
                password = v.toCharArray();
            }
            if (password == null && parsed.config().engine() != Engine.SQLITE) {
                // no password given: try an empty one (trust / peer setups); a server that wants one says AUTH_FAILED
                password = new char[0];
            }
            return new Resolved(parsed.config(), password);
        }
        if (projectFile == null) {
            throw new ConfigurationException("'" + arg + "' is neither a URL nor a path; to use a named endpoint, give --project <file>");
        }
        Project project;
        try {
            project = ProjectFiles.load(projectFile);
        } catch (IOException e) {
            throw new ConfigurationException(projectFile + ": cannot read: " + e.getMessage(), e);
        }
        EndpointConfig config = project.endpoint(arg).orElseThrow(() -> new ConfigurationException(
                projectFile + ": no endpoint named '" + arg + "' (endpoints: "
                        + String.join(", ", project.endpoints().stream().map(EndpointConfig::name).toList()) + ")"));
        SecretResolver resolver = new SecretResolver(SecretStores::defaultStore, env,
                dev.ferry.engine.secret.PasswordPrompt.console());
        try {
            return new Resolved(config, resolver.resolve(config));
        } catch (RuntimeException e) {
            throw new ConfigurationException(e.getMessage(), e);
        }
    }
}
