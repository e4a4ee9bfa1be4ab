package dev.ferry.engine.deploy;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One object of an assessment folder, as the deploy sees it.
 *
 * @param schema     target schema (may be empty for engines without schemas)
 * @param name       object name in the target's spelling (for constraints and indexes their own name)
 * @param type       {@code SCHEMA}, {@code TABLE}, {@code SEQUENCE}, {@code INDEX}, {@code CONSTRAINT}, {@code FOREIGN_KEY},
 *                   {@code VIEW}, {@code ROUTINE}, {@code TRIGGER}, {@code COMMENT}, {@code TYPE}...
 * @param status     {@code AUTO}, {@code AUTO_WITH_WARNINGS} or {@code MANUAL}
 * @param verified   whether the assessment verified the converted SQL
 * @param phase      pre-load or post-load
 * @param file       the converted file relative to the folder ({@code converted/05-table-hr.regions.sql}), or {@code null}
 * @param statements the SQL to run, in order (one element when the assessment did not split it); empty when not converted
 * @param dependsOn  keys ({@code TYPE:schema.name}) of objects that must exist first
 * @param expected   the shape the object should have on the target (for drift checks), or {@code null} when unknown
 */
public record DeployObject(String schema, String name, String type, String status, boolean verified, DeployPhase phase,
                           String file, List<String> statements, List<String> dependsOn, ExpectedShape expected) {

    public DeployObject {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(phase, "phase");
        schema = schema == null ? "" : schema;
        type = type.toUpperCase(Locale.ROOT);
        statements = List.copyOf(statements);
        dependsOn = List.copyOf(dependsOn);
    }

    /** {@code TYPE:schema.name}, as {@code dependsOn} spells it. */
    public String key() {
        return type + ":" + (schema.isEmpty() || "SCHEMA".equals(type) && schema.equals(name) ? "" : schema + ".") + name;
    }

    /** Whether the deploy may run it: converted, verified and not MANUAL (the honesty rule). */
    public boolean runnable() {
        return !statements.isEmpty() && verified && !"MANUAL".equals(status);
    }

    /** {@code schema.name} (or just the name) for messages. */
    public String displayName() {
        return schema.isEmpty() || "SCHEMA".equals(type) ? name : schema + "." + name;
    }

    /** The table the object hangs off (indexes, constraints, comments, triggers): its first {@code TABLE:} dependency. */
    public String owningTable() {
        if ("TABLE".equals(type)) {
            return null;
        }
        for (String d : dependsOn) {
            if (d.startsWith("TABLE:")) {
                String q = d.substring("TABLE:".length());
                int dot = q.indexOf('.');
                return dot < 0 ? q : q.substring(dot + 1);
            }
        }
        return null;
    }
}
