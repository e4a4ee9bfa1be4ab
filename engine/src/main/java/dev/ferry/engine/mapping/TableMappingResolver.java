package dev.ferry.engine.mapping;

import dev.ferry.engine.load.RowFilter;
import dev.ferry.model.project.ObjectLocator;
import dev.ferry.model.project.SelectionRule;
import dev.ferry.model.project.TableMappingRule;
import dev.ferry.model.project.TableMappings;
import dev.ferry.model.project.TableSettingsRule;
import dev.ferry.model.project.TransformationRule;
import dev.ferry.model.schema.Column;
import dev.ferry.model.schema.DatabaseModel;
import dev.ferry.model.schema.QualifiedName;
import dev.ferry.model.schema.Schema;
import dev.ferry.model.schema.Table;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies a project's AWS DMS table mappings to a source catalog: which tables are selected, under which target names,
 * with which columns, source row filters and table settings. Stateless and thread-safe.
 *
 * <p>Semantics (as in DMS):
 * <ul>
 *   <li>Selection: a table is selected when an {@code include} or {@code explicit} rule matches its schema and table
 *       ({@code %} any run, {@code _} one character, case-sensitive) and no {@code exclude} rule does: exclude wins
 *       whatever the rule order. {@code explicit} rules may not use wildcards. Only tables are selected (views are not
 *       loaded).</li>
 *   <li>Filters: conditions on one column are OR-ed, filters on different columns AND-ed; when several selecting rules
 *       match a table their row sets are united (a matching rule without filters selects every row).</li>
 *   <li>Transformations apply in rule order (numeric {@code rule-id} order, else document order), each to the name
 *       produced by the earlier ones, so {@code convert-lowercase} then {@code add-prefix} compose and a later
 *       {@code rename} wins. Object locators match the SOURCE names.</li>
 *   <li>{@code table-settings}: the first matching rule in document order.</li>
 * </ul>
 * Every error is a {@link MappingException} naming the rule-id.
 */
public final class TableMappingResolver {

    private static final Pattern COLUMN_REF = Pattern.compile("\\s*\\$([A-Za-z_][A-Za-z0-9_$]*)\\s*");

    private final List<SelectionRule> selections = new ArrayList<>();
    private final List<TransformationRule> transformations = new ArrayList<>();
    private final List<TableSettingsRule> tableSettings = new ArrayList<>();

    public TableMappingResolver(TableMappings mappings) {
        for (TableMappingRule r : mappings.rules()) {
            if (r instanceof SelectionRule) {
                selections.add((SelectionRule) r);
            } else if (r instanceof TransformationRule) {
                transformations.add((TransformationRule) r);
            } else if (r instanceof TableSettingsRule) {
                tableSettings.add((TableSettingsRule) r);
            }
        }
        List<TransformationRule> ordered = new ArrayList<>(transformations);
        ordered.sort(Comparator.comparingLong(TableMappingResolver::order));
        transformations.clear();
        transformations.addAll(ordered);
        for (SelectionRule s : selections) {
            check(s);
        }
        for (TransformationRule t : transformations) {
            check(t);
        }
    }

    /** The table-settings rules, in document order (for {@code LoadPlanner.withTableSettings}). */
    public List<TableSettingsRule> tableSettings() {
        return List.copyOf(tableSettings);
    }

    /**
     * The schema names the selection rules can match without a wildcard, or empty when some rule's schema is a pattern
     * (then every schema must be read).
     */
    public List<String> selectedSchemas() {
        List<String> out = new ArrayList<>();
        for (SelectionRule s : selections) {
            if (s.ruleAction() == SelectionRule.Action.EXCLUDE) {
                continue;
            }
            String schema = s.objectLocator().schemaName();
            if (hasWildcard(schema)) {
                return List.of();
            }
            if (!out.contains(schema)) {
                out.add(schema);
            }
        }
        return out;
    }

