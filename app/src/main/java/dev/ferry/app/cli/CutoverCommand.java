package dev.ferry.app.cli;

import dev.ferry.model.project.Project;
import dev.ferry.model.project.TaskConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code ferry cutover}: the guided switch-over of a CDC task, six steps recorded in {@code .ferry/<task>.cutover.json}
 * (see {@link CutoverState}); a run continues at the first step not done. The applier runs IN THIS PROCESS: when a
 * {@code ferry migrate} of the task is still streaming (its status file names a live pid), cutover asks it to stop
 * (SIGTERM: a clean stop that keeps the applied position), waits for it, and takes over streaming from the stored
 * position to drain. Nothing changes the target without confirmation ({@code --yes}, or a prompt on a terminal). The steps
 * themselves are {@link CutoverSequence}, which the workbench's cutover wizard runs too.
 */
@Command(name = "cutover", mixinStandardHelpOptions = true,
        description = {"Cut a CDC task over: 1 confirm source writes stopped, 2 drain until the lag is zero, 3 validate,"
                + " 4 advance sequences/identities past the migrated maximum, 5 run the post-load deploy phase, 6 write a"
                + " report (.ferry/<task>.cutover-report.{json,txt}).",
                "Each step is recorded in .ferry/<task>.cutover.json; run again to continue after a failure.",
                "Exit 0 when the cutover is complete, 1 when a step failed, 2 for usage/configuration errors."})
public final class CutoverCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    VerboseMixin verbose;

    @Option(names = "--project", required = true, paramLabel = "<p.json>", description = "The project file.")
    Path project;

    @Option(names = "--task", paramLabel = "<name>", description = "The task (default: the project's only task).")
    String taskName;

    @Option(names = "--yes", description = "Confirm every step without asking (writes stopped, stopping a running migrate,"
            + " changing the target).")
    boolean yes;

    @Option(names = "--quiet-seconds", paramLabel = "<s>", defaultValue = "3",
            description = "A source with no new change for this long is idle (drain and write detection; default 3).")
    long quietSeconds;

    @Option(names = "--drain-timeout", paramLabel = "<s>", defaultValue = "600",
            description = "Give up draining after this many seconds (default 600).")
    long drainTimeout;

    @Option(names = "--post-load-sql", paramLabel = "<file|dir>",
            description = "The post-load deploy phase: a SQL script, or a folder of *.sql scripts run in name order.")
    Path postLoadSql;

    @Option(names = "--schema-from", paramLabel = "<dir>",
            description = "The post-load deploy phase from this assessment folder (default: the task's SchemaFrom), run by"
                    + " the deploy engine; --post-load-sql is the alternative.")
    Path schemaFrom;

    @Option(names = "--restart", description = "Forget the recorded steps and start the cutover from step 1.")
    boolean restart;

    /** Environment lookup for {@code passwordEnv} (tests inject one). */
    java.util.function.Function<String, String> env = System::getenv;

    /** The deploy-side steps; {@code null}: {@link SqlCutoverActions} with {@link #postLoadSql}. */
    CutoverActions actions;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (schemaFrom != null && postLoadSql != null) {
            throw new ConfigurationException("give either --schema-from or --post-load-sql for the post-load deploy, not both");
        }
        Project p = MigrationContext.loadProject(project);
        TaskConfig task = MigrationContext.task(project, p, taskName);
        Console console = System.console();
        CutoverSequence.Prompts prompts = new CutoverSequence.Prompts() {
            @Override
            public boolean confirm(String question) {
                return CutoverCommand.this.confirm(console, question);
            }

            @Override
            public String confirmedHow() {
                return yes ? "confirmed with --yes" : "confirmed at the prompt";
            }
        };
        CutoverSequence.Listener listener = new CutoverSequence.Listener() {
            @Override
            public void doneEarlier(int number, String title) {
                err.println("step " + number + " (" + title + "): done earlier");
            }

            @Override
            public void stepStarted(int number, String title) {
                err.println("step " + number + ": " + title + "…");
                err.flush();
            }

            @Override
            public void message(String line) {
                err.println(line);
                err.flush();
            }
        };
        CutoverSequence sequence = new CutoverSequence(project, p, task,
                new CutoverSequence.Options(quietSeconds, drainTimeout, postLoadSql, schemaFrom, restart), prompts, listener);
        sequence.actions = actions;
        Path stateFile = sequence.stateFile();
        if (sequence.complete()) {
            out.println("The cutover of task " + task.name() + " is complete (" + stateFile + "); --restart to run it again.");
            out.print(sequence.recordedText());
            out.flush();
            return ExitCodes.OK;
        }
        if (!yes && console == null) {
            throw new ConfigurationException("cutover stops streaming and changes the target (sequences, post-load deploy):"
                    + " confirm with --yes, or run it on a terminal to be asked");
        }
        CutoverSequence.Result r = sequence.run(env, null, () -> false);
        switch (r.outcome()) {
            case NOT_READY -> {
                r.problems().forEach(s -> err.println("ferry: " + s));
                err.flush();
                return ExitCodes.USAGE;
            }
            case NOT_CONFIRMED -> {
                r.problems().forEach(s -> err.println("ferry: " + s));
                err.flush();
                return r.problems().stream().anyMatch(s -> s.startsWith("cutover not confirmed")) ? ExitCodes.USAGE
                        : ExitCodes.WORK_FAILED;
            }
            case FAILED -> {
                out.print(r.text());
                out.println("Step " + r.failedStep() + " failed; fix the cause and run 'ferry cutover' again to"
                        + " continue from it (state: " + stateFile + ").");
                out.flush();
                return ExitCodes.WORK_FAILED;
            }
            default -> {
                Path dir = project.toAbsolutePath().getParent();
                out.print(r.text());
                if (r.outcome() == CutoverSequence.Outcome.COMPLETE) {
                    out.println("Report: " + reportFile(dir, task.name(), "txt") + " and " + reportFile(dir, task.name(), "json"));
                }
                out.flush();
                return ExitCodes.OK;
            }
        }
    }

    static Path reportFile(Path dir, String task, String ext) {
        return CutoverSequence.reportFile(dir, task, ext);
    }

    private boolean confirm(Console console, String question) {
        if (yes) {
            return true;
        }
        if (console == null) {
            return false;
        }
        String answer = console.readLine("%s [y/N] ", question);
        return answer != null && (answer.trim().equalsIgnoreCase("y") || answer.trim().equalsIgnoreCase("yes"));
    }
}
