package dev.ferry.converter.parse.oracle;

import dev.ferry.converter.assess.ActionCode;
import dev.ferry.converter.assess.ActionItem;
import dev.ferry.converter.assess.ConvertedObject;
import dev.ferry.converter.assess.DeployPhase;
import dev.ferry.converter.assess.ObjectStatus;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Helper functions in the {@code ferry_compat} schema for Oracle built-ins that have no inline PostgreSQL equivalent
 * (MONTHS_BETWEEN, INSTR with a start position or occurrence). The translator calls a helper and marks the use with a
 * {@link ActionCode#COMPAT_HELPER_USED} item; {@link #attach} then adds the schema and each used helper ONCE as
 * PRE_LOAD objects and makes every user depend on its helpers. Nothing is added when no object uses a helper.
 *
 * <p>Threading: stateless.
 */
public final class OracleCompatHelpers {

    public static final String SCHEMA = "ferry_compat";

    private static final Pattern USE = Pattern.compile("uses helper ferry_compat\\.([a-z_]+)");

    /** Helper name → DDL (idempotent: several converted schemas may share one target database). */
    static final Map<String, String> DDL = Map.of(
            "months_between", """
                    CREATE OR REPLACE FUNCTION ferry_compat.months_between(d1 timestamp, d2 timestamp) RETURNS numeric
                    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $ferry$
                    SELECT CASE
                        WHEN extract(day from d1) = extract(day from d2)
                          OR (d1::date = (date_trunc('month', d1) + interval '1 month - 1 day')::date
                              AND d2::date = (date_trunc('month', d2) + interval '1 month - 1 day')::date)
                        THEN (extract(year from d1) - extract(year from d2)) * 12 + extract(month from d1) - extract(month from d2)
                        ELSE (extract(year from d1) - extract(year from d2)) * 12 + extract(month from d1) - extract(month from d2)
                          + (extract(day from d1) - extract(day from d2)) / 31.0
                          + (extract(epoch from d1::time) - extract(epoch from d2::time)) / (86400 * 31.0)
                    END
                    $ferry$""",
            "instr", """
                    CREATE OR REPLACE FUNCTION ferry_compat.instr(str text, sub text, pos integer DEFAULT 1, occ integer DEFAULT 1)
                    RETURNS integer LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $ferry$
                    DECLARE
                        n integer := length(str);
                        m integer := length(sub);
                        i integer;
                        found integer := 0;
                    BEGIN
                        IF occ < 1 THEN
                            RAISE EXCEPTION 'argument % is out of range', occ USING ERRCODE = '22003';
                        END IF;
                        IF m = 0 THEN
                            RETURN NULL; -- Oracle: '' is NULL
                        END IF;
                        IF pos = 0 THEN
                            RETURN 0;
                        END IF;
                        IF pos > 0 THEN
                            i := pos;
                            WHILE i <= n - m + 1 LOOP
                                IF substr(str, i, m) = sub THEN
                                    found := found + 1;
                                    IF found = occ THEN
                                        RETURN i;
                                    END IF;
                                END IF;
                                i := i + 1;
                            END LOOP;
                        ELSE
                            i := least(n + pos + 1, n - m + 1);
                            WHILE i >= 1 LOOP
                                IF substr(str, i, m) = sub THEN
                                    found := found + 1;
                                    IF found = occ THEN
                                        RETURN i;
                                    END IF;
                                END IF;
                                i := i - 1;
                            END LOOP;
                        END IF;
                        RETURN 0;
                    END
                    $ferry$""");

    private OracleCompatHelpers() {
    }

    /** The message of the item that marks a use of {@code helper}. */
    static String useMessage(String oracleFunction, String helper) {
        return oracleFunction + " uses helper " + SCHEMA + "." + helper;
    }

    /** Helper names used by {@code o}, from its {@link ActionCode#COMPAT_HELPER_USED} items. */
    public static Set<String> usedBy(ConvertedObject o) {
        Set<String> used = new LinkedHashSet<>();
        for (ActionItem i : o.actionItems()) {
            if (i.code().equals(ActionCode.COMPAT_HELPER_USED.code())) {
                Matcher m = USE.matcher(i.message());
                if (m.find() && DDL.containsKey(m.group(1))) {
                    used.add(m.group(1));
                }
            }
        }
        return used;
    }

    /**
     * {@code objects} with the ferry_compat schema and the used helpers added (each once), and each user depending on
     * its helpers; {@code objects} unchanged when nothing uses a helper.
     */
    public static List<ConvertedObject> attach(List<ConvertedObject> objects) {
        Set<String> all = new LinkedHashSet<>();
        List<ConvertedObject> out = new ArrayList<>();
        for (ConvertedObject o : objects) {
            Set<String> used = o.converted() ? usedBy(o) : Set.of();
            if (used.isEmpty()) {
                out.add(o);
                continue;
            }
            all.addAll(used);
            List<String> deps = new ArrayList<>(o.dependsOn());
            used.forEach(h -> deps.add(ConvertedObject.key("FUNCTION", SCHEMA, h)));
            out.add(new ConvertedObject(o.schema(), o.name(), o.type(), o.status(), o.verified(), o.sourceFile(),
                    o.sourceLine(), o.sourceText(), o.convertedSql(), o.deployPhase(), deps, o.actionItems()));
        }
        if (all.isEmpty()) {
            return objects;
        }
        String schemaKey = ConvertedObject.key("SCHEMA", null, SCHEMA);
        List<ConvertedObject> helpers = new ArrayList<>();
        helpers.add(new ConvertedObject(null, SCHEMA, "SCHEMA", ObjectStatus.MANUAL, false, null, 0, null,
                "CREATE SCHEMA IF NOT EXISTS " + SCHEMA, DeployPhase.PRE_LOAD, List.of(), List.of()));
        all.stream().sorted().forEach(h -> helpers.add(new ConvertedObject(SCHEMA, h, "FUNCTION", ObjectStatus.MANUAL, false,
                null, 0, null, DDL.get(h), DeployPhase.PRE_LOAD, List.of(schemaKey),
                List.of(ActionItem.of(ActionCode.COMPAT_HELPER_USED, "Helper " + SCHEMA + "." + h
                        + " emulates the Oracle built-in for the converted objects that call it")))));
        helpers.addAll(out);
        return helpers;
    }
}
