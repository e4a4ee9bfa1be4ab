package dev.ferry.app.gui.dialog;

import dev.ferry.model.util.Redaction;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The details text of an error dialog: every exception of the cause chain with its redacted message and its stack
 * frames (code locations only), suppressed exceptions included. JavaFX-free, so it is tested without a window.
 */
public final class ErrorDetails {

    private static final int MAX_FRAMES = 40;

    private ErrorDetails() {
    }

    /** The details of {@code cause}; empty for {@code null}. */
    public static String of(Throwable cause) {
        if (cause == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        append(sb, cause, "", new IdentityHashMap<>());
        return sb.toString().stripTrailing();
    }

    private static void append(StringBuilder sb, Throwable t, String prefix, Map<Throwable, Boolean> seen) {
        if (seen.put(t, Boolean.TRUE) != null) {
            sb.append(prefix).append("(cycle: ").append(t.getClass().getName()).append(")\n");
            return;
        }
        sb.append(prefix).append(t.getClass().getName());
        if (t.getMessage() != null) {
            sb.append(": ").append(Redaction.redact(t.getMessage()));
        }
        sb.append('\n');
        StackTraceElement[] frames = t.getStackTrace();
        for (int i = 0; i < Math.min(frames.length, MAX_FRAMES); i++) {
            sb.append("\tat ").append(frames[i]).append('\n');
        }
        if (frames.length > MAX_FRAMES) {
            sb.append("\t... ").append(frames.length - MAX_FRAMES).append(" more\n");
        }
        for (Throwable s : t.getSuppressed()) {
            append(sb, s, "Suppressed: ", seen);
        }
        if (t.getCause() != null) {
            append(sb, t.getCause(), "Caused by: ", seen);
        }
    }
}
