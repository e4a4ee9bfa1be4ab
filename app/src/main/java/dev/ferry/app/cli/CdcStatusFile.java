package dev.ferry.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.engine.cdc.apply.CdcMetrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * The persisted state and live metrics of a CDC task: {@code <project-dir>/.ferry/<task>.cdc.json}, rewritten
 * atomically (temporary file + move) at most once a second by the process running the task, and read by
 * {@code ferry status}. Not thread-safe: one writer thread.
 */
final class CdcStatusFile {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final String task;
    private final Instant started = Instant.now();
    private final long pid = ProcessHandle.current().pid();
    String phase = "STARTING";
    String source;
    String target;
    String stopCondition;
    String stopReason;
    String error;
    String startedAfter;

    CdcStatusFile(Path file, String task) {
        this.file = file;
        this.task = task;
    }

    static Path of(Path projectDir, String task) {
        return projectDir.resolve(".ferry").resolve(task + ".cdc.json");
    }

    Path file() {
        return file;
    }

    /** Writes the state with {@code metrics} (may be {@code null}); I/O failures are reported, never thrown. */
    void write(CdcMetrics metrics) {
        try {
            ObjectNode n = JSON.createObjectNode();
            n.put("task", task);
            n.put("pid", pid);
            n.put("phase", phase);
            n.put("startedAt", started.toString());
            n.put("updatedAt", Instant.now().toString());
            n.put("source", source);
            n.put("target", target);
            n.put("startedAfter", startedAfter);
            n.put("stopCondition", stopCondition);
            n.put("stopReason", stopReason);
            n.put("error", error);
            if (metrics != null) {
                n.set("metrics", metricsJson(metrics));
            }
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, JSON.writeValueAsString(n), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            System.err.println("ferry: cannot write " + file + ": " + e.getMessage());
        }
    }

    static ObjectNode metricsJson(CdcMetrics m) {
        ObjectNode n = JSON.createObjectNode();
        n.put("at", m.at().toString());
        n.put("state", m.state().name());
        n.put("sourceLatencySeconds", round(m.sourceLatencySeconds()));
        n.put("targetLatencySeconds", round(m.targetLatencySeconds()));
        n.put("incomingPerSecond", round(m.incomingPerSecond()));
        n.put("appliedPerSecond", round(m.appliedPerSecond()));
        n.put("receivedEvents", m.receivedEvents());
        n.put("appliedEvents", m.appliedEvents());
        n.put("queueDepth", m.queueDepth());
        n.put("heapUsedBytes", m.heapUsedBytes());
        n.put("heapMaxBytes", m.heapMaxBytes());
        if (m.sourceLag() >= 0) {
            n.put("sourceLag", m.sourceLag());
            n.put("sourceLagUnit", m.sourceLagUnit());
        } else {
            n.putNull("sourceLag");
        }
        n.put("lastPosition", m.lastPosition());
        n.put("lastError", m.lastError());
        n.put("rejectedRows", m.rejectedRows());
        ObjectNode t = n.putObject("tables");
        for (Map.Entry<String, CdcMetrics.TableMetrics> e : m.tables().entrySet()) {
            ObjectNode x = t.putObject(e.getKey());
            x.put("inserts", e.getValue().inserts());
            x.put("updates", e.getValue().updates());
            x.put("deletes", e.getValue().deletes());
            x.put("truncates", e.getValue().truncates());
            x.put("ddls", e.getValue().ddls());
        }
        return n;
    }

    private static double round(double d) {
        return Math.round(d * 1000) / 1000.0;
    }

    /** Reads a status file; throws {@link ConfigurationException} naming the file when it is missing or unreadable. */
    static JsonNode read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigurationException("no CDC status for this task: " + file + " does not exist (the task has not"
                    + " streamed yet)");
        }
        try {
            return JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConfigurationException(file + ": unreadable status file: " + e.getMessage(), e);
        }
    }

    /** One human line of metrics: latencies, rates, totals, queue, heap, lag. */
    static String line(String task, String phase, CdcMetrics m) {
        StringBuilder sb = new StringBuilder();
        sb.append("CDC ").append(task).append(' ').append(phase).append(" | ").append(m.state().name().toLowerCase(Locale.ROOT));
        sb.append(String.format(Locale.ROOT, " | latency source %.1f s, target %.3f s", m.sourceLatencySeconds(), m.targetLatencySeconds()));
        sb.append(String.format(Locale.ROOT, " | in %s/s, applied %s/s", LoadProgressPrinter.fmt(Math.round(m.incomingPerSecond())),
                LoadProgressPrinter.fmt(Math.round(m.appliedPerSecond()))));
        sb.append(" | total ").append(LoadProgressPrinter.fmt(m.appliedEvents()));
        sb.append(" | queue ").append(m.queueDepth());
        sb.append(" | heap ").append(m.heapUsedBytes() >> 20).append(" MiB");
        if (m.sourceLag() >= 0) {
            sb.append(" | lag ").append("bytes".equals(m.sourceLagUnit()) ? bytes(m.sourceLag()) : LoadProgressPrinter.fmt(m.sourceLag()) + " " + m.sourceLagUnit());
        }
        if (m.rejectedRows() > 0) {
            sb.append(" | rejected ").append(m.rejectedRows());
        }
        return sb.toString();
    }

    static String bytes(long b) {
        if (b < 1024) {
            return b + " B";
        }
        if (b < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", b / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", b / (1024.0 * 1024));
    }
}
