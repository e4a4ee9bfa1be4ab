package dev.ferry.app.gui.deploy;

import dev.ferry.engine.deploy.DeployOutcome;
import dev.ferry.engine.deploy.DeployResult;
import dev.ferry.model.util.Redaction;

import java.util.List;

/**
 * The details of a deploy that ended with failed statements, for the error dialog's details area: every failed step
 * (its object, file and the server's message), then what rolled back and what did not run. Not thrown: the deploy
 * itself finished; this only carries its report. No stack trace (it would only show where the report was made).
 */
public final class DeployFailure extends Exception {

    private DeployFailure(String message) {
        super(message, null, false, false);
    }

    /** The report of {@code result}'s errors, rolled back and not-run steps; one line each. */
    public static DeployFailure of(DeployResult result) {
        StringBuilder sb = new StringBuilder("Deploy into " + result.target() + " (target prep "
                + dev.ferry.engine.deploy.TargetPrepPreview.cliName(result.options().targetPrep()) + ", on error "
                + result.options().onError().name().toLowerCase(java.util.Locale.ROOT) + "):");
        section(sb, "Failed", result.outcomes().stream().filter(o -> o.status() == DeployOutcome.Status.ERROR).toList(), true);
        section(sb, "Rolled back", result.outcomes().stream().filter(o -> o.status() == DeployOutcome.Status.ROLLED_BACK).toList(), false);
        section(sb, "Not run", result.outcomes().stream().filter(o -> o.status() == DeployOutcome.Status.NOT_RUN).toList(), false);
        for (DeployResult.PhaseResult p : result.phases()) {
            sb.append("\n").append(p.phase().cliName()).append(" phase: ").append(p.outcome())
                    .append(p.message() == null ? "" : " (" + p.message() + ")");
        }
        return new DeployFailure(Redaction.redact(sb.toString()));
    }

    private static void section(StringBuilder sb, String title, List<DeployOutcome> steps, boolean messages) {
        if (steps.isEmpty()) {
            return;
        }
        sb.append("\n").append(title).append(" (").append(steps.size()).append("):");
        for (DeployOutcome o : steps) {
            sb.append("\n  #").append(o.seq()).append(' ').append(o.action()).append(' ').append(o.type()).append(' ')
                    .append(o.name()).append(o.file() == null ? "" : " [" + o.file() + "]");
            if (messages && o.message() != null) {
                sb.append(": ").append(o.message());
            }
        }
    }
}
