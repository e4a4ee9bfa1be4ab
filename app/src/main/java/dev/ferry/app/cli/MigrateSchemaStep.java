package dev.ferry.app.cli;

import dev.ferry.engine.deploy.AssessmentFolder;
import dev.ferry.engine.deploy.DeployInput;
import dev.ferry.engine.deploy.DeployInputException;
import dev.ferry.engine.deploy.DeployOptions;
import dev.ferry.engine.deploy.DeployPhase;
import dev.ferry.engine.deploy.DeployResult;
import dev.ferry.engine.deploy.DeployResultJson;
import dev.ferry.engine.deploy.Deployer;
import dev.ferry.engine.deploy.ForeignKeyRelease;
import dev.ferry.engine.load.LoadReset;
import dev.ferry.engine.load.LoadSettings;
import dev.ferry.engine.load.LoadStateStore;
import dev.ferry.model.project.TaskConfig;
import dev.ferry.model.project.TaskSettings;
import dev.ferry.model.util.Redaction;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * The deploy plan around {@code ferry migrate}'s load (DMS's advice): the assessment folder's pre-load phase (schemas,
 * sequences, tables with their primary keys) with the task's {@code TargetTablePrepMode} before the data, the
 * post-load phase (secondary indexes, foreign keys, checks, views, routines, triggers) after it.
 *
 * <p>A load that follows a finished one with a destructive mode starts afresh (target markers and local state
 * forgotten); {@code TRUNCATE_BEFORE_LOAD} also drops the plan's existing foreign keys first so the parallel load can
 * fill the tables in any order, and the post-load phase re-creates them. A resumed (unfinished) load never repeats the
 * preparation. Results go to {@code .ferry/<task>.deploy-pre-load.json} and {@code .deploy-post-load.json}.
 *
 * <p>Not thread-safe: used by one command on its calling thread.
 */
final class MigrateSchemaStep {

    final Path folder;
    final DeployInput input;
    private final TaskSettings.PrepMode mode;
    private TaskSettings.PrepMode effective;

    private MigrateSchemaStep(Path folder, DeployInput input, TaskSettings.PrepMode mode) {
        this.folder = folder;
        this.input = input;
        this.mode = mode;
        this.effective = mode;
    }

