package dev.ferry.app.gui.deploy;

import dev.ferry.app.assess.AssessmentFolders;
import dev.ferry.app.gui.endpoints.PasswordSource;
import dev.ferry.engine.deploy.AssessmentFolder;
import dev.ferry.engine.deploy.DeployInput;
import dev.ferry.engine.deploy.DeployListener;
import dev.ferry.engine.deploy.DeployOptions;
import dev.ferry.engine.deploy.DeployOutcome;
import dev.ferry.engine.deploy.DeployPhase;
import dev.ferry.engine.deploy.DeployResult;
import dev.ferry.engine.deploy.DeployResultJson;
import dev.ferry.engine.deploy.Deployer;
import dev.ferry.engine.deploy.TargetPrepPreview;
import dev.ferry.engine.endpoint.ConnectionFactory;
import dev.ferry.model.project.EndpointConfig;
import dev.ferry.model.schema.Engine;
import dev.ferry.model.util.Redaction;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * The engine's deploy: {@link AssessmentFolder} reads the folder (what {@code ferry deploy --from} reads), the
 * {@link Deployer} runs it with the endpoint's password from the secret store, and the result is written to
 * {@code <folder>/deploy-result.json} as the CLI does. Cancelling throws from the deploy listener before the next
 * object: the Deployer rolls the phase's transaction back (PostgreSQL, SQLite). Thread-safe (stateless).
 */
public final class EngineDeployRunning implements DeployRunning {

    private final PasswordSource passwords;

    public EngineDeployRunning(PasswordSource passwords) {
        this.passwords = passwords;
    }

    @Override
    public Plan open(Path folder) throws Exception {
        DeployInput input = AssessmentFolder.read(folder);
        return new Plan(input, AssessmentFolders.readEdits(folder).keySet());
    }

    @Override
    public DeployResult deploy(EndpointConfig target, Path projectDir, DeployInput input, DeployOptions options,
                               DeployListener listener, BooleanSupplier cancel) throws Exception {
        EndpointConfig config = checked(target, projectDir, input);
        char[] password = passwords.resolve(config);
        try {
            String described = Redaction.redact(config.describe(), password);
            Deployer deployer = new Deployer(config.engine(), () -> ConnectionFactory.open(config, password), described);
            DeployListener cancelling = new DeployListener() {
                @Override
                public void onPhaseStart(DeployPhase phase, int steps, boolean transactional) {
                    check();
                    listener.onPhaseStart(phase, steps, transactional);
                }

                @Override
                public void onOutcome(DeployOutcome outcome) {
                    listener.onOutcome(outcome);
                    check();
                }

                @Override
                public void onPhaseEnd(DeployResult.PhaseResult result) {
                    listener.onPhaseEnd(result);
                }

                private void check() {
                    if (cancel.getAsBoolean()) {
                        throw new Cancelled();
                    }
                }
            };
            DeployResult result;
            try {
                result = deployer.run(input, options, cancelling);
            } catch (java.sql.SQLException e) {
                throw new java.sql.SQLException(Redaction.redact(String.valueOf(e.getMessage()), password), e.getSQLState(), e);
            }
            DeployResultJson.write(result, input.folder().toString(), input.folder().resolve("deploy-result.json"));
            return result;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    @Override
    public TargetPrepPreview preview(EndpointConfig target, Path projectDir, DeployInput input, DeployOptions.TargetPrep prep)
            throws Exception {
        EndpointConfig config = checked(target, projectDir, input);
        char[] password = passwords.resolve(config);
        try {
            String described = Redaction.redact(config.describe(), password);
            try {
                return new Deployer(config.engine(), () -> ConnectionFactory.open(config, password), described).preview(input, prep);
            } catch (java.sql.SQLException e) {
                throw new java.sql.SQLException(Redaction.redact(String.valueOf(e.getMessage()), password), e.getSQLState(), e);
            }
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static EndpointConfig checked(EndpointConfig target, Path projectDir, DeployInput input) {
        EndpointConfig config = absolute(target, projectDir);
        if (config.engine() != input.targetEngine()) {
            throw new IllegalArgumentException(input.folder() + " was converted for " + input.targetEngine().displayName()
                    + " but endpoint " + config.name() + " is " + config.engine().displayName());
        }
        return config;
    }

    /** A relative SQLite path is relative to the project file's folder. */
    private static EndpointConfig absolute(EndpointConfig c, Path projectDir) {
        if (c.engine() == Engine.SQLITE && c.path() != null && projectDir != null && !Path.of(c.path()).isAbsolute()) {
            return new EndpointConfig(c.name(), c.engine(), c.host(), c.port(), c.database(), c.user(), c.passwordRef(),
                    c.passwordEnv(), c.tls(), c.properties(), c.connectTimeoutSeconds(),
                    projectDir.resolve(c.path()).normalize().toString());
        }
        return c;
    }
}
