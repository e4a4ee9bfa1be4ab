package dev.ferry.model.project;

import java.util.List;
import java.util.Locale;

/**
 * A user rule that overrides the converter's default type mapping: a source type, optionally restricted to length,
 * precision and scale ranges, becomes {@code targetType} within a scope (the whole project, a schema, a table or one
 * column). The most specific matching rule wins; see {@code docs/project-file.md}.
 *
 * @param scope           where the rule applies
 * @param schema          the schema (scopes schema, table, column), or {@code null}
 * @param table           the table (scopes table, column), or {@code null}
 * @param column          the column (scope column), or {@code null}
 * @param sourceType      the source engine's type name, case-insensitive, e.g. {@code number}
 * @param length          allowed length range, or {@code null} for any
 * @param precision       allowed precision range, or {@code null} for any
 * @param scale           allowed scale range, or {@code null} for any
 * @param targetType      the target type text, e.g. {@code bigint} or {@code numeric(12,2)}; {@code null} keeps the
 *                        converter's default mapping, which {@code typeTransformations} then change
 * @param transformations value transformations applied while loading, in order; empty for none
 * @param typeTransformations SCT-style changes of the target type, applied in order after {@code targetType} (or the
 *                        default mapping): scale the length, change the type name, add or remove a prefix or suffix
 */
public record TypeMappingRule(Scope scope, String schema, String table, String column, String sourceType, Range length,
                              Range precision, Range scale, String targetType, List<ValueTransformation> transformations,
                              List<TypeTransformation> typeTransformations) {

    public enum Scope { PROJECT, SCHEMA, TABLE, COLUMN }

    /** Value transformations a type mapping may apply to each value while loading. */
    public enum ValueTransformation { TRIM, RTRIM, EMPTY_TO_NULL, NULL_TO_EMPTY, ZERO_DATE_TO_NULL, LOWERCASE, UPPERCASE }

    /**
     * An inclusive range; either end may be {@code null} (open).
     *
     * @param min lower bound, or {@code null}
     * @param max upper bound, or {@code null}
     */
    public record Range(Integer min, Integer max) {
        public boolean contains(Integer value) {
            if (value == null) {
                return min == null;
            }
            return (min == null || value >= min) && (max == null || value <= max);
        }
    }

    /** What a {@link TypeTransformation} does to the target type. */
    public enum TypeAction {
        /** Multiply the type's single length modifier by {@code percent}/100, rounded up: {@code varchar(40)} → {@code varchar(80)}. */
        SCALE_LENGTH,
        /** Replace the type's name, keeping its modifiers: {@code varchar(40)} → {@code character varying(40)}. */
        CHANGE_TYPE,
        ADD_PREFIX, REMOVE_PREFIX, ADD_SUFFIX, REMOVE_SUFFIX
    }

    /**
     * One SCT-style change of the target type. Prefixes and suffixes apply to the type's name (the text before its
     * modifiers, {@code timestamp} in {@code timestamp(3)}); removing one that is not there is reported, not ignored.
     *
     * @param action  what to do
     * @param value   the new name, prefix or suffix ({@code null} for {@link TypeAction#SCALE_LENGTH})
     * @param percent for {@link TypeAction#SCALE_LENGTH}: 1..10000 ({@code 200} doubles), else {@code null}
     */
    public record TypeTransformation(TypeAction action, String value, Integer percent) {
        public TypeTransformation {
            java.util.Objects.requireNonNull(action, "action");
            if (action == TypeAction.SCALE_LENGTH) {
                if (percent == null || percent < 1 || percent > 10000) {
                    throw new IllegalArgumentException("scale-length needs a percent between 1 and 10000");
                }
                if (value != null) {
                    throw new IllegalArgumentException("scale-length takes a percent, not a value");
                }
            } else {
                if (value == null || value.isEmpty()) {
                    throw new IllegalArgumentException(action.name().toLowerCase(Locale.ROOT).replace('_', '-') + " needs a value");
                }
                if (percent != null) {
                    throw new IllegalArgumentException(action.name().toLowerCase(Locale.ROOT).replace('_', '-') + " takes a value, not a percent");
                }
            }
        }

        public static TypeTransformation scaleLength(int percent) {
            return new TypeTransformation(TypeAction.SCALE_LENGTH, null, percent);
        }

        public static TypeTransformation of(TypeAction action, String value) {
            return new TypeTransformation(action, value, null);
        }
    }

    public TypeMappingRule {
        transformations = transformations == null ? List.of() : List.copyOf(transformations);
        typeTransformations = typeTransformations == null ? List.of() : List.copyOf(typeTransformations);
        if ((targetType == null || targetType.isBlank()) && typeTransformations.isEmpty()) {
            throw new IllegalArgumentException("a type mapping rule needs a targetType or typeTransformations");
        }
    }

    /** A rule without type transformations. */
    public TypeMappingRule(Scope scope, String schema, String table, String column, String sourceType, Range length,
                           Range precision, Range scale, String targetType, List<ValueTransformation> transformations) {
        this(scope, schema, table, column, sourceType, length, precision, scale, targetType, transformations, List.of());
    }

    /** Where the rule applies, for messages: {@code project}, {@code schema HR}, {@code column HR.EMPLOYEES.ACTIVE}. */
    public String where() {
        StringBuilder sb = new StringBuilder(scope.name().toLowerCase(Locale.ROOT));
        String sep = " ";
        for (String n : new String[] {schema, table, column}) {
            if (n != null) {
                sb.append(sep).append(n);
                sep = ".";
            }
        }
        return sb.toString();
    }

    /**
     * Whether this rule's scope covers the column {@code schemaName.tableName.columnName}. Names in the rule may use the
     * DMS wildcards {@code %} and {@code _}; matching is case-sensitive.
     */
    public boolean appliesTo(String schemaName, String tableName, String columnName) {
        return ObjectLocator.matches(schema, schemaName) && ObjectLocator.matches(table, tableName)
                && ObjectLocator.matches(column, columnName);
    }

    /**
     * The rule that decides the target type of a column: among the rules whose scope covers the column and whose source
     * side matches the type, the most specific scope wins (column, table, schema, project); within a scope, the first in
     * list order.
     *
     * @return the winning rule, or empty when the converter's default mapping applies
     */
    public static java.util.Optional<TypeMappingRule> resolve(List<TypeMappingRule> rules, String schemaName, String tableName,
                                                              String columnName, String typeName, Integer len, Integer prec,
                                                              Integer sc) {
        TypeMappingRule best = null;
        for (TypeMappingRule r : rules) {
            if (r.appliesTo(schemaName, tableName, columnName) && r.matches(typeName, len, prec, sc)
                    && (best == null || r.scope().ordinal() > best.scope().ordinal())) {
                best = r;
            }
        }
        return java.util.Optional.ofNullable(best);
    }

    /** Whether this rule's source side matches a type with the given attributes (each may be {@code null}). */
    public boolean matches(String typeName, Integer len, Integer prec, Integer sc) {
        return typeName != null && typeName.toLowerCase(Locale.ROOT).equals(sourceType.toLowerCase(Locale.ROOT))
                && (length == null || length.contains(len))
                && (precision == null || precision.contains(prec))
                && (scale == null || scale.contains(sc));
    }
}
