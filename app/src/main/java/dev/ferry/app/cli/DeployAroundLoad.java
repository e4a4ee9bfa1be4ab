package dev.ferry.app.cli;

import dev.ferry.engine.deploy.AssessmentFolder;
import dev.ferry.engine.deploy.DeployInput;
import dev.ferry.engine.deploy.DeployInputException;
import dev.ferry.engine.deploy.DeployListener;
import dev.ferry.engine.deploy.DeployOptions;
import dev.ferry.engine.deploy.DeployPhase;
import dev.ferry.engine.deploy.DeployResult;
import dev.ferry.engine.deploy.DeployResultJson;
import dev.ferry.engine.deploy.Deployer;
import dev.ferry.engine.deploy.ForeignKeyRelease;
import dev.ferry.engine.deploy.TargetPrepPreview;
import dev.ferry.engine.load.LoadEndpoint;
import dev.ferry.engine.load.LoadReset;
import dev.ferry.engine.load.LoadSettings;
import dev.ferry.engine.load.LoadStateStore;
import dev.ferry.engine.load.Sql;
import dev.ferry.model.project.TaskConfig;
import dev.ferry.model.project.TaskSettings;
import dev.ferry.model.project.TaskType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The deploy plan around a task's load, shared by {@code ferry migrate} ({@link MigrateSchemaStep}) and the workbench's
 * Tasks Start: the assessment folder's pre-load phase (schemas, sequences, tables with their primary keys) with the
 * task's {@code TargetTablePrepMode} before the data, the post-load phase (secondary indexes, foreign keys, checks,
 * views, routines, triggers) after it.
 *
 * <p>A load that follows a finished one (or none) with a destructive mode starts afresh (target markers and local state
 * forgotten); {@code TRUNCATE_BEFORE_LOAD} also drops the plan's existing foreign keys first so the parallel load can
 * fill the tables in any order, and the post-load phase re-creates them. A resumed (unfinished) load never repeats the
 * preparation, nor does a task that already streams changes ({@link #notRepeated()}). Results go to {@code .ferry/<task>.deploy-pre-load.json} and
 * {@code .deploy-post-load.json} next to the project file. No console, no JavaFX: callers confirm and report.
 *
 * <p>Not thread-safe: used by one run on its calling thread.
 */
public final class DeployAroundLoad {

    private final Path folder;
    private final DeployInput input;
    private final TaskConfig task;
    private final Path projectDir;
    private final LoadEndpoint target;
    private final String describedTarget;

    private DeployAroundLoad(Path folder, DeployInput input, TaskConfig task, Path projectDir, LoadEndpoint target,
                             String describedTarget) {
        this.folder = folder;
        this.input = input;
        this.task = task;
        this.projectDir = projectDir;
        this.target = target;
        this.describedTarget = describedTarget;
    }

    /**
     * The assessment folder of {@code task}: {@code override} (the CLI's {@code --schema-from}), else the task's
     * {@code SchemaFrom} relative to the project file, else empty.
     */
    public static Optional<Path> folder(Path projectFile, TaskConfig task, Path override) {
        if (override != null) {
            return Optional.of(override);
        }
        if (task.settings().schemaFrom() == null) {
            return Optional.empty();
        }
        return Optional.of(projectFile.toAbsolutePath().getParent().resolve(task.settings().schemaFrom()).normalize());
    }

    /** Reads {@code folder} as an assessment (what {@code ferry deploy --from} reads). */
    public static DeployInput read(Path folder) {
        try {
            return AssessmentFolder.read(folder);
        } catch (DeployInputException e) {
            throw new ConfigurationException("schema folder: " + e.getMessage(), e);
        }
    }

    /**
     * The plan of {@code input} (read from {@code folder}) around {@code task}'s load into {@code target}.
     *
     * @param describedTarget the target's description for messages and results, already redacted
     * @throws ConfigurationException when the folder was converted for another engine than the target's
     */
    public static DeployAroundLoad of(Path folder, DeployInput input, TaskConfig task, Path projectDir, LoadEndpoint target,
                                      String describedTarget) {
        if (input.targetEngine() != target.engine()) {
            throw new ConfigurationException("schema folder " + folder + " was converted for " + input.targetEngine().displayName()
                    + " but the task's target is " + target.engine().displayName());
        }
        return new DeployAroundLoad(folder, input, task, projectDir, target, describedTarget);
    }

    /** The error for a task that wants its tables re-created but names no assessment folder. */
    public static String dropAndCreateWithoutFolder(TaskConfig task) {
        return "task " + task.name() + " has TargetTablePrepMode DROP_AND_CREATE but no schema to create the tables from:"
                + " give the assessment folder with --schema-from <dir> (or the task setting SchemaFrom), or set"
                + " TargetTablePrepMode to DO_NOTHING or TRUNCATE_BEFORE_LOAD and deploy the schema first ('ferry deploy').";
    }

    /** {@code <project dir>/.ferry/<task>.deploy-<phase>.json}. */
    public static Path resultFile(Path projectDir, String task, DeployPhase phase) {
        return projectDir.resolve(".ferry").resolve(task + ".deploy-" + phase.cliName() + ".json");
    }

    /** The load's resume state: {@code <project dir>/.ferry/<task>.load.db}. */
    public static Path stateFile(Path projectDir, String task) {
        return projectDir.resolve(".ferry").resolve(task + ".load.db");
    }

    public Path folder() {
        return folder;
    }

    public DeployInput input() {
        return input;
    }

    /** The task's {@code TargetTablePrepMode}. */
    public TaskSettings.PrepMode mode() {
        return task.settings().targetTablePrepMode();
    }

    public Path resultFile(DeployPhase phase) {
        return resultFile(projectDir, task.name(), phase);
    }

    /** Whether the task's load is unfinished (stopped or failed after it started): the next run resumes it. */
    public boolean resuming() throws IOException, SQLException {
        Path state = stateFile(projectDir, task.name());
        if (!Files.exists(state)) {
            return false;
        }
        try (LoadStateStore store = LoadStateStore.open(state)) {
            Optional<String> status = store.taskStatus(task.name());
            return status.isPresent() && !"DONE".equals(status.get());
        }
    }

    /**
     * Whether the task already streams changes into the target: a {@code full-load-and-cdc} or {@code cdc} task whose
     * applied position is stored in {@code ferry_apply_state} (the control table in the target connection's default
     * schema). Emptying or re-creating its tables then would lose the changes applied so far.
     */
    public boolean streams() throws SQLException {
        if (task.type() == TaskType.FULL_LOAD) {
            return false;
        }
        try (Connection c = target.connections().open();
             PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + Sql.control(target.engine(), null, "ferry_apply_state")
                     + " WHERE task = ?")) {
            ps.setString(1, task.name());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState()) || "42S02".equals(e.getSQLState())
                    || String.valueOf(e.getMessage()).contains("no such table")) {
                return false; // never streamed: no control table yet
            }
            throw e;
        }
    }

    /**
     * Why the task's destructive {@code TargetTablePrepMode} is not done by the next pre-load (an unfinished load is
     * resumed, or the task already streams changes), or empty when it is done (or the mode is DO_NOTHING).
     */
    public Optional<String> notRepeated() throws IOException, SQLException {
        if (mode() == TaskSettings.PrepMode.DO_NOTHING) {
            return Optional.empty();
        }
        if (resuming()) {
            return Optional.of("Resuming the unfinished load of task " + task.name() + ": TargetTablePrepMode " + mode()
                    + " is not repeated (it would lose the ranges already committed).");
        }
        if (streams()) {
            return Optional.of("Task " + task.name() + " already streams changes into the target (its position is stored in"
                    + " ferry_apply_state): TargetTablePrepMode " + mode() + " is not repeated (it would lose the applied"
                    + " changes).");
        }
        return Optional.empty();
    }

    /** The preparation the next pre-load does: the task's mode, or DO_NOTHING when {@link #notRepeated()} says why not. */
    public TaskSettings.PrepMode effectiveMode() throws IOException, SQLException {
        return notRepeated().isPresent() ? TaskSettings.PrepMode.DO_NOTHING : mode();
    }

    /** The deploy's target prep for {@code mode}. */
    public static DeployOptions.TargetPrep targetPrep(TaskSettings.PrepMode mode) {
        return switch (mode) {
            case DROP_AND_CREATE -> DeployOptions.TargetPrep.DROP_AND_CREATE;
            case TRUNCATE_BEFORE_LOAD -> DeployOptions.TargetPrep.TRUNCATE;
            case DO_NOTHING -> DeployOptions.TargetPrep.DO_NOTHING;
        };
    }

    /** What the pre-load phase with {@code mode} would drop or empty on the target (nothing changed). */
    public TargetPrepPreview preview(TaskSettings.PrepMode mode) throws SQLException {
        return deployer().preview(input, targetPrep(mode));
    }

    /**
     * Runs the pre-load phase with {@code effective} (from {@link #effectiveMode()}, confirmed by the caller when
     * destructive): a destructive mode first forgets the previous load (markers on the target, local state) and
     * truncate drops the plan's foreign keys.
     *
     * @param settings the load's settings (for the range markers to remove)
     * @param notes    receives one line per thing done besides the deploy's steps
     * @return the phase's result (also written to {@link #resultFile}); not {@code ok()} means nothing may be loaded
     */
    public DeployResult preLoad(TaskSettings.PrepMode effective, LoadSettings settings, DeployListener listener,
                                Consumer<String> notes) throws SQLException, IOException {
        if (effective != TaskSettings.PrepMode.DO_NOTHING) {
            Path state = stateFile(projectDir, task.name());
            Files.createDirectories(state.getParent());
            try (LoadStateStore store = LoadStateStore.open(state)) {
                int markers = LoadReset.reset(target, settings, store);
                if (markers > 0) {
                    notes.accept("A new load of task " + task.name() + ": the " + markers
                            + " range marker(s) of the previous load were removed from the target.");
                }
            }
            if (effective == TaskSettings.PrepMode.TRUNCATE_BEFORE_LOAD) {
                try (Connection c = target.connections().open()) {
                    List<String> dropped = ForeignKeyRelease.drop(c, input.targetEngine(), input);
                    if (!dropped.isEmpty()) {
                        notes.accept("Dropped " + dropped.size() + " foreign key(s) of the plan for the reload; the post-load"
                                + " phase re-creates them after the data: " + String.join(", ", dropped));
                    }
                }
            }
        }
        return run(new DeployOptions(EnumSet.of(DeployPhase.PRE_LOAD), false, DeployOptions.OnError.STOP, targetPrep(effective)),
                DeployPhase.PRE_LOAD, listener);
    }

    /** The load's settings: the pre-load phase did the truncation, so the load itself must not truncate again. */
    public static LoadSettings adjust(LoadSettings s) {
        return s.truncateBeforeLoad() ? s.withTruncateBeforeLoad(false) : s;
    }

    /** Runs the post-load phase after the data (each object on its own: one failure does not undo the others). */
    public DeployResult postLoad(DeployListener listener) throws SQLException, IOException {
        return run(new DeployOptions(EnumSet.of(DeployPhase.POST_LOAD), false, DeployOptions.OnError.CONTINUE,
                DeployOptions.TargetPrep.DO_NOTHING), DeployPhase.POST_LOAD, listener);
    }

    private DeployResult run(DeployOptions options, DeployPhase phase, DeployListener listener) throws SQLException, IOException {
        DeployResult r = deployer().run(input, options, listener);
        Path file = resultFile(phase);
        Files.createDirectories(file.getParent());
        DeployResultJson.write(r, folder.toString(), file);
        return r;
    }

    private Deployer deployer() {
        return new Deployer(target.engine(), target.connections(), describedTarget);
    }
}
