package dev.ferry.converter.report;

import dev.ferry.converter.assess.ActionItem;
import dev.ferry.converter.assess.ConversionResult;
import dev.ferry.converter.assess.ConvertedObject;
import dev.ferry.converter.assess.ObjectStatus;
import dev.ferry.converter.assess.Severity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything the assessment writers render: the verified {@link ConversionResult} plus where it came from and how it
 * was verified. Derived figures (summary, per-type counts, converted file names) are computed here once, so every
 * writer shows the same numbers.
 *
 * @param conversion        the (verified) conversion
 * @param generatedAt       when the assessment ran
 * @param ferryVersion      the Ferry version that wrote it
 * @param sourceDescription what was read, e.g. a folder path
 * @param targetSchema      the PostgreSQL schema the objects were converted into
 * @param files             the script files that were read, in reading order
 * @param linesOfCode       non-blank, non-comment lines of the files read
 * @param timings           parse/convert/verify durations
 * @param verification      how the conversion was verified
 * @param notes             remarks for the reader (skipped files, limitations), may be empty
 */
public record AssessmentReport(ConversionResult conversion, Instant generatedAt, String ferryVersion,
                               String sourceDescription, String targetSchema, List<String> files, int linesOfCode,
                               Timings timings, Verification verification, List<String> notes) {

    /** Durations in milliseconds. */
    public record Timings(long parseMillis, long convertMillis, long verifyMillis) {
    }

    /**
     * How the conversion was verified.
     *
     * @param mode     {@code reparse} (re-parse with Ferry's PostgreSQL grammar only), {@code embedded} (re-parse and
     *                 deploy into a temporary embedded PostgreSQL, rolled back) or {@code target} (re-parse and deploy
     *                 into the given server, rolled back)
     * @param target   what was deployed into (redacted), or {@code null} for {@code reparse}
     * @param deployed objects that verified
     * @param failed   converted objects that did not verify
     */
    public record Verification(String mode, String target, int deployed, int failed) {
        public Verification {
            Objects.requireNonNull(mode, "mode");
        }
    }

    /** The headline figures. {@code autoConvertedPercent} counts AUTO and AUTO_WITH_WARNINGS objects. */
    public record Summary(int objects, int auto, int autoWithWarnings, int manual, double autoConvertedPercent,
                          int linesOfCode, double estimatedEffortHours, int estimatedEffortMinutes, String complexity) {
    }

    /** Counts and effort of one object type. */
    public record TypeSummary(String type, int total, int auto, int autoWithWarnings, int manual, int effortMinutes) {
    }

    public AssessmentReport {
        Objects.requireNonNull(conversion, "conversion");
        Objects.requireNonNull(generatedAt, "generatedAt");
        ferryVersion = ferryVersion == null ? "dev" : ferryVersion;
        sourceDescription = sourceDescription == null ? "" : sourceDescription;
        files = List.copyOf(files);
        timings = timings == null ? new Timings(0, 0, 0) : timings;
        Objects.requireNonNull(verification, "verification");
        notes = List.copyOf(notes);
    }

    public List<ConvertedObject> objects() {
        return conversion.objects();
    }

    public Summary summary() {
        Map<ObjectStatus, Long> c = conversion.countsByStatus();
        int n = conversion.objects().size();
        int auto = c.get(ObjectStatus.AUTO).intValue();
        int warn = c.get(ObjectStatus.AUTO_WITH_WARNINGS).intValue();
        int manual = c.get(ObjectStatus.MANUAL).intValue();
        double pct = n == 0 ? 0 : Math.round((auto + warn) * 1000.0 / n) / 10.0;
        int minutes = conversion.totalEffortMinutes();
        return new Summary(n, auto, warn, manual, pct, linesOfCode, Math.round(minutes / 6.0) / 10.0, minutes,
                conversion.complexity().name());
    }

    /** Per object type, in deploy-rank order of first appearance (tables before indexes...). */
    public List<TypeSummary> byType() {
        Map<String, int[]> m = new LinkedHashMap<>();
        for (ConvertedObject o : orderedForDisplay()) {
            int[] a = m.computeIfAbsent(o.type(), k -> new int[5]);
            a[0]++;
            a[1 + o.status().ordinal()]++;
            a[4] += o.effortMinutes();
        }
        List<TypeSummary> out = new ArrayList<>();
        m.forEach((t, a) -> out.add(new TypeSummary(t, a[0], a[1], a[2], a[3], a[4])));
        return out;
    }

    /** Effort in minutes per severity (CRITICAL first), including severities without items. */
    public Map<Severity, Integer> effortBySeverity() {
        Map<Severity, Integer> m = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            m.put(s, 0);
        }
        for (ConvertedObject o : objects()) {
            for (ActionItem i : o.actionItems()) {
                m.merge(i.severity(), i.effortMinutes(), Integer::sum);
            }
        }
        return m;
    }

    /** Number of action items per severity (CRITICAL first). */
    public Map<Severity, Integer> itemsBySeverity() {
        Map<Severity, Integer> m = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            m.put(s, 0);
        }
        objects().forEach(o -> o.actionItems().forEach(i -> m.merge(i.severity(), 1, Integer::sum)));
        return m;
    }

    /** Objects ordered schema → type (deploy rank) → name, as the reports list them. */
    public List<ConvertedObject> orderedForDisplay() {
        Map<String, Integer> deployIndex = new LinkedHashMap<>();
        List<ConvertedObject> ordered = conversion.inDeployOrder();
        for (int i = 0; i < ordered.size(); i++) {
            deployIndex.putIfAbsent(ordered.get(i).type(), i);
        }
        List<ConvertedObject> list = new ArrayList<>(objects());
        list.sort(Comparator.comparing(AssessmentReport::schemaOf)
                .thenComparingInt(o -> deployIndex.getOrDefault(o.type(), Integer.MAX_VALUE))
                .thenComparing(ConvertedObject::type)
                .thenComparing(o -> o.name() == null ? "" : o.name()));
        return list;
    }

    /**
     * File name (relative to the output folder, e.g. {@code converted/03-table-hr.regions.sql}) for each converted
     * object key, numbered in deploy order; objects without converted SQL have none.
     */
    public Map<String, String> convertedFiles() {
        List<ConvertedObject> converted = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ConvertedObject o : conversion.inDeployOrder()) {
            if (o.converted() && seen.add(o.key())) {
                converted.add(o);
            }
        }
        for (ConvertedObject o : objects()) { // objects missing from the deploy order go last
            if (o.converted() && seen.add(o.key())) {
                converted.add(o);
            }
        }
        int width = Math.max(2, String.valueOf(converted.size()).length());
        Map<String, String> files = new LinkedHashMap<>();
        Set<String> used = new HashSet<>();
        for (int i = 0; i < converted.size(); i++) {
            ConvertedObject o = converted.get(i);
            String base = String.format(Locale.ROOT, "%0" + width + "d-%s-%s", i + 1, safe(o.type().toLowerCase(Locale.ROOT)),
                    safe((o.schema() == null ? "" : o.schema() + ".") + o.name()));
            String name = base;
            for (int k = 2; !used.add(name.toLowerCase(Locale.ROOT)); k++) {
                name = base + "~" + k;
            }
            files.put(o.key(), "converted/" + name + ".sql");
        }
        return files;
    }

    /** Object keys per schema and type, for tree views: schema → type → objects. */
    public Map<String, Map<String, List<ConvertedObject>>> tree() {
        Map<String, Map<String, List<ConvertedObject>>> t = new TreeMap<>();
        for (ConvertedObject o : orderedForDisplay()) {
            t.computeIfAbsent(schemaOf(o), k -> new LinkedHashMap<>())
                    .computeIfAbsent(o.type(), k -> new ArrayList<>()).add(o);
        }
        return t;
    }

    /** The object's schema; a SCHEMA object (which has none) belongs to itself. */
    public static String schemaOf(ConvertedObject o) {
        if (o.schema() != null && !o.schema().isEmpty()) {
            return o.schema();
        }
        return "SCHEMA".equals(o.type()) ? o.name() : "";
    }

    /** The highest severity among the object's items, or {@code null} when it has none. */
    public static Severity highestSeverity(ConvertedObject o) {
        return o.actionItems().stream().map(ActionItem::severity).min(Comparator.naturalOrder()).orElse(null);
    }

    static String safe(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-' || c == '$') ? c : '_');
        }
        return b.length() > 120 ? b.substring(0, 120) : b.toString();
    }

    /** Counts non-blank lines that are not only a comment ({@code --}, {@code REM}/{@code REMARK}, a {@code /* *}{@code /} block). */
    public static int linesOfCode(String text) {
        int n = 0;
        boolean inBlock = false;
        for (String raw : text.split("\r?\n|\r", -1)) {
            String l = raw.strip();
            if (inBlock) {
                int end = l.indexOf("*/");
                if (end < 0) {
                    continue;
                }
                inBlock = false;
                l = l.substring(end + 2).strip();
            }
            if (l.startsWith("/*")) {
                int end = l.indexOf("*/", 2);
                if (end < 0) {
                    inBlock = true;
                    continue;
                }
                l = l.substring(end + 2).strip();
            }
            String u = l.toUpperCase(Locale.ROOT);
            if (l.isEmpty() || l.startsWith("--") || u.equals("REM") || u.startsWith("REM ") || u.startsWith("REMARK")) {
                continue;
            }
            n++;
        }
        return n;
    }
}
