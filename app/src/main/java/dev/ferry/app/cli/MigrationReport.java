package dev.ferry.app.cli;

import dev.ferry.engine.load.LoadResult;
import dev.ferry.engine.load.TableProgress;
import dev.ferry.engine.load.TableResult;
import dev.ferry.engine.validate.TableValidation;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** The summary table and {@code <task>.result.json} of {@code ferry migrate} / {@code ferry validate}. Stateless. */
final class MigrationReport {

    /** One table's line. {@code rowsPerSecond} negative when unknown; {@code validation} {@code null} when not run. */
    record Line(String table, String target, String state, long rows, long rejected, double rowsPerSecond,
                TableValidation validation, String error, long lobsTruncated, long lobsNulled) {

        Line(String table, String target, String state, long rows, long rejected, double rowsPerSecond,
             TableValidation validation, String error) {
            this(table, target, state, rows, rejected, rowsPerSecond, validation, error, 0, 0);
        }
    }

    private MigrationReport() {
    }

    static List<Line> lines(LoadResult load, Map<String, String> targets, Function<String, TableProgress> progress,
                            List<TableValidation> validation) {
        Map<String, TableValidation> byTable = new LinkedHashMap<>();
        if (validation != null) {
            for (TableValidation v : validation) {
                byTable.put(v.table(), v);
            }
        }
        List<Line> out = new ArrayList<>();
        if (load == null) {
            for (TableValidation v : byTable.values()) {
                out.add(new Line(v.table(), targets.get(v.table()), "-", v.targetRows(), 0, -1, v, null));
            }
            return out;
        }
        for (TableResult r : load.tables()) {
            TableProgress p = progress.apply(r.table());
            double rate = p == null || r.rangesLoaded() == 0 ? -1 : p.rowsPerSecond();
            out.add(new Line(r.table(), targets.get(r.table()), r.state().name(), r.rows(), r.rejected(), rate,
                    byTable.get(r.table()), r.error(), r.lobsTruncated(), r.lobsNulled()));
        }
        return out;
    }

    /** Whether a validation result counts as a success (validated, or keyless with equal counts). */
    static boolean ok(TableValidation v) {
        return v.status() == TableValidation.Status.VALIDATED
                || v.status() == TableValidation.Status.NOT_COMPARABLE && v.sourceRows() == v.targetRows();
    }

    static String validationText(TableValidation v) {
        if (v == null) {
            return "not run";
        }
        return switch (v.status()) {
            case VALIDATED -> "ok";
            case NOT_COMPARABLE -> v.sourceRows() == v.targetRows() ? "counts equal (no key)" : "COUNTS DIFFER (no key)";
            case MISMATCHED -> "MISMATCH: " + v.missing() + " missing, " + v.extra() + " extra, " + v.different() + " different"
                    + (v.sourceRows() != v.targetRows() ? " (source " + v.sourceRows() + ", target " + v.targetRows() + ")" : "");
        };
    }

