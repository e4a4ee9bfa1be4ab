package dev.ferry.app.cli;

import dev.ferry.model.project.EndpointConfig;
import dev.ferry.model.project.Project;
import dev.ferry.model.project.ProjectFiles;
import dev.ferry.model.project.SelectionRule;
import dev.ferry.model.project.TableMappings;
import dev.ferry.model.project.TaskConfig;
import dev.ferry.model.project.TaskSettings;
import dev.ferry.model.project.TaskType;
import dev.ferry.model.project.TlsMode;
import dev.ferry.model.schema.Engine;
import dev.ferry.testsupport.TestServer;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Shared helpers of the CDC command-line ITs: projects over the embedded servers and in-process CLI runs. */
final class CdcCliSupport {

    static final String SOURCE_PW = "FERRY_IT_SOURCE_PW";
    static final String TARGET_PW = "FERRY_IT_TARGET_PW";

    private CdcCliSupport() {
    }

    record Run(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    /** Runs the CLI in-process; passwords of the test servers reach the commands through an injected environment. */
    static Run run(TestServer source, TestServer target, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Function<String, String> env = n -> n.equals(SOURCE_PW) ? source.password() : n.equals(TARGET_PW) ? target.password() : null;
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                K k = CommandLine.defaultFactory().create(cls);
                if (k instanceof MigrateCommand m) {
                    m.env = env;
                } else if (k instanceof ValidateCommand v) {
                    v.env = env;
                } else if (k instanceof CutoverCommand c) {
                    c.env = env;
                } else if (k instanceof TaskCommand.Cleanup c) {
                    c.env = env;
                }
                return k;
            }
        };
        int code = FerryCli.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true), factory).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    static EndpointConfig endpoint(String name, TestServer s, String db, String pwEnv) {
        Engine e = s.kind() == TestServer.Kind.POSTGRESQL ? Engine.POSTGRESQL : Engine.MYSQL;
        return new EndpointConfig(name, e, s.host(), s.port(), db, s.user(), null, s.password().isEmpty() ? null : pwEnv,
                TlsMode.DISABLE, null, null, null);
    }

    static TaskSettings settings(String start, String stop) {
        return new TaskSettings(2, 2000, TaskSettings.PrepMode.DO_NOTHING, TaskSettings.LobMode.LIMITED, 32, 64,
                TaskSettings.ErrorPolicy.DEFAULTS, false, start, stop, false);
    }

    /** A project with one task {@code task} from {@code srcDb} to {@code dstDb} selecting every table of {@code schema}. */
    static Path project(Path dir, TestServer source, String srcDb, String schema, TestServer target, String dstDb, String task,
                        TaskType type, TaskSettings settings) throws Exception {
        List<dev.ferry.model.project.TableMappingRule> rules = new java.util.ArrayList<>();
        rules.add(SelectionRule.include("1", schema, "%"));
        if (source.kind() != target.kind()) { // a MySQL database lands in PostgreSQL's public schema
            rules.add(new dev.ferry.model.project.TransformationRule("2", "schema", dev.ferry.model.project.TransformationRule.Target.SCHEMA,
                    new dev.ferry.model.project.ObjectLocator(schema, null, null, null, null, null, null),
                    dev.ferry.model.project.TransformationRule.Action.RENAME, "public", null, null, null, null, null, java.util.Set.of()));
        }
        Project p = Project.empty("cdc-it").withEndpoint(endpoint("src", source, srcDb, SOURCE_PW))
                .withEndpoint(endpoint("dst", target, dstDb, TARGET_PW))
                .withTableMappings(new TableMappings(rules))
                .withTask(new TaskConfig(task, type, "src", "dst", settings));
        Path file = dir.resolve("p.ferry.json");
        ProjectFiles.save(p, file);
        return file;
    }

    static long count(TestServer s, String db, String sql) throws Exception {
        try (Connection c = s.connect(db); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String text(TestServer s, String db, String sql) throws Exception {
        try (Connection c = s.connect(db); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static Map<String, String> env(TestServer source, TestServer target) {
        return Map.of(SOURCE_PW, source.password(), TARGET_PW, target.password());
    }
}
