package dev.ferry.model.project;

import java.util.Locale;

/** DMS spells enum constants in lower case with hyphens: {@code ADD_PREFIX} is {@code add-prefix}. */
final class DmsNames {
    private DmsNames() {
    }

    static String of(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
