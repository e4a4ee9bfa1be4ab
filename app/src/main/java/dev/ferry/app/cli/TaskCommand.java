package dev.ferry.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.engine.cdc.apply.TaskCapture;
import dev.ferry.engine.cdc.postgres.PostgresCdcConfig;
import dev.ferry.engine.cdc.sqlite.SqliteCdcConfig;
import dev.ferry.engine.endpoint.JdbcUrls;
import dev.ferry.engine.load.Sql;
import dev.ferry.model.project.EndpointConfig;
import dev.ferry.model.project.Project;
import dev.ferry.model.project.TaskConfig;
import dev.ferry.model.schema.Engine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** {@code ferry task ...}: operations on a project's task. */
@Command(name = "task", mixinStandardHelpOptions = true, description = "Operations on a project's task.",
        subcommands = TaskCommand.Cleanup.class)
public final class TaskCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand (cleanup)");
    }

    /**
     * {@code ferry task cleanup}: removes what the task left on the source (PostgreSQL replication slot and publication,
     * SQLite capture triggers and table; a MySQL binlog capture leaves nothing) and, with {@code --control-tables}, its
     * rows in the target's control tables (tables left empty are dropped) and with {@code --local-state} its files in
     * {@code .ferry/}. Asks for confirmation unless {@code --yes}. Refuses while the task is streaming.
     */
    @Command(name = "cleanup", mixinStandardHelpOptions = true,
            description = {"Remove a task's capture objects from the source (PostgreSQL slot and publication, SQLite triggers"
                    + " and capture table) and, on request, its control rows/tables on the target and its local state.",
                    "Exit 0 when done, 1 when something could not be removed, 2 for usage errors or no confirmation."})
    public static final class Cleanup implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        VerboseMixin verbose;

        @Option(names = "--project", required = true, paramLabel = "<p.json>", description = "The project file.")
        Path project;

        @Option(names = "--task", paramLabel = "<name>", description = "The task (default: the project's only task).")
        String taskName;

        @Option(names = "--control-tables", description = "Also delete the task's rows from ferry_apply_state, ferry_load_state"
                + " and ferry_exceptions on the target, and drop those tables when no other task uses them.")
        boolean controlTables;

        @Option(names = "--local-state", description = "Also delete the task's files in .ferry/ (load state, results, CDC status,"
                + " cutover state and report).")
        boolean localState;

        @Option(names = "--yes", description = "Do not ask for confirmation.")
        boolean yes;

        /** Environment lookup for {@code passwordEnv} (tests inject one). */
        java.util.function.Function<String, String> env = System::getenv;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Project p = MigrationContext.loadProject(project);
            TaskConfig task = MigrationContext.task(project, p, taskName);
            Path dir = project.toAbsolutePath().getParent();
            Path status = CdcStatusFile.of(dir, task.name());
            if (Files.isRegularFile(status)) {
                JsonNode n = CdcStatusFile.read(status);
                long pid = n.path("pid").asLong(-1);
                if (n.path("phase").asText().equals("STREAMING") && pid != ProcessHandle.current().pid()
                        && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    err.println("ferry: task " + task.name() + " is streaming (ferry migrate, pid " + pid + "): stop it first");
                    err.flush();
                    return ExitCodes.WORK_FAILED;
                }
            }
            String what = "the capture objects of task " + task.name() + " on its source"
                    + (controlTables ? ", its control rows on the target" : "") + (localState ? ", its local state" : "");
            Console console = System.console();
            if (!yes) {
                String answer = console == null ? null : console.readLine("Remove %s? [y/N] ", what);
                if (answer == null || !(answer.trim().equalsIgnoreCase("y") || answer.trim().equalsIgnoreCase("yes"))) {
                    err.println("ferry: not confirmed (use --yes); nothing removed");
                    err.flush();
                    return ExitCodes.USAGE;
                }
            }
            try (MigrationContext ctx = MigrationContext.open(project, p, task, env)) {
                List<String> done = new ArrayList<>(sourceCleanup(ctx));
                if (controlTables) {
                    done.addAll(targetCleanup(ctx));
                }
                if (localState) {
                    done.addAll(localCleanup(dir.resolve(".ferry"), task.name()));
                }
                if (done.isEmpty()) {
                    out.println("Nothing to remove for task " + task.name());
                }
                done.forEach(out::println);
                out.flush();
                return ExitCodes.OK;
            }
        }

        private static List<String> sourceCleanup(MigrationContext ctx) throws SQLException {
            EndpointConfig sc = ctx.source.config();
            TaskCapture capture = switch (sc.engine()) {
                case POSTGRESQL -> TaskCapture.postgres(PostgresCdcConfig.forTask(JdbcUrls.of(sc).url(), sc.user(),
                        ctx.source.password(), ctx.task.name()), List.of());
                case SQLITE -> TaskCapture.sqlite(SqliteCdcConfig.of("jdbc:sqlite:" + sc.path()), List.of());
                default -> null; // binlog capture leaves nothing on the source
            };
            if (capture == null) {
                return List.of();
            }
            try (capture) {
                return capture.cleanup();
            }
        }

        private static List<String> targetCleanup(MigrationContext ctx) throws SQLException {
            List<String> done = new ArrayList<>();
            Engine engine = ctx.targetEndpoint.engine();
            try (Connection c = ctx.targetEndpoint.connections().open()) {
                for (String table : List.of("ferry_apply_state", "ferry_load_state", "ferry_exceptions")) {
                    if (!exists(c, table)) {
                        continue;
                    }
                    String q = Sql.control(engine, null, table);
                    try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + q + " WHERE task = ?")) {
                        ps.setString(1, ctx.task.name());
                        int n = ps.executeUpdate();
                        done.add("deleted " + n + " rows of task " + ctx.task.name() + " from " + table);
                    }
                    try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + q)) {
                        rs.next();
                        if (rs.getLong(1) == 0) {
                            st.execute("DROP TABLE " + q);
                            done.add("dropped " + table + " (no other task uses it)");
                        }
                    }
                }
                if (!c.getAutoCommit()) {
                    c.commit();
                }
            }
            return done;
        }

        private static boolean exists(Connection c, String table) throws SQLException {
            DatabaseMetaData md = c.getMetaData();
            try (ResultSet rs = md.getTables(c.getCatalog(), null, table, new String[]{"TABLE"})) {
                return rs.next();
            }
        }

        private static List<String> localCleanup(Path ferryDir, String task) throws java.io.IOException {
            List<String> done = new ArrayList<>();
            if (!Files.isDirectory(ferryDir)) {
                return done;
            }
            try (Stream<Path> s = Files.list(ferryDir)) {
                for (Path f : s.filter(f -> f.getFileName().toString().startsWith(task + ".")).sorted().toList()) {
                    Files.delete(f);
                    done.add("deleted " + f);
                }
            }
            return done;
        }
    }
}
