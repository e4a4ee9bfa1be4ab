package dev.ferry.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code ferry project ...}: work with project files. */
@Command(name = "project", mixinStandardHelpOptions = true, description = "Work with project files.",
        subcommands = {ProjectNewCommand.class, ProjectValidateCommand.class})
public final class ProjectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    VerboseMixin verbose;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing command");
    }
}
