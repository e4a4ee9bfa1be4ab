package dev.ferry.converter.assess;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One object of the source schema after conversion, with its assessment.
 *
 * @param schema       target schema (PostgreSQL spelling)
 * @param name         object name (PostgreSQL spelling; for constraints and indexes the object's own name)
 * @param type         object type: {@code SCHEMA}, {@code TABLE}, {@code SEQUENCE}, {@code INDEX}, {@code CONSTRAINT},
 *                     {@code FOREIGN_KEY}, {@code VIEW}, {@code COMMENT}, {@code ROUTINE}, {@code TRIGGER}...
 * @param status       the honest status; see {@link #withVerification}
 * @param verified     whether the converted SQL was deployed successfully into a PostgreSQL database
 * @param sourceFile   the file the source statement came from, or {@code null}
 * @param sourceLine   1-based line of the source statement, or 0
 * @param sourceText   the source statement or expression as written, or {@code null}
 * @param convertedSql the PostgreSQL DDL (statements separated by ";\n"), or {@code null} when not converted
 * @param deployPhase  before or after the data load
 * @param dependsOn    keys ({@link #key()}) of objects that must exist first
 * @param actionItems  what a person has to look at
 */
public record ConvertedObject(String schema, String name, String type, ObjectStatus status, boolean verified,
                              String sourceFile, int sourceLine, String sourceText, String convertedSql,
                              DeployPhase deployPhase, List<String> dependsOn, List<ActionItem> actionItems) {

    public ConvertedObject {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        dependsOn = List.copyOf(dependsOn);
        actionItems = List.copyOf(actionItems);
    }

    /** Unique key within a conversion: {@code TYPE:schema.name}. */
    public String key() {
        return key(type, schema, name);
    }

    public static String key(String type, String schema, String name) {
        return type + ":" + (schema == null ? "" : schema + ".") + name;
    }

    public boolean converted() {
        return convertedSql != null;
    }

    /** Whether an item above INFO is present. */
    public boolean hasWarnings() {
        return actionItems.stream().anyMatch(i -> i.severity().isWarning());
    }

    public int effortMinutes() {
        return actionItems.stream().mapToInt(ActionItem::effortMinutes).sum();
    }

    /**
     * Applies the status rule: AUTO only when converted, verified and without items above INFO;
     * AUTO_WITH_WARNINGS when converted and verified with warnings; MANUAL otherwise.
     */
    public static ObjectStatus statusOf(boolean converted, boolean verified, List<ActionItem> items) {
        if (!converted || !verified) {
            return ObjectStatus.MANUAL;
        }
        return items.stream().anyMatch(i -> i.severity().isWarning()) ? ObjectStatus.AUTO_WITH_WARNINGS : ObjectStatus.AUTO;
    }

    /** This object after verification; a failure adds a {@link ActionCode#VERIFICATION_FAILED} item with the server's message. */
    public ConvertedObject withVerification(boolean ok, String serverMessage) {
        List<ActionItem> items = new ArrayList<>(actionItems);
        if (!ok) {
            items.add(new ActionItem(ActionCode.VERIFICATION_FAILED.code(), ActionCode.VERIFICATION_FAILED.severity(),
                    "Deploying " + type.toLowerCase(java.util.Locale.ROOT) + " " + name + " failed: " + serverMessage,
                    ActionCode.VERIFICATION_FAILED.recommendation(), sourceLine, 0,
                    ActionCode.VERIFICATION_FAILED.effortMinutes()));
        }
        return new ConvertedObject(schema, name, type, statusOf(converted(), ok, items), ok, sourceFile, sourceLine,
                sourceText, convertedSql, deployPhase, dependsOn, items);
    }

    public ConvertedObject withItems(List<ActionItem> moreItems) {
        List<ActionItem> items = new ArrayList<>(actionItems);
        items.addAll(moreItems);
        return new ConvertedObject(schema, name, type, statusOf(converted(), verified, items), verified, sourceFile,
                sourceLine, sourceText, convertedSql, deployPhase, dependsOn, items);
    }
}
