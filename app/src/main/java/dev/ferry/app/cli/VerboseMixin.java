package dev.ferry.app.cli;

import picocli.CommandLine.Option;

/** {@code --verbose}: more detail, including stack traces of failures. Mixed into every command. */
public final class VerboseMixin {

    @Option(names = {"-v", "--verbose"}, description = "Print more detail, including the stack trace of a failure.")
    boolean verbose;

    public boolean isVerbose() {
        return verbose;
    }
}
