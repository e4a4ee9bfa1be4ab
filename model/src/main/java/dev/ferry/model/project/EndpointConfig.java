package dev.ferry.model.project;

import dev.ferry.model.schema.Engine;

import java.util.Map;
import java.util.TreeMap;

/**
 * A named connection to a source or target, as stored in the project file. It never holds a secret: the password is
 * found through {@code passwordRef} (a key in Ferry's secret store), {@code passwordEnv} (an environment variable) or a
 * terminal prompt.
 *
 * @param name                  the endpoint's name in the project
 * @param engine                engine
 * @param host                  host name or address (not used for SQLite)
 * @param port                  port, or {@code null} for the engine's default
 * @param database              database; for Oracle a service name (or SID, see {@code properties.oracle.sid})
 * @param user                  user name
 * @param passwordRef           key of the password in the secret store, or {@code null}
 * @param passwordEnv           name of an environment variable holding the password, or {@code null}
 * @param tls                   TLS mode, default {@link TlsMode#DISABLE} for local hosts
 * @param properties            extra driver properties, passed through unchanged
 * @param connectTimeoutSeconds connect timeout, default 10
 * @param path                  the database file, for SQLite only
 */
public record EndpointConfig(String name, Engine engine, String host, Integer port, String database, String user,
                             String passwordRef, String passwordEnv, TlsMode tls, Map<String, String> properties,
                             Integer connectTimeoutSeconds, String path) {

    public static final int DEFAULT_CONNECT_TIMEOUT_SECONDS = 10;

    public EndpointConfig {
        properties = properties == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(properties));
        tls = tls == null ? TlsMode.DISABLE : tls;
    }

    public int effectivePort() {
        if (port != null) {
            return port;
        }
        switch (engine) {
            case POSTGRESQL: return 5432;
            case MYSQL: return 3306;
            case ORACLE: return 1521;
            default: return 0;
        }
    }

    public int effectiveConnectTimeoutSeconds() {
        return connectTimeoutSeconds == null ? DEFAULT_CONNECT_TIMEOUT_SECONDS : connectTimeoutSeconds;
    }

    /** A short description without secrets, e.g. {@code PostgreSQL app@db.example:5432/sales}. */
    public String describe() {
        if (engine == Engine.SQLITE) {
            return engine.displayName() + " " + path;
        }
        return engine.displayName() + " " + (user == null ? "" : user + "@") + host + ":" + effectivePort() + "/" + (database == null ? "" : database);
    }

    public EndpointConfig withName(String newName) {
        return new EndpointConfig(newName, engine, host, port, database, user, passwordRef, passwordEnv, tls, properties, connectTimeoutSeconds, path);
    }

    public EndpointConfig withPasswordRef(String ref) {
        return new EndpointConfig(name, engine, host, port, database, user, ref, passwordEnv, tls, properties, connectTimeoutSeconds, path);
    }

    public EndpointConfig withPasswordEnv(String env) {
        return new EndpointConfig(name, engine, host, port, database, user, passwordRef, env, tls, properties, connectTimeoutSeconds, path);
    }
}