    /**
     * The step for {@code task}: the {@code --schema-from} folder, else the task's {@code SchemaFrom} (relative to the
     * project file), else none.
     *
     * @return the step, or empty without a folder
     * @throws ConfigurationException when the folder cannot be read as an assessment
     */
    static Optional<MigrateSchemaStep> of(Path projectFile, TaskConfig task, Path cliFolder) {
        Path folder = cliFolder;
        if (folder == null && task.settings().schemaFrom() != null) {
            folder = projectFile.toAbsolutePath().getParent().resolve(task.settings().schemaFrom()).normalize();
        }
        if (folder == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new MigrateSchemaStep(folder, AssessmentFolder.read(folder), task.settings().targetTablePrepMode()));
        } catch (DeployInputException e) {
            throw new ConfigurationException("schema folder: " + e.getMessage(), e);
        }
    }

    /** The error for a task that wants its tables re-created but names no assessment folder. */
    static String dropAndCreateWithoutFolder(TaskConfig task) {
        return "task " + task.name() + " has TargetTablePrepMode DROP_AND_CREATE but no schema to create the tables from:"
                + " give the assessment folder with --schema-from <dir> (or the task setting SchemaFrom), or set"
                + " TargetTablePrepMode to DO_NOTHING or TRUNCATE_BEFORE_LOAD and deploy the schema first ('ferry deploy').";
    }

    /**
     * Runs the pre-load phase with the task's preparation.
     *
     * @return an exit code to stop with, or empty to go on with the load
     */
    Optional<Integer> preLoad(MigrationContext ctx, boolean yes, PrintWriter out, PrintWriter err) throws SQLException, IOException {
        if (input.targetEngine() != ctx.targetEndpoint.engine()) {
            throw new ConfigurationException("schema folder " + folder + " was converted for " + input.targetEngine().displayName()
                    + " but the task's target is " + ctx.targetEndpoint.engine().displayName());
        }
        LoadSettings settings = ctx.settings(null, null);
        Optional<String> status;
        try (LoadStateStore store = LoadStateStore.open(ctx.stateFile())) {
            status = store.taskStatus(ctx.task.name());
        }
        boolean destructive = mode != TaskSettings.PrepMode.DO_NOTHING;
        if (destructive && status.isPresent() && !"DONE".equals(status.get())) {
            err.println("Resuming the unfinished load of task " + ctx.task.name() + ": TargetTablePrepMode " + mode
                    + " is not repeated (it would lose the ranges already committed).");
            err.flush();
            effective = TaskSettings.PrepMode.DO_NOTHING;
        } else if (destructive && !yes && !confirm(err, ctx)) {
            err.println("ferry: TargetTablePrepMode " + mode + " changes data on the target: confirm with --yes");
            err.flush();
            return Optional.of(ExitCodes.USAGE);
        }
        if (effective != TaskSettings.PrepMode.DO_NOTHING) {
            try (LoadStateStore store = LoadStateStore.open(ctx.stateFile())) {
                int markers = LoadReset.reset(ctx.targetEndpoint, settings, store);
                if (markers > 0) {
                    err.println("A new load of task " + ctx.task.name() + ": the " + markers
                            + " range marker(s) of the previous load were removed from the target.");
                }
            }
            if (effective == TaskSettings.PrepMode.TRUNCATE_BEFORE_LOAD) {
                try (Connection c = ctx.targetEndpoint.connections().open()) {
                    List<String> dropped = ForeignKeyRelease.drop(c, input.targetEngine(), input);
                    if (!dropped.isEmpty()) {
                        err.println("Dropped " + dropped.size() + " foreign key(s) of the plan for the reload; the post-load"
                                + " phase re-creates them after the data: " + String.join(", ", dropped));
                    }
                }
            }
            err.flush();
        }
        DeployOptions.TargetPrep prep = switch (effective) {
            case DROP_AND_CREATE -> DeployOptions.TargetPrep.DROP_AND_CREATE;
            case TRUNCATE_BEFORE_LOAD -> DeployOptions.TargetPrep.TRUNCATE;
            case DO_NOTHING -> DeployOptions.TargetPrep.DO_NOTHING;
        };
        DeployResult r = run(ctx, new DeployOptions(EnumSet.of(DeployPhase.PRE_LOAD), false, DeployOptions.OnError.STOP, prep),
                DeployPhase.PRE_LOAD, out);
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
        if (!s.truncateBeforeLoad()) {
            return s;
        }
        return s.withTruncateBeforeLoad(false);
    }

    /** Runs the post-load phase after the data (each object on its own: one failure does not undo the others). */
    DeployResult postLoad(MigrationContext ctx, PrintWriter out) throws SQLException, IOException {
        return run(ctx, new DeployOptions(EnumSet.of(DeployPhase.POST_LOAD), false, DeployOptions.OnError.CONTINUE,
                DeployOptions.TargetPrep.DO_NOTHING), DeployPhase.POST_LOAD, out);
    }

    private DeployResult run(MigrationContext ctx, DeployOptions options, DeployPhase phase, PrintWriter out)
            throws SQLException, IOException {
        String described = Redaction.redact(ctx.target.config().describe(), ctx.target.password());
        Deployer deployer = new Deployer(ctx.targetEndpoint.engine(), ctx.targetEndpoint.connections(), described);
        DeployResult r = deployer.run(input, options, new DeployPrinter(out, "Deploy "));
        Path file = resultFile(ctx, phase);
        Files.createDirectories(file.getParent());
        DeployResultJson.write(r, folder.toString(), file);
        return r;
    }

    static Path resultFile(MigrationContext ctx, DeployPhase phase) {
        return ctx.projectDir.resolve(".ferry").resolve(ctx.task.name() + ".deploy-" + phase.cliName() + ".json");
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
