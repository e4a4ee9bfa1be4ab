package dev.ferry.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The resumable state of {@code ferry cutover}: {@code .ferry/<task>.cutover.json}, one entry per step with its status,
 * start, end and what it did, saved (atomically) after every change so a cutover interrupted anywhere continues at the
 * first step not DONE. Not thread-safe.
 */
final class CutoverState {

    /** The steps in order. */
    enum Step {
        WRITES_STOPPED("confirm that writes on the source are stopped"),
        DRAIN("drain until the lag is zero"),
        VALIDATE("validate the target against the source"),
        SEQUENCES("advance sequences and identities past the migrated maximum"),
        POST_LOAD_DEPLOY("run the post-load deploy phase"),
        REPORT("write the cutover report");

        final String title;

        Step(String title) {
            this.title = title;
        }
    }

    enum Status { PENDING, RUNNING, DONE, FAILED }

    /** One step's record. */
    static final class Entry {
        Status status = Status.PENDING;
        Instant started;
        Instant finished;
        final List<String> details = new ArrayList<>();

        double seconds() {
            return started == null || finished == null ? 0 : Duration.between(started, finished).toMillis() / 1000.0;
        }
    }

    private final Path file;
    final String task;
    Instant created = Instant.now();
    final Map<Step, Entry> steps = new LinkedHashMap<>();

    private CutoverState(Path file, String task) {
        this.file = file;
        this.task = task;
        for (Step s : Step.values()) {
            steps.put(s, new Entry());
        }
    }

    static Path of(Path projectDir, String task) {
        return projectDir.resolve(".ferry").resolve(task + ".cutover.json");
    }

    /** Loads the state, or a fresh one when the file does not exist. */
    static CutoverState load(Path file, String task) {
        CutoverState s = new CutoverState(file, task);
        if (!Files.isRegularFile(file)) {
            return s;
        }
        try {
            JsonNode n = CdcStatusFile.JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            s.created = Instant.parse(n.path("created").asText(Instant.now().toString()));
            for (JsonNode x : n.path("steps")) {
                Entry e = s.steps.get(Step.valueOf(x.path("step").asText()));
                e.status = Status.valueOf(x.path("status").asText());
                e.started = x.hasNonNull("started") ? Instant.parse(x.path("started").asText()) : null;
                e.finished = x.hasNonNull("finished") ? Instant.parse(x.path("finished").asText()) : null;
                x.path("details").forEach(d -> e.details.add(d.asText()));
            }
            return s;
        } catch (IOException | IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw new ConfigurationException(file + ": unreadable cutover state (" + e.getMessage() + "); remove it or use --restart", e);
        }
    }

    Path file() {
        return file;
    }

    void begin(Step step) {
        Entry e = steps.get(step);
        e.status = Status.RUNNING;
        e.started = Instant.now();
        e.finished = null;
        e.details.clear();
        save();
    }

    void detail(Step step, String line) {
        steps.get(step).details.add(line);
        save();
    }

    void end(Step step, Status status) {
        Entry e = steps.get(step);
        e.status = status;
        e.finished = Instant.now();
        save();
    }

    boolean complete() {
        return steps.values().stream().allMatch(e -> e.status == Status.DONE);
    }

    ObjectNode json() {
        ObjectNode n = CdcStatusFile.JSON.createObjectNode();
        n.put("task", task);
        n.put("created", created.toString());
        n.put("complete", complete());
        ArrayNode a = n.putArray("steps");
        int i = 1;
        double total = 0;
        for (Map.Entry<Step, Entry> x : steps.entrySet()) {
            Entry e = x.getValue();
            ObjectNode o = a.addObject();
            o.put("number", i++);
            o.put("step", x.getKey().name());
            o.put("title", x.getKey().title);
            o.put("status", e.status.name());
            o.put("started", e.started == null ? null : e.started.toString());
            o.put("finished", e.finished == null ? null : e.finished.toString());
            o.put("seconds", e.seconds());
            total += e.seconds();
            ArrayNode d = o.putArray("details");
            e.details.forEach(d::add);
        }
        n.put("totalSeconds", Math.round(total * 1000) / 1000.0);
        return n;
    }

    void save() {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, CdcStatusFile.JSON.writeValueAsString(json()), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot save the cutover state " + file + ": " + e.getMessage(), e);
        }
    }

    /** The human report: every step with status, timing and details. */
    String text() {
        StringBuilder sb = new StringBuilder("Cutover of task " + task + (complete() ? ": COMPLETE" : ": NOT COMPLETE") + "\n");
        int i = 1;
        double total = 0;
        for (Map.Entry<Step, Entry> x : steps.entrySet()) {
            Entry e = x.getValue();
            sb.append(String.format(java.util.Locale.ROOT, "%d. %-60s %-8s %8.1f s%n", i++, x.getKey().title, e.status, e.seconds()));
            total += e.seconds();
            for (String d : e.details) {
                sb.append("     ").append(d).append('\n');
            }
        }
        sb.append(String.format(java.util.Locale.ROOT, "Total: %.1f s%n", total));
        return sb.toString();
    }
}
