package dev.ferry.engine.catalog;

/**
 * Progress of a catalog read. Called on the thread that called {@link CatalogReader#read}; implementations must be
 * quick and must not use the reader's connection.
 */
public interface CatalogListener {

    /** A listener that ignores everything. */
    CatalogListener NO_OP = new CatalogListener() {
    };

    /** A new phase started, e.g. {@code "tables of public"}. */
    default void onPhase(String phase) {
    }

    /** One object was read; {@code kind} is {@code table}, {@code view}, {@code routine}..., {@code name} is qualified. */
    default void onObject(String kind, String name) {
    }
}
