package dev.ferry.app.cli;

import dev.ferry.engine.catalog.CatalogListener;
import dev.ferry.engine.load.LoadPlan;
import dev.ferry.engine.load.TableJob;
import dev.ferry.engine.validate.TableValidation;
import dev.ferry.engine.validate.Validator;
import dev.ferry.model.project.Project;
import dev.ferry.model.project.TaskConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code ferry validate}: compares the task's source and target tables (counts, per-range checksums, differing keys) as
 * {@code ferry migrate} does after its load, without loading. Reads the source live (no snapshot): run it on a quiet
 * source. Writes {@code <project-dir>/.ferry/<task>.validate.json}.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Compare a project task's source and target tables row by row (counts, checksums, differing keys).",
                "Exit 0 when every table matches, 1 when any differs, 2 for configuration errors."})
public final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    VerboseMixin verbose;

    @Option(names = "--project", required = true, paramLabel = "<p.json>", description = "The project file.")
    Path project;

    @Option(names = "--task", paramLabel = "<name>", description = "The task (default: the project's only task).")
    String taskName;

    /** Environment lookup for {@code passwordEnv} (tests inject one). */
    java.util.function.Function<String, String> env = System::getenv;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Project p = MigrationContext.loadProject(project);
        TaskConfig task = MigrationContext.task(project, p, taskName);
        try (MigrationContext ctx = MigrationContext.open(project, p, task, env)) {
            List<String> problems = ctx.resolveAgainstCatalogs(CatalogListener.NO_OP);
            if (!problems.isEmpty()) {
                for (String s : problems) {
                    err.println("ferry: " + s);
                }
                err.flush();
                return ExitCodes.USAGE;
            }
            LoadPlan plan = ctx.plan(ctx.settings(null, null));
            Map<String, String> targets = new HashMap<>();
            for (TableJob j : plan.jobs()) {
                targets.put(j.tableKey(), j.target().toString());
            }
            err.printf("Validating %d tables of task %s…%n", plan.jobs().size(), task.name());
            err.flush();
            long t0 = System.nanoTime();
            List<TableValidation> validation = new Validator(ctx.sourceEndpoint, ctx.targetEndpoint, 100, 2).compare(plan.jobs());
            List<MigrationReport.Line> lines = MigrationReport.lines(null, targets, t -> null, validation);
            MigrationReport.print(out, lines);
            long failed = validation.stream().filter(v -> !MigrationReport.ok(v)).count();
            int exit = failed == 0 ? ExitCodes.OK : ExitCodes.WORK_FAILED;
            out.printf("%s: %d tables compared, %d failed validation (%.1f s)%n", failed == 0 ? "VALIDATED" : "MISMATCHED",
                    validation.size(), failed, (System.nanoTime() - t0) / 1e9);
            Path file = ctx.resultFile().resolveSibling(task.name() + ".validate.json");
            MigrationReport.writeJson(file, "validate", task.name(), failed == 0 ? "VALIDATED" : "MISMATCHED", exit, null, lines, null);
            out.println("Result: " + file);
            out.flush();
            return exit;
        }
    }
}
