package dev.ferry.model.schema;

import java.util.List;

/**
 * A user-defined type.
 *
 * @param labels     enum labels (PostgreSQL enums)
 * @param attributes attributes of composite / object types
 * @param elementType element type of VARRAY / nested table / domain base type
 * @param source     complete source text where available
 */
public record UserType(String schema, String name, Kind kind, List<String> labels, List<Column> attributes,
                       String elementType, String source) {

    public enum Kind { ENUM, COMPOSITE, DOMAIN, RANGE, OBJECT, VARRAY, NESTED_TABLE, OTHER }

    public UserType {
        labels = Lists.copy(labels);
        attributes = Lists.copy(attributes);
    }
}