    static void print(PrintWriter out, List<Line> lines) {
        String[] head = {"table", "rows", "rejected", "rows/s", "validation"};
        List<String[]> rows = new ArrayList<>();
        for (Line l : lines) {
            String name = l.table() + (l.target() != null && !l.target().equals(l.table()) ? " -> " + l.target() : "");
            rows.add(new String[]{name + (l.state().equals("DONE") || l.state().equals("-") ? "" : " [" + l.state() + "]"),
                    LoadProgressPrinter.fmt(l.rows()), LoadProgressPrinter.fmt(l.rejected()),
                    l.rowsPerSecond() < 0 ? "-" : LoadProgressPrinter.fmt(Math.round(l.rowsPerSecond())),
                    validationText(l.validation())});
        }
        int[] w = new int[head.length];
        for (int i = 0; i < head.length; i++) {
            w[i] = head[i].length();
            for (String[] r : rows) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        out.println(row(head, w));
        StringBuilder sep = new StringBuilder();
        for (int i = 0; i < w.length; i++) {
            sep.append(i > 0 ? "  " : "").append("-".repeat(w[i]));
        }
        out.println(sep);
        for (String[] r : rows) {
            out.println(row(r, w));
        }
        for (Line l : lines) {
            if (l.lobsTruncated() > 0) {
                out.println("warning: " + l.table() + ": " + LoadProgressPrinter.fmt(l.lobsTruncated())
                        + " LOB values truncated at LobMaxSize (LobMode LIMITED; noted in ferry_exceptions)");
            }
            if (l.lobsNulled() > 0) {
                out.println("warning: " + l.table() + ": " + LoadProgressPrinter.fmt(l.lobsNulled())
                        + " LOB values not copied (LobMode NONE: NULL on the target)");
            }
        }
        for (Line l : lines) {
            if (l.error() != null) {
                out.println(l.table() + ": " + l.error());
            }
            TableValidation v = l.validation();
            if (v != null && !ok(v)) {
                if (!v.missingKeys().isEmpty()) {
                    out.println(l.table() + ": missing keys " + v.missingKeys());
                }
                if (!v.extraKeys().isEmpty()) {
                    out.println(l.table() + ": extra keys " + v.extraKeys());
                }
                if (!v.differentKeys().isEmpty()) {
                    out.println(l.table() + ": different keys " + v.differentKeys() + " in columns " + v.differentColumns());
                }
            }
        }
    }

    private static String row(String[] cells, int[] w) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            boolean right = i >= 1 && i <= 3;
            String c = cells[i];
            if (i > 0) {
                sb.append("  ");
            }
            if (right) {
                sb.append(" ".repeat(w[i] - c.length())).append(c);
            } else {
                sb.append(c).append(i == cells.length - 1 ? "" : " ".repeat(w[i] - c.length()));
            }
        }
        return sb.toString();
    }

    /** Writes the result file atomically (a temporary file, then a rename). */
    static void writeJson(Path file, String command, String task, String status, int exitCode, LoadResult load,
                          List<Line> lines, String error) throws IOException {
        StringBuilder sb = new StringBuilder("{\n");
        sb.append("  \"command\": ").append(q(command)).append(",\n");
        sb.append("  \"task\": ").append(q(task)).append(",\n");
        sb.append("  \"finishedAt\": ").append(q(Instant.now().toString())).append(",\n");
        sb.append("  \"status\": ").append(q(status)).append(",\n");
        sb.append("  \"exitCode\": ").append(exitCode).append(",\n");
        if (error != null) {
            sb.append("  \"error\": ").append(q(error)).append(",\n");
        }
        if (load != null) {
            sb.append("  \"elapsedMillis\": ").append(load.elapsed().toMillis()).append(",\n");
            sb.append("  \"totalRows\": ").append(load.totalRows()).append(",\n");
            sb.append("  \"totalRejected\": ").append(load.totalRejected()).append(",\n");
            sb.append("  \"position\": {");
            int i = 0;
            for (Map.Entry<String, String> e : load.position().entrySet()) {
                sb.append(i++ > 0 ? ", " : "").append(q(e.getKey())).append(": ").append(q(e.getValue()));
            }
            sb.append("},\n");
        }
        sb.append("  \"tables\": [");
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            TableValidation v = l.validation();
            sb.append(i > 0 ? "," : "").append("\n    {\"table\": ").append(q(l.table()))
                    .append(", \"target\": ").append(q(l.target()))
                    .append(", \"state\": ").append(q(l.state()))
                    .append(", \"rows\": ").append(l.rows())
                    .append(", \"rejected\": ").append(l.rejected())
                    .append(", \"lobsTruncated\": ").append(l.lobsTruncated())
                    .append(", \"lobsNulled\": ").append(l.lobsNulled())
                    .append(", \"rowsPerSecond\": ").append(l.rowsPerSecond() < 0 ? "null" : String.format(Locale.ROOT, "%.1f", l.rowsPerSecond()));
            if (l.error() != null) {
                sb.append(", \"error\": ").append(q(l.error()));
            }
            if (v != null) {
                sb.append(", \"validation\": {\"status\": ").append(q(v.status().name()))
                        .append(", \"sourceRows\": ").append(v.sourceRows())
                        .append(", \"targetRows\": ").append(v.targetRows())
                        .append(", \"missing\": ").append(v.missing())
                        .append(", \"extra\": ").append(v.extra())
                        .append(", \"different\": ").append(v.different()).append('}');
            }
            sb.append('}');
        }
        sb.append(lines.isEmpty() ? "]\n" : "\n  ]\n").append("}\n");
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, sb, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static String q(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