    /** The selected tables of {@code source}, in catalog order, with every rule applied. */
    public List<ResolvedTable> resolve(DatabaseModel source) {
        List<ResolvedTable> out = new ArrayList<>();
        Map<String, ResolvedTable> byTarget = new HashMap<>();
        for (Schema schema : source.schemas()) {
            for (Table table : schema.tables()) {
                String schemaName = table.schema() == null ? schema.name() : table.schema();
                ResolvedTable r = resolve(schemaName, table);
                if (r == null) {
                    continue;
                }
                String key = r.target().toString().toLowerCase(Locale.ROOT);
                ResolvedTable other = byTarget.putIfAbsent(key, r);
                if (other != null) {
                    throw new MappingException(lastRenamingRule(schemaName, table), "tables " + other.source().qualifiedName()
                            + " and " + table.qualifiedName() + " both map to target table " + r.target());
                }
                out.add(r);
            }
        }
        return out;
    }

    private ResolvedTable resolve(String schemaName, Table table) {
        List<SelectionRule> selecting = new ArrayList<>();
        for (SelectionRule s : selections) {
            if (!matchesTable(s.objectLocator(), schemaName, table.name())) {
                continue;
            }
            if (s.ruleAction() == SelectionRule.Action.EXCLUDE) {
                return null; // exclude wins
            }
            selecting.add(s);
        }
        if (selecting.isEmpty()) {
            return null;
        }
        RowFilter filter = filter(selecting, table);
        int loadOrder = selecting.stream().mapToInt(s -> s.loadOrder() == null ? 0 : (int) s.loadOrder().value())
                .max().orElse(0);

        String targetSchema = schemaName;
        String targetTable = table.name();
        List<String> cols = new ArrayList<>();
        List<Boolean> removed = new ArrayList<>();
        List<TransformationRule.DataType> types = new ArrayList<>();
        List<List<String>> ruleIds = new ArrayList<>();
        for (Column c : table.columns()) {
            cols.add(c.name());
            removed.add(false);
            types.add(null);
            ruleIds.add(new ArrayList<>());
        }
        List<AddedColumn> added = new ArrayList<>();
        List<String> primaryKey = List.of();
        String pkRule = null;
        for (TransformationRule t : transformations) {
            ObjectLocator l = t.objectLocator();
            switch (t.ruleTarget()) {
                case SCHEMA -> {
                    if (ObjectLocator.matches(l.schemaName(), schemaName)) {
                        targetSchema = rename(t, targetSchema);
                    }
                }
                case TABLE -> {
                    if (!matchesTable(l, schemaName, table.name())) {
                        break;
                    }
                    if (t.ruleAction() == TransformationRule.Action.DEFINE_PRIMARY_KEY) {
                        primaryKey = t.primaryKeyDef().columns();
                        pkRule = t.ruleId();
                    } else if (t.ruleAction() == TransformationRule.Action.ADD_COLUMN) {
                        added.add(added(t, table));
                    } else if (t.ruleAction() != TransformationRule.Action.ADD_BEFORE_IMAGE_COLUMNS) {
                        targetTable = rename(t, targetTable);
                    }
                }
                case COLUMN -> {
                    if (!matchesTable(l, schemaName, table.name())) {
                        break;
                    }
                    if (t.ruleAction() == TransformationRule.Action.ADD_COLUMN) {
                        added.add(added(t, table));
                        break;
                    }
                    for (int i = 0; i < cols.size(); i++) {
                        Column c = table.columns().get(i);
                        if (!ObjectLocator.matches(l.columnName(), c.name())
                                || l.dataType() != null && !l.dataType().equalsIgnoreCase(c.type().name())) {
                            continue;
                        }
                        ruleIds.get(i).add(t.ruleId());
                        switch (t.ruleAction()) {
                            case REMOVE_COLUMN -> removed.set(i, true);
                            case CHANGE_DATA_TYPE -> types.set(i, t.dataType());
                            default -> cols.set(i, rename(t, cols.get(i)));
                        }
                    }
                }
                default -> {
                    // tablespace rules only concern an Oracle target's DDL
                }
            }
        }
        List<ResolvedColumn> columns = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < cols.size(); i++) {
            columns.add(new ResolvedColumn(table.columns().get(i).name(), cols.get(i), removed.get(i), types.get(i), ruleIds.get(i)));
            if (!removed.get(i)) {
                claim(seen, cols.get(i), ruleIds.get(i).isEmpty() ? null : ruleIds.get(i).get(ruleIds.get(i).size() - 1), table);
            }
        }
        for (AddedColumn a : added) {
            claim(seen, a.name(), a.ruleId(), table);
        }
        for (String k : primaryKey) {
            if (!seen.containsKey(k.toLowerCase(Locale.ROOT))) {
                throw new MappingException(pkRule, "define-primary-key on " + table.qualifiedName() + ": no target column "
                        + k + " (target columns: " + String.join(", ", seen.values()) + ")");
            }
        }
        TableSettingsRule settings = tableSettings.stream()
                .filter(r -> r.objectLocator() != null && matchesTable(r.objectLocator(), schemaName, table.name()))
                .findFirst().orElse(null);
        return new ResolvedTable(table, new QualifiedName(targetSchema, targetTable), columns, added, filter, settings,
                primaryKey, loadOrder);
    }

    private static void claim(Map<String, String> seen, String name, String ruleId, Table table) {
        String prev = seen.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
        if (prev != null) {
            throw new MappingException(ruleId == null ? "?" : ruleId, "table " + table.qualifiedName()
                    + " would get two target columns named " + name);
        }
    }

    private static AddedColumn added(TransformationRule t, Table table) {
        Matcher m = t.expression() == null ? null : COLUMN_REF.matcher(t.expression());
        String sourceColumn = null;
        if (m != null && m.matches()) {
            sourceColumn = table.column(m.group(1)).map(Column::name).orElseThrow(() -> new MappingException(t.ruleId(),
                    "add-column " + t.value() + " on " + table.qualifiedName() + ": the expression refers to $" + m.group(1)
                            + ", which is not a column of the source table"));
        }
        if (sourceColumn == null && t.expression() != null) {
            List<Column> args = new ArrayList<>();
            for (String n : dev.ferry.engine.load.ColumnExpression.parameterNames(t.expression())) {
                args.add(table.column(n).orElseThrow(() -> new MappingException(t.ruleId(), "add-column " + t.value()
                        + " on " + table.qualifiedName() + ": the expression refers to $" + n
                        + ", which is not a column of the source table")));
            }
            try {
                new dev.ferry.engine.load.ColumnExpression(t.ruleId(), t.value(), t.expression(), args).check();
            } catch (java.sql.SQLException e) {
                throw new MappingException(t.ruleId(), "add-column " + t.value() + " on " + table.qualifiedName() + ": '"
                        + t.expression() + "' is not a valid SQLite expression: " + e.getMessage());
            }
        }
        return new AddedColumn(t.ruleId(), t.value(), t.dataType(), t.expression(), sourceColumn);
    }

    /** Applies a naming action of {@code t} to {@code name}. */
    static String rename(TransformationRule t, String name) {
        String v = t.value();
        String old = t.oldValue();
        return switch (t.ruleAction()) {
            case RENAME -> v;
            case ADD_PREFIX -> v + name;
            case REMOVE_PREFIX -> name.startsWith(v) ? name.substring(v.length()) : name;
            case REPLACE_PREFIX -> name.startsWith(old) ? v + name.substring(old.length()) : name;
            case ADD_SUFFIX -> name + v;
            case REMOVE_SUFFIX -> name.endsWith(v) ? name.substring(0, name.length() - v.length()) : name;
            case REPLACE_SUFFIX -> name.endsWith(old) ? name.substring(0, name.length() - old.length()) + v : name;
            case CONVERT_LOWERCASE -> name.toLowerCase(Locale.ROOT);
            case CONVERT_UPPERCASE -> name.toUpperCase(Locale.ROOT);
            default -> throw new MappingException(t.ruleId(), "rule-action " + t.ruleAction() + " does not rename a "
                    + t.ruleTarget().name().toLowerCase(Locale.ROOT));
        };
    }

    private String lastRenamingRule(String schemaName, Table table) {
        String id = "?";
        for (TransformationRule t : transformations) {
            if ((t.ruleTarget() == TransformationRule.Target.TABLE && matchesTable(t.objectLocator(), schemaName, table.name()))
                    || (t.ruleTarget() == TransformationRule.Target.SCHEMA
                    && ObjectLocator.matches(t.objectLocator().schemaName(), schemaName))) {
                id = t.ruleId();
            }
        }
        return id;
    }

    private static RowFilter filter(List<SelectionRule> selecting, Table table) {
        List<List<RowFilter.ColumnFilter>> alternatives = new ArrayList<>();
        for (SelectionRule s : selecting) {
            if (s.filters() == null || s.filters().isEmpty()) {
                return null; // this rule selects every row: the union is every row
            }
            List<RowFilter.ColumnFilter> alt = new ArrayList<>();
            for (SelectionRule.Filter f : s.filters()) {
                alt.add(columnFilter(s.ruleId(), f, table));
            }
            alternatives.add(alt);
        }
        return new RowFilter(alternatives);
    }

    private static RowFilter.ColumnFilter columnFilter(String ruleId, SelectionRule.Filter f, Table table) {
        if (f.filterType() != null && !f.filterType().equalsIgnoreCase("source")) {
            throw new MappingException(ruleId, "filter-type '" + f.filterType() + "' is not supported (only 'source')");
        }
        if (f.columnName() == null) {
            throw new MappingException(ruleId, "a filter has no column-name");
        }
        Column c = table.column(f.columnName()).orElseThrow(() -> new MappingException(ruleId, "filter column "
                + f.columnName() + " is not a column of " + table.qualifiedName()));
        if (f.filterConditions() == null || f.filterConditions().isEmpty()) {
            throw new MappingException(ruleId, "the filter on " + f.columnName() + " has no filter-conditions");
        }
        List<RowFilter.Condition> conds = new ArrayList<>();
        for (SelectionRule.Condition sc : f.filterConditions()) {
            if (sc.filterOperator() == null) {
                throw new MappingException(ruleId, "a filter condition on " + f.columnName() + " has no filter-operator");
            }
            RowFilter.Op op = switch (sc.filterOperator()) {
                case STE, LTE -> RowFilter.Op.LTE;
                case GTE -> RowFilter.Op.GTE;
                case EQ -> RowFilter.Op.EQ;
                case NOTEQ -> RowFilter.Op.NOTEQ;
                case BETWEEN -> RowFilter.Op.BETWEEN;
                case NOTBETWEEN -> RowFilter.Op.NOTBETWEEN;
                case NULL -> RowFilter.Op.NULL;
                case NOTNULL -> RowFilter.Op.NOTNULL;
            };
            String opName = sc.filterOperator().name().toLowerCase(Locale.ROOT);
            switch (op) {
                case BETWEEN, NOTBETWEEN -> {
                    if (sc.startValue() == null || sc.endValue() == null) {
                        throw new MappingException(ruleId, "filter-operator " + opName + " on " + f.columnName()
                                + " needs start-value and end-value");
                    }
                    conds.add(new RowFilter.Condition(op, sc.startValue(), sc.endValue()));
                }
                case NULL, NOTNULL -> conds.add(new RowFilter.Condition(op, null, null));
                default -> {
                    if (sc.value() == null) {
                        throw new MappingException(ruleId, "filter-operator " + opName + " on " + f.columnName() + " needs a value");
                    }
                    conds.add(new RowFilter.Condition(op, sc.value(), null));
                }
            }
        }
        return new RowFilter.ColumnFilter(c.name(), conds);
    }

    private static boolean matchesTable(ObjectLocator l, String schemaName, String tableName) {
        return l != null && ObjectLocator.matches(l.schemaName(), schemaName)
                && ObjectLocator.matches(l.tableName() == null ? "%" : l.tableName(), tableName);
    }

    private static boolean hasWildcard(String pattern) {
        return pattern == null || pattern.contains("%") || pattern.contains("_");
    }

    private static long order(TransformationRule t) {
        try {
            return Long.parseLong(t.ruleId().trim());
        } catch (RuntimeException e) {
            return Long.MAX_VALUE;
        }
    }

    private static void check(SelectionRule s) {
        ObjectLocator l = s.objectLocator();
        if (l == null || l.schemaName() == null) {
            throw new MappingException(s.ruleId(), "the object-locator needs a schema-name");
        }
        if (s.ruleAction() == null) {
            throw new MappingException(s.ruleId(), "no rule-action");
        }
        if (s.ruleAction() == SelectionRule.Action.EXPLICIT
                && (l.schemaName().contains("%") || l.tableName() == null || l.tableName().contains("%"))) {
            throw new MappingException(s.ruleId(), "an explicit selection names one table: no '%' wildcard in schema-name"
                    + " or table-name");
        }
    }

    private static void check(TransformationRule t) {
        if (t.ruleTarget() == null || t.ruleAction() == null || t.objectLocator() == null
                || t.objectLocator().schemaName() == null) {
            throw new MappingException(t.ruleId(), "a transformation needs rule-target, rule-action and an object-locator"
                    + " with a schema-name");
        }
        TransformationRule.Action a = t.ruleAction();
        TransformationRule.Target target = t.ruleTarget();
        boolean naming = switch (a) {
            case RENAME, ADD_PREFIX, REMOVE_PREFIX, REPLACE_PREFIX, ADD_SUFFIX, REMOVE_SUFFIX, REPLACE_SUFFIX,
                    CONVERT_LOWERCASE, CONVERT_UPPERCASE -> true;
            default -> false;
        };
        String what = "rule-action " + a.name().toLowerCase(Locale.ROOT).replace('_', '-');
        if (naming && (a != TransformationRule.Action.CONVERT_LOWERCASE && a != TransformationRule.Action.CONVERT_UPPERCASE)
                && (t.value() == null || t.value().isEmpty() && a == TransformationRule.Action.RENAME)) {
            throw new MappingException(t.ruleId(), what + " needs a value");
        }
        if ((a == TransformationRule.Action.REPLACE_PREFIX || a == TransformationRule.Action.REPLACE_SUFFIX) && t.oldValue() == null) {
            throw new MappingException(t.ruleId(), what + " needs an old-value");
        }
        switch (a) {
            case REMOVE_COLUMN, CHANGE_DATA_TYPE -> {
                if (target != TransformationRule.Target.COLUMN) {
                    throw new MappingException(t.ruleId(), what + " applies to rule-target column only");
                }
                if (a == TransformationRule.Action.CHANGE_DATA_TYPE && (t.dataType() == null || t.dataType().type() == null)) {
                    throw new MappingException(t.ruleId(), what + " needs a data-type");
                }
            }
            case ADD_COLUMN -> {
                if (target != TransformationRule.Target.COLUMN && target != TransformationRule.Target.TABLE) {
                    throw new MappingException(t.ruleId(), what + " applies to rule-target column");
                }
                if (t.value() == null || t.value().isBlank()) {
                    throw new MappingException(t.ruleId(), what + " needs the new column's name as value");
                }
                if (t.expression() == null || t.expression().isBlank()) {
                    throw new MappingException(t.ruleId(), what + " needs an expression");
                }
            }
            case DEFINE_PRIMARY_KEY -> {
                if (target != TransformationRule.Target.TABLE) {
                    throw new MappingException(t.ruleId(), what + " applies to rule-target table only");
                }
                if (t.primaryKeyDef() == null || t.primaryKeyDef().columns().isEmpty()) {
                    throw new MappingException(t.ruleId(), what + " needs a primary-key-def with columns");
                }
            }
            default -> {
                if (naming && target != TransformationRule.Target.SCHEMA && target != TransformationRule.Target.TABLE
                        && target != TransformationRule.Target.COLUMN) {
                    throw new MappingException(t.ruleId(), what + " cannot rename a " + target.name().toLowerCase(Locale.ROOT));
                }
            }
        }
    }
}
