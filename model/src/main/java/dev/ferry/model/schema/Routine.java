package dev.ferry.model.schema;

import java.util.List;

/**
 * A stored procedure or function with its full source.
 *
 * @param returnType the function's return type as declared, {@code null} for procedures
 * @param language   {@code plpgsql}, {@code sql}, {@code plsql}, ...
 * @param source     the complete CREATE text where the engine provides it, else the body
 */
public record Routine(String schema, String name, Kind kind, List<Parameter> parameters, String returnType,
                      String language, boolean deterministic, String source, String comment) {

    public enum Kind { PROCEDURE, FUNCTION }

    /** A routine parameter; {@code mode} is IN, OUT, INOUT or VARIADIC. */
    public record Parameter(String name, String mode, String type, String defaultExpression) {
    }

    public Routine {
        parameters = Lists.copy(parameters);
    }
}
