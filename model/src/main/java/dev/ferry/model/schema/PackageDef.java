package dev.ferry.model.schema;

/** An Oracle package: specification and body source. */
public record PackageDef(String schema, String name, String specSource, String bodySource) {
}
