package dev.ferry.engine.deploy;

import java.util.Locale;

/** When an object is deployed relative to the full load (the {@code deployPhase} of {@code assessment.json}). */
public enum DeployPhase {
    /** Before the data: schemas, types, sequences, tables with their primary keys. */
    PRE_LOAD,
    /** After the data: secondary indexes, unique/foreign-key/check constraints, views, routines, triggers. */
    POST_LOAD;

    /** {@code pre-load} / {@code post-load}, as the CLI spells it. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
