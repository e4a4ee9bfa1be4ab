package dev.ferry.app.cli;

import java.io.PrintStream;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * A one-line terminal progress bar, e.g. {@code [#####.....] 52% tables 5/10 12,345 rows/s}, redrawn in place with a
 * carriage return. It draws only when enabled, which {@link #forConsole} does only when a console is attached, so
 * redirected output and CI logs stay clean. Not thread-safe: call from one thread.
 */
public final class ProgressBar {

    private final PrintStream out;
    private final boolean enabled;
    private final int width;
    private int lastLength;

    public ProgressBar(PrintStream out, boolean enabled, int width) {
        if (width < 1) {
            throw new IllegalArgumentException("width must be positive");
        }
        this.out = out;
        this.enabled = enabled;
        this.width = width;
    }

    /** A 10-cell bar on {@code out}, enabled only when {@link System#console()} is attached. */
    public static ProgressBar forConsole(PrintStream out) {
        return new ProgressBar(out, System.console() != null, 10);
    }

    public boolean isEnabled() {
        return enabled;
    }

    /**
     * The bar's text for the given state.
     *
     * @param fraction   overall progress 0..1 (clamped)
     * @param unit       what is counted, e.g. {@code tables}
     * @param done       units done
     * @param total      units in all
     * @param rowsPerSec current throughput; negative to omit it
     */
    public String render(double fraction, String unit, long done, long total, double rowsPerSec) {
        double f = Double.isNaN(fraction) ? 0 : Math.max(0, Math.min(1, fraction));
        int filled = (int) Math.floor(f * width);
        StringBuilder sb = new StringBuilder(width + 48).append('[');
        for (int i = 0; i < width; i++) {
            sb.append(i < filled ? '#' : '.');
        }
        sb.append("] ").append((int) Math.floor(f * 100)).append("% ").append(unit).append(' ').append(done).append('/').append(total);
        if (rowsPerSec >= 0) {
            sb.append(' ').append(NumberFormat.getIntegerInstance(Locale.US).format(Math.round(rowsPerSec))).append(" rows/s");
        }
        return sb.toString();
    }

    /** Redraws the bar in place; does nothing when disabled. */
    public void update(double fraction, String unit, long done, long total, double rowsPerSec) {
        if (!enabled) {
            return;
        }
        String line = render(fraction, unit, done, total, rowsPerSec);
        StringBuilder sb = new StringBuilder("\r").append(line);
        for (int i = line.length(); i < lastLength; i++) {
            sb.append(' ');
        }
        lastLength = line.length();
        out.print(sb);
        out.flush();
    }

    /** Ends the line after the last update; does nothing when disabled or nothing was drawn. */
    public void finish() {
        if (enabled && lastLength > 0) {
            out.println();
            out.flush();
            lastLength = 0;
        }
    }
}
