/**
 * Secrets: the {@link dev.ferry.engine.secret.SecretStore} abstraction with an OS keyring and an AES-256-GCM encrypted
 * file implementation, {@link dev.ferry.engine.secret.SecretStores#defaultStore()} to pick one, and
 * {@link dev.ferry.engine.secret.SecretResolver} to find an endpoint's password (environment, store, prompt).
 * No class here logs or puts a secret into an exception message.
 */
package dev.ferry.engine.secret;
