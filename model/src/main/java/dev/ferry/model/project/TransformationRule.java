package dev.ferry.model.project;

import java.util.List;
import java.util.Set;

/**
 * A DMS {@code transformation} rule: renames, prefixes, case conversion, added/removed columns, type changes and
 * primary-key definitions on the target.
 *
 * @param ruleId          {@code rule-id}
 * @param ruleName        {@code rule-name}
 * @param ruleTarget      {@code rule-target}
 * @param objectLocator   {@code object-locator}
 * @param ruleAction      {@code rule-action}
 * @param value           {@code value}: the new name, prefix or suffix, or the added column's name; or {@code null}
 * @param oldValue        {@code old-value}: the prefix or suffix being replaced; or {@code null}
 * @param dataType        {@code data-type} (add-column, change-data-type), or {@code null}
 * @param expression      {@code expression} (add-column), or {@code null}
 * @param primaryKeyDef   {@code primary-key-def} (define-primary-key), or {@code null}
 * @param beforeImageDef  {@code before-image-def} (add-before-image-columns), or {@code null}
 * @param explicitNulls   top-level keys written as JSON {@code null}
 */
public record TransformationRule(String ruleId, String ruleName, Target ruleTarget, ObjectLocator objectLocator,
                                 Action ruleAction, String value, String oldValue, DataType dataType, String expression,
                                 PrimaryKeyDef primaryKeyDef, BeforeImageDef beforeImageDef,
                                 Set<String> explicitNulls) implements TableMappingRule {

    public enum Target { SCHEMA, TABLE, COLUMN, TABLE_TABLESPACE, INDEX_TABLESPACE }

    public enum Action {
        RENAME, ADD_PREFIX, REMOVE_PREFIX, REPLACE_PREFIX, ADD_SUFFIX, REMOVE_SUFFIX, REPLACE_SUFFIX,
        CONVERT_LOWERCASE, CONVERT_UPPERCASE, ADD_COLUMN, REMOVE_COLUMN, CHANGE_DATA_TYPE, DEFINE_PRIMARY_KEY,
        ADD_BEFORE_IMAGE_COLUMNS
    }

    /** The DMS type names a {@code data-type.type} may use. */
    public static final List<String> DMS_TYPES = List.of("bytes", "date", "time", "datetime", "int1", "int2", "int4",
            "int8", "numeric", "real4", "real8", "string", "uint1", "uint2", "uint4", "uint8", "wstring", "blob",
            "nclob", "clob", "boolean", "set", "list", "map", "tuple");

    /**
     * A DMS data type.
     *
     * @param type      one of {@link #DMS_TYPES}
     * @param precision {@code precision}, or {@code null}
     * @param scale     {@code scale}, or {@code null}
     * @param length    {@code length}, or {@code null}
     */
    public record DataType(String type, DmsInteger precision, DmsInteger scale, DmsInteger length) {
    }

    /**
     * {@code primary-key-def}.
     *
     * @param name    the key's name
     * @param origin  {@code primary-key} or {@code unique-index}, or {@code null}
     * @param columns the key's columns in order
     */
    public record PrimaryKeyDef(String name, String origin, List<String> columns) {
        public PrimaryKeyDef {
            columns = columns == null ? List.of() : List.copyOf(columns);
        }
    }

    /**
     * {@code before-image-def}.
     *
     * @param columnPrefix {@code column-prefix}, or {@code null}
     * @param columnSuffix {@code column-suffix}, or {@code null}
     * @param columnFilter {@code column-filter}: {@code pk-only}, {@code non-lob} or {@code all}
     */
    public record BeforeImageDef(String columnPrefix, String columnSuffix, String columnFilter) {
    }

    public TransformationRule {
        explicitNulls = explicitNulls == null ? Set.of() : Set.copyOf(explicitNulls);
    }

    @Override
    public String ruleType() {
        return "transformation";
    }
}
