package dev.ferry.engine.endpoint;

import dev.ferry.model.project.EndpointConfig;

import java.util.Arrays;

/**
 * The result of {@link EndpointUrl#parse(String)}: an endpoint configuration without secrets and, separately, the
 * password the URL carried (or {@code null}). Callers store the password in a {@code SecretStore} and then
 * {@link #clearPassword()} it.
 *
 * @param config   the endpoint, never holding a password
 * @param password the URL-decoded password from the URL, or {@code null} when the URL had none
 */
public record ParsedEndpoint(EndpointConfig config, char[] password) {

    /** Overwrites the password characters with zeros. */
    public void clearPassword() {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "ParsedEndpoint[" + config.describe() + (password == null ? "" : ", password=" + dev.ferry.model.util.Redaction.MASK) + "]";
    }
}
