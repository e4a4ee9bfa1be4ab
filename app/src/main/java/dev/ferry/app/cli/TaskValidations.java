package dev.ferry.app.cli;

import dev.ferry.engine.catalog.CatalogListener;
import dev.ferry.engine.load.LoadPlan;
import dev.ferry.engine.load.TableJob;
import dev.ferry.engine.validate.TableValidation;
import dev.ferry.engine.validate.Validator;
import dev.ferry.model.project.EndpointConfig;
import dev.ferry.model.project.Project;
import dev.ferry.model.project.TaskConfig;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Validates a project task's tables as {@code ferry validate} does (the task's mappings resolved against both catalogs,
 * the load plan, then the engine's {@link Validator} table by table), for the workbench. Free of picocli and JavaFX.
 * Blocking; stateless.
 */
public final class TaskValidations {

    private TaskValidations() {
    }

    /**
     * Compares every table of {@code task}.
     *
     * @param passwords   the password of an endpoint (the caller owns nothing: the arrays are cleared at the end)
     * @param each        receives each table's result as soon as it is known (on the calling thread)
     * @param cancel      polled between tables: when true the tables not compared yet are left out
     * @param maxKeys     how many keys of missing / extra / different rows to list per table
     * @return the results in plan order
     * @throws IllegalStateException naming every problem when the task's tables do not resolve against the catalogs
     */
    public static List<TableValidation> run(Path projectFile, Project project, TaskConfig task,
                                            Function<EndpointConfig, char[]> passwords, Consumer<TableValidation> each,
                                            BooleanSupplier cancel, int maxKeys) throws Exception {
        try (MigrationContext ctx = MigrationContext.open(projectFile, project, task, k -> null, passwords)) {
            List<String> problems = ctx.resolveAgainstCatalogs(CatalogListener.NO_OP);
            if (!problems.isEmpty()) {
                throw new IllegalStateException(String.join("; ", problems));
            }
            LoadPlan plan = ctx.plan(ctx.settings(null, null));
            Validator validator = new Validator(ctx.sourceEndpoint, ctx.targetEndpoint, maxKeys, 2);
            List<TableValidation> out = new ArrayList<>();
            for (TableJob job : plan.jobs()) {
                if (cancel.getAsBoolean()) {
                    break;
                }
                TableValidation v;
                try {
                    v = validator.compare(job);
                } catch (Exception e) {
                    throw new IllegalStateException(job.tableKey() + ": " + ctx.redact(e), e);
                }
                out.add(v);
                each.accept(v);
            }
            return out;
        }
    }

    /** Whether a result counts as a success (validated, or keyless with equal counts), as {@code ferry validate} says. */
    public static boolean ok(TableValidation v) {
        return MigrationReport.ok(v);
    }
}
