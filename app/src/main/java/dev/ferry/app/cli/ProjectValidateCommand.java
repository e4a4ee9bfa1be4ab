package dev.ferry.app.cli;

import dev.ferry.model.project.Project;
import dev.ferry.model.project.ProjectFileException;
import dev.ferry.model.project.ProjectFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code ferry project validate <file>}: loads a project file strictly and prints OK or the first error (exit 2). */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check a project file: every field, the table-mapping rules, the task settings and that tasks name existing endpoints.",
                "Prints OK, or the first error with its JSON path and line:column (exit code 2)."})
public final class ProjectValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    VerboseMixin verbose;

    @Parameters(index = "0", paramLabel = "<file>", description = "The project file, e.g. sales.ferry.json.")
    Path file;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Project p = ProjectFiles.load(file);
            out.println("OK: " + file + " (project '" + p.name() + "': " + p.endpoints().size() + " endpoints, "
                    + p.tableMappings().rules().size() + " table-mapping rules, " + p.typeMappings().size()
                    + " type mappings, " + p.tasks().size() + " tasks)");
            out.flush();
            return ExitCodes.OK;
        } catch (ProjectFileException e) {
            err.println(e.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        } catch (IOException e) {
            err.println(file + ": cannot read: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        }
    }
}
