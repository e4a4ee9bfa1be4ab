package dev.ferry.app.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressBarTest {

    @Test
    void rendersFractionCountsAndThroughput() {
        ProgressBar bar = new ProgressBar(System.out, false, 10);
        assertThat(bar.render(0.52, "tables", 5, 10, 12345.4)).isEqualTo("[#####.....] 52% tables 5/10 12,345 rows/s");
        assertThat(bar.render(0, "tables", 0, 3, -1)).isEqualTo("[..........] 0% tables 0/3");
        assertThat(bar.render(1.7, "tables", 3, 3, 0)).isEqualTo("[##########] 100% tables 3/3 0 rows/s");
    }

    @Test
    void redrawsInPlaceAndClearsLeftoversWhenEnabled() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), true, 4);
        bar.update(0.5, "tables", 1, 2, 1_000_000);
        bar.update(1.0, "tables", 2, 2, -1);
        bar.finish();
        String text = bytes.toString(StandardCharsets.UTF_8);
        String first = "[##..] 50% tables 1/2 1,000,000 rows/s";
        String second = "[####] 100% tables 2/2";
        assertThat(text).isEqualTo("\r" + first + "\r" + second + " ".repeat(first.length() - second.length()) + System.lineSeparator());
    }

    @Test
    void printsNothingWhenNoConsoleIsAttached() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, 10);
        bar.update(0.5, "tables", 1, 2, 10);
        bar.finish();
        assertThat(bytes.size()).isZero();
        // surefire runs without a console, so the console factory must stay silent too
        assertThat(ProgressBar.forConsole(System.out).isEnabled()).isEqualTo(System.console() != null);
    }
}
