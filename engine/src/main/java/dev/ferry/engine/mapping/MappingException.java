package dev.ferry.engine.mapping;

/** A table-mapping rule that cannot be applied; the message names the rule-id and the object. */
public final class MappingException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String ruleId;

    public MappingException(String ruleId, String message) {
        super("table-mapping rule " + ruleId + ": " + message);
        this.ruleId = ruleId;
    }

    /** The offending rule's {@code rule-id}. */
    public String ruleId() {
        return ruleId;
    }
}
