package dev.ferry.model.schema;

/** A schema-qualified object name; {@code schema} may be {@code null} (SQLite main, scripts without a schema). */
public record QualifiedName(String schema, String name) {
    @Override
    public String toString() {
        return schema == null ? name : schema + "." + name;
    }
}
