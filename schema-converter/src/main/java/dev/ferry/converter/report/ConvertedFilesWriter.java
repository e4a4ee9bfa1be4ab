package dev.ferry.converter.report;

import dev.ferry.converter.assess.ConvertedObject;
import dev.ferry.converter.assess.ObjectStatus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code converted/}: one {@code <nn>-<type>-<schema>.<name>.sql} per converted object, numbered in deploy
 * order, and {@code deploy-order.txt} listing them in that order. Objects that did not verify (MANUAL although converted)
 * are listed as {@code #}-comments so the remaining lines can be run as they are; every file starts with a comment
 * naming its source and status.
 *
 * <p>Threading: stateless.
 */
public final class ConvertedFilesWriter {

    private ConvertedFilesWriter() {
    }

    /** Writes the folder under {@code outDir}; returns the files written (deploy-order.txt last). */
    public static List<Path> write(AssessmentReport report, Path outDir) throws IOException {
        Path dir = outDir.resolve("converted");
        Files.createDirectories(dir);
        Map<String, ConvertedObject> byKey = new LinkedHashMap<>();
        report.objects().forEach(o -> byKey.put(o.key(), o));
        List<Path> written = new ArrayList<>();
        StringBuilder order = new StringBuilder();
        order.append("# Deploy order of the converted objects (").append(report.targetSchema() == null ? "" : report.targetSchema())
                .append("). Lines starting with # did not verify and need manual work first.\n");
        for (Map.Entry<String, String> e : report.convertedFiles().entrySet()) {
            ConvertedObject o = byKey.get(e.getKey());
            Path file = outDir.resolve(e.getValue());
            StringBuilder sql = new StringBuilder();
            sql.append("-- ").append(o.type()).append(' ').append(o.schema() == null ? "" : o.schema() + ".").append(o.name())
                    .append(": ").append(o.status()).append(o.verified() ? " (verified)" : " (NOT verified)").append('\n');
            if (o.sourceFile() != null) {
                sql.append("-- source: ").append(o.sourceFile().replace('\n', ' ')).append(':').append(o.sourceLine()).append('\n');
            }
            o.actionItems().forEach(i -> sql.append("-- ").append(i.code()).append(' ').append(i.severity())
                    .append(i.line() > 0 ? " @" + i.line() + ":" + i.column() : "").append(": ")
                    .append(i.message().replace('\n', ' ').replace('\r', ' ')).append('\n'));
            String body = o.convertedSql().strip();
            sql.append(body);
            if (!body.endsWith(";")) {
                sql.append(';');
            }
            sql.append('\n');
            Files.writeString(file, sql, StandardCharsets.UTF_8);
            written.add(file);
            String name = file.getFileName().toString();
            if (o.status() == ObjectStatus.MANUAL) {
                order.append("# ").append(name).append("  -- MANUAL: not verified\n");
            } else {
                order.append(name).append('\n');
            }
        }
        Path orderFile = dir.resolve("deploy-order.txt");
        Files.writeString(orderFile, order, StandardCharsets.UTF_8);
        written.add(orderFile);
        return written;
    }
}
