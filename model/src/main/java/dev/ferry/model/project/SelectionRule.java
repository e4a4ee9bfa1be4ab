package dev.ferry.model.project;

import java.util.List;
import java.util.Set;

/**
 * A DMS {@code selection} rule: include, exclude or explicitly select tables, optionally filtering rows.
 *
 * @param ruleId        {@code rule-id}
 * @param ruleName      {@code rule-name}
 * @param objectLocator {@code object-locator} (schema-name, table-name, optional table-type)
 * @param ruleAction    {@code rule-action}
 * @param loadOrder     {@code load-order}, or {@code null}
 * @param filters       {@code filters}, or {@code null} when the document has none
 * @param explicitNulls top-level keys written as JSON {@code null}
 */
public record SelectionRule(String ruleId, String ruleName, ObjectLocator objectLocator, Action ruleAction,
                            DmsInteger loadOrder, List<Filter> filters, Set<String> explicitNulls) implements TableMappingRule {

    public enum Action { INCLUDE, EXCLUDE, EXPLICIT }

    /** {@code filter-operator}; DMS accepts both {@code ste} and {@code lte} for "less than or equal". */
    public enum Operator { STE, LTE, GTE, EQ, NOTEQ, BETWEEN, NOTBETWEEN, NULL, NOTNULL }

    /**
     * A row filter on one column.
     *
     * @param filterType       {@code filter-type}; DMS knows only {@code source}
     * @param columnName       {@code column-name}
     * @param filterConditions {@code filter-conditions}
     */
    public record Filter(String filterType, String columnName, List<Condition> filterConditions) {
        public Filter {
            filterConditions = filterConditions == null ? null : List.copyOf(filterConditions);
        }
    }

    /**
     * One filter condition.
     *
     * @param filterOperator {@code filter-operator}
     * @param value          {@code value} (comparison operators), or {@code null}
     * @param startValue     {@code start-value} (between/notbetween), or {@code null}
     * @param endValue       {@code end-value} (between/notbetween), or {@code null}
     */
    public record Condition(Operator filterOperator, String value, String startValue, String endValue) {
    }

    public SelectionRule {
        filters = filters == null ? null : List.copyOf(filters);
        explicitNulls = explicitNulls == null ? Set.of() : Set.copyOf(explicitNulls);
    }

    public static SelectionRule include(String id, String schema, String table) {
        return new SelectionRule(id, id, ObjectLocator.table(schema, table), Action.INCLUDE, null, null, Set.of());
    }

    @Override
    public String ruleType() {
        return "selection";
    }
}
