package dev.ferry.app.cli;

import dev.ferry.engine.deploy.DeployInput;
import dev.ferry.engine.deploy.DeployPhase;
import dev.ferry.engine.deploy.DeployResult;
import dev.ferry.engine.load.LoadSettings;
import dev.ferry.model.project.TaskConfig;
import dev.ferry.model.project.TaskSettings;
import dev.ferry.model.util.Redaction;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;

/**
 * {@code ferry migrate}'s side of {@link DeployAroundLoad} (the deploy plan around the load, shared with the
 * workbench): the console confirmation of a destructive {@code TargetTablePrepMode} ({@code --yes}), and the printed
 * progress and notes. A resumed (unfinished) load never repeats the preparation.
 *
 * <p>Not thread-safe: used by one command on its calling thread.
 */
final class MigrateSchemaStep {

    final Path folder;
    final DeployInput input;
    private final TaskSettings.PrepMode mode;
    private DeployAroundLoad plan;

    private MigrateSchemaStep(Path folder, DeployInput input, TaskSettings.PrepMode mode) {
        this.folder = folder;
        this.input = input;
        this.mode = mode;
    }

    /**
     * The step for {@code task}: the {@code --schema-from} folder, else the task's {@code SchemaFrom} (relative to the
     * project file), else none.
     *
     * @return the step, or empty without a folder
     * @throws ConfigurationException when the folder cannot be read as an assessment
     */
    static Optional<MigrateSchemaStep> of(Path projectFile, TaskConfig task, Path cliFolder) {
        return DeployAroundLoad.folder(projectFile, task, cliFolder)
                .map(f -> new MigrateSchemaStep(f, DeployAroundLoad.read(f), task.settings().targetTablePrepMode()));
    }

    /** The error for a task that wants its tables re-created but names no assessment folder. */
    static String dropAndCreateWithoutFolder(TaskConfig task) {
        return DeployAroundLoad.dropAndCreateWithoutFolder(task);
    }

    private DeployAroundLoad plan(MigrationContext ctx) {
        if (plan == null) {
            plan = DeployAroundLoad.of(folder, input, ctx.task, ctx.projectDir, ctx.targetEndpoint,
                    Redaction.redact(ctx.target.config().describe(), ctx.target.password()));
        }
        return plan;
    }

    /**
     * Runs the pre-load phase with the task's preparation.
     *
     * @return an exit code to stop with, or empty to go on with the load
     */
    Optional<Integer> preLoad(MigrationContext ctx, boolean yes, PrintWriter out, PrintWriter err) throws SQLException, IOException {
        DeployAroundLoad p = plan(ctx);
        Optional<String> notRepeated = p.notRepeated();
        TaskSettings.PrepMode effective = notRepeated.isPresent() ? TaskSettings.PrepMode.DO_NOTHING : mode;
        if (notRepeated.isPresent()) {
            err.println(notRepeated.get());
            err.flush();
        } else if (effective != TaskSettings.PrepMode.DO_NOTHING && !yes && !confirm(err, ctx)) {
            err.println("ferry: TargetTablePrepMode " + mode + " changes data on the target: confirm with --yes");
            err.flush();
            return Optional.of(ExitCodes.USAGE);
        }
        DeployResult r = p.preLoad(effective, ctx.settings(null, null), new DeployPrinter(out, "Deploy "), line -> {
            err.println(line);
            err.flush();
        });
        if (!r.ok()) {
            out.println("The pre-load phase failed (see above and " + resultFile(ctx, DeployPhase.PRE_LOAD)
                    + "): nothing was loaded.");
            out.flush();
            return Optional.of(ExitCodes.WORK_FAILED);
        }
        return Optional.empty();
    }

    /** The load's settings: the pre-load phase did the truncation, so the load itself must not truncate again. */
    LoadSettings adjust(LoadSettings s) {
        return DeployAroundLoad.adjust(s);
    }

    /** Runs the post-load phase after the data (each object on its own: one failure does not undo the others). */
    DeployResult postLoad(MigrationContext ctx, PrintWriter out) throws SQLException, IOException {
        return plan(ctx).postLoad(new DeployPrinter(out, "Deploy "));
    }

    static Path resultFile(MigrationContext ctx, DeployPhase phase) {
        return DeployAroundLoad.resultFile(ctx.projectDir, ctx.task.name(), phase);
    }

    private boolean confirm(PrintWriter err, MigrationContext ctx) throws IOException {
        if (System.console() == null) {
            return false;
        }
        err.printf("TargetTablePrepMode %s will %s the plan's existing tables on %s. Type 'yes' to continue: ", mode,
                mode == TaskSettings.PrepMode.TRUNCATE_BEFORE_LOAD ? "empty" : "drop and re-create",
                Redaction.redact(ctx.target.config().describe()));
        err.flush();
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return line != null && line.strip().equalsIgnoreCase("yes");
    }
}
