package dev.ferry.app.cli;

import dev.ferry.engine.endpoint.EndpointUrl;
import dev.ferry.engine.endpoint.ParsedEndpoint;
import dev.ferry.engine.secret.SecretStore;
import dev.ferry.engine.secret.SecretStores;
import dev.ferry.model.project.EndpointConfig;
import dev.ferry.model.project.ObjectLocator;
import dev.ferry.model.project.Project;
import dev.ferry.model.project.ProjectFiles;
import dev.ferry.model.project.SelectionRule;
import dev.ferry.model.project.TableMappingRule;
import dev.ferry.model.project.TableMappings;
import dev.ferry.model.project.TaskConfig;
import dev.ferry.model.project.TaskSettings;
import dev.ferry.model.project.TaskType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code ferry project new}: writes a valid project file from two URLs. A password found in a URL never reaches the
 * file: it goes to the secret store (the endpoint gets a {@code passwordRef}), or, with {@code --source-password-env}
 * / {@code --target-password-env}, the endpoint names that environment variable instead.
 */
@Command(name = "new", mixinStandardHelpOptions = true,
        description = {"Create a project file with a source and a target endpoint, table selection rules and optionally a task.",
                "Passwords in the URLs are moved to the secret store (or replaced by --*-password-env references);",
                "they are never written into the file."})
public final class ProjectNewCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    VerboseMixin verbose;

    @Parameters(index = "0", paramLabel = "<file>", description = "The project file to write, e.g. sales.ferry.json.")
    Path file;

    @Option(names = "--source", required = true, paramLabel = "<url>", description = "Source endpoint URL.")
    String source;

    @Option(names = "--target", required = true, paramLabel = "<url>", description = "Target endpoint URL.")
    String target;

    @Option(names = "--name", paramLabel = "<name>", description = "Project name (default: the file name).")
    String name;

    @Option(names = "--task", paramLabel = "<name>", description = "Add a task with this name.")
    String task;

    @Option(names = "--type", paramLabel = "<type>", defaultValue = "full-load",
            description = "Task type: full-load, full-load-and-cdc or cdc (default: ${DEFAULT-VALUE}).")
    String type;

    @Option(names = "--include", paramLabel = "<schema.table>",
            description = "Include tables matching this pattern (% is a wildcard; 'schema' alone means every table). Repeatable; default: everything.")
    List<String> includes = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "<schema.table>", description = "Exclude tables matching this pattern. Repeatable.")
    List<String> excludes = new ArrayList<>();

    @Option(names = "--source-password-env", paramLabel = "<VAR>", description = "The source password comes from this environment variable.")
    String sourcePasswordEnv;

    @Option(names = "--target-password-env", paramLabel = "<VAR>", description = "The target password comes from this environment variable.")
    String targetPasswordEnv;

    @Option(names = "--force", description = "Overwrite an existing file.")
    boolean force;

    /** Where passwords go; replaced in tests. */
    Supplier<SecretStore> secretStore = SecretStores::defaultStore;
    Function<String, String> env = System::getenv;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (Files.exists(file) && !force) {
            throw new ConfigurationException(file + " already exists (use --force to overwrite)");
        }
        String projectName = name != null ? name : defaultName(file);
        TaskType taskType = parseType(type);
        List<String> notes = new ArrayList<>();
        EndpointConfig src = endpoint("source", source, sourcePasswordEnv, projectName, notes);
        EndpointConfig tgt = endpoint("target", target, targetPasswordEnv, projectName, notes);

        List<TableMappingRule> rules = new ArrayList<>();
        int id = 1;
        for (String pattern : includes.isEmpty() ? List.of("%.%") : includes) {
            rules.add(selection(id++, pattern, SelectionRule.Action.INCLUDE));
        }
        for (String pattern : excludes) {
            rules.add(selection(id++, pattern, SelectionRule.Action.EXCLUDE));
        }
        Project project = Project.empty(projectName).withEndpoint(src).withEndpoint(tgt)
                .withTableMappings(new TableMappings(rules));
        if (task != null) {
            project = project.withTask(new TaskConfig(task, taskType, "source", "target", TaskSettings.DEFAULTS));
        }
        ProjectFiles.save(project, file);
        out.println("Wrote " + file + ": project '" + projectName + "', endpoints source (" + src.describe() + ") and target ("
                + tgt.describe() + "), " + rules.size() + " selection rule" + (rules.size() == 1 ? "" : "s")
                + (task != null ? ", task '" + task + "' (" + taskType.externalName() + ")" : ""));
        notes.forEach(out::println);
        out.flush();
        return ExitCodes.OK;
    }

    private EndpointConfig endpoint(String role, String url, String passwordEnv, String projectName, List<String> notes) {
        ParsedEndpoint parsed;
        try {
            parsed = EndpointUrl.parse(role, url);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("--" + role + ": " + e.getMessage(), e);
        }
        EndpointConfig config = parsed.config().withName(role);
        char[] password = parsed.password();
        try {
            if (passwordEnv != null) {
                if (!passwordEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    throw new ConfigurationException("--" + role + "-password-env: '" + passwordEnv + "' is not an environment variable name");
                }
                if (password != null) {
                    notes.add("The " + role + " password in the URL was not stored: the endpoint reads it from $" + passwordEnv + ".");
                }
                return config.withPasswordEnv(passwordEnv);
            }
            if (password != null && password.length > 0) {
                String key = "ferry/" + projectName + "/" + role;
                SecretStore store;
                try {
                    store = secretStore.get();
                    store.put(key, password);
                } catch (RuntimeException e) {
                    throw new ConfigurationException("cannot store the " + role + " password from the URL: " + e.getMessage()
                            + "; use --" + role + "-password-env <VAR> instead", e);
                }
                notes.add("The " + role + " password was moved to " + store.describe() + " as '" + key + "'.");
                return config.withPasswordRef(key);
            }
            return config;
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    private static SelectionRule selection(int id, String pattern, SelectionRule.Action action) {
        String schema;
        String table;
        int dot = pattern.indexOf('.');
        if (dot < 0) {
            schema = pattern;
            table = "%";
        } else {
            schema = pattern.substring(0, dot);
            table = pattern.substring(dot + 1);
        }
        if (schema.isEmpty() || table.isEmpty()) {
            throw new ConfigurationException("'" + pattern + "' is not a schema.table pattern");
        }
        String rid = String.valueOf(id);
        return new SelectionRule(rid, rid, ObjectLocator.table(schema, table), action, null, null, Set.of());
    }

    static TaskType parseType(String text) {
        switch (text.toLowerCase(Locale.ROOT)) {
            case "full-load": return TaskType.FULL_LOAD;
            case "full-load-and-cdc": return TaskType.FULL_LOAD_AND_CDC;
            case "cdc": return TaskType.CDC;
            default: throw new ConfigurationException("Unknown task type '" + text + "': expected full-load, full-load-and-cdc or cdc");
        }
    }

    private static String defaultName(Path file) {
        String n = file.getFileName().toString();
        for (String suffix : new String[] {".ferry.json", ".json"}) {
            if (n.endsWith(suffix)) {
                return n.substring(0, n.length() - suffix.length());
            }
        }
        return n;
    }
}
