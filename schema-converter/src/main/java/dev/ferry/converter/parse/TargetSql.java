package dev.ferry.converter.parse;

import dev.ferry.converter.assess.ActionItem;

import java.util.List;
import java.util.Set;

/**
 * An expression or query translated into a target dialect.
 *
 * @param sql        the target text (a best effort when {@code translated} is false)
 * @param items      action items raised while translating
 * @param tables     relations the fragment reads (target spelling, unquoted), for deploy dependencies
 * @param translated false when some construct has no translation: the object must then stay MANUAL
 */
public record TargetSql(String sql, List<ActionItem> items, Set<String> tables, boolean translated) {

    public TargetSql {
        items = List.copyOf(items);
        tables = Set.copyOf(tables);
    }

    /** A fragment that could not be translated, with one item saying why. */
    public static TargetSql failed(String text, ActionItem why) {
        return new TargetSql(text, List.of(why), Set.of(), false);
    }
}
