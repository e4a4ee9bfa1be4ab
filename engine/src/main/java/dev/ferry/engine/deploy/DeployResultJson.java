package dev.ferry.engine.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes {@code deploy-result.json} (layout in {@code docs/deploy.md}). Messages in a result are already redacted.
 *
 * <p>Threading: stateless.
 */
public final class DeployResultJson {

    /** Layout version; bumped only for incompatible changes. */
    public static final int FORMAT_VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DeployResultJson() {
    }

    public static Path write(DeployResult result, String from, Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, MAPPER.writeValueAsString(tree(result, from)) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    public static ObjectNode tree(DeployResult r, String from) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("formatVersion", FORMAT_VERSION);
        root.put("target", r.target());
        root.put("targetEngine", r.engine().name().toLowerCase(Locale.ROOT));
        root.put("from", from);
        root.put("startedAt", r.startedAt().toString());
        root.put("elapsedMillis", r.elapsed().toMillis());
        root.put("dryRun", r.options().dryRun());
        root.put("onError", r.options().onError().name().toLowerCase(Locale.ROOT));
        root.put("targetPrep", r.options().targetPrep().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        ArrayNode asked = root.putArray("phasesRequested");
        r.options().phases().forEach(p -> asked.add(p.cliName()));
        root.put("exitCode", r.exitCode());
        ObjectNode summary = root.putObject("summary");
        r.counts().forEach((k, v) -> summary.put(camel(k.name()), v));
        ArrayNode phases = root.putArray("phases");
        for (DeployResult.PhaseResult p : r.phases()) {
            ObjectNode n = phases.addObject();
            n.put("phase", p.phase().cliName());
            n.put("transactional", p.transactional());
            n.put("outcome", p.outcome().name());
            n.put("message", p.message());
        }
        ArrayNode steps = root.putArray("statements");
        for (DeployOutcome o : r.outcomes()) {
            ObjectNode n = steps.addObject();
            n.put("seq", o.seq());
            n.put("phase", o.phase().cliName());
            n.put("object", o.objectKey());
            n.put("type", o.type());
            n.put("name", o.name());
            n.put("file", o.file());
            n.put("action", o.action().name());
            n.put("status", o.status().name());
            n.put("message", o.message());
            ArrayNode d = n.putArray("differences");
            o.differences().forEach(d::add);
            n.put("millis", o.millis());
        }
        return root;
    }

    /** {@code SKIPPED_MANUAL} → {@code skippedManual}. */
    static String camel(String constant) {
        StringBuilder b = new StringBuilder();
        boolean up = false;
        for (char ch : constant.toLowerCase(Locale.ROOT).toCharArray()) {
            if (ch == '_') {
                up = true;
            } else {
                b.append(up ? Character.toUpperCase(ch) : ch);
                up = false;
            }
        }
        return b.toString();
    }
}
