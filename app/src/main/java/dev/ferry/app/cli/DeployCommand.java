package dev.ferry.app.cli;

import dev.ferry.engine.deploy.AssessmentFolder;
import dev.ferry.engine.deploy.DeployInput;
import dev.ferry.engine.deploy.DeployInputException;
import dev.ferry.engine.deploy.DeployOptions;
import dev.ferry.engine.deploy.DeployOutcome;
import dev.ferry.engine.deploy.DeployPhase;
import dev.ferry.engine.deploy.DeployResult;
import dev.ferry.engine.deploy.DeployResultJson;
import dev.ferry.engine.deploy.Deployer;
import dev.ferry.engine.deploy.TargetPrepPreview;
import dev.ferry.engine.endpoint.ConnectionFactory;
import dev.ferry.model.util.Redaction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code ferry deploy}: runs an assessment folder's converted objects against a target in the phased plan (pre-load,
 * post-load), idempotently, with optional target preparation; prints every step and writes {@code deploy-result.json}.
 */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = {"Deploy the converted objects of a 'ferry assess' folder into a target database.",
                "Existing objects that match are skipped; ones that differ are reported as DRIFT and left alone.",
                "Exit 0 when every step was ok or skipped; 1 on any error or drift; 2 for usage errors."})
public final class DeployCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    VerboseMixin verbose;

    @Option(names = "--target", required = true, paramLabel = "<jdbc-url | endpoint>",
            description = "The target database: a URL, or an endpoint name of --project.")
    String target;

    @Option(names = "--from", required = true, paramLabel = "<assessment-dir>", description = "The folder 'ferry assess' wrote.")
    Path from;

    @Option(names = "--phase", defaultValue = "all", paramLabel = "pre-load|post-load|all",
            description = "Which phase to run (default: all).")
    String phase;

    @Option(names = "--dry-run", description = "Print the plan (with drift checks when the target is reachable); change nothing.")
    boolean dryRun;

    @Option(names = "--on-error", defaultValue = "stop", paramLabel = "stop|continue",
            description = "stop: stop at the first error (PostgreSQL rolls the phase back); continue: each object on its own.")
    String onError;

    @Option(names = "--target-prep", defaultValue = "do-nothing", paramLabel = "do-nothing|drop-and-create|truncate",
            description = "What to do with the plan's existing tables (drop-and-create and truncate need --yes or a confirmation).")
    String targetPrep;

    @Option(names = "--yes", description = "Confirm a destructive --target-prep without a prompt.")
    boolean yes;

    @Option(names = "--project", paramLabel = "<p.json>", description = "Project file (resolves endpoint names).")
    Path project;

    @Option(names = "--target-password-env", paramLabel = "<VAR>", description = "Environment variable holding the target password.")
    String passwordEnv;

    @Option(names = "--result", paramLabel = "<file>", description = "Where to write the result (default: <from>/deploy-result.json).")
    Path resultFile;

    /** Environment lookup (tests inject one). */
    java.util.function.Function<String, String> env = System::getenv;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DeployOptions options = new DeployOptions(phases(phase), dryRun, enumOf(DeployOptions.OnError.class, onError, "--on-error"),
                enumOf(DeployOptions.TargetPrep.class, targetPrep, "--target-prep"));
        DeployInput input;
        try {
            input = AssessmentFolder.read(from);
        } catch (DeployInputException e) {
            throw new ConfigurationException(e.getMessage(), e);
        }
        EndpointArgument.Resolved r = EndpointArgument.resolve(target, project, passwordEnv, env);
        try {
            if (r.config().engine() != input.targetEngine()) {
                throw new ConfigurationException(from + " was converted for " + input.targetEngine().displayName()
                        + " but the target is " + r.config().engine().displayName());
            }
            String described = Redaction.redact(r.config().describe(), r.password());
            char[] password = r.password();
            Deployer deployer = new Deployer(r.config().engine(), () -> ConnectionFactory.open(r.config(), password), described);
            if (options.targetPrep().destructive() && !options.dryRun() && !yes && !confirm(err, deployer, input, options, described)) {
                err.println("ferry: --target-prep " + targetPrep + " changes data on the target: confirm with --yes");
                err.flush();
                return ExitCodes.USAGE;
            }
            out.printf("%s %d objects from %s into %s (%s)%s%n", options.dryRun() ? "Planning" : "Deploying",
                    input.objects().size(), from, described, r.config().engine().displayName(),
                    Deployer.transactional(r.config().engine()) ? "" : "; DDL commits implicitly: no phase transaction");
            out.flush();
            if (options.targetPrep().destructive() && options.dryRun()) {
                printPreview(out, deployer, input, options.targetPrep());
            }
            DeployResult result = deployer.run(input, options, new DeployPrinter(out, ""));
            Path file = resultFile != null ? resultFile : from.resolve("deploy-result.json");
            DeployResultJson.write(result, from.toString(), file);
            var c = result.counts();
            out.printf("%s: %d ok, %d skipped, %d skipped (manual), %d drift, %d error(s), %d rolled back, %d not run%s%n",
                    options.dryRun() ? "DRY RUN" : result.ok() ? "SUCCEEDED" : "FAILED",
                    c.get(DeployOutcome.Status.OK), c.get(DeployOutcome.Status.SKIPPED), c.get(DeployOutcome.Status.SKIPPED_MANUAL),
                    c.get(DeployOutcome.Status.DRIFT), c.get(DeployOutcome.Status.ERROR), c.get(DeployOutcome.Status.ROLLED_BACK),
                    c.get(DeployOutcome.Status.NOT_RUN),
                    options.dryRun() ? ", " + c.get(DeployOutcome.Status.PLANNED) + " planned" : "");
            out.println("Result: " + file);
            out.flush();
            return result.exitCode();
        } finally {
            r.clear();
        }
    }

    private static Set<DeployPhase> phases(String p) {
        return switch (p.toLowerCase(Locale.ROOT)) {
            case "all" -> EnumSet.allOf(DeployPhase.class);
            case "pre-load" -> EnumSet.of(DeployPhase.PRE_LOAD);
            case "post-load" -> EnumSet.of(DeployPhase.POST_LOAD);
            default -> throw new ConfigurationException("--phase must be pre-load, post-load or all, not '" + p + "'");
        };
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value, String option) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            StringBuilder allowed = new StringBuilder();
            for (E c : type.getEnumConstants()) {
                allowed.append(allowed.length() == 0 ? "" : ", ").append(c.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            }
            throw new ConfigurationException(option + " must be one of " + allowed + ", not '" + value + "'");
        }
    }

    /** A dry run with a destructive preparation: what it would drop or truncate now (the workbench shows the same). */
    private static void printPreview(PrintWriter out, Deployer deployer, DeployInput input, DeployOptions.TargetPrep prep) {
        try {
            TargetPrepPreview preview = deployer.preview(input, prep);
            out.println("Target prep " + TargetPrepPreview.cliName(prep) + " would " + preview.summary()
                    + (preview.items().isEmpty() ? "" : ":"));
            for (TargetPrepPreview.Item i : preview.items()) {
                out.println("  " + i.describe(prep));
            }
        } catch (java.sql.SQLException e) {
            out.println("Target prep " + TargetPrepPreview.cliName(prep) + ": cannot read the target ("
                    + Redaction.redact(String.valueOf(e.getMessage())) + ")");
        }
        out.flush();
    }

    /** Asks on the console: names what the preparation drops or truncates (the engine's preview) and the target. */
    private static boolean confirm(PrintWriter err, Deployer deployer, DeployInput input, DeployOptions options, String target)
            throws IOException, java.sql.SQLException {
        if (System.console() == null) {
            return false;
        }
        TargetPrepPreview preview = deployer.preview(input, options.targetPrep());
        err.println(preview.question(Redaction.redact(target)));
        for (TargetPrepPreview.Item i : preview.items()) {
            err.println("  " + i.describe(options.targetPrep()));
        }
        err.print("Type 'yes' to continue: ");
        err.flush();
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return line != null && line.strip().equalsIgnoreCase("yes");
    }
}
