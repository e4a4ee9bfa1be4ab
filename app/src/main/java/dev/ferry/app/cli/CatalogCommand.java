package dev.ferry.app.cli;

import dev.ferry.engine.catalog.CatalogListener;
import dev.ferry.engine.catalog.CatalogPrinter;
import dev.ferry.engine.catalog.CatalogReaders;
import dev.ferry.engine.catalog.CatalogRequest;
import dev.ferry.engine.endpoint.ConnectionFactory;
import dev.ferry.model.schema.DatabaseModel;
import dev.ferry.model.schema.ModelJson;
import dev.ferry.model.util.Redaction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ferry catalog}: reads a live catalog into the neutral model and prints a summary or writes it as JSON. */
@Command(name = "catalog", mixinStandardHelpOptions = true,
        description = {"Read the live catalog of an endpoint into Ferry's engine-neutral schema model.",
                "Prints a readable summary (schemas, tables with keys, indexes and sizes, views, routines, triggers...)",
                "or, with --json, writes the full model."})
public final class CatalogCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    VerboseMixin verbose;

    @Parameters(index = "0", paramLabel = "<url-or-name>", description = "A URL or an endpoint name from --project.")
    String endpoint;

    @Option(names = "--project", paramLabel = "<p.json>", description = "Project file holding the named endpoint.")
    Path project;

    @Option(names = "--password-env", paramLabel = "<VAR>", description = "Take the password from this environment variable.")
    String passwordEnv;

    @Option(names = "--schema", paramLabel = "<schema>", description = "Schema to read (repeatable); default: every non-system schema.")
    List<String> schemas = new ArrayList<>();

    @Option(names = "--json", paramLabel = "<out.json>", description = "Write the model as JSON to this file.")
    Path json;

    @Option(names = "--exact-counts", description = "Count rows exactly (SQLite; other engines use catalog estimates).")
    boolean exactCounts;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean console = System.console() != null;
        EndpointArgument.Resolved r = EndpointArgument.resolve(endpoint, project, passwordEnv, System::getenv);
        DatabaseModel model;
        long started = System.nanoTime();
        try (Connection c = ConnectionFactory.open(r.config(), r.password())) {
            CatalogRequest request = new CatalogRequest(schemas, true, true).withRowEstimates(true);
            if (!exactCounts && r.config().engine() == dev.ferry.model.schema.Engine.SQLITE) {
                request = request.withRowEstimates(false);
            }
            CatalogListener listener = !console ? CatalogListener.NO_OP : new CatalogListener() {
                @Override
                public void onPhase(String phase) {
                    err.print("\r\033[2Kreading " + phase + "…");
                    err.flush();
                }
            };
            model = CatalogReaders.forEngine(r.config().engine()).read(c, request, listener);
            if (console) {
                err.print("\r\033[2K");
                err.flush();
            }
        } catch (SQLException e) {
            err.println("ferry: cannot read the catalog of " + r.config().describe() + ": "
                    + Redaction.redact(e.getMessage(), r.password()));
            err.flush();
            return ExitCodes.WORK_FAILED;
        } finally {
            r.clear();
        }
        long ms = (System.nanoTime() - started) / 1_000_000;
        if (json != null) {
            ModelJson.write(model, json);
            DatabaseModel.Counts n = model.counts();
            out.printf("Wrote %s: %d schemas, %d tables, %d views, %d routines, %d triggers (read in %d ms)%n",
                    json, n.schemas(), n.tables(), n.views() + n.materializedViews(), n.routines(), n.triggers(), ms);
        } else {
            out.print(CatalogPrinter.summary(model));
            out.printf("(read in %d ms)%n", ms);
        }
        out.flush();
        return ExitCodes.OK;
    }
}
