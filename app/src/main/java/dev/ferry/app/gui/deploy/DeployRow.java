package dev.ferry.app.gui.deploy;

import dev.ferry.engine.deploy.DeployObject;
import dev.ferry.engine.deploy.DeployOutcome;
import dev.ferry.engine.deploy.DeployPhase;

import java.util.List;

/**
 * One object of the deploy plan as the Deploy section lists it: its place in the plan, what the assessment says about
 * it and, once a dry run or a deploy reported it, its result.
 *
 * @param order       1-based position in the plan (deploy order)
 * @param phase       pre-load or post-load
 * @param key         {@code TYPE:schema.name}
 * @param type        object type
 * @param name        {@code schema.name}
 * @param plan        {@code AUTO}, {@code AUTO_WITH_WARNINGS}, {@code EDITED} or {@code MANUAL (never run)}
 * @param runnable    whether the deploy runs it (converted, verified, not MANUAL)
 * @param sql         the SQL the deploy runs, or a comment saying why there is none
 * @param result      the latest result, or {@code null}
 * @param message     the result's message (the server's message for errors), or {@code null}
 * @param differences drift: one line per difference
 */
public record DeployRow(int order, DeployPhase phase, String key, String type, String name, String plan, boolean runnable,
                        String sql, DeployOutcome.Status result, String message, List<String> differences) {

    public DeployRow {
        differences = differences == null ? List.of() : List.copyOf(differences);
    }

    /** The row of {@code o}, at {@code order} in the plan. */
    static DeployRow of(int order, DeployObject o, boolean edited) {
        String plan = o.runnable() ? (edited ? "EDITED" : o.status()) : (edited ? "EDITED, " : "") + "MANUAL (never run)";
        String sql = o.statements().isEmpty() ? "-- " + o.key() + ": not converted (MANUAL); the deploy never runs it"
                : String.join(";\n\n", o.statements().stream().map(String::strip)
                .map(s -> s.endsWith(";") ? s.substring(0, s.length() - 1) : s).toList()) + ";"
                + (o.runnable() ? "" : "\n-- not verified (MANUAL): the deploy never runs it");
        return new DeployRow(order, o.phase(), o.key(), o.type(), o.displayName(), plan, o.runnable(), sql, null, null, List.of());
    }

    DeployRow withResult(DeployOutcome o) {
        return new DeployRow(order, phase, key, type, name, plan, runnable, sql, o.status(), o.message(), o.differences());
    }

    DeployRow cleared() {
        return new DeployRow(order, phase, key, type, name, plan, runnable, sql, null, null, List.of());
    }

    /** The result's message followed by the drift's differences ({@code ""} when there is neither). */
    public String fullMessage() {
        String m = message == null ? "" : message;
        return differences.isEmpty() ? m : m + (m.isEmpty() ? "" : ": ") + String.join("; ", differences);
    }

    /**
     * What the details pane says about the object's latest result: {@code ERROR: <message>}, {@code OK}, or
     * {@code ""} when there is no result yet.
     */
    public String resultLine() {
        if (result == null) {
            return "";
        }
        String m = fullMessage();
        return m.isEmpty() ? result.name() : result.name() + ": " + m;
    }

    /**
     * The Result column: the checklist mark and the result ({@code "✓ OK"}, {@code "✗ ERROR"}), just {@code PLANNED}
     * for a dry run's plan (its mark "…" would read as cut-off text), or {@code ""}.
     */
    public String resultText() {
        if (result == null) {
            return "";
        }
        return result == DeployOutcome.Status.PLANNED ? result.name() : mark() + " " + result.name();
    }

    /** The row's tooltip: the object, its phase and status, and the latest result with its message. */
    public String tooltip() {
        String r = resultLine();
        return type + " " + name + " · " + phase.cliName() + " · " + plan + (r.isEmpty() ? "" : "\n" + r);
    }

    /** The checklist mark: ✓ done or already there, ✗ failed or drifted, … planned, – skipped as MANUAL or not run. */
    public String mark() {
        if (result == null) {
            return "";
        }
        return switch (result) {
            case OK, SKIPPED -> "✓";
            case ERROR, DRIFT, ROLLED_BACK -> "✗";
            case PLANNED -> "…";
            case SKIPPED_MANUAL, NOT_RUN -> "–";
        };
    }
}
