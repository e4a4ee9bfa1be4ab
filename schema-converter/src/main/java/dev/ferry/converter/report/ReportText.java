package dev.ferry.converter.report;

import dev.ferry.converter.assess.ActionItem;
import dev.ferry.converter.assess.ConvertedObject;
import dev.ferry.converter.assess.ObjectStatus;
import dev.ferry.converter.assess.Severity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Shared text helpers of the HTML and PDF writers: escaping, labels, colours, per-code totals. */
final class ReportText {

    static final String AUTO_COLOR = "#2e7d32";
    static final String WARN_COLOR = "#e0a100";
    static final String MANUAL_COLOR = "#c62828";

    private ReportText() {
    }

    /** Escapes text for HTML and XML (element content and quoted attributes); drops characters XML cannot carry. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r' || c == 0xFFFE || c == 0xFFFF) {
                        b.append('\uFFFD');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    static String statusLabel(ObjectStatus s) {
        return switch (s) {
            case AUTO -> "Auto";
            case AUTO_WITH_WARNINGS -> "Auto with warnings";
            case MANUAL -> "Manual";
        };
    }

    static String statusClass(ObjectStatus s) {
        return s.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static String statusColor(ObjectStatus s) {
        return switch (s) {
            case AUTO -> AUTO_COLOR;
            case AUTO_WITH_WARNINGS -> WARN_COLOR;
            case MANUAL -> MANUAL_COLOR;
        };
    }

    static String severityColor(Severity s) {
        return switch (s) {
            case CRITICAL -> "#7b1fa2";
            case HIGH -> "#c62828";
            case MEDIUM -> "#ef6c00";
            case LOW -> "#f9a825";
            case INFO -> "#1e88e5";
        };
    }

    static String hours(int minutes) {
        if (minutes == 0) {
            return "0 min";
        }
        if (minutes < 60) {
            return minutes + " min";
        }
        return String.format(Locale.ROOT, "%.1f h", minutes / 60.0);
    }

    static String qualified(ConvertedObject o) {
        return (o.schema() == null || o.schema().isEmpty() ? "" : o.schema() + ".") + o.name();
    }

    static String position(ActionItem i) {
        return i.line() > 0 ? i.line() + ":" + i.column() : "";
    }

    static String engine(dev.ferry.model.schema.Engine e) {
        return e == null ? "?" : e.displayName();
    }

    /** Totals per action-item code, sorted by severity then code: code → [severity, count, minutes, recommendation]. */
    record CodeTotal(String code, Severity severity, int count, int minutes, String recommendation) {
    }

    static List<CodeTotal> byCode(AssessmentReport report) {
        Map<String, CodeTotal> m = new TreeMap<>();
        for (ConvertedObject o : report.objects()) {
            for (ActionItem i : o.actionItems()) {
                m.merge(i.code(), new CodeTotal(i.code(), i.severity(), 1, i.effortMinutes(), i.recommendation()),
                        (a, b) -> new CodeTotal(a.code(), a.severity().compareTo(b.severity()) <= 0 ? a.severity() : b.severity(),
                                a.count() + b.count(), a.minutes() + b.minutes(), a.recommendation()));
            }
        }
        List<CodeTotal> list = new ArrayList<>(m.values());
        list.sort(java.util.Comparator.comparing(CodeTotal::severity).thenComparing(CodeTotal::code));
        return list;
    }

    /** Action items with their objects, grouped by severity (CRITICAL first; empty severities omitted). */
    static Map<Severity, List<Map.Entry<ConvertedObject, ActionItem>>> itemsBySeverity(AssessmentReport report) {
        Map<Severity, List<Map.Entry<ConvertedObject, ActionItem>>> m = new LinkedHashMap<>();
        for (Severity s : Severity.values()) {
            for (ConvertedObject o : report.orderedForDisplay()) {
                for (ActionItem i : o.actionItems()) {
                    if (i.severity() == s) {
                        m.computeIfAbsent(s, k -> new ArrayList<>()).add(Map.entry(o, i));
                    }
                }
            }
        }
        return m;
    }

    /** Source lines (1-based, in the source file) that carry an action item, with the item codes. */
    static Map<Integer, List<String>> itemLines(ConvertedObject o) {
        Map<Integer, List<String>> m = new TreeMap<>();
        for (ActionItem i : o.actionItems()) {
            if (i.line() > 0) {
                m.computeIfAbsent(i.line(), k -> new ArrayList<>()).add(i.code() + " " + i.severity());
            }
        }
        return m;
    }

    static String[] lines(String text) {
        return text == null ? new String[0] : text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    }
}
