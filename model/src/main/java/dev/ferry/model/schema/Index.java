package dev.ferry.model.schema;

import java.util.List;

/**
 * A secondary index (including the ones backing constraints when the engine reports them separately).
 *
 * @param method    access method in lower case: {@code btree}, {@code hash}, {@code gin}, {@code gist}, {@code bitmap},
 *                  {@code fulltext}, {@code spatial}, {@code reverse}...
 * @param where     a partial index's predicate, or {@code null}
 * @param constraintBacked true when the index only exists to enforce a primary key or unique constraint
 */
public record Index(String name, boolean unique, List<Element> elements, String method, String where,
                    boolean constraintBacked, String comment) {

    /**
     * One indexed column or expression. Exactly one of {@code column} and {@code expression} is set.
     * {@code prefixLength} is MySQL's indexed prefix length ({@code KEY (name(10))}), else {@code null}.
     */
    public record Element(String column, String expression, boolean descending, Integer prefixLength) {

        public Element(String column, String expression, boolean descending) {
            this(column, expression, descending, null);
        }

        public static Element column(String name) {
            return new Element(name, null, false, null);
        }

        public static Element expression(String sql) {
            return new Element(null, sql, false, null);
        }

        public boolean isExpression() {
            return expression != null;
        }
    }

    public Index {
        elements = Lists.copy(elements);
    }

    public boolean isPartial() {
        return where != null;
    }

    public boolean hasExpressions() {
        return elements.stream().anyMatch(Element::isExpression);
    }
}
