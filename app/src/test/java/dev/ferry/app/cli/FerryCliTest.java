package dev.ferry.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class FerryCliTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return FerryCli.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    private static final String VALID = """
            {
              "formatVersion": 1,
              "name": "demo",
              "endpoints": [
                {"name": "src", "engine": "sqlite", "path": "chinook.sqlite"},
                {"name": "tgt", "engine": "postgresql", "host": "localhost", "database": "chinook"}
              ],
              "tasks": [
                {"name": "load", "type": "full-load", "source": "src", "target": "tgt",
                 "settings": {"MaxFullLoadSubTasks": 4}}
              ]
            }
            """;

    @picocli.CommandLine.Command(name = "boom")
    static final class BoomCommand implements java.util.concurrent.Callable<Integer> {
        @picocli.CommandLine.Mixin
        VerboseMixin verbose;

        @picocli.CommandLine.Parameters(index = "0")
        String kind;

        @Override
        public Integer call() {
            if (kind.equals("config")) {
                throw new ConfigurationException("endpoint 'tgt' has no host");
            }
            throw new IllegalStateException("connection to jdbc:postgresql://app:hunter2@db:5432/sales lost");
        }
    }

    private int runWithBoom(String... args) {
        picocli.CommandLine cmd = FerryCli.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true));
        cmd.addSubcommand("boom", new BoomCommand());
        return cmd.execute(args);
    }

    @Test
    void aRunOfOneSubcommandRegistersOnlyThatOneWithTheSameHelpAndErrors() {
        picocli.CommandLine lazy = FerryCli.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true),
                picocli.CommandLine.defaultFactory(), "migrate");
        assertThat(lazy.getSubcommands().keySet()).containsExactly("migrate");
        assertThat(lazy.execute("migrate", "--help")).isZero();
        assertThat(out.toString()).startsWith("Usage: ferry migrate ");
        assertThat(lazy.execute("migrate", "--no-such-option")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).startsWith("ferry: ").contains("Try 'ferry migrate --help' for more information.");

        picocli.CommandLine all = FerryCli.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true),
                picocli.CommandLine.defaultFactory(), "migrat");
        assertThat(all.getSubcommands().keySet()).containsExactlyElementsOf(FerryCli.SUBCOMMANDS.stream()
                .map(c -> c.getAnnotation(picocli.CommandLine.Command.class).name()).toList());
        assertThat(FerryCli.newCommandLine(new PrintWriter(out, true), new PrintWriter(err, true)).getSubcommands().keySet())
                .isEqualTo(all.getSubcommands().keySet());
        err.getBuffer().setLength(0);
        assertThat(all.execute("migrat")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("migrate"); // the suggestion comes from the full tree
    }

    @Test
    void aFailedCommandExitsWithOneAndARedactedMessage() {
        assertThat(runWithBoom("boom", "work")).isEqualTo(ExitCodes.WORK_FAILED);
        assertThat(err.toString()).isEqualTo("ferry: connection to jdbc:postgresql://app:*****@db:5432/sales lost"
                + System.lineSeparator() + "(run again with --verbose for details)" + System.lineSeparator());
    }

    @Test
    void verbosePrintsTheStackTraceStillRedacted() {
        assertThat(runWithBoom("boom", "work", "--verbose")).isEqualTo(ExitCodes.WORK_FAILED);
        assertThat(err.toString()).startsWith("ferry: connection to jdbc:postgresql://app:*****@db:5432/sales lost")
                .contains("at dev.ferry.app.cli.FerryCliTest$BoomCommand.call")
                .doesNotContain("hunter2");
    }

    @Test
    void aConfigurationProblemExitsWithTwo() {
        assertThat(runWithBoom("boom", "config")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString().trim()).isEqualTo("ferry: endpoint 'tgt' has no host");
    }

    @Test
    void helpListsTheCommandsAndOptions() {
        assertThat(run("--help")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).startsWith("Usage: ferry").contains("project", "--verbose", "--version");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void projectHelpListsValidate() {
        assertThat(run("project", "--help")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("Usage: ferry project", "validate");
    }

    @Test
    void versionNamesFerryAndTheFormatVersion() {
        assertThat(run("--version")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).startsWith("Ferry ").contains("formatVersion 1");
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertThat(run("--frobnicate")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("ferry: Unknown option: '--frobnicate'", "Try 'ferry --help'");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void unknownCommandSuggestsTheClosestOne() {
        assertThat(run("projcet")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("Unmatched argument at index 0: 'projcet'", "project");
    }

    @Test
    void cutoverTakesOnePostLoadSource() {
        Path missing = dir.resolve("nothing.ferry.json"); // refused before the project is read: nothing is touched
        assertThat(run("cutover", "--project", missing.toString(), "--yes", "--schema-from", dir.resolve("assessment").toString(),
                "--post-load-sql", dir.resolve("post.sql").toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("either --schema-from or --post-load-sql");
    }

    @Test
    void missingSubcommandIsAUsageError() {
        assertThat(run("project")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("ferry: Missing command", "Try 'ferry project --help'");
    }

    @Test
    void validateAcceptsAGoodProject() throws IOException {
        Path file = dir.resolve("demo.ferry.json");
        Files.writeString(file, VALID);
        assertThat(run("project", "validate", file.toString())).isEqualTo(ExitCodes.OK);
        assertThat(out.toString().trim()).isEqualTo("OK: " + file
                + " (project 'demo': 2 endpoints, 0 table-mapping rules, 0 type mappings, 1 tasks)");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void validateReportsTheExactErrorOfABadProject() throws IOException {
        Path file = dir.resolve("p.json");
        Files.writeString(file, VALID.replace("\"MaxFullLoadSubTasks\": 4", "\"MaxFullLoadSubTasks\": 65"));
        assertThat(run("project", "validate", file.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString().trim())
                .isEqualTo("p.json: $.tasks[0].settings.MaxFullLoadSubTasks (line 10, column 42): must be an integer between 1 and 64");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void validateRefusesAProjectFromANewerFerry() throws IOException {
        Path file = dir.resolve("p.json");
        Files.writeString(file, VALID.replace("\"formatVersion\": 1", "\"formatVersion\": 3"));
        assertThat(run("project", "validate", file.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString().trim()).isEqualTo("p.json was written by a newer Ferry (formatVersion 3; this Ferry reads up to 1)");
    }

    @Test
    void validateOfAMissingFileIsAConfigurationError() {
        Path file = dir.resolve("absent.json");
        assertThat(run("project", "validate", file.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString().trim()).isEqualTo(file + ": no such file");
    }

    @Test
    void validateWithoutAFileIsAUsageError() {
        assertThat(run("project", "validate")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("Missing required parameter: '<file>'");
    }
}
