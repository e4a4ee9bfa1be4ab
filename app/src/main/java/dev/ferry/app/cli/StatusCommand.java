package dev.ferry.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.model.project.Project;
import dev.ferry.model.project.TaskConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code ferry status}: the persisted state and last metrics of a task's CDC ({@code .ferry/<task>.cdc.json}, written
 * by the process that streams it), and whether that process still runs. Reads only the file: no connection is opened.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show a task's CDC state and its latest metrics (from .ferry/<task>.cdc.json; no connection needed).",
                "Exit 0 when the status was shown, 2 when the task has no status yet."})
public final class StatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    VerboseMixin verbose;

    @Option(names = "--project", required = true, paramLabel = "<p.json>", description = "The project file.")
    Path project;

    @Option(names = "--task", paramLabel = "<name>", description = "The task (default: the project's only task).")
    String taskName;

    @Option(names = "--json", description = "Print the status file as it is.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Project p = MigrationContext.loadProject(project);
        TaskConfig task = MigrationContext.task(project, p, taskName);
        Path file = CdcStatusFile.of(project.toAbsolutePath().getParent(), task.name());
        JsonNode n = CdcStatusFile.read(file);
        if (json) {
            out.println(n.toPrettyString());
            out.flush();
            return ExitCodes.OK;
        }
        long pid = n.path("pid").asLong(-1);
        String phase = n.path("phase").asText("?");
        boolean alive = pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)
                && !phase.equals("STOPPED") && !phase.equals("FAILED");
        out.printf("Task %s: %s%s, last update %s%n", task.name(), phase,
                alive ? " (running, pid " + pid + ")" : " (not running)", n.path("updatedAt").asText());
        out.printf("  %s -> %s%n", n.path("source").asText(), n.path("target").asText());
        text(out, n, "stopCondition", "stop at");
        text(out, n, "stopReason", "stopped because");
        text(out, n, "error", "error");
        JsonNode m = n.path("metrics");
        if (!m.isMissingNode()) {
            out.printf(Locale.ROOT, "  latency: source %.1f s, target %.3f s%n", m.path("sourceLatencySeconds").asDouble(),
                    m.path("targetLatencySeconds").asDouble());
            out.printf(Locale.ROOT, "  changes: incoming %.0f/s, applied %.0f/s; %s applied, %s rejected in this run%n",
                    m.path("incomingPerSecond").asDouble(), m.path("appliedPerSecond").asDouble(),
                    LoadProgressPrinter.fmt(m.path("appliedEvents").asLong()), LoadProgressPrinter.fmt(m.path("rejectedRows").asLong()));
            out.printf("  queue %d events, heap %d MiB of %d MiB%s%n", m.path("queueDepth").asInt(),
                    m.path("heapUsedBytes").asLong() >> 20, m.path("heapMaxBytes").asLong() >> 20,
                    m.path("sourceLag").isNumber() ? ", source lag " + ("bytes".equals(m.path("sourceLagUnit").asText())
                            ? CdcStatusFile.bytes(m.path("sourceLag").asLong())
                            : m.path("sourceLag").asLong() + " " + m.path("sourceLagUnit").asText()) : "");
            text(out, m, "lastPosition", "last applied position");
            Iterator<Map.Entry<String, JsonNode>> it = m.path("tables").fields();
            if (it.hasNext()) {
                out.printf("  %-40s %10s %10s %10s %9s %5s%n", "table", "inserts", "updates", "deletes", "truncates", "DDLs");
            }
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode t = e.getValue();
                out.printf("  %-40s %10d %10d %10d %9d %5d%n", e.getKey(), t.path("inserts").asLong(), t.path("updates").asLong(),
                        t.path("deletes").asLong(), t.path("truncates").asLong(), t.path("ddls").asLong());
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static void text(PrintWriter out, JsonNode n, String field, String label) {
        if (n.hasNonNull(field)) {
            out.println("  " + label + ": " + n.path(field).asText());
        }
    }
}
