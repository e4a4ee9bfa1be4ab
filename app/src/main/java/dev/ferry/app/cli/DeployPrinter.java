package dev.ferry.app.cli;

import dev.ferry.engine.deploy.DeployListener;
import dev.ferry.engine.deploy.DeployOutcome;
import dev.ferry.engine.deploy.DeployPhase;
import dev.ferry.engine.deploy.DeployResult;

import java.io.PrintWriter;

/**
 * Prints each deploy step as it finishes, for {@code ferry deploy} and the deploy phases of {@code ferry migrate}.
 *
 * <p>Threading: called on the deploying thread only.
 */
final class DeployPrinter implements DeployListener {

    private final PrintWriter out;
    private final String prefix;

    /** @param prefix put before the phase lines, e.g. {@code "Deploy "} inside a migrate run; empty for none */
    DeployPrinter(PrintWriter out, String prefix) {
        this.out = out;
        this.prefix = prefix;
    }

    @Override
    public void onPhaseStart(DeployPhase phase, int steps, boolean transactional) {
        out.printf("%s%s phase: %d objects%s%n", prefix, phase.cliName(), steps, transactional ? " in one transaction" : "");
        out.flush();
    }

    @Override
    public void onOutcome(DeployOutcome o) {
        out.printf("  %3d %-13s %-8s %-11s %s%s%n", o.seq(), o.status(), o.action(), o.type(), o.name(),
                o.message() == null ? "" : "  -- " + o.message().replace('\n', ' '));
        for (String d : o.differences()) {
            out.println("        drift: " + d);
        }
        out.flush();
    }

    @Override
    public void onPhaseEnd(DeployResult.PhaseResult r) {
        out.printf("%s%s phase %s%s%n", prefix, r.phase().cliName(), r.outcome(), r.message() == null ? "" : ": " + r.message());
        out.flush();
    }
}
