package dev.ferry.engine.load;

import dev.ferry.model.schema.Engine;

import java.util.Objects;

/**
 * One side of a load: its engine and how to open connections to it.
 *
 * @param engine      the database engine (decides SQL dialect, reading and writing strategy)
 * @param connections opens a new connection per call; thread-safe
 */
public record LoadEndpoint(Engine engine, ConnectionSupplier connections) {
    public LoadEndpoint {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(connections, "connections");
        if (engine == Engine.ORACLE) {
            throw new IllegalArgumentException("the full load does not support Oracle endpoints yet");
        }
    }
}
