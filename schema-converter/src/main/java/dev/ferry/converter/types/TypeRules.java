package dev.ferry.converter.types;

import dev.ferry.converter.assess.ActionCode;
import dev.ferry.converter.assess.ActionItem;
import dev.ferry.model.project.TypeMappingRule;
import dev.ferry.model.schema.DataType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The user type-mapping rules of one conversion, for every direction: which rule decides a column's target type (the
 * most specific scope wins — column over table over schema over project, as in SSMA; within a scope the first in list
 * order; see {@link TypeMappingRule#resolve}) and what it makes of the type: the rule's {@code targetType}, or the
 * direction's default mapping, then the rule's SCT-style {@link TypeMappingRule.TypeTransformation}s in order (scale
 * the length, change the type name, add or remove a prefix or suffix on the name).
 *
 * <p>Each application yields an INFO item naming the rule (its 1-based position in the list and its scope) so the
 * assessment shows which rule applied to each column; a transformation that cannot apply (no length to scale, a
 * prefix that is not there) yields a LOW item instead of being ignored.
 *
 * <p>Threading: immutable and thread-safe.
 */
public final class TypeRules {

    /**
     * A rule's outcome for one column.
     *
     * @param targetType the target type text after the rule and its transformations
     * @param rule       the rule that applied
     * @param number     its 1-based position in the rule list
     * @param items      the TYPE_RULE_APPLIED item, plus one per transformation that did not apply
     */
    public record Applied(String targetType, TypeMappingRule rule, int number, List<ActionItem> items) {
        public Applied {
            items = List.copyOf(items);
        }
    }

    private final List<TypeMappingRule> rules;

    public TypeRules(List<TypeMappingRule> rules) {
        this.rules = List.copyOf(rules == null ? List.of() : rules);
    }

    public List<TypeMappingRule> rules() {
        return rules;
    }

    /** The rule that decides the type of {@code schema.table.column} (source spellings), if any. */
    public Optional<TypeMappingRule> winner(String schema, String table, String column, DataType type) {
        Integer len = type.length() == null ? null : (int) Math.min(Integer.MAX_VALUE, type.length());
        return TypeMappingRule.resolve(rules, schema, table, column, type.name(), len, type.precision(), type.scale());
    }

    /**
     * Applies the winning rule to a column.
     *
     * @param defaultType the direction's default target type for the column (only called for rules without a
     *                    {@code targetType}); may return {@code null} when the direction has none
     * @return the outcome, or empty when no rule matches (the default mapping applies unchanged)
     */
    public Optional<Applied> apply(String schema, String table, String column, DataType type, Supplier<String> defaultType) {
        Optional<TypeMappingRule> winner = winner(schema, table, column, type);
        if (winner.isEmpty()) {
            return Optional.empty();
        }
        TypeMappingRule r = winner.get();
        int number = indexOf(r) + 1;
        String label = "type mapping rule #" + number + " (" + r.where() + ", " + r.sourceType() + ")";
        List<ActionItem> items = new ArrayList<>();
        String base = r.targetType() != null ? r.targetType() : defaultType.get();
        if (base == null) {
            items.add(ActionItem.of(ActionCode.TYPE_RULE_TRANSFORMATION_SKIPPED, "Column " + column + ": " + type.declared()
                    + " has no default target type for the transformations of " + label + " to change; give the rule a targetType"));
            return Optional.of(new Applied(null, r, number, items));
        }
        List<String> skipped = new ArrayList<>();
        String result = transform(base, r.typeTransformations(), skipped);
        items.add(ActionItem.of(ActionCode.TYPE_RULE_APPLIED, "Column " + column + ": " + type.declared() + " → " + result
                + " by " + label));
        for (String s : skipped) {
            items.add(ActionItem.of(ActionCode.TYPE_RULE_TRANSFORMATION_SKIPPED, "Column " + column + ": " + label + ": " + s));
        }
        return Optional.of(new Applied(result, r, number, items));
    }

    private int indexOf(TypeMappingRule r) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i) == r) {
                return i;
            }
        }
        return rules.indexOf(r);
    }

    /**
     * Applies {@code transformations} to a target type text in order.
     *
     * @param skipped receives one line per transformation that could not apply
     */
    public static String transform(String type, List<TypeMappingRule.TypeTransformation> transformations, List<String> skipped) {
        String t = type.strip();
        for (TypeMappingRule.TypeTransformation x : transformations) {
            int paren = t.indexOf('(');
            String name = (paren < 0 ? t : t.substring(0, paren)).strip();
            String mods = paren < 0 ? "" : t.substring(paren);
            String lower = name.toLowerCase(Locale.ROOT);
            switch (x.action()) {
                case SCALE_LENGTH -> {
                    Integer n = singleModifier(mods);
                    if (n == null) {
                        skipped.add("scale-length " + x.percent() + "%: " + t + " has no single length to scale");
                    } else {
                        long scaled = Math.max(1, ((long) n * x.percent() + 99) / 100);
                        t = name + "(" + scaled + ")" + mods.substring(mods.indexOf(')') + 1);
                    }
                }
                case CHANGE_TYPE -> t = x.value().strip() + mods;
                case ADD_PREFIX -> t = x.value() + name + mods;
                case ADD_SUFFIX -> t = name + x.value() + mods;
                case REMOVE_PREFIX -> {
                    if (lower.startsWith(x.value().toLowerCase(Locale.ROOT)) && name.length() > x.value().length()) {
                        t = name.substring(x.value().length()).strip() + mods;
                    } else {
                        skipped.add("remove-prefix '" + x.value() + "': " + t + " does not start with it");
                    }
                }
                case REMOVE_SUFFIX -> {
                    if (lower.endsWith(x.value().toLowerCase(Locale.ROOT)) && name.length() > x.value().length()) {
                        t = name.substring(0, name.length() - x.value().length()).strip() + mods;
                    } else {
                        skipped.add("remove-suffix '" + x.value() + "': " + t + " does not end with it");
                    }
                }
                default -> throw new IllegalStateException(x.action().name());
            }
        }
        return t;
    }

    /** The length in {@code (n)} or {@code (n) ...}; {@code null} for none or several modifiers. */
    private static Integer singleModifier(String mods) {
        if (!mods.startsWith("(")) {
            return null;
        }
        int close = mods.indexOf(')');
        if (close < 0) {
            return null;
        }
        String inner = mods.substring(1, close).strip();
        // Oracle-style "40 char" / "40 byte" length semantics keep their number
        String number = inner.split("\\s+")[0];
        if (inner.contains(",") || !number.chars().allMatch(Character::isDigit) || number.isEmpty()) {
            return null;
        }
        try {
            return Integer.parseInt(number);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
