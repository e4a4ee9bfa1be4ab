package dev.ferry.model.project;

import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One task setting, described once for every front end: the workbench generates its settings form from these, and a
 * command line can parse {@code Name=value} with {@link #with}. Values travel as text; {@link #with} checks them and
 * names the setting in its error. Immutable; see {@link TaskSettingDescriptors#ALL}.
 *
 * @param name    the DMS-style name as in the project file, e.g. {@code MaxFullLoadSubTasks} (the error-policy fields are
 *                the fields of the file's {@code ErrorPolicy} object, e.g. {@code DataErrorPolicy})
 * @param label   a short label for forms
 * @param group   the form section, e.g. "Full load"
 * @param help    one sentence for a tooltip or {@code --help}
 * @param kind    the value's type
 * @param choices the allowed values for {@link Kind#CHOICE}, else empty
 * @param min     the smallest value for {@link Kind#INTEGER}
 * @param max     the largest value for {@link Kind#INTEGER}
 * @param getter  the current value as text ({@code ""} for an unset optional text)
 * @param setter  a copy of the settings with the value applied; throws {@link IllegalArgumentException} for bad values
 */
public record TaskSettingDescriptor(String name, String label, String group, String help, Kind kind, List<String> choices,
                                    int min, int max, Function<TaskSettings, String> getter,
                                    BiFunction<TaskSettings, String, TaskSettings> setter) {

    /** Value types. */
    public enum Kind { INTEGER, CHOICE, BOOLEAN, TEXT }

    public TaskSettingDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    /** The current value of this setting in {@code settings}, as text. */
    public String get(TaskSettings settings) {
        return getter.apply(settings);
    }

    /**
     * {@code settings} with this setting set to {@code value}.
     *
     * @throws IllegalArgumentException naming the setting when the value is not allowed
     */
    public TaskSettings with(TaskSettings settings, String value) {
        String v = value == null ? "" : value.strip();
        switch (kind) {
            case INTEGER -> {
                int n;
                try {
                    n = Integer.parseInt(v);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(name + ": '" + v + "' is not a whole number");
                }
                if (n < min || n > max) {
                    throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", not " + n);
                }
            }
            case CHOICE -> {
                if (!choices.contains(v)) {
                    throw new IllegalArgumentException(name + ": '" + v + "' is not one of " + String.join(", ", choices));
                }
            }
            case BOOLEAN -> {
                if (!v.equals("true") && !v.equals("false")) {
                    throw new IllegalArgumentException(name + ": '" + v + "' is not true or false");
                }
            }
            default -> {
                // TEXT: the setter checks its format
            }
        }
        try {
            return setter.apply(settings, v);
        } catch (IllegalArgumentException e) {
            String m = e.getMessage() == null ? "invalid value" : e.getMessage();
            throw new IllegalArgumentException(m.startsWith(name) ? m : name + ": " + m, e);
        }
    }
}
