package dev.ferry.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code ferry endpoint ...}: work with source and target endpoints. */
@Command(name = "endpoint", mixinStandardHelpOptions = true, description = "Work with source and target endpoints.",
        subcommands = {EndpointTestCommand.class})
public final class EndpointCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    VerboseMixin verbose;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing command");
    }
}
