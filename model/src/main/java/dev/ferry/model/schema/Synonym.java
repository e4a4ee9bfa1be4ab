package dev.ferry.model.schema;

/** A synonym (Oracle). {@code schema} is {@code PUBLIC} for public synonyms; {@code dbLink} is set for remote targets. */
public record Synonym(String schema, String name, String targetSchema, String targetName, String dbLink) {
}
