package dev.ferry.model.project;

import java.util.Set;

/**
 * One rule of an AWS DMS table-mapping document: {@link SelectionRule}, {@link TransformationRule} or
 * {@link TableSettingsRule}. Immutable.
 */
public sealed interface TableMappingRule permits SelectionRule, TransformationRule, TableSettingsRule {

    /** The DMS {@code rule-type}: {@code selection}, {@code transformation} or {@code table-settings}. */
    String ruleType();

    /** The DMS {@code rule-id}, unique in the document. */
    String ruleId();

    /** The DMS {@code rule-name}. */
    String ruleName();

    /** Top-level keys the imported document wrote as JSON {@code null} (the DMS console does); exported as {@code null} again. */
    Set<String> explicitNulls();
}
