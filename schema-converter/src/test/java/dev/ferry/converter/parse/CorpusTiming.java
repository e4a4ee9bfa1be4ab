package dev.ferry.converter.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.testsupport.TestDatabases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** Shared corpus-test logic: parse a file with zero errors, print and bound the best-of-3 time after a warm-up. */
public final class CorpusTiming {

    private CorpusTiming() {
    }

    public static Path corpusFile(String relative) {
        Path file = TestDatabases.corpus().orElseThrow().resolve(relative);
        assertThat(file).as("corpus file").exists();
        return file;
    }

    /** Parses the file, asserts zero errors and a best-of-3 time under 1 s; returns the parsed statement count. */
    public static int assertParsesQuickly(AbstractParserFacade<?, ?> facade, Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String name = file.getFileName().toString();
        ParseResult warmUp = facade.parseScript(text, name);
        assertThat(warmUp.errors().stream().map(ParsingException::getMessage).collect(Collectors.toList()))
                .as("errors in " + file).isEmpty();
        // CPU time of this thread, not wall time: on a shared CI machine the wall clock measures the neighbours
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long t0 = threads.getCurrentThreadCpuTime();
            ParseResult r = facade.parseScript(text, name);
            best = Math.min(best, threads.getCurrentThreadCpuTime() - t0);
            assertThat(r.statements()).hasSameSizeAs(warmUp.statements());
        }
        System.out.printf("PARSE-TIME %-60s %6d statements %7.1f ms CPU (best of 3, %d chars)%n",
                TestDatabases.corpus().orElseThrow().relativize(file), warmUp.statements().size(), best / 1e6,
                text.length());
        assertThat(best).as("parse CPU time of " + file + " in ns").isLessThan(1_000_000_000L);
        return warmUp.statements().size();
    }
}
