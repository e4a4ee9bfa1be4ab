package dev.ferry.app.gui.mappings;

import dev.ferry.model.project.DmsInteger;
import dev.ferry.model.project.ObjectLocator;
import dev.ferry.model.project.SelectionRule;
import dev.ferry.model.project.TableMappingRule;
import dev.ferry.model.project.TableSettingsRule;
import dev.ferry.model.project.TransformationRule;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The rule form of the Table mappings section: one DMS rule of any supported kind as editable text, with the set of
 * fields the chosen kind needs ({@link #fields()}), conversion to a rule ({@link #build}) that refuses invalid input with
 * a message naming the field, and {@link #load} of an existing rule for editing in place.
 *
 * <p>A selection rule's {@code load-order} (a whole number; tables with a higher one load first) and a
 * {@code partitions-list} parallel load's {@code partitions} and {@code subpartitions} (comma-separated names) are
 * fields of the form. Editing keeps what the form does not show: further filters and conditions; a table-settings rule's
 * other half ({@code lob-settings} when editing {@code parallel-load} and the reverse), {@code number-of-partitions} and
 * {@code batch-size}; a number's spelling (a quoted {@code "3"} stays quoted while its value is unchanged); keys the
 * document wrote as {@code null}. Rules the form cannot show faithfully ({@code explicit} selections, tablespace targets,
 * before-image columns, columns chosen by data type) are refused by {@link #load}.
 *
 * <p>Holds no JavaFX nodes; uses JavaFX properties only. UI thread only.
 */
public final class RuleForm {

    /** The rule kinds the form can create, each one DMS rule-type + rule-action (or table-settings part). */
    public enum Kind {
        INCLUDE("selection", "include"), EXCLUDE("selection", "exclude"),
        RENAME("transformation", "rename"), ADD_PREFIX("transformation", "add-prefix"),
        REMOVE_PREFIX("transformation", "remove-prefix"), REPLACE_PREFIX("transformation", "replace-prefix"),
        ADD_SUFFIX("transformation", "add-suffix"), REMOVE_SUFFIX("transformation", "remove-suffix"),
        REPLACE_SUFFIX("transformation", "replace-suffix"), CONVERT_LOWERCASE("transformation", "convert-lowercase"),
        CONVERT_UPPERCASE("transformation", "convert-uppercase"), REMOVE_COLUMN("transformation", "remove-column"),
        ADD_COLUMN("transformation", "add-column"), CHANGE_DATA_TYPE("transformation", "change-data-type"),
        DEFINE_PRIMARY_KEY("transformation", "define-primary-key"),
        PARALLEL_LOAD("table-settings", "parallel-load"), LOB_SETTINGS("table-settings", "lob-settings");

        private final String ruleType;
        private final String action;

        Kind(String ruleType, String action) {
            this.ruleType = ruleType;
            this.action = action;
        }

        public String ruleType() {
            return ruleType;
        }

        public String action() {
            return action;
        }

        /** Whether the rule-target (schema / table / column) is chosen by the user; otherwise it is fixed. */
        public boolean targetChoosable() {
            return ruleType.equals("transformation") && ordinal() <= CONVERT_UPPERCASE.ordinal();
        }

        @Override
        public String toString() {
            return ruleType + ": " + action;
        }
    }

    /** The fields of the form; {@link #fields()} says which the current kind shows. */
    public enum Field {
        TARGET, SCHEMA, TABLE, COLUMN, VALUE, OLD_VALUE, FILTER_COLUMN, FILTER_OPERATOR, FILTER_VALUE, FILTER_END,
        LOAD_ORDER, DATA_TYPE, LENGTH, PRECISION, SCALE, EXPRESSION, KEY_NAME, KEY_COLUMNS, PARALLEL_TYPE, PARALLEL_COLUMNS,
        BOUNDARIES, PARTITIONS, SUBPARTITIONS, LOB_MODE, BULK_MAX_SIZE
    }

    /** A form that is not a valid rule; the message names the field. */
    public static final class InvalidRuleException extends Exception {
        InvalidRuleException(String message) {
            super(message);
        }
    }

    public static final List<String> TARGETS = List.of("schema", "table", "column");
    public static final List<String> OPERATORS = List.of("eq", "noteq", "ste", "gte", "between", "notbetween", "null", "notnull");
    public static final List<String> PARALLEL_TYPES = List.of("none", "ranges", "partitions-auto", "subpartitions-auto",
            "partitions-list");
    public static final List<String> LOB_MODES = List.of("limited", "unlimited", "none");

    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(Kind.INCLUDE);
    private final Map<Field, StringProperty> values = new EnumMap<>(Field.class);
    private final ReadOnlyObjectWrapper<Set<Field>> fields = new ReadOnlyObjectWrapper<>(Set.of());

    public RuleForm() {
        for (Field f : Field.values()) {
            StringProperty p = new SimpleStringProperty("");
            values.put(f, p);
        }
        clear();
        kind.addListener((obs, o, k) -> {
            if (k != null && !k.targetChoosable()) {
                property(Field.TARGET).set(fixedTarget(k));
            }
            updateFields();
        });
        property(Field.TARGET).addListener((obs, o, n) -> updateFields());
        property(Field.FILTER_OPERATOR).addListener((obs, o, n) -> updateFields());
        property(Field.PARALLEL_TYPE).addListener((obs, o, n) -> updateFields());
        updateFields();
    }

    /** Empties every field (defaults for the choice fields); the kind stays. */
    public void clear() {
        values.values().forEach(p -> p.set(""));
        property(Field.TARGET).set(kind.get() == null || kind.get().targetChoosable() ? "table" : fixedTarget(kind.get()));
        property(Field.PARALLEL_TYPE).set("ranges");
        property(Field.LOB_MODE).set("limited");
    }

    public ObjectProperty<Kind> kindProperty() {
        return kind;
    }

    /** The text of {@code field} (choice fields hold their DMS spelling, e.g. {@code gte}, {@code int4}). */
    public StringProperty property(Field field) {
        return values.get(field);
    }

    /** The fields the current kind (and target, operator, parallel-load type) needs. */
    public ReadOnlyObjectProperty<Set<Field>> fieldsProperty() {
        return fields.getReadOnlyProperty();
    }

    public Set<Field> fields() {
        return fields.get();
    }

    /** The label of {@code field} for the current kind (the name error messages use). */
    public String label(Field field) {
        Kind k = kind.get();
        return switch (field) {
            case TARGET -> "Rule target";
            case SCHEMA -> "Schema";
            case TABLE -> "Table";
            case COLUMN -> "Column";
            case VALUE -> switch (k) {
                case RENAME -> "New name";
                case ADD_PREFIX, REMOVE_PREFIX -> "Prefix";
                case REPLACE_PREFIX -> "New prefix";
                case ADD_SUFFIX, REMOVE_SUFFIX -> "Suffix";
                case REPLACE_SUFFIX -> "New suffix";
                case ADD_COLUMN -> "Column name";
                default -> "Value";
            };
            case OLD_VALUE -> k == Kind.REPLACE_SUFFIX ? "Old suffix" : "Old prefix";
            case FILTER_COLUMN -> "Filter column";
            case FILTER_OPERATOR -> "Operator";
            case FILTER_VALUE -> isRangeOperator() ? "Start value" : "Value";
            case FILTER_END -> "End value";
            case LOAD_ORDER -> "Load order";
            case DATA_TYPE -> "Data type";
            case LENGTH -> "Length";
            case PRECISION -> "Precision";
            case SCALE -> "Scale";
            case EXPRESSION -> "Expression";
            case KEY_NAME -> "Key name";
            case KEY_COLUMNS -> "Key columns";
            case PARALLEL_TYPE -> "Parallel load";
            case PARALLEL_COLUMNS -> "Range columns";
            case BOUNDARIES -> "Boundaries";
            case PARTITIONS -> "Partitions";
            case SUBPARTITIONS -> "Subpartitions";
            case LOB_MODE -> "LOB mode";
            case BULK_MAX_SIZE -> "Bulk max size (KB)";
        };
    }

    private boolean isRangeOperator() {
        String op = text(Field.FILTER_OPERATOR);
        return op.equals("between") || op.equals("notbetween");
    }

    private void updateFields() {
        Kind k = kind.get();
        EnumSet<Field> s = EnumSet.of(Field.SCHEMA);
        if (k == null) {
            fields.set(Set.copyOf(s));
            return;
        }
        String target = text(Field.TARGET);
        switch (k.ruleType()) {
            case "selection" -> {
                s.addAll(List.of(Field.TABLE, Field.FILTER_COLUMN, Field.FILTER_OPERATOR));
                String op = text(Field.FILTER_OPERATOR);
                if (!op.equals("null") && !op.equals("notnull")) {
                    s.add(Field.FILTER_VALUE);
                }
                if (isRangeOperator()) {
                    s.add(Field.FILTER_END);
                }
                s.add(Field.LOAD_ORDER);
            }
            case "transformation" -> {
                if (k.targetChoosable()) {
                    s.add(Field.TARGET);
                }
                if (!target.equals("schema")) {
                    s.add(Field.TABLE);
                }
                if (target.equals("column") && k != Kind.ADD_COLUMN) {
                    s.add(Field.COLUMN);
                }
                switch (k) {
                    case RENAME, ADD_PREFIX, REMOVE_PREFIX, ADD_SUFFIX, REMOVE_SUFFIX -> s.add(Field.VALUE);
                    case REPLACE_PREFIX, REPLACE_SUFFIX -> s.addAll(List.of(Field.VALUE, Field.OLD_VALUE));
                    case ADD_COLUMN -> s.addAll(List.of(Field.VALUE, Field.DATA_TYPE, Field.LENGTH, Field.PRECISION,
                            Field.SCALE, Field.EXPRESSION));
                    case CHANGE_DATA_TYPE -> s.addAll(List.of(Field.DATA_TYPE, Field.LENGTH, Field.PRECISION, Field.SCALE));
                    case DEFINE_PRIMARY_KEY -> s.addAll(List.of(Field.KEY_NAME, Field.KEY_COLUMNS));
                    default -> { }
                }
            }
            default -> {
                s.add(Field.TABLE);
                if (k == Kind.PARALLEL_LOAD) {
                    s.add(Field.PARALLEL_TYPE);
                    if (text(Field.PARALLEL_TYPE).equals("ranges")) {
                        s.addAll(List.of(Field.PARALLEL_COLUMNS, Field.BOUNDARIES));
                    } else if (text(Field.PARALLEL_TYPE).equals("partitions-list")) {
                        s.addAll(List.of(Field.PARTITIONS, Field.SUBPARTITIONS));
                    }
                } else {
                    s.addAll(List.of(Field.LOB_MODE, Field.BULK_MAX_SIZE));
                }
            }
        }
        fields.set(Set.copyOf(s));
    }

    private static String fixedTarget(Kind k) {
        return switch (k) {
            case ADD_COLUMN, REMOVE_COLUMN, CHANGE_DATA_TYPE -> "column";
            default -> "table";
        };
    }

    private String text(Field f) {
        String s = values.get(f).get();
        return s == null ? "" : s.strip();
    }

    // ---- form → rule -----------------------------------------------------------------------------------------------

    /**
     * The rule the form describes, with {@code id} and {@code name}. {@code original} is the rule being edited in place
     * (its parts the form does not show are kept), or {@code null} for a new rule.
     */
    public TableMappingRule build(String id, String name, TableMappingRule original) throws InvalidRuleException {
        Kind k = kind.get();
        if (k == null) {
            throw new InvalidRuleException("Rule type: choose one.");
        }
        String schema = orAny(Field.SCHEMA);
        String table = orAny(Field.TABLE);
        return switch (k.ruleType()) {
            case "selection" -> selection(id, name, k, schema, table, original instanceof SelectionRule s ? s : null);
            case "transformation" -> transformation(id, name, k, schema, table,
                    original instanceof TransformationRule t ? t : null);
            default -> tableSettings(id, name, k, schema, table, original instanceof TableSettingsRule t ? t : null);
        };
    }

    private SelectionRule selection(String id, String name, Kind k, String schema, String table, SelectionRule original)
            throws InvalidRuleException {
        SelectionRule.Action action = k == Kind.INCLUDE ? SelectionRule.Action.INCLUDE : SelectionRule.Action.EXCLUDE;
        List<SelectionRule.Filter> filters = original == null || original.filters() == null ? new ArrayList<>()
                : new ArrayList<>(original.filters());
        String column = text(Field.FILTER_COLUMN);
        String op = text(Field.FILTER_OPERATOR);
        if (column.isEmpty()) {
            if (!op.isEmpty()) {
                throw missing(Field.FILTER_COLUMN);
            }
            if (!filters.isEmpty()) {
                filters.remove(0);
            }
        } else {
            if (op.isEmpty()) {
                throw missing(Field.FILTER_OPERATOR);
            }
            SelectionRule.Operator operator = SelectionRule.Operator.valueOf(op.toUpperCase(Locale.ROOT));
            SelectionRule.Condition c = switch (operator) {
                case BETWEEN, NOTBETWEEN -> new SelectionRule.Condition(operator, null, required(Field.FILTER_VALUE),
                        required(Field.FILTER_END));
                case NULL, NOTNULL -> new SelectionRule.Condition(operator, null, null, null);
                default -> new SelectionRule.Condition(operator, required(Field.FILTER_VALUE), null, null);
            };
            List<SelectionRule.Condition> conds = new ArrayList<>();
            conds.add(c);
            if (!filters.isEmpty()) {
                List<SelectionRule.Condition> old = filters.get(0).filterConditions();
                conds.addAll(old.subList(Math.min(1, old.size()), old.size()));
                filters.set(0, new SelectionRule.Filter("source", column, conds));
            } else {
                filters.add(new SelectionRule.Filter("source", column, conds));
            }
        }
        String tableType = original == null ? null : original.objectLocator().tableType();
        ObjectLocator loc = new ObjectLocator(schema, table, tableType, null, null, null, null);
        List<SelectionRule.Filter> fs = filters.isEmpty() && (original == null || original.filters() == null) ? null : filters;
        DmsInteger loadOrder = kept(number(Field.LOAD_ORDER, Integer.MAX_VALUE), original == null ? null : original.loadOrder());
        return new SelectionRule(id, name, loc, action, loadOrder, fs, original == null ? Set.of() : original.explicitNulls());
    }

    private TransformationRule transformation(String id, String name, Kind k, String schema, String table,
                                              TransformationRule original) throws InvalidRuleException {
        TransformationRule.Action action = TransformationRule.Action.valueOf(k.name());
        String target = k.targetChoosable() ? text(Field.TARGET) : fixedTarget(k);
        if (!TARGETS.contains(target)) {
            throw new InvalidRuleException("Rule target: choose schema, table or column.");
        }
        ObjectLocator loc;
        if (target.equals("schema")) {
            loc = new ObjectLocator(schema, null, null, null, null, null, null);
        } else if (target.equals("column") && k != Kind.ADD_COLUMN) {
            String column = switch (k) {
                case RENAME, REMOVE_COLUMN, CHANGE_DATA_TYPE -> required(Field.COLUMN);
                default -> orAny(Field.COLUMN);
            };
            loc = ObjectLocator.column(schema, table, column);
        } else {
            loc = ObjectLocator.table(schema, table);
        }
        String value = null;
        String oldValue = null;
        TransformationRule.DataType dataType = null;
        String expression = null;
        TransformationRule.PrimaryKeyDef pk = null;
        switch (k) {
            case RENAME, ADD_PREFIX, REMOVE_PREFIX, ADD_SUFFIX, REMOVE_SUFFIX -> value = required(Field.VALUE);
            case REPLACE_PREFIX, REPLACE_SUFFIX -> {
                value = required(Field.VALUE);
                oldValue = required(Field.OLD_VALUE);
            }
            case ADD_COLUMN -> {
                value = required(Field.VALUE);
                dataType = dataType();
                expression = text(Field.EXPRESSION).isEmpty() ? null : text(Field.EXPRESSION);
            }
            case CHANGE_DATA_TYPE -> dataType = dataType();
            case DEFINE_PRIMARY_KEY -> {
                String keyName = required(Field.KEY_NAME);
                List<String> columns = list(Field.KEY_COLUMNS, ",");
                if (columns.isEmpty()) {
                    throw missing(Field.KEY_COLUMNS);
                }
                String origin = original == null || original.primaryKeyDef() == null ? null : original.primaryKeyDef().origin();
                pk = new TransformationRule.PrimaryKeyDef(keyName, origin, columns);
            }
            default -> { }
        }
        TransformationRule.Target t = TransformationRule.Target.valueOf(target.toUpperCase(Locale.ROOT));
        return new TransformationRule(id, name, t, loc, action, value, oldValue, dataType, expression, pk, null,
                original == null ? Set.of() : original.explicitNulls());
    }

    private TransformationRule.DataType dataType() throws InvalidRuleException {
        String type = required(Field.DATA_TYPE);
        if (!TransformationRule.DMS_TYPES.contains(type)) {
            throw new InvalidRuleException("Data type: '" + type + "' is not a DMS type; expected one of "
                    + String.join(", ", TransformationRule.DMS_TYPES) + ".");
        }
        return new TransformationRule.DataType(type, number(Field.PRECISION), number(Field.SCALE), number(Field.LENGTH));
    }

    private TableSettingsRule tableSettings(String id, String name, Kind k, String schema, String table,
                                            TableSettingsRule original) throws InvalidRuleException {
        TableSettingsRule.ParallelLoad pl = original == null ? null : original.parallelLoad();
        TableSettingsRule.LobSettings lob = original == null ? null : original.lobSettings();
        if (k == Kind.PARALLEL_LOAD) {
            String typeText = text(Field.PARALLEL_TYPE);
            if (!PARALLEL_TYPES.contains(typeText)) {
                throw new InvalidRuleException("Parallel load: choose one of " + String.join(", ", PARALLEL_TYPES) + ".");
            }
            TableSettingsRule.ParallelLoadType type = TableSettingsRule.ParallelLoadType.valueOf(
                    typeText.toUpperCase(Locale.ROOT).replace('-', '_'));
            List<String> columns = null;
            List<List<String>> boundaries = null;
            List<String> partitions = null;
            List<String> subpartitions = null;
            if (type == TableSettingsRule.ParallelLoadType.PARTITIONS_LIST) {
                partitions = names(Field.PARTITIONS);
                if (partitions.isEmpty()) {
                    throw missing(Field.PARTITIONS);
                }
                subpartitions = names(Field.SUBPARTITIONS);
                subpartitions = subpartitions.isEmpty() ? null : subpartitions;
            }
            if (type == TableSettingsRule.ParallelLoadType.RANGES) {
                columns = list(Field.PARALLEL_COLUMNS, ",");
                if (columns.isEmpty()) {
                    throw missing(Field.PARALLEL_COLUMNS);
                }
                boundaries = new ArrayList<>();
                for (String b : list(Field.BOUNDARIES, ";")) {
                    List<String> vals = Arrays.stream(b.split(",", -1)).map(String::strip).toList();
                    if (vals.size() > columns.size()) {
                        throw new InvalidRuleException("Boundaries: '" + b + "' has " + vals.size() + " values but there "
                                + (columns.size() == 1 ? "is 1 range column" : "are " + columns.size() + " range columns") + ".");
                    }
                    if (vals.stream().anyMatch(String::isEmpty)) {
                        throw new InvalidRuleException("Boundaries: '" + b + "' has an empty value.");
                    }
                    boundaries.add(vals);
                }
                if (boundaries.isEmpty()) {
                    throw missing(Field.BOUNDARIES);
                }
            }
            boolean sameType = pl != null && pl.type() == type;
            pl = new TableSettingsRule.ParallelLoad(type, columns, boundaries, partitions, subpartitions,
                    sameType ? pl.numberOfPartitions() : null, sameType ? pl.batchSize() : null);
        } else {
            String modeText = text(Field.LOB_MODE);
            if (!LOB_MODES.contains(modeText)) {
                throw new InvalidRuleException("LOB mode: choose one of " + String.join(", ", LOB_MODES) + ".");
            }
            lob = new TableSettingsRule.LobSettings(TableSettingsRule.LobMode.valueOf(modeText.toUpperCase(Locale.ROOT)),
                    number(Field.BULK_MAX_SIZE));
        }
        return new TableSettingsRule(id, name, ObjectLocator.table(schema, table), pl, lob,
                original == null ? Set.of() : original.explicitNulls());
    }

    private String orAny(Field f) {
        String s = text(f);
        return s.isEmpty() ? "%" : s;
    }

    private String required(Field f) throws InvalidRuleException {
        String s = text(f);
        if (s.isEmpty()) {
            throw missing(f);
        }
        return s;
    }

    private InvalidRuleException missing(Field f) {
        return new InvalidRuleException(label(f) + ": missing.");
    }

    private DmsInteger number(Field f) throws InvalidRuleException {
        return number(f, Long.MAX_VALUE);
    }

    private DmsInteger number(Field f, long max) throws InvalidRuleException {
        String s = text(f);
        if (s.isEmpty()) {
            return null;
        }
        long v;
        try {
            v = Long.parseLong(s);
            if (v < 0) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw new InvalidRuleException(label(f) + ": '" + s + "' is not a whole number of 0 or more.");
        }
        if (v > max) {
            throw new InvalidRuleException(label(f) + ": " + s + " is more than the largest allowed, " + max + ".");
        }
        return DmsInteger.of(v);
    }

    /** {@code original} when it has the same value (keeps its spelling, e.g. quoted), else {@code edited}. */
    private static DmsInteger kept(DmsInteger edited, DmsInteger original) {
        return edited != null && original != null && edited.value() == original.value() ? original : edited;
    }

    /** Comma-separated names; a name that is empty between two commas is refused. */
    private List<String> names(Field f) throws InvalidRuleException {
        String s = text(f);
        if (s.isEmpty()) {
            return List.of();
        }
        List<String> out = Arrays.stream(s.split(",", -1)).map(String::strip).toList();
        if (out.stream().anyMatch(String::isEmpty)) {
            throw new InvalidRuleException(label(f) + ": '" + s + "' has an empty name.");
        }
        if (out.stream().distinct().count() < out.size()) {
            throw new InvalidRuleException(label(f) + ": '" + s + "' names a partition twice.");
        }
        return out;
    }

    private List<String> list(Field f, String separator) {
        return Arrays.stream(text(f).split(java.util.regex.Pattern.quote(separator))).map(String::strip)
                .filter(x -> !x.isEmpty()).toList();
    }

    // ---- rule → form -----------------------------------------------------------------------------------------------

    /**
     * Fills the form from {@code rule} for editing in place; returns {@code null}, or why the form cannot edit it (the
     * form is then left unchanged).
     */
    public String load(TableMappingRule rule) {
        Kind k;
        if (rule instanceof SelectionRule s) {
            if (s.ruleAction() == SelectionRule.Action.EXPLICIT) {
                return "an explicit selection";
            }
            k = s.ruleAction() == SelectionRule.Action.INCLUDE ? Kind.INCLUDE : Kind.EXCLUDE;
        } else if (rule instanceof TransformationRule t) {
            if (t.ruleAction() == TransformationRule.Action.ADD_BEFORE_IMAGE_COLUMNS) {
                return "add-before-image-columns";
            }
            if (t.ruleTarget() == TransformationRule.Target.TABLE_TABLESPACE
                    || t.ruleTarget() == TransformationRule.Target.INDEX_TABLESPACE) {
                return "a tablespace rule";
            }
            ObjectLocator l = t.objectLocator();
            if (l.dataType() != null || l.tableTablespaceName() != null || l.indexTablespaceName() != null) {
                return "a rule that selects by data type or tablespace";
            }
            k = Kind.valueOf(t.ruleAction().name());
        } else {
            TableSettingsRule ts = (TableSettingsRule) rule;
            k = ts.parallelLoad() != null ? Kind.PARALLEL_LOAD : Kind.LOB_SETTINGS;
        }
        kind.set(k);
        clear();
        ObjectLocator l = rule instanceof SelectionRule s ? s.objectLocator()
                : rule instanceof TransformationRule t ? t.objectLocator() : ((TableSettingsRule) rule).objectLocator();
        set(Field.SCHEMA, l.schemaName());
        set(Field.TABLE, l.tableName());
        set(Field.COLUMN, l.columnName());
        if (rule instanceof SelectionRule s) {
            set(Field.LOAD_ORDER, str(s.loadOrder()));
        }
        if (rule instanceof SelectionRule s && s.filters() != null && !s.filters().isEmpty()) {
            SelectionRule.Filter f = s.filters().get(0);
            set(Field.FILTER_COLUMN, f.columnName());
            if (!f.filterConditions().isEmpty()) {
                SelectionRule.Condition c = f.filterConditions().get(0);
                set(Field.FILTER_OPERATOR, c.filterOperator().name().toLowerCase(Locale.ROOT));
                set(Field.FILTER_VALUE, c.startValue() != null ? c.startValue() : c.value());
                set(Field.FILTER_END, c.endValue());
            }
        } else if (rule instanceof TransformationRule t) {
            set(Field.TARGET, t.ruleTarget().name().toLowerCase(Locale.ROOT));
            set(Field.VALUE, t.value());
            set(Field.OLD_VALUE, t.oldValue());
            set(Field.EXPRESSION, t.expression());
            if (t.dataType() != null) {
                set(Field.DATA_TYPE, t.dataType().type());
                set(Field.PRECISION, str(t.dataType().precision()));
                set(Field.SCALE, str(t.dataType().scale()));
                set(Field.LENGTH, str(t.dataType().length()));
            }
            if (t.primaryKeyDef() != null) {
                set(Field.KEY_NAME, t.primaryKeyDef().name());
                set(Field.KEY_COLUMNS, String.join(", ", t.primaryKeyDef().columns()));
            }
        } else if (rule instanceof TableSettingsRule ts) {
            if (ts.parallelLoad() != null) {
                TableSettingsRule.ParallelLoad pl = ts.parallelLoad();
                set(Field.PARALLEL_TYPE, pl.type().name().toLowerCase(Locale.ROOT).replace('_', '-'));
                set(Field.PARALLEL_COLUMNS, pl.columns() == null ? null : String.join(", ", pl.columns()));
                set(Field.BOUNDARIES, pl.boundaries() == null ? null
                        : String.join("; ", pl.boundaries().stream().map(b -> String.join(", ", b)).toList()));
                set(Field.PARTITIONS, pl.partitions() == null ? null : String.join(", ", pl.partitions()));
                set(Field.SUBPARTITIONS, pl.subpartitions() == null ? null : String.join(", ", pl.subpartitions()));
            }
            if (ts.lobSettings() != null) {
                set(Field.LOB_MODE, ts.lobSettings().mode().name().toLowerCase(Locale.ROOT));
                set(Field.BULK_MAX_SIZE, str(ts.lobSettings().bulkMaxSize()));
            }
        }
        updateFields();
        return null;
    }

    private void set(Field f, String value) {
        values.get(f).set(value == null ? "" : value);
    }

    private static String str(DmsInteger i) {
        return i == null ? null : Long.toString(i.value());
    }
}
