package dev.ferry.converter.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import dev.ferry.converter.assess.ActionItem;
import dev.ferry.converter.assess.ConvertedObject;
import dev.ferry.converter.assess.ObjectStatus;
import dev.ferry.converter.assess.Severity;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.ferry.converter.report.ReportText.esc;

/**
 * Writes {@code assessment.pdf} with openhtmltopdf from print-specific XHTML (no script, no SVG: charts are CSS bars):
 * a cover page, a table of contents with page numbers, the executive summary, the action items grouped by severity and
 * an appendix with every object's items, source and converted code (monospace, wrapped). Page size A4 or Letter,
 * page numbers in the footer. DejaVu fonts are embedded when the system has them (wider Unicode coverage); otherwise
 * the PDF standard fonts are used.
 *
 * <p>Threading: stateless; each call builds its own renderer.
 */
public final class PdfReportWriter {

    private static final List<Path> FONT_DIRS = List.of(Path.of("/usr/share/fonts/truetype/dejavu"),
            Path.of("/usr/share/fonts/dejavu"), Path.of("/usr/share/fonts/TTF"), Path.of("/Library/Fonts"));

    private PdfReportWriter() {
    }

    public static Path write(AssessmentReport report, Path file, PageSize pageSize) throws IOException {
        String xhtml = xhtml(report, pageSize);
        XRLog.setLoggingEnabled(false);
        try (OutputStream os = Files.newOutputStream(file)) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            Path sans = font("DejaVuSans.ttf");
            Path sansBold = font("DejaVuSans-Bold.ttf");
            Path mono = font("DejaVuSansMono.ttf");
            if (sans != null && sansBold != null && mono != null) {
                builder.useFont(sans.toFile(), "DejaVu Sans", 400, com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle.NORMAL, true);
                builder.useFont(sansBold.toFile(), "DejaVu Sans", 700, com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle.NORMAL, true);
                builder.useFont(mono.toFile(), "DejaVu Sans Mono", 400, com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle.NORMAL, true);
            }
            builder.withHtmlContent(xhtml, file.toAbsolutePath().getParent().toUri().toString());
            builder.toStream(os);
            builder.run();
        } catch (RuntimeException e) {
            throw new IOException("cannot render " + file.getFileName() + ": " + e.getMessage(), e);
        }
        return file;
    }

    private static Path font(String name) {
        for (Path d : FONT_DIRS) {
            Path p = d.resolve(name);
            if (Files.isReadable(p)) {
                return p;
            }
        }
        return null;
    }

    /** The print XHTML (well-formed XML) the PDF is rendered from. */
    public static String xhtml(AssessmentReport r, PageSize pageSize) {
        AssessmentReport.Summary s = r.summary();
        String source = ReportText.engine(r.conversion().sourceEngine());
        String target = ReportText.engine(r.conversion().targetEngine());
        String title = source + " to " + target + " migration assessment";
        StringBuilder b = new StringBuilder(128 * 1024);
        b.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head><meta charset=\"utf-8\"/>")
                .append("<title>").append(esc(title)).append("</title><style>")
                .append(css(pageSize, r)).append("</style></head><body>\n");

        // cover
        b.append("<div class=\"cover\"><div class=\"brand\">FERRY</div><h1 class=\"title\">").append(esc(title)).append("</h1>")
                .append("<table class=\"facts\">")
                .append(fact("Source", source + " scripts: " + r.sourceDescription()))
                .append(fact("Files", String.join(", ", r.files())))
                .append(fact("Target", target + ", schema " + r.targetSchema()))
                .append(fact("Verification", HtmlReportWriter.verification(r)))
                .append(fact("Date", HtmlReportWriter.DATE.format(r.generatedAt())))
                .append(fact("Ferry", r.ferryVersion()))
                .append("</table>")
                .append("<div class=\"coverfig\">").append(s.objects()).append(" objects · ")
                .append(esc(HtmlReportWriter.fmtPct(s.autoConvertedPercent()))).append(" converted automatically · ")
                .append(esc(String.format(Locale.ROOT, "%.1f", s.estimatedEffortHours()))).append(" hours estimated effort</div></div>\n");

        // contents
        Map<String, Map<String, List<ConvertedObject>>> tree = r.tree();
        Map<Severity, List<Map.Entry<ConvertedObject, ActionItem>>> bySeverity = ReportText.itemsBySeverity(r);
        b.append("<div class=\"toc\"><h2>Contents</h2><ul>");
        toc(b, "summary", "Executive summary", 0);
        toc(b, "items", "Action items by severity", 0);
        for (Severity sv : bySeverity.keySet()) {
            toc(b, "sev-" + sv.name().toLowerCase(Locale.ROOT), sv.name() + " (" + bySeverity.get(sv).size() + ")", 1);
        }
        toc(b, "appendix", "Appendix: objects", 0);
        for (Map.Entry<String, Map<String, List<ConvertedObject>>> schema : tree.entrySet()) {
            for (Map.Entry<String, List<ConvertedObject>> type : schema.getValue().entrySet()) {
                toc(b, groupId(schema.getKey(), type.getKey()), (schema.getKey().isEmpty() ? "" : schema.getKey() + " · ")
                        + type.getKey() + " (" + type.getValue().size() + ")", 1);
            }
        }
        b.append("</ul></div>\n");

        // executive summary
        b.append("<h1 id=\"summary\" class=\"chapter\">Executive summary</h1>");
        b.append("<table class=\"cards\"><tr>")
                .append(card("Objects", String.valueOf(s.objects()), s.auto() + " auto, " + s.autoWithWarnings() + " with warnings, " + s.manual() + " manual"))
                .append(card("Converted automatically", HtmlReportWriter.fmtPct(s.autoConvertedPercent()), "auto + auto with warnings"))
                .append(card("Estimated effort", String.format(Locale.ROOT, "%.1f h", s.estimatedEffortHours()), s.estimatedEffortMinutes() + " minutes"))
                .append(card("Complexity", s.complexity().charAt(0) + s.complexity().substring(1).toLowerCase(Locale.ROOT), s.linesOfCode() + " lines of code"))
                .append("</tr></table>");
        b.append("<p>").append(esc(summarySentence(r))).append("</p>");
        b.append("<h3>Objects by type and status</h3>").append(statusBars(r));
        b.append("<h3>Estimated effort by severity</h3>").append(effortBars(r));
        List<ReportText.CodeTotal> codes = ReportText.byCode(r);
        if (!codes.isEmpty()) {
            b.append("<h3>Action items by code</h3><table class=\"grid\"><thead><tr><th class=\"c-code\">Code</th><th class=\"c-sev\">Severity</th>")
                    .append("<th class=\"c-num\">Items</th><th class=\"c-num\">Effort</th><th>Recommendation</th></tr></thead><tbody>");
            for (ReportText.CodeTotal c : codes) {
                b.append("<tr><td class=\"mono\">").append(esc(c.code())).append("</td><td>").append(sev(c.severity()))
                        .append("</td><td class=\"num\">").append(c.count()).append("</td><td class=\"num\">")
                        .append(esc(ReportText.hours(c.minutes()))).append("</td><td class=\"small\">").append(esc(c.recommendation()))
                        .append("</td></tr>");
            }
            b.append("</tbody></table>");
        }
        if (!r.notes().isEmpty()) {
            b.append("<h3>Notes</h3><ul>");
            r.notes().forEach(n -> b.append("<li>").append(esc(n)).append("</li>"));
            b.append("</ul>");
        }

        // action items by severity
        b.append("<h1 id=\"items\" class=\"chapter\">Action items by severity</h1>");
        if (bySeverity.isEmpty()) {
            b.append("<p>No action items.</p>");
        }
        for (Map.Entry<Severity, List<Map.Entry<ConvertedObject, ActionItem>>> e : bySeverity.entrySet()) {
            Severity sv = e.getKey();
            b.append("<h2 id=\"sev-").append(sv.name().toLowerCase(Locale.ROOT)).append("\">").append(sev(sv)).append(" ")
                    .append(e.getValue().size()).append(e.getValue().size() == 1 ? " item" : " items").append(", ")
                    .append(esc(ReportText.hours(r.effortBySeverity().get(sv)))).append("</h2>");
            b.append("<table class=\"grid\"><thead><tr><th class=\"c-obj\">Object</th><th class=\"c-code\">Code</th>")
                    .append("<th class=\"c-pos\">Line:col</th><th>Message</th><th class=\"c-num\">Min</th></tr></thead><tbody>");
            for (Map.Entry<ConvertedObject, ActionItem> it : e.getValue()) {
                ConvertedObject o = it.getKey();
                ActionItem i = it.getValue();
                b.append("<tr><td class=\"wrap\"><a href=\"#").append(esc(HtmlReportWriter.anchor(o))).append("\">")
                        .append(esc(o.name())).append("</a><div class=\"small\">").append(esc(o.type())).append("</div></td><td class=\"mono\">")
                        .append(esc(i.code())).append("</td><td class=\"mono\">").append(esc(ReportText.position(i)))
                        .append("</td><td class=\"wrap\">").append(esc(i.message())).append("</td><td class=\"num\">")
                        .append(i.effortMinutes()).append("</td></tr>");
            }
            b.append("</tbody></table>");
        }

        // appendix
        Map<String, String> files = r.convertedFiles();
        b.append("<h1 id=\"appendix\" class=\"chapter\">Appendix: objects</h1>");
        for (Map.Entry<String, Map<String, List<ConvertedObject>>> schema : tree.entrySet()) {
            for (Map.Entry<String, List<ConvertedObject>> type : schema.getValue().entrySet()) {
                b.append("<h2 id=\"").append(esc(groupId(schema.getKey(), type.getKey()))).append("\">")
                        .append(esc((schema.getKey().isEmpty() ? "" : schema.getKey() + " · ") + type.getKey()))
                        .append(" (").append(type.getValue().size()).append(")</h2>");
                for (ConvertedObject o : type.getValue()) {
                    object(b, o, files.get(o.key()));
                }
            }
        }
        b.append("</body></html>\n");
        return b.toString();
    }

    private static String summarySentence(AssessmentReport r) {
        AssessmentReport.Summary s = r.summary();
        return s.objects() + " objects were read from " + r.files().size() + (r.files().size() == 1 ? " file" : " files")
                + " (" + s.linesOfCode() + " lines of code). " + s.auto() + " converted automatically without warnings, "
                + s.autoWithWarnings() + " converted with warnings to review, and " + s.manual()
                + " need manual work. Verification: " + HtmlReportWriter.verification(r) + ". The estimated effort is "
                + s.estimatedEffortMinutes() + " minutes (" + String.format(Locale.ROOT, "%.1f", s.estimatedEffortHours())
                + " hours); complexity " + s.complexity().toLowerCase(Locale.ROOT) + ".";
    }

    private static String groupId(String schema, String type) {
        return "grp-" + AssessmentReport.safe(schema + "-" + type);
    }

    private static void toc(StringBuilder b, String id, String label, int level) {
        b.append("<li class=\"l").append(level).append("\"><a href=\"#").append(esc(id)).append("\">").append(esc(label))
                .append("</a></li>");
    }

    private static String fact(String k, String v) {
        return "<tr><th>" + esc(k) + "</th><td>" + esc(v) + "</td></tr>";
    }

    private static String card(String label, String value, String sub) {
        return "<td class=\"card\"><div class=\"label\">" + esc(label) + "</div><div class=\"value\">" + esc(value)
                + "</div><div class=\"sub\">" + esc(sub) + "</div></td>";
    }

    private static String sev(Severity s) {
        return "<span class=\"sev\" style=\"color:" + ReportText.severityColor(s) + "\">" + s.name() + "</span>";
    }

    private static String statusBars(AssessmentReport r) {
        List<AssessmentReport.TypeSummary> types = r.byType();
        int max = Math.max(1, types.stream().mapToInt(AssessmentReport.TypeSummary::total).max().orElse(1));
        StringBuilder b = new StringBuilder("<table class=\"bars\"><tbody>");
        for (AssessmentReport.TypeSummary t : types) {
            b.append("<tr><td class=\"blabel\">").append(esc(t.type())).append("</td><td class=\"bcell\">");
            int[] counts = {t.auto(), t.autoWithWarnings(), t.manual()};
            for (int k = 0; k < 3; k++) {
                if (counts[k] > 0) {
                    double w = counts[k] * 80.0 / max;
                    b.append("<div class=\"seg\" style=\"width:").append(String.format(Locale.ROOT, "%.2f", w))
                            .append("%;background:").append(ReportText.statusColor(ObjectStatus.values()[k])).append("\">")
                            .append(w >= 4 ? String.valueOf(counts[k]) : "&#160;").append("</div>");
                }
            }
            b.append("<div class=\"tot\">").append(t.total()).append("</div></td></tr>");
        }
        b.append("</tbody></table><div class=\"legend\">");
        for (ObjectStatus st : ObjectStatus.values()) {
            b.append("<span class=\"sw\" style=\"background:").append(ReportText.statusColor(st)).append("\">&#160;</span> ")
                    .append(esc(ReportText.statusLabel(st))).append("&#160;&#160;&#160; ");
        }
        return b.append("</div>").toString();
    }

    private static String effortBars(AssessmentReport r) {
        Map<Severity, Integer> effort = r.effortBySeverity();
        Map<Severity, Integer> items = r.itemsBySeverity();
        int max = Math.max(1, effort.values().stream().mapToInt(Integer::intValue).max().orElse(1));
        StringBuilder b = new StringBuilder("<table class=\"bars\"><tbody>");
        for (Map.Entry<Severity, Integer> e : effort.entrySet()) {
            double w = e.getValue() * 70.0 / max;
            b.append("<tr><td class=\"blabel\">").append(e.getKey().name()).append("</td><td class=\"bcell\">");
            if (e.getValue() > 0) {
                b.append("<div class=\"seg\" style=\"width:").append(String.format(Locale.ROOT, "%.2f", Math.max(0.6, w)))
                        .append("%;background:").append(ReportText.severityColor(e.getKey())).append("\">&#160;</div>");
            }
            b.append("<div class=\"tot\">").append(esc(ReportText.hours(e.getValue()))).append(", ").append(items.get(e.getKey()))
                    .append(items.get(e.getKey()) == 1 ? " item" : " items").append("</div></td></tr>");
        }
        return b.append("</tbody></table>").toString();
    }

    private static void object(StringBuilder b, ConvertedObject o, String convertedFile) {
        b.append("<div class=\"obj\" id=\"").append(esc(HtmlReportWriter.anchor(o))).append("\"><h3>")
                .append("<span class=\"badge\" style=\"background:").append(ReportText.statusColor(o.status())).append("\">")
                .append(esc(ReportText.statusLabel(o.status()))).append("</span> ").append(esc(ReportText.qualified(o)))
                .append(" <span class=\"small\">").append(esc(o.type())).append("</span></h3>");
        b.append("<div class=\"small\">").append(o.verified() ? "verified" : "not verified");
        if (o.sourceFile() != null) {
            b.append(" · source ").append(esc(o.sourceFile())).append(o.sourceLine() > 0 ? ":" + o.sourceLine() : "");
        }
        if (convertedFile != null) {
            b.append(" · ").append(esc(convertedFile));
        }
        b.append(" · effort ").append(esc(ReportText.hours(o.effortMinutes()))).append("</div>");
        if (!o.actionItems().isEmpty()) {
            b.append("<table class=\"grid items\"><thead><tr><th class=\"c-code\">Code</th><th class=\"c-sev\">Severity</th>")
                    .append("<th class=\"c-pos\">Line:col</th><th>Message and recommendation</th><th class=\"c-num\">Min</th></tr></thead><tbody>");
            for (ActionItem i : o.actionItems()) {
                b.append("<tr><td class=\"mono\">").append(esc(i.code())).append("</td><td>").append(sev(i.severity()))
                        .append("</td><td class=\"mono\">").append(esc(ReportText.position(i))).append("</td><td class=\"wrap\">")
                        .append(esc(i.message())).append("<div class=\"small\">").append(esc(i.recommendation()))
                        .append("</div></td><td class=\"num\">").append(i.effortMinutes()).append("</td></tr>");
            }
            b.append("</tbody></table>");
        }
        b.append("<div class=\"codehead\">Source (Oracle)</div>");
        code(b, o.sourceText(), Math.max(1, o.sourceLine()), ReportText.itemLines(o), "no source text");
        b.append("<div class=\"codehead\">Converted (PostgreSQL)</div>");
        code(b, o.convertedSql(), 1, Map.of(), "not converted");
        b.append("</div>\n");
    }

    private static void code(StringBuilder b, String text, int first, Map<Integer, List<String>> hl, String empty) {
        if (text == null || text.isBlank()) {
            b.append("<div class=\"empty\">").append(esc(empty)).append("</div>");
            return;
        }
        b.append("<table class=\"code\"><tbody>");
        String[] lines = ReportText.lines(text);
        for (int k = 0; k < lines.length; k++) {
            int n = first + k;
            b.append(hl.containsKey(n) ? "<tr class=\"hl\">" : "<tr>").append("<td class=\"ln\">").append(n)
                    .append("</td><td class=\"tx\">").append(lines[k].isEmpty() ? "&#160;" : breakable(lines[k])).append("</td></tr>");
        }
        b.append("</tbody></table>");
    }

    /** Escapes a code line and lets very long unbroken runs wrap (a zero-width space every 40 characters of a run). */
    static String breakable(String line) {
        StringBuilder b = new StringBuilder();
        int run = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            run = Character.isWhitespace(c) ? 0 : run + 1;
            if (run > 40) {
                b.append('\u200B');
                run = 1;
            }
            b.append(esc(String.valueOf(c)));
        }
        return b.toString();
    }

    private static String css(PageSize size, AssessmentReport r) {
        String footer = ("Ferry assessment: " + r.sourceDescription()).replace("\\", "\\\\").replace("\"", "\\\"");
        if (footer.length() > 70) {
            footer = "..." + footer.substring(footer.length() - 67);
        }
        return """
                @page { size: %s; margin: 18mm 15mm 18mm 15mm;
                  @bottom-left { content: "%s"; font: 7pt 'DejaVu Sans', sans-serif; color: #777; }
                  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 7pt 'DejaVu Sans', sans-serif; color: #777; } }
                @page :first { @bottom-left { content: none; } @bottom-right { content: none; } }
                body { font-family: 'DejaVu Sans', sans-serif; font-size: 8.5pt; color: #1d2330; line-height: 1.35; }
                h1, h2, h3 { page-break-after: avoid; }
                h1.chapter { page-break-before: always; font-size: 17pt; margin: 0 0 8pt; border-bottom: 1.5pt solid #1d2330; padding-bottom: 3pt; }
                h2 { font-size: 12pt; margin: 12pt 0 5pt; }
                h3 { font-size: 9.5pt; margin: 9pt 0 3pt; }
                a { color: #1d4ed8; text-decoration: none; }
                .cover { page-break-after: always; padding-top: 55mm; }
                .brand { font-size: 11pt; letter-spacing: 4pt; color: #1e88e5; font-weight: bold; }
                h1.title { font-size: 26pt; margin: 6pt 0 18pt; line-height: 1.15; }
                table.facts { border-collapse: collapse; width: 100%%; font-size: 10pt; }
                table.facts th { text-align: left; width: 28mm; color: #5d6678; font-weight: normal; padding: 3pt 0; vertical-align: top; }
                table.facts td { padding: 3pt 0; word-wrap: break-word; }
                .coverfig { margin-top: 18mm; font-size: 13pt; font-weight: bold; color: #2e7d32; }
                .toc { page-break-after: always; }
                .toc h2 { font-size: 17pt; }
                .toc ul { list-style: none; padding: 0; margin: 0; }
                .toc li { margin: 2pt 0; }
                .toc li.l0 { font-weight: bold; margin-top: 6pt; }
                .toc li.l1 { padding-left: 8mm; }
                .toc a { color: #1d2330; }
                .toc a::after { content: leader('.') target-counter(attr(href), page); }
                table.cards { width: 100%%; border-collapse: separate; border-spacing: 4pt; margin: 0 -4pt; }
                td.card { border: 0.75pt solid #cfd4dc; background: #f6f7f9; padding: 6pt 8pt; width: 25%%; vertical-align: top; }
                .card .label { font-size: 6.5pt; color: #5d6678; text-transform: uppercase; }
                .card .value { font-size: 17pt; font-weight: bold; margin: 2pt 0; }
                .card .sub { font-size: 6.5pt; color: #5d6678; }
                table.bars { width: 100%%; border-collapse: collapse; }
                table.bars td { padding: 1.5pt 0; vertical-align: middle; }
                td.blabel { width: 30mm; text-align: right; padding-right: 6pt !important; font-size: 7.5pt; }
                div.seg { float: left; height: 11pt; color: #fff; font-size: 7pt; font-weight: bold; text-align: center; line-height: 11pt; }
                div.tot { float: left; padding-left: 4pt; font-size: 7.5pt; line-height: 11pt; }
                .legend { font-size: 7.5pt; margin: 3pt 0 0 30mm; }
                .sw { display: inline-block; width: 8pt; height: 8pt; }
                table.grid { width: 100%%; border-collapse: collapse; table-layout: fixed; -fs-table-paginate: paginate; margin: 3pt 0 6pt; }
                table.grid th, table.grid td { border: 0.5pt solid #cfd4dc; padding: 2pt 3pt; vertical-align: top; text-align: left; }
                table.grid th { background: #eef0f4; font-size: 7.5pt; }
                table.grid tr { page-break-inside: avoid; }
                th.c-code { width: 22mm; } th.c-sev { width: 17mm; } th.c-pos { width: 15mm; } th.c-num { width: 12mm; } th.c-obj { width: 38mm; }
                .num { text-align: right !important; }
                .mono { font-family: 'DejaVu Sans Mono', monospace; font-size: 7pt; }
                .wrap { word-wrap: break-word; }
                .small { font-size: 6.8pt; color: #5d6678; }
                .sev { font-weight: bold; }
                .badge { color: #fff; font-size: 7pt; padding: 0.5pt 3pt; }
                .obj { margin-top: 8pt; padding-top: 4pt; border-top: 0.5pt solid #cfd4dc; }
                .obj h3 { margin: 0 0 2pt; }
                .codehead { font-size: 7pt; font-weight: bold; color: #5d6678; margin: 4pt 0 1pt; }
                table.code { width: 100%%; border-collapse: collapse; table-layout: fixed; border: 0.5pt solid #cfd4dc; background: #fbfbfc; }
                table.code td { font-family: 'DejaVu Sans Mono', monospace; font-size: 6.8pt; line-height: 1.3; padding: 0 3pt; vertical-align: top; }
                table.code td.ln { width: 9mm; color: #8a93a5; text-align: right; border-right: 0.5pt solid #cfd4dc; }
                table.code td.tx { white-space: pre-wrap; word-wrap: break-word; }
                table.code tr.hl td { background: #fff3c4; }
                table.code tr.hl td.ln { background: #ffe083; color: #000; font-weight: bold; }
                .empty { font-style: italic; color: #8a93a5; font-size: 7pt; }
                """.formatted(size.css(), footer);
    }
}
