package dev.ferry.app.cli;

import dev.ferry.engine.endpoint.ConnectionFactory;
import dev.ferry.engine.endpoint.ConnectionTestResult;
import dev.ferry.engine.endpoint.ConnectionTester;
import dev.ferry.engine.endpoint.ReadinessCheck;
import dev.ferry.engine.endpoint.ReadinessChecker;
import dev.ferry.engine.endpoint.Role;
import dev.ferry.model.util.Redaction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code ferry endpoint test}: connects within the endpoint's timeout and prints one classified outcome; with
 * {@code --role} it also runs the readiness checks for that role and prints each fix.
 */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Test a connection and print one outcome: OK (with the server version), UNREACHABLE, AUTH_FAILED,",
                "UNKNOWN_DATABASE, TLS_ERROR, INSUFFICIENT_PRIVILEGES or TIMEOUT. Exit code 0 when OK, 1 otherwise.",
                "With --role, also run the readiness checks for that role (a FAIL also exits 1)."})
public final class EndpointTestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    VerboseMixin verbose;

    @Parameters(index = "0", paramLabel = "<url-or-name>",
            description = "A URL (postgresql://user@host:5432/db, mysql://…, oracle://…/SERVICE, sqlite:/path/file.db) or an endpoint name from --project.")
    String endpoint;

    @Option(names = "--project", paramLabel = "<p.json>", description = "Project file holding the named endpoint.")
    Path project;

    @Option(names = "--password-env", paramLabel = "<VAR>", description = "Take the password from this environment variable.")
    String passwordEnv;

    @Option(names = "--role", paramLabel = "<role>",
            description = "Run readiness checks for: source (full load), cdc-source, target.")
    String role;

    @Option(names = "--schema", paramLabel = "<schema>", description = "Schemas the readiness checks look at (repeatable).")
    List<String> schemas = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Role readinessRole = parseRole(role);
        EndpointArgument.Resolved r = EndpointArgument.resolve(endpoint, project, passwordEnv, System::getenv);
        try {
            ConnectionTestResult result = new ConnectionTester().test(r.config(), r.password());
            out.printf("%s  %s  (%d ms)%n", result.outcome(), Redaction.redact(result.message(), r.password()),
                    result.elapsed().toMillis());
            if (!result.ok()) {
                out.flush();
                return ExitCodes.WORK_FAILED;
            }
            if (readinessRole == null) {
                out.flush();
                return ExitCodes.OK;
            }
            boolean failed = false;
            try (Connection c = ConnectionFactory.open(r.config(), r.password())) {
                List<ReadinessCheck> checks = ReadinessChecker.check(c, r.config(), readinessRole, schemas);
                out.println();
                out.println("Readiness as " + role + ":");
                for (ReadinessCheck check : checks) {
                    out.printf("  %-4s %s: %s%n", check.status(), check.title(), check.detail());
                    if (check.status() != ReadinessCheck.Status.PASS && check.fix() != null && !check.fix().isBlank()) {
                        out.printf("       fix: %s%n", check.fix());
                    }
                    failed |= check.status() == ReadinessCheck.Status.FAIL;
                }
            } catch (SQLException e) {
                out.println("Readiness checks could not run: " + Redaction.redact(e.getMessage(), r.password()));
                failed = true;
            }
            out.flush();
            return failed ? ExitCodes.WORK_FAILED : ExitCodes.OK;
        } finally {
            r.clear();
        }
    }

    private static Role parseRole(String text) {
        if (text == null) {
            return null;
        }
        switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "source": case "full-load-source": return Role.SOURCE_FULL_LOAD;
            case "cdc-source": case "cdc": return Role.SOURCE_CDC;
            case "target": return Role.TARGET;
            default: throw new ConfigurationException("Unknown role '" + text + "': expected source, cdc-source or target");
        }
    }
}
