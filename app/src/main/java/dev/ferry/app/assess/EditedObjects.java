package dev.ferry.app.assess;

import dev.ferry.converter.assess.ActionCode;
import dev.ferry.converter.assess.ActionItem;
import dev.ferry.converter.assess.ConversionResult;
import dev.ferry.converter.assess.ConvertedObject;
import dev.ferry.converter.assess.Severity;
import dev.ferry.converter.parse.ParsingException;
import dev.ferry.converter.parse.postgres.PostgresVerifier;
import dev.ferry.converter.report.AssessmentReport;
import dev.ferry.converter.verify.ScratchDeployVerifier;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Objects whose converted SQL a person edited in the workbench. An edited object carries an INFO item
 * {@value #EDITED_CODE} (so every report marks it as EDITED) and is verified only by {@link #verify}: its text must
 * re-parse with Ferry's PostgreSQL grammar AND deploy into a scratch database together with the rest of the schema
 * (rolled back). Until then it is MANUAL: the honesty rule applies to hand edits too. Stateless; blocking methods
 * belong on a background thread.
 */
public final class EditedObjects {

    /** The code of the item that marks an object as edited by hand. */
    public static final String EDITED_CODE = "FERRY-EDITED";

    private EditedObjects() {
    }

    /** Whether {@code o} was edited by hand. */
    public static boolean isEdited(ConvertedObject o) {
        return o.actionItems().stream().anyMatch(i -> EDITED_CODE.equals(i.code()));
    }

    /**
     * {@code original} with {@code sql} as its converted SQL, not verified yet: the earlier verification failure (which
     * was about the old text) is dropped and the EDITED item added.
     */
    public static ConvertedObject edited(ConvertedObject original, String sql) {
        return withOutcome(original, sql, false, null);
    }

    /** The object after verifying {@code sql}: verified when {@code ok}, else MANUAL with {@code error}. */
    public static ConvertedObject withOutcome(ConvertedObject original, String sql, boolean ok, String error) {
        List<ActionItem> items = new ArrayList<>();
        for (ActionItem i : original.actionItems()) {
            if (!ActionCode.VERIFICATION_FAILED.code().equals(i.code()) && !EDITED_CODE.equals(i.code())) {
                items.add(i);
            }
        }
        items.add(new ActionItem(EDITED_CODE, Severity.INFO, "The converted SQL was edited by hand in the workbench"
                + (ok ? " and verified." : error == null ? "; it is not verified yet." : "."),
                "Review the edit; Verify re-parses it and deploys it into a scratch database (rolled back).",
                0, 0, 0));
        if (!ok && error != null) {
            items.add(new ActionItem(ActionCode.VERIFICATION_FAILED.code(), ActionCode.VERIFICATION_FAILED.severity(),
                    "Deploying " + original.type().toLowerCase(Locale.ROOT) + " " + original.name() + " failed: " + error,
                    ActionCode.VERIFICATION_FAILED.recommendation(), original.sourceLine(), 0,
                    ActionCode.VERIFICATION_FAILED.effortMinutes()));
        }
        return new ConvertedObject(original.schema(), original.name(), original.type(),
                ConvertedObject.statusOf(true, ok, items), ok, original.sourceFile(), original.sourceLine(),
                original.sourceText(), sql, original.deployPhase(), original.dependsOn(), items);
    }

    /** Re-parse problems of {@code sql} with Ferry's PostgreSQL grammar (empty when it parses). */
    public static List<ParsingException> reparse(String sql, String label) {
        if (sql == null || sql.isBlank()) {
            return List.of(new ParsingException("the converted SQL is empty", label, 1, 1));
        }
        return PostgresVerifier.verify(sql, label);
    }

    /**
     * Verifies {@code key} of {@code report} after replacing its SQL with {@code sql}: re-parse, then deploy the whole
     * conversion in deploy order into {@code scratch} (one savepoint per object, everything rolled back), so the object
     * is checked against the tables and types it depends on.
     *
     * @return the verified (or MANUAL, with the server's or the parser's message) object
     */
    public static ConvertedObject verify(AssessmentReport report, String key, String sql, Connection scratch) throws SQLException {
        ConvertedObject original = report.conversion().object(key)
                .orElseThrow(() -> new IllegalArgumentException("no object " + key + " in the assessment"));
        List<ParsingException> problems = reparse(sql, original.type().toLowerCase(Locale.ROOT) + " " + original.name());
        if (!problems.isEmpty()) {
            return withOutcome(original, sql, false, "the SQL does not re-parse with Ferry's PostgreSQL grammar: "
                    + problems.get(0).getMessage());
        }
        ConversionResult candidate = report.conversion().map(o -> o.key().equals(key) ? edited(o, sql) : o);
        ScratchDeployVerifier.Outcome outcome = new ScratchDeployVerifier(scratch).verify(candidate);
        String error = outcome.errors().get(key);
        return withOutcome(original, sql, error == null, error);
    }

    /** {@code report} with each edited object replaced. */
    public static AssessmentReport apply(AssessmentReport report, Map<String, ConvertedObject> edited) {
        if (edited.isEmpty()) {
            return report;
        }
        ConversionResult c = report.conversion().map(o -> edited.getOrDefault(o.key(), o));
        return new AssessmentReport(c, report.generatedAt(), report.ferryVersion(), report.sourceDescription(),
                report.targetSchema(), report.files(), report.linesOfCode(), report.timings(), report.verification(),
                report.notes());
    }
}
