package dev.ferry.converter.report;

import dev.ferry.converter.assess.ObjectStatus;
import dev.ferry.converter.assess.Severity;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.ferry.converter.report.ReportText.esc;

/** Inline SVG charts of the HTML report, generated in Java (no script, no external resources). */
final class SvgCharts {

    private static final int WIDTH = 560;
    private static final int LABEL = 130;
    private static final int ROW = 24;

    private SvgCharts() {
    }

    /** Objects per type as horizontal stacked bars: auto, auto with warnings, manual. */
    static String statusByType(AssessmentReport report) {
        List<AssessmentReport.TypeSummary> types = report.byType();
        int max = Math.max(1, types.stream().mapToInt(AssessmentReport.TypeSummary::total).max().orElse(1));
        int barArea = WIDTH - LABEL - 40;
        int height = 30 + types.size() * ROW + 10;
        StringBuilder b = new StringBuilder();
        b.append("<svg class=\"chart\" role=\"img\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" aria-label=\"Objects by type and status\">");
        int lx = LABEL;
        for (ObjectStatus s : ObjectStatus.values()) {
            b.append("<rect x=\"").append(lx).append("\" y=\"6\" width=\"12\" height=\"12\" fill=\"").append(ReportText.statusColor(s)).append("\"/>");
            b.append("<text x=\"").append(lx + 16).append("\" y=\"16\" class=\"lg\">").append(esc(ReportText.statusLabel(s))).append("</text>");
            lx += 20 + ReportText.statusLabel(s).length() * 7;
        }
        int y = 30;
        for (AssessmentReport.TypeSummary t : types) {
            b.append("<text x=\"").append(LABEL - 8).append("\" y=\"").append(y + 15).append("\" text-anchor=\"end\">")
                    .append(esc(t.type())).append("</text>");
            int x = LABEL;
            int[] counts = {t.auto(), t.autoWithWarnings(), t.manual()};
            for (int k = 0; k < 3; k++) {
                if (counts[k] == 0) {
                    continue;
                }
                int w = Math.max(2, (int) Math.round(counts[k] * (double) barArea / max));
                ObjectStatus s = ObjectStatus.values()[k];
                b.append("<rect x=\"").append(x).append("\" y=\"").append(y + 3).append("\" width=\"").append(w)
                        .append("\" height=\"").append(ROW - 6).append("\" fill=\"").append(ReportText.statusColor(s))
                        .append("\"><title>").append(esc(t.type() + ": " + counts[k] + " " + ReportText.statusLabel(s).toLowerCase(Locale.ROOT)))
                        .append("</title></rect>");
                if (w >= 18) {
                    b.append("<text x=\"").append(x + w / 2).append("\" y=\"").append(y + 16)
                            .append("\" text-anchor=\"middle\" class=\"in\">").append(counts[k]).append("</text>");
                }
                x += w;
            }
            b.append("<text x=\"").append(x + 6).append("\" y=\"").append(y + 16).append("\">").append(t.total()).append("</text>");
            y += ROW;
        }
        return b.append("</svg>").toString();
    }

    /** Estimated effort per severity as horizontal bars. */
    static String effortBySeverity(AssessmentReport report) {
        Map<Severity, Integer> effort = report.effortBySeverity();
        Map<Severity, Integer> items = report.itemsBySeverity();
        int max = Math.max(1, effort.values().stream().mapToInt(Integer::intValue).max().orElse(1));
        int barArea = WIDTH - LABEL - 150;
        int height = 10 + effort.size() * ROW + 10;
        StringBuilder b = new StringBuilder();
        b.append("<svg class=\"chart\" role=\"img\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" aria-label=\"Estimated effort by severity\">");
        int y = 10;
        for (Map.Entry<Severity, Integer> e : effort.entrySet()) {
            Severity s = e.getKey();
            int w = e.getValue() == 0 ? 0 : Math.max(2, (int) Math.round(e.getValue() * (double) barArea / max));
            b.append("<text x=\"").append(LABEL - 8).append("\" y=\"").append(y + 15).append("\" text-anchor=\"end\">")
                    .append(s.name()).append("</text>");
            b.append("<rect x=\"").append(LABEL).append("\" y=\"").append(y + 3).append("\" width=\"").append(w)
                    .append("\" height=\"").append(ROW - 6).append("\" fill=\"").append(ReportText.severityColor(s)).append("\"/>");
            b.append("<text x=\"").append(LABEL + w + 6).append("\" y=\"").append(y + 16).append("\">")
                    .append(esc(ReportText.hours(e.getValue()) + " · " + items.get(s) + (items.get(s) == 1 ? " item" : " items")))
                    .append("</text>");
            y += ROW;
        }
        return b.append("</svg>").toString();
    }
}
