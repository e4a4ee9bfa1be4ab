package dev.ferry.app.gui.assessment;

import dev.ferry.model.project.TypeMappingRule;
import dev.ferry.model.project.TypeMappingRule.Range;
import dev.ferry.model.project.TypeMappingRule.Scope;
import dev.ferry.model.project.TypeMappingRule.ValueTransformation;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The type-mapping rules table of the Assessment section and the form that edits one rule: scope (and its schema /
 * table / column), source type with length, precision and scale ranges, target type and value transformations.
 * <em>Add</em> appends the form as a new rule, <em>Update</em> replaces the selected rule, <em>Remove</em> drops it;
 * a form that does not make a valid rule is refused with a message naming the field, and nothing changes. The rules
 * reach the project and the shown assessment only when {@link AssessmentViewModel#applyTypeRules()} runs. A rule's
 * SCT-style type transformations are shown and kept when it is updated; the form does not edit them. Holds no JavaFX
 * nodes; UI thread only.
 */
public final class TypeRulesEditor {

    private static final Pattern RANGE = Pattern.compile("\\s*(\\d+)?\\s*(\\.\\.)?\\s*(\\d+)?\\s*");

    private final ObservableList<TypeMappingRule> rules = FXCollections.observableArrayList();
    private final IntegerProperty selected = new SimpleIntegerProperty(-1);
    private final ObjectProperty<Scope> scope = new SimpleObjectProperty<>(Scope.PROJECT);
    private final StringProperty schema = new SimpleStringProperty("");
    private final StringProperty table = new SimpleStringProperty("");
    private final StringProperty column = new SimpleStringProperty("");
    private final StringProperty sourceType = new SimpleStringProperty("");
    private final StringProperty length = new SimpleStringProperty("");
    private final StringProperty precision = new SimpleStringProperty("");
    private final StringProperty scale = new SimpleStringProperty("");
    private final StringProperty targetType = new SimpleStringProperty("");
    private final StringProperty transformations = new SimpleStringProperty("");
    private final SimpleStringProperty error = new SimpleStringProperty("");
    private final SimpleBooleanProperty changed = new SimpleBooleanProperty();
    private List<TypeMappingRule> applied = List.of();

    /** Shows {@code projectRules} as the applied state (nothing changed). */
    public void reset(List<TypeMappingRule> projectRules) {
        applied = List.copyOf(projectRules);
        rules.setAll(applied);
        select(-1);
        changed.set(false);
    }

    /** The rules as edited (not yet applied). */
    public List<TypeMappingRule> current() {
        return List.copyOf(rules);
    }

    /** The rules last applied (or loaded from the project). */
    public List<TypeMappingRule> applied() {
        return applied;
    }

    void markApplied(List<TypeMappingRule> now) {
        applied = List.copyOf(now);
        changed.set(!applied.equals(rules));
    }

    /** Selects rule {@code i} (-1: none) and fills the form with it. */
    public void select(int i) {
        selected.set(i >= 0 && i < rules.size() ? i : -1);
        error.set("");
        if (selected.get() < 0) {
            return;
        }
        TypeMappingRule r = rules.get(i);
        scope.set(r.scope());
        schema.set(nz(r.schema()));
        table.set(nz(r.table()));
        column.set(nz(r.column()));
        sourceType.set(r.sourceType());
        length.set(range(r.length()));
        precision.set(range(r.precision()));
        scale.set(range(r.scale()));
        targetType.set(nz(r.targetType()));
        transformations.set(r.transformations().stream().map(t -> t.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .collect(Collectors.joining(", ")));
    }

    /** Appends the form as a new rule and selects it; {@code false} (with {@link #errorProperty()}) when the form is invalid. */
    public boolean add() {
        TypeMappingRule r = fromForm(List.of());
        if (r == null) {
            return false;
        }
        rules.add(r);
        selected.set(rules.size() - 1);
        changed.set(!rules.equals(applied));
        return true;
    }

    /** Replaces the selected rule with the form (keeping its type transformations). */
    public boolean update() {
        int i = selected.get();
        if (i < 0) {
            error.set("Select the rule to update.");
            return false;
        }
        TypeMappingRule r = fromForm(rules.get(i).typeTransformations());
        if (r == null) {
            return false;
        }
        rules.set(i, r);
        selected.set(i);
        changed.set(!rules.equals(applied));
        return true;
    }

    /** Removes the selected rule. */
    public boolean remove() {
        int i = selected.get();
        if (i < 0) {
            error.set("Select the rule to remove.");
            return false;
        }
        rules.remove(i);
        select(-1);
        changed.set(!rules.equals(applied));
        return true;
    }

    /** The form as a rule, or {@code null} with the reason in {@link #errorProperty()}. */
    private TypeMappingRule fromForm(List<TypeMappingRule.TypeTransformation> keep) {
        try {
            Scope s = scope.get() == null ? Scope.PROJECT : scope.get();
            String sc = blankToNull(schema.get());
            String tb = blankToNull(table.get());
            String co = blankToNull(column.get());
            if (s != Scope.PROJECT && sc == null) {
                throw new IllegalArgumentException("A " + s.name().toLowerCase(Locale.ROOT) + " rule needs a schema.");
            }
            if ((s == Scope.TABLE || s == Scope.COLUMN) && tb == null) {
                throw new IllegalArgumentException("A " + s.name().toLowerCase(Locale.ROOT) + " rule needs a table.");
            }
            if (s == Scope.COLUMN && co == null) {
                throw new IllegalArgumentException("A column rule needs a column.");
            }
            String st = blankToNull(sourceType.get());
            if (st == null) {
                throw new IllegalArgumentException("Source type: name the source engine's type, e.g. number.");
            }
            String tt = blankToNull(targetType.get());
            if (tt == null && keep.isEmpty()) {
                throw new IllegalArgumentException("Target type: name the target type, e.g. bigint or numeric(12,2).");
            }
            List<ValueTransformation> vt = new ArrayList<>();
            for (String part : nz(transformations.get()).split(",")) {
                String p = part.strip();
                if (!p.isEmpty()) {
                    try {
                        vt.add(ValueTransformation.valueOf(p.toUpperCase(Locale.ROOT).replace('-', '_')));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("Transformations: '" + p + "' is not one of " + java.util.Arrays.stream(
                                ValueTransformation.values()).map(v -> v.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                                .collect(Collectors.joining(", ")) + ".");
                    }
                }
            }
            TypeMappingRule r = new TypeMappingRule(s, s == Scope.PROJECT ? null : sc, s == Scope.TABLE || s == Scope.COLUMN ? tb : null,
                    s == Scope.COLUMN ? co : null, st, parseRange("Length", length.get()), parseRange("Precision", precision.get()),
                    parseRange("Scale", scale.get()), tt, vt, keep);
            error.set("");
            return r;
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
            return null;
        }
    }

    /** {@code ""} any; {@code n} exactly; {@code n..m}, {@code n..}, {@code ..m} inclusive ranges. */
    static Range parseRange(String field, String text) {
        String t = nz(text).strip();
        if (t.isEmpty()) {
            return null;
        }
        Matcher m = RANGE.matcher(t);
        if (!m.matches() || (m.group(1) == null && m.group(3) == null) || (m.group(2) == null && m.group(3) != null)) {
            throw new IllegalArgumentException(field + ": '" + t + "' is not a range (n, n..m, n.. or ..m).");
        }
        Integer min = m.group(1) == null ? null : Integer.valueOf(m.group(1));
        Integer max = m.group(2) == null ? min : m.group(3) == null ? null : Integer.valueOf(m.group(3));
        if (min != null && max != null && min > max) {
            throw new IllegalArgumentException(field + ": " + min + " is more than " + max + ".");
        }
        return new Range(min, max);
    }

    static String range(Range r) {
        if (r == null) {
            return "";
        }
        if (r.min() != null && r.min().equals(r.max())) {
            return String.valueOf(r.min());
        }
        return (r.min() == null ? "" : r.min()) + ".." + (r.max() == null ? "" : r.max());
    }

    // ---------------------------------------------------------------- table cells

    /** "project", "schema HR", "column HR.EMPLOYEES.SALARY". */
    public static String describeScope(TypeMappingRule r) {
        return r.where();
    }

    /** "number precision 1..9 scale 0". */
    public static String describeSource(TypeMappingRule r) {
        return r.sourceType() + (r.length() == null ? "" : " length " + range(r.length()))
                + (r.precision() == null ? "" : " precision " + range(r.precision()))
                + (r.scale() == null ? "" : " scale " + range(r.scale()));
    }

    /** The target type, then its type transformations. */
    public static String describeTarget(TypeMappingRule r) {
        String t = r.targetType() == null ? "(default mapping)" : r.targetType();
        for (TypeMappingRule.TypeTransformation x : r.typeTransformations()) {
            t += ", " + x.action().name().toLowerCase(Locale.ROOT).replace('_', '-') + " " + (x.value() != null ? x.value() : x.percent() + "%");
        }
        return t;
    }

    public static String describeTransformations(TypeMappingRule r) {
        return r.transformations().stream().map(t -> t.name().toLowerCase(Locale.ROOT).replace('_', '-')).collect(Collectors.joining(", "));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    // ---------------------------------------------------------------- properties

    public ObservableList<TypeMappingRule> rules() {
        return rules;
    }

    public IntegerProperty selectedProperty() {
        return selected;
    }

    public ObjectProperty<Scope> scopeProperty() {
        return scope;
    }

    public StringProperty schemaProperty() {
        return schema;
    }

    public StringProperty tableProperty() {
        return table;
    }

    public StringProperty columnProperty() {
        return column;
    }

    public StringProperty sourceTypeProperty() {
        return sourceType;
    }

    public StringProperty lengthProperty() {
        return length;
    }

    public StringProperty precisionProperty() {
        return precision;
    }

    public StringProperty scaleProperty() {
        return scale;
    }

    public StringProperty targetTypeProperty() {
        return targetType;
    }

    /** Value transformations, comma-separated ({@code trim, empty-to-null}). */
    public StringProperty transformationsProperty() {
        return transformations;
    }

    /** Why the last Add / Update / Remove was refused, or empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    /** Whether the rules differ from the applied ones. */
    public ReadOnlyBooleanProperty changedProperty() {
        return changed;
    }
}
