package dev.ferry.app.gui.deploy;

import dev.ferry.engine.deploy.DeployInput;
import dev.ferry.engine.deploy.DeployListener;
import dev.ferry.engine.deploy.DeployOptions;
import dev.ferry.engine.deploy.DeployResult;
import dev.ferry.engine.deploy.TargetPrepPreview;
import dev.ferry.model.project.EndpointConfig;

import java.nio.file.Path;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Reads assessment folders and runs the engine's {@code Deployer} for the Deploy section. Blocking: the view model calls
 * it from background tasks. The application uses {@link EngineDeployRunning}; view-model tests use a fake.
 */
public interface DeployRunning {

    /**
     * An assessment folder read for deploying.
     *
     * @param input  the objects in deploy order
     * @param edited keys ({@code TYPE:schema.name}) of the objects edited by hand in the Assessment section
     */
    record Plan(DeployInput input, Set<String> edited) {
        public Plan {
            edited = Set.copyOf(edited);
        }
    }

    /** Reads {@code folder} ({@code assessment.json}, {@code converted/}, {@code edits.json}). */
    Plan open(Path folder) throws Exception;

    /**
     * Deploys (or with {@link DeployOptions#dryRun()} plans) {@code input} into {@code target} and writes
     * {@code deploy-result.json} into the folder. Once {@code cancel} is true the deploy stops before the next object
     * (a PostgreSQL phase in progress is rolled back) and this throws {@link Cancelled}.
     *
     * @param projectDir the project's folder (relative SQLite paths are relative to it), or {@code null}
     */
    DeployResult deploy(EndpointConfig target, Path projectDir, DeployInput input, DeployOptions options,
                        DeployListener listener, BooleanSupplier cancel) throws Exception;

    /**
     * What the destructive target preparation {@code prep} would drop or truncate on {@code target} now (the engine's
     * {@code Deployer.preview}: the deploy's own selection, with row counts). Changes nothing.
     */
    TargetPrepPreview preview(EndpointConfig target, Path projectDir, DeployInput input, DeployOptions.TargetPrep prep)
            throws Exception;

    /** The deploy was cancelled. */
    final class Cancelled extends RuntimeException {
        public Cancelled() {
            super("cancelled by the user", null, false, false);
        }
    }
}
