package dev.ferry.engine.mapping;

import dev.ferry.model.project.TransformationRule;

/**
 * A target column added by an {@code add-column} rule.
 *
 * @param ruleId       the rule's id
 * @param name         the target column's name
 * @param dataType     its DMS data type, or {@code null}
 * @param expression   the rule's expression as written
 * @param sourceColumn the source column the expression copies ({@code $name}), or {@code null} when the expression is
 *                     anything else (the loader cannot compute it yet and refuses the table, naming the rule)
 */
public record AddedColumn(String ruleId, String name, TransformationRule.DataType dataType, String expression,
                          String sourceColumn) {
}
