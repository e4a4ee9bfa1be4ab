package dev.ferry.model.schema;

/**
 * A table or view column.
 *
 * @param name       name exactly as stored in the catalog
 * @param position   1-based ordinal position
 * @param type       declared type
 * @param nullable   whether NULL is allowed
 * @param defaultExpression the default as SQL text in the source dialect, or {@code null}
 * @param identity   identity / auto-increment, or {@code null}
 * @param generated  a generated (computed) column's expression, or {@code null}
 * @param generatedStored whether the generated value is stored (vs virtual)
 * @param charset    character set, or {@code null}
 * @param collation  collation, or {@code null}
 * @param comment    comment, or {@code null}
 * @param onUpdate   MySQL {@code ON UPDATE} expression (e.g. {@code CURRENT_TIMESTAMP}), or {@code null}
 */
public record Column(String name, int position, DataType type, boolean nullable, String defaultExpression,
                     Identity identity, String generated, boolean generatedStored, String charset, String collation,
                     String comment, String onUpdate) {

    /** The column without an {@code ON UPDATE} clause (the shape before {@code onUpdate} was added). */
    public Column(String name, int position, DataType type, boolean nullable, String defaultExpression,
                  Identity identity, String generated, boolean generatedStored, String charset, String collation,
                  String comment) {
        this(name, position, type, nullable, defaultExpression, identity, generated, generatedStored, charset, collation, comment, null);
    }

    public static Column of(String name, int position, DataType type, boolean nullable) {
        return new Column(name, position, type, nullable, null, null, null, false, null, null, null, null);
    }

    public Column withDefault(String expression) {
        return new Column(name, position, type, nullable, expression, identity, generated, generatedStored, charset, collation, comment, onUpdate);
    }

    public Column withIdentity(Identity id) {
        return new Column(name, position, type, nullable, defaultExpression, id, generated, generatedStored, charset, collation, comment, onUpdate);
    }

    public Column withComment(String text) {
        return new Column(name, position, type, nullable, defaultExpression, identity, generated, generatedStored, charset, collation, text, onUpdate);
    }
}
