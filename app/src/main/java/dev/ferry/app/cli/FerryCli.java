package dev.ferry.app.cli;

import dev.ferry.model.project.ProjectFileException;
import dev.ferry.model.util.Redaction;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The {@code ferry} command line. Subcommands are registered in {@link #newCommandLine}; exit codes follow
 * {@link ExitCodes}: 0 success, 1 the work failed, 2 usage or configuration error. Messages of failures go through
 * {@link Redaction} and never carry a secret.
 */
@Command(name = "ferry", mixinStandardHelpOptions = true, versionProvider = FerryVersionProvider.class,
        description = {"Database migration workbench: convert schemas, load data, replicate changes, validate and cut over.",
                "Without a command, 'ferry' opens the workbench."},
        exitCodeOnInvalidInput = ExitCodes.USAGE, exitCodeOnExecutionException = ExitCodes.WORK_FAILED,
        usageHelpAutoWidth = true)
public final class FerryCli implements Callable<Integer> {

    /** The subcommands, in the order the usage help lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(ProjectCommand.class, EndpointCommand.class, CatalogCommand.class,
            AssessCommand.class, MigrateCommand.class, ValidateCommand.class, DeployCommand.class, StatusCommand.class,
            CutoverCommand.class, TaskCommand.class);

    @Spec
    CommandSpec spec;

    @Mixin
    VerboseMixin verbose;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing command");
    }

    /** Runs {@code args} with the process's stdout/stderr and returns the exit code. */
    public static int execute(String... args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        // picocli builds the model of every registered command up front (≈ 0.2 s of CPU for all of Ferry's, their
        // options and nested subcommands): a run of one subcommand registers only that one
        return newCommandLine(out, err, CommandLine.defaultFactory(), args.length > 0 ? args[0] : null).execute(args);
    }

    /**
     * The configured command line writing to {@code out} and {@code err}. Errors handled by the exception handlers always
     * go to {@code err}; a subcommand added later with {@code addSubcommand} should be followed by {@code setOut}/
     * {@code setErr} so its own output goes there too (subcommands declared in {@code @Command} inherit them).
     */
    public static CommandLine newCommandLine(PrintWriter out, PrintWriter err) {
        return newCommandLine(out, err, CommandLine.defaultFactory());
    }

    /** As {@link #newCommandLine(PrintWriter, PrintWriter)}, with a factory that creates the commands (tests inject collaborators). */
    public static CommandLine newCommandLine(PrintWriter out, PrintWriter err, CommandLine.IFactory factory) {
        return newCommandLine(out, err, factory, null);
    }

    /**
     * As {@link #newCommandLine(PrintWriter, PrintWriter, CommandLine.IFactory)}, registering only the subcommand named
     * {@code only} when there is one of that name (help, errors and qualified names are the same as with the full tree);
     * every subcommand otherwise.
     */
    static CommandLine newCommandLine(PrintWriter out, PrintWriter err, CommandLine.IFactory factory, String only) {
        CommandLine cmd = new CommandLine(new FerryCli(), factory);
        List<Class<?>> chosen = SUBCOMMANDS.stream().filter(c -> c.getAnnotation(Command.class).name().equals(only)).toList();
        for (Class<?> c : chosen.isEmpty() ? SUBCOMMANDS : chosen) {
            cmd.addSubcommand(c); // before the settings below, which apply to the subcommands registered so far
        }
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            boolean isVerbose = parseResult.expandedArgs().contains("--verbose") || parseResult.expandedArgs().contains("-v");
            PrintWriter e = err;
            int code = ex instanceof ConfigurationException || ex instanceof ProjectFileException || ex instanceof ParameterException
                    ? ExitCodes.USAGE : ExitCodes.WORK_FAILED;
            String message = ex instanceof ProjectFileException ? ex.getMessage() : Redaction.redact(String.valueOf(ex.getMessage()));
            e.println(ex instanceof ProjectFileException ? message : "ferry: " + message);
            if (isVerbose) {
                java.io.StringWriter trace = new java.io.StringWriter();
                ex.printStackTrace(new PrintWriter(trace));
                e.print(Redaction.redact(trace.toString()));
            } else if (code == ExitCodes.WORK_FAILED) {
                e.println("(run again with --verbose for details)");
            }
            e.flush();
            return code;
        });
        cmd.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            PrintWriter e = err;
            e.println("ferry: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, e);
            e.println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
            e.flush();
            return ExitCodes.USAGE;
        });
        return cmd;
    }
}
