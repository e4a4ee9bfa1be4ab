package dev.ferry.engine.mapping;

import dev.ferry.model.project.TransformationRule;

/**
 * One source column after the transformation rules.
 *
 * @param source      the source column's name
 * @param target      the target column's name (after renames, prefixes, case conversion)
 * @param removed     {@code remove-column} left it out of the target
 * @param changedType the {@code change-data-type} rule's type, or {@code null}; recorded for the target DDL (deploy)
 * @param ruleIds     the rule-ids that changed this column, in application order
 */
public record ResolvedColumn(String source, String target, boolean removed, TransformationRule.DataType changedType,
                             java.util.List<String> ruleIds) {
    public ResolvedColumn {
        ruleIds = java.util.List.copyOf(ruleIds);
    }
}
