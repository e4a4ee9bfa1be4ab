package dev.ferry.app.cli;

import java.util.Locale;
import java.util.Set;

/** The tables Ferry creates itself in a source or target: never selected for migration, nor shown as selected. */
public final class FerryTables {

    /** Lower-case names. */
    public static final Set<String> NAMES = Set.of(dev.ferry.engine.cdc.sqlite.SqliteTriggerCapture.CAPTURE_TABLE,
            "ferry_apply_state", "ferry_load_state", "ferry_exceptions");

    private FerryTables() {
    }

    /** Whether {@code table} (any case) is one of Ferry's own tables. */
    public static boolean contains(String table) {
        return table != null && NAMES.contains(table.toLowerCase(Locale.ROOT));
    }
}
